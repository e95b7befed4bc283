"""Charts: one mark per fact, kinds and statuses drawn and written, one colour per kind of source, valid Vega-Lite."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from altair.vegalite.v6.schema.core import Root

from build_scripts import model
from build_scripts.charts import catalog, events, lead, metric, style
from build_scripts.charts.base import Chart
from build_scripts.charts.marks import SITE, relink
from build_scripts.generate import generate
from build_scripts.publication import load
from build_scripts.transform.index import SiteIndex
from build_scripts.validate import validate

from .sitebuild import make_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def corpus() -> model.Corpus:
    raw, diags = validate(FIXTURES / "mini")
    assert not [d for d in diags if d.severity == "error"]
    return model.build(raw)


def _stat(corpus: model.Corpus, fact_id: str, **changes: Any) -> model.Fact:
    """A copy of a mini fact under a new id, its statistic and status changed."""
    fact = corpus.facts["country-a-widget-share-70-mini-wire"]
    assert fact.statistic is not None
    stat = dataclasses.replace(fact.statistic, **{k: v for k, v in changes.items() if k in {f.name for f in dataclasses.fields(model.Statistic)}})
    rest = {k: v for k, v in changes.items() if k in {f.name for f in dataclasses.fields(model.Fact)}}
    return dataclasses.replace(fact, id=fact_id, statistic=stat, **rest)


def _with(corpus: model.Corpus, *facts: model.Fact, metrics: dict[str, model.Metric] | None = None) -> SiteIndex:
    return SiteIndex(dataclasses.replace(corpus, facts={**corpus.facts, **{f.id: f for f in facts}}, metrics={**corpus.metrics, **(metrics or {})}))


def _marks(svg: str) -> list[str]:
    return re.findall(r'<a href="@site/facts/([a-z0-9-]+)/" class="re-mark"', svg)


def _charts(index: SiteIndex) -> list[Chart]:
    return catalog.build(index).ordered


def test_every_chart_is_valid_vega_lite_and_draws_each_fact_it_names_exactly_once(corpus: model.Corpus) -> None:
    index = _with(corpus, _stat(corpus, "widgets-2026-target", metric="widgets-licensed", value=9, unit="count", period="2026", value_kind="target"))
    charts = _charts(index)
    assert charts
    for chart in charts:
        Root.from_dict(chart.spec, validate=True)  # raises if the spec is not valid Vega-Lite
        assert len(set(chart.fact_ids)) == len(chart.fact_ids)
        for layout in style.LAYOUTS:
            assert sorted(_marks(chart.svgs[layout.name])) == sorted(chart.fact_ids), (chart.id, layout.name)


def test_facts_from_one_source_are_separate_rows_never_stacked_or_summed(corpus: model.Corpus) -> None:
    # The 139,000-tonne bar of issue 13: two facts with the same source label were stacked into one bar.
    a = _stat(corpus, "widgets-a", value=30, qualifier="exactly")
    b = _stat(corpus, "widgets-b", value=40, qualifier="exactly", subject="pat-analyst")
    index = _with(corpus, a, b)
    chart = metric.build(corpus.metrics["country-a-widget-share"], index.by_metric["country-a-widget-share"], index.corpus)
    assert chart is not None
    spec = str(chart.spec)
    assert "'stack'" not in spec and "aggregate" not in spec and "'bar'" not in spec
    assert _marks(chart.svgs["wide"]).count("widgets-a") == 1 and _marks(chart.svgs["wide"]).count("widgets-b") == 1


def test_two_facts_that_would_share_a_mark_stop_the_build_with_a_located_diagnostic(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "mini", FIXTURES / "mini-docs")
    facts, docs = project / "facts", project / "docs"
    original = facts / "facts" / "country-a-widget-share-70-mini-wire.yaml"
    copy = facts / "facts" / "country-a-widget-share-70-mini-wire-again.yaml"
    copy.write_text(original.read_text(encoding="utf-8").replace("id: country-a-widget-share-70-mini-wire", "id: country-a-widget-share-70-mini-wire-again"), encoding="utf-8")
    result = generate(load(project), write=False)
    shared = [d for d in result.diagnostics if d.rule == "chart-shared-mark"]
    assert {d.path for d in shared} == {"mini/facts/country-a-widget-share-70-mini-wire.yaml", "mini/facts/country-a-widget-share-70-mini-wire-again.yaml"} or \
        {Path(d.path).name for d in shared} == {original.name, copy.name}
    line = next(n for n, text in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("statistic:"))
    assert all(d.line == line and d.hint for d in shared)
    assert result.outputs == 0  # nothing was generated
    # validate refuses what build refuses: the same diagnostic, from the validate command.
    run = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--facts", str(facts), "--docs", str(docs)], capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == 1 and "chart-shared-mark" in run.stdout


def test_series_are_plotted_by_the_period_they_describe_and_never_joined_by_a_line(corpus: model.Corpus) -> None:
    facts = [
        _stat(corpus, "rate-april", metric="widgets-licensed", unit="count", value=34, period="2025-04"),
        _stat(corpus, "rate-april-may", metric="widgets-licensed", unit="count", value=145, period="2025-04/2025-05"),
        _stat(corpus, "rate-threat-october", metric="widgets-licensed", unit="count", value=100, period="2025-10", value_kind="threat", status="unverified", status_basis="machine-written"),
        _stat(corpus, "rate-no-period", metric="widgets-licensed", unit="count", value=7, period=None),
    ]
    index = _with(corpus, *facts)
    chart = metric.build(index.corpus.metrics["widgets-licensed"], index.by_metric["widgets-licensed"], index.corpus)
    assert chart is not None
    spec = chart.spec_json()
    assert '"line"' not in spec and '"trail"' not in spec  # no mark type that joins values
    values = {d["fact"]: d for d in chart.spec["data"]["values"]}
    assert (values["rate-april"]["start"], values["rate-april"]["end"]) == ("2025-04-01", "2025-04-30")
    assert (values["rate-april-may"]["start"], values["rate-april-may"]["end"]) == ("2025-04-01", "2025-05-31")
    assert "rate-no-period" not in chart.fact_ids and "no period" in chart.caption and "rate-no-period" not in values


def test_threats_projections_and_unverified_values_are_hollow_and_say_what_they_are(corpus: model.Corpus) -> None:
    threat = _stat(corpus, "widgets-threat", value=20, value_kind="threat")
    unverified = _stat(corpus, "widgets-unverified", value=50, status="unverified", status_basis="machine-written")
    index = _with(corpus, threat, unverified)
    chart = metric.build(corpus.metrics["country-a-widget-share"], index.by_metric["country-a-widget-share"], index.corpus)
    assert chart is not None
    rows = {r[-1]: r for r in chart.table}
    assert rows["widgets-threat"][2] == "threat" and rows["widgets-unverified"][4] == "unverified"
    svg = chart.svgs["narrow"]
    for fact, word in (("widgets-threat", "threat"), ("widgets-unverified", "unverified")):
        drawn = re.search(rf'data-fact="{fact}" aria-label="[^"]*"><path ([^>]*)>', svg)
        assert drawn and 'fill="#' not in drawn.group(1), fact  # hollow: no solid fill
        label = re.findall(rf'data-fact="{fact}" tabindex="-1" aria-hidden="true"><text[^>]*>([^<]*)</text>', svg)
        assert any(word in text for text in label), label
    solid = re.search(r'data-fact="country-a-widget-share-70-mini-wire" aria-label="[^"]*"><path ([^>]*)>', svg)
    assert solid and 'fill="#' in solid.group(1)


def test_qualifiers_are_written_on_the_label(corpus: model.Corpus) -> None:
    index = _with(corpus, _stat(corpus, "widgets-over", value=55, qualifier="more-than"), _stat(corpus, "widgets-upto", value=45, qualifier="up-to"))
    chart = metric.build(corpus.metrics["country-a-widget-share"], index.by_metric["country-a-widget-share"], index.corpus)
    assert chart is not None
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", chart.svgs["wide"]))
    assert "more than 55%" in texts and "up to 45%" in texts and "about 61%" in texts


def test_every_chart_uses_the_one_colour_per_kind_of_source(corpus: model.Corpus) -> None:
    def scales(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, dict):
            found = [node["scale"]] if isinstance(node.get("scale"), dict) and "range" in node["scale"] else []
            return found + [s for v in node.values() for s in scales(v)]
        return [s for v in node for s in scales(v)] if isinstance(node, list) else []

    for chart in _charts(_with(corpus)):
        found = scales(chart.spec)
        assert all(s == style.colour_scale() for s in found), chart.id


def test_chart_text_is_set_at_12px_or_more_in_every_layout(corpus: model.Corpus) -> None:
    for chart in _charts(_with(corpus)):
        for layout in style.LAYOUTS:
            sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)px"', chart.svgs[layout.name])]
            assert sizes and min(sizes) >= 12, (chart.id, layout.name, min(sizes))


def test_chart_links_become_relative_to_the_page_that_shows_them() -> None:
    html = f'<a href="{SITE}facts/x/" class="re-mark">'
    assert relink(html, "") == '<a href="facts/x/" class="re-mark">'
    assert relink(html, "metrics/m/") == '<a href="../../facts/x/" class="re-mark">'
    assert relink(html, "how-we-got-here/") == '<a href="../facts/x/" class="re-mark">'


def test_the_lead_chart_shows_every_mining_and_refining_figure(corpus: model.Corpus) -> None:
    mining = dataclasses.replace(corpus.metrics["country-a-widget-share"], id=lead.SECTIONS[0][1])
    refining = dataclasses.replace(corpus.metrics["country-a-widget-share"], id=lead.SECTIONS[1][1], name="Refining share")
    facts = [
        _stat(corpus, "mine-a", metric=mining.id, value=60, qualifier="more-than"),
        _stat(corpus, "mine-b", metric=mining.id, value=70, qualifier="about"),
        _stat(corpus, "refine-a", metric=refining.id, value=92),
    ]
    index = _with(corpus, *facts, metrics={mining.id: mining, refining.id: refining})
    built = catalog.build(index)
    assert built.lead is not None and built.ordered[0] is built.lead
    assert sorted(built.lead.fact_ids) == ["mine-a", "mine-b", "refine-a"]
    Root.from_dict(built.lead.spec, validate=True)


def test_the_events_chart_draws_one_dot_per_event_and_counts_nothing_into_bars(corpus: model.Corpus) -> None:
    event = corpus.facts["ministry-licences-2025-04-04"]
    same_day = [dataclasses.replace(event, id=f"ministry-event-{n}") for n in range(5)]
    disputed = dataclasses.replace(event, id="ministry-event-disputed", status="disputed", status_basis="source-contradicts-itself")
    index = _with(corpus, *same_day, disputed)
    chart = events.build(index)
    assert chart is not None
    Root.from_dict(chart.spec, validate=True)
    assert "aggregate" not in chart.spec_json() and '"bar"' not in chart.spec_json()
    for layout in style.LAYOUTS:
        assert sorted(_marks(chart.svgs[layout.name])) == sorted(f.id for f in index.events)
    places = [(d["month"], d["col"], d["line"]) for d in chart.spec["data"]["values"]]
    assert len(places) == len(set(places)) == 7  # six events on one day, none drawn on another
    hollow = re.search(r'data-fact="ministry-event-disputed" aria-label="[^"]*"><path ([^>]*)>', chart.svgs["wide"])
    assert hollow and 'fill="#' not in hollow.group(1)


def test_two_sources_agreeing_on_a_series_value_are_drawn_side_by_side_not_as_one_mark(corpus: model.Corpus) -> None:
    one = _stat(corpus, "rate-wire", metric="widgets-licensed", unit="count", value=145, period="2025-04")
    other = dataclasses.replace(_stat(corpus, "rate-analysts", metric="widgets-licensed", unit="count", value=145, period="2025-04"),
                                citations=corpus.facts["country-a-widget-share-61-analysts"].citations)
    index = _with(corpus, one, other)
    m = index.corpus.metrics["widgets-licensed"]
    assert metric.check(m, index.by_metric[m.id], index.corpus, lambda f: (f, 1, 1)) == []  # different credits: two facts, two marks
    chart = metric.build(m, index.by_metric[m.id], index.corpus)
    assert chart is not None
    at = {d["fact"]: d["at"] for d in chart.spec["data"]["values"]}
    assert at["rate-wire"] != at["rate-analysts"]
    assert sorted(_marks(chart.svgs["wide"])) == ["rate-analysts", "rate-wire"]
