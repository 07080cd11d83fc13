"""Cleaning: raw page text → Simplified, normalised clean_text with an offset map back to raw.

Steps, in order:
1. line breaks to "\\n";
2. OpenCC to Simplified, character for character so no offset moves: Taiwan-style text goes
   through tw2s (看著 → 看着, 麻痺 → 麻痹), every text through hk2s (t2s plus Hong Kong
   variants, 衞 → 卫). tw2s is kept off Simplified text, where it breaks 显著 into 显着;
   tw2sp is never used: it rewrites words (軟體 → 软件) and moves offsets;
3. full-width ASCII folded to half-width, odd spaces to " " (also in place);
4. pinyin readings, footnote marks ([18]) and lottery spam removed inside lines (kept in `normalized`, which metadata
   reads), then the document's header and page-chrome lines, trailing link lists and the
   footers stacked at its end (rules in rules/cleaning.toml);
5. whitespace: spaces next to Chinese text removed ("7 月 6 日" → "7月6日"), other runs
   collapsed, empty lines dropped (a line is a paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
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


def _convert_in_place(config: str, text: str) -> str:
    converted = _converter(config).convert(text)
    if len(converted) != len(text):  # a phrase of another length: offsets depend on it, go per char
        converted = "".join(_converter(config).convert(ch) or ch for ch in text)
    return converted


@cache
def _kept_in_simplified() -> re.Pattern[str] | None:
    keep = rules.load("cleaning").get("script", {}).get("keep_in_simplified", [])
    return re.compile(f"[{re.escape(''.join(keep))}]") if keep else None


def to_simplified(text: str, script: Script = "hans") -> str:
    """Simplified text of the same length (see the module docstring for the OpenCC configs). In a
    Simplified document the characters Simplified also writes (乾明资本, 乾照光电) stay as they are:
    OpenCC would make them 干."""
    if script == "hant":
        text = _convert_in_place("tw2s", text)
    elif not _hk2s_changes().search(text):
        return text  # nothing hk2s would change (most Simplified articles): skip the conversion
    converted = _convert_in_place("hk2s", text)
    kept = _kept_in_simplified() if script == "hans" else None
    if kept is not None and converted != text and kept.search(text):
        chars = list(converted)
        for m in kept.finditer(text):
            chars[m.start()] = m.group(0)
        converted = "".join(chars)
    return converted


@cache
def _script_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of what t2s changes (Traditional-only characters) and what s2t changes
    (Simplified-only ones), read once from OpenCC over the CJK blocks. The standard re module:
    counting matches of a plain class is its fastest path."""
    han = "".join(chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)))
    # s2t is needed for this one reading only: not cached, its ~25 MB of tables go with it
    t2s, s2t = _converter("t2s").convert(han), opencc.OpenCC("s2t").convert(han)
    traditional = "".join(a for a, b in zip(han, t2s) if a != b)
    simplified = "".join(a for a, b in zip(han, s2t) if a != b)
    return re.compile(f"[{re.escape(traditional)}]"), re.compile(f"[{re.escape(simplified)}]")


@cache
def _hk2s_changes() -> re.Pattern[str]:
    """The characters hk2s changes on their own, over the CJK blocks (its phrase table only
    rewrites phrases holding one of them)."""
    han = "".join(chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)))
    converted = _converter("hk2s").convert(han)
    return re.compile("[" + re.escape("".join(a for a, b in zip(han, converted) if a != b)) + "]")


def _simplified_enough(traditional: int) -> int:
    """The fewest Simplified characters for which `traditional <= 0.15 * marked` holds (the
    product grows with marked, so it holds for every count above too)."""
    simplified = max(int(traditional * 0.85 / 0.15) - 2, 0)
    while traditional > 0.15 * (traditional + simplified):
        simplified += 1
    return simplified


