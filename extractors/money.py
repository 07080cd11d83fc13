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
from extractors.numbers import CN_DIGIT_CHARS, NUMBER, Quantity, fold, parse_number, parse_quantity, tidy, unit_multiplier
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
    currency_words: regex.Pattern[str]
    pair_bridge: regex.Pattern[str]
    currency_after: dict[str, str]
    currency_before: dict[str, str]
    qualifier_of: dict[str, str]
    not_after_yuan: tuple[str, ...]
    scales: dict[str, float]
    neutral: frozenset[str]
    subunit: dict[str, regex.Pattern[str]]
    subunit_value: dict[str, dict[str, float]]
    names: regex.Pattern[str]
    name_of: dict[str, str]
    taiwan_marks: regex.Pattern[str]
    hong_kong_marks: regex.Pattern[str]
    declared_yuan: regex.Pattern[str]


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
        for word in rules.forms(q[f"{kind}_before"]) + rules.forms(q[f"{kind}_after"]):
            qualifier_of[word] = kind
    for word in rules.forms(q["neutral_before"]):
        qualifier_of[word] = "exact"
    qual_before = rules.alternation(
        w for key in ("about_before", "over_before", "under_before", "neutral_before") for w in rules.forms(q[key]) if w != "上"
    ) + rf"|(?<!{rules.alternation(q['over_before']['verbs_ending_in_shang'])})上"
    qual_after = rules.alternation(w for key in ("about_after", "over_after", "under_after") for w in rules.forms(q[key]))
    scales = {k: float(v) for k, v in table["scales"].items()}
    sep = r"\s*(?:-|~|～|—|–|至|到)\s*"
    amount = (
        r"(?P<vague>(?:数|几|好几)[十百千万亿]+)"
        # 3亿5000万元, 1兆1896亿元: a smaller big unit's count after a big unit (checked to fall in _quantity)
        rf"|(?P<num>{NUMBER}(?:{sep}{NUMBER})?)(?P<more>(?<=[万亿兆])零?(?:\d{{1,4}}(?:\.\d+)?|[一二两三四五六七八九十百千]{{1,6}})[千万亿](?=\s*[^\d\s]))?"
        rf"(?P<approx>多|余|来|几)?(?:[ \u00a0](?=[十百千万亿]))?(?P<units>[十百千万亿兆]*)"
        rf"(?:\s*(?P<scale>{rules.alternation(scales)})\b)?"
    )
    pattern = regex.compile(
        rf"(?:(?P<qual>{qual_before})[ \u00a0]?)?"
        # a code or symbol before the number, not the end of a word (Arm一直 is no RM amount)
        rf"(?:(?<![A-Za-z])(?P<cur_before>{rules.alternation(before)})\s*)?"
        rf"(?P<amount>{amount})"
        rf"(?:\s*(?P<cur_after>{rules.alternation(after)}))?"
        rf"(?P<qual_after>{qual_after})?",
        regex.IGNORECASE,
    )
    subunit_value = {code: {fold(w): float(v) for w, v in coins.items()} for code, coins in table["subunits"].items()}
    coin_count = rf"[0-9{CN_DIGIT_CHARS}]{{1,2}}|[一二三四五六七八九]?十[一二三四五六七八九]?"
    subunit = {
        code: regex.compile(rf"(?:又|零)?(?P<n>{coin_count})(?P<coin>{rules.alternation(coins)})")
        for code, coins in subunit_value.items()
    }
    # Currency names that can stand alone (美元, 人民币), for find_money(names=True).
    name_of = {fold(f): cur["code"] for cur in table["currency"] for f in rules.forms(cur) if len(f) > 1 and not f.startswith(("块", "塊"))}
    # Every amount has a currency word or symbol: the pattern only runs near one (see _scan).
    currency_words = regex.compile(rules.alternation(list(after) + list(before)), regex.IGNORECASE)
    return _MoneyRules(
        pattern=pattern,
        currency_words=currency_words,
        pair_bridge=regex.compile(r"\s*[(（]\s*(?:折合|相当于|等值|等于|合|即)?\s*"),
        currency_after=after,
        currency_before=before,
        qualifier_of=qualifier_of,
        not_after_yuan=tuple(table["stops"]["not_after_yuan"]),
        scales=scales,
        neutral=frozenset(rules.forms(q["neutral_before"])),
        subunit=subunit,
        subunit_value=subunit_value,
        names=regex.compile(rules.alternation(name_of)),
        name_of=name_of,
        declared_yuan=regex.compile(table["local_yuan"]["declared"]),
        taiwan_marks=regex.compile(
            rules.alternation(table["local_yuan"]["taiwan_words"]) + "|" + table["local_yuan"]["taiwan_ticker"]
        ),
        hong_kong_marks=regex.compile(rules.alternation(table["local_yuan"]["hong_kong_words"])),
    )


