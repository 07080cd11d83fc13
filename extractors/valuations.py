"""Valuations: 估值达40亿美元, 投后估值10亿美元, 以15亿美元的估值, 市值突破1万亿美元,
对美国钢铁公司的估值约为72.5亿美元.

The amount comes from the money extractor; a cue (估值, 投后估值, 投前估值, 市值, 总市值) stands
before it, with at most a few words between (估值也达到了, 市值飙升并突破), or right after it
(15亿美元的估值). The company is named in the cue's clause (X的估值, 对X的估值, X估值), else it is
the subject of the sentence's first clause (新益昌(688383.SH)今日收报…,总市值99.55亿元), else,
for 其估值 or a clause with no subject, the company the document named last. Holdings, property
and index values are not company valuations; a valuation with no company is not recorded.
Rules in rules/funding.toml [valuation].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.dates import DateSpan, date_near
from extractors.entities import CompanyName, CompanyRegister, company_name, described_name, is_anaphor, is_field_name, is_lead_in, is_place, is_trade_ending, strip_lead_in, looks_like_company, unit_of_owner, well_known_names
from extractors.funding import BRACKETED, OTHER_FIGURES, bracketed_amounts, clause_opening_name, split_list
from extractors.money import MoneySpan, read_as_yuan
from models import FundingRound, Money, Valuation


@dataclass(frozen=True)
class _ValuationRules:
    before: regex.Pattern[str]  # cue (+ words + verb), ending right before the amount
    bare: regex.Pattern[str]  # cue (+ words + verb) + an amount with no currency: 总市值57亿
    after: regex.Pattern[str]  # right after the amount: (的)估值
    basis: dict[str, str]
    not_before_cue: regex.Pattern[str]
    not_after_cue: regex.Pattern[str]


@cache
def _rules() -> _ValuationRules:
    t = rules.load("funding")["valuation"]
    cues = rules.alternation(t["cues"])
    between = rules.alternation(t["between"])
    verbs = rules.alternation(t["verbs"])
    basis = {c: kind for kind in ("post", "pre", "market") for c in t[kind]}
    # The cue, what may stand between it and the amount, then the verb: 估值也达到了, 总市值为.
    # (估值达到令人咋舌的360亿元: a word of wonder before the amount)
    # (Nike的市值，约1050亿美元: the comma after the cue is let through by _CUE_THEN_COMMA)
    cue_to_amount = rf"(?P<cue>{cues})(?:[，,]\s*)?(?:\s*\d{{1,2}}月份?(?:\d{{1,2}}[日号])?)?(?:{between})*(?:[^，,。；;\d]{{0,3}}?(?:{verbs}))?了?(?:令人\p{{Han}}{{1,2}}的|惊人的|前所未有的|创纪录的|(?<=从)[^，,。；;]{{1,12}}?(?<![元币])的)?\s*"
    return _ValuationRules(
        before=regex.compile(cue_to_amount + "$"),
        bare=regex.compile(cue_to_amount +
                           # 700亿-800亿左右 (a range) and 千亿 (an order of magnitude) are bare values too
                           r"(?P<amount>(?:约|近|超过?|逾|上)?(?:\d+(?:\.\d+)?(?:万亿|亿|万|兆)(?:\s*(?:至|到|-|~|～|—|–)\s*\d+(?:\.\d+)?(?:万亿|亿|万))?|[千百]亿|万亿))"
                           r"(?![\d.元美港欧日英韩澳新加股%倍亿万人台卢])"
                           r"(?!\s*(?:至|到|-|~|～|—|–)\s*\d)"),  # 600亿至700亿美元: a range whose currency comes last
        after=regex.compile(rf"^\s*(?:的|之)?(?P<cue>{cues})(?!{rules.alternation(t['not_after_cue'])})"),
        basis=basis,
        not_before_cue=regex.compile(rules.alternation(t["not_before_cue"]) + "$"),
        not_after_cue=regex.compile("^" + rules.alternation(t["not_after_cue"])),
    )


# Nike的市值，约1050亿美元: a cue, a comma, then about or a verb and the figure, told as one clause.
_CUE_THEN_COMMA = regex.compile(r"(?:估值|市值)[，,]\s*$")
_ABOUT_THEN_FIGURE = regex.compile(r"\s*(?:约为|约|大约|近|接近|超过|超|逾|为|达到|达)?\s*[\d一二三四五六七八九十两数几千百]")
# A value told right after the round closed is the post-money one (本轮融资完成后，公司估值达…)
_AFTER_THE_ROUND = regex.compile(r"(?:融资|募资|本轮|此轮|该轮|增资|注资|注入新资本|注入资金|(?:本次|此次|该笔|这笔)?(?:交易|投资)(?=完成|结束|交割))(?:完成|结束|交割)?(?:之)?(?:后|中)[，,]?[^，,。；;]{0,12}$")
# 在该轮融资前，投资人对X的估值为…: the value before the round
_BEFORE_THE_ROUND = regex.compile(r"(?:融资|募资|本轮|此轮|该轮|增资|注资)(?:之)?前[，,]?[^，,。；;]{0,16}$")
# Verbs of overtaking: before a name they are no part of it (超越微软的…市值), and after a market
# value they introduce the values overtaken (_OVERTOOK)
_OVERTAKE = "超越|超前|赶超|力压|压过|击败|反超|甩开"
# (当英伟达的市值…: when; 并以200亿估值开启…: and, by)
_LEAD_IN = regex.compile(r"^\s*(?:(?:" + _OVERTAKE + r"|超过(?=\p{Han}|[A-Za-z])|其中之一即|其中之一为|其中之一是|即(?![使便将可时刻])|根据|按照|依据|凭借|依托|基于|获得|拥有|达到|这将使|将使|使得|以|按|据|使|对应|当时|此时|那时|其中|当(?![时前日天年月地])|并且|并|且|而|(?:今日|昨日|当日)?(?:开盘|收盘|盘中|早盘|午盘|尾盘|盘后|盘前)(?:后|时)?)\s*)+")
# 新一轮融资后月之暗面投后估值…: when, then the name
_AFTER_ROUND_LEAD = regex.compile(r"^(?:本轮|新一轮|此轮|该轮|最新一轮)?(?:融资|募资|增资)(?:完成|结束|交割)?(?:之)?后[，,]?")
# AI热潮推动英伟达市值…, 这一消息带动特斯拉的市值…: the company whose value something moves
_MOVED_BY = regex.compile(r"(?:推动|带动|帮助|助推|促使|使得|令|让|使)(?P<co>[^，,。；;推带帮助促使令让]{1,20}?)的?$")
# 宇树科技的C+轮融资已将其估值推高至…, 此轮融资把宇树的估值推高至…: whose value the round moved
_PUT_BY = regex.compile(r"(?:融资|投资|交易|收购|上市)[^，,。；;]{0,6}?(?:将|把)(?P<co>其|该公司|[^，,。；;将把以其]{2,20}?)的?$")
_LEADING_DATE = regex.compile(r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|^(?:19|20)\d{2}年(?:\d{1,2}月)?|^\s*(?:date\s*)?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*")
_TIME_END = regex.compile(r"(?:开盘|收盘|盘中|盘后|早盘|尾盘|[日周月年天时])$")
_NOT_A_NAME_HEAD = regex.compile(r"^(?:另|一|这|那|其|该|此|每|各|某)")
_CONNECTIVE = regex.compile(r"(?<=[\p{Han}A-Za-z0-9]{2})(?:则|因为|由于|却)")
_PERSON_HEAD = regex.compile(r"^(?:联合)?(?:创始人|创办人|董事长|总裁|首席|CEO|他|她)")  # (创始人从银行实习生做起: a person)
_COPULA = regex.compile(r"(?:仍然|依然|仍|也|则|已经|已|目前)?[为是]")
_KIND_BEFORE = regex.compile(r"(?:可比|同行|对标|同类|竞争|行业)(?:公司|企业|龙头|厂商)$")
_COMPANY_NOUN = regex.compile(r"龙头|公司|企业|巨头|厂商|集团|品牌|独角兽")
_COPULA_INSIDE = regex.compile(r"^.+?(?:[为是]|(?<=..)被)")  # (小马智行被认为是…: the name ends at 被)
_MARKET_MOVE = regex.compile(r"股价|股票|创下|大涨|大跌|暴涨|暴跌|重挫|收涨|收跌|上涨|下跌|涨超|跌超|盘中")
_BY_VALUE = regex.compile(r"以(?:约|近|超过?)?$")  # Arm的目标是…以600亿美元的估值进行IPO
_COMPARED = regex.compile(r"\s*(?:但|且|并且|而)?(?:远|略|仍|仍然|依然|也)?(?:低于|高于|不及|超过|超出|相比|较|比)")
# 港股市值, 流通市值, 开盘市值: the market, the float or the hour, not a name
_MARKET_WORDS = regex.compile(r"(?:今日|当日|上市首日|首日|开盘后|收盘后|开盘|收盘|盘中|盘后|早盘|尾盘|港股|美股|A股|H股|B股|流通|发行|\d{1,2}日)*$")
# A round or a described pointer before a value's 的: C13轮, 本轮融资, 这家成立五年 (的公司估值)
_ROUND_OR_DESCRIBED = regex.compile(r"(?:(?:Pre-?)?[A-K]\d{0,2}\+{0,2}|天使|种子|本|此|该|这|上一|新一|最新一)轮(?:融资|投资)?(?:时|后|中)?|(?:这家|该|此)[^的，,。]{1,10}")
_CURRENCY_BEFORE = regex.compile(r"(?<=\d\s*[万亿]?\s*)(?:美元|美金|港元|欧元|英镑|日元)(?!.*(?:元|人民币))")
# 科大讯飞股价却意外下跌，报…，市值为…: what the stock did, after the name
_STOCK_TALK = regex.compile(r"(?<=\S{2})的?(?:股价|股票|盘中|收盘)[^，,。；;]*$")
_RANKED = regex.compile(r"^(?:并|也|还|已|已经|再次|一度|正式)?(?:成为|跻身|位居|位列)")
_OF_COMPANY = regex.compile(r"(?:^(?:对应)?|对(?!应)|给予)(?P<co>[^，,。；;对]{2,30}?)的$|对(?P<co>其|该公司|公司)$"  # (…，对其估值达到53亿美元)
                            r"|(?:^|交易|此次交易|本次交易)对应(?P<co>[^，,。；;对的]{2,20})$")  # 此次交易对应华为引望估值1150亿元
# 字节跳动最近估值…, 字节跳动最后一轮股权融资估值为…: what stands between a name and its cue.
# 投资人对X给出了…的估值, 市场给予X…的估值: whom a value is given to, before the figure
_GIVEN_TO = regex.compile(r"对(?P<co>[^，,。；;对]{2,30}?)(?:给出|给予|作出|做出|给)了?$|(?:给予|给出|赋予)了?(?P<co2>[^，,。；;给予出]{2,30}?)$")
_SUBJECT_TRAIL = regex.compile(
    r"(?:也|已|已经|的|其|则|还|就|以|整体|最新|最近|近期|目前|此前|当前|如今|现在|现|今年|去年|周[一二三四五六日]|当日|当天|今日|昨日|一度|曾经|曾|可能|或将|或|将|预计|有望|二级市场|一级市场|私募市场"
    r"|(?:(?:最后|最新|上|前|本|此|新|这|该)?一?|(?:Pre-?)?[A-K]\d{0,2}\+{0,2})轮(?:股权)?(?:融资)?(?:时|后|中)?"  # 地平线D轮融资投后估值
    r"|(?:最近|最新|上|前|此前|最后)一次"  # 第四范式最近一次估值达…
    r"|(?:交易|融资|增资|投资|收购)?(?:完成|结束)(?:后|之后)|(?:融资|募资|增资|注资)(?:后|之后)"  # 完成后估值升至26亿元: when, not who
    r"|[在于]?(?:短短|仅仅|仅|不到|过去)?[一二两三四五六七八九十半\d]+个?(?:年|月|周|天)(?:之间|之内|内|间|里)?"  # 也在一年之间估值就超…; 半年估值超10亿
    r"|(?:今年|去年|年初|成立)以来|迅速"
    r"|(?:[在于](?:香港|港股|美股|美国|纽约|纳斯达克|A股|科创板|创业板|港交所|上交所|深交所))?(?:港股|美股|A股|H股|科创板)?(?:停牌|复牌|上市|挂牌|IPO)(?:前|后|时|首日|当日|当天|当月|当周)|首日|当月|当周|自身|本身)+$"  # 中科曙光停牌前市值, 摩尔线程上市首日市值, 第四范式IPO前估值
)
STOPS = "，,；;。！？!?\n"


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    for i in range(pos - 1, floor - 1, -1):
        if text[i] in STOPS:
            return i + 1
    return floor


_LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9.\-]{2,30}")


def _named(phrase: str, position: int, register: CompanyRegister, adjacent: bool = False) -> str | None:
    """A company named by `phrase`, if it reads as one (known, Latin, company-like, pointed back
    to, or, `adjacent` to its cue, a short name: 英伟达市值)."""
    phrase = _SUBJECT_TRAIL.sub("", _LEAD_IN.sub("", _STOCK_TALK.sub("", phrase.strip()))).strip()
    if not phrase:
        return None
    company = company_name(phrase)
    if company is None or company.generic:
        return None
    resolved = register.resolve(company, position, or_topic=True)
    if resolved is None:
        return None
    # 英伟达市值, 可比公司涛涛车业总市值: a short name right by its cue, bare or after its kind
    short_name_by_cue = adjacent and len(resolved) <= 6 and (
        resolved == phrase or (phrase.endswith(resolved) and bool(_KIND_BEFORE.search(phrase[: -len(resolved)]))))
    # 比朱公司的估值: a name the document writes with 公司 more than once is a company's (只有公司总市值… once)
    written_as_company = adjacent and phrase.endswith(("公司", "集团")) and len(phrase) > len(company.name) and register.text.count(phrase) >= 2
    # UFACTORY的估值: a Latin name right by its cue, however long
    latin_by_cue = adjacent and resolved == phrase and _LATIN_WORD.fullmatch(resolved) is not None
    if resolved == company.name and not (register.canonical(resolved) or looks_like_company(resolved) or short_name_by_cue
                                         or written_as_company or latin_by_cue):
        return None  # 一两年时间做到10亿美金估值: no company in sight
    return resolved


# A company's value as it stood when something happened, compared or listed: 超过宇树科技今年6月融资时的
# 120亿元估值和智元今年3月融资时的150亿元估值.
_VALUE_THEN = regex.compile(
    r"(?:^|[和与及、])(?:超过|高于|低于|不及|相比|较|对比|比)?(?P<co>[^，,。；;和与及、的]{2,20}?)"
    r"(?:(?:今年|去年|前年|当年|(?:19|20)\d{2}年)?\d{1,2}月份?|今年|去年|前年|当年|(?:19|20)\d{2}年)"
    r"(?:[A-K]\d?\+*轮|新一轮|上一轮|上轮)?(?:融资|上市|IPO|交易|募资)时?的$"
)
# A figure listed before the cue's: 营收突破200亿元、估值…
_METRIC_LISTED = regex.compile(r"[\d千百万亿]\s*(?:万亿|亿|万)?\s*(?:元|美元|港元|欧元|%)\s*、$")
# A clause telling who invested (阿里领投, 红杉中国等跟投): its name is no company being valued.
_INVESTOR_CLAUSE = regex.compile(r"(?<![的额笔项])" + rules.alternation(rules.load("funding")["raise"]["joined"]) + r"了?\s*$")  # (…的大额投资: a noun)
_DESCRIBED_AFTER = regex.compile(r"(?:左右)?的(?:企业|公司|初创公司|初创企业|独角兽|巨头|平台|集团)")
_MARKET_PREFIX = regex.compile(r"^(?:港股通|港股|美股|A股|中概股)")


def _known_opening(clause: str, register: CompanyRegister) -> str | None:
    """The name `clause` opens with (clause_opening_name), when the document shows it to be a
    company: noted, company-like, or named more than once."""
    opening = clause_opening_name(clause)
    if opening and (register.canonical(opening) or looks_like_company(opening) or register.text.count(opening) >= 2):
        return register.canonical(opening) or opening
    return None


# (compiled once: _leading_company tests up to 15 heads of every clause it reads)
_COLON_OR_DASH = regex.compile(r"[:：]|——")
_DIGIT_AT_END = regex.compile(r"\d\s*$")


def _leading_company(clause: str, position: int, register: CompanyRegister) -> str | None:
    """The company a clause starts with: its longest opening that reads as a company."""
    clause = _COLON_OR_DASH.split(clause)[-1].lstrip()  # 王小川表示:百川智能…, …诞生——蜂巢能源…: after the colon or dash
    clause = strip_lead_in(_LEAD_IN.sub("", _LIST_NUMBER.sub("", clause)))  # (年初智元以150亿元估值…: when, then the name)
    if _PERSON_HEAD.match(clause):
        return None
    clause = _CONNECTIVE.split(clause, 1)[0]  # Databricks则因AI领域的大额投资: the name ends at 则
    whole = described_name(clause) if len(clause) <= 40 else None
    if whole is not None and (register.canonical(whole) or looks_like_company(whole)):
        return register.canonical(whole) or whole  # 成立仅一年的AI企业资源规划(ERP)初创公司DualEntry: described, then named
    if (unit := unit_of_owner(clause)) is not None:
        return register.canonical(unit.name) or unit.name  # 百度集团旗下的昆仑芯，…投后估值…: the unit, not its owner
    owned = _OWNER_THEN_LATIN.match(clause)
    if owned and looks_like_company(owned["latin"]):
        clause = clause[owned.start("latin") :]  # 奥特曼的 OpenAI 则在…: its owner's name first (not 成立仅一年的AI企业…)
    for length in range(min(len(clause), 16), 1, -1):
        head = clause[:length]
        if head.count("(") + head.count("（") != head.count(")") + head.count("）"):
            continue  # 月之暗面(Moo: cut inside the brackets
        if head[-1:].isascii() and head[-1:].isalpha() and clause[length : length + 1].isascii() and clause[length : length + 1].isalpha():
            continue  # cut inside a Latin word
        close = max(head.rfind(")"), head.rfind("）"))
        if 0 <= close < length - 1 and not (is_trade_ending(head[close + 1 :]) or _COMPANY_NOUN.fullmatch(head[close + 1 :])):
            continue  # 智邦(Accton)营运…: the name ends at its English one
        if clause[length : length + 1] in ("者", "人", "方", "们", "员"):
            continue  # 现有投资者: a word goes on past the name-like ending
        if _DIGIT_AT_END.search(head) and (clause[length : length + 1] in ("年", "月", "日", "号") or clause[length : length + 1].isdigit()):
            continue  # Gogoro 2022年4月在…上市: cut inside a date or a number
        if _COPULA_INSIDE.search(head):
            continue  # 苹果为美国科技股龙头: the name ends at 为
        if _PRICE_WORD.search(head):
            continue  # 杭州热电股价大涨: the name ends before its share price
        if (described := described_name(head)) is not None and (register.canonical(described) or looks_like_company(described)):
            return register.canonical(described) or described  # 固态电池企业青能科技…: the name, not 固态电池
        # 特斯拉股价涨至…, 苹果创下年内最大单日跌幅: a name the article repeats, quoted on a
        # market (not 开盘股价, 首日股价)
        quoted_stock = (_MARKET_MOVE.match(clause, length) is not None and length <= 8 and not _NOT_A_NAME_HEAD.match(head)
                        and not _TIME_END.search(head) and register.text.count(head) >= 2)
        described = (length <= 8 and not _NOT_A_NAME_HEAD.match(head) and _COPULA.match(clause, length)
                     and _COMPANY_NOUN.search(clause, length))  # 苹果为…龙头 (but not 另一笔则是…)
        latin_tail = (named := company_name(head)) is not None and head.endswith(named.name) and named.name.isascii() and looks_like_company(named.name)
        if register.canonical(head) or quoted_stock or described or is_anaphor(head) or (looks_like_company(head) and named is not None) or latin_tail:
            company = company_name(head)
            if company is not None and _MARKET_PREFIX.match(head) and head.endswith(company.name):
                head = company.name  # 港股联想集团: the market it trades on, then the name
            if company is not None and head.endswith(company.name) and is_lead_in(head[: -len(company.name)]):
                head = company.name  # 次日上纬新材股价…: a time word, then the name
            if company is not None and head.endswith((")", "）")) and head in company.aliases:
                head = company.name  # (网通龙头厂)智邦(Accton): the name and its English one
            if latin_tail and company is not None and is_place(head[: -len(company.name)]):
                head = company.name  # 美国SingleStore: its country, then the name
            if company is not None and not company.generic and company.name == head:
                if clause.startswith("旗下", length):
                    return None  # 软银集团旗下的Arm计划…: the owner opens the clause, its unit is the subject
                if is_anaphor(head):  # 这家芯片设计公司寻求…: the company named before
                    return register.resolve(company, position, or_topic=True)
                return register.canonical(head) or head
    return None


def _bracketed_after(text: str, floor: int, cue_at: int) -> int | None:
    """Where the bracket holding the cue opens: 秦淮数据(CD,股价8.11美元,市值29.73亿美元)."""
    depth = 0
    for i in range(cue_at - 1, floor - 1, -1):
        if text[i] in ")）":
            depth += 1
        elif text[i] in "(（":
            if depth == 0:
                return i
            depth -= 1
    return None


def _named_last_in_sentence(text: str, start: int, end: int, register: CompanyRegister) -> str | None:
    """The company named last in text[start:end]: one the register noted (by any of its names),
    or one news names bare (英伟达). None when the stretch names none."""
    best, best_at = None, -1
    for known, name in register.first_names():
        at = text.rfind(name, start, end) if len(name) >= 2 else -1
        if at > best_at:  # (on a tie the company first noted stays)
            best, best_at = known, at
    for name in well_known_names():
        at = text.rfind(name, start, end)
        if at > best_at:
            best, best_at = register.canonical(name) or name, at
    return best


_THEN = regex.compile(r"\s*(?:其时|当时|彼时|届时)(?:公司|该公司)?")
_OWNER_THEN_LATIN = regex.compile(r"\p{Han}{1,6}的\s*(?P<latin>[A-Z][A-Za-z0-9.\-]*(?:\s[A-Z][A-Za-z0-9.\-]*)*)")
_DESCRIBED_END = regex.compile(r"(?:上市|挂牌|登陆[^，,。；;的]{0,6})的(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,15})$")
_VALUE_CUE = regex.compile(r"(?:估值|市值)[^，,。；;]{0,12}?\d")  # a clause telling a value of its own
_PRICE_WORD = regex.compile(r"股价|股票|报于|收于|报收")
_FROM_WHEN = regex.compile(r"从[^，,。；;]+的\s*$")
_FROM_TO_GAP = regex.compile(r"[^，,。；;]{0,16}?(?:至|到)[^，,。；;\d]{0,10}?")
# (高瓴以投前200亿元估值领投智谱: the company invested in is the one valued)
_VALUED_AND_BOUGHT = regex.compile(r"(?:全资)?(?:收购|并购|买下|私有化|领投|投资|参投|跟投|入股|注资)了?(?P<co>[^，,。；;的]{2,40}?)(?=[，,。；;的]|$|\s*[(（])")
_LIST_NUMBER = regex.compile(r"^\s*\d{1,2}\s*[.、)）]\s*")  # 1. OpenAI，估值860亿美元
_MILESTONE_KIND = regex.compile(r"(?:美元|元|港元)?的[^，,。；;]{0,8}?(?:公司|企业|巨头|厂商|独角兽)")
_ENTERED_AT = regex.compile(r"(?:进入|跟进|入局|入场|进场|参投|跟投|加入|领投|注资|入股)(?=[，,。；;]|$)")
_FOUNDED_END = regex.compile(r"(?:创办|创立|创建|成立|打造|孵化)的(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9.\- ]{1,20})$")
_COMPLEMENT = regex.compile(r"(?:的|则)是(?P<co>[^，,。；;是]{2,30})$")
# The next company's value in a list of them: …Anthropic估值为1780亿美元，xAI为900亿美元.
_ELLIPTICAL = regex.compile(r"\s*(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .\-]{1,20}?)\s*(?:则|也|约)?(?:为|是|達|达)\s*(?:约|近|超过?)?\s*$")
# A, B and C's values told in turn: 摩尔线程、沐曦科技、燧原科技、壁仞科技的估值分别达到255亿元、100亿元…
_RESPECTIVE = regex.compile(
    r"(?P<list>[\p{Han}A-Za-z][^，,。；;的]{1,80}?)的(?P<cue>估值|市值|总市值|投后估值)分别(?:达到了?|达|为|是|约为|约|超过|超)"
    # 排名前三的企业分别是A、B、C，估值分别为…: the names listed in the clause before
    r"|(?:分别是|分别为|依次是|依次为)(?P<list>[\p{Han}A-Za-z][^，,。；;的]{1,80}?)[，,]\s*(?:其)?(?P<cue>估值|市值|总市值|投后估值)分别(?:达到了?|达|为|是|约为|约|超过|超)"
    # 名单上还有A、金融科技公司B和国防科技公司C，Forge对其估值分别为…: the list closes the clause before
    r"|(?:还有|包括|包含)(?P<list>[\p{Han}A-Za-z][^，,。；;]{1,80}?)[，,]\s*[^，,。；;]{0,12}?对其(?P<cue>估值|市值|总市值|投后估值)分别(?:达到了?|达|为|是|约为|约|超过|超)"
)
_WHAT_MIGHT_HAVE_BEEN = regex.compile(r"本可|本可以|本来可以|原本可以|原本会|本将")
_DESCRIBED_NAME_AFTER = regex.compile(r"(?:左右)?的(?P<phrase>(?:[^，,。；;的“”\"()（）\n]|[(（][^()（）]{1,20}[)）]){2,40})")
_PHRASE_GOES_ON = regex.compile(r"(?<=..)(?:也|都|在|是|已|将|于|就|则|还|正|从|只|仅|成为|获得|完成|宣布|表示)")


def _described_after(text: str, amount_end: int, register: CompanyRegister) -> str | None:
    """从白手起家到估值15亿美元的AIGC明星独角兽Jasper, 估值目前已超百亿元的智谱AI: the value
    describes the company named right after it."""
    m = _DESCRIBED_NAME_AFTER.match(text, amount_end)
    if m is None:
        return None
    phrase = BRACKETED.sub("", m["phrase"])  # 市值达…的GPU(图形处理器)芯片龙头英伟达: a gloss inside the description
    goes_on = _PHRASE_GOES_ON.search(phrase)
    if goes_on:
        phrase = phrase[: goes_on.start()]
    described = described_name(phrase)  # a descriptor before the name (AIGC明星独角兽Jasper)
    if described is not None:
        return register.canonical(described) or described
    company = company_name(phrase)
    if company is None or company.generic or company.name != phrase.strip():
        return None
    # a bare name: one the document shows to be a company (智谱AI)
    return register.canonical(company.name) or (company.name if looks_like_company(company.name) else None)


def _round_company(ctx: DocContext, cue_at: int, deals: Sequence[FundingRound]) -> str | None:
    """The company of the round (or rounds, of one company) the sentence told before `cue_at`."""
    s_start, _ = ctx.sentences.covering(cue_at, cue_at + 1)
    names = {d.company for d in deals if d.company and d.deal_type == "funding" and s_start <= d.provenance.span_start < cue_at}
    if not names and _THESE_ROUNDS.search(ctx.text, s_start, cue_at):
        # 这两轮的投资者包括…，估值达到20亿美元, 据知情人士透露，此轮融资对公司的估值为…: the rounds the sentence before told
        told = [d for d in deals if d.company and d.deal_type == "funding" and s_start - 300 <= d.provenance.span_start < s_start]
        names = {told[-1].company} if told and all(d.company == told[-1].company for d in told) else set()
    return names.pop() if len(names) == 1 else None


_AMOUNT_THEN_VALUE = regex.compile(r"(?:目前|当前|现在|如今|最新)?(?:(?:约|近|超过?|逾)?\s*[\d.,]+\s*(?:万亿|亿|万)?\s*(?:美元|港元|元|人民币)的?总?)?$")


def _known_before_amount(before_cue: str, register: CompanyRegister) -> str | None:
    """The longest name the document knows as a company (or a well-known one) ending right before
    `before_cue`'s closing figure (X目前1600亿元的总市值), whatever clause words come before it."""
    head = before_cue[: _AMOUNT_THEN_VALUE.search(before_cue).start()]
    for size in range(min(len(head), 12), 1, -1):
        known = register.canonical(head[-size:]) or (head[-size:] if head[-size:] in well_known_names() else None)
        if known:
            return known
    return None


