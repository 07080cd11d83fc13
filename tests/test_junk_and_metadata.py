"""Junk removal and page metadata, table by table, grouped by where each example came from:
the seeds, the page shapes of the 2023 news corpus (written anew here, not copied), and
synthetic cases that pin a rule or guard against a false positive."""

from __future__ import annotations

from datetime import datetime

import opencc
import pytest

from extractors import rules
from extractors.cleaning import clean, fold_width, to_simplified
from extractors.metadata import original_title, read_metadata

# --- lottery spam ------------------------------------------------------------------------------

SPAM_REMOVED = [
    # seed 003, as injected
    ("seed 003", "中国人的中国今晚买四不像技术不亚于欧美。", "中国人的中国技术不亚于欧美。"),
    ("seed 003", "欢迎来到 香港二四六开奖资料大全\n正文。", "正文。"),
    ("seed 003", "领先。澳门天天六开彩免费资料\n下一段。", "领先。\n下一段。"),
    ("seed 003", "但对于基础大模型、2024澳门正版资料免费更新应用大模型", "但对于基础大模型、应用大模型"),
    # the same family in spellings the seeds do not have
    ("synthetic", "大模型新澳门天天开好彩大全的发展", "大模型的发展"),
    ("synthetic", "今年管家婆一码一肖100准确市场", "今年市场"),
    ("synthetic", "算力494949澳门今晚开奖结果需求", "算力需求"),
    ("synthetic", "新澳精准资料免费公开,行业", ",行业"),
    ("synthetic", "芯片王中王一肖一特必中出货", "芯片出货"),
    ("synthetic", "融资2025年新澳门正版资料大全完成", "融资完成"),
    ("synthetic", "香港六合彩开奖记录今晚直播企业", "企业"),
    ("synthetic (Traditional)", "大模型澳門天天六開彩免費資料的發展", "大模型的发展"),
    ("synthetic", "白小姐三肖三码期期准公司", "公司"),
]


NOT_SPAM = [
    # news that uses the weak words, or a strong one's characters, in its own sense
    ("synthetic", "香港马会与澳门大学合作推出免费资料库"),
    ("synthetic", "这款产品做成了四不像,用户并不买账"),
    ("synthetic", "公司今晚开发布会,正式更新大模型"),
    ("synthetic", "香港交易所公布最新资料:2024年上市公司一览"),
    ("synthetic", "该彩票公司于2023年开展数字化转型"),
    ("synthetic", "研究显著提升了开放资料的准确率"),
]


@pytest.mark.parametrize("source, text", NOT_SPAM, ids=[t[:12] for _, t in NOT_SPAM])
def test_news_words_are_not_spam(source, text):
    assert clean(text).text == fold_width(text)


# --- pinyin readings ---------------------------------------------------------------------------

PINYIN = [
    ("seed 002", "AI大模型向“錢”進(jìn),誰能賺到第一桶金?", "AI大模型向“钱”进,谁能赚到第一桶金?"),
    ("seed 002", "互聯(lián)網(wǎng)時代", "互联网时代"),
    ("seed 002", "發(fā)展研究中心", "发展研究中心"),
    ("synthetic", "进(jin4)入", "进入"),
    # not readings: acronyms, words, a toneless syllable
    ("synthetic", "人工智能(AI)和应用(app)", "人工智能(AI)和应用(app)"),
    ("synthetic", "咖啡(café)与大模型(gpt)", "咖啡(café)与大模型(gpt)"),
    ("synthetic", "流量(PV)与访客(UV)", "流量(PV)与访客(UV)"),
]


INLINE_JUNK = SPAM_REMOVED + PINYIN


@pytest.mark.parametrize("source, raw, expected", INLINE_JUNK, ids=[f"{s}:{r[:12]}" for s, r, _ in INLINE_JUNK])
def test_spam_and_pinyin_inside_lines(source, raw, expected):
    assert clean(raw).text == expected


# --- page chrome -------------------------------------------------------------------------------

BODY = "大模型行业进入了一个新的周期,投资人们马不停蹄地寻找机会,创业公司纷纷推出产品。" * 6

