"""The open-data page and its downloads: CSV tables, JSON records, schemas, snapshots, the data package, citations."""
from __future__ import annotations

import json

from ... import settings, urls
from ...transform import cite as citing
from .. import data
from ..environment import render
from .base import Context, Output, citation_formats


def generate(ctx: Context, out: Output) -> None:
    raw_records, schemas = ctx.records, ctx.schemas
    records = {name: sorted(raw_records[name], key=lambda r: r["id"]) for name in data.RECORD_KINDS}
    counts: dict[str, int] = {}
    for table in data.TABLES:
        out[urls.data_file(f"{table}.csv")] = data.csv_table(table, records)
        counts[table] = data.row_count(table, records)
    for name in data.RECORD_KINDS:
        out[urls.data_file(f"{name}.json")] = json.dumps(records[name], indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"
    for record in raw_records["facts"]:
        out[urls.fact_json(record["id"])] = json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"
    for name, raw in sorted(schemas.items()):
        out[urls.schema_file(name)] = raw
    for name, raw in sorted(ctx.snapshots.items()):
        out[urls.snapshot_file(name)] = raw
    parsed = {name: json.loads(raw) for name, raw in schemas.items()}
    out[urls.data_file("datapackage.json")] = data.datapackage(parsed, ctx.index.last_updated, counts)
    ref = citing.site_reference(ctx.index.last_updated)
    formats = citation_formats(ref)
    out[urls.data_file("citation.bib")] = formats.bibtex + "\n"
    out[urls.data_file("citation.json")] = formats.csl + "\n"
    downloads = [(urls.data_file(f"{t}.csv"), "text/csv") for t in data.TABLES] + [(urls.data_file(f"{n}.json"), "application/json") for n in data.RECORD_KINDS]
    downloads.append((urls.data_file("datapackage.json"), "application/json"))
    head = citing.head(ref.title, settings.SITE_DESCRIPTION, "website", ref, citing.dataset_jsonld(ctx.index.last_updated, downloads))
    datasets = [(name, counts[name], name in data.RECORD_KINDS, data.TITLES[name]) for name in data.TABLES]
    out[urls.data_page()] = render("data.md.j2", datasets=datasets, schemas=sorted(schemas), here=urls.data_page(), citation=formats, head=head)
