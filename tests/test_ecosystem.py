"""What the tools around the site expect: citation and sharing metadata, a standard data package, a
corrections log and feed, schemas that resolve, licences that agree, and the upkeep configuration."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_scripts import settings
from build_scripts.canonical import modeline
from build_scripts.generate import generate
from build_scripts.paths import RECORD_DIRS
from build_scripts.transform import cite

from .sitebuild import build, make_project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = 'Evil </script><script>alert(1)</script> "quoted" & <b>bold</b> {{ 7*7 }} =cmd|x'


class _Head(HTMLParser):
    """Meta tags and JSON-LD script bodies of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.jsonld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(str(a.get("property") or a.get("name")), []).append(a.get("content") or "")
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"
        if self._in_ld:
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld[-1] += data


def _head(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the mini fact base, with a hostile quote in one fact."""
    tmp = tmp_path_factory.mktemp("eco")
    facts = tmp / "facts"
    shutil.copytree(FIXTURES / "mini", facts)
    import hashlib

    snap = facts / "snapshots" / "mini-wire-2025-05.txt"
    snap.write_bytes(snap.read_bytes() + HOSTILE.encode() + b"\n")
    source = facts / "sources" / "mini-wire-2025-05.yaml"
    source.write_text(re.sub(r'sha256: "?[0-9a-f]{64}"?', f'sha256: "{hashlib.sha256(snap.read_bytes()).hexdigest()}"', source.read_text(encoding="utf-8")), encoding="utf-8")
    paragraph = sum(1 for line in snap.read_text(encoding="utf-8").split("\n") if line.strip())
    fact = facts / "facts" / "ministry-licences-2025-04-04.yaml"
    fact.write_text(fact.read_text(encoding="utf-8").replace(
        "    locator: paragraph 3\n", f"    locator: paragraph 3\n  - source: mini-wire-2025-05\n    quote: {json.dumps(HOSTILE)}\n    locator: paragraph {paragraph}\n"), encoding="utf-8")
    project = make_project(tmp, facts, FIXTURES / "mini-docs")
    assert build(project) == 0
    return project


def _fact_pages(site: Path) -> list[Path]:
    return sorted(p / "index.html" for p in (site / "site" / "facts").iterdir() if (p / "index.html").is_file() and p.name != "pages")


# Citation, sharing and machine-readable claims --------------------------------------------------------------

def test_every_fact_page_has_parseable_jsonld_claim_opengraph_and_citation_tags(site: Path) -> None:
    facts = {p.stem for p in (site / "facts" / "facts").glob("*.yaml")}
    pages = [p for p in _fact_pages(site) if p.parent.name in facts]
    assert {p.parent.name for p in pages} == facts
    for page in pages:
        head = _head(page)
        assert len(head.jsonld) == 1, page
        claim = json.loads(head.jsonld[0])
        assert claim["@type"] == "Claim" and claim["@context"] == "https://schema.org"
        assert claim["url"] == settings.SITE_URL + f"facts/{page.parent.name}/"
        assert claim["text"] and claim["appearance"], page
        for work in claim["appearance"]:
            assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", work["datePublished"])
        for name in ("og:title", "og:description", "og:type", "og:url", "og:site_name"):
            assert head.meta.get(name, [""])[0], (page, name)
        assert head.meta["og:type"] == ["article"]
        for name in ("citation_title", "citation_author", "citation_publication_date", "citation_public_url"):
            assert head.meta.get(name, [""])[0], (page, name)
        assert "ClaimReview" not in head.jsonld[0], "the site gives no truth ratings"


def test_the_first_appearance_names_whom_the_source_credits() -> None:
    from build_scripts import model
    from build_scripts.validate import validate

    raw, _ = validate(FIXTURES / "mini")
    corpus = model.build(raw)
    credited = [f for f in corpus.facts.values() if any(c.attributed_to for c in f.citations)]
    assert credited, "the mini corpus must have a fact whose source credits someone"
    for fact in credited:
        data = cite.claim_jsonld(fact, corpus)
        firsts = data["firstAppearance"] if isinstance(data["firstAppearance"], list) else [data["firstAppearance"]]
        origins = {c.attributed_to[-1].name for c in fact.citations if c.attributed_to}
        assert {f["author"]["name"] for f in firsts} == origins
    uncredited = [f for f in corpus.facts.values() if not any(c.attributed_to for c in f.citations)]
    assert all("firstAppearance" not in cite.claim_jsonld(f, corpus) for f in uncredited)


def test_jsonld_keeps_hostile_text_as_data_and_cannot_close_its_script(site: Path) -> None:
    page = site / "site" / "facts" / "ministry-licences-2025-04-04" / "index.html"
    html = page.read_text(encoding="utf-8")
    body = _head(page).jsonld[0]
    assert "</" not in body and "<" not in body and "=" not in body
    claim = json.loads(body)
    assert HOSTILE in [w["citation"] for w in claim["appearance"]], "the quote must survive as exact data"
    assert "<script>alert(1)" not in html


def test_headlines_are_used_for_titles_and_previews() -> None:
    from dataclasses import replace

    from build_scripts import model
    from build_scripts.validate import validate

    raw, _ = validate(FIXTURES / "mini")
    corpus = model.build(raw)
    fact = next(iter(corpus.facts.values()))
    assert cite.claim_jsonld(fact, corpus)["name"] == fact.headline != fact.claim
    titled = replace(fact, headline="A short headline for people")
    assert cite.claim_jsonld(titled, corpus)["name"] == "A short headline for people"
    assert dict(cite.highwire(cite.fact_reference(titled, corpus)))["citation_title"] == "A short headline for people"


def test_fact_page_offers_bibtex_and_csl_json_that_parse(site: Path) -> None:
    page = (site / "site" / "facts" / "country-a-widget-share-70-mini-wire" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<details class="re-cite"><summary>([^<]+)</summary><pre><code>(.*?)</code></pre></details>', page, re.DOTALL)
    import html as htmllib

    found = {summary: htmllib.unescape(body) for summary, body in blocks}
    assert set(found) == {"BibTeX", "CSL-JSON (Zotero, Mendeley, pandoc)"}
    item = json.loads(found["CSL-JSON (Zotero, Mendeley, pandoc)"])[0]
    assert item["URL"] == settings.SITE_URL + "facts/country-a-widget-share-70-mini-wire/" and item["type"] == "webpage"
    bib = found["BibTeX"]
    assert bib.startswith("@online{reb-country-a-widget-share-70-mini-wire,") and bib.count("{") == bib.count("}")
    assert r"70\%" in bib, "TeX syntax characters are escaped"


def test_bibtex_escapes_every_tex_syntax_character() -> None:
    assert cite.bibtex_text("50% & $3 #1 a_b {x} ~ ^ \\") == r"50\% \& \$3 \#1 a\_b \{x\} \~{} \^{} \textbackslash{}"


def test_data_page_carries_a_dataset_and_the_site_citation(site: Path) -> None:
    head = _head(site / "site" / "data" / "index.html")
    dataset = json.loads(head.jsonld[0])
    assert dataset["@type"] == "Dataset" and dataset["license"] == settings.DATA_LICENSE_URL
    urls = {d["contentUrl"] for d in dataset["distribution"]}
    for url in urls:
        assert (site / "site" / url.removeprefix(settings.SITE_URL)).is_file(), url
    assert settings.SITE_URL + "data/datapackage.json" in urls
    assert json.loads((site / "site" / "data" / "citation.json").read_text(encoding="utf-8"))[0]["type"] == "dataset"
    assert (site / "site" / "data" / "citation.bib").read_text(encoding="utf-8").startswith("@dataset{")


def test_the_corrections_log_links_its_feed(site: Path) -> None:
    assert 'href="feed.xml"' in (site / "site" / "corrections" / "index.html").read_text(encoding="utf-8")


# Open data ------------------------------------------------------------------------------------------------

def _frictionless(package: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "frictionless"
    if not exe.exists():
        pytest.fail("frictionless is not installed: run scripts/test.sh")
    return subprocess.run([str(exe), "validate", "--json", str(package)], capture_output=True, text=True, timeout=300, check=False)


def test_frictionless_validates_the_freshly_built_data_package(site: Path) -> None:
    done = _frictionless(site / "site" / "data" / "datapackage.json")
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert {t["name"] for t in report["tasks"]} == {"facts", "sources", "entities", "metrics", "citations", "fact-entities"}


def test_frictionless_catches_a_broken_link_between_tables(site: Path, tmp_path: Path) -> None:
    """The check is real: a citation naming a source that does not exist fails the foreign key."""
    data = tmp_path / "data"
    shutil.copytree(site / "site" / "data", data)
    table = (data / "citations.csv").read_text(encoding="utf-8")
    (data / "citations.csv").write_text(table.replace(",mini-wire-2025-05,", ",no-such-source,", 1), encoding="utf-8", newline="")
    report = json.loads(_frictionless(data / "datapackage.json").stdout)
    assert not report["valid"]
    assert "foreign-key" in json.dumps(report)


def test_the_real_fact_base_makes_a_valid_data_package_with_negative_numbers_as_numbers(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    result = generate(ROOT / "facts", docs, write=True)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    done = _frictionless(docs / "data" / "datapackage.json")
    report = json.loads(done.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    rows = list(csv.DictReader(io.StringIO((docs / "data" / "facts.csv").read_text(encoding="utf-8"))))
    negative = [r for r in rows if r["value"].startswith("-") or r["value"].startswith("'-")]
    assert negative, "the real corpus has a negative value (core inflation, -1.7)"
    assert all(re.fullmatch(r"-\d+(\.\d+)?", r["value"]) for r in negative), [r["value"] for r in negative]


@pytest.mark.parametrize("pattern, inside, outside", [
    ("^[a-z0-9][a-z0-9-]{0,79}$", "abc-1", "Abc"), ("[^.]$", "A headline", "A headline."), ("^https://", "https://x.org/a", "http://x"),
    (r"\A[0-9]{4}\Z", "2025", "2025x"), ("[0-9]", "a1b", "ab"),
])
def test_json_schema_patterns_become_whole_value_table_schema_patterns(pattern: str, inside: str, outside: str) -> None:
    from build_scripts.render.data import full_match

    assert re.fullmatch(full_match(pattern), inside) and not re.fullmatch(full_match(pattern), outside)


def test_every_csv_column_is_described_in_the_data_package(site: Path) -> None:
    package = json.loads((site / "site" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((site / "site" / "data" / resource["path"]).read_text(encoding="utf-8"))))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(f.get("description") for f in resource["schema"]["fields"]), resource["name"]
    value = next(f for r in package["resources"] if r["name"] == "facts" for f in r["schema"]["fields"] if f["name"] == "value")
    unit = next(f for r in package["resources"] if r["name"] == "facts" for f in r["schema"]["fields"] if f["name"] == "unit")
    assert value["type"] == "number" and "percent" in unit["constraints"]["enum"]


# Corrections log ------------------------------------------------------------------------------------------

def test_corrections_log_and_feed_list_every_history_entry_newest_first(site: Path) -> None:
    facts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (site / "facts" / "facts").glob("*.yaml")]
    entries = {(f["id"], h["revision"]) for f in facts for h in f["history"]}
    feed = ET.parse(site / "site" / "corrections" / "feed.xml").getroot()
    items = feed.findall(f"{ATOM}entry")
    seen = {(re.search(r"facts/([a-z0-9-]+)/#revision-(\d+)$", str(e.findtext(f"{ATOM}id"))).groups()) for e in items}  # type: ignore[union-attr]
    assert {(fid, int(rev)) for fid, rev in seen} == entries and len(items) == len(entries)
    dates = [str(e.findtext(f"{ATOM}updated")) for e in items]
    assert dates == sorted(dates, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == dates[0]
    log = (site / "site" / "corrections" / "index.html").read_text(encoding="utf-8")
    assert log.count("<tr>") - 1 == len(entries)
    text = " ".join(re.sub(r"<[^>]+>", " ", __import__("html").unescape(log)).split())
    for f in facts:
        for h in f["history"]:
            assert " ".join(h["change"].split()) in text and " ".join(h["reason"].split()) in text


def test_corrections_feed_escapes_hostile_history_text() -> None:
    from build_scripts import model
    from build_scripts.render.corrections import changes, feed
    from build_scripts.validate import validate

    raw, _ = validate(FIXTURES / "mini")
    corpus = model.build(raw)
    from dataclasses import replace

    fact = next(iter(corpus.facts.values()))
    hostile = replace(fact, history=(replace(fact.history[0], change="</summary><script>x</script> & more"),))
    root = ET.fromstring(feed(changes([hostile])).split("\n", 1)[1])
    assert "</summary><script>x</script> & more" in str(root.find(f"{ATOM}entry/{ATOM}summary").text)  # type: ignore[union-attr]


def test_methodology_states_the_corrections_policy_and_links_log_and_feed() -> None:
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert "Corrections policy" in text
    assert "(corrections/index.md)" in text and "(corrections/feed.xml)" in text


# Schemas for editors ---------------------------------------------------------------------------------------

def test_site_url_in_settings_is_the_one_mkdocs_publishes_to() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: (\S+)$", config, re.MULTILINE).group(1) == settings.SITE_URL  # type: ignore[union-attr]
    assert re.search(r'^site_description: "(.+)"$', config, re.MULTILINE).group(1) == settings.SITE_DESCRIPTION  # type: ignore[union-attr]


def test_every_schema_id_is_its_address_on_the_published_site(site: Path) -> None:
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == settings.SITE_URL + "data/schemas/" + path.name
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", "the YAML language server supports 2020-12 from 1.20"
        published = site / "site" / "data" / "schemas" / path.name
        assert published.read_bytes() == path.read_bytes()


def test_every_record_names_its_schema_in_a_modeline_that_resolves() -> None:
    kinds = {folder: kind for kind, folder in RECORD_DIRS.items()}
    records = [(p, kinds[p.parent.name]) for p in sorted((ROOT / "facts").glob("*/*.yaml"))] + [(ROOT / "facts" / "topics.yaml", "topics")]
    assert len(records) > 200
    for path, kind in records:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == modeline(kind), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file() and json.loads(target.read_text(encoding="utf-8"))["title"], path


def test_vscode_maps_every_record_folder_to_its_schema() -> None:
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for kind, folder in RECORD_DIRS.items():
        assert mapping[f"./schemas/{kind}.schema.json"] == f"facts/{folder}/*.yaml"
    assert mapping["./schemas/topics.schema.json"] == "facts/topics.yaml"


# Licences and citation file ---------------------------------------------------------------------------------

def test_citation_cff_is_valid_and_agrees_with_the_site() -> None:
    schema = json.loads((Path(__file__).parent / "vendor" / "citation-file-format-1.2.0.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(data)
    assert data["title"] == settings.SITE_NAME and data["url"] == settings.SITE_URL and data["repository-code"] == settings.REPO_URL
    assert data["authors"] == [{"name": settings.AUTHOR}]
    assert set(data["license"]) == {settings.DATA_LICENSE_SPDX, settings.CODE_LICENSE}


def test_footer_data_page_licence_files_and_readme_agree_on_reuse(site: Path) -> None:
    footer = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nstrict:", 1)[0])["copyright"]
    data_page = (site / "docs" / "data" / "index.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code, text = (ROOT / "LICENSE").read_text(encoding="utf-8"), (ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and settings.CODE_LICENSE == "MIT"
    assert settings.DATA_LICENSE_URL in text and "facts/snapshots/" in text and "NOT licensed by this project" in text
    for where, said in (("footer", footer), ("data page", __import__("html").unescape(data_page)), ("README", readme)):
        assert settings.DATA_LICENSE in said and settings.CODE_LICENSE in said, where
        assert "third-party" in said and "not relicensed" in said, f"the {where} must say snapshots are third-party texts, not relicensed"
    assert "LICENSE-DATA" in readme


# Upkeep ---------------------------------------------------------------------------------------------------

def test_dependabot_watches_python_npm_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "npm", "github-actions"}


@pytest.mark.parametrize("requirements", ["requirements.txt", "requirements-dev.txt"])
def test_every_pin_in_a_requirements_file_is_in_its_lock(requirements: str) -> None:
    """A bumped pin (say, from Dependabot) fails here until the hash lock is regenerated."""
    lock = (ROOT / requirements.replace(".txt", ".lock")).read_text(encoding="utf-8").lower()
    pins = re.findall(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)", (ROOT / requirements).read_text(encoding="utf-8"), re.MULTILINE)
    assert pins
    for name, version in pins:
        bare = re.sub(r"\[.*\]", "", name).lower().replace("_", "-")
        assert re.search(rf"^{re.escape(bare)}=={re.escape(version)} ", lock, re.MULTILINE), f"{name}=={version} is not in the lock"


def test_pre_commit_hooks_do_not_name_a_virtual_environment() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert ".venv" not in config and "scripts/python.sh" in config


def test_the_readme_test_command_runs_ruff_and_mypy_before_pytest() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    ruff, mypy, pytest_at = script.index("-m ruff check ."), script.index("-m mypy"), script.index("-m pytest")
    assert ruff < mypy < pytest_at
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("exec bash scripts/test.sh")
    locked = (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    assert re.search(r"^ruff==", locked, re.MULTILINE) and re.search(r"^mypy==", locked, re.MULTILINE)
