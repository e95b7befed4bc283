"""A YAML loader without PyYAML's dangerous defaults.

It walks the parser's events itself instead of using a constructor, so that:
- a duplicate key is an error naming both lines;
- tags, anchors, aliases, merge keys and directives are refused, so no bombs and no objects;
- nothing is typed implicitly: `NO`, `2025-06-03`, `012`, `3:2` and `1e3` all stay text; only plain
  decimal integers and decimals become numbers, and they must fit a JavaScript double exactly;
- one document per file, strict UTF-8, LF line endings, and caps on size and nesting, checked
  before and during parsing, so no input hangs or overflows the stack;
- every failure is a `LoadError` with a line and column, never another exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_SAFE_INT = 2**53

_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_NULL = frozenset({"", "~", "null"})
# Characters PyYAML treats as line breaks while editors do not: line numbers would disagree.
_ODD_BREAKS = {"\r": "carriage return (CR)", "\x85": "next line (U+0085)", "\u2028": "line separator (U+2028)", "\u2029": "paragraph separator (U+2029)"}

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadError(Exception):
    """A located loading problem. `rule` is the diagnostic rule id."""

    line: int
    col: int
    rule: str
    message: str
    hint: str = ""


@dataclass
class Document:
    """Loaded data with the 1-based position of every value and every mapping key."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest existing parent: every error gets a line."""
        table = self.key_positions if key else self.positions
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or self.positions.get(path[:cut])
            if found:
                return found
        return (1, 1)


def load_bytes(raw: bytes) -> Document:
    """Parse one YAML file's bytes; raise LoadError on anything unsafe or malformed."""
    text = _decode(raw)
    try:
        return _Builder(text).build()
    except LoadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "malformed YAML"
        lines = text.split("\n")
        at_tab = 0 < line <= len(lines) and "\t" in lines[line - 1]
        hint = "indent with spaces, not tabs" if at_tab else _syntax_hint(problem)
        raise LoadError(line, col, "yaml-syntax", f"YAML syntax error: {problem}", hint) from None
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise LoadError(1, 1, "yaml-syntax", f"YAML could not be read: {type(exc).__name__}: {exc}") from None


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise LoadError(1, 1, "yaml-too-large", f"file is {len(raw)} bytes; the limit is {MAX_BYTES}", "split it, or shorten quotes and notes")
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(1, 1, "yaml-encoding", "file starts with a byte order mark", "save the file as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(line, col, "yaml-encoding", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", "save the file as UTF-8") from None
    for ch, name in _ODD_BREAKS.items():
        at = text.find(ch)
        if at >= 0:
            line = text.count("\n", 0, at) + 1
            raise LoadError(line, at - (text.rfind("\n", 0, at) + 1) + 1, "yaml-encoding", f"file contains a {name}", "use LF line endings only")
    at = text.find("\x00")
    if at >= 0:
        raise LoadError(text.count("\n", 0, at) + 1, 1, "yaml-encoding", "file contains a NUL character")
    return text


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a text value containing ': ' must be quoted"
    if "found character" in problem:
        return "quote the value"
    return "check indentation and quoting near this position"


