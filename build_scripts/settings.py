"""Engine settings. Everything about one publication (title, address, repository, licence) is in its folder's
config: see publication.py."""
from __future__ import annotations

PAGE_SIZE = 100  # list pages are split so that no page grows with the corpus
