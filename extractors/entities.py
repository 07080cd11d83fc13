"""Company names: from the phrase a deal sentence puts before or after its verb to a clean name,
and a per-document register so later mentions (该公司, 其, the English name) map to one company.

'合成数据公司光轮智能' → '光轮智能'; 'AI技术服务公司「Raft」' → 'Raft'; '深言科技(DeepLang AI)' →
'深言科技' with the alias 'DeepLang AI'; '王慧文的光年之外' → '光年之外'. Latin names stay whole
('Inflection AI', 'Jasper.Ai').
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractors import rules


@dataclass(frozen=True)
class _EntityRules:
    leading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    descriptor: regex.Pattern[str]
    descriptor_end: regex.Pattern[str]
    descriptor_lead: regex.Pattern[str]
    legal_suffix: regex.Pattern[str]
    anaphora: frozenset[str]
    anaphora_described: regex.Pattern[str]
    generic: frozenset[str]
    sectors: frozenset[str]
    plural: regex.Pattern[str]
    name_suffix: regex.Pattern[str]
    well_known: frozenset[str]
    region_prefix: regex.Pattern[str]
    country_prefix: regex.Pattern[str]
    not_name_end: regex.Pattern[str]
    not_target_end: regex.Pattern[str]
    time_words: frozenset[str]
    pronouns: frozenset[str]
    clause_verbs: regex.Pattern[str]
    bad_edges: regex.Pattern[str]


@cache
def _rules() -> _EntityRules:
    t = rules.load("funding")
    descriptors = t["descriptors"]["words"]
    return _EntityRules(
        leading=regex.compile("^" + rules.alternation(t["strip"]["leading"])),
        trailing=regex.compile(rules.alternation(t["strip"]["trailing"]) + "$"),
        descriptor=regex.compile(rules.alternation(descriptors)),
        descriptor_end=regex.compile(rules.alternation(descriptors) + "$"),
        descriptor_lead=regex.compile("(?:控股|全资|参股)?" + rules.alternation(descriptors)),
        legal_suffix=regex.compile(rules.alternation(t["descriptors"]["legal_suffixes"]) + "$"),
        anaphora=frozenset(t["strip"]["anaphora"]),
        anaphora_described=regex.compile(rules.alternation_of_patterns(t["strip"]["anaphora_described"])),
        generic=frozenset(t["generic"]["words"]),
        sectors=frozenset(t["generic"]["sectors"]),
        name_suffix=regex.compile(rules.alternation(t["descriptors"]["name_suffixes"]) + "$"),
        well_known=frozenset(t["descriptors"]["well_known_hans"] + t["descriptors"]["well_known_hant"] + t["descriptors"]["well_known_latin"]),
        region_prefix=regex.compile("^" + rules.alternation(t["strip"]["region_prefixes"]) + "(?:市|省)?"),
        country_prefix=regex.compile("^" + rules.alternation(t["strip"]["country_prefixes"])),
        not_name_end=regex.compile(rules.alternation(t["generic"]["not_name_endings"]) + "$"),
        not_target_end=regex.compile(rules.alternation(t["generic"]["not_target_endings"]) + "$"),
        time_words=frozenset(t["generic"]["time_words"]),
        pronouns=frozenset(t["generic"]["pronouns"]),
        clause_verbs=regex.compile(rules.alternation(t["generic"]["clause_verbs"])),
        bad_edges=regex.compile(
            "^" + rules.alternation(t["generic"]["bad_starts"]) + "|" + rules.alternation(t["generic"]["bad_ends"]) + "$"
            + "|" + rules.alternation_of_patterns(t["generic"]["bad_end_patterns"]) + "$"
        ),
        plural=regex.compile(
            # 51家, 十余家 (but 一家荷兰的初创公司「Meatable」 is one company)
            r"(?!一家|一个)(?:\d+(?:\.\d+)?万?|[一二两三四五六七八九十百千]+)(?:多|余)?(?:家|个(?=\p{Han}{0,6}(?:项目|企业|公司|团队)))|" + rules.alternation(t["generic"]["plural_markers"])
        ),
    )


# (Run:ai; 1X Technologies, 01.AI: digits may open a name, before two letters at least, not 5G or 3D)
LATIN_NAME = r"(?:\d{1,2}\.?(?=[A-Za-z]{2}|[A-Za-z]\s[A-Z]))?[A-Za-z](?:[A-Za-z0-9.&'\-]|:(?=[a-z]))*(?:\s[A-Za-z0-9][A-Za-z0-9.&'\-]*)*"
_LATIN_TAIL = regex.compile(LATIN_NAME + r"$")
_LATIN_ONLY = regex.compile(LATIN_NAME)
_QUOTED_EPITHET = regex.compile(r"(?:第一股|龙头|巨头|独角兽|一哥|老大|黑马|新贵|新星|明星|之王|王者)$")
_QUOTED = regex.compile(r"[「“《『\"]([^」”》』\"]{1,30})[」”》』\"]")
_PAREN_ALIAS = regex.compile(
    r"^(?P<name>.+?)\s*[(（](?P<short>以下简称|以下称|下称|简称|即)?\s*[:：]?\s*[“\"「]?(?P<alias>[^()（）“”「」\"]{2,40}?)[”\"」]?\s*(?:(?:[,，;；、]|或|及|和|(?<=[”\"」])(?=[“\"「]))[^()（）]*)?[)）]$"  # (以下简称“公司”“中望软件”: quotes side by side)
)
_QUOTED_NAME_ENDING_DE = regex.compile(r"[\p{Han}A-Za-z]{2,6}的")
_EVENT_NOUN = regex.compile(r"(?:经典|著名|知名|典型|成功|失败|重大|历史性)?(?:案例|交易|事件|案子|先例|往事|壮举|一役)")
_FIELD_NAMED = regex.compile(r"\p{Han}{2,4}")
_FUND_KIND = regex.compile(r"发展基金")
# Words an announcement glosses its own company as (以下简称"公司"): no short name of its own
_SELF_WORDS = ("公司", "本公司", "本集团", "发行人")
_GLOSSED_AS_COMPANY = regex.compile(r"(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「](?P<word>" + "|".join(_SELF_WORDS) + r")[”\"」]")
_LATER_SHORT = regex.compile(r"(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「](?P<short>[^”\"」]{2,40})[”\"」]")
# A date at the head of a phrase (2023年7月, 去年10月19日, 在6月底): not part of a name.
_DATE_HEAD = regex.compile(
    r"^(?:date\s*)?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*|^(?:在|于|自|从)?(?:(?:(?:19|20)\d{2}年|(?:19|20)\d{2}(?=全年|上半年|下半年)|今年|去年|前年)(?:\d{1,2}月份?)?|\d{1,2}月份?)(?:\d{1,2}[日号])?"
    r"(?:初|底|末|中旬|上旬|下旬|上半年|下半年|全年)?(?:时|前后|以来|期间|前|后)?[,，]?"
)
# 中国人寿及其一致行动人 → 中国人寿: the parties acting with a company are not its name.
_PARTY_TAIL = regex.compile(r"(?:及其|及|和|与)(?:一致行动人|关联方|关联人|控股子公司|全资子公司|子公司|下属公司|旗下公司)$")
# A phrase with these is a clause, not a name (完成融资后, 凭借…的估值).
# A fund named for what it does (中关村并购母基金, 并购基金): 并购 there is no clause's verb
_BUYOUT_FUND = regex.compile(r"^[^，,。；;：:是了]{0,12}并购(?:母|产业|投资)?基金$")
_CLAUSE_WORDS = regex.compile(
    r"[是了吗呢吧啊]|[，,。；;！？!?：]|(?<![A-Za-z]):|:(?![a-z])|没有|可以|如果|因为|所以|但是|这个|那个|什么"
    r"|完成|获得|宣布|收购|并购|估值|成立|发布|推出|上线|达到|凭借|跻身|成为|之后|以后|期间|的时候|首次|年来|以来"
)


@dataclass(frozen=True, slots=True)
class CompanyName:
    name: str
    aliases: tuple[str, ...] = ()
    generic: bool = False  # a class of companies (51家AIGC初创企业), not one
    count: int | None = None  # how many, for a class
    investors: tuple[str, ...] = ()  # 从微软获得…: the sources of the money, read off the subject phrase


# 周一在一条简短的推文中宣布: when and where, not who.
# A news dateline glued to a name: 中国经济网北京7月20日讯理工导航 → 理工导航.
_DATELINE = regex.compile(r"^[\p{Han}A-Za-z]{0,14}?\d{1,2}月\d{1,2}日(?:电|讯|消息)")
_ADVERBIAL_TAIL = regex.compile(r"(?:周[一二三四五六日]|今天|昨天|近日|日前|当天|当地时间\S{0,8})?在[^，,在]{0,24}?(?:中|上|里|时|期间|内|领域|方面|赛道|行业|半年|季度|年内)(?:宣布|表示|称|透露|公布|披露|一口气|接连|连续|相继|先后)?$")
# Sector and place words, one or more (美国AI, 国内大模型): what a kind of company is, not its name
_SECTORS = regex.compile("(?:" + rules.alternation([*rules.load("funding")["generic"]["sectors"], *rules.load("funding")["strip"]["country_prefixes"],
                                                      "欧洲", "亚洲", "东南亚", "中东", "拉美", "非洲", "北欧", "南欧", "西欧", "东欧", "北美", "南美", "中亚", "南亚", "东亚"]) + r"|\s)+")
# A headline's section before a dash (融资进展-具身科技, 机器人[3] -鹿明机器人) or a breadcrumb
# (首页>…>X): not part of the name (but 克利夫兰-克里夫斯 is one transliterated name: a section needs
# its word, a bracket, spaces or a bar)
_SECTION_HEAD = regex.compile(
    r"^.*(?:(?:[\]】)）]|进展|快讯|动态|速递|资讯|日报|周报|早报|晚报|要闻|头条|新闻|融资|投融资|热点)\s*[-—–]+|\s[-—–]+\s|——|[|｜>＞»])\s*(?=\p{Han}|[A-Z])")


_BRACKETED_TAG = regex.compile(r"^\s*【[^】]{1,12}】(?=\s*\S)")  # (【星核智能】 alone is the name)
_ASKED_ABOUT_HEAD = regex.compile(r"^[^，,]{0,12}?(?:询问|问及|谈及|提及|问到|谈到)(?:有关|关于)?(?=[\p{Han}A-Za-z]{2})")
_AGO_HEAD = regex.compile(r"^(?:[一二三四五六七八九十两半几数\d]+多?(?:年|个月|月|周|天)多?(?:前|后)|当时|彼时|那时|随后|继(?=去年|今年|前年|上月|\d))(?=\S{2})")
_ROUND_TAIL = regex.compile(r"(?<=[\p{Han}A-Za-z]{2})\s*(?:Pre-?)?[A-K]\d{0,2}\+{0,2}轮$")
_EXCEPT = regex.compile(r"除(?:了)?(?P<name>.{2,30}?)(?:之)?外")
# 国巨周一 (20 日): the day in brackets after the weekday, as Taiwan's news writes it
_DAY_IN_BRACKETS = regex.compile(r"\s*[(（]\s*\d{1,2}\s*日\s*[)）]\s*$")
# 恩智浦半导体公司3月同意…, 腾讯2023年宣布…: when, written after who (the words after it go first)
_CHIEF_OF = regex.compile(r"(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,15}?)(?:联合)?(?:创始人|创办人|CEO|首席执行官|董事长|总裁)(?:兼(?:CEO|首席执行官|董事长|总裁))?(?!基金|资本|投资|联盟|俱乐部|计划|营|学院|圈)[\p{Han}·]{2,4}")
# 王慧文创办光年之外: the company a founder started is the name, not the founder and the verb
_FOUNDED_BY = regex.compile(r"[^，,。；;：:]{2,24}?(?:一手)?(?:创办|创立|创建|创设|孵化)(?:了|的)?(?P<co>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,20})")
_TW_DAY = r"(?:[二三]?[十廿卅][一二三四五六七八九]?|[一二三四五六七八九])日"  # 十八日, 廿二日: a day in Taiwan's numerals
_DAY_HEAD = regex.compile(rf"^{_TW_DAY}(?=\S{{2}})")
_SHARE_TAIL = regex.compile(r"(?<=\S{2})(?:逾|超|近|约)?(?:[一二三四五六七八九]|\d)成(?:以上)?(?:的)?(?:股权|股份)?$")
# 认购世界先进(5347)现金增资: the capital increase subscribed to, after the company's name
_ISSUE_TAIL = regex.compile(r"(?<=\S{2})(?:[(（]\d{4,6}[)）])?的?现金增资$")
_DATE_TAIL = regex.compile(
    r"(?<=\S{2})(?:于|在)?(?:(?:今年|去年|前年|(?:19|20)\d{2}年)(?:\d{1,2}月份?)?|\d{1,2}月份?)(?:\d{1,2}[日号])?(?:初|底|末|中旬|上旬|下旬)?$"
    # 辉达十八日宣布…: a day of this month, in Taiwan's numerals (他十八日: the pronoun is left)
    rf"|(?<=\S)(?<![一二三四五六七八九十廿卅]){_TW_DAY}$")


def without_tag(phrase: str) -> str:
    """【融资】滴灌通 → 滴灌通: a page's tag before a name, as `company_name` peels it."""
    return _BRACKETED_TAG.sub("", phrase)