_IN_A_ROUND = regex.compile(r"(?:并|而|且|还)?(?:在|于)[^，,。；;]{0,16}?(?:融资|轮|交易)(?:中|时|后|当中)")
_THESE_ROUNDS = regex.compile(r"\s*(?:这|本|该|此)(?:两|三|几)?轮")


def _company_for(ctx: DocContext, cue_at: int, register: CompanyRegister, market: bool = False,
                 deals: Sequence[FundingRound] = ()) -> str | None:
    """The company a value at `cue_at` belongs to; `market`: a 市值, which only a listed company
    has, so with no company in its sentence it is the stock the article is about."""
    text = ctx.text
    s_start, _ = ctx.sentences.covering(cue_at, cue_at + 1)
    bracket = _bracketed_after(text, s_start, cue_at)
    if bracket is not None:  # the company is the name the bracket glosses
        # Brackets before it go first: 秦淮数据(8.11, -0.02, -0.25%)(CD,…市值…) has commas in a quote.
        lead = BRACKETED.sub("", text[s_start:bracket])
        lead = lead[_clause_start(lead, len(lead)) :]
        named = _named(lead.split("与")[-1], cue_at, register, adjacent=True)
        if named:
            return named
        raised = _round_company(ctx, cue_at, deals)
        if raised:
            return raised  # 芬兰Oura完成2亿美元D轮融资(估值52亿美元): the round's company
    clause_start = _clause_start(text, cue_at)
    before_cue = _MARKET_WORDS.sub("", text[clause_start:cue_at])  # 港股市值: the market, not a name
    before_cue = _LEADING_DATE.sub("", regex.split(r"[:：]", before_cue)[-1])  # 下表:万洲国际, 8月1日苹果
    before_cue = _AFTER_ROUND_LEAD.sub("", before_cue)
    listed = before_cue.rfind("、")
    if listed > 0 and _VALUE_CUE.search(before_cue, 0, listed):
        before_cue = before_cue[listed + 1 :]  # A估值40亿元、B估值21亿元: B's own, after the list's 、
    if _METRIC_LISTED.search(before_cue):
        before_cue = ""  # 当时公司营收突破200亿元、估值千亿元: one of the figures listed; whose, the clauses before tell
    put = _PUT_BY.search(before_cue)
    if put:
        if is_anaphor(put["co"]):  # (its round's company, or the one named before)
            named = _round_company(ctx, cue_at, deals) or register.resolve(CompanyName(put["co"]), cue_at, or_topic=True)
        else:
            named = _named(put["co"], cue_at, register, adjacent=True)
        if named:
            return named
    then = _VALUE_THEN.search(before_cue)
    if then:  # 超过宇树科技今年6月融资时的120亿元估值和智元今年3月融资时的…: each one's own value
        named = _named(then["co"], cue_at, register, adjacent=True)
        if named:
            return named
    given = _GIVEN_TO.search(before_cue)
    if given and not is_anaphor(given["co"] or given["co2"]):  # 市场给予X100亿元的估值: the one given it
        named = _named(given["co"] or given["co2"], cue_at, register, adjacent=True)
        if named:
            return named
    of_company = _OF_COMPANY.search(before_cue)
    if of_company and (is_anaphor(of_company["co"]) or _ROUND_OR_DESCRIBED.fullmatch(of_company["co"])):
        # 对其估值, C13轮的估值, 对这家成立五年的公司估值: the company named before (此轮融资对公司的
        # 估值: the round's, not an investor named since)
        return _round_company(ctx, cue_at, deals) or register.resolve(CompanyName("公司"), cue_at, or_topic=True)
    if of_company:  # 对美国钢铁公司的估值, Arm的估值
        named = _named(of_company["co"], cue_at, register, adjacent=True)  # 对ARM的估值: a short name will do
        if named:
            return named
    subject = _SUBJECT_TRAIL.sub("", _LEAD_IN.sub("", before_cue.strip())).strip()
    if is_anaphor(subject) and (raised := _round_company(ctx, cue_at, deals)):
        return raised  # X宣布完成…融资，刷新…纪录，其估值也超过了…: the company that raised
    if is_anaphor(subject):
        # 英伟达已经在…获得了第一桶金，该公司市值飙升至…: the subject of the clause before
        s_start = ctx.sentences.covering(cue_at, cue_at + 1)[0]
        if clause_start - 1 > s_start:
            opening = _known_opening(text[_clause_start(text, clause_start - 1, s_start) : clause_start - 1], register)
            if opening:
                return opening
    named = _named(before_cue, cue_at, register, adjacent=True)
    if named:
        return named
    if market and (owner := _known_before_amount(before_cue, register)):
        return owner  # …无法支撑起科大讯飞目前1600亿元的总市值: a company the document knows, right before the figure
    moved = _MOVED_BY.search(before_cue)
    if moved and not is_anaphor(moved["co"]):  # (其, 该公司 here would be whoever the register noted last)
        named = _named(moved["co"], cue_at, register, adjacent=True)
        if named:
            return named
    if moved:  # …提振了英伟达的销售，带动其市值飙升: the company this sentence names last before it
        s_start = ctx.sentences.covering(cue_at, cue_at + 1)[0]
        # An anaphor's company is named before it, not inside it (这家黑石集团支持的光伏公司);
        # 使英伟达成为了首家估值…的公司 names it in the words moved.
        pointing = is_anaphor(moved["co"]) or _NOT_A_NAME_HEAD.match(moved["co"]) is not None
        anaphor_at = text.rfind(moved["co"], s_start, cue_at) if pointing else -1
        named = _named_last_in_sentence(text, s_start, anaphor_at if anaphor_at >= 0 else cue_at, register)
        if named:
            return named
    by_value = _BY_VALUE.search(before_cue)
    if by_value:  # X的目标是…以…的估值进行IPO: X, the clause's subject, is valued so
        leading = _leading_company(before_cue[: by_value.start()], cue_at, register)
        if leading:
            return leading
    if subject and is_anaphor(subject):
        return register.topic(cue_at) if register.topic is not None else None
    if subject and (_RANKED.match(subject) or _IN_A_ROUND.fullmatch(subject)):
        # …，成为全球首家市值突破5万亿美元的公司; …，并在5月份的股权融资中估值为…: the subject is the clause before's
        subject = ""
    if subject:
        # 寒武纪上市首日即暴涨至市值逾1000亿元, 英伟达在本月早些时候首次突破3万亿美元市值: a
        # market value's company opens the clause, what it did between (an 估值's subject may
        # be a hope: ARM的高管希望估值可以达到…)
        return _leading_company(before_cue, cue_at, register) if market else None
    if raised := _round_company(ctx, cue_at, deals):
        return raised  # X宣布完成…融资，公司估值达到…: the company that raised
    s_start, s_end = ctx.sentences.covering(cue_at, cue_at + 1)
    if market and (its_price := _ITS_PRICE.search(text, s_start, cue_at)) is not None:
        # 2月17日,其股价…走低,最终收于355.2港元,市值约为…: the stock 其 points back to
        owner = register.resolve(CompanyName("其"), s_start + its_price.start(), or_topic=True)
        if owner and not is_anaphor(owner):
            return owner
    # 百川智能第一次融资的时候,估值已经超过5亿美元: the company leads an earlier clause
    pos = clause_start - 1
    while pos > s_start:
        prev_start = _clause_start(text, pos, s_start)
        if _INVESTOR_CLAUSE.search(text, prev_start, pos):
            pos = prev_start - 1  # …完成新一轮融资，阿里领投，投后估值达25亿美元: the investor's clause
            continue
        if _VALUE_CUE.search(text, prev_start, pos):
            break  # …Figure AI成立3年估值已达395亿美元，中国的智元也在…，估值…: that clause told its own value
        leading = _leading_company(text[prev_start:pos], cue_at, register)
        if leading:
            return leading
        opening = _known_opening(text[prev_start:pos], register)  # 英伟达已经在AI领域取得了…，市值飙升至…
        if opening:
            return opening
        described = _DESCRIBED_END.search(text, prev_start, pos) if market else None
        if described:  # 早前一步已经上市的寒武纪，市值6000亿: the listed company the clause before ends on
            named = _named(described["co"], cue_at, register)
            if named:
                return named
        founded = _FOUNDED_END.search(text, prev_start, pos)  # 王生乐离职后创办的星迈机器人，目前估值…
        if founded:
            named = _named(founded["co"], cue_at, register)
            if named:
                return named
        complement = _COMPLEMENT.search(text, prev_start, pos)  # 紧随其后的是美国初创Anthropic，估值达到…
        if complement:
            named = described_name(complement["co"]) or _named(complement["co"], cue_at, register)
            if named:
                return register.canonical(named) or named
        pos = prev_start - 1
    first_clause_end = next((i for i in range(s_start, cue_at) if text[i] in STOPS), None)
    if first_clause_end is not None:
        first = text[s_start:first_clause_end]
        coded = regex.search(r"(?P<name>[^，,。(（]{2,20}?)\s*[(（](?:[A-Z]+:)?[A-Z0-9.]{2,12}[)）]", first)
        if coded:  # 新益昌(688383.SH)今日收报97.47元,…,总市值99.55亿元
            named = _named(coded["name"], cue_at, register)
            if named:
                return named
    found = register.last_before(cue_at)
    if found is None and market:
        found = _quoted_stock(text[s_start:s_end], register)
    return found


