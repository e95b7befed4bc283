"""The rule contract: an id, what it guards, and a check over the whole corpus."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..context import Context


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    check: Callable[[Context], None]
