"""The built site: strict links, reproducible bytes, atomic replacement, inert contributor text, no third parties."""
from __future__ import annotations

import csv
import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from .sitebuild import build, make_project

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path, mini_facts: Path) -> Path:
    return make_project(tmp_path, mini_facts, FIXTURES / "mini-docs")


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_every_fact_source_entity_and_metric_gets_a_page(project: Path) -> None:
    assert build(project) == 0
    site = project / "site"
    for folder in ("facts", "sources", "entities", "metrics"):
        for record in (project / "facts" / folder).glob("*.yaml"):
            assert (site / folder / record.stem / "index.html").is_file(), record


def test_fact_reference_in_prose_renders_value_with_a_footnote_to_fact_and_source(project: Path) -> None:
    assert build(project) == 0
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "about 70%" in html and "4 April 2025" in html
    assert 'href="facts/country-a-widget-share-70-mini-wire/"' in html
    assert 'href="sources/mini-wire-2025-05/"' in html
    assert "Sources disagree: they give about 61% to about 70%" in html


def test_fact_page_lists_the_narrative_pages_citing_it(project: Path) -> None:
    assert build(project) == 0
    html = (project / "site" / "facts" / "country-a-widget-share-70-mini-wire" / "index.html").read_text(encoding="utf-8")
    assert "Cited in" in html and "Mini briefing" in html


def test_a_broken_link_in_a_page_fails_the_strict_build_and_keeps_the_old_site(project: Path) -> None:
    assert build(project) == 0
    before = _tree(project / "site")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
    assert build(project) == 1
    assert _tree(project / "site") == before


def test_a_broken_anchor_fails_the_strict_build(project: Path) -> None:
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the timeline](timeline/index.md#no-such-anchor).\n", encoding="utf-8")
    assert build(project) == 1


def test_an_unknown_fact_reference_fails_the_build_before_anything_is_written(project: Path) -> None:
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nAnd {{ fact("no-such-fact") }}.\n', encoding="utf-8")
    assert build(project) == 1
    assert not (project / "build" / "docs").exists() and not (project / "docs" / "facts").exists()
    assert not (project / "site").exists()


def test_an_invalid_fact_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project) == 0
    before = _tree(project / "site")
    bad = project / "facts" / "facts" / "ministry-licences-2025-04-04.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: current", "status: curent"), encoding="utf-8")
    assert build(project) == 1
    assert _tree(project / "site") == before


def test_two_builds_of_the_same_input_are_byte_identical(project: Path, tmp_path: Path) -> None:
    assert build(project, tmp_path / "one") == 0
    shutil.rmtree(Path(__file__).resolve().parent.parent / ".cache" / "charts", ignore_errors=True)
    assert build(project, tmp_path / "two") == 0
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_hostile_text_renders_inert(project: Path) -> None:
    """The validator refuses markup in most fields, but a quote is verbatim: the renderer must neutralise it anyway."""
    snap = project / "facts" / "snapshots" / "mini-wire-2025-05.txt"
    hostile = 'Evil <script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} | *em* <img src=x onerror=alert(1)>'
    snap.write_bytes(snap.read_bytes() + hostile.encode() + b"\n")
    source = project / "facts" / "sources" / "mini-wire-2025-05.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r'sha256: "?[0-9a-f]{64}"?', 'sha256: "' + hashlib.sha256(snap.read_bytes()).hexdigest() + '"', text), encoding="utf-8")
    fact = project / "facts" / "facts" / "ministry-licences-2025-04-04.yaml"
    data = fact.read_text(encoding="utf-8")
    fact.write_text(data.replace("    locator: paragraph 3\n", "    locator: paragraph 3\n  - source: mini-wire-2025-05\n    quote: " + yaml.safe_dump(hostile, width=1000).split("\n")[0] + "\n    locator: paragraph 7\n"), encoding="utf-8")
    assert build(project) == 0
    html = (project / "site" / "facts" / "ministry-licences-2025-04-04" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "onerror=" not in html and 'href="javascript:' not in html
    assert hostile in _text(html), "the hostile quote must show as literal text"


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_built_site_requests_nothing_from_other_hosts(project: Path) -> None:
    assert build(project) == 0
    site = project / "site"
    offsite = []
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assets = r"""(?:<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\s(?:src|data)|<link\b(?![^>]*rel=["']?(?:canonical|alternate)\b)[^>]*\shref)=["']?(https?:)?//([^/"'\s>]+)"""
        for match in re.finditer(assets, text):
            offsite.append(f"{path.relative_to(site)}: {match.group(0)[:80]}")
        for match in re.finditer(r"""url\(\s*["']?(https?:)?//""", text):
            offsite.append(f"{path.relative_to(site)}: {match.group(0)}")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            offsite.append(f"{path.relative_to(site)}: Google Fonts")
    assert offsite == []


def test_chart_data_equals_the_facts_it_names(project: Path) -> None:
    assert build(project) == 0
    rows = list(csv.DictReader((project / "site" / "charts" / "metric-country-a-widget-share.csv").read_text(encoding="utf-8").splitlines()))
    facts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (project / "facts" / "facts").glob("*.yaml")}
    assert {r["Fact"] for r in rows} == {k for k, f in facts.items() if f.get("statistic")}
    for row in rows:
        value = facts[row["Fact"]]["statistic"]["value"]
        assert row["Value"].endswith(f"{value}%")
    svg = (project / "site" / "charts" / "metric-country-a-widget-share.svg").read_text(encoding="utf-8")
    assert 'role="group"' in svg and "<title id=" in svg and "<desc id=" in svg


INVALID = sorted((FIXTURES / "invalid").glob("*/*.yaml"))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("once")
    facts = tmp / "facts"
    shutil.copytree(FIXTURES / "mini", facts)
    project = make_project(tmp, facts, FIXTURES / "mini-docs")
    assert build(project) == 0
    return project


@pytest.mark.parametrize("case", INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_any_adversarial_file_fails_the_build_before_writing_and_keeps_the_site(built_once: Path, case: Path) -> None:
    from build_scripts.paths import RECORD_DIRS

    before = _tree(built_once / "site")
    generated_before = _tree(built_once / "build" / "docs")
    target = built_once / "facts" / RECORD_DIRS[case.parent.name] / case.name
    shutil.copy(case, target)
    try:
        assert build(built_once) == 1
        assert _tree(built_once / "site") == before
        assert _tree(built_once / "build" / "docs") == generated_before
    finally:
        target.unlink()


def _scripts_and_handlers(site: Path) -> set[str]:
    found: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found.update(re.findall(r"<script\b[^>]*>", text))
        found.update(m.lower() for m in re.findall(r"\s(on[a-z]+)\s*=", text))
    return found


def test_built_site_has_no_script_or_handler_the_templates_and_theme_did_not_put_there(project: Path, tmp_path: Path) -> None:
    assert build(project, tmp_path / "clean") == 0
    clean = _scripts_and_handlers(tmp_path / "clean")
    test_hostile_text_renders_inert(project)
    assert _scripts_and_handlers(project / "site") == clean


def test_changing_a_fact_value_changes_every_page_that_cites_it(project: Path) -> None:
    assert build(project) == 0
    fact = project / "facts" / "facts" / "country-a-widget-share-70-mini-wire.yaml"
    fact.write_text(fact.read_text(encoding="utf-8").replace("value: 70", "value: 74"), encoding="utf-8")
    assert build(project) == 0
    for page in ("index.html", "facts/country-a-widget-share-70-mini-wire/index.html", "metrics/country-a-widget-share/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        assert "about 74%" in html, page  # the quote still says 70%: it is the source's words
