"""Escaping contributor text for Markdown, HTML attributes, YAML front matter and titles.

Every `{{ value }}` in a template passes through `finalize`, which escapes any string that is not
marked as trusted Markup: escaping is the default, trust is the exception.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# ASCII punctuation that Markdown, its extensions or HTML could read as syntax.
_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>&~=^:\"@$'")
_WS = re.compile(r"\s+")
_TITLE_OK = re.compile(r"[^\w\s,.;:'()%$/\-\u2013\u2014\u2019]", re.UNICODE)


_MD_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _MD_SPECIAL}


def md_text(value: Any) -> Markup:
    """Plain text as inert Markdown: every syntax character becomes a numeric character reference."""
    return Markup(_WS.sub(" ", str(value)).translate(_MD_TABLE))


def attr(value: Any) -> Markup:
    """Text for a quoted HTML attribute."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def yaml_str(value: Any) -> Markup:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return Markup(json.dumps(safe_title(value), ensure_ascii=False))


# Characters YAML 1.1 (PyYAML, which MkDocs reads front matter with) treats as line breaks inside a scalar.
_YAML_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def yaml_data(value: Any) -> Markup:
    """Any JSON-able value as one line of YAML front matter (JSON flow syntax is YAML), read back unchanged.
    Only the theme's head template reads it, and that escapes every value it prints."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    for char, escaped in _YAML_BREAKS.items():
        text = text.replace(char, escaped)
    return Markup(text)


def pre_text(value: Any) -> Markup:
    """Text for a raw <pre> block in Markdown: lines and indentation kept, every syntax character a reference."""
    return Markup(str(value).translate(_MD_TABLE))


def safe_title(value: Any, limit: int = 90) -> str:
    """Text for page titles and navigation, which themes render without escaping: only harmless characters."""
    text = _TITLE_OK.sub("", " ".join(str(value).split()))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def href(url: str) -> str:
    """An https address made safe for a Markdown link target; anything else is refused."""
    parts = urlsplit(url)
    if parts.scheme != "https" or "@" in parts.netloc or not parts.netloc:
        msg = f"refusing to link {url!r}: only https addresses are linked"
        raise ValueError(msg)
    return quote(url, safe=":/?#[]!$&'*+,;=%-._~").replace("(", "%28").replace(")", "%29")


def finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    return md_text(value)
