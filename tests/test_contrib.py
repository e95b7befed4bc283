"""The contributor's tools: scaffolding, canonical formatting, versioning against a base, and the review summary."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from build_scripts.canonical import canonical
from build_scripts.contrib import fmt, gitbase, review, scaffold, versioning
from build_scripts.load.yamlsafe import load_bytes
from build_scripts.validate import validate

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 24)


def test_new_fact_from_an_existing_source_validates_once_its_placeholders_are_filled(mini_facts: Path) -> None:
    outcome = scaffold.new_fact(mini_facts, source="mini-wire-2025-05", quote="The ministry also banned widget exports to Country B", kind="claim", fid=None)
    assert outcome.ok and outcome.path is not None
    assert "locator: paragraph 5" in outcome.path.read_text(encoding="utf-8")
    _, diags = validate(mini_facts)
    assert {d.rule for d in diags if d.path.endswith(outcome.path.name)} >= {"placeholder"}
    text = outcome.path.read_text(encoding="utf-8")
    text = text.replace('"TODO: the claim in one neutral sentence, saying who claims it"', "Mini Wire reports that the ministry banned widget exports to Country B.")
    text = text.replace('"TODO: a short title for people"', "Ministry bans widget exports to Country B, Mini Wire reports")
    text = text.replace("[\"TODO\"]", "[country-a]", 1).replace("[\"TODO\"]", "[mining]", 1)
    text = text.replace('"TODO: why this fact belongs in the briefing"', "A second view on the share.")
    outcome.path.write_text(text, encoding="utf-8")
    _, diags = validate(mini_facts)
    assert [d.as_text() for d in diags if d.severity == "error"] == []


def test_new_fact_with_a_quote_not_in_the_source_shows_the_closest_passage(mini_facts: Path) -> None:
    outcome = scaffold.new_fact(mini_facts, source="mini-wire-2025-05", quote="Analysts said the share was nearer to 61%", kind="claim", fid=None)
    assert not outcome.ok
    assert "closest passage" in outcome.message and "closer to 61%" in outcome.message


def test_new_source_keeps_the_text_byte_for_byte_and_pins_its_hash(mini_facts: Path, tmp_path: Path) -> None:
    text = tmp_path / "article.txt"
    text.write_bytes("Line one \u2014 with a dash.\r\nLine two.\n".encode())
    outcome = scaffold.new_source(mini_facts, sid="new-wire-2025-06", title="A title", publisher="New Wire", kind="wire-report", text_file=text,
                                  url="https://example.org/x", byline=None, published="2025-06-01", accessed="2025-06-02")
    assert outcome.ok
    assert (mini_facts / "snapshots" / "new-wire-2025-06.txt").read_bytes() == text.read_bytes()
    _, diags = validate(mini_facts, TODAY)
    assert [d.rule for d in diags if "new-wire" in d.path] == ["placeholder"]
    assert not scaffold.new_source(mini_facts, sid="new-wire-2025-06", title="x", publisher="x", kind="blog", text_file=text, url=None, byline=None, published=None, accessed=None).ok


def _records() -> list[tuple[Path, str]]:
    return [(p, fmt.kind_of(p) or "") for p in sorted((ROOT / "facts").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "mini").rglob("*.yaml"))]


@pytest.mark.parametrize(("path", "kind"), _records(), ids=lambda x: x.name if isinstance(x, Path) else "")
def test_canonical_form_is_idempotent_and_keeps_the_data(path: Path, kind: str) -> None:
    data = load_bytes(path.read_bytes()).data
    text = canonical(data, kind)
    assert load_bytes(text.encode()).data == data
    assert canonical(load_bytes(text.encode()).data, kind) == text


def test_the_fact_base_is_in_canonical_form() -> None:
    assert [fmt.format_file(p, check=True)[1] for p in fmt.targets([], ROOT / "facts") if fmt.format_file(p, check=True)[0]] == []


def test_validate_warns_about_a_non_canonical_file(mini_facts: Path) -> None:
    path = mini_facts / "metrics" / "country-a-widget-share.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: percent", "unit: 'percent'"), encoding="utf-8")
    _, diags = validate(mini_facts, TODAY)
    assert [(d.rule, d.severity) for d in diags] == [("format-canonical", "warning")]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, mini_facts: Path) -> Path:
    """A git repository holding the mini fact base as its base commit."""
    root = tmp_path / "repo"
    root.mkdir()
    mini_facts.rename(root / "facts")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    return root


def _versioning(repo: Path) -> list[str]:
    corpus, _ = validate(repo / "facts", TODAY)
    return [f"{d.rule}: {d.message}" for d in versioning.check(gitbase.records_at(repo, "main"), corpus)]


FACT = "facts/facts/ministry-licences-2025-04-04.yaml"


def test_a_changed_fact_without_a_revision_bump_fails(repo: Path) -> None:
    path = repo / FACT
    path.write_text(path.read_text(encoding="utf-8").replace("seven widgets on", "seven widgets in all on"), encoding="utf-8")
    problems = _versioning(repo)
    assert len(problems) == 1 and problems[0].startswith("revision-bump") and "must rise above 1" in problems[0]


def test_a_fact_revised_twice_in_one_change_needs_a_history_entry_for_each_revision(repo: Path) -> None:
    path = repo / FACT
    text = path.read_text(encoding="utf-8").replace("seven widgets on", "seven widgets in all on").replace("revision: 1\nkind", "revision: 3\nkind")
    one = text + '  - revision: 2\n    date: "2025-06-03"\n    change: Claim reworded.\n    reason: Clearer.\n'
    path.write_text(one, encoding="utf-8")
    assert [p.split(":")[0] for p in _versioning(repo)] == ["revision-bump"]
    path.write_text(one + '  - revision: 3\n    date: "2025-06-04"\n    change: Second reading.\n    reason: Checked again.\n', encoding="utf-8")
    assert _versioning(repo) == []


def test_a_changed_fact_with_revision_and_history_passes(repo: Path) -> None:
    path = repo / FACT
    text = path.read_text(encoding="utf-8").replace("seven widgets on", "seven widgets in all on").replace("revision: 1\nkind", "revision: 2\nkind")
    text += '  - revision: 2\n    date: "2025-06-03"\n    change: Claim reworded.\n    reason: Clearer.\n'
    path.write_text(text, encoding="utf-8")
    assert _versioning(repo) == []


def test_a_deleted_fact_fails_with_advice_to_retract(repo: Path) -> None:
    (repo / FACT).unlink()
    problems = _versioning(repo)
    assert problems and problems[0].startswith("record-deleted")


def test_a_renamed_fact_passes_only_with_its_old_id_kept(repo: Path) -> None:
    old = repo / FACT
    new = old.with_name("ministry-widget-licences-2025-04-04.yaml")
    text = old.read_text(encoding="utf-8").replace("id: ministry-licences-2025-04-04", "id: ministry-widget-licences-2025-04-04")
    old.unlink()
    new.write_text(text, encoding="utf-8")
    assert any(p.startswith("record-deleted") for p in _versioning(repo))
    new.write_text(text.replace("revision: 1\n", "previous_ids: [ministry-licences-2025-04-04]\nrevision: 1\n", 1), encoding="utf-8")
    assert _versioning(repo) == []


def test_review_summary_shows_old_and_new_values(repo: Path) -> None:
    path = repo / "facts/facts/country-a-widget-share-70-mini-wire.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 70", "value: 72"), encoding="utf-8")
    text = review.summary(gitbase.records_at(repo, "main"), gitbase.working_records(repo / "facts"), validate(repo / "facts", TODAY)[1])
    assert "## Facts changed (1)" in text
    assert "value: about 70 percent \u2192 about 72 percent" in text
    assert "metrics/country-a-widget-share/" in text
    assert "quotes: found in their sources" in text
