"""Only values of one kind can disagree: a metric of competing estimates holds measured values and estimates only."""
from __future__ import annotations

from ...policy import MEASURED_KINDS
from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    metrics = ctx.ids.get("metric", {})
    for record in ctx.corpus.records.get("fact", []):
        stat = record.doc.data.get("statistic")
        if not isinstance(stat, dict):
            continue
        metric = metrics.get(stat.get("metric"))  # type: ignore[arg-type]
        kind = stat.get("value_kind")
        if metric is None or not isinstance(kind, str):
            continue
        if metric.doc.data.get("comparison") == "competing-estimates" and kind not in MEASURED_KINDS:
            ctx.report(record, ("statistic", "value_kind"), "statistic-kind-metric", f"a {kind} sits on '{stat.get('metric')}', a metric of competing estimates of what is", "put projections, targets, scenarios, threats and proposals on a metric of their own")


RULE = Rule("statistic", "Projections, targets, scenarios, threats and proposals never sit on a metric of competing estimates.", check)
