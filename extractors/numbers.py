"""Numerals: Arabic (with separators and decimals), Chinese (一千, 两, 十五, 四十九兆…), mixed
(1.25亿, 3千万), digit sequences (二〇二三), and the vague forms news uses (数千万, 五六百万,
十几亿, 两三家), parsed to a value or a [low, high] range.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
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
NUMBER = rf"(?:(?:{ARABIC})[{CN_UNIT_CHARS}]*|[{CN_NUMERAL_CHARS}]+)"

_ARABIC_RE = regex.compile(ARABIC)


def parse_small(text: str) -> float | None:
    """A number below 10,000 written with 十/百/千 (or Arabic digits before them)."""
    if not text:
        return 0.0
    if _ARABIC_RE.fullmatch(text):
        return float(text.replace(",", ""))
    total = 0.0
    number: float | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        m = _ARABIC_RE.match(text, i)
        if m:
            number = float(m.group(0).replace(",", ""))
            i = m.end()
            continue
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in TENS_SHORTHAND:
            total += TENS_SHORTHAND[ch]
            number = None
        elif ch in SMALL_UNITS:
            total += (1 if number is None else number) * SMALL_UNITS[ch]
            number = None
        else:
            return None
        i += 1
    return total + (number or 0)


def parse_number(text: str) -> float | None:
    """Value of a numeral: '1.25亿' → 125000000, '四十九兆九千五百九十二亿', '二〇二三' → 2023."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if _ARABIC_RE.fullmatch(text):
        return float(text.replace(",", ""))
    # A run of bare digits (二〇二三, 一九九八) is read digit by digit.
    if len(text) > 1 and all(ch in DIGITS for ch in text) and "两" not in text:
        return float("".join(str(DIGITS[ch]) for ch in text))
    for unit in ("兆", "亿", "万"):
        at = text.find(unit)
        if at >= 0:
            left = text[:at]
            right = text[at + 1 :]
            left_value = parse_number(left) if left else 1.0
            right_value = parse_number(right) if right else 0.0
            if left_value is None or right_value is None:
                return None
            # 一万零五百: the 零 only marks a gap.
            return left_value * BIG_UNITS[unit] + right_value
    text = text.lstrip("零〇") or "0"
    return parse_small(text)


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
