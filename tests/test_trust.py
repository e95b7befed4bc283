"""Trust boundary promises that are not one planted file each: the second line of defence behind the page
lint, snippet confinement, located internal errors, neutralised terminal and review output, bounded work
and the contributor commands' input checks (the planted files are in tests/test_hostile.py)."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts import markup, model, narrative
from build_scripts.cli import main
from build_scripts.contrib import fmt, review, scaffold
from build_scripts.diagnostics import Diagnostic, format_report
from build_scripts.validate import validate
from build_scripts.validate.textnorm import Snapshot

from .sitebuild import build, make_project

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 24)


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("trust"), FIXTURES / "mini", FIXTURES / "mini-docs")
    assert build(project) == 0
    return project


@pytest.mark.parametrize("page", [
    "# Page\n\n<script>alert(document.cookie)</script>\n",
    "# Page\n\nA paragraph.\n{: onclick=\"alert(document.cookie)\" }\n",
    "# Page\n\n[x](javascript:alert(document.cookie))\n",
    "# Page\n\n![pixel](https://evil.example/pixel.png)\n",
])
def test_the_sanitiser_fails_the_build_when_the_page_lint_misses_something(built: Path, page: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(markup, "check", lambda tree, tokens: [])  # pretend the lint has a gap
    before = _tree(built / "site")
    target = built / "docs" / "gap.md"
    target.write_text(page, encoding="utf-8")
    try:
        assert build(built) == 1
        captured = capsys.readouterr()
        assert "docs/gap.md:" in captured.out + captured.err and "docs-sanitised" in captured.out + captured.err
        assert _tree(built / "site") == before
    finally:
        target.unlink()


def test_snippets_cannot_leave_includes_even_when_the_page_lint_misses_them(built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(markup, "check", lambda tree, tokens: [])
    before = _tree(built / "site")
    target = built / "docs" / "gap.md"
    target.write_text('# Page\n\n--8<-- "../mkdocs.yml"\n', encoding="utf-8")
    try:
        assert build(built) == 1
        out = capsys.readouterr().out
        assert "internal-error" in out and "docs/gap.md" in out and "Traceback" not in out
        assert _tree(built / "site") == before
    finally:
        target.unlink()


def test_the_glossary_abbreviations_are_still_appended_from_includes(built: Path) -> None:
    page = built / "docs" / "index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nMOFCOM issues the licences.\n", encoding="utf-8")
    try:
        assert build(built) == 0
        assert '<abbr title="China' in (built / "site" / "index.html").read_text(encoding="utf-8")
    finally:
        page.write_text(original, encoding="utf-8")
        assert build(built) == 0


def test_an_internal_error_in_the_build_is_located_and_never_a_traceback(built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(markdown: str, page: str, corpus: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(narrative, "expand", broken)
    before = _tree(built / "site")
    assert build(built) == 1
    out = capsys.readouterr().out
    assert "docs/index.md:1:1: error internal-error" in out and "Traceback" not in out
    assert _tree(built / "site") == before


def test_the_command_line_reports_an_internal_error_with_its_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from build_scripts import hookstate
    from build_scripts.commands import validate as command

    def broken(args: object) -> int:
        hookstate.working_on = "docs/page.md"
        raise ValueError("unexpected")

    monkeypatch.setattr(command, "run", broken)
    monkeypatch.setattr(hookstate, "working_on", "")
    import build_scripts.cli as cli

    parser = cli.parser()
    monkeypatch.setattr(cli, "parser", lambda: parser)
    for action in parser._subparsers._group_actions[0].choices.values():  # type: ignore[union-attr]
        if action.prog.endswith("validate"):
            action.set_defaults(func=broken)
    assert main(["validate"]) == 3
    err = capsys.readouterr().err
    assert "docs/page.md:1:1: error internal-error: ValueError: unexpected" in err and "Traceback" not in err


def test_reports_escape_control_characters_so_a_key_cannot_drive_the_terminal() -> None:
    diag = Diagnostic("facts/facts/x\x1b[2J.yaml", 1, 1, "schema-unknown-field", "unknown field 'a\x1b]0;pwned\x07\u202e'", "hint\r\n::error::forged")
    for fmt_name in ("text", "github"):
        report = format_report([diag], fmt_name, 1)
        assert "\x1b" not in report and "\x07" not in report and "\u202e" not in report and "\r" not in report
    assert "\n::error::forged" not in format_report([diag], "text", 1)
    assert format_report([diag], "github", 1).count("\n") == 0


def test_validate_prints_a_hostile_key_inert(mini_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_facts / "entities" / "country-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '"evil\\e[31m": x\n', encoding="utf-8")
    assert main(["validate", "--facts", str(mini_facts), "--docs", str(mini_facts / "none")]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\u001b[31m" in out


def test_the_review_summary_escapes_every_untrusted_string() -> None:
    forged = "x`\n\nValidation: no problems.\n\n<!--"
    head = {"fact": {forged: {"id": forged, "kind": "claim", "claim": "<img src=x onerror=alert(1)> **bold** [l](javascript:x)"}}, "source": {}}
    text = review.summary({"fact": {}, "source": {}}, head, [Diagnostic("facts/facts/x.yaml", 1, 1, "quote-not-found", "<!-- hidden")])
    lines = text.split("\n")
    assert lines.count("Validation: no problems.") == 0
    assert "<!--" not in text and "<img" not in text and "](javascript" not in text
    assert not any(line.startswith("Validation: no problems") for line in lines)


def test_closest_passage_on_a_multi_megabyte_snapshot_finds_the_near_miss() -> None:
    rng = random.Random(7)
    words = ["rare", "earth", "export", "control", "magnet", "licence", "ministry", "tariff", "the", "of", "and", "said"]
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(20, 400))) for _ in range(1500)]
    target = 1234
    paragraphs[target] = "The ministry said the seven heavy rare earths would need export licences from 4 April, officials confirmed."
    snapshot = Snapshot("\n".join(paragraphs))
    assert len(snapshot.text) > 1_500_000
    number, passage, ratio = snapshot.closest("The ministry said the seven heavy rare earth would need export licenses from 4 April")
    assert number == target + 1 and ratio > 0.9 and "seven heavy" in passage
    hostile = " ".join(rng.choice(words) for _ in range(300))[:1200]  # a long wrong quote: once two minutes of CPU
    assert snapshot.closest(hostile)[2] < 1.0


@pytest.mark.parametrize("fid", ["../../x", "/tmp/x", "a/b", "UPPER", "x" * 81, ""])
def test_new_fact_refuses_an_id_that_is_no_id(mini_facts: Path, fid: str) -> None:
    outcome = scaffold.new_fact(mini_facts, source="mini-wire-2025-05", quote="Analysts said the share was closer to 61%", kind="claim", fid=fid)
    assert not outcome.ok and "id" in outcome.message
    assert not list(mini_facts.parent.rglob("x.yaml"))


@pytest.mark.parametrize("quote", ["", "   ", "x" * 2001])
def test_new_fact_refuses_an_empty_or_huge_quote(mini_facts: Path, quote: str) -> None:
    assert not scaffold.new_fact(mini_facts, source="mini-wire-2025-05", quote=quote, kind="claim", fid=None).ok


def test_new_fact_reports_a_missing_folder_or_snapshot_instead_of_a_traceback(mini_facts: Path, tmp_path: Path) -> None:
    assert "does not exist" in scaffold.new_fact(tmp_path / "nowhere", source="mini-wire-2025-05", quote="Analysts said the share", kind="claim", fid=None).message
    (mini_facts / "snapshots" / "mini-wire-2025-05.txt").unlink()
    outcome = scaffold.new_fact(mini_facts, source="mini-wire-2025-05", quote="Analysts said the share", kind="claim", fid=None)
    assert not outcome.ok and "snapshot" in outcome.message


@pytest.mark.parametrize("text", ["/dev/zero", "missing.txt", "."])
def test_new_source_reads_only_a_bounded_regular_file(mini_facts: Path, tmp_path: Path, text: str) -> None:
    path = Path(text) if text.startswith("/") else tmp_path / text
    outcome = scaffold.new_source(mini_facts, sid="new-src", title="T", publisher="P", kind="blog", text_file=path, url=None, byline=None, published=None, accessed=None)
    assert not outcome.ok
    assert not (mini_facts / "snapshots" / "new-src.txt").exists()


def test_new_source_refuses_a_text_larger_than_a_snapshot_may_be(mini_facts: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    outcome = scaffold.new_source(mini_facts, sid="new-src", title="T", publisher="P", kind="blog", text_file=big, url=None, byline=None, published=None, accessed=None)
    assert not outcome.ok and "larger" in outcome.message


def test_fmt_check_skips_a_pipe_instead_of_hanging(mini_facts: Path) -> None:
    pipe = mini_facts / "facts" / "pipe.yaml"
    os.mkfifo(pipe)
    result: list[tuple[bool, str]] = []
    worker = threading.Thread(target=lambda: result.append(fmt.format_file(pipe, check=True)), daemon=True)
    worker.start()
    worker.join(30)  # not a timing assertion: a hang would otherwise block the suite forever
    assert result and result[0][0] is False and "not a regular file" in result[0][1]


def test_one_tokenizer_expand_refuses_what_validate_reports(tmp_path: Path) -> None:
    raw, _ = validate(FIXTURES / "mini", TODAY)
    corpus = model.build(raw)
    page = "A {{ fact(\n\"country-a-widget-share-70-mini-wire\") }} and `{{ fact(\"x\") }}`"
    found = narrative.tokenize("p.md", page)
    assert [d.rule for d in found.problems] == ["narrative-ref-split", "narrative-ref-in-code"]
    with pytest.raises(ValueError, match="narrative-ref-split"):
        narrative.expand(page, "p.md", corpus)


def test_cli_new_fact_with_a_traversing_id_exits_cleanly(mini_facts: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "build_scripts", "new", "fact", "--source", "mini-wire-2025-05", "--quote", "Analysts said the share",
                           "--id", "../../x", "--facts", str(mini_facts)], capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "must be lowercase" in done.stderr


@given(st.text(alphabet=st.sampled_from(list('{}()"\'|`~<>!-8[]:#.= \nafx')), max_size=200))
def test_any_page_text_is_tokenized_and_linted_without_crashing_and_leaves_no_raw_reference(text: str) -> None:
    from build_scripts.load.tree import DocsTree

    found = narrative.tokenize("p.md", text)
    markup.check(DocsTree(Path("docs"), {"p.md": text}), {"p.md": found})
    for ref in found.refs:
        assert narrative.REFERENCE.fullmatch(text[ref.start:ref.end])
    if not found.problems:  # an accepted page has no '{{' left that expansion would publish as raw braces
        opens = [i for i in range(len(text) - 1) if text.startswith("{{", i)]
        assert {ref.start for ref in found.refs} >= {i for i in opens if not any(a <= i < b for a, b in found.code)} - {r.start + 1 for r in found.refs}


def test_a_linked_chart_cache_is_refused_like_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_scripts import paths, site

    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / ".cache").symlink_to(outside)
    monkeypatch.setattr(paths, "CACHE", tmp_path / ".cache")
    problems = site.output_problems(tmp_path / "site")
    assert [(d.path, d.rule) for d in problems] == [(".cache", "output-path")]


def test_an_oversized_page_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from build_scripts.load.tree import MAX_PAGE_BYTES, load_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "big.md").write_bytes(b"# Big\n" + b"a" * MAX_PAGE_BYTES)
    tree, diags = load_docs(docs)
    assert [(d.path, d.rule) for d in diags] == [("docs/big.md", "file-too-large")] and not tree.pages


def test_a_base_revision_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    from build_scripts.contrib import gitbase

    with pytest.raises(gitbase.GitError, match="not a revision"):
        gitbase.records_at(tmp_path, "--output=/tmp/x")


def test_a_linked_allowance_list_is_refused_and_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("allow: [{page: docs/p.md, text: '7', fact: x, why: y}]\n", encoding="utf-8")
    (tmp_path / "narrative-allowlist.yaml").symlink_to(outside)
    allowances, diags = narrative.load_allowances(tmp_path / "narrative-allowlist.yaml")
    assert allowances == [] and [(d.path, d.rule) for d in diags] == [("narrative-allowlist.yaml", "file-type")]
