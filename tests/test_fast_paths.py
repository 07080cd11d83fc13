"""Shortcuts that make extraction faster must change no fact: each is switched off here (made to
pass everything) and the facts compared with the shortcut on, over every golden case and seed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import regex

import extractors.funding as funding
from conftest import extract_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "extractors"


def _texts() -> list[tuple[str, str | None]]:
    texts = [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("funding.json", "money.json"):
        for case in json.loads((FIXTURES / name).read_text(encoding="utf-8"))["cases"]:
            texts.append((case["text"], case.get("published_at")))
    return texts


def _deal_facts(text: str, published: str | None) -> list[dict]:
    facts = extract_text(text, published)
    return [f.to_row() for f in facts.funding_rounds] + [f.to_row() for f in facts.valuations]


def test_funding_reads_the_same_deals_when_every_sentence_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """funding.extract reads only sentences with a deal word (rules.deal_cue) or an amount; a
    reader whose trigger needs a word missing from deal_cue would lose its deals here."""
    texts = _texts()
    gated = [_deal_facts(text, published) for text, published in texts]
    every_sentence = dataclasses.replace(funding._rules(), deal_cue=regex.compile(r"(?s:.)"))
    monkeypatch.setattr(funding, "_rules", lambda: every_sentence)
    ungated = [_deal_facts(text, published) for text, published in texts]
    changed = [text[:80] for (text, _), a, b in zip(texts, gated, ungated) if a != b]
    assert not changed, f"{len(changed)} texts gave other deals with every sentence read: {changed[:3]}"
    assert sum(map(len, gated)) > 400  # the texts do hold deals: the comparison is not vacuous
