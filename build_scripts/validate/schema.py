"""Check records against the JSON Schemas, with messages written for contributors."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema

from ..diagnostics import Diagnostic
from ..load.corpus import RawRecord
from ..schemas import SCHEMA_FILES
from ..schemas import registry as schemas_registry

# Fields required only because of another field's value: point at that field, which is what to look at.
_REQUIRED_BECAUSE = {"status_reason": "status", "superseded_by": "status", "statistic": "kind", "date": "kind", "speaker": "kind"}
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list", "object": "a mapping of fields", "boolean": "true or false", "null": "empty"}


_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def _full(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262, where `$` ends the text; Python's `$` also matches before a final
    # newline, so "2099-13-45\n" passed every pattern. `\Z` is ECMA's `$`: one fix for every pattern.
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[jsonschema.ValidationError]:
    if isinstance(instance, str) and not _full(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@cache
def validator(kind: str) -> Any:
    # Built once per kind and reused: compiling per file would dominate validation time.
    registry, by_file = schemas_registry()
    return _Validator(by_file[SCHEMA_FILES[kind]], registry=registry)


@cache
def fast_validator(kind: str) -> Any:
    """A compiled validator that only answers valid or not: most records are valid, and this is 100 times faster.
    Only a record it rejects goes through jsonschema, whose errors we turn into located, human messages."""
    try:
        import jsonschema_rs
    except ImportError:  # the pure-Python path gives the same results, only slower
        return None
    _, by_file = schemas_registry()
    registry = jsonschema_rs.Registry([(s["$id"], s) for s in by_file.values()])
    return jsonschema_rs.Draft202012Validator(by_file[SCHEMA_FILES[kind]], registry=registry)


def check_record(record: RawRecord) -> Iterator[Diagnostic]:
    fast = fast_validator(record.kind)
    if fast is not None and fast.is_valid(record.doc.data):
        return
    for error in validator(record.kind).iter_errors(record.doc.data):
        yield _diagnostic(record, error)


def _found(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {_short(value)}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return _TYPE_NAMES.get("array" if isinstance(value, list) else "object", "a value")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _field(path: tuple[Any, ...]) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "".join(parts).lstrip(".") or "(top level)"


def _diagnostic(record: RawRecord, error: jsonschema.ValidationError) -> Diagnostic:
    path = tuple(error.absolute_path)
    line, col = record.doc.locate(path)
    where = _field(path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description", "")
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        anchor = _REQUIRED_BECAUSE.get(missing)
        if anchor and isinstance(error.instance, dict) and anchor in error.instance:
            line, col = record.doc.locate((*path, anchor), key=True)
            why = f"required because of {anchor}: {error.instance[anchor]}"
            return Diagnostic(record.rel, line, col, "schema-required", f"missing field '{missing}', {why}", f"see '{missing}' in schemas/{SCHEMA_FILES[record.kind]}")
        return Diagnostic(record.rel, line, col, "schema-required", f"missing required field '{missing}' in {where}", f"see '{missing}' in schemas/{SCHEMA_FILES[record.kind]}")
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        name = extras[0] if extras else "?"
        line, col = record.doc.locate((*path, name), key=True)
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
        return Diagnostic(record.rel, line, col, "schema-unknown-field", f"unknown field '{name}' in {where}", hint)
    if kind == "type":
        expected = schema.get("type")
        wanted = " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in (expected if isinstance(expected, list) else [expected]))
        hint = description
        if expected == "string" and isinstance(error.instance, (int, float, bool)):
            hint = "put the value in quotes to make it text"
        elif expected in ("integer", "number") and isinstance(error.instance, str):
            hint = "write the number without quotes, digits only (e.g. 83.7)"
        return Diagnostic(record.rel, line, col, "schema-type", f"{where} should be {wanted}, found {_found(error.instance)}", hint)
    if kind in ("enum", "const"):
        options = schema.get("enum") or [schema.get("const")]
        close = difflib.get_close_matches(str(error.instance), [str(o) for o in options], n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(map(str, options))}"
        return Diagnostic(record.rel, line, col, "schema-value", f"{where} is {_found(error.instance)}, which is not allowed", hint)
    if kind == "not":
        banned = schema.get("not", {}).get("required", ["?"])[0]
        line, col = record.doc.locate((*path, banned), key=True)
        return Diagnostic(record.rel, line, col, "schema-value", f"field '{banned}' is not allowed here", _not_hint(banned))
    if kind == "pattern":
        return Diagnostic(record.rel, line, col, "schema-value", f"{where} is {_found(error.instance)}, which does not have the required form", description)
    messages = {
        "minItems": f"{where} needs at least {schema.get('minItems')} item(s)",
        "maxLength": f"{where} is longer than {schema.get('maxLength')} characters",
        "minLength": f"{where} is shorter than {schema.get('minLength')} characters" if error.instance != "" else f"{where} is empty",
        "uniqueItems": f"{where} lists the same item twice",
        "minimum": f"{where} must be at least {schema.get('minimum')}",
        "maximum": f"{where} must be at most {schema.get('maximum')}",
    }
    return Diagnostic(record.rel, line, col, "schema-value", messages.get(str(kind), f"{where}: {error.message}"), description)


def _not_hint(field: str) -> str:
    return {
        "statistic": "only facts of kind 'statistic' carry a statistic block",
        "superseded_by": "only facts with status 'superseded' name a superseding fact",
    }.get(field, "remove it")
