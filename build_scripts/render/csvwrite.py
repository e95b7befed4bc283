"""The one CSV writer for every CSV the site publishes: numbers stay numbers, formula-like text is made inert.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one of them, or spaces
before one) as a formula: a publisher field or a quote could then fetch a URL or run a command when a reader
opens the download (CSV injection). Such text gets a leading apostrophe, which spreadsheets show as text.
Numbers are the only cells that may start with a minus sign unguarded, so a value of -1.7 is written as
-1.7 and read back as a number. Whether a cell is a number is decided by its type, never by its look, except
that text which is exactly a plain decimal number (as a chart table may hold) is harmless as it stands.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

# Characters that make a spreadsheet read a cell as a formula, also after leading white space.
FORMULA_START = frozenset("=+-@\t\r")
_LEADING_BLANKS = re.compile(r"^[ \t\r\n\u00a0\u3000]*")
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
LIST_SEPARATOR = "; "


def number(value: int | float) -> str:
    """A number as CSV text: integers without a decimal point, other values in their shortest exact form."""
    if isinstance(value, float):
        if not math.isfinite(value):
            msg = f"refusing to write {value!r} to a CSV: not a finite number"
            raise ValueError(msg)
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    return str(value)


def guard(text: str) -> str:
    """Text as a cell no spreadsheet runs: a leading apostrophe where the text could start a formula."""
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    first = text[:1]
    after_blanks = text[_LEADING_BLANKS.match(text).end():][:1]  # type: ignore[union-attr]  # the pattern always matches
    if first in FORMULA_START or after_blanks in FORMULA_START:
        return "'" + text
    return text


def cell(value: Any) -> str:
    """One cell: empty for None, a number for int and float, a list joined by '; ', anything else as guarded text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, (list, tuple)):
        # Only the joined text starts the cell, so only it is guarded.
        return guard(LIST_SEPARATOR.join(_plain(v) for v in value))
    return guard(str(value))


def _plain(value: Any) -> str:
    if value is None:
        return ""
    return number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def write(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file: a header, then one line per row, every cell through `cell`."""
    out = io.StringIO()
    # RFC 4180 line ends: with them the writer also quotes a cell holding a lone carriage return.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([guard(c) for c in columns])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