def _peel(phrase: str, r: _EntityRules) -> str:
    phrase = _SECTION_HEAD.sub("", _DATELINE.sub("", _ADVERBIAL_TAIL.sub("", phrase)))
    previous = None
    # 【公告】明泰: a page's tag, then the name; 星核智能｜完成…, ▌星核智能获…, 【星核智能】完成…: a
    # headline's bars, bullets and brackets around the name
    phrase = _BRACKETED_TAG.sub("", phrase).strip(" 、,，:：]】[【/|｜丨▌■●◆★▶►•")
    if phrase.endswith(("(", "（")):
        phrase = phrase[:-1].rstrip()  # Anthropic(融资45亿美元): the name, then a gloss of what it did
    if _EXCEPT.fullmatch(phrase):
        phrase = _EXCEPT.fullmatch(phrase)["name"]  # 除Anthropic外: the company set aside is still named
    while phrase != previous:
        previous = phrase
        phrase = _DAY_IN_BRACKETS.sub("", phrase)
        led = r.leading.sub("", phrase).strip(" 、,，")
        # (今日资本 is a name: a time word is no lead-in where only a company's ending would stay)
        core = r.trailing.sub("", led).strip(" 、,，")
        phrase = led if len(core) > 2 or not r.name_suffix.fullmatch(core) or core in r.anaphora else phrase
        phrase = r.trailing.sub("", phrase).strip(" 、,，")
        phrase = _DATE_TAIL.sub("", phrase)
        phrase = _PARTY_TAIL.sub("", phrase).strip(" 、,，")
        phrase = _ROUND_TAIL.sub("", phrase)  # 百川智能A1轮获得…: the company, then its round
        if phrase.startswith("如") and ((phrase[1:2].isascii() and phrase[1:2].isalpha())
                                        or (len(phrase) > 3 and looks_like_company(phrase[1:]))):
            phrase = phrase[1:]  # 如Salesforce豪掷…, 如百川智能近日完成…: an example given (but 如涵, 如祺出行 keep it)
        phrase = _SHARE_TAIL.sub("", phrase)  # 收购行动基因逾9成股权: the share bought, not the name
        phrase = _ISSUE_TAIL.sub("", phrase)
        if phrase.startswith("传") and looks_like_company(phrase[1:]):
            phrase = phrase[1:]  # 传小鹏汽车已完成…: a rumour told, not part of the name (but 传音控股)
        phrase = _AGO_HEAD.sub("", phrase)  # 三年前微软向OpenAI注资…: when, then who
        phrase = _DAY_HEAD.sub("", phrase)  # 廿二日他再抛出…: a day of this month, then who
        phrase = _ASKED_ABOUT_HEAD.sub("", phrase)  # 媒体询问有关辉达投资…: who asked, then about whom
        head = _DATE_HEAD.match(phrase)
        if head and head.end() > 0:
            phrase = phrase[head.end() :].strip(" 、,，")
    return phrase


