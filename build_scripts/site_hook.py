"""What the MkDocs hook does, kept here so that the hook stays a few lines and the engine stays replaceable.

Generation happens before any engine runs (`build`, `serve`, `generate`), so the Markdown an engine reads is
complete without this hook. The hook only runs the last step (finish.py: sanitiser, chart embedding, chart
links) when MkDocs or ProperDocs build outside our `build` command (`mkdocs serve`, a bare `mkdocs build`);
`build` runs the same step on the finished site with any engine.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import hookstate
from .finish import finish_page
from .narrative import GENERATED


def post_page(output: str, src_uri: str, source: str, page_url: str, docs: Path) -> str:
    if hookstate.prebuilt:
        return output  # `build` finishes the whole site itself, with whichever engine built it
    hookstate.working_on = f"docs/{src_uri}"
    narrative = src_uri.split("/", 1)[0] not in GENERATED
    html, problem = finish_page(output, page_url, f"docs/{src_uri}", source if narrative else None, docs)
    if problem:
        raise PluginError(problem.as_text())
    return html
