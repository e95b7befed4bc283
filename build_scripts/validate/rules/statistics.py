"""Only values of one kind can disagree: a metric of competing estimates holds measured values and estimates only."""
from __future__ import annotations

from ...policy import MEASURED_KINDS
from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    for record, stat, metric in ctx.statistics:
        kind = stat.get("value_kind")
        if isinstance(kind, str) and metric.doc.data.get("comparison") == "competing-estimates" and kind not in MEASURED_KINDS:
            ctx.report(record, ("statistic", "value_kind"), "statistic-kind-metric", f"a {kind} sits on '{stat.get('metric')}', a metric of competing estimates of what is", "put projections, targets, scenarios, threats and proposals on a metric of their own")


RULE = Rule("statistic", "Projections, targets, scenarios, threats and proposals never sit on a metric of competing estimates.", check)