def leading_date_end(phrase: str) -> int:
    """Where a date written first in a phrase ends (2023年7月, 去年10月19日, 在6月底): 0 if none."""
    head = _DATE_HEAD.match(phrase)
    return head.end() if head else 0


def strip_lead_in(text: str) -> str:
    """`text` without the words a name is written after (年初, 此前, 据悉), when it opens with one
    and a name-long rest follows."""
    rest = _rules().leading.sub("", text, count=1)
    return rest if len(rest) >= 2 else text


def is_lead_in(prefix: str) -> bool:
    """Words a name is written after and peeled from (次日, 据悉, 此前): no part of the name."""
    r = _rules()
    return bool(prefix) and r.leading.sub("", prefix) == ""


def anaphora_words() -> frozenset[str]:
    """The words that refer back to a company (该公司, 其, 后者), as written: not the described
    ones (这家芯片公司) that is_anaphor also accepts."""
    return _rules().anaphora


def is_anaphor(phrase: str) -> bool:
    """该公司, 其, 这家芯片公司: words that refer back to a company named before."""
    r = _rules()
    return phrase in r.anaphora or r.anaphora_described.fullmatch(phrase) is not None


def _last_descriptor(phrase: str, r: _EntityRules) -> regex.Match[str] | None:
    """The last descriptor (公司, 研发商, 初创企业 …) in a phrase: the name follows it."""
    last = None
    for last in r.descriptor.finditer(phrase):
        pass
    return last


def _is_trade(phrase: str, last: regex.Match[str] | None) -> bool:
    """装备制造商, 海洋工程承包商: a trade ending in 商 with no name after it (the name follows 商)."""
    return last is not None and last.end() == len(phrase) and last.group(0).endswith("商")


def is_trade(phrase: str) -> bool:
    """Is the phrase a trade alone (海洋工程承包商), describing the name after it in a list?"""
    r = _rules()
    return _is_trade(phrase, _last_descriptor(phrase, r))


def without_region(name: str) -> str:
    """The name without a place written before it: 北京爱诗科技 → 爱诗科技."""
    return _rules().region_prefix.sub("", name)


@lru_cache(maxsize=8192)  # a pure function of the phrase (and the rule tables); a third of the calls repeat one
def company_name(phrase: str) -> CompanyName | None:
    """A clean company name from a subject or object phrase, or None when there is none."""
    company = _company_name(phrase)
    if company is not None and not company.generic:
        short = next((a for a in company.aliases if company.name.endswith(a) and len(a) < len(company.name)
                      and is_place(company.name[: -len(a)]) and is_well_known(a)), None)
        if short is not None:  # 日本软银, 韩国三星: the place goes, the name it is known by stays
            return CompanyName(short, tuple(a for a in (company.name, *company.aliases) if a != short), company.generic, company.count, company.investors)
        latin = _LATIN_THEN_FIELD.fullmatch(company.name)
        if latin is not None and _LATIN_COMPANY.search(latin["latin"]) and latin["latin"] not in company.aliases:
            # Kult美容(平台), Euler电动汽车: a Latin name, then what it does in Chinese; the Latin name alone is its name too
            return CompanyName(company.name, (*company.aliases, latin["latin"]), company.generic, company.count, company.investors)
    return company


_ADVERB_OPENING = regex.compile(r"(?:仅|已|也|就|还|再|才|将|曾|又|都|则|正|便|更|刚|均)(?!\p{Han}{0,2}(?:科技|智能|集团|公司))")
_DASHES_AFTER = regex.compile(r"(?<=\S)\s*(?:——|—|－－)$")
_LATIN_THEN_FIELD = regex.compile(r"(?P<latin>[A-Za-z][A-Za-z0-9.&'\-]*(?: [A-Z][A-Za-z0-9.&'\-]*)*)(?P<field>\p{Han}{2,6})")


