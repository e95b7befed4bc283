"""Charts: every spec is valid Vega-Lite, fed only from facts, and the same input gives the same bytes."""
from __future__ import annotations

from pathlib import Path

import pytest
from altair.vegalite.v6.schema.core import Root

from build_scripts import model
from build_scripts.charts import events, metric
from build_scripts.transform.index import SiteIndex
from build_scripts.validate import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index() -> SiteIndex:
    raw, diags = validate(ROOT / "facts")
    assert not [d for d in diags if d.severity == "error"]
    return SiteIndex(model.build(raw))


def test_every_metric_chart_is_valid_vega_lite_and_plots_exactly_its_facts(index: SiteIndex) -> None:
    for m in index.corpus.metrics.values():
        facts = index.by_metric.get(m.id, [])
        chart = metric.build(m, facts, index.corpus, m.chart)
        if chart is None:
            continue
        Root.from_dict(chart.spec, validate=True)  # raises if the spec is not valid Vega-Lite
        values = chart.spec["data"]["values"] if "data" in chart.spec else chart.spec["layer"][0]["data"]["values"]
        assert sorted(v["fact"] for v in values) == sorted(f.id for f in facts if f.status != "retracted")
        assert {v["fact"]: v["value"] for v in values} == {f.id: f.statistic.value for f in facts if f.statistic and f.status != "retracted"}


def test_events_chart_is_valid_and_counts_every_timeline_event_once(index: SiteIndex) -> None:
    chart = events.build(index)
    assert chart is not None
    Root.from_dict(chart.spec, validate=True)
    assert sum(row[2] for row in chart.table) == len(index.events)


def test_chart_specs_are_deterministic(index: SiteIndex) -> None:
    m = index.corpus.metrics["china-share-world-rare-earth-mining"]
    facts = index.by_metric[m.id]
    first, second = metric.build(m, facts, index.corpus), metric.build(m, facts, index.corpus)
    assert first is not None and second is not None
    assert first.spec_json() == second.spec_json()
