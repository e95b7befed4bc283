"""How every chart looks, defined once: colours per kind of source, shapes per kind of value, sizes per layout.

Colour says only which kind of source gave a value; what kind of value it is (measured or a threat, a
target ...) and its status are carried by shape, fill, outline and the words on the label, never by
colour alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..policy import MEASURED_KINDS
from ..transform import present

# One colour per kind of source, in every chart. Each has at least 3:1 contrast against white and against
# the dark scheme's background (#1e2129), so marks stay visible in both colour schemes.
SOURCE_KIND_COLOURS: dict[str, str] = {
    "wire-report": "#1c7ed6",
    "news-report": "#1a8f8f",
    "research": "#2b8a3e",
    "government": "#9467bd",
    "state-media": "#c06a00",
    "commentary": "#b5477a",
    "blog": "#a0780a",
    "machine-generated": "#d1495b",
}
NEUTRAL = "#808080"  # marks that stand for no source kind (timeline events): 3.9:1 on white, 4.1:1 on dark

# Shape per kind of value: measured values and estimates are dots; everything that is not a value of what is
# gets a shape of its own, drawn hollow, and its kind written on its label.
VALUE_KIND_SHAPES: dict[str, str] = {
    "measured": "circle",
    "estimate": "circle",
    "projection": "diamond",
    "target": "square",
    "scenario": "triangle-up",
    "threat": "triangle-right",
    "proposal": "cross",
}
# The same shapes as text, for the key printed under each chart: filled for values of what is, hollow for the rest.
LEGEND_GLYPHS = {"circle": "\u25cf", "diamond": "\u25c7", "square": "\u25a1", "triangle-up": "\u25b3", "triangle-right": "\u25b7", "cross": "\u2715"}
VALUE_KIND_WORDS: dict[str, str] = {
    "measured": "",
    "estimate": "estimate",
    "projection": "projection",
    "target": "target",
    "scenario": "scenario",
    "threat": "threat",
    "proposal": "proposal",
}
# Statuses under which a measured value is drawn solid; any other status draws it hollow with a dashed outline.
SOLID_STATUSES = ("current", "disputed")

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Layout:
    """One drawing of a chart. The page shows the one that fits its column, never scaled below its drawn size."""

    name: str
    width: int  # the whole chart's width in CSS px, labels included
    font: int  # every text in the chart, in px


# Wide: Material's content column at 1280 px is 690 px; narrow: a 390 px phone leaves 358 px, a 320 px one 288 px
# (drawn at 340, shown at 288: 12 px text becomes 10.2 px, still above the 10 px floor).
LAYOUTS = (Layout("wide", 680, 13), Layout("narrow", 340, 12))


def solid(value_kind: str, status: str) -> bool:
    """A value drawn filled: a measured value or estimate whose status lets it stand."""
    return value_kind in MEASURED_KINDS and status in SOLID_STATUSES


def mark_words(value_kind: str, status: str) -> list[str]:
    """What the label says besides the value: the kind of value (unless measured) and the status (unless current)."""
    words = [VALUE_KIND_WORDS[value_kind]] if VALUE_KIND_WORDS.get(value_kind) else []
    if status != "current":
        words.append(present.STATUS[status][0].lower())
    return words


def colour_scale() -> dict[str, Any]:
    """The colour scale of every chart: the fixed colour of each kind of source, keyed by the label marks carry."""
    return {"domain": [present.SOURCE_KINDS[k][0] for k in SOURCE_KIND_COLOURS], "range": list(SOURCE_KIND_COLOURS.values())}


def legend(shown: set[str], value_kinds: set[str]) -> list[dict[str, str]]:
    """The key printed under a chart (in the page's text, at the page's size): colours of the kinds of source shown,
    then the shapes of the kinds of value shown."""
    out = [{"colour": c, "label": present.SOURCE_KINDS[k][0], "glyph": "\u25cf"} for k, c in SOURCE_KIND_COLOURS.items() if present.SOURCE_KINDS[k][0] in shown]
    out += [{"colour": "", "label": VALUE_KIND_WORDS[k] or "measured", "glyph": LEGEND_GLYPHS[VALUE_KIND_SHAPES[k]]} for k in VALUE_KIND_SHAPES if k in value_kinds]
    return out


def config(layout: Layout) -> dict[str, Any]:
    """Vega-Lite config for a layout: one font size for every text, no background (the page's shows through)."""
    text = {"font": FONT, "fontSize": layout.font}
    return {
        "background": "transparent",
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": layout.font, "titleFontSize": layout.font, "labelFont": FONT, "titleFont": FONT, "titleFontWeight": "normal", "gridColor": "#9e9e9e", "gridOpacity": 0.35, "domainColor": "#9e9e9e", "tickColor": "#9e9e9e"},
        "title": {"fontSize": layout.font + 1, "font": FONT, "anchor": "start", "subtitleFontSize": layout.font},
        "header": {"labelFontSize": layout.font, "titleFontSize": layout.font},
        "text": text,
        "mark": {"font": FONT},
    }
