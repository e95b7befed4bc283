"""The benchmark: our validate and build against bare libyaml parsing and a plain MkDocs build of the same pages."""
from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .. import paths
from . import corpus

NAV = "nav:\n  - Overview: index.md\n  - Explore:\n      - Timeline: timeline/index.md\n      - Figures: metrics/index.md\n      - Facts: facts/index.md\n"


def _config(hook: bool) -> str:
    text = (paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[0]
    if not hook:
        text = text.replace("hooks:\n  - hooks/facts.py\n", "").replace("watch:\n  - facts\n  - schemas\n  - build_scripts\n", "")
    return text + "\n" + NAV


def _project(root: Path, hook: bool) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(_config(hook), encoding="utf-8")
    for name in ("hooks", "includes", "overrides"):
        shutil.copytree(paths.ROOT / name, root / name, dirs_exist_ok=True)
    for name in ("schemas", "build_scripts"):
        if not (root / name).exists():
            (root / name).symlink_to(paths.ROOT / name)
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copytree(paths.DOCS / "assets", docs / "assets", dirs_exist_ok=True)
    shutil.copy(paths.DOCS / "tags.md", docs / "tags.md")
    (docs / "index.md").write_text("# Benchmark corpus\n\nA synthetic fact base.\n", encoding="utf-8")


def _run(task: str, root: Path) -> dict[str, Any]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONPATH": str(paths.ROOT)}
    done = subprocess.run([sys.executable, "-m", "build_scripts.bench.worker", task, str(root)], capture_output=True, text=True, env=env, check=False, cwd=paths.ROOT)
    if done.returncode != 0:
        msg = f"{task} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        raise RuntimeError(msg)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _site_stats(site: Path, facts: int) -> dict[str, Any]:
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    return {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_pages": len(pages),
        "largest_page_bytes": largest.stat().st_size,
        "largest_page": largest.relative_to(site).as_posix(),
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "search_index_bytes_per_fact": round(index.stat().st_size / facts, 1) if index.exists() else 0,
    }


def measure_size(facts: int, runs: int, work: Path) -> dict[str, Any]:
    ours, base = work / f"ours-{facts}", work / f"plain-{facts}"
    shutil.rmtree(paths.CACHE / "charts", ignore_errors=True)  # start cold, as a clean checkout does
    shutil.rmtree(ours, ignore_errors=True)
    shutil.rmtree(base, ignore_errors=True)
    _project(ours, hook=True)
    corpus.write(ours, facts)
    results: dict[str, list[dict[str, Any]]] = {"validate": [], "baseline-validate": [], "build": [], "baseline-build": []}
    for _ in range(runs):
        results["baseline-validate"].append(_run("baseline-validate", ours))
        results["validate"].append(_run("validate", ours))
        shutil.rmtree(ours / "site", ignore_errors=True)
        results["build"].append(_run("build", ours))
        if not base.exists():
            _project(base, hook=False)
            # The plain baseline: exactly the Markdown our generator wrote, built by MkDocs without our hook.
            shutil.copytree(ours / "docs", base / "docs", dirs_exist_ok=True)
        shutil.rmtree(base / "site", ignore_errors=True)
        results["baseline-build"].append(_run("baseline-build", base))
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in results.items()}
    return {
        "facts": facts, "runs": runs,
        "validate_seconds": round(med["validate"], 3), "baseline_validate_seconds": round(med["baseline-validate"], 3),
        "validate_ratio": round(med["validate"] / med["baseline-validate"], 2),
        "build_seconds": round(med["build"], 2), "baseline_build_seconds": round(med["baseline-build"], 2),
        "generate_seconds": round(statistics.median(r["generate_seconds"] for r in results["build"]), 2),
        "build_ratio": round(med["build"] / med["baseline-build"], 3),
        # The first run starts with an empty chart cache and no generated pages: what a clean CI checkout pays.
        "build_seconds_first_run": round(results["build"][0]["seconds"], 2),
        "build_ratio_first_run": round(results["build"][0]["seconds"] / results["baseline-build"][0]["seconds"], 3),
        "generated_files": results["build"][0]["pages"],
        "ms_per_fact_build": round(1000 * med["build"] / facts, 2),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for v in results.values() for r in v), 1),
        **_site_stats(ours / "site", facts),
    }


def run(sizes: list[int], runs: int, keep: Path | None = None) -> dict[str, Any]:
    work = keep or Path(tempfile.mkdtemp(prefix="bench-"))
    per_size = [measure_size(n, runs, work) for n in sizes]
    summary: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes": per_size,
        "validate_ratio": {str(s["facts"]): s["validate_ratio"] for s in per_size},
        "build_ratio": {str(s["facts"]): s["build_ratio"] for s in per_size},
        "largest_page_bytes": {str(s["facts"]): s["largest_page_bytes"] for s in per_size},
        "search_index_bytes_per_fact": {str(s["facts"]): s["search_index_bytes_per_fact"] for s in per_size},
        "peak_rss_mb": {str(s["facts"]): s["peak_rss_mb"] for s in per_size},
    }
    if len(per_size) >= 2:
        lo, hi = per_size[0], per_size[-1]
        summary["scaling_1k_to_10k"] = {"validate": round(hi["validate_seconds"] / lo["validate_seconds"], 2), "build": round(hi["build_seconds"] / lo["build_seconds"], 2),
                                        "sizes": [lo["facts"], hi["facts"]]}
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return summary


def table(summary: dict[str, Any]) -> str:
    rows = ["| facts | validate s | bare CSafeLoader s | validate ratio | build s (generate) | plain mkdocs s | build ratio | largest page KB | search B/fact | peak RSS MB |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in summary["sizes"]:
        rows.append(f"| {s['facts']:,} | {s['validate_seconds']} | {s['baseline_validate_seconds']} | {s['validate_ratio']} | {s['build_seconds']} ({s['generate_seconds']}) | "
                    f"{s['baseline_build_seconds']} | {s['build_ratio']} | {s['largest_page_bytes'] / 1024:.0f} | {s['search_index_bytes_per_fact']} | {s['peak_rss_mb']} |")
    if "scaling_1k_to_10k" in summary:
        sc = summary["scaling_1k_to_10k"]
        rows.append(f"\nScaling from {sc['sizes'][0]:,} to {sc['sizes'][1]:,} facts: validate x{sc['validate']}, build x{sc['build']}.")
    return "\n".join(rows)
