"""`build` and `serve`: the site."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from .. import paths


def run_build(args: argparse.Namespace) -> int:
    from ..site import build

    return build(Path(args.site_dir), quiet=args.quiet)


def run_serve(args: argparse.Namespace) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr], cwd=paths.ROOT)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("build", help="validate, generate and build the site into site/", description="Validate the facts, generate pages, charts and data, and run mkdocs build --strict. The previous site is replaced only if everything succeeds.")
    cmd.add_argument("--site-dir", default=str(paths.SITE), help="where the site goes (default: site/)")
    cmd.add_argument("--quiet", action="store_true", help="print only errors from MkDocs")
    cmd.set_defaults(func=run_build)
    srv = sub.add_parser("serve", help="preview the site, regenerating as facts/ and docs/ change", description="Run mkdocs serve; the hook regenerates pages whenever facts/ changes.")
    srv.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    srv.set_defaults(func=run_serve)
