"""Funding rounds, investments, acquisitions and aggregates, read sentence by sentence.

Shapes (rules in rules/funding.toml):
- funding: COMPANY 完成/获得/宣布完成 [由X领投的] [MONEY] [的] [ROUND轮] 融资; COMPANY 融得/筹集 MONEY
- deal verbs with an object: BUYER 收购/购买/投资/增持/入股 … OBJECT[、OBJECT…] [(X持有的) N%股权];
  the verb table says what each records (investment, acquisition) and how sure it is;
- INVESTOR 对/向 COMPANY [MONEY] 投资/增资/注资; INVESTOR 对 COMPANY 的 MONEY (about investments);
- passive: TARGET 被 ACQUIRER (以 MONEY) 收购;
- aggregate: a class of companies (51家AIGC初创企业, AI初创公司) in any of the shapes above.
Investors come from the same sentence (由X领投，Y、Z跟投, 投资方包括…); the price from the
clause (以/作价/斥资 MONEY, 交易价格为 MONEY); a clause about IPOs, loans, revenue, costs,
pledges or prizes is not a deal. Companies are cleaned and tracked by extractors.entities.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
import dataclasses
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.dates import DateSpan, date_near
from extractors.entities import (
    CompanyName,
    CompanyRegister,
    anaphora_words,
    as_written_alone,
    as_written_whole,
    coded_company_name,
    name_core,
    unit_of_owner,
    company_name,
    is_anaphor,
    is_field_name,
    is_place,
    is_trade,
    is_trade_ending,
    is_well_known,
    leading_date_end,
    looks_like_company,
    name_after_descriptors,
    place_named,
    without_region,
    without_tag,
)
from extractors.money import MoneySpan, read_as_yuan
from extractors.numbers import parse_number
from models import NO_MONEY, FundingRound, Money

ROUND_LETTER = r"(?:Pre-?IPO|Pre-?[A-Ka-k]\+{0,2}|[A-K]\d?\+{0,2})"
CLAUSE_CHAR = r"(?:[^，,。；;！？!?\n]|(?<=\d),(?=\d{3}))"  # (a thousands comma, 7,360万美元, ends no clause)
CLAUSE_STOPS = "，,；;：:。！？!?\n"
_THOUSANDS_COMMA = regex.compile(r"\d,\d{3}(?!\d)")
_LIST_COMMA = regex.compile(r"\s*[、,，]\s*")
_LIST_AND = regex.compile(r"\s*(?:以及|及|和|与)\s*")  # (not 同, 跟: 同行, 跟投)
# (一家 only as a tail of a class: 只投资过宇树科技一家机器人公司, but 投资了另一家AI创业公司Anthropic names the company after it)
_ENUM_TAIL = regex.compile(r"(?<=.)(?:等|在内的|为首的)?(?!一家(?![^，,。；]*(?:公司|企业|机构|平台|品牌|厂商|创企|初创)$))(?:[一二两三四五六七八九十\d]+|多|数)(?:家|个|只|支)(?!名为|名叫|叫做)[^，,。；]*$|等+$|等\p{Han}{0,4}?(?:机构|公司|企业|投资方|投资人|投资者|股东|巨头|资本|基金|资方)$")
# Money spent right before the deal verb, its currency not written: 花了43亿入股, 斥资近百亿收购.
_SPENT_BARE = regex.compile(
    r"(?:斥资|斥巨资|耗资|花费了|花费|花了|砸下|豪掷)\s*(?P<amount>(?:约|近|超过?|逾)?\d+(?:\.\d+)?(?:万亿|亿|万))"
    r"(?![\d.元美港欧日英韩澳新加股%倍亿万])\s*(?:的?(?:价格|代价|资金|现金))?\s*$")
# What stands between a subject and its verb: 拟以3亿元, 于10月29日期间通过集中竞价方式, 斥资…
# 以4.39亿元的现金对价 and 以发行股份的方式 may hold 的; 在2022年成立的初创企业X may not (X is the name).
_MANNER_TAIL = regex.compile(
    r"(?:拟|将|计划|已|曾|先后|再度|再次)?"
    r"(?:(?:以(?!色列)|通过|使用|支付|斥资|作价|出资|耗资|花费了|花费|花了|现金|自有资金|自筹资金|(?:合计|共计|累计)投资|投资(?=[约近超逾]?\d)|合共(?=[约近超逾]?\d)|用(?=[约近超逾]?\d))"
    # (a gloss in brackets may hold a comma: 以490亿美元(约3,822亿港元))
    r"(?=[^，,的]*(?:\d|亿|万|元|巨资|重金|期间|手中|之间|时)|[^，,]*(?:方式|形式|速度))(?:[^，,(（]|(?<=\d),(?=\d{3}(?!\d))|[(（][^)）]*[)）])*$"  # (以2,794万元: a thousands comma)
    # (仅次于微软以…: 于 ends a comparison word, it opens no time or place)
    r"|(?:(?<!仅次|次|相当|等同|优|高|低|大|小|多|少|早|晚|基|鉴|由|属|位|处|终|关)于|在|从|向|对)(?=[^，,的]*(?:\d|亿|万|元|方式|形式|期间|手中|之间|时|前|后|领域|赛道|方面))[^，,的]*$"
    # 该公司迄今为止最大的一笔交易是2016年以18亿美元收购…: the deal named before the verb
    r"|(?:迄今为止|迄今|至今|此前|史上)?(?:最大|最新|最近|首|第一|最重要|最贵)的?一?(?:笔|项|宗|起|次)(?:交易|收购|并购|投资)(?:是|为|就是)[^，,]*$"
    # Instacart作为一家初创公司已经筹集了…: what the subject is, not another name
    r"|作为[^，,]*$"
    # 华为通过其全资子公司收购…: the group buys, through a unit it does not name
    r"|(?:拟|将|已)?通过(?:其|旗下|公司)?(?:的)?(?:全资|控股)?(?:子公司|孙公司|附属公司|基金|投资平台|投资公司|关联公司)$"
    # 微软通过收购动视暴雪进入游戏市场: the deal is the means of what follows
    r"|(?:已经|已|曾经|曾|正在|正)?(?:通过|借助|凭借|借由)$"
    # 武汉中商拟发行股份购买…, 蒙牛出手并购…: how the buyer pays, or that it acts
    r"|(?:拟|将|计划)?(?:通过|以)?(?:非公开)?发行股份(?:及|和|并|或)?(?:支付)?(?:现金)?(?:的?方式)?$"
    r"|(?:再度|再次|又|终于|果断|大举)?出手$"
    # 博通提出的610亿美元收购威睿: a bid's price after who made it
    r"|(?:提出|发起|报出|给出)的(?:约|近|超过?|逾)?[\d.,]+[万亿]*(?:美元|元|港元|欧元|英镑|日元)$"
    # 谷歌拟320亿美元收购Wiz, 赛力斯81.64亿元全资收购…: the price right before the verb, no 以
    # (not a figure of the subject's own: 注册资本5520万美元，已于…完成天使轮)
    r"|(?:拟|将|计划|已|曾)?(?<![\d.,本金额值入润模])(?:约|近|超过?|逾)?\d[\d.,]*\s*[万亿]*\s*(?:美元|美金|人民币|元|港元|港币|欧元|英镑|日元)(?:的?现金|全资)?$"
    # 微软以创纪录的190亿美元收购了…: 以 with a word of size before the amount
    r"|(?:拟|将|已)?以(?:创纪录|破纪录|史上最高|高达|总额|总计|合计)的?(?:约|近|超过?|逾)?\d[^，,]*$"
    # 谷歌公司2006年收购YouTube: a bare time between the buyer and the verb
    r"|(?<=\p{Han}|[A-Za-z]{2})(?:(?:19|20)\d{2}年|\d{1,2}月(?:\d{1,2}日)?|(?:今年|去年|前年)(?:\d{1,2}月)?)(?:初|底|末|中|上半年|下半年)?(?:曾|已|又|就)?$)"
)
# What stands between an announcing subject and its deal: X发布公告(称), X也发公告称.
_ANNOUNCE_TAIL = regex.compile(
    r"(?:也|还|则|亦|再次|同时)?(?:于?(?:今日|今天|昨日|日前|近日|晚间|早间|同日|当日|(?:\d{1,2}月)?\d{1,2}日)(?:晚间|早间|晚)?)?"
    r"(?:(?:(?:于|在)[^，,。；;]{2,12}?)?(?:发布|披露|发出|发)?了?(?:公告|通告|声明)(?:称|显示|表示|指出|宣布)?(?:拟|将|计划)?(?:正式|全面)?"
    # 披露重大资产重组计划, 公布收购草案: a plan made public, then the deal in the next clause
    r"|(?:发布|披露|公布|抛出|推出)了?[^，,。；;]{0,12}?(?:计划|方案|草案|预案|报告书|公告))$"
)
_STOCK_QUOTE = regex.compile(r"[(（]\s*-?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?%\s*[)）]")
_CONSORTIUM = regex.compile(
    r"(?:以|由|^)(?P<lead>[^，,。；;]{2,40}?)(?:为主|为首|牵头|领衔|主导)(?:的|组成的)?(?:财团|联合体|投资团|买方团)(?:将|拟|已|正式|计划)*$"
)
_APPROVED = regex.compile(r".*(?:批准|同意|允许|放行|核准|不反对|公示|审结|协助|帮助|(?:案|会|局|委|部)(?:\d{1,2}日)?(?:审议)?通过)了?")  # (第三案通过X以…增资Y, 投审会25日通过X…: the body approves, X invests)  # 公示了X收购Y股权案, 协助X收购Y: X buys
# …将有大转变近期传出特斯拉收购了…: hearsay (a run-in headline before it) opens the telling
_HEARSAY = regex.compile(".*" + rules.alternation(rules.load("funding")["hearsay"]["words"]))


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether `pos` sits inside brackets opened after `start`."""
    return text.count("(", start, pos) + text.count("（", start, pos) > text.count(")", start, pos) + text.count("）", start, pos)


def _blank_quotes(phrase: str) -> str:
    """Stock quotes in brackets, (8.11, -0.02, -0.25%), as ideographic spaces of the same length."""
    return _STOCK_QUOTE.sub(lambda m: "\u3000" * len(m.group(0)), phrase) if "%" in phrase else phrase


# An amount written between a round and its noun (B轮数亿元融资, E轮4.1亿元人民币的融资)
_AMOUNT_BETWEEN = r"(?:总计|共计|合计|总额)?(?:近|约|超过?|逾)?[\d.,数几十百千万亿]+(?:元|美元|美金|港元|欧元|英镑|日元)?(?:人民币)?(?:[(（][^()（）]{1,20}[)）])?(?:级别|级)?的?"


def _strip_manner(phrase: str) -> str:
    """软银于2016年以约320亿美元的价格 → 软银: manner phrases can follow one another. A time
    written first (在今年5月份作业帮还曾…) goes before them: 在 opening it is no manner's."""
    head = leading_date_end(phrase)
    if head and phrase[head:].strip():
        phrase = phrase[head:]
    if not rules.may_match(_MANNER_TAIL, phrase):
        return phrase
    for _ in range(3):
        shorter = _MANNER_TAIL.sub("", phrase)
        if shorter == phrase:
            break
        phrase = shorter
    return _PAID_WITH_TAIL.sub("", phrase)  # 中闽能源拟发行股份和可转换公司债券(购买…)


_INVEST_WORD = regex.compile(r"投资|融资|注资|入股")
# Who an investment told after a report or an inquiry is by: …调查微软最近对Mistral的…投资
_ACT_REPORTED = regex.compile(
    r".*(?:调查|审查|关注|批评|质疑|起诉|指控|披露|证实|确认|报道称?|透露|获悉)(?:了)?(?P<actor>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,15}?)"
    r"(?:最近|近期|近日|此前|之前|早前|日前|曾经|曾|已经|已|还|也|将|今年|去年)*$")
_PUT_IN_BEFORE = regex.compile(r"(?:出资|斥资|拿出|以)(?:自有|自筹)?(?:资金|现金)?(?:约|近|超过?|逾|不超过|不高于|最多|至多)?$")  # (以自有资金N对X进行投资)
_RAISED_RIGHT_BEFORE = regex.compile(r"(?:投资|融资)(?:约|近|超过?|逾)?\s*$")
_DREW_LED = regex.compile(r"\s*(?:吸引了?|获得了?|迎来了?)[^，,。；;]{2,60}?(?:领投|参投|跟投|投资|注资)的(?:约|近|超过?|逾)?")
_RAISED_NOUN_AFTER = regex.compile(r"\s*的?(?:融资|投资|资金)")
_PERIOD = regex.compile(r"(?:19|20)\d{2}\s*年(?:第?[一二三四1-4]季度|上半年|下半年|\d{1,2}月)?|(?:19|20)\d{2}\s*Q[1-4]")
_TOWARD_FIELD = regex.compile(r"(?:向|对|往)[^，,。；;]{1,12}(?:领域|产业|行业|赛道)的?$")
_LATIN_COLON = regex.compile(r"[A-Za-z]:[A-Za-z]")
_TIME_GAP = regex.compile(r"\s*(?:(?:时隔|相隔|仅隔|短短)[^，,。；;]{1,6}|[^，,。；;]{1,6}?(?:后|之后|以后))[，,]")
_EXCLUDED = regex.compile(r"(?:不含|不包括|不包含|不计|剔除|除去)[^，,。；;)）]{1,12}")
_LED_OF = regex.compile(r"(?:主导|领投|牵头)了?对")
_CLOSING_BRACKET = regex.compile(r"[)）]")
_SHARE_TOLD = regex.compile(r"\s*(?:的|之)?(?:近|约|超过|超|逾)?(?:\d+(?:\.\d+)?%|全部|百分之)")
# What may describe an investment between its amount and 投资: 第二笔多年投资, 小规模的投资.
_INVEST_FILLER = r"(?:(?:第[一二三四五六七八九十\d]+笔|一笔|多年|小规模|大规模|巨额|大额|少量|新一轮|新的|额外|持股|股权)的?)*"
_FURTHER_DEAL = regex.compile(r"第[二三四五六七八九十]笔|又一笔|新一笔|(?:又|再次|再度)(?:向|对)|追加投资|也曾?(?:对|向)")  # …在5月也对Anthropic进行了…投资: an earlier one
_ONE_UNNAMED = frozenset(rules.load("funding")["generic"]["one_unnamed"])
_FUND_TARGET = regex.compile(rules.alternation(rules.load("funding")["generic"]["fund_endings"]) + r"$")
_SHARES_OF_NAME = regex.compile(r"\s*(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,20}?)(?:普通股|优先股|股份|股票|A股|H股)")
_TRADE_ENDING_THEN_COMPANY = regex.compile(r"(?P<trade>\p{Han}{1,3}?)(?:股份有限公司|有限责任公司|有限公司|公司|集团)")
_SHARES_OF = regex.compile(r"\d+(?:\.\d+)?%的?(?:股份|股权)")
_AGREED_WITH = regex.compile(r"(?:目前|已经|已|正式|日前|近日|将)*(?:与|同|和)(?:[^，,。；;（(]|[（(][^）)]*[）)]){2,120}?(?:达成|签署|签订|订立)[^，,。；;]*$")
_STOCK_MOVE = regex.compile(r"(?:盘前|盘中|盘后|早盘|午后|尾盘)?(?:股价)?(?:涨超|跌超|大涨|大跌|涨停|跌停|暴涨|暴跌|涨近|跌近)")
_BY_COMMA_LIST = regex.compile(
    r"由(?P<inv>(?:(?:(?!领投|跟投|参投)[^，,。；;由]){2,40}[，,]){1,8}(?:(?!领投|跟投|参投)[^，,。；;由]){2,40}?)(?:联合|共同)?(?:合投|共投|投资|出资|参投)(?=[，,。；;]|$)")
_COUNT_TAIL = regex.compile(r"\d+(?:\.\d+)?万?(?:多|余)?家$")
_MOVER_AFTER = regex.compile(
    rf"[，,]\s*(?P<name>[\p{{Han}}A-Za-z0-9]{{2,10}}?)(?:却|则|也|更|随即|一度|放量|缩量|直接)*(?:{_STOCK_MOVE.pattern}|高开|低开|直线拉升|封板)")
_ROUND_AMOUNT_FIRST = regex.compile(
    r"\s*(?:\d{1,2}[.、)）]\s*)?(?P<round>(?:Pre-?)?[A-K]\d?\+*|天使|种子|战略|Pre-?IPO)轮(?:融资)?(?P<amount>[^，,。；;]{2,16})[，,]")
_ACTIVITY_END = regex.compile(r"(?:制作|发行|开发|研发|生产|制造|销售|运营|服务|设计|咨询|管理|贸易|物流|零售|分销)$")
_STAKE_JOINT = regex.compile(r"\s*(?:以及|及|和|与|、|，|,)\s*")
# The investor as a relative clause: (曾)投资(于)X和Y的Z, then what Z says or does.
_INVESTED_IN_THE = regex.compile(
    r"(?:^|(?<=[，,。；;：:]))(?:曾经|曾|先后|已)?(?P<verb>投资过|投资了|投资于|投资|领投过|领投了|领投)(?P<objs>[^，,。；;：:的]{2,40}?)的"
    r"(?P<inv>[\p{Han}A-Za-z][\p{Han}A-Za-z ]{1,20}?(?:资本|创投|基金|投资集团|投资公司|投资|Capital|Ventures|Partners))"
    r"(?=表示|称|认为|指出|说|透露|介绍|也|则|已|曾|将|正|在|于|[，,]|\d)"
)
# The company as a relative clause: NVIDIA投资的新创科技公司CoreWeave, 薇娅夫妇投资参股的医药生物公司巨子生物.
_INVESTED_BY_THE = regex.compile(
    r"(?:^|(?<=[，,。；;：:、与和]))(?:由)?(?P<inv>其|[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .·]{1,15}?)\s*(?:曾经|曾|早期|先后|联合|共同|参与)?"
    r"(?P<verb>投资参股|投资入股|投资|参股|入股|注资|领投)的\s*"
    r"(?P<obj>[^，,。；;！？!?的]{2,30}?)\s*"
    r"(?=[，,。；;！？!?]|$|去年|今年|前年|近日|日前|已经|已|将|正在|也|还|于|在|曾|签署|宣布|表示|完成|获得|成为|上市|推出|发布|收购|并购|买下|与|和|是|为)"
)
# The company as a relative clause of its buyer: 特斯拉在2016年收购的SolarCity, SolarCity是特斯拉在2016年
# 收购的太阳能公司, Instagram是Facebook于2012年以10亿美元收购的图片社交应用.
_ACQUIRED_BY_THE = regex.compile(
    r"(?:^|(?<=[，,。；;：:、与和是]))(?P<inv>(?!是)[\p{Han}A-Za-z](?:(?!是)[\p{Han}A-Za-z .·]){1,15}?)\s*(?:曾经|曾|早在)?"
    r"(?:(?:在|于)?\d{4}年(?:\d{1,2}月)?(?:底|初|末)?)?(?P<pay>以[^，,。；;的]{1,16}?(?:的价格|的代价|的对价)?)?(?:全资|成功)?"
    r"(?P<verb>收购|并购|买下)的\s*(?P<obj>[^，,。；;！？!?的]{2,30}?)\s*"
    r"(?=[，,。；;！？!?]|$|去年|今年|前年|近日|日前|目前|如今|现在|后来|随后|此后|已经|已|将|正在|也|还|于|在|曾|被|签署|宣布|表示|完成|获得|成为|上市|推出|发布|与|和|是|为)"
)
_CAPITALS_NAME = regex.compile(r"[A-Z][A-Z0-9&]{2,}")
_LATIN_WORDS = regex.compile(r"[A-Za-z][A-Za-z0-9.&'\- ]*")
_ACQUIRED_MARK = regex.compile(r"(?:收购|并购|买下)的")
_IS_BEFORE = regex.compile(r"(?P<name>[^，,。；;！？!?“”]{2,30}?)是$")
# What makes 对X的收购 a deal without a stake: 完成对动视暴雪的收购.
_COMPLETED = regex.compile(r"(?:完成|宣布|启动|实施|推进|批准|通过)了?$")
_SOLD_TO = regex.compile(
    r"将(?:其|旗下|所持有?的?|持有的)?(?P<obj>[^，,。；;将]{2,40}?)(?P<stake>(?:\d+(?:\.\d+)?%|全部|部分|控股)的?(?:股权|股份))?"
    r"(?:(?:出售|转让|卖|出让)给了?|售予|售与|出售予|卖予)(?P<buyer>[^，,。；;的]{2,30}?)(?=[，,。；;]|的|并|后|之后|$)"
)
_SELLS_TO = regex.compile(
    r"向(?P<buyer>[^，,。；;向]{2,30}?)(?:出售|转让)了?(?:其|所持有?的?|持有的)?(?P<obj>[^，,。；;]{2,40}?)"
    r"(?P<stake>(?:\d+(?:\.\d+)?%|全部|部分|控股)的?(?:股权|股份))"
)
# 以1.7亿元出售惟膳50%股份予内地商人陈建春: the stake sold, then 予 the buyer (how Hong Kong news tells it)
_SELLS_STAKE_TO = regex.compile(
    r"(?:出售|转让|出让)(?:其|旗下|所持有?的?|持有的)?(?P<obj>[^，,。；;予]{2,40}?)(?P<stake>(?:\d+(?:\.\d+)?%|全部|部分|控股)的?(?:股权|股份))"
    r"予(?P<buyer>[^，,。；;]{2,30}?)(?=[，,。；;]|$)"
)
# 恒投证券29.94%的股份被作价90亿元出售给中信国安集团: the sale told in the passive
_SOLD_PASSIVE = regex.compile(
    r"(?P<obj>(?:[^，,。；;被(（]|[(（][^()（）]*[)）]){2,60}?)(?P<stake>(?:\d+(?:\.\d+)?%|全部|部分|控股)的?(?:股权|股份))"
    r"被(?:以|作价)?(?P<pay>[^，,。；;]{0,20}?)(?:出售|转让|卖|出让)给了?(?P<buyer>[^，,。；;的]{2,30}?)(?=[，,。；;]|的|并|后|之后|$)"
)
_SALE_MARK = regex.compile(r"出售|转让|卖给|售予|售与|卖予|出让给")
# Taken over, told without a deal verb: 将X收入囊中, N亿美元控股X
# A company's registration changed and names a new shareholder (北京深言科技有限责任公司发生工商变更，
# 股东新增广西腾讯创业投资有限公司; …发生工商变更，新增比亚迪股份有限公司等为股东): the shareholder
# invested in it.
_NEW_SHAREHOLDER_MARK = regex.compile(r"股东新增|新增了?股东|新增了?[^，,。；;]{2,60}?为(?:公司)?(?:新)?股东")
_REGISTRATION_CHANGED = regex.compile(
    r"(?P<co>[^，,。；;：:]{2,40}?)(?:的)?(?:工商信息|工商登记信息|股东信息|股权结构)?(?:也|近日|日前|今日|近期)?(?:发生了?|完成了?|出现了?)"
    r"(?:工商|股东|股权)?(?:信息)?变更(?:[，,]\s*|。?\s*$)")
_BRAND_ENTITY = regex.compile(r"(?P<brand>[^，,。；;]{2,20}?)的?(?:关联公司|主体公司|运营主体|运营公司)(?P<entity>[^，,。；;]{2,40})")
_NEW_SHAREHOLDER = regex.compile(
    r"(?:其中|同时)?[，,]?\s*(?:股东新增(?:了)?(?P<inv>[^，,。；;]{2,80}?)|新增了?股东(?P<inv2>[^，,。；;]{2,80}?)|新增了?(?P<inv3>[^，,。；;]{2,80}?)(?:等)?为(?:公司)?(?:新)?股东)(?=[，,。；;]|$)")
_TAKEN_MARK = regex.compile(r"并入|囊中|麾下|控股(?!股东|子公司|公司|集团|有限|权|地位|比例|型)")
# A price written with its currency (约21亿元, 47.5亿美元): what a buyer pays before the verb
_PRICE_WRITTEN = r"(?:约|近|超过?)?\d[\d.,]*\s*[万亿]*\s*(?:美元|美金|元|人民币|欧元|港元|英镑|日元)"
_TAKEN_OVER = regex.compile(
    r"将(?P<obj>[^，,。；;将]{2,40}?)(?:收入|纳入|揽入|收归)(?:囊中|麾下|旗下)"
    rf"|(?:以|用|斥资|出资|耗资)?(?P<pay>{_PRICE_WRITTEN})(?:的价格|的代价)?(?:取得|获得)?控股(?!股东|子公司|公司|集团|有限|权|地位|比例|型)(?P<obj>[^，,。；;]{{2,40}}?)(?=[，,。；;]|$)"
)
_BACKED_BY_TAIL = regex.compile(r"(?:获得了?|获)(?P<who>[^，,。；;获]{2,60}?)(?:等(?:机构|投资方|资本)?)?(?:的)?(?:联合)?(?:加持|投资|支持|青睐|押注|助力|注资|入股)$")
_WHEN_OPEN = regex.compile(r"^\s*(?:而|就在|正)?当(?![当前时日天年地红选然下初中今局家事归值])(?=[\p{Han}A-Za-z]{2})")
_QUOTED_KIND_LEAD = regex.compile(r"^\s*[“「\"][^”」\"]{1,20}[”」\"]\s*(?:初创公司|初创企业|公司|企业|创企|平台|品牌)\s*(?=[\p{Han}A-Za-z])")
# A case number or a dated body is no investor's name (第三案为…, 经济部投审会25日核准…)
_NOT_AN_INVESTOR_NAME = regex.compile(r"^第?[\d一二两三四五六七八九十]+(?:案|笔|项|起)$|\d{1,2}日$")
_UNNAMED_INVESTORS = frozenset({"投资者", "投资方", "投资人", "新投资者", "新投资方", "战略投资者", "认购方", "增资方"})
_AMOUNT_CLOSES = regex.compile(r"\s*(?:[(（][^()（）]{1,30}[)）])?\s*(?:[，,。；;！!]|$|的?(?:战略)?(?:投资|注资|入股)(?:[，,。；;]|$)"
                            rf"|的?\s*(?:{ROUND_LETTER}|天使|种子|战略)\+*轮(?:融资|投资)?(?:[，,。；;]|$))")  # (领投X 2.67亿美元C轮融资)
_FAILED_AT_END = regex.compile(r"(?:交易|收购|合并|并购|要约)案?(?:最终|已|均)?告?(?:破裂|告吹|流产|泡汤|以失败告终|失败|未能完成|未获批准|被否决|遭否决|被叫停)(?:后|之后)?$")
_NAMED_AS_EXAMPLE = regex.compile(r"(?:为代表|为首|为主|这样的|之类的)")
_TAKES_ON = regex.compile(r"\s*(?:不仅|不但|不只|不单)(?:将|把|让|使)")
_PAIR_AMOUNT = r"(?:约|近|超过?|逾)?\s*[\d.,]+\s*[万亿]*\s*(?:美元|美金|元|人民币|港元|欧元|英镑|日元)"
_PAIRED_RECEIVED = regex.compile(
    rf"(?:获得了?|获)(?P<pairs>[^，,。；;、及和与]{{2,16}}?\s*{_PAIR_AMOUNT}(?:\s*(?:、|及|和|与|以及)\s*[^，,。；;、及和与]{{2,16}}?\s*{_PAIR_AMOUNT})+)"
    r"(?:的)?(?:投资|注资|入股|战略投资)")
_PAIR_JOINER = regex.compile(r"^\s*(?:、|以及|及|和|与)\s*")
_PRICED_STAKE = regex.compile(
    rf"(?:拟以|以|拟|斥资|出资|耗资)(?P<pay>{_PRICE_WRITTEN})(?:的价格|的代价|的对价)?"
    r"(?:获得|换取)(?P<obj>[^，,。；;的]{2,30}?)(?:的)?(?P<pct>\d+(?:\.\d+)?)%(?:的)?(?:股权|股份|权益)")
# People, not companies: taken on in a deal (将创始人…团队纳入麾下), or a class that "raised"
_PEOPLE_WORDS = r"创始人|CEO|首席|团队成员|团队|员工|人才|高管|工程师|研究员|科学家|负责人|专家|校友|教授"
_PEOPLE_TAKEN = regex.compile(_PEOPLE_WORDS)
_PEOPLE_CLASS = regex.compile(rf"(?:{_PEOPLE_WORDS})$")
_MERGED_INTO = regex.compile(
    r"(?:^|(?<=[，,：:\s]))(?P<target>[^，,。；;：:\s]{2,20}?)(?:已经|已|正式|确认|宣布|将)*(?:整体)?并入(?!了)(?P<acq>[^，,。；;的]{2,20}?)(?:旗下|体系)?(?=[，,。；;]|$)")
# Adallom成立于2012年，后被微软以3.2亿美元收购: the one bought is the subject of the clause before
_PASSIVE_AFTER_CLAUSE = regex.compile(
    r"[，,](?:(?:随后|之后|后来|此后|其后|最终|最后|不久后?|旋即|后|又|并|再|也)(?:于|在)?(?:\d{4}年(?:\d{1,2}月)?|同年|次年)?"
    r"|(?:于|在)?(?:\d{4}年(?:\d{1,2}月)?|同年|次年))"
    rf"被(?P<acq>{CLAUSE_CHAR}{{2,30}}?)(?:以(?P<pay>{CLAUSE_CHAR}{{1,24}}?))?(?:全资)?(?:收购|并购|兼并|吞并)(?!案|交易|协议|方案|计划|要约)")
# 软银以400亿美元将Arm出售给英伟达的交易破裂, Zip曾计划…收购Sezzle，但并未完成交易: a deal that
# fell through, told right after it, was not made
_FELL_THROUGH = regex.compile(
    r"[^，,。；;！？!?]{0,30}?(?:交易|收购|计划|方案|尝试|合并|并购|出售|要约)[^，,。；;]{0,16}?"
    r"(?:破裂|告吹|流产|泡汤|以失败告终|失败|未能完成|未获批准|被否决|遭否决|被叫停)"
    r"|(?:均|最终|已)?告?(?:破裂|告吹|流产|泡汤|失败|被否决|遭否决|被叫停)"  # (英伟达收购Arm的交易失败后: the span ends at 交易)
    r"|[，,]\s*(?:但|但是|不过|然而|最终|最后|却)[^，,。；;]{0,8}?(?:并未|没有|未能|未)(?:完成|成功|成行|实现|达成)")
_VALUE_BEFORE = regex.compile(r"(?:估值|市值)(?:从|由|已从|已由)(?:约|近|超过?|逾)?$")
_AGREEMENT_PARTIES = regex.compile(
    rf"(?:^|(?<=[，,：:]))(?P<a>{CLAUSE_CHAR}{{2,30}}?)(?:与|和|同)(?P<b>{CLAUSE_CHAR}{{2,60}}?)(?:正式)?(?:签署|签订|订立|达成)了?{CLAUSE_CHAR}{{0,30}}?(?:协议|协定)")
# 红杉中国、高瓴等(机构)投资了X: a list of investors closed by 等 right before the verb
_LIST_ENDS_ETC = regex.compile(r"、[^，,。；;]{2,30}等(?:\p{Han}{0,4}(?:机构|公司|企业|基金|资本|巨头|投资方|投资人|股东))?(?:也|均|都|已|已经|曾|先后|分别|共同|联合)*$")
_SINCE_WHEN = regex.compile(r"(?:(?:19|20)\d{2}年|成立|创立|创办|诞生|今年|去年|年初|上市)")
_SUM_BEFORE = regex.compile(r"(?:总金额|总额|合计|累计|共计|总计)(?:达到|达|为|约|共)*$")
_TENDER_OFFER = regex.compile(
    r"(?:向|对)(?P<obj>[^，,。；;向对]{2,30}?)(?:正式)?(?:发起|发出|提出)了?(?P<pay>[^，,。；;]{0,40}?)的?(?:全面|自愿|部分)?(?:要约收购|收购要约)"
)
_PERCENT = regex.compile(r"(\d+(?:\.\d+)?)%")
_ABOUT = r"(?:近|约|超过|超|逾|不到|不低于|不少于|不超过|至少|最多)"  # 收购这家制片公司近10%的股份: a share told roughly
# A share as a percentage (51%, 10%和5%) or in tenths (逾六成: over 60%)
_SHARE = r"(?:\d+(?:\.\d+)?%(?:[和、及]\d+(?:\.\d+)?%)*|[一二三四五六七八九]成(?:以上)?|百分之[零〇一二两三四五六七八九十点]+)"  # (取得百分之四股权)
# After an amount: the round it is (66亿美元融资, 13.6亿元D轮融资, 的A轮投资)
_ROUND_NOUN_AFTER = regex.compile(rf"\s*的?\s*(?:(?P<round>{ROUND_LETTER}|天使|种子|战略|新一)轮?)?\s*(?:融资|投资)(?!人|者|方|机构)")
# 阿里投资了智谱AI B4轮, 阿里参投了百川智能A轮: the round written right after the object, no noun
_ROUND_WRITTEN_AFTER = regex.compile(rf"\s*(?P<round>{ROUND_LETTER}|天使|种子|战略)\+*轮(?:融资|投资)?(?=[，,。；;！？!?]|$)")
_LEADS = frozenset({"领投了", "联合领投了", "共同领投了"})  # (not 跟投: 爱跟投 is a brand, 跟投诉人 a phrase)
_ROUND_BEFORE_VERB = regex.compile(rf"(?<=[\p{{Han}}A-Za-z])的?(?P<round>{ROUND_LETTER}|天使|种子|战略)轮$")
# 在最近的A轮融资中成功入账6亿元: the round is told before the verb that takes the money
_ROUND_IN_BEFORE = regex.compile(
    rf"(?:在|于)(?:最近|最新|此前|上|今年|去年|早期|初期)?的?(?:由[^，,。；;]{{2,30}}?(?:领投|牵头|参投)的)?(?:一次|一轮|本次|此次)?的?(?P<round>{ROUND_LETTER}|天使|种子|战略)\s*(?:轮|(?<=天使|种子|战略))(?:风险投资|风投|股权融资|融资|投资|募资)(?:中|当中|里)[，,]?(?:成功|共|已经?|一共|总共|累计|合计|再次)*$"
)
# …A轮融资50亿，估值10亿美元: a figure without a currency closing the clause after a named round
_FIGURE_AFTER_ROUND = regex.compile(r"(?:金额)?(?:为|达|达到|共|共计|约|近|超过?|逾)*(?P<figure>\d+(?:\.\d+)?(?:亿|千万|百万|万))(?=[，,。；;！？!?]|$)")
_PROVIDED_ROUND = regex.compile(
    rf"(?:对|向|为)(?P<obj>{CLAUSE_CHAR}{{1,30}}?)提供了?(?:总计|共计|共|合计)?(?P<gap>(?:约|近|超过?|逾)?[\d.,]+\s*[万亿]*\s*(?:美元|元|人民币|港元|欧元))?的?"
    rf"(?P<round>{ROUND_LETTER}|天使|种子|战略)\s*轮(?:融资|投资)"
)
_OWN_SHARE = regex.compile(r"的?(?:约|近|超过?)?\d[\d.,]*\s*[万亿]*\s*(?:美元|元|人民币|港元|欧元)$")
_SOURCE_NAMED = regex.compile(r"(?:那里|那儿|那|处|手中|手里|资本|基金|投资|创投|集团|银行|公司|投资者|投资人|等)$")
_INCLUDES = regex.compile(r"包括(?P<list>[^。；;！？!?]{2,160})")
_PLURAL_OBJECT = regex.compile(r"多家|多个|数家|几家|一批|不少|一系列|众多|(?:至少|超过|逾|近)?\s*(?:\d+|[两三四五六七八九十]+)\s*家")  # (投资6家公司，包括…)
_SHARE_SIGN = regex.compile(r"股|权|%")  # what tells a stake in shares or equity (not in 资产 or 业务)
_MEMBERS_AFTER = regex.compile(r"\s*[，,]?\s*(?:其中)?(?:包括|例如|比如|如)(?P<list>[^。；;！？!?]{4,120}?)(?=[。；;！？!?]|等|$)")
_RAISE_THEN_AND = regex.compile(r"(?:融资|投资)(?:和|及)")
# What after 融资/投资 shows the noun in another use (融资需求, 投资方, 融资的消息 is still a deal's).
_NOUN_IN_USE = r"的(?!消息|公告|新闻)|需求|难|渠道|支持|服务|成本|环境|级别|者|人(?!民币)|机构|方|回报|收益|结算|方法|方式|工具|产品|模式|计划|担保"
# What may follow the noun that ends a telling: a stop, a dash, a total (融资共计7亿元——包括…), not
# more of a noun phrase (融资交易).
_TELLING_ENDS = regex.compile(r"[，,。；;！？!?—(（]|共计|合计|总计|总额|金额|\d")
# A list closed by the kind of investors it names: 包括A、B等战略及产业投资方；C、D等财务投资方
_KINDS_OF_INVESTORS = regex.compile(r"(?:包括|包含|[;；])(?P<inv>[^。；;！？!?\n，,]{2,120}?)等\p{Han}{0,8}?(?:投资方|投资机构|投资人|投资者)")
_MID_NOT_A_ROUND = regex.compile(r"对|向|收购|在|包括|交易|承销|顾问|^[得了]?[\d一二三四五六七八九十两多]+次$")  # words the middle of 完成…融资 never holds (获得4次融资: a count of rounds)
_TOTAL_AFTER_VERB = regex.compile(r"(?:总金额|总额|总规模|累计金额)")
# A count of deals told before a total (融资事件1146个, 完成13起融资, 融资交易量为658起, 以377起融资事件、…)
_DEAL_EVENTS_COUNTED = regex.compile(
    r"(?:投融资|融资|投资|并购)(?:事件|交易|案例)(?:数量|量)?(?:共计|共|合计|总计|达到?|为|有)?(?P<n>\d[\d,]*|[一二三四五六七八九十百千]+)(?:多|余)?[个起笔件宗]"
    r"|(?P<n>\d[\d,]*)(?:多|余)?[起笔件宗](?:投融资|融资|投资|并购|交易)?(?:事件|案例|交易)?(?=(?:融资|投资|交易|事件|案例)|[，,、]|中|共|合计|累计|总计)")  # (在71笔交易中筹集了…, 通过3118笔交易共融资…)
