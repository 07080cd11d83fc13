"""The rule tables' shared helpers (extractors.rules)."""

from __future__ import annotations

import regex

from extractors import rules


def _flat(words: list[str]) -> str:
    """The plain longest-first alternation the trie must behave like."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in unique) + ")"


WORDS = ["表示", "表明", "表示说", "说", "说道", "指出", "指", "a.b", "a", "(x)", "表"]
TEXTS = ["他表示说，", "他表示，", "表明了", "说道说", "指出指", "a.b a x (x)", "表表示", "axb", ""]


def test_alternation_is_a_trie_over_shared_prefixes() -> None:
    pattern = rules.alternation(["表示", "表明"])
    assert pattern == "(?:表(?:明|示))"


def test_alternation_matches_what_the_flat_longest_first_alternation_matches() -> None:
    trie, flat = regex.compile(rules.alternation(WORDS)), regex.compile(_flat(WORDS))
    for text in TEXTS:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text
    # Inside a larger pattern, backtracking into a shorter word works the same way.
    trie_then, flat_then = (regex.compile(p + "说") for p in (rules.alternation(WORDS), _flat(WORDS)))
    for text in ["表示说", "表示说说", "说道说", "指说"]:
        assert [m.span() for m in trie_then.finditer(text)] == [m.span() for m in flat_then.finditer(text)], text


def test_alternation_of_nothing_matches_the_empty_string() -> None:
    assert regex.fullmatch(rules.alternation([]), "")
    assert regex.fullmatch(rules.alternation(["", ""]), "")
