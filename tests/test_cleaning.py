"""Cleaning: Simplified text, junk removed, offsets that point back into the raw text."""

from __future__ import annotations

import pytest

from extractors.cleaning import clean, detect_script
from extractors.metadata import read_metadata
from extractors.text import apply_edits, split_sentences


def test_traditional_to_simplified_in_place():
    c = clean("互聯網經驗:大模型正“殺死”元宇宙")
    assert c.text == "互联网经验:大模型正“杀死”元宇宙"
    assert c.script == "hans" or c.script == "hant"


def test_characters_simplified_also_writes_stay_in_a_simplified_document():
    # corpus: 纳米盒已获得岩桥投资、顺为资本、乾明资本等知名机构的投资 (OpenCC alone gives 干明资本)
    c = clean("成立至今，纳米盒已获得岩桥投资、顺为资本、乾明资本等知名机构的投资，於是上市。")
    assert c.script == "hans"
    assert "乾明资本" in c.text and "于是" in c.text  # the stray Traditional 於 is still converted
    assert "乾明資本" not in clean("乾明資本獲得融資，這是一個繁體文件，資料顯示其業務發展迅速。").text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("7 月 6 日,2023 世界人工智能大會", "7月6日,2023世界人工智能大会"),
        ('在 " 元宇宙 " 和 AI 的會議上', '在"元宇宙"和AI的会议上'),
        ("Morph Studio 和生數科技", "Morph Studio和生数科技"),
        ("全角：１２３，ＡＢＣ", "全角:123,ABC"),
        # heldout article: zero-width spaces inside a figure (60\u200b\u200b0亿美元)
        ("预计估值在60\u200b\u200b0亿至700亿\ufeff美元", "预计估值在600亿至700亿美元"),
    ],
)
def test_whitespace_and_width(raw, expected):
    assert clean(raw).text == expected


def test_removed_zero_width_characters_keep_offsets_into_the_raw_text():
    raw = "估值60\u200b\u200b0亿美元"
    c = clean(raw)
    start = c.text.index("600亿美元")
    assert raw[slice(*c.mapped.raw_span(start, start + len("600亿美元")))] == "60\u200b\u200b0亿美元"


@pytest.mark.parametrize(("raw", "expected"), [
    ("吉利(jílì)德科学以49亿美元(yìměiyuán)的价格", "吉利德科学以49亿美元的价格"),  # (a page of RA, a scraped copy)
    ("咖啡馆(café)和应用(app)以及(AI)", "咖啡馆(café)和应用(app)以及(AI)"),  # words in brackets stay
])
def test_readings_of_several_syllables_removed(raw: str, expected: str):
    assert clean(raw).text == expected


def test_pinyin_annotations_removed():
    c = clean("AI大模型向“錢”進(jìn),互聯(lián)網(wǎng)時代,F(xiàn)acebook")
    assert "(jìn)" not in c.text and "(lián)" not in c.text and "(xiàn)" not in c.text
    assert "互联网" in c.text


def test_kangxi_radicals_and_compatibility_ideographs_folded():
    # Text copied out of PDFs: ⾦ (U+2FA6) for 金, ⼭ for 山; Traditional radicals are then simplified.
    raw = "E系列融資⾦額合計達到近8億元，投資方包括鈞⼭資本。⾨店"
    c = clean(raw)
    assert c.text == "E系列融资金额合计达到近8亿元,投资方包括钧山资本。门店"
    assert len(c.text) == len(raw)  # one for one: offsets keep pointing into the raw text


def test_footnote_marks_removed_and_a_bullet_after_one_ends_the_item():
    c = clean("[1] 第一点:估值16亿美元[18],公司Scale AI[28][29]。量产 [3] - 加速进化完成A轮融资")
    assert c.text.startswith("[1]")  # a mark opening a line numbers a list
    assert "[18]" not in c.text and "[28]" not in c.text and "Scale AI。" in c.text
    assert "量产\n加速进化完成A轮融资" in c.text  # the bullet's item ends at the mark


def test_lottery_spam_removed():
    c = clean("中国人的中国今晚买四不像技术不亚于欧美。澳门天天六开彩免费资料\n但对于基础大模型、2024澳门正版资料免费更新应用大模型")
    for spam in ("四不像", "六开彩", "正版资料", "2024澳门"):
        assert spam not in c.text
    assert "技术不亚于欧美" in c.text and "应用大模型" in c.text


def test_chrome_lines_dropped_and_counted():
    raw = "联系我们\n电话:020-123456789\n邮箱:admin@aa.com\n正文第一段,说了很多事情。\nCopyright © 2024 Powered by X"
    c = clean(raw)
    assert c.text == "正文第一段,说了很多事情。"
    assert c.chars_removed == len(raw) - len(c.text)


