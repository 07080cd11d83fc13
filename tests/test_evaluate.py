"""The gold matching rules, on hand-made predictions."""

from __future__ import annotations

from datetime import date

from warehouse.evaluate import KindScore, located, match_date, match_funding, match_quote, norm, score_document


def fr(**kw):
    row = dict(deal_type="funding", company="Jasper.Ai", amount=1.25e8, amount_max=None, currency="USD", amount_usd=1.25e8,
               amount_text="1.25亿美元", round="A", investors=[], company_count=None, evidence="Jasper.Ai完成了1.25亿美元的A轮融资。")
    row.update(kw)
    return row


GOLD_FR = {"deal_type": "funding", "company": "Jasper.Ai", "amounts": [[125000000.0, "USD"]], "text": "Jasper.Ai完成了1.25亿美元的A轮融资",
           "round": "A", "company_aliases": ["Jasper AI"]}


def test_norm_folds_script_width_and_space():
    assert norm("騰訊 投資 ＡＩ") == "腾讯投资AI"


def test_norm_drops_zero_width_characters_as_cleaning_does():
    assert norm("预计估值在60\u200b\u200b0亿美元") == norm("预计估值在600亿美元")


def test_gold_text_copied_with_pinyin_readings_is_located_in_clean_evidence():
    # a gold text copied from a raw page keeps the readings that cleaning took out of the evidence
    assert located("Arm估值達(dá)到644億美元", "由此测算彼时Arm估值达到644亿美元。")
    assert not located("Arm估值達到944億美元", "由此测算彼时Arm估值达到644亿美元。")


def test_amount_within_two_percent_same_currency():
    assert match_funding(fr(amount=1.26e8), GOLD_FR)
    restated = {**GOLD_FR, "amounts": [[1e11, "CNY"], [1.38e10, "USD"]]}
    assert match_funding(fr(amount=1e11, currency="CNY", amount_usd=1.38e10, amount_text="1000亿元人民币(138亿美元)"), restated)
    assert not match_funding(fr(amount=1.3e8), GOLD_FR)
    assert not match_funding(fr(currency="CNY"), GOLD_FR)


def test_company_alias_and_round():
    assert match_funding(fr(company="Jasper AI"), GOLD_FR)
    assert not match_funding(fr(company="Jasper"), GOLD_FR)
    assert not match_funding(fr(round="B"), GOLD_FR)


def test_gold_without_amount_rejects_predicted_amount():
    gold = {"deal_type": "investment", "company": "MiniMax", "amounts": [], "text": "腾讯投资MiniMax", "investors": ["腾讯"]}
    row = fr(deal_type="investment", company="MiniMax", amount=None, currency=None, investors=["腾讯"], evidence="腾讯投资MiniMax两家公司")
    assert match_funding(row, gold)
    assert not match_funding({**row, "amount": 1e8, "currency": "CNY"}, gold)
    assert not match_funding({**row, "investors": []}, gold)


def test_located_tolerates_sentence_boundaries():
    assert located("Inflection AI,在6月底完成13億美元融資", "另一笔则是Inflection AI,在6月底完成13亿美元融资后,其估值也达到了40亿美元。")
    assert not located("完全不同的一句话", "Inflection AI完成融资")


def test_quote_speaker_alias_and_description():
    gold = {"speaker": "投资人", "quote_prefix": "OpenAI一开始也Open"}
    assert match_quote({"speaker": "一位在人工智能领域深耕多年的投资人", "quote": "Open AI一开始也Open,但微软入股后"}, gold)
    assert not match_quote({"speaker": "投资人们的朋友", "quote": "OpenAI一开始也Open,但"}, gold)
    assert not match_quote({"speaker": "投资人", "quote": "一开始也Open"}, gold)


