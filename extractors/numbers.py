"""Numerals: Arabic (with separators and decimals), Chinese (一千, 两, 十五, 四十九兆…), mixed
(1.25亿, 3千万), digit sequences (二〇二三), and the vague forms news uses (数千万, 五六百万,
十几亿, 两三家), parsed to a value or a [low, high] range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractors import rules

DIGITS: dict[str, int] = {
    # ○ (a white circle) is the zero much of Taiwan's print writes (一○五○億美元)
    "〇": 0, "○": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, float] = {"万": 1e4, "亿": 1e8, "兆": 1e12}
TENS_SHORTHAND: dict[str, int] = {"廿": 20, "卅": 30}

CN_DIGIT_CHARS = "".join(DIGITS)
CN_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + CN_UNIT_CHARS + "".join(TENS_SHORTHAND)

# An Arabic number: 1,000 / 1.25 / 300
ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number as news writes it: Arabic digits followed by Chinese units, or Chinese numerals.
# (一点五亿, 三点三四兆: Chinese numerals with a decimal point, 点, and its digits)
NUMBER = rf"(?:(?:{ARABIC})[{CN_UNIT_CHARS}]*|[{CN_NUMERAL_CHARS}]+(?:点[{CN_DIGIT_CHARS}]+)?)"

_ARABIC_RE = regex.compile(ARABIC)


_TOKEN = regex.compile(rf"{ARABIC}|.", regex.DOTALL)
_APPROX_BEFORE_BIG = regex.compile(r"[余多几来](?=[万亿兆])")
_SIGN = regex.compile(r"^(?:负|-)")
_DECIMAL_DIGITS = "零〇○一二三四五六七八九"
_DIGITS_THEN_BIG = regex.compile(r"(?P<digits>[一二三四五六七八九][〇○零一二三四五六七八九]+)(?P<big>[万亿兆]+)")


def _parse_integer(text: str) -> float | None:
    """An integer written in Chinese numerals, possibly mixed with Arabic digits; None when the
    units are out of order (五十千) or two numbers run together.

    Units within a section (below 万) must fall (千 > 百 > 十); a big unit (万/亿/兆) closes a
    section, and two big units in a row multiply (万亿, 四万万). A lone digit after a unit counts
    one step below it, as people say numbers (一千三 = 1300, 九万四 = 94000, 二十五 = 25).
    """
    if not text:
        return None
    if _ARABIC_RE.fullmatch(text):
        return float(text.replace(",", ""))
    # A run of bare digits (二〇二三, 一九九八) is read digit by digit; 两 never is (两两).
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        if "两" in text or "俩" in text:
            return None
        return float("".join(str(DIGITS[ch]) for ch in text))
    # and so is one with a zero in it before a big unit (一○五○亿 = 1050亿, as Taiwan's print
    # writes sums); without a zero, two digits are a range (五六亿) and read below
    run = _DIGITS_THEN_BIG.fullmatch(text)
    if run and any(ch in "〇○零" for ch in run["digits"][1:]):
        return float("".join(str(DIGITS[ch]) for ch in run["digits"])) * unit_multiplier(run["big"])
    total = section = 0.0
    number: float | None = None
    number_is_cn_digit = False
    largest_big = 0.0
    last_small = float("inf")
    previous = ""  # kind of the previous token: digit | zero | small | big
    before_number = ""  # kind of the token before the pending number
    unit_before_number = 0.0
    last_unit = 0.0
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if len(tok) > 1 or tok.isdigit():
            if number is not None:
                return None
            number, number_is_cn_digit = float(tok.replace(",", "")), False
            before_number, unit_before_number = previous, last_unit
            previous = "digit"
        elif tok in ("零", "〇", "○"):
            if number is not None:
                return None
            previous = "zero"
        elif tok in DIGITS:
            if number is not None:
                return None
            number, number_is_cn_digit = float(DIGITS[tok]), True
            before_number, unit_before_number = previous, last_unit
            previous = "digit"
        elif tok in SMALL_UNITS or tok in TENS_SHORTHAND:
            unit = SMALL_UNITS.get(tok, 10)
            if unit >= last_small:
                return None
            if tok in TENS_SHORTHAND:
                if number is not None:
                    return None
                section += TENS_SHORTHAND[tok]
            else:
                section += (1.0 if number is None else number) * unit
            number, last_small, last_unit, previous = None, unit, unit, "small"
        elif tok in BIG_UNITS:
            big = BIG_UNITS[tok]
            if previous == "big":  # 万亿, 四万万: the units multiply
                total *= big
                largest_big = max(largest_big, last_unit * big)
                last_unit = last_unit * big
            else:
                section += number if number is not None else (0.0 if section or total else 1.0)
                if big > largest_big:
                    total = (total + section) * big
                    largest_big = big
                else:
                    total += section * big
                last_unit = big
            section, number, last_small, previous = 0.0, None, float("inf"), "big"
        else:
            return None
    if number is not None:
        if number_is_cn_digit and before_number in ("small", "big") and unit_before_number >= 10:
            section += number * unit_before_number / 10
        else:
            section += number
    return total + section


@lru_cache(maxsize=8192)  # a pure function of the text; dates and amounts repeat the same numerals (7, 12, 2023)
def parse_number(text: str) -> float | None:
    """Value of a numeral: '1.25亿' → 125000000, '四十九兆九千五百九十二亿', '二〇二三' → 2023,
    '一千三' → 1300, '十五点七' → 15.7, '负三十二' → -32, '十余万' → 100000 (the base of a vague
    number; parse_quantity gives its bounds)."""
    text = fold(text).strip().replace(" ", "")
    if not text:
        return None
    sign = 1.0
    m = _SIGN.match(text)
    if m:
        sign, text = -1.0, text[m.end() :]
    text = _APPROX_BEFORE_BIG.sub("", text)
    if text.startswith("."):
        text = "0" + text
    if "点" in text:
        whole, _, fraction = text.partition("点")
        if not fraction or any(ch not in _DECIMAL_DIGITS for ch in fraction):
            return None
        value = _parse_integer(whole)
        if value is None:
            return None
        return tidy(sign * (value + float("0." + "".join(str(DIGITS[ch]) for ch in fraction))))
    value = _parse_integer(text)
    return None if value is None else tidy(sign * value)


def tidy(value: float) -> float:
    """358.34 × 10⁴ is 3583399.9999999995 in binary floating point: round to 12 significant digits,
    more than any written amount has."""
    return float(f"{value:.12g}")


# --- vague and ranged amounts ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    value_max: float | None = None  # set for ranges
    qualifier: str = "exact"  # exact | about | over | under | range


_UNIT_SUFFIX = regex.compile(rf"[{CN_UNIT_CHARS}]+$")
_VAGUE_MAGNITUDE = regex.compile(r"^(?:数|几|好几)(?P<unit>[十百千万亿]+)$")
_TEEN_VAGUE = regex.compile(r"^(?P<head>十|[一二两三四五六七八九]十)(?:几|多|余|来)(?P<unit>[百千万亿]*)$")
_ADJACENT_DIGITS = regex.compile(r"^(?P<a>[一二两三四五六七八九])(?P<b>[一二两三四五六七八九])(?P<unit>[十百千万亿]*)$")
_RANGE_SEP = regex.compile(r"\s*(?:-|~|～|—|–|至|到)\s*")


def unit_multiplier(units: str) -> float:
    value = 1.0
    for ch in units:
        value *= SMALL_UNITS.get(ch, 0) or BIG_UNITS.get(ch, 1)
    return value


@lru_cache(maxsize=8192)  # pure, and Quantity is frozen: one answer may be shared
def parse_quantity(text: str) -> Quantity | None:
    """A number that may be vague or a range: 数千万, 十几亿, 五六百万, 300-460万, 三到五百万."""
    text = text.strip()
    m = _VAGUE_MAGNITUDE.match(text)
    if m:
        low = unit_multiplier(m["unit"])
        return Quantity(low, low * 10, "range")
    m = _TEEN_VAGUE.match(text)
    if m:
        head = parse_number(m["head"]) or 10
        unit = unit_multiplier(m["unit"])
        return Quantity(head * unit, (head + 10) * unit, "range")
    m = _ADJACENT_DIGITS.match(text)
    if m and DIGITS[m["a"]] < DIGITS[m["b"]] and not (m["a"] in "一二" and m["b"] == "〇"):
        unit = unit_multiplier(m["unit"])
        return Quantity(DIGITS[m["a"]] * unit, DIGITS[m["b"]] * unit, "range")
    parts = _RANGE_SEP.split(text)
    if len(parts) == 2 and all(parts):
        left, right = parts
        suffix = _UNIT_SUFFIX.search(right)
        # 300-460万 and 三到五百万: the right side's unit applies to a left side without one.
        if suffix and not _UNIT_SUFFIX.search(left):
            leading = right[: suffix.start()]
            units = suffix.group(0)
            # 五百万: the unit run after the right side's leading numeral (百万), not 万 alone
            left_value = parse_number(left)
            right_value = parse_number(right)
            if left_value is not None and right_value is not None and leading:
                right_lead = parse_number(leading)
                multiplier = right_value / right_lead if right_lead else unit_multiplier(units)
                left_value *= multiplier
        else:
            left_value = parse_number(left)
            right_value = parse_number(right)
        if left_value is not None and right_value is not None and left_value <= right_value:
            return Quantity(left_value, right_value, "range")
        return None
    value = parse_number(text)
    return None if value is None else Quantity(value)



# --- folding: full-width and Traditional forms, one character for one -------------------------

# Full-width ASCII to ASCII, except the full-width comma: in Chinese text "，" separates clauses
# ($20，300美圆 is two prices), so it becomes a digit separator only between full-width digits
# (４，５６５).
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0C} | {0x3000: 0x20}
_FULL_WIDTH_SEPARATOR = regex.compile(r"(?<=[０-９])，(?=[０-９])")


@cache
def _fold_table() -> dict[int, int]:
    table = dict(_FULL_WIDTH)
    for traditional, simplified in rules.load("numbers")["fold"].items():
        table[ord(traditional)] = ord(simplified)
    return table


@cache
def _foldable() -> re.Pattern[str]:
    # The standard re: a plain character class over a whole clean_text (which holds none of
    # them, so it is scanned to the end) runs ~8x faster there than in regex.
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _fold_table()) + "]")


@lru_cache(maxsize=8)  # find_money and find_dates fold the same text one after the other
def fold(text: str) -> str:
    """Full-width ASCII to ASCII and Traditional numeral characters to Simplified, one character
    for one, so that offsets into the folded text are offsets into `text`."""
    if not _foldable().search(text):
        return text  # clean_text is already folded: skip the copy
    folded = text.translate(_fold_table())
    if "，" in text:
        for m in _FULL_WIDTH_SEPARATOR.finditer(text):
            folded = folded[: m.start()] + "," + folded[m.end() :]
    return folded


# --- finding every number in a text ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int
    end: int
    value: float


_CN = "零〇○一二两俩三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿兆廿卅"
_UNIT_OR_ZERO = "十拾百佰千仟万亿兆零〇○"
_SP = "[ ]{0,2}"
# An Arabic number; a leading '.' only when not inside a dotted chain (...9 is 9).
_AR = r"(?:(?<![\d.])\.\d+|\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# Numeral items joined by up to two spaces (一百 五 十 二, 7 万5 千); an Arabic number only after
# a unit or 零 (3万4000), never after another Arabic number; 余/多/几 before a big unit (十余万).
_CORE = (
    rf"(?:{_AR}|[{_CN}])"
    rf"(?:{_SP}(?:[余多几来]{_SP}(?=[万亿兆]))?(?:[{_CN}]|(?<=[{_UNIT_OR_ZERO}][ ]{{0,2}}){_AR}))*"
)
_NUM = rf"(?:{_CORE}(?:{_SP}点{_SP}[{_DECIMAL_DIGITS}]+)?)"
_SIGNED = rf"(?:(?:负|(?<![-\\d.])-){_SP})?"
_FRACTION = rf"{_NUM}{_SP}分{_SP}之{_SP}(?:负{_SP})?{_NUM}"


@cache
def _finder() -> regex.Pattern[str]:
    t = rules.load("numbers")
    verbs = rules.alternation(t["dozen"]["verbs_after"])
    return regex.compile(
        rf"(?P<sign>{_SIGNED})(?:"
        # 十一又十四分之一, 3又一千分之23
        rf"(?P<mixed>(?P<whole>{_NUM}){_SP}又{_SP}(?P<mfrac>{_FRACTION}))"
        # 二十五分之一百四十四 (a bare 百分之/千分之 is a percentage: only its number is a number)
        rf"|(?P<frac>{_FRACTION})"
        # 1 3/5, 16/5 (not a date: 2023/08/17)
        rf"|(?P<armixed>\d+ (?P<amfrac>\d+/\d+))(?![/\d])"
        rf"|(?P<arfrac>\d+{_SP}/{_SP}\d+)(?![/\d])"
        r"|(?P<half>半百)"
        # 2e5, 1.1^+23, 40k, -2.5 M, 十打
        rf"|(?P<num>{_NUM})(?:(?P<exp>[eE][-+]?\d+|\^[-+]*\d+)(?![\d.])|(?P<km>[ ]?[kKmM])(?![A-Za-z]))?"
        rf"(?:{_SP}(?P<dozen>打)(?!{verbs}))?"
        ")"
    )


_PAIRS = regex.compile(r"[两俩]{2,}")
_DOTTED_CHAIN = regex.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])")


@cache
def _lexicon() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    t = rules.load("numbers")
    not_numbers = regex.compile(rules.alternation(fold(w) for w in rules.forms(t["not_numbers"])))
    not_before = regex.compile(rules.alternation(fold(w) for w in rules.forms(t["not_before_single"])))
    return not_numbers, not_before


def _fraction_value(text: str) -> float | None:
    """'二十五分之一百四十四' → 5.76; a bare 百/千/万 denominator is a percentage, not read here."""
    denominator, _, numerator = text.partition("分")
    numerator = numerator.strip().removeprefix("之").strip()
    den = denominator.strip()
    if den in ("百", "千", "万"):
        return None
    d, n = parse_number(den), parse_number(numerator)
    if d is None or n is None or d == 0:
        return None
    return n / d


def _value(m: regex.Match[str]) -> float | None:
    sign = -1.0 if m["sign"] else 1.0
    if m["mixed"]:
        whole, frac = parse_number(m["whole"]), _fraction_value(m["mfrac"])
        return None if whole is None or frac is None else sign * (whole + frac)
    if m["frac"]:
        frac = _fraction_value(m["frac"])
        return None if frac is None else sign * frac
    if m["armixed"] or m["arfrac"]:
        whole = float(m["armixed"].split(" ")[0]) if m["armixed"] else 0.0
        top, bottom = (m["amfrac"] or m["arfrac"]).replace(" ", "").split("/")
        return None if float(bottom) == 0 else sign * (whole + float(top) / float(bottom))
    if m["half"]:
        return sign * 50.0
    core = m["num"].replace(" ", "")
    if core.strip(_UNIT_OR_ZERO.replace("十", "").replace("拾", "")) == "":
        return None  # 万, 万万, 百, 千万: units with no digit are words, not numbers
    value = parse_number(core)
    if value is None:
        return None
    if m["exp"]:
        exp = m["exp"]
        if exp[0] in "eE":
            value *= 10.0 ** int(exp[1:])
        else:  # ^--23: the minus signs cancel in pairs
            digits = exp.lstrip("^+-")
            power = int(digits) * (-1 if exp.count("-") % 2 else 1)
            value **= power
    if m["km"]:
        value *= 1e3 if m["km"].strip() in "kK" else 1e6
    if m["dozen"]:
        value *= 12
    return sign * value


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in `text` with its value: Arabic (1,050,000,000, .5, 2e5, 1.1^+23, 40k),
    Chinese (肆佰陆拾, 一百 五 十 二, 十余万 → 100000, 四百亿点零五零), mixed (3万4000, 1,100.9亿),
    signed (负三十二), fractions (二十五分之一百四十四, 3又一千分之23, 1 3/5), dozens (十打).

    Not numbers: numeral characters inside words (一切, 四川, 队伍), units alone (万, 千万), a
    lone numeral before a currency or 折 (一美元 is a price), the 百 of a percentage (百分之五十
    gives 五十).
    """
    folded = fold(text)
    not_numbers, not_before = _lexicon()
    blocked: set[int] = set()
    for w in not_numbers.finditer(folded):
        blocked.update(range(w.start(), w.end()))
    # 2222.2222.22222.222 is four numbers, not a decimal followed by more.
    chains = [(m.start(), m.end()) for m in _DOTTED_CHAIN.finditer(folded)]
    out: list[NumberSpan] = []
    pattern = _finder()
    pos = 0
    while pos < len(folded):
        chain = next(((s, e) for s, e in chains if s <= pos < e), None)
        if chain is not None:
            m = regex.compile(r"\d+").match(folded, pos)
            if m:
                out.append(NumberSpan(m.start(), m.end(), float(m.group(0))))
                pos = m.end()
            else:
                pos += 1
            continue
        m = pattern.match(folded, pos)
        if m is None or m.end() == pos:
            pos += 1
            continue
        value = _value(m)
        end = m.end()
        # 五十千: units out of order; keep the longest prefix that reads as a number (but 两两,
        # "in pairs", is no number at all).
        while value is None and end - 1 > pos:
            end -= 1
            m = pattern.match(folded, pos, end)
            if m is None:
                break
            value = _value(m)
            end = m.end()
        pairs = _PAIRS.match(folded, pos)
        if pairs:
            pos = pairs.end()
            continue
        if value is None or m is None:
            pos += 1
            continue
        if folded.startswith("%", m.end()):
            pos = m.end()  # 二% is a percentage, not a bare number
            continue
        single = m.end() - m.start() == 1 and folded[m.start()] in _CN
        if single and (m.start() in blocked or not_before.match(folded, m.end())):
            pos = m.end()
            continue
        out.append(NumberSpan(m.start(), m.end(), value))
        pos = m.end()
    return out


