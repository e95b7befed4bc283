"""The rule registry: each module checks one thing; order here is the order rules run."""
from __future__ import annotations

from . import canonical, dates, ids, placeholders, quotes, references, revisions, snapshots, text, units, urls
from .base import Rule

RULES: tuple[Rule, ...] = tuple(m.RULE for m in (ids, references, snapshots, quotes, urls, dates, text, units, revisions, canonical, placeholders))
