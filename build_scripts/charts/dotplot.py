"""A dot plot with one row per fact: the source above, the value as a dot on a shared scale, its words beside it.

Rows are keyed by fact, so no two facts can share a mark and nothing is stacked or summed. The label sits
above its dot rather than on a left axis, so the same design reads at 680 px and at 340 px.
"""
from __future__ import annotations

import textwrap
from typing import Any

import altair as alt

from ..policy import ABOUT
from . import style
from .marks import Mark

WHISKER = 0.06  # how far a "more than" or "up to" arrow reaches, as a share of the axis


def domain(marks: list[Mark], unit: str) -> list[float]:
    """Percentages on 0-100 where every value fits; otherwise from zero to a little past the largest value."""
    top = max(m.value for m in marks)
    low = min(0.0, min(m.value for m in marks))
    if unit == "percent" and low >= 0 and top <= 100:
        return [0, 100]
    return [low, top * 1.15 if top > 0 else 1]


def wrap(text: str, layout: style.Layout, width: int) -> list[str]:
    """A row label over as many lines as it needs at this width (bold text averages about 0.6 em a character)."""
    return textwrap.wrap(text, max(20, int(width / (layout.font * 0.6)))) or [""]


def _data(marks: list[Mark], span: tuple[float, float], layout: style.Layout, width: int) -> tuple[list[dict[str, Any]], float]:
    """Each fact's row, laid out from the top in pixels: its label's lines, then its dot. Returns (rows, height)."""
    lo, hi = span
    reach = (hi - lo) * WHISKER
    line = round(layout.font * 1.3)
    rows = []
    top = 0.0
    for m in marks:
        d = m.datum()
        ends = {
            "more-than": (m.value, m.value + reach, "triangle-right"), "at-least": (m.value, m.value + reach, "triangle-right"),
            "less-than": (m.value - reach, m.value, "triangle-left"), "up-to": (m.value - reach, m.value, "triangle-left"),
            "about": (m.value * (1 - ABOUT), m.value * (1 + ABOUT), ""),
        }.get(m.qualifier)
        lines = wrap(m.row, layout, width)
        y_dot = top + line * (len(lines) + 0.6)
        # Line k counts up from the dot: a label of any length ends just above its own mark.
        for k, text in enumerate(reversed(lines)):
            d[f"line{k}"] = text
            d[f"y_line{k}"] = y_dot - line * 0.7 - k * line
        d.update(y_dot=y_dot, y_words=y_dot + layout.font * 0.35, right=m.value > lo + (hi - lo) * 0.55,
                 tag=f"[[fact:{m.fact}]] {m.aria}", label_tag=f"[[label:{m.fact}]] {m.aria}")
        if ends:
            d.update(w0=max(lo, ends[0]), w1=min(hi, ends[1]), tip=ends[2], tip_at=ends[1] if ends[2] == "triangle-right" else ends[0])
        rows.append(d)
        top = y_dot + line * 1.4  # room for the dot, its words and a gap before the next row
    return rows, top


def layers(marks: list[Mark], layout: style.Layout, span: list[float], x_title: str, *, width: int | None = None) -> alt.LayerChart | alt.FacetChart:
    """The rows for these marks, at this layout's sizes, on the x scale `span`."""
    width = width or layout.width
    values, height = _data(marks, (span[0], span[1]), layout, width)
    most = max(len(wrap(m.row, layout, width)) for m in marks)
    base = alt.Chart(alt.Data(values=values))
    scale = alt.Scale(**style.colour_scale())
    x_scale = alt.Scale(domain=span, nice=False, zero=False)
    # Rows are placed in pixels from the top (every row as tall as its label needs); no band is shared.
    y_scale = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)

    def y(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", scale=y_scale, axis=None)

    x = alt.X("value:Q", scale=x_scale, title=x_title, axis=alt.Axis(grid=True, tickCount=5, labelFlush=True))
    labels = [
        base.transform_filter(f"isValid(datum.line{k})").mark_text(align="left", baseline="bottom", fontWeight="bold").encode(
            x=alt.value(0), y=y(f"y_line{k}"), text=alt.Text(f"line{k}:N"), description="label_tag:N",
        )
        for k in range(most)
    ]
    whisker = base.transform_filter("isValid(datum.w0)").mark_rule(strokeWidth=2, aria=False).encode(
        x=alt.X("w0:Q", scale=x_scale), x2="w1:Q", y=y("y_dot"), color=alt.Color("source_kind:N", scale=scale, legend=None),
    )
    tip = base.transform_filter("datum.tip && datum.tip != ''").mark_point(filled=True, size=45, opacity=1, aria=False).encode(
        x=alt.X("tip_at:Q", scale=x_scale), y=y("y_dot"), shape=alt.Shape("tip:N", scale=None), color=alt.Color("source_kind:N", scale=scale, legend=None),
    )
    dot = base.mark_point(size=150, strokeWidth=2.5, opacity=1).encode(
        x=x, y=y("y_dot"), shape=alt.Shape("shape:N", scale=None),
        stroke=alt.Stroke("source_kind:N", scale=scale, legend=None),
        fill=alt.condition("datum.solid", alt.Fill("source_kind:N", scale=scale, legend=None), alt.value("transparent")),
        strokeDash=alt.condition("datum.solid", alt.value([1, 0]), alt.value([3, 2])),
        description="tag:N",
    )
    words_right = base.transform_filter("!datum.right").mark_text(align="left", dx=12).encode(
        x="value:Q", y=y("y_words"), text="text:N", description="label_tag:N",
    )
    words_left = base.transform_filter("datum.right").mark_text(align="right", dx=-12).encode(
        x="value:Q", y=y("y_words"), text="text:N", description="label_tag:N",
    )
    return alt.layer(*labels, whisker, tip, dot, words_right, words_left).properties(width=width, height=round(height))