def detect_script(raw: str) -> Script:
    """'hant', 'hans' or 'mixed', from how many characters t2s and s2t would change."""
    traditional_only, simplified_only = _script_classes()
    traditional = len(traditional_only.findall(raw))
    if traditional == 0:
        return "hans"  # (fewer than 5 marks, or none of them Traditional: the test below)
    # Simplified characters are counted only until there are enough of them to make the page
    # Simplified whatever follows (traditional <= 0.15 * marked holds from there on): a
    # Simplified page, most of the corpus, stops after a few instead of listing thousands.
    enough = _simplified_enough(traditional)
    simplified = 0
    for _ in simplified_only.finditer(raw):
        simplified += 1
        if simplified >= enough:
            return "hans"
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


# The characters _WIDTH maps, for one scan that lists those a text holds: a page holds a few
# of them (，：（）) many times, and replacing each in turn is ~3x faster than a translate that
# looks every character up.
_WIDE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_WIDTH)) + "]")
_WIDTH_CHARS = {chr(code): chr(folded) for code, folded in _WIDTH.items()}


def fold_width(text: str) -> str:
    # (no character maps to another one _WIDTH maps, so the order of the replacements is free)
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, _WIDTH_CHARS[wide])
    return text


# Kangxi radicals (⾦ U+2FA6) and CJK compatibility ideographs (U+F900–U+FAFF) that stand for
# an ordinary character one for one: text copied out of PDFs is full of them (张科垚坤基⾦,
# 融資⾦額), and no word, name or rule matches them. Folded before script conversion, so a
# Traditional one (⾨) is simplified like any other character.
_RADICALS = {code: ord(unicodedata.normalize("NFKC", chr(code)))
             for block in (range(0x2F00, 0x2FD6), range(0xF900, 0xFB00))
             for code in block
             if len(unicodedata.normalize("NFKC", chr(code))) == 1 and unicodedata.normalize("NFKC", chr(code)) != chr(code)}


_HAS_RADICAL = re.compile("[\u2f00-\u2fd5\uf900-\ufaff]")


def fold_radicals(text: str) -> str:
    # A dict translate looks up every character: scan for one of them first (most texts hold none).
    return text.translate(_RADICALS) if _HAS_RADICAL.search(text) else text


# --- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _JunkRules:
    drop_line: regex.Pattern[str]
    max_line_chars: int
    truncate_at: regex.Pattern[str]
    trailing_list: regex.Pattern[str]
    min_chars_before_truncate: int
    head: regex.Pattern[str]
    head_max_chars: int
    tail: regex.Pattern[str]
    tail_window: int
    tail_max_share: float
    spam: regex.Pattern[str]
    spam_strong: re.Pattern[str]  # the standard re: only whether one occurs matters, and re scans a literal alternation ~4x faster
    spam_words: regex.Pattern[str]
    spam_alone: frozenset[str]
    pinyin: regex.Pattern[str]
    citation: regex.Pattern[str]
    citation_before_bullet: regex.Pattern[str]


def _words(entry: dict) -> list[str]:
    """A table's words in the form cleaning sees them (Traditional ones after conversion)."""
    return sorted({fold_width(to_simplified(word, "hant")) for word in rules.forms(entry)})


