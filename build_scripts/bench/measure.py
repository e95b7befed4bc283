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
        text = text.replace("hooks:\n  - hooks/facts.py\n", "")
    return text + "\n" + NAV


def _project(root: Path, hook: bool) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(_config(hook), encoding="utf-8")
    for name in ("hooks", "includes", "overrides", "templates"):
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


def _pair(results: dict[str, list[dict[str, Any]]], ours: tuple[str, Path], base: tuple[str, Path], before: Any = None) -> None:
    """One alternating pair: our command, then its baseline, in the same conditions."""
    for task, root in (ours, base):
        if before:
            before(task)
        results.setdefault(task, []).append(_run(task, root))


def measure_size(facts: int, runs: int, work: Path) -> dict[str, Any]:
    ours, base = work / f"ours-{facts}", work / f"plain-{facts}"
    shutil.rmtree(ours, ignore_errors=True)
    shutil.rmtree(base, ignore_errors=True)
    _project(ours, hook=True)
    corpus.write(ours, facts)
    results: dict[str, list[dict[str, Any]]] = {}
    first = _run("build", ours)  # warms the chart cache; reported separately as the first build
    _project(base, hook=False)
    # The plain baseline: exactly the Markdown our generator wrote (build/docs/), built by MkDocs without our hook.
    shutil.copytree(ours / "build" / "docs", base / "build" / "docs", dirs_exist_ok=True)

    def cold(task: str) -> None:
        root = ours if task == "build" else base
        shutil.rmtree(root / "site", ignore_errors=True)
        if task == "build":
            shutil.rmtree(ours / "build", ignore_errors=True)  # no generated folder, no stamp: a full build

    for _ in range(runs):
        _pair(results, ("validate", ours), ("baseline-validate", ours))
    for _ in range(runs):
        _pair(results, ("build", ours), ("baseline-build", base), cold)
    for _ in range(runs):  # nothing changed since our last build: the rebuild against a full plain build
        _pair(results, ("rebuild", ours), ("baseline-rebuild", base), lambda t: shutil.rmtree(base / "site", ignore_errors=True) if t == "baseline-rebuild" else None)
    pairs = {k: [round(a["seconds"] / b["seconds"], 3) for a, b in zip(results[k], results[v], strict=True)]
             for k, v in (("validate", "baseline-validate"), ("build", "baseline-build"), ("rebuild", "baseline-rebuild"))}
    ratio = {k: statistics.median(v) for k, v in pairs.items()}
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in results.items()}
    edits = _edit_loop(ours, facts, runs)
    return {
        "facts": facts, "pairs": runs,
        "validate_seconds": round(med["validate"], 3), "baseline_validate_seconds": round(med["baseline-validate"], 3),
        "validate_ratio": round(ratio["validate"], 2),
        "build_seconds": round(med["build"], 2), "baseline_build_seconds": round(med["baseline-build"], 2),
        "build_ratio": round(ratio["build"], 3), "rebuild_seconds": round(med["rebuild"], 2), "rebuild_ratio": round(ratio["rebuild"], 3),
        "ratios_of_each_pair": pairs,
        "build_seconds_first_run": round(first["seconds"], 2),
        "generated_files": first["pages"],
        "ms_per_fact_build": round(1000 * med["build"] / facts, 2),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for v in results.values() for r in v), 1),
        **edits,
        **_site_stats(ours / "site", facts),
    }


def _edit_loop(root: Path, facts: int, edits: int) -> dict[str, Any]:
    """Edit-to-preview under our `serve`: change a fact's headline, time until the served page shows it. Then the
    CPU the idle server uses over 10 seconds."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "build_scripts", "serve", "--publication", str(root), "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=paths.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fact = root / "facts" / "facts" / "fact-1.yaml"
    original = fact.read_text(encoding="utf-8")
    from urllib.parse import urlsplit

    from ..publication import load

    url = f"http://127.0.0.1:{port}{urlsplit(load(root).url).path or '/'}facts/fact-1/"  # served under the site address's path

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return resp.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 600
        while "Synthetic headline for fact 1" not in page():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("serve did not start")
            time.sleep(0.5)
        times = []
        for n in range(edits):
            marker = f"edited {n}"
            fact.write_text(original.replace("Synthetic headline for fact 1", f"Synthetic headline for fact 1 {marker}"), encoding="utf-8")
            start = time.monotonic()
            while marker not in page():
                if time.monotonic() - start > 300:
                    raise RuntimeError("edit never showed")
                time.sleep(0.02)
            times.append(time.monotonic() - start)
            time.sleep(1.0)
        cpu = _cpu(proc.pid)
        time.sleep(10)
        idle = (_cpu(proc.pid) - cpu) / 10
    finally:
        fact.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)
    return {"edit_to_preview_seconds": round(statistics.median(times), 2), "edit_to_preview_all": [round(t, 2) for t in times], "idle_cpu_fraction": round(idle, 4)}


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(sizes: list[int], runs: int, keep: Path | None = None) -> dict[str, Any]:
    work = keep or Path(tempfile.mkdtemp(prefix="bench-"))
    per_size = [measure_size(n, runs, work) for n in sizes]
    summary: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes": per_size,
        "validate_ratio": {str(s["facts"]): s["validate_ratio"] for s in per_size},
        "build_ratio": {str(s["facts"]): s["build_ratio"] for s in per_size},
        "rebuild_ratio": {str(s["facts"]): s["rebuild_ratio"] for s in per_size},
        "edit_to_preview_seconds": {str(s["facts"]): s["edit_to_preview_seconds"] for s in per_size},
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
    rows = ["| facts | validate ratio | build s | plain mkdocs s | cold build ratio | rebuild s | rebuild ratio | edit-to-preview s | idle CPU | largest page KB | peak RSS MB |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in summary["sizes"]:
        rows.append(f"| {s['facts']:,} | {s['validate_ratio']} | {s['build_seconds']} | {s['baseline_build_seconds']} | {s['build_ratio']} | {s['rebuild_seconds']} | {s['rebuild_ratio']} | "
                    f"{s['edit_to_preview_seconds']} | {s['idle_cpu_fraction']:.1%} | {s['largest_page_bytes'] / 1024:.0f} | {s['peak_rss_mb']} |")
    if "scaling_1k_to_10k" in summary:
        sc = summary["scaling_1k_to_10k"]
        rows.append(f"\nScaling from {sc['sizes'][0]:,} to {sc['sizes'][1]:,} facts: validate x{sc['validate']}, build x{sc['build']}.")
    return "\n".join(rows)
