"""`serve`: regenerate on every edit, and let the engine rebuild once, only what changed.

The watcher here watches the publication's inputs (facts/, docs/, includes/, templates/, the allowance list)
and regenerates into the generated folder between engine builds, writing only the files whose bytes changed.
The engine (MkDocs, dirty reloads by default) watches only the generated folder and its config: an edit costs
one generation and one engine rebuild, never the second rebuild that writing into a watched folder during a
build used to cause. Idle, nothing runs: both watchers wait on inotify.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from .diagnostics import format_report, has_errors
from .generate import Result, generate
from .publication import Publication

DEBOUNCE = 0.05  # seconds of quiet after the last event before regenerating: an editor's save is several events


class Regenerator:
    """Regenerates the publication when its inputs change; keeps the last good output to compare against."""

    def __init__(self, publication: Publication) -> None:
        self.publication = publication
        self.last: Result | None = None
        self._pending = threading.Event()
        self._stop = threading.Event()

    def run_once(self) -> bool:
        result = generate(self.publication, previous=self.last.files if self.last else None)
        if result.diagnostics:
            print(format_report(result.diagnostics, "text", result.files_checked), file=sys.stderr, flush=True)
        if has_errors(result.diagnostics):
            print("Not regenerated: the preview shows the last good pages.", file=sys.stderr, flush=True)
            return False
        self.last = result
        print(f"Regenerated: {result.written} file(s) written, {result.deleted} deleted.", file=sys.stderr, flush=True)
        return True

    def changed(self, path: str) -> None:
        out = str(self.publication.out)
        if not path.startswith(out) and "/." not in path[len(str(self.publication.root)):]:
            self._pending.set()

    def loop(self) -> None:
        while not self._stop.is_set():
            if not self._pending.wait(timeout=1.0):
                continue
            while self._pending.is_set():  # wait for the burst of events to end
                self._pending.clear()
                self._stop.wait(DEBOUNCE)
            self.run_once()

    def stop(self) -> None:
        self._stop.set()

    def inputs(self) -> list[Path]:
        pub = self.publication
        return [p for p in (pub.facts, pub.docs, pub.glossary_file.parent, pub.templates) if p.is_dir()]


def watch(regen: Regenerator) -> object:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            regen.changed(str(event.src_path))

    observer = Observer()
    for folder in regen.inputs():
        observer.schedule(Handler(), str(folder), recursive=True)
    observer.schedule(Handler(), str(regen.publication.root), recursive=False)  # the allowance list
    observer.start()
    return observer


def serve(publication: Publication, dev_addr: str, dirty: bool = True) -> int:
    import logging

    from mkdocs.commands.serve import serve as engine_serve

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    logger.addHandler(console)

    regen = Regenerator(publication)
    if not regen.run_once():
        return 1
    observer = watch(regen)
    thread = threading.Thread(target=regen.loop, daemon=True)
    thread.start()
    try:
        # Not strict: a preview shows warnings and keeps serving (the dirty-build notice alone is a warning); `build` is strict.
        engine_serve(config_file=str(publication.config_file), dev_addr=dev_addr, build_type="dirty" if dirty else None, strict=False)
    finally:
        regen.stop()
        observer.stop()  # type: ignore[attr-defined]
    return 0
