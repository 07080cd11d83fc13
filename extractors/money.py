"""Money: every monetary amount in a text, as value or bounds, ISO currency and surface text.

Handles Arabic and Chinese numerals with 万/亿 units, currency words after the number and
symbols or words before it, qualifiers (约, 近, 超过, 多, 左右 …), ranges (300-460万美元,
5至6亿元, 五六百万), vague magnitudes as bounds (数千万元 → 1e7..1e8), and a figure restated
in another currency in brackets (1000亿元人民币(138亿美元)) as one mention carrying both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import regex

from extractors import fx, rules
from extractors.context import DocContext
from extractors.numbers import CN_DIGIT_CHARS, NUMBER, Quantity, parse_quantity, unit_multiplier
from models import Money, MoneyMention


@dataclass(frozen=True, slots=True)
class MoneySpan:
    start: int
    end: int
    money: Money

    @property
    def currency(self) -> str | None:
        return self.money.currency


@dataclass(frozen=True)
class _MoneyRules:
    pattern: regex.Pattern[str]
    pair_bridge: regex.Pattern[str]
    currency_after: dict[str, str]
    currency_before: dict[str, str]
    qualifier_of: dict[str, str]
    not_after_yuan: tuple[str, ...]
    scales: dict[str, float]


@cache
def _rules() -> _MoneyRules:
    table = rules.load("money")
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    for cur in table["currency"]:
        for form in rules.forms(cur):
            after.setdefault(form, cur["code"])
        for form in cur.get("before", []):
            before.setdefault(form, cur["code"])
    q = table["qualifiers"]
    qualifier_of: dict[str, str] = {}
    for kind in ("about", "over", "under"):
        for word in q[f"{kind}_before"] + q[f"{kind}_after"]:
            qualifier_of[word] = kind
    for word in q["neutral_before"]:
        qualifier_of[word] = "exact"
    qual_before = rules.alternation(q["about_before"] + q["over_before"] + q["under_before"] + q["neutral_before"])
    qual_after = rules.alternation(q["about_after"] + q["over_after"] + q["under_after"])
    scales = {k: float(v) for k, v in table["scales"].items()}
    sep = r"\s*(?:-|~|～|—|–|至|到)\s*"
    amount = (
        r"(?P<vague>(?:数|几|好几)[十百千万亿]+)"
        rf"|(?P<num>{NUMBER}(?:{sep}{NUMBER})?)(?P<approx>多|余|来|几)?(?P<units>[十百千万亿]*)"
        rf"(?:\s*(?P<scale>{rules.alternation(scales)})\b)?"
    )
    pattern = regex.compile(
        rf"(?P<qual>{qual_before})?"
        rf"(?:(?P<cur_before>{rules.alternation(before)})\s*)?"
        rf"(?P<amount>{amount})"
        rf"(?:\s*(?P<cur_after>{rules.alternation(after)}))?"
        rf"(?P<qual_after>{qual_after})?",
        regex.IGNORECASE,
    )
    return _MoneyRules(
        pattern=pattern,
        pair_bridge=regex.compile(r"\s*[(（]\s*(?:折合|相当于|合|即)?\s*"),
        currency_after=after,
        currency_before=before,
        qualifier_of=qualifier_of,
        not_after_yuan=tuple(table["stops"]["not_after_yuan"]),
        scales=scales,
    )


_HAS_DIGIT = regex.compile(rf"[0-9{CN_DIGIT_CHARS}十拾廿卅]")
_MULTI_UNIT = regex.compile(r"^[十百千]+[万亿]|^万亿$")


def _quantity(m: regex.Match[str], r: _MoneyRules) -> Quantity | None:
    if m["vague"]:
        return parse_quantity(m["vague"])
    number = m["num"]
    units = m["units"] or ""
    approx = m["approx"]
    if not _HAS_DIGIT.search(number) and not (m["qual"] or _MULTI_UNIT.match(number)):
        return None  # a bare 万 or 亿 is a word, not an amount, unless qualified (超亿元)
    q = parse_quantity(number)
    if q is None:
        return None
    multiplier = unit_multiplier(units)
    if m["scale"]:
        multiplier *= r.scales[m["scale"].lower()]
    low = q.value * multiplier
    high = q.value_max * multiplier if q.value_max is not None else None
    if approx == "几":  # 十几亿: between ten and twenty (hundred million)
        step = 10 if q.value % 10 == 0 else 1
        return Quantity(low, (q.value + step) * multiplier, "range")
    if high is not None:
        return Quantity(low, high, "range")
    qualifier = "exact"
    for word in (m["qual"], m["qual_after"], approx):
        if word and r.qualifier_of.get(word, "exact") != "exact":
            qualifier = r.qualifier_of[word]
            break
    return Quantity(low, None, qualifier)


def _single(text: str, m: regex.Match[str], r: _MoneyRules) -> tuple[Quantity, str] | None:
    cur_after, cur_before = m["cur_after"], m["cur_before"]
    if not cur_after and not cur_before:
        return None
    start = m.start("qual") if m["qual"] else (m.start("cur_before") if cur_before else m.start("amount"))
    previous = text[start - 1] if start > 0 else ""
    if previous == "第" or (previous.isascii() and previous.isalnum() and m["amount"][:1].isdigit() and not cur_before):
        return None  # ordinals and codes (第一元, GPT3.5) are not amounts
    following = text[m.end("cur_after") :] if cur_after else ""
    if cur_after in ("元", "圆") and following.startswith(r.not_after_yuan):
        return None
    if cur_after in ("块", "塊") and following[:1] and regex.match(r"\p{Han}", following[:1]):
        return None
    currency = r.currency_after.get(cur_after) if cur_after else None
    if currency is None and cur_before:
        currency = r.currency_before.get(cur_before) or r.currency_before.get(cur_before.upper())
    if currency is None:
        return None
    q = _quantity(m, r)
    if q is None:
        return None
    return q, currency


def find_money(text: str, when: date | None = None) -> list[MoneySpan]:
    """All money amounts in `text`; `when` picks the exchange rate for amount_usd."""
    r = _rules()
    singles: list[tuple[int, int, Quantity, str]] = []
    for m in r.pattern.finditer(text):
        parsed = _single(text, m, r)
        if parsed is None:
            continue
        q, currency = parsed
        singles.append((m.start(), m.end(), q, currency))

    spans: list[MoneySpan] = []
    i = 0
    while i < len(singles):
        start, end, q, currency = singles[i]
        usd_from_text: float | None = None
        if i + 1 < len(singles):
            n_start, n_end, n_q, n_cur = singles[i + 1]
            bridge = r.pair_bridge.match(text, end)
            if bridge and bridge.end() == n_start and n_cur != currency and text[n_end : n_end + 1] in (")", "）"):
                if n_cur == "USD":
                    usd_from_text = n_q.value
                end = n_end + 1
                i += 1
        if currency == "USD":
            usd = q.value
        elif usd_from_text is not None:
            usd = usd_from_text
        else:
            usd = fx.to_usd(q.value, currency, when)
        spans.append(
            MoneySpan(
                start,
                end,
                Money(
                    amount=q.value,
                    amount_max=q.value_max,
                    currency=currency,
                    amount_usd=usd,
                    qualifier=q.qualifier,
                    amount_text=text[start:end],
                ),
            )
        )
        i += 1
    return spans


def extract(ctx: DocContext, spans: list[MoneySpan] | None = None) -> list[MoneyMention]:
    spans = find_money(ctx.text, ctx.published_on) if spans is None else spans
    return [MoneyMention(provenance=ctx.provenance(s.start, s.end, "money"), money=s.money) for s in spans]
