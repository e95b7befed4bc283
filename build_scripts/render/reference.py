"""The schema reference page, generated from the schemas' own descriptions and examples."""
from __future__ import annotations

import json
from typing import Any

from .. import urls
from .environment import render

ORDER = ("fact.schema.json", "source.schema.json", "entity.schema.json", "metric.schema.json", "topics.schema.json")


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]], current: str) -> tuple[dict[str, Any], str]:
    """Merge a $ref target under the node's own keys (own description wins); return it with its file."""
    ref = node.get("$ref")
    if not ref:
        return node, current
    file, _, pointer = ref.partition("#")
    target: Any = schemas[file or current]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    resolved, where = _resolve(target, schemas, file or current)
    return {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}, where


def _rows(schema: dict[str, Any], schemas: dict[str, dict[str, Any]], name: str, prefix: str = "") -> list[dict[str, Any]]:
    rows = []
    required = set(schema.get("required", []))
    for field, raw in schema.get("properties", {}).items():
        node, where = _resolve(raw, schemas, name)
        kind = node.get("type") or ("one of: " + ", ".join(map(str, node["enum"])) if "enum" in node else "constant" if "const" in node else "")
        examples = node.get("examples", [])
        rows.append({
            "field": prefix + field, "required": field in required, "type": kind,
            "description": node.get("description", ""),
            "example": json.dumps(examples[0], ensure_ascii=False) if examples else "",
        })
        child = node.get("items", {}) if node.get("type") == "array" else node
        child, child_file = _resolve(child, schemas, where) if isinstance(child, dict) else ({}, where)
        if child.get("properties"):
            rows.extend(_rows(child, schemas, child_file, prefix + field + ("[]." if node.get("type") == "array" else ".")))
    return rows


def schema_pages(out: dict[str, str | bytes], raw_schemas: dict[str, bytes]) -> None:
    schemas = {name: json.loads(raw) for name, raw in raw_schemas.items()}
    sections = [
        {"name": name, "title": schemas[name]["title"], "description": schemas[name]["description"], "rows": _rows(schemas[name], schemas, name)}
        for name in ORDER if name in schemas
    ]
    out[urls.schema_reference()] = render("reference.md.j2", sections=sections, here=urls.schema_reference())
