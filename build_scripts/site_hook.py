"""What the MkDocs hook does, kept here so that the hook stays a few lines and MkDocs stays replaceable."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import hookstate, narrative
from .diagnostics import format_report, has_errors
from .generate import generate
from .charts.marks import relink
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
    if src_uri.split("/", 1)[0] in GENERATED or hookstate.corpus is None:
        return markdown
    return narrative.expand(markdown, src_uri, hookstate.corpus)


def page_html(html: str, page_url: str) -> str:
    """Chart marks link to their facts; their links are written against the site root and made relative here."""
    return relink(html, page_url)
