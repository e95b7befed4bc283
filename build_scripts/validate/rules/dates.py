"""Dates are real calendar dates, not in the future, and in a sensible order."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ...load.corpus import RawRecord
from ...partialdate import PARTIAL, bounds
from ..context import Context
from .base import Rule


def _date_fields(record: RawRecord) -> list[tuple[tuple[Any, ...], str]]:
    data = record.doc.data
    found: list[tuple[tuple[Any, ...], str]] = [((f,), data[f]) for f in ("date", "end_date", "published", "accessed") if isinstance(data.get(f), str)]
    for i, entry in enumerate(data.get("history") or []):
        if isinstance(entry, dict) and isinstance(entry.get("date"), str):
            found.append((("history", i, "date"), entry["date"]))
    for i, role in enumerate(data.get("roles") or []):
        for f in ("start", "end"):
            if isinstance(role, dict) and isinstance(role.get(f), str):
                found.append((("roles", i, f), role[f]))
    stat = data.get("statistic")
    if isinstance(stat, dict) and isinstance(stat.get("period"), str):
        found.extend((("statistic", "period"), part) for part in stat["period"].split("/"))
    return found


def check(ctx: Context) -> None:
    for record in ctx.corpus.all_records():
        parsed: dict[str, tuple[dt.date, dt.date]] = {}
        for path, text in _date_fields(record):
            span = bounds(text)
            if span is None:
                if PARTIAL.fullmatch(text):
                    ctx.report(record, path, "date-invalid", f"'{text}' is not a real calendar date")
                continue
            if span[0] > ctx.today:
                ctx.report(record, path, "date-future", f"'{text}' is later than today ({ctx.today.isoformat()})", "facts record what has happened or been said")
            parsed[".".join(map(str, path))] = span
        _order(ctx, record, parsed)


def _order(ctx: Context, record: RawRecord, parsed: dict[str, tuple[dt.date, dt.date]]) -> None:
    pairs = (("published", "accessed", "a source cannot be read before it is published"), ("date", "end_date", "an end date comes after the start"))
    for first, second, why in pairs:
        if first in parsed and second in parsed and parsed[first][0] > parsed[second][1]:
            ctx.report(record, (second,), "date-order", f"{second} is before {first}", why)
    history = [parsed[k] for k in sorted(parsed, key=lambda k: int(k.split(".")[1]) if k.startswith("history.") else -1) if k.startswith("history.")]
    for i in range(1, len(history)):
        if history[i][0] < history[i - 1][0]:
            ctx.report(record, ("history", i, "date"), "date-order", "history entries must be in date order, oldest first")


RULE = Rule("date", "Dates are real, not in the future, and ordered (published before accessed, history oldest first).", check)
