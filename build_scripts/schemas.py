"""The JSON Schemas, loaded once: the contract that validation, formatting and the reference page share."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from referencing import Registry, Resource

from .paths import SCHEMAS

SCHEMA_FILES = {"source": "source.schema.json", "entity": "entity.schema.json", "metric": "metric.schema.json", "fact": "fact.schema.json", "topics": "topics.schema.json"}


@cache
def registry(folder: Path = SCHEMAS) -> tuple[Registry, dict[str, dict[str, Any]]]:
    """A referencing registry of every schema, and the schemas by file name."""
    reg: Registry = Registry()
    by_file: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        by_file[path.name] = schema
        reg = reg.with_resource(schema["$id"], Resource.from_contents(schema))
    return reg, by_file
