"""`bench`: measure validate and build against their baselines on synthetic corpora."""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from ..bench.measure import run as measure
    from ..bench.measure import table

    summary = measure(args.sizes, args.runs, Path(args.keep) if args.keep else None)
    print(table(summary))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        print(f"summary written to {args.json}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("bench", help="benchmark validate and build against plain libyaml and plain MkDocs", description="Generate synthetic fact bases of each size and measure, in the same run: our validator against a bare CSafeLoader parse of the same files, and our full build against a plain MkDocs build of the same pages. Prints ratios; medians of --runs runs.")
    cmd.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="fact counts (default: 1000 10000)")
    cmd.add_argument("--runs", type=int, default=5, help="alternating pairs (ours, then the baseline) per size, and edits timed; medians are reported (default: 5)")
    cmd.add_argument("--json", help="also write the summary as JSON to this file")
    cmd.add_argument("--keep", help="keep the generated projects in this folder")
    cmd.set_defaults(func=run)