_ITS_PRICE = regex.compile(r"(?:其|该股|该公司)的?股价")
# A sentence quoting one stock (not a market's totals): whose 市值 it gives when it names no company.
_STOCK_CONTEXT = regex.compile(r"股价|收于|收报|报收|现报|开盘|收盘|发行价")  # 发行价格16.5元，对应发行后总市值9.24亿
_MARKET_WIDE = regex.compile(r"上市企业|上市公司|\d+家|板块|指数|个股|\d+只|成分股|大盘")
_STOCK_OWNER = regex.compile(r"(?:^|(?<=[，,。；;：:\s]))(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9.\- ]{1,12}?)的?股价")


def _quoted_stock(sentence: str, register: CompanyRegister) -> str | None:
    """英伟达的股价…，市值也已经超过万亿美元: the name before 股价; 第二个交易日股价暴涨59.68%，收于
    1.98港元，总市值达到214.71亿港元: the stock the article is about, told before or after."""
    if not _STOCK_CONTEXT.search(sentence) or _MARKET_WIDE.search(sentence):
        return None
    owner = _STOCK_OWNER.search(sentence)
    if owner:
        company = company_name(owner["name"])
        owner_name = owner["name"].strip()  # (美图公司股价: 美图, written with its 公司)
        name = company.name if company is not None and not company.generic and (company.name == owner_name or owner_name in company.aliases) else None
        # a name the article shows to be a company or keeps repeating (not 第二个交易日股价)
        if name and not is_anaphor(name) and (register.canonical(name) or looks_like_company(name) or register.text.count(name) >= 3):
            return register.canonical(name) or name
    return register.topic(len(register.text)) if register.topic is not None else None


