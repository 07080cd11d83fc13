"""Valuations: 估值达40亿美元, 投后估值10亿美元, 以15亿美元的估值, 市值突破1万亿美元.

The amount comes from the money extractor; the cue (估值, 投后估值, 投前估值, 市值) stands just
before it (with a verb between: 估值也达到了) or just after it (15亿美元的估值). The company is
the subject of the cue's clause, or, for 其估值 or a clause with no subject, the company the
document named last. A valuation with no company is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.dates import DateSpan, date_near
from extractors.entities import CompanyRegister, company_name, looks_like_company
from extractors.money import MoneySpan
from models import Valuation

BASIS = {"投后估值": "post", "投前估值": "pre", "市值": "market"}


@dataclass(frozen=True)
class _ValuationRules:
    before: regex.Pattern[str]  # cue + verb, ending right before the amount
    after: regex.Pattern[str]  # right after the amount: (的)估值


@cache
def _rules() -> _ValuationRules:
    t = rules.load("funding")["valuation"]
    cues = rules.alternation(t["cues"])
    verbs = rules.alternation(t["verbs"])
    return _ValuationRules(
        before=regex.compile(rf"(?P<cue>{cues})(?:也|已|已经|一度|再次|将|有望|或将|或)?(?:{verbs})?了?\s*$"),
        after=regex.compile(rf"^\s*(?:的|之)?(?P<cue>{cues})"),
    )


_LEAD_IN = regex.compile(r"^(?:凭借|以|按|依托|按照|基于|获得|拥有|达到)")


def _clause_start(text: str, pos: int) -> int:
    for i in range(pos - 1, -1, -1):
        if text[i] in "，,；;。！？!?\n":
            return i + 1
    return 0


def _company_for(subject_text: str, position: int, register: CompanyRegister) -> str | None:
    """The valued company: the clause's subject when it names one, the last company named
    when the clause has none (投后估值达10亿美元) or points back (其估值)."""
    subject = _peel_subject(subject_text)
    if not subject:
        return register.last_before(position)
    company = company_name(subject)
    if company is None or company.generic:
        return None
    resolved = register.resolve(company, position)
    if resolved is None:
        return None
    if resolved == company.name and not (register.canonical(resolved) or looks_like_company(resolved)):
        return None  # 一两年时间做到10亿美金估值: no company in sight
    return resolved


def _peel_subject(text: str) -> str:
    return regex.sub(r"^[\s,，]+|(?:也|已|已经|的|其|则|还|就|最新|目前|此前|当前)+$", "", text).strip()


def extract(ctx: DocContext, money: list[MoneySpan], dates: list[DateSpan], register: CompanyRegister) -> list[Valuation]:
    r = _rules()
    text = ctx.text
    out: list[Valuation] = []
    for span in money:
        clause_start = _clause_start(text, span.start)
        window_start = max(clause_start, span.start - 16)
        before = r.before.search(text[window_start : span.start])
        after = r.after.match(text[span.end : span.end + 6])
        if not before and not after:
            continue
        cue = (before or after)["cue"]
        cue_at = window_start + before.start() if before else span.start
        subject_text = _LEAD_IN.sub("", text[clause_start:cue_at] if before else text[clause_start : span.start])
        name = _company_for(subject_text, span.start, register)
        if not name:
            continue
        end = span.end + (after.end() if after else 0)
        start = min(cue_at, span.start)
        as_of, precision = date_near(ctx, start, end, dates)
        out.append(
            Valuation(
                provenance=ctx.provenance(start, end, "valuations"),
                company=name,
                money=span.money,
                basis=BASIS.get(cue),  # type: ignore[arg-type]
                as_of=as_of,
                date_precision=precision,  # type: ignore[arg-type]
            )
        )
    return out
