"""The rule registry: each module checks one thing; order here is the order rules run."""
from __future__ import annotations

from . import attribution, canonical, claims, dates, ids, placeholders, quotes, references, revisions, snapshots, statistics, status, text, units, urls, when
from .base import Rule

RULES: tuple[Rule, ...] = tuple(m.RULE for m in (ids, references, snapshots, quotes, urls, dates, when, text, units, statistics, claims, attribution, status, revisions, canonical, placeholders))
