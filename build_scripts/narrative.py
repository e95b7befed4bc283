"""Fact references in hand-written pages: scanning, expansion into cited text, and the prose lint.

Syntax, in any Markdown page under docs/. Every form renders something that fits inside a sentence the
page's author writes; none pastes a whole claim into prose (that is how sentences got stitched):
    {{ value("id") }}   a statistic's value with its qualifier and unit ("about 70%"), and its kind if it is
                        not a measured value ("100% (threatened)"); {{ fact("id") }} is the same
    {{ date("id") }}    the date the source gives ("9 May 2025"); refused for a fact the source does not date
    {{ words("id") }}   a speaker's own words, in quotation marks, without the outlet's narration
    {{ quote("id") }}   the verbatim quote of the fact's first citation, in quotation marks
    {{ quote("id", "90-day truce") }}  a phrase from one of the fact's quotes, in quotation marks (checked)
    {{ cite("id") }}    only the citation: the sentence before it is the author's, and must say no more
    {{ spread("metric-id") }}  what sources give for a metric, linked to the metric page
Each fact gets one footnote that links the fact page and the source, with the quote; a paragraph that
refers to one fact twice shows its marker once.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from . import hookstate, urls
from .diagnostics import Diagnostic
from .load.tree import DocsTree
from .model import Corpus, Fact
from .paths import GENERATED_DOC_DIRS
from .render.environment import link
from .render.escape import md_text
from .render.footnotes import footnote
from .transform import present
from .validate.textnorm import normalise

FORMS = ("fact", "value", "date", "words", "quote", "cite", "spread")
# A phrase argument (quote only) is plain words: no quotation marks, braces or markup characters.
REFERENCE = re.compile(r"\{\{[ \t]*(fact|value|date|words|quote|cite|spread)\([ \t]*\"([a-z0-9][a-z0-9-]{0,79})\"(?:[ \t]*,[ \t]*\"([^\"{}<>\[\]`\\\n]{2,200})\")?[ \t]*\)[ \t]*\}\}")
# Anything that opens like a reference: a well-formed one, or one the pipeline must refuse rather than publish raw.
_CANDIDATE = re.compile(r"\{\{|\}\}|\{%")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# A number or date in prose that is not inside a reference: the prose lint's target.
_NUMBER = re.compile(r"(?<![\w#/.-])(\d[\d,]*(?:\.\d+)?\s?%?|\b(?:19|20)\d{2}\b)")
_LIST_MARK = re.compile(r"^\s*\d+[.)]\s")
_SKIP_LINE = re.compile(r"^\s*(?:\*\[|<!--|---\s*$)")
ALLOWLIST = "narrative-allowlist.yaml"
GENERATED = GENERATED_DOC_DIRS  # folders the generator owns: never scanned as narrative
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
    phrase: str | None = None


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
            refs.append(Reference(page, line, col, exact.group(1), exact.group(2), start, end, exact.group(3)))
        pos = end
    return Tokens(refs, code, problems)


def _describe(body: str) -> str:
    if "|" in body:
        return "with a filter ('|'); filters are not supported"
    if "'" in body:
        return "in single quotes"
    if body.lstrip("{ \t").startswith("claim("):
        return "(the claim form is gone: write the sentence yourself and cite the fact with cite(\"id\"))"
    return f"(expected one of {', '.join(FORMS)} with one id in double quotes)"


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
            elif ref.form in ("fact", "value") and fact.statistic is None:
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"fact '{ref.target}' is a {fact.kind}, not a statistic: it has no value", 'write the sentence yourself and cite it with {{ cite("id") }}'))
            elif ref.phrase is not None and (ref.form != "quote" or not any(normalise(ref.phrase) in normalise(c.quote) for c in fact.citations)):
                why = "only quote takes a phrase" if ref.form != "quote" else f"the phrase is not in any quote of fact '{ref.target}'"
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", why, "copy the words exactly from the fact's quote"))
            elif ref.form == "words" and not fact.words:
                diags.append(Diagnostic(where, ref.line, ref.col, "narrative-ref", f"fact '{ref.target}' records no words of a speaker", 'report what was said in your own words and cite it with {{ cite("id") }}'))
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


_INNER_QUOTES = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "\u2019"})


def quoted(text: str) -> str:
    """Words in double quotation marks; quotation marks inside them become single ones, as English nests them."""
    inner = text.translate(_INNER_QUOTES)
    # A straight quote that opens a word becomes an opening single quote.
    inner = re.sub(r"(^|[\s(\[])\u2019", "\\1\u2018", inner)
    return f"\u201c{inner}\u201d"


# Patterns of prose stitched together from data, found in the expanded page; each is a sentence nobody writes.
STITCHES = (
    (re.compile(r"\b(?:that|says|said|claims|argues|reports|writes|notes),? (?:A|An|The) [\w-]+(?: [\w-]+){0,3} (?:says|said|reports|claims|argues)\b"), "a claim that says whose it is, pasted into a sentence that already says it"),
    (re.compile(r"\bAccording to [^.,;]{1,80}, (?:A|An|The) [\w -]{1,60}\b(?:says|said|reports|claims|argues)\b"), "attribution said twice"),
    (re.compile(r"\b[Aa]ll 1\b|\b(?<![.,])1 (?:facts|values|sources|items|events|figures)\b"), "a count that does not agree with its noun"),
    (re.compile(r"(\[\^[\w-]+\])\s*\1"), "the same footnote marker twice in a row"),
    (re.compile(r"\b([A-Z][a-z]{2,}) \1\b"), "a word repeated"),
)


def stitched(tree: DocsTree, tokens: dict[str, Tokens], corpus: Corpus) -> tuple[list[Diagnostic], dict[str, str]]:
    """Expand every page as the build will, and refuse prose that reads as stitched from data, at its line.
    Returns the expanded pages too, so that the build publishes exactly what was linted, expanded once."""
    diags = []
    expanded: dict[str, str] = {}
    for page, text in tree.pages.items():
        if tokens[page].problems:
            continue  # check() reports these; the page cannot be expanded
        hookstate.working_on = f"docs/{page}"  # named in an internal-error report
        try:
            body = expand(text, page, corpus)
        except Exception as exc:
            diags.append(Diagnostic(f"docs/{page}", 1, 1, "internal-error", f"expanding this page failed: {type(exc).__name__}: {exc}", "please report this with the page"))
            continue
        expanded[page] = body
        for number, line in enumerate(body.split("\n")[: text.count("\n") + 1], 1):
            for pattern, why in STITCHES:
                for match in pattern.finditer(line):
                    diags.append(Diagnostic(f"docs/{page}", number, match.start() + 1, "prose-stitched", f"{why}: '{match.group(0)}'", "write the sentence yourself: cite facts with {{ cite(\"id\") }} and use value, date or words for the parts that fit a sentence"))
    return diags, expanded


def _text(form: str, fact: Fact) -> str:
    """What a reference to one fact renders, before escaping: always a phrase that fits a sentence."""
    if form in ("fact", "value") and fact.statistic:
        stat = fact.statistic
        kind = "" if stat.measured else f" ({present.VALUE_KINDS[stat.value_kind][0]})"
        return present.value_text(stat) + kind
    if form == "date":
        return present.date_text(fact.date)
    if form == "words":
        return quoted(fact.words or "")
    if form == "quote":
        return quoted(fact.citations[0].quote)
    return ""  # cite: only the footnote marker


def expand(markdown: str, page: str, corpus: Corpus) -> str:
    """Replace references with cited text; one footnote per fact, its marker once per paragraph, notes at the end."""
    notes: dict[str, Markup] = {}
    marked: set[tuple[str, int]] = set()

    found = tokenize(page, markdown)
    if found.problems:  # generation refuses these first; reaching here means a page changed under `serve`
        raise ValueError(found.problems[0].as_text())
    parts, last = [], 0
    for ref in found.refs:
        parts.append(markdown[last:ref.start])
        last = ref.end
        if ref.form == "spread":
            facts = [f for f in corpus.facts.values() if f.statistic and f.statistic.metric == ref.target]
            parts.append(link(present.spread(facts, corpus.metrics[ref.target].comparison).rstrip("."), urls.metric_page(ref.target), page))
            continue
        fact = corpus.facts[ref.target]
        label = f"f-{ref.target}"
        notes.setdefault(label, footnote(fact, corpus, page))
        paragraph = markdown.count("\n\n", 0, ref.start)
        marker = "" if (label, paragraph) in marked else f"[^{label}]"
        marked.add((label, paragraph))
        parts.append(md_text(quoted(ref.phrase) if ref.phrase else _text(ref.form, fact)) + marker)
    body = "".join(parts) + markdown[last:]
    if notes:
        body = body.rstrip("\n") + "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
    return body
