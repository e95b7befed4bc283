"""Validation: schema checks per file, then the rule registry over the whole corpus."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..diagnostics import Diagnostic
from ..load.corpus import RawCorpus, load_corpus
from . import schema
from .context import Context
from .rules import RULES


def validate(root: Path, today: dt.date | None = None) -> tuple[RawCorpus, list[Diagnostic]]:
    """Load and check everything below `root`; every problem comes back as a diagnostic."""
    corpus, diags = load_corpus(root)
    for record in corpus.all_records() + ([corpus.topics] if corpus.topics else []):
        diags.extend(schema.check_record(record))
    ctx = Context(corpus, today or dt.date.today())
    for rule in RULES:
        try:
            rule.check(ctx)
        except Exception as exc:
            ctx.diagnostics.append(Diagnostic(corpus.root.name, 1, 1, "internal-error", f"rule '{rule.id}' failed: {type(exc).__name__}: {exc}", "please report this with the files of your change"))
    return corpus, sorted(set(diags + ctx.diagnostics))
