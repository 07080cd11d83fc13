"""Quotes: who said what.

1. Quotations are found by their marks: “ ” ‘ ’ 「 」 『 』 nest with a stack; ASCII " pair in
   order within a paragraph. A quote left open at a paragraph's end continues when the next
   paragraph opens with the same mark (the Chinese convention). Pages flattened to one line lose
   those breaks: a “ opening right after a sentence end inside an open “ starts the next
   paragraph of the same quote. A quote whose closing mark is lost ends with its paragraph, or at
   its first sentence end when the paragraph is long.
2. Each quotation is attributed by, in order: a speaker and cue before it in its sentence
   (X表示：“…”, X认为，…，“…”, 在X看来，“…”), a speaker and cue right after it (“…”X说。
   “…”，X补充道), or the speaker of the attributed quote or reported statement just before it
   (a continuation: at most one sentence between them), provided the quote reads like speech.
3. A quotation with no attribution is a term, title or slogan (scare quotes) and is dropped; so
   is one sitting inside a clause (以“平行时空”为主题, 坚持“房子是用来住的”定位) unless a cue
   stands right before it.
4. Reported speech without marks (张亚勤认为，大模型的出现…) is kept with direct = false.

Speaker phrases are split into name and title by extractors/quote_speakers.py; pronouns (他,
她, 其) and demonstratives (这位创始人) go to the nearest named person before them. Rules live in
rules/quotes.toml.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
from dataclasses import dataclass
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.quote_speakers import SpeakerName, is_org, is_titled_role, looks_like_person, person_mentions, split_speaker
from extractors.text import paragraphs
from models import Quote

OPEN_TO_CLOSE = {"“": "”", "「": "」", "『": "』", "‘": "’"}
OPENERS = "“「『\""
CLOSERS = set(OPEN_TO_CLOSE.values())
QUOTE_MARKS = regex.compile(r"[“”「」『』‘’\"]")
SENTENCE_END = "。！？!?"
SENTENCE_ENDS = regex.compile(r"[。！？!?]")
CLAUSE_PUNCTUATION = "，,。；;：:！？!?、…—\n"
# A speaker phrase starts after these: clause punctuation, a closing quote, or the bullets of
# image captions left in the text (▲图源…).
CLAUSE_STARTS_AFTER = "，,；;：:。！？!?\n”\"」▲■●◆★"
# A speaker phrase: no clause punctuation, but a short quoted nickname may sit inside it.
SPEAKER_CHARS = r"(?:[^，。；;！？!?,:：“”\"「」『』\n]|“[^“”\n]{1,12}”|[(（][^()（）\n]{1,40}[)）])"
SPEAKER_PHRASE = regex.compile(rf"{SPEAKER_CHARS}+")
# Reported speech opens a clause (after these) and says at least eight characters.
REPORTED_CLAUSE_STARTS = "。！？!?；;\n，,"
SENTENCE_CLOSED = {end + mark for end in SENTENCE_END for mark in "”」』\""}  # 。” ends a sentence too
CLAUSE_MARK = regex.compile(r"[，,。！？!?；;…]")
AFTER_CLAUSE = regex.compile(r"[,，:：][^。！？!?]*")  # X表示,…,“…”
ONE_CLAUSE = regex.compile(r"[^。！？!?,，]{1,40}[,，:：]\s*")  # X直言AIGC最大的是数字人,“…”
SHORT_HAN = regex.compile(r"\p{Han}{1,4}")
STOPS = regex.compile(r"[。！？!?\n]")
# (greedy: the run cannot pass a stop, so it ends where a lazy one would, in one tight loop)
REPORTED_CONTENT = regex.compile(r"[^。！？!?\n]{8,}(?:[。！？!?]|(?=\n)|$)")


@dataclass(frozen=True, slots=True)
class Quotation:
    open: int
    end: int  # one past the closing mark (or where a quote left open was ended)
    inner_start: int
    inner_end: int
    paragraph: int
    joined: bool = False  # continues the quotation before it (a lost paragraph break)

    def text(self, doc: str) -> str:
        return doc[self.inner_start : self.inner_end]


@dataclass(frozen=True)
class _QuoteRules:
    cue: regex.Pattern[str]  # a cue verb or an after-speaker frame
    cue_word_at_end: regex.Pattern[str]
    cue_word_at_start: regex.Pattern[str]
    around: list[tuple[regex.Pattern[str], regex.Pattern[str] | None]]
    after: regex.Pattern[str]
    reported: regex.Pattern[str]  # a cue that a comma or colon follows: X表示,…
    cue_words: frozenset[str]
    reported_words: frozenset[str]  # the cue words that introduce reported speech
    cue_suffixes: tuple[str, ...]
    not_speech_before: dict[str, str]  # cue → characters that make it another word before it
    any_referent: frozenset[str]  # pronouns that may point back to a body too (其)
    plural_marker: str
    not_speech_after: regex.Pattern[str]
    not_speech_phrase: regex.Pattern[str]
    scare_marker: regex.Pattern[str]
    adjacent: regex.Pattern[str]  # between a cue and its quote: nothing, a colon, 要/将
    demonstrative: regex.Pattern[str]
    subject_before_setting: regex.Pattern[str]
    max_unclosed_chars: int
    max_phrase_chars: int  # a speaker phrase is at most this long
    continuation_max_sentences: int
    speech_min_chars: int
    speech_long_chars: int


def _cue_words(table: dict, suffixes: list[str]) -> list[str]:
    """Every cue verb, alone and with each suffix (解释 → 解释说, 解释道, 解释称)."""
    verbs = rules.forms(table)
    return verbs + [v + s for v in verbs for s in suffixes if not v.endswith(tuple(suffixes))]


def _anchor_after_speaker(pattern: str) -> regex.Pattern[str] | None:
    """For a frame that opens with its speaker (X的看法是), what must follow the speaker: a cheap
    test before a pattern that would otherwise start a lazy scan at every character."""
    if not pattern.startswith("(?P<speaker>"):
        return None
    depth = 0
    for i, ch in enumerate(pattern):
        if ch == "(" and pattern[i - 1 : i] != "\\":
            depth += 1
        elif ch == ")" and pattern[i - 1 : i] != "\\":
            depth -= 1
            if depth == 0:
                return regex.compile(pattern[i + 1 :])
    return None


@cache
def _rules() -> _QuoteRules:
    t = rules.load("quotes")
    cues, frames = t["cues"], t["frames"]
    suffixes = cues["suffixes"]
    cue_word = rules.alternation(_cue_words({"hans": cues["hans"], "hant": cues["hant"]}, suffixes))
    reported_words = set(_cue_words(cues["reported"], suffixes))
    addressee = rules.alternation_of_patterns(frames["addressee"])

    def fill(pattern: str) -> str:
        return pattern.replace("{cue}", cue_word).replace("{addressee}", addressee)

    after_frames = [fill(p) for p in frames["after_speaker"]]
    cue = rules.alternation_of_patterns(after_frames + [cue_word])
    # After a quote, a bare cue word ends its clause (分析师张三表示 is not cut at 分析).
    after_cue = rules.alternation_of_patterns(after_frames + [cue_word + r"(?=[。，,：:；;！!？?…“\"「《\s]|$)"])
    openers = rules.alternation(frames["after_quote_openers"])
    q = t["quotation"]
    max_phrase = t["speaker"]["max_chars"]
    return _QuoteRules(
        cue=regex.compile(cue),
        cue_word_at_end=regex.compile(cue_word + "$"),
        cue_word_at_start=regex.compile(cue_word),
        around=[(regex.compile(p), _anchor_after_speaker(p)) for p in frames["around_speaker"]],
        # After a closing mark: [,] [在…上,] SPEAKER CUE
        after=regex.compile(
            rf"^[,，]?\s*(?:{openers}(?:[^，。,“”\"]|“[^“”\n]{{1,12}}”){{0,30}}[，,])?(?P<phrase>{SPEAKER_CHARS}{{0,{max_phrase}}}?)(?P<cue>{after_cue})"
        ),
        # Reported speech: SPEAKER CUE , content (the cue is found first, then its speaker)
        reported=regex.compile(rf"(?P<cue>{cue})[，,:：]"),
        cue_words=frozenset(_cue_words({"hans": cues["hans"], "hant": cues["hant"]}, suffixes)),
        reported_words=frozenset(reported_words),
        cue_suffixes=tuple(suffixes),
        not_speech_before=dict(cues["not_speech"]["before"]),
        any_referent=frozenset(t["pronouns"]["any_referent"]),
        plural_marker=t["pronouns"]["plural_marker"],
        scare_marker=regex.compile(rules.alternation(q["scare_markers"]) + "$"),
        adjacent=regex.compile(r"[,，:：]?\s*" + rules.alternation(q["cue_to_quote"]) + r"?[,，:：]?\s*"),
        subject_before_setting=regex.compile(frames["subject_before_setting"]),
        demonstrative=regex.compile("^" + rules.alternation(t["pronouns"]["demonstratives"])),
        not_speech_after=regex.compile("^" + rules.alternation(cues["not_speech"]["after"])),
        not_speech_phrase=regex.compile(rules.alternation(cues["not_speech"]["phrases"]) + "$"),
        max_unclosed_chars=q["max_unclosed_chars"],
        max_phrase_chars=max_phrase,
        continuation_max_sentences=q["continuation_max_sentences"],
        speech_min_chars=q["speech_min_chars"],
        speech_long_chars=q["speech_long_chars"],
    )


# --- finding quotations -------------------------------------------------------------------------


def find_quotations(text: str) -> list[Quotation]:
    """Top-level quotations, in order (nested quotes are part of their outer quote)."""
    r = _rules()
    found: list[Quotation] = []
    paras = paragraphs(text)
    # Every mark in one scan of the text, then each paragraph's by bisection: a scan per
    # paragraph costs a pattern call for each of them, and most paragraphs hold no quote.
    marks = [(m.start(), m.group(0)) for m in QUOTE_MARKS.finditer(text)]
    mark_starts = [pos for pos, _ in marks]
    carried: list[tuple[str, int, int]] | None = None  # an open quote continuing from the last paragraph
    for index, (p_start, p_end) in enumerate(paras):
        stack: list[tuple[str, int, int]] = carried or []  # (opener, position, paragraph)
        carried = None
        joined_next = False
        ascii_marks: list[int] = []
        for pos, ch in marks[bisect.bisect_left(mark_starts, p_start) : bisect.bisect_left(mark_starts, p_end)]:
            if ch == '"':
                ascii_marks.append(pos)
            elif ch in OPEN_TO_CLOSE:
                if len(stack) == 1 and stack[0][0] == ch:
                    if pos == p_start and stack[0][2] < index:
                        continue  # “ opening a continued paragraph: the quote goes on
                    if text[pos - 1] in SENTENCE_END + "…":
                        # A paragraph break lost in flattening: “…。“… — end the open quote here.
                        opener, start, par = stack.pop()
                        found.append(Quotation(start, pos, start + 1, pos, par, joined_next))
                        joined_next = True
                stack.append((ch, pos, index))
            else:
                for depth in range(len(stack) - 1, -1, -1):
                    if OPEN_TO_CLOSE[stack[depth][0]] == ch:
                        opener, start, par = stack[depth]
                        del stack[depth:]
                        if not stack:
                            found.append(Quotation(start, pos + 1, start + 1, pos, par, joined_next))
                            joined_next = False
                        break
        if stack:
            opener, start, par = stack[0]
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            if following is not None and text[following] == opener and len(stack) == 1 and p_end - start <= 5000:
                carried = stack  # continues into the next paragraph
            else:
                end = p_end
                if p_end - start > r.max_unclosed_chars:
                    stop = SENTENCE_ENDS.search(text, start, p_end)
                    end = stop.end() if stop else p_end
                found.append(Quotation(start, end, start + 1, end, par, joined_next))
        found.extend(Quotation(a, b + 1, a + 1, b, index) for a, b in zip(ascii_marks[::2], ascii_marks[1::2]))
    return _top_level(found)


def _top_level(quotes: list[Quotation]) -> list[Quotation]:
    quotes.sort(key=lambda q: (q.open, -q.end))
    out: list[Quotation] = []
    for q in quotes:
        if out and q.open < out[-1].end:
            continue
        out.append(q)
    return out


# --- attribution --------------------------------------------------------------------------------


def _speech_like(quote: str, r: _QuoteRules | None = None) -> bool:
    """Words someone said, rather than a term in quotation marks."""
    r = r or _rules()
    quote = quote.strip()
    if len(quote) < r.speech_min_chars:
        return False
    return bool(CLAUSE_MARK.search(quote)) or len(quote) >= r.speech_long_chars


def _clause_start(text: str, limit: int, pos: int) -> int:
    depth = 0  # inside brackets commas end nothing: 摩根大通(156.82, -1.18, -0.75%)在内的分析师
    for i in range(pos - 1, limit - 1, -1):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in CLAUSE_STARTS_AFTER:
            return i + 1
    return limit


def _phrase_start(pre: str, cue_start: int) -> int:
    """Where the speaker phrase before a cue starts: at its clause start, reading past a short
    quoted name in it (他在“头脑风暴技术”研讨会上说)."""
    start = _clause_start(pre, 0, cue_start)
    while start > 0 and pre[start - 1] in "”」":
        opener = pre.rfind("“" if pre[start - 1] == "”" else "「", 0, start - 1)
        if opener < 0 or start - opener > 14:
            break
        if opener == 0 or pre[opener - 1] in CLAUSE_PUNCTUATION:
            return opener  # “新闻中心”记者写道: the quoted name opens the phrase
        start = _clause_start(pre, 0, opener)
    return start


@dataclass
class _Attribution:
    start: int  # position of the speaker phrase
    end: int  # one past the cue
    speaker: SpeakerName
    cue: str | None
    # A subject-less cue after another clause (…转发了视频,并表示): it continues a speaker only
    # within its own sentence.
    same_sentence_only: bool = False
    # Found after the quote, with more words of the speaker's own after the cue (“…”X表示,…).
    introduces_more: bool = False
    # Reported words after a colon (X表示:…), where a quotation's marks were often lost.
    colon_introduced: bool = False


class _QuoteReader:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.r = _rules()
        self.paras = paragraphs(self.text)
        self._para_starts = [s for s, _ in self.paras]
        self.quotes = find_quotations(self.text)
        self._quote_by_end = {q.end: q for q in self.quotes}
        self._quote_opens = [q.open for q in self.quotes]

    # -- where a quotation sits -------------------------------------------------------------

    def _paragraph_start(self, q: Quotation) -> int:
        return self.paras[q.paragraph][0] if q.paragraph < len(self.paras) else 0

    def _paragraph_end(self, q: Quotation) -> int:
        return self.paras[q.paragraph][1] if q.paragraph < len(self.paras) else len(self.text)

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding pos starts (quotes inside it do not end it)."""
        para_start = self.paras[self._paragraph_of(pos)][0] if self.paras else 0
        stops = [m.end() for m in SENTENCE_ENDS.finditer(self.text, para_start, pos)]
        return stops[-1] if stops else para_start

    def _inside_a_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quote_opens, pos) - 1
        return i >= 0 and pos < self.quotes[i].end

    def _paragraph_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self._para_starts, pos) - 1, 0)

    def _inside_clause(self, q: Quotation) -> bool:
        """Opened in the middle of a clause (以“…”为主题, 会坚持“…”定位), or in a run of quoted
        items that is (从“A”“B”“C”三方面)?"""
        start = q.open
        while start > 0:  # “A”“B”, “A”、“B”: look before the whole run
            joint = start - 1 if self.text[start - 1 : start] == "、" else start
            if joint not in self._quote_by_end:
                break
            start = self._quote_by_end[joint].open
        return start > self._paragraph_start(q) and self.text[start - 1] not in CLAUSE_PUNCTUATION + "“”\"「」『』"

    def _is_term(self, q: Quotation) -> bool:
        """所谓“脱钩”, 简称“公司”: a term by how it is introduced."""
        return bool(self.r.scare_marker.search(self.text, max(q.open - 4, 0), q.open))

    def _accepts(self, q: Quotation, adjacent: bool) -> bool:
        """May a cue this close to the quote attribute it? A short quote (好得吓人) only right
        after the cue, or standing as its own clause (X说,…,“大门向你们打开”), and closing its
        clause; one inside a clause only when it closes it."""
        quote = q.text(self.text).strip()
        if not _speech_like(quote, self.r):
            if adjacent:
                return len(quote) >= 3 and self._closes_clause(q)
            return len(quote) >= 4 and not self._inside_clause(q) and self._closes_clause(q)
        return adjacent or not self._inside_clause(q) or self._closes_clause(q)

    def _closes_clause(self, q: Quotation) -> bool:
        following = self.text[q.end : q.end + 1]
        return not following or (following in CLAUSE_PUNCTUATION + "”」』）)" and following != "、")

    def _cue_is_speech(self, start: int, end: int, base: int = 0) -> bool:
        """Is the cue at text[base+start : base+end] a speech verb here (not 被称, 表示为, 来讲)?"""
        text, word = self.text, self.text[base + start : base + end]
        if base + start > 0 and text[base + start - 1] in self.r.not_speech_before.get(word, ""):
            return False  # 被称, 号称, 自称: "be called"
        if self.r.not_speech_phrase.search(text, max(base + end - 5, 0), base + end):
            return False  # 从技术层面来讲, 也就是说
        simple = len(word) <= 3 and SHORT_HAN.fullmatch(word) is not None
        return not (simple and self.r.not_speech_after.match(text, base + end))

    def _next_is_speech(self, pos: int) -> bool:
        """Does a quotation opening at pos hold words someone said?"""
        i = bisect.bisect_left(self._quote_opens, pos)
        return i < len(self.quotes) and self.quotes[i].open == pos and _speech_like(self.quotes[i].text(self.text), self.r)

    def _cue_label(self, matched: str) -> str:
        """The speech verb ending a frame (在会上表示 → 表示), else the frame (告诉记者)."""
        word = self.r.cue_word_at_end.search(matched)
        return word.group(0) if word else matched

    # -- before, after ----------------------------------------------------------------------

    def _before(self, q: Quotation, previous_end: int) -> _Attribution | None:
        """A speaker and cue before the quote, in its sentence."""
        text, r = self.text, self.r
        limit = max(self._paragraph_start(q), previous_end)
        pre = text[limit : q.open]
        last_stop = max((pre.rfind(c) for c in SENTENCE_END), default=-1)
        sentence_start = limit + last_stop + 1
        pre = text[sentence_start : q.open]
        for frame, anchor in r.around:
            if not rules.may_match(frame, pre) or (anchor is not None and not anchor.search(pre)):
                continue  # (a match of the frame holds one of its anchor, in the same string)
            for m in frame.finditer(pre):
                tail = pre[m.end() :]
                adjacent = r.adjacent.fullmatch(tail) is not None
                if not adjacent and not AFTER_CLAUSE.fullmatch(tail):
                    continue
                speaker = split_speaker(m["speaker"])
                if speaker and speaker.kind != "elided" and self._accepts(q, adjacent):
                    return _Attribution(sentence_start + m.start("speaker"), sentence_start + m.end(), speaker, None)
        for c in reversed(list(r.cue.finditer(pre))):
            tail = pre[c.end() :]
            adjacent = r.adjacent.fullmatch(tail) is not None
            between = AFTER_CLAUSE.fullmatch(tail) or ONE_CLAUSE.fullmatch(tail)
            if not (adjacent or between) or not self._accepts(q, adjacent):
                continue
            if not self._cue_is_speech(c.start(), c.end(), sentence_start):
                continue
            start = _phrase_start(pre, c.start())
            speaker = split_speaker(pre[start : c.start()])
            mid_sentence = False
            if speaker and speaker.kind == "elided" and start > 0:
                subject = self._subject_of_previous_clause(pre, start, self._sentence_start(q.open))
                speaker, mid_sentence = (subject, False) if subject else (speaker, True)
            if speaker and not _speech_like(q.text(text), r) and speaker.kind not in ("person", "pronoun", "elided"):
                continue  # 这次更加强调“改革开放”: a short quote needs someone to have said it
            if speaker:
                return _Attribution(sentence_start + start, sentence_start + c.end(), speaker, self._cue_label(c.group(0)), mid_sentence)
        return None

    def _subject_of_previous_clause(self, pre: str, clause_start: int, sentence_start: int) -> SpeakerName | None:
        """康达在听证会上被问及…时,只能尴尬地表示: the subject opens the clause before, or the
        sentence (which may hold quoted terms: 被问及“去风险”和“脱钩”有何区别时)."""
        previous_start = _clause_start(pre, 0, clause_start - 1)
        candidates = [self.r.subject_before_setting.match(pre, previous_start, clause_start)]
        candidates.append(self.r.subject_before_setting.match(self.text, sentence_start, sentence_start + 40))
        for m in candidates:
            speaker = split_speaker(m["speaker"]) if m else None
            if speaker and speaker.kind in ("person", "pronoun"):
                return speaker
        return None

    def _after(self, q: Quotation) -> _Attribution | None:
        """A speaker and cue right after the quote: “…”X说。 / “…”在X看来，…"""
        text, r = self.text, self.r
        quote = q.text(text).strip()
        if not _speech_like(quote, r) and not quote.endswith(tuple(SENTENCE_END + "…")):
            # A short quote standing alone and followed by ",X说" (“不会”,他说) is speech; a term
            # followed by its own sentence ("元宇宙"公司向…介绍) is not.
            if self._inside_clause(q) or len(quote) < 4 or text[q.end : q.end + 1] not in "，,":
                return None
        post = text[q.end : min(self._paragraph_end(q), q.end + 90)]
        stripped = post.lstrip(",，")
        offset = len(post) - len(stripped)
        for frame, _ in r.around:
            m = frame.match(stripped)
            if m:
                speaker = split_speaker(m["speaker"])
                if speaker and speaker.kind != "elided":
                    return _Attribution(q.end + offset + m.start("speaker"), q.end + offset + m.end(), speaker, None)
        m = r.after.match(post)
        if not m:
            return None
        cue = m["cue"]
        following = post[m.end() : m.end() + 1]
        simple_cue = SHORT_HAN.fullmatch(cue) is not None
        if simple_cue and following and following not in "。，,：:；;！!？?…“\"「《" and not following.isspace():
            return None
        if following in "，,:：" and self._inside_clause(q) and post[m.end() + 1 : m.end() + 2] not in "“\"「":
            return None  # 首次提出“活跃资本市场”,专家表示,…: the cue opens new words, not these
        if following in ":：" or (following in OPENERS and self._next_is_speech(q.end + m.end())):
            return None  # “…”马胡塔回应:“…” / “…”,还有人说“…”: the cue binds to what follows
        opens_sentence = q.open == self._paragraph_start(q) or text[q.open - 1] in SENTENCE_END + "”」』\""
        if following in "，," and not opens_sentence:
            return None  # …想好了专业,“…”曹军表示,…: the quote ends its own sentence; 曹军 opens a new one
        speaker = split_speaker(m["phrase"]) if m["phrase"] else SpeakerName("", None, "elided")
        if not speaker:
            return None
        if self._inside_clause(q) and speaker.kind == "role" and not is_titled_role(speaker.name):
            return None  # 承担项目“…研究”,陆续推出系列解读分析: a clause, not a speaker
        return _Attribution(q.end + m.start("phrase"), q.end + m.end("cue"), speaker, self._cue_label(cue), introduces_more=following in "，,")

    def _reported(self) -> list[tuple[int, int, _Attribution]]:
        """Reported speech: (content start, content end, attribution)."""
        out = []
        text = self.text
        # Cues first, then the phrase back to its clause start: one pass over the text.
        for m in self.r.reported.finditer(text):
            cue_start, cue_end = m.start("cue"), m.end("cue")
            phrase_start = _clause_start(text, max(cue_start - self.r.max_phrase_chars, 0), cue_start)
            if phrase_start > 0 and text[phrase_start - 1] not in REPORTED_CLAUSE_STARTS and text[phrase_start - 2 : phrase_start] not in SENTENCE_CLOSED:
                continue  # no clause start within reach, or inside a sentence after a quote
            phrase = text[phrase_start:cue_start]
            if not SPEAKER_PHRASE.fullmatch(phrase) or not self._cue_is_speech(cue_start, cue_end):
                continue
            word = m["cue"]
            if word in self.r.cue_words and word not in self.r.reported_words and not word.endswith(self.r.cue_suffixes):
                continue  # 宣布, 建议: an act, not a claim (举例说 ends in 说; frames pass)
            content = REPORTED_CONTENT.match(text, m.end())
            if not content or self.r.cue_word_at_start.match(text, m.end()):
                continue  # 在接受采访时,谈到了…: the statement's own cue comes later
            speaker = split_speaker(phrase)
            if not speaker or speaker.kind == "document":
                continue
            if speaker.kind == "role" and not is_titled_role(speaker.name) and len(speaker.name) > 5:
                continue  # a long role without a title or a body's ending is a clause
            mid_sentence = speaker.kind == "elided" and phrase_start > 0 and text[phrase_start - 1] in "，,"
            attribution = _Attribution(phrase_start, cue_end, speaker, self._cue_label(m["cue"]), mid_sentence)
            attribution.colon_introduced = text[cue_end] in ":："
            out.append((content.start(), content.end(), attribution))
        for frame, anchor in self.r.around:
            if not rules.may_match(frame, text) or (anchor is not None and not anchor.search(text)):
                continue  # X的看法是: no 的看法是 in the text, so no lazy scan from every character
            for m in frame.finditer(text):
                if text[m.end() : m.end() + 1] not in ("，", ","):
                    continue
                speaker = split_speaker(m["speaker"])
                if speaker and speaker.kind not in ("elided", "document"):
                    start = m.end() + 1
                    stop = _next_stop(text, start)
                    if stop - start >= 8:
                        out.append((start, stop, _Attribution(m.start("speaker"), m.end(), speaker, None)))
        out.sort(key=lambda item: item[0])
        return out

    # -- everything -------------------------------------------------------------------------

    def read(self) -> list[tuple[int, int, _Attribution, bool, tuple[int, int]]]:
        """(quote start, quote end, attribution, direct, evidence span) for every quote."""
        text, r = self.text, self.r
        direct: list[tuple[Quotation, _Attribution | None]] = []
        previous_end = 0
        for q in self.quotes:
            attribution = None if self._is_term(q) else self._before(q, previous_end) or self._after(q)
            direct.append((q, attribution))
            if attribution is not None or _speech_like(q.text(text), r):
                previous_end = q.end  # a quoted term (“头脑风暴技术”研讨会上说) does not end the search
        # Quotes side by side (“A”“B”, “A”,“B”) are one speaker's: 有网友称“A”“B”“C”. So is
        # “A,”X说,“B”“C”Y称,… — C goes on with X's words; Y opens new ones.
        for i in range(1, len(direct)):
            q, attribution = direct[i]
            earlier_q, earlier = direct[i - 1]
            if earlier is None or earlier.speaker.kind == "document" or text[earlier_q.end : q.open].strip(" ,，"):
                continue
            if (attribution is None and _speech_like(q.text(text), r)) or (attribution is not None and attribution.introduces_more):
                direct[i] = (q, earlier)
        # A quote whose closing mark was lost and the one that goes on after it share a speaker,
        # whichever of them names it (“…。“…”他说).
        for i in range(len(direct) - 1, 0, -1):
            q, attribution = direct[i]
            earlier_q, earlier = direct[i - 1]
            if q.joined and attribution is not None and earlier is None:
                direct[i - 1] = (earlier_q, attribution)

        # Each item: (start, end, attribution, direct, quotation, paragraph, end of the item)
        raw: list[tuple[int, int, _Attribution | None, bool, Quotation | None, int, int]] = []
        for q, attribution in direct:
            item_end = max(q.end, attribution.end if attribution else 0)
            raw.append((q.inner_start, q.inner_end, attribution, True, q, q.paragraph, item_end))
        attributed_opens = [q.open for q, a in direct if a is not None]
        for start, end, attribution in self._reported():
            if self._inside_a_quote(start):
                continue
            end = _before_quote(text, start, end, attributed_opens)
            if end - start < 8:
                continue
            raw.append((start, end, attribution, False, None, self._paragraph_of(start), end))
        raw.sort(key=lambda item: item[0])

        self._raw_items, self._mention_index = raw, None  # people mentioned: scanned when first asked
        titles = {a.speaker.name: a.speaker.title for _, _, a, _, _, _, _ in raw if a and a.speaker.title}

        out = []
        last: tuple[_Attribution, int, int] | None = None  # the latest attribution, its paragraph, its end
        for start, end, attribution, is_direct, q, para, item_end in raw:
            cued = attribution is not None  # a cue was found: no falling back on the last speaker
            if attribution is not None and attribution.speaker.kind == "elided":
                attribution = self._continue(last, attribution.start, para, attribution)
            elif attribution is not None and attribution.speaker.kind == "demonstrative":
                # 这位联合创始人表示: the person the passage is about, who spoke last; 该网友 stays
                # as written unless the last speaker was one.
                if self._describes(attribution.speaker, last):
                    attribution = self._carry(last[0], attribution)
                else:
                    attribution = dataclasses.replace(attribution, speaker=SpeakerName(attribution.speaker.name, None, "role"))
            elif attribution is not None and attribution.speaker.kind == "pronoun" and self._speaker_just_before(last, attribution, para):
                # X表示,…Y…。他说: the one who was speaking, not someone they talked about.
                attribution = self._carry(last[0], attribution)
            elif attribution is not None and attribution.speaker.kind in ("pronoun", "demonstrative"):
                attribution = self._resolve_pronoun(attribution, *self._mentioned(), titles)
            if attribution is None and not cued and q is not None and not self._is_term(q):
                if _speech_like(q.text(text), r) and not (self._inside_clause(q) and not self._closes_clause(q)):
                    attribution = self._continue(last, q.open, para, None)
            if attribution is None:
                continue
            last = (attribution, para, item_end)
            if not text[start:end].strip() or attribution.speaker.kind == "document":
                continue  # a document's words (报道称,“…”) are nobody's quote
            if attribution.colon_introduced and attribution.speaker.name in text[start:end]:
                continue  # 他说:榊原英资发表上述言论之际…: the writer, about the speaker (the quote was lost)
            evidence = (min(start, attribution.start), max(end, attribution.start + 1))
            out.append((start, end, attribution, is_direct, evidence))
        return out

    def _continue(self, last: tuple[_Attribution, int, int] | None, pos: int, para: int, cue_from: _Attribution | None) -> _Attribution | None:
        """The previous speaker goes on, if they spoke just before: same paragraph, at most
        `continuation_max_sentences` sentence ends between their words and these."""
        if last is None:
            return None
        previous, previous_para, previous_end = last
        if previous_para != para:
            return None
        gap = self.text[previous_end:pos] if pos > previous_end else ""
        allowed = 0 if cue_from is not None and cue_from.same_sentence_only else self.r.continuation_max_sentences
        if len(SENTENCE_ENDS.findall(gap)) > allowed:
            return None
        # Someone else named in between takes the floor (…教授费俊分享了他的感悟,“…”).
        mentions, mention_starts = self._mentioned()
        i = bisect.bisect_left(mention_starts, previous_end)
        while i < len(mention_starts) and mention_starts[i] < pos:
            _, name, _, body = mentions[i]
            if not body and name != previous.speaker.name and not previous.speaker.name.endswith(name) and not name.endswith(previous.speaker.name):
                return None
            i += 1
        return self._carry(previous, cue_from)

    def _describes(self, demonstrative: SpeakerName, last: tuple[_Attribution, int, int] | None) -> bool:
        """Can 这位…的联合创始人 / 该负责人 be the person who spoke last? A described person (with
        的) can; a bare title (该网友) only if the last speaker's title ends with it."""
        if last is None or last[0].speaker.kind != "person":
            return False
        described = self.r.demonstrative.sub("", demonstrative.name, count=1)
        if "的" in described:
            return True
        return (last[0].speaker.title or "").endswith(described)

    def _speaker_just_before(self, last: tuple[_Attribution, int, int] | None, a: _Attribution, para: int) -> bool:
        """Did a person speak in this sentence or the one before (for 他/她, not 其)?"""
        if last is None or a.speaker.name in self.r.any_referent:
            return False
        previous, previous_para, _ = last
        if previous_para != para or previous.speaker.kind != "person" or previous.start > a.start:
            return False
        return len(SENTENCE_ENDS.findall(self.text, previous.end, a.start)) <= 1

    @staticmethod
    def _carry(previous: _Attribution, cue_from: _Attribution | None) -> _Attribution:
        """The previous speaker, at the cue that continues them (if any)."""
        if cue_from is None:
            return _Attribution(previous.start, previous.end, previous.speaker, previous.cue)
        return dataclasses.replace(cue_from, speaker=previous.speaker)

    def _mentioned(self) -> tuple[list[tuple[int, str, str | None, bool]], list[int]]:
        """The mentions and their starts, scanned once and only if a speaker needs them (most
        quotes name theirs: the scan over the whole text is then saved)."""
        if self._mention_index is None:
            mentions = self._mentions(self._raw_items)
            self._mention_index = (mentions, [m[0] for m in mentions])
        return self._mention_index

    def _mentions(self, raw) -> list[tuple[int, str, str | None, bool]]:
        """Where people and bodies are mentioned: (position, name, title, is a body). Named people
        who spoke, every mention of them; people named after a title; roles where they spoke."""
        names = {a.speaker.name for _, _, a, _, _, _, _ in raw if a and a.speaker.kind == "person"}
        mentions: list[tuple[int, str, str | None, bool]] = []
        for name in names:  # str.find: no pattern to compile per document
            at = self.text.find(name)
            while at >= 0:
                mentions.append((at, name, None, False))
                at = self.text.find(name, at + len(name))
        mentions.extend((pos, name, None, False) for pos, name in person_mentions(self.text))
        for _, _, a, _, _, _, _ in raw:
            if a and a.speaker.kind == "role":
                mentions.append((a.start, a.speaker.name, a.speaker.title, is_org(a.speaker.name)))
        # A name inside a quotation is talked about, not talking (“Take-Two Interactive对我…”).
        mentions = [m for m in mentions if not self._inside_a_quote(m[0])]
        mentions.sort()
        return mentions

    def _resolve_pronoun(self, a: _Attribution, mentions, mention_starts: list[int], titles) -> _Attribution | None:
        """他/她 (and 这位创始人) go to the nearest person mentioned before; 其 to the nearest
        person or body."""
        i = bisect.bisect_left(mention_starts, a.start)
        wants_person = a.speaker.name not in self.r.any_referent
        for j in range(i - 1, max(i - 8, -1), -1):
            _, name, title, body = mentions[j]
            if wants_person and (body or name.endswith(self.r.plural_marker)):
                continue  # 他 is neither a company nor 营员们
            person = title is not None or name in titles or looks_like_person(name)
            return dataclasses.replace(a, speaker=SpeakerName(name, titles.get(name, title), "person" if person else "role"))
        if a.speaker.kind == "demonstrative":
            return dataclasses.replace(a, speaker=SpeakerName(a.speaker.name, None, "role"))
        return None