_COMPARED_COUNT = regex.compile(r"(?:较|比|同比|环比|同期|相比|对比)[^，,。；;]{0,8}$")
# …and after it (融资额为23亿美元，交易数量为249宗; 投资金额850亿元，案例1,156起; 65.2亿元，82起案例)
_DEAL_COUNT_AFTER = regex.compile(
    r"[^。；;]{0,6}?[，,、]\s*(?:同时[，,]?)?(?:融资笔数|投资笔数|交易笔数|笔数|交易数量|交易量|交易数|事件数量|事件数|案例数|融资数量|投资数量|融资事件数?|投资事件数?|案例|事件|交易)(?:也|则)?(?:共计|共|为|达到?|降至|增至|升至|有)?\s*(?P<n>\d[\d,]*)\s*[起宗笔件个]"
    r"|[^。；;]{0,6}?[，,、]\s*(?P<n>\d[\d,]*)\s*[起宗笔件](?:案例|事件|交易)"
    # (…融资金额降至82.3亿美元，环比下降31%…；同时，交易数量也降至2230宗: the same period's count)
    r"|[^。]{0,45}?[；;，,]\s*同时[，,]?\s*(?:交易数量|交易量|交易数)(?:也|则)?(?:为|达到?|降至|增至|升至)\s*(?P<n>\d[\d,]*)\s*[起宗笔件个]")
_OWN_ROUNDS_COUNTED = regex.compile(r"(?:获得|完成|进行|拿到)了?[\d一二三四五六七八九十两多]+(?:次|轮)融资")
_HYPOTHETICAL_SUM = regex.compile(r"(?:^|[，,])\s*(?:若|如果|假如|倘若)(?:再)?加上")  # 若加上近期包含Anthropic获得投资…: what a total would add
_NEXT_RAISE_IN = regex.compile(r"(?:[和与及、，,]|(?<=[元币金]))[^，,和与及、]{2,12}?(?:获得了?|获|完成了?|宣布完成)|、[^，,、]{2,36}?(?:获得了?|完成了?|宣布完成)")
_ROUND_TOLD = regex.compile(r"(?:完成|获得|获|宣布)[^，,；;]{0,30}?(?:融资|投资)")
_COUNT_OF_DEALS = regex.compile(r"(?P<n>\d+|[一二三四五六七八九十百千]+)(?:多|余)?(?:笔|起|件|宗|项|个(?!月))")
# …融资总额达409.94亿元，融资事件共计682件 / …亿元融资总额、227件事件数: the count told after the total
_COUNT_AFTER_TOTAL = regex.compile(
    r"\s*(?:的)?(?:(?:融资|投资|投融资|交易)?(?:总额|总金额))?[，,、]\s*(?:(?:融资|投资|并购|交易)?事件(?:数|总数)?(?:共计|共|数量)?(?:为|达)?\s*(?P<n>\d+)\s*(?:件|起|笔)"
    r"|(?P<n>\d+)\s*(?:件|起|笔)(?:融资|投资|并购|交易)?事件(?:数)?)")
# 获得100亿美元J轮投资的Databricks, 完成66亿美元募资的OpenAI, 共募得120亿美元的xAI: a company named by its raise
_RAISER_DESCRIBED = regex.compile(
    r"(?:宣布)?(?:获得了?|完成了?|斩获|拿下|(?:共|先后)?(?:募得|筹得|筹集了?))"
    r"(?P<what>[^，,。；;、的]{2,24}?(?:融资|投资|募资)|[^，,。；;、的]{2,16}?(?:美元|元|欧元|英镑|日元))"
    r"的(?!还有|还包括|包括|是|有|则是)(?P<name>[A-Za-z][A-Za-z0-9 .\-]{0,24}?|[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,12}?)(?<!投资|融资|募资|资金|支持|持股)(?=[、，,。；;]|$|以及|和|都|也|等)")
_LATIN_NAME = regex.compile(r"[A-Za-z][A-Za-z0-9 .\-]*")
# 北京爱诗科技 6000万美元 B轮融资: a round-up item with no verb
_HEADLINE_ROUND = regex.compile(r"\s*(?P<round>(?:Pre-?)?[A-K]\d?\+*|天使\+*|种子\+*|战略|Pre-?IPO)?\s*轮?(?:融资|投资)(?=\s*(?:[，,。；;、\n]|$))")
# Sharing out a sentence's investors among its rounds: a raising verb or 领投的 after a name says the next round's
_RAISE_VERB_BETWEEN = regex.compile(r"获得|拿到|完成|再获|又获|获")
_INVESTOR_OF_NEXT = regex.compile(r"[^，,。；;]{0,30}?(?:联合|共同)?(?:领投|跟投|参投|投资|注资)的")
# Investors read off a clause that are a kind of money or a clause, not a name (funding.toml)
_NOT_AN_INVESTOR = regex.compile(
    "^" + rules.alternation(rules.load("funding")["invest"]["not_investors"]) + "$|"
    + rules.alternation_of_patterns(rules.load("funding")["invest"]["not_investor_patterns"]))
_NOT_A_BARE_NAME = regex.compile(r"为|是|由|领投|跟投|参投|投资方|包括|以及")  # 领投方为A，B跟投: a clause, not a name
_SINCE_DEAL_VERB = regex.compile(r"(?:全资)?(?:收购|并购|入股|控股|买下|吞并)")
_REPORTED_IN = regex.compile(r"[^，,。；;]{0,24}?(?:(?:财报|季报|年报|公告|报告|文件|声明|报道|招股书|招股说明书)(?:中|里|内)?(?:透露|披露|显示|指出|称|表示|提到)"
                          r"|》[^，,。；;]{0,14}?(?:指出|报道称|报道|称|透露|披露|援引[^，,。；;]{0,16}?称))了?[，,:：]?")  # (《华尔街日报》于7/12指出…)
_HOLDER_ROLES = r"控股股东|实际控制人|实控人|母公司|第一大股东|最大股东|大股东|单一最大股东"
_BECAME_HOLDER = regex.compile(rf"(?P<became>(?:正式|一举|由此|从而|进而|并)?成为)了?(?P<obj>[^，,。；;的]{{2,30}}?)的(?:新)?(?P<role>{_HOLDER_ROLES})")
# 由西藏瑞华(以下简称…)认缴; 其中国投集新认缴金额不超过4.5亿元
_SUBSCRIBED = regex.compile(
    r"(?P<by>由)(?P<inv>[^，,。；;由]{2,60}?)(?:以现金(?:方式)?)?(?:全额|全部)?认缴(?!权)"
    r"|(?:^|(?<=[，,；;]))(?:其中|其中，)?(?P<inv>[\p{Han}A-Za-z][^，,。；;]{1,30}?)(?:拟)?认缴(?:金额|出资额?|的?出资金额)?(?:为|不超过|合计|共计|约)*\s*(?=\d|人民币)")
_INCREASE_WORD = regex.compile(r"增资|增加注册资本|新增注册资本|增资扩股|融资")
BRACKETED = regex.compile(r"[(（][^()（）]*[)）]")  # a bracketed gloss, blanked out (also valuations')
_BECAME_HOLDER_MARK = regex.compile(rf"成为了?[^，,。；;的]{{2,30}}?的(?:新)?(?:{_HOLDER_ROLES})")
_HYPOTHETICAL_HEAD = regex.compile(r"(?:有望|将|将会|或将|可能|拟|计划|准备|若|如果|如|一旦|希望|想|预计)[^，,。；;]{0,12}$")
_NAMED_AS_COMPLEMENT = regex.compile(r"(?:的|之)(?:是|为|当属|要数|首推)(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .·\-]{1,20})$")
_DATE_ONLY = regex.compile(r"\s*(?:(?:(?:19|20)\d{2}年|同年|次年|翌年|当年)(?:\d{1,2}月(?:份|\d{1,2}日)?)?|\d{1,2}月(?:份|\d{1,2}日)?)(?:底|初|中旬|下旬|上旬)?\s*")
# 154.46亿元融资总额、227件事件数: a total written after its amount (read with a count beside it)
_TOTAL_AFTER_AMOUNT = regex.compile(r"\s*(?:的)?(?:融资|投资|投融资|交易)?(?:总额|总金额)[，,、]")
# Only a time and 又/再 before the verb: 同年12月，又获得了…, 随后再次完成…
_AGAIN_LEAD = regex.compile(r"\s*(?:随后|之后|此后|紧接着|不久|后来|同年\d{1,2}月|\d{1,2}月份?(?:初|底|中旬)?)?(?:又|再|再次|再度|又一次|便|就|随即)")
_STARTUPS = regex.compile(r"(?:初创|创业|新创)(?:企业|公司)$|创企$|独角兽$")  # (全球AI初创企业吸引…风险投资: a class's total)
_VALUED_AT_BEFORE = regex.compile(r"以[^，,。；;]{0,24}估值$")
_VALUE_AFTER = regex.compile(r"\s*的?(?:投前|投后)?估值")
_TRADE_VERB = regex.compile(r"增持|买入|加仓|增仓|新进|举牌")  # trades in listed shares, whatever their size
_KIND_OF_INVESTMENT = regex.compile(r"^(?:约|近|超过?|逾)?(?:风险|创业|股权|天使|战略|策略|策略性|战略性|早期|外部|新)$")
_ANAPHOR_LEAD = regex.compile(r"(?:该|本|这家|此)?公司|其|该|这家")  # 公司全年融资额为…: its own total
_OWN_HISTORY = regex.compile(r"成立以来|累计|迄今|至今|历史上|此前")
_DEAL_COUNT_MARK = regex.compile(r"[笔起件个宗项]|总额|总规模|总金额|投资额|融资额")
_DEAL_TOTAL = regex.compile(
    # 2700多笔…交易，总价值达…; 共发生59起投资事件，规模达…; 融资80起案例，披露金额约…; 共计20起，融资金额合计约…
    # (过去12个月…累计关联交易金额: 个月 counts months, not deals)
    # (腾讯在中国进行了150项投资，金额总共750亿美元; 海外收购则有27宗，金额合计为30亿美元)
    r"(?:(?:\d+|[一二三四五六七八九十百千]+)(?:多|余)?(?:笔|起|件|项|宗|个(?!月))[^，,。；;]{0,16}?(?:交易|投资|融资|投融资|并购|收购)(?:事件|案例|项目)?"
    r"|(?:交易|投资|融资|投融资|并购|收购)(?:事件|案例)?(?:则有|共有|有|已|已经|共|达到|达|为|约|超过|超|逾|近)*(?:\d+|[一二三四五六七八九十百千]+)(?:多|余)?(?:笔|起|个|宗|项)(?:案例|事件)?"
    r"|(?:\d+|[一二三四五六七八九十百千]+)(?:多|余)?(?:笔|起)(?=[，,]\s*(?:合计|共计|总计|披露的?)?(?:融资|投资|并购|交易)))[，,]?\s*"
    r"(?:合计|共计|总计|披露的?)?(?:投融资|融资|投资|交易|并购)?(?:总价值|总金额|规模总额|总额|金额|总规模|规模|涉及金额|涉及融资金额|披露金额|融资总额|投资总额|总融资额|(?<=投资|融资|交易)额)"
    r"(?:合计|共计|总计|总共)?(?:已经|已)?(?:达到|达|约为|为|约|超过|超|逾|近|接近|突破|高达|共)*"
    # 融资总额达1004亿美元, 已披露的融资总额合计约41.08亿元, 并购交易总额为…: a total with no count
    r"|(?:融资|投融资|并购)(?:交易)?(?:总额|总规模|总金额)(?:合计|共计|总计)?(?:已经|已)?(?:达到|达|约为|为|约|超过|超|逾|近|接近|突破|高达)*"
    # 美国在AI领域的风险投资额为808亿美元, 整个生成式AI产业的融资额仅为4.08亿美元, 全年融资额大幅成长至45亿美元:
    # a field's or a year's total
    r"|(?<=领域|产业|行业|赛道|板块|全年|全球|国内)的?(?:风险投资|创业投资|股权投资|投融资|融资|投资)(?:总)?额"
    r"(?:合计|共计|总计)?(?:已经|已|仅|只有|大幅|明显)*(?:成长|增长|攀升|上升|下滑|下降|回落|降)?(?:达到|达|约为|为|约|超过|超|逾|近|接近|突破|高达|至|到)*"
)
# 2024年中国AI领域披露投资金额850亿元, 上半年融资额已超过10亿元, 全球AI领域融资规模增至438亿美元:
# a total of money raised in a scope (a field, a market, a region, a period) with no count of deals.
# Read only where the clause names its scope, so a round's 融资金额为… after its company is no total.
_SCOPED_TOTAL = regex.compile(
    r"(?:(?:公开|已?披露的?)?(?:风险投资|创业投资|股权投资|私人投资|投融资|融资|投资|募资|风投|创投)(?:交易)?(?:总金额|总额|总规模|金额|规模|额)"
    r"|(?:风险投资|私人投资)(?:资金)?|投融资交易|(?<=(?:创投|风投|VC|投融资|投资|融资)市场)交易(?:总金额|总额|金额|额)"
    # (全球AI公司获得的资金环比增长了一倍多，达到240亿美元: what a class of companies received)
    r"|(?<=公司|企业|初创|新创|创企|独角兽)(?:获得|吸引|筹集)(?:到)?的(?:资金|投资|融资)(?:总额|总金额|总规模|规模)?"
    # (具身智能融资事件超过120起，涉及资金规模约173亿元; AI领域的投资达2,258亿美元)
    r"|涉及(?:的)?资金(?:总额|规模)?|(?<=领域|产业|行业|赛道)的?(?:投资|融资)(?=达|为|超|约|近|逾|\s*$)"
    # (…共有32家企业获得融资，累计金额超过50亿元: the sum of the companies just counted)
    r"|(?<=(?:获得|完成)了?(?:融资|投资)[，,]\s*)(?:累计|合计|总|共计)(?:金额|额度|规模)"
    # (2024年储能行业共计融资260亿元; 各家AI初创公布的交易额合计为116亿美元)
    r"|(?<=领域|产业|行业|赛道)(?:共计|合计|累计|共)(?:融资|投资)|(?<=公司|企业|初创|新创|创企|独角兽)(?:公布|披露)的(?:交易|融资|投资)(?:总)?(?:金额|额))"
    # (融资总额，合计约19.34亿元; 整体融资额2023年下降32%至约4800亿元)
    r"(?:[，,]\s*)?(?:(?:19|20)\d{2}年)?(?:合计|共计|总计)?(?:已经|已|仅|只有|就|便|更是|则|也|累积|累计|估算|估计|预计|仍然|仍|依然)*(?:大幅|明显|同比|环比)?"
    r"(?:(?:成长|增长|攀升|上升|下滑|下降|回落|减少|扩张|飙升|增|降)(?:了)?\s*(?:\d+(?:\.\d+)?\s*%|近?一倍多?|两倍多?|\d+倍多?)?\s*(?:[，,]\s*)?)?"
    r"(?:达到|达|约为|为|约|超过|超|逾|近|接近|突破|高达|至|到|有|创下)*了?(?:惊人的|令人咋舌的|创纪录的|前所未有的)?\s*[(（]?\s*$"
)
_COUNT_THEN_SUM = regex.compile(
    r"以(?P<n>\d[\d,]*)(?:起|笔|宗|件)(?:投融资|融资|投资)?(?:事件|交易)[、，,和及]\s*(?P<amt>[^、，,。；;]{2,20}?)(?:的)?(?:投融资|融资|投资)?(?:总)?(?:金额|额度|规模)")
_DELTA_BEFORE = regex.compile(r"(?:减少|增加|增长|下降|上升|下滑|回落|降低|提高|缩水|缩减)了?\s*(?:约|近|超过?)?\s*$")
_SUM_ONLY = regex.compile(r"\s*(?:(?:合计|共计|总计)(?:约|近|超过?|逾|达)?|(?:已经|已)?(?:达到|升至|增至|降至|来到|为))\s*")  # (…环比增长了一倍多，达到240亿美元)
_TOTALS = rules.load("funding")["totals"]
_TOTAL_SCOPE = regex.compile(rules.alternation(_TOTALS["scope"]) + "|" + rules.alternation_of_patterns(_TOTALS["scope_patterns"]))
_SPACE_SCOPE = regex.compile(rules.alternation(_TOTALS["space"]))
_PROJECTS_SIGNED = regex.compile(rules.alternation(_TOTALS["signed"]))
_ADVERBS_ONLY = regex.compile(r"\s*(?:总|整体|总体|全年|年度|当年|同期|合计|共计|总计|其中|而|但|仍|则|也)*\s*")
_OWN_ROUND_WORDS = regex.compile(r"轮|本次|此次|单笔|该笔|这笔|(?:^\s*|该|本|这家|其)公司|企业自身")  # (本轮, C轮融资额, 单轮融资金额: one round's)
# 融资规模逾5亿元的案件达到23例: a threshold deals are counted by, not a total
_THRESHOLD_AFTER = regex.compile(r"\s*(?:人民币|美元)?(?:以上|及以上)?的(?:案件|案例|企业|公司|项目|事件|交易|融资|单笔)|\s*(?:人民币|美元)?(?:及以上|以上)(?:的)?(?:融资|投资)"  # (38个项目获得1亿元及以上融资)
    r"|\s*(?:的)?(?:大关|关口|关卡)")  # (突破新台币千亿元大关: a milestone passed)
_COUNTED_CLASS = regex.compile(
    r"\s*(?:了|过)?\s*(?:至少|超过|逾|近)?(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?:多|余)?家[^，,。；;、]{0,16}?(?:公司|企业|创企|初创企业|初创公司|工作室|独角兽|机构)(?=[，,。；;]|$)")
_HEADLINE_LIKE = regex.compile(r"^[^，,。；;]*$")
_PRICE_ONLY_LEAD = regex.compile(r"(?:继|仅次于|如|而|并|又|还|曾|先后|随后|今年来|今年以来|以|斥资|花费了|花费|花了|耗资|的|价格|对价|约|近|超过|超|\d{4}\s*年|\s)*")
_PRICE_NAMED_AFTER = regex.compile(r"的?(?:交易|收购|总)?(?:价格|对价|价款|代价|收购价|高价|报价)")
# X仍然是世界上最具价值的科技公司之一: the article says X is a company.
_IS_WHAT = r"(?:为(?:全球|国内|行业|业界|产业)[^，,。；;是为]{0,12}龙头(?:企业|厂商)?|是[^，,。；;是]{0,40}?(?:公司|企业|独角兽|初创企业|科技巨头|巨头|龙头|(?<=一家[^，,。；;是]{0,12})品牌|(?:制造|开采|运营|开发|服务|提供|供应|零售|生产|经销|承包)商|非营利组织|研究机构|实验室))"
_IS_A_COMPANY = regex.compile(
    r"(?:^|(?<=[，,。；;：:])|(?<=(?<![A-Za-z0-9.])\s))(?P<name>[\p{Han}A-Za-z](?:[\p{Han}A-Za-z0-9]|(?<=[A-Za-z.]) (?=[A-Za-z])|(?<=\p{Han})-(?=\p{Han})){1,20}?)(?:仍然|依然|也|则|已经|已|目前|传统上|原本|本身|其实|一直|成立之初|成立时|最初|起初)?"
    + _IS_WHAT + r"(?:之一)?(?=[，,。；;]|$)"
)
# (ASML为全球半导体器材龙头: 为 says what it is too)
# (是 alone is in most sentences; 是 with a kind of company after it, as the pattern has it, is
# rare. Over the whole text the window may run past a sentence's end: a mark is never missing
# where the pattern matches in a sentence.)
_IS_MARK = regex.compile("(?=" + _IS_WHAT + ")")
# 金融科技公司蚂蚁集团, 人工智能初创企业Inflection AI: a name after what kind of company it is, when
# it ends like a company's name or is Latin (where a Chinese name ends is otherwise unknown).
_DESCRIBED = regex.compile(
    r"(?:公司|企业|巨头|独角兽|制造商|服务商|提供商|运营商|开发商|创企)"
    r"(?P<name>\p{Han}{2,6}?(?:集团|科技|控股|股份|智能)(?!\p{Han}{0,2}(?:有限|公司))|[A-Z][A-Za-z0-9.&\-]*(?:\s[A-Z][A-Za-z0-9.&\-]*){0,2}(?![A-Za-z]))"
)
# (the kind's last word, with what the name must start like right after it)
_DESCRIBED_MARK = regex.compile(r"(?:公司|企业|巨头|独角兽|商|创企)(?=\p{Han}{2,6}?(?:集团|科技|控股|股份|智能)|[A-Z])")
_SHARE_COUNT_LEAD = regex.compile(r"了?\s*(?:约|近|超)?\d+(?:\.\d+)?[万亿]?股")
_SHARE_COUNT_AFTER = regex.compile(r"的?\s*(?:约|近|超)?\d+(?:\.\d+)?[万亿]?股(?!权|东)")
_RESPECTIVELY = regex.compile(r"分别(?:为|是|约为|作价|达|作价为)")
# 拟发行股份和可转换公司债券购买X100%股权: what a buyer pays with (bonds it issues) is the deal's means
_PAY_MEANS = r"(?:股份|股票|现金|可转换公司债券|可转换债券|可转债|定向可转债)"
_PAID_WITH_MEANS = rf"(?:发行|支付){_PAY_MEANS}(?:(?:和|及|、|以及|并|或)(?:发行|支付)?{_PAY_MEANS})*"  # 发行股份、发行可转换债券及支付现金
_PAID_WITH = regex.compile(rf"{_PAID_WITH_MEANS}(?=(?:的方式)?(?:向[^，,。；;]{{2,30}}?)?(?:购买|收购))")
_PAID_WITH_TAIL = regex.compile(rf"(?:拟|将|计划|已)?(?:以[^，,]{{0,16}}?)?(?:非公开|定向)?{_PAID_WITH_MEANS}(?:的方式)?$")
_SPENT_ON = regex.compile(r"花费(?=巨资|重金|\d|约|近|超|逾)")
_SHARE_SALE = regex.compile(r"(?:发行|出售|增发)(?:新)?(?:股票|股份|股权)")
# OpenAI由…等科技大亨于2015年联合创立: the founders between the name and the verb.
_FOUNDED_BY = regex.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,20}?)由[^。；;]{2,80}?(?:于(?:\d{4}年|今年|去年))?(?:联合|共同)?(?:创立|创办|成立|创建)"
)
_FOUNDED = regex.compile(r"(?:^|[，,。；;：:\s])(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,20}?)(?:\s*[(（][^)）]{2,30}[)）])?[，,]?(?:成立于|创立于|创办于|诞生于|成立|创立)(?:\d|今年|去年|\p{Han}{0,6}年)")
_NOT_RAISED = regex.compile(r"的?(?:收益|收入|营收|利润|利息|特许权|使用费|销售额|票房|奖金|补贴|赔偿|分红|资金支持|估值|市值|贷款|授信)")
# Cheap markers that must be present before the costly patterns are run on a sentence.
_STAKE_WORDS = regex.compile(r"增持|买入|加仓|举牌")
_CODE_MARK = regex.compile(r"[(（](?:\d{4,6}|[A-Z]{1,5}\.|HK|SH|SZ|港股|美股|NASDAQ|NYSE|Nasdaq|纳斯达克|纽交所)")
_ANNOUNCE_MARK = regex.compile(r"公告")
# 北京中科富海低温科技有限公司（简称“中科富海”）…: a legal name glossed with its short one, opening
# a clause (inside one it may be what a deal verb takes: …收购内蒙古联晟…公司(以下简称“联晟新材”))
_GLOSSED = regex.compile(
    # the name starts a clause or follows a deal verb, and holds none (公司拟购买陕西驭腾…(简称…): 陕西驭腾…)
    r"(?:^|(?<=[，,。；;：:\s]|收购|购买|投资|入股|增资|受让|持有的|与|向|对))"
    r"(?P<name>(?:(?!收购|购买|投资|入股|增资|受让|持有|拟|将)[\p{Han}A-Za-z0-9]){2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|公司)\s*[（(](?:以下)?(?:简称|下称)[：:]?\s*"
    r"(?:[“\"「]?[^”\"」)）“「]{2,12}[”\"」]?[、,，或]?){1,4}[)）])"  # (“公司”“中望软件”“受让方”: several names)
)
_GLOSSED_MARK = regex.compile(r"简称|下称")
# A clause opened by a word pointing back at a company (该企业注册资本…, 这家公司成立于…).
_POINTER_HEAD = regex.compile(r"\s*(?:该公司|该企业|该集团|这家公司|这家企业)(?=\p{Han})")
_FOUNDED_MARK = regex.compile(r"成立|创立|创办|诞生")
_AMOUNT_LEAD = regex.compile(r"\s*(?:(?:本轮|本次|此轮|该轮|两轮|三轮)?(?:累计|合计|共计|总计)?(?:融资|募资)?(?:金额|总额|总金额|规模|融资额)|涉资)(?:为|达|约为|约|共计|共|超过|超)?\s*")  # (完成A轮融资，涉资6亿美元)
# A sentence about the round just told: 据悉，本次融资由…领投; 本轮融资得到了…的参与，其中包括….
# 本轮融资由…, and a round named again (C轮由PowerPlant Partners领投。)
_THIS_ROUND_WORDS = r"(?:本次|本轮|此轮|该轮|这轮|此次)(?:融资|投资)"
# (…完成1.6亿美元B轮融资。由老股东高瓴资本领投，新投资者包括…: a sentence opening with 由…领投 too)
_ITS_INVESTORS = r"其(?:本轮|此轮|这轮)?的?(?:投资方|投资人|投资者|投资机构|投资队伍|投资阵容|资方)"  # 其投资队伍亦是…：A、B联合领投
# (此轮由A领投: 'this round' written without 融资; 投资方包括A、B opening a sentence after the round)
_ROUND_FOLLOWUP_MARK = regex.compile(_THIS_ROUND_WORDS + r"|(?<=[A-K]\d?\+{0,2}|天使\+{0,2}|种子\+{0,2})轮(?:融资)?由|(?<=。)由[^。；;]{2,40}?领投|"
                                     + r"(?:本轮|此轮|该轮|这轮)由|(?<=。)(?:本轮|本次)?(?:投资方|投资者|投资人|投资机构|参投方)(?:包括|有)|" + _ITS_INVESTORS)  # (轮 first: a fast scan)
_ROUND_FOLLOWUP = regex.compile(
    r"(?:据悉|据了解|据介绍|此外|同时|其中)?[，,]?\s*"
    # 面壁智能这轮融资由…联合投资: the company named, then 'this round' (its round, told before)
    r"(?:(?P<who>[^，,。；;：:]{2,16}?)(?=" + _THIS_ROUND_WORDS + r"))?"
    r"(?:" + _THIS_ROUND_WORDS + r"|(?:(?:Pre-?)?[A-K]\d?\+*|天使\+*|种子\+*)轮(?:融资)?由|由(?=[^。；;]{2,40}?领投)|" + _ITS_INVESTORS
    + r"|(?:本轮|此轮|该轮|这轮)(?=由)|(?:本轮|本次)?(?=(?:投资方|投资者|投资人|投资机构|参投方)(?:包括|有)))")
# (获得2.3亿美元战投: a strategic investment, written short)
_ROUND_AFTER_AMOUNT = regex.compile(r"的?\s*(?:(?P<round>[A-K]\d?\+*|Pre-?[A-K]\+*|Pre-?IPO|天使|种子|战略)\s*轮(?:融资|资金|投资)|(?P<round>战投))")
# 其他投资者包括A、B和C: the rest of the investors of the round just told.
_MORE_INVESTORS = regex.compile(r"(?:其他|其它|其余|另外)的?(?:投资者|投资方|投资人|参投方|投资机构)还?包括")
_INVESTORS_INCLUDE = r"(?:投资者|投资方|投资人|投资机构)(?:名单|阵容)?(?:还)?包括"
_COMPANY_INVESTORS = regex.compile(
    r"(?:据[^，,。]{1,12}?(?:透露|显示|介绍|称)[，,]?|此外[，,]?|目前[，,]?)?(?P<who>[^，,。；;]{1,20}?)的[^，,。；;的]{0,6}" + _INVESTORS_INCLUDE)
_STRATEGIC_INTAKE = regex.compile(
    r"引入(?:(?P<inv>[^。；;！？]{2,160}?)(?:等(?:\d+|[一二三四五六七八九十]+)家)?)?战略投资者[^，,。；;]{0,8}[，,]?\s*(?:宣布)?(?:成功)?(?:募集资金|融资|引资|募资)(?:总额)?(?:为|达|约|共计|合计)?(?P<amount>[^，,。；;]{2,16})")
_TIME_IN_NAME = regex.compile(r"(?<=.{2})" + rules.alternation(rules.load("funding")["generic"]["time_words"]))  # the time words names never hold
_TIME_LEAD = regex.compile(rules.alternation(rules.load("funding")["generic"]["time_words"]))  # …and never open (全年投资/收购了…)
_ISSUED_BY = regex.compile(r"(?:本次|此次)?(?:定向|非公开|公开)?新?(?:发行|增发|配售|刊行)的?$")  # (认购途虎养车新发行的股份)
# …这笔投资高达100亿美元; …进行战略投资，投资金额超3亿美元 (the next clause opens with it)
_THIS_INVESTMENT_TOLD = regex.compile(
    r"(?:(?:这笔|该笔|此笔)投资(?:的?(?:金额|总额|规模))?|(?<=[，,]\s*)(?:投资|交易|增资)(?:金额|总额|额))(?:高达|达到|达|为|约为|约|共计|超过|超|逾|近)+")
_THIS_DEAL = r"(?:此次|本次|该笔|这笔)(?:收购|交易|投资)"
_DEAL_PRICE_MARK = regex.compile(_THIS_DEAL)
_COMMA = regex.compile(r"[，,]")
_DEAL_PRICE_FOLLOWUP = regex.compile(
    # (沈阳汽车本次投资的交易对价不超过164亿元: the buyer may open it)
    # (据《金融时报》报道，此次收购价值近20亿美元: a report may open it)
    r"\s*(?:据悉|据了解|公告显示|据[^，,。；;]{1,16}?(?:报道|消息|透露|援引))?[，,]?\s*(?:[\p{Han}A-Za-z]{2,12}?)?" + _THIS_DEAL
    + r"的?(?:总|交易)?(?:金额|价格|对价|总价|作价|代价|价值|规模)(?:为|达|高达|约为|约|共计|合计|达到|不超过|不高于|最高|超过|近|逾)*\s*")
_COMPANY_INVESTORS_MARK = regex.compile(_INVESTORS_INCLUDE)
_JOINED_MARK = regex.compile(r"(?:投|参与|主导|牵头)了?[^，,。；;]{2,30}?(?:的[^，,。；;]{0,24}?(?:融资|募资|轮投资)|轮融资)")
# Investors as a class, uncounted (境外机构, 外资, 民营资本): a rule about them, not a deal.
_CLASS_OF_INVESTORS = regex.compile(
    rules.alternation(rules.load("funding")["investor_class"]["places"]) + "?" + rules.alternation(rules.load("funding")["investor_class"]["kinds"]) + "$")
# Financing that banks lend or a platform brokers: a total of it is credit, not investment.
_LENDING = regex.compile(
    rules.alternation(rules.load("funding")["lending"]["words"])
    + "|" + rules.alternation(rules.load("funding")["lending"]["brokers"]) + r"[^，,。；;]{0,16}?(?:企业|公司|商户|户)[^，,。；;]{0,8}?融资"
)
# A clause opening with the means (通过投资OpenAI…, 借助收购X…): its subject comes in a later clause.
_MEANS_OPEN = regex.compile(r"\s*(?:而|并|正是|正|主要)?(?:通过|借助|凭借|借由)")
_JOINED_WEAK = frozenset(rules.load("funding")["raise"]["joined_weak"])
_THIS_ROUND_OBJECT = regex.compile(r"(?:本|此|该|这|新一|上一|下一|首)(?:轮|次|笔)")
_NEGATED = regex.compile(r"(?:无法|未能|没有|没|未|难以|不能|拒绝|放弃|不会|不再|无意|不愿)(?:意)?$")
_JOINED_THIS_ROUND = regex.compile(r"参与了?(?:本次|本轮|此轮|该轮|这轮)(?:融资|投资)")  # 现有投资者A、B参与了本轮融资
_SPEAKER_TAIL = regex.compile(r"(?:近日|日前|今日|今天|昨日|周[一二三四五六日])?(?:对外|正式)?(?:表示|宣布|称|透露)$")
# An order of magnitude closing the middle of 完成…轮融资: 千万级A轮, 数亿元级B轮, 近亿元Pre-A轮 are
# read by money already; these are the forms without a currency.
_MAGNITUDE = regex.compile(
    r"(?:(?P<level>(?<unit>百万|千万|亿|十亿)(?:元|人民币)?级(?:别)?(?:人民币)?|(?<![\d.数几近超逾过百千万十])(?<unit>亿)元)"
    r"|(?P<lead>数|近|超|逾|过)(?P<unit>百万|千万|亿|十亿)(?![元美港欧日英韩])"
    # 20亿D轮, 近5亿A轮, 超10亿的大额: a figure with 亿 or 万 and no currency, right before the round
    r"|(?<![\d.])(?P<figure>(?:近|超|逾|约)?\d+(?:\.\d+)?(?:亿|千万|百万|万))(?![元美港欧日英韩]))"
    r"(?:的)?(?:大额)?(?:[A-Za-z+\-0-9]{0,6}|天使|种子|战略|新一|首)?轮?$"
)
_STAKE_TOLD = regex.compile(r"[^，,。；;]{0,12}?(?:\d\s*%|股权|股份|成股)")  # 收购平煤隆基30%股权: a stake bought is a fact even when the buyer goes unnamed
_ELIDED_SUBJECT = regex.compile(r"\s*(?:并|又|再|同时|另|另外)?(?:以|通过|拟以|出资|斥资|现金|收购|投资|增资|入股|认购)")  # a clause that goes on with the last one's subject
_LED_BY_CLAUSE = regex.compile(r"\s*(?:本轮|本次|此轮)?(?:融资)?由[^，,。；;]{2,60}?(?:联合领投|共同领投|领投|跟投|参投|投资|联合投资|共同投资)[^，,。；;]{0,4}")  # …，由A领投；同年再获…: who invested, no subject
_NOT_BEING = regex.compile(r"\s*(?:而|但|并|也)?(?:不是|并非|而非|并不是)")  # …，而不是一家钢铁制造商: what the subject is not
_EXCEPT_OPEN = regex.compile(r"(?:^|[，,。；;\n])\s*除了?[^，,。；;\n]*$")  # 除A收购B外, …: the clause opens with 除
_COMPLETED_AFTER = regex.compile(r"(?:正式|最终|已经|已)?(?:敲定|完成|落地|交割|获批)")  # 58同城对人人车的收购敲定
_STRAY_LIST_COMMA = regex.compile(r"\s*[,，]\s*、\s*|\s*、\s*[,，]\s*")
_IN_EXCHANGE_PER_SHARE = regex.compile(r"[^。；;]{0,30}?(?:换取|交换|兑换)每(?:一)?股")
_CLAUSE_OPENING = regex.compile(r"(?:^|(?<=[，,。；;！？!?\n]))([^，,。；;！？!?\n]{2,40})")
_SOURCE_DATELINE = regex.compile(r"^\s*\p{Han}{2,5}(?:社|网|报)(?=在|于)")
_WHEN_CLAUSE_OPEN = regex.compile(r"\s*[\p{Han}A-Za-z]{0,6}?(?:在|自从|自|继)")  # 财联社在收购…后: a dateline may lead
_WHEN_CLAUSE_CLOSE = regex.compile(r"(?:后|之后|以后|以来|之际|时|的时候|的同时|(?P<before>之前|以前))$")
# The subject of the clause after a time clause (在收购推特后，埃隆·马斯克做出…; 自从…融资以来，
# 享道出行加快…): a short name, then a verb or adverb; a buyer's and a raiser's verbs differ.
_NAME_BEFORE_VERB = r"\s*(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z·•.\- ]{1,14}?)"
_NEXT_SUBJECT = regex.compile(
    _NAME_BEFORE_VERB + r"(?:\s*[(（][A-Za-z0-9.:： ]{4,14}[)）])*"  # (昆仑万维(300418)15日收到了…: its stock code, then a day)
    r"(?=(?:\d{1,2}月)?\d{1,2}日(?:晚间|早间)?(?:收到|宣布|公告|发布|披露|表示|称)|收到|做出|宣布|把|将|已经|已|也|还|十多年来|多年来|一直|表示|面临|对|又|便|就|正式|开始|成为|推出|发布|完成|称|随即|迅速|立即|大刀阔斧|给出|支付|花费|斥资|耗资)"
)
_MEANS_SUBJECT = regex.compile(
    _NAME_BEFORE_VERB + r"(?=今年|去年|近年|此后|随后|已经|已|也|还|将|把|一举|得以|成功|成为|进军|进入|切入|获得|拥有|实现|完成|打出|补齐|扩大|巩固|提升|加强|布局)"
)
_PERSON_PRONOUN = regex.compile(r"\s*[他她](?![们們])")
_SPEECH_WORDS = r"表示|认为|指出|透露|说道"  # what someone says with (also 称 and 说, which end a clause)
# Who spoke last: 马斯克表示, 马斯克周六晚间发推文称, 埃隆·马斯克说 (a short name, a dotted one or a Latin one).
_SPEAKER_BEFORE = regex.compile(
    r"(?:^|(?<=[，,。；;：:“”\s]))(?P<name>\p{Han}{2,4}|\p{Han}{1,6}·\p{Han}{1,6}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:周[一二三四五六日]|周末|近日|此前|今天|昨天|今日|昨日)?(?:晚间|早间|晚上)?(?:在[^，,。；;]{1,12}?)?"
    rf"(?:发推文|发文)?(?:{_SPEECH_WORDS}|称|说|宣布|写道)"
)
_NOT_A_PERSON = regex.compile(r"^(?:他|她|我|你|大家|人们|对此|此前|随后|同时|另外|其中)|(?:公司|集团|企业|机构|部门|方面|官方|人士|媒体|报道|消息|分析|数据)$")
_RAISER_NEXT = regex.compile(
    _NAME_BEFORE_VERB +
    r"(?=加快|加大|加速|持续|不断|进一步|继续|开始|将|已经|已|也|还|又|便|就|正式|迅速|随即|先后|陆续|一直|推出|发布|完成|成为|宣布|表示"
    r"|在(?:今年|去年|\d{1,2}月|本月|近日|日前)[^，,。；;]{0,8}?(?:又|再|宣布|完成|获得))"  # (…，沪上阿姨在今年2月又宣布了…)
)
_TITLE_OPEN = regex.compile(r"(?:主题|题目|标题|议题|口号|名称)(?:是|为)?[“「《][^”」》]*$|(?:题为|名为|以)[“「《][^”」》]*$")
# A bracketed gloss (花旗集团旗下投资机构), not a legal form that is part of the name ((有限合伙)).
_GLOSS = regex.compile(r"[(（](?!(?:有限|普通)合伙[)）])[^()（）]*[)）]")
_LIST_GOES_ON = regex.compile(r"^\s*(?:以及|及|还有|和)")
_DEBT_WORDS = regex.compile(r"债务|贷款|债券|债融资|授信|借款|信贷")
# 这轮融资的总额为1亿美元, 本轮融资规模达5亿元, 这轮1亿美元的融资: a round the passage already named.
_THIS_ROUND = regex.compile(
    r"(?:这|本|此|该)一?轮(?P<strategic>战略|策略)?(?:(?:融资|投资)的?(?:总额|金额|总金额|规模|融资额)?|的?(?:总额|金额|总金额|规模|融资额))(?:为|达到?|约为|约|共计|合计|超过|超|高达|是)*\s*(?=[\d一二两三四五六七八九十百千])"
    r"|(?:这|本|此|该)一?轮(?=(?:约|近|超过?|逾)?[\d一二两三四五六七八九十][^，,。；;]{0,12}?的(?:融资|投资))"
)
# 将投资5000万美元给Tenstorrent, 注资2亿元于X: the amount before its receiver.
_INVEST_GIVE = regex.compile(
    r"(?P<verb>投资|注资|出资|投入)(?P<gap>(?:约|近|超过?|逾)?[\d一二两三四五六七八九十][\d.,一二两三四五六七八九十百千万亿]*(?:美元|元|人民币|港元|港币|欧元|英镑|日元|韩元))(?:给|予|于)(?P<obj>[\p{Han}A-Za-z][^，,。；;！？!?\s]{1,30}?)(?=[，,。；;！？!?]|$|的|，|用于|以|作为|来)"
)
# 成为Tenstorrent新一轮融资的主要投资者: a round named by its company, no verb.
# Anthropic的35亿美元E轮融资, Scale在10亿美元F轮融资后: a company's round told as a noun, with its
# amount or its lettered round (not 的融资需求, 的融资总额: what is said of raising).
_NOMINAL_ROUND = regex.compile(
    rf"(?P<link>的|\s*在\s*|(?<=\p{{Han}}|[A-Za-z])\s*(?=[\d近约超逾]))(?P<amount>{_AMOUNT_BETWEEN})?\s*(?P<round>{ROUND_LETTER}|天使|种子|战略)?\s*轮?(?:融资|募资|筹资)"
    r"(?P<after>后|中|时|之后)?(?!之一|需求|难|渠道|支持|服务|成本|环境|总额|规模|金额|计划|方案|能力|历史|情况|进展|记录|消息|传闻|谈判|活动|额|款|平台|工具|方式|模式|协议)"
)
_ROUND_REACHED = regex.compile(r"\s*(?:金额|规模|总额)?(?:直接|已经|已|一举|更是)?(?:达到了?|高达|达|为|飙到|飙升至|升至|超过了?|逾|约为|约)\s*")
_NOMINAL_MARK = regex.compile(r"(?:融资|募资|筹资)")
# Before a nominal round, these make it another reader's telling: who joined or led it (领投了X的…),
# who received it (完成了X的…), an investment told (对X的…).
_NOMINAL_TOLD = regex.compile(r"领投|参投|跟投|参与|投资|主导|牵头|完成|获得?|拿到|宣布|^对|对$|[由被向从]")
# What may follow a list of companies before their raising verb: 等企业, 都, 先后, 在今年5月前后.
_RAISERS_LEAD = regex.compile(r"^\s*(?:就|还|也|更)?有|^\s*包括")
_RAISERS_ADVERBS = regex.compile(
    r"(?:(?:都|均|也|亦|先后|陆续|相继|分别|纷纷|同时|还|已经|已|近日|近期|此前|日前|今年|去年|最近"
    r"|[在于][^、，,]{1,12}?(?:前后|期间|内|中|时|底|初|末|以来)|[在于]?\d{1,2}月(?:份)?|[在于]?(?:今年|去年)\d{1,2}月(?:份)?))+$"
)
_JOINT_SUM = regex.compile(r"共|合计|总计|累计|联合|一起|共同")
_INVESTOR_KIND = regex.compile(r"资本$|基金$|创投$|投资$|Capital$|Ventures$|银行$|证券$")
# 等公司, 等多家初创企业: after a list of objects, what they all are.
# The amount between a deal's object and its verb (向X追加了27.5亿美元投资): it opens with a digit,
# a numeral or an approximation, so the 元 of a name (内蒙古鑫元) stays in the name.
_GAP_AMOUNT = r"(?:[\d约近超逾数一二两三四五六七八九十百千][\d.,约近超过逾多余数一二两三四五六七八九十百千万亿美元人民币港欧日英镑]{0,15})?"
_SUBSIDIARY_BEFORE = regex.compile(r"(?:其|旗下)?(?:全资|控股)?(?:附属公司|子公司)(?:之一)?\s*$")
_DEGREE_BEFORE_AMOUNT = regex.compile(r"\s*(?:高达|达到|达|共计|合计|总计|累计|上看)\s*$")  # (上看: Taiwan press for "up to")
# 美团龙珠投资过“喜茶”: a name the writer put in quotes as what was invested in or bought
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "\"": "\""}

