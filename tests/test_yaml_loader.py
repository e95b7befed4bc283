"""The safe loader: each of PyYAML's dangerous defaults, and each way a file can be malformed, is refused with a location."""
from __future__ import annotations

import subprocess
import sys

import pytest

from build_scripts.load.yamlsafe import MAX_BYTES, LoadError, load_bytes


def _error(raw: bytes) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_bytes(raw)
    return info.value


def test_duplicate_key_is_an_error_naming_both_lines() -> None:
    err = _error(b"a: 1\nb: 2\na: 3\n")
    assert (err.rule, err.line) == ("yaml-duplicate-key", 3)
    assert "lines 1 and 3" in err.message


def test_duplicate_key_in_a_nested_mapping_is_found() -> None:
    err = _error(b"citations:\n  - source: a\n    source: b\n")
    assert (err.rule, err.line, err.col) == ("yaml-duplicate-key", 3, 5)


@pytest.mark.parametrize("raw", [b"a: !!python/object/apply:os.system ['true']\n", b"a: !!binary aGVsbG8=\n", b"a: !!set {x}\n", b"a: !custom x\n", b"a: !!str x\n"])
def test_every_explicit_tag_is_refused(raw: bytes) -> None:
    assert _error(raw).rule == "yaml-tag"


def test_anchor_is_refused() -> None:
    assert _error(b"a: &x 1\n").rule == "yaml-anchor"


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\ng: [*f,*f]\n'
    assert _error(bomb).rule == "yaml-anchor"


def test_merge_key_is_refused() -> None:
    assert _error(b"a:\n  <<: {b: 1}\n").rule == "yaml-anchor"


@pytest.mark.parametrize(("text", "expected"), [
    ("NO", "NO"), ("yes", "yes"), ("on", "on"), ("true", "true"),
    ("2025-06-03", "2025-06-03"), ("2025-13-45", "2025-13-45"), ("0000-00-00", "0000-00-00"),
    ("012", "012"), ("0x1F", "0x1F"), ("0b101", "0b101"), ("3:2", "3:2"), ("12:30:00", "12:30:00"), ("1_000", "1_000"),
    ("1e3", "1e3"), ("1.0e+3", "1.0e+3"), (".nan", ".nan"), (".inf", ".inf"),
])
def test_nothing_is_typed_implicitly(text: str, expected: str) -> None:
    assert load_bytes(f"a: {text}\n".encode()).data == {"a": expected}


def test_plain_decimal_numbers_are_numbers() -> None:
    assert load_bytes(b"a: 83.7\nb: -2\nc: 0\nd: ''\ne:\n").data == {"a": 83.7, "b": -2, "c": 0, "d": "", "e": None}


def test_number_beyond_javascript_precision_is_refused() -> None:
    assert _error(b"a: 12345678901234567890\n").rule == "yaml-number"


def test_second_document_is_refused() -> None:
    err = _error(b"a: 1\n---\nb: 2\n")
    assert (err.rule, err.line) == ("yaml-multiple-documents", 2)


def test_directive_is_refused() -> None:
    assert _error(b"%YAML 1.1\n---\na: NO\n").rule == "yaml-directive"


def test_invalid_utf8_is_located() -> None:
    err = _error(b"a: ok\nb: caf\xe9\n")
    assert (err.rule, err.line, err.col) == ("yaml-encoding", 2, 7)


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
def test_byte_order_marks_are_refused(bom: bytes) -> None:
    assert _error(bom + b"a: 1\n").rule == "yaml-encoding"


@pytest.mark.parametrize("brk", [b"\r\n", b"\r", "\u0085".encode(), "\u2028".encode()])
def test_line_breaks_other_than_lf_are_refused(brk: bytes) -> None:
    err = _error(b"a: 1" + brk + b"b: 2\n")
    assert (err.rule, err.line) == ("yaml-encoding", 1)


def test_tab_indentation_is_a_located_syntax_error_with_a_hint() -> None:
    err = _error(b"a:\n\t- 1\n")
    assert (err.rule, err.line) == ("yaml-syntax", 2)
    assert "tabs" in err.hint


def test_size_cap_is_checked_before_parsing() -> None:
    err = _error(b"a: '" + b"x" * MAX_BYTES + b"'\n")
    assert err.rule == "yaml-too-large"


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    assert _error(b"a: " + b"[" * 10000 + b"]" * 10000 + b"\n").rule == "yaml-too-deep"


def test_very_deep_nesting_does_not_crash_the_interpreter() -> None:
    # The C loader segfaults on deep nesting; ours must survive it. A subprocess shows a crash as a signal.
    code = "from build_scripts.load.yamlsafe import load_bytes, LoadError\ntry:\n    load_bytes(b'[' * 200000)\nexcept LoadError as e:\n    print(e.rule)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("yaml-too-deep", "yaml-too-large", "yaml-syntax")


def test_empty_and_comment_only_files_are_reported() -> None:
    assert _error(b"").rule == "yaml-empty"
    assert _error(b"# nothing\n").rule == "yaml-empty"


def test_non_scalar_key_is_refused() -> None:
    assert _error(b"? [a, b]\n: 1\n").rule == "yaml-key"


def test_malformed_scalar_errors_are_located_not_raised() -> None:
    err = _error(b"a: [1, 2\nb: 3\n")
    assert err.rule == "yaml-syntax" and err.line >= 1


def test_positions_are_one_based_for_values_and_keys() -> None:
    doc = load_bytes(b"x: 1\nlist:\n  - name: a\n    value: 2\n")
    assert doc.positions[("list", 0, "value")] == (4, 12)
    assert doc.key_positions[("list", 0, "value")] == (4, 5)
    assert doc.locate(("list", 0, "missing")) == (3, 5)
