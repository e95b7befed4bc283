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

# Punctuation that Markdown, its extensions or HTML read as syntax wherever it stands in a line: emphasis and
# code, links, images, footnotes and abbreviations ([ ]), attribute lists ({ }), raw HTML and entities (< > &),
# table cells (|), tildes and carets, the backslash; quotes, so that a value is inert in an HTML attribute too; and
# '=', so that text such as `onerror=` never reads as an attribute, even to a reader of the raw Markdown.
# Escaping only these (not every punctuation mark) keeps the Markdown small: each entity costs the parser work.
_MD_SPECIAL = frozenset("\\`*_{}[]<>&|~^\"'=")
# Syntax that counts only at the start of a line (headings, quotes, lists, definitions, admonitions, setext
# rules, ordered-list numbers) or at the end of one (closing #s), escaped where a value starts or ends, since
# a template may put a value at either end of a line. A trailing '!' would make an image of a following '['.
_LEADING = re.compile(r"^( ?(?:\d+)?)([#>+=:!?-]|(?<=\d)[.)](?= |$))")
_TRAILING = re.compile(r"[#!]$")
_WS = re.compile(r"\s+")
_TITLE_OK = re.compile(r"[^\w\s,.;:'()%$/!?\-\u2013\u2014\u2018\u2019\u201c\u201d]", re.UNICODE)
_STRAIGHT_QUOTES = re.compile(r'"([^"]*)"')


_MD_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _MD_SPECIAL}


def _entity(match: re.Match[str]) -> str:
    if match.re is _LEADING:  # keep what leads up to the marker (a space, an ordered list's number)
        return match.group(1) + f"&#{ord(match.group(2))};"
    return f"&#{ord(match.group(0))};"


def md_text(value: Any) -> Markup:
    """Plain text as inert Markdown, on one line: every character that is syntax where it stands becomes a
    numeric character reference."""
    text = _WS.sub(" ", str(value)).translate(_MD_TABLE)
    return Markup(_TRAILING.sub(_entity, _LEADING.sub(_entity, text, count=1), count=1))


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


def safe_title(value: Any) -> str:
    """Text for page titles and navigation, which themes render without escaping: only harmless characters.
    Never shortened: a title cut mid-sentence misleads, and headlines are short by schema (at most 90 characters).
    Paired straight double quotes become typographic ones, which are harmless in an attribute."""
    text = _STRAIGHT_QUOTES.sub("\u201c\\1\u201d", " ".join(str(value).split()))
    return _TITLE_OK.sub("", text)


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