CHROME = [
    ("seed 003", "联系我们\n地址:联系地址\n电话:020-123456789\n传真:020-123456789\n邮箱:admin@aa.com\n" + BODY, BODY),
    ("seed 003", BODY + "\n城市分站\n友情链接\n0.1098\nCopyright © 2024 Powered by 某站 sitemap", BODY),
    ("seed 003", "作者|闫妍\n编辑|章剑锋\n出品|网易科技《后厂村7号》栏目(ID: tech_163)\n" + BODY, BODY),
    ("seed 002", "來源:互聯網 發布日期:2023-07-27 09:42:21 瀏覽:21987次\n" + BODY + "\n責編:郭霽瑤\n贊助本站", BODY),
    ("seed 002", BODY + "\n相關熱詞: 大模型 誰能\n相關內容\nAiLab云推薦\n推薦內容\n展開", BODY),
    ("seed 001", "2023-08-12 15:00 巴比特1\n" + BODY + "\n鄭重聲明:本文版權歸原作者所有\n標題:某标题\n地址:https://x/1.html\n相關閱讀:", BODY),
    ("seed 000", "今天小編分享的互聯網經驗:某标题,歡迎閲讀。\n" + BODY + "(本文首發钛媒體 App,作者|林志佳)\n更多精彩内容,關注钛媒體微信号", BODY),
    ("seed 004", BODY + "\n【资料图】\n" + BODY, BODY + "\n" + BODY),
    ("seed 003", "谁在中国“围猎”AIGC?\n" + BODY + "\n谁在中国“围猎”AIGC?\n" + BODY, "谁在中国“围猎”AIGC?\n" + BODY + "\n" + BODY),
    # one-line pages of the news corpus: a header, then footers stacked after the last sentence
    ("corpus shape", "2023-08-02 16:23，正文：" + BODY + "返回搜狐，查看更多责任编辑：", BODY),
    ("corpus shape", "[              2023/07/20  16:08              ]，正文：" + BODY + "（完）【编辑：付子豪】更多精彩内容请进入财经频道", BODY),
    ("corpus shape", "来源：中国青年报客户端，正文：" + BODY + "(记者 张杨)(责任编辑：乔娇 TT0002)", BODY),
    ("corpus shape", "，正文：" + BODY + "本文属于原创文章，如若转载，请注明来源：某标题https://news.example.com/1.html", BODY),
    ("corpus shape", "，正文：" + BODY + "本文为数据整理，不对您构成任何投资建议，投资有风险，请谨慎决策。〖证星研究〗本文不构成投资建议，股市有风险，投资需谨慎。返回搜狐，查看更多责任编辑：", BODY),
    ("corpus shape", "，正文：" + BODY + "来源：环球网返回搜狐，查看更多责任编辑：", BODY),
    ("corpus shape", "，正文：" + BODY + "如遇作品内容、版权等问题，请在相关文章刊发之日起30日内与本网联系。版权侵权联系电话：010-12345678", BODY),
    ("corpus shape", "，正文：" + BODY + "分享让更多人看到", BODY),
    ("corpus shape", "，正文：" + BODY + "更多资讯，下载某某财经app；欲加入投资群，请加客服微信(abc)", BODY),
    ("corpus shape", "，正文：" + BODY + "相关链接：上半年存贷款增量创新高湖南金融机构让利104亿元", BODY),
]


@pytest.mark.parametrize("source, raw, expected", CHROME, ids=[f"{s}:{i}" for i, (s, *_) in enumerate(CHROME)])
def test_page_chrome_is_removed_and_counted(source, raw, expected):
    cleaned = clean(raw)
    assert cleaned.text == expected
    assert cleaned.chars_removed == len(raw) - len(expected)


KEPT = [
    # body sentences that only look like chrome
    ("synthetic", BODY + "“投资有风险,但不投资风险更大。”他说。" + BODY),
    ("synthetic", BODY + "\n记者从发布会上获悉,公司完成了新一轮融资。"),
    ("seed 003", BODY + "\n(应受访者要求AI创业者陈东为化名)"),
    ("synthetic", "2023年8月15日,某公司宣布完成1亿元融资,由红杉中国领投,老股东跟投。" + BODY),
]


@pytest.mark.parametrize("source, text", KEPT, ids=[f"{s}:{i}" for i, (s, _) in enumerate(KEPT)])
def test_body_text_is_kept(source, text):
    assert clean(text).text == text


# --- OpenCC configs ----------------------------------------------------------------------------

CONVERSION = [
    ("hant", "他看著螢幕,手臂麻痺", "他看着萤幕,手臂麻痹"),  # Taiwan forms: tw2s
    ("hant", "保衞數據安全", "保卫数据安全"),  # Hong Kong variant: hk2s
    ("hans", "效果显著,以技术著称", "效果显著,以技术著称"),  # tw2s would break these into 显着/着称
    ("hant", "軟體與滑鼠", "软体与滑鼠"),  # characters only: tw2sp's word rewrites would move offsets
]


@pytest.mark.parametrize("script, raw, expected", CONVERSION)
def test_simplified_conversion_keeps_length(script, raw, expected):
    assert to_simplified(raw, script) == expected


def test_rule_tables_traditional_forms_convert_to_simplified_ones():
    table = rules.load("cleaning")
    convert = opencc.OpenCC("t2s").convert
    for section in (table["drop_line"]["labels"], table["drop_line"]["whole"], table["truncate_at"]["headings"],
                    table["spam"]["strong"], table["spam"]["alone"], table["spam"]["weak"]):
        hans = set(section["hans"])
        assert not [w for w in section["hant"] if convert(w) not in hans]


# --- metadata ----------------------------------------------------------------------------------

