"""The seeds as documents: the gold file's metadata and clean_text checks, and every fact's raw
span pointing at the same words in the page as read (Traditional, spaced, with pinyin)."""

from __future__ import annotations

import json

import pytest
import regex

from conftest import GOLD
from extractors.cleaning import fold_width, to_simplified
from warehouse.db import FACT_TABLES

GOLD_DOCS = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
_PINYIN = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


@pytest.mark.parametrize("name", sorted(GOLD_DOCS))
def test_gold_metadata(seed_facts, name):
    document = seed_facts[name].document
    for field, expected in GOLD_DOCS[name]["meta"].items():
        actual = getattr(document, field)
        actual = actual.isoformat() if hasattr(actual, "isoformat") else actual
        assert actual == expected, field


@pytest.mark.parametrize("name", sorted(GOLD_DOCS))
def test_gold_clean_text_must_not_contain(seed_facts, name):
    clean_text = seed_facts[name].document.clean_text
    assert not [junk for junk in GOLD_DOCS[name]["clean_text_must_not_contain"] if junk in clean_text]


@pytest.mark.parametrize("name", sorted(GOLD_DOCS))
def test_junk_removed_is_counted(seed_facts, name):
    document = seed_facts[name].document
    assert document.chars_removed == len(document.raw_text) - len(document.clean_text)


def _comparable(text: str) -> str:
    """Raw text as cleaning would read it: Simplified, half-width, no pinyin, no spaces."""
    return regex.sub(r"\s+", "", _PINYIN.sub("", fold_width(to_simplified(text, "hant"))))


def _in_order(needle: str, haystack: str) -> bool:
    """Every character of `needle` appears in `haystack`, in order (junk may sit between)."""
    chars = iter(haystack)
    return all(ch in chars for ch in needle)


@pytest.mark.parametrize("name", sorted(GOLD_DOCS))
def test_every_fact_raw_span_shows_the_same_words(seed_facts, name):
    facts = seed_facts[name]
    raw, clean_text = facts.document.raw_text, facts.document.clean_text
    checked = 0
    for table in FACT_TABLES:
        for fact in getattr(facts, table):
            p = fact.provenance
            in_clean = _comparable(clean_text[p.span_start : p.span_end])
            in_raw = _comparable(raw[p.raw_span_start : p.raw_span_end])
            # The raw span holds the same words; spam removed inside a long quote may sit
            # between them, and nothing else (the raw span is at most that much longer).
            assert in_raw[:1] == in_clean[:1] and in_raw[-1:] == in_clean[-1:], (table, in_clean, in_raw)
            assert _in_order(in_clean, in_raw), (table, in_clean, in_raw)
            assert len(in_raw) - len(in_clean) <= 12, (table, in_clean, in_raw)
            checked += 1
    assert checked > 0


def test_raw_span_example_traditional_and_spaced(seed_facts):
    """Seed 000 reads "全球有 51 家 AIGC 初創企業籌集了約 1000 億元人民币": the fact is found in the
    cleaned "…1000亿元人民币", and its raw span is the Traditional, spaced original."""
    facts = seed_facts["000_e0702ca351b86fe8.txt"]
    raw = facts.document.raw_text
    [money] = [m for m in facts.money_mentions if m.money.amount == 1e11 and "人民币" in (m.money.amount_text or "")]
    in_raw = raw[money.provenance.raw_span_start : money.provenance.raw_span_end]
    assert "億" in in_raw and " " in in_raw
    assert _comparable(in_raw) == facts.document.clean_text[money.provenance.span_start : money.provenance.span_end]
