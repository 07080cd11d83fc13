"""Page metadata (title, publication time, author, source) read from the patterns real pages use.

Runs on the normalised text (after conversion and width folding, before chrome removal),
because the header and byline lines that carry metadata are exactly what cleaning throws away.
A page is read in parts (rules/metadata.toml says which): a publication time only from its
header, bylines only from its edges, so a date or a "记者" in the body is never taken for one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    published: list[regex.Pattern[str]]
    published_line: list[regex.Pattern[str]]
    title: list[regex.Pattern[str]]
    original_title_label: regex.Pattern[str]
    title_ends: regex.Pattern[str]
    title_max_chars: int
    author: list[regex.Pattern[str]]
    source: list[regex.Pattern[str]]
    generic_sources: frozenset[str]
    head_lines: int
    head_line_chars: int
    lead_chars: int
    tail_chars: int


@cache
def _rules() -> _MetaRules:
    t = rules.load("metadata")

    def compile_all(key: str) -> list[regex.Pattern[str]]:
        return [regex.compile(p.replace("{date}", t["date"]), regex.MULTILINE) for p in t[key]]

    return _MetaRules(
        published=compile_all("published"),
        published_line=compile_all("published_line"),
        title=compile_all("title"),
        original_title_label=regex.compile(t["original_title_label"]),
        title_ends=regex.compile(rules.alternation_of_patterns(t["title_ends"])),
        title_max_chars=t["title_max_chars"],
        author=compile_all("author"),
        source=compile_all("source"),
        generic_sources=frozenset(t["generic_sources"]),
        head_lines=t["head_lines"],
        head_line_chars=t["head_line_chars"],
        lead_chars=t["lead_chars"],
        tail_chars=t["tail_chars"],
    )


@dataclass(frozen=True, slots=True)
class _Parts:
    header: str  # the page header: metadata lines, or a one-line page's text before "正文:"
    one_line_header: bool
    lead: str  # the start of the body
    tail: str  # the end of the page
    lines: list[str]


_BODY_MARK = regex.compile(r"^[^\n]{0,400}?,?\s*正文\s*:\s*")


def _parts(normalized: str, r: _MetaRules) -> _Parts:
    lines = [line.strip() for line in normalized.split("\n") if line.strip()]
    marked = _BODY_MARK.match(normalized)
    if marked:
        body = normalized[marked.end():]
        return _Parts(normalized[: marked.end()], True, body[: r.lead_chars], body[-r.tail_chars:], lines)
    head = "\n".join(line[: r.head_line_chars] for line in lines[: r.head_lines])
    return _Parts(head, False, "\n".join(lines)[: r.lead_chars], "\n".join(lines)[-r.tail_chars:], lines)


def _timestamp(m: regex.Match[str]) -> datetime | None:
    g = m.groupdict()
    try:
        year = int(g["y"])
        year += 2000 if year < 100 else 0
        stamp = datetime(year, int(g["m"]), int(g["d"]), int(g.get("H") or 0), int(g.get("M") or 0), int(g.get("S") or 0))
    except (ValueError, TypeError):
        return None
    return stamp if 1990 <= stamp.year <= 2100 else None


def _finditer(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text), skipping the scan where the text lacks every word a match needs
    (the "…报记者 X" byline, say, would try a lazy run of Han characters at every position)."""
    return pattern.finditer(text) if rules.may_match(pattern, text) else iter(())


def _published(parts: _Parts, r: _MetaRules) -> datetime | None:
    labelled, bare = r.published[:1], r.published[1:]
    patterns = labelled + (bare if parts.one_line_header else r.published_line)
    for pattern in patterns:
        for m in _finditer(pattern, parts.header):
            stamp = _timestamp(m)
            if stamp is not None:
                return stamp
    return None


def _first_group(matches: Iterable[Iterable[regex.Match[str]]], name: str) -> str | None:
    """The first non-empty `name` group over each pattern's matches, in order."""
    for found in matches:
        for m in found:
            value = (m.groupdict().get(name) or "").strip()
            if value:
                return value
    return None


def _matches(patterns: list[regex.Pattern[str]], text: str) -> Iterator[Iterator[regex.Match[str]]]:
    return (_finditer(pattern, text) for pattern in patterns)  # lazy: the first hit ends the search


def original_title(text: str) -> tuple[int, int] | None:
    """The span of the title after "原标题:" near the start of a text, where the title runs
    into the body without a break: it ends at the first sign of a body (a dateline, a
    timestamp, a usual first phrase) or where the body restates the title's first words."""
    r = _rules()
    label = r.original_title_label.search(text, 0, 400)
    if label is None:
        return None
    start = label.end()
    window = text[start : start + r.title_max_chars + 40]
    ends = [m.start() for m in r.title_ends.finditer(window, 4) if 4 <= m.start() <= r.title_max_chars]
    # "寿林芬:保护近代文献 赓续中华文脉寿林芬,祖籍绍兴…": the body opens with the title's subject.
    opening = window[:3]
    again = window.find(opening, 6) if len(opening) == 3 and opening.strip() == opening else -1
    if 6 <= again <= r.title_max_chars:
        ends.append(again)
    if not ends:
        return None
    end = min(ends)
    if "。" in window[:end]:  # a sentence went by: the end found is the body's, not the title's
        return None
    while end > 0 and window[end - 1] in " ,:|":
        end -= 1
    return (start, start + end) if end >= 4 else None


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


def _title(normalized: str, parts: _Parts, r: _MetaRules) -> str | None:
    found = _first_group(_matches(r.title, normalized), "title")
    if found:
        return found
    body = normalized[len(parts.header):] if parts.one_line_header else normalized
    span = original_title(body)
    if span:
        return body[span[0] : span[1]]
    return _title_from_layout(parts.lines[: r.head_lines])


_SPACE_BY_HAN = regex.compile(r"(?<=[\p{Han}“”\"?,:!|])\s+|\s+(?=[\p{Han}“”\"?,:!|])")
_APP_SUFFIX = regex.compile(r"(?i)\s*app$")


def _squash(value: str | None) -> str | None:
    """Titles keep Latin spacing but lose spaces next to Chinese characters."""
    if value is None:
        return None
    value = _SPACE_BY_HAN.sub("", value.strip())
    return value or None


def read_metadata(normalized: str) -> PageMeta:
    r = _rules()
    parts = _parts(normalized, r)
    edges = "\n".join((parts.header, parts.lead, parts.tail))
    bylines = [list(_finditer(p, edges)) for p in r.author]  # read once: they give author and source
    author = _first_group(bylines, "author")
    source = _first_group(bylines, "source") or _first_group(_matches(r.source, edges), "source")
    if source:
        source = _APP_SUFFIX.sub("", source).strip()
        if source in r.generic_sources:
            source = None
    return PageMeta(
        title=_squash(_title(normalized, parts, r)),
        published_at=_published(parts, r),
        author=author,
        source_name=source or None,
    )