def test_trailing_link_list_truncated():
    body = "正文。" * 100
    c = clean(body + "\n相关阅读:\n另一篇文章的标题\n又一篇")
    assert c.text == body


@pytest.mark.parametrize("text", ["互聯網經驗:大模型正“殺死”元宇宙\n進(jìn)  7 月 6 日 ,  投資", "联系我们\n电话:1\n正文 甲 乙 丙。\n"])
def test_offsets_map_back_to_raw(text):
    c = clean(text)
    # every clean character comes from a raw character that is it (or its Traditional form)
    from extractors.cleaning import fold_width, to_simplified

    for i, ch in enumerate(c.text):
        raw_pos = c.mapped.to_raw(i)
        assert fold_width(to_simplified(text[raw_pos])) == ch


def test_apply_edits_stage_maps_positions():
    new, stage = apply_edits("abcdef", [(1, 3, ""), (4, 5, "XY")])
    assert new == "adXYf"
    assert [stage.to_old(i) for i in range(len(new))] == [0, 3, 4, 4, 5]


def test_sentences_split_on_stops_and_lines():
    text = "第一句。第二句!\n第三句“引语。”后面"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["第一句。", "第二句!", "第三句“引语。”", "后面"]


def test_script_detection():
    assert detect_script("這是繁體中文的文章,經濟與資本") == "hant"
    assert detect_script("这是简体中文的文章,经济与资本") == "hans"


def test_metadata_from_page_patterns():
    meta = read_metadata("AI大模型向“钱”进,谁能赚到第一桶金?\n来源:互联网   发布日期:2023-07-27 09:42:21   浏览:21987次\n《中国经济周刊》记者 孙冰 | 北京报道")
    assert meta.title == "AI大模型向“钱”进,谁能赚到第一桶金?"
    assert meta.published_at.isoformat() == "2023-07-27T09:42:21"
    assert (meta.author, meta.source_name) == ("孙冰", "中国经济周刊")


# A filing copied from its PDF (web news PM: 收购福州四九八网络科技有⏎限公司90%股权), written anew:
# lines end where the page did, so names and sentences are broken across them.
_HARD_WRAPPED = (
    "华通科技:关于收购杭州云帆信息技术有限公司60%股权的公告\n"
    "本公司及董事会全体成员保证公告内容的真实、准确和完整,没有虚假记\n"
    "载、误导性陈述或者重大遗漏。\n"
    "特别风险提示\n"
    "1、华通科技集团股份有限公司(以下简称“上市公司”或“华通科技”)拟以\n"
    "自有资金36,000万元人民币收购杭州云帆信息技术有限公司(以下简称“标\n"
    "的公司”或“云帆信息”)60%股权,成交价格以评估价值为基础,经双方协商\n"
    "确定。\n"
    "2、本次交易不构成关联交易,也不构成重大资产重组,尚需提交公司股东\n"
    "大会审议。\n"
    "3、本次交易完成后,公司将持有云帆信息60%的股权,云帆信息将成为公司\n"
    "控股子公司。\n"
)


def test_hard_wrapped_lines_joined_with_offsets_into_the_raw_text():
    c = clean(_HARD_WRAPPED)
    assert "没有虚假记载、误导性陈述" in c.text
    assert "(以下简称“标的公司”或“云帆信息”)60%股权" in c.text
    assert "经双方协商确定。\n2、本次交易" in c.text  # a list item keeps its own line
    assert c.text.startswith("华通科技:关于收购杭州云帆信息技术有限公司60%股权的公告\n")  # the title too
    start = c.text.index("拟以自有资金")
    assert _HARD_WRAPPED[slice(*c.mapped.raw_span(start, start + 6))] == "拟以\n自有资金"


def test_news_paragraphs_are_not_joined():
    paragraphs = [
        "7月6日,2023世界人工智能大会在上海开幕,多家企业发布大模型产品",
        "百川智能宣布完成A1轮战略融资,金额为3亿美元,腾讯、阿里、小米等参投。这是百川智能成立以来的第二轮融资",
        "会上,王小川表示,公司将在年内发布更大规模的模型",
        "与此同时,智谱AI也宣布了新的商业化进展,其开放平台的开发者数量已超过十万",
        "分析人士认为,大模型赛道的竞争将更加激烈,头部企业的优势会进一步扩大",
        "据不完全统计,上半年国内大模型领域共发生融资事件超过40起",
        "业内人士指出,算力成本依然是制约行业发展的最大因素之一",
    ]
    text = "\n".join(paragraphs)
    assert clean(text).text == text
