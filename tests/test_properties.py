"""Property-based tests: for any input, the pipeline either succeeds or reports located errors; rendering stays inert."""
from __future__ import annotations

import datetime as dt
import html.parser
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts import model
from build_scripts.canonical import canonical
from build_scripts.charts.catalog import Catalog
from build_scripts.load.yamlsafe import LoadError, load_bytes
from build_scripts.render import pagetypes
from build_scripts.transform.index import SiteIndex
from build_scripts.validate import validate

MINI = Path(__file__).parent / "fixtures" / "mini"
FACT = MINI / "facts" / "ministry-licences-2025-04-04.yaml"
TODAY = dt.date(2026, 11, 24)
ODD = st.sampled_from(["NO", "yes", "012", "3:2", ".inf", "1e400", "-.nan", "~", "", "2025-13-45", "12345678901234567890", "!!binary aGk=", "&a x", "*a", "<<", "[", "{", "|", ">", "'", '"', "\u202e", "\u200b", "\x85", "\u2028", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "x" * 5000])
TEXT = st.text(st.characters(codec="utf-8"), max_size=200)


def _located_or_fine(raw: bytes) -> None:
    try:
        doc = load_bytes(raw)
    except LoadError as exc:
        assert exc.line >= 1 and exc.col >= 1 and exc.rule.startswith("yaml-")
        return
    assert doc.data is None or isinstance(doc.data, (dict, list, str, int, float))


@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_with_a_located_error(raw: bytes) -> None:
    _located_or_fine(raw)


@given(st.lists(st.sampled_from(FACT.read_text(encoding="utf-8").splitlines()), max_size=40), st.lists(ODD, max_size=5))
def test_shuffled_and_corrupted_fact_lines_load_or_fail_with_a_located_error(lines: list[str], odd: list[str]) -> None:
    _located_or_fine("\n".join(lines + [f"x{i}: {o}" for i, o in enumerate(odd)]).encode("utf-8", "surrogatepass"))


FIELDS = ["claim", "date", "kind", "status", "revision", "entities", "citations", "statistic", "history", "topics", "notes", "id"]


def _mutate(data: dict[str, Any], op: str, field: str, value: Any) -> dict[str, Any]:
    out = dict(data)
    if op == "remove":
        out.pop(field, None)
    elif op == "retype":
        out[field] = value
    elif op == "rename":
        out[field + "x"] = out.pop(field, value)
    elif op == "nest":
        out[field] = [[[{"a": [value]}]]]
    return out


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["remove", "retype", "rename", "nest"]), st.sampled_from(FIELDS), st.one_of(ODD, TEXT, st.integers(), st.floats(allow_nan=True), st.none(), st.lists(TEXT, max_size=3)))
def test_mutated_facts_validate_to_located_diagnostics_and_never_crash_a_rule(tmp_path_factory: Any, op: str, field: str, value: Any) -> None:
    root = tmp_path_factory.mktemp("mut") / "facts"
    shutil.copytree(MINI, root)
    data = _mutate(load_bytes(FACT.read_bytes()).data, op, field, value)
    (root / "facts" / FACT.name).write_text(_dump(data), encoding="utf-8", errors="surrogatepass")
    _, diags = validate(root, TODAY)
    assert all(d.line >= 1 and d.col >= 1 for d in diags)
    assert not [d for d in diags if d.rule == "internal-error"], [d.as_text() for d in diags]


def _dump(data: Any) -> str:
    """Any data as YAML, through JSON (a YAML subset), so that odd values arrive exactly as generated."""
    import json

    return json.dumps(data, ensure_ascii=False, allow_nan=True, default=str)


