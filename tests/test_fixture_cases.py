"""Fixture cases, discovered from folders: valid files must pass, each invalid file must produce its stated error.

An invalid case starts with one or more lines `# expect: LINE:COL RULE`; it is dropped into a copy of the
mini fact base (tests/fixtures/mini) in the folder for its kind, and validated with everything else.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from build_scripts.paths import RECORD_DIRS
from build_scripts.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 24)
EXPECT = re.compile(r"^# expect: (\d+):(\d+) ([a-z-]+)\r?$", re.MULTILINE)


def _cases(kind: str) -> list[Path]:
    return sorted((FIXTURES / kind).glob("*/*.yaml"))


def _place(case: Path, tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "facts"
    shutil.copytree(FIXTURES / "mini", root)
    folder = RECORD_DIRS[case.parent.name]
    shutil.copy(case, root / folder / case.name)
    return root, f"facts/{folder}/{case.name}"


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_case_passes(case: Path, tmp_path: Path) -> None:
    root, _ = _place(case, tmp_path)
    _, diags = validate(root, TODAY)
    assert [d.as_text() for d in diags] == []


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_invalid_case_reports_its_error(case: Path, tmp_path: Path) -> None:
    raw = case.read_bytes()
    # Encoding attacks are fixtures too: read their expectations whatever the file's encoding.
    header = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig", errors="replace")
    expected = {(int(line), int(col), rule) for line, col, rule in EXPECT.findall(header)}
    assert expected, f"{case} states no '# expect: LINE:COL RULE'"
    root, rel = _place(case, tmp_path)
    _, diags = validate(root, TODAY)
    found = {(d.line, d.col, d.rule) for d in diags if d.path == rel}
    assert expected <= found, "\n".join(d.as_text() for d in diags)
    assert all(d.path == rel for d in diags), "a broken file must not produce errors elsewhere:\n" + "\n".join(d.as_text() for d in diags)


def test_every_case_folder_is_a_record_kind() -> None:
    for kind in ("valid", "invalid"):
        for folder in (FIXTURES / kind).iterdir():
            assert folder.name in RECORD_DIRS, folder


def test_fast_schema_check_agrees_with_jsonschema_on_every_fixture() -> None:
    """The compiled validator only decides whether the full one runs: they must never disagree on validity."""
    from build_scripts.load.yamlsafe import LoadError, load_bytes
    from build_scripts.validate.schema import fast_validator, validator

    checked = 0
    for path in sorted(FIXTURES.rglob("*.yaml")) + sorted((FIXTURES.parent.parent / "facts").rglob("*.yaml")):
        kind = {"facts": "fact", "sources": "source", "entities": "entity", "metrics": "metric"}.get(path.parent.name, path.parent.name)
        if kind not in ("fact", "source", "entity", "metric"):
            continue
        try:
            data = load_bytes(path.read_bytes()).data
        except LoadError:
            continue
        fast = fast_validator(kind)
        assert fast is not None
        assert fast.is_valid(data) == validator(kind).is_valid(data), path
        checked += 1
    assert checked > 300