def _company_name(phrase: str) -> CompanyName | None:
    r = _rules()
    phrase = _peel(phrase, r)
    phrase = _DASHES_AFTER.sub("", phrase)  # 一家成立仅一年的公司——银河通用——: no name ends with a dash
    phrase = _LOCATED_AT.sub("", phrase)  # 位于成都的酒店 → 酒店 (no company), 位于深圳的X → X
    owner = _OWNER_OF_UNIT.match(phrase)
    if owner:
        phrase = owner["owner"]  # 三星旗下的风投公司 → 三星: a unit with no name of its own
    unit = _OWNER_FIELD_UNIT.fullmatch(phrase) if not owner else None
    if unit and not _CLAUSE_WORDS.search(unit["owner"]) and unit["field"] not in r.generic:
        # 滴滴旗下自动驾驶公司 → 滴滴自动驾驶: a unit named, as news names it, by its owner and its field
        return CompanyName(unit["owner"] + unit["field"], (phrase,))
    led = _CHIEF_OF.fullmatch(phrase)
    if led:
        phrase = led["co"]  # 阶跃星辰创始人姜大昕 (宣布…): the person speaks for the company
    founded = _FOUNDED_BY.fullmatch(phrase)
    if founded:
        phrase = founded["co"]  # 王慧文创办光年之外 → 光年之外
    unit = _GROUP_THEN_UNIT.fullmatch(phrase)
    if unit:
        phrase = unit["unit"]  # 招商局集团招商启航资本 → 招商启航资本: the group, then its investing arm by name
    named = _NAMED_AS.match(phrase)
    if named:
        phrase = named["name"].strip()  # 一家名为Swarm Technologies的卫星通信公司 → Swarm Technologies
    if phrase.count("(") + phrase.count("（") > phrase.count(")") + phrase.count("）"):
        # cut inside a bracket: the name is what the open bracket holds (雷曼兄弟和美林(美林被…收购) → 美林;
        # Hugging Face(融资2 → none)
        phrase = regex.split(r"[(（]", phrase)[-1].strip()
    if not phrase:
        return None
    if is_anaphor(phrase):
        return CompanyName(phrase)  # resolved by the register
    plural = r.plural.search(phrase)
    if plural or phrase in r.generic or _without_country(phrase, r) in r.generic:  # 日本财团
        count = None
        m = regex.search(r"(\d+(?:\.\d+)?)(万)?(?:多|余)?[家个]", phrase)
        if m:
            count = round(float(m.group(1)) * (10_000 if m.group(2) else 1))  # 1.2万家 → 12000
        return CompanyName(phrase, (), True, count)
    kind = r.descriptor_end.search(phrase)
    if kind and _SECTORS.fullmatch(phrase[: kind.start()]):  # AI初创公司, 美国AI初创企业: a kind of company
        return CompanyName(phrase, (), True, None)
    if kind and kind.group(0) in _KIND_ONLY and not _LATIN_RUN.fullmatch(phrase[: kind.start()]):
        return CompanyName(phrase, (), True, None)  # 手表巨头, 电商巨头: a trade and a rank, no name
    if "的" in phrase and phrase.rsplit("的", 1)[1] in r.generic and regex.search(r"等\p{Han}{0,4}$", phrase.rsplit("的", 1)[0]):
        return CompanyName(phrase, (), True, None)  # 自动驾驶、人工智能等领域的初创公司: a class of companies
    aliases: list[str] = []
    quoted = _QUOTED.search(phrase)
    if quoted and "的" in phrase[quoted.end() :]:
        quoted = None  # 拥有“萨博”基因的瑞典电动汽车公司NEVS: the quote describes; the name follows 的
    if quoted and (second := _QUOTED.search(phrase, quoted.end())) is not None \
            and r.descriptor_end.search(phrase[: second.start()].rstrip()) is not None:
        quoted = second  # “AI+游戏”应用公司“奇酷网络”: a kind in quotes, a descriptor, then the name in quotes
    after_quote = phrase[quoted.end() :].strip() if quoted else ""
    kind_after = r.descriptor_lead.match(after_quote) if quoted and quoted.start() == 0 else None
    named_after = after_quote[kind_after.end() :].strip() if kind_after else ""
    if (kind_after and len(named_after) >= 2 and not _QUOTED.search(after_quote)
            and (_LATIN_ONLY.fullmatch(named_after) or (len(named_after) <= 8 and not _CLAUSE_WORDS.search(named_after) and not r.bad_edges.search(named_after)))):
        phrase, quoted = after_quote, None  # “AI 作弊” 公司 Cluely: a kind in quotes, a descriptor, then the name bare
    if (quoted and _QUOTED_EPITHET.search(quoted.group(1)) and len(phrase[quoted.end() :].strip()) >= 2
            and not r.descriptor.match(phrase[quoted.end() :].strip())):  # (两大“独角兽”公司…: a kind, no name)
        phrase, quoted = phrase[quoted.end() :].strip(), None  # 港股「人形机器人第一股」优必选: an epithet, then the name
    if quoted and not _PAREN_ALIAS.match(phrase):
        before = r.descriptor.sub("", phrase[: quoted.start()]).strip()
        described = r.descriptor_end.search(phrase[: quoted.start()].rstrip()) is not None  # 消费电子品牌“Oladance”
        # (…由腾讯及阿里巴巴投资的「滴滴快的」: a description ending in 的 before the quote describes the quoted name)
        if before and not described and looks_like_company(before) and quoted.end() == len(phrase) and not before.rstrip().endswith("的"):
            return _checked(before, aliases)  # 觅瑞控股“突击”: the quote is a word, not the name
        checked = _checked(quoted.group(1).strip(), aliases)
        if checked is None and _QUOTED_NAME_ENDING_DE.fullmatch(quoted.group(1).strip()):
            return CompanyName(quoted.group(1).strip(), tuple(aliases))  # 「滴滴快的」: a brand in quotes may end in 的
        return checked
    glossed = _GLOSS_THEN_MORE.match(phrase)
    if glossed:
        phrase = glossed["head"]  # 西太平洋合众银行(PacWest Bancorp)据知情人士: a lost full stop, then the next sentence
    glossed = _LATIN_GLOSS_THEN_CLAUSE.match(phrase)
    if glossed and not (r.legal_suffix.match(glossed["rest"]) or r.name_suffix.match(glossed["rest"]) or r.descriptor.match(glossed["rest"])):
        phrase = glossed["head"]  # 智邦(Accton)营运高度成长: the name and its English one, then what it did
    m = _PAREN_ALIAS.match(phrase)
    if m and regex.fullmatch(r"(?:有限|普通)合伙", m["alias"]):
        m = None  # 知一乾睿投资合伙企业(有限合伙): the legal form is part of the name
    elif m and regex.search(r"旗下|拥有|主营|持有|控股|成立|位于", m["alias"]):
        phrase, m = m["name"].strip(), None  # 深圳云房(旗下拥有Q房网): a gloss, not another name
    later_short = _LATER_SHORT.search(phrase, m.end("alias")) if m and not m["short"] else None
    if later_short and later_short["short"] not in r.generic and not is_anaphor(later_short["short"]):
        # 北京银河通用机器人有限公司(GalaxyBot,下称“银河通用”): the English name, then the short one the article uses
        return _checked(later_short["short"].strip(), [m["name"].strip(), m["alias"].strip(), phrase])
    if m:
        if m["short"] and m["short"] != "即":
            # 和然节能有限责任公司(下称和然节能): the article goes on with the short name; of
            # several (以下简称“标的公司”或“四九八科技”), the first that names this company alone
            short = next((a for a in regex.findall(r"[“\"「]([^”\"」]{2,40})[”\"」]", phrase[m.end("name") :])
                          if a not in r.generic and not is_anaphor(a)), m["alias"].strip())
            if short.strip() in r.generic or is_anaphor(short.strip()) or short.strip() in _SELF_WORDS:
                return _checked(m["name"].strip(), [phrase])  # X股份有限公司(以下简称“公司”): the legal name names it
            checked = _checked(short.strip(), [m["name"].strip(), phrase])
            if checked is None and r.legal_suffix.search(m["name"]) and _checked(m["name"].strip(), []) is not None \
                    and len(short.strip()) <= 12 and _abbreviates(short.strip(), m["name"]):
                # 苏州启明芯片有限公司(以下简称“启明芯片”): the short name a legal name is given is a
                # company's, though 芯片 alone would end a field
                return CompanyName(short.strip(), (m["name"].strip(), phrase))
            return checked
        aliases.append(m["alias"].strip())
        aliases.append(phrase)
        phrase = m["name"].strip()
        inner = _QUOTED.search(phrase)
        if inner and inner.start() > 0 and inner.end() == len(phrase):
            phrase = inner.group(1).strip()  # 日本国内基金“日本产业合作伙伴”(JIP) → 日本产业合作伙伴
    if "的" in phrase:  # 王慧文的光年之外, 以文字生成为主的AIGC项目Jasper.Ai (but not 美的集团)
        head, tail = phrase.rsplit("的", 1)
        if _EVENT_NOUN.fullmatch(tail) and len(head.strip()) >= 2:
            phrase, tail = head.strip(), ""  # 收购Arris Technology的经典案例: the deal told as an event, the name before it
        latin_owner = _LATIN_ONLY.fullmatch(head.strip()) is not None and r.descriptor_end.search(tail) is not None
        if latin_owner:
            phrase = head.strip()  # OfBusiness的工业品采购平台: a Latin name, then what it runs
        elif len(tail) >= 2 and len(head.strip()) >= 2 and not (r.legal_suffix.fullmatch(tail) or r.name_suffix.fullmatch(tail) or tail in r.generic):
            phrase = tail
    phrase = _LIST_NUMBER.sub("", phrase)  # list numbering: 6. Archer Aviation
    head = _LATIN_HEAD.match(phrase)
    clause_after = bool(head) and bool(r.bad_edges.match(head["rest"]) or r.clause_verbs.match(head["rest"]))
    # (Euler电动汽车: a field that is no name's ending, though 汽车 ends names)
    field_only = bool(head) and r.not_name_end.fullmatch(head["rest"]) is not None
    if (head and len(head["latin"]) > 2 and (clause_after or not regex.search(r"[A-Za-z]", head["rest"]))
            and (field_only or not r.name_suffix.search(phrase)) and not r.descriptor.search(head["rest"])):
        phrase = head["latin"]  # the Chinese after it is what the company does, not its name
    latin = _LATIN_TAIL.search(phrase)
    if latin and latin.start() > 0:
        before = phrase[: latin.start()]
        # 初创企业Inflection AI → the Latin name; 智谱AI → the whole name
        if r.descriptor_end.search(before) or len(latin.group(0)) > 3:
            if (regex.fullmatch(r"\p{Han}{2,4}", before) and not _NOT_A_NAME_PART.search(before)
                    and not r.descriptor.search(before) and _without_country(before, r) is None
                    and not is_place(before) and before not in r.generic and not r.clause_verbs.search(before)):
                return _checked(phrase, [latin.group(0), *aliases])  # 寻汇SUNRATE: the name as written, and its Latin part
            return _checked(latin.group(0), aliases)
    if r.legal_suffix.search(phrase):
        # 子公司比亚迪汽车工业有限公司, 上市公司纽顿集团, 公司控股子公司阳新鹏富矿业有限公司
        while (lead := r.descriptor_lead.match(phrase)) and not r.legal_suffix.fullmatch(phrase[lead.end() :]) \
                and len(phrase) - lead.end() >= 4:
            phrase = phrase[lead.end() :]
        # 智能产品设计工具研发企业上海奥梭格纳科技有限公司: a description, then a legal name opening with its place
        # (捷克线上零售商Mall集团: or a Latin name, which no description runs into)
        cuts = [d.end() for d in r.descriptor.finditer(phrase)
                if (r.region_prefix.match(phrase[d.end() :]) or r.country_prefix.match(phrase[d.end() :])
                    or _LATIN_OPENING.match(phrase, d.end())) and r.legal_suffix.search(phrase, d.end())]
        if cuts:
            phrase = phrase[cuts[-1] :]
        return _checked(phrase, aliases)
    # The name follows the last descriptor: 合成数据公司光轮智能 → 光轮智能
    last = _last_descriptor(phrase, r)
    if last is not None:
        after = phrase[last.end() :]
        before = phrase[: last.start()]
        if len(after) >= 2 and _FUND_KIND.fullmatch(after):
            return _checked(phrase, aliases)  # 中小企业发展基金: a fund named for whom it serves, whole
        if len(after) >= 2:
            adverb_next = _LATIN_HEAD.match(after)
            if adverb_next and len(adverb_next["latin"]) > 2 and _ADVERB_OPENING.match(adverb_next["rest"]):
                after = adverb_next["latin"]  # 公司Cluely仅成立…: the Latin name, then what it did
            checked = _checked(after, aliases)
            latin_first = _LATIN_HEAD.match(after) if checked is None else None
            if latin_first and len(latin_first["latin"]) > 2 and r.not_name_end.fullmatch(latin_first["rest"]):
                return _checked(latin_first["latin"], [*aliases, after])  # 初创公司Vahan电动汽车: the Latin name, then its field
            field_end = r.not_name_end.search(after) if checked is None else None
            if field_end is not None and field_end.end() == len(after) and _FIELD_NAMED.fullmatch(after[: field_end.start()]) \
                    and not is_place(after[: field_end.start()]):
                # AI芯片企业墨芯人工智能: after a descriptor, a name may end in its field's word
                return CompanyName(after, tuple(dict.fromkeys(aliases)))
            return checked
        elif _is_trade(phrase, last):
            return CompanyName(phrase, (), True, None)  # 装备制造商: a trade, no name
        elif not after and len(before) >= 2:
            aliases.append(phrase)  # 西安云睿网络科技公司, AK钢铁控股公司: the written form is a name too
            trade = last.group(0).removesuffix("公司")
            if trade != last.group(0) and r.name_suffix.fullmatch(trade) and r.not_name_end.search(before):
                # 微芯片科技公司 → 微芯片科技: 微芯片 alone ends like a product, so the trade stays
                return _checked(before + trade, aliases)
            phrase = before  # 腾讯公司 → 腾讯
            latin_first = _LATIN_HEAD.match(phrase)
            if (latin_first and len(latin_first["latin"]) > 2 and not regex.search(r"[A-Za-z]", latin_first["rest"])
                    and not r.name_suffix.search(phrase) and not r.descriptor.search(latin_first["rest"])):
                aliases.append(phrase)  # Kult美容平台 → Kult: a Latin name, what it does, then the descriptor
                phrase = latin_first["latin"]
            inner = _last_descriptor(phrase, r)
            rest = phrase[inner.end() :] if inner is not None else ""
            if inner is not None and len(rest) >= 2 and not r.name_suffix.fullmatch(rest):
                aliases.append(phrase)  # 同行飞思卡尔公司 → 飞思卡尔: a description before the name too
                phrase = rest
    return _checked(phrase, aliases)


