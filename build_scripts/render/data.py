"""Flattening records into CSV tables for spreadsheet users, and their Frictionless Data Package description."""
from __future__ import annotations

import json
import re
from typing import Any

from .. import settings, urls
from ..transform import cite
from . import csvwrite

# Each table's columns: (name, Table Schema type, where the meaning is defined: "kind:path" in the JSON
# Schemas, or a description of our own for a derived column). Lists are joined with "; " (csvwrite).
ColumnSpec = tuple[str, str, str]
TABLES: dict[str, list[ColumnSpec]] = {
    "facts": [
        ("id", "string", "fact:id"), ("kind", "string", "fact:kind"), ("headline", "string", "fact:headline"), ("claim", "string", "fact:claim"),
        ("date", "string", "fact:date"), ("date_basis", "string", "fact:date_basis"), ("speaker", "string", "fact:speaker"), ("words", "string", "fact:words"),
        ("status", "string", "fact:status"), ("status_basis", "string", "fact:status_basis"), ("status_reason", "string", "fact:status_reason"),
        ("metric", "string", "fact:statistic.metric"), ("value", "number", "fact:statistic.value"), ("qualifier", "string", "fact:statistic.qualifier"), ("wording", "string", "fact:statistic.wording"),
        ("unit", "string", "fact:statistic.unit"), ("period", "string", "fact:statistic.period"), ("subject", "string", "fact:statistic.subject"),
        ("value_kind", "string", "fact:statistic.value_kind"), ("condition", "string", "fact:statistic.condition"),
        ("entities", "string", "Entity ids the fact involves, separated by '; '. One row per pair in fact-entities.csv."),
        ("topics", "string", "Topic ids, separated by '; '."),
        ("sources", "string", "Source ids of the citations, in order, separated by '; '. One row per citation in citations.csv."),
        ("quotes", "string", "The verbatim quotes of the citations, in order, separated by '; '."),
        ("attributed_to", "string", "Whom the sources credit, nearest first, separated by '; '."),
        ("revision", "integer", "fact:revision"),
    ],
    "sources": [
        ("id", "string", "source:id"), ("title", "string", "source:title"), ("publisher", "string", "source:publisher"), ("byline", "string", "source:byline"),
        ("publisher_entity", "string", "source:publisher_entity"), ("byline_entity", "string", "source:byline_entity"),
        ("url", "string", "source:url"), ("archive_url", "string", "source:archive_url"), ("published", "string", "source:published"),
        ("published_basis", "string", "source:published_basis"), ("accessed", "string", "source:accessed"), ("kind", "string", "source:kind"),
        ("language", "string", "source:language"), ("snapshot_file", "string", "source:snapshot.file"), ("snapshot_sha256", "string", "source:snapshot.sha256"),
        ("reliability", "string", "source:reliability"),
    ],
    "entities": [
        ("id", "string", "entity:id"), ("kind", "string", "entity:kind"), ("name", "string", "entity:name"),
        ("aliases", "string", "Other names, separated by '; '."), ("description", "string", "entity:description"),
        ("related", "string", "Ids of related entities, separated by '; '."),
    ],
    "metrics": [
        ("id", "string", "metric:id"), ("name", "string", "metric:name"), ("description", "string", "metric:description"),
        ("unit", "string", "metric:unit"), ("subject", "string", "metric:subject"), ("comparison", "string", "metric:comparison"),
        ("topics", "string", "Topic ids, separated by '; '."),
    ],
    "citations": [
        ("fact", "string", "The fact id."), ("position", "integer", "The citation's place in the fact's list, from 1."),
        ("source", "string", "fact:citations.source"), ("quote", "string", "fact:citations.quote"), ("locator", "string", "fact:citations.locator"),
        ("attributed_to", "string", "Whom this source credits for the quote, nearest first, separated by '; '."),
        ("attributed_entities", "string", "Entity ids of those credited, where known, separated by '; '."),
    ],
    "fact-entities": [("fact", "string", "The fact id."), ("entity", "string", "An entity the fact involves.")],
}
# Keys between the tables: (table, column) -> (table it refers to, its key column).
FOREIGN_KEYS = {
    ("facts", "metric"): ("metrics", "id"), ("facts", "subject"): ("entities", "id"), ("facts", "speaker"): ("entities", "id"), ("metrics", "subject"): ("entities", "id"),
    ("citations", "fact"): ("facts", "id"), ("citations", "source"): ("sources", "id"),
    ("fact-entities", "fact"): ("facts", "id"), ("fact-entities", "entity"): ("entities", "id"),
}
PRIMARY_KEYS = {"facts": ["id"], "sources": ["id"], "entities": ["id"], "metrics": ["id"], "citations": ["fact", "position"], "fact-entities": ["fact", "entity"]}
TITLES = {
    "facts": "Facts: one sourced claim per row", "sources": "Sources the facts quote", "entities": "People, organisations, countries and things",
    "metrics": "Measured quantities that statistics report values for", "citations": "Citations: one row per quote of a fact",
    "fact-entities": "Which entities each fact involves",
}
RECORD_KINDS = {"facts": "fact", "sources": "source", "entities": "entity", "metrics": "metric"}


