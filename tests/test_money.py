"""find_money on raw strings (Traditional, full-width), coins, currency names, and the FX table."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import fx, rules
from extractors.money import find_money


def _found(text: str, **kw) -> list[tuple]:
    return [(text[s.start : s.end], s.money.amount, s.money.currency, s.money.qualifier) for s in find_money(text, **kw)]


def test_raw_traditional_and_full_width_text():
    text = "全球有51家初創企業籌集了約1000億元人民幣（138億美元），另一家完成５０００萬美元Ｂ輪融資。"
    spans = find_money(text, date(2023, 7, 10))
    assert [(s.money.amount_text, s.money.amount, s.money.amount_usd) for s in spans] == [
        ("約1000億元人民幣（138億美元）", 1e11, 1.38e10),
        ("５０００萬美元", 5e7, 5e7),
    ]


def test_a_space_between_number_and_unit_in_raw_text():
    # Pages that space Latin and digits off Han (人民幣 240 億元) must not read 240 yuan.
    assert _found("估值為人民幣 240 億元，以 2.05 亿欧元(约合人民币16.22 亿)收购，近 5 亿元") == [
        ("人民幣 240 億元", 2.4e10, "CNY", "exact"),
        ("2.05 亿欧元(约合人民币16.22 亿)", 2.05e8, "EUR", "exact"),
        ("近 5 亿元", 5e8, "CNY", "under"),
    ]
    assert _found("2023 年有 3 万人") == []


def test_a_restated_amount_bridged_by_dengzhi():
    assert _found("拟以约158亿元(等值22亿美元)现金收购")[0][:3] == ("约158亿元(等值22亿美元)", 1.58e10, "CNY")


def test_full_width_comma_separates_prices():
    assert _found("在下面的价格中选一个，$20，300美圆, ￥300, ok?") == [
        ("$20", 20, "USD", "exact"),
        ("300美圆", 300, "USD", "exact"),
        ("￥300", 300, "CNY", "exact"),
    ]


@pytest.mark.parametrize(
    "text, amount, currency",
    [("这个手机壳五元三毛", 5.3, "CNY"), ("50元6角三分", 50.63, "CNY"), ("两美元又三美分", 2.03, "USD"), ("10日元5日本銭", 10.05, "JPY")],
)
def test_coins_add_to_the_amount(text, amount, currency):
    (found,) = find_money(text)
    assert found.money.amount == pytest.approx(amount) and found.money.currency == currency


def test_minutes_are_not_coins():
    assert _found("5元3分钟") == [("5元", 5, "CNY", "exact")]


def test_currency_names_only_when_asked():
    assert find_money("设立一只美元基金和一只人民币基金") == []
    names = find_money("设立一只美元基金和一只人民币基金", names=True)
    assert [(s.money.currency, s.money.amount) for s in names] == [("USD", None), ("CNY", None)]


def test_rate_is_picked_by_the_article_month():
    july, january = fx.per_usd("CNY", date(2023, 7, 10)), fx.per_usd("CNY", date(2015, 1, 20))
    assert july and january and july != january
    assert fx.per_usd("CNY", None) == fx.per_usd("CNY", date(2099, 1, 1))  # else the latest month


# Currencies the money rules know that have no rate (amount_usd stays NULL), and why.
NO_RATE = {
    "NGN": "not quoted by the ECB",
    "VND": "not quoted by the ECB",
    "AED": "not quoted by the ECB",
    "RUB": "the ECB stopped quoting it in March 2022",
}


@pytest.mark.parametrize("code", sorted({c["code"] for c in rules.load("money")["currency"]}))
def test_every_currency_has_a_2023_rate_or_is_listed_without(code):
    rate = fx.per_usd(code, date(2023, 7, 1))
    assert (rate is None) == (code in NO_RATE), NO_RATE.get(code)


def test_fx_table_names_its_source():
    header = fx.TABLE.read_text(encoding="utf-8").splitlines()[:4]
    assert any("European Central Bank" in line for line in header)


def test_searching_near_currency_words_finds_what_a_full_scan_finds():
    from extractors.money import _rules, _scan, _single

    r = _rules()
    texts = [
        "营收" + "1" * 70 + "万元,同比增长;超过四十九兆九千五百九十二亿元;2023年共计3亿元。",
        "公司2022年营收12,345.67万元,其中" + "一二三四五六七八九十" * 5 + "元;约合1.2亿美元(约8.6亿元人民币)以上。",
        "人民币5亿元、US$20 million、HK$ 5亿、不超过2亿元、五元三毛、1亿-2亿美元左右。",
    ]
    for text in texts:
        full = [x for m in r.pattern.finditer(text) if (x := _single(text, m, r))]
        near = [x for m in _scan(r, text) if (x := _single(text, m, r))]
        assert near == full
