"""Publication settings that pages and citations use. One place, so a fork changes them once."""
from __future__ import annotations

SITE_NAME = "Rare earths 2025: a sourced briefing"
SITE_URL = "https://rare-earths-briefing.github.io/briefing/"
REPO_URL = "https://github.com/rare-earths-briefing/briefing"
ISSUES_NEW = REPO_URL + "/issues/new"
DATA_LICENSE = "CC BY 4.0"
PAGE_SIZE = 100  # list pages are split so that no page grows with the corpus