_GENERIC_YUAN = ("元", "圆", "圓")
_HAN = regex.compile(r"\p{Han}")
_WORD = regex.compile(r"[\p{Han}\w.]")
_HAS_DIGIT = regex.compile(rf"[0-9{CN_DIGIT_CHARS}十拾廿卅]")
_MULTI_UNIT = regex.compile(r"^[十百千]+[万亿]|^万亿$")


_UNIT_RANK = {"千": 0, "万": 1, "亿": 2, "兆": 3}


def _quantity(m: regex.Match[str], r: _MoneyRules) -> Quantity | None:
    if m["vague"]:
        return parse_quantity(m["vague"])
    number = m["num"]
    if m["more"]:
        if _UNIT_RANK[m["more"][-1]] == _UNIT_RANK[number[-1]]:
            return None  # 3亿5亿: no amount reads so (1万2000亿 is 1.2万亿)
        number = number + m["more"]
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
    low = tidy(q.value * multiplier)
    high = tidy(q.value_max * multiplier) if q.value_max is not None else None
    if approx == "几":  # 十几亿: between ten and twenty (hundred million)
        step = 10 if q.value % 10 == 0 else 1
        return Quantity(low, tidy((q.value + step) * multiplier), "range")
    if high is not None:
        return Quantity(low, high, "range")
    qualifier = "exact"
    for word in (m["qual"], m["qual_after"], approx):
        if word and r.qualifier_of.get(word, "exact") != "exact":
            qualifier = r.qualifier_of[word]
            break
    return Quantity(low, None, qualifier)


_WORD_BEFORE = regex.compile(r"(?<![A-Za-z])[A-Za-z]*[a-z][A-Za-z]*[a-z]$")  # Nokia, not H or RTX
_BIG_UNIT = regex.compile(r"[万亿兆]")


def _glued_to_word(text: str, start: int, amount: str) -> bool:
    """入股Nokia10亿美元: a figure in 亿 written right after a Latin word (not a code: H100). Read
    only for a figure glued to a letter, over the 64 characters before it, not the whole text."""
    return (text[start - 1 : start].isascii() and text[start - 1 : start].isalpha() and _BIG_UNIT.search(amount) is not None
            and _WORD_BEFORE.search(text, max(0, start - 64), start) is not None)


