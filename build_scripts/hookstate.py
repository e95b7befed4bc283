"""State shared with the MkDocs hook while our own build runs the engine."""
from __future__ import annotations

# True while the build command runs an engine on pages it generated itself: the build cleans the finished
# site, so the hook must not clean the pages a second time.
prebuilt: bool = False
# The input file being worked on, so that an internal error can say where it happened.
working_on: str = ""
