"""What Markdown a narrative page may contain: the briefing's prose needs no HTML, no attributes and no scripts.

Refused, each with its file, line and column: raw HTML (tags, processing instructions, unclosed or
tag-bearing comments), attribute lists that set attributes (`{: onclick=... }`; only `#id` and `.class`
pass), links and images whose address is not https or relative (images relative only: the site
requests nothing from other hosts), and snippet includes (pymdownx.snippets reads files; only the
maintainers' includes/ may be included, by mkdocs.yml). The rendered HTML is checked again by
`sanitize.py` at build time, so what this lint misses still cannot go live.
"""
from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .load.tree import DocsTree
from .narrative import Tokens

_COMMENT = re.compile(r"<!--[^<>]*?-->")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_TAG = re.compile(r"<(?:/?[A-Za-z]|[!?])")
_ATTR_LIST = re.compile(r"\{:?[ \t]*[^{}\n]*?\}")
_ATTR_OK = re.compile(r"\{:?(?:[ \t]*[#.][A-Za-z][\w-]*)*[ \t]*\}")
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([ \t]*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S*?)>?(?:[ \t]|$)", re.MULTILINE)
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
_SNIPPET = re.compile(r"^[ \t]*;*-+8<-+", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def address_problem(url: str, image: bool) -> str | None:
    """Why an address may not appear in a page, or None. Relative: no scheme, not protocol-relative."""
    if "&" in url or "\\" in url or any(ord(c) < 33 for c in url):
        return "an address with '&', '\\' or control characters can hide its scheme"
    if _SCHEME.match(url):
        if image:
            return "images are served from this site only (a relative address)"
        return None if url.lower().startswith("https://") else f"'{url.split(':', 1)[0]}:' addresses are not allowed; use https or a relative link"
    if url.startswith("//"):
        return "a protocol-relative address loads from another host"
    return None


def check(tree: DocsTree, tokens: dict[str, Tokens]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for page, text in tree.pages.items():
        diags.extend(_page(f"docs/{page}", text, tokens[page]))
    return diags


def _page(where: str, text: str, found: Tokens) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def report(offset: int, rule: str, message: str, hint: str) -> None:
        line = text.count("\n", 0, offset) + 1
        out.append(Diagnostic(where, line, offset - (text.rfind("\n", 0, offset) + 1) + 1, rule, message, hint))

    # Snippet markers act even inside code blocks (the preprocessor reads raw lines), so they are checked first.
    for m in _SNIPPET.finditer(text):
        report(m.start(), "docs-snippet", "snippet include in a page", "pages cannot include files; ask a maintainer to add shared text to includes/")
    prose = found.masked(text)
    for m in _AUTOLINK.finditer(prose):
        problem = address_problem(m.group(1), image=False)
        if problem:
            report(m.start(), "docs-link", problem, "link with https:// or a relative path")
    plain = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), _COMMENT.sub(lambda m: " " * len(m.group(0)), prose))
    for m in _TAG.finditer(plain):
        report(m.start(), "docs-html", "raw HTML in a page", "write Markdown; the theme and templates supply all markup")
    for m in _ATTR_LIST.finditer(plain):
        if plain[max(0, m.start() - 1)] == "{" and m.start() > 0:
            continue  # the inside of '{{ ... }}': the reference tokenizer reports it, once
        if not _ATTR_OK.fullmatch(m.group(0)):
            report(m.start(), "docs-attribute", f"attribute list {m.group(0)[:40]!r} sets attributes", "only {: #id .class } is allowed")
    for m in _INLINE_LINK.finditer(plain):
        problem = address_problem(m.group(2), image=bool(m.group(1)))
        if problem:
            report(m.start(2), "docs-link", problem, "link with https:// or a relative path")
    # A reference definition used by an image (`![alt][label]`, `![label]`) is held to the rules for images.
    images = {" ".join((m.group(2) or m.group(1)).lower().split()) for m in _REF_IMAGE.finditer(plain)}
    for m in _REF_DEF.finditer(plain):
        if m.group(1).startswith("^"):
            continue  # a footnote, not a link
        problem = address_problem(m.group(2), image=" ".join(m.group(1).lower().split()) in images)
        if problem:
            report(m.start(2), "docs-link", problem, "link with https:// or a relative path")
    return out