def _single(text: str, m: regex.Match[str], r: _MoneyRules, plain_yuan: str = "CNY") -> tuple[int, int, Quantity, str] | None:
    """One amount from a match of the money pattern on folded text: (start, end, value, ISO)."""
    cur_after, cur_before = m["cur_after"], m["cur_before"]
    if not cur_after and not cur_before:
        return None
    start = m.start("qual") if m["qual"] else (m.start("cur_before") if cur_before else m.start("amount"))
    previous = text[start - 1] if start > 0 else ""
    if previous in ("-", "负") and start >= 2 and not text[start - 2].isdigit():
        return None  # 净利润-560.33万元: a signed figure (a loss), which an amount cannot carry
    if previous == "第" or (previous.isascii() and previous.isalnum() and m["amount"][:1].isdigit() and not cur_before and not m["qual"]
                            and not _glued_to_word(text, start, m["amount"])):
        # ordinals and codes (第一元, GPT3.5) are not amounts (智谱AI约4亿美元: a qualifier parts them;
        # 入股Nokia10亿美元: a word, then a figure in 亿)
        return None
    after = m.end("cur_after") if cur_after else m.end()
    if cur_after in ("元", "圆") and text.startswith(r.not_after_yuan, after):
        return None
    if cur_after in ("块", "塊") and _WORD.match(text, after):
        return None  # 三块屏幕, 一块6.78英寸的屏, 55万块H100: 块 counts things; 3块。 is money
    currency = r.currency_after.get(cur_after) if cur_after else None
    if cur_after in _GENERIC_YUAN and not cur_before:
        currency = plain_yuan  # 37.33亿元 in Taiwan's news is NT$
    if cur_before and (currency is None or cur_after in _GENERIC_YUAN):
        # 港币3亿元, 新台币50亿元: the named currency wins over a plain 元 after the number
        currency = r.currency_before.get(cur_before) or r.currency_before.get(cur_before.upper()) or currency
    if currency is None:
        return None
    if cur_before and cur_before[-1:].isalpha() and cur_before.isascii() and not m["amount"][:1].isdigit():
        return None  # RM一: a Latin code is followed by digits
    if cur_before and text[max(0, m.start("cur_before") - 1) : m.start("cur_before")] in ("兑", "对"):
        return None  # 人民币兑美元7.2 is an exchange rate
    q = _quantity(m, r)
    if q is None:
        return None
    if m["qual"] in r.neutral:  # 达到445奈拉: the amount is 445奈拉; 达到 qualifies nothing
        start = m.start("cur_before") if cur_before else m.start("amount")
    end = m.end()
    if cur_after and q.value_max is None:
        end, q = _coins(text, end, q, currency, r)
    return start, end, q, currency


def _coins(text: str, end: int, q: Quantity, currency: str, r: _MoneyRules) -> tuple[int, Quantity]:
    """五元三毛, 50元6角三分: coins after the main unit add to the amount."""
    pattern = r.subunit.get(currency)
    if pattern is None:
        return end, q
    value = q.value
    for _ in range(2):
        m = pattern.match(text, end)
        if m is None:
            break
        if m["coin"] == "分" and _HAN.match(text, m.end()):
            break  # 3分钟, 5分之一: not a coin
        count = parse_number(m["n"])
        if count is None:
            break
        value += count * r.subunit_value[currency][m["coin"]]
        end = m.end()
    return end, Quantity(value, None, q.qualifier)


def local_yuan(clean_text: str, script: str) -> str:
    """The currency a plain 元 means in this article: the one it declares (人民币，下同), else TWD
    in Taiwan's news and HKD in Hong Kong's (Traditional script, the place's money, market or
    government named more often than the yuan), else CNY."""
    declared = _rules().declared_yuan.search(clean_text)
    if declared is not None:
        return _rules().currency_after[declared["currency"]]
    if script == "hans":
        # (Hong Kong's press in Simplified script: 本港, "this port", is a word only it uses)
        if "本港" in clean_text and sum(1 for _ in _rules().hong_kong_marks.finditer(clean_text)) > clean_text.count("人民币") + clean_text.count("RMB"):
            return "HKD"
        return "CNY"
    # (a Taiwan page on mainland deals names 人民币 more often than Taiwan's money: yuan then)
    taiwan = sum(1 for _ in _rules().taiwan_marks.finditer(clean_text))
    hong_kong = sum(1 for _ in _rules().hong_kong_marks.finditer(clean_text))
    yuan = clean_text.count("人民币") + clean_text.count("RMB")
    if hong_kong > max(taiwan, yuan):
        return "HKD"  # 本港初创企业融资金额为191.58亿元
    return "TWD" if taiwan > yuan else "CNY"


def find_money(text: str, when: date | None = None, *, names: bool = False, plain_yuan: str = "CNY") -> list[MoneySpan]:
    """All money amounts in `text`; `when` picks the exchange rate for amount_usd.

    Works on clean_text and on raw text alike: full-width digits and Traditional numerals are
    folded one character for one before matching, and spans and amount_text refer to `text`.
    With names=True a currency named without an amount (人民币基金, 美元) is reported too, as a
    span whose Money has a currency and no amount; money mentions never include those.
    """
    r = _rules()
    folded = fold(text)
    singles: list[tuple[int, int, Quantity, str]] = []
    for m in _scan(r, folded):
        parsed = _single(folded, m, r, plain_yuan)
        if parsed is not None:
            singles.append(parsed)
    singles = _join_ranges(folded, singles)

    spans: list[MoneySpan] = []
    i = 0
    while i < len(singles):
        start, end, q, currency = singles[i]
        usd_from_text: float | None = None
        if i + 1 < len(singles):
            n_start, n_end, n_q, n_cur = singles[i + 1]
            bridge = r.pair_bridge.match(folded, end)
            if bridge and bridge.end() == n_start and n_cur != currency and folded[n_end : n_end + 1] == ")":
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
    if names:
        spans.extend(_names(text, folded, spans, r))
        spans.sort(key=lambda s: s.start)
    return spans


