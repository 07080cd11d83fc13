"""Text with an offset map back to the raw text, and sentence boundaries.

Cleaning deletes and rewrites parts of the raw text. Every such edit is recorded as a stage
mapping positions of the new text to the old one, so a fact found in clean_text can always
be pointed at in raw_text (raw_span_start/raw_span_end). Length-preserving steps (OpenCC t2s,
full-width folding) need no stage at all.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import regex

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True, slots=True)
class Stage:
    """Maps positions of one text onto the text it was made from.

    Piece i covers new[new_starts[i]:new_starts[i+1]] and came from old[old_starts[i]:];
    a copied piece maps one to one, a replacement maps every position to its old start
    (clamped to the replaced length).
    """

    new_starts: list[int]
    old_starts: list[int]
    old_lengths: list[int]
    copied: list[bool]

    def to_old(self, pos: int) -> int:
        i = bisect.bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        offset = pos - self.new_starts[i]
        if self.copied[i]:
            return self.old_starts[i] + offset
        return self.old_starts[i] + min(offset, max(self.old_lengths[i] - 1, 0))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, Stage | None]:
    """Apply non-overlapping edits (sorted by start); returns the new text and its stage."""
    out: list[str] = []
    new_starts: list[int] = []
    old_starts: list[int] = []
    old_lengths: list[int] = []
    copied: list[bool] = []
    pos = new_pos = 0
    any_edit = False
    for start, end, replacement in edits:
        if start < pos:  # overlapping edit: the earlier one wins
            continue
        any_edit = True
        if start > pos:
            out.append(text[pos:start])
            new_starts.append(new_pos)
            old_starts.append(pos)
            old_lengths.append(start - pos)
            copied.append(True)
            new_pos += start - pos
        if replacement:
            out.append(replacement)
            new_starts.append(new_pos)
            old_starts.append(start)
            old_lengths.append(end - start)
            copied.append(len(replacement) == end - start)
            new_pos += len(replacement)
        pos = end
    if not any_edit:
        return text, None
    if pos < len(text):
        out.append(text[pos:])
        new_starts.append(new_pos)
        old_starts.append(pos)
        old_lengths.append(len(text) - pos)
        copied.append(True)
        new_pos += len(text) - pos
    # A sentinel so positions at the very end (exclusive span ends) map past the last char.
    new_starts.append(new_pos)
    old_starts.append(len(text))
    old_lengths.append(0)
    copied.append(True)
    return "".join(out), Stage(new_starts, old_starts, old_lengths, copied)


def regex_edits(pattern: regex.Pattern[str], text: str, replace: str | Callable[[regex.Match[str]], str] = "") -> list[Edit]:
    """Edits that replace every match of `pattern` (with a string or a function of the match)."""
    edits: list[Edit] = []
    for m in pattern.finditer(text):
        new = replace(m) if callable(replace) else replace
        if new != m.group(0):
            edits.append((m.start(), m.end(), new))
    return edits


@dataclass(slots=True)
class MappedText:
    """A text derived from a raw text through recorded stages."""

    raw: str
    text: str
    stages: list[Stage] = field(default_factory=list)

    def edit(self, edits: list[Edit]) -> int:
        """Apply edits to the current text; returns how many characters were removed."""
        if not edits:
            return 0
        before = len(self.text)
        new_text, stage = apply_edits(self.text, sorted(edits))
        if stage is not None:
            self.text = new_text
            self.stages.append(stage)
        return max(before - len(self.text), 0)

    def replace_same_length(self, new_text: str) -> None:
        """A character-for-character rewrite (OpenCC t2s, width folding): no stage needed."""
        if len(new_text) != len(self.text):
            raise ValueError("replace_same_length needs a text of the same length")
        self.text = new_text

    def to_raw(self, pos: int) -> int:
        for stage in reversed(self.stages):
            pos = stage.to_old(pos)
        return pos

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of clean_text[start:end]."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


# --- sentences -------------------------------------------------------------------------------

# A sentence ends at 。！？!? (with closing quotes that follow) or at a line break.
_SENTENCE = regex.compile(r"[^\n。！？!?]*(?:[。！？!?…]+[”’」』）)]*|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence; spans exclude the line break itself."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        if end > start and text[end - 1] == "\n":
            end -= 1
        # An ASCII quote right after the full stop closes the sentence's quotation.
        if end < len(text) and text[end] == '"' and end > start and text[end - 1] in "。！？!?…":
            if end + 1 == len(text) or text[end + 1] == "\n":
                end += 1
        while start < end and text[start] in " \t":
            start += 1
        if end > start and text[start:end].strip():
            if spans and spans[-1][1] > start:  # the quote we pulled in above
                start = spans[-1][1]
                if start >= end:
                    continue
            spans.append((start, end))
    return spans


class Sentences:
    """Sentence lookup by position."""

    def __init__(self, text: str):
        self.text = text
        self.spans = split_sentences(text)
        self._starts = [s for s, _ in self.spans]

    def index_at(self, pos: int) -> int:
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentences that a text span touches."""
        if not self.spans:
            return 0, len(self.text)
        first = self.spans[self.index_at(start)]
        last = self.spans[self.index_at(max(end - 1, start))]
        return first[0], max(last[1], end)

    def evidence(self, start: int, end: int) -> str:
        s, e = self.covering(start, end)
        return self.text[s:e]

    def __iter__(self):
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