# A value changed in one clause and stated in the next: 该公司的估值翻了一番，目前超过600亿美元.
_CHANGED_THEN = regex.compile(
    r"(?P<cue>估值|市值)(?:也|已经|已|更是|则|一夜之间|一天之内|当天|当日|单日)?(?:翻了一番|翻了一倍|翻倍|翻了两番|翻了几番|大涨|飙升|暴涨|上涨|增长|下跌|缩水|暴跌|减少|蒸发)"
    r"[^，,。；;]{0,12}[，,]\s*(?:目前|现在|如今|当前|已经|已|则|更)?(?:超过|超|达到|达|为|约为|约|接近|逾|突破|升至|涨至|跌至|降至|仅剩|只剩|剩下|仅)?$"
)
# The next step of a value just told: …估值调低至240亿美元，随后又调低至约130亿美元.
_VALUE_GOES_ON = regex.compile(
    r"(?:随后|之后|后来|此后|然后|而后|不久|最终)?(?:又|再|再次|进一步|则)?(?:大幅|小幅|大举|再度|一度)?"
    r"(?:调低|下调|调高|上调|降|升|提高|降低|缩水|回落|跌|涨|攀升)(?:至|到)(?:约|近|超过?|逾)?$"
)


def _carried_value(ctx: DocContext, clause_start: int, span: MoneySpan, out: list[Valuation],
                   dates: list[DateSpan]) -> Valuation | None:
    """A clause that takes the value told in the clause right before it one step on: the same
    company's, on the same basis."""
    if not out or not _VALUE_GOES_ON.fullmatch(ctx.text, clause_start, span.start):
        return None
    last = out[-1]
    if not 0 < clause_start - last.provenance.span_end <= 2:
        return None  # only the clause right after the one the value was told in
    return _valuation(ctx, clause_start, span.end, last.company, span.money, last.basis, dates, carried_from=last)


