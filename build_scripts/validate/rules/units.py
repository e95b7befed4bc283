"""All facts on one metric use the metric's unit, so their values can stand side by side."""
from __future__ import annotations

from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    for record, stat, metric in ctx.statistics:
        want = metric.doc.data.get("unit")
        if stat.get("unit") != want:
            ctx.report(record, ("statistic", "unit"), "unit-mismatch", f"unit '{stat.get('unit')}' differs from the unit of metric '{stat.get('metric')}' ('{want}')", f"convert the value to {want}, or use another metric")


RULE = Rule("unit", "Facts on one metric use the metric's unit.", check)
