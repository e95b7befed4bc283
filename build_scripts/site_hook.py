"""What the MkDocs hook does, kept here so that the hook stays a few lines and MkDocs stays replaceable."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import hookstate, narrative, sanitize
from .charts.embed import embed
from .charts.marks import relink
from .diagnostics import display, format_report, has_errors
from .generate import generate
from .narrative import GENERATED


def pre_build(facts: Path, docs: Path) -> None:
    """Under `mkdocs serve` or a bare `mkdocs build`, regenerate from facts/ before every (re)build."""
    if hookstate.prebuilt:
        return
    result = generate(facts, docs)
    if has_errors(result.diagnostics):
        print(format_report(result.diagnostics, "text", result.files_checked), file=sys.stderr)
        msg = "the fact base has errors; pages were not regenerated"
        raise PluginError(msg)
    hookstate.corpus = result.corpus


def page_markdown(markdown: str, src_uri: str) -> str:
    hookstate.working_on = f"docs/{src_uri}"
    if src_uri.split("/", 1)[0] in GENERATED or hookstate.corpus is None:
        return markdown
    try:
        return narrative.expand(markdown, src_uri, hookstate.corpus)
    except (ValueError, KeyError) as exc:
        raise PluginError(f"docs/{src_uri}: {exc}") from None


def page_content(html: str, src_uri: str, source: str) -> str:
    """A hand-written page's HTML, cleaned; anything the cleaner removes fails the build with its location."""
    if src_uri.split("/", 1)[0] in GENERATED:
        return html
    cleaned, removed = sanitize.clean(html)
    if removed:
        tag, attr, value = removed[0]
        what = f"attribute {attr}={display(value)[:60]!r} on <{tag}>" if attr else f"element <{tag}>"
        line = sanitize.locate(source, removed[0])
        raise PluginError(f"docs/{src_uri}:{line}:1: error docs-sanitised: the HTML sanitiser had to remove {what}; "
                          "write plain Markdown (no HTML, attributes or scripts)")
    return cleaned


def page_charts(html: str, page_url: str, docs: Path) -> str:
    """Charts the page embeds, put in place after the sanitiser (they are generated from facts, not written by
    contributors); then every chart link made relative to this page."""
    return relink(embed(html, docs), page_url)
