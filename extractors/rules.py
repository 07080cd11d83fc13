"""Loads the rule tables (TOML files in extractors/rules/) that the extractors read.

Tables list Simplified forms under `hans` and Traditional forms under `hant` side by side.
Extractors read clean_text, which is already Simplified, so the Traditional forms matter only
where OpenCC leaves a variant unconverted; tests check that every `hant` entry converts to a
listed `hans` entry, which keeps the two columns honest.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import regex

RULES_DIR = Path(__file__).parent / "rules"


@cache
def load(name: str) -> dict[str, Any]:
    with open(RULES_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def forms(entry: dict[str, Any] | list[str] | str) -> list[str]:
    """All written forms of a table entry: its `hans` and `hant` lists (or a plain list)."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return list(entry)
    out: list[str] = []
    for key in ("hans", "hant"):
        value = entry.get(key, [])
        out.extend([value] if isinstance(value, str) else value)
    return out


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words that prefers the longest form, written as a trie
    (表示|表明 → 表(?:示|明)): the regex engine then tries one branch per character instead of
    every word at every position, ~3× faster on the cue lists. Two words can only both match at
    one position when one is a prefix of the other, and there the trie tries the longer first,
    so it matches exactly what the flat longest-first alternation matches."""
    root: dict[str, dict] = {}
    for word in {w for w in words if w}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_pattern(root) + ")" if root else "(?:)"


def _trie_pattern(node: dict[str, dict]) -> str:
    """The branches of a trie node, deepest first, with the word ending here (if any) last."""
    children = sorted(((ch, child) for ch, child in node.items() if ch), key=lambda item: (-_depth(item[1]), item[0]))
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in children]
    if "" in node:
        if not branches:
            return ""
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _depth(node: dict[str, dict]) -> int:
    return max((1 + _depth(child) if ch else 0) for ch, child in node.items())


def may_match(pattern: regex.Pattern[str], text: str) -> bool:
    """False only where `pattern` cannot match anywhere in `text`: for one of the sets of words
    every match holds one of (required_parts), the text holds none. A cheap test before a scan."""
    for words in _required_of(pattern):
        for word in words:  # (plain loops: this runs tens of thousands of times, generators cost twice)
            if word in text:
                break
        else:
            return False
    return True


# A test for the rarest-looking parts only: each further one costs a scan of the text.
_MAX_PARTS_TESTED = 3


@lru_cache(maxsize=None)
def _required_of(pattern: regex.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    if pattern.flags & (regex.IGNORECASE | regex.VERBOSE):
        return ()  # a literal may then match other text than itself
    return required_parts(pattern.pattern)[:_MAX_PARTS_TESTED]


_SPECIAL = set("\\.^$*+?{}[]()|")
_QUANTIFIERS = set("?*+{")


def required_parts(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Sets of words such that every match of `pattern` holds one word of each set, the
    rarest-looking set (longest shortest word) first. With one alternative, its required parts:
    runs of literal characters and groups (themselves read the same way) that no quantifier
    makes optional; with several, one set joining a set of each. Empty when some alternative
    has no part this simple reader can vouch for (inline flags, or only classes, escapes,
    lookarounds and optional parts). A text lacking every word of one set needs no search.

    Conservative by construction: anything it does not understand is skipped as "may match
    anything", and escapes never count as literals."""
    alternatives = _top_level_alternatives(pattern)
    if alternatives is None:
        return ()
    if len(alternatives) == 1:
        parts = _sequence_parts(alternatives[0])
    else:
        words: list[str] = []
        for alternative in alternatives:
            found = _sequence_parts(alternative)
            if not found:
                return ()  # this alternative may match without any word the others need
            words.extend(found[0])
        parts = [tuple(words)]
    # (a text holding 交易数量 holds 交易: the shorter word alone is the test)
    minimal = [tuple(w for w in dict.fromkeys(words) if not any(v != w and v in w for v in words)) for words in parts]
    return tuple(sorted(dict.fromkeys(minimal), key=lambda words: -min(len(w) for w in words)))


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """`pattern` split at its top-level | (classes, escapes and groups skipped)."""
    alternatives: list[str] = []
    start, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i = _escape_end(pattern, i)
            continue
        if ch in "[(":
            close = _class_end(pattern, i) if ch == "[" else _group_end(pattern, i)
            if close is None:
                return None
            i = close + 1
            continue
        if ch == "|":
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    return alternatives


