"""Cross-references computed once from the model: who cites what, what is about whom, in what order."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Corpus, Entity, Fact


def fact_sort_key(fact: Fact) -> tuple[str, str]:
    """Chronological (by date, or a statistic's period), undated last, then by id: a stable order for every list."""
    when = fact.date.iso if fact.date else fact.statistic.period if fact.statistic and fact.statistic.period else "9999"
    return (when, fact.id)


TIMELINE_KINDS = ("event", "policy-measure", "proposal", "statement")


@dataclass
class SiteIndex:
    corpus: Corpus
    # Narrative page (docs-relative path) -> fact ids it cites, filled from the narrative scan.
    narrative_refs: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def facts_sorted(self) -> list[Fact]:
        return sorted(self.corpus.facts.values(), key=fact_sort_key)

    def _group_by(self, keys_of: Callable[[Fact], Iterable[str]]) -> dict[str, list[Fact]]:
        """Facts grouped under every key `keys_of` gives them, each group in fact order."""
        groups: dict[str, set[str]] = defaultdict(set)
        for fact in self.corpus.facts.values():
            for key in keys_of(fact):
                groups[key].add(fact.id)
        return {k: sorted((self.corpus.facts[i] for i in ids), key=fact_sort_key) for k, ids in groups.items()}

    @cached_property
    def by_entity(self) -> dict[str, list[Fact]]:
        """Everything a fact is about: its entities, its speaker and whom its citations credit."""
        return self._group_by(lambda f: [*f.entities, *([f.speaker] if f.speaker else []), *(w.entity for c in f.citations for w in c.attributed_to if w.entity)])

    @cached_property
    def by_source(self) -> dict[str, list[Fact]]:
        return self._group_by(lambda f: [c.source for c in f.citations])

    @cached_property
    def by_metric(self) -> dict[str, list[Fact]]:
        return self._group_by(lambda f: [f.statistic.metric] if f.statistic else [])

    @cached_property
    def by_topic(self) -> dict[str, list[Fact]]:
        return self._group_by(lambda f: f.topics)

    @cached_property
    def cited_by(self) -> dict[str, list[str]]:
        """Fact id -> narrative pages citing it."""
        table: dict[str, list[str]] = defaultdict(list)
        for page, ids in sorted(self.narrative_refs.items()):
            for fid in dict.fromkeys(ids):
                table[fid].append(page)
        return table

    @cached_property
    def _related_back(self) -> dict[str, set[str]]:
        """Fact id -> facts that name it as related: computed once, not once per fact (which is quadratic)."""
        back: dict[str, set[str]] = defaultdict(set)
        for other in self.corpus.facts.values():
            for rid in other.related:
                back[rid].add(other.id)
        return back

    def related(self, fact: Fact) -> list[Fact]:
        """Facts named as related (either way) and facts on the same metric."""
        ids: set[str] = set(fact.related) | self._related_back.get(fact.id, set())
        if fact.statistic:
            ids.update(f.id for f in self.by_metric.get(fact.statistic.metric, []))
        ids.discard(fact.id)
        return sorted((self.corpus.facts[i] for i in ids if i in self.corpus.facts), key=fact_sort_key)

    @cached_property
    def events(self) -> list[Fact]:
        """Every fact the source dates that records something happening, said, decided or proposed: the timeline."""
        return [f for f in self.facts_sorted if f.dated and f.kind in TIMELINE_KINDS]

    @cached_property
    def undated_events(self) -> list[Fact]:
        """The same kinds of fact reported without a date: listed by report, never placed on the report day."""
        return [f for f in self.facts_sorted if f.date and not f.dated and f.kind in TIMELINE_KINDS]

    def actors(self, fact: Fact) -> list[Entity]:
        """The people, organisations and countries a fact involves, for timeline filters."""
        ids = list(dict.fromkeys(([fact.speaker] if fact.speaker else []) + list(fact.entities)))
        return [self.corpus.entities[i] for i in ids if i in self.corpus.entities and self.corpus.entities[i].kind in ("person", "organisation", "country", "region")]

    @cached_property
    def timeline_actors(self) -> list[Entity]:
        """Actors with at least one timeline event, most active first."""
        counts: dict[str, int] = defaultdict(int)
        for fact in self.events:
            for actor in self.actors(fact):
                counts[actor.id] += 1
        return [self.corpus.entities[i] for i, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    @cached_property
    def _entity_back(self) -> dict[str, set[str]]:
        back: dict[str, set[str]] = defaultdict(set)
        for other in self.corpus.entities.values():
            for rid in list(other.related) + [r.organisation for r in other.roles]:
                back[rid].add(other.id)
        return back

    def entity_related(self, entity: Entity) -> list[Entity]:
        ids = set(entity.related) | {r.organisation for r in entity.roles}
        ids.update(self._entity_back.get(entity.id, set()))
        ids.discard(entity.id)
        return sorted((self.corpus.entities[i] for i in ids if i in self.corpus.entities), key=lambda e: e.name.lower())

    @cached_property
    def last_updated(self) -> str:
        """The newest history date in the fact base: the 'last updated' readers see, from data, not the clock."""
        dates = [h.date for f in self.corpus.facts.values() for h in f.history]
        return max(dates) if dates else ""
