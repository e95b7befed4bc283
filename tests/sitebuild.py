"""Build a throwaway project (facts + hand-written docs + the real mkdocs.yml) for site-level tests."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_scripts.diagnostics import format_report
from build_scripts.generate import generate
from build_scripts.site import epoch, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
NAV = "nav:\n  - Overview: index.md\n  - Explore:\n      - Timeline: timeline/index.md\n      - Figures: metrics/index.md\n      - Facts: facts/index.md\n"


def make_project(tmp: Path, facts: Path, docs: Path) -> Path:
    """A project folder with its own docs/ and facts/, sharing the real config, hook and code."""
    project = tmp / "project"
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.split("\nnav:\n", 1)[0] + "\n" + NAV, encoding="utf-8")
    shutil.copytree(docs, project / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True)
    shutil.copy(ROOT / "docs" / "tags.md", project / "docs" / "tags.md")
    for name in ("hooks", "includes", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(facts, project / "facts")  # a copy: the build refuses a linked fact base
    for name in ("schemas", "build_scripts"):
        (project / name).symlink_to(ROOT / name)
    return project


def build(project: Path, site: Path | None = None) -> int:
    """The build command's steps against a project folder: generate, then MkDocs strictly, swapped in on success."""
    result = generate(project / "facts", project / "docs")
    if any(d.severity == "error" for d in result.diagnostics):
        print(format_report(result.diagnostics, "text", result.files_checked))  # as the build command reports them
        return 1
    assert result.index is not None
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(result.index.last_updated))
    return mkdocs_build(site or project / "site", project / "mkdocs.yml", result.corpus, quiet=True)
