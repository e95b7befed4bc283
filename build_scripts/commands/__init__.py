"""Subcommands. Each module has `register(subparsers)`; add a module here to add a command."""
from __future__ import annotations

from . import bench, build, contrib, validate

MODULES = (validate, build, contrib, bench)