# How far an amount reaches before its currency word (超过四十九兆九千五百九十二亿元: 15) and
# after it (1亿美元以上, 五元三毛); wider than any amount, the window only saves time.
_BEFORE_CURRENCY = 40
_AFTER_CURRENCY = 40
# Matched backwards from where a window would start: the run of numerals that ends there.
_NUMERAL_RUN = regex.compile(r"[\d,.\s点一二三四五六七八九十百千万亿兆零〇○两壹贰叁肆伍陆柒捌玖拾佰仟]+", regex.REVERSE)


def read_as_yuan(written: str, surface: str, when: date | None = None, plain_yuan: str = "CNY") -> Money | None:
    """An amount whose text names no currency (总市值57亿, 千万级A轮), read as yuan: `written` is
    the form to parse with the currency added (57亿元, 数千万元), `surface` what the article
    wrote, kept as amount_text. For callers whose context says the figure is money."""
    found = find_money(written, when, plain_yuan=plain_yuan)
    return found[0].money.model_copy(update={"amount_text": surface}) if found else None


def _scan(r: _MoneyRules, text: str) -> list[regex.Match[str]]:
    """What r.pattern.finditer(text) finds that can be money, searching only the windows around
    currency words: news is full of numbers that are not amounts, and matching each of them
    cost most of the time. A window starts before any numeral run it would cut."""
    matches: list[regex.Match[str]] = []
    pos = 0
    for word in r.currency_words.finditer(text):
        if word.end() <= pos:
            continue
        start = max(pos, word.start() - _BEFORE_CURRENCY)
        run = _NUMERAL_RUN.match(text, max(0, start - 60), start)
        if run is not None:
            start = max(pos, run.start())
        pos = start
        end = min(len(text), word.end() + _AFTER_CURRENCY)
        while pos < word.end():
            m = r.pattern.search(text, pos, end)
            if m is None or m.start() >= word.end():
                break
            matches.append(m)
            pos = max(m.end(), m.start() + 1)
    return matches


_RANGE_GAP = regex.compile(r"\s*(?:至|到|-|~|～|—|–)\s*")


def _join_ranges(folded: str, singles: list[tuple[int, int, Quantity, str]]) -> list[tuple[int, int, Quantity, str]]:
    """2.5亿元至3亿元: two amounts in one currency joined by 至/到/- are one range."""
    out: list[tuple[int, int, Quantity, str]] = []
    for item in singles:
        if out:
            p_start, p_end, p_q, p_cur = out[-1]
            start, end, q, currency = item
            gap = _RANGE_GAP.fullmatch(folded, p_end, start)
            exact = p_q.qualifier == q.qualifier == "exact"
            if gap and currency == p_cur and exact and p_q.value < q.value:
                out[-1] = (p_start, end, Quantity(p_q.value, q.value, "range"), currency)
                continue
        out.append(item)
    return out


def _names(text: str, folded: str, amounts: list[MoneySpan], r: _MoneyRules) -> list[MoneySpan]:
    out = []
    for m in r.names.finditer(folded):
        if any(a.start < m.end() and m.start() < a.end for a in amounts):
            continue
        out.append(MoneySpan(m.start(), m.end(), Money(currency=r.name_of[m.group(0)], amount_text=text[m.start() : m.end()])))
    return out


def extract(ctx: DocContext, spans: list[MoneySpan] | None = None) -> list[MoneyMention]:
    spans = find_money(ctx.text, ctx.published_on, plain_yuan=ctx.plain_yuan) if spans is None else spans
    return [MoneyMention(provenance=ctx.provenance(s.start, s.end, "money"), money=s.money) for s in spans]