def _group_body(body: str) -> str | None:
    """The pattern inside a group that its match must match: a plain, non-capturing, named or
    atomic group's. None for lookarounds, references, comments and conditionals (which put
    nothing into the match, or nothing this reader can vouch for)."""
    if not body.startswith("?"):
        return body
    for opening in ("?:", "?>"):
        if body.startswith(opening):
            return body[len(opening) :]
    if body.startswith(("?P<", "?<")) and not body.startswith(("?<=", "?<!")):
        close = body.find(">")
        return body[close + 1 :] if close >= 0 else None
    return None


def _sequence_parts(pattern: str) -> tuple[tuple[str, ...], ...]:
    """required_parts for a pattern with no top-level |."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            found.append(("".join(run),))
            run.clear()

    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            end_run()
            i = _escape_end(pattern, i)
            continue
        if ch == "{":  # a repeat count ({2,10}): its digits are no literal text
            if run:
                run.pop()
            end_run()
            close = pattern.find("}", i)
            if close < 0:
                return ()
            i = close + 1
            continue
        if ch == "[":
            end_run()
            close = _class_end(pattern, i)
            if close is None:
                return ()
            i = close + 1
            continue
        if ch == "(":
            end_run()
            close = _group_end(pattern, i)
            if close is None:
                return ()
            body = pattern[i + 1 : close]
            if body.startswith("?") and len(body) > 1 and (body[1].isalpha() and body[1] != "P" or body[1] == "-"):
                return ()  # inline flags ((?i), (?x)…) change what a literal matches
            optional = close + 1 < n and pattern[close + 1] in _QUANTIFIERS
            inner = None if optional else _group_body(body)
            if inner:
                found.extend(required_parts(inner))
            i = close + 1
            continue
        if ch in _SPECIAL:  # . ^ $ and quantifiers: what came before them may be optional
            if ch in _QUANTIFIERS and run:
                run.pop()
            end_run()
            i += 1
            continue
        if i + 1 < n and pattern[i + 1] in _QUANTIFIERS:
            end_run()  # an optional character ends the run without joining it
        else:
            run.append(ch)
        i += 1
    end_run()
    return tuple(sorted(found, key=lambda words: -min(len(w) for w in words)))  # the rarest-looking first


def _escape_end(pattern: str, start: int) -> int:
    """The index just past the escape at `start` (\\s, \\p{Han}, \\u3000, \\x41, \\N{…}, \\12)."""
    i = start + 1
    if i >= len(pattern):
        return i
    kind = pattern[i]
    i += 1
    if kind in "pPNxg" and i < len(pattern) and pattern[i] in "{<":
        close = pattern.find("}" if pattern[i] == "{" else ">", i)
        return close + 1 if close >= 0 else len(pattern)
    width = {"x": 2, "u": 4, "U": 8}.get(kind)
    if width is not None:
        return i + width
    if kind.isdigit():
        while i < len(pattern) and pattern[i].isdigit():
            i += 1
    return i


def _class_end(pattern: str, start: int) -> int | None:
    """The index of the ] closing the character class opened at `start`."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":  # a nested set (regex's V1 syntax): give up rather than guess
            return None
        if pattern[i] == "]":
            return i
        i += 1
    return None


def _group_end(pattern: str, start: int) -> int | None:
    """The index of the ) closing the group opened at `start` (classes and escapes skipped)."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = _class_end(pattern, i)
            if close is None:
                return None
            i = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def alternation_of_patterns(patterns: Iterable[str]) -> str:
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


@cache
def fingerprint() -> str:
    """A hash of every rule file, so a changed table re-extracts what it affects."""
    digest = hashlib.sha256()
    for path in sorted(RULES_DIR.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
