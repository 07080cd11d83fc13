"""Funding rounds, investments, acquisitions and aggregates, read sentence by sentence.

Shapes (rules in rules/funding.toml):
- funding: COMPANY 完成/获得/宣布完成 [由X领投的] [MONEY] [的] [ROUND轮] 融资; COMPANY 融得/筹集 MONEY
- investment: INVESTOR 投资/入股/领投 COMPANY[、COMPANY…]; INVESTOR 对/向 COMPANY [的] [MONEY] 投资;
  INVESTOR 对 COMPANY 的 MONEY (in a sentence about investments)
- acquisition: ACQUIRER 以 MONEY 收购 TARGET; ACQUIRER 收购 TARGET; TARGET 被 ACQUIRER 收购
- aggregate: a class of companies (51家AIGC初创企业, AI初创公司) in any of the shapes above
Investors are read from the same sentence (由X领投，Y、Z跟投, 投资方包括…). Amounts come from the
money extractor; a clause about IPOs, loans, revenue, costs or prizes is not a deal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.dates import DateSpan, date_near
from extractors.entities import CompanyName, CompanyRegister, company_name, looks_like_company
from extractors.money import MoneySpan
from models import NO_MONEY, FundingRound, Money

ROUND_LETTER = r"(?:Pre-?IPO|Pre-?[A-Ha-h]\+?|[A-H]\d?\+{0,2})"
_SPLIT_NAMES = regex.compile(r"\s*(?:、|,|，|以及|及|和|与|跟|同)\s*")
_ENUM_TAIL = regex.compile(r"(?:等|在内的|为首的)?(?:[一二两三四五六七八九十\d]+|多|数)(?:家|个|只|支)[^，,。；]*$|等+$|等(?:机构|公司|企业|投资方|股东)$")


@dataclass(frozen=True)
class _FundingRules:
    raise_: regex.Pattern[str]
    direct: regex.Pattern[str]
    invest_obj: regex.Pattern[str]
    invest_to: regex.Pattern[str]
    invest_of: regex.Pattern[str]
    acquire: regex.Pattern[str]
    acquire_passive: regex.Pattern[str]
    lead: regex.Pattern[str]
    follow: regex.Pattern[str]
    investor_list: regex.Pattern[str]
    round_words: dict[str, str]
    not_deal: regex.Pattern[str]
    investor_only: frozenset[str]
    investor_suffix: regex.Pattern[str]
    not_object: regex.Pattern[str]


@cache
def _rules() -> _FundingRules:
    t = rules.load("funding")
    round_words = {form: norm for norm, forms in t["rounds"].items() for form in forms}
    named_round = rules.alternation(round_words)
    round_re = rf"(?P<round>{ROUND_LETTER}|{named_round}|新一|首|第[一二三四五六七八九十]+)轮|(?P<round2>战略|天使|种子)(?=融资|投资)"
    raise_verbs = rules.alternation(rules.forms(t["raise"]))
    nouns = rules.alternation(t["raise"]["nouns"])
    direct = rules.alternation(t["raise"]["direct"])
    invest = rules.alternation(rules.forms(t["invest"]))
    acquire = rules.alternation(rules.forms(t["acquire"]))
    acquire_noun_use = rules.alternation(t["acquire"]["noun_followers"])
    clause = r"[^，,。；;！？!?\n]"
    noun_use = rules.alternation(t["invest"]["noun_followers"])
    return _FundingRules(
        raise_=regex.compile(rf"(?P<verb>{raise_verbs})(?P<mid>{clause}{{0,40}}?)(?:{round_re})?(?P<noun>{nouns})"),
        direct=regex.compile(rf"(?P<verb>{direct})了?(?:资金|总额|金额|总金额)?(?:为|达|共计|共|约)?"),
        invest_obj=regex.compile(
            rf"(?P<verb>{invest})(?!{noun_use})了?(?P<obj>{clause}{{2,60}}?)(?=[，,。；;！？!?\n]|$|[一二两三四五六七八九十\d]+家|等)"
        ),
        invest_to=regex.compile(
            rf"(?:对|向)(?P<obj>{clause}{{2,30}}?)(?:进行了?|完成了?|作出|做出|追加|累计|共|总计|合计)?了?"
            rf"(?P<gap>[\d.,约近超过逾多余数一二两三四五六七八九十百千万亿美元人民币港欧日英镑]{{0,16}})(?:的)?"
            rf"(?P<verb>战略投资|投资|注资|入股|增资|投入)(?!{noun_use})"
        ),
        invest_of=regex.compile(rf"对(?P<obj>{clause}{{2,30}}?)的(?=\s*(?:约|近|超过?|逾)?\s*[\d一二两三四五六七八九十百千])"),
        acquire=regex.compile(
            rf"(?:(?:以|斥资|作价|出资|耗资)(?P<pay>{clause}{{1,24}}?)(?:的价格|的对价|现金)?)?(?<!被)(?P<verb>{acquire})(?!{acquire_noun_use})(?P<target>{clause}{{2,40}}?)(?=[，,。；;！？!?\n]|$|的?\d+(?:\.\d+)?%|股权|股份|成为|一事|事宜|后|的交易)"
        ),
        acquire_passive=regex.compile(rf"(?P<target>{clause}{{2,30}}?)被(?P<acq>{clause}{{2,30}}?)(?:以(?P<pay>{clause}{{1,24}}?))?(?:全资)?(?:收购|并购)"),
        lead=regex.compile(rf"(?:由)?(?P<inv>{clause}{{2,80}}?)(?:联合|共同|独家)?领投"),
        follow=regex.compile(rf"(?P<inv>{clause}{{2,80}}?)(?:联合|共同)?(?:跟投|参投|追投|继续加注|加注|超额认购)"),
        investor_list=regex.compile(rf"{rules.alternation(t['invest']['investor_list'])}(?P<inv>[^。；;！？!?\n]{{2,120}})"),
        round_words=round_words,
        not_deal=regex.compile(rules.alternation(t["not_deal"]["words"])),
        investor_only=frozenset(t["invest"]["investor_only"]),
        investor_suffix=regex.compile(rules.alternation(t["invest"]["investor_suffixes"]) + "$"),
        not_object=regex.compile("^" + rules.alternation(t["invest"]["not_objects"])),
    )


def normalise_round(text: str | None) -> str | None:
    if not text:
        return None
    r = _rules()
    if text in r.round_words:
        return r.round_words[text]
    m = regex.fullmatch(r"(?i)pre-?([a-h])(\+?)", text)
    if m:
        return f"pre-{m.group(1).upper()}{m.group(2)}"
    if regex.fullmatch(r"(?i)pre-?ipo", text):
        return "pre-IPO"
    if regex.fullmatch(r"[A-H]\d?\+{0,2}", text):
        return text
    return None  # 新一轮, 首轮: a round, but not a named one


def _names(text: str) -> list[str]:
    """Split '红杉中国、高瓴创投和IDG资本等' into names."""
    text = _ENUM_TAIL.sub("", text.strip())
    out = []
    for part in _SPLIT_NAMES.split(text):
        part = regex.sub(r"^(?:由|老股东|现有股东|原股东|股东|知名|机构|包括)+", "", part.strip())
        part = regex.sub(r"(?:等|旗下|机构)$", "", part).strip()
        company = company_name(part)
        if company and not company.generic:
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


class _SentenceReader:
    def __init__(self, ctx: DocContext, money: list[MoneySpan], r: _FundingRules):
        self.ctx, self.text, self.money, self.r = ctx, ctx.text, money, r

    def _clause_start(self, s_start: int, pos: int) -> int:
        for i in range(pos - 1, s_start - 1, -1):
            if self.text[i] in "，,；;：:。！？!?\n":
                return i + 1
        return s_start

    def _clause_end(self, pos: int, s_end: int) -> int:
        for i in range(pos, s_end):
            if self.text[i] in "，,；;。！？!?\n":
                return i
        return s_end

    def subject(self, s_start: int, pos: int) -> tuple[CompanyName | None, int]:
        """The company phrase before `pos`: this clause, or the one before when this is empty."""
        end = pos
        for _ in range(3):
            start = self._clause_start(s_start, end)
            company = company_name(self.text[start:end])
            if company is not None:
                return company, start
            if start <= s_start:
                break
            end = start - 1
        return None, pos

    def money_in(self, start: int, end: int) -> list[MoneySpan]:
        return [m for m in self.money if start <= m.start and m.end <= end]

    def not_deal(self, start: int, end: int) -> bool:
        return bool(self.r.not_deal.search(self.text[start:end]))

    def investors(self, s_start: int, s_end: int, mid: str = "") -> list[str]:
        sentence = self.text[s_start:s_end]
        found: list[str] = []
        for pattern in (self.r.lead, self.r.follow, self.r.investor_list):
            for m in pattern.finditer(sentence):
                inv = m["inv"]
                # the clause holding the investors: after the last 由 / comma
                inv = regex.split(r"[，,；;]", inv)[-1]
                inv = inv.split("由")[-1]
                found.extend(_names(inv))
        m = regex.search(r"(?:获得?|得到)(?:了)?(?:来自)?(?P<inv>[^，,。的]{2,40}?)(?:的|联合|共同)?(?:战略)?投资", mid)
        if m:
            found.extend(_names(m["inv"]))
        unique: list[str] = []
        for name in found:
            if name not in unique:
                unique.append(name)
        return unique

    def read(self, s_start: int, s_end: int) -> list[_Deal]:
        sentence = self.text[s_start:s_end]
        deals: list[_Deal] = []
        deals += self._raises(sentence, s_start, s_end)
        deals += self._invest_to(sentence, s_start, s_end)
        deals += self._invest_obj(sentence, s_start, s_end)
        deals += self._acquisitions(sentence, s_start, s_end)
        return deals

    def _raises(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        for m in self.r.raise_.finditer(sentence):
            verb_at = s_start + m.start("verb")
            end = s_start + m.end()
            mid = m["mid"] or ""
            if "对" in mid or "收购" in mid or self.not_deal(self._clause_start(s_start, verb_at), self._clause_end(end, s_end)):
                continue
            company, c_start = self.subject(s_start, verb_at)
            if company is None:
                continue
            # The amount: inside the match, else right after the noun (融资1亿元, 融资金额为…)
            spans = self.money_in(verb_at, end)
            if not spans:
                after = self._clause_end(end, s_end)
                spans = [s for s in self.money_in(end, after) if s.start - end <= 8]
            rnd = normalise_round(m["round"] or m["round2"])
            deals.append(
                _Deal(
                    c_start, max(end, spans[0].end if spans else end), "funding", company,
                    self.investors(s_start, s_end, mid), rnd, spans[0].money if spans else NO_MONEY,
                )
            )
        for m in self.r.direct.finditer(sentence):
            verb_at = s_start + m.start("verb")
            after = s_start + m.end()
            spans = [s for s in self.money if s_start + m.end("verb") <= s.start <= after + 2]
            if not spans or self.not_deal(self._clause_start(s_start, verb_at), self._clause_end(spans[0].end, s_end)):
                continue
            if any(d.start <= verb_at < d.end for d in deals):
                continue
            company, c_start = self.subject(s_start, verb_at)
            if company is None:
                continue
            deals.append(_Deal(c_start, spans[0].end, "funding", company, self.investors(s_start, s_end), None, spans[0].money))
        return deals

    def _invest_to(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        patterns = [(self.r.invest_to, True)]
        if regex.search(r"投资|融资|注资|入股", sentence):
            patterns.append((self.r.invest_of, False))
        for pattern, has_verb in patterns:
            for m in pattern.finditer(sentence):
                at = s_start + m.start()
                end = s_start + m.end()
                if self.not_deal(self._clause_start(s_start, at), self._clause_end(end, s_end)):
                    continue
                investor, i_start = self.subject(s_start, at)
                target = company_name(m["obj"])
                if investor is None or investor.generic or target is None:
                    continue
                if not has_verb:
                    spans = [s for s in self.money if end <= s.start <= end + 3]
                    if not spans:
                        continue
                else:
                    spans = self.money_in(at, self._clause_end(end, s_end))
                    spans = [s for s in spans if s.start - end <= 8]
                money = spans[0].money if spans else NO_MONEY
                stop = max(end, spans[0].end if spans else end)
                deal_type = "aggregate" if target.generic else "investment"
                deals.append(_Deal(i_start, stop, deal_type, None if target.generic else target, [investor.name], None, money, target.count))
        return deals

    def _invest_obj(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        for m in self.r.invest_obj.finditer(sentence):
            verb = m["verb"].rstrip("了")
            at = s_start + m.start("verb")
            obj = m["obj"]
            if obj.startswith(("对", "向", "于", "的", "者", "人", "机构", "方")) or self.r.not_object.search(obj):
                continue
            if self.not_deal(self._clause_start(s_start, at), self._clause_end(s_start + m.end(), s_end)):
                continue
            investor, i_start = self.subject(s_start, at)
            if investor is None or investor.generic:
                continue
            investor_like = bool(self.r.investor_suffix.search(investor.name)) or looks_like_company(investor.name)
            if verb in self.r.investor_only and not self.r.investor_suffix.search(investor.name):
                continue
            targets = _names(obj)
            # A name on one side at least must read as a company (腾讯投资深言科技, X资本布局Y).
            if not targets or not (investor_like or any(looks_like_company(t) for t in targets)):
                continue
            spans = self.money_in(s_start + m.start("obj"), s_start + m.end())
            for name in targets:
                deals.append(
                    _Deal(i_start, s_start + m.end(), "investment", CompanyName(name), [investor.name], None,
                          spans[0].money if len(targets) == 1 and spans else NO_MONEY)
                )
        return deals

    def _acquisitions(self, sentence: str, s_start: int, s_end: int) -> list[_Deal]:
        deals = []
        for m in self.r.acquire.finditer(sentence):
            at = s_start + m.start()
            end = s_start + m.end()
            target = company_name(m["target"])
            acquirer, a_start = self.subject(s_start, at)
            if target is None or target.generic or acquirer is None or acquirer.generic:
                continue
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            if not pay:
                pay = [s for s in self.money_in(end, self._clause_end(end, s_end))]
            deals.append(_Deal(a_start, end, "acquisition", target, [acquirer.name], None, pay[0].money if pay else NO_MONEY))
        for m in self.r.acquire_passive.finditer(sentence):
            target = company_name(m["target"])
            acquirer = company_name(m["acq"])
            if target is None or acquirer is None or target.generic or acquirer.generic:
                continue
            at, end = s_start + m.start(), s_start + m.end()
            pay = self.money_in(s_start + m.start("pay"), s_start + m.end("pay")) if m["pay"] else []
            deals.append(_Deal(at, end, "acquisition", target, [acquirer.name], None, pay[0].money if pay else NO_MONEY))
        return deals


def extract(ctx: DocContext, money: list[MoneySpan], dates: list[DateSpan], register: CompanyRegister) -> list[FundingRound]:
    r = _rules()
    reader = _SentenceReader(ctx, money, r)
    deals: list[_Deal] = []
    for s_start, s_end in ctx.sentences:
        found = reader.read(s_start, s_end)
        # one deal per (type, company) in a sentence: the first reading with the most detail wins
        for deal in sorted(found, key=lambda d: (d.money.amount is None, d.start)):
            key = (deal.deal_type, deal.company.name if deal.company else None)
            if any((d.deal_type, d.company.name if d.company else None) == key for d in deals if d.start >= s_start):
                continue
            deals.append(deal)
    deals.sort(key=lambda d: d.start)

    out: list[FundingRound] = []
    for deal in deals:
        company = None
        count = deal.company_count
        deal_type = deal.deal_type
        if deal.company is not None and deal.company.generic:
            deal_type, count = "aggregate", deal.company.count
        elif deal.company is not None:
            company = register.resolve(deal.company, deal.start)
            if company is None:
                continue
            company = register.add(deal.start, CompanyName(company, deal.company.aliases))
        if deal_type == "aggregate" and deal.money.amount is None and count is None:
            continue
        investors = [register.canonical(i) or i for i in deal.investors if i != company]
        announced, precision = date_near(ctx, deal.start, deal.end, dates)
        out.append(
            FundingRound(
                provenance=ctx.provenance(deal.start, deal.end, "funding"),
                deal_type=deal_type,  # type: ignore[arg-type]
                company=company,
                investors=tuple(investors),
                round=deal.round,
                money=deal.money,
                company_count=count,
                announced_on=announced,
                date_precision=precision,  # type: ignore[arg-type]
            )
        )
    return _merge_repeats(out)


def _merge_repeats(rounds: list[FundingRound]) -> list[FundingRound]:
    """A deal told twice (with and without its amount) is one deal: keep the fuller telling."""
    kept: list[FundingRound] = []
    for fr in rounds:
        if fr.deal_type != "aggregate" and fr.money.amount is None:
            if any(k.company == fr.company and k.deal_type == fr.deal_type and k.money.amount is not None for k in rounds):
                continue
            if any(k.company == fr.company and k.deal_type == fr.deal_type and set(k.investors) >= set(fr.investors) for k in kept):
                continue
        kept.append(fr)
    return kept
