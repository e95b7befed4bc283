"""MkDocs hook: a thin adapter; no logic of its own lives here, and no page depends on it.

- on_post_page: under `mkdocs serve` or a bare `mkdocs build`, the last step `python -m build_scripts build`
  runs on the finished site with any engine: narrative pages through the sanitiser (a removal fails the build),
  then the charts they embed, and chart links made relative to the page.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import site_hook


def on_post_page(output: str, page: Any, config: Any) -> str:
    return site_hook.post_page(output, page.file.src_uri, page.file.content_string, page.url, Path(config["docs_dir"]))
