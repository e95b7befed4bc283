"""Whole-corpus guarantees for the real fact base in facts/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_scripts.validate import validate

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
SEEDS = {
    "000_0d9a555556c5102c.txt": "toutiao-2025-05-us-officials-frustration",
    "001_1ff10176644acc83.txt": "guancha-2025-05-us-tariff-talks",
    "002_cca0709127547ac8.txt": "toutiao-2025-06-defense-production-act",
    "003_f291ca0c2da10d66.txt": "ai-2025-10-us-challenges-china-controls",
    "004_b65dcc41c824f9c9.txt": "boncopia-2025-06-11-china-rare-earths-ace",
}


def _facts() -> list[dict]:
    # PyYAML's own safe loader here, on purpose: these checks must not depend on our loader being right.
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((FACTS / "facts").glob("*.yaml"))]


def test_the_real_fact_base_validates_without_errors() -> None:
    corpus, diags = validate(FACTS)
    errors = [d.as_text() for d in diags if d.severity == "error"]
    assert errors == [], "\n".join(errors[:40])
    assert len(corpus.records["fact"]) > 100


def _loose(quote: str) -> re.Pattern[str]:
    """A pattern for a quote written independently of the validator's normaliser: words in order,
    any white space, quote-mark or dash variant between and within them."""
    quotes = "[\"'\u2018\u2019\u201c\u201d]"
    dashes = "[-\u2013\u2014]"
    parts = []
    for ch in quote.strip():
        if ch.isspace():
            parts.append(r"\s+")
        elif ch in "\"'\u2018\u2019\u201c\u201d":
            parts.append(quotes)
        elif ch in "-\u2013\u2014":
            parts.append(dashes)
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts).replace(r"\s+\s+", r"\s+"))


def test_every_quote_is_in_its_snapshot_checked_independently() -> None:
    sources = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (FACTS / "sources").glob("*.yaml")}
    missing = []
    for fact in _facts():
        for cite in fact["citations"]:
            snapshot = (FACTS / "snapshots" / sources[cite["source"]]["snapshot"]["file"]).read_text(encoding="utf-8")
            if not _loose(cite["quote"]).search(snapshot):
                missing.append(f"{fact['id']}: {cite['quote'][:70]!r}")
    assert missing == []


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_snapshot_is_the_seed_article_byte_for_byte(seed: str) -> None:
    shared = ROOT.parent / "shared" / "seed-articles" / seed
    if not shared.exists():
        pytest.skip("shared seed articles are not beside this checkout")
    assert (FACTS / "snapshots" / f"{SEEDS[seed]}.txt").read_bytes() == shared.read_bytes()


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@pytest.mark.parametrize("source", sorted(SEEDS.values()))
def test_every_number_in_a_seed_article_is_quoted_by_some_fact(source: str) -> None:
    """A reader holding the article finds each of its numbers in a fact that cites it."""
    text = (FACTS / "snapshots" / f"{source}.txt").read_text(encoding="utf-8")
    # Address, contact and dateline lines are the source's metadata (url, published), not claims.
    skip = re.compile(r"^(Original|https?://|hello@|\+1|\u00a9|\d{1,2}/\d{1,2}/\d{4})")
    body = "\n".join(line for line in text.split("\n") if not skip.match(line))
    numbers = {n.rstrip(".,") for n in _NUMBER.findall(re.sub(r"https?://\S+", "", body))}
    quoted = " ".join(c["quote"] for f in _facts() for c in f["citations"] if c["source"] == source)
    unquoted = sorted(n for n in numbers if n not in quoted)
    assert unquoted == [], f"numbers in {source} that no fact quotes: {unquoted}"


def test_quote_normalisation_folds_only_typography() -> None:
    """NFC plus the explicit fold table: quote marks, dashes, ellipses and spaces fold; compatibility forms do not."""
    from build_scripts.validate.textnorm import normalise

    assert normalise("\u201cabout 70%\u201d \u2014 in\u00a0May\u2026") == normalise('"about 70%" - in May...')
    assert normalise("e\u0301") == normalise("\u00e9")  # canonically equal
    for lookalike, plain in (("10\u00b2", "102"), ("\uff12\uff10\uff12\uff15", "2025"), ("\ufb01rst", "first"), ("\u2460", "1"), ("\u00bd", "1/2")):
        assert normalise(lookalike) != normalise(plain), lookalike
