"""Numerals and quantities: Chinese, Arabic, mixed, vague and ranged."""

from __future__ import annotations

import pytest

from extractors.numbers import parse_number, parse_quantity


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
