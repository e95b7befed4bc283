"""A smoke run of the benchmark on a tiny corpus: it runs, its corpus is valid, its summary has every figure."""
from __future__ import annotations

from pathlib import Path

from build_scripts.bench import corpus
from build_scripts.bench.measure import run
from build_scripts.validate import validate


def test_synthetic_corpus_is_valid_with_every_quote_in_its_snapshot(tmp_path: Path) -> None:
    facts = corpus.write(tmp_path, 40)
    raw, diags = validate(facts)
    assert [d.as_text() for d in diags] == []
    assert len(raw.records["fact"]) == 40 and raw.records["source"]


def test_benchmark_smoke_run_reports_ratios_against_its_baselines() -> None:
    summary = run([20, 40], runs=1)
    for key in ("validate_ratio", "build_ratio", "largest_page_bytes", "search_index_bytes_per_fact", "peak_rss_mb", "scaling_1k_to_10k"):
        assert key in summary, key
    for size in summary["sizes"]:
        assert size["validate_ratio"] > 0 and size["build_ratio"] > 0 and size["largest_page_bytes"] > 0
    assert summary["scaling_1k_to_10k"]["build"] > 0
