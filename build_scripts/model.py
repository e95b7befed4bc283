"""Typed, read-only records, built only from a corpus that passed validation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .load.corpus import RawCorpus
from .policy import MEASURED_KINDS


@dataclass(frozen=True, slots=True)
class PartialDate:
    """An ISO date whose length is its precision."""

    iso: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    @property
    def month(self) -> str:
        return self.iso[:7]

    def __lt__(self, other: PartialDate) -> bool:
        return self.iso < other.iso


@dataclass(frozen=True, slots=True)
class Attribution:
    name: str
    entity: str | None


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    quote: str
    locator: str
    attributed_to: tuple[Attribution, ...]

    @property
    def paragraph(self) -> int:
        """The paragraph the locator names (the schema allows only `paragraph N`)."""
        return int(self.locator.removeprefix("paragraph "))


@dataclass(frozen=True, slots=True)
class Statistic:
    metric: str
    value: float
    qualifier: str
    unit: str
    period: str | None
    subject: str
    value_kind: str
    condition: str | None
    wording: str | None = None

    @property
    def measured(self) -> bool:
        """A value of what is (measured or estimated), as opposed to a projection, target, scenario, threat or proposal."""
        return self.value_kind in MEASURED_KINDS


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    revision: int
    date: str
    change: str
    reason: str


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    revision: int
    kind: str
    headline: str
    claim: str
    date: PartialDate | None
    date_basis: str | None
    date_note: str | None
    end_date: PartialDate | None
    speaker: str | None
    words: str | None
    statistic: Statistic | None
    entities: tuple[str, ...]
    topics: tuple[str, ...]
    citations: tuple[Citation, ...]
    status: str
    status_basis: str | None
    status_reason: str | None
    superseded_by: str | None
    related: tuple[str, ...]
    notes: str | None
    history: tuple[HistoryEntry, ...]
    previous_ids: tuple[str, ...]
    path: str

    @property
    def dated(self) -> bool:
        """The source gives a date for it: it has a place in the timeline. An undated report is only 'no later than'."""
        return self.date is not None and self.date_basis == "stated"


@dataclass(frozen=True, slots=True)
class Snapshot:
    file: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    byline: str | None
    publisher_entity: str | None
    byline_entity: str | None
    url: str | None
    archive_url: str | None
    published: PartialDate
    published_basis: str
    published_note: str | None
    accessed: PartialDate
    kind: str
    language: str
    snapshot: Snapshot
    reliability: str
    previous_ids: tuple[str, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organisation: str
    start: PartialDate | None
    end: PartialDate | None


@dataclass(frozen=True, slots=True)
class Element:
    symbol: str
    atomic_number: int
    group: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    description: str
    roles: tuple[Role, ...]
    related: tuple[str, ...]
    element: Element | None
    previous_ids: tuple[str, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    name: str
    description: str
    unit: str
    subject: str
    comparison: str
    topics: tuple[str, ...]
    previous_ids: tuple[str, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Corpus:
    facts: dict[str, Fact]
    sources: dict[str, Source]
    entities: dict[str, Entity]
    metrics: dict[str, Metric]
    topics: dict[str, Topic]
    snapshot_texts: dict[str, str] = field(repr=False)


def _date(value: Any) -> PartialDate | None:
    return PartialDate(value) if isinstance(value, str) else None


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def build(raw: RawCorpus) -> Corpus:
    """Typed view of a corpus. Call only after validation reported no errors."""
    facts = {}
    for r in raw.records.get("fact", []):
        d = r.doc.data
        stat = d.get("statistic")
        facts[d["id"]] = Fact(
            id=d["id"], revision=d["revision"], kind=d["kind"], headline=d["headline"].strip(), claim=d["claim"].strip(),
            date=_date(d.get("date")), date_basis=d.get("date_basis"), date_note=d.get("date_note"),
            end_date=_date(d.get("end_date")), speaker=d.get("speaker"), words=d.get("words"),
            statistic=Statistic(
                stat["metric"], float(stat["value"]), stat["qualifier"], stat["unit"], stat.get("period"), stat["subject"],
                stat["value_kind"], stat.get("condition"), stat.get("wording"),
            ) if stat else None,
            entities=_tuple(d.get("entities")), topics=_tuple(d.get("topics")),
            citations=tuple(
                Citation(c["source"], c["quote"].strip(), c["locator"], tuple(Attribution(a["name"], a.get("entity")) for a in c.get("attributed_to") or ()))
                for c in d["citations"]
            ),
            status=d["status"], status_basis=d.get("status_basis"), status_reason=d.get("status_reason"), superseded_by=d.get("superseded_by"),
            related=_tuple(d.get("related")), notes=d.get("notes"),
            history=tuple(HistoryEntry(h["revision"], h["date"], h["change"], h["reason"]) for h in d["history"]),
            previous_ids=_tuple(d.get("previous_ids")), path=r.rel,
        )
    sources = {}
    for r in raw.records.get("source", []):
        d = r.doc.data
        sources[d["id"]] = Source(
            id=d["id"], title=d["title"], publisher=d["publisher"], byline=d.get("byline"),
            publisher_entity=d.get("publisher_entity"), byline_entity=d.get("byline_entity"), url=d.get("url"),
            archive_url=d.get("archive_url"), published=PartialDate(d["published"]), published_basis=d["published_basis"],
            published_note=d.get("published_note"), accessed=PartialDate(d["accessed"]), kind=d["kind"], language=d["language"],
            snapshot=Snapshot(d["snapshot"]["file"], d["snapshot"]["sha256"]), reliability=d["reliability"],
            previous_ids=_tuple(d.get("previous_ids")), path=r.rel,
        )
    entities = {}
    for r in raw.records.get("entity", []):
        d = r.doc.data
        el = d.get("element")
        entities[d["id"]] = Entity(
            id=d["id"], kind=d["kind"], name=d["name"], aliases=_tuple(d.get("aliases")), description=d["description"],
            roles=tuple(Role(x["title"], x["organisation"], _date(x.get("start")), _date(x.get("end"))) for x in d.get("roles") or ()),
            related=_tuple(d.get("related")), element=Element(el["symbol"], el["atomic_number"], el["group"]) if el else None,
            previous_ids=_tuple(d.get("previous_ids")), path=r.rel,
        )
    metrics = {}
    for r in raw.records.get("metric", []):
        d = r.doc.data
        metrics[d["id"]] = Metric(d["id"], d["name"], d["description"], d["unit"], d["subject"], d["comparison"], _tuple(d.get("topics")), _tuple(d.get("previous_ids")), r.rel)
    topic_data = raw.topics.doc.data["topics"] if raw.topics else {}
    topics = {k: Topic(k, v["title"], v["description"]) for k, v in topic_data.items()}
    texts = {s.id: raw.snapshots[s.snapshot.file].decode("utf-8") for s in sources.values()}
    return Corpus(facts, sources, entities, metrics, topics, texts)