def _next_stop(text: str, start: int) -> int:
    m = STOPS.search(text, start)
    return m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))


def _before_quote(text: str, start: int, end: int, opens: list[int]) -> int:
    """Reported content stops where an attributed direct quote starts (张三表示,未来…,“…”)."""
    i = bisect.bisect_right(opens, start)
    if i < len(opens) and opens[i] < end:
        return len(text[start : opens[i]].rstrip("，,:：")) + start
    return end


def _near_duplicate(a: str, b: str) -> bool:
    """The same words quoted twice (a lede repeating a later paragraph), give or take a few."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 8 or 2 * len(short) / (len(short) + len(long_)) < 0.85:
        return False  # the lengths alone cap the ratio below the bar
    matcher = difflib.SequenceMatcher(None, short, long_, autojunk=False)
    return matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85  # quick_ratio bounds ratio from above


def extract(ctx: DocContext) -> list[Quote]:
    out: list[Quote] = []
    for start, end, attribution, direct, evidence in _QuoteReader(ctx).read():
        name, title, _ = attribution.speaker
        quote = ctx.text[start:end].strip()
        if not quote or not name:
            continue
        if any(q.speaker == name and q.direct == direct and _near_duplicate(q.quote, quote) for q in out):
            continue
        ev_start, ev_end = ctx.sentences.covering(*evidence)
        out.append(
            Quote(
                provenance=ctx.provenance(start, end, "quotes", (ev_start, ev_end)),
                speaker=name,
                speaker_title=title,
                quote=quote,
                cue=attribution.cue,
                direct=direct,
            )
        )
    return out

