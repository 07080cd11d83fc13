"""Cleaning: raw page text → Simplified, normalised clean_text with an offset map back to raw.

Steps, in order:
1. line breaks to "\\n";
2. OpenCC t2s (character for character, so no offsets move);
3. full-width ASCII folded to half-width, odd spaces to " " (also in place);
4. pinyin annotations and lottery spam removed inside lines, then page-chrome lines and
   trailing link lists dropped (rules in rules/cleaning.toml);
5. whitespace: spaces next to Chinese text removed ("7 月 6 日" → "7月6日"), other runs
   collapsed, empty lines dropped (a line is a paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import opencc
import regex

from extractors import rules
from extractors.text import Edit, MappedText, regex_edits

Script = str  # 'hans' | 'hant' | 'mixed'


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """OpenCC t2s; it maps character for character, which keeps every offset in place."""
    converted = _converter("t2s").convert(text)
    if len(converted) != len(text):  # never seen, but offsets depend on it: convert per char
        converted = "".join(_converter("t2s").convert(ch) or ch for ch in text)
    return converted


def detect_script(raw: str) -> Script:
    """'hant', 'hans' or 'mixed', from how many characters t2s and s2t would change."""
    traditional = sum(a != b for a, b in zip(raw, _converter("t2s").convert(raw)))
    simplified = sum(a != b for a, b in zip(raw, _converter("s2t").convert(raw)))
    marked = traditional + simplified
    if marked < 5 or traditional <= 0.15 * marked:
        return "hans"
    if traditional >= 0.85 * marked:
        return "hant"
    return "mixed"


# Full-width ASCII (！ to ～) to half-width; ideographic and other odd spaces to a plain space.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x200B: 0x20, 0xFEFF: 0x20})
_WIDTH.update({0xFF61: ord("。"), 0xFF64: ord("、")})


def fold_width(text: str) -> str:
    return text.translate(_WIDTH)


@dataclass(frozen=True)
class _JunkRules:
    drop_line: regex.Pattern[str]
    max_line_chars: int
    truncate_at: regex.Pattern[str]
    min_chars_before_truncate: int
    spam: regex.Pattern[str]
    pinyin: regex.Pattern[str]


@cache
def _junk_rules() -> _JunkRules:
    table = rules.load("cleaning")
    strong = rules.alternation(table["spam"]["strong"])
    weak = rules.alternation(table["spam"]["weak"])
    token = rf"(?:{strong}|{weak}|\d{{1,4}})"
    return _JunkRules(
        drop_line=regex.compile(rules.alternation_of_patterns(table["drop_line"]["patterns"])),
        max_line_chars=table["drop_line"]["max_line_chars"],
        truncate_at=regex.compile(rules.alternation_of_patterns(table["truncate_at"]["patterns"])),
        min_chars_before_truncate=table["truncate_at"]["min_chars_before"],
        # A run of spam vocabulary that contains at least one strong token.
        spam=regex.compile(rf"(?:{token}\s?)*?{strong}(?:\s?{token})*"),
        pinyin=regex.compile(table["pinyin"]["pattern"]),
    )


_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’…—·《》「」『』【】]"
_SPACES = regex.compile(
    rf"(?<={_CJK})[ \t]+|[ \t]+(?={_CJK})"  # next to Chinese text: spaces carry no meaning
    r"|^[ \t]+|[ \t]+$"  # line edges
    r"|[ \t]+(?=[,.;:?!)\]])|(?<=[(\[])[ \t]+"  # before closing / after opening punctuation
    r"|(?<=[ \t])[ \t]+",  # runs of spaces: keep the first
    regex.MULTILINE,
)
_BLANK_LINES = regex.compile(r"(?<=\n)\n+|^\n+|\n+$")


@dataclass(slots=True)
class Cleaned:
    mapped: MappedText
    normalized: str  # after t2s, width folding and inline junk, before lines are dropped (for metadata)
    script: Script
    chars_removed: int

    @property
    def text(self) -> str:
        return self.mapped.text


def _line_spans(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def chrome_edits(text: str) -> list[Edit]:
    """Edits removing page-chrome lines and trailing link lists."""
    junk = _junk_rules()
    edits: list[Edit] = []
    for start, end, line in _line_spans(text):
        stripped = line.strip()
        if not stripped:
            continue
        if start >= junk.min_chars_before_truncate and junk.truncate_at.search(stripped):
            edits.append((start, len(text), ""))
            break
        if len(stripped) <= junk.max_line_chars and junk.drop_line.search(stripped):
            edits.append((start, min(end + 1, len(text)), ""))
    return edits


def clean(raw: str) -> Cleaned:
    mapped = MappedText(raw=raw, text=raw)
    mapped.edit(regex_edits(_NEWLINES, mapped.text, "\n"))
    mapped.replace_same_length(fold_width(to_simplified(mapped.text)))
    # Inline junk goes first: pinyin readings sit inside words and spam inside lines, and
    # both would hide metadata and chrome lines from the line rules.
    junk = _junk_rules()
    mapped.edit(regex_edits(junk.pinyin, mapped.text))
    mapped.edit(regex_edits(junk.spam, mapped.text))
    normalized = mapped.text
    mapped.edit(chrome_edits(mapped.text))
    mapped.edit(regex_edits(_SPACES, mapped.text))
    mapped.edit(regex_edits(_BLANK_LINES, mapped.text))
    return Cleaned(
        mapped=mapped,
        normalized=normalized,
        script=detect_script(raw),
        chars_removed=max(len(raw) - len(mapped.text), 0),
    )
