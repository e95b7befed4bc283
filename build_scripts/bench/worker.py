"""One measurement in a fresh process, so that timings and peak memory are its own. Prints JSON."""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _validate(root: Path) -> dict[str, float]:
    from ..validate import validate

    start = time.perf_counter()
    corpus, diags = validate(root / "facts")
    seconds = time.perf_counter() - start
    errors = [d for d in diags if d.severity == "error"]
    assert not errors, errors[:3]
    return {"seconds": seconds, "files": corpus.files_checked}


def _baseline_validate(root: Path) -> dict[str, float]:
    import yaml

    files = sorted((root / "facts").rglob("*.yaml"))
    start = time.perf_counter()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)  # the baseline is exactly this call, with libyaml's safe loader
    return {"seconds": time.perf_counter() - start, "files": len(files)}


def _build(root: Path) -> dict[str, float]:
    from ..generate import generate
    from ..site import mkdocs_build

    start = time.perf_counter()
    result = generate(root / "facts", root / "docs")
    assert result.corpus is not None, [d.as_text() for d in result.diagnostics[:3]]
    generated = time.perf_counter() - start
    code = mkdocs_build(root / "site", root / "mkdocs.yml", result.corpus, quiet=True)
    assert code == 0
    return {"seconds": time.perf_counter() - start, "generate_seconds": generated, "pages": result.outputs}


def _baseline_build(root: Path) -> dict[str, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return {"seconds": time.perf_counter() - start}


TASKS = {"validate": _validate, "baseline-validate": _baseline_validate, "build": _build, "baseline-build": _baseline_build}


def main() -> None:
    task, root = sys.argv[1], Path(sys.argv[2])
    out = TASKS[task](root)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main()
