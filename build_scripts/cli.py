"""Command line: parse arguments, call one pipeline stage, set the exit code. No logic here."""
from __future__ import annotations

import argparse
import sys

from .commands import MODULES


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m build_scripts", description="Build and check the rare earth briefing.")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in MODULES:
        module.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except Exception as exc:
        from . import hookstate
        from .diagnostics import Diagnostic

        where = hookstate.working_on or args.command
        print(Diagnostic(where, 1, 1, "internal-error", f"{type(exc).__name__}: {exc}", "please report this with the files of your change").as_text(), file=sys.stderr)
        return 3
