"""The one piece of state shared with the MkDocs hook: the corpus of the build in progress."""
from __future__ import annotations

from .model import Corpus

corpus: Corpus | None = None
# True while the build command runs MkDocs on a corpus it generated itself: the hook must not regenerate.
prebuilt: bool = False
# The input file being worked on, so that an internal error can say where it happened.
working_on: str = ""