def _next_in_list(ctx: DocContext, clause_start: int, span: MoneySpan, out: list[Valuation], register: CompanyRegister,
                  dates: list[DateSpan]) -> Valuation | None:
    """…Anthropic估值为1780亿美元，xAI为900亿美元: a clause naming another company and a value, right
    after a valuation, gives that company's value on the same basis."""
    if not out or not 0 < clause_start - out[-1].provenance.span_end <= 2:
        return None
    m = _ELLIPTICAL.fullmatch(ctx.text, clause_start, span.start)
    if m is None:
        return None
    company = company_name(m["co"])
    if company is None or company.generic or is_anaphor(company.name) or company.name != m["co"].strip():
        return None
    if not (register.canonical(company.name) or looks_like_company(company.name)) or company.name == out[-1].company:
        return None
    return _valuation(ctx, clause_start, span.end, register.canonical(company.name) or company.name, span.money, out[-1].basis, dates)


# What a market value just told overtook: 超前微软的3.32兆美元, (以及)苹果的3.29兆美元
_OVERTOOK = regex.compile(
    r"\s*(?:并|且|也|还|已|已经|正式|一举)?(?:" + _OVERTAKE + r"|超过|领先)了?(?P<co>[^，,。；;的]{2,20})的(?:约|近)?\s*$"
    r"|\s*(?:以及|和|及|与)(?P<co>[^，,。；;的]{2,20})的(?:约|近)?\s*$")


