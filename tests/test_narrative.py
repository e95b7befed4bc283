"""Fact references in prose and the prose lint."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
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
    docs = _docs(tmp_path, '# T\n\n{{ cite("ministry-licences-2025-04-04") }}.\n')
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


def _rules(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    docs = _docs(tmp_path, text)
    return [(d.line, d.rule) for d in check_narrative(docs, _corpus(), tmp_path / "none.yaml")[2]]


def test_the_claim_form_is_refused_with_a_hint_to_write_the_sentence_and_cite(tmp_path: Path) -> None:
    docs = _docs(tmp_path, '# T\n\nThen {{ claim("ministry-licences-2025-04-04") }}.\n')
    diags = check_narrative(docs, _corpus(), tmp_path / "none.yaml")[2]
    assert [(d.line, d.rule) for d in diags] == [(3, "narrative-ref-malformed")] and 'cite("id")' in diags[0].message


def test_value_and_words_forms_are_refused_where_the_fact_has_no_value_or_no_words(tmp_path: Path) -> None:
    assert _rules(tmp_path, '# T\n\nIt was {{ value("ministry-licences-2025-04-04") }} and {{ words("ministry-licences-2025-04-04") }}.\n') == [(3, "narrative-ref"), (3, "narrative-ref")]


def test_a_fact_cited_twice_in_a_paragraph_shows_its_marker_once_and_has_one_footnote() -> None:
    fid = "ministry-licences-2025-04-04"
    text = narrative.expand(f'On {{{{ date("{fid}") }}}} the ministry acted.{{{{ cite("{fid}") }}}}\n\nLater, again.{{{{ cite("{fid}") }}}}\n', "index.md", _corpus())
    body = text.split("\n\n[^", 1)[0]
    assert text.count(f"[^f-{fid}]:") == 1
    assert text.split("\n\n")[0].count(f"[^f-{fid}]") == 1 and text.split("\n\n")[1].count(f"[^f-{fid}]") == 1
    assert body.startswith("On 4 April 2025[^f-")


def test_a_value_that_is_not_measured_says_what_kind_it_is() -> None:
    corpus = _corpus()
    fid = "country-a-widget-share-70-mini-wire"
    fact = corpus.facts[fid]
    assert fact.statistic is not None
    stat = dataclasses.replace(fact.statistic, value_kind="target")
    targeted = {**corpus.facts, fid: fact.__class__(**{**{f: getattr(fact, f) for f in fact.__slots__}, "statistic": stat})}
    text = narrative.expand(f'A {{{{ value("{fid}") }}}} share.', "index.md", model.Corpus(targeted, corpus.sources, corpus.entities, corpus.metrics, corpus.topics, corpus.snapshot_texts))
    assert "(target)" in html.unescape(text)


def test_quotation_marks_inside_a_quote_become_single_ones() -> None:
    assert narrative.quoted('He said, "It\'s already at 145%"') == "\u201cHe said, \u2018It's already at 145%\u2019\u201d"


def test_stitched_prose_in_the_expanded_page_is_refused_at_its_line(tmp_path: Path) -> None:
    page = "# T\n\nThe same text claims that The Mini Wire says widgets are short.\n\nAll 1 reported values agree.\n\nCommentary Commentary: fine.\n"
    assert sorted(_rules(tmp_path, page)) == [(3, "prose-stitched"), (5, "prose-number"), (5, "prose-stitched"), (7, "prose-stitched")]
