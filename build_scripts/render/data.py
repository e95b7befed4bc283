"""Flattening records into CSV for spreadsheet users."""
from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = {
    "facts": ["id", "kind", "claim", "date", "status", "status_reason", "metric", "value", "qualifier", "unit", "period", "subject", "entities", "topics", "sources", "quotes", "attributed_to", "revision"],
    "sources": ["id", "title", "publisher", "byline", "url", "archive_url", "published", "published_basis", "accessed", "kind", "language", "snapshot_file", "snapshot_sha256", "reliability"],
    "entities": ["id", "kind", "name", "aliases", "description", "related"],
    "metrics": ["id", "name", "description", "unit", "subject", "topics"],
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(_cell(v) for v in value)
    text = str(value)
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS[kind])
    for record in records:
        row = _flatten(kind, record)
        writer.writerow([_cell(row.get(col)) for col in COLUMNS[kind]])
    return out.getvalue()
