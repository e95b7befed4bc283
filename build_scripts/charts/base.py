"""A chart as the site publishes it: an Altair spec rendered once to accessible SVG, plus its data."""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
from markupsafe import Markup

from ..paths import CACHE
from ..render import csvwrite

PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d5a97", "#595959", "#b07aa1"]  # colour-blind-safe, distinct in grey too


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    caption: str
    columns: list[str]
    table: list[list[Any]]
    fact_ids: list[str]
    spec: dict[str, Any]
    svg: Markup
    # The CSV download: the table's columns plus any kept as raw numbers (the table shows "70%", the CSV also 70).
    csv_columns: list[str] = field(default_factory=list)
    csv_rows: list[list[Any]] = field(default_factory=list)

    def csv(self) -> str:
        if self.csv_columns:
            return csvwrite.write(self.csv_columns, self.csv_rows)
        return csvwrite.write(self.columns, self.table)

    def spec_json(self) -> str:
        return json.dumps(self.spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def _code_version() -> str:
    """A hash of the chart code itself, so that changing how charts are drawn invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached(inputs: Any, make: Callable[[], Chart | None], cache_dir: Path = CACHE / "charts") -> Chart | None:
    """The chart for these inputs, built with Altair and rendered only when no earlier build made the same one."""
    key = hashlib.sha256(json.dumps([_code_version(), inputs], sort_keys=True, default=str).encode()).hexdigest()
    path = cache_dir / f"chart-{key}.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        return Chart(**{**data, "svg": Markup(data["svg"])})
    chart = make()
    if chart is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({**chart.__dict__, "svg": str(chart.svg)}, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    return chart


def theme(chart: alt.Chart, title: str) -> alt.Chart:
    return chart.properties(title=title, width=520).configure_view(stroke=None).configure_axis(labelLimit=260, labelFontSize=12, titleFontSize=12).configure_title(fontSize=14, anchor="start")


def render_svg(spec: dict[str, Any], chart_id: str, title: str, description: str, cache_dir: Path = CACHE / "charts") -> Markup:
    """SVG for a spec, cached by the spec's hash so an unchanged chart is never rendered twice."""
    key = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    cached = cache_dir / f"{key}.svg"
    if cached.is_file():
        svg = cached.read_text(encoding="utf-8")
    else:
        import vl_convert  # imported lazily: its first call costs about half a second

        svg = vl_convert.vegalite_to_svg(spec)
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(cached)
    return Markup(_accessible(svg, chart_id, title, description))


def _accessible(svg: str, chart_id: str, title: str, description: str) -> str:
    """Give the SVG a role, a title and a description, which vl-convert leaves out; fit it to the column."""
    head_end = svg.index(">") + 1
    head = svg[:head_end]
    head = re.sub(r'\swidth="([0-9.]+)"\sheight="([0-9.]+)"', "", head, count=1)
    head = head.replace("<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet" ', 1)
    labels = f'<title id="{chart_id}-title">{html.escape(title)}</title><desc id="{chart_id}-desc">{html.escape(description)}</desc>'
    # Markdown would end a raw HTML block at a blank line; SVG from vl-convert has none, but be sure.
    return (head + labels + svg[head_end:]).replace("\n\n", "\n")
