"""Model counts: how many large models exist or were released (79个, 超过120个, 30余款).

Two shapes: the count before the noun (超过20个各类AI大模型, 100多个大模型) and the noun
before the count (中国10亿级参数规模以上的大模型已发布了79个). The subject is the noun phrase
with its modifiers; a region word in it (中国, 国内, 全球) is normalised into `region`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.dates import DateSpan, date_near
from extractors.numbers import NUMBER, parse_quantity
from models import ModelCount


@dataclass(frozen=True)
class _CountRules:
    count_first: regex.Pattern[str]
    noun_first: regex.Pattern[str]
    noun: regex.Pattern[str]  # what both shapes need: most articles name no model, and skip both scans
    qualifier_of: dict[str, str]
    region_of: dict[str, str]
    region_words: regex.Pattern[str]


@cache
def _rules() -> _CountRules:
    t = rules.load("model_counts")
    noun = rules.alternation(rules.forms(t["nouns"]))
    cls = rules.alternation(rules.forms(t["classifiers"])) + rf"(?!{rules.alternation(t['not_counted']['after_classifier'])})"
    bad_mod = rules.alternation(t["not_counted"]["in_modifier"])
    stop = rules.alternation(t["stops"]["after_noun"])
    verb = rules.alternation(rules.forms(t["verbs"]))
    qualifier_of = {w: kind for kind in ("over", "about", "under") for w in t["qualifiers"][kind]}
    qual = rules.alternation(qualifier_of)
    region_of = {w: region for region, words in t["regions"].items() for w in words}
    count = rf"(?<!第)(?P<n>{NUMBER})(?P<post>多|余)?{cls}"
    return _CountRules(
        count_first=regex.compile(
            rf"(?P<pre>{qual})?{count}(?P<mod>(?:(?!{bad_mod})[^，。,;；、:：\n“”\x22]){{0,14}}?)(?P<noun>{noun})(?!{stop})(?P<after>以上)?"
        ),
        noun_first=regex.compile(
            rf"(?P<noun>{noun})(?!{stop})(?P<gap>[^，。,;；:：\n的]{{0,6}}?)(?P<verb>{verb})(?P<pre>{qual})?{count}(?P<after>以上|左右)?"
        ),
        noun=regex.compile(noun),
        qualifier_of=qualifier_of,
        region_of=region_of,
        region_words=regex.compile(rules.alternation(region_of)),
    )


_CLAUSE_START = regex.compile(r"[，。,;；:：！？!?\n]")
_LEADING_TIME = regex.compile(r"^(?:截至|截止到?|目前|当前|现在|如今|此前|迄今|至今|据不完全统计|据统计|今年以来)+")


def _qualifier(m: regex.Match[str], r: _CountRules) -> str:
    for word in (m["pre"], m.groupdict().get("verb"), m["post"], m["after"]):
        if not word:
            continue
        if word in r.qualifier_of:
            return r.qualifier_of[word]
        for known, kind in r.qualifier_of.items():  # 数量超过 → over
            if len(known) > 1 and word.endswith(known):
                return kind
    return "exact"


def _subject_and_region(phrase: str, r: _CountRules) -> tuple[str | None, str | None]:
    phrase = _LEADING_TIME.sub("", phrase).strip()
    region = None
    m = r.region_words.search(phrase)
    if m:
        region = r.region_of[m.group(0)]
        if m.start() == 0:  # 中国10亿级参数规模以上的大模型 → the subject is what follows
            phrase = phrase[m.end() :]
    phrase = phrase.lstrip("的")
    return (phrase or None), region


@dataclass(frozen=True, slots=True)
class CountSpan:
    start: int
    end: int
    count: int
    qualifier: str
    count_text: str
    subject: str | None
    region: str | None


def find_counts(text: str) -> list[CountSpan]:
    r = _rules()
    found: list[CountSpan] = []
    if not (rules.may_match(r.noun, text) and r.noun.search(text)):
        return found
    for pattern, noun_first in ((r.noun_first, True), (r.count_first, False)):
        for m in pattern.finditer(text):
            q = parse_quantity(m["n"])
            if q is None or q.value != int(q.value) or q.value < 2:
                continue  # 一个…大模型 is an article, not a count
            qualifier = "about" if q.value_max is not None else _qualifier(m, r)
            if noun_first:
                clause_start = max((c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
                # The subject runs from the clause start to the end of the noun.
                clause_start = max(clause_start, m.start() - 40)
                subject, region = _subject_and_region(text[clause_start : m.end("noun")], r)
                start = m.start("noun")
                # Region words right before the noun phrase belong to it too.
                head = text[clause_start : m.start()]
                region = region or _region_in(head, r)
            else:
                subject, region = _subject_and_region((m["mod"] or "") + m["noun"], r)
                start = m.start()
                clause_start = max((c.end() for c in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
                region = region or _region_in(text[clause_start : m.start()], r)
            if any(s.start < m.end() and start < s.end for s in found):
                continue  # the other shape already read this count
            found.append(
                CountSpan(start, m.end(), int(q.value), qualifier, m.group(0)[m.start("n") - m.start() :], subject, region)
            )
    return sorted(found, key=lambda s: s.start)


def _region_in(text: str, r: _CountRules) -> str | None:
    m = r.region_words.search(text)
    return r.region_of[m.group(0)] if m else None


def extract(ctx: DocContext, dates: list[DateSpan]) -> list[ModelCount]:
    out: list[ModelCount] = []
    for span in find_counts(ctx.text):
        as_of, precision = date_near(ctx, span.start, span.end, dates)
        out.append(
            ModelCount(
                provenance=ctx.provenance(span.start, span.end, "model_counts"),
                count=span.count,
                qualifier=span.qualifier,  # type: ignore[arg-type]
                count_text=span.count_text,
                subject=span.subject,
                region=span.region,
                as_of=as_of,
                date_precision=precision,  # type: ignore[arg-type]
            )
        )
    return out
