"""What every rule sees: the raw corpus, indexes by id, and helpers to locate problems."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..load.corpus import RawCorpus, RawRecord
from ..load.yamlsafe import Path
from .textnorm import Snapshot


@dataclass
class Context:
    corpus: RawCorpus
    today: dt.date
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _strings: dict[int, list[tuple[Path, str]]] = field(default_factory=dict)

    @cached_property
    def ids(self) -> dict[str, dict[str, RawRecord]]:
        """Records by kind and id; the first file wins when ids collide (the id rule reports it)."""
        table: dict[str, dict[str, RawRecord]] = {}
        for kind, records in self.corpus.records.items():
            table[kind] = {}
            for record in records:
                rid = record.doc.data.get("id")
                if isinstance(rid, str):
                    table[kind].setdefault(rid, record)
        return table

    @cached_property
    def topics(self) -> set[str]:
        if self.corpus.topics is None:
            return set()
        topics = self.corpus.topics.doc.data.get("topics")
        return set(topics) if isinstance(topics, dict) else set()

    @cached_property
    def snapshots(self) -> dict[str, Snapshot]:
        """Normalised snapshot text by source id, built once per source however many facts cite it."""
        out: dict[str, Snapshot] = {}
        for sid, record in self.ids.get("source", {}).items():
            snap = record.doc.data.get("snapshot")
            name = snap.get("file") if isinstance(snap, dict) else None
            raw = self.corpus.snapshots.get(name) if isinstance(name, str) else None
            if raw is not None:
                try:
                    out[sid] = Snapshot(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    continue
        return out

    def cited_sources(self, record: RawRecord) -> list[dict[str, Any]]:
        """The data of every source a fact's citations name and that exists, in citation order."""
        table = self.ids.get("source", {})
        found = (table.get(c.get("source", "")) for c in record.doc.data.get("citations") or [] if isinstance(c, dict))
        return [source.doc.data for source in found if source is not None]

    @cached_property
    def statistics(self) -> list[tuple[RawRecord, dict[str, Any], RawRecord]]:
        """Every fact with a statistic whose metric exists: (fact, statistic, metric), for the rules on figures."""
        metrics = self.ids.get("metric", {})
        out = []
        for record in self.corpus.records.get("fact", []):
            stat = record.doc.data.get("statistic")
            metric = metrics.get(stat.get("metric")) if isinstance(stat, dict) else None  # type: ignore[arg-type]
            if isinstance(stat, dict) and metric is not None:
                out.append((record, stat, metric))
        return out

    def strings(self, record: RawRecord) -> list[tuple[Path, str]]:
        """Every text value of a record, collected once for all the rules that read text."""
        key = id(record)
        if key not in self._strings:
            self._strings[key] = strings(record.doc.data)
        return self._strings[key]

    def report(self, record: RawRecord, path: Path, rule: str, message: str, hint: str = "", *, key: bool = False, severity: Severity = "error") -> None:
        line, col = record.doc.locate(path, key=key)
        self.diagnostics.append(Diagnostic(record.rel, line, col, rule, message, hint, severity))


def strings(value: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """Every text value in a record with its path, for rules that check all text."""
    found: list[tuple[Path, str]] = []
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            found.append((where, item))
        elif isinstance(item, dict):
            stack.extend(((*where, k), v) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend(((*where, i), v) for i, v in enumerate(item))
    return sorted(found, key=lambda pair: str(pair[0]))