@cache
def _junk_rules() -> _JunkRules:
    table = rules.load("cleaning")
    lines = table["drop_line"]
    line_patterns = [
        rf"^{rules.alternation(_words(lines['labels']))}\s*[:|]",
        rf"^{rules.alternation(_words(lines['whole']))}\s*$",
        *rules.forms(lines["patterns"]),
    ]
    headings = rules.alternation(_words(table["truncate_at"]["headings"]))
    strong = _words(table["spam"]["strong"])
    weak = _words(table["spam"]["weak"])
    word = rf"(?:{rules.alternation(strong + weak)}|(?:19|20)\d\d年|\d{{1,8}}%?)"
    return _JunkRules(
        drop_line=regex.compile(rules.alternation_of_patterns(line_patterns)),
        max_line_chars=lines["max_line_chars"],
        truncate_at=regex.compile(rf"^{headings}\s*(?::.{{0,40}})?$"),
        # on a one-line page the list heading sits inside the line: "…相关链接:标题一标题二"
        trailing_list=regex.compile(rf"{headings}\s*:[^。!?\n]{{0,300}}\Z", regex.REVERSE),
        min_chars_before_truncate=table["truncate_at"]["min_chars_before"],
        head=regex.compile(rules.alternation_of_patterns(table["head"]["patterns"])),
        head_max_chars=table["head"]["max_chars"],
        # Searched backwards from the end: only matches that end there matter.
        tail=regex.compile(rf"{rules.alternation_of_patterns(table['tail']['patterns'])}\s*\Z", regex.REVERSE),
        tail_window=table["tail"]["window"],
        tail_max_share=table["tail"]["max_share"],
        # A run of spam words (a space between them allowed) holding at least one strong word.
        spam=regex.compile(rf"(?:{word} ?)*?{rules.alternation(strong)}(?: ?{word})*"),
        spam_strong=re.compile(rules.alternation(strong)),
        spam_words=regex.compile(word),
        spam_alone=frozenset(_words(table["spam"]["alone"])),
        pinyin=regex.compile(table["pinyin"]["pattern"]),
        citation=regex.compile(table["citation"]["pattern"]),
        citation_before_bullet=regex.compile(table["citation"]["before_bullet"]),
    )


# --- edits -------------------------------------------------------------------------------------


