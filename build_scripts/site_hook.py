"""What the MkDocs hook does, kept here so that the hook stays a few lines and the engine stays replaceable.

Generation happens before any engine runs (`build`, `serve`, `generate`), so the Markdown an engine reads is
complete without this hook. The hook only keeps the sanitiser running when MkDocs or ProperDocs build outside
our `build` command (`mkdocs serve`, a bare `mkdocs build`): the same check `build` runs on the finished site.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from . import hookstate, sanitize
from .narrative import GENERATED


def post_page(output: str, src_uri: str, source: str) -> str:
    """A narrative page's built HTML, its content cleaned; anything the cleaner removes fails the build with its location."""
    if hookstate.prebuilt or src_uri.split("/", 1)[0] in GENERATED:
        return output  # `build` cleans the finished site itself, with whichever engine built it
    hookstate.working_on = f"docs/{src_uri}"
    done = sanitize.clean_page(output)
    if done is None:
        raise PluginError(f"docs/{src_uri}:1:1: error docs-sanitised: the page's content could not be found in the built HTML")
    cleaned, removed = done
    if removed:
        raise PluginError(sanitize.removal(f"docs/{src_uri}", source, removed).as_text())
    return cleaned
