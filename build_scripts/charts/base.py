"""A chart as the site publishes it: Altair specs rendered once per layout to accessible, linked SVG, plus its data."""
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

from markupsafe import Markup

from ..paths import CACHE
from ..render import csvwrite
from .marks import SITE
from .style import LAYOUTS, Layout, config

# Marks carry their fact in their description as "[[fact:ID]] ..." (a primary mark: a link in the tab order)
# or "[[label:ID]] ..." (its text label: the same link for pointer users, hidden from assistive technology).
_TAGGED = re.compile(r'<(path|text)( aria-label="\[\[(fact|label):([a-z0-9-]+)\]\] ?([^"]*)")([^>]*)>(.*?)(?:</\1>|(?<=/>))', re.S)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    caption: str
    columns: list[str]
    table: list[list[Any]]
    fact_ids: list[str]  # the facts drawn, one mark each, in the order of the data table
    spec: dict[str, Any]  # the wide layout's Vega-Lite spec, as published for download
    svgs: dict[str, str]  # layout name -> SVG, with chart links still against the site root
    marks: dict[str, dict[str, str]] = field(default_factory=dict)  # fact id -> kind of value, status: what the page shows
    legend: list[dict[str, str]] = field(default_factory=list)  # the key printed under the chart (style.legend)
    # The CSV download: the table's columns plus any kept as raw numbers (the table shows "70%", the CSV also 70).
    csv_columns: list[str] = field(default_factory=list)
    csv_rows: list[list[Any]] = field(default_factory=list)

    def csv(self) -> str:
        if self.csv_columns:
            return csvwrite.write(self.csv_columns, self.csv_rows)
        return csvwrite.write(self.columns, self.table)

    def spec_json(self) -> str:
        return json.dumps(self.spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def figure(self) -> Markup:
        """Every layout's SVG; the stylesheet shows the one that fits the column."""
        return Markup("\n".join(self.svgs[layout.name] for layout in LAYOUTS))

    def svg_file(self) -> str:
        """The wide drawing as a standalone file in charts/, its links made relative to that folder."""
        return self.svgs[LAYOUTS[0].name].replace(f'href="{SITE}', 'href="../') + "\n"


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
        return Chart(**json.loads(path.read_text(encoding="utf-8")))
    chart = make()
    if chart is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(chart.__dict__, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    return chart


def render_all(make_spec: Callable[[Layout], dict[str, Any]], chart_id: str, title: str, description: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Each layout's spec rendered to SVG: (the wide spec, {layout: svg})."""
    svgs = {}
    wide: dict[str, Any] = {}
    for layout in LAYOUTS:
        spec = make_spec(layout)
        spec["config"] = config(layout)
        wide = wide or spec
        svgs[layout.name] = render_svg(spec, f"{chart_id}-{layout.name}", title, description, layout)
    return wide, svgs


def render_svg(spec: dict[str, Any], svg_id: str, title: str, description: str, layout: Layout, cache_dir: Path = CACHE / "charts") -> str:
    """SVG for a spec, cached by the spec's hash so an unchanged chart is never rendered twice."""
    key = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    cached_svg = cache_dir / f"{key}.svg"
    if cached_svg.is_file():
        svg = cached_svg.read_text(encoding="utf-8")
    else:
        import vl_convert  # imported lazily: its first call costs about half a second

        svg = vl_convert.vegalite_to_svg(spec)
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached_svg.with_suffix(".tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(cached_svg)
    return _accessible(_linked(svg), svg_id, title, description, layout)


def _linked(svg: str) -> str:
    """Wrap every tagged mark in a link to its fact; the tag leaves the label a screen reader hears."""

    def wrap(m: re.Match[str]) -> str:
        tag, _, role, fact, label, rest, inner = m.groups()
        # The link carries the name; the shape inside it is only its picture.
        rest = rest.replace('role="graphics-symbol"', 'aria-hidden="true"')
        element = f"<{tag}{rest}>{inner}</{tag}>" if tag == "text" else f"<{tag}{rest}>"
        href = f'href="{SITE}facts/{fact}/"'
        if role == "fact":
            return f'<a {href} class="re-mark" data-fact="{fact}" aria-label="{label}">{element}</a>'
        return f'<a {href} class="re-label" data-fact="{fact}" tabindex="-1" aria-hidden="true">{element}</a>'

    return _TAGGED.sub(wrap, svg)


def _accessible(svg: str, svg_id: str, title: str, description: str, layout: Layout) -> str:
    """Name and describe the SVG (vl-convert leaves that out) and mark which layout it is, for the stylesheet."""
    head_end = svg.index(">") + 1
    head = svg[:head_end].replace('class="marks"', f'class="marks re-layout-{layout.name}"', 1)
    head = head.replace("<svg ", f'<svg role="group" aria-labelledby="{svg_id}-title {svg_id}-desc" ', 1)
    labels = f'<title id="{svg_id}-title">{html.escape(title)}</title><desc id="{svg_id}-desc">{html.escape(description)}</desc>'
    # Markdown would end a raw HTML block at a blank line; SVG from vl-convert has none, but be sure.
    return (head + labels + svg[head_end:]).replace("\n\n", "\n")
