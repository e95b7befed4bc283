"""Every repository path the pipeline uses, derived from this file's location."""
from __future__ import annotations

from pathlib import Path

from .urls import GENERATED_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
SCHEMAS = ROOT / "schemas"
DOCS = ROOT / "docs"
TEMPLATES = Path(__file__).resolve().parent / "render" / "templates"
SITE = ROOT / "site"
CACHE = ROOT / ".cache"

# Record kinds and the folder each lives in, below a facts root.
RECORD_DIRS = {
    "source": "sources",
    "entity": "entities",
    "metric": "metrics",
    "fact": "facts",
}
SNAPSHOT_DIR = "snapshots"
TOPICS_FILE = "topics.yaml"

# Folders of the generated folder (build/docs/) that the generator fills; below docs/ these names are never read
# as narrative pages, so a stale copy from the days when generation wrote into docs/ is ignored.
GENERATED_DOC_DIRS = GENERATED_FOLDERS
# Record ids the generator itself uses as page names in every folder (facts/index.md, sources/pages/...):
# a record with such an id would silently lose its page to a list page.
RESERVED_IDS = frozenset({"index", "pages"})
