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