def _flatten(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    if kind == "facts":
        stat = record.get("statistic") or {}
        row.update({k: stat.get(k) for k in ("metric", "value", "qualifier", "wording", "unit", "period", "subject", "value_kind", "condition")})
        cites = record.get("citations", [])
        row["sources"] = [c["source"] for c in cites]
        row["quotes"] = [c["quote"] for c in cites]
        row["attributed_to"] = [a["name"] for c in cites for a in c.get("attributed_to", [])]
    if kind == "sources":
        row["snapshot_file"] = record["snapshot"]["file"]
        row["snapshot_sha256"] = record["snapshot"]["sha256"]
    return row


def _rows(table: str, records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    if table in RECORD_KINDS:
        return [_flatten(table, r) for r in records[table]]
    if table == "citations":
        return [
            {"fact": f["id"], "position": n, "source": c["source"], "quote": c["quote"], "locator": c["locator"],
             "attributed_to": [a["name"] for a in c.get("attributed_to", [])], "attributed_entities": [a["entity"] for a in c.get("attributed_to", []) if a.get("entity")]}
            for f in records["facts"] for n, c in enumerate(f["citations"], 1)
        ]
    return [{"fact": f["id"], "entity": e} for f in records["facts"] for e in f.get("entities", [])]


def csv_table(table: str, records: list[dict[str, Any]] | dict[str, list[dict[str, Any]]]) -> str:
    """One table as CSV text. `records` is a kind's records, or all records by kind for the link tables."""
    by_kind = records if isinstance(records, dict) else {table: records}
    columns = [name for name, _, _ in TABLES[table]]
    return csvwrite.write(columns, ([row.get(col) for col in columns] for row in _rows(table, by_kind)))


def row_count(table: str, records: dict[str, list[dict[str, Any]]]) -> int:
    return len(_rows(table, records))


def _schema_property(schemas: dict[str, dict[str, Any]], where: str) -> dict[str, Any]:
    """The JSON Schema property at "kind:a.b" (following $refs), merged with the keywords beside each $ref."""
    kind, _, path = where.partition(":")
    node: dict[str, Any] = schemas[f"{kind}.schema.json"]
    home = f"{kind}.schema.json"
    for part in path.split("."):
        node = node["properties"][part]
        if node.get("type") == "array" and isinstance(node.get("items"), dict) and part != path.split(".")[-1]:
            node = node["items"]
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        home = file or home
        target: Any = schemas[home]
        for step in pointer.strip("/").split("/"):
            target = target[step]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


_SCHEMA_REF = re.compile(r"(fact|source|entity|metric):[a-z_.]+")


def full_match(pattern: str) -> str:
    """A JSON Schema pattern (found anywhere in the value unless anchored) as a Table Schema pattern (which
    must match the whole value): anchors dropped, open ends padded with "any text"."""
    start = pattern.startswith(("^", "\\A"))
    inner = pattern[2:] if pattern.startswith("\\A") else pattern[1:] if start else pattern
    end = inner.endswith(("\\Z", "\\z")) or (inner.endswith("$") and not inner.endswith("\\$"))
    if end:
        inner = inner[:-2] if inner.endswith(("\\Z", "\\z")) else inner[:-1]
    return ("" if start else "[\\s\\S]*") + f"({inner})" + ("" if end else "[\\s\\S]*")


def _field(table: str, name: str, kind: str, where: str, schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind}
    constraints: dict[str, Any] = {}
    if _SCHEMA_REF.fullmatch(where):
        prop = _schema_property(schemas, where)
        field["description"] = prop.get("description", "")
        if "enum" in prop:
            constraints["enum"] = prop["enum"]
        if "pattern" in prop:
            constraints["pattern"] = full_match(prop["pattern"])
        if prop.get("format") == "uri" or prop.get("pattern") == "^https://":
            field["format"] = "uri"
        if kind == "integer" and "minimum" in prop:
            constraints["minimum"] = prop["minimum"]
    else:
        field["description"] = where
    if name == "value":
        field["description"] += " The number is in the unit given in the unit column of the same row."
    if PRIMARY_KEYS[table] == [name]:
        constraints.update(required=True, unique=True)
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(schemas: dict[str, dict[str, Any]], last_updated: str, counts: dict[str, int]) -> str:
    """datapackage.json: a Frictionless Tabular Data Package describing every CSV of the data page."""
    resources = []
    for table, columns in TABLES.items():
        schema: dict[str, Any] = {
            "fields": [_field(table, name, kind, where, schemas) for name, kind, where in columns],
            "primaryKey": PRIMARY_KEYS[table],
            "missingValues": [""],
        }
        keys = [{"fields": col, "reference": {"resource": ref, "fields": ref_col}} for (t, col), (ref, ref_col) in FOREIGN_KEYS.items() if t == table]
        if keys:
            schema["foreignKeys"] = keys
        resources.append({
            "name": table, "path": f"{table}.csv", "title": TITLES[table], "description": f"{counts.get(table, 0)} rows.", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
        })
    package = {
        "profile": "tabular-data-package", "name": settings.PACKAGE_NAME, "title": f"{settings.SITE_NAME}: the fact base",
        "description": settings.SITE_DESCRIPTION + " " + settings.THIRD_PARTY_NOTE,
        "homepage": cite.page_url(urls.data_page()), "version": last_updated, "created": f"{last_updated}T00:00:00Z" if last_updated else None,
        "licenses": [{"name": settings.DATA_LICENSE_SPDX, "path": settings.DATA_LICENSE_URL, "title": "Creative Commons Attribution 4.0"}],
        "contributors": [{"title": settings.AUTHOR, "role": "author", "path": settings.REPO_URL}],
        "keywords": ["rare earths", "export controls", "fact-checking"],
        "resources": resources,
    }
    return json.dumps({k: v for k, v in package.items() if v is not None}, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
