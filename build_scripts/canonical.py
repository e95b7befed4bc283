"""The canonical text of a record: schema key order, block style, quoting only where YAML needs it.

Reviewers then see one change as one line, and the same data always has the same bytes. Comments are not
kept: a record's explanations belong in its notes, reason and history fields, where readers see them. The one
comment every record has is its first line, a modeline that points editors running the YAML language server
(VS Code, Neovim, Helix, Emacs, JetBrains via LSP) at the record's JSON Schema, by a path relative to the file.
"""
from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from .paths import RECORD_DIRS
from .schemas import SCHEMA_FILES, registry

# A plain scalar may start with a letter and hold anything but ": " and " #", which YAML would read as syntax.
_PLAIN = re.compile(r"[A-Za-z\u00c0-\uffff][^\n\r\t]*")
_FLOW_ITEM = re.compile(r"[a-z0-9][a-z0-9-]*")
# Words YAML 1.1 tools would read as booleans or null: always quoted, for every editor's sake.
_YAML11 = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_FLOW_LISTS = {"entities", "topics", "related", "aliases", "previous_ids"}
MAX_FLOW = 110


@cache
def _orders() -> dict[str, dict[str, list[str]]]:
    """For each record kind: object path (dotted, [] for list items) -> key order from the schema."""
    _, schemas = registry()
    out: dict[str, dict[str, list[str]]] = {}
    for kind, name in SCHEMA_FILES.items():
        table: dict[str, list[str]] = {}
        _walk(schemas[name], "", table, schemas, name)
        out[kind] = table
    return out


def _walk(node: dict[str, Any], path: str, table: dict[str, list[str]], schemas: dict[str, Any], name: str) -> None:
    if "$ref" in node and node["$ref"].startswith("#"):
        target: Any = schemas[name]
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = {**target, **node}
    props = node.get("properties")
    if props:
        table[path] = list(props)
        for key, child in props.items():
            _walk(child, f"{path}.{key}" if path else key, table, schemas, name)
    if isinstance(node.get("items"), dict):
        _walk(node["items"], path + "[]", table, schemas, name)
    if isinstance(node.get("additionalProperties"), dict):
        _walk(node["additionalProperties"], path + ".*", table, schemas, name)


def scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _YAML11 and " #" not in text and ": " not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _ordered(value: dict[str, Any], order: list[str] | None) -> list[str]:
    known = [k for k in order or [] if k in value]
    return known + sorted(k for k in value if k not in known)


def _emit(value: Any, path: str, kind: str, indent: int, lines: list[str], key: str) -> None:
    pad = " " * indent
    orders = _orders().get(kind, {})
    if isinstance(value, dict):
        for k in _ordered(value, orders.get(path) or orders.get(path.rsplit(".", 1)[0] + ".*" if "." in path else "*")):
            child = value[k]
            child_path = f"{path}.{k}" if path else k
            if isinstance(child, (dict, list)) and child:
                flow = _flow(child, k)
                if flow:
                    lines.append(f"{pad}{_key(k)}: {flow}")
                else:
                    lines.append(f"{pad}{_key(k)}:")
                    _emit(child, child_path, kind, indent + 2, lines, k)
            else:
                lines.append(f"{pad}{_key(k)}: {'[]' if child == [] else '{}' if child == {} else scalar(child)}")
        return
    for item in value:
        if isinstance(item, dict):
            sub: list[str] = []
            _emit(item, path + "[]", kind, indent + 2, sub, key)
            sub[0] = pad + "- " + sub[0][indent + 2:]
            lines.extend(sub)
        else:
            lines.append(f"{pad}- {scalar(item)}")


def _flow(value: Any, key: str) -> str | None:
    if key in _FLOW_LISTS and isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [v if _FLOW_ITEM.fullmatch(v) else json.dumps(v, ensure_ascii=False) for v in value]
        text = "[" + ", ".join(items) + "]"
        return text if len(text) <= MAX_FLOW else None
    return None


def _key(key: str) -> str:
    return key if re.fullmatch(r"[a-z0-9_-]+", key) else json.dumps(key)


def modeline(kind: str) -> str:
    """The schema comment for a record kind. Records sit in facts/<folder>/, topics.yaml in facts/, and
    facts/ beside schemas/; the language server resolves the path from the file's own folder."""
    up = "../../" if kind in RECORD_DIRS else "../"
    return f"# yaml-language-server: $schema={up}schemas/{SCHEMA_FILES[kind]}"


def canonical(data: dict[str, Any], kind: str) -> str:
    lines: list[str] = [modeline(kind)]
    _emit(data, "", kind, 0, lines, "")
    return "\n".join(lines) + "\n"
