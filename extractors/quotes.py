"""Quotes: who said what.

1. Quotations are found by their marks: “ ” ‘ ’ 「 」 『 』 nest with a stack; ASCII " pair in
   order within a paragraph; a quote left open at a paragraph's end continues when the next
   paragraph opens with the same mark (the Chinese convention), else ends with the paragraph.
2. Each quotation is attributed by, in order: a speaker and cue before it in its sentence
   (X表示：“…”, X认为，…，“…”, 在X看来，“…”), a speaker and cue right after it (“…”X说。
   “…”，X补充道), or the speaker of the previous attributed quote or reported statement in the
   same paragraph (a continuation), provided the quote reads like speech.
3. A quotation with no attribution is a term, title or slogan (scare quotes) and is dropped.
4. Reported speech without marks (张亚勤认为，大模型的出现…) is kept with direct = false.

The speaker phrase (小冰CEO李笛) is split into a name (李笛) and a title (小冰CEO) by spotting a
family name after a title; pronouns (他, 她, 其) go to the nearest speaker or named person
before them. Rules live in rules/quotes.toml.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.text import paragraphs
from models import Quote

OPEN_TO_CLOSE = {"“": "”", "「": "」", "『": "』", "‘": "’"}
CLOSERS = set(OPEN_TO_CLOSE.values())
SENTENCE_END = "。！？!?"
# A speaker phrase: no clause punctuation, but a short quoted nickname may sit inside it.
SPEAKER_CHARS = r"(?:[^，。；;！？!?,:：“”\"「」『』\n]|“[^“”\n]{1,12}”)"


@dataclass(frozen=True, slots=True)
class Quotation:
    open: int
    end: int  # one past the closing mark (or the paragraph end when left open)
    inner_start: int
    inner_end: int
    paragraph: int

    def text(self, doc: str) -> str:
        return doc[self.inner_start : self.inner_end]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    title: str | None
    kind: str  # person | role | pronoun
    cue: str | None
    position: int  # where the speaker phrase starts


@dataclass(frozen=True)
class _QuoteRules:
    cue: regex.Pattern[str]
    reported_cues: frozenset[str]
    around: list[regex.Pattern[str]]
    after: regex.Pattern[str]
    reported: regex.Pattern[str]
    leading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    banned_in_phrase: regex.Pattern[str]
    max_chars: int
    title_end: regex.Pattern[str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    not_names: frozenset[str]
    not_name_endings: str


@cache
def _rules() -> _QuoteRules:
    t = rules.load("quotes")
    cue_words = rules.forms(t["cues"])
    frames = t["frames"]["after_speaker"]
    cue = rules.alternation_of_patterns(frames + [rules.alternation(cue_words)])
    strip = t["strip"]
    names = t["names"]
    reported_cue = rules.alternation(t["cues"]["reported"])
    return _QuoteRules(
        cue=regex.compile(cue),
        reported_cues=frozenset(t["cues"]["reported"]),
        around=[regex.compile(p) for p in t["frames"]["around_speaker"]],
        # After a closing mark: [,] [在…上,] SPEAKER CUE
        after=regex.compile(
            rf"^[,，]?\s*(?:(?:在|从|据|对于|面对|随着)(?:[^，。,“”\"]|“[^“”\n]{{1,12}}”){{1,30}}[，,])?(?P<phrase>{SPEAKER_CHARS}{{1,40}}?)(?P<cue>{cue})"
        ),
        # Reported speech: SPEAKER CUE , content (at a clause start)
        reported=regex.compile(
            rf"(?:^|(?<=[。！？!?；;\n]))(?P<phrase>{SPEAKER_CHARS}{{2,40}}?)(?P<cue>{rules.alternation_of_patterns(frames + [reported_cue])})[，,:：](?P<content>[^。！？!?\n“”\"「」]{{8,}}[。！？!?]?)"
        ),
        leading=regex.compile("^" + rules.alternation(strip["leading"])),
        trailing=regex.compile(rules.alternation(strip["trailing"]) + "$"),
        pronouns=frozenset(t["pronouns"]["singular"]),
        plural_pronouns=frozenset(t["pronouns"]["plural"]),
        banned_in_phrase=regex.compile(rules.alternation(t["speaker"]["not_in_phrase"])),
        max_chars=t["speaker"]["max_chars"],
        title_end=regex.compile(rules.alternation(names["titles"]) + "$"),
        surnames=frozenset("".join(names["surnames"].split())),
        compound_surnames=frozenset(names["compound_surnames"]),
        not_names=frozenset(names["not_names"]),
        not_name_endings=names["not_name_endings"],
    )


# --- finding quotations -------------------------------------------------------------------------


def find_quotations(text: str) -> list[Quotation]:
    """Top-level quotations, in order (nested quotes are part of their outer quote)."""
    found: list[Quotation] = []
    paras = paragraphs(text)
    carried: list[tuple[str, int, int]] | None = None  # an open quote continuing from the last paragraph
    for index, (p_start, p_end) in enumerate(paras):
        stack: list[tuple[str, int, int]] = carried or []  # (opener, position, paragraph)
        carried = None
        for pos in range(p_start, p_end):
            ch = text[pos]
            if ch in OPEN_TO_CLOSE:
                if stack and pos == p_start and stack[0][0] == ch and stack[0][2] < index and len(stack) == 1:
                    continue  # “ opening a continued paragraph: the quote goes on
                stack.append((ch, pos, index))
            elif ch in CLOSERS:
                for depth in range(len(stack) - 1, -1, -1):
                    if OPEN_TO_CLOSE[stack[depth][0]] == ch:
                        opener, start, par = stack[depth]
                        del stack[depth:]
                        if not stack:
                            found.append(Quotation(start, pos + 1, start + 1, pos, par))
                        break
        if stack:
            opener, start, par = stack[0]
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            if following is not None and text[following] == opener and len(stack) == 1:
                carried = stack  # continues into the next paragraph
            else:
                found.append(Quotation(start, p_end, start + 1, p_end, par))
        found.extend(_ascii_quotations(text, p_start, p_end, index))
    return _top_level(found)


def _ascii_quotations(text: str, start: int, end: int, paragraph: int) -> list[Quotation]:
    marks = [i for i in range(start, end) if text[i] == '"']
    return [Quotation(a, b + 1, a + 1, b, paragraph) for a, b in zip(marks[::2], marks[1::2])]


def _top_level(quotes: list[Quotation]) -> list[Quotation]:
    quotes.sort(key=lambda q: (q.open, -q.end))
    out: list[Quotation] = []
    for q in quotes:
        if out and q.open < out[-1].end:
            continue
        out.append(q)
    return out


# --- speakers ----------------------------------------------------------------------------------


def _peel(phrase: str, r: _QuoteRules) -> str:
    previous = None
    phrase = phrase.strip()
    while phrase != previous:
        previous = phrase
        phrase = r.leading.sub("", phrase).strip()
        phrase = r.trailing.sub("", phrase).strip()
        phrase = regex.sub(r"(?:在[^，,。]{1,24}?(?:上|中|时|期间|现场)|(?:对|向|跟)\S{1,14})$", "", phrase).strip()
        phrase = regex.sub(r"\p{Han}{1,3}地$", "", phrase).strip()
    return phrase.strip("、 ")


def _is_name(candidate: str, r: _QuoteRules) -> bool:
    if not regex.fullmatch(r"\p{Han}{2,4}", candidate):
        return False
    if candidate in r.not_names or candidate[-1] in r.not_name_endings:
        return False
    if r.title_end.search(candidate):
        return False
    if len(candidate) >= 3 and candidate[:2] in r.compound_surnames:
        return True
    return candidate[0] in r.surnames and len(candidate) <= 3


def split_speaker(phrase: str, r: _QuoteRules | None = None) -> tuple[str, str | None, str] | None:
    """'小冰CEO李笛' → ('李笛', '小冰CEO', 'person'); '蓝驰创投' → ('蓝驰创投', None, 'role')."""
    r = r or _rules()
    found = _split_speaker(phrase, r)
    if found and found[1] and regex.search(r"(?:让|令|使|被|把|给|由|叫)$", found[1]):
        return found[0], None, found[2]  # 它让马斯克: what precedes the name is no title
    return found


def _split_speaker(phrase: str, r: _QuoteRules) -> tuple[str, str | None, str] | None:
    phrase = _peel(phrase, r)
    if not phrase or len(phrase) > r.max_chars:
        return None
    if phrase in r.pronouns:
        return phrase, None, "pronoun"
    joint = regex.match(r"^(\p{Han})(?:和|与|跟|同)", phrase)
    if joint and joint.group(1) in r.pronouns:  # 他和朋友们感叹: the pronoun leads
        return joint.group(1), None, "pronoun"
    if phrase in r.plural_pronouns:
        return None
    nickname = regex.search(r"“([^“”]{1,12})”", phrase)
    if nickname:  # AI创业者“web3天空之城城主”
        title = (phrase[: nickname.start()] + phrase[nickname.end() :]).strip() or None
        return nickname.group(1), title, "person"
    latin = regex.search(r"(?:[A-Z][a-zA-Z'\-]+)(?:\s[A-Z][a-zA-Z'\-]+)+$", phrase)
    if latin and latin.start() > 0 and phrase[latin.start() - 1] in " 、" or (latin and latin.start() == 0):
        title = phrase[: latin.start()].strip(" 、") or None
        return latin.group(0), title, "person"
    dotted = regex.search(r"\p{Han}{1,6}·\p{Han}{1,8}$", phrase)
    if dotted:
        return dotted.group(0), phrase[: dotted.start()].strip("、 ") or None, "person"
    best: tuple[int, int, str] | None = None  # (score, length, name)
    for k in (3, 2, 4):
        if len(phrase) < k:
            continue
        candidate = phrase[-k:]
        if not _is_name(candidate, r):
            continue
        before = phrase[:-k]
        if not before or before[-1] in "、 " or before[-1].isascii() or r.title_end.search(before):
            score = 2
        else:
            score = 1
        if best is None or score > best[0]:
            best = (score, k, candidate)
    if best is not None and (best[0] == 2 or len(phrase) <= 4):
        title = phrase[: -best[1]].strip("、 ") or None
        return best[2], title, "person"
    # After a title, a short tail is a name even without a known family name (扎克伯格).
    titled = regex.search(rf"(?:{r.title_end.pattern[:-1]})(?P<name>\p{{Han}}{{2,5}})$", phrase)
    if titled and titled["name"] not in r.not_names and titled["name"][-1] not in r.not_name_endings:
        return titled["name"], phrase[: titled.start("name")].strip("、 ") or None, "person"
    if best is not None:
        return best[2], phrase[: -best[1]].strip("、 ") or None, "person"
    if r.banned_in_phrase.search(phrase.replace("一位", "").replace("一名", "")):
        return None
    if len(phrase) > 30 or not regex.search(r"[\p{Han}A-Za-z]{2}", phrase):
        return None
    return phrase, None, "role"


# --- attribution --------------------------------------------------------------------------------


def _speech_like(quote: str) -> bool:
    """Words someone said, rather than a term in quotation marks."""
    quote = quote.strip()
    return len(quote) >= 6 and (bool(regex.search(r"[，,。！？!?；;…]", quote)) or len(quote) >= 15)


def _clause_start(text: str, limit: int, pos: int) -> int:
    for i in range(pos - 1, limit - 1, -1):
        if text[i] in "，,；;：:。！？!?\n”\"」":
            return i + 1
    return limit


@dataclass
class _Attribution:
    start: int  # position of the speaker phrase
    speaker: tuple[str, str | None, str]
    cue: str | None


class _QuoteReader:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.r = _rules()
        self.paras = paragraphs(self.text)
        self.quotes = find_quotations(self.text)

    def _paragraph_start(self, q: Quotation) -> int:
        return self.paras[q.paragraph][0] if q.paragraph < len(self.paras) else 0

    def _before(self, q: Quotation, previous_end: int) -> _Attribution | None:
        """A speaker and cue before the quote, in its sentence."""
        text, r = self.text, self.r
        limit = max(self._paragraph_start(q), previous_end)
        pre = text[limit : q.open]
        last_stop = max((pre.rfind(c) for c in SENTENCE_END), default=-1)
        sentence_start = limit + last_stop + 1
        pre = text[sentence_start : q.open]
        quote = q.text(text)
        for frame in r.around:
            for m in frame.finditer(pre):
                tail = pre[m.end() :]
                if regex.fullmatch(r"[,，:：]?\s*", tail) or (regex.fullmatch(r"[,，][^。！？!?]*", tail) and _speech_like(quote)):
                    speaker = split_speaker(m["speaker"], r)
                    if speaker:
                        return _Attribution(sentence_start + m.start("speaker"), speaker, None)
        cues = list(r.cue.finditer(pre))
        for c in reversed(cues):
            tail = pre[c.end() :]
            adjacent = regex.fullmatch(r"[,，:：]?\s*", tail)
            between = regex.fullmatch(r"[,，:：][^。！？!?]*", tail) or regex.fullmatch(r"[^。！？!?]*[,，:：]\s*", tail)
            if not adjacent and not between:
                continue
            if not _speech_like(quote):
                # A short quote only counts right after the cue and when it closes its clause:
                # 马斯克感叹“好得吓人”, but not 业内认为“元宇宙”的元年来了.
                after_close = text[q.end : q.end + 1]
                if not adjacent or len(quote) < 3 or (after_close and after_close not in "，,。！？!?；;"):
                    continue
            if c.group(0) == "称" and c.start() > 0 and pre[c.start() - 1] in "被号简堪俗昵统戏美爱敬自":
                continue
            start = _clause_start(pre, 0, c.start())
            speaker = split_speaker(pre[start : c.start()], r)
            if speaker:
                return _Attribution(sentence_start + start, speaker, c.group(0))
        return None

    def _after(self, q: Quotation) -> _Attribution | None:
        """A speaker and cue right after the quote: “…”X说。 / “…”在X看来，…"""
        text, r = self.text, self.r
        quote = q.text(text).strip()
        if not _speech_like(quote) and not quote.endswith(tuple(SENTENCE_END + "…")):
            return None  # a term followed by its own sentence ("元宇宙"公司向…介绍)
        p_end = self.paras[q.paragraph][1] if q.paragraph < len(self.paras) else len(text)
        post = text[q.end : min(p_end, q.end + 90)]
        for frame in r.around:
            m = frame.match(post.lstrip(",，"))
            if m:
                speaker = split_speaker(m["speaker"], r)
                if speaker:
                    offset = len(post) - len(post.lstrip(",，"))
                    return _Attribution(q.end + offset + m.start("speaker"), speaker, None)
        m = r.after.match(post)
        if not m:
            return None
        cue = m["cue"]
        following = post[m.end() : m.end() + 1]
        simple_cue = regex.fullmatch(r"\p{Han}{1,4}", cue) is not None
        if simple_cue and following and following not in "。，,：:；;！!？?…“\"「《" and not following.isspace():
            return None
        speaker = split_speaker(m["phrase"], r)
        if not speaker:
            return None
        return _Attribution(q.end + m.start("phrase"), speaker, cue)

    def _reported(self) -> list[tuple[int, int, _Attribution]]:
        """Reported speech: (content start, content end, attribution)."""
        out = []
        for m in self.r.reported.finditer(self.text):
            speaker = split_speaker(m["phrase"], self.r)
            if not speaker or speaker[2] == "role" and not self.r.title_end.search(speaker[0]):
                continue
            content_start, content_end = m.start("content"), m.end("content")
            out.append((content_start, content_end, _Attribution(m.start("phrase"), speaker, m["cue"])))
        for frame in self.r.around:
            for m in frame.finditer(self.text):
                if self.text[m.end() : m.end() + 1] not in ("，", ","):
                    continue
                speaker = split_speaker(m["speaker"], self.r)
                if speaker:
                    start = m.end() + 1
                    stop = _next_stop(self.text, start)
                    if stop - start >= 8 and not regex.search(r"[“”\"「」]", self.text[start:stop]):
                        out.append((start, stop, _Attribution(m.start("speaker"), speaker, None)))
        out.sort(key=lambda item: item[0])
        return out

    def read(self) -> list[tuple[int, int, _Attribution, bool, tuple[int, int]]]:
        """(quote start, quote end, attribution, direct, evidence span) for every quote."""
        text = self.text
        raw: list[tuple[int, int, _Attribution | None, bool, Quotation | None, int]] = []
        previous_end = 0
        for q in self.quotes:
            attribution = self._before(q, previous_end) or self._after(q)
            raw.append((q.inner_start, q.inner_end, attribution, True, q, q.paragraph))
            previous_end = q.end
        for start, end, attribution in self._reported():
            if any(q.open <= start < q.end for q in self.quotes):
                continue
            raw.append((start, end, attribution, False, None, self._paragraph_of(start)))
        raw.sort(key=lambda item: item[0])

        # Named people (from explicit attributions) and where each is mentioned.
        names = {a.speaker[0] for _, _, a, _, _, _ in raw if a and a.speaker[2] == "person"}
        mentions: list[tuple[int, str, str | None]] = []
        for name in names:
            for m in regex.finditer(regex.escape(name), text):
                mentions.append((m.start(), name, None))
        for _, _, a, _, _, _ in raw:
            if a and a.speaker[2] == "role":
                mentions.append((a.start, a.speaker[0], a.speaker[1]))
        mentions.sort()
        titles = {a.speaker[0]: a.speaker[1] for _, _, a, _, _, _ in raw if a and a.speaker[1]}

        out = []
        last_in_paragraph: dict[int, _Attribution] = {}
        for start, end, attribution, direct, q, para in raw:
            if attribution is not None and attribution.speaker[2] == "pronoun":
                attribution = self._resolve_pronoun(attribution, mentions, titles)
            if attribution is None and q is not None:
                earlier = last_in_paragraph.get(para)
                if earlier is not None and _speech_like(q.text(text)):
                    attribution = _Attribution(earlier.start, earlier.speaker, earlier.cue)
            if attribution is None:
                continue
            last_in_paragraph[para] = attribution
            if not text[start:end].strip():
                continue
            evidence = (min(start, attribution.start), max(end, attribution.start + 1))
            out.append((start, end, attribution, direct, evidence))
        return out

    def _paragraph_of(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.paras):
            if s <= pos <= e:
                return i
        return len(self.paras) - 1

    def _resolve_pronoun(self, a: _Attribution, mentions, titles) -> _Attribution | None:
        before = [m for m in mentions if m[0] < a.start]
        if not before:
            return None
        _, name, title = before[-1]
        kind = "role" if title is None and name not in titles and not _looks_like_person(name, self.r) else "person"
        return _Attribution(a.start, (name, titles.get(name, title), kind), a.cue)


def _looks_like_person(name: str, r: _QuoteRules) -> bool:
    return _is_name(name, r) or "·" in name or bool(regex.fullmatch(r"[A-Z][\w'\-]+(?: [A-Z][\w'\-]+)+", name))


def _next_stop(text: str, start: int) -> int:
    m = regex.compile(r"[。！？!?\n]").search(text, start)
    return m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))


def _near_duplicate(a: str, b: str) -> bool:
    """The same words quoted twice (a lede repeating a later paragraph), give or take a few."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 8:
        return False
    return difflib.SequenceMatcher(None, short, long_, autojunk=False).ratio() >= 0.85


def extract(ctx: DocContext) -> list[Quote]:
    out: list[Quote] = []
    for start, end, attribution, direct, evidence in _QuoteReader(ctx).read():
        name, title, _ = attribution.speaker
        quote = ctx.text[start:end].strip()
        if not quote:
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