# A round-up's largest deal and who took it (funding._largest_raise): 单笔最高融资出自X, 最高融资金额被X拿下,
# N融资被X一举拿下, X融资规模最高; the amount before 融资被, else told in the next clause.
_LARGEST_RAISE = regex.compile(
    r"(?:(?:单笔|单项|单个)?(?:最高|最大)(?:的|一笔|单笔)*(?:融资|募资)(?:金额|额|事件|规模)?|(?P<before>)(?:融资|募资)(?=被))"
    r"(?:出自|来自|属于|由|被)(?P<co>[^，,。；;：:]{2,24}?)(?:一举|所|成功)?(?:拿下|获得|斩获|摘得|揽获|夺得)?(?=[，,。；;]|$)"
    r"|(?:^|(?<=[，,：:]))(?P<co>[^，,。；;：:]{2,24}?)的?(?:融资|募资)(?:规模|金额|额)(?:最高|最大)(?=[，,])"
)
_LARGEST_MARK = regex.compile(r"最高|最大|融资被|募资被")
# What may come between the clause that names who took the largest deal and its amount.
_AMOUNT_TOLD_AFTER = regex.compile(
    r"[，,]\s*(?:(?:完成|获得|获)了?)?(?:融资|募资)?(?:金额|额|规模)?(?:合计|共计|共|总计)?(?:为|达到|达|约为|约|高达)?\s*"
)


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a quoted phrase, with its quotes or between them."""
    for opening, closing in ((start, end - 1), (start - 1, end)):
        if 0 <= opening < closing < len(text) and _QUOTE_PAIRS.get(text[opening]) == text[closing]:
            return True
    return False


_LIST_OF_COMPANIES_END = regex.compile(r"等(?:\d+|[一二两三四五六七八九十]+|多|数)?家?(?:(?!领域|行业|赛道|业务|方向|板块|产业|地区|城市|国家)\p{Han}){0,6}?(?:公司|企业|创企|初创公司|独角兽|厂商|品牌)")
# 已披露的AI眼镜融资的还有A、B、C等; 另外完成早期融资的还有X: companies listed as having raised too
_RAISED_ALSO_MARK = regex.compile(r"融资的(?:还有|也有|包括)")
_RAISED_ALSO = regex.compile(r"(?P<what>[^，,。；;]{0,24}?)融资的(?:还有|也有|包括)(?P<list>[^。；;！？!?]{2,160})")
_LIST_TAIL = regex.compile(r"(?:等|在内)[^、]*$|[，,].*$")
_ROUND_IN_PHRASE = regex.compile(rf"(?P<round>{ROUND_LETTER}|天使|种子|战略)轮")
_JOINED_ALSO = regex.compile(r"(?:和|及|以及|、)(?P<obj>[^，,。；;！？!?的和及、]{2,30}?)的(?P<mid>[^，,。；;！？!?的]{0,20}?)(?:融资|轮投资)")
# A round told as history with its amount: (在)A轮获得X领投的1400万美元, B轮3300万美元融资后, F轮4亿美元融资时
_BARE_ROUND = regex.compile(
    rf"(?<![A-Za-z\d])(?P<round>{ROUND_LETTER})\s*轮\s*"
    rf"(?:(?:获得|拿到|获)\s*(?:(?P<inv>[^，,。；;]{{2,30}}?)(?:领投|投资)的\s*)?(?P<amount>(?:约|近|超过?)?\s*[\d.,]+\s*[万亿]+\s*(?:美元|元|人民币|港元|欧元))(?!\s*(?:的)?估值)"
    # (原力灵机A轮突破10亿融资: a headline's round, told at the clause's end)
    rf"|(?P<amount>(?:约|近|超过?|突破|逾)?\s*[\d.,]+\s*[万亿]+\s*(?:美元|元|人民币|港元|欧元)?)\s*(?:的)?融资(?:后|时|中|之后|(?=[，,。；;！!]|$)))"
)
_OR_ANOTHER_VERB = regex.compile(r"\s*(?:或|或者|和|及|与|并)(?:投资|收购|并购|入股|参股|控股)")
_EPITHET_BEFORE = regex.compile(r"(?:第一股|龙头|巨头|独角兽)[」”\"]\s*$")
_NAMED_ROUND = regex.compile(r"(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,20}?)的?(?:新一|本|首|最新一|[A-K]\d?\+*|Pre-[A-K]|天使|种子)轮(?:融资|投资)")
_RECEIVED_FROM = regex.compile(r"(?:获得了?|获|完成了?)")
_ROUND_AT_END = regex.compile(r"的?(?:[A-K]\d?\+*|Pre-?[A-K]\+*|Pre-?IPO|天使|种子|新一|首|第[一二三四五六七八九十]+)轮$")
# 已完成天使轮。/ 完成A轮，由X领投: a lettered or named round is a round raised even without 融资
# after it (not 第二轮, which may be of anything); the noun is then empty.
_BARE_ROUND_END = r"(?<=(?:[A-Ka-k]\d?\+*|Pre-?[A-K]\+*|天使|种子)轮)(?=[，,。；;！？!?]|(?:之)?后[，,]|$)"  # (融完數億美元C輪后，…: raised, then what came after)
_ROUND_HISTORY = regex.compile(r"第(?P<n>[一二三四五六七八九十\d]+)轮(?:融资)?[:：]")
# A clause that opens with a name and goes on with what the company did: 2021年的今天滴灌通宣布正式启航.
_CLAUSE_TOPIC = regex.compile(
    r"\s*(?:\d{1,2}[.、]\s*)?(?:(?:\d{4}年|今年|去年)?(?:的今天|这一天|当天|同日|\d{1,2}月份?(?:\d{1,2}日)?|初|底|以来)?[，,]?)?"
    r"[「“\"]?(?P<name>[\p{Han}A-Za-z](?:[\p{Han}A-Za-z0-9 .]|(?<=\p{Han})-(?=\p{Han})){1,20}?)(?<!股价|股票)[」”\"]?"  # 「Meatable」是一家… (杭州热电股价大涨: the name is before 股价)
    r"(?=宣布|披露|迅速|正式|传统上|盘前|盘中|盘后|早盘|尾盘|涨超|跌超|大涨|大跌|涨停|跌停|已经|已|也|还|于\d|在(?!于|内)|成立|创立|今年|去年|目前|近日|日前|此前|先后|曾|一直|随后|自成立|正在|计划|源自|源于|脱胎于|孵化于|孵化自|起源于|总部位于|总部设在|专注于|致力于|主要从事|的|方面|是(?:一家|一个|国内|全球|中国|由|目前|当前))"
)
def clause_opening_name(clause: str) -> str | None:
    """The name a clause opens with when what follows reads as its predicate (英伟达已经在…,
    滴灌通宣布…), for a 该公司 told after it."""
    m = _CLAUSE_TOPIC.match(clause)
    company = company_name(m["name"]) if m else None
    if company is None or company.generic or company.name != m["name"].strip():
        return None
    if clause.startswith("方面", m.end()) and not (looks_like_company(company.name) or is_well_known(company.name)):
        return None  # 财务方面也提供…: a side of things, not a company's (but 腾讯方面, 小马智行方面)
    return company.name


# What a clause holds besides its subject: time, adverbs, 并/而.
_ADVERBIAL_ONLY = regex.compile(
    r"(?:并且|并|而且|而|且|如今|目前|现在|此前|此后|随后|之后|后来|同年|当年|今年|去年|近日|日前|已经|已|又|也|还|再|曾|先后|陆续|相继|分别|共|累计|先是|首先|然后|接着|继而|"
    r"第一次|首次|再次|又一次|第[二三四五六七八九十\d]次|(?:创立|成立|创办|上市)(?:之初|之后|后|以来)|"
    r"(?:于|在)?(?:\d{4}年)?(?:\d{1,2}月份?)?(?:\d{1,2}[日号])?(?:初|底|末|中旬|上旬|下旬)?|于|在|、)"
)
# A clause's subject shown by what follows it: an adverb of sequence or contrast (美团则投资了…, 北京君正首先披露…)
# or a company's ending (紫光集团所向披靡)
_OPENS_WITH_SUBJECT = regex.compile(
    r"(?:(?:那|这|前|过去)?几年|早年|近年来?|多年来|彼时|那时|当时)?"
    r"(?:(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,15}?)(?=则|首先|率先|先是|随即|随后|便|更是|继续|接连|相继|陆续|先后)"
    r"|(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{0,12}?(?:集团|公司|控股|股份|科技))(?!公司|集团))"
)
_SPEECH_BEFORE_COLON = regex.compile(r"(?:表示|称|说|说道|指出|透露|宣布|写道|介绍|强调|认为|提到|问|答|道)\s*$")
_SINCE_FOUNDED = regex.compile(r"^\s*自?(?:(?:19|20)\d{2}年)?(?:成立|创立|创办)以来")
_PAIRED_VERB = regex.compile(r"(?:投资|收购|并购|入股|参股|控股|增资)(?:和|及|与|并|或|、)$")
_PRONOUN_SUBJECT = regex.compile(r"\s*(?:他|她)(?:们)?(?!国|人|山|乡)")
# A sentence that goes on with the one before (并于近日宣布完成…), and that one's opening clause
_GOES_ON = regex.compile(r"\s*(?:(?:并且|并|同时|随后|此后|之后|而且)(?:于|在)?(?:近日|日前|近期|今天|今日|昨日|本周|上周|本月|年初|年内)?(?:宣布|正式|已经|已|又|再次|还)*"
                       # (Character.AI 是目前…团队。近期官宣获得了…融资: a time, then the raise, no subject)
                       r"|(?:近日|日前|近期|最近|今天|今日|昨日)(?:官宣|宣布|正式|已经|已|又|再次|还)+)")
_CLAUSE = regex.compile(r"[^，,。；;！？!?]+")
_SEMICOLON = regex.compile(r"[；;]")
# (据咨询公司Tracxn的数据，…融资不足100亿美元: 据…的数据 says where the figures come from too)
_DATA_SOURCE = regex.compile(r"(?:数据|报告|统计|研究|调查|调研)(?:结果)?(?:显示|指出|表明|称)$|^\s*(?:据|根据|依据)[^，,。；;]{2,30}(?:数据|报告|统计|研究|调查|调研|测算)(?:结果)?$")
_THIS_ROUND_NAMED = regex.compile(r"(?:本轮|此轮|该轮|本次)(?P<round>战略|(?:Pre-?)?[A-K]\d?\+{0,2}轮|天使轮|种子轮)(?:融资|投资)")
_ROLE_OF = regex.compile(r"(?:^|(?<=[，,。：:\s]))(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 ]{1,15}?)(?:联合)?(?:创始人|创办人|CEO|首席执行官|董事长)")
_ESCAPED = regex.compile(r"(?:摆脱|避免|防止|免于|抵御|阻止|逃过|躲过)$")
_LIST_ITEM_CLAUSE = regex.compile(r"^\s*(?:及其|及|和|与)|以及")
_INTENT_HEAD = regex.compile(r"^(?:拟|将|计划|准备|决定|有意|欲|打算)+")
_HAN_OR_LATIN_NAME = regex.compile(r"[\p{Han}A-Za-z]{2,}")
_SPEECH = regex.compile(_SPEECH_WORDS + r"|称$|说$")
# Where the money came from, inside a subject phrase: 从微软, 从多家投资者那里.
# 自 as "from", not the first character of 自动驾驶, 自主, 自研 …
_SOURCE_OF_MONEY = regex.compile(r"(?:并)?(?:从|(?<![源出发始各亲独擅])自(?!动|主|己|身|然|研|有|营|建|行|我|家|治|助|愿|由|媒体)|向)(?P<who>[^，,。]{2,120}?)(?:那里|那儿|那|处|手中|手里)?$")
_STOCK_CODE = regex.compile(r"(?P<name>(?:\*(?=ST))?[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,15}?(?:\s[A-Z][A-Za-z0-9]*){0,3})\s*[(（](?:\d{5,6}|(?!19[5-9]\d|20[0-4]\d)[1-9]\d{3}(?:\.TWO?)?|\d{4,5}\.HK|[A-Z]{1,5}\.[A-Z]{1,2}|\d{6}\.S[HZ]|(?:HK|SH|SZ|港股|美股)[:：]?\s*\d{4,6}|(?:NASDAQ|NYSE|Nasdaq|纳斯达克|纽交所)\s*[:：]\s*[A-Z]{1,5})[)）]")
_MERGER_BEFORE = set("合兼吞归购并一、，,（(")  # 合併, 兼併, 吞併, 歸併, 一併 (together): not the verb
_MERGER_AFTER = set("购入表列案存发用肩吞称同行陈计科")  # 併購 (read as 并购), 併入, 併表, 併案, 併同, 併行 …
_PROCEEDS_BEFORE = regex.compile(r"(?:募集资金|募资)(?:全部|将|拟)?$")
_ANNOUNCER = regex.compile(r"(?:^|[，,。；;：:\s★】])(?P<name>(?:\*(?=ST))?[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,15}?)(?:\s*[(（][^)）]{2,12}[)）])?(?:今日|今天|昨日|日前|近日|晚间|早间|(?:\d{1,2}月)?\d{1,2}日(?:晚间|早间|晚)?)?(?:发布|披露)?公告(?:称|显示)?")


@dataclass(frozen=True, slots=True)
class DealVerb:
    deal_type: str
    strength: str  # strong | weak | investor | stake | known
    written_as: str | None = None  # counts only where the raw text writes the verb so (併)


@dataclass(frozen=True)
class _FundingRules:
    raise_verb: regex.Pattern[str]
    raise_: regex.Pattern[str]
    raise_noun: regex.Pattern[str]
    joined_round: regex.Pattern[str]
    round_in: regex.Pattern[str]
    direct: regex.Pattern[str]
    deal_verb: regex.Pattern[str]
    written_verb: regex.Pattern[str]
    written_forms: frozenset[str]
    verbs: dict[str, DealVerb]
    invest_to: regex.Pattern[str]
    invest_made: regex.Pattern[str]
    invest_of: regex.Pattern[str]
    acquire_passive: regex.Pattern[str]
    stake_received: regex.Pattern[str]
    acquire_nominal: regex.Pattern[str]
    object_end: regex.Pattern[str]
    owner: regex.Pattern[str]
    stake_lead: regex.Pattern[str]
    lead: regex.Pattern[str]
    follow: regex.Pattern[str]
    investor_list: regex.Pattern[str]
    round_words: dict[str, str]
    not_deal: regex.Pattern[str]
    not_deal_sentence: regex.Pattern[str]
    received_nouns: frozenset[str]
    receiving: frozenset[str]
    investor_suffix: regex.Pattern[str]
    fund_flows: frozenset[str]
    received_noun_after: regex.Pattern[str]  # 投资圈, 投资机构: a received 投资 that is a noun
    not_object: regex.Pattern[str]
    not_target_end: regex.Pattern[str]
    price_before: regex.Pattern[str]
    price_after: regex.Pattern[str]
    per_unit: regex.Pattern[str]
    joined_verbs: frozenset[str]  # 领投, 跟投 …: an investor joining a round
    industries: frozenset[str]  # 证券, 银行: a kind of company, not one
    deal_cue: regex.Pattern[str]  # a word without which no reader finds a deal in a sentence without money


@cache
def _rules() -> _FundingRules:
    t = rules.load("funding")
    inv = t["invest"]
    round_words = {form: norm for norm, forms in t["rounds"].items() for form in forms}
    round_re = (
        rf"[“\"「]?(?P<round>{ROUND_LETTER}|{rules.alternation(round_words)}|新一|首|第[一二三四五六七八九十]+)[”\"」]?轮"  # (“天使++”轮)
        r"|(?P<round2>战略|策略|天使\+{0,2}|种子\+{0,2}|Pre-?IPO)(?=融资|投资|注资)"  # (天使+融资: the plus, then no 轮)
    )
    verbs = {form: DealVerb(v["deal_type"], v["strength"], v.get("written_as")) for v in t["verb"] for form in rules.forms(v)}
    noun_use = rules.alternation(inv["noun_followers"]) + "|" + rules.alternation_of_patterns(inv["noun_follower_patterns"])
    deal_verb_forms = rules.alternation([form for form, v in verbs.items() if v.written_as is None])
    stake = rules.alternation(inv["stake_words"])
    shares = rules.alternation(inv["share_words"])
    stake_amount = rules.alternation(inv["stake_amounts"])
    stake_after_name = rules.alternation(inv["stake_amounts_after_name"])
    c = CLAUSE_CHAR
    # (苏宁金融完成…: 融完 inside 金融完成 is no verb)
    raise_verbs = rf"(?!(?<=金)融完)(?:{rules.alternation(rules.forms(t['raise']))})"
    return _FundingRules(
        raise_verb=regex.compile(raise_verbs),
        raise_noun=regex.compile(rules.alternation(t["raise"]["nouns"])),
        raise_=regex.compile(
            # the middle may hold a comma before who followed the lead: 完成A领投，B等跟投的D1轮融资
            # (宣布的…第一轮融资 is a round someone announced, not one raised)
            rf"(?P<verb>{raise_verbs})(?!奖|批|评|客|赠|悉|利|益|知|(?<=宣布)的)(?P<mid>(?:{c}|[，,](?={c}{{1,30}}?(?:跟投|参投)的)){{0,64}})(?:{round_re})?(?P<noun>{rules.alternation(t['raise']['nouns'])}|{_BARE_ROUND_END})(?!{_NOUN_IN_USE})"
        ),
        # 纪源资本参与了…Beep的种子轮融资, 英伟达参投了Cohere的2.7亿美元C轮融资: the investor joins a company's round
        joined_round=regex.compile(
            # (金沙江创投参与了星海图天使轮融资: a lettered or named round may follow the name without 的)
            # (参与智谱AI约4亿美元的新一轮募资: the amount between the name and its 的; 领投方参与X: 领投方 is who)
            rf"(?P<verb>{rules.alternation(t['raise']['joined'])})(?!方)了?(?P<obj>{c}{{2,30}}?)(?:(?:约|近|超过?|逾)?\d[\d.,]*\s*[万亿]*\s*(?:美元|美金|元|人民币|欧元|港元|英镑|日元)的|的|(?=(?:Pre-?)?(?:[A-K]\d?|天使|种子)\+{{0,2}}轮))(?P<mid>[^，,。；;！？!?的]{{0,24}}?)(?P<noun>融资|募资|(?<=轮)投资)"
            r"(?!需求|难|渠道|支持|服务|成本|环境|计划|方案|活动|工作|项目)"
        ),
        # 完成B轮数亿元融资, 收获E轮4.1亿元人民币融资: the amount may stand between the round and its noun
        round_in=regex.compile(rf"(?:{round_re})(?=(?:{_AMOUNT_BETWEEN})?(?:战略|引战|股权)?(?:融资|投资|资金|募资|注资|筹资)|$)|(?P<round3>{ROUND_LETTER}|{rules.alternation(round_words)})(?=轮(?:融资|募资)$)"),
        direct=regex.compile(rf"(?<!收|斩|荣|捕|俘|查|缴|破|截|抓|捞|获|统|自)(?P<verb>{rules.alternation(t['raise']['direct'])})了?(?:的?(?:资金|总额|金额|总金额))?(?:已经|已|为|达到|达|共计|共|约|大约|高达|超过|超|逾|近|仅|突破)*(?:惊人的|令人咋舌的|创纪录的|破纪录的|前所未有的)?"),  # (筹集了惊人的2.2亿美元)
        deal_verb=regex.compile(
            # 证券投资 is a noun but 中信证券收购 a deal: the noun preceders only bar 投资 (and not 投资了:
            # 中信证券投资了X).
            # (正就收购X进行深入谈判: a deal under negotiation, not made)
            # The verb is looked for first, as a lookahead: most places holding a verb's first
            # character hold no verb (增长, 加入, 参加), and there the lookbehinds cost ~30% of the
            # scan in vain; the verb must match there anyway, so the matches are the same.
            rf"(?={deal_verb_forms})"
            # (本收购事项: this deal, but 贝恩资本收购…: an investor's name ending in 资本; 研发等投资 are
            # investments of a kind, but A、B等投资了X names who did it)
            rf"(?<!被|的|之|该|此|这|其|(?<!资)本|项|笔|等(?!(?:投资|收购|入股)了)|无法|未能|没有|未|放弃|终止|取消|叫停|停止|不愿意|不愿|不会|不打算|不想|无意|有意|考虑|拒绝|不太可能|不大可能|不可能|不再|公|如果|假如|倘若|若|正就|正在就|已就|将就|拟就)(?!(?<={'|'.join(map(regex.escape, inv['noun_preceders']))})投资(?!了))"
            rf"(?P<verb>{deal_verb_forms})(?!{noun_use})"
        ),
        # Verbs that count only as the raw text writes them (併): looked for apart, in documents
        # whose raw text has them, so that 并 ("and") never ends a clause for the rules above.
        written_verb=regex.compile(rf"(?P<verb>{rules.alternation([form for form, v in verbs.items() if v.written_as])})"),
        written_forms=frozenset(v.written_as for v in verbs.values() if v.written_as),
        verbs=verbs,
        invest_to=regex.compile(
            # (微软在OpenAI上投资超过130亿美元: 在X上 says whom too)
            rf"(?:对(?!手|象|方|于|此|话|比|外|内)|向|(?<=拟|将|已|并)朝|(?P<on>在))(?P<obj>{c}{{2,30}}?)(?(on)(?:身)?上)(?:(?:以|通过)[^，,。]{{1,16}}?的?(?:形式|方式))?(?:新增|直接|实际|进行了?|完成了?|作出|做出|提供了?|追加|累计|共|总计|合计)*了?"
            rf"(?:价值)?(?P<gap>{_GAP_AMOUNT})(?:[(（][^()（）]{{1,20}}[)）])?(?:的)?{_INVEST_FILLER}"
            # (a comma after the verb ends the deal where an amount came before it: 向X追加了27.5亿美元投资，使得…)
            rf"(?P<verb>战略投资|投资|注资|入股|增资|投入)(?:(?=[，,])(?<=[\d亿万元][^，,]{{0,6}})|(?!{noun_use}))"
        ),
        # 对恒大汽车进行5亿美元的战略投资，…: after 进行/完成 the 投资 is the deal made, whatever follows
        invest_made=regex.compile(
            rf"(?:对(?!手|象|方|于|此|话|比|外|内)|向)(?P<obj>{c}{{2,30}}?)(?:进行了?|完成了?|作出|做出|提供了?)"
            rf"(?:[一二两三四五六七八九十多数几]轮)?"  # (进行了两轮投资: how many times)
            rf"(?P<gap>{_GAP_AMOUNT})的?{_INVEST_FILLER}"
            rf"(?P<verb>战略投资|投资|注资|增资)(?=[，,。；;！？!?]|$|并(?:取得|获得|持有))"  # (进行增资并取得30%股权)
        ),
        invest_of=regex.compile(
            rf"对(?!手|象|方|于|此|话|比|外|内)(?P<obj>{c}{{2,30}}?)的"
            # (阿里巴巴对X的投资金额为8亿美元: the investment's figure told after it)
            rf"(?:(?:累计|总)?(?:投资|注资)(?:金额|总额|规模|额)?(?:已|将|已经)?(?:累计)?(?:达到|达|为|是|共计)?)?"
            rf"(?=\s*(?:约|近|超过?|逾|高达)?\s*[\d一二两三四五六七八九十百千])"),
        acquire_nominal=regex.compile(
            # (已完成光年之外境内外主体100%股权的收购: after 完成 the object needs no 对, only its stake)
            rf"(?:(?<!针|面|相|绝|反|应|核|比|派|敌|作)对(?!手|象|方|于|此|话|接|比|称|外|内)|(?<=完成了?)(?=[^，,。；;]{{2,40}}?(?:\d+(?:\.\d+)?%|全部|部分|控股)?的?(?:股权|股份|权益)的(?:全资|整体|要约|控股)?(?:收购|并购)))(?P<obj>{c}{{2,40}}?)(?:的(?=\d|全部|部分|控股))?(?:\d+(?:\.\d+)?%|全部|部分|控股)?(?P<de>的?)(?P<stake>股权|股份|权益)?的?(?P<pay>(?:约|近|超过?|逾)?[\d.,]+[万亿]*(?:美元|元|港元|欧元|英镑|日元)|(?:总价|作价)?[\d.,]+[万亿]*(?:美元|元|港元|欧元|英镑|日元)的)?"
            rf"(?:全资|整体|再|要约|控股)?(?:收购|并购|购买)(?!方|人|者|价|基金|力|需求|意愿|审查|监管|行为|热情|计划|标准|资格|冲动)"  # (对X的控股收购)
        ),
        stake_received=regex.compile(
            rf"(?P<targets>{c}{{2,60}}?)(?:今年以来|年内|近期|近日|近\d+日|本周|上周|三季度|二季度)?(?:获|获得|遭|被)(?P<inv>{c}{{2,24}}?)"
            rf"(?:大幅|累计|合计|大举|集体|持续|再度|再次|连续)?(?:增持|买入|加仓|举牌)"
        ),
        # (百川、智谱AI也被小米投资: an investment told the same way)
        acquire_passive=regex.compile(rf"(?P<target>{c}{{2,30}}?)被(?P<acq>{c}{{2,50}}?)(?:以(?P<pay>{c}{{1,24}}?))?(?:全资)?(?P<verb>收购|并购|兼并|吞并|收编|收归旗下|纳入旗下|收入旗下|(?:战略)?投资(?=[，,。；;！？!?]|$)|注资|入股)"),
        # Where an object ends: its stake (的51%股权), a clause stop, a list end, what follows a deal.
        object_end=regex.compile(
            # (江铃控股50%股权: 控股 before a share ends the name, it is no controlling stake)
            rf"\s*(?:的|之)?(?:(?!控股(?=\d|{_ABOUT}\d))(?:{stake_amount})|{stake_after_name})?(?:{_ABOUT}?{_SHARE})?(?:的)?(?:{stake})(?!投资|基金|公司|部门|板块|单元|(?<=业务|资产)的)"
            rf"|(?:(?:的|之)?(?:{_ABOUT}?{_SHARE}|{stake_amount})(?:的)?|的|之|(?<=公司))(?:{shares})(?!有限|公司|东)"
            # 收购YouTube(16.5亿美元): the price in brackets after the name
            r"|[(（](?=(?:约|近|超过?|逾)?\d[\d.,]*\s*[万亿]*\s*(?:美元|美金|人民币|元|港元|欧元|英镑|日元))"
            # 软银投资OpenAI的225亿美元: the amount after the name and 的
            r"|的(?=(?:约|近|超过?|逾|高达)?\d[\d.,]*\s*[万亿]*\s*(?:美元|美金|人民币|元|港元|欧元|英镑|日元))"
            # (收购后者…: the latter is the object, but 收购秦淮数据后者估值…: the name ends before 后者)
            rf"|[{CLAUSE_STOPS}]|等|前十大|成为|之后|以来|之际|后(?!者)|(?<![购资股入并投下])(?=后者)|一案|案(?=今|已|将|于|经|获|在|遭|由|送|正|终|[{CLAUSE_STOPS}]|$)|(?<!合|兼|吞)并(?!购|表|入)|时(?=[，,。；;]|候)|但|却|事项|一事|事宜|约(?=[\d一二两三四五六七八九十半])"
            r"|迅速|快速|随即|进而|从而|以便|借此|旨在|用于|进入|进军|打入|切入|涉足|布局(?!\p{Han}{0,3}(?:有限|公司|集团|科技))"  # 投资OpenAI迅速绑定与前者的合作: what the deal is for
            r"|(?:是|乃|成为)(?=其|该公司|这家公司)"  # 收购Ampere是其AI与半导体战略的关键落子: what the deal is to the buyer
            # 收购捷普新加坡位于成都、无锡的…业务: the owner, then where its business is (but 收购总部位于
            # 瑞典的电动汽车公司NEVS: where the company is, told before its name)
            r"|(?<!总部|收购了?|购买了?|投资了?|入股了?)位于(?=[^，,。；;]{1,20}的)"
            rf"|的(?=交易|工作|事项|计划|方案|进程|消息|传闻|价格|对价|目的|原因|过程|公告|协议|事宜|资金|决定|意向|谈判|具体|确实|重要|主要|相关|意图|条款|细节|一步|进展|结果|影响|背后|同时)"
            rf"|(?P<count>\d[\d,]*(?:\.\d+)?[万亿]?股)"
            # 收购推特近一年后: how long ago, not part of the name
            rf"|(?:近|约|大约|不到|超过|仅)?[一二三四五六七八九十两半\d]+个?多?(?:年|月|周|天)(?:多)?(?=后|之后|以来|前)"
            rf"|(?P<project>(?:项目|计划|工程|基地|园区|产业园|生产线)(?!有限|股份|公司|集团|科技|建设|技术))"
        ),
        owner=regex.compile(rf"^.*?{rules.alternation(inv['owner_markers'])}的?"),
        stake_lead=regex.compile(rf"^(?:\d+(?:\.\d+)?%|{stake_amount}|或|及|的)+"),
        lead=regex.compile(rf"(?:由)?(?P<inv>{c}{{2,80}}?)(?:联合|共同|独家)?(?<![引带率])领投|由(?P<inv2>{c}{{2,40}}?)(?:等(?:多家|\d+家|[一二三四五六七八九十]+家)?(?:机构|投资方|投资人)?)?(?:(?:独家|联合|共同)?(?:投资|出资|参投|联投|合投|共投)|(?:独家|联合|共同)(?:完成|参与|增持|增资))"),
        follow=regex.compile(rf"(?P<inv>{c}{{2,80}}?)(?:联合|共同|超额)?(?:跟投|参投|追投|继续加注|加注|(?:持续|继续)加码|(?:持续|继续)加持|超额认购|参与了?(?:本轮|此轮|该轮|本次)?(?:投资|融资|筹资)|参与(?=[，,。；;]|$))"
            # …由A领投，B、C共同投资，老股东D继续追加投资: a clause of its own naming more investors
            rf"|(?:(?<=[，,；;])|^)(?P<inv2>(?:老股东)?[^，,；;。获]{{2,60}}?)(?:共同投资|联合投资|(?:继续)?追加投资|(?:继续|持续)投资)(?=[，,。；;]|$)"),
        investor_list=regex.compile(rf"{rules.alternation(inv['investor_list'])}(?P<inv>[^。；;！？!?\n]{{2,240}})"),
        round_words=round_words,
        not_deal=regex.compile(rules.alternation(t["not_deal"]["words"]) + "|" + rules.alternation_of_patterns(t["not_deal"]["patterns"])),
        not_deal_sentence=regex.compile(rules.alternation_of_patterns(t["not_deal"]["sentence_words"])),
        received_nouns=frozenset(t["raise"]["received_nouns"]),
        receiving=frozenset(t["raise"]["receiving"]),
        investor_suffix=regex.compile(rules.alternation(inv["investor_suffixes"]) + "$"),
        fund_flows=frozenset(inv["fund_flows"]),
        received_noun_after=regex.compile(rules.alternation(t["raise"]["received_noun_after"]) + r"|人(?!民币)"),  # (获得投资人民币…: an amount)
        not_object=regex.compile("^" + rules.alternation(inv["not_objects"]) + "$"),
        not_target_end=regex.compile(rules.alternation(t["generic"]["not_target_endings"]) + "$"),
        price_before=regex.compile(rules.alternation(inv["price_before"]) + r"(?:达|约|近|超过?|高达|共计)?(?:人民币)?\s*$"),
        per_unit=regex.compile(rules.alternation(inv["per_unit"])),
        joined_verbs=frozenset(t["raise"]["joined"]) - frozenset(t["raise"]["joined_weak"]),
        industries=frozenset(t["generic"]["industries"]),
        deal_cue=regex.compile(
            # Every reader's trigger needs one of these words, or an amount in the sentence: the
            # deal verbs (收购, 购买, 参股, 出资 … which also cover 要约收购 and 战略投资者), the raising
            # nouns (or 轮: a raise without either states its amount), 募集 and 投入, and the marks
            # the readers test first (sales, stakes, 投资/注资/入股).
            # (not the verbs counted only as the raw text writes them, 并 for 併: "and" in every
            # other sentence; extract adds them where the raw text has the written form)
            rules.alternation([*(form for form, v in verbs.items() if v.written_as is None), *t["raise"]["nouns"]])
            + r"|轮|募集|投入|"
            + "|".join(m.pattern for m in (_INVEST_WORD, _SALE_MARK, _STAKE_WORDS, _ACQUIRED_MARK, _NOMINAL_MARK, _RAISED_ALSO_MARK, _TAKEN_MARK,
                                           _NEW_SHAREHOLDER_MARK, _BECAME_HOLDER_MARK))
        ),
        price_after=regex.compile(
            r"^[,，]?\s*的?(?:拟|将|预计)?(?:本次|此次|该笔|该项目|标的|(?:该等|上述|该|相关|标的)(?:股权|股份|资产))?(?:交易|收购|转让|购买)?(?:预估|预计|估计|合计|总共|总|初步|整体|最终)?"  # (，整体作价1.6亿美元)
            + rules.alternation(inv["price_after"])
            + r"(?:预计|预估|暂定|初步|确定|定)?(?:为|约为|是|共计|合计|达|约|总计|达到|高达|预计|不超过|不低于|超过|逾|近|包括[:：]?|现金)*\s*$"
        ),
    )


@cache
def _descriptors() -> str:
    return rules.alternation(rules.load("funding")["descriptors"]["evidence"])


_DESCRIPTOR_END = regex.compile(_descriptors() + r"$")
_CODE_AFTER = regex.compile(r"\s*[(（](?:\d{4,6}|[A-Z]{1,5}[.)])")


def _round_text(m: regex.Match[str]) -> str | None:
    """The round a match of _FundingRules.round_in wrote, whichever of its forms matched."""
    return m["round"] or m["round2"] or m["round3"]


def normalise_round(text: str | None) -> str | None:
    if not text:
        return None
    r = _rules()
    if text in r.round_words:
        return r.round_words[text]
    m = regex.fullmatch(r"(?i)pre-?([a-k])(\+{0,2})", text)
    if m:
        return f"pre-{m.group(1).upper()}{m.group(2)}"
    if regex.fullmatch(r"(?i)pre-?ipo", text):
        return "pre-IPO"
    if regex.fullmatch(r"[A-K]\d?\+{0,2}", text):
        return text
    return None  # 新一轮, 首轮: a round, but not a named one


def _split_outside_brackets(text: str, pattern: regex.Pattern[str]) -> list[str]:
    """Split on `pattern`, but never inside (…): 和然节能有限责任公司(下称和然节能, 简称X)."""
    parts, depth, last = [], 0, 0
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
        elif depth == 0:
            m = pattern.match(text, pos)
            if m and m.end() > pos and pos - last >= 2 and len(text) - m.end() >= 2:
                parts.append(text[last:pos])
                last = pos = m.end()
                continue
        pos += 1
    parts.append(text[last:])
    return parts


def split_list(text: str) -> list[str]:
    """'红杉中国、高瓴创投和IDG资本' → three names; but 北京泰和康医疗生物技术有限公司 and
    广西祥和顺远洋捕捞有限公司 stay whole: a 和 inside a legal name is part of it."""
    parts: list[str] = []
    for chunk in _split_outside_brackets(text, _LIST_COMMA):
        pieces = _split_outside_brackets(chunk, _LIST_AND)
        # (only 和 joins words inside a legal name: 上海国资投资平台及上汽集团 is two)
        inside_name = len(pieces) == 2 and "和" in chunk and not looks_like_company(pieces[0]) and bool(
            regex.match(r"\p{Han}{1,12}(?:有限公司|有限责任公司|股份有限公司|集团)", pieces[1])
        )
        # (上海国资投资平台及上汽集团: an investor's kind of noun before 及 ends a name)
        entity_before_ji = "及" in chunk and bool(regex.search(r"(?:平台|基金|资本|集团|公司|投资|银行|证券)$", pieces[0]))
        if len(pieces) > 1 and not entity_before_ji and (inside_name or _legal_name(chunk) and not all(looks_like_company(p) for p in pieces[:-1])):
            parts.append(chunk)
        else:
            parts.extend(pieces)
    return [p.strip() for p in parts if p.strip()]


# A list of names each with its amount in brackets: 紫光展锐(超60亿元)、芯盟科技(数十亿元)…
_BRACKETED_ITEM = regex.compile(
    r"(?P<name>(?!以及|[和及与])[^、，,。；;：:()（）\s][^、，,。；;：:()（）]{1,40}?)\s*[(（](?P<amount>[^()（）]{1,16})[)）]")
_PLAIN_ITEM = regex.compile(r"[\p{Han}]{2,4}(?:人工智能|机器人|大模型|自动驾驶|半导体|新能源|生物|医疗|芯片)")
_ITEM_GAP = regex.compile(r"\s*(?:[、，,和及与]|以及)?\s*")
_LIST_LEAD = regex.compile(r"^.*(?:分别是|分别为|包括|依次是|依次为|其次是|[是为有])")  # 前10的企业有：…, 分别是A(…)
# Figures a bracketed list may give that are neither rounds nor values (for the callers' cues)
OTHER_FIGURES = r"营收|收入|利润|销售额|出货"
# A sentence about money raised, not about values or other figures (its brackets tested first).
_BRACKETED_RAISE = regex.compile(rf"^(?!.*(?:估值|市值|{OTHER_FIGURES})).*(?:融资|募资|筹资|获投)")


def bracketed_amounts(text: str, start: int, end: int, money: Sequence[MoneySpan]) -> list[tuple[int, str, MoneySpan]]:
    """A run of at least two list items `name(amount)` in text[start:end], each amount one money
    span and each name a company's: (where the name starts, the name, the amount). What the
    amounts are — rounds, values, revenue — the caller tells from the sentence around them."""
    runs: list[list[tuple[int, str, MoneySpan]]] = []
    run: list[tuple[int, str, MoneySpan]] = []  # the current run's items
    run_end = start
    for m in _BRACKETED_ITEM.finditer(text, start, end):
        spans = [sp for sp in money if m.start("amount") <= sp.start and sp.end <= m.end("amount")]
        lead = _LIST_LEAD.match(m["name"]) if not run else None  # (before a gap ends the run)
        if run and _ITEM_GAP.fullmatch(text, run_end, m.start()) is None:
            runs.append(run)  # a gap ends the run
            run = []
        name_at = m.start("name") + (lead.end() if lead else 0)
        company = company_name(text[name_at : m.end("name")]) if len(spans) == 1 else None
        if company is None and run and len(spans) == 1 and _PLAIN_ITEM.fullmatch(text, name_at, m.end("name")):
            company = CompanyName(text[name_at : m.end("name")])  # 墨芯人工智能 between two companies: one too
        if company is None or company.generic or is_anaphor(company.name):
            runs.append(run)  # an item that is no company's ends it
            run = []
            continue
        at = text.find(company.name, name_at, m.end("name"))
        run.append((at if at >= 0 else name_at, company.name, spans[0]))
        run_end = m.end()
    runs.append(run)
    return [item for run in runs if len(run) >= 2 for item in run]


# Compiled once: _legal_name and _names run for every name list, and the module-level regex
# functions look each pattern up in their cache (~4 µs a call) before matching.
_TRAILING_GLOSS = regex.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_LEGAL_ENDING = regex.compile(r"(?:有限公司|有限责任公司|股份公司|集团|Inc\.?|Ltd\.?|LLC|GmbH)$")
_ETC_TAIL = regex.compile(r"等(?:知名|多家|机构|企业|公司|原有|老)?\S*$")
_INVESTOR_KIND_LEAD = regex.compile(r"^(?:由|知名投资人|投资人|老股东|新股东|现有股东|原股东|大股东|股东|知名|机构|包括|产业资本|财务投资人|战略投资人|战略投资方|财务投资方)+(?=..)")
_ETC_AT_END = regex.compile(r"(?:等|旗下|机构)$")
_NOT_A_LONE_INVESTOR = regex.compile(rf"轮|融资|投资方|股东$|^{ROUND_LETTER}$|^第?[\d一二两三四五六七八九十几数多]+(?:案|笔|次|项|家|起)$")  # (获得2案投资: how many, not who)


def _legal_name(text: str) -> bool:
    text = _TRAILING_GLOSS.sub("", text)  # ignore a trailing (下称X)
    return bool(_LEGAL_ENDING.search(text))


def _names(text: str) -> list[str]:
    """Split '红杉中国、高瓴创投和IDG资本等' into names."""
    text = _ENUM_TAIL.sub("", _ETC_TAIL.sub("", text.strip()))
    out = []
    for part in split_list(text):
        # (产业资本金鼎资本, 老股东今日资本: what kind of investor, then its name)
        part = _INVESTOR_KIND_LEAD.sub("", part.strip())
        part = _ETC_AT_END.sub("", part).strip()
        part = _OWN_SHARE.sub("", part)  # 领投为IDG资本的1.5亿美元: the investor, not its share
        company = company_name(part)
        if company and not company.generic and not _NOT_A_LONE_INVESTOR.search(company.name):
            out.append(company.name)
    return out


@dataclass
class _Deal:
    start: int
    end: int
    deal_type: str
    company: CompanyName | None
    investors: list[str] = field(default_factory=list)
    round: str | None = None
    money: Money = NO_MONEY
    company_count: int | None = None
    # The investors came from 某某参与了X的融资, one joining the round: a follow-up listing the
    # round's investors (本次融资由A和B联合领投) still adds the rest.
    joined_by: bool = False
    # Told in a list of companies that raised (A、B、C等企业纷纷完成新一轮数亿美元融资): a summary,
    # which gives way to the company's own round told elsewhere in the article.
    summary: bool = False
    # Told with the investor as its subject (红杉参与了X的A轮融资): the investor's investment,
    # unless the article tells the company's own round too (funding.extract).
    by_investor: bool = False


def _own_investors(text: str, deals: list[_Deal]) -> None:
    """Several rounds in one sentence (A轮…，由X领投；同年再获A+轮…，由Y投资): an investor named after
    a round's telling is that round's (由X领投 follows its round), one named inside a telling before
    its 领投的/投资的 is the next round's (获A领投的B轮融资)."""
    rounds = sorted((d for d in deals if d.deal_type == "funding" and d.investors), key=lambda d: d.end)
    if len(rounds) < 2 or len({d.end for d in rounds}) < len(rounds) or len({d.round for d in rounds}) < len(rounds):
        return  # (a headline and its body telling one round twice: nothing to share out)
    floor = min(d.start for d in rounds)
    owned: dict[int, list[str]] = {id(d): [] for d in rounds}
    last_end = max(d.end for d in rounds)
    for name in dict.fromkeys(i for d in rounds for i in d.investors):
        at = text.find(name, floor)
        if at < 0 or text.find(name, at + len(name), last_end + 80) >= 0:
            return  # a name not written as such, or written twice: leave the lists as they are
        before = [d for d in rounds if d.end <= at]
        after = [d for d in rounds if d.end > at]
        # (…500万元天使轮融资，2016年10月获得蓝驰创投数千万元A轮融资: a raising verb between says the next)
        if after and (not before or _INVESTOR_OF_NEXT.match(text, at + len(name)) or _RAISE_VERB_BETWEEN.search(text, before[-1].end, at)):
            owner = after[0]
        else:
            owner = before[-1]
        owned[id(owner)].append(name)
    for d in rounds:
        if owned[id(d)]:
            d.investors = owned[id(d)]