def _line_spans(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def spam_edits(text: str) -> list[Edit]:
    """Runs of lottery-spam vocabulary: two words or more, or one word that only spam uses."""
    junk = _junk_rules()
    edits: list[Edit] = []
    if not junk.spam_strong.search(text):
        return edits  # no strong word, no run: skip the pattern that tries a run at every character
    for m in junk.spam.finditer(text):
        words = [w for w in junk.spam_words.findall(m.group(0)) if not w[0].isdigit()]
        if len(words) >= 2 or (words and words[0] in junk.spam_alone):
            edits.append((m.start(), m.end(), ""))
    return edits


def head_edits(text: str) -> list[Edit]:
    """The header a one-line page starts with ("2023-08-02 16:23,正文:")."""
    junk = _junk_rules()
    m = junk.head.match(text)
    if m and 0 < m.end() <= junk.head_max_chars:
        return [(0, m.end(), "")]
    return []


def chrome_edits(text: str) -> list[Edit]:
    """Edits removing page-chrome lines, short lines repeated (a title stuffed in again and
    again), and trailing link lists."""
    junk = _junk_rules()
    edits: list[Edit] = []
    seen_short: set[str] = set()
    for start, end, line in _line_spans(text):
        stripped = line.strip()
        if not stripped:
            continue
        if start >= junk.min_chars_before_truncate and junk.truncate_at.search(stripped):
            edits.append((start, len(text), ""))
            break
        repeated = len(stripped) <= 60 and stripped in seen_short
        if repeated or (len(stripped) <= junk.max_line_chars and junk.drop_line.search(stripped)):
            edits.append((start, min(end + 1, len(text)), ""))
        elif len(stripped) <= 60:
            seen_short.add(stripped)
    return edits


def tail_edits(text: str) -> list[Edit]:
    """Footers stacked at the end of a document, peeled off one by one from the end."""
    junk = _junk_rules()
    end = len(text.rstrip())
    floor = int(len(text) * (1 - junk.tail_max_share))
    while end > floor:
        lo = max(floor, end - junk.tail_window)
        m = junk.tail.search(text, lo, end) or junk.trailing_list.search(text, max(lo, junk.min_chars_before_truncate), end)
        if m is None or m.start() >= end:
            break
        end = len(text[: m.start()].rstrip())
    return [(end, len(text), "")] if end < len(text) else []


def _display_width(line: str) -> int:
    """Columns a line takes on a page: two for a Chinese character, one for ASCII (the ASCII
    count by a C-speed encode: this runs over every line of every document)."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


# A line a PDF export wrapped ends where the page did, not where the sentence did: no closing
# punctuation, and the next line goes on with text (not a list item or a heading of its own).
_WRAP_NEEDS_NO_END = regex.compile(r"[。！？!?；;：:…”」』)）】]\s*$")
_WRAP_CONTINUES = regex.compile(r"(?!\p{Han}{2,6}[:：])(?![\d一二三四五六七八九十]+[、.．)）]|[(（][\d一二三四五六七八九十]+[)）]|[•·\-—*★■●◆])[\p{Han}A-Za-z0-9“”\"(（,，、]")
_ENDS_WITH_DATE = regex.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$")


def hard_wrap_edits(text: str) -> list[Edit]:
    """Line breaks inside sentences of a hard-wrapped page (a filing copied from its PDF:
    …收购福州四九八网络科技有⏎限公司90%股权): joined, so sentences and names are whole again.
    A page counts as hard-wrapped when its longest lines end near one width, many of them
    without closing punctuation; a news page's long lines are paragraphs, which close."""
    if text.count("\n") < 6:
        return []
    lines: list[tuple[int, str, int]] = []  # (where the line starts, the line, its width)
    start = 0
    for line in text.split("\n"):
        lines.append((start, line, _display_width(line.strip())))
        start += len(line) + 1
    widths = sorted(w for _, _, w in lines if w >= 40)
    if len(widths) < 6:
        return []
    full = widths[int(len(widths) * 0.9)]  # the page's width (a few lines may run over it)
    near_full = [(s, line) for s, line, w in lines if w >= full * 0.8]
    wrapped = [(s, line) for s, line in near_full if not _WRAP_NEEDS_NO_END.search(line)]
    if full > 120 or len(wrapped) < 3 or len(wrapped) < 0.4 * len(near_full):
        return []
    edits: list[Edit] = []
    for s, line in wrapped:
        end = s + len(line)
        if s == 0 or _ENDS_WITH_DATE.search(line):
            continue  # a title, a dated line: lines of their own
        if end < len(text) and _WRAP_CONTINUES.match(text, end + 1):
            edits.append((end, end + 1, ""))
    return edits


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
    normalized: str  # after conversion, width folding and inline junk, before lines are dropped (for metadata)
    script: Script
    chars_removed: int

    @property
    def text(self) -> str:
        return self.mapped.text


# Zero-width characters (and a byte-order mark inside the text) are invisible: they go, so
# words and numbers they split are whole again.
_ZERO_WIDTH = regex.compile("[\u200b\u200c\u200d\u2060\ufeff]+")


def clean(raw: str) -> Cleaned:
    script = detect_script(raw)
    mapped = MappedText(raw=raw, text=raw)
    mapped.edit(regex_edits(_NEWLINES, mapped.text, "\n"))
    mapped.edit(regex_edits(_ZERO_WIDTH, mapped.text))  # 60\u200b0亿: one number again
    mapped.replace_same_length(fold_width(to_simplified(fold_radicals(mapped.text), script)))
    # Inline junk goes first: pinyin readings sit inside words and spam inside lines, and
    # both would hide metadata and chrome lines from the line rules.
    junk = _junk_rules()
    mapped.edit(regex_edits(junk.pinyin, mapped.text))
    mapped.edit(regex_edits(junk.citation_before_bullet, mapped.text, "\n"))
    mapped.edit(regex_edits(junk.citation, mapped.text))
    mapped.edit(spam_edits(mapped.text))
    normalized = mapped.text
    mapped.edit(head_edits(mapped.text) + chrome_edits(mapped.text))
    mapped.edit(tail_edits(mapped.text))
    mapped.edit(regex_edits(_SPACES, mapped.text))
    mapped.edit(regex_edits(_BLANK_LINES, mapped.text))
    mapped.edit(hard_wrap_edits(mapped.text))
    return Cleaned(
        mapped=mapped,
        normalized=normalized,
        script=script,
        chars_removed=max(len(raw) - len(mapped.text), 0),
    )
