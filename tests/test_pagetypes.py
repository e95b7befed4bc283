"""Page types as modules behind one registry, and one place (build_scripts/urls.py) that decides every address."""
from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import re
from pathlib import Path

import markdown

from build_scripts import model, urls
from build_scripts.charts import catalog
from build_scripts.render import pagetypes
from build_scripts.render.pagetypes import Context, generate_all
from build_scripts.sanitize import inventory
from build_scripts.transform import passages
from build_scripts.transform.index import SiteIndex
from build_scripts.validate import validate

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "build_scripts" / "render"
# A generated folder spelled as the start of a path inside a string: what urls.py alone may write.
LITERAL = re.compile(r"""["'](?:facts|sources|entities|metrics|topics|timeline|charts|data|reference|corrections)/""")
TODAY = dt.date(2026, 11, 25)


def _outputs(facts: Path) -> pagetypes.Output:
    raw, diags = validate(facts, TODAY)
    assert not [d for d in diags if d.severity == "error"]
    corpus = model.build(raw)
    records = {name: [r.doc.data for r in raw.records[kind]] for name, kind in (("facts", "fact"), ("sources", "source"), ("entities", "entity"), ("metrics", "metric"))}
    schemas = {p.name: p.read_bytes() for p in sorted((ROOT / "schemas").glob("*.json"))}
    index = SiteIndex(corpus)
    return generate_all(Context(index, {}, records, schemas, raw.snapshots, catalog.build(index)))


def test_no_module_or_template_spells_a_generated_address_itself() -> None:
    users = [*sorted((RENDER / "pagetypes").glob("*.py")), *sorted((RENDER / "templates").glob("*.j2")), RENDER / "footnotes.py",
             RENDER / "corrections.py", RENDER / "reference.py", RENDER / "data.py", ROOT / "build_scripts" / "narrative.py",
             ROOT / "build_scripts" / "transform" / "cite.py"]
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in users for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if LITERAL.search(line)]
    assert found == []


def test_every_page_type_module_is_in_the_registry() -> None:
    modules = {p.stem for p in (RENDER / "pagetypes").glob("*.py")} - {"__init__", "base"}
    registered = {m.__name__.rsplit(".", 1)[1] for m in pagetypes.PAGE_TYPES}  # type: ignore[attr-defined]
    assert registered == modules


def test_every_record_page_is_where_urls_says(mini_facts: Path) -> None:
    out = _outputs(mini_facts)
    raw, _ = validate(mini_facts, TODAY)
    corpus = model.build(raw)
    expected = {urls.fact_page(f) for f in corpus.facts} | {urls.source_page(s) for s in corpus.sources} | {urls.snapshot_page(s) for s in corpus.sources}
    expected |= {urls.entity_page(e) for e in corpus.entities if SiteIndex(corpus).by_entity.get(e)} | {urls.metric_page(m) for m in corpus.metrics}
    expected |= {urls.timeline_page(), urls.charts_page(), urls.data_page(), urls.schema_reference(), urls.corrections_page(), urls.corrections_feed()}
    assert expected <= set(out)


def test_a_quote_is_found_in_the_text_as_received_despite_typographic_folds() -> None:
    text = "Mini Wire said  Country A held \u201cabout 70%\u201d of world\u00a0widget mining \u2013 for now\u2026 later."
    start, end = passages.locate(text, 'Country A held "about 70%" of world widget mining - for now...')  # type: ignore[misc]
    assert text[start:end] == "Country A held \u201cabout 70%\u201d of world\u00a0widget mining \u2013 for now\u2026"
    assert passages.locate(text, "not in the text") is None


def test_snapshot_page_numbers_paragraphs_as_locators_do_and_marks_each_quote(mini_facts: Path) -> None:
    out = _outputs(mini_facts)
    page = str(out[urls.snapshot_page("mini-wire-2025-05")])
    anchors = re.findall(r"\{: #(p-\d+)", page)
    assert anchors == [f"p-{n}" for n in range(1, 7)]  # six non-empty lines; the blank line is not a paragraph
    marked = re.findall(r'<mark class="re-quote">(.*?)</mark>', page)
    assert len(marked) == 3
    assert any("61% in 2023" in m for m in marked)
    fact = str(out[urls.fact_page("country-a-widget-share-61-analysts")])
    assert "(../sources/mini-wire-2025-05/text.md#p-2)" in fact


def test_hostile_snapshot_text_renders_inert(mini_facts: Path) -> None:
    snapshot = mini_facts / "snapshots" / "mini-wire-2025-05.txt"
    hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) {: onclick="x" } *[abbr]: y\n'
    data = snapshot.read_bytes() + hostile.encode()
    snapshot.write_bytes(data)
    source = mini_facts / "sources" / "mini-wire-2025-05.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r'sha256: "[0-9a-f]+"', f'sha256: "{hashlib.sha256(data).hexdigest()}"', text), encoding="utf-8")
    page = str(_outputs(mini_facts)[urls.snapshot_page("mini-wire-2025-05")])
    html = markdown.markdown(re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL), extensions=["attr_list", "abbr"])
    elements = inventory(html)
    assert {tag for tag, _, _ in elements} <= {"h1", "p", "span", "a", "mark", "code"}
    assert not [(tag, name) for tag, name, _ in elements if name.startswith("on")]
    assert not [value for tag, name, value in elements if name == "href" and ":" in value]
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", html))
    assert hostile.strip() in text  # shown to the reader as the characters it is


def test_every_quote_in_the_fact_base_is_highlighted_in_its_source_text() -> None:
    raw, _ = validate(ROOT / "facts", TODAY)
    corpus = model.build(raw)
    index = SiteIndex(corpus)
    missing = []
    for source_id in corpus.sources:
        quoting = index.by_source.get(source_id, [])
        shown = passages.paragraphs(source_id, corpus, quoting)
        marked = {(f.id, p.number) for p in shown for s in p.spans for f in s.facts}
        missing += [(f.id, c.locator) for f in quoting for c in f.citations if c.source == source_id and (f.id, c.paragraph) not in marked]
    assert missing == []
