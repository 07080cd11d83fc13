"""Speaker phrases: '小冰CEO李笛' → name 李笛, title 小冰CEO.

A speaker phrase is what stands before a cue verb (联想集团副总裁、联想创投合伙人王光熙认为). It is
peeled of connectives, adverbs and times (而…也, 周四, 在会上), then split into a name and what
precedes it (the title). The name is, in order of trust: a nickname in quotation marks, a Latin
name (Sam Altman), a dotted transliteration (山姆·奥特曼), a run of transliteration characters
(班尼斯特), a Chinese name spotted by its family name, a family name with an honorific (郭女士);
otherwise the whole phrase is a role or a body (业内人士, 国盛证券). All word lists are in
rules/quotes.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from extractors import rules


class SpeakerName(NamedTuple):
    name: str
    title: str | None
    # person | role (a body, or an unnamed person as written) | pronoun (他, resolved later)
    # | demonstrative (这位创始人: resolved like a pronoun, kept as written if it cannot be)
    # | elided (并补充称: no subject written, the previous speaker goes on)
    # | document (报道称, 公告显示: the words are the document's; nothing is recorded)
    kind: str


@dataclass(frozen=True)
class _SpeakerRules:
    elided: regex.Pattern[str]  # connectives and adverbs only (并, 又, 还)
    leading: list[regex.Pattern[str]]
    trailing: list[regex.Pattern[str]]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    joined_pronoun: regex.Pattern[str]
    demonstrative: regex.Pattern[str]
    anonymous: regex.Pattern[str]
    document: regex.Pattern[str]
    banned_in_phrase: regex.Pattern[str]
    counters: regex.Pattern[str]
    causative_end: regex.Pattern[str]
    max_chars: int
    title_end: regex.Pattern[str]
    title_any: regex.Pattern[str]
    title_final_chars: str
    title_words: frozenset[str]
    honorific: regex.Pattern[str]
    org_end: regex.Pattern[str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    not_in_given_name: frozenset[str]
    not_names: frozenset[str]
    not_name_endings: str
    transliteration: frozenset[str]
    transliteration_marked: frozenset[str]
    latin_run: regex.Pattern[str]
    dotted: regex.Pattern[str]
    time: str
    titled_mention: regex.Pattern[str]
    dotted_mention: regex.Pattern[str]
    latin_mention: regex.Pattern[str]
    name_followers: str


def _alternation_end(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(rules.alternation(words) + "$")


@cache
def speaker_rules() -> _SpeakerRules:
    t = rules.load("quotes")
    strip, names, speaker, pronouns = t["strip"], t["names"], t["speaker"], t["pronouns"]
    placeholders = {"{time}": strip["time"], "{doc}": rules.alternation(speaker["documents"])}
    addressee = rules.alternation_of_patterns(t["frames"]["addressee"])
    placeholders["{addressee}"] = addressee

    def fill(pattern: str) -> str:
        for key, value in placeholders.items():
            pattern = pattern.replace(key, value)
        return pattern

    particles = rules.alternation(names["latin_particles"])
    latin_word = r"(?:[A-Z][A-Za-z'\-]*\.?)"
    return _SpeakerRules(
        elided=regex.compile(
            "^(?:" + rules.alternation_of_patterns([rules.alternation(strip["leading"] + strip["trailing"])] + [fill(p) for p in strip["elidable_patterns"]]) + ")+$"
        ),
        leading=[regex.compile("^" + rules.alternation(strip["leading"]))]
        + [regex.compile("^(?:" + fill(p) + ")") for p in strip["leading_patterns"]],
        trailing=[regex.compile(rules.alternation(strip["trailing"]) + "$")]
        + [regex.compile("(?:" + fill(p) + ")$") for p in strip["trailing_patterns"]],
        pronouns=frozenset(pronouns["singular"]),
        plural_pronouns=frozenset(pronouns["plural"]),
        joined_pronoun=regex.compile(r"^(\p{Han})" + rules.alternation(speaker["joined_by"])),
        demonstrative=regex.compile("^" + rules.alternation(pronouns["demonstratives"])),
        anonymous=regex.compile(rules.alternation(pronouns["anonymous"])),
        document=regex.compile(
            r"^(?:该|这份|这篇|此|其|上述|一份|相关)?(?:\p{Han}{0,6})?" + rules.alternation(speaker["documents"]) + "(?:中|里|内|上)?$"
        ),
        banned_in_phrase=regex.compile(rules.alternation(speaker["not_in_phrase"])),
        counters=regex.compile(rules.alternation(speaker["counters"])),
        causative_end=_alternation_end(speaker["causatives"]),
        max_chars=speaker["max_chars"],
        title_end=_alternation_end(names["titles"]),
        title_any=regex.compile(rules.alternation(names["titles"])),
        title_final_chars=names["title_final_chars"],
        title_words=frozenset(names["titles"]),
        honorific=_alternation_end(names["honorifics"]),
        org_end=_alternation_end(names["org_suffixes"]),
        surnames=frozenset("".join(names["surnames"].split())),
        compound_surnames=frozenset(names["compound_surnames"]),
        not_in_given_name=frozenset(names["not_in_given_name"]),
        not_names=frozenset(names["not_names"]),
        not_name_endings=names["not_name_endings"],
        transliteration=frozenset(names["transliteration"]),
        transliteration_marked=frozenset(names["transliteration_marked"]),
        latin_run=regex.compile(rf"{latin_word}(?:\s+(?:{latin_word}|{particles}\b))*$"),
        dotted=regex.compile(r"(?P<first>\p{Han}+)(?P<rest>(?:[·•‧・][\p{Han}\-]+)+)$"),
        time=strip["time"],
        titled_mention=regex.compile("(?:" + rules.alternation(names["titles"]) + "|[" + names["title_final_chars"] + r"])(?P<name>\p{Han}{2,4})"),
        dotted_mention=regex.compile(r"(?P<first>\p{Han}{1,8})(?:[·•‧・][" + names["transliteration"] + r"\-]{1,10})+"),
        latin_mention=regex.compile(r"\b[A-Z][a-z'\-]+(?:\s(?:[A-Z][a-z'\-]+|[A-Z]\.))+\b"),
        name_followers=names["name_followers"],
    )


# --- peeling ---------------------------------------------------------------------------------


def peel(phrase: str, r: _SpeakerRules | None = None) -> str:
    """Strip connectives, adverbs, times and settings around the speaker (而张亚勤当时也 → 张亚勤).

    A strip that would leave less than two characters is skipped (向华强 keeps its 向), unless
    what is left is a pronoun (他对此 → 他)."""
    r = r or speaker_rules()
    phrase = phrase.strip(" 、")
    previous = None
    while phrase != previous:
        previous = phrase
        for pattern in (*r.leading, *r.trailing):
            candidate = pattern.sub("", phrase, count=1).strip(" 、")
            if candidate != phrase and (len(candidate) >= 2 or candidate in r.pronouns):
                phrase = candidate
    return phrase


# --- names -----------------------------------------------------------------------------------


def is_chinese_name(candidate: str, r: _SpeakerRules | None = None) -> bool:
    r = r or speaker_rules()
    if not regex.fullmatch(r"\p{Han}{2,4}", candidate):
        return False
    if candidate in r.not_names or candidate[-1] in r.not_name_endings or r.title_end.search(candidate):
        return False
    if len(candidate) >= 3 and candidate[:2] in r.compound_surnames:
        given = candidate[2:]
    elif candidate[0] in r.surnames and len(candidate) <= 3:
        given = candidate[1:]
    else:
        return False
    return not any(ch in r.not_in_given_name for ch in given)


def _transliterated_tail(phrase: str, r: _SpeakerRules) -> str:
    """The run of transliteration characters ending the phrase, after any title (总统拜登 →
    拜登, 总理欧尔班 → 欧尔班 though 理 transliterates too)."""
    i = len(phrase)
    while i > 0 and phrase[i - 1] in r.transliteration:
        i -= 1
    for m in r.title_any.finditer(phrase, max(i - 4, 0)):
        if m.end() > i:
            i = m.end()
    return phrase[i:]


def _looks_transliterated(run: str, r: _SpeakerRules) -> bool:
    marked = sum(ch in r.transliteration_marked for ch in run)
    return run not in r.not_names and (marked >= 2 or (marked == 1 and len(run) <= 3))


def _title_before(before: str, r: _SpeakerRules, name_length: int = 3) -> bool:
    """Does the text before a name end like a title, a body or a separator (CEO, 教授, 联想集团,
    、)? 的 counts before a three-character name only (来自北大的王玲玲, not 设备的管制)."""
    if not before or before[-1] in "、 ·" or (before[-1] == "的" and name_length >= 3):
        return True
    return before[-1].isascii() or before[-1] in r.title_final_chars or bool(r.title_end.search(before) or r.org_end.search(before))


def _clean_title(title: str, r: _SpeakerRules) -> str | None:
    title = title.strip("、 的")
    if r.causative_end.search(title):  # 它让马斯克: what precedes the name is no title
        return None
    return title or None


def _latin_name(phrase: str, r: _SpeakerRules) -> SpeakerName | None:
    m = r.latin_run.search(phrase)
    if not m:
        return None
    words = m.group(0).split()
    # Titles and acronyms open the run, not the name: "CEO Sam Altman", "AI".
    while words and (words[0] in r.title_words or regex.fullmatch(r"[A-Z0-9]{2,}", words[0])):
        words.pop(0)
    if not words:
        return None
    name = " ".join(words)
    start = phrase.rfind(name)
    before = phrase[:start]
    if before and before[-1].isascii() and before[-1].isalnum():
        return None  # the tail of a longer Latin word
    person_words = all(regex.fullmatch(r"[A-Z][a-z'\-]+|[A-Z]\.|de|van|von|der|den|la|le|di|da|du|bin|al|dos|del", w) for w in words)
    if len(words) >= 2 and person_words:
        return SpeakerName(name, _clean_title(before, r), "person")
    if len(words) == 1 and regex.fullmatch(r"[A-Z][a-z'\-]{2,}", name):
        # A single capitalised word is a surname after a title (分析师Ives) or standing alone
        # (Kostin表示); after other words it is a body's name (投行Stifel).
        if not before or _title_before(before, r):
            return SpeakerName(name, _clean_title(before, r), "person")
    return None


def _dotted_name(phrase: str, r: _SpeakerRules) -> SpeakerName | None:
    """山姆·奥特曼, 多琳·伯格丹-马丁: the first part is the transliteration ending the run before
    the dot (主管科斯塔斯·贝卡 → 科斯塔斯·贝卡)."""
    m = r.dotted.search(phrase)
    if not m:
        return None
    first = _transliterated_tail(m["first"], r) or m["first"][-2:]
    start = m.start("rest") - len(first)
    return SpeakerName(phrase[start:], _clean_title(phrase[:start], r), "person")


def _name_at_end(phrase: str, r: _SpeakerRules) -> SpeakerName | None:
    run = _transliterated_tail(phrase, r)
    chinese: list[tuple[int, str]] = []  # (score, candidate)
    for k in (3, 2, 4):
        candidate = phrase[-k:]
        if len(phrase) >= k and is_chinese_name(candidate, r):
            chinese.append((2 if _title_before(phrase[:-k], r, k) else 1, candidate))
    # A transliterated name (班尼斯特, 古特雷斯) beats a family name found inside it (斯特).
    if len(run) >= 2 and _looks_transliterated(run, r):
        before = phrase[: -len(run)]
        strong_chinese = [c for s, c in chinese if s == 2 and len(c) > len(run)]
        if not strong_chinese and (len(run) >= 3 or _title_before(before, r)):
            return SpeakerName(run, _clean_title(before, r), "person")
    best = max(chinese, key=lambda sc: sc[0], default=None)
    if best is not None:
        score, name = best
        before = phrase[: -len(name)]
        # Glued to a word that is no title (国盛证券, 碧桂园, 收入和利润), a "name" is the tail
        # of a longer word.
        if score == 2:
            return SpeakerName(name, _clean_title(before, r), "person")
        return None
    honorific = r.honorific.search(phrase)
    if honorific:  # 郭女士, 欧阳先生
        at = honorific.start()
        for family in (phrase[max(at - 2, 0) : at], phrase[at - 1 : at]):
            if family in r.compound_surnames or (len(family) == 1 and family in r.surnames):
                before = phrase[: at - len(family)]
                if _title_before(before, r):
                    return SpeakerName(family + honorific.group(0), _clean_title(before, r), "person")
    # After a title, a short tail is a name even without a known family name (首席执行官纳德拉).
    titled = regex.search(rf"(?:{r.title_end.pattern[:-1]})(?P<name>\p{{Han}}{{2,4}})$", phrase)
    if titled:
        name = titled["name"]
        if name not in r.not_names and name[-1] not in r.not_name_endings and not any(ch in r.not_in_given_name for ch in name):
            if not r.title_end.search(name) and not r.org_end.search(name):
                return SpeakerName(name, _clean_title(phrase[: titled.start("name")], r), "person")
    return None


# --- the whole phrase ------------------------------------------------------------------------


def split_speaker(phrase: str, r: _SpeakerRules | None = None) -> SpeakerName | None:
    """'小冰CEO李笛' → ('李笛', '小冰CEO', 'person'); '蓝驰创投' → ('蓝驰创投', None, 'role');
    None when the phrase is no speaker (a clause, 我们)."""
    r = r or speaker_rules()
    raw = phrase.strip(" 、")
    if not raw or r.elided.fullmatch(raw):
        return SpeakerName("", None, "elided")
    phrase = peel(raw, r)
    if len(phrase) > r.max_chars:
        return None
    if r.document.fullmatch(phrase):
        return SpeakerName(phrase, None, "document")
    if phrase in r.pronouns:
        return SpeakerName(phrase, None, "pronoun")
    joined = r.joined_pronoun.match(phrase)
    if joined and joined.group(1) in r.pronouns:  # 他和朋友们感叹: the pronoun leads
        return SpeakerName(joined.group(1), None, "pronoun")
    if phrase in r.plural_pronouns:
        return None
    nickname = regex.search(r"“([^“”]{1,12})”", phrase)
    if nickname:  # AI创业者“web3天空之城城主”
        title = (phrase[: nickname.start()] + phrase[nickname.end() :]).strip() or None
        return SpeakerName(nickname.group(1), title, "person")
    if r.demonstrative.match(phrase) and r.title_end.search(phrase) and not r.anonymous.search(phrase):
        return SpeakerName(phrase, None, "demonstrative")  # 这位联合创始人: who was just named
    found = _latin_name(phrase, r) or _dotted_name(phrase, r)
    if found is None and not r.org_end.search(phrase):
        found = _name_at_end(phrase, r)
    if found is not None:
        return found
    if r.elided.fullmatch(phrase):
        return SpeakerName("", None, "elided")  # 只能尴尬地表示: no subject written
    if r.banned_in_phrase.search(r.counters.sub("", phrase)):
        return None
    if len(phrase) > 30 or not regex.search(r"[\p{Han}A-Za-z]{2}", phrase):
        return None
    return SpeakerName(phrase, None, "role")


def person_mentions(text: str, r: _SpeakerRules | None = None) -> list[tuple[int, str]]:
    """People named in the text, spoken or not: after a title (总统拜登, 导师冯洋), dotted
    (山姆·奥特曼), Latin (Jeremy Grantham). For pronouns to find who 他 is."""
    r = r or speaker_rules()
    found: list[tuple[int, str]] = []
    for m in r.titled_mention.finditer(text, overlapped=True):
        tail, at = m["name"], m.start("name")
        if text[at + len(tail) : at + len(tail) + 1] in "·•‧・":
            continue  # 主席杰罗姆·鲍威尔: the dotted name is found whole below
        after = text[at + len(tail) : at + len(tail) + 1]
        for k in (3, 2):
            candidate = tail[:k]
            follower = tail[k : k + 1] or after
            if is_chinese_name(candidate, r) and (not follower or follower in r.name_followers or not regex.match(r"\p{Han}", follower)):
                found.append((at, candidate))
                break
        else:
            run = ""
            for ch in tail:
                if ch not in r.transliteration:
                    break
                run += ch
            if len(run) >= 2 and _looks_transliterated(run, r):
                found.append((at, run))
    for m in r.dotted_mention.finditer(text):
        first = _transliterated_tail(m["first"], r) or m["first"][-2:]
        found.append((m.start("first") + len(m["first"]) - len(first), first + m.group(0)[len(m["first"]) :]))
    found.extend((m.start(), m.group(0)) for m in r.latin_mention.finditer(text))
    return found


def is_org(name: str, r: _SpeakerRules | None = None) -> bool:
    """A body rather than a person (国盛证券, 白宫方面, 美国国际开发署)."""
    r = r or speaker_rules()
    return bool(r.org_end.search(name))


def is_titled_role(name: str, r: _SpeakerRules | None = None) -> bool:
    """A role or body that may be credited with reported speech (业内人士, 国盛证券, 发言人)."""
    r = r or speaker_rules()
    return bool(r.title_end.search(name) or r.org_end.search(name))


def looks_like_person(name: str, r: _SpeakerRules | None = None) -> bool:
    r = r or speaker_rules()
    if is_chinese_name(name, r) or "·" in name:
        return True
    if regex.fullmatch(r"[A-Z][\w'\-]+(?: [A-Z][\w'\-]+)+", name):
        return True
    return len(name) >= 2 and _transliterated_tail(name, r) == name and _looks_transliterated(name, r)
