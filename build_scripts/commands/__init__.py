"""Subcommands. Each module has `register(subparsers)`; add a module here to add a command."""
from __future__ import annotations

from . import build, contrib, validate

MODULES = (validate, build, contrib)
