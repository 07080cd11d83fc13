"""Dates: every calendar reference, resolved to a start/end date and a precision.

Absolute forms keep their own year: 2023年8月15日, 2023-08-12 15:00, 2023/08/17, 13.5.2015 (day
first when the year is last), "2023 年 7 月 6 日" with spaces, 二〇二三年, 两千零四年八月十五,
07年 / 18年10月 (two-digit years), 民国三年, 2023年第一季度, 2023H1, 上世纪90年代 (a decade, at
year precision). Ranges are one mention: 7月4日到7月6日, 从2016年6月1日-6月30日 (the end inherits
the start's year and month), 2016-2018年, 2007年与2009年之间.

Relative and partial forms (今年, 去年, 上个月, 本月十日, 上半年, 6月底, 今天, 上周四, 周三,
29日, a month-day with no year, 两年前) are resolved against, in order: a year written in the same
sentence (for a month-day), the article's published_at, or, when a page states no date, the date
the article itself implies (the latest past date it mentions). Days (今天, 周三, 29日) need
published_at. Nothing is ever resolved against the machine's clock; what cannot be resolved is
kept with is_relative = true and no start_date.

Not dates: durations (过去8个月, 70多年, 近三年, 两个月), weeks as periods (下周), lunar and
imperial-era dates (农历正月初一, 康熙三年), schedules (每周一, 周一至周五).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.numbers import fold, parse_number
from models import DateMention

CN_DIGITS = "〇○零一二三四五六七八九"  # (○: the zero Taiwan's print often writes)
YEAR_NUM = (
    r"(?<![\d.])(?:(?:19|20)\d{2}"
    # an older year only when a month follows (1357年6月10日), never alone (1357年 may count years)
    r"|1[0-8]\d{2}(?=[ ]?年[ ]?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])[ ]?月))(?![\d.])"
    rf"|[{CN_DIGITS}]{{4}}|[两二]千(?:零?[一二三四五六七八九十]{{1,3}})?(?=[ ]?年(?![前来间]))"
)
MONTH_NUM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
DAY_NUM = r"3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
# A day written in Chinese numerals with no 日 after a Chinese month (八月十五).
CN_DAY_BARE = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
NOT_AFTER_BARE_CN_DAY = rf"(?![\d{CN_DIGITS}十百千万亿个天年岁日号人元%点分周])"
SP = "[ ]?"  # raw text may space out a date: "7 月 6 日", "2009 年 到 2010 年"
RANGE_SEP = r"[ ]?(?:到|至|-|~|～|—|–)[ ]?"
# After a weekday is said beside a date (10月12号，星期一 / 7月6日(周四)), it is part of the date.
WEEKDAY_TAIL = r"(?:[,，][ ]?|[(（])(?:星期|礼拜|禮拜|周|週)[一二三四五六日天][)）]?"


@dataclass(frozen=True, slots=True)
class YearPart:
    first: int
    last: int
    precision: str


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: str | None
    is_relative: bool
    anchor_date: date | None


@dataclass(frozen=True)
class _DateRules:
    pattern: regex.Pattern[str]
    bare_year: regex.Pattern[str]
    relative_year: dict[str, int]
    relative_month: dict[str, int]
    relative_day: dict[str, int]
    week_offset: dict[str, int]
    weekday: dict[str, int]
    era_zero: dict[str, int]
    year_part: dict[str, YearPart]
    month_part_day: dict[str, int]
    future_cue: regex.Pattern[str]
    future_day_cue: regex.Pattern[str]
    non_gregorian: regex.Pattern[str]


def _table_forms(entries: list[dict], value_of) -> dict[str, object]:
    out: dict[str, object] = {}
    for entry in entries:
        for form in rules.forms(entry):
            out[fold(form)] = value_of(entry)
    return out


@cache
def _rules() -> _DateRules:
    t = rules.load("dates")
    relative_year = _table_forms(t["relative_year"], lambda e: e["offset"])
    relative_month = _table_forms(t["relative_month"], lambda e: e["offset"])
    relative_day = _table_forms(t["relative_day"], lambda e: e["offset"])
    week_offset = _table_forms(t["week"], lambda e: e["offset"])
    era_zero = _table_forms(t["era"], lambda e: e["year_zero"])
    year_part = _table_forms(t["year_part"], lambda e: YearPart(e["first"], e["last"], e["precision"]))
    month_part_day = _table_forms(t["month_part"], lambda e: e["day"])
    weekday = {fold(k): int(v) for k, v in t["weekday"].items()}
    standalone = rules.alternation(t["standalone"]["year_parts"])
    rel_year = rules.alternation(relative_year)
    rel_month = rules.alternation(relative_month)
    rel_day = rules.alternation(relative_day)
    day_stops = rules.alternation(t["relative_day_stops"]["after"])
    day_stops_before = "".join(f"(?<!{regex.escape(w)})" for w in t["relative_day_stops"]["before"])
    week = rules.alternation(week_offset)
    week_word = rules.alternation(fold(w) for w in rules.forms(t["week_word"]))
    weekday_num = "[" + "".join(weekday) + "]"
    era = rules.alternation(era_zero)
    ypart = rules.alternation(year_part)
    # 初 only as "early in the month", not the lunar day 初一
    mpart = rf"(?:{rules.alternation(month_part_day)})(?![{CN_DIGITS}十])"
    no_digit_before = rf"(?<![\d{CN_DIGITS}十两])"
    month_day = (
        rf"(?P<{{p}}month>{MONTH_NUM})(?:{SP}[-—–~～至到]{SP}(?P<{{p}}month2>{MONTH_NUM}))?{SP}月份?(?!天)(?![一二三四五六七八九](?![十日号]))"  # not 一月一链, 一月一次
        rf"(?:{SP}(?P<{{p}}day>{DAY_NUM}){SP}[日号]|(?<=[一二三四五六七八九十]月)(?P<{{p}}cnday>{CN_DAY_BARE}){NOT_AFTER_BARE_CN_DAY}"
        rf"|(?P<{{p}}mpart>{mpart}))?"
    )
    pattern = "|".join(
        [
            # 从2016到2018, 2016-2018年: years with no 年 after the first
            rf"(?P<yrange>(?P<yr_from>从{SP})?(?<![\d.])(?P<yr1>(?:19|20)\d{{2}}){RANGE_SEP}(?P<yr2>(?:19|20)\d{{2}})(?![\d.])(?P<yr2n>{SP}年)?(?![月\d]))",
            # 2023-08-12, 2023/08/17, 2023.8.1, 2010 01 29 (the same separator twice)
            r"(?P<iso>(?<![\d.])(?P<iy>[12]\d{3})(?P<isep>[-/. ])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>3[01]|[12]\d|0?[1-9])(?!\d|\.\d))",
            # 13.5.2015, 3-7-2017, 1/2/2020: day first when the year comes last
            r"(?P<dmy>(?<![\d./])(?P<dd>3[01]|[12]\d|0?[1-9])(?P<dsep>[-/.])(?P<dm>1[0-2]|0?[1-9])(?P=dsep)(?P<dy>(?:19|20)\d{2})(?![\d]))",
            # 2023Q3, 2023H1, 2023年Q3
            r"(?P<yq>(?<![\d.])(?P<yqy>(?:19|20)\d{2})年?(?P<yqp>[QqHh][1-4])(?![\d]))",
            # 上世纪90年代, 20世纪80年代, 九十年代
            rf"(?P<decade>(?<![\d{CN_DIGITS}十])(?:(?P<dec_full>1[0-9][0-9]0|20[0-9]0)"
            rf"|(?:(?P<cent_rel>上|本)世纪|(?P<cent>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})世纪)?(?P<dec>[1-9]0|00|[一二三四五六七八九]十|零零)){SP}年代)",
            # a year (written, two-digit, era or relative), optionally with a part, a month, a day
            rf"(?P<ymd>(?:(?P<year>{YEAR_NUM}){SP}年"
            rf"|(?<![\d.])(?P<yy>0\d|零[{CN_DIGITS}]){SP}年"
            rf"|(?<![\d.])(?P<yy2>\d{{2}}){SP}年(?={SP}(?:(?:{MONTH_NUM}){SP}月|{ypart}))"
            rf"|(?P<era>{era})(?P<era_n>\d{{1,3}}|[{CN_DIGITS}十百]{{1,4}}|元)年"
            rf"|(?P<rel_year>{rel_year}))"
            rf"(?:{SP}年?(?P<ypart>{ypart})|{SP}(?P<same_month>本月|当月)(?:(?P<sm_day>{DAY_NUM})[日号])?|{SP}{month_day.format(p='')})?"
            rf"(?P<ymd_tail>{WEEKDAY_TAIL})?)",
            # 两年前, 10年前
            rf"(?P<ago>{no_digit_before}(?P<ago_n>[一二两三四五六七八九十]|\d{{1,2}})年前)",
            # 上个月, 本月, 本月十日; 月底 (this month's end)
            rf"(?P<rel_month>{rel_month})(?:(?P<rel_mpart>{mpart})|{SP}(?P<rm_day>{DAY_NUM}){SP}[日号])?",
            r"(?P<this_month_end>(?<![\d月])月底|(?<![\d月])月末)",
            # 今天, 昨日, 大后天
            rf"(?P<rel_day>(?<![今昨明前后每]){day_stops_before}(?:{rel_day}))(?!{day_stops})",
            # 周三, 上周四, 这个星期一 (not 每周一: a schedule)
            rf"(?P<wk>(?<![每\d{CN_DIGITS}十两几数个《])(?P<wk_rel>{week})?{week_word}(?P<wk_day>{weekday_num}))",
            # 7月6日, 3月份, 6月底, 八月十五 (not after an unread year: 康熙三年五月)
            rf"(?P<md>{no_digit_before}(?<!年[ ]?){month_day.format(p='md_')}(?P<md_tail>{WEEKDAY_TAIL})?)",
            # 29日, 12号: a day of the article's month (号 only where a date stands: 12号晚, not 1号线)
            rf"(?P<bd>(?<![\d{CN_DIGITS}十两.月年第前近每数几这那该同当今昨明后连多个/\-])"
            rf"(?P<bd_day>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?)"
            rf"{SP}(?:日(?![元币圆本内后前左以均游])|(?P<bd_hao>号)(?:(?![\p{{Han}}\d》」』”])|(?=晚|早|上午|下午|中午|凌晨|当天|起|至|到|开始))))",
            # 上半年, 第三季度, 年底 with no year before them (not 过去十年中, 大年初一)
            rf"(?P<solo>(?<![\d{CN_DIGITS}十两百千年大])(?P<solo_part>{standalone}|(?<![A-Za-z\d_\-])[Qq][1-4](?![A-Za-z\d]))(?![{CN_DIGITS}十]))",
        ]
    )
    # Every match starts with a digit, a numeral or the first character of a calendar word; a
    # lookahead on those characters lets the engine skip all other positions at once (12x faster).
    words = [*relative_year, *relative_month, *relative_day, *week_offset, *era_zero, *t["standalone"]["year_parts"]]
    words += [fold(w) for w in rules.forms(t["week_word"])]
    first = {w[0] for w in words} | set("0123456789" + CN_DIGITS + "十两从月第上本Qq")
    guard = "(?=[" + "".join(regex.escape(ch) for ch in sorted(first)) + "])"
    # ... and has, within its first few characters, a calendar character or a digit separator.
    guard += r"(?=.{0,12}?[年月日号天周週季纪代底末初旬礼禮星从QqHh\-/.—–~～至到 ])"
    # ... and a digit right after a digit starts none: every branch that can open with a digit
    # has a lookbehind refusing one before it (the inside of 2023, 123.45 is skipped), unless a
    # calendar word of the tables opened with a digit.
    if not any(w[:1].isdigit() for w in words):
        guard = r"(?!(?<=\d)[0-9])" + guard
    return _DateRules(
        pattern=regex.compile(f"{guard}(?:{pattern})"),
        # A year with no 年 that still names a year: "2023 WAIC", "2023世界人工智能大会".
        bare_year=regex.compile(r"(?<![\d.\-/A-Za-z])((?:19|20)\d{2})(?![\d.%年月日个家人万亿元款项条件次位名只台辆部篇\-/])(?=\s?[A-Z\p{Han}])"),
        relative_year=relative_year,  # type: ignore[arg-type]
        relative_month=relative_month,  # type: ignore[arg-type]
        relative_day=relative_day,  # type: ignore[arg-type]
        week_offset=week_offset,  # type: ignore[arg-type]
        weekday=weekday,
        era_zero=era_zero,  # type: ignore[arg-type]
        year_part=year_part,  # type: ignore[arg-type]
        month_part_day=month_part_day,  # type: ignore[arg-type]
        future_cue=regex.compile(rules.alternation(t["cues"]["future"]) + r"\s*$"),
        future_day_cue=regex.compile(rules.alternation(t["cues"]["future_day"]) + r"\s*$"),
        non_gregorian=regex.compile(rules.alternation(fold(w) for w in t["non_gregorian"]["before"]) + r"\s*$"),
    )


def _num(text: str) -> int | None:
    value = parse_number(text)
    return None if value is None else int(value)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _last_day(year, month)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _valid_year(year: int | None) -> bool:
    return year is not None and 1000 <= year <= 2999


def _two_digit_year(yy: int, base: int | None) -> int:
    """07 → 2007, 89 → 1989: the century that puts the year at most ten years after `base`."""
    limit = (base if base is not None else 2025) + 10
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


@dataclass
class _Found:
    """A resolved match, with what a range needs to complete a partial end (十二日, 6月30日)."""

    span: DateSpan
    kind: str  # bare_day | month_day | other
    day: int | None = None
    month: int | None = None


class _Resolver:
    def __init__(self, text: str, ctx_sentences, published: date | None, r: _DateRules):
        self.text = text
        self.folded = fold(text)
        self.sentences = ctx_sentences
        self.published = published
        self.r = r
        self.matches = list(r.pattern.finditer(self.folded))
        self.doc_year = published.year if published else self._infer_year()
        self.anchor = published or self._infer_anchor()

    # --- what the article implies when it states no date --------------------------------

    def _is_future(self, start: int) -> bool:
        return bool(self.r.future_cue.search(self.folded[max(0, start - 6) : start]))

    def _is_future_day(self, start: int) -> bool:
        """A day announced as coming (将于周三, 定于28日): a narrower list than for years, where
        到/至 (到2035年) mark targets but 直到周三 is past."""
        return bool(self.r.future_day_cue.search(self.folded[max(0, start - 6) : start]))

    def _written_years(self) -> list[tuple[int, int]]:
        """(position, year) of every year written out, from dates and bare event years."""
        years: list[tuple[int, int]] = []
        for m in self.matches:
            y = self._written_year(m)
            if y is not None:
                years.append((m.start(), y))
        for m in self.r.bare_year.finditer(self.folded):
            years.append((m.start(), int(m.group(1))))
        return years

    def _written_year(self, m: regex.Match[str]) -> int | None:
        """The four-digit (or era) year a match writes out; two-digit years need a base."""
        if m["era"]:
            n = 1 if m["era_n"] == "元" else _num(m["era_n"])
            y = None if n is None else self.r.era_zero[m["era"]] + n
        else:
            raw = m["iy"] or m["yqy"] or m["year"] or m["dy"] or m["yr1"]
            if not raw:
                return None
            y = int(raw) if raw.isdigit() else _num(raw)
        return y if _valid_year(y) else None

    def _infer_year(self) -> int | None:
        past = [y for pos, y in self._written_years() if not self._is_future(pos)]
        return max(past) if past else None

    def _infer_anchor(self) -> date | None:
        if self.doc_year is None:
            return None
        latest: date | None = None
        for m in self.matches:
            day: date | None = None
            try:
                if m["iso"]:
                    day = date(int(m["iy"]), int(m["im"]), int(m["id"]))
                elif m["year"] and m["month"] and m["day"]:
                    day = date(self._written_year(m) or 0, _num(m["month"]) or 0, _num(m["day"]) or 0)
                elif m["md"] and m["md_day"]:
                    day = date(self.doc_year, _num(m["md_month"]) or 0, _num(m["md_day"]) or 0)
            except ValueError:
                continue
            if day and day.year <= self.doc_year and not self._is_future(m.start()):
                latest = max(latest, day) if latest else day
        return latest

    def _sentence_year(self, start: int) -> int | None:
        """The written year nearest to `start` within its sentence."""
        if self.sentences is None:
            return None
        s, e = self.sentences.covering(start, start + 1)
        best: tuple[int, int] | None = None
        for pos, year in self._sentence_years_cache():
            if s <= pos < e and pos != start:
                dist = abs(pos - start)
                if best is None or dist < best[0]:
                    best = (dist, year)
        return best[1] if best else None

    _years_cache: list[tuple[int, int]] | None = None

    def _sentence_years_cache(self) -> list[tuple[int, int]]:
        if self._years_cache is None:
            self._years_cache = self._written_years()
        return self._years_cache

    def _preceding_year_in_sentence(self, start: int) -> tuple[int, bool] | None:
        """For a bare 年底: the year of the nearest year expression before it in its sentence."""
        if self.sentences is None:
            return None
        s, _ = self.sentences.covering(start, start + 1)
        found: tuple[int, bool] | None = None
        for m in self.matches:
            if m.start() >= start:
                break
            if m.start() < s:
                continue
            y = self._written_year(m)
            if y is not None:
                found = (y, False)
            elif m["rel_year"] and self.doc_year is not None:
                found = (self.doc_year + self.r.relative_year[m["rel_year"]], True)
        return found

    # --- resolution ----------------------------------------------------------------------

    def spans(self) -> list[DateSpan]:
        found: list[_Found] = []
        for m in self.matches:
            if self.r.non_gregorian.search(self.folded[max(0, m.start() - 4) : m.start()]):
                continue  # 农历正月初一: not a Gregorian date
            try:
                item = self._resolve(m)
            except ValueError:  # 2月30日 and other impossible dates
                item = None
            if item is not None:
                found.append(item)
        return [f.span for f in self._merge_ranges(found)]

    def _span(self, m, start_date, end_date, precision, relative, anchor, start: int | None = None) -> DateSpan:
        s = m.start() if start is None else start
        return DateSpan(s, m.end(), self.text[s : m.end()], start_date, end_date, precision, relative, anchor)

    def _unresolved(self, m) -> DateSpan:
        return DateSpan(m.start(), m.end(), self.text[m.start() : m.end()], None, None, None, True, None)

    def _resolve(self, m: regex.Match[str]) -> _Found | None:
        span = self._resolve_span(m)
        if span is None:
            return None
        if m["bd"]:
            return _Found(span, "bare_day", day=_num(m["bd_day"]))
        if m["wk"]:
            return _Found(span, "weekday" if not m["wk_rel"] else "other")
        if m["md"] and m["md_month"]:
            day = m["md_day"] or m["md_cnday"]
            return _Found(span, "month_day", day=_num(day) if day else None, month=_num(m["md_month"]))
        return _Found(span, "other")

    def _resolve_span(self, m: regex.Match[str]) -> DateSpan | None:
        r = self.r
        anchor_year = self.anchor.year if self.anchor else self.doc_year
        if m["yrange"]:
            if not (m["yr_from"] or m["yr2n"]):
                return None  # 2021-2023 alone may be a code or a score
            y1, y2 = int(m["yr1"]), int(m["yr2"])
            if y2 < y1:
                return None
            return self._span(m, date(y1, 1, 1), date(y2, 12, 31), "year", False, None)
        if m["iso"]:
            d = date(int(m["iy"]), int(m["im"]), int(m["id"]))
            return self._span(m, d, d, "day", False, None)
        if m["dmy"]:
            d = date(int(m["dy"]), int(m["dm"]), int(m["dd"]))
            return self._span(m, d, d, "day", False, None)
        if m["yq"]:
            part = r.year_part[m["yqp"]]
            y = int(m["yqy"])
            return self._span(m, date(y, part.first, 1), _last_day(y, part.last), part.precision, False, None)
        if m["decade"]:
            return self._decade(m, anchor_year)
        if m["ymd"]:
            return self._ymd(m, anchor_year)
        if m["ago"]:
            n = _num(m["ago_n"])
            if anchor_year is None or n is None:
                return self._unresolved(m)
            y = anchor_year - n
            return self._span(m, date(y, 1, 1), date(y, 12, 31), "year", True, self._anchor_date())
        if m["rel_month"] or m["this_month_end"]:
            if self.anchor is None:
                return self._unresolved(m)
            offset = r.relative_month[m["rel_month"]] if m["rel_month"] else 0
            y, mo = _shift_month(self.anchor.year, self.anchor.month, offset)
            part = m["rel_mpart"] or ("底" if m["this_month_end"] else None)
            return self._month_with_part(m, y, mo, m["rm_day"], part, True, self.anchor)
        if m["rel_day"]:
            if self.published is None:
                return self._unresolved(m)
            d = self.published + timedelta(days=r.relative_day[m["rel_day"]])
            return self._span(m, d, d, "day", True, self.published)
        if m["wk"]:
            return self._weekday(m)
        if m["md"]:
            return self._month_day(m, anchor_year)
        if m["bd"]:
            return self._bare_day(m)
        if m["solo"]:
            inherited = self._preceding_year_in_sentence(m.start())
            if inherited is not None:
                year = inherited[0]
            elif anchor_year is not None:
                year = anchor_year
            else:
                return self._unresolved(m)
            part = r.year_part[m["solo_part"]]
            return self._span(m, date(year, part.first, 1), _last_day(year, part.last), part.precision, True, self._anchor_date())
        return None

    def _anchor_date(self) -> date | None:
        return self.anchor or (date(self.doc_year, 1, 1) if self.doc_year else None)

    def _ymd(self, m: regex.Match[str], anchor_year: int | None) -> DateSpan | None:
        r = self.r
        if m["year"] or m["era"]:
            year = self._written_year(m)
            if year is None:
                return None
            relative, anchor = False, None
        elif m["yy"] or m["yy2"]:
            yy = _num(m["yy"] or m["yy2"])
            if yy is None:
                return None
            year = _two_digit_year(yy, self.published.year if self.published else anchor_year)
            relative, anchor = False, None
        else:
            if anchor_year is None:
                return self._unresolved(m)
            year = anchor_year + r.relative_year[m["rel_year"]]
            relative, anchor = True, self._anchor_date()
        if m["same_month"]:  # 去年本月十日: this month of that year
            if self.anchor is None:
                return self._unresolved(m)
            return self._month_with_part(m, year, self.anchor.month, m["sm_day"], None, True, self.anchor)
        if m["ypart"]:
            part = r.year_part[m["ypart"]]
            return self._span(m, date(year, part.first, 1), _last_day(year, part.last), part.precision, relative, anchor)
        if m["month"]:
            mo = _num(m["month"])
            if mo is None or not 1 <= mo <= 12:
                return None
            if m["month2"]:
                return self._months(m, year, mo, m["month2"], relative, anchor)
            return self._month_with_part(m, year, mo, m["day"] or m["cnday"], m["mpart"], relative, anchor)
        return self._span(m, date(year, 1, 1), date(year, 12, 31), "year", relative, anchor)

    def _decade(self, m: regex.Match[str], anchor_year: int | None) -> DateSpan | None:
        if m["dec_full"]:  # 1990年代
            y = int(m["dec_full"])
            return self._span(m, date(y, 1, 1), date(y + 9, 12, 31), "year", False, None)
        tens = _num(m["dec"]) if m["dec"] not in ("00", "零零") else 0
        if tens is None:
            return None
        base = self.published.year if self.published else anchor_year
        if m["cent"]:
            century = _num(m["cent"])
            if century is None or not 11 <= century <= 30:
                return None
            start_year = (century - 1) * 100 + tens
        elif m["cent_rel"]:
            if base is None:
                return self._unresolved(m)
            this_century = base // 100 * 100
            start_year = this_century + tens - (100 if m["cent_rel"] == "上" else 0)
        else:
            # 90年代 alone: the latest such decade that has begun (1990s; 20年代 → 2020s)
            start_year = 2000 + tens if base is None or 2000 + tens <= base else 1900 + tens
        relative = bool(m["cent_rel"])
        return self._span(m, date(start_year, 1, 1), date(start_year + 9, 12, 31), "year", relative, self._anchor_date() if relative else None)

    def _month_day(self, m: regex.Match[str], anchor_year: int | None) -> DateSpan | None:
        month = _num(m["md_month"])
        if month is None or not 1 <= month <= 12:
            return None
        day = m["md_day"] or m["md_cnday"]
        if self.published:
            year, anchor = self.published.year, self.published
            # An article does not date things half a year ahead without saying so.
            if month - self.published.month > 6:
                year -= 1
            if m["md_month2"]:
                return self._months(m, year, month, m["md_month2"], True, anchor)
        else:
            year = self._sentence_year(m.start())
            if year is not None:
                anchor = date(year, 1, 1)
            elif anchor_year is not None:
                year, anchor = anchor_year, self._anchor_date()
            else:
                return self._unresolved(m)
            if m["md_month2"]:
                return self._months(m, year, month, m["md_month2"], True, anchor)
        if day and month == 2 and _num(day) == 29 and not calendar.isleap(year):
            year -= (year % 4) or 4  # 2月29日 in a common year: the leap year before
            while not calendar.isleap(year):
                year -= 4
        return self._month_with_part(m, year, month, day, m["md_mpart"], True, anchor)

    _HAO_AFTER = regex.compile(r"(?:^|[\s,，。;；:：、!！?？]|[于在到至和与及从自])[ ]?$")

    def _bare_day(self, m: regex.Match[str]) -> DateSpan | None:
        day = _num(m["bd_day"])
        if day is None or not 1 <= day <= 31:
            return None
        if m["bd_hao"] and not self._HAO_AFTER.search(self.folded, max(0, m.start() - 2), m.start()):
            return None  # 后厂村7号 is a name
        if self.published is None:
            return self._unresolved(m)
        # The reading nearest the article's date among last month, this month and next month
        # (29日 in an article of the 10th is last month's 29th; 28日 on the 26th is this month's);
        # an announced day (将于28日) is not in the past; a tie goes to the past.
        readings = []
        for offset in (-1, 0, 1):
            y, mo = _shift_month(self.published.year, self.published.month, offset)
            if day <= calendar.monthrange(y, mo)[1]:
                readings.append(date(y, mo, day))
        if self._is_future_day(m.start()):
            readings = [d for d in readings if d >= self.published] or readings
        d = min(readings, key=lambda d: (abs((d - self.published).days), d > self.published))
        return self._span(m, d, d, "day", True, self.published)

    def _weekday(self, m: regex.Match[str]) -> DateSpan | None:
        if self.published is None:
            return self._unresolved(m)
        weekday = self.r.weekday[m["wk_day"]]
        today = self.published.isoweekday()
        if m["wk_rel"]:
            monday = self.published - timedelta(days=today - 1) + timedelta(weeks=self.r.week_offset[m["wk_rel"]])
            d = monday + timedelta(days=weekday - 1)
        elif self._is_future_day(m.start()):
            d = self.published + timedelta(days=(weekday - today) % 7)
        else:  # news reports what happened: the latest such day up to the article's date
            d = self.published - timedelta(days=(today - weekday) % 7)
        return self._span(m, d, d, "day", True, self.published)

    def _months(self, m, year, first, last_text, relative, anchor) -> DateSpan | None:
        """1-7月: from the first day of one month to the last day of another."""
        last = _num(last_text)
        if last is None or not first < last <= 12:
            return None
        return self._span(m, date(year, first, 1), _last_day(year, last), "month", relative, anchor)

    def _month_with_part(self, m, year, month, day, mpart, relative, anchor) -> DateSpan:
        if day:
            d = date(year, month, _num(day) or 0)
            return self._span(m, d, d, "day", relative, anchor)
        if mpart and self.r.month_part_day.get(mpart) == -1:
            d = _last_day(year, month)
            return self._span(m, d, d, "day", relative, anchor)
        first, last = _month_span(year, month)
        return self._span(m, first, last, "month", relative, anchor)

    # --- ranges --------------------------------------------------------------------------

    _FROM = regex.compile(r"(?:从|自)[ ]?$")
    _AT = regex.compile(r"在[ ]?$")
    _TO = regex.compile(rf"^{RANGE_SEP}$")
    _AND = regex.compile(r"^[ ]?(?:与|和)[ ]?$")
    _BETWEEN = regex.compile(r"[ ]?(?:之间|间)")
    _AFTER = regex.compile(r"^[ ]?之后[ ]?$")
    _BEFORE = regex.compile(r"[ ]?之前")

    _LIST = regex.compile(r"[ ]?(?:、|和|与|及|,|，)[ ]?")

    def _merge_ranges(self, found: list[_Found]) -> list[_Found]:
        """X到Y, X-Y, X与Y之间, X之后Y之前: one mention from X's start to Y's end. In a list
        (7月21日、24日和25日) a bare day takes the month of the day before it."""
        for i in range(1, len(found)):
            x, y = found[i - 1], found[i]
            if y.kind == "bare_day" and self._LIST.fullmatch(self.folded, x.span.end, y.span.start):
                completed = self._complete_end(x, y)
                if completed is not None:
                    found[i] = _Found(completed, "bare_day", day=y.day)
        out: list[_Found] = []
        i = 0
        while i < len(found):
            first = found[i]
            if i + 1 < len(found) and first.kind == found[i + 1].kind == "weekday":
                if self._TO.match(self.folded[first.span.end : found[i + 1].span.start]):
                    i += 2  # 周一至周五: a schedule, not two dates
                    continue
            if i + 1 < len(found):
                merged = self._range(first, found[i + 1])
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(first)
            i += 1
        return out

    def _range(self, x: _Found, y: _Found) -> _Found | None:
        a, b = x.span, y.span
        gap = self.folded[a.end : b.start]
        start, end = a.start, b.end
        if self._TO.match(gap):
            m = self._FROM.search(self.folded, max(0, a.start - 2), a.start)
            if m:
                start = m.start()
        elif self._AND.match(gap) and (between := self._BETWEEN.match(self.folded, b.end)):
            end = between.end()
            m = self._AT.search(self.folded, max(0, a.start - 2), a.start)
            if m:
                start = m.start()
        elif self._AFTER.match(gap) and (before := self._BEFORE.match(self.folded, b.end)):
            end = before.end()
        else:
            return None
        b = self._complete_end(x, y)
        if b is None:
            return None
        if a.start_date is not None and b.start_date is not None and b.end_date is not None and b.start_date < a.start_date:
            return None
        precision = a.precision if a.precision == b.precision else (a.precision or b.precision)
        span = DateSpan(
            start,
            end,
            self.text[start:end],
            a.start_date,
            b.end_date,
            precision,
            a.is_relative or b.is_relative,
            a.anchor_date or b.anchor_date,
        )
        if a.start_date is None or b.end_date is None:
            span = replace(span, start_date=None, end_date=None, precision=None, is_relative=True)
        return _Found(span, "other")

    def _complete_end(self, x: _Found, y: _Found) -> DateSpan | None:
        """The end of a range takes what it leaves out from the start: 一月十日到十二日 (month and
        year), 2016年6月1日-6月30日 (year); a date before the start moves on a month or a year."""
        a, b = x.span, y.span
        if a.start_date is None or a.precision != "day" or y.kind == "other" or y.day is None:
            return b
        year, month = a.start_date.year, a.start_date.month
        if y.kind == "month_day" and y.month is not None:
            month = y.month
            if month < a.start_date.month:
                year += 1
        elif y.day < a.start_date.day:
            year, month = _shift_month(year, month, 1)
        try:
            d = date(year, month, y.day)
        except ValueError:
            return None
        return replace(b, start_date=d, end_date=d, precision="day", anchor_date=a.start_date)


def date_near(ctx: DocContext, start: int, end: int, dates: list[DateSpan]) -> tuple[date | None, str | None]:
    """The date a fact is stated for: the last resolved date in its sentence before the fact's
    end, else the article's publication day."""
    s, e = ctx.sentences.covering(start, end)
    in_sentence = [d for d in dates if s <= d.start < min(e, end) and d.start_date is not None]
    if in_sentence:
        nearest = max(in_sentence, key=lambda d: d.start)
        return nearest.start_date, nearest.precision
    if ctx.published_on:
        return ctx.published_on, "day"
    return None, None


def find_dates(text: str, published: date | None = None, sentences=None) -> list[DateSpan]:
    """Every calendar reference in `text`, resolved as far as the text allows. Works on clean_text
    and on raw text alike (full-width digits and Traditional numerals are folded first, one
    character for one; spans refer to `text`)."""
    return _Resolver(text, sentences, published, _rules()).spans()


def extract(ctx: DocContext, spans: list[DateSpan] | None = None) -> list[DateMention]:
    spans = find_dates(ctx.text, ctx.published_on, ctx.sentences) if spans is None else spans
    return [
        DateMention(
            provenance=ctx.provenance(s.start, s.end, "dates"),
            text=s.text,
            start_date=s.start_date,
            end_date=s.end_date,
            precision=s.precision,
            is_relative=s.is_relative,
            anchor_date=s.anchor_date if s.is_relative else None,
        )
        for s in spans
    ]
