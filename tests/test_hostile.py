"""The hostile corpus (tests/fixtures/hostile/): everything a pull request can touch besides fact records.

Cases are discovered from folders, like the fact fixtures, and each states the diagnostic and location
it must produce (`expect: LINE:COL RULE` for files, `expect:` in a YAML spec for links and history):
- docs/     hand-written pages, dropped into a copy of tests/fixtures/mini-docs;
- static/   files dropped under docs/ (`a__b.ext` is docs/a/b.ext);
- links/    symbolic links and pipes, created at run time (git cannot carry hostile links portably);
- history/  changes applied to a git repository holding the mini fact base, checked by the version gate.
Each must be refused by validate with its location, and the build must refuse it too, leaving the
previous site byte for byte and never touching anything outside the project.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_scripts import model
from build_scripts.contrib import gitbase, review, versioning
from build_scripts.diagnostics import Diagnostic
from build_scripts.generate import check_narrative
from build_scripts.site import output_problems
from build_scripts.validate import validate

from .sitebuild import build, make_project

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
TODAY = dt.date(2026, 11, 24)
EXPECT = re.compile(rb"expect: (\d+):(\d+) ([a-z-]+)")
CANARY = "SECRET-CANARY-0451"


def _cases(folder: str) -> list[Path]:
    return sorted(p for p in (HOSTILE / folder).iterdir() if p.is_file())  # README.md sits one level up


def _expected(case: Path) -> set[tuple[int, int, str]]:
    found = {(int(a), int(b), c.decode()) for a, b, c in EXPECT.findall(case.read_bytes()[:400])}
    assert found, f"{case} states no 'expect: LINE:COL RULE'"
    return found


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def _everything(project: Path) -> list[Diagnostic]:
    """What validate reports for a project: the fact base, docs/ (with includes/) and the output paths."""
    raw, diags = validate(project / "facts", TODAY)
    if not any(d.severity == "error" for d in diags):
        diags = diags + check_narrative(project / "docs", model.build(raw), project / "none.yaml")[2]
    return diags + output_problems(project / "site")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp, FIXTURES / "mini", FIXTURES / "mini-docs")
    assert build(project) == 0
    yield project


def _refused_and_site_kept(project: Path, planted: Path) -> None:
    before, docs_before = _tree(project / "site"), _tree(project / "docs")
    assert build(project) == 1, f"the build accepted {planted.name}"
    assert _tree(project / "site") == before
    assert {k: v for k, v in _tree(project / "docs").items() if k != planted.relative_to(project / "docs").as_posix()} == \
        {k: v for k, v in docs_before.items() if k != planted.relative_to(project / "docs").as_posix()}


@pytest.mark.parametrize("case", _cases("docs"), ids=lambda p: p.stem)
def test_hostile_page_is_refused_at_its_location_by_validate_and_build(built: Path, case: Path) -> None:
    target = built / "docs" / case.name
    shutil.copy(case, target)
    try:
        diags = _everything(built)
        rel = f"docs/{case.name}"
        assert _expected(case) <= {(d.line, d.col, d.rule) for d in diags if d.path == rel}, "\n".join(d.as_text() for d in diags)
        assert all(d.path == rel for d in diags), "a hostile page must not produce errors elsewhere"
        _refused_and_site_kept(built, target)
    finally:
        target.unlink()


@pytest.mark.parametrize("case", _cases("static"), ids=lambda p: p.name)
def test_hostile_static_file_is_refused_by_validate_and_build(built: Path, case: Path) -> None:
    rel = "docs/" + case.name.replace("__", "/")
    target = built / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(case, target)
    try:
        diags = _everything(built)
        assert _expected(case) <= {(d.line, d.col, d.rule) for d in diags if d.path == rel}, "\n".join(d.as_text() for d in diags)
        _refused_and_site_kept(built, target)
    finally:
        target.unlink()
        if target.parent != built / "docs" and not any(target.parent.iterdir()):
            target.parent.rmdir()


def _spec(case: Path) -> dict:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert spec.get("attack") and spec.get("expect"), f"{case} must state its attack and expectation"
    return spec


@pytest.mark.parametrize("case", _cases("links"), ids=lambda p: p.stem)
def test_hostile_link_is_refused_never_followed_never_deleted_through(built: Path, tmp_path: Path, case: Path) -> None:
    spec = _spec(case)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(CANARY, encoding="utf-8")
    fill = {"{outside}": str(outside), "{pid}": str(os.getpid())}

    def sub(text: str) -> str:
        for key, value in fill.items():
            text = text.replace(key, value)
        return text

    where = built / sub(spec.get("link") or spec["fifo"])
    aside = where.with_name(where.name + ".aside")
    if where.exists():
        where.rename(aside)
    before = _tree(built / "site") if where.name != "site" else None
    try:
        if "link" in spec:
            where.symlink_to(sub(spec["to"]))
        else:
            os.mkfifo(where)
        path, line, col, rule = re.fullmatch(r"(.+):(\d+):(\d+) ([a-z-]+)", sub(spec["expect"])).groups()  # type: ignore[union-attr]
        diags = _everything(built)
        assert (path, int(line), int(col), rule) in {(d.path, d.line, d.col, d.rule) for d in diags}, "\n".join(d.as_text() for d in diags)
        assert build(built) == 1
        if before is not None:
            assert _tree(built / "site") == before
        assert where.is_symlink() or not where.is_file() or "fifo" in spec, "the link itself must be left alone"
        assert [p.name for p in outside.iterdir()] == ["secret.txt"] and (outside / "secret.txt").read_text(encoding="utf-8") == CANARY
        site = built / "site"
        if not site.is_symlink():  # the planted link may be the site folder itself, whose target holds the canary
            assert not any(CANARY in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file() and not p.is_symlink())
    finally:
        where.unlink()
        if aside.exists():
            aside.rename(where)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args], check=True, capture_output=True)


def _apply(repo: Path, step: dict) -> None:
    def replaced(text: str) -> str:
        for old, new in step.get("replace", []):
            assert old in text, f"step {step} does not apply: {old!r} not found"
            text = text.replace(old, new, 1)
        return text

    if "edit" in step:
        path = repo / step["edit"]
        path.write_text(replaced(path.read_text(encoding="utf-8")), encoding="utf-8")
    elif "copy" in step:
        (repo / step["to"]).write_text(replaced((repo / step["copy"]).read_text(encoding="utf-8")), encoding="utf-8")
    elif "delete" in step:
        (repo / step["delete"]).unlink()
    elif "rehash" in step:
        path = repo / step["rehash"]
        text = path.read_text(encoding="utf-8")
        name = re.search(r"file: (\S+)", text).group(1)  # type: ignore[union-attr]
        digest = hashlib.sha256((repo / "facts" / "snapshots" / name).read_bytes()).hexdigest()
        path.write_text(re.sub(r'sha256: "?[0-9a-f]{64}"?', f'sha256: "{digest}"', text), encoding="utf-8")
    else:
        raise AssertionError(f"unknown step {step}")


@pytest.mark.parametrize("case", _cases("history"), ids=lambda p: p.stem)
def test_history_attack_is_refused_by_the_version_gate_at_its_location(tmp_path: Path, case: Path) -> None:
    spec = _spec(case)
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", repo / "facts")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    for step in spec["steps"]:
        _apply(repo, step)
    corpus, diags = validate(repo / "facts", TODAY)
    base, snapshots = gitbase.records_at(repo, "main"), gitbase.snapshots_at(repo, "main")
    diags += versioning.check(base, corpus, snapshots)
    found = {(d.path, d.line, d.col, d.rule) for d in diags}
    for expected in spec["expect"]:
        path, line, col, rule = re.fullmatch(r"(.+):(\d+):(\d+) ([a-z-]+)", expected).groups()  # type: ignore[union-attr]
        assert (path, int(line), int(col), rule) in found, "\n".join(d.as_text() for d in diags)
    text = review.summary(base, gitbase.working_records(repo / "facts"), diags, snapshots, gitbase.working_snapshots(repo / "facts"))
    for needle in spec.get("summary", []):
        assert needle in text, text


def test_the_hostile_corpus_covers_every_kind_of_input() -> None:
    counts = {folder: len(_cases(folder)) for folder in ("docs", "static", "links", "history")}
    assert all(n >= 5 for n in counts.values()), counts