# Words before a Latin name that are no part of it (使得OpenAI, 合并后VinFast).
_GLOSS_THEN_MORE = regex.compile(r"^(?P<head>[^()（）]{2,40}[(（][^()（）]{1,40}[)）])(?P<rest>(?:据|消息称|报道称|知情人士).*)$")
_LATIN_GLOSS_THEN_CLAUSE = regex.compile(r"^(?P<head>[^()（）]{2,40}[(（][A-Za-z][A-Za-z0-9 .&\-]{1,40}[)）])(?P<rest>(?=\p{Han})[^的之]{3,})$")
_PLACE_BEFORE_LATIN = regex.compile("^" + rules.alternation(rules.load("funding")["strip"]["places_before_latin"]))
_KIND_ONLY = frozenset(["巨头", "龙头", "大厂", "独角兽", "新势力"])
_NOT_A_NAME_PART = regex.compile(
    r"^(?:使|让|令|而|由|以|和|与|及|据|对|向|被|将|把|为|是|在|从|于|但|并|且|若|如|合并|收购|旗下|连同|包括|其中)|(?:后|前|时|中|的|了|将|称)$")
_GROUP_THEN_UNIT = regex.compile(r"\p{Han}{2,8}集团(?:旗下的?)?(?P<unit>\p{Han}{2,10}(?:资本|创投|基金|投资|资管))")
_OWNER_OF_UNIT = regex.compile(
    r"^(?P<owner>[^的，,]{2,20}?)(?:集团)?旗下(?:的)?(?:(?:风投|创投|投资|战略投资|产业投资|基金)(?:公司|机构|部门|平台|基金)?|(?:一家)?(?:全资)?子?公司)$")  # (腾讯控股旗下公司)
