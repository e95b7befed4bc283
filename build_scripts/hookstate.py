"""The one piece of state shared with the MkDocs hook: the corpus the build command already generated."""
from __future__ import annotations

from .model import Corpus

corpus: Corpus | None = None