def _sentences_holding(positions: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """The indices of the (sorted, disjoint) sentence spans that hold one of the positions."""
    starts = [start for start, _ in spans]
    out = set()
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            out.add(i)
    return out


def _any_within(positions: list[int], start: int, end: int) -> bool:
    """Whether the sorted positions hold one in [start, end)."""
    first = bisect_left(positions, start)
    return first < len(positions) and positions[first] < end


# A stock's move names a listed company (比亚迪股份下跌2.47%, 申通快递一字涨停); an index or a market moves too.
_MOVES_BY = "下跌|上涨|大涨|大跌|收涨|收跌|暴涨|暴跌|跌超|涨超"  # each followed by the percentage
_MOVED_STOCK = regex.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?:今日|昨日|当日|盘中|早盘|尾盘|开盘|收盘)*(?P<name>(?![\p{Han}]{0,8}(?:指数|板块|大盘|市场|概念股|个股|港股|美股|A股|台股))"
    r"[\p{Han}A-Za-z](?:(?!的)[\p{Han}A-Za-z0-9]){1,11}?)(?<![日月年周天期时后前内度盘市价])(?:股价)?(?:今日|盘中|早盘|尾盘|则|也)?(?:一字)?"
    rf"(?:(?:{_MOVES_BY})(?=\d+(?:\.\d+)?%)|涨停|跌停)")
_MOVED_STOCK_MARK = regex.compile(rf"{_MOVES_BY}|涨停|跌停")
# 以Lightstorm为例，这家…服务商…: the example named is the company 这家 points back to
_EXAMPLE_NAMED = regex.compile(r"以(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .·\-]{1,20}?)为例(?=[，,:：]\s*(?:这家|该))")
_EXAMPLE_MARK = regex.compile(r"为例")
# The patterns that note a company as such, each with a cheap mark it cannot match without.
_COMPANY_NOTES = ((_STOCK_CODE, _CODE_MARK), (_ANNOUNCER, _ANNOUNCE_MARK), (_FOUNDED, _FOUNDED_MARK), (_FOUNDED_BY, _FOUNDED_MARK),
                  (_IS_A_COMPANY, _IS_MARK), (_DESCRIBED, _DESCRIBED_MARK), (_GLOSSED, _GLOSSED_MARK), (_MOVED_STOCK, _MOVED_STOCK_MARK),
                  (_EXAMPLE_NAMED, _EXAMPLE_MARK))