def _compared_value(ctx: DocContext, clause_start: int, span: MoneySpan, out: list[Valuation], register: CompanyRegister,
                    dates: list[DateSpan]) -> Valuation | None:
    """A market value told, then the companies it overtook, each with its own: those companies'
    market values (in the same sentence, each clause right after the one before)."""
    s_start = ctx.sentences.covering(clause_start, clause_start + 1)[0]
    just_told = bool(out) and out[-1].basis == "market" and 0 < clause_start - out[-1].provenance.span_end <= 2
    if not (just_told or "市值" in ctx.text[s_start:clause_start]):
        return None  # (…市值单日暴增1130亿美元，超前微软的…: the cue told, its figure a change)
    m = _OVERTOOK.fullmatch(ctx.text, clause_start, span.start)
    if m is None or (m.group(0).lstrip().startswith(("以及", "和", "及", "与")) and not just_told):
        return None
    company = company_name(m["co"])
    if company is None or company.generic or is_anaphor(company.name) or company.name != m["co"].strip():
        return None
    name = register.canonical(company.name) or company.name
    if out and name == out[-1].company and just_told:
        return None
    return _valuation(ctx, clause_start, span.end, name, span.money, "market", dates)


# 前十大市值个股依序为：台积电45.64兆元、鸿海3.12兆元…: a ranking, each name with its value
_RANKING = regex.compile(r"(?P<cue>市值|估值)[^，,。；;:：\n]{0,16}?(?:依序为|依次为|依序是|依次是|分别为|分别是|排名为|为|是|包括)[:：]?\s*")


def _ranked_values(ctx: DocContext, spans: list[MoneySpan], r: _ValuationRules, register: CompanyRegister) -> dict[int, tuple[str, int, str | None]]:
    """A ranking after a cue, each item a name right before its value, items parted by 、 or a
    comma: where each amount starts → (company, cue position, basis). Every name must read as a
    company (well known, company-like, or noted), or the list is none."""
    found: dict[int, tuple[str, int, str | None]] = {}
    for m in _RANKING.finditer(ctx.text):
        sentence_end = ctx.sentences.covering(m.end(), m.end() + 1)[1]
        items: list[tuple[str, MoneySpan]] = []
        at = m.end()
        for sp in spans:
            if sp.start < at or sp.start >= sentence_end:
                continue
            written = ctx.text[at : sp.start].strip(" 、,，")
            company = company_name(written) if written else None
            if company is None or company.generic or company.name != written:
                break
            if not (register.canonical(company.name) or looks_like_company(company.name)):
                break
            items.append((register.canonical(company.name) or company.name, sp))
            at = sp.end
            if not regex.match(r"\s*[、,，]", ctx.text[at : at + 2]):
                break
        if len(items) >= 2:
            for name, sp in items:
                found[sp.start] = (name, m.start("cue"), r.basis.get(m["cue"]))
    return found


def _respective_values(ctx: DocContext, spans: list[MoneySpan], r: _ValuationRules) -> dict[int, tuple[str, int, str | None]]:
    """摩尔线程、沐曦科技、燧原科技、壁仞科技的估值分别达到255亿元、100亿元、160亿元、155亿元: each
    company its value, in turn (start of the amount → company, cue position, basis)."""
    found: dict[int, tuple[str, int, str | None]] = {}
    if not rules.may_match(_RESPECTIVE, ctx.text):
        return found  # (its lazy list tries up to 80 characters from every position)
    for m in _RESPECTIVE.finditer(ctx.text):
        start = _clause_start(ctx.text, m.start("list"))
        names = [c.name for part in split_list(ctx.text[max(start, m.start("list")) : m.end("list")])
                 if (c := company_name(part)) is not None and not c.generic]
        clause_end = next((i for i in range(m.end(), len(ctx.text)) if ctx.text[i] in "。；;\n"), len(ctx.text))
        values = [sp for sp in spans if m.end() <= sp.start < clause_end]
        if len(names) < 2 or len(values) != len(names):
            continue
        for name, value in zip(names, values):
            found[value.start] = (name, m.start("cue"), r.basis.get(m["cue"]))
    return found


_VALUE_SENTENCE = regex.compile(rf"(?!.*(?:融资|募资|{OTHER_FIGURES}))(?=.*[(（]).*?(?P<cue>估值|市值)")


# 米哈游(估值1600亿元), 东方空间(现估值约60亿元): a name, then its value in brackets
_VALUE_IN_BRACKETS = regex.compile(r"[(（]\s*(?:现|目前|最新|当前)?(?P<cue>估值|投后估值|市值|总市值)\s*(?:约为|约|达到|达|为|超过|超|逾|近)?\s*$")
_NAME_BEFORE_BRACKET = regex.compile(r"(?<![\p{Han}A-Za-z0-9.\-])(?P<name>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9.\- ]{1,24})$")
# 第二名是米哈游, 前三为字节跳动, 「原神」的游戏公司米哈游: the name is after the link
_LINK_IN_NAME = regex.compile(r"是|为|和|及|与|的")


