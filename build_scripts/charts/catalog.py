"""Every chart the site publishes, in the order the charts page shows them, and the checks that gate the build.

Order: the lead picture, then the contested metrics (sources disagree), then other competing estimates, the
series, the comparisons of subjects, and the timeline's tempo last.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..model import Metric
from ..transform import present
from ..transform.index import SiteIndex
from . import events, lead, metric
from .base import Chart
from .marks import Locate


@dataclass(frozen=True)
class Catalog:
    lead: Chart | None
    by_metric: dict[str, Chart]  # metric id -> its chart
    events: Chart | None
    ordered: list[Chart]  # every chart, most important first


def contested(m: Metric, index: SiteIndex) -> bool:
    """A metric whose sources disagree (the editorial policy's test, as /metrics/ lists them first): the charts readers most need."""
    return present.contested(index.by_metric.get(m.id, []), m.comparison)


def rank(m: Metric, index: SiteIndex) -> tuple[int, int, str]:
    group = 0 if contested(m, index) else {"competing-estimates": 1, "series": 2, "subjects": 3}.get(m.comparison, 4)
    return group, -len(index.by_metric.get(m.id, [])), m.name.lower()


def check(index: SiteIndex, locate: Locate) -> list[Diagnostic]:
    """Errors for facts that some chart would draw as one mark: the build stops before drawing anything."""
    diags = lead.check(index, locate)
    for m in index.corpus.metrics.values():
        diags += metric.check(m, index.by_metric.get(m.id, []), index.corpus, locate)
    return sorted(set(diags))


def build(index: SiteIndex) -> Catalog:
    by_metric = {}
    for m in sorted(index.corpus.metrics.values(), key=lambda m: rank(m, index)):
        chart = metric.build(m, index.by_metric.get(m.id, []), index.corpus)
        if chart is not None:
            by_metric[m.id] = chart
    first = lead.build(index)
    tempo = events.build(index)
    ordered = ([first] if first else []) + list(by_metric.values()) + ([tempo] if tempo else [])
    return Catalog(first, by_metric, tempo, ordered)
