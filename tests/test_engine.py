"""The engine-neutral generator: complete Markdown before any engine runs, other engines, other publications,
and incremental generation."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.generate import generate
from build_scripts.publication import load

from .sitebuild import build, make_project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WIDGETS = FIXTURES / "publications" / "widgets"
RAW_REFERENCE = re.compile(r"\{\{[ \t]*(?:fact|value|date|words|quote|cite|spread)\(|\{%")


_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pages(site: Path) -> dict[str, str]:
    """Every HTML page of a site, by path, as a hash; the generator tag (which names the engine) left out."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(_GENERATOR.sub(b"", p.read_bytes())).hexdigest() for p in sorted(site.rglob("*.html"))}


def _text_of(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("engine"), FIXTURES / "mini", FIXTURES / "mini-docs")
    assert build(project) == 0
    return project


def test_a_build_without_the_hook_gives_the_same_pages_and_no_unexpanded_reference(project: Path) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace("hooks:\n  - hooks/facts.py\n", ""), encoding="utf-8")
    try:
        assert "hooks/facts.py" not in config.read_text(encoding="utf-8")
        assert build(project, project / "site-nohook") == 0
    finally:
        config.write_text(original, encoding="utf-8")
    assert _pages(project / "site-nohook") == _pages(project / "site")
    text = _text_of(project / "site-nohook")
    assert not RAW_REFERENCE.search(text) and "about 70%" in text


def test_the_generated_folder_holds_complete_markdown_for_any_engine(project: Path) -> None:
    page = (project / "build" / "docs" / "index.md").read_text(encoding="utf-8")
    assert not RAW_REFERENCE.search(page)
    assert "about 70%[^f-country-a-widget-share-70-mini-wire]" in page and "[^f-country-a-widget-share-70-mini-wire]: " in page
    assert (project / "build" / "docs" / "assets" / "briefing.css").is_file()  # static files of docs/ come along
    assert not (project / "docs" / "facts").exists()  # nothing is generated into the contributors' folder


def test_properdocs_builds_the_same_pages_as_mkdocs(project: Path, tmp_path: Path) -> None:
    pytest.importorskip("properdocs")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
    done = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--publication", str(project), "--engine", "properdocs",
                           "--site-dir", str(tmp_path / "site-properdocs"), "--quiet"], capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert _pages(tmp_path / "site-properdocs") == _pages(project / "site")


def test_generation_rewrites_only_what_changed_and_keeps_the_times_of_the_rest(project: Path) -> None:
    out = project / "build" / "docs"
    pub = load(project)
    assert generate(pub).written == 0  # the build already wrote everything
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    fact = project / "facts" / "facts" / "country-a-widget-share-70-mini-wire.yaml"
    original = fact.read_text(encoding="utf-8")
    fact.write_text(original.replace("widget mining share", "widget-mining share", 1), encoding="utf-8")
    try:
        result = generate(pub)
        after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
        changed = {p.relative_to(out).as_posix() for p in after if after[p] != before.get(p)}
        assert result.written == len(changed) and "facts/country-a-widget-share-70-mini-wire.md" in changed
        assert 0 < len(changed) < len(after) / 2  # a handful of pages, not the site
        assert all(after[p] == before[p] for p in after if p.relative_to(out).as_posix() not in changed)
    finally:
        fact.write_text(original, encoding="utf-8")
        generate(pub)


def test_a_stale_generated_file_is_deleted(project: Path) -> None:
    stray = project / "build" / "docs" / "facts" / "gone.md"
    stray.write_text("# Gone\n", encoding="utf-8")
    assert generate(load(project)).deleted == 1 and not stray.exists()


def test_a_second_publication_builds_from_its_own_folder_and_shares_no_content(tmp_path: Path) -> None:
    folder = tmp_path / "widgets"
    shutil.copytree(WIDGETS, folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--publication", str(folder), "--quiet"],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    site = folder / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Widget watch</title>" in home and "about 70%" in home and '<abbr title="World Trade Organization' in home
    assert "Widget Ministry" in (site / "reference" / "ministries" / "index.html").read_text(encoding="utf-8")  # its own page
    assert not (site / "reference" / "elements").exists()  # this publication's page is not there
    # The engine's schema reference is shared by every publication; everything else is the publication's own.
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("reference/index")]
    assert not [p for p in pages if re.search(r"rare earth|Rare earths", p.read_text(encoding="utf-8"))]


def test_the_config_stays_free_of_tags_zensical_rejects() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"!relative|!ENV|!!python", config)
    assert "- pymdownx.snippets" not in config and "\nwatch:" not in config


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_rebuilds_once_per_edit_and_shows_the_edit(project: Path, tmp_path: Path) -> None:
    import time
    import urllib.request
    from urllib.parse import urlsplit

    port = _free_port()
    mount = urlsplit(load(project).url).path or "/"  # MkDocs serves under the site address's path
    log = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("w", encoding="utf-8") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "build_scripts", "serve", "--publication", str(project), "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    fact = project / "facts" / "facts" / "country-a-widget-share-70-mini-wire.yaml"
    original = fact.read_text(encoding="utf-8")

    def page() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{mount}facts/country-a-widget-share-70-mini-wire/", timeout=5) as resp:
                return resp.read().decode("utf-8")
        except OSError:
            return ""

    def wait(condition: object, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while not condition():  # type: ignore[operator]
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.2)

    try:
        wait(lambda: "widget mining share" in page())
        builds = log.read_text(encoding="utf-8").count("Building documentation")
        fact.write_text(original.replace("widget mining share", "widget-mining share", 1), encoding="utf-8")
        wait(lambda: "widget-mining share" in page())
        time.sleep(2)  # a second rebuild, had there been one, would have started by now
        text = log.read_text(encoding="utf-8")
        assert text.count("Building documentation") == builds + 1, text[-3000:]
        assert text.count("Regenerated:") == 2  # the first generation, and one for the edit
    finally:
        fact.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)
        generate(load(project))
