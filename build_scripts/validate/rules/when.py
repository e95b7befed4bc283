"""A date says no more than the text: a stated date is one the quotes give; an undated report is 'no later than'.

The error this guards against: events a source reports without a date, dated to the source's publication
day, so that the timeline showed them as events of that day.
"""
from __future__ import annotations

import re

from ...partialdate import bounds
from ..context import Context
from ..textnorm import normalise
from .base import Rule

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Words by which a text dates what it reports.
DATE_WORDS = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS})\b|\b(?:19|20)\d{{2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b"
    r"|\b(?:today|yesterday|tonight|this (?:week|month|year)|last (?:week|month|year)|earlier this (?:week|month|year))\b",
    re.IGNORECASE,
)


def check(ctx: Context) -> None:
    for record in ctx.corpus.records.get("fact", []):
        data = record.doc.data
        date, basis = data.get("date"), data.get("date_basis")
        if not isinstance(date, str) or bounds(date) is None:
            continue
        cites = [c for c in data.get("citations") or [] if isinstance(c, dict)]
        quotes = " ".join(normalise(str(c.get("quote", ""))) for c in cites)
        published = [bounds(s["published"]) for s in ctx.cited_sources(record) if isinstance(s.get("published"), str)]
        if basis == "stated" and not DATE_WORDS.search(quotes) and not data.get("date_note"):
            same_day = any(span and span[0] == bounds(date)[0] for span in published)  # type: ignore[index]
            why = "the source's publication day" if same_day else "a date"
            ctx.report(record, ("date_basis",), "date-unstated", f"the fact is dated {date} as stated, but its quotes give no date ({why} is not a date the text gives)", "set date_basis: no-later-than with the source's publication day, quote the words that date it, or explain the reading in date_note")
        if basis == "no-later-than" and published:
            latest = max(span[1] for span in published if span)
            if bounds(date)[0] > latest:  # type: ignore[index]
                ctx.report(record, ("date",), "date-after-report", f"'no later than {date}' is after the source was published", "use the source's publication day")


RULE = Rule("when", "Stated dates are given by the quotes; 'no later than' dates are not after the report.", check)
