"""What the MkDocs hook does, kept here so that the hook stays a few lines and MkDocs stays replaceable."""
from __future__ import annotations

import sys

from mkdocs.exceptions import PluginError

from . import hookstate, narrative
from .diagnostics import format_report, has_errors
from .generate import generate
from .narrative import GENERATED


def pre_build() -> None:
    if hookstate.corpus is not None:
        return  # the build command generated already, in this process
    result = generate()
    if has_errors(result.diagnostics):
        print(format_report(result.diagnostics, "text", result.files_checked), file=sys.stderr)
        msg = "the fact base has errors; nothing was generated"
        raise PluginError(msg)
    hookstate.corpus = result.corpus
    # Under `mkdocs serve` every rebuild must regenerate: forget the corpus once this build has it.
    _serve_corpus[0] = result.corpus
    hookstate.corpus = None


_serve_corpus: list[object] = [None]


def page_markdown(markdown: str, src_uri: str) -> str:
    if src_uri.split("/", 1)[0] in GENERATED:
        return markdown
    corpus = hookstate.corpus or _serve_corpus[0]
    if corpus is None:
        return markdown
    return narrative.expand(markdown, src_uri, corpus)  # type: ignore[arg-type]
