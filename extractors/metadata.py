"""Page metadata (title, publication time, author, source) read from the patterns real pages use.

Runs on the normalised text (after t2s and width folding, before chrome removal), because the
header and byline lines that carry metadata are exactly what cleaning throws away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

import regex

from extractors import rules


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    source_name: str | None = None


@dataclass(frozen=True)
class _MetaRules:
    published_labelled: list[regex.Pattern[str]]
    published_line_start: list[regex.Pattern[str]]
    title: list[regex.Pattern[str]]
    author: list[regex.Pattern[str]]
    source: list[regex.Pattern[str]]
    generic_sources: frozenset[str]
    head_lines: int
    tail_lines: int


@cache
def _rules() -> _MetaRules:
    t = rules.load("metadata")
    compile_all = lambda key: [regex.compile(p, regex.MULTILINE) for p in t[key]]  # noqa: E731
    return _MetaRules(
        published_labelled=compile_all("published_labelled"),
        published_line_start=compile_all("published_line_start"),
        title=compile_all("title"),
        author=compile_all("author"),
        source=compile_all("source"),
        generic_sources=frozenset(t["generic_sources"]),
        head_lines=t["head_lines"],
        tail_lines=t["tail_lines"],
    )


def _timestamp(m: regex.Match[str]) -> datetime | None:
    g = m.groupdict()
    try:
        return datetime(
            int(g["y"]), int(g["m"]), int(g["d"]),
            int(g.get("H") or 0), int(g.get("M") or 0), int(g.get("S") or 0),
        )
    except (ValueError, TypeError):
        return None


def _published(head: str, r: _MetaRules) -> datetime | None:
    for pattern in r.published_labelled + r.published_line_start:
        for m in pattern.finditer(head):
            stamp = _timestamp(m)
            if stamp is not None and 1990 <= stamp.year <= 2100:
                return stamp
    return None


def _first_group(patterns: list[regex.Pattern[str]], text: str, name: str) -> str | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = (m.groupdict().get(name) or "").strip()
            if value:
                return value
    return None


_METADATA_LINE = regex.compile(r"(?:来源|发布日期|发布时间|更新时间|作者|编辑|浏览)\s*[:|]|^\s*\[?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_SENTENCE_END = regex.compile(r"[。!?？！]$|[。]")


def _title_from_layout(lines: list[str]) -> str | None:
    """The line just above the page's metadata line, else a short first line that is no sentence."""
    for i, line in enumerate(lines):
        if _METADATA_LINE.search(line) and i > 0:
            candidate = lines[i - 1].strip()
            if 2 <= len(candidate) <= 60 and not _METADATA_LINE.search(candidate):
                return candidate
            break
    if len(lines) > 1:
        first = lines[0].strip()
        if 4 <= len(first) <= 50 and not _SENTENCE_END.search(first) and not _METADATA_LINE.search(first):
            return first
    return None


def _squash(value: str | None) -> str | None:
    """Titles keep Latin spacing but lose spaces next to Chinese characters."""
    if value is None:
        return None
    value = regex.sub(r"(?<=[\p{Han}“”\"?,:])\s+|\s+(?=[\p{Han}“”\"?,:])", "", value.strip())
    return value or None


def read_metadata(normalized: str) -> PageMeta:
    r = _rules()
    lines = [line for line in normalized.split("\n") if line.strip()]
    head = "\n".join(lines[: r.head_lines])
    tail = "\n".join(lines[-r.tail_lines :])
    edges = head + "\n" + tail

    title = _first_group(r.title, "\n".join(lines), "title") or _title_from_layout(lines[: r.head_lines])
    author = _first_group(r.author, edges, "author")
    source = _first_group(r.author, edges, "source") or _first_group(r.source, edges, "source")
    if source:
        source = regex.sub(r"(?i)\s*app$", "", source).strip()
        if source in r.generic_sources:
            source = None
    return PageMeta(
        title=_squash(title),
        published_at=_published(head, r),
        author=author,
        source_name=source or None,
    )
