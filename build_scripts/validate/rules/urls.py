"""Addresses are absolute https, with an ASCII host and no credentials."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..context import Context
from .base import Rule

_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|xn--[a-z0-9-]+(\.[a-z0-9-]+)+")


def problem(url: str) -> tuple[str, str] | None:
    """(message, hint) if the address is not acceptable."""
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        return "address contains white space or control characters", "remove them"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"address must use https, not '{parts.scheme or 'none'}'", "use the https:// form of the address"
    if "@" in parts.netloc:
        return "address contains a user name or password", "remove everything before '@' in the host"
    host = parts.hostname or ""
    if parts.port is not None:
        return "address names a port", "link the standard https address"
    if not host.isascii():
        return f"host '{host}' has non-ASCII characters, which can imitate other hosts", "write the host in its punycode (xn--) form"
    if not _HOST.fullmatch(host):
        return f"host '{host}' is not a public domain name", "link the site by its domain name"
    return None


def check(ctx: Context) -> None:
    for record in ctx.corpus.records.get("source", []):
        for field in ("url", "archive_url"):
            url = record.doc.data.get(field)
            if isinstance(url, str):
                try:
                    found = problem(url)
                except ValueError as exc:
                    found = (f"address cannot be parsed: {exc}", "check the address")
                if found:
                    ctx.report(record, (field,), "url-https", *found)


RULE = Rule("url", "Source addresses are absolute https with an ASCII host and no credentials.", check)