_OWNER_FIELD_UNIT = regex.compile(r"(?P<owner>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,9}?)旗下的?(?P<field>(?!一家|全资|控股|多家|这家|该)\p{Han}{2,6}?)(?:子公司|公司)")
_LOCATED_AT = regex.compile(r"^(?:位于|地处|坐落于|总部位于|总部设在)[^的，,]{1,14}的")
_NAMED_AS = regex.compile(r"^(?:一家|一个|这家)?(?:名为|名叫|叫做)(?P<name>[^的，,]{2,30})的")
_SHARE_COUNT_HEAD = regex.compile(r"^(?:\d+(?:\.\d+)?[万亿]?|[万亿])股")  # 13.2万股X, and 万股X cut from it
_LETTER = regex.compile(r"[\p{Han}A-Za-z]")
_ROUND_NAME = regex.compile(r"(?i)(?:pre-?)?(?:[a-h]\d?\+{0,2}|ipo|angel|seed)(?:轮)?")
_LATIN_RUN = regex.compile(r"(?:[A-Za-z0-9.&'\- ]|(?<=[A-Za-z]):(?=[a-z]))+")
_LIST_NUMBER = regex.compile(r"^\d{1,2}[.、)）]\s*")
_COUNTED = regex.compile(
    r"\d+(?:\.\d+)?\s*(?:余|多)?(?:件|个|项|次|条|股|万股|亿股|%|人|家|只|倍|户|笔|宗|起)|\d+(?:\.\d+)?\s*[万亿]|\d\.\d|\d{5,}|(?<=[\d十百千万亿美港日欧韩澳台])元$|币$"
)
# 'OpenAI迅速绑定', 'Esdec Solar拟赴美IPO': a Latin name with a clause after it.
_LATIN_HEAD = regex.compile(r"^(?P<latin>[A-Za-z][A-Za-z0-9.&'\-]*(?:\s[A-Za-z0-9][A-Za-z0-9.&'\-]*)*)(?P<rest>\p{Han}.*)$")
_LATIN_OPENING = regex.compile(r"[A-Za-z]{2}")  # a Latin name begins here (two letters: not a stray A轮)


_NUMBERED_THING = regex.compile(r"\p{Han}{2,}\d{2,}")
_DATE_INSIDE = regex.compile(r"\d{2,4}年\d{1,2}月|\d{1,2}月\d{1,2}日|(?<=\p{Han})(?:19|20)\d{2}年")  # (杭州2024年AI: a place and a year)  # 终于在2017年11月: a time, not a name
_DATE_LIKE = regex.compile(r"^\d{1,4}[年月日号]|^[一二三四五六七八九十]{1,3}[月日号]$")
_ABBREVIATION_END = regex.compile(r"(?<![A-Za-z])(?:Inc|Ltd|Corp|Co|Bhd|Pte|Plc|PLC|S\.A|N\.V|L\.P)\.$")


def _without_country(name: str, r: _EntityRules) -> str | None:
    """美国西屋电气 → 西屋电气, 日本财团 → 财团; None when the name starts with no country."""
    country = r.country_prefix.match(name)
    return name[country.end() :] if country else None


def as_written_alone(name: str, text: str) -> str:
    """日本软银 → 软银 when the text also writes 软银 on its own: the country was a description,
    not part of the name (日本电产, written only whole, keeps it)."""
    r = _rules()
    short = _without_country(name, r)
    if not short or len(short) < 2 or short in r.generic:
        return name
    return short if text.count(short) > text.count(name) else name


_WRITTEN_ENDING = regex.compile(rules.alternation(rules.load("funding")["strip"]["written_endings"]))


def as_written_whole(name: str, text: str, near: str | None = None) -> str:
    """上海假面信息 → 上海假面信息科技公司 when the text never writes the shorter name without that
    ending: the name a reader (and a labeller) finds in the article. With `near` (the deal's own
    sentence) naming it, that sentence decides: 苹果公司已收购Q.ai is told by 苹果公司."""
    if near is not None and name in near:
        text = near
    at = text.find(name)
    endings = set()
    while at >= 0:
        m = _WRITTEN_ENDING.match(text, at + len(name))
        if m is None:
            return name
        endings.add(m.group(0))
        at = text.find(name, at + len(name))
    return name + endings.pop() if len(endings) == 1 else name


# Characters on the bad-start list that also open names (正泰, 传音, 再鼎, 当虹, 若羽臣, 因赛, 时代天使,
# 想念); the prepositions there (与, 向, 如, 以 …) are left out.
_NAME_OPENERS = frozenset("正传再当若因时想不")  # (不二资本)
_WORD_OPENING = regex.compile(r"^(?:传统|传闻|传言|传出|当前|当地|当时|当天|时间|时期|正常|正式|再次|再度|因为|因此|若是|想要)")


def _bad_edge(name: str, r: _EntityRules) -> bool:
    """Does the name open or close with a word no name has (正在…, …的)? One character that opens
    words as well as names (正, 传, 再, 当) is allowed where a company's ending closes the name
    (正心谷创新资本, 传音控股, 再鼎医药)."""
    bad = r.bad_edges.search(name)
    if bad is None:
        return False
    if bad.start() == 0 and bad.group(0) in _NAME_OPENERS and len(name) >= 4 and r.name_suffix.search(name) \
            and not _WORD_OPENING.match(name) \
            and r.bad_edges.search(name, 1) is None:
        return False
    return True


def _abbreviates(short: str, name: str) -> bool:
    """启明芯片 of 苏州启明芯片有限公司, 中望软件 of 广州中望龙腾软件股份有限公司: its characters in order."""
    rest = iter(name)
    return len(short) >= 2 and all(ch in rest for ch in short)


def _checked(name: str, aliases: list[str]) -> CompanyName | None:
    r = _rules()
    name = _SHARE_COUNT_HEAD.sub("", name.strip(" 、,，…"))  # 13.2万股伟禄集团 (Regaind……: an ellipsis ends the list)
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name.rstrip(".")  # a sentence's full stop, not the one of Tumi Holdings Inc.
    head = _LATIN_HEAD.match(name)
    if head and len(head["latin"]) > 2 and (r.bad_edges.match(head["rest"]) or r.clause_verbs.match(head["rest"])):
        name = head["latin"]  # Esdec Solar拟赴美IPO: the name, then what it does
    if name in r.well_known:  # 华为 ends in 为, and is a company all the same
        return CompanyName(name, tuple(dict.fromkeys(a for a in aliases if a != name)))
    if not 2 <= len(name) <= 40 or (_CLAUSE_WORDS.search(name) and not _BUYOUT_FUND.search(name)) or _COUNTED.search(name):
        return None
    if not _LETTER.search(name) or name in r.generic or name in r.time_words or name in r.pronouns:
        return None
    if name.count("“") != name.count("”") or name.count("「") != name.count("」"):
        return None  # “很高兴能: a quotation cut open, not a name
    if _ROUND_NAME.fullmatch(name) or _DATE_LIKE.match(name) or _NUMBERED_THING.fullmatch(name) or _DATE_INSIDE.search(name):
        return None  # a round (Pre-A), a day (7日), a numbered ship or model (万海261), not a company
    if not _LATIN_ONLY.fullmatch(name):
        han = _LATIN_RUN.sub("", name)  # the Chinese part of 智谱AI, IPO来实现
        if han and (r.not_name_end.search(name) or r.clause_verbs.search(han) or _bad_edge(name, r)):
            return None
        if len(han) > 20 and not r.legal_suffix.search(name):
            return None  # a Chinese name this long without 有限公司 is a clause
    placed = _PLACE_BEFORE_LATIN.match(name)
    unplaced = _without_country(name, r)
    # 纽约Thrive → Thrive, 日本JIP → JIP: a place before a Latin name is no part of it
    for rest in (name[placed.end() :].strip() if placed else None, unplaced):
        if rest is not None and len(rest) >= 2 and _LATIN_ONLY.fullmatch(rest):
            return CompanyName(rest, tuple(dict.fromkeys(a for a in [*aliases, name] if a != rest)))
    if unplaced is not None and len(unplaced) >= 2 and unplaced not in r.generic:
        aliases = [*aliases, unplaced]  # 美国西屋电气 is also 西屋电气
    return CompanyName(name, tuple(dict.fromkeys(a for a in aliases if a != name)))


