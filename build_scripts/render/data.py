"""Flattening records into CSV for spreadsheet users."""
from __future__ import annotations

from typing import Any

from . import csvwrite

COLUMNS = {
    "facts": ["id", "kind", "claim", "date", "status", "status_reason", "metric", "value", "qualifier", "unit", "period", "subject", "entities", "topics", "sources", "quotes", "attributed_to", "revision"],
    "sources": ["id", "title", "publisher", "byline", "url", "archive_url", "published", "published_basis", "accessed", "kind", "language", "snapshot_file", "snapshot_sha256", "reliability"],
    "entities": ["id", "kind", "name", "aliases", "description", "related"],
    "metrics": ["id", "name", "description", "unit", "subject", "topics"],
}


def _flatten(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    if kind == "facts":
        stat = record.get("statistic") or {}
        row.update({k: stat.get(k) for k in ("metric", "value", "qualifier", "unit", "period", "subject")})
        cites = record.get("citations", [])
        row["sources"] = [c["source"] for c in cites]
        row["quotes"] = [c["quote"] for c in cites]
        row["attributed_to"] = [a["name"] for c in cites for a in c.get("attributed_to", [])]
    if kind == "sources":
        row["snapshot_file"] = record["snapshot"]["file"]
        row["snapshot_sha256"] = record["snapshot"]["sha256"]
    return row


def csv_table(kind: str, records: list[dict[str, Any]]) -> str:
    rows = (_flatten(kind, record) for record in records)
    return csvwrite.write(COLUMNS[kind], ([row.get(col) for col in COLUMNS[kind]] for row in rows))