def _values_in_brackets(ctx: DocContext, spans: list[MoneySpan], r: _ValuationRules) -> dict[int, tuple[str, int, str | None]]:
    """第二名是米哈游(估值1600亿元): the value told in brackets right after the name."""
    found: dict[int, tuple[str, int, str | None]] = {}
    text = ctx.text
    for span in spans:
        if text[span.end : span.end + 1] not in (")", "）"):
            continue
        cue = _VALUE_IN_BRACKETS.search(text, max(0, span.start - 12), span.start)
        if cue is None:
            continue
        named = _NAME_BEFORE_BRACKET.search(text, max(0, cue.start() - 25), cue.start())
        phrase = named["name"] if named else ""
        candidates = [phrase[link.end() :] for link in _LINK_IN_NAME.finditer(phrase) if len(phrase) - link.end() >= 2] + [phrase]
        company = next((c for text_ in candidates if (c := company_name(text_)) is not None and not c.generic and text_.endswith(c.name)), None)
        if company is None or company.generic or is_anaphor(company.name):
            continue
        found[span.start] = (company.name, cue.start("cue"), r.basis.get(cue["cue"]))
    return found


def _bracketed_values(ctx: DocContext, spans: list[MoneySpan]) -> dict[int, tuple[str, int, str | None]]:
    """估值进入前10的企业有：蔚来汽车(587亿美元)、小鹏汽车(519亿美元)…: a list of companies, each
    with its value in brackets, in a sentence about values (and not about raising or revenue)."""
    found: dict[int, tuple[str, int, str | None]] = {}
    if not rules.may_match(_VALUE_SENTENCE, ctx.text):
        return found  # no sentence about values
    for s_start, s_end in ctx.sentences:
        # (its lookaheads read the whole sentence: first the test for 估值/市值 in it)
        cue = _VALUE_SENTENCE.match(ctx.text, s_start, s_end) if rules.may_match(_VALUE_SENTENCE, ctx.text[s_start:s_end]) else None
        if cue is None:
            continue
        for _, name, span in bracketed_amounts(ctx.text, s_start, s_end, spans):
            found[span.start] = (name, cue.start("cue"), "market" if cue["cue"] == "市值" else None)
    return found


# What a name read off a clause may run on into (科大讯飞股价却意外, …甚至预计其未来): the name ends before.
_NAME_RUNS_ON = regex.compile(r"股价|股票|甚至|预计|所投资|上市首日|首日")
_NAME_TAIL_WORD = regex.compile(r"(?<=..)(?:即|则|也|都|就|却|还|要)$")
_NOT_VALUED = frozenset(rules.load("funding")["valuation"]["not_valued"])  # (大模型, 交易, Crunchbase …)


def _tidy_name(name: str) -> str | None:
    """The valued company's name with the words it ran on into cut away; None for a word no
    company is (a field, a deal, a source of figures)."""
    cut = _NAME_RUNS_ON.search(name)
    if cut is not None:
        name = name[: cut.start()]
        if not looks_like_company(name):
            return None  # 仅其所投资的…, 投资人甚至预计其未来…: what was before the cut names no company
    name = _NAME_TAIL_WORD.sub("", name)
    # (a figure or a date is no company: 2023年, 5亿; but 58同城 and 42dot are names)
    if name in _NOT_VALUED or is_field_name(name) or regex.fullmatch(r"\d[\d.,]*(?:[年月日号%万亿元个家].*)?", name):
        return None
    return name


def _valuation(ctx: DocContext, start: int, end: int, company: str, money: Money, basis: str | None,
               dates: list[DateSpan], carried_from: Valuation | None = None) -> Valuation:
    """A valuation told at text[start:end], dated by the nearest date (else, for a value carried on,
    by the date of the value it carries on)."""
    as_of, precision = date_near(ctx, start, end, dates)
    if as_of is None and carried_from is not None:
        as_of, precision = carried_from.as_of, carried_from.date_precision
    return Valuation(
        provenance=ctx.provenance(start, end, "valuations"),
        company=company,
        money=money,
        basis=basis,  # type: ignore[arg-type]
        as_of=as_of,
        date_precision=precision,  # type: ignore[arg-type]
    )


_BARE_VALUED_AT = regex.compile(r"以(?:约|近|超过?|逾)?(?P<amount>\d+(?:\.\d+)?(?:万亿|亿))(?![\d.元美港欧日英韩澳新加股%倍亿万人台卢])的?(?=(?:投前|投后)?估值)")


def _bare_amounts(ctx: DocContext, r: _ValuationRules) -> list[MoneySpan]:
    """总市值57亿, 对应发行后总市值9.24亿: a value with no currency written, read as yuan (how
    Chinese market reports write a mainland company's value); the money extractor wants a
    currency, so these are read here, for valuations only."""
    def read(m: regex.Match[str]) -> None:
        # (Scale在10亿美元F轮融资后估值140亿: the currency the sentence wrote just before)
        unit = _CURRENCY_BEFORE.search(ctx.text, max(ctx.sentences.covering(m.start(), m.start() + 1)[0], m.start() - 40), m.start())
        money = read_as_yuan(m["amount"] + (unit.group(0) if unit else "元"), m["amount"], ctx.published_on, ctx.plain_yuan)
        if money is not None:
            spans.append(MoneySpan(m.start("amount"), m.end("amount"), money))

    spans: list[MoneySpan] = []
    for m in r.bare.finditer(ctx.text) if rules.may_match(r.bare, ctx.text) else ():
        if not regex.search(r"\d", m["amount"]) and r.basis.get(m["cue"]) != "market":
            continue  # 市值站上千亿 is a listed company's value; 估值近百亿 is too vague to tie to a name
        if _MILESTONE_KIND.match(ctx.text, m.end()):
            continue  # 成为首家市值破万亿的芯片公司: a kind of company, not a value of one
        read(m)
    for m in _BARE_VALUED_AT.finditer(ctx.text) if "以" in ctx.text else ():
        read(m)  # 百川智能并以200亿估值开启B轮融资: the amount before the cue, no currency written
    return spans


def _float_value_alone(ctx: DocContext, cue_at: int, cue: str, r: _ValuationRules) -> bool:
    """目前流通市值为74.27亿元: the float's value is the listed company's market value where the
    sentence states no total one (总市值 …，流通市值 … gives the total alone)."""
    if ctx.text[max(0, cue_at - 2) : cue_at] != "流通" or r.basis.get(cue) != "market":
        return False
    start, end = ctx.sentences.covering(cue_at, cue_at + 1)
    return "总市值" not in ctx.text[start:end]


_THIS_DEAL = regex.compile(r"(?:这笔|该笔|此次|本次|这次|该项|这项)(?:交易|收购|并购|投资)")
_DEAL_VALUES_KIND = regex.compile(r"(?:交易|收购|并购|投资)对(?:该|这家|这个|此)?(?P<kind>[^，,。；;的]{1,10})的$")


def _deal_values_a_kind(lead: str) -> bool:
    """这笔交易对游戏工作室的估值: the deal values its target, named by its kind, not by a name."""
    kind = _DEAL_VALUES_KIND.search(lead)
    if kind is None:
        return False
    named = company_name(kind["kind"])
    return named is None or named.generic or not looks_like_company(named.name)


def _deal_target(ctx: DocContext, cue_at: int, deals: Sequence[FundingRound]) -> str | None:
    """收购…DiaSys…75%股权，收购估值约1.15亿欧元: the value the deal puts on its target, the company
    the same sentence's acquisition or investment names."""
    lead = ctx.text[_clause_start(ctx.text, cue_at) : cue_at]
    if ctx.text[max(0, cue_at - 2) : cue_at] not in ("收购", "交易", "本次", "此次", "标的") and not _THEN.fullmatch(lead) \
            and not _deal_values_a_kind(lead):
        return None  # (其时公司估值约7.5亿美元: the company the deal just told was bought into, as it then stood)
    sentence = next(((a, b) for a, b in ctx.sentences if a <= cue_at < b), None)
    if sentence is None:
        return None
    bought = [d for d in deals if d.company and d.deal_type in ("acquisition", "investment")]
    targets = [d.company for d in bought if sentence[0] <= d.provenance.span_start < sentence[1]]
    if not targets and _THIS_DEAL.search(lead):
        # 消息人士告诉路透社，这笔交易对游戏工作室的估值约为…: the deal the sentences before told
        targets = [d.company for d in bought if d.provenance.span_start < cue_at]
    return targets[-1] if targets else None


