"""Fact references in prose and the prose lint."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_scripts import model, narrative
from build_scripts.generate import check_narrative
from build_scripts.load.tree import load_docs
from build_scripts.validate import validate

MINI = Path(__file__).parent / "fixtures" / "mini"


def _corpus() -> model.Corpus:
    raw, diags = validate(MINI, dt.date(2026, 11, 24))
    assert not diags
    return model.build(raw)


def _docs(tmp_path: Path, text: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(text, encoding="utf-8")
    return docs


def test_a_bare_number_in_prose_is_reported_with_its_line(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "# Title\n\nChina mines 70% of the world's rare earths.\n")
    diags = check_narrative(docs, _corpus(), tmp_path / "none.yaml")[2]
    assert [(d.path, d.line, d.rule) for d in diags] == [("docs/page.md", 3, "prose-number")]


def test_numbers_inside_references_links_and_code_are_not_prose(tmp_path: Path) -> None:
    docs = _docs(tmp_path, '# Title\n\nShare: {{ fact("country-a-widget-share-70-mini-wire") }}, see [the figure](x.md#a2) and `f-35`.\n')
    assert check_narrative(docs, _corpus(), tmp_path / "none.yaml")[2] == []


def test_an_unknown_fact_reference_is_located(tmp_path: Path) -> None:
    docs = _docs(tmp_path, '# T\n\nX {{ fact("nope") }}.\n')
    diags = check_narrative(docs, _corpus(), tmp_path / "none.yaml")[2]
    assert [(d.line, d.col, d.rule) for d in diags] == [(3, 3, "narrative-ref")]


def test_a_reference_to_a_retracted_fact_fails(tmp_path: Path) -> None:
    corpus = _corpus()
    fid = "ministry-licences-2025-04-04"
    retracted = {**corpus.facts, fid: corpus.facts[fid].__class__(**{**{f: getattr(corpus.facts[fid], f) for f in corpus.facts[fid].__slots__}, "status": "retracted", "status_reason": "Wrong."})}
    docs = _docs(tmp_path, '# T\n\n{{ claim("ministry-licences-2025-04-04") }}.\n')
    diags = narrative.check(narrative.scan(load_docs(docs)[0])[0], model.Corpus(retracted, corpus.sources, corpus.entities, corpus.metrics, corpus.topics, corpus.snapshot_texts))
    assert [d.rule for d in diags] == ["narrative-ref"] and "retracted" in diags[0].message


def test_an_allowance_backed_by_a_fact_permits_a_number_and_must_stay_needed(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "# The 7 widgets\n")
    allow = tmp_path / "allow.yaml"
    allow.write_text('allow:\n  - page: docs/page.md\n    text: "The 7 widgets"\n    fact: ministry-licences-2025-04-04\n    why: A heading.\n', encoding="utf-8")
    assert check_narrative(docs, _corpus(), allow)[2] == []
    (docs / "page.md").write_text("# Widgets\n", encoding="utf-8")
    diags = check_narrative(docs, _corpus(), allow)[2]
    assert [d.rule for d in diags] == ["prose-allowlist"] and "no longer needed" in diags[0].message


def test_expansion_gives_value_footnote_and_links(tmp_path: Path) -> None:
    text = narrative.expand('Share {{ fact("country-a-widget-share-70-mini-wire") }}.', "index.md", _corpus())
    assert text.startswith("Share about 70&#37;[^f-country-a-widget-share-70-mini-wire]") or "about 70%[^f-" in text
    assert "(facts/country-a-widget-share-70-mini-wire.md)" in text and "(sources/mini-wire-2025-05.md)" in text
