"""MkDocs hook: a thin adapter that calls the fact pipeline; no logic of its own lives here.

- on_pre_build: under `mkdocs serve` (or a bare `mkdocs build`), regenerate pages from facts/.
- on_page_markdown: expand {{ fact("id") }} references in hand-written pages.
- on_page_content: pass hand-written pages' HTML through the sanitiser; a removal fails the build. Then put
  the charts a page embeds in place, and make chart links relative to the page.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import site_hook


def on_pre_build(config: Any) -> None:
    project = Path(config["config_file_path"]).resolve().parent
    site_hook.pre_build(project / "facts", Path(config["docs_dir"]))


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return site_hook.page_markdown(markdown, page.file.src_uri)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    html = site_hook.page_content(html, page.file.src_uri, page.file.content_string)
    return site_hook.page_charts(html, page.url, Path(config["docs_dir"]))
