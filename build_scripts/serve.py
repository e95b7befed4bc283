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
from typing import Any

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


def _changes_only_observer() -> Any:
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
    )
    from watchdog.observers import Observer

    changes = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        """inotify also reports files being opened and read: the engine reading its pages must not look like an edit."""

        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, event_filter: Any = None, follow_symlink: bool = False) -> Any:
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes, follow_symlink=follow_symlink)

    return ChangesOnly()


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
    regen = Regenerator(publication)
    if not regen.run_once():
        return 1
    observer = watch(regen)
    thread = threading.Thread(target=regen.loop, daemon=True)
    thread.start()
    try:
        engine_serve(publication, dev_addr, dirty)
    finally:
        regen.stop()
        observer.stop()  # type: ignore[attr-defined]
    return 0


def engine_serve(publication: Publication, dev_addr: str, dirty: bool) -> None:
    """`mkdocs serve` as MkDocs' own serve command runs it, with one change: the file watcher uses inotify instead
    of polling the generated folder every half second (thousands of files: CPU while idle, latency per edit).
    Not strict: a preview shows warnings and keeps serving (a dirty build's notice alone is a warning)."""
    import logging
    import shutil
    import tempfile
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.commands.serve import _serve_url
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    logger.addHandler(console)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def get_config() -> Any:
        return load_config(config_file=str(publication.config_file), site_dir=site_dir, strict=False, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config: Any = None) -> None:
        logger.info("Building documentation...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=dirty)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    # inotify, not MkDocs' PollingObserver.
    server.observer = _changes_only_observer()
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            logger.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
