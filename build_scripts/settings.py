"""Publication settings that pages and citations use. One place, so a fork changes them once."""
from __future__ import annotations

SITE_NAME = "Rare earths 2025: a sourced briefing"
SITE_URL = "https://rare-earths-briefing.github.io/briefing/"  # equals site_url in mkdocs.yml (a test holds them together)
SITE_DESCRIPTION = "The 2025 US-China dispute over rare earth export controls, in facts that each cite a verbatim source."
REPO_URL = "https://github.com/rare-earths-briefing/briefing"
ISSUES_NEW = REPO_URL + "/issues/new"
AUTHOR = "The rare-earths-briefing contributors"  # the copyright holder in LICENSE and LICENSE-DATA, and the author in citations
LANGUAGE = "en"
PAGE_SIZE = 100  # list pages are split so that no page grows with the corpus

# What may be reused and how: LICENSE, LICENSE-DATA, README, the footer (mkdocs.yml) and the data page say the same.
CODE_LICENSE = "MIT"
DATA_LICENSE = "CC BY 4.0"
DATA_LICENSE_SPDX = "CC-BY-4.0"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
THIRD_PARTY_NOTE = (
    "Source snapshots and the quotes taken from them are third-party texts, kept for verification under their "
    "own rights and not relicensed by this project."
)
