"""Problems found in the corpus, collected as values and printed in three formats."""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located in a file. Field order is the sort order of reports."""

    path: str
    line: int
    col: int
    rule: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def as_text(self) -> str:
        head = f"{display(self.path)}:{self.line}:{self.col}: {self.severity} {self.rule}: {_one_line(self.message)}"
        return f"{head}\n  hint: {_one_line(self.hint)}" if self.hint else head

    def as_github(self) -> str:
        # Workflow commands are parsed from stdout: escape so a hostile value cannot start a new command.
        props = f"file={_gh(self.path, True)},line={self.line},col={self.col},title={_gh(self.rule, True)}"
        text = self.message + (f" (hint: {self.hint})" if self.hint else "")
        return f"::{self.severity} {props}::{_gh(text, False)}"


# C0 and C1 controls (ESC starts ANSI sequences), and bidirectional and invisible format characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def display(text: str) -> str:
    """Untrusted text for a terminal or CI log: every control character shown as an escape, never acted on."""
    return _CONTROL.sub(lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def _one_line(text: str) -> str:
    # Untrusted text may hold newlines or escape sequences; a report line must stay one inert line.
    return display(text)


def _gh(text: str, prop: bool) -> str:
    text = display(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def has_errors(diags: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diags)


def format_report(diags: list[Diagnostic], fmt: str, files_checked: int) -> str:
    ordered = sorted(set(diags))
    if fmt == "json":
        counts = Counter(d.rule for d in ordered)
        return json.dumps(
            {
                "files_checked": files_checked,
                "errors": sum(d.severity == "error" for d in ordered),
                "warnings": sum(d.severity == "warning" for d in ordered),
                "counts": dict(sorted(counts.items())),
                "diagnostics": [asdict(d) for d in ordered],
            },
            indent=2,
            ensure_ascii=False,
        )
    if fmt == "github":
        return "\n".join(d.as_github() for d in ordered)
    lines = [d.as_text() for d in ordered]
    lines.append(summary(ordered, files_checked))
    return "\n".join(lines)


def summary(diags: list[Diagnostic], files_checked: int) -> str:
    errors = sum(d.severity == "error" for d in diags)
    warnings = len(diags) - errors
    text = f"{files_checked} files checked: {errors} error(s), {warnings} warning(s)"
    counts = Counter(d.rule for d in diags)
    if counts:
        text += "\n" + "\n".join(f"  {n:4d}  {rule}" for rule, n in sorted(counts.items()))
    return text
