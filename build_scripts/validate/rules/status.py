"""The status policy (build_scripts/policy.py, stated on the methodology page), applied to every fact alike.

- every source cited is machine-written: unverified (machine-written);
- a figure that other sources contradict for the same quantity: disputed (sources-disagree), and only then;
- a measured or estimated figure from one source that credits no named origin, and that no other origin's figure
  for the same quantity confirms: unverified (single-source-unattributed).
"""
from __future__ import annotations

from ...load.corpus import RawRecord
from ...policy import MEASURED_KINDS, Figure, corroborated, disagreements, origin
from ..context import Context
from .base import Rule

_SETTLED = ("superseded", "retracted")


def _origin(cite: dict[str, object]) -> str:
    chain = [w for w in cite.get("attributed_to") or [] if isinstance(w, dict)]  # type: ignore[attr-defined]
    return origin([(w.get("entity"), str(w.get("name"))) for w in chain], str(cite.get("source")))


def _figures(ctx: Context, comparisons: tuple[str, ...]) -> dict[str, list[Figure]]:
    """Measured figures on metrics of the given kinds of comparison, by metric."""
    out: dict[str, list[Figure]] = {}
    for record, stat, metric in ctx.statistics:
        data = record.doc.data
        cites = data.get("citations")
        if not (isinstance(cites, list) and cites and isinstance(cites[0], dict)):
            continue
        value = stat.get("value")
        if metric.doc.data.get("comparison") not in comparisons or stat.get("value_kind") not in MEASURED_KINDS:
            continue
        if data.get("status") in _SETTLED or not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        out.setdefault(str(stat["metric"]), []).append(
            Figure(str(data.get("id")), _origin(cites[0]), str(stat.get("subject")), stat.get("period"), float(value), str(stat.get("qualifier")))
        )
    return out


def expected(ctx: Context, record: RawRecord, contradicted: bool, confirmed: bool) -> tuple[str, str] | None:
    """The (status, basis) the policy requires, or None where the policy leaves it to the editor (current or
    source-contradicts-itself)."""
    data = record.doc.data
    sources = ctx.cited_sources(record)
    if sources and all(s.get("kind") == "machine-generated" for s in sources):
        return "unverified", "machine-written"
    if contradicted:
        return "disputed", "sources-disagree"
    stat = data.get("statistic")
    cites = [c for c in data.get("citations") or [] if isinstance(c, dict)]
    # A named origin is one with an entity record: "experts" or "analysts" name no one a reader could check.
    credited = any(isinstance(w, dict) and w.get("entity") for c in cites for w in c.get("attributed_to") or [])
    single = len({c.get("source") for c in cites}) == 1 and not confirmed
    if isinstance(stat, dict) and stat.get("value_kind") in MEASURED_KINDS and single and not credited:
        return "unverified", "single-source-unattributed"
    return None


def check(ctx: Context) -> None:
    contradicted: dict[str, list[Figure]] = {}
    confirmed: set[str] = set()
    # Only competing estimates can contradict each other; any two origins' figures for one subject can confirm.
    for figures in _figures(ctx, ("competing-estimates",)).values():
        contradicted.update(disagreements(figures))
    for figures in _figures(ctx, ("competing-estimates", "series", "subjects")).values():
        confirmed |= corroborated(figures)
    for record in ctx.corpus.records.get("fact", []):
        data = record.doc.data
        status, basis = data.get("status"), data.get("status_basis")
        if status in _SETTLED or not isinstance(status, str):
            continue
        others = contradicted.get(str(data.get("id")), [])
        want = expected(ctx, record, bool(others), str(data.get("id")) in confirmed)
        if want is not None and (status, basis) != want:
            why = f" ({', '.join(sorted(f.fact for f in others))} give another value)" if want[1] == "sources-disagree" else ""
            ctx.report(record, ("status",), "status-policy", f"by the status policy this fact is {want[0]}, basis {want[1]}{why}; it says {status}" + (f", basis {basis}" if basis else ""), f"set status: {want[0]} and status_basis: {want[1]}, with a status_reason a reader understands")
        elif want is None and basis in ("sources-disagree", "machine-written", "single-source-unattributed"):
            ctx.report(record, ("status_basis",), "status-policy", f"status basis '{basis}' does not apply: the policy's condition for it does not hold", "see the status policy on the methodology page")


RULE = Rule("status", "Each fact has the status the one status policy gives it: machine-written, disagreeing and single-source figures alike.", check)
