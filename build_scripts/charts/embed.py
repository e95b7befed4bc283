"""Charts on hand-written pages: a paragraph that is only a link to a chart's SVG becomes the chart itself.

A story page writes plain Markdown, on a line of its own:

    [Chart: China's share of rare earth mining against refining](charts/lead-mining-vs-refining.svg)

The sanitiser sees only that link. After it, the hook swaps the paragraph for the chart's figure, which the
generator rendered from facts into charts/.embed/<id>.html; without the hook it stays a working link to the SVG.
"""
from __future__ import annotations

import re
from pathlib import Path

EMBED_DIR = "charts/.embed"  # a dot folder: MkDocs publishes nothing from it
_LINK_ONLY = re.compile(r'<p><a href="(?:\.\./)*charts/([a-z0-9-]+)\.svg">[^<]*</a></p>')


def embed_path(chart_id: str) -> str:
    """Where the generator writes a chart's figure for embedding, below docs/."""
    return f"{EMBED_DIR}/{chart_id}.html"


def embed(html: str, docs: Path) -> str:
    """Every link-only paragraph naming a chart the generator wrote, replaced by that chart's figure."""

    def figure(m: re.Match[str]) -> str:
        path = docs / embed_path(m.group(1))
        return path.read_text(encoding="utf-8") if path.is_file() else m.group(0)

    return _LINK_ONLY.sub(figure, html)
