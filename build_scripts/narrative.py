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
from .load.tree import DocsTree
from .model import Corpus
from .paths import GENERATED_DOC_DIRS
from .render.environment import link
from .render.escape import md_text
from .render.pages import footnote
from .transform import present

REFERENCE = re.compile(r"\{\{[ \t]*(fact|claim|date|quote|spread)\([ \t]*\"([a-z0-9][a-z0-9-]{0,79})\"[ \t]*\)[ \t]*\}\}")
# Anything that opens like a reference: a well-formed one, or one the pipeline must refuse rather than publish raw.
_CANDIDATE = re.compile(r"\{\{|\}\}|\{%")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# A number or date in prose that is not inside a reference: the prose lint's target.
_NUMBER = re.compile(r"(?<![\w#/.-])(\d[\d,]*(?:\.\d+)?\s?%?|\b(?:19|20)\d{2}\b)")
_LIST_MARK = re.compile(r"^\s*\d+[.)]\s")
_SKIP_LINE = re.compile(r"^\s*(?:\*\[|<!--|---\s*$)")
ALLOWLIST = "narrative-allowlist.yaml"
GENERATED = GENERATED_DOC_DIRS
_HINT = 'write a reference on one line, outside code, exactly as {{ fact("id") }}: double quotes, no filters'


@dataclass(frozen=True)
class Reference:
    page: str
    line: int
    col: int
    form: str
    target: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Tokens:
    """A page cut once into references and code: what validate checks is exactly what the build expands."""

    refs: list[Reference]
    code: list[tuple[int, int]]
    problems: list[Diagnostic]

    def masked(self, text: str) -> str:
        """The page with references and code blanked out (line breaks kept), for the prose lint."""
        chars = list(text)
        for start, end in [(r.start, r.end) for r in self.refs] + self.code:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and inline code spans, where nothing is expanded."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    while (opening := _FENCE.search(text, pos)) is not None:
        fence = opening.group(1)
        close = re.compile(rf"^[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        after = text.find("\n", opening.end())
        closing = close.search(text, after + 1) if after != -1 else None
        end = closing.end() if closing else len(text)
        ranges.append((opening.start(), end))
        pos = end
    blocks = list(ranges)
    for match in _CODE_SPAN.finditer(text):
        if not any(a <= match.start() < b for a, b in blocks) and "\n\n" not in match.group(0):
            ranges.append((match.start(), match.end()))
    return sorted(ranges)


def tokenize(page: str, text: str) -> Tokens:
    """Every reference with its position; every malformed, split, filtered or code-bound one as a located problem."""
    where = f"docs/{page}"
    code = code_ranges(text)
    refs: list[Reference] = []
    problems: list[Diagnostic] = []
    pos = 0
    while (match := _CANDIDATE.search(text, pos)) is not None:
        start = match.start()
        line, col = _position(text, start)
        if match.group(0) != "{{":
            problems.append(Diagnostic(where, line, col, "narrative-ref-malformed", f"'{match.group(0)}' outside a fact reference", _HINT))
            pos = match.end()
            continue
        close = text.find("}}", start + 2)
        end = close + 2 if close != -1 else len(text)
        body = text[start:end]
        exact = REFERENCE.fullmatch(body)
        if any(a <= start < b for a, b in code):
            problems.append(Diagnostic(where, line, col, "narrative-ref-in-code", "fact reference inside code is never expanded", "move it out of the code span or block"))
        elif close == -1:
            problems.append(Diagnostic(where, line, col, "narrative-ref-malformed", "'{{' is never closed by '}}'", _HINT))
        elif "\n" in body:
            problems.append(Diagnostic(where, line, col, "narrative-ref-split", "fact reference split over several lines is not expanded", _HINT))
        elif exact is None:
            problems.append(Diagnostic(where, line, col, "narrative-ref-malformed", f"malformed fact reference {_describe(body)}", _HINT))
        else:
            refs.append(Reference(page, line, col, exact.group(1), exact.group(2), start, end))
        pos = end
    return Tokens(refs, code, problems)


def _describe(body: str) -> str:
    if "|" in body:
        return "with a filter ('|'); filters are not supported"
    if "'" in body:
        return "in single quotes"
    return "(expected fact, claim, date, quote or spread with one id in double quotes)"


def scan(tree: DocsTree) -> tuple[dict[str, Tokens], dict[str, str]]:
    """Tokens by page, and each page's title (its first heading)."""
    tokens: dict[str, Tokens] = {}
    titles: dict[str, str] = {}
    for rel, text in tree.pages.items():
        tokens[rel] = tokenize(rel, text)
        heading = re.search(r"(?m)^# (.+)$", text)
        titles[rel] = heading.group(1).strip() if heading else rel
    return tokens, titles


def check(tokens: dict[str, Tokens], corpus: Corpus) -> list[Diagnostic]:
    """Malformed references, unknown ids and references to retracted facts fail the build, located in the page."""
    diags = []
    for page, found in tokens.items():
        diags.extend(found.problems)
        for ref in found.refs:
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


def lint(tree: DocsTree, tokens: dict[str, Tokens], allowances: list[Allowance], corpus: Corpus) -> list[Diagnostic]:
    """A digit or year in prose outside a fact reference is a claim without a source."""
    diags = []
    used: set[Allowance] = set()
    for page, text in tree.pages.items():
        rel = f"docs/{page}"
        allowed = [a for a in allowances if a.page == rel]
        for number, line in _prose_lines(tokens[page].masked(text)):
            prose = re.sub(r"\]\([^)]*\)", "]", _LIST_MARK.sub("", line, count=1))
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


def _prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines of prose: not front matter, abbreviation or comment lines (code is already blanked)."""
    in_front = False
    for number, line in enumerate(text.split("\n"), 1):
        if number == 1 and line.strip() == "---":
            in_front = True
            continue
        if in_front:
            in_front = line.strip() != "---"
            continue
        if _SKIP_LINE.match(line):
            continue
        yield number, line


def load_allowances(path: Path) -> tuple[list[Allowance], list[Diagnostic]]:
    """Read narrative-allowlist.yaml with the safe loader."""
    from .load.yamlsafe import LoadError, load_bytes

    if path.is_symlink() or (path.exists() and not path.is_file()):
        return [], [Diagnostic(ALLOWLIST, 1, 1, "file-type", "the allowance list must be a regular file, not a link", "commit the file itself")]
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

    def replace(form: str, target: str) -> str:
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

    found = tokenize(page, markdown)
    if found.problems:  # generation refuses these first; reaching here means a page changed under `serve`
        raise ValueError(found.problems[0].as_text())
    parts, last = [], 0
    for ref in found.refs:
        parts.append(markdown[last:ref.start])
        parts.append(replace(ref.form, ref.target))
        last = ref.end
    body = "".join(parts) + markdown[last:]
    if notes:
        body = body.rstrip("\n") + "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
    return body
