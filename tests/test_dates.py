"""find_dates on raw strings (spaces, full-width digits, Traditional), and what resolves against what."""

from __future__ import annotations

from datetime import date

from extractors.dates import find_dates
from extractors.text import Sentences


def _found(text: str, published: date | None = None) -> list[tuple]:
    return [(s.text, s.start_date, s.precision) for s in find_dates(text, published, Sentences(text))]


def test_raw_text_with_spaces_and_full_width_digits():
    text = "7 月 6 日,2023 世界人工智能大會開幕。２０２３年８月１５日起施行,2009 年 到 2010 年產量翻番。"
    assert _found(text) == [
        ("7 月 6 日", date(2023, 7, 6), "day"),
        ("２０２３年８月１５日", date(2023, 8, 15), "day"),
        ("2009 年 到 2010 年", date(2009, 1, 1), "year"),
    ]


def test_traditional_weekday_and_relative_day():
    assert _found("禮拜一,後天你有空嗎", date(2018, 9, 18)) == [
        ("禮拜一", date(2018, 9, 17), "day"),
        ("後天", date(2018, 9, 20), "day"),
    ]


def test_chinese_numeral_years_and_days():
    assert _found("二〇二三年;两千零四年八月十五;二零二二年十二月三十一日") == [
        ("二〇二三年", date(2023, 1, 1), "year"),
        ("两千零四年八月十五", date(2004, 8, 15), "day"),
        ("二零二二年十二月三十一日", date(2022, 12, 31), "day"),
    ]


def test_day_words_need_a_publication_date():
    # a year is not enough to place 今天 or 周三: kept relative, unresolved, never the clock's day
    spans = find_dates("2023年,公司今天宣布,周三上线。", None, None)
    assert [(s.text, s.start_date, s.is_relative) for s in spans] == [
        ("2023年", date(2023, 1, 1), False),
        ("今天", None, True),
        ("周三", None, True),
    ]


def test_month_day_without_year_uses_the_year_in_its_sentence():
    text = "2022年的大会。7月6日,2023世界人工智能大会开幕。"
    assert _found(text)[1] == ("7月6日", date(2023, 7, 6), "day")


def test_leap_day_without_a_year_goes_back_to_a_leap_year():
    assert _found("2月29日", date(2019, 3, 22)) == [("2月29日", date(2016, 2, 29), "day")]


def test_impossible_dates_are_dropped():
    assert _found("2月30日和2019年2月29日", date(2020, 3, 22)) == []


def test_quarter_alone_but_not_inside_a_name():
    assert _found("公司Q3营收增长。GPT-Q3模型。FY24Q1业绩。H100芯片。", date(2023, 8, 14)) == [
        ("Q3", date(2023, 7, 1), "quarter")
    ]
