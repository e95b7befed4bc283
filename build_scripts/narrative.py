"""Fact references in hand-written pages: scanning, expansion into cited text, and the prose lint.

Syntax, in any Markdown page under docs/:
    {{ fact("id") }}    the value of a statistic (with qualifier and unit), or the claim of another fact
    {{ claim("id") }}   the claim, in the fact base's words
    {{ date("id") }}    the fact's date
    {{ quote("id") }}   the verbatim quote of the fact's first citation, in quotation marks
    {{ spread("metric-id") }}  what sources give for a metric ("60% to 70% ...")
Each reference to a fact gets a footnote that links the fact page and the source, with the quote.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .diagnostics import Diagnostic
from .model import Corpus
from .paths import GENERATED_DOC_DIRS
from .render.environment import link
from .render.escape import md_text
from .render.pages import footnote
from .transform import present

REFERENCE = re.compile(r"\{\{\s*(fact|claim|date|quote|spread)\(\s*\"([^\"]*)\"\s*\)\s*\}\}")
# A number or date in prose that is not inside a reference: the prose lint's target.
_NUMBER = re.compile(r"(?<![\w#/.-])(\d[\d,]*(?:\.\d+)?\s?%?|\b(?:19|20)\d{2}\b)")
_LIST_MARK = re.compile(r"^\s*\d+[.)]\s")
_SKIP_LINE = re.compile(r"^\s*(?:\*\[|<!--|---\s*$)")
ALLOWLIST = "narrative-allowlist.yaml"
GENERATED = GENERATED_DOC_DIRS  # folders the generator owns: never scanned as narrative


@dataclass(frozen=True)
class Reference:
    page: str
    line: int
    col: int
    form: str
    target: str


def narrative_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in GENERATED and not p.relative_to(docs).parts[0].startswith("."))


def scan(docs: Path) -> tuple[dict[str, list[Reference]], dict[str, str]]:
    """References by page, and each page's title (its first heading)."""
    refs: dict[str, list[Reference]] = {}
    titles: dict[str, str] = {}
    for path in narrative_pages(docs):
        rel = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        refs[rel] = list(_references(rel, text))
        heading = re.search(r"(?m)^# (.+)$", text)
        titles[rel] = heading.group(1).strip() if heading else rel
    return refs, titles


def _references(page: str, text: str) -> Iterator[Reference]:
    for number, line in enumerate(text.split("\n"), 1):
        for match in REFERENCE.finditer(line):
            yield Reference(page, number, match.start() + 1, match.group(1), match.group(2))


def check(refs: dict[str, list[Reference]], corpus: Corpus) -> list[Diagnostic]:
    """Unknown ids and references to retracted facts fail the build, located in the page."""
    diags = []
    for page, items in refs.items():
        for ref in items:
            where = f"docs/{page}"
            if ref.form == "spread":
                if ref.target not in corpus.metrics:
                    diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"unknown metric '{ref.target}'", "see facts/metrics/"))
                continue
            fact = corpus.facts.get(ref.target)
            if fact is None:
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"unknown fact '{ref.target}'", "see the fact index, or facts/facts/"))
            elif fact.status == "retracted":
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"fact '{ref.target}' is retracted", fact.status_reason or "cite another fact"))
            elif ref.form == "date" and not fact.dated:
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"fact '{ref.target}' has no date that its source states", "a date reference must be a date the text gives; say 'reported by' with the source's date instead"))
    return diags


@dataclass(frozen=True)
class Allowance:
    """A number in prose that is not a claim of its own, backed by a fact elsewhere (narrative-allowlist.yaml)."""

    page: str
    text: str
    fact: str
    line: int


def lint(docs: Path, allowances: list[Allowance], corpus: Corpus) -> list[Diagnostic]:
    """A digit or year in prose outside a fact reference is a claim without a source."""
    diags = []
    used: set[Allowance] = set()
    for path in narrative_pages(docs):
        rel = f"docs/{path.relative_to(docs).as_posix()}"
        allowed = [a for a in allowances if a.page == rel]
        for number, line in _prose_lines(path):
            prose = REFERENCE.sub(" ", re.sub(r"\]\([^)]*\)|`[^`]*`", "]", _LIST_MARK.sub("", line, count=1)))
            for match in _NUMBER.finditer(prose):
                hit = next((a for a in allowed if match.group(0).strip() in a.text and a.text in prose), None)
                if hit:
                    used.add(hit)
                    continue
                diags.append(Diagnostic(rel, number, match.start() + 1, "prose-number", f"number '{match.group(0).strip()}' in prose is not a fact reference", 'use {{ fact("id") }} or {{ date("id") }}; a number that is no claim goes in narrative-allowlist.yaml with the fact backing it'))
    for allowance in allowances:
        if allowance.fact not in corpus.facts:
            diags.append(Diagnostic(ALLOWLIST, allowance.line, 1, "prose-allowlist", f"allowance for '{allowance.text}' names unknown fact '{allowance.fact}'"))
        elif allowance not in used:
            diags.append(Diagnostic(ALLOWLIST, allowance.line, 1, "prose-allowlist", f"allowance for '{allowance.text}' on {allowance.page} is no longer needed", "delete it: the allowance list only shrinks"))
    return diags


def _prose_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines of prose: not front matter, code, abbreviation or comment lines."""
    in_front = in_code = False
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number == 1 and line.strip() == "---":
            in_front = True
            continue
        if in_front:
            in_front = line.strip() != "---"
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or _SKIP_LINE.match(line):
            continue
        yield number, line


def load_allowances(path: Path) -> tuple[list[Allowance], list[Diagnostic]]:
    """Read narrative-allowlist.yaml with the safe loader."""
    from .load.yamlsafe import LoadError, load_bytes

    if not path.is_file():
        return [], []
    try:
        doc = load_bytes(path.read_bytes())
    except LoadError as exc:
        return [], [Diagnostic(ALLOWLIST, exc.line, exc.col, exc.rule, exc.message, exc.hint)]
    items = doc.data.get("allow") if isinstance(doc.data, dict) else None
    out, diags = [], []
    for i, item in enumerate(items if isinstance(items, list) else []):
        line = doc.locate(("allow", i))[0]
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("page", "text", "fact", "why"))):
            diags.append(Diagnostic(ALLOWLIST, line, 1, "prose-allowlist", "each allowance needs page, text, fact and why, all text"))
            continue
        out.append(Allowance(item["page"], item["text"], item["fact"], line))
    return out, diags


def expand(markdown: str, page: str, corpus: Corpus) -> str:
    """Replace references with cited text; footnotes go at the end of the page."""
    notes: dict[str, Markup] = {}

    def replace(match: re.Match[str]) -> str:
        form, target = match.group(1), match.group(2)
        if form == "spread":
            facts = [f for f in corpus.facts.values() if f.statistic and f.statistic.metric == target]
            return f"{link(present.spread(facts, corpus.metrics[target].comparison).rstrip('.'), 'metrics/' + target + '.md', page)}"
        fact = corpus.facts[target]
        if form == "fact" and fact.statistic:
            text = present.value_text(fact.statistic)
        elif form == "date":
            text = present.date_text(fact.date)
        elif form == "quote":
            text = f"\u201c{fact.citations[0].quote}\u201d"
        else:
            text = fact.claim.rstrip(".")
        label = f"f-{target}"
        if label not in notes:
            notes[label] = footnote(fact, corpus, page)
        return f"{md_text(text)}[^{label}]"

    body = REFERENCE.sub(replace, markdown)
    if notes:
        body = body.rstrip("\n") + "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
    return body