# --- counts: 79个, 超过120个, 30余款, 100多个, 两三家 --------------------------------------------


@cache
def _count_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    t = rules.load("numbers")["count"]
    kind_of = {w: kind.split("_")[0] for kind, words in t.items() for w in words}
    before = rules.alternation(w for k, ws in t.items() if k.endswith("_before") for w in ws)
    after = rules.alternation(w for k, ws in t.items() if k.endswith("_after") for w in ws)
    pattern = regex.compile(
        rf"(?P<pre>{before})?(?P<n>(?:\d[\d,.]*|[{CN_NUMERAL_CHARS}几数])+?)(?P<post>多|余)?"
        rf"(?P<cls>[^\W\d{CN_NUMERAL_CHARS}几数多余_])(?P<after>{after})?"
    )
    return pattern, kind_of


def parse_count(text: str) -> Quantity | None:
    """A count with its classifier and qualifiers: '79个' → 79 exact, '超过120个' → 120 over,
    '30余款' / '100多个' → over, '近百个' → 100 under, '两三家' / '十几个' → a range."""
    pattern, kind_of = _count_pattern()
    m = pattern.fullmatch(fold(text).strip())
    if m is None:
        return None
    q = parse_quantity(m["n"] + (m["post"] if m["post"] and m["n"].endswith("十") else ""))
    if q is None:
        return None
    if q.value_max is not None:
        return q
    qualifier = "over" if m["post"] else "exact"
    for word in (m["pre"], m["after"]):
        if word:
            qualifier = kind_of[word]
    return Quantity(q.value, None, qualifier)
