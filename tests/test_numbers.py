"""Numerals and quantities: Chinese, Arabic, mixed, vague and ranged."""

from __future__ import annotations

import pytest

from extractors.numbers import find_numbers, fold, parse_count, parse_number, parse_quantity


@pytest.mark.parametrize(
    "text, value",
    [
        ("1.25亿", 1.25e8), ("4.58亿", 4.58e8), ("3千万", 3e7), ("十五", 15), ("一千", 1000), ("两", 2),
        ("四十九兆九千五百九十二亿", 49959200000000), ("二〇二三", 2023), ("1,000", 1000), ("7.3万亿", 7.3e12),
        ("百万", 1e6), ("一亿五千万", 1.5e8), ("一万零五百", 10500), ("二十", 20), ("两万亿", 2e12), ("廿", 20),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("数千万", 1e7, 1e8), ("数亿", 1e8, 1e9), ("十几亿", 1e9, 2e9), ("五六百万", 5e6, 6e6), ("300-460万", 3e6, 4.6e6),
        ("三到五百万", 3e6, 5e6), ("5至6亿", 5e8, 6e8), ("两三", 2, 3), ("几十亿", 1e9, 1e10), ("1亿-2亿", 1e8, 2e8),
    ],
)
def test_parse_quantity_ranges(text, low, high):
    q = parse_quantity(text)
    assert q is not None and q.qualifier == "range"
    assert (q.value, q.value_max) == (pytest.approx(low), pytest.approx(high))


def test_garbage_is_not_a_number():
    assert parse_number("abc") is None


@pytest.mark.parametrize(
    "text, value",
    [
        # a lone digit after a unit counts one step below it, as people say numbers
        ("一千三", 1300), ("九万四", 94000), ("两千三点一", 2300.1), ("千三", 1300), ("四千二", 4200),
        ("一万零五十", 10050), ("十万零六", 100006), ("一百零十万", 1100000), ("五亿零六", 500000006),
        # units out of order, digits run together: not a number
        ("五十千", None), ("三五", 35), ("两两", None),
        # signs, decimals, Traditional and full-width forms, vague bases
        ("负三十二", -32), ("十五点七", 15.7), ("四百亿点零五零", 40000000000.05), ("兩千四百五", 2450),
        ("１２３", 123), ("十余万", 100000), ("500余万", 5000000), ("358.34万", 3583400), (".5", 0.5),
    ],
)
def test_parse_number_spoken_forms(text, value):
    result = parse_number(text)
    assert result == (None if value is None else pytest.approx(value))


def test_parse_number_is_exact_for_written_decimals():
    # 358.34 × 10⁴ in binary floating point is 3583399.9999999995; amounts come out as written
    assert parse_number("358.34万") == 3583400.0


@pytest.mark.parametrize(
    "text, value, low, high, qualifier",
    [
        ("79个", 79, None, None, "exact"), ("超过120个", 120, None, None, "over"), ("30余款", 30, None, None, "over"),
        ("100多个", 100, None, None, "over"), ("两三家", 2, 2, 3, "range"), ("近百个", 100, None, None, "under"),
        ("约40款", 40, None, None, "about"), ("50个以上", 50, None, None, "over"), ("十几个", 10, 10, 20, "range"),
    ],
)
def test_parse_count(text, value, low, high, qualifier):
    q = parse_count(text)
    assert q is not None and q.qualifier == qualifier and q.value == value
    if high is not None:
        assert (q.value, q.value_max) == (low, high)


@pytest.mark.parametrize("text", ["第79个", "个", "很多个", "79"])
def test_parse_count_needs_a_count(text):
    assert parse_count(text) is None


def test_find_numbers_reports_values_and_offsets():
    text = "１９９１年共有三千 八百 九十六 萬人，占二分之一，增长百分之五十，负1.5与一切无关"
    found = [(text[s.start : s.end], s.value) for s in find_numbers(text)]
    assert found == [("１９９１", 1991), ("三千 八百 九十六 萬", 38960000), ("二分之一", 0.5), ("五十", 50), ("负1.5", -1.5)]


def test_fold_keeps_offsets():
    text = "融資５０００萬美元，１，０００"
    folded = fold(text)
    assert len(folded) == len(text) and folded == "融資5000万美元，1,000"
