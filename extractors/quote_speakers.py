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
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from extractors import rules


# Latin letters, accented ones too (Sébastien): character classes for the patterns below.
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
LETTER = UPPER + LOWER + "Ā-ſ"
HAN_2_4 = regex.compile(r"\p{Han}{2,4}")
GLOSS = regex.compile(r"[(（][^()（）]*[\d,A-Za-z][^()（）]*[)）]")
ACRONYM = regex.compile(r"[A-Z0-9]{2,}")
SURNAME_WORD = regex.compile(rf"[{UPPER}][{LOWER}'\-]{{2,}}")
NICKNAME = regex.compile(r"“([^“”]{1,12})”")
TWO_LETTERS = regex.compile(r"[\p{Han}A-Za-z]{2}")
LATIN_FULL_NAME = regex.compile(rf"[{UPPER}][{LETTER}'\-]+(?: [{UPPER}][{LETTER}'\-]+)+")


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
    impersonal: frozenset[str]
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
    not_role_opener: regex.Pattern[str]
    causative_end: regex.Pattern[str]
    max_chars: int
    title_end: regex.Pattern[str]
    title_any: regex.Pattern[str]
    title_final_chars: str
    title_words: frozenset[str]
    honorific: regex.Pattern[str]
    org_end: regex.Pattern[str]
    body_before_name: regex.Pattern[str]  # 联想集团杨元庆: two-character endings only (not 行 of 执行)
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    not_in_given_name: frozenset[str]
    not_names: frozenset[str]
    not_name_endings: str
    transliteration: frozenset[str]
    transliteration_marked: frozenset[str]
    titled_tail: regex.Pattern[str]  # a title, then a short tail ending the phrase
    latin_person_word: regex.Pattern[str]
    latin_run: regex.Pattern[str]
    dotted: regex.Pattern[str]
    time: str
    titled_mention: regex.Pattern[str]
    dotted_mention: regex.Pattern[str]
    latin_mention: regex.Pattern[str]
    mention_frames: list[regex.Pattern[str]]
    name_followers: str