class _SentenceReader:
    def __init__(self, ctx: DocContext, money: list[MoneySpan], r: _FundingRules, register: CompanyRegister):
        self.ctx, self.text, self.money, self.r, self.register = ctx, ctx.text, money, r, register
        self._evidence: dict[str, bool] = {}
        self.r_anaphora = anaphora_words()
        self.earlier: list[_Deal] = []  # the deals of the sentences read so far
        self._marks: list[list[int]] | None = None  # note_companies' marks, by position
        self._span_of_money: dict[int, MoneySpan] | None = None  # each money span, by its Money's id (see _made)
        self._any_mark: list[int] = []  # all of them together
        raw = ctx.mapped.raw if ctx.mapped is not None else ""
        self._written_forms_here = any(form in raw for form in r.written_forms)  # 併 in a Traditional page

    def _clause_start(self, s_start: int, pos: int) -> int:
        """Where the clause holding `pos` starts; commas inside brackets (下称X,002893.SZ) don't count."""
        depth = 0
        for i in range(pos - 1, s_start - 1, -1):
            ch = self.text[i]
            if ch in ")）":
                depth += 1
            elif ch in "(（":
                depth = max(depth - 1, 0)
            elif depth == 0 and ch in CLAUSE_STOPS:
                if ch == "," and _THOUSANDS_COMMA.match(self.text, i - 1):
                    continue  # 以2,794万元对X进行投资: a thousands comma starts no clause
                return i + 1
        return s_start

    def _item_end(self, pos: int, s_end: int) -> int:
        """Where the clause holding `pos` ends, or the list item: 如近日A完成…融资、B完成…融资、C正式启动招股
        (what the next item tells is no part of this one's telling)."""
        end = self._clause_end(pos, s_end)
        item = self.text.find("、", pos, end)
        return item if item >= 0 else end

    def _clause_end(self, pos: int, s_end: int) -> int:
        depth = 0
        for i in range(pos, s_end):
            ch = self.text[i]
            if ch in "(（":
                depth += 1
            elif ch in ")）":
                depth = max(depth - 1, 0)
            elif depth == 0 and ch in CLAUSE_STOPS:
                if ch == "," and _THOUSANDS_COMMA.match(self.text, i - 1):
                    continue  # 增资100,250万元: a thousands comma ends no clause
                return i
        return s_end

    def subject(self, s_start: int, pos: int) -> tuple[CompanyName | None, int]:
        """The company phrase before `pos`: this clause, or the one before when this is empty.
        A manner or price phrase before the verb (拟支付现金3.20亿元, 通过集中竞价方式) is not
        part of the subject."""
        end = pos
        own_clause_named = True
        investors: tuple[str, ...] = ()  # …，并从微软获得了…: the source, kept when the subject is clauses back
        for hop in range(6):
            start = self._clause_start(s_start, end)
            # 滴灌通获4.58亿美元真迈生物获近4亿元: a name starts after the amount before it (but
            # 以4.39亿元的现金对价 is the manner of the verb, not a name)
            # A price quote in brackets (软银(1.2717, 0.0000, 0.00%)) is blanked, keeping offsets.
            bare_end = start + len(_strip_manner(_blank_quotes(self.text[start:end])))
            start = max([start] + [m.end for m in self.money if start <= m.end and m.end + 1 < bare_end
                                   and not _inside_brackets(self.text, start, m.start)])  # (CD，股价8.11美元): a gloss's figures
            phrase = _blank_quotes(self.text[start:end])
            if hop == 0:
                item_start = self._listed_deal_item(start, end)
                if item_start is not None:  # 华域汽车收购延锋50%股权、中国化工以70亿欧元收购倍耐力
                    start, phrase = item_start, _blank_quotes(self.text[item_start:end])
                if _TITLE_OPEN.search(self.text, max(s_start, start - 12), end):
                    return None, pos  # 主题是“科技企业成长如何有效获得融资”: a title, not a telling
                for opener in (_APPROVED, _HEARSAY):  # 委员会已经同意微软收购…: the one approved buys
                    opened = opener.match(phrase)
                    # (but 恩智浦半导体公司同意以118亿美元收购…: the one agreeing buys, where only
                    # the price follows)
                    if opened and opened.end() < len(phrase) and _strip_manner(phrase[opened.end() :]).strip():
                        phrase = phrase[opened.end() :]
                phrase = _WHEN_OPEN.sub("", phrase)  # 当生数科技获…完成…融资，当…: "when", not part of the name
                phrase = _SOURCE_DATELINE.sub("", phrase)  # 财联社在收购推特…后: the news source, not a buyer
                reported = _REPORTED_IN.match(phrase)  # 在2011年Q3财报中透露腾讯以…收购: what the report says, its subject
                if reported and reported.end() < len(phrase):
                    phrase = phrase[reported.end() :]
                consortium = _CONSORTIUM.search(_strip_manner(phrase))  # 以“日本产业合作伙伴”(JIP)为主的财团: its lead buys
                if consortium:
                    phrase = consortium["lead"]
                if phrase.startswith("自") and ("以来" in self.text[pos : self._clause_end(pos, self.ctx.sentences.covering(pos, pos + 1)[1])]
                                               or (start == self._clause_start(s_start, pos) and _SINCE_DEAL_VERB.match(self.text, pos))):
                    # 自软银在2016年…收购Arm以来, 自智元机器人收购上纬新材控股权，…: since, not part of the
                    # name (收购自X is where a stake was bought from)
                    phrase = phrase[1:]
                dash = phrase.rfind("——")
                if dash >= 0 and not phrase[dash + 2 :].strip() and (opening := phrase.rfind("——", 0, dash)) >= 0:
                    phrase = phrase[opening + 2 : dash]  # 一家成立仅一年的公司——银河通用——宣布: the name the dashes set off
                elif dash >= 0:  # …最活跃的交易参与者——先是收购了AK钢铁: the dash opens what the subject did
                    phrase = phrase[dash + 2 :]
            source = _SOURCE_OF_MONEY.search(phrase)  # 该公司已从多家投资者那里
            if source is not None and source.group(0).startswith("自") and phrase[: source.start()].endswith("来"):
                phrase, source = source["who"], None  # 有三分之一来自谷歌收购Wiz的交易: 来自 X, X did it
            if (source and source.group(0).startswith("向") and source.start() > 0 and phrase[source.start() - 1] not in "已并还也曾均都将拟再又正或，, "
                    and not _SOURCE_NAMED.search(source.group(0))):
                source = None  # 复向美学近日: 向 inside a name (but 已向配售代理下达订单 opens a clause)
            if (source and source.group(0).startswith(("从", "自")) and not _SOURCE_NAMED.search(source.group(0))
                    and regex.fullmatch(r"\p{Han}{4,10}", phrase.strip()) and looks_like_company(phrase.strip())
                    and (whole := company_name(phrase.strip())) is not None and not whole.generic and whole.name == phrase.strip()):
                source = None  # 云从科技完成…, 自变量机器人完成…: 从 or 自 inside the name that is the whole subject
            if source and source.group(0).startswith(("从", "自")) and _SINCE_WHEN.match(source["who"]):
                phrase, source = phrase[: source.start()], None  # 推想医疗从2016年成立至今…: since when, not from whom
            if source and (source.start() == 0 or phrase[source.start() - 1] == "的") and source.group(0).startswith("自") and regex.search(r"(?:宣布|官宣|表示|透露)$", source["who"]):
                source = None  # 自变量机器人宣布完成…: a name opening with 自 that announces, not a source
            if source:  # 从波音公司、Stellantis和美联航等行业巨头那里获得…: each source
                investors = tuple(_names(_ENUM_TAIL.sub("", source["who"].replace("\u3000", ""))))  # a blanked price quote goes
                phrase = phrase[: source.start()]
            backed = _BACKED_BY_TAIL.search(phrase) if hop == 0 else None
            if backed and backed.start() >= 2:  # 生数科技获百度、启明创投等加持(完成…): the backers, then the raise
                investors = investors or tuple(_names(backed["who"]))
                phrase = phrase[: backed.start()]
            # 该公司目前已与秦淮数据(…)达成私有化的最终协议，…收购秦淮数据: the party agreeing buys
            phrase = _AGREED_WITH.sub("", phrase) if hop > 0 else phrase
            company = None
            if not (_NOT_BEING.match(phrase) or _LED_BY_CLAUSE.fullmatch(phrase)):
                named = _ANNOUNCE_TAIL.sub("", _strip_manner(phrase))
                company = company_name(named)
                coded = _STOCK_CODE.match(named.strip()) if company is None else None
                if coded is not None and len(named.strip()) - coded.end() <= 10:
                    # 美時（1795）宣布將以…: the listed company opening the clause, whatever its name ends in
                    company = coded_company_name(coded["name"])
            if hop > 0 and _LIST_ITEM_CLAUSE.search(phrase):
                company = None  # …投资过“蜜雪冰城”、“喜茶”以及咖啡届的“Manner”，此次投资…: a list's last item, no subject
            if hop > 0 and not own_clause_named and (company is None or not self.evidenced(company.name)):
                topic = self._clause_topic(phrase)
                if topic is not None:
                    return dataclasses.replace(topic, investors=investors or topic.investors), start
                pointer = _POINTER_HEAD.match(phrase)
                if pointer:  # 该企业注册资本5520万美元，已于2023年完成天使轮: the clause is about it
                    return CompanyName(pointer.group(0), investors=investors), start
                if hop == 1 and (went_on := self._went_on_from(phrase)) is not None:
                    return dataclasses.replace(went_on, investors=investors or went_on.investors), start
            if hop == 0 and company is not None and company.name == "其" and start > s_start + 1 \
                    and (named := _NAMED_AS_COMPLEMENT.search(self.text, self._clause_start(s_start, start - 1), start - 1)) is not None:
                # 融资金额最大的是两瑞咖啡，其获得贝恩资本6000万元战略投资: 其 is the company the clause before ends on
                complement = company_name(named["name"])
                if complement is not None and not complement.generic and not is_anaphor(complement.name):
                    return complement, start
            # Beyond its own clause a subject must be known to be a company (not 注册地在西安).
            if company is not None and (hop < 4 or is_anaphor(company.name)) and (hop == 0 or company.generic or self.evidenced(company.name) or is_anaphor(company.name)):
                if investors:
                    company = dataclasses.replace(company, investors=investors)
                return company, start
            if hop == 0 and company is None and _PRONOUN_SUBJECT.match(phrase):
                return None, pos  # 他十八日宣布斥资…入股: a person is the subject, not a clause before
            if hop == 0:
                # 人人车迅速发展，于2014年12月份完成…融资: a clause of adverbs only goes on with the
                # topic of a clause before it
                # (…披露重大资产重组计划，拟以70.4亿元收购…: an intent and a price, no name)
                # (…，并投资和收购了光年之外: a verb paired with the deal's is no name)
                own_clause_named = bool(_HAN_OR_LATIN_NAME.search(_ADVERBIAL_ONLY.sub("", _strip_manner(_INTENT_HEAD.sub("", _PAIRED_VERB.sub("", phrase))))))
            if not own_clause_named and start > s_start and self.text[start - 1] in "：:；;":
                # Figure AI…，融资节奏极为迅速：2023年5月，完成…A轮融资…；两个月后，再获…: a history
                # told after a colon, item by item, is about the company the colon's clause names
                history = self._topic_before_colon(s_start, start - 1)
                if history is not None:
                    return dataclasses.replace(history, investors=investors or history.investors), s_start
            if start <= s_start or (self.text[start - 1] in "；;" and (hop > 0 or own_clause_named)):
                break  # a semicolon closes its subject's reach (but not for …；2022年又陆续获得了…)
            end = start - 1
            before = self.text[self._clause_start(s_start, end) : end]
            if _DATA_SOURCE.search(before):
                break  # CB Insights数据显示，…: where the figures come from, not who raised
            if _SPEECH.search(before) and not _ANNOUNCE_TAIL.search(before):
                role = _ROLE_OF.search(before)  # 阶跃星辰创始人姜大昕宣布…：公司完成…: the founder's company
                speaker = company_name(role["co"] if role else _SPEAKER_TAIL.sub("", before)) if not own_clause_named else None
                if speaker is not None and not speaker.generic and self.evidenced(speaker.name):
                    # 初创公司Beep近日表示，已经完成了…融资: a company speaking of its own round
                    return speaker, self._clause_start(s_start, end)
                break  # …负责人X表示，…获得融资: the speaker is no subject of the deal
        return None, pos

    def _topic_before_colon(self, s_start: int, before: int) -> CompanyName | None:
        """The company the part of the sentence before its last colon (before `before`) is about, when
        that colon opens a list of what the company did: the first of its clauses that opens with a
        name the document shows to be a company."""
        colon = max(self.text.rfind("：", s_start, before + 1), self.text.rfind(":", s_start, before + 1))
        if colon < 0:
            return None
        head = self.text[s_start:colon]
        if _SPEECH_BEFORE_COLON.search(head) or _inside_brackets(self.text, s_start, colon):
            return None  # X表示：…: a speaker's words, read by the speaker rules
        for clause in _CLAUSE.findall(head):
            clause = _SINCE_FOUNDED.sub("", clause)
            named = self._clause_topic(clause) or self._went_on_from(clause)
            if named is None and (latin := _LATIN_NAME.match(clause.strip())) is not None:
                named = company_name(latin.group(0).strip())
                named = named if named is not None and not named.generic and self.evidenced(named.name) else None
            if named is not None:
                return named
        return None

    def _went_on_from(self, clause: str) -> CompanyName | None:
        """The subject of the clause before a subjectless one (吉利德科学以49亿美元的价格，收购了…;
        美团则投资了智谱AI，并投资和收购了…; 北京君正首先披露收购方案，拟以…收购): a name the
        clause opens with, then only a price or manner, or an adverb that shows it is the subject."""
        head = leading_date_end(clause)
        clause = _ADVERBIAL_ONLY.match(clause[head:] if clause[head:].strip() else clause)
        clause = clause.string[clause.end() :] if clause else ""
        stripped = _strip_manner(clause)
        if stripped != clause:  # a price or manner ends the clause: all before it is the subject
            name = stripped.strip()
        else:
            opened = _OPENS_WITH_SUBJECT.match(clause)
            if opened is None:
                return None
            name = opened["name"]
        if self.r.deal_verb.search(name):
            return None  # 投资英特尔30亿美元，投资Mistral AI…: a deal of its own, no subject
        company = company_name(name)
        if company is None or company.generic or company.name != name.strip() or is_anaphor(company.name):
            return None
        return company

    def _listed_deal_item(self, start: int, end: int) -> int | None:
        """Where the last item of a list of deals starts, when text[start:end] (a clause up to a
        deal verb) lists a deal before it: 华域汽车收购延锋公司50%股权、中国化工以70亿欧元收购倍耐力.
        The item before the 、 has its own deal verb; the item after is a buyer (_buyer_item)."""
        listed = self.text.rfind("、", start, end)
        if listed > start and self.r.deal_verb.search(self.text, start, listed):
            return listed + 1 if self._buyer_item(listed + 1, end) is not None else None
        # 光晶能源获得数千万的天使轮融资和仁烁光能获得了…: a raise told before 和, then the next one's company
        ends = [m.end() - 1 for m in _RAISE_THEN_AND.finditer(self.text, start, end)]
        joined = ends[-1] if ends else -1
        if joined > start and _ROUND_TOLD.search(self.text, start, joined):
            item = company_name(_strip_manner(self.text[joined + 1 : end]))
            return joined + 1 if item is not None and not item.generic else None
        return None

    def _buyer_item(self, start: int, verb_at: int) -> CompanyName | None:
        """text[start:verb_at], a list item before a deal verb, when it is a buyer: a name the
        document shows to be a company, with only the manner or price of the deal after it."""
        item = company_name(_ANNOUNCE_TAIL.sub("", _strip_manner(self.text[start:verb_at])))
        if item is None or item.generic:
            return None
        # (SUNRATE收编传化支付 after Airwallex并购商物通: a Latin name in capitals reads as a company)
        shown = any(self.evidenced(name) or looks_like_company(name) or _CAPITALS_NAME.fullmatch(name) for name in (item.name, *item.aliases))
        return item if shown else None

    def topic_before(self, position: int) -> str | None:
        """The company the article is about, for 公司 when the register has nothing before it:
        the name that opens the most clauses before `position` (滴灌通正式启航, 滴灌通宣布…), if
        it reads as a company and the text repeats it at least three times."""
        counts: dict[str, int] = {}
        for m in _CLAUSE_OPENING.finditer(self.text, 0, position):
            topic = self._clause_topic(m.group(1))
            if topic is not None and not is_anaphor(topic.name):
                counts[topic.name] = counts.get(topic.name, 0) + 1
        if not counts:
            return None
        best = max(counts.items(), key=lambda item: item[1])[0]
        return self.register.canonical(best) or best

    def _clause_topic(self, clause: str) -> CompanyName | None:
        """The company a clause opens with (滴灌通宣布正式启航, 人人车迅速发展): a name the
        document shows to be a company, or one it keeps repeating."""
        named = unit_of_owner(clause.strip())
        if named is not None and not is_anaphor(named.name):
            return named  # 百度集团旗下的昆仑芯，已完成多轮融资: the unit a group owns is a company, and the topic
        dash = clause.rfind("——")
        if dash >= 0 and clause[dash + 2 :].strip():
            clause = clause[dash + 2 :]  # …的神话席卷了硅谷风投圈——公司Cluely仅成立2个月: what the dash opens
        clause = _QUOTED_KIND_LEAD.sub("", clause)  # “AI作弊”公司Cluely仅成立2个月: the kind in quotes goes
        m = _CLAUSE_TOPIC.match(clause)
        if not m:
            return None
        role = _ROLE_OF.match(m["name"])  # 阶跃星辰创始人姜大昕在…: the founder's company opens it
        company = company_name(role["co"] if role else m["name"])
        if company is None or company.generic:
            return None
        if clause.startswith("方面", m.end()) and not (looks_like_company(company.name) or is_well_known(company.name)):
            return None  # 财务方面也提供…: a side of things, not a company's
        if self.evidenced(company.name) or self.text.count(company.name) >= 3:
            return company
        return None

    def evidenced(self, name: str | None) -> bool:
        """Whether the document shows `name` to be a company: a company-like name (Latin, 科技,
        有限公司 …), one already named in a deal or announcement, or written with a stock code,
        after a descriptor (公司X, 初创企业X) or in corner quotes."""
        if not name:
            return False
        known = self._evidence.get(name)
        if known is None:
            known = looks_like_company(name) or self.register.canonical(name) is not None or self._written_as_company(name)
            self._evidence[name] = known
        return known

    def _written_as_company(self, name: str) -> bool:
        """公司X / 「X」 / X(603876) anywhere in the document (string search: no regex per name)."""
        text, pos = self.text, self.text.find(name)
        while pos >= 0:
            before = text[max(0, pos - 6) : pos].rstrip(" “「\"")
            after = text[pos + len(name) : pos + len(name) + 8]
            if _DESCRIPTOR_END.search(before) or (text[pos - 1 : pos] == "「" and after.startswith("」")):
                return True
            if _EPITHET_BEFORE.search(text, max(0, pos - 12), pos):
                return True  # 「人形机器人第一股」优必选: a company's epithet, then its name
            if _CODE_AFTER.match(after) or after.startswith(("公司", "集团")):
                return True  # X(603876), 东芝公司
            if (ending := _TRADE_ENDING_THEN_COMPANY.match(after)) and is_trade_ending(ending["trade"]):
                return True  # 安华高 in 安华高科技公司: the short name of a company written whole
            if _SHARES_OF.match(after):
                return True  # 持有永辉5.27%的股份: only a company has shares
            if _STOCK_MOVE.match(after):
                return True  # 每日优鲜盘前涨超46%: only a listed company's shares move
            pos = text.find(name, pos + 1)
        return False

    def _parent_of(self, buyer: str, s_start: int, at: int) -> str | None:
        """The company a buyer is introduced as the subsidiary of (X宣布，旗下全资附属公司Y拟收购…):
        X, named before it in the sentence."""
        named_at = self.text.rfind(buyer, s_start, at)
        owned = _SUBSIDIARY_BEFORE.search(self.text, max(s_start, named_at - 12), named_at) if named_at > s_start else None
        if owned is None:
            return None
        parent, _ = self.subject(s_start, owned.start())
        if parent is None or parent.generic or parent.name == buyer or not self.evidenced(parent.name):
            return None
        return self.register.canonical(parent.name) or parent.name

    def investor_like(self, name: str | None) -> bool:
        return bool(name) and (bool(self.r.investor_suffix.search(name)) or self.evidenced(name))

    def money_in(self, start: int, end: int) -> list[MoneySpan]:
        return [m for m in self.money if start <= m.start and m.end <= end]

    def not_deal(self, start: int, end: int, counting_deals: bool = False) -> bool:
        # 花费巨资收购: spending on a deal is its price, not a cost
        text = _PAID_WITH.sub("", _SPENT_ON.sub("", self.text[start:end]))
        text = _EXCLUDED.sub("", text)  # 据其估算(不含IPO)，…共计融资260亿元: what a figure leaves out is not what it is
        if counting_deals:
            text = text.replace("投融资", "融资")  # 投融资 is no deal word elsewhere (投融资平台); in a count of deals it is one
            text = regex.sub(r"(?<=风险|创业|股权)投资额", "投资", text)  # a field's 风险投资额 is venture money, not a region's spending
            if _COUNT_OF_DEALS.search(text):
                text = text.replace("投资额", "投资")  # 有102宗交易，投资额约330亿美元: the sum of the deals counted
            text = regex.sub(r"(?<=融资|投资)总规模", "总额", text)  # 融资总规模 is a total raised, not a fund's size
            if regex.search(r"新创|初创|创业企业|创业公司", text):
                text = text.replace("募资", "融资")  # 台湾新创募资金额: startups raising, not IPO proceeds
        return bool(self.r.not_deal.search(text))

    def investors(self, s_start: int, s_end: int, mid: str = "", mid_at: int = 0, received: bool = False) -> list[str]:
        # Bridford,、MilkyWay: a stray comma in a list is a 、 (same length: positions hold)
        sentence = _STRAY_LIST_COMMA.sub(lambda m: "、".ljust(len(m.group(0))), self.text[s_start:s_end])
        found: list[str] = []
        for m in _BY_COMMA_LIST.finditer(sentence):  # 由A（有限合伙），B，C，D合投: commas list them
            names = _names(_GLOSS.sub("", m["inv"]).replace("，", "、").replace(",", "、"))
            if len(names) >= 2:
                found.extend(names)
        for m in _KINDS_OF_INVESTORS.finditer(sentence, overlapped=True):
            found.extend(_names(m["inv"]))  # ——包括A、B等战略及产业投资方；C、D等财务投资方
        for pattern in (self.r.lead, self.r.follow, self.r.investor_list):
            # (领投为A，跟投的有B、C: each list its own, though the first runs over the second)
            if not rules.may_match(pattern, sentence):
                continue  # (lead and follow try a lazy run of up to 80 characters from every position)
            for m in pattern.finditer(sentence, overlapped=pattern is self.r.investor_list):
                inv = m.groupdict().get("inv") or m.groupdict().get("inv2") or ""
                # before 领投/跟投 the investors are the last clause; after 投资方包括, the first
                parts = regex.split(r"[，,；;]", inv)
                if "、" in parts[-1]:  # …星光熠熠：A、B、C三家联合领投: a list starts after the colon
                    parts[-1] = regex.split(r"[：:]", parts[-1])[-1]
                if pattern is self.r.investor_list:
                    # 其中包括A、B等新加入者，以及C、D等回归投资者: the list goes on after 以及
                    kept = [parts[0]]
                    for part in parts[1:]:
                        if not _LIST_GOES_ON.match(part):
                            break
                        kept.append(_LIST_GOES_ON.sub("", part, count=1))
                    inv = _GLOSS.sub("", "、".join(kept)).split("由")[-1]  # Citi Ventures（花旗集团旗下投资机构）
                else:
                    inv = parts[-1].split("由")[-1]
                    # 由A领投，B，C等共同跟投: names alone in the clauses just before, each an investor's
                    if pattern is self.r.follow and m.group("inv") is not None:
                        before = regex.split(r"[，,]", sentence[: m.start("inv")])[:-1]
                        for part in reversed(before):
                            alone = company_name(part.strip())
                            if (alone is None or alone.name != part.strip() or not self.r.investor_suffix.search(alone.name)
                                    or _NOT_A_BARE_NAME.search(part)):
                                break  # (领投方为A，B跟投: that clause says who led)
                            inv = part.strip() + "、" + inv
                if pattern is self.r.lead:
                    inv = _RECEIVED_FROM.split(inv)[-1]  # X获Y领投的B轮融资: Y leads
                found.extend(_names(inv))
        if mid:
            # 获得了微软130亿美元的投资 / 获得来自红杉的投资: what is left of the middle once the
            # amount and the particles are gone names the investor.
            spans = [s for s in self.money if mid_at <= s.start and s.end <= mid_at + len(mid)]
            rest = mid
            for span in sorted(spans, key=lambda s: -s.start):
                rest = rest[: span.start - mid_at] + rest[span.end - mid_at :]
            rest = _ROUND_AT_END.sub("", rest.strip())  # 获来自嘉御基金的A+轮融资
            rest = regex.sub(r"^(?:了|过|一笔|一轮|来自|由)+|(?:的|联合|共同|领投|跟投|投资|出资|战略|累计|共计|约|首笔|第[一二三四五六七八九十]笔|一笔|金额|总额|规模|超过?|逾|近|(?<![创更革])新)+$", "", rest)  # (获富途新注资: 新, new money)
            rest = _KIND_OF_INVESTMENT.sub("", rest)  # 吸引约1927亿美元风险投资: venture money, no investor named
            if regex.search(r"甚至|或者|级|[\d一二两三四五六七八九十几数多]笔", rest):
                rest = ""  # 百万美元甚至千万美元级新融资, 完成五笔大规模投资: sizes and counts, no investor
            names = _names(rest) if rest else []
            if names and (spans or received or any(self.evidenced(n) or self.r.investor_suffix.search(n) for n in names)):
                # 获得了微软130亿美元的投资, 获红杉中国、高瓴创投联合投资: with an amount, or with one
                # known company in the list, the names are the investors; 获得线上融资 has none.
                found.extend(names)
        # In the order the sentence names them: the lead investor first (领投方为A，B跟投). The
        # sort is stable, so names not in the sentence (find → -1, sorted last) keep their order.
        unique = list(dict.fromkeys(found))
        # 由珠海横琴知一乾睿投资合伙企业…合投: read as 珠海横琴知一乾睿 (由X投资) too; the longer name stays
        # (…瑞芯投资跟投: 瑞芯 read off 由…投资 is 瑞芯投资 too)
        unique = [n for n in unique if not any(o != n and o.startswith(n) and (len(n) >= 4 or self.r.investor_suffix.fullmatch(o[len(n):]))
                                               for o in unique)]
        return sorted(unique, key=lambda name: sentence.find(name) % (len(sentence) + 1))

    def mark_positions(self) -> list[int]:
        """Where any of note_companies' patterns has its mark, in order (found once for the text)."""
        if self._marks is None:
            found: dict[regex.Pattern[str], list[int]] = {}  # (two patterns share _FOUNDED_MARK: one scan)
            for _, marker in _COMPANY_NOTES:
                if marker not in found:
                    found[marker] = [m.start() for m in marker.finditer(self.text, overlapped=True)] if rules.may_match(marker, self.text) else []
            self._marks = [found[marker] for _, marker in _COMPANY_NOTES]
            self._any_mark = sorted({pos for marks in found.values() for pos in marks})
        return self._any_mark

    def note_companies(self, s_start: int, s_end: int) -> None:
        """Companies a sentence names as such (鼎胜新材(603876), X公告称), for 公司 later on."""
        if not _any_within(self.mark_positions(), s_start, s_end):
            return  # no pattern's mark in the sentence (most of them): one test instead of seven
        sentence = self.text[s_start:s_end]
        for (pattern, _), marks in zip(_COMPANY_NOTES, self._marks):
            if not _any_within(marks, s_start, s_end):
                continue
            for m in pattern.finditer(sentence):
                company = coded_company_name(m["name"]) if pattern is _STOCK_CODE else company_name(m["name"])
                if company and not company.generic and company.name not in ("公司", "本公司", "上市公司"):
                    self.register.add(s_start + m.start("name"), company)

    def read(self, s_start: int, s_end: int) -> list[_Deal]:
        self.note_companies(s_start, s_end)
        sentence = self.text[s_start:s_end]
        # (…(不含IPO)，…共计融资260亿元: a listing left out is no listing told; blanked, offsets kept)
        listing = None if not rules.may_match(self.r.not_deal_sentence, sentence) else self.r.not_deal_sentence.search(
            _EXCLUDED.sub(lambda x: " " * len(x.group(0)), sentence) if "不" in sentence or "除" in sentence or "剔" in sentence else sentence)
        listing_clause = self._clause_start(s_start, s_start + listing.start()) - s_start if listing else 0
        if listing:  # 如近日A完成…融资、B完成…B1轮融资、C正式启动招股: a round-up's items end at 、
            listing_clause = max(listing_clause, sentence.rfind("、", listing_clause, listing.start()) + 1)
        if listing and not self.r.not_deal_sentence.search(sentence, 0, listing_clause) and _ROUND_TOLD.search(sentence, 0, listing_clause):
            # OpenAI于10月完成66亿美元融资，…；…正筹备…IPO: a listing told only after the round
            # leaves the round a round; the rounds told before it are read as usual
            deals = self._made([d for d in self._read_rules(sentence, s_start, s_end) if d.start < s_start + listing.start()], s_end)
            self.earlier.extend(deals)
            return deals
        if listing:
            # IPOs and listings raise money too, but they are not rounds; an acquisition in the
            # same sentence (…房多多在纳斯达克上市;益生股份拟增资收购四方红科技70%股权) still is one.
            passive = [d for d in self._passive(sentence, s_start, s_end) if not self.not_deal(d.start, d.end)]
            described = self._investor_described(sentence, s_start, s_end)  # 薇娅夫妇投资参股的…巨子生物去年年底上市
            return self._made(passive + described + self._deal_verbs(sentence, s_start, s_end, taken=passive + described, acquisitions_only=True), s_end)
        deals = self._made(self._read_rules(sentence, s_start, s_end), s_end)
        self.earlier.extend(deals)
        return deals

    def _made(self, deals: list[_Deal], s_end: int) -> list[_Deal]:
        """The deals made: not those told as having fallen through right after (…的交易破裂), nor
        a round whose money is a price per share (股东每股仅获15.56美元: what holders are paid). A
        value the sentence gives (估值从20亿美元…) is no investment's or round's amount."""
        if not deals:
            return deals
        if self._span_of_money is None:  # (a deal carries the Money of the span it was read from)
            self._span_of_money = {id(span.money): span for span in self.money}
        made = []
        for d in deals:
            if d.company is not None and d.company.generic and _PEOPLE_CLASS.search(d.company.name):
                continue  # 其核心团队汇聚了A、B等众多业界资深高管…，并且获得了…: people, not companies that raised
            if d.deal_type == "aggregate":
                made.append(d)
                continue
            if _FELL_THROUGH.match(self.text, d.end, min(s_end, d.end + 50)) or _FAILED_AT_END.search(self.text, d.start, d.end):
                continue  # (英伟达收购ARM交易失败: the failure read into the object's phrase)
            span = self._span_of_money.get(id(d.money)) if d.money.amount is not None else None
            if span is not None and d.deal_type == "funding" and (
                    self.r.per_unit.search(self.text, max(0, span.start - 5), span.start) or self.text.startswith(("/股", "每股"), span.end)):
                continue
            if span is not None and d.deal_type in ("investment", "funding") and _VALUE_BEFORE.search(self.text, max(0, span.start - 8), span.start):
                d = dataclasses.replace(d, money=NO_MONEY)  # 对Wiz的投资使其估值从20亿美元飙升至…: the value, not the deal's amount
            made.append(d)
        return made

    def _read_rules(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals: list[_Deal] = []
        described = self._raisers_described(sentence, s_start) if "的" in sentence else []
        deals += self._round_history(sentence, s_start, s_end)
        deals += self._strategic_intake(sentence, s_start, s_end)
        # (38个项目获得1亿元及以上融资: a class of raisers counted above a threshold, no sum)
        paired = self._paired_investments(sentence, s_start) if ("及" in sentence or "和" in sentence) and "获" in sentence else []
        deals += paired
        deals += [d for d in self._raises(sentence, s_start, s_end) if not self._threshold_only(d)
                  and not any(p.start <= d.start < p.end or d.start <= p.start < d.end for p in paired)]
        deals += self._invest_to(sentence, s_start, s_end)
        if "提供" in sentence:
            deals += self._provided_round(sentence, s_start, s_end, deals)
        deals += self._joined_round(sentence, s_start, s_end, deals) if _JOINED_MARK.search(sentence) else []
        deals += self._passive(sentence, s_start, s_end)
        deals += self._stakes_received(sentence, s_start, s_end)
        deals += self._new_shareholders(sentence, s_start) if _NEW_SHAREHOLDER_MARK.search(sentence) else []
        deals += self._largest_raise(sentence, s_start) if _LARGEST_MARK.search(sentence) else []
        deals += self._investor_described(sentence, s_start, s_end)
        deals += self._deal_totals(sentence, s_start, s_end, taken=deals)
        deals += self._nominal_rounds(sentence, s_start, s_end, taken=deals) if _NOMINAL_MARK.search(sentence) else []
        deals += self._raised_also(sentence, s_start, s_end, taken=deals) if _RAISED_ALSO_MARK.search(sentence) else []
        deals += self._bare_rounds(sentence, s_start, s_end, taken=deals) if "轮" in sentence else []
        deals += (self._bracketed_rounds(s_start, s_end, taken=deals)
                  if ("(" in sentence or "（" in sentence) and rules.may_match(_BRACKETED_RAISE, sentence) and _BRACKETED_RAISE.search(sentence) else [])
        deals += self._deal_verbs(sentence, s_start, s_end, taken=deals)
        deals += self._became_holder(sentence, s_start, s_end, taken=deals) if "成为" in sentence else []
        deals += self._this_round(sentence, s_start, s_end, taken=deals)
        deals += self._headline_items(s_start, s_end, taken=deals)
        deals += self._subscribed(sentence, s_start, s_end, taken=deals) if "认缴" in sentence else []
        if described:
            # 10月完成66亿美元募资的OpenAI，以及共募得120亿美元的xAI: the amounts are those companies';
            # another reading that gave one to a different company gives way
            claimed = {(d.money.amount, d.money.currency): d.company.name for d in described if d.company is not None}
            deals = [d for d in deals if not (d.money.amount is not None and d.company is not None
                                              and claimed.get((d.money.amount, d.money.currency), d.company.name) != d.company.name)]
            deals += [d for d in described if not any(o.company is not None and o.company.name == d.company.name
                                                      and o.money.amount == d.money.amount for o in deals)]
        return deals

    def _paired_investments(self, sentence: str, s_start: int) -> list[_Deal]:
        """英特尔又获得软银20亿美元及辉达50亿美元的投资: each investor with its own amount, one
        investment each (not one round of the first amount with both investors)."""
        deals = []
        for m in _PAIRED_RECEIVED.finditer(sentence):
            company, c_start = self.subject(s_start, s_start + m.start())
            if company is None or company.generic:
                continue
            if is_anaphor(company.name):
                company = self._resolved(company, c_start)
                if company is None:
                    continue
            company = CompanyName(self.register.canonical(company.name) or company.name)
            pairs_start = s_start + m.start("pairs")
            spans = self.money_in(pairs_start, s_start + m.end("pairs"))
            found = []
            lead = pairs_start
            for sp in spans:
                investor = company_name(_PAIR_JOINER.sub("", self.text[lead : sp.start]).strip())
                if (investor is None or investor.generic or is_field_name(investor.name) or _TIME_LEAD.match(investor.name)
                        or _NOT_A_LONE_INVESTOR.search(investor.name)):
                    found = []
                    break
                found.append(_Deal(c_start, sp.end, "investment", company, [self.register.canonical(investor.name) or investor.name], None, sp.money))
                lead = sp.end
            if len(found) >= 2:
                deals += found
        return deals

    def _subscribed(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """A capital increase and who subscribes it, as company announcements tell them: X拟增加注册资本
        合计58,000万元，由西藏瑞华认缴; X计划融资不超过10.39亿元，其中国投集新认缴金额不超过4.5亿元. The
        subscriber invested in the company raising (read last in the sentence, after its round)."""
        deals = []
        first_end = next((s_start + i for i, ch in enumerate(sentence) if ch in "，,；;"), s_end)
        opening = self._clause_topic(self.text[s_start:first_end])
        for m in _SUBSCRIBED.finditer(sentence):
            at = s_start + m.start()
            # the company of the round told before it in the sentence, else the one the sentence
            # opens with, else the first it notes (a legal name with its gloss)
            raised = next((d.company.name for d in taken if d.deal_type == "funding" and d.company is not None and s_start <= d.start < at), None)
            named = raised or (opening.name if opening is not None else next(
                (canonical for position, canonical, _ in self.register.companies if s_start <= position < at), None))
            topic = CompanyName(named) if named else None
            if any(d.start <= at < d.end and d.deal_type != "funding" for d in taken) or topic is None:
                continue  # (a round told around it, 计划融资…，其中Y认缴…, is the round Y subscribes)
            investor = company_name(m["inv"]) or company_name(BRACKETED.sub("", m["inv"]))  # (a gloss gives the short name)
            if investor is None or investor.generic or investor.name == topic.name:
                continue
            if m["by"]:  # 由Y认缴: the increase's amount is told before it, in the same sentence
                told = self.money_in(s_start, at)
                price = told[-1].money if told and _INCREASE_WORD.search(self.text, s_start, at) else NO_MONEY
            else:  # Y认缴金额不超过4.5亿元: its own amount right after
                # (不超过4.5亿元: the amount's qualifier may be read with it, or with the lead-in)
                after = next((sp for sp in self.money if s_start + m.end() - 4 <= sp.start <= s_start + m.end() + 3 and sp.end > s_start + m.end()), None)
                price = after.money if after else NO_MONEY
            if price.amount is None:
                continue
            company = self.register.resolve(topic, s_start, or_topic=False) or topic.name
            deals.append(_Deal(at, s_start + m.end(), "investment", CompanyName(company),
                               [self.register.canonical(investor.name) or investor.name], None, price))
        return deals

    def _became_holder(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """宁德时代以90%以上的持股成为北美锂业的控股股东: who became a company's controlling shareholder
        bought it; its largest shareholder invested in it. Only a company has shareholders, so the
        target needs no more than a name (not a place or a field); the new holder may be a person
        or a fund."""
        deals = []
        for m in _BECAME_HOLDER.finditer(sentence):
            at = s_start + m.start("became")
            if any(d.start <= at < d.end for d in taken) or self.not_deal(self._clause_start(s_start, at), s_start + m.end()):
                continue
            if _HYPOTHETICAL_HEAD.search(self.text, self._clause_start(s_start, at), at):
                continue  # 有望成为…, 将成为…: not yet
            target = company_name(m["obj"])
            buyer, b_start = self.subject(s_start, at)
            if target is None or target.generic or buyer is None or buyer.generic:
                continue
            buyer_name = self.register.resolve(buyer, b_start, or_topic=False)
            if not buyer_name or buyer_name == target.name or is_place(target.name) or is_field_name(target.name):
                continue  # (only a company has shareholders: the target needs no more evidence than its name)
            kind = "acquisition" if m["role"] in ("控股股东", "实际控制人", "实控人", "母公司") else "investment"
            price = self.money_in(self._clause_start(s_start, at), at)
            deals.append(_Deal(b_start, s_start + m.end(), kind, target, [buyer_name], None, price[0].money if price else NO_MONEY))
        return deals

    def _threshold_only(self, deal: _Deal) -> bool:
        """A class of raisers whose amount is a threshold (获得1亿元及以上融资, 获10亿元以上融资)."""
        if deal.money.amount is None or not (deal.company is None or deal.company.generic):
            return False
        # (38个项目获超亿元融资: each got over it; 共获超10亿元融资 is their sum)
        counted = deal.company_count is not None or (deal.company is not None and deal.company.count is not None)
        told = [m for m in self.money_in(deal.start, deal.end + 12) if m.money == deal.money]  # where its amount is written
        # (…完成融资，总金额逾百亿元: a total, told as one)
        summed = any(_SUM_BEFORE.search(self.text, max(0, m.start - 8), m.start) for m in told)
        over_each = deal.money.qualifier == "over" and counted and not summed and not _JOINT_SUM.search(self.text, deal.start, deal.end)
        return over_each or any(_THRESHOLD_AFTER.match(self.text, m.end) or m.money.amount_text.endswith("以上") for m in told)

    def _headline_items(self, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """北京爱诗科技 6000万美元 B轮融资: a round-up's item or a headline, a name, an amount and
        the round with no verb; the name alone must read as a company."""
        deals = []
        for span in self.money_in(s_start, s_end):
            after = _HEADLINE_ROUND.match(self.text, span.end, s_end)
            if after is None or any(d.start <= span.start < d.end for d in taken):
                continue
            clause = self._clause_start(s_start, span.start)
            phrase = self.text[clause : span.start].strip()
            company = company_name(phrase)
            if company is None or company.generic or (company.name != phrase and phrase not in company.aliases):
                continue  # the clause before the amount is a name and nothing more
            if not (self.evidenced(company.name) or looks_like_company(company.name)):
                continue
            bare = without_region(company.name)
            if bare != company.name and len(bare) >= 4:
                company = CompanyName(bare, (company.name,))  # 北京爱诗科技 is 爱诗科技, written with its city
            deals.append(_Deal(clause, after.end(), "funding", company, [], normalise_round(after["round"]) if after["round"] else None, span.money))
        return deals

    def _raisers_described(self, sentence: str, s_start: int) -> list[_Deal]:
        """12月宣布获得100亿美元J轮投资的Databricks、10月完成66亿美元募资的OpenAI，以及先后两轮共
        募得120亿美元的xAI: companies described by the round they raised."""
        deals = []
        for m in _RAISER_DESCRIBED.finditer(sentence):
            company = company_name(m["name"])
            if company is None or company.generic or not (self.evidenced(company.name) or _LATIN_NAME.fullmatch(company.name)):
                continue
            what_at = s_start + m.start("what")
            spans = self.money_in(what_at, s_start + m.end("what"))
            if not spans:
                continue
            found = list(self.r.round_in.finditer(sentence, m.start("what"), m.end("what")))
            round_ = normalise_round(_round_text(found[-1])) if found else None
            deals.append(_Deal(s_start + m.start(), s_start + m.end("name"), "funding", company, [], round_, spans[0].money))
        return deals

    # --- a company raises money ------------------------------------------------------------

    def _raises(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        taken_until = 0
        for verb in self.r.raise_verb.finditer(sentence, overlapped=True):
            # Each raising verb is tried in turn, so a telling that fails (完成另一笔…的融资交易,
            # whose greedy middle runs on) does not hide the next one (…已完成3300万美元的B轮融资).
            m = self.r.raise_.match(sentence, verb.start()) if verb.start() >= taken_until else None
            if m is not None and (next_raise := _NEXT_RAISE_IN.search(m["mid"] or "")):
                # 光晶能源获得数千万的天使轮融资和仁烁光能获得了数亿元的Pre-A轮融资: the middle
                # runs into the next company's raise; the nearest noun ends this one
                # (滴灌通获4.58亿美元 真迈生物获近4亿元 云鲸智能完成…C轮融资: with no noun before the next
                # raise, this one is a headline item, read as such)
                shorter = self.r.raise_.match(sentence, verb.start(), m.start("mid") + next_raise.start())
                after_amount = next_raise.start() > 0 and m["mid"][next_raise.start() - 1] in "元币金"
                m = shorter if shorter is not None or not after_amount else None
            if m is not None and _MID_NOT_A_ROUND.search(m["mid"] or ""):
                # 完成天使轮融资共计7亿元——包括美团战投…: the greedy middle ran on to a later noun
                # (战投); the first noun after the verb ends this telling
                first = self.r.raise_noun.search(sentence, m.start("mid"), m.start("noun"))
                if first is not None and _TELLING_ENDS.match(sentence, first.end()):
                    m = self.r.raise_.match(sentence, verb.start(), first.end()) or m
            if m is None:
                continue
            verb_at = s_start + m.start("verb")
            end = s_start + m.end()
            mid = m["mid"] or ""
            if _MID_NOT_A_ROUND.search(mid) or self.not_deal(self._clause_start(s_start, verb_at), self._item_end(end, s_end)):
                continue
            if m["noun"] in self.r.received_nouns and m["verb"] not in self.r.receiving:
                continue  # 博世宣布计划向氢能源技术投资: the subject invests
            if m["noun"] == "募资" and (_INVESTOR_KIND.search(sentence[: m.start("verb")].rstrip(" 已经已在于完成")) or "基金" in mid):
                continue  # 红杉资本完成新一期基金募资: a fund's close, not a company's round
            if m["noun"] in self.r.received_nouns and self.r.received_noun_after.match(sentence, m.end()):
                continue  # 获得海内外创业投资圈的关注: 投资圈 is a noun
            if regex.search(r"(?:无法|未能|没有|未|难以|不能)(?:成功)?$", sentence[: m.start("verb")]):
                continue  # 如果无法成功完成融资: no deal happened
            part_start, part_end = self._semicolon_part(s_start, s_end, verb_at)
            if _HYPOTHETICAL_SUM.search(self.text, part_start, verb_at):
                continue
            if m["verb"] == "进行了" and not (m["round"] or m["round2"] or (m["mid"] or "").endswith("轮")):
                continue  # 进行了B轮融资 is a round; 向瑞士银行进行了融资 is a loan
            # 千寻智能、星海图等企业先后宣布完成B轮融资: each company of the list raised
            verb_clause = self._clause_start(s_start, verb_at)
            again_from = s_start
            fellow_raisers = self._listed_raisers(verb_clause, verb_at)
            if fellow_raisers:
                company, c_start = CompanyName(fellow_raisers.pop(0)), verb_clause
            elif _AGAIN_LEAD.fullmatch(self.text, verb_clause, verb_at) and (again := self._raised_again(s_start, verb_at, deals))[0] is not None:
                company, c_start = again  # …8月获Accel领投的3500万美元A轮，10月便宣布…B轮融资: the same company again
                again_from = verb_clause  # (whose investors the clauses before told are that round's)
            else:
                company, c_start = self.subject(s_start, verb_at)
            if company is None:
                company, c_start = self._raiser_after(s_start, verb_at, end, s_end)
            if company is None:
                company, c_start = self._raised_again(s_start, verb_at, deals)
            if company is None:
                company, c_start = self._going_on(s_start, verb_at)
            if company is None:
                continue
            # The amount: inside the match, else right after the noun (融资1亿元, 融资金额为…)
            spans = self.money_in(verb_at, end)
            if not spans:
                after = self._clause_end(end, s_end)
                spans = [s for s in self.money_in(end, after) if s.start - end <= 8
                         and not _NEXT_RAISE_IN.search(self.text, end, s.start)]  # (…融资和仁烁光能获得了数亿元: the next one's)
            if not spans and after < s_end:
                # …A1轮战略融资，金额为3亿美元: the next clause gives the amount
                nxt = self._clause_end(after + 1, s_end)
                spans = [s for s in self.money_in(after + 1, nxt)
                         if _AMOUNT_LEAD.fullmatch(self.text[after + 1 : s.start])
                         or (not self.text[after + 1 : s.start].strip() and nxt - s.end <= 1)  # 完成首轮融资，超20亿元人民币
                         # (…完成新一轮战略融资，吸引了A、B等机构领投的5亿美元融资: the round's amount and its leads)
                         or (_DREW_LED.fullmatch(self.text, after + 1, s.start) and _RAISED_NOUN_AFTER.match(self.text, s.end, nxt))]
            if not spans:
                magnitude = _magnitude(m["mid"], self.ctx.published_on, self.ctx.plain_yuan)  # 完成千万级A轮融资
                if magnitude is not None:
                    money, at, until = magnitude
                    spans = [MoneySpan(s_start + m.start("mid") + at, s_start + m.start("mid") + until, money)]
            if not spans and m["noun"] and _ROUND_AT_END.search(sentence, m.start("mid"), m.start("noun")):
                spans = self._figure_after_round(s_start + m.end(), s_end)  # 百川智能完成A轮融资，共计5亿
            # The round sits right before the noun (数千万元天使轮融资); the middle is greedy.
            found_rounds = list(self.r.round_in.finditer(sentence, m.start("mid"), m.end("noun")))
            lettered = [f for f in found_rounds if f["round"] or f["round3"]]
            last = (lettered or found_rounds)[-1] if found_rounds else None
            round_text = _round_text(last) if last else None
            if last is not None and normalise_round(round_text) is None and sentence.startswith("战略", last.end()):
                round_text = "战略"  # 新一轮战略融资: the new round is a strategic one
            round_ = normalise_round(round_text) or ("strategic" if m["noun"] == "战投" else None)  # 获得奇瑞汽车战投
            if round_ is None and spans and (this_round := _THIS_ROUND_NAMED.search(self.text, verb_at, spans[0].start)):
                # 公布了最新一轮融资：本轮战略融资金额超10亿元: the clause giving the amount names the round
                round_ = normalise_round(this_round["round"])
            # 获得腾讯投资: before a received 投资 the middle names who invested
            # (…由知乎领投，智谱为跟投方；2024年4月，面壁智能完成数亿元的…: a semicolon closes a round's investors)
            investors = self.investors(max(part_start, again_from), part_end, mid, verb_at + len(m["verb"]), received=m["noun"] in self.r.received_nouns)
            investors[:0] = [i for i in company.investors if i not in investors]
            if m["verb"].startswith("吸引") and not investors and not (company.generic and company.count is None and _STARTUPS.search(company.name) and spans):
                continue  # 园区吸引投资超2200亿元: attracting investment is a deal only from someone named
            named_round = bool(round_text) or bool(regex.search(r"新一轮|首轮|本轮|[A-K]\d?\+*轮|天使|种子|战略", mid + m["noun"]))
            strong_raise = m["noun"] in ("融资", "筹资", "集资") and m["verb"].rstrip("了过") in ("完成", "宣布完成", "获得", "获", "已完成", "斩获")
            # 获得了专项融资支持 is no deal: a raise names its round, amount or investors, or
            # its company is known to be one.
            if not (named_round or investors or company.generic or self.evidenced(company.name) or (spans and strong_raise)):
                continue
            if fellow_raisers and not (named_round or spans):
                continue  # a list of names raising says a round only with its name or amount
            # 获米哈游和蔚来资本投资: named investors put money in (an investment); 获A领投的B轮融资
            # and 完成融资 are the company raising a round.
            # …but several investors and an amount (从波音、Stellantis等那里获得2.15亿美元的股权投资) are a round
            # raised, a funding; one investor with an amount (从微软获得了10亿美元的投资) invested
            kind = "investment" if m["noun"] in self.r.received_nouns and investors and not round_text and (not spans or len(investors) == 1) else "funding"
            deals.append(
                _Deal(
                    c_start, max(end, spans[0].end if spans else end), kind, company,
                    investors, round_, spans[0].money if spans else NO_MONEY,
                )
            )
            # (共获得, 合计: one sum for them all, not each one's amount)
            each_money = spans[0].money if spans and not _JOINT_SUM.search(self.text, c_start, verb_at + len(m["verb"])) else NO_MONEY
            if fellow_raisers:
                deals[-1].summary = True
            deals += [_Deal(c_start, deals[-1].end, kind, CompanyName(name), list(investors), round_, each_money, summary=True)
                      for name in fellow_raisers]
            taken_until = m.end()
        for m in self.r.direct.finditer(sentence):
            verb_at = s_start + m.start("verb")
            after = s_start + m.end()
            spans = [s for s in self.money if s_start + m.end("verb") <= s.start <= after]
            if not spans and m["verb"] == "融资" and _ROUND_BEFORE_VERB.search(self.text, max(s_start, verb_at - 10), verb_at):
                spans = self._figure_after_round(s_start + m.end("verb"), s_end)  # 百川智能A轮融资50亿
            if not spans or self.not_deal(self._clause_start(s_start, verb_at), self._item_end(spans[0].end, s_end)):
                continue
            if m["verb"] == "融资" and _TOTAL_AFTER_VERB.match(self.text, s_start + m.end("verb")):
                continue  # 披露融资总金额达23.1亿元: a total of rounds, not one raise
            if _HYPOTHETICAL_SUM.search(self.text, self._semicolon_part(s_start, s_end, verb_at)[0], verb_at):
                continue  # 若加上…以及xAI融资金额等，更使得…超过600亿美元
            share_sale = _SHARE_SALE.search(self.text, self._clause_start(s_start, verb_at), verb_at)
            if _NOT_RAISED.match(self.text, spans[0].end) and not share_sale:
                continue  # 获得15亿美元的特许权使用费: income, not a round (通过发行股票筹集了…的收益 is one)
            if _VALUE_AFTER.match(self.text, spans[0].end):
                continue  # 获得逼近300亿元的投后估值: a value reached, not money raised
            if any(d.start <= verb_at < d.end for d in deals):
                continue
            own_clause = company_name(_strip_manner(self.text[self._clause_start(s_start, verb_at) : verb_at]))
            if own_clause is None and deals and deals[-1].money.amount is None and m["verb"] != "募集":
                deals[-1].money = spans[0].money  # …完成Pre-A轮融资，获投5000万元: the same round's amount
                deals[-1].end = max(deals[-1].end, spans[0].end)
                continue
            # 蜂巢能源B轮融资高达102.8亿元: the round between the name and 融资
            round_before = _ROUND_BEFORE_VERB.search(self.text, max(s_start, verb_at - 10), verb_at) if m["verb"] == "融资" else None
            if round_before is None and m["verb"] != "融资":
                round_before = _ROUND_IN_BEFORE.search(self.text, self._clause_start(s_start, verb_at), verb_at)
            if m["verb"] == "入账" and round_before is None:
                continue  # 入账 is a raise only inside a round told before it (入账营收 is income)
            company, c_start = self.subject(s_start, round_before.start() if round_before else verb_at)
            if company is None or (m["verb"] == "募资" and company.generic and not is_anaphor(company.name)):
                continue  # (…融资97家次，募资3297.5亿元: a market's count, not a company raising)
            if m["verb"] == "募集" and not (company.generic and company.count):
                continue  # 19家AI公司募集650亿美元 is a class's total; one company's 募集 is a listing's or a fund's
            if round_before is not None:
                verb_at = round_before.start()
            investors = self.investors(s_start, s_end)
            investors[:0] = [i for i in company.investors if i not in investors]  # 从A和B等投资者处筹集了…
            # (Anthropic以1830亿美元估值募资130亿美元: a manner phrase between is no more words of a name)
            # (【融资】滴灌通获4.58亿美元: a page's tag before the name)
            bare_name = without_tag(_strip_manner(self.text[c_start:verb_at])).strip() == company.name and len(company.name) <= 8
            # 滴灌通获4.58亿美元, xAI…募得100亿美元: a bare name that got or raised the money
            headline = bare_name and (m["verb"].startswith("获") or m["verb"] in ("募得", "募资", "融得", "筹得", "融资", "狂揽", "揽获", "揽下", "斩获")) and not is_place(company.name) \
                and not (m["verb"] == "融资" and (regex.search(r"\d|^(?:预计|计划|拟|将|正在|有望|需要|继续)", company.name)
                                               or regex.search(r"总额|金额|规模", self.text[s_start + m.end("verb") : spans[0].start])))
            if not (investors or company.generic or self.evidenced(company.name) or is_anaphor(company.name) or headline):
                continue  # 天府信用通促成在线融资2415亿元: no company known to have raised it
            named = _ROUND_AFTER_AMOUNT.match(self.text, spans[0].end, s_end)  # 筹集2.8亿美元的D轮资金
            round_ = normalise_round(named["round"]) if named else normalise_round(round_before["round"]) if round_before else None
            if round_ is None and m["verb"] == "融资" and self.text.endswith(("战略", "策略"), s_start, verb_at):
                round_ = "strategic"  # 华大智造战略融资2亿美元
            deals.append(_Deal(c_start, named.end() if named else spans[0].end, "funding", company, investors, round_, spans[0].money))
        _own_investors(self.text, deals)
        return deals

    def _this_round(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """这轮融资的总额为1亿美元: the amount of a round named before, by a deal or by its company
        (成为Tenstorrent新一轮融资的主要投资者). An investment into the company in the same
        passage makes its investor one of the round's."""
        deals: list[_Deal] = []
        if "轮" not in sentence:
            return deals
        for m in _THIS_ROUND.finditer(sentence):
            at, end = s_start + m.start(), s_start + m.end()
            spans = [sp for sp in self.money if end <= sp.start <= end + 4 and sp.start < s_end]
            if not spans or any(d.start <= spans[0].start < d.end or d.money.amount == spans[0].money.amount for d in taken):
                continue
            if self.not_deal(self._clause_start(s_start, at), self._clause_end(spans[0].end, s_end)):
                continue
            named = list(_NAMED_ROUND.finditer(self.text, max(s_start, at - 200), at))
            company = company_name(named[-1]["name"]) if named else None
            investors: list[str] = []
            recent = [d for d in self.earlier if d.company is not None and not d.company.generic and at - d.start <= 300
                      and d.deal_type in ("funding", "investment")]
            if company is None or company.generic or not self.evidenced(company.name):
                if not recent:
                    continue
                company = recent[-1].company
            for d in recent:
                if d.company is not None and d.company.name == company.name and d.deal_type == "investment":
                    investors.extend(d.investors)
            round_ = "strategic" if m["strategic"] else None  # 本轮战略融资金额超10亿元
            deals.append(_Deal(at, spans[0].end, "funding", company, list(dict.fromkeys(investors)), round_, spans[0].money))
        return deals

    # --- one party into another ------------------------------------------------------------

    def _round_history(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        """第一轮：2014年4月15日，投资方为X，金额Y；第二轮：… — the rounds of the company the
        article is about."""
        marks = list(_ROUND_HISTORY.finditer(sentence))
        deals = []
        for i, mark in enumerate(marks):
            seg_start = s_start + mark.end()
            seg_end = s_start + marks[i + 1].start() if i + 1 < len(marks) else s_end
            company = self.register.last_before(s_start + mark.start())
            if not company:
                continue
            spans = self.money_in(seg_start, seg_end)
            investors = self.investors(seg_start, seg_end)
            if not (spans or investors):
                continue
            named = regex.search(rf"(?P<r>{ROUND_LETTER}|天使|种子|战略)轮", self.text[seg_start:seg_end])
            deals.append(_Deal(s_start + mark.start(), seg_end, "funding", CompanyName(company), investors,
                               normalise_round(named["r"]) if named else None, spans[0].money if spans else NO_MONEY))
        return deals

    def _figure_after_round(self, pos: int, s_end: int) -> list[MoneySpan]:
        """A figure with 亿 or 万 and no currency right after a named round (A轮融资50亿), as the
        article's plain money."""
        figure = _FIGURE_AFTER_ROUND.match(self.text, pos, s_end)
        money = read_as_yuan(figure["figure"] + "元", figure["figure"], self.ctx.published_on, self.ctx.plain_yuan) if figure else None
        return [MoneySpan(figure.start("figure"), figure.end("figure"), money)] if money is not None else []

    def _provided_round(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """国投集团、阿里、联想为其提供1亿美元A轮融资: investors who provided a named round are
        in the company's round (提供融资 alone is how lenders speak, so the round must be named)."""
        deals = []
        for m in _PROVIDED_ROUND.finditer(sentence):
            at, end = s_start + m.start(), s_start + m.end()
            if any(d.start <= at < d.end for d in taken) or self.not_deal(self._clause_start(s_start, at), self._clause_end(end, s_end)):
                continue
            target = company_name(m["obj"])
            if target is not None and is_anaphor(target.name):
                target = self._resolved(target, at, or_topic=True)
            if target is None or target.generic:
                continue
            clause_from = self._clause_start(s_start, at)
            investors = _names(self.text[clause_from:at])
            if not investors:
                investor, _ = self.subject(s_start, at)
                investors = [investor.name] if investor is not None and not investor.generic else []
            if not investors:
                continue
            spans = self.money_in(s_start + m.start("gap"), s_start + m.end("gap")) if m["gap"] else []
            deals.append(_Deal(clause_from, end, "funding", target, investors, normalise_round(m["round"]),
                               spans[0].money if spans else NO_MONEY))
        return deals

    def _other_party(self, s_start: int, at: int, target: str) -> CompanyName | None:
        """天津琏升与四川巨星签署了增资协议，约定以现金方式向天津琏升增资: of the two parties to an
        agreement told earlier in the sentence, the one that is not the target."""
        for m in _AGREEMENT_PARTIES.finditer(self.text, s_start, at):
            first, second = company_name(m["a"]), company_name(m["b"])
            if first is None or second is None or first.generic or second.generic:
                continue
            if first.name == target and second.name != target:
                return second
            if second.name == target and first.name != target:
                return first
        return None

    def _invest_to(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        patterns = [(self.r.invest_to, True), (self.r.invest_made, True)]
        if _INVEST_WORD.search(sentence) or _LED_OF.search(sentence):
            patterns.append((self.r.invest_of, False))
        for pattern, has_verb in patterns:
            for m in pattern.finditer(sentence) if rules.may_match(pattern, sentence) else ():
                at = s_start + m.start()
                end = s_start + m.end()
                if self.not_deal(self._clause_start(s_start, at), self._clause_end(end, s_end)):
                    continue
                investor, i_start = self.subject(s_start, at)
                target = company_name(m["obj"])
                if target is None and (glossed := self.register.canonical(m["obj"].strip())) is not None:
                    target = CompanyName(glossed)  # 启明芯片, glossed as a company's short name before
                if target is not None and target.name in ("标的公司", "目标公司", "标的企业", "目标企业") and (named := self.register.last_before(at)):
                    target = CompanyName(named)  # 以标的企业X的评估值为基础，出资…对标的企业进行增资: the one named before
                clause_from = self._clause_start(s_start, at)
                reported = _ACT_REPORTED.search(self.text, clause_from, at)
                actor = company_name(reported["actor"]) if reported else None
                if actor is not None and not actor.generic and (self.evidenced(actor.name) or self.investor_like(actor.name) or is_well_known(actor.name)):
                    # CMA还确认正在调查微软最近对X的…投资: the investor is the one the report is about
                    investor, i_start = actor, reported.start("actor")
                listed = _names(self.text[clause_from:at]) if investor is None or investor.generic else []
                if len(listed) >= 2:  # 苹果、三星电子、英伟达等科技巨头已经开始对其进行投资: each of them
                    investor, i_start = CompanyName("、".join(listed)), clause_from
                else:
                    listed = []
                if investor is not None and is_anaphor(investor.name) and not listed:
                    # 谷歌公司发言人表示，该公司已同意向Anthropic投资…: the company named before
                    investor = self._resolved(investor, i_start)
                    investor = None if investor is not None and target is not None and investor.name == target.name else investor
                if target is not None and (investor is None or investor.name == target.name):
                    # X与Y签署了增资协议，约定…向X增资: the other party (the clause before names X first)
                    investor = self._other_party(s_start, at, target.name) or investor
                if (investor is not None and investor.name in _UNNAMED_INVESTORS and has_verb and target is not None
                        and not target.generic and not is_anaphor(target.name) and (self.evidenced(target.name) or self.register.canonical(target.name))):
                    # 投资者将向赛晶半导体注资总计人民币1.6亿元: investors unnamed, the company raises it
                    raised = [sp for sp in self.money_in(end, self._clause_end(end, s_end)) if sp.start - end <= 8]
                    if raised:
                        deals.append(_Deal(at, raised[0].end, "funding", target, [], None, raised[0].money))
                    continue
                if investor is None or investor.generic or target is None:
                    continue
                if has_verb:
                    spans = [s for s in self.money_in(at, self._clause_end(end, s_end)) if s.start - end <= 8]
                    if not spans:  # 中化股份出资7920.44万元对中化宝砺进行增资: the amount put in, before
                        spans = [s for s in self.money_in(self._clause_start(s_start, at), at)
                                 if _PUT_IN_BEFORE.search(self.text, max(s_start, s.start - 7), s.start) and at - s.end <= 2]
                    told = _THIS_INVESTMENT_TOLD.search(self.text, end, s_end) if not spans else None
                    if told:  # …向Open AI提供了第二笔多年投资，据报道，这笔投资高达100亿美元
                        spans = [s for s in self.money if told.end() - 2 <= s.start <= told.end() + 2 and s.end > told.end()][:1]  # (超3亿美元: the qualifier is the amount's)
                else:
                    spans = [s for s in self.money if end <= s.start <= end + 3]
                    if not spans:
                        continue
                money = spans[0].money if spans else NO_MONEY
                known = target.generic or self.evidenced(target.name)
                if m.groupdict().get("on") and (target.generic or not known or is_field_name(target.name)):
                    continue  # 在游戏上投入了50亿元: a field spent on; 在OpenAI上投资 names a company
                made = pattern is self.r.invest_made  # 对Anthropic进行了小规模的投资: a deal done, whoever did it
                if not spans and not known or not (spans or made or self.investor_like(investor.name)):
                    continue  # 加大对中国市场的投入: no amount, and neither side reads as a company
                if not known and self.r.not_target_end.search(target.name):
                    continue  # 向氢能源技术投资: a technology, not a company
                stop = max(end, spans[0].end if spans else end)
                if target.generic and target.name in _ONE_UNNAMED or _FUND_TARGET.search(target.name):
                    continue
                if is_field_name(target.name) and not self.evidenced(target.name):
                    continue  # 沙特主权财富基金计划向AI领域投资400亿美元: a field invested in, no company's deal
                deal_type = "aggregate" if target.generic else "investment"
                round_ = "strategic" if has_verb and m["verb"] == "战略投资" else None  # 对X进行5亿美元的战略投资
                raised = _ROUND_NOUN_AFTER.match(self.text, spans[0].end) if spans and not has_verb else None
                if raised and not target.generic and (raised["round"] or raised.group(0).rstrip().endswith("融资")):
                    # A、B等机构对OpenAI的66亿美元融资: the company's round, the subject among its investors
                    # (对Anthropic的40亿美元投资 is the subject's own investment)
                    deal_type, round_ = "funding", normalise_round(raised["round"])
                if not has_verb and deal_type == "investment" and _LED_OF.search(self.text, max(s_start, at - 4), at + 1):
                    deal_type = "funding"  # 微软还主导了对Inflection AI的13亿美元: the company's round, led by the subject
                deals.append(_Deal(i_start, stop, deal_type, None if target.generic else target, listed or [investor.name], round_, money, target.count))
        for m in _INVEST_GIVE.finditer(sentence) if "给" in sentence or "于" in sentence or "予" in sentence else ():
            at, end = s_start + m.start(), s_start + m.end()
            spans = self.money_in(s_start + m.start("gap"), s_start + m.end("gap"))
            target = company_name(m["obj"])
            if not spans or target is None or target.generic or self.not_deal(self._clause_start(s_start, at), self._clause_end(end, s_end)):
                continue
            investor, i_start = self.subject(s_start, at)
            if investor is None or investor.generic:
                continue
            if not self.evidenced(target.name) and (self.r.not_target_end.search(target.name) or is_field_name(target.name)):
                continue  # 投入5亿元于基础设施建设: a field, not a company
            deals.append(_Deal(i_start, end, "investment", target, [investor.name], None, spans[0].money))
        return deals

    def _joined_round(self, sentence: str, s_start: int, s_end: int, told: list[_Deal]) -> list[_Deal]:
        """红杉中国领投了Mistral AI的A轮融资: a round of the object's, with the subject among its
        investors (本轮, 此次 … are the round just told: _this_round reads those). A round the
        sentence also tells as raised (…Beep的种子轮融资领投…Beep近日表示，已经完成了…) gains the investors."""
        deals = []
        for m in self.r.joined_round.finditer(sentence):
            at, end = s_start + m.start(), s_start + m.end()
            if _THIS_ROUND_OBJECT.match(m["obj"]) or _NEGATED.search(sentence, 0, m.start()):
                continue  # 参与了本轮融资; 没有参与…的融资
            if self.not_deal(self._clause_start(s_start, at), self._clause_end(end, s_end)):
                continue
            target = company_name(m["obj"])
            if target is None or target.generic:
                continue
            # 领投了月之暗面和MiniMax的融资: each company's round (the names must read as companies)
            parts = [company_name(n) for n in _names(m["obj"])] if _LIST_AND.search(m["obj"]) or "、" in m["obj"] else []
            targets = [p for p in parts if p is not None and not p.generic]
            if len(targets) < 2 or len(targets) != len(parts) or not any(self.evidenced(t.name) for t in targets):
                targets = [target]
            clause_from = self._clause_start(s_start, at)
            listed = _names(self.text[clause_from:at])
            if len(listed) >= 2:  # 红杉和腾讯参与了…: each of them
                investors, i_start = listed, clause_from
            else:
                investor, i_start = self.subject(s_start, at)
                if investor is None or investor.generic or is_anaphor(investor.name):
                    continue
                investors = [investor.name]
            spans = self.money_in(s_start + m.end("obj"), s_start + m.end("mid"))
            found = list(self.r.round_in.finditer(sentence, m.start("mid"), m.end("noun")))
            if _DEBT_WORDS.search(m["mid"]):
                continue  # 参与了恒大的债务融资: a loan
            for target in targets:
                raised = next((d for d in told if d.deal_type == "funding" and d.company is not None and d.company.name == target.name), None)
                if raised is not None:
                    raised.joined_by = raised.joined_by or not raised.investors
                    raised.investors[:0] = [i for i in investors if i not in raised.investors]
                    continue
                if m["verb"] in _JOINED_WEAK and not (found or spans or all(self.investor_like(i) for i in investors)
                                                      or is_anaphor(target.name) or self.evidenced(target.name)):
                    continue  # 参与了X的融资 says a round only with its name, an amount, or a company or investor known
                round_ = normalise_round(_round_text(found[-1])) if found else None
                money = spans[0].money if spans and len(targets) == 1 else NO_MONEY
                deals.append(_Deal(i_start, end, "funding", target, list(investors), round_, money, joined_by=True, by_investor=True))
            # …参与了宇树科技的B2轮融资和AI创业公司“月之暗面”的融资: the same investors joined the next one too
            more = _JOINED_ALSO.match(sentence, m.end())
            named = company_name(more["obj"]) if more else None
            if named is not None and not named.generic and (self.evidenced(named.name) or _DESCRIPTOR_END.search(more["obj"][: more["obj"].find(named.name)].rstrip())):
                found = list(self.r.round_in.finditer(sentence, more.start("mid"), more.end()))
                deals.append(_Deal(i_start, s_start + more.end(), "funding", named, list(investors),
                                   normalise_round(_round_text(found[-1])) if found else None, NO_MONEY, joined_by=True, by_investor=True))
        return deals

    def _passive(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        nominal = self.r.acquire_nominal.finditer(sentence) if rules.may_match(self.r.acquire_nominal, sentence) else ()  # (收购, 并购 or 购买 in it)
        for m in nominal:  # 启动对开封碳素100%股权的收购
            completed = _COMPLETED.search(sentence, max(0, m.start() - 4), m.start())
            lead = s_start + (completed.start() if completed else m.start())
            listed = self._nominal_targets(m["obj"]) if "、" in m["obj"] and m["de"] and not m["pay"] else []
            if listed:  # 以及对PPS、91无线、糯米网的并购: each of those listed
                deal = self._acquisition_by_subject(s_start, lead, s_start + m.start(), s_start + m.end(), CompanyName(listed[0]), [])
                deals += [deal] + [replace(deal, company=CompanyName(n), investors=list(deal.investors)) for n in listed[1:]]
                continue
            # 对天普股份的要约收购: 股份 right after the name (no 的) is the name's own ending
            own_shares = m["stake"] == "股份" and m.end("obj") == m.start("stake")
            target = company_name(m["obj"] + "股份" if own_shares else m["obj"])
            if target is None or target.generic:
                continue
            if not m["stake"] and not m["de"] and not m["pay"] and "的" not in sentence[m.end("obj") : m.end()]:
                continue  # 对X收购 without 的 or a stake is a clause (竞争对手X收购), not a nominal deal (对X的控股收购 is one)
            if not m["stake"] and not completed and not _COMPLETED_AFTER.match(sentence, m.end()) and not self.evidenced(target.name):
                continue  # 加强对市场的收购: without a stake or 完成 the target must read as a company
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            deal = self._acquisition_by_subject(s_start, lead, s_start + m.start(), s_start + m.end(), target, pay)
            if not pay:  # 完成对菲安妮100%股权的收购,前后共计耗费14亿元左右: the price told after
                deal.money = self._price(s_start, s_end, s_start + m.start(), s_start + m.end())
            deals.append(deal)
        sales = [*_SOLD_TO.finditer(sentence), *_SELLS_TO.finditer(sentence), *_SELLS_STAKE_TO.finditer(sentence),
                 *(_SOLD_PASSIVE.finditer(sentence) if rules.may_match(_SOLD_PASSIVE, sentence) else ())] \
            if _SALE_MARK.search(sentence) else []
        for m in sales:  # 以80亿美元将其子公司MUFG Union Bank出售给美国合众银行; 向红豆集团出售所持有的红豆置业60%股权
            target, buyer = company_name(m["obj"]), company_name(m["buyer"])
            if target is None or buyer is None or target.generic or buyer.generic:
                continue
            if not (self.evidenced(target.name) or self.evidenced(buyer.name)) or self.not_deal(s_start + m.start(), s_start + m.end()):
                continue
            if m.re is _SOLD_PASSIVE:  # …的股份被作价90亿元出售给…: the price stands before the verb
                paid = self.money_in(s_start + m.start("pay"), s_start + m.end("pay"))
                price = paid[0].money if paid else NO_MONEY
            else:
                price = self._price(s_start, s_end, s_start + m.start(), s_start + m.end())
            deal_type = "investment" if m["stake"] and self._minority_stake(s_start + m.start("stake"), s_end) else "acquisition"
            deals.append(_Deal(s_start + m.start(), s_start + m.end(), deal_type, target, [buyer.name], None, price))
        for m in _PRICED_STAKE.finditer(sentence) if "获得" in sentence or "换取" in sentence else ():
            # 汇通能源拟1.95亿元获得兴华芯7.43%股权: a stake got for a price, by the subject
            target = company_name(m["obj"])
            if target is None or target.generic or is_anaphor(target.name) or is_field_name(target.name):
                continue
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay"))
            deal = self._acquisition_by_subject(s_start, s_start + m.start(), s_start + m.start(), s_start + m.end(), target, pay)
            if not deal.investors:
                continue  # (其股东将获得…股权: holders paid in shares, no buyer named)
            share = float(m["pct"])
            deals.append(dataclasses.replace(deal, deal_type="acquisition" if share > 50 else "investment"))
        for m in _TAKEN_OVER.finditer(sentence) if _TAKEN_MARK.search(sentence) else ():
            # meta斥资45亿美元将…Manus收入囊中, 谷歌豪掷47.5亿美元控股…Intersect Power: bought
            target = company_name(m["obj"])
            if target is None or target.generic or is_anaphor(target.name) or _PEOPLE_TAKEN.search(m["obj"]):
                continue  # (将创始人兼CEO…及其核心团队纳入麾下: people hired, no company bought)
            if m["pay"] is None and not self.evidenced(target.name):
                continue  # 将目光收入囊中…: only a company is taken so
            start = s_start + m.start()
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            if not pay:
                clause = self._clause_start(s_start, start)
                pay = [sp for sp in self.money_in(clause, start) if self.r.price_before.search(self.text, max(clause, sp.start - 6), sp.start)]
            deals.append(self._acquisition_by_subject(s_start, start, start, s_start + m.end(), target, pay[-1:]))
        for m in _MERGED_INTO.finditer(sentence) if "并入" in sentence else ():
            # 依图医疗已确认并入深睿医疗: the one merged into buys the other
            target, buyer = company_name(m["target"]), company_name(m["acq"])
            if target is None or buyer is None or target.generic or buyer.generic or is_anaphor(buyer.name):
                continue
            if not (self.evidenced(target.name) and self.evidenced(buyer.name)) or self.not_deal(s_start + m.start(), s_start + m.end()):
                continue
            merged = self._resolved(target, s_start + m.start()) if is_anaphor(target.name) else target
            if merged is not None:
                deals.append(_Deal(s_start + m.start("target"), s_start + m.end(), "acquisition", CompanyName(merged.name), [buyer.name], None, NO_MONEY))
        for m in _TENDER_OFFER.finditer(sentence) if rules.may_match(_TENDER_OFFER, sentence) else ():  # 财团将向东芝发起总额约2万亿日元的要约收购
            target = company_name(m["obj"])
            if target is None or target.generic:
                continue
            pay = [p for p in self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if not self.r.per_unit.search(self.text[max(s_start, p.start - 4) : p.start])]
            deals.append(self._acquisition_by_subject(s_start, s_start + m.start(), s_start + m.start(), s_start + m.end(), target, pay))
        for m in _PASSIVE_AFTER_CLAUSE.finditer(sentence) if "被" in sentence else ():
            target, _ = self.subject(s_start, s_start + m.start())
            acquirer = company_name(_strip_manner(m["acq"]))
            if target is None or acquirer is None or target.generic or acquirer.generic or is_anaphor(acquirer.name):
                continue
            target_name = self.register.resolve(target, s_start + m.start()) if is_anaphor(target.name) else target.name
            if not target_name or not self.evidenced(target_name) or self.not_deal(s_start + m.start(), s_start + m.end()):
                continue
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            deals.append(_Deal(s_start + m.start() + 1, s_start + m.end(), "acquisition", CompanyName(target_name), [acquirer.name], None,
                               pay[0].money if pay else NO_MONEY))
        for m in self.r.acquire_passive.finditer(sentence) if rules.may_match(self.r.acquire_passive, sentence) else ():
            # Manus以创纪录的速度被Meta超20亿美元收购, ARM被软银斥资320亿美元收购: the manner and the
            # price are no part of either name; a price after the buyer is the deal's
            if _ESCAPED.search(m["target"]):
                continue  # 帮助育碧摆脱被维旺迪恶意收购: a takeover escaped, none made
            acquirer = company_name(_strip_manner(m["acq"]))
            deal_type = "investment" if m["verb"] in ("投资", "战略投资", "注资", "入股") else "acquisition"
            written = _strip_manner(m["target"])
            targets = [company_name(written)] if deal_type == "acquisition" or "、" not in written else \
                [company_name(n) for n in self._listed_companies(written)]
            if acquirer is None or acquirer.generic or not targets or any(t is None or t.generic for t in targets):
                continue
            if deal_type == "investment" and len(targets) == 1 and not self.evidenced(targets[0].name):
                continue  # 被资本投资的领域: only companies are invested in (a list shows its own)
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            pay = pay or self.money_in(s_start + m.start("acq"), s_start + m.end("acq")) or self.money_in(s_start + m.start("target"), s_start + m.end("target"))
            price = pay[0].money if pay else NO_MONEY
            if not pay and deal_type == "acquisition" and len(targets) == 1:
                # 42dot被现代汽车集团收购，交易金额为4.38亿美元: the price told after
                price = self._price(s_start, s_end, s_start + m.start("verb"), s_start + m.end(), buys_whole=True)
            for target in targets:
                deals.append(_Deal(s_start + m.start(), s_start + m.end(), deal_type, target, [acquirer.name], None,
                                   price if len(targets) == 1 else NO_MONEY))
        return deals

    def _acquisition_by_subject(self, s_start: int, lead: int, start: int, end: int, target: CompanyName,
                                pay: list[MoneySpan]) -> _Deal:
        """An acquisition whose buyer is the subject before `lead` (X完成对Y的收购, X向Y发起要约收购)."""
        buyer, b_start = self.subject(s_start, lead)
        buyer_name = self.register.resolve(buyer, lead) if buyer and not buyer.generic else None
        return _Deal(b_start if buyer_name else start, end, "acquisition", target,
                     [buyer_name] if buyer_name else [], None, pay[0].money if pay else NO_MONEY)

    def _investor_described(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        """投资于字节跳动和南京希音的泛大西洋投资集团表示…: an investor described by what it
        invested in. The investor must be named as one (资本, 投资集团, Capital …). And the other
        way round, a company described by who invested in it (NVIDIA投资的新创科技公司CoreWeave):
        the company must be told as one (a descriptor before it, or a company-like name)."""
        deals = []
        if not _INVEST_WORD.search(sentence) and "参股" not in sentence and not _ACQUIRED_MARK.search(sentence):
            return deals
        for m in _INVESTED_BY_THE.finditer(sentence) if rules.may_match(_INVESTED_BY_THE, sentence) else ():
            # 微软也与NVIDIA投资的…: the investor is the last name before the verb
            investor, target = company_name(regex.split(r"与|和|跟|同|也|及|、", m["inv"])[-1]), company_name(m["obj"])
            if investor is not None and is_anaphor(investor.name) and "、" in m["obj"]:
                investor = self._resolved(investor, s_start + m.start("inv"))  # 其投资的A、B、C等知名企业
            if investor is not None and not investor.generic and not is_anaphor(investor.name) and "、" in m["obj"]:
                # 此前小米投资的智芯半导体、博泰车联网、睿米科技等智能车相关企业: each of those listed
                # (a list ending 等…企业 says what they are)
                listed = self._listed_companies(m["obj"], shown=_LIST_OF_COMPANIES_END.search(m["obj"]) is not None)
                if listed and not self.not_deal(s_start + m.start(), s_start + m.end()):
                    deals.extend(_Deal(s_start + m.start("inv"), s_start + m.end("obj"), "investment", CompanyName(n), [investor.name], None, NO_MONEY)
                                 for n in listed)
                continue
            if investor is None or target is None or investor.generic or target.generic or is_anaphor(investor.name) or is_anaphor(target.name):
                continue
            described = _DESCRIPTOR_END.search(m["obj"][: m["obj"].find(target.name)].rstrip()) if target.name in m["obj"] else None
            if not (described or self.evidenced(target.name)) or self.r.not_target_end.search(target.name):
                continue
            if self.not_deal(s_start + m.start(), s_start + m.end()):
                continue
            deals.append(_Deal(s_start + m.start("inv"), s_start + m.end("obj"), "investment", target, [investor.name], None, NO_MONEY))
        for m in _ACQUIRED_BY_THE.finditer(sentence) if _ACQUIRED_MARK.search(sentence) else ():
            buyer, target = company_name(m["inv"]), company_name(m["obj"])
            if buyer is None or buyer.generic or is_anaphor(buyer.name) or is_place(buyer.name):
                continue
            if "被" in m["inv"] or _ESCAPED.search(m["inv"]):
                continue  # 帮助育碧摆脱被维旺迪恶意收购的几家投资方: a takeover escaped, told in the passive
            is_before = _IS_BEFORE.search(sentence, self._clause_start(s_start, s_start + m.start()) - s_start, m.start())
            if is_before:  # SolarCity是特斯拉…收购的太阳能公司: the subject is the company bought
                target = company_name(is_before["name"])
                known = target is not None and (self.evidenced(target.name) or _DESCRIPTOR_END.search(m["obj"]) is not None
                                                or _LATIN_WORDS.fullmatch(target.name) is not None)
            else:
                described = _DESCRIPTOR_END.search(m["obj"][: m["obj"].find(target.name)].rstrip()) if target and target.name in m["obj"] else None
                known = target is not None and bool(described or self.evidenced(target.name))
            if target is None or target.generic or is_anaphor(target.name) or not known or self.r.not_target_end.search(target.name):
                continue
            if self.not_deal(s_start + m.start(), s_start + m.end()):
                continue
            spans = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            start = s_start + (is_before.start() if is_before else m.start("inv"))
            deals.append(_Deal(start, s_start + m.end("obj"), "acquisition", target, [buyer.name], None, spans[0].money if spans else NO_MONEY))
        for m in _INVESTED_IN_THE.finditer(sentence):
            investor = company_name(m["inv"])
            if investor is None or investor.generic or not self.r.investor_suffix.search(investor.name):
                continue
            for part in split_list(m["objs"]):
                target = company_name(part)
                if target is None or target.generic or is_field_name(part) or self.r.not_target_end.search(target.name):
                    continue
                deals.append(_Deal(s_start + m.start("verb"), s_start + m.end("inv"), "investment", target, [investor.name], None, NO_MONEY))
        return deals

    def _strategic_intake(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        """…引入宝武绿碳基金、普洛斯隐山资本等7家战略投资者，募集资金10亿元: strategic investors
        brought in with the money they put up, a strategic round of the clause's company."""
        deals = []
        if "战略投资者" not in sentence:
            return deals
        for m in _STRATEGIC_INTAKE.finditer(sentence):
            spans = self.money_in(s_start + m.start("amount"), s_start + m.end("amount"))
            company, c_start = self.subject(s_start, s_start + m.start())
            if company is not None and (cut := _TIME_IN_NAME.search(company.name)):
                company = company_name(company.name[: cut.start()])  # 欧冶工业品日前举行混改: the name ends at the time
            if not spans or company is None or company.generic:
                continue
            investors = _names(m["inv"]) if m["inv"] else []
            deals.append(_Deal(c_start, s_start + m.end(), "funding", company, investors, "strategic", spans[0].money))
        return deals

    def _deal_totals(self, sentence: str, s_start: int, s_end: int, taken: Sequence[_Deal] = ()) -> list[_Deal]:
        """参与了2700多笔中国初创企业交易，总价值达1657亿美元: a total over many deals."""
        deals = []
        counted_marks = _DEAL_COUNT_MARK.search(sentence) is not None
        for m in _DEAL_TOTAL.finditer(sentence) if counted_marks and rules.may_match(_DEAL_TOTAL, sentence) else ():
            end = s_start + m.end()
            spans = [sp for sp in self.money if end - 3 <= sp.start <= end + 2 and sp.end > end]
            if not spans or self.not_deal(s_start + m.start(), spans[0].end, counting_deals=True):
                continue
            counted = _COUNT_OF_DEALS.search(m.group(0)) or _COUNT_AFTER_TOTAL.match(self.text, spans[0].end, s_end)
            if counted is None and any(d.deal_type != "aggregate" and d.company is not None and d.money == spans[0].money for d in taken):
                continue  # …又宣布了新的C轮融资，融资总额为1.215亿元: the round's own amount, read with it
            if counted is None:
                # a total with no count: a sector's, not one company's own (智谱累计融资总额超125亿元,
                # 这笔投资使Archer成立以来的融资总额…)
                owner, owner_at = self.subject(s_start, s_start + m.start())
                clause = self._clause_start(s_start, s_start + m.start())
                lead = self.text[clause : s_start + m.start()].strip()
                if owner is not None and owner_at < clause and _TOTAL_SCOPE.search(self.text, clause, s_start + m.end()):
                    owner = None  # 2022年OpenAI推出ChatGPT，全年融资额大幅成长至45亿美元: the year's, not the clause before's company
                if (owner is not None and (not owner.generic or is_anaphor(owner.name))) or _ANAPHOR_LEAD.match(lead) or _OWN_HISTORY.search(self.text, clause, s_start + m.start()):
                    continue
                part_start, _ = self._semicolon_part(s_start, s_end, s_start + m.start())
                if _OWN_ROUNDS_COUNTED.search(self.text, part_start, s_start + m.start()):
                    continue  # 小鹏汽车，年内获得4次融资，披露融资总金额达99.5亿元: one company's rounds
            count = parse_number(counted["n"]) if counted else self._deal_count_near(s_start, s_end, spans[0].start, spans[0].end)
            deals.append(_Deal(s_start + m.start(), spans[0].end, "aggregate", None, [], None, spans[0].money,
                               company_count=int(count) if count else None))
        for span in self.money_in(s_start, s_end) if counted_marks else ():
            if any(d.start <= span.start < d.end for d in deals) or not _TOTAL_AFTER_AMOUNT.match(self.text, span.end, s_end):
                continue
            counted = _COUNT_AFTER_TOTAL.match(self.text, span.end, s_end)
            if counted is None or self.not_deal(self._clause_start(s_start, span.start), counted.end(), counting_deals=True):
                continue  # 154.46亿元融资总额、227件事件数: read only beside a count of deals
            deals.append(_Deal(span.start, counted.end(), "aggregate", None, [], None, span.money,
                               company_count=int(parse_number(counted["n"]))))
        for m in _COUNT_THEN_SUM.finditer(sentence) if "以" in sentence and rules.may_match(_COUNT_THEN_SUM, sentence) else ():
            # 长三角地区以377起融资事件、532.05亿元融资金额稳居首位: a region's count and sum
            spans = [sp for sp in self.money_in(s_start + m.start("amt"), s_start + m.end("amt"))
                     if not any(d.start <= sp.start < d.end for d in deals)]
            if len(spans) != 1 or self.not_deal(self._clause_start(s_start, s_start + m.start()), s_start + m.end(), counting_deals=True):
                continue
            deals.append(_Deal(s_start + m.start(), s_start + m.end(), "aggregate", None, [], None, spans[0].money,
                               company_count=int(parse_number(m["n"].replace(",", "")))))
        scoped = (_TOTAL_SCOPE.search(sentence) or _DEAL_EVENTS_COUNTED.search(sentence)
                  or (rules.may_match(_DEAL_COUNT_AFTER, sentence) and _DEAL_COUNT_AFTER.search(sentence)))  # (its lazy lead tries every character)
        for span in self.money_in(s_start, s_end) if scoped else ():
            if any(d.start <= span.start < d.end or d.money.amount == span.money.amount for d in [*deals, *taken]):
                continue
            clause = self._clause_start(s_start, span.start)
            if clause > s_start and _SUM_ONLY.fullmatch(self.text, clause, span.start):
                clause = self._clause_start(s_start, clause - 1)  # 融资总额，合计约19.34亿元: the sum told in a clause of its own
            cue = _SCOPED_TOTAL.search(self.text, max(clause, span.start - 30), span.start)
            if cue is None and _DEAL_COUNT_AFTER.match(self.text, span.end, s_end):
                # 杭州2024年AI投资65.2亿元，82起案例: a place's or a year's investing, then its count of deals
                cue = _RAISED_RIGHT_BEFORE.search(self.text, clause, span.start)
                if cue is not None and not (_SPACE_SCOPE.search(self.text, clause, cue.start()) or _TOTAL_SCOPE.search(self.text, clause, cue.start())):
                    cue = None
            if cue is None:
                continue
            if _TOWARD_FIELD.search(self.text, clause, cue.start()):
                continue  # 沙特主权财富基金计划向AI领域投资400亿美元: an investor's money for a field, no field's total
            lead = self.text[clause : cue.start()]
            scope_from = clause
            if not (_TOTAL_SCOPE.search(self.text, clause, cue.start()) or _DEAL_EVENTS_COUNTED.search(self.text, s_start, cue.start())):
                # AIGC成为最热门领域，融资金额为55.6亿美元: a clause that opens with the total takes
                # the scope of the sentence, where the sentence tells no company's deal
                # (…共有154家公司获得投资，投资总额为272亿元: a class of companies raising is no company's deal)
                if _ADVERBS_ONLY.fullmatch(lead) is None or any(d.company is not None and not d.company.generic and d.start >= s_start for d in taken):
                    continue
                if not _SPACE_SCOPE.search(self.text, s_start, cue.start()) or _PROJECTS_SIGNED.search(self.text, s_start, s_end):
                    continue  # (现场签约9个项目，投资金额3.2亿美元: projects a region signed, not money raised)
                scope_from = s_start
            if self.not_deal(scope_from, span.end, counting_deals=True):
                continue
            if _OWN_ROUND_WORDS.search(lead) or _OWN_HISTORY.search(lead) or _ANAPHOR_LEAD.match(lead.strip()):
                continue  # 本轮融资金额为…, 公司累计融资额…: one company's own
            owner, _ = self.subject(s_start, cue.start())
            if owner is not None and not owner.generic and not _SPACE_SCOPE.search(lead):
                continue  # 智谱2024年融资额超…: a company's own total (a field's or a market's is not)
            if _THRESHOLD_AFTER.match(self.text, span.end):
                continue
            if _DELTA_BEFORE.search(self.text, max(s_start, span.start - 6), span.start):
                continue  # 融资金额减少3.17亿元: a change, not a total
            counted = list(_COUNT_OF_DEALS.finditer(self.text, scope_from, cue.start()))  # 全年融资事件仅为92起，融资规模…
            count = parse_number(counted[-1]["n"]) if counted and regex.search(r"事件|交易|案例|融资|投资", self.text[scope_from : cue.start()]) else None
            count = count if count is not None else self._deal_count_near(s_start, s_end, cue.start(), span.end)
            count = count if count is not None else self._deal_count_of_period_before(s_start, self.text[scope_from : cue.start()])
            deals.append(_Deal(clause, span.end, "aggregate", None, [], None, span.money, company_count=int(count) if count else None))
        return deals

    def _deal_count_before(self, s_start: int, pos: int) -> float | None:
        """The count of deals the sentence told before a total (…行业发生融资事件1146个，比去年减少28%；
        已披露融资总额为797.46亿元)."""
        # (…发生AI制药融资22起，较前两年同期15起、16起明显回升: the counts compared with are not it)
        told = [m for m in _DEAL_EVENTS_COUNTED.finditer(self.text, s_start, pos)
                if not _COMPARED_COUNT.search(self.text, max(s_start, m.start() - 10), m.start())]
        return parse_number(told[-1]["n"].replace(",", "")) if told else None

    def _deal_count_of_period_before(self, s_start: int, lead: str) -> float | None:
        """2024年共发生150起融资事件，…。据其估算，2024年储能行业共计融资260亿元: the count of deals the
        sentence before told for the same year (or quarter, or month) as the total's."""
        period = _PERIOD.search(lead)
        if period is None or s_start < 2:
            return None
        before_start, before_end = self.ctx.sentences.covering(s_start - 1, s_start)
        if "\n" in self.text[before_end:s_start] or period.group(0) not in self.text[before_start:before_end]:
            return None  # another paragraph, or a sentence about another period
        told = list(_DEAL_EVENTS_COUNTED.finditer(self.text, before_start, before_end))
        return parse_number(told[0]["n"].replace(",", "")) if len(told) == 1 else None

    def _deal_count_near(self, s_start: int, s_end: int, start: int, end: int) -> float | None:
        """The count of deals tied to a total at start:end: told right after it (…，交易数量为249宗),
        else before it in its part of the sentence (completed 13起融资，总额超25亿元)."""
        after = _DEAL_COUNT_AFTER.match(self.text, end, s_end)
        if after is not None:
            return parse_number(after["n"].replace(",", ""))
        part_start, _ = self._semicolon_part(s_start, s_end, start)
        count = self._deal_count_before(part_start, start)
        return count if count is not None or part_start == s_start else self._deal_count_before(s_start, start)

    def _bare_rounds(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """公司在A轮获得a16z领投的1400万美元，B轮3300万美元融资后估值突破2亿美元; 2019年F轮4亿美元融资时:
        a company's rounds told as its history, with their amounts and no verb of their own; the
        company is the clause's subject, else the article's topic named in the sentence or the one before."""
        deals = []
        for m in _BARE_ROUND.finditer(sentence):
            at, end = s_start + m.start(), s_start + m.end()
            if any(d.start <= at < d.end or (d.money.amount is not None and d.start <= end and at <= d.end) for d in taken):
                continue
            spans = self.money_in(s_start + m.start("amount"), s_start + m.end("amount"))
            if not spans or self.not_deal(self._clause_start(s_start, at), end):
                continue
            company, c_start = self.subject(s_start, at)
            if company is not None and is_anaphor(company.name):
                company = self._resolved(company, at, or_topic=True)  # 公司在A轮获得…: the company the article is about
            if company is not None and company.generic:
                company = None
            if company is None:
                topic = self.topic_before(at)
                if topic is None or self.text.rfind(topic, max(0, at - 400), at) < 0:
                    continue
                company, c_start = CompanyName(topic), at
            investors = _names(m["inv"]) if m["inv"] else []
            deals.append(_Deal(min(c_start, at), end, "funding", company, investors, normalise_round(m["round"]), spans[0].money))
        return deals

    def _raised_also(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """已披露的AI眼镜融资的还有闪极科技、雷鸟创新、Rokid等; 另外完成早期融资的还有X: the companies a
        sentence lists as having raised too (not 投资的还有…, who invested)."""
        deals = []
        for m in _RAISED_ALSO.finditer(sentence):
            at = s_start + m.start()
            if self.not_deal(self._clause_start(s_start, at), s_start + m.end()):
                continue
            items = _LIST_TAIL.sub("", regex.sub(r"[，,]\s*(?:以及|还有|及)", "、", m["list"]))  # (…Nuro.ai，以及Uber分拆后的ATG)
            named = [(company.name, part) for part in split_list(items) if (company := company_name(part)) is not None
                     and not company.generic and not is_anaphor(company.name) and not is_field_name(company.name)]
            names = [n for n, _ in named]
            if not names or sum(self.evidenced(n) or _DESCRIPTOR_END.search(p[: p.find(n)].rstrip()) is not None
                                for n, p in named) * 2 < len(names):
                continue  # a list of what is shown to be companies, at least half of them
            if any(d.company is not None and d.company.name in names and d.start >= at for d in taken):
                continue
            round_ = next((normalise_round(r["round"]) for r in _ROUND_IN_PHRASE.finditer(m["what"])), None)
            spans = self.money_in(at, s_start + m.end("what"))  # 获得10亿美元级别融资的还有…: each a round of that size
            money = spans[-1].money if spans else NO_MONEY
            deals += [_Deal(at, s_start + m.end(), "funding", CompanyName(n), [], round_, money) for n in names]
        return deals

    def _nominal_rounds(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """Anthropic的35亿美元E轮融资、Neuralink的6.5亿美元E轮融资都备受关注; Scale在10亿美元F轮融资后:
        a round told in passing, as a noun, of a company named right before it."""
        deals = []
        for m in _NOMINAL_ROUND.finditer(sentence):
            spans = self.money_in(s_start + m.start("amount"), s_start + m.end("amount")) if m["amount"] else []
            reached = _ROUND_REACHED.match(self.text, s_start + m.end(), s_end) if not spans and m["round"] and not m["after"] else None
            if reached is not None:  # Udaan的G轮融资直接飙到7500万美元: the amount the round reached
                spans = [sp for sp in self.money if sp.start == reached.end()]
            bare = not m["link"].strip()  # 北京爱诗科技6000万美元B轮融资的消息: name, amount, round, nothing between
            if not (spans or m["round"]) or (m["link"] != "的" and not (m["after"] and spans and m["round"])
                                             and not (bare and spans and m["round"] and sentence.startswith("的", m.end()))):
                continue  # (Scale在…F轮融资后 needs both: 在 opens many other phrases)
            at = s_start + m.start()
            start = self._clause_start(s_start, at)
            phrase = self.text[start:at]
            # the last item of a list (A的…融资、B的…融资; A和B的…): its own name only
            item = regex.split(r"[、]|以及|及|和|与", phrase)[-1]
            if not item.strip() or _NOMINAL_TOLD.search(item) or self.not_deal(start, s_start + m.end()):
                continue
            company = company_name(_strip_manner(_WHEN_OPEN.sub("", item)))
            if company is None or company.generic or not self.evidenced(company.name) or not item.strip().endswith(company.name):
                continue
            if any(d.start <= at < d.end or (d.company is not None and d.company.name == company.name
                                             and spans and d.money.amount == spans[0].money.amount) for d in taken):
                continue
            round_ = normalise_round(m["round"]) if m["round"] else None
            # 智元机器人的A轮融资由高瓴领投: who led it follows
            investors = self.investors(s_start + m.end(), s_end) if regex.match(r"[，,]?\s*由", sentence[m.end():]) else []
            deals.append(_Deal(at - len(item.strip()), spans[0].end if reached is not None and spans else s_start + m.end(), "funding", company, investors, round_,
                               spans[0].money if spans else NO_MONEY))
        return deals

    def _bracketed_rounds(self, s_start: int, s_end: int, taken: list[_Deal]) -> list[_Deal]:
        """紫光展锐(超60亿元)、芯盟科技(数十亿元)…的融资规模也相当可观: a list of companies, each
        with the amount it raised in brackets, in a sentence about raising (not values: 估值/市值)."""
        deals = []
        items = bracketed_amounts(self.text, s_start, s_end, self.money)
        if items and self.not_deal(items[0][0], items[-1][2].end):
            return deals
        for at, name, span in items:
            if any(d.start <= span.start < d.end for d in taken):
                continue
            deals.append(_Deal(at, span.end + 1, "funding", CompanyName(name), [], None, span.money))
        return deals

    def _new_shareholders(self, sentence: str, s_start: int) -> list[_Deal]:
        """北京深言科技有限责任公司发生工商变更，股东新增广西腾讯创业投资有限公司: each new
        shareholder of the company whose registration changed invested in it (no amount told)."""
        changed = _REGISTRATION_CHANGED.search(sentence)
        added = _NEW_SHAREHOLDER.match(sentence, changed.end()) if changed else None
        if added is None:
            return []
        phrase = _strip_manner(changed["co"])
        split = _BRAND_ENTITY.fullmatch(phrase)
        brand, entity = (split["brand"], split["entity"]) if split else (None, phrase)
        company = company_name(entity)
        if company is None or company.generic or is_anaphor(company.name):
            return []
        owner = company_name(brand) if brand else None
        if owner is not None and not owner.generic:
            # 春雨医生主体公司北京春雨天下软件有限公司: the brand the registered company operates
            company = CompanyName(owner.name, (company.name, *company.aliases))
        listed = added["inv"] or added["inv2"] or added["inv3"]
        investors = [n for n in _names(listed) if not is_field_name(n)]
        if not investors:
            return []
        return [_Deal(s_start + changed.start("co"), s_start + added.end(), "investment", company, investors, None, NO_MONEY)]

    def _largest_raise(self, sentence: str, s_start: int) -> list[_Deal]:
        """A round-up's largest deal, told by who took it: 单笔最高融资出自长鑫科技，金额为108亿元;
        最高融资金额被中芯国际拿下，合计198.5亿元; 其中1500亿元融资被紫光集团一举拿下;
        康宁杰瑞融资规模最高，完成融资6000万美元."""
        deals = []
        for m in _LARGEST_RAISE.finditer(sentence):
            company = name_after_descriptors(_strip_manner(m["co"]))
            if company is None or company.generic or is_anaphor(company.name) or is_field_name(company.name):
                continue
            if m["before"] is not None:  # the amount before 融资被…
                at = s_start + m.start("before")
                spans = [sp for sp in self.money if sp.end in (at, at - 1) and sentence[sp.end - s_start : at - s_start] in ("", "的")]
            else:  # the amount in the clause after it
                after = _AMOUNT_TOLD_AFTER.match(sentence, m.end())
                spans = [sp for sp in self.money if sp.start == s_start + after.end()] if after else []
            if spans:
                start, end = min(spans[0].start, s_start + m.start("co")), max(spans[0].end, s_start + m.end("co"))
                deals.append(_Deal(start, end, "funding", company, [], None, spans[0].money))
        return deals

    def _stakes_received(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        """海康威视、正泰电器等14只股票获券商增持; 益生股份年内获北向资金增持3.32亿元."""
        deals = []
        if not _STAKE_WORDS.search(sentence):  # a cheap test first: the pattern backtracks a lot
            return deals
        for m in self.r.stake_received.finditer(sentence) if rules.may_match(self.r.stake_received, sentence) else ():  # (获/被 too)
            start = self._clause_start(s_start, s_start + m.start("targets"))
            phrase = self.text[start : s_start + m.end("targets")]
            investor = company_name(m["inv"])
            names = [n for n in _names(phrase) if not is_field_name(n)]
            if not names or not investor or investor.generic and not self.r.investor_suffix.search(investor.name):
                continue
            if investor.name in self.r.fund_flows:
                continue  # 获主力加仓: order flow, not a named buyer
            end = s_start + m.end()
            if self.not_deal(start, self._clause_end(end, s_end)) or regex.search(r"[“”\"「」]", m["inv"]):
                continue  # 获得机构给予“买入”评级: a rating, not a purchase
            spans = [s for s in self.money if end <= s.start <= end + 12] if len(names) == 1 else []
            for name in names:
                deals.append(_Deal(start, end, "investment", CompanyName(name), [investor.name], None, spans[0].money if spans else NO_MONEY))
        return deals

    def _objects(self, start: int, s_end: int) -> tuple[list[tuple[CompanyName, int, int]], bool, int]:
        """The companies a deal verb takes, from `start`: ([(name, start, end)], stake found, end)."""
        text, r = self.text, self.r
        limit = min(s_end, start + 60)
        window = text[start : start + 160]  # (a list of holders with their glosses runs long)
        owner_head = r.owner.match(window) if rules.may_match(r.owner, window) else None  # (its lazy .*? tries every character)
        if owner_head and regex.search(r"[，,。；;]", owner_head.group(0)):
            owner_head = None  # 收购X，该公司拥有…: the owner marker is past the object's clause
        if owner_head:
            limit = min(s_end, start + 100)  # 由Gorka Holding GmbH持有的DiaSys Diagnostic Systems GmbH公司(简称…)75%股权
        # 购买居然控股、阿里巴巴等23名交易对方持有的居然新零售100%股权: the owners' list ends nothing
        stop = r.object_end.search(text, start + (owner_head.end() if owner_head else 0), limit)
        while stop and _inside_brackets(text, start, stop.start()):
            # 浙江九翎网络科技有限公司(下称:浙江九翎)部分股权: a stop inside brackets ends nothing
            close = _CLOSING_BRACKET.search(text, stop.start(), limit)
            if not close:
                break
            stop = r.object_end.search(text, close.end(), limit)
        while stop and text[stop.start() : stop.start() + 1] == ":" and _LATIN_COLON.match(text, stop.start() - 1):
            stop = r.object_end.search(text, stop.start() + 1, limit)  # Run:ai: a colon inside a Latin name ends nothing
        project_at = None
        if stop and stop.group("project"):
            before = text[start : stop.start()].strip()
            if not looks_like_company(before) or regex.search(r"\d|年产|(?:建设|工程|扩建|改造)$", before):
                return [], False, stop.end()  # 投资上海六百城市更新项目: a project, not a company
            project_at, stop = stop.start(), None  # 投资了臻和科技项目: an investor's word for a company it backs
        if (stop and stop.group("count") and not text[start : stop.start()].strip(" 了额外约近共计合计")
                and regex.search(r"(?:认购|购买|收购|受让)了?$", text[max(0, start - 3) : start])):  # (not a trade: 买入, 增持)
            # 认购额外1,007,500股Taiko股份: the count first, then whose shares
            after = self._clause_end(stop.end(), min(s_end, stop.end() + 40))
            whose = _SHARES_OF_NAME.fullmatch(text, stop.end(), after)
            named = company_name(whose["name"]) if whose else None
            if named is not None and not named.generic:
                return [(named, whose.start("name"), whose.end("name"))], True, after
        end = stop.start() if stop else project_at if project_at is not None else self._clause_end(start, limit)
        # 收购倍耐力、中国航空工业集团以8亿美元收购…: the next item is another deal (looked for only
        # past a 、: this runs for every deal verb)
        next_deal = self.r.deal_verb.search(text, start + 1, end) if text.find("、", start + 1, end) >= 0 else None
        if next_deal is not None and (listed := text.rfind("、", start, next_deal.start())) > start \
                and self._buyer_item(listed + 1, next_deal.start("verb")) is not None:
            end = listed
        has_stake = bool(stop and stop.group(0) and stop.group(0)[-1] not in CLAUSE_STOPS and regex.search(r"股|权|资产|业务", stop.group(0)))
        has_stake = has_stake or bool(stop and stop.group("count"))  # 增持X 13.2万股
        if any(m.start <= start + 1 and m.end > start for m in self.money):
            return [], False, end  # 投资160亿印度卢比在…建设园区: the amount, then where it goes
        amount_after = next((m for m in self.money if start + 2 <= m.start < end), None)
        if amount_after is not None and not has_stake:
            # 再投资赛卓电子3.2亿元: an amount right after a name known as a company ends the object
            # (投资OpenAI高达1000亿美元: with how much said before the amount)
            lead = _DEGREE_BEFORE_AMOUNT.sub("", text[start : amount_after.start])
            named = company_name(lead)
            # (医疗互联网公司禾连健康7500万美元B轮融资: after its description, too; 投资小马智行2700万美元。:
            # a name not noted before, with the amount closing the clause)
            if (named is not None and not named.generic and len(named.name) <= 12
                    and lead.strip().endswith(named.name)
                    and (self.evidenced(named.name)
                         or (_AMOUNT_CLOSES.match(text, amount_after.end) and not is_field_name(named.name) and not self.r.not_target_end.search(named.name)
                             and "的" not in lead and not lead.lstrip().startswith(("于", "在", "对", "向", "到"))
                             and (named.name == lead.strip() or looks_like_company(named.name)) and self._company_before_verb(start)))):
                end = start + len(lead.rstrip())
        phrase = text[start:end]
        if phrase.endswith("外") and _EXCEPT_OPEN.search(text, max(0, start - 40), start):
            phrase = phrase[:-1]  # 除智元以21亿元收购上纬新材外: 除…外 frames the deal (光年之外 keeps its 外)
        written_round = _ROUND_WRITTEN_AFTER.search(phrase)
        if written_round and written_round.start() > 0:
            phrase = phrase[: written_round.start()]  # 投资了智谱AI B4轮: the company, then its round
        # 跟投/超额认购的有A、B: who took part, not what was bought; OpenAI(微软追加100亿美元投资)、Anthropic…:
        # the verb closed a gloss; 收购或投资AI公司已成为…共识: deal-making talked of, no object
        if phrase.lstrip()[:1] in ("/", "的", ")", "）") or _OR_ANOTHER_VERB.match(phrase):
            return [], has_stake, end
        if phrase.lstrip().startswith("由") and not regex.search(r"持有|所持|拥有", phrase):  # (but 收购由X持有的Y)
            return [], has_stake, end  # 本次增资由浙江融信…出资: who pays, not what is bought
        owner = r.owner.match(phrase) if rules.may_match(r.owner, phrase) else None
        if owner and _inside_brackets(owner.group(0), 0, len(owner.group(0))):
            owner = None  # 深圳云房(旗下拥有Q房网): 拥有 inside a gloss names no owner
        offset = start
        if owner:
            if len(phrase) <= owner.end():
                return [], has_stake, end  # 买下小股东X持有的6.7%股权: the company is named elsewhere
            offset += owner.end()
            phrase = phrase[owner.end():]
        lead = r.stake_lead.match(phrase)
        if lead:
            offset += lead.end()
            phrase = phrase[lead.end():]
        phrase = _ISSUED_BY.sub("", phrase)  # 认购X公司定向发行的209.56万股新股: the issuer is the company
        if has_stake and "的" in phrase and (len(phrase) - phrase.rindex("的") <= 3 or is_field_name(phrase)):
            # 收购安赛乐米塔尔的美国业务: the business belongs to the company before 的
            phrase = phrase[: phrase.rindex("的")]
        found: list[tuple[CompanyName, int, int]] = []
        pos = 0
        parts = split_list(_ENUM_TAIL.sub("", phrase))
        counted = _COUNT_TAIL.search(phrase)
        if counted and len(parts) == 1:
            whole = company_name(phrase)  # 专精特新“小巨人”企业4900家: a class of companies, counted
            if whole is not None and whole.generic:
                return [(whole, start, end)], has_stake, end
        if any(is_field_name(part) for part in parts):
            return [], has_stake, end  # 中国半导体、微电子和人工智能领域: fields, not companies
        for i, part in enumerate(parts):
            at = phrase.find(part, pos)
            pos = max(pos, at + len(part))
            name = company_name(part)
            if name is None or name.generic or r.not_object.search(name.name):
                continue
            if len(parts) == 1 and is_place(name.name) and _ENUM_TAIL.search(phrase):
                continue  # 收购了北京一家AI初创公司: where an unnamed company is, not a name
            following = company_name(parts[i + 1]) if i + 1 < len(parts) else None
            if (following is not None and name.name == part.strip() and not self.evidenced(name.name) and _ACTIVITY_END.search(name.name)
                    and _DESCRIPTOR_END.search(parts[i + 1][: parts[i + 1].find(following.name)].rstrip())):
                continue  # 好莱坞电影制作及国际发行公司IM Global: two descriptions of one company
            name = self._without_shares(name)
            found.append((name, offset + max(at, 0), offset + max(at, 0) + len(part)))
        return found, has_stake, end

    def _company_before_verb(self, object_start: int) -> bool:
        """Whether the deal verb ending at `object_start` has a company for its subject (腾讯投资X…, not
        制造业投资目标要…): what lets a name not noted before stand as what it takes."""
        verb = regex.search(r"(?:战略)?(?:投资|注资|入股|领投|跟投|参投)了?$", self.text[max(0, object_start - 6) : object_start])
        if verb is None:
            return False
        s_start = self.ctx.sentences.covering(object_start, object_start + 1)[0]
        buyer, _ = self.subject(s_start, object_start - len(verb.group(0)))
        return buyer is not None and not buyer.generic and not is_anaphor(buyer.name) and (
            self.evidenced(buyer.name) or self.investor_like(buyer.name) or is_well_known(buyer.name) or looks_like_company(buyer.name)
            or regex.fullmatch(r"[A-Z][A-Z0-9&]{1,5}", buyer.name) is not None)  # (TVG, IDG, KKR: a fund by its initials)

    def _more_stakes(self, objects: list[tuple[CompanyName, int, int]], has_stake: bool, obj_end: int, s_end: int
                     ) -> tuple[list[tuple[CompanyName, int, int]], int]:
        """收购A 100%股权及B 100%股权, 收购A40%的股权、B49.02%的股权: one verb, a stake in each."""
        for _ in range(6):
            if not (objects and has_stake):
                break
            stake = self.r.object_end.match(self.text, obj_end, s_end)
            joint = stake and _STAKE_JOINT.match(self.text, stake.end(), s_end)
            if not joint:
                break
            more, has_stake, end = self._objects(joint.end(), s_end)
            if not (more and has_stake):
                break
            if regex.search(r"[，,]", joint.group(0)) and not _SHARE_TOLD.match(self.text, end, s_end):
                break  # 收购A100%股权,押宝储能和再生铅业务: after a comma only a share told as one goes on the list
            objects, obj_end = objects + more, end
        return objects, obj_end

    def _without_shares(self, name: CompanyName) -> CompanyName:
        """收购东芝股份: the company is 东芝 when the article also names it without 股份 (东芝公司);
        华帝股份, named only so, keeps its name."""
        base = name.name[:-2] if name.name.endswith("股份") else ""
        if len(base) < 2:
            return name
        at = self.text.find(base)
        while at >= 0:
            if not self.text.startswith("股份", at + len(base)):
                return dataclasses.replace(name, name=base)
            at = self.text.find(base, at + 1)
        return name

    def _price(self, s_start: int, s_end: int, verb_at: int, obj_end: int, buys_whole: bool = False) -> Money:
        """The deal's price: money before the verb that a price word introduces (以/作价/斥资 …,
        in this clause or an earlier one of the sentence), money right before the verb, or money
        after the object that a price word introduces (，交易价格为…). Prices per share are not
        the deal's. Nor is a value (以600亿美元的估值投资), unless the deal `buys_whole` company
        (以53亿美元的估值收购: its value is its price)."""
        def per_unit(m: MoneySpan) -> bool:
            # 每股17.5美元, 17.5美元/股, and 以17.50美元现金和1.023股X股票的代价，换取每股Y股票
            # (每股10美元、总价约40亿美元: the look back stops at the amount before)
            since = max([s_start, m.start - 10, *(sp.end for sp in self.money if m.start - 10 < sp.end <= m.start)])
            return (bool(self.r.per_unit.search(self.text[since : m.start])) or self.text.startswith(("/股", "每股"), m.end)
                    or bool(_IN_EXCHANGE_PER_SHARE.match(self.text, m.end, s_end)))

        clause_start = self._clause_start(s_start, verb_at)
        for m in reversed(self.money_in(s_start, verb_at)):
            if per_unit(m) or (not buys_whole and _VALUE_AFTER.match(self.text, m.end)):
                continue  # 以600亿美元的估值投资: the value, not the price (but 以53亿美元的估值收购 buys it all)
            if self.r.deal_verb.search(self.text, m.end, verb_at) or regex.search("[；;]", self.text[m.end : verb_at]):
                break  # 以200亿美元收购Figma的交易…并购监管: that money is the other deal's
            window = max(s_start, m.start - 6)
            cue = self.r.price_before.search(self.text[window : m.start])
            if cue and m.start < clause_start and self.r.deal_verb.search(self.text, s_start, window + cue.start()):
                break  # 收购A100%股权,拟作价129亿元,以现金收购B: the price of the deal before
            if cue or (m.start >= clause_start and verb_at - m.end <= 2):
                return m.money
        spent = _SPENT_BARE.search(self.text, clause_start, verb_at)
        if spent is not None and not regex.search(r"[A-Za-z]", self.text[verb_at:obj_end]):
            # 京东花了43亿入股永辉: spent with no currency written, yuan (not for a target with a
            # Latin name: 腾讯斥资86亿收购Supercell was dollars)
            money = read_as_yuan(spent["amount"] + "元", spent["amount"], self.ctx.published_on, self.ctx.plain_yuan)
            if money is not None:
                return money
        # 收购X100%股权的交易价格为13.2亿元: the price words may follow the stake
        stake = self.r.object_end.match(self.text, obj_end, s_end)
        after_stake = stake.end() if stake and stake.group(0).strip() and stake.group(0)[-1] not in CLAUSE_STOPS else obj_end
        for m in self.money:
            if obj_end <= m.start < s_end and not per_unit(m):
                if regex.search("[；;]", self.text[obj_end : m.start]) or self.r.deal_verb.search(self.text, after_stake, m.start):
                    break  # past a semicolon or another deal the money is not this deal's
                lead_in = self.text[max(after_stake, self._clause_start(obj_end, m.start)) : m.start]
                if not lead_in.strip() and self.text[m.start - 1 : m.start] in ":：":
                    lead_in = self.text[max(after_stake, self._clause_start(obj_end, m.start - 1)) : m.start]  # 总代价包括：N现金+…
                if m.start - obj_end <= 2 or self.r.price_after.search(lead_in) or _PRICE_NAMED_AFTER.match(self.text, m.end):
                    return m.money  # …,公司给出了5.24亿美元的交易价格: the price word after the amount
                if m.start - obj_end > 60:
                    break
        return NO_MONEY

    def _deal_verb_matches(self, sentence: str) -> list[regex.Match[str]]:
        matches = list(self.r.deal_verb.finditer(sentence)) if rules.may_match(self.r.deal_verb, sentence) else []
        if self._written_forms_here:
            matches = sorted(matches + list(self.r.written_verb.finditer(sentence)), key=lambda m: m.start())
        return matches

    def _written_merger(self, start: int, end: int, form: str) -> bool:
        """Whether the raw text writes the verb at start:end as `form`, standing alone: 併 between
        two names, not in 合併, 兼併, 併購 (read as 并购 already), 併入 or 併表."""
        mapped = self.ctx.mapped
        if mapped is None or mapped.raw[mapped.to_raw(start) : mapped.to_raw(end - 1) + 1] != form:
            return False
        return self.text[start - 1 : start] not in _MERGER_BEFORE and self.text[end : end + 1] not in _MERGER_AFTER

    def _deal_verbs(self, sentence: str, s_start: int, s_end: int, taken: list[_Deal], acquisitions_only: bool = False) -> list[_Deal]:
        deals = []
        for m in self._deal_verb_matches(sentence):
            verb = self.r.verbs[m["verb"]]
            at = s_start + m.start("verb")
            if self.register.name_ends_at(at, s_start + m.end("verb")):
                continue  # 特华投资累计质押…: the verb ends a company's name
            if verb.written_as is not None and not self._written_merger(at, s_start + m.end("verb"), verb.written_as):
                continue
            if any(d.start <= at < d.end for d in taken) or (acquisitions_only and verb.deal_type != "acquisition"):
                continue
            clause_end = self._clause_end(at, s_end)
            clause_start = self._clause_start(s_start, at)
            if verb.deal_type == "acquisition":
                # 募集资金拟用于收购X: what the proceeds are for is a deal, the proceeds are not
                used_for = self.text.rfind("用于", clause_start, at)
                raised = _PROCEEDS_BEFORE.search(self.text, clause_start, at)  # 公司募集资金收购了X
                clause_start = used_for if used_for >= 0 else raised.end() if raised else clause_start
            if self.not_deal(clause_start, clause_end):
                continue
            if self.r.investor_list.search(self.text, clause_start, at):
                continue  # 投资方包括ZPF中关村并购母基金、高盛…: a verb inside a listed investor's name
            if _NAMED_AS_EXAMPLE.match(self.text, s_start + m.end("verb")):
                continue  # 有交银投资为代表的国有金融机构: the verb ends an investor's name
            if _TAKES_ON.match(self.text, s_start + m.end("verb")):
                continue  # 这次收购不仅将创始人…及其核心团队纳入麾下: what the deal did, not what it bought
            objects, has_stake, obj_end = self._objects(s_start + m.end("verb"), s_end)
            objects, obj_end = self._more_stakes(objects, has_stake, obj_end, s_end)
            subject: tuple[CompanyName | None, int] | None = None  # read once, when first needed
            if (not objects and has_stake and verb.strength == "weak"
                    and self.text[s_start + m.end("verb") : obj_end].strip(" 了") in ("", *self.r_anaphora)):
                # 再次增持0.97%股权, 增持公司股份: the stake is in the company the article is about
                # (投资港股通标的股票 names what it buys; in 持有广盈投资63.75%股份 投资 ends a name)
                implicit = self.register.last_before(at)
                subject = self.subject(s_start, at)
                if implicit and subject[0] is not None and not subject[0].generic:  # 累计净增持68.0万股: order flow, no buyer
                    objects = [(CompanyName("公司"), s_start + m.end("verb"), obj_end)]
            if ((not objects or (len(objects) == 1 and objects[0][0].generic)) and _PLURAL_OBJECT.search(self.text, s_start + m.end("verb"), obj_end)
                    and (named := self._named_in_list_after(obj_end, s_end))):
                # 腾讯今年投资了多家外国游戏工作室，包括…育碧和…FromSoftware: the class, then its members
                objects, obj_end = named, named[-1][2]
            if not objects and verb.strength == "strong" and (counted := _COUNTED_CLASS.match(self.text, s_start + m.end("verb"), s_end)):
                # 苹果累计收购了21家人工智能初创企业: a count of deals by one buyer, an aggregate
                buyer, b_start = self.subject(s_start, at)
                if (buyer is not None and not buyer.generic and not is_anaphor(buyer.name)
                        and not _TIME_LEAD.match(buyer.name)
                        and (self.evidenced(buyer.name) or self.investor_like(buyer.name) or is_well_known(buyer.name) or self.text.count(buyer.name) >= 2)
                        and (count := parse_number(counted["n"])) and count >= 2):
                    deals.append(_Deal(b_start, counted.end(), "aggregate", None, [self.register.canonical(buyer.name) or buyer.name],
                                       None, NO_MONEY, company_count=int(count)))
                continue
            if not objects:
                continue
            # Investing in 资产 or 业务 is no stake in a company; shares and equity are.
            share_stake = bool(_SHARE_SIGN.search(self.text, max(objects[-1][2], obj_end - 12), obj_end + 6))
            buyer, b_start = subject if subject is not None else self.subject(s_start, at)
            if buyer is not None and buyer.generic and is_anaphor(buyer.name):
                pass  # 公司拟以…收购: the company the article is about, resolved below
            elif buyer is not None and (buyer.generic or buyer.name in (o.name for o, _, _ in objects)):
                buyer = None if buyer.generic else buyer
            listed = _names(self.text[clause_start:at]) if ((buyer is None or buyer.generic) and verb.deal_type == "investment"
                                                             and _LIST_ENDS_ETC.search(self.text, clause_start, at)) else []
            listed = listed if len(listed) >= 2 else []
            if listed:  # 红杉中国、高瓴等机构投资了X: each of those listed
                buyer, b_start = CompanyName("、".join(listed)), clause_start
            if buyer is None and verb.deal_type == "investment" and _CLASS_OF_INVESTORS.search(self.text, clause_start, at):
                continue  # 放宽境外机构入股…公司的准入条件: what a class of investors may do, no deal
            # 公司拟…购买Y: with no company noted before, the one the article is about buys
            buyer_name = self.register.resolve(buyer, b_start, or_topic=verb.deal_type == "acquisition") if buyer is not None else None
            if buyer_name is None and verb.deal_type == "investment" and (described := self._investor_after_de(objects)) is not None:
                # 曾投资OpenAI、Databricks和SpaceX的Coatue: the investor the list describes
                objects, buyer_name = described
            named_after = None
            if buyer_name is None and _MEANS_OPEN.match(self.text, clause_start, at):
                buyer_name = named_after = self._means_subject(obj_end, s_end)
            if buyer_name is None and verb.deal_type == "acquisition":
                buyer_name = named_after = self._buyer_after(clause_start, obj_end, s_end)
            if buyer_name is None and verb.deal_type == "acquisition":
                # 个股异动聚焦拟收购帝人汽车技术100%股权，威奥股份涨停: the stock the news moved buys
                mover = _MOVER_AFTER.match(self.text, self._clause_end(obj_end, s_end), s_end)
                named = company_name(mover["name"]) if mover else None
                if named is not None and not named.generic:
                    buyer_name = named_after = self.register.canonical(named.name) or named.name
            if buyer_name is None and verb.deal_type == "acquisition":
                # 今年来，17亿美元收购展讯，9亿美元收购锐迪科…; 仅次于2014年以30亿美元收购Beats: a
                # price and no subject, in an article about one buyer, is that buyer's
                priced = self.money_in(clause_start, at)
                leftover = self.text[clause_start:at]
                for sp in reversed(priced):
                    leftover = leftover[: sp.start - clause_start] + leftover[sp.end - clause_start :]
                if priced and _PRICE_ONLY_LEAD.fullmatch(leftover):
                    buyer_name = named_after = self.topic_before(at)
            buyer_like = named_after is not None or self.investor_like(buyer_name)
            if buyer_name and any(o.name == "后者" for o, _, _ in objects):
                # 华为与星核智能签署协议，将以5亿元收购后者全部股权: the latter is the other party
                other = self._other_party(s_start, at, buyer_name)
                objects = [((other if other is not None and o.name == "后者" else o), a, b) for o, a, b in objects]
            each = self._respective_prices(obj_end, s_end, len(objects)) if len(objects) > 1 else []
            # 拟3.52亿元收购A 100%股权及B 70%股权: one price for the whole list, given to each deal
            # (as labels do); not where a figure stands inside the list (…收购A以及C 180亿元收购B:
            # two deals run together)
            one_price = len(objects) == 1 or (not each and not self.money_in(objects[0][1], objects[-1][2]))
            price = self._price(s_start, s_end, at, obj_end, buys_whole=verb.deal_type == "acquisition") if one_price else NO_MONEY
            def known_company(name: str) -> bool:
                if is_anaphor(name):  # 增持公司股份: the company the article is about
                    return self.register.last_before(at) is not None
                # 收购石家庄华燕: what a strong acquisition verb takes, written place + name
                return self.evidenced(name) or (verb.deal_type == "acquisition" and verb.strength == "strong" and place_named(name))

            known_share = sum(known_company(o.name) for o, _, _ in objects) / len(objects)
            if len(objects) > 1 and _LIST_OF_COMPANIES_END.match(self.text, objects[-1][2]) and not any(o.name in self.r.industries for o, _, _ in objects):
                known_share = 1.0  # 投资了优酷、爱奇艺、安居客等公司: the list says what they are
            elif len(objects) >= 3 and known_share > 0 and self.text.startswith("等", objects[-1][2]):
                known_share = max(known_share, 0.5)  # 先后投资过去哪儿网、爱奇艺、安居客等: one known, the rest alike
            # (通过并购绕过…: a means; 此次併購能對EUV…有所提升: the deal as a noun, what it does after)
            means = self.text.endswith(("通过", "借助", "借由", "依靠", "凭借", "此次", "这次", "本次", "该次", "此项", "该项", "这笔", "此笔"), clause_start, at)
            kept = []
            for obj, o_start, o_end in objects:
                if _FUND_TARGET.search(obj.name) or obj.name in self.r.industries:
                    continue  # 参投KKR基金: a fund's partnership interest, not a company (收购了证券、银行: kinds of company)
                known = known_company(obj.name) or (len(objects) > 1 and known_share >= 0.5)
                # 阿里云领投了零一万物, 阿里参投了百川智能A轮: who leads or joins does so in a company's round
                known = known or m["verb"] in _LEADS or _ROUND_WRITTEN_AFTER.match(self.text, o_end) is not None
                # 以投前200亿元估值领投智谱: whoever is valued so is a company
                known = known or (verb.deal_type == "investment" and _VALUED_AT_BEFORE.search(self.text, clause_start, at) is not None)
                if not known and not (has_stake and share_stake) \
                        and self.r.not_target_end.search(obj.name):
                    continue  # 投资氢能源技术: a technology; but 收购帝人汽车技术100%股权: only companies have shares
                stake = has_stake and (verb.deal_type == "acquisition" or share_stake)
                if verb.strength == "known":
                    # 一口气投了A、B等多家芯片企业: only companies shown to be so, by a buyer named in
                    # the clause (…持有OpenAI的早期股份，后来投了xAI: the clause before is no buyer's name)
                    ok = known and buyer is not None and b_start >= clause_start
                elif verb.strength == "stake":
                    ok = stake and share_stake  # 取得X 51%股权: only shares make it a deal
                elif verb.strength == "investor":
                    ok = bool(buyer_name and self.r.investor_suffix.search(buyer_name)) and known
                elif verb.strength == "weak":
                    # 以4.39亿元购买麦克韦尔50.1%的股权: a stake bought at a price is a deal
                    # and 购买X51%股权 is one whoever buys it (only companies have 股权)
                    # A giant known by name alone is no evidence here: 增持特斯拉，建仓英伟达 is a
                    # fund's trade in listed shares.
                    known_here = known and not is_well_known(obj.name)
                    ok = (stake and (buyer_like or known_here or price.amount is not None)) or (buyer_like and known_here)
                    ok = ok or (stake and share_stake and verb.deal_type == "acquisition")
                    # 九鼎投资斥资2.13亿元拿下南京神源生: a company bought whole, at a price, by an investor
                    ok = ok or (verb.deal_type == "acquisition" and price.amount is not None and buyer_like
                                and (place_named(obj.name) or looks_like_company(obj.name)))
                else:  # strong: 投资/收购 of a known company, at a price, or of a stake
                    # (通过并购绕过漫长审批期: the verb as a means, what follows is what it achieves)
                    ok = price.amount is not None or stake or known or (buyer_like and verb.deal_type == "acquisition" and not means)
                    ok = ok or (buyer is not None and _in_quotes(self.text, o_start, o_end) and not is_field_name(obj.name))
                if ok:
                    kept.append((obj, o_start, o_end))
            deal_type = verb.deal_type
            held = self.text[s_start + m.end("verb") : obj_end]
            round_after = None
            if m["verb"].rstrip("了") in self.r.joined_verbs and len(kept) == 1:
                # 商汤领投影谱科技13.6亿元D轮融资: the investor leads the company's round
                after = next((sp.end for sp in self.money if obj_end <= sp.start <= obj_end + 1), obj_end)
                round_after = _ROUND_NOUN_AFTER.match(self.text, after)
                if round_after and not round_after["round"]:
                    round_after = None
            if deal_type == "acquisition" and len(objects) == 1 and (
                    self._minority_stake(obj_end, s_end) or _SHARE_COUNT_LEAD.match(self.text, s_start + m.end("verb"))
                    # 购入Lucid的2.657亿股: a count of shares, no control told (…的3660万股票，以90%以上的持股成为控股股东 tells it)
                    or (_SHARE_COUNT_AFTER.match(self.text, obj_end) and not regex.search(r"控股|控制|全资|%", self.text[obj_end:s_end]))
                    # 收购了老虎环球所持的Flipkart股份: another holder's shares, no control told
                    or (self.r.owner.search(held) and not regex.search(r"\d+(?:\.\d+)?%|全部|所有|控股|控制", held + self.text[obj_end : obj_end + 8])
                        and regex.search(r"(?:股份|股票)$", held.rstrip()))):
                # Exor以26亿欧元购买了飞利浦15%的股份, 购买了1000万股传奇生物普通股: shares, not control
                deal_type = "investment"
            if (deal_type == "investment" and len(objects) == 1 and not _TRADE_VERB.match(m["verb"]) and not m["verb"].startswith(("共同", "联合"))
                    and not self.text.startswith(("共同", "联合"), s_start + m.start("verb") - 2) and self._majority_stake(obj_end, s_end)):
                deal_type = "acquisition"  # 以1.14亿元认购雅座63.83%股权: control bought
            investors = listed or ([buyer_name] if buyer_name else [])
            if buyer_name and not listed and (parent := self._parent_of(buyer_name, s_start, at)) is not None:
                investors.append(parent)  # 昆仑万维宣布，控股子公司Star Group拟…收购: the group buys, through it
            if deal_type == "investment" and buyer_name and not listed and (_LIST_AND.search(buyer_name) or "、" in buyer_name):
                # 英伟达与Benchmark共投MindsDB, 杭实集团、杭钢集团共同投资了…: each investor named
                parts = [company_name(p) for p in split_list(buyer_name)]
                # (a list with 、 must read as companies each: 负责企业服务、云端运算、机器人 is fields;
                # before 联合领投 or 共同投资 it is a list of investors: 红杉中国、高瓴创投联合领投X)
                jointly = (m["verb"].startswith(("共同", "联合")) or self.text.startswith(("共同", "联合"), at - 2)
                           or m["verb"].rstrip("了") in self.r.joined_verbs)
                if len(parts) > 1 and all(p is not None and not p.generic and (_LIST_AND.search(buyer_name) or looks_like_company(p.name)
                                                                               or self.evidenced(p.name) or self.investor_like(p.name)
                                                                               or (jointly and not is_field_name(p.name))) for p in parts):
                    investors = [self.register.canonical(p.name) or p.name for p in parts if p is not None]
            # 种子轮4650万美金，英伟达与Benchmark共投AI初创企业MindsDB: a round-up's item, round and amount first
            strategic = m["verb"].startswith("战略") or self.text.endswith(("战略", "策略"), clause_start, at)
            headline = _ROUND_AMOUNT_FIRST.match(self.text, s_start, at) if deal_type == "investment" else None
            headline_money = self.money_in(headline.start("amount"), headline.end("amount")) if headline else []
            for obj, o_start, o_end in kept:
                start = b_start if buyer is not None else at
                money = each[[o for o, _, _ in objects].index(obj)] if each else price
                if headline and len(kept) == 1:
                    deals.append(_Deal(s_start, max(obj_end, o_end), "funding", obj, investors, normalise_round(headline["round"]),
                                       headline_money[0].money if headline_money else money))
                    continue
                if round_after is not None:
                    deals.append(_Deal(start, round_after.end(), "funding", obj, investors, normalise_round(round_after["round"]), money))
                    continue
                written = _ROUND_WRITTEN_AFTER.match(self.text, o_end) if deal_type == "investment" else None
                round_ = normalise_round(written["round"]) if written else None
                if round_ is None and deal_type == "investment" and strategic:
                    round_ = "strategic"  # 斥资26.35亿元战略入股天华新能: a strategic investment is its strategic round
                deals.append(_Deal(start, max(obj_end, o_end, written.end() if written else 0), deal_type, obj, investors, round_, money))
        return deals

    def _investor_after_de(self, objects: list[tuple[CompanyName, int, int]]) -> tuple[list[tuple[CompanyName, int, int]], str] | None:
        """The objects of 投资 when the last of them is written 'X的Y' and Y is an investor by
        name (资本, 基金, a Latin name …): Y invested in the rest and in X."""
        if not objects:
            return None
        _, o_start, o_end = objects[-1]
        head, de, tail = self.text[o_start:o_end].rpartition("的")
        if not de:
            return None
        head_name, tail_name = company_name(head), company_name(tail)
        if head_name is None or tail_name is None or head_name.generic or tail_name.generic:
            return None
        if not (self.r.investor_suffix.search(tail_name.name) or _LATIN_WORDS.fullmatch(tail_name.name)):
            return None
        return [*objects[:-1], (head_name, o_start, o_start + len(head))], tail_name.name

    def _named_in_list_after(self, obj_end: int, s_end: int) -> list[tuple[CompanyName, int, int]]:
        """The companies a 包括/例如 list right after a class of companies names (_listed_companies)."""
        m = _MEMBERS_AFTER.match(self.text, obj_end, s_end)
        return [(CompanyName(n), m.start("list"), m.end("list")) for n in self._listed_companies(m["list"])] if m else []

    def _listed_companies(self, text: str, shown: bool = False) -> list[str]:
        """The names a list (A、B和C等…) gives, when there are two or more and at least half of them
        are shown to be companies (as for a deal verb's list of objects), or the list `shown` to
        be of companies (…等知名企业); else none."""
        # (包括大模型公司A、B，视频生成公司C、D: groups of a list parted by commas)
        names = [n for n in _names(text.replace("，", "、").replace(",", "、")) if not self.r.not_target_end.search(n) and not is_field_name(n)]
        if len(names) < 2 or (not shown and sum(self.evidenced(n) for n in names) * 2 < len(names)):
            return []
        return names

    def _semicolon_part(self, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
        """The part of the sentence between the semicolons around `pos`."""
        before = max(self.text.rfind("；", s_start, pos), self.text.rfind(";", s_start, pos))
        after = _SEMICOLON.search(self.text, pos, s_end)
        return (before + 1 if before >= 0 else s_start), (after.start() if after else s_end)

    def role_owner_before(self, pos: int) -> str | None:
        """The company whose founder or chief the sentence names before `pos` (月之暗面创始人杨植麟
        在全员信中…：公司完成…): what 公司 stands for where nothing was noted before it."""
        s_start = self.ctx.sentences.covering(pos, pos + 1)[0]
        found = None
        for m in _ROLE_OF.finditer(self.text, s_start, pos):
            company = company_name(m["co"])
            if company is not None and not company.generic and not is_anaphor(company.name):
                found = company.name
        return found

    def _going_on(self, s_start: int, verb_at: int) -> tuple[CompanyName | None, int]:
        """…领本 AI 已服务全国…学校。并于近日宣布完成…融资: a sentence that opens with 并 goes on
        with the sentence before, whose opening company raised."""
        if not _GOES_ON.fullmatch(self.text, s_start, verb_at) or s_start < 2:
            return None, verb_at
        before_start = self.ctx.sentences.covering(s_start - 1, s_start)[0]
        for clause in _CLAUSE.finditer(self.text, before_start, s_start):  # (截至目前，领本 AI 已服务…)
            if clause.start() > before_start and clause.start() - before_start > 12:
                break  # the subject opens the sentence, or follows a short lead-in
            topic = self._clause_topic(clause.group(0))
            if topic is not None:
                return topic, s_start
        return None, verb_at

    def _raised_again(self, s_start: int, verb_at: int, told: list[_Deal]) -> tuple[CompanyName | None, int]:
        """…获得了1.05亿欧元的种子融资；同年12月，又获得了3.85亿欧元的A轮融资: a raise told with 又/再
        and no subject is the next round of the company whose round was told just before."""
        clause = self._clause_start(s_start, verb_at)
        if not _AGAIN_LEAD.fullmatch(self.text, clause, verb_at):
            # …由A领投。2024年2月，完成约6.75亿美元B轮融资: a date alone before it, in a company's history
            dated = clause == verb_at and clause - 1 > s_start and _DATE_ONLY.fullmatch(self.text, self._clause_start(s_start, clause - 1), clause - 1)
            if not dated:
                return None, verb_at
            clause = self._clause_start(s_start, clause - 1)
        last = next((d for d in reversed([*self.earlier, *told]) if d.deal_type == "funding" and d.company is not None), None)
        if last is None or not 0 <= clause - last.end <= 120 or last.company.generic:
            return None, verb_at
        return CompanyName(last.company.name), clause

    def _listed_raisers(self, start: int, verb_at: int) -> list[str]:
        """The companies a list before a raising verb names (微分智飞、动易科技、宇石空间等都在今年5月
        前后宣布了…), when the clause before the verb is that list alone, with its adverbs."""
        if self.text.find("、", start, verb_at) < 0:
            return []  # (the common case, before the costlier cleaning below)
        phrase = _RAISERS_LEAD.sub("", _RAISERS_ADVERBS.sub("", self.text[start:verb_at]))  # (就有A、B、C等多家企业宣布…)
        if "、" not in phrase:
            return []
        names = _names(phrase)
        # (…以及海洋工程承包商和装备制造商惠生重工: a trade alone describes the name after it)
        parts = [p for p in split_list(_ENUM_TAIL.sub("", regex.sub(r"等\S*$", "", phrase.strip()))) if not is_trade(p)]
        if len(names) < 2 or len(names) != len(parts):
            return []  # every item must be a name (not 投资人、创业者等)
        if any(is_field_name(n) or _INVESTOR_KIND.search(n) for n in names):
            return []
        return names

    def _nominal_targets(self, obj: str) -> list[str]:
        """对PPS、91无线、糯米网的并购: the names of a list bought, each; a list with a tail (对游戏、
        音乐等内容的收购) or of fields names no companies, unless half are shown to be companies."""
        parts = split_list(obj)
        names = _names(obj)
        if (len(names) < 2 or len(names) != len(parts) or ("等" in obj and not _LIST_OF_COMPANIES_END.search(obj))
                or any(is_field_name(n) or self.r.not_target_end.search(n) or n in self.r.industries for n in names)
                or not any(self.evidenced(n) or regex.search(r"[A-Za-z\d]", n) for n in names)):
            return self._listed_companies(obj)
        return names

    def _verb_before(self, obj_end: int, floor: int) -> int:
        """Where the last deal verb before `obj_end` starts (floor when there is none)."""
        last = floor
        for m in self.r.deal_verb.finditer(self.text, floor, obj_end):
            last = m.start("verb")
        return last

    def _raiser_after(self, s_start: int, verb_at: int, end: int, s_end: int) -> tuple[CompanyName | None, int]:
        """自从去年8月完成超过10亿元的B轮融资以来，享道出行加快了…: a time clause about the round,
        then its company as the subject of the clause after it."""
        clause_start = self._clause_start(s_start, verb_at)
        when = self._when_clause(clause_start, end, s_end)
        if when is None or when[1] >= s_end:
            return None, verb_at
        after = when[1] + 1
        gap = _TIME_GAP.match(self.text, after, s_end)
        if gap is not None:
            after = gap.end()  # 继去年8月完成B轮…融资后，时隔半年，沪上阿姨又宣布…: a lapse of time between
        m = _RAISER_NEXT.match(self.text, after, s_end)
        if not m or any(dot in m["name"] for dot in "·•"):
            return None, verb_at  # a person
        company = company_name(m["name"])
        if company is None or company.generic:
            return None, verb_at
        return company, clause_start

    def _when_clause(self, clause_start: int, end: int, s_end: int, before: bool = False) -> tuple[regex.Match[str], int, bool] | None:
        """在…后 / 自从…以来 (and, `before`, 在…之前): whether the clause from `clause_start` is a
        time clause closing after `end`; its opening, where the clause ends, and whether it tells
        what came before."""
        opening = _WHEN_CLAUSE_OPEN.match(self.text, clause_start)
        if not opening:
            return None
        clause_end = self._clause_end(end, s_end)
        close = _WHEN_CLAUSE_CLOSE.search(self.text, max(clause_start, end - 2), clause_end)  # the object may hold 之前
        if not close or (close["before"] and not before):
            return None
        return opening, clause_end, bool(close["before"])

    def _means_subject(self, obj_end: int, s_end: int) -> str | None:
        """通过投资OpenAI迅速绑定与前者的合作，…，微软今年以来…: a deal told as the means opens
        the sentence; who did it is the first later clause's subject the document knows as a company."""
        end = self._clause_end(obj_end, s_end)
        for _ in range(3):
            if end >= s_end:
                return None
            start, end = end + 1, self._clause_end(end + 1, s_end)
            clause = self.text[start:end]
            m = _MEANS_SUBJECT.match(clause)
            name = m["name"].strip() if m else clause_opening_name(clause)
            if name:
                company = company_name(name)
                if company is None or company.generic or is_place(company.name):
                    return None  # the next subject is no company: the deal is told without its maker
                if is_anaphor(company.name):
                    return self.register.resolve(company, start, or_topic=True)
                return self.register.canonical(company.name) or company.name
        return None

    def _buyer_after(self, clause_start: int, obj_end: int, s_end: int) -> str | None:
        """在收购推特近一年后，埃隆·马斯克做出了…: a time clause about the deal, then its buyer as
        the subject of the clause after it."""
        when = self._when_clause(clause_start, obj_end, s_end, before=True)
        if when is None:
            return None
        opening, clause_end, before_deal = when
        inside = _ADVERBIAL_ONLY.sub("", _strip_manner(self.text[opening.end() : self._verb_before(obj_end, opening.end())]))
        if inside:  # 在马斯克于2022年10月收购推特后, 在2016年软银以320亿美元收购ARM之前: the buyer inside
            named = self._named_buyer(inside)
            if named is not None:
                return named
        if clause_end >= s_end or before_deal:
            return None  # 在…收购ARM之前，ARM一直…: what came before the deal has another subject
        if _PERSON_PRONOUN.match(self.text, clause_end + 1, s_end):
            # 在耗资440亿美元收购推特约六个月后，他把…: 他 is the person last quoted before
            for spoke in reversed(list(_SPEAKER_BEFORE.finditer(self.text, max(0, clause_start - 300), clause_start))):
                name = spoke["name"]
                if not (is_anaphor(name) or _NOT_A_PERSON.search(name) or company_name(name) is None):
                    return name
            return None
        m = _NEXT_SUBJECT.match(self.text, clause_end + 1, s_end)
        if not m:
            return None
        if any(dot in m["name"] for dot in "·•"):
            return m["name"]  # a person, written with a dot
        if is_anaphor(m["name"]):  # 在收购Swarm Technologies时，公司给出了…: the company named before
            return self.register.resolve(CompanyName(m["name"]), clause_end, or_topic=True)
        return self._named_buyer(m["name"])

    def _named_buyer(self, phrase: str) -> str | None:
        """The company a phrase names outright: not a class of companies, not 该公司, not a place."""
        company = company_name(phrase)
        if company is None or company.generic or is_anaphor(company.name) or is_place(company.name):
            return None
        return self.register.canonical(company.name) or company.name

    def _resolved(self, name: CompanyName, at: int, or_topic: bool = False) -> CompanyName | None:
        """该公司, 其 … as the company the register resolves them to before `at`; None if none."""
        resolved = self.register.resolve(name, at, or_topic=or_topic)
        return CompanyName(resolved) if resolved else None

    def _stake_after(self, obj_end: int, s_end: int) -> tuple[str, list[float]]:
        """The stake written after the object (15%的股份, 少数股权) and the shares it states."""
        stake = self.r.object_end.match(self.text, obj_end, s_end)
        written = stake.group(0) if stake else ""
        return written, [float(p) for p in _PERCENT.findall(written)]

    def _majority_stake(self, obj_end: int, s_end: int) -> bool:
        """The stake after the object is a stated share above half (63.83%股权)."""
        _, shares = self._stake_after(obj_end, s_end)
        return bool(shares) and max(shares) > 50

    def _minority_stake(self, obj_end: int, s_end: int) -> bool:
        """The stake after the object is a stated share below half (15%的股份, 少数股权)."""
        written, shares = self._stake_after(obj_end, s_end)
        return (bool(shares) and max(shares) < 50) or "少数" in written or "部分" in written

    def _respective_prices(self, obj_end: int, s_end: int, count: int) -> list[Money]:
        """收购A85.53%股权、B42.27%股权以及C79.93%股权,…交易对价分别为130.23亿元、2.34亿元和2.55亿元:
        one price per object, in order, when 分别 lists exactly as many."""
        cue = _RESPECTIVELY.search(self.text, obj_end, min(s_end, obj_end + 80))
        if not cue or regex.search("[；;。]", self.text[obj_end : cue.start()]):
            return []
        spans = []
        for m in self.money:
            if m.start < cue.end():
                continue
            gap = self.text[spans[-1].end if spans else cue.end() : m.start]
            if len(gap) > 3 or regex.search(r"[；;。]", gap):
                break
            spans.append(m)
        return [m.money for m in spans] if len(spans) == count else []


def _magnitude(mid: str, when: date | None, plain_yuan: str = "CNY") -> tuple[Money, int, int] | None:
    """千万级, 亿元级, 数千万, 近亿, a bare 亿元 (获得A轮亿元融资) before a round with no currency written: an order of magnitude
    in yuan, as the money extractor reads 数千万元 (a range) or 近亿元."""
    m = _MAGNITUDE.search(mid)
    if m is None:
        return None
    if m["figure"]:
        written, at, until = m["figure"] + "元", m.start("figure"), m.end("figure")
    else:
        written = f"数{m['unit']}元" if m["level"] else f"{m['lead']}{m['unit']}元"
        at, until = (m.start("level"), m.end("level")) if m["level"] else (m.start("lead"), m.end("unit"))
    money = read_as_yuan(written, mid[at:until], when, plain_yuan)
    return (money, at, until) if money is not None else None


def _round_followups(reader: _SentenceReader, ctx: DocContext, deals: list[_Deal]) -> None:
    """本次融资由A领投，B跟投 / 本轮融资…其中包括A、B / 现有投资者A参与了本轮融资: a sentence about
    'this round', telling no deal of its own, names the investors of the round told in the six
    sentences before it, when that round names none."""
    sentences = list(ctx.sentences)
    for i, (s_start, s_end) in enumerate(sentences):
        # 其他投资者包括…, right after the round: more investors, even where it names some
        more = _MORE_INVESTORS.match(ctx.text, s_start, min(s_end, s_start + 12)) is not None
        owned = _COMPANY_INVESTORS.match(ctx.text, s_start, min(s_end, s_start + 40))
        followup = _ROUND_FOLLOWUP.match(ctx.text, s_start, s_end)
        if not (more or owned or followup or _JOINED_THIS_ROUND.search(ctx.text, s_start, s_end)):
            continue
        if any(s_start <= d.start < s_end for d in deals):
            continue  # the sentence tells a deal of its own
        named = company_name(followup["who"]) if followup is not None and followup["who"] else None
        if followup is not None and followup["who"] and (named is None or named.generic or is_anaphor(named.name)):
            named = None
            if not is_anaphor(followup["who"].strip()):
                continue  # 据悉本轮融资… is caught without a name; a phrase that is no name is no follow-up
        # the round told within the last few sentences; a round named by its company, anywhere before
        window_start = sentences[max(0, i - (1 if more else 30 if named else 6))][0]
        before = [d for d in deals if window_start <= d.start < s_start and d.deal_type in ("funding", "investment")]
        if named is not None:
            owner = reader.register.resolve(named, s_start)
            before = [d for d in before if d.company is not None and reader.register.resolve(d.company, d.start) == owner]
        if owned:
            # 该公司的一长串投资者名单包括A、B: the investors of that company's round told just before
            who = company_name(owned["who"])
            if who is None or who.generic:
                before = []
            elif not is_anaphor(who.name):  # 该公司的投资者: the company of the round just told
                owner = reader.register.resolve(who, s_start)
                before = [d for d in before if d.company is not None and reader.register.resolve(d.company, d.start) == owner]
        if not before or (before[-1].investors and not more and not before[-1].joined_by):
            continue
        investors = reader.investors(s_start, s_end)
        listed = _INCLUDES.search(ctx.text, s_start, s_end) if not investors else None
        if listed:
            # 本轮融资吸引了…巨头…及多个…基金，包括阿里巴巴、红杉中国、上汽投资…: a sentence about
            # the round lists who joined it, when the names read as investors
            names = _names(listed["list"])
            if len(names) >= 2 and sum(bool(reader.r.investor_suffix.search(n) or is_well_known(n)) for n in names) * 2 >= len(names):
                investors = names
        deal = before[-1]
        deal.investors = list(dict.fromkeys(
            [*deal.investors, *(i for i in investors if deal.company is None or i != deal.company.name)]))


def _price_followups(ctx: DocContext, money: list[MoneySpan], deals: list[_Deal]) -> None:
    """…完成对易安财险的收购。此次收购的金额高达36亿元。: a sentence giving 'this deal's' price gives it
    to the acquisition or investment told in the sentence before, when that one has none."""
    sentences = list(ctx.sentences)
    for i, (s_start, s_end) in enumerate(sentences):
        if i == 0 or not _DEAL_PRICE_MARK.search(ctx.text, s_start, s_end):
            continue
        # at the sentence's start or a clause's (苹果尚未披露交易条款，据…报道，此次收购价值近20亿美元)
        opens = [s_start, *(s_start + m.end() for m in _COMMA.finditer(ctx.text[s_start:s_end]))]
        told = next((t for at in opens if (t := _DEAL_PRICE_FOLLOWUP.match(ctx.text, at, s_end))), None)
        if told is None or any(s_start <= d.start < s_end for d in deals):
            continue
        # (the amount's own qualifier, 不超过164亿元, may be read as part of the lead-in)
        price = next((m for m in money if told.start() <= m.start <= told.end() + 2 and m.end > told.end()), None)
        before = [d for d in deals if sentences[i - 1][0] <= d.start < s_start and d.deal_type in ("acquisition", "investment")]
        if price is None or len({d.company.name for d in before if d.company}) != 1:
            continue  # one deal told just before, or none of them gets it
        for deal in before:
            if deal.money.amount is None:
                deal.money = price.money


# 亿鼎公司60%股权的收购价格为人民幣95,012.39万元: the price of a named company's stake, told apart
_STAKE_PRICE = regex.compile(
    r"(?:^|(?<=[，,。；;：:\s即]))(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,15}?)(?:\s*\d+(?:\.\d+)?%)?的?(?:股权|股份)的?(?:收购|转让|交易)?(?:价格|对价|作价|价款)"
    r"(?:为|是|约为|合计|共计)(?:人民币)?\s*")
_STAKE_PRICE_LEAD = regex.compile(r"^(?:即|其中|而)")


def _stake_prices(ctx: DocContext, money: list[MoneySpan], deals: list[_Deal]) -> None:
    """A price told for a named company's stake gives it to the acquisition of that company the
    document told before, when that one has none (收购…亿鼎公司60%股权 …；即亿鼎公司60%股权的收购价格为…)."""
    if "价" not in ctx.text or ("股权的" not in ctx.text and "股份的" not in ctx.text):
        return  # (read only where a stake is written with 的, as in the tellings this was built from)
    for m in _STAKE_PRICE.finditer(ctx.text):
        price = next((sp for sp in money if m.end() - 3 <= sp.start <= m.end()), None)  # (人民币 read with the amount, or not)
        named = company_name(_STAKE_PRICE_LEAD.sub("", m["co"])) if price is not None else None
        if named is None or named.generic:
            continue
        core = name_core(named.name)
        bought = [d for d in deals if d.start < m.start() and d.deal_type == "acquisition" and d.company is not None
                  and name_core(d.company.name) == core and d.money.amount is None]
        if len({d.company.name for d in bought if d.company is not None}) == 1:  # (one company's tellings, merged later)
            for deal in bought:
                deal.money = price.money
                deal.end = max(deal.end, price.end)  # the evidence runs on to where the price is told


def _debt_amounts(ctx: DocContext, money: list[MoneySpan]) -> set[tuple[float, str]]:
    """Amounts the document calls debt (284亿美元的新债务承诺): the same figure elsewhere, in a
    headline's 融资284亿美元, is a loan, not a round."""
    out = set()
    for span in money:
        if span.money.amount is None or span.money.currency is None:
            continue
        after = ctx.text[span.end : span.end + 8]
        before = ctx.text[max(0, span.start - 8) : span.start]
        if _DEBT_WORDS.search(after) or _DEBT_WORDS.search(before):
            out.add((span.money.amount, span.money.currency))
    return out


def article_topic(ctx: DocContext, money: list[MoneySpan], register: CompanyRegister) -> Callable[[int], str | None]:
    """The company the article is about before a position (see _SentenceReader.topic_before),
    for CompanyRegister.topic."""
    return _SentenceReader(ctx, money, _rules(), register).topic_before


# 融资总额达120亿, 交易总额突破百亿, 金额数十亿, A轮突破10亿融资: a total, an amount or a round's
# figure written with 亿/万 and no currency word is the article's plain money (the money extractor, which knows no context, leaves it)
_BARE_TOTAL = regex.compile(
    r"(?:(?:总额|总金额|金额)(?:达到|达|为|共计|共|合计|累计|高达|仅|已)*|(?<=轮)(?=[^，,。；;]{1,12}融资))(?P<amount>(?:超过|超|逾|突破|近|约)?"
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3}|数十|数百|数千|几十|几百|数|几|百|千)[万亿]{1,2})"
    r"(?![\d万亿元块]|美|欧|港|日|英|韩|澳|加|人民币|新台币|台币|卢比|镑|法郎)")


def _bare_totals(ctx: DocContext, money: list[MoneySpan]) -> list[MoneySpan]:
    """The bare totals of the text (_BARE_TOTAL) that no money mention already covers."""
    if "金额" not in ctx.text and "总额" not in ctx.text and "轮" not in ctx.text:
        return []
    found = []
    for m in _BARE_TOTAL.finditer(ctx.text):
        if any(span.start < m.end("amount") and m.start("amount") < span.end for span in money):
            continue
        read = read_as_yuan(m["amount"] + "元", m["amount"], ctx.published_on, ctx.plain_yuan)
        if read is not None:
            found.append(MoneySpan(m.start("amount"), m.end("amount"), read))
    return found


def extract(ctx: DocContext, money: list[MoneySpan], dates: list[DateSpan], register: CompanyRegister) -> list[FundingRound]:
    r = _rules()
    bare = _bare_totals(ctx, money)
    if bare:
        money = sorted([*money, *bare], key=lambda span: span.start)
    reader = _SentenceReader(ctx, money, r, register)
    deals: list[_Deal] = []
    # Most sentences hold no deal word and no amount: one scan of the whole text finds those that
    # do, and only they are read (the others are only noted for the companies they name).
    cues = [m.start() for m in r.deal_cue.finditer(ctx.text, overlapped=True)] + [span.start for span in money]
    if reader._written_forms_here:  # 併 in the raw text: its verb is a cue (_deal_verb_matches reads it only then)
        cues += [m.start() for m in r.written_verb.finditer(ctx.text, overlapped=True)]
    # Only the sentences holding a cue (read) or a company mark (noted) are visited, in order: the
    # others would each cost two calls that do nothing.
    spans = ctx.sentences.spans
    cued = _sentences_holding(cues, spans)
    for i in sorted(cued | _sentences_holding(reader.mark_positions(), spans)):
        s_start, s_end = spans[i]
        if i in cued:
            deals.extend(reader.read(s_start, s_end))
        else:
            reader.note_companies(s_start, s_end)
    deals.sort(key=lambda d: d.start)
    if ((rules.may_match(_ROUND_FOLLOWUP_MARK, ctx.text) and _ROUND_FOLLOWUP_MARK.search(ctx.text))
            or _MORE_INVESTORS.search(ctx.text) or _COMPANY_INVESTORS_MARK.search(ctx.text)):
        _round_followups(reader, ctx, deals)
    if rules.may_match(_DEAL_PRICE_MARK, ctx.text) and _DEAL_PRICE_MARK.search(ctx.text):
        _price_followups(ctx, money, deals)
    _stake_prices(ctx, money, deals)
    # 腾讯参与了月之暗面最新一轮融资, 启明创投投资优必选A轮融资: told by who invested, with no amount,
    # the investor's investment; the round itself where its amount is told (参与智谱AI约4亿美元的新一轮
    # 募资) or the article tells the company raising it (a round of that name, or one of no name with
    # its amount: 完成了多轮融资 tells no round)
    raised: dict[str, set[str | None]] = {}  # company → the rounds the article tells it raising
    for d in deals:
        if d.company is not None and d.deal_type == "funding" and not d.by_investor and (d.round is not None or d.money.amount is not None):
            raised.setdefault(d.company.name, set()).add(d.round)
    for d in deals:
        if d.by_investor and d.company is not None and d.money.amount is None and not is_anaphor(d.company.name):
            rounds = raised.get(d.company.name)
            if rounds is None or not (d.round is None or d.round in rounds or None in rounds):
                d.deal_type = "investment"
    told_alone = {d.company.name for d in deals if d.company is not None and d.deal_type == "funding" and not d.summary}
    deals = [d for d in deals if not (d.summary and d.company is not None and d.company.name in told_alone)]
    debts = _debt_amounts(ctx, money) if _DEBT_WORDS.search(ctx.text) else set()
    if debts:
        deals = [d for d in deals if not (d.deal_type == "funding" and (d.money.amount, d.money.currency) in debts)]

    out: list[FundingRound] = []
    for deal in deals:
        company = None
        count = deal.company_count
        deal_type = deal.deal_type
        if deal.company is not None and deal.company.generic and deal.company.name in _ONE_UNNAMED:
            continue  # 向合营公司增资: one company the article does not name is no deal to report
        if deal.company is not None and r.not_object.match(deal.company.name) and not is_anaphor(deal.company.name):
            continue  # (股份收购): shares, a stake or money bought is no company
        if deal.company is not None and deal.company.generic:
            deal_type, count = "aggregate", deal.company.count
            if count is None and deal.money.amount is not None:
                # 德国在71笔交易中筹集了14亿英镑: the count of deals the total's own clause tells
                s_start = ctx.sentences.covering(deal.start, deal.start + 1)[0]
                counted = _DEAL_EVENTS_COUNTED.search(ctx.text, reader._clause_start(s_start, deal.start), deal.end)
                count = int(n) if counted and (n := parse_number(counted["n"].replace(",", ""))) else None
        elif deal.company is not None:
            # 如今公司完成新一轮融资, 软银以320亿美元收购了这家芯片公司: with nothing noted before,
            # the company the article is about (never the deal's own investor)
            company = register.resolve(deal.company, deal.start, or_topic=True)
            if company in deal.investors and is_anaphor(deal.company.name):
                company = None
            if company is None and is_anaphor(deal.company.name):
                company = reader.role_owner_before(deal.start)  # 月之暗面创始人杨植麟…：公司完成…
            if company is None:
                continue
            written = () if is_anaphor(deal.company.name) or deal.company.name == company else (deal.company.name,)
            company = register.add(deal.start, CompanyName(company, (*deal.company.aliases, *written)))
        if deal_type == "aggregate" and deal.money.amount is None and count is None:
            continue
        if deal_type == "investment" and not deal.investors:
            # …收购申联环保100%股权，拟作价…；以现金收购申能环保40%股权: the same buyer goes on
            # (the deal before it in the sentence, when this one's clause names nobody)
            s_from = ctx.sentences.covering(deal.start, deal.start + 1)[0]
            earlier = [d for d in deals if s_from <= d.start < deal.start and d.investors and d.deal_type in ("acquisition", "investment")]
            if earlier and _ELIDED_SUBJECT.match(ctx.text, reader._clause_start(s_from, deal.start)):
                deal.investors = list(earlier[-1].investors)
        if deal_type == "aggregate" and _LENDING.search(ctx.text, ctx.sentences.covering(deal.start, deal.start + 1)[0], deal.end):
            # 10家银行机构与26家企业签约…融资金额67.6亿元, 平台累计帮助企业获得融资906亿元: credit, not
            # investment (a loan told after it, …，27个项目累计获得贷款…, is another total)
            continue
        told = ctx.text[deal.start : deal.end]
        investors = [name for i in deal.investors if i and i != company
                     if not _NOT_AN_INVESTOR.search(name := as_written_whole(register.canonical(i) or as_written_alone(i, ctx.text), ctx.text, near=told))]
        if deal_type == "investment" and not investors and deal.money.amount is None \
                and (deal.investors or not _STAKE_TOLD.match(ctx.text, deal.end)):
            # 投资Reflection AI来看, 接连领投A、B (whose investor the sentence does not name), or an
            # investor that was no name (财务投资): an investment is someone's; with neither investor
            # nor amount it is a mention, not a fact — unless a stake was bought (收购X 30%股权)
            # (measured over the blind sets: no deal lost, ~40 false ones gone)
            continue
        announced, precision = date_near(ctx, deal.start, deal.end, dates)
        out.append(
            FundingRound(
                provenance=ctx.provenance(deal.start, deal.end, "funding"),
                deal_type=deal_type,  # type: ignore[arg-type]
                company=company,
                investors=tuple(dict.fromkeys(i for i in investors if not _NOT_AN_INVESTOR_NAME.search(i))),
                round=deal.round,
                money=deal.money,
                company_count=count,
                announced_on=announced,
                date_precision=precision,  # type: ignore[arg-type]
            )
        )
    return _merge_repeats(out, ctx.text)


def _merge_repeats(rounds: list[FundingRound], text: str = "") -> list[FundingRound]:
    """A deal told twice is one deal. 宠物家完成C2轮融资，本轮融资金额为2亿元 gives a round
    without an amount and an amount without a round: they merge. Then a telling without an
    amount is dropped where the same deal is told with one."""
    kept: list[FundingRound] = []
    # Where each kept deal is told: (start, evidence) of every telling merged into it
    tellings: list[list[tuple[int, str]]] = []
    for fr in rounds:
        read_twice = next((k for k in kept if fr.deal_type == "aggregate" and k.deal_type == "aggregate"
                           and (k.money.amount, k.money.currency) == (fr.money.amount, fr.money.currency)
                           and k.provenance.span_start < fr.provenance.span_end and fr.provenance.span_start < k.provenance.span_end), None)
        if read_twice is not None:
            # 60余个获奖项目累计获得融资金额近48亿元: one total, read by two rules (the one with the count kept)
            if read_twice.company_count is None and fr.company_count is not None:
                kept[kept.index(read_twice)] = read_twice.model_copy(update={"company_count": fr.company_count})
            continue
        counted_only = next((k for k in kept if fr.deal_type == "aggregate" and k.deal_type == "aggregate" and k.provenance.evidence == fr.provenance.evidence
                             and (k.money.amount is None) != (fr.money.amount is None) and (k.company_count is None) != (fr.company_count is None)), None)
        if counted_only is not None:
            # 就有25家新茶饮品牌获得了融资，整个赛道的融资总额达到了惊人的70亿元: the count and the sum of one total
            with_money = fr if fr.money.amount is not None else counted_only
            kept[kept.index(counted_only)] = with_money.model_copy(update={"company_count": counted_only.company_count or fr.company_count})
            continue
        same_total = next((k for k in kept if fr.deal_type == "aggregate" and fr.money.amount is not None and k.deal_type == "aggregate"
                           and (k.money.amount, k.money.currency, k.investors) == (fr.money.amount, fr.money.currency, fr.investors)), None)
        if same_total is not None:
            # A headline's total told again in the body: one total, cited where it is told with its
            # count of deals, else in the body (a headline has no sentence's commas or full stop);
            # else the first telling stays
            teller = fr if _total_told(fr) > _total_told(same_total) else same_total
            kept[kept.index(same_total)] = teller.model_copy(update={"company_count": teller.company_count or same_total.company_count or fr.company_count})
            continue
        twin = next(
            (k for k in reversed(kept) if k.company == fr.company and fr.deal_type != "aggregate" and (k.deal_type == fr.deal_type or _strategic_pair(k, fr))),
            None,
        )
        if twin is not None and _same_telling(twin, fr):
            tellings[kept.index(twin)].append((fr.provenance.span_start, fr.provenance.evidence))
            continue
        if twin is not None and _complementary(twin, fr) and not _told_apart(twin, fr, text):
            # The evidence is the telling that states the most, the amount first (a headline's
            # 完成1000万美元融资 gives way to the body's …由A领投，B参与，融资金额共1000万美元):
            # where a reader checks it.
            teller = max((twin, fr), key=_told)
            if abs(twin.provenance.span_start - fr.provenance.span_start) >= 300:
                # told paragraphs apart (a lede, then the body): the telling with the round and
                # investors is where a reader checks it
                teller = max((twin, fr), key=lambda t: (_told(t)[0], _told(t)[2], _told(t)[1]))
            at = kept.index(twin)
            kept[at] = teller.model_copy(
                update={
                    "round": next((r for r in (twin.round, fr.round) if r and r != "strategic"), twin.round or fr.round),
                    "money": teller.money,
                    "investors": tuple(dict.fromkeys(twin.investors + fr.investors)),
                }
            )
            tellings[at].append((fr.provenance.span_start, fr.provenance.evidence))
            continue
        kept.append(fr)
        tellings.append([(fr.provenance.span_start, fr.provenance.evidence)])
    out: list[tuple[FundingRound, list[tuple[int, str]]]] = []
    for fr, told in zip(kept, tellings):
        # 纪源资本参与了Beep的种子轮融资领投…Beep: a bare investment beside the company's round is that round
        if fr.deal_type == "investment" and not fr.investors and fr.money.amount is None \
                and any(k.company == fr.company and k.deal_type == "funding" for k in kept):
            continue
        # a telling without an amount, where the same deal is told with one: that telling is the deal
        if fr.deal_type != "aggregate" and fr.money.amount is None and any(
            k is not fr and k.company == fr.company and k.deal_type == fr.deal_type and k.money.amount is not None
            and fr.round in (None, k.round) and _investors_agree(k, fr) and not _another_deal(k, fr)
            for k in kept
        ):
            continue
        # 滴滴再获20亿融资 in a headline, 滴滴自动驾驶宣布完成了D轮融资，总金额达20亿元 in the body:
        # a short name and the full one, with the same amount, tell one deal
        # (天广实生物获上市公司1.5亿元投资 / 贝达药业…1.50亿元…认购北京天广实生物技术股份有限公司…:
        # the short name inside the legal one, a funding told beside the investment that names who)
        fuller = next((i for i, k in enumerate(kept) if fr.company and fr.money.amount is not None
                       and k is not fr and k.company and len(k.company) > len(fr.company) + 1
                       and (k.company.startswith(fr.company) or (len(fr.company) >= 4 and fr.company in k.company))
                       and (k.deal_type == fr.deal_type or (fr.deal_type == "funding" and k.deal_type == "investment" and k.investors))
                       and (k.money.amount, k.money.currency) == (fr.money.amount, fr.money.currency)
                       and fr.round in (None, k.round) and set(fr.investors) <= set(k.investors)), None)
        if fuller is not None:
            tellings[fuller].extend(told)  # (cited where either name tells it)
            continue
        out.append((fr, told))
    return [_cited_where_told(fr, told) for fr, told in out]


_TELLINGS_JOINER = " …… "


def _cited_where_told(fr: FundingRound, told: list[tuple[int, str]]) -> FundingRound:
    """A deal told in several sentences (a headline, then the body with its investors) cites
    them all, in text order, so a reader checks every telling it was read from."""
    evidences = list(dict.fromkeys(evidence for _, evidence in sorted(told)))
    if len(evidences) < 2:
        return fr
    return fr.model_copy(update={"provenance": fr.provenance.model_copy(update={"evidence": _TELLINGS_JOINER.join(evidences)})})


def _told(fr: FundingRound) -> tuple[bool, bool, int]:
    """How much a telling states: its amount, then its company by name (not 本轮融资…), then its
    round and investors."""
    return fr.money.amount is not None, bool(fr.company) and fr.company in fr.provenance.evidence, bool(fr.round) + len(fr.investors)


def _total_told(total: FundingRound) -> tuple[bool, bool]:
    """How fully an aggregate is told: with its count of deals, then in a sentence (not a headline)."""
    return total.company_count is not None, not _HEADLINE_LIKE.search(total.provenance.evidence)


def _another_deal(a: FundingRound, b: FundingRound) -> bool:
    """微软…向Open AI提供了第二笔多年投资: a telling that says it is a further deal is not the one before."""
    return a.provenance.evidence != b.provenance.evidence and bool(_FURTHER_DEAL.search(b.provenance.evidence))


def _same_telling(a: FundingRound, b: FundingRound) -> bool:
    """The same deal read twice from one passage (by two rules, or a lede and its body)."""
    if _another_deal(a, b):
        return False
    same_money = (a.money.amount == b.money.amount) or b.money.amount is None
    same_round = b.round in (None, a.round)
    near = abs(a.provenance.span_start - b.provenance.span_start) < 300
    return same_money and same_round and near and set(b.investors) <= set(a.investors) | {None}


def _told_apart(a: FundingRound, b: FundingRound, text: str) -> bool:
    """Two tellings in one sentence with a semicolon between them are two items of a history
    (2023年4月完成天使轮融资…；2024年4月完成数亿元的…): neither fills the other's gaps."""
    first, second = sorted((a.provenance, b.provenance), key=lambda p: p.span_start)
    return a.provenance.evidence == b.provenance.evidence and bool(_SEMICOLON.search(text, first.span_end, max(first.span_end, second.span_start)))


def _strategic_pair(a: FundingRound, b: FundingRound) -> bool:
    """A strategic round and an investor's investment in it (芯联微完成战略融资，国家大基金二期认缴21.55亿元
    …; 国家大基金二期21.55亿元入股芯联微): one deal told from both sides."""
    return {a.deal_type, b.deal_type} == {"funding", "investment"} and "strategic" in (a.round, b.round)


def _complementary(a: FundingRound, b: FundingRound) -> bool:
    """Two tellings that fill each other's gaps and contradict in nothing: one lacks the amount,
    the round or the investors the other gives (Aegis完成种子轮融资。本轮融资金额为数百万美元，
    投资方为…: the same amount, and the round in one, the investors in the other)."""
    if a.money.amount is not None and b.money.amount is not None and (a.money.amount, a.money.currency) != (b.money.amount, b.money.currency):
        return False
    if _another_deal(a, b):
        return False
    same_amount = a.money.amount is not None and (a.money.amount, a.money.currency) == (b.money.amount, b.money.currency)
    # 臻和科技完成超10亿元E轮融资 … 宣布完成金额超10亿元的战略融资: a lettered round told as strategic too
    strategic_too = same_amount and "strategic" in (a.round, b.round)
    if a.round and b.round and a.round != b.round and not strategic_too or not _investors_agree(a, b):
        return False
    gap_filled = ((a.money.amount is None) != (b.money.amount is None) or (not a.round) != (not b.round)
                  or (not a.investors) != (not b.investors))
    # (a lede and the body paragraphs later: one company's one amount is one deal wherever told)
    near = abs(a.provenance.span_start - b.provenance.span_start) < 300 or same_amount
    return gap_filled and near


def _investors_agree(a: FundingRound, b: FundingRound) -> bool:
    """软银收购Arm and 英伟达收购Arm are two deals: named buyers that share no one differ."""
    return not a.investors or not b.investors or bool(set(a.investors) & set(b.investors))
