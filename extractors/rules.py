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
from functools import cache
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