META = [
    # (source, normalized text, expected fields)
    ("seed 001", "大模型的混沌年代:矛盾、分化与未来\n\n2023-08-12 15:00 巴比特1\n\n经历了大半年的狂飙。",
     {"title": "大模型的混沌年代:矛盾、分化与未来", "published_at": datetime(2023, 8, 12, 15, 0), "source_name": "巴比特"}),
    ("seed 002", "AI大模型向“钱”进,谁能赚到第一桶金?\n来源:互联网   发布日期:2023-07-27 09:42:21   浏览:21987次\n《中国经济周刊》记者 孙冰 | 北京报道",
     {"title": "AI大模型向“钱”进,谁能赚到第一桶金?", "published_at": datetime(2023, 7, 27, 9, 42, 21), "author": "孙冰", "source_name": "中国经济周刊"}),
    ("seed 003", "谁在中国“围猎”AIGC?\n  来源:  更新时间:2024-05-19 12:46:52\n作者|闫妍\n编辑|章剑锋",
     {"published_at": datetime(2024, 5, 19, 12, 46, 52), "author": "闫妍"}),
    ("seed 000", "今天小编分享的互联网经验:大模型正“杀死”元宇宙,欢迎阅读。\n正文。\n周志峰强调。(本文首发钛媒体 App,作者|林志佳)",
     {"title": "大模型正“杀死”元宇宙", "author": "林志佳", "source_name": "钛媒体"}),
    ("seed 004", "这是人工智能最疯狂的半年,也是大模型最矛盾、分裂的半年。\n正文。\n北京商报记者 杨月涵",
     {"title": None, "published_at": None, "author": "杨月涵", "source_name": "北京商报"}),
    ("issue", "[2023/08/17  20:29]\n正文第一段。", {"published_at": datetime(2023, 8, 17, 20, 29)}),
    # the corpus's header forms (one-line pages)
    ("corpus shape", "2023-08-02 16:23,正文:原标题:某公司完成亿元融资截至2023年8月1日收盘,某公司报收于5.2元。",
     {"published_at": datetime(2023, 8, 2, 16, 23), "title": "某公司完成亿元融资"}),
    ("corpus shape", "[              2023/07/20  16:08              ],正文:中国经济网北京7月20日讯 今日,某股下跌。",
     {"published_at": datetime(2023, 7, 20, 16, 8), "source_name": "中国经济网"}),
    ("corpus shape", "23-07-26 05:50,正文:本报讯(记者 杨洋)7月25日记者获悉。", {"published_at": datetime(2023, 7, 26, 5, 50)}),
    ("corpus shape", "202308/02 10:16:36,正文: 新华社海口8月2日电(记者吴茂辉)记者获悉。",
     {"published_at": datetime(2023, 8, 2, 10, 16, 36), "author": "吴茂辉", "source_name": "新华社"}),
    ("corpus shape", "http://www.example.com    2023年07月19日 13:52    来源:中新网广东,正文:中新网广东新闻7月18日电(记者 郑小红)某平台宣布开放。",
     {"published_at": datetime(2023, 7, 19, 13, 52), "author": "郑小红", "source_name": "中新网广东"}),
    ("corpus shape", "07-21 10:13,正文:近日,某基金举办策略会。", {"published_at": None}),  # no year: not stated
    ("corpus shape", "2023-08-03 11:08,正文:原标题:小鹏汽车副总裁离职,将加入英伟达2023-08-03 11:08:38 作者:姚立伟 近日,某某离职。",
     {"title": "小鹏汽车副总裁离职,将加入英伟达", "author": "姚立伟"}),
    ("corpus shape", "2023-08-01 10:13,正文:原标题:台湾为何难圆独角兽企业梦参考消息网8月1日报道 据台湾媒体报道。",
     {"title": "台湾为何难圆独角兽企业梦"}),
    ("corpus shape", "2023-08-02 21:02,正文:原标题:寿林芬:保护近代文献 赓续中华文脉寿林芬,祖籍绍兴,从小在山下长大。",
     {"title": "寿林芬:保护近代文献赓续中华文脉"}),
    ("corpus shape", ",正文:某公司发布新品。本文属于原创文章,如若转载,请注明来源:某公司发布新品:支持文生图https://news.example.com/1.html",
     {"title": "某公司发布新品:支持文生图", "source_name": None}),
    # a body date or a reporter mentioned in the body is no metadata
    ("synthetic", "2023年7月19日,中共中央政治局委员在北京会见来宾。北京时间2023年7月20日,会议结束。\n第二段。", {"published_at": None}),
    ("synthetic", "2023-08-02 16:23,正文:记者了解到,公司近日完成融资。", {"author": None}),
    ("synthetic", "2023-08-02 16:23,正文:近日,某公司完成融资。", {"author": None}),
]


@pytest.mark.parametrize("source, text, expected", META, ids=[f"{s}:{i}" for i, (s, *_) in enumerate(META)])
def test_metadata_from_page_patterns(source, text, expected):
    meta = read_metadata(fold_width(to_simplified(text, "hant")))
    assert {name: getattr(meta, name) for name in expected} == expected


def test_original_title_needs_a_boundary():
    """Without any sign of where the title ends, no title rather than a sentence."""
    assert original_title("原标题:某地开展活动活动吸引了很多市民参加并获得好评。后续还将继续举办") is None