def _alternation_end(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(rules.alternation(words) + "$")


def _name_openers(names: dict) -> set[str]:
    """Characters a name can start with: family names and transliterations."""
    return set("".join(names["surnames"].split())) | {c[0] for c in names["compound_surnames"]} | set(names["transliteration"])


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
    latin_word = rf"(?:[{UPPER}][{LETTER}'\-]*\.?)"
    return _SpeakerRules(
        elided=regex.compile(
            "^(?:" + rules.alternation_of_patterns([rules.alternation(strip["leading"] + strip["trailing"])] + [fill(p) for p in strip["elidable_patterns"]]) + ")+$"
        ),
        leading=[regex.compile("^" + rules.alternation(strip["leading"]))]
        + [regex.compile("^(?:" + fill(p) + ")") for p in strip["leading_patterns"]],
        trailing=[regex.compile(rules.alternation(strip["trailing"]) + "$")]
        + [regex.compile("(?:" + fill(p) + ")$") for p in strip["trailing_patterns"]],
        impersonal=frozenset(speaker["impersonal"]),
        pronouns=frozenset(pronouns["singular"]),
        plural_pronouns=frozenset(pronouns["plural"]),
        joined_pronoun=regex.compile(r"^(\p{Han})" + rules.alternation(speaker["joined_by"])),
        demonstrative=regex.compile("^" + rules.alternation(pronouns["demonstratives"])),
        anonymous=regex.compile(rules.alternation(pronouns["anonymous"])),
        document=regex.compile(
            "^" + rules.alternation(speaker["document_modifiers"]) + "*" + rules.alternation(speaker["documents"]) + rules.alternation(speaker["document_places"]) + "?$"
        ),
        banned_in_phrase=regex.compile(rules.alternation(speaker["not_in_phrase"])),
        counters=regex.compile(rules.alternation(speaker["counters"])),
        not_role_opener=regex.compile(rules.alternation(speaker["not_role_openers"])),
        causative_end=_alternation_end(speaker["causatives"]),
        max_chars=speaker["max_chars"],
        title_end=_alternation_end(names["titles"]),
        title_any=regex.compile(rules.alternation(names["titles"])),
        title_final_chars=names["title_final_chars"],
        title_words=frozenset(names["titles"]),
        honorific=_alternation_end(names["honorifics"]),
        org_end=_alternation_end(names["org_suffixes"]),
        body_before_name=_alternation_end([w for w in names["org_suffixes"] if len(w) >= 2]),
        surnames=frozenset("".join(names["surnames"].split())),
        compound_surnames=frozenset(names["compound_surnames"]),
        not_in_given_name=frozenset(names["not_in_given_name"]),
        not_names=frozenset(names["not_names"]),
        not_name_endings=names["not_name_endings"],
        transliteration=frozenset(names["transliteration"]),
        transliteration_marked=frozenset(names["transliteration_marked"]),
        titled_tail=regex.compile(rules.alternation(names["titles"]) + r"(?P<name>\p{Han}{2,4})$"),
        latin_person_word=regex.compile(rf"[{UPPER}][{LOWER}']+(?:-[{UPPER}]?[{LOWER}']+)*|[{UPPER}]\.|" + particles),
        latin_run=regex.compile(rf"(?:{particles}\s+)*{latin_word}(?:\s+(?:{latin_word}|{particles}\b))*$"),
        dotted=regex.compile(r"(?P<first>\p{Han}+)(?P<rest>(?:[·•‧・](?:[\p{Han}\-]+|[A-Z]\.?))+)$"),
        time=strip["time"],
        # Where a title may end: its last character (the title itself is checked after).
        # A listed title, then a name: the title first, as a literal alternation, is far cheaper
        # to scan for than a name after any title-like character.
        titled_mention=regex.compile(
            "(?:" + rules.alternation(names["titles"]) + ")"
            + "(?P<name>[" + "".join(sorted(_name_openers(names))) + r"]\p{Han}{1,3})"
        ),
        dotted_mention=regex.compile(r"(?P<first>\p{Han}{1,8})(?:[·•‧・][" + names["transliteration"] + r"\-]{1,10})+"),
        # Letters, not \b: Han characters count as word characters, and names sit right after them.
        latin_mention=regex.compile(
            rf"(?<![{LETTER}])[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*(?:\s(?:[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*|[{UPPER}]\.))+(?![{LETTER}])"
        ),
        mention_frames=[regex.compile(p) for p in names["mention_frames"]],
        name_followers=names["name_followers"],
    )


# --- peeling ---------------------------------------------------------------------------------


def peel(phrase: str, r: _SpeakerRules | None = None) -> str:
    """Strip connectives, adverbs, times and settings around the speaker (而张亚勤当时也 → 张亚勤).

    A strip that would leave less than two characters is skipped (向华强 keeps its 向), unless
    what is left is a pronoun (他对此 → 他)."""
    r = r or speaker_rules()
    phrase = GLOSS.sub("", phrase).strip(" 、")  # 摩根大通(156.82, -1.18, -0.75%): a ticker or a gloss
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
    if not HAN_2_4.fullmatch(candidate):
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
    return run not in r.not_names and any(ch in r.transliteration_marked for ch in run)


def _title_before(before: str, r: _SpeakerRules, name_length: int = 3) -> bool:
    """Does the text before a name end like a title, a body or a separator (CEO, 教授, 联想集团,
    、)? 的 counts before a three-character name only (来自北大的王玲玲, not 设备的管制)."""
    if not before or before[-1] in "、 ·" or (before[-1] == "的" and name_length >= 3):
        return True
    return before[-1].isascii() or before[-1] in r.title_final_chars or bool(r.title_end.search(before) or r.body_before_name.search(before))


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
    while words and (words[0] in r.title_words or ACRONYM.fullmatch(words[0])):
        words.pop(0)
    if words and words[0][0].islower() and len(words) == 1:
        return None
    if not words:
        return None
    name = " ".join(words)
    start = phrase.rfind(name)
    before = phrase[:start]
    if before and before[-1].isascii() and before[-1].isalnum():
        return None  # the tail of a longer Latin word
    person_words = all(r.latin_person_word.fullmatch(w) for w in words)
    if len(words) >= 2 and person_words:
        return SpeakerName(name, _clean_title(before, r), "person")
    if len(words) == 2 and words[0][0].islower() and SURNAME_WORD.fullmatch(words[1]):
        return SpeakerName(name, _clean_title(before, r), "person")  # de Geus
    if len(words) == 1 and SURNAME_WORD.fullmatch(name):
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
    first = _transliterated_tail(m["first"], r)
    if len(first) < 2:  # a syllable the table lacks (肖恩·奥布莱恩): what follows the last title
        titles = list(r.title_any.finditer(m["first"]))
        after_title = m["first"][titles[-1].end() :] if titles else ""
        first = after_title if 1 <= len(after_title) <= 4 else m["first"][-2:]  # 首席执行官丹·舒尔曼
    start = m.start("rest") - len(first)
    name, title = phrase[start:], phrase[:start]
    after = r.honorific.search(name)  # 丽贝卡·维莱特教授: the title written after the name
    if after and "·" not in name[after.start() :]:
        name, title = name[: after.start()], title + after.group(0)
    return SpeakerName(name, _clean_title(title, r), "person")


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
            if len(before) == 1 and not _title_before(before, r):
                return SpeakerName(phrase, None, "person")  # 伍德沃德: one more syllable, not a title
            return SpeakerName(run, _clean_title(before, r), "person")
    best = max(chinese, key=lambda sc: sc[0], default=None)
    if best is not None:
        score, name = best
        before = phrase[: -len(name)]
        # Glued to a word that is no title (国盛证券, 碧桂园, 收入和利润), a "name" is the tail
        # of a longer word.
        if score == 2:
            return SpeakerName(name, _clean_title(before, r), "person")
    honorific = r.honorific.search(phrase)
    if honorific:  # 郭女士, 欧阳先生
        at = honorific.start()
        for family in (phrase[max(at - 2, 0) : at], phrase[at - 1 : at]):
            if family in r.compound_surnames or (len(family) == 1 and family in r.surnames):
                before = phrase[: at - len(family)]
                if _title_before(before, r):
                    return SpeakerName(family + honorific.group(0), _clean_title(before, r), "person")
    # After a title, a short tail is a name even without a known family name (首席执行官纳德拉).
    titled = r.titled_tail.search(phrase)
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
    if r is None or r is speaker_rules():
        return _split_with_rules(phrase)
    return _split_speaker(phrase, r)


@lru_cache(maxsize=8192)
def _split_with_rules(phrase: str) -> SpeakerName | None:
    """split_speaker with the rule tables, remembered: a function of the phrase alone, and the
    same phrases (他, 公司, a name) come back within a document and across documents, each
    costing a dozen pattern tests to peel."""
    return _split_speaker(phrase, speaker_rules())


def _split_speaker(phrase: str, r: _SpeakerRules) -> SpeakerName | None:
    raw = phrase.strip(" 、")
    if raw in r.impersonal:
        return None  # 据介绍: the writer's words
    if r.document.fullmatch(raw.strip("《》")):
        return SpeakerName(raw, None, "document")  # 报告, 《报告》
    if not raw or r.elided.fullmatch(raw):
        return SpeakerName("", None, "elided")
    phrase = peel(raw, r)
    if len(phrase) > r.max_chars or phrase in r.impersonal:
        return None
    if r.document.fullmatch(phrase.strip("《》")):
        return SpeakerName(phrase, None, "document")
    if phrase in r.pronouns:
        return SpeakerName(phrase, None, "pronoun")
    joined = r.joined_pronoun.match(phrase)
    if joined and joined.group(1) in r.pronouns:  # 他和朋友们感叹: the pronoun leads
        return SpeakerName(joined.group(1), None, "pronoun")
    if phrase in r.plural_pronouns:
        return None
    nickname = NICKNAME.search(phrase)
    if nickname and nickname.end() == len(phrase):  # AI创业者“web3天空之城城主”
        return SpeakerName(nickname.group(1), phrase[: nickname.start()].strip() or None, "person")
    if nickname:  # 台“食药署副署长”林金富: a quoted title, the name after it
        rest_phrase = phrase[nickname.end() :]
        rest = split_speaker(rest_phrase, r)
        if rest is not None and rest.kind == "person":
            return SpeakerName(rest.name, phrase[: nickname.end()] + (rest.title or ""), "person")
        if rest_phrase in r.title_words or rest_phrase in r.plural_pronouns:
            return SpeakerName(phrase, None, "role")  # “新闻中心”记者: a named outlet's role
    demonstrative = r.demonstrative.match(phrase)
    if demonstrative and r.title_end.search(phrase) and not r.anonymous.search(phrase):
        described = phrase[demonstrative.end() :]
        # 这位联合创始人, 这位…的联合创始人: who was just named; not 该产品负责人 (a new role).
        if described in r.title_words or "的" in described:
            return SpeakerName(phrase, None, "demonstrative")
    found = _latin_name(phrase, r) or _dotted_name(phrase, r)
    if found is None and not r.org_end.search(phrase):
        found = _name_at_end(phrase, r)
    if found is not None:
        return found
    if r.elided.fullmatch(phrase):
        return SpeakerName("", None, "elided")  # 只能尴尬地表示: no subject written
    anonymous_role = bool(r.counters.match(phrase) and r.title_end.search(phrase))  # 一位了解情况的经理
    if (r.banned_in_phrase.search(r.counters.sub("", phrase)) and not anonymous_role) or phrase.endswith("的"):
        if phrase[:1] in r.pronouns:
            return SpeakerName(phrase[:1], None, "pronoun")  # 他用了一个反问来回答这个问题:“…”
        return None
    if len(phrase) > 30 or not TWO_LETTERS.search(phrase) or r.not_role_opener.match(phrase):
        return None
    return SpeakerName(phrase, None, "role")


def person_mentions(text: str, r: _SpeakerRules | None = None) -> list[tuple[int, str]]:
    """People named in the text, spoken or not: after a title (总统拜登, 导师冯洋), dotted
    (山姆·奥特曼), Latin (Jeremy Grantham). For pronouns to find who 他 is."""
    r = r or speaker_rules()
    found: list[tuple[int, str]] = []
    for m in r.titled_mention.finditer(text, overlapped=True):
        tail, at = m["name"], m.start("name")
        if not r.title_end.search(text, max(at - 8, 0), at):
            continue  # only a listed title: 成员国里 is no 员 + name
        if text[at + len(tail) : at + len(tail) + 1] in "·•‧・":
            continue  # 主席杰罗姆·鲍威尔: the dotted name is found whole below
        after = text[at + len(tail) : at + len(tail) + 1]
        for k in (3, 2):
            candidate = tail[:k]
            follower = tail[k : k + 1] or after
            if is_chinese_name(candidate, r) and (not follower or follower in r.name_followers or not HAN_2_4.match(follower + follower)):
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
    dotted = r.dotted_mention.finditer(text) if any(dot in text for dot in "·•‧・") else ()
    for m in dotted:
        first = _transliterated_tail(m["first"], r) or m["first"][-2:]
        found.append((m.start("first") + len(m["first"]) - len(first), first + m.group(0)[len(m["first"]) :]))
    for frame in r.mention_frames:  # 来自…的台胞吕祐嘉
        for m in frame.finditer(text):
            tail = m["tail"]
            for k in (3, 2):
                if len(tail) >= k and is_chinese_name(tail[-k:], r):
                    found.append((m.end("tail") - k, tail[-k:]))
                    break
    # A Latin name in brackets glosses the name before it (郭明𫓹(Ming-Chi Kuo)): not a new person.
    found.extend((m.start(), m.group(0)) for m in r.latin_mention.finditer(text) if text[m.start() - 1 : m.start()] not in "(（")
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
    if LATIN_FULL_NAME.fullmatch(name):
        return True
    return len(name) >= 2 and _transliterated_tail(name, r) == name and _looks_transliterated(name, r)