def coded_company_name(phrase: str) -> CompanyName | None:
    """The name written right before a stock code (高能环境(603588)): a company even when it ends
    like a field (环境, 能源), so only the clause checks apply."""
    found = company_name(phrase)
    if found is not None:
        return found
    name = _peel(phrase, _rules())
    if 2 <= len(name) <= 12 and regex.fullmatch(r"[\p{Han}A-Za-z0-9]+", name) and not _CLAUSE_WORDS.search(name) \
            and not _rules().clause_verbs.search(name) and name not in _rules().generic:
        return CompanyName(name)
    return None


def is_field_name(phrase: str) -> bool:
    """人工智能领域, 中国市场: a field or market, which makes a list of them no list of companies."""
    return bool(_rules().not_name_end.search(phrase.strip()))


# A Latin company name: a capitalised word (Figma, Inflection AI), mixed case (OpenAI,
# MiniMax) or a corporate ending; bare acronyms and product codes (AI, IPO, DDR5) are not.
_LATIN_COMPANY = regex.compile(
    r"[A-Z][a-z]{2,}|[a-z][A-Z]|[A-Z]{2,}[a-z]|(?<=\S\s?)\b(?:Inc|Ltd|LLC|Corp|Labs?|Technologies|Capital|Ventures|Partners|Holdings|Group|AI)\b\.?$"
)


def well_known_names() -> frozenset[str]:
    return _rules().well_known


def is_well_known(name: str) -> bool:
    """腾讯, 英伟达: a company news names bare (rules table `well_known`)."""
    return name in _rules().well_known


_HAN_THEN_AI = regex.compile(r"(?P<han>\p{Han}{2,4})\s?AI")
_NOT_AI_MAKER = regex.compile(r"[式端侧性型化级类的新该其此这]$|人工智能|智能|具身|开源|通用|生成|企业|消费|工业|医疗|金融|教育|边缘|云端|终端|国产|中国|美国|全球|大模型|模型|应用|产业|行业|领域|赛道|技术")


def looks_like_company(name: str) -> bool:
    """A name that reads as a company's by itself: a Latin company name, a company news names
    bare (腾讯, 英伟达: rules table `well_known`) or a company-like ending with a name before it
    (股份 alone is no company)."""
    if _LATIN_COMPANY.search(name) or is_well_known(name):
        return True
    han_ai = _HAN_THEN_AI.fullmatch(name)  # 智谱AI, 百川AI: a Chinese name, then AI (not 生成式AI, 端侧AI)
    if han_ai and not is_field_name(han_ai["han"]) and not _NOT_AI_MAKER.search(han_ai["han"]):
        return True
    suffix = _rules().name_suffix.search(name)
    return bool(suffix) and suffix.start() >= 2


def is_trade_ending(word: str) -> bool:
    """科技, 半导体, 药业 …: a word that ends company names (rules table `name_suffixes`)."""
    return _rules().name_suffix.fullmatch(word) is not None


def described_name(phrase: str) -> str | None:
    """The name in a phrase that is a description, then the name: 固态电池企业青能科技 → 青能科技
    (a reader of the whole phrase should not stop at 固态电池, which ends like a company)."""
    last = _last_descriptor(phrase, _rules())
    if last is None or last.end() >= len(phrase) or last.start() == 0:
        return None
    company = company_name(phrase)
    if company is None or company.generic or phrase[last.end() :] != company.name:
        return None
    return company.name


_UNIT_OF_OWNER = regex.compile(r"[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 ]{1,15}?旗下的?(?P<unit>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9 .]{1,15})")


def unit_of_owner(phrase: str) -> CompanyName | None:
    """The named unit in 'owner 旗下(的) unit' (百度集团旗下的昆仑芯 → 昆仑芯): a company of its own."""
    unit = _UNIT_OF_OWNER.fullmatch(phrase)
    named = company_name(unit["unit"]) if unit is not None else None
    return named if named is not None and not named.generic else None


def name_after_descriptors(phrase: str) -> CompanyName | None:
    """The company a phrase names after whatever describes it (行业巨头紫光集团 → 紫光集团)."""
    last = _last_descriptor(phrase, _rules())
    rest = phrase[last.end() :] if last is not None and last.end() < len(phrase) else phrase
    return company_name(rest)


def is_place(name: str) -> bool:
    """上海, 美国: a place's name alone."""
    r = _rules()
    return bool(r.region_prefix.fullmatch(name) or r.country_prefix.fullmatch(name))


def place_named(name: str) -> bool:
    """石家庄华燕, 北京豪威, 日本艾礼富: a place, then a short name — how Chinese news writes a
    company it has not introduced (a place alone, or a place and a field, is none)."""
    r = _rules()
    place = r.region_prefix.match(name) or r.country_prefix.match(name)
    rest = name[place.end() :] if place else ""
    return 2 <= len(rest) <= 6 and bool(regex.fullmatch(r"[\p{Han}A-Za-z]+", rest)) and not r.not_name_end.search(rest) \
        and not r.not_target_end.search(rest) and not r.bad_edges.search(rest) and rest not in r.generic


@lru_cache(maxsize=8192)  # pure; CompanyRegister.canonical compares every name it knows by its core, call after call
def name_core(name: str) -> str:
    """A name without its legal ending and place prefix: 宁波蛙声科技有限公司 → 蛙声科技."""
    r = _rules()
    core = without_region(r.legal_suffix.sub("", name.strip()))
    return core if len(core) >= 2 else name


@lru_cache(maxsize=8192)  # (as name_core)
def bare_core(name: str) -> str:
    """The core without a trade ending either: 上海奥梭格纳科技有限公司 → 奥梭格纳 (the short name a
    headline uses)."""
    core = name_core(name)
    bare = _rules().name_suffix.sub("", core)
    return bare if len(bare) >= 2 and bare != core else core