class _Shape(html.parser.HTMLParser):
    """The elements and attribute names of a page: its structure, whatever the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: Counter[str] = Counter()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape[tag] += 1
        for name, value in attrs:
            self.shape[f"{tag}@{name}"] += 1
            if name in ("href", "src"):
                self.urls.append(value or "")


EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc", "pymdownx.details"]


def _fact_page(claim: str, notes: str, quote: str) -> _Shape:
    raw, _ = validate(MINI, TODAY)
    corpus = model.build(raw)
    fact = corpus.facts["ministry-licences-2025-04-04"]
    cite = fact.citations[0].__class__(fact.citations[0].source, quote, fact.citations[0].locator, fact.citations[0].attributed_to)
    hostile = fact.__class__(**{**{f: getattr(fact, f) for f in fact.__slots__}, "claim": claim, "notes": notes, "citations": (cite,), "status_reason": notes, "status": "disputed"})
    corpus.facts[fact.id] = hostile
    out: pagetypes.Output = {}
    pagetypes.facts.generate(pagetypes.Context(SiteIndex(corpus), {}, {}, {}, {}, Catalog(None, {}, None, [])), out)
    # Front matter ends at the first line that is exactly ---, as MkDocs reads it.
    text = re.sub(r"\A---\n.*?\n---\n", "", str(out[f"facts/{fact.id}.md"]), count=1, flags=re.DOTALL)
    shape = _Shape()
    shape.feed(markdown.markdown(text, extensions=EXTENSIONS))
    return shape


BENIGN = _fact_page("A plain claim.", "A plain note.", "A plain quote.")


SOME_TEXT = TEXT.filter(lambda t: t.strip())  # the validator refuses empty fields; structure is compared for real text


@settings(max_examples=80, deadline=None)
@given(SOME_TEXT, SOME_TEXT, SOME_TEXT)
def test_any_text_in_contributor_fields_renders_only_the_templates_markup(claim: str, notes: str, quote: str) -> None:
    shape = _fact_page(claim, notes, quote)
    assert shape.shape == BENIGN.shape
    assert not any(u.strip().lower().startswith(("javascript:", "data:", "vbscript:")) for u in shape.urls)


@given(st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=alert(1)}", "<img src=x onerror=alert(1)>", "</script><script>", "{{ 7*7 }}", "| a | b |", "# h\n\n---", "[^1]: x", "<!-- x -->", "&#106;avascript:x", "**b** _i_ `c`"]))
def test_known_attacks_render_only_the_templates_markup(attack: str) -> None:
    shape = _fact_page(attack, attack, attack)
    assert shape.shape == BENIGN.shape


KEYS = st.sampled_from(["claim", "notes", "status_reason", "title", "name", "description"])


@given(st.dictionaries(KEYS, st.one_of(TEXT.filter(lambda t: "\r" not in t and "\x85" not in t and "\u2028" not in t and "\u2029" not in t and "\x00" not in t), st.integers(-(2**53), 2**53), st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True), max_size=4)), min_size=1))
def test_canonical_form_round_trips_and_is_idempotent(data: dict[str, Any]) -> None:
    text = canonical(data, "fact")
    try:
        loaded = load_bytes(text.encode("utf-8")).data
    except LoadError as exc:
        # Text the loader refuses on purpose (control characters) may not round-trip; anything else must.
        assert exc.rule in ("yaml-syntax", "yaml-encoding"), exc
        return
    assert loaded == data
    assert canonical(loaded, "fact") == text


def test_a_symlinked_record_or_snapshot_is_refused_and_its_target_never_read(mini_facts: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-publish\n", encoding="utf-8")
    os.symlink(secret, mini_facts / "facts" / "leak.yaml")
    os.symlink(secret, mini_facts / "snapshots" / "leak.txt")
    os.symlink("../../..", mini_facts / "entities" / "escape.yaml")
    raw, diags = validate(mini_facts, TODAY)
    assert sorted((d.path.rsplit("/", 1)[-1], d.rule) for d in diags) == [("escape.yaml", "file-type"), ("leak.txt", "file-type"), ("leak.yaml", "file-type")]
    assert "leak.txt" not in raw.snapshots
