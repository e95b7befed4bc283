"""Synthetic fact bases of any size, valid by construction: every quote really is in its snapshot."""
from __future__ import annotations

import calendar
import hashlib
import random
from pathlib import Path

from ..canonical import canonical

WORDS = ("export licence rare earth magnet supply refining mining tariff ministry talks quota dysprosium terbium "  # noqa: SIM905 - reads as prose
         "neodymium samarium processing capacity shipment customs smelter separation alloy defence motor turbine").split()
TOPICS = ["tariffs", "export-controls", "supply-chain", "mining", "processing", "magnets", "defence", "negotiations"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + f" number {rng.randint(1, 10**6)}."


def write(root: Path, facts: int, seed: int = 7) -> Path:
    """Write a fact base of `facts` facts under root/facts, with sources, snapshots, entities and metrics in proportion."""
    rng = random.Random(seed)
    base = root / "facts"
    for sub in ("facts", "sources", "snapshots", "entities", "metrics"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    n_sources, n_entities, n_metrics = max(1, facts // 20), max(2, facts // 10), max(1, facts // 50)
    (base / "topics.yaml").write_text(canonical({"schema_version": 1, "topics": {t: {"title": t.replace("-", " ").capitalize(), "description": "Synthetic topic."} for t in TOPICS}}, "topics"), encoding="utf-8")
    entities = [f"entity-{i}" for i in range(n_entities)]
    for i, eid in enumerate(entities):
        data = {"schema_version": 1, "id": eid, "kind": ["person", "organisation", "country", "element"][i % 3], "name": f"Entity {i}", "description": _sentence(rng, 10)}
        (base / "entities" / f"{eid}.yaml").write_text(canonical(data, "entity"), encoding="utf-8")
    metrics = [f"metric-{i}" for i in range(n_metrics)]
    for mid in metrics:
        data = {"schema_version": 1, "id": mid, "name": f"Synthetic {mid}", "description": _sentence(rng, 12), "unit": "percent", "subject": entities[0], "comparison": "series", "topics": ["supply-chain"]}
        (base / "metrics" / f"{mid}.yaml").write_text(canonical(data, "metric"), encoding="utf-8")
    paragraphs: list[list[str]] = [[] for _ in range(n_sources)]
    figures: set[tuple[str, int, int]] = set()  # (metric, month, value): no figure twice, as a chart draws one mark per fact
    for f in range(facts):
        s = f % n_sources
        month = 1 + f % 12
        # The quote names the month, as a source that dates what it reports does (the 'when' rule checks it).
        quote = f"In {calendar.month_name[month]} " + _sentence(rng, 14)
        paragraphs[s].append(quote + " " + _sentence(rng, 20))
        stat = f % 3 == 0
        value = rng.randint(1, 99)
        while stat and (metrics[(f // 3) % n_metrics], month, value) in figures:
            value = value % 99 + 1
        if stat:
            figures.add((metrics[(f // 3) % n_metrics], month, value))
        data = {
            "schema_version": 1, "id": f"fact-{f}", "revision": 1, "kind": "statistic" if stat else ["event", "statement", "claim"][f % 3],
            "headline": f"Synthetic headline for fact {f}", "claim": "The source says: " + quote,
            **({} if stat else {"date": f"2025-{month:02d}-{1 + f % 28:02d}", "date_basis": "stated"}),
            **({"speaker": entities[f % n_entities]} if not stat and f % 3 == 1 else {}),
            **({"statistic": {"metric": metrics[(f // 3) % n_metrics], "value": value, "qualifier": "about", "unit": "percent", "period": f"2024-{month:02d}", "subject": entities[0], "value_kind": "measured"}} if stat else {}),
            "entities": sorted({entities[f % n_entities], entities[(f * 7) % n_entities]}), "topics": [TOPICS[f % len(TOPICS)]],
            "citations": [{"source": f"source-{s}", "quote": quote, "locator": f"paragraph {len(paragraphs[s])}"}],
            **({"status": "unverified", "status_basis": "single-source-unattributed", "status_reason": "One source, which names no origin."} if stat else {"status": "current"}),
            "history": [{"revision": 1, "date": "2026-01-01", "change": "Created.", "reason": "Benchmark."}],
        }
        if data["kind"] == "statement" and "speaker" not in data:
            data["speaker"] = entities[0]
        (base / "facts" / f"fact-{f}.yaml").write_text(canonical(data, "fact"), encoding="utf-8")
    for s in range(n_sources):
        text = ("\n\n".join(paragraphs[s]) + "\n").encode("utf-8")
        (base / "snapshots" / f"source-{s}.txt").write_bytes(text)
        data = {"schema_version": 1, "id": f"source-{s}", "title": f"Synthetic source {s}", "publisher": "Bench Wire", "url": f"https://example.org/{s}",
                "published": "2025-12-01", "published_basis": "stated", "accessed": "2026-01-01", "kind": "news-report", "language": "en",
                "snapshot": {"file": f"source-{s}.txt", "sha256": hashlib.sha256(text).hexdigest()}, "reliability": "Synthetic."}
        (base / "sources" / f"source-{s}.yaml").write_text(canonical(data, "source"), encoding="utf-8")
    return base