def extract(ctx: DocContext, money: list[MoneySpan], dates: list[DateSpan], register: CompanyRegister,
            deals: Sequence[FundingRound] = ()) -> list[Valuation]:
    r = _rules()
    text = ctx.text
    out: list[Valuation] = []
    spans = sorted([*money, *_bare_amounts(ctx, r)], key=lambda sp: sp.start)
    # values told in turn or in a bracketed list: where each amount starts → its company
    respective = _respective_values(ctx, spans, r) if "分别" in text else {}
    if "市值" in text or "估值" in text:
        for start, value in _ranked_values(ctx, spans, r, register).items():
            respective.setdefault(start, value)
        if "(" in text or "（" in text:
            respective.update(_bracketed_values(ctx, spans))
            for start, value in _values_in_brackets(ctx, spans, r).items():
                respective.setdefault(start, value)
    consumed: set[int] = set()  # the 'to' amounts of 从X…至Y, read with their 'from'
    for i, span in enumerate(spans):
        if span.start in consumed:
            continue
        if span.start in respective:
            name, cue_at, basis = respective[span.start]
            out.append(_valuation(ctx, cue_at, span.end, name, span.money, basis, dates))
            continue
        clause_start = _clause_start(text, span.start)
        if clause_start > 0 and _CUE_THEN_COMMA.search(text, max(0, clause_start - 6), clause_start) \
                and _ABOUT_THEN_FIGURE.match(text, clause_start, span.end):
            clause_start = _clause_start(text, clause_start - 1)  # Nike的市值，约1050亿美元: one clause
        window_start = max(clause_start, span.start - 20)
        before = r.before.search(text[window_start : span.start])
        after = r.after.match(text[span.end : span.end + 6])
        if after and not before and i + 1 < len(spans) \
                and r.before.match(text, span.end + after.start("cue"), spans[i + 1].start) is not None:
            continue  # 融资筹7.5亿美元最新估值升至1370亿美元: the cue heads the next figure (before ends in $)
        if not before and not after:
            before = _CHANGED_THEN.search(text, max(0, clause_start - 30), span.start)
            if before is not None and not r.not_before_cue.search(text[max(0, before.start() - 4) : before.start()]):
                window_start = 0  # 估值翻了一番，目前超过600亿美元: the cue closes the clause before
            elif (carried := _carried_value(ctx, clause_start, span, out, dates)) is not None:
                out.append(carried)  # …估值调低至240亿美元，随后又调低至约130亿美元
                continue
            elif (listed := _next_in_list(ctx, clause_start, span, out, register, dates)) is not None:
                out.append(listed)  # …Anthropic估值为1780亿美元，xAI为900亿美元
                continue
            elif (compared := _compared_value(ctx, clause_start, span, out, register, dates)) is not None:
                out.append(compared)  # …市值暴增至3.34兆美元，超前微软的3.32兆美元，以及苹果的3.29兆美元
                continue
            else:
                continue
        cue = (before or after)["cue"]
        cue_at = window_start + before.start() if before else span.start
        if _WHAT_MIGHT_HAVE_BEEN.search(text, clause_start, cue_at):
            continue  # 这笔交易本可将Hugging Face的估值推至70亿美元: a value never reached
        if before and cue.startswith("公司") and text[cue_at - 1 : cue_at] in ("该", "本", "这", "此", "家"):
            cue, cue_at = cue[2:], cue_at + 2  # 该公司估值为…: 该公司 is the subject, 估值 the cue
        if r.not_before_cue.search(text[max(clause_start, cue_at - 4) : cue_at]) and not _float_value_alone(ctx, cue_at, cue, r):
            continue  # 持仓市值, 物业估值, 指数市值: not a company's value
        if before and r.not_after_cue.match(text[cue_at + len(cue) : cue_at + len(cue) + 4]):
            continue
        name = _deal_target(ctx, cue_at, deals) if before else None
        if name is None and before and text[max(0, cue_at - 2) : cue_at] in ("这家", "该家") and _DESCRIBED_AFTER.match(text, span.end):
            name = register.last_before(cue_at)  # 这家估值曾一度接近500亿美元的企业: the company just named
        if name is None and before and not text[max(0, cue_at - 2) : cue_at] in ("这家", "该家"):
            name = _described_after(text, span.end, register)  # 估值15亿美元的AIGC明星独角兽Jasper
        if name is None:
            market = r.basis.get(cue) == "market"
            name = _company_for(ctx, cue_at if before else span.start, register, market, deals)
        if not name and out and _COMPARED.match(text, clause_start):
            # 估值约为350亿美元，低于去年超400亿美元的估值: the value it is compared with is the same company's
            s_start = ctx.sentences.covering(span.start, span.start + 1)[0]
            if out[-1].provenance.span_start >= s_start:
                name = out[-1].company
        if after and _ENTERED_AT.match(text, span.end + after.end()):
            # 红杉中国先以2亿美元估值进入，其他投资人再以3亿美元估值跟进: the investors come in at
            # the value of the company the article is about, not at their own
            name = _round_company(ctx, span.start, deals) or (register.topic(span.start) if register.topic is not None else None)
        if after:
            bought = _VALUED_AND_BOUGHT.match(text, span.end + after.end())
            named = company_name(bought["co"]) if bought else None
            if named is not None and not named.generic:
                name = register.canonical(named.name) or named.name  # A以53亿美元的估值收购B: B's value
        name = _tidy_name(name) if name else None
        if not name:
            continue
        if before and "从" in before.group(0):
            # 市值也从61亿元飙涨至136亿元, 估值从…的1400万美元飙升至收购时的超20亿美元: the value now is the one reached
            reached = next((sp for sp in spans[i + 1 :] if _FROM_TO_GAP.fullmatch(text, span.end, sp.start)), None)
            if reached is not None:
                consumed.add(reached.start)
                span = reached
            elif _FROM_WHEN.search(before.group(0)):
                continue  # 估值已从计划IPO时的约2800亿美元下降了近70%: a value left behind, the one now untold
        end = span.end + (after.end() if after else 0)
        start = min(cue_at, span.start)
        if register.canonical(name) is None:
            register.add(start, CompanyName(name))  # …科大讯飞市值…，该上市公司市值站上千亿: noted for what follows
        basis = r.basis.get(cue)
        if basis is None and after and text[max(0, span.start - 2) : span.start] in ("投前", "投后"):
            basis = "pre" if text[span.start - 2 : span.start] == "投前" else "post"  # 以投前200亿元估值
        if basis is None and before and _AFTER_THE_ROUND.search(text, max(clause_start - 20, 0), cue_at):
            basis = "post"  # 完成新一轮融资后，估值约157亿元: the value the round left
        elif basis is None and before and _BEFORE_THE_ROUND.search(text, max(clause_start - 20, 0), cue_at):
            basis = "pre"
        each = _each_valued(text, clause_start, cue_at, cue) if before else []
        if each:  # 百川智能、智谱AI、月之暗面和MiniMax的估值均已超过10亿美元: each one's value
            out.extend(_valuation(ctx, start, end, one, span.money, basis, dates) for one in each)
            continue
        out.append(_valuation(ctx, start, end, name, span.money, basis, dates))
    return _without_short_names(out)


def _without_short_names(values: list[Valuation]) -> list[Valuation]:
    """秘塔 in a headline, 秘塔科技 in the body, each valued at 1.5亿美元: one value, of the
    company its full name names."""
    return [v for v in values if not any(
        len(w.company) > len(v.company) + 1 and w.company.startswith(v.company)
        and (w.money.amount, w.money.currency) == (v.money.amount, v.money.currency) and v.basis in (None, w.basis)
        for w in values)]


_EACH_AFTER_CUE = regex.compile(r"(?:也|已经|已)?(?:均|都)")


def _each_valued(text: str, clause_start: int, cue_at: int, cue: str) -> list[str]:
    """The companies a list before the cue names, when the cue says each is valued so (均, 都)."""
    if not _EACH_AFTER_CUE.match(text, cue_at + len(cue)):
        return []
    listed = strip_lead_in(_LEAD_IN.sub("", text[clause_start:cue_at])).rstrip("的 ")
    parts = [p.strip() for p in split_list(listed)]
    if len(parts) < 2:
        return []
    names = [company_name(p) for p in parts]
    if any(n is None or n.generic or is_anaphor(n.name) for n in names):
        return []
    return [n.name for n in names]