def test_date_by_start_and_precision():
    gold = {"text": "6月底", "accept": [["2023-06-30", "day"], ["2023-06-01", "month"]]}
    assert match_date({"text": "6月底", "start_date": date(2023, 6, 30), "precision": "day"}, gold)
    assert match_date({"text": "6月底", "start_date": date(2023, 6, 1), "precision": "month"}, gold)
    assert not match_date({"text": "6月底", "start_date": date(2022, 6, 30), "precision": "day"}, gold)


def test_optional_items_absorb_predictions_and_duplicates_count_once():
    golds = [dict(GOLD_FR), {**GOLD_FR, "company": "王慧文", "amounts": [[5e7, "USD"]], "text": "说5000万美元", "optional": True, "round": None}]
    preds = [fr(), fr(), fr(company="王慧文", amount=5e7, round=None, evidence="说5000万美元,带资入组"), fr(company="别的公司")]
    score = KindScore()
    score_document("funding_rounds", preds, golds, "doc", score)
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    assert score.extras and "别的公司" in score.extras[0]


def test_a_repeated_prediction_is_found_where_any_telling_is():
    # blind set M: the headline's telling matched an optional item, the body's the required one;
    # which row the database returned first decided the score.
    golds = [{"company": "Shein", "amounts": [[6.6e10, "USD"]], "text": "现在的估值达到660亿美元"},
             {"company": "Shein", "amounts": [[6.6e10, "USD"]], "text": "Shein实现史上最高半年利润 估值达660亿美元", "optional": True}]
    headline = dict(company="Shein", amount=6.6e10, amount_max=None, currency="USD", amount_usd=6.6e10, amount_text="660亿美元",
                    basis=None, evidence="原标题:Shein实现史上最高半年利润估值达660亿美元据Shein在一封给投资者的信中表示")
    body = dict(headline, evidence="根据5月的一份报告,该公司在2022年的销售额达到230亿美元,现在的估值达到660亿美元。")
    for order in ([headline, body], [body, headline]):
        score = KindScore()
        score_document("valuations", order, golds, "doc", score)
        assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_two_rounds_of_one_company_without_amounts_are_two_predictions():
    # blind set Q: 寻汇SUNRATE's D2 round (the news) and its D1 round (a month before), neither with an amount
    golds = [{**GOLD_FR, "company": "寻汇SUNRATE", "amounts": [], "round": "D2", "text": "寻汇SUNRATE完成D2轮融资"},
             {**GOLD_FR, "company": "寻汇SUNRATE", "amounts": [], "round": "D1", "text": "寻汇SUNRATE在一个月前刚完成D1轮融资"}]
    preds = [fr(company="寻汇SUNRATE", amount=None, amount_usd=None, currency=None, round="D2", evidence="寻汇SUNRATE完成D2轮融资。"),
             fr(company="寻汇SUNRATE", amount=None, amount_usd=None, currency=None, round="D1", evidence="寻汇SUNRATE在一个月前刚完成D1轮融资。")]
    score = KindScore()
    score_document("funding_rounds", preds, golds, "doc", score)
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_two_rounds_of_one_company_from_different_investors_are_two_predictions():
    # blind set Y: 行歌科技's strategic rounds, from 蔚来… at its founding and from 联想… in 2022
    evidence = "其成立之初,就获得了蔚来、上汽等战略投资;2022年又陆续获得了联想、博世等知名企业的战略投资。"
    golds = [{**GOLD_FR, "company": "行歌科技", "amounts": [], "round": "strategic", "investors": ["蔚来", "上汽"], "text": "就获得了蔚来、上汽等战略投资"},
             {**GOLD_FR, "company": "行歌科技", "amounts": [], "round": "strategic", "investors": ["联想", "博世"], "text": "又陆续获得了联想、博世等知名企业的战略投资"}]
    preds = [fr(company="行歌科技", amount=None, amount_usd=None, currency=None, round="strategic", investors=["蔚来", "上汽"], evidence=evidence),
             fr(company="行歌科技", amount=None, amount_usd=None, currency=None, round="strategic", investors=["联想", "博世"], evidence=evidence)]
    score = KindScore()
    score_document("funding_rounds", preds, golds, "doc", score)
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