@dataclass
class CompanyRegister:
    """Companies named in one document, in order, with the names each is known by."""

    # One entry per mention: (position, canonical name, the names it goes by). Written by `add`
    # only, which keeps the two indexes below in step, so a lookup costs the distinct names the
    # document gives, not its mentions (a long document names the same companies again and again).
    companies: list[tuple[int, str, set[str]]] = field(default_factory=list, init=False)
    text: str = ""  # the document: a company is last mentioned where any of its names last occurs
    # The company the article is about before a position (funding.article_topic), for 该公司
    # with no company noted before it: Shein is never written as a company, yet opens clauses.
    topic: Callable[[int], str | None] | None = None
    # Each name → the index of the last entry going by it, in the order of that index (a name
    # noted again moves to the end): the names from the end are the entries from the last.
    _last: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    # Each canonical name → the index of its first entry, which `add` keeps going by every name
    # its later entries go by: that entry's names are all the company's.
    _first: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    # Where each name last_before asked about starts in `text` (_starts).
    _starts_of: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _starts_in: str | None = field(default=None, init=False, repr=False)
    # A word for the company the document defines (以下简称“公司”) → (where, which company).
    _glossed_as: dict[str, tuple[int, str]] = field(default_factory=dict, init=False, repr=False)

    def add(self, position: int, company: CompanyName) -> str:
        if is_anaphor(company.name):
            return company.name  # 该企业 names no company of its own: noted, it would resolve to itself
        canonical = self.canonical(company.name) or company.name
        for alias in company.aliases:
            known = self.canonical(alias)
            if known:
                canonical = known
        for alias in company.aliases:
            glossed = _GLOSSED_AS_COMPANY.search(alias)
            if glossed:  # X股份有限公司(以下简称“公司”): in this document 公司 is X
                self._glossed_as.setdefault(glossed["word"], (position, canonical))
        first = self._first.get(canonical)
        if first is not None:
            known_by = self.companies[first][2]
            known_by.update(company.aliases)
            known_by.add(company.name)
        index = len(self.companies)
        names = {canonical, company.name, *company.aliases}
        self.companies.append((position, canonical, names))
        self._first.setdefault(canonical, index)
        for name in names:  # (the names just given the first entry are among these)
            self._last.pop(name, None)
            self._last[name] = index
        return canonical

    def name_ends_at(self, start: int, end: int) -> bool:
        """Whether text[start:end] is the end of a longer name the register knows (特华投资: its
        投资 is no deal verb)."""
        return any(len(name) > end - start and self.text.endswith(name, 0, end) for name in self._last)

    def canonical(self, name: str) -> str | None:
        last = self._last.get(name)
        if last is not None:  # the company of the entry noted last that goes by it
            return self.companies[last][1]
        found = None
        if name.isascii() and " " in name:  # LHN LOGISTICS LIMITED in a headline, LHN Logistics Limited in the body
            folded = name.casefold()
            found = self._latest_known(lambda n: n.casefold() == folded and (n.isupper() or name.isupper()))
        core = name_core(name)
        if found is None and len(core) >= 2:  # 宁波蛙声科技有限公司 is the 蛙声科技 named before
            found = self._latest_known(lambda n: name_core(n) == core)
        if found is None and name.isascii() and " " not in name and len(name) >= 3 and name[:1].isupper():
            found = self._latest_known(lambda n: n.isascii() and n.startswith(name + " "))  # Taiko, named Taiko Pharmaceutical
        bare, legal = bare_core(name), _rules().legal_suffix
        if found is None and len(bare) >= 3 and legal.search(name):
            found = self._latest_known(lambda n: n == bare or bare_core(n) == bare)  # 上海奥梭格纳科技有限公司 is the headline's 奥梭格纳
        if found is None and len(name) >= 3 and not legal.search(name):
            # and the other way round: 液流储能科技有限公司, then 液流储能
            found = self._latest_known(lambda n: bare_core(n) == name and legal.search(n) is not None)
        return found

    def _latest_known(self, same: Callable[[str], bool]) -> str | None:
        """The company noted last that goes by a name `same` accepts."""
        return next((self.companies[last][1] for name, last in reversed(self._last.items()) if same(name)), None)

    def last_before(self, position: int) -> str | None:
        """The company mentioned nearest before `position`, whatever order they were noted in: by
        where it was noted, or where the text names it again (新秀丽的股价…，使该公司的市值)."""
        # A name's last occurrence before `position` is its last at an entry's position or after,
        # if it has one there, and else lies before that position, which max(pos, …) drops as it
        # would -1: so one look-up per distinct name serves every entry going by it.
        last_at: dict[str, int] = {}

        def found(name: str, pos: int) -> int:
            if pos < 0 or position < 0:  # (a negative bound counts from the end: searched as such)
                return self.text.rfind(name, pos, position)
            if name not in last_at:  # the last start that ends by `position`, as text.rfind(name, 0, position)
                starts = self._starts(name)
                before = bisect_right(starts, position - len(name))
                last_at[name] = starts[before - 1] if before else -1
            return last_at[name]

        # The company whose latest entry is the latest of all: (where last mentioned, index) of
        # every entry, the index (noted last) breaking ties.
        latest: tuple[int, int] | None = None
        for i, (pos, _, names) in enumerate(self.companies):
            if pos <= position:
                mentioned = max((found(n, pos) for n in names if len(n) >= 2), default=-1) if self.text else -1
                latest = max(latest or (-1, -1), (max(pos, mentioned), i))
        return self.companies[latest[1]][1] if latest is not None else None

    def _starts(self, name: str) -> list[int]:
        """Where `name` starts in the text, in order, overlapping starts too (as rfind finds them):
        found once, for last_before asks after the same names again and again."""
        if self._starts_in is not self.text:  # (a text given anew: its own starts)
            self._starts_of, self._starts_in = {}, self.text
        starts = self._starts_of.get(name)
        if starts is None:
            starts, at = [], self.text.find(name)
            while at >= 0:
                starts.append(at)
                at = self.text.find(name, at + 1)
            self._starts_of[name] = starts
        return starts

    def aliases(self, name: str) -> set[str]:
        entry = self._first.get(name)
        out: set[str] = set(self.companies[entry][2]) if entry is not None else set()  # all its entries' names
        first = name.split(" ")[0]
        if name.isascii() and " " in name and len(first) >= 3 and first[0].isupper() and self.canonical(first) in (None, name) \
                and regex.search(regex.escape(first) + r"(?![A-Za-z .\-])", self.text.replace(name, "")):
            out.add(first)  # Archer Aviation, then Archer股票, Archer的兴趣: the short name it goes by
        bare = bare_core(name)
        if not name.isascii() and bare != name and len(bare) >= 2 and self.canonical(bare) in (None, name, bare) \
                and bare in self.text.replace(name, ""):
            out.add(bare)  # 亿咖通科技, and in the headline 亿咖通与COVA宣布…: the name without its ending
        return out - {name}

    def first_names(self) -> Iterator[tuple[str, str]]:
        """(company, name) for every name of every company, companies in the order first noted and
        each one's names in its first entry's order. Walking all entries would add nothing: a later
        entry's names are all its first entry's, met earlier."""
        for first in self._first.values():  # (in order of index: a canonical is added when first noted)
            _, known, names = self.companies[first]
            for name in names:
                yield known, name

    def resolve(self, company: CompanyName, position: int, or_topic: bool = False) -> str | None:
        """The company a name stands for at `position`: an anaphor (该公司, 这家芯片公司) the one
        noted nearest before, else, `or_topic`, the article's topic; any other name its canonical form."""
        glossed = self._glossed_as.get(company.name)
        if glossed is not None and glossed[0] < position:
            return glossed[1]
        if is_anaphor(company.name):
            found = self.last_before(position)
            if found is None and or_topic and self.topic is not None:
                found = self.topic(position)
            return found
        return self.canonical(company.name) or company.name
