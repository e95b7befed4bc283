"""Page types as modules behind one registry, and one place (build_scripts/urls.py) that decides every address."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from build_scripts import model, urls
from build_scripts.render import pagetypes
from build_scripts.render.pagetypes import Context, generate_all
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
    return generate_all(Context(SiteIndex(corpus), {}, records, schemas, raw.snapshots))


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