class _Builder:
    """Builds plain dicts, lists and scalars from parser events, iteratively (no recursion)."""

    def __init__(self, text: str) -> None:
        self.parser = _Parser(text)
        self.doc = Document(None)

    def _event(self) -> Any:
        return self.parser.get_event()

    def build(self) -> Document:
        try:
            return self._build()
        finally:
            self.parser.dispose()

    def _build(self) -> Document:
        event = self._event()  # StreamStart
        event = self._event()
        if isinstance(event, yaml.StreamEndEvent):
            raise LoadError(1, 1, "yaml-empty", "file is empty", "a record is a mapping of fields, see facts/README.md")
        self._check_document_start(event)
        data = self._node()
        end = self._event()  # DocumentEnd
        nxt = self._event()
        if not isinstance(nxt, yaml.StreamEndEvent):
            mark = nxt.start_mark
            raise LoadError(mark.line + 1, mark.column + 1, "yaml-multiple-documents", "file holds more than one YAML document", "one record per file; remove the '---' separator")
        del end
        self.doc.data = data
        return self.doc

    def _check_document_start(self, event: Any) -> None:
        if getattr(event, "version", None) or getattr(event, "tags", None):
            raise LoadError(event.start_mark.line + 1, 1, "yaml-directive", "YAML directives (%YAML, %TAG) are not allowed", "delete the line starting with %")

    def _node(self) -> Any:
        # An explicit stack: deep nesting must become an error, never a stack overflow.
        # Hot loop: one pass per parser event, so classes and methods are bound to locals.
        get_event, positions = self.parser.get_event, self.doc.positions
        scalar_t, mapping_t, alias_t = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.AliasEvent
        end_types = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        root: list[Any] = []
        stack: list[tuple[Any, Path, dict[str, int]]] = [(root, (), {})]
        pending_key: list[str | None] = [None]
        while True:
            event = get_event()
            kind = type(event)
            if kind in end_types:
                stack.pop()
                pending_key.pop()
                if len(stack) == 1:
                    return root[0]
                continue
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if kind is alias_t:
                raise LoadError(*pos, "yaml-anchor", f"alias *{event.anchor} is not allowed", "write the value out in full")
            if event.anchor:
                raise LoadError(*pos, "yaml-anchor", f"anchor &{event.anchor} is not allowed", "remove the anchor and write values out in full")
            tag = event.tag
            if tag is not None and tag != "!":
                raise LoadError(*pos, "yaml-tag", f"tag {tag} is not allowed", "remove the tag; quote the value if it should be text")
            container, path, seen = stack[-1]
            is_map = type(container) is dict
            if is_map and pending_key[-1] is None:
                pending_key[-1] = self._key(event, pos, path, seen)
                continue
            if is_map:
                child_path: Path = (*path, pending_key[-1])  # type: ignore[arg-type]
            elif container is root:
                child_path = ()
            else:
                child_path = (*path, len(container))
            positions[child_path] = pos
            if kind is scalar_t:
                self._put(container, pending_key, _scalar(event, pos))
                if container is root:
                    return root[0]  # a document that is a single scalar
                continue
            if len(stack) > MAX_DEPTH:
                raise LoadError(*pos, "yaml-too-deep", f"nesting deeper than {MAX_DEPTH} levels", "records are shallow; check the indentation")
            child: Any = {} if kind is mapping_t else []
            self._put(container, pending_key, child)
            stack.append((child, child_path, {}))
            pending_key.append(None)

    def _key(self, event: Any, pos: tuple[int, int], path: Path, seen: dict[str, int]) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise LoadError(*pos, "yaml-key", "mapping keys must be plain words, not lists or mappings")
        key = event.value
        if key == "<<" and event.implicit[0]:
            raise LoadError(*pos, "yaml-anchor", "merge keys (<<) are not allowed", "write the fields out in full")
        if key in seen:
            raise LoadError(*pos, "yaml-duplicate-key", f"key {key!r} appears twice, on lines {seen[key]} and {pos[0]}", "delete one of them; YAML would silently keep only the last")
        seen[key] = pos[0]
        self.doc.key_positions[(*path, key)] = pos
        return key

    @staticmethod
    def _put(container: Any, pending_key: list[str | None], value: Any) -> None:
        if isinstance(container, dict):
            container[pending_key[-1]] = value
            pending_key[-1] = None
        else:
            container.append(value)


def _scalar(event: Any, pos: tuple[int, int]) -> Any:
    value: str = event.value
    if not event.implicit[0]:  # quoted or block scalar: always text
        return value
    if value in _NULL:
        return None
    if _INT.fullmatch(value):
        number = int(value)
        if abs(number) > MAX_SAFE_INT:
            raise LoadError(*pos, "yaml-number", f"{value} is too large to be exact in JSON and JavaScript", "quote it if it is an identifier")
        return number
    if _FLOAT.fullmatch(value):
        real = float(value)
        if abs(real) > MAX_SAFE_INT:
            raise LoadError(*pos, "yaml-number", f"{value} is out of range", "numbers must lie within plus or minus 2^53")
        return real
    return value
