"""Dates: every calendar reference, resolved to a start/end date and a precision.

Absolute forms (2023年8月15日, 2023-08-12 15:00, 2023/08/17, 二〇二三年, 2023年第一季度, 2023H1)
keep their own year. Relative and partial forms (今年, 去年, 上个月, 上半年, 6月底, a month-day
with no year, 两年前) are resolved against, in order: a year written in the same sentence (for
a month-day), the article's published_at, or, when a page states no date, the date the article
itself implies (the latest past date it mentions). Nothing is ever resolved against the machine's
clock; what cannot be resolved is kept with is_relative = true and no start_date.

Durations (过去8个月, 70多年, 两个月) and counts are not dates and are never matched.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import cache

import regex

from extractors import rules
from extractors.context import DocContext
from extractors.numbers import parse_number
from models import DateMention

CN_DIGITS = "〇零一二三四五六七八九"
YEAR_NUM = rf"(?<![\d.])(?:19|20)\d{{2}}(?![\d.])|[{CN_DIGITS}]{{4}}"
MONTH_NUM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
DAY_NUM = r"3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"


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
    year_part: dict[str, YearPart]
    month_part_day: dict[str, int]
    future_cue: regex.Pattern[str]


def _table_forms(entries: list[dict], value_of) -> dict[str, object]:
    out: dict[str, object] = {}
    for entry in entries:
        for form in rules.forms(entry):
            out[form] = value_of(entry)
    return out


@cache
def _rules() -> _DateRules:
    t = rules.load("dates")
    relative_year = _table_forms(t["relative_year"], lambda e: e["offset"])
    relative_month = _table_forms(t["relative_month"], lambda e: e["offset"])
    year_part = _table_forms(t["year_part"], lambda e: YearPart(e["first"], e["last"], e["precision"]))
    month_part_day = _table_forms(t["month_part"], lambda e: e["day"])
    standalone = rules.alternation(t["standalone"]["year_parts"])
    rel_year = rules.alternation(relative_year)
    rel_month = rules.alternation(relative_month)
    ypart = rules.alternation(year_part)
    mpart = rules.alternation(month_part_day)
    no_digit_before = rf"(?<![\d{CN_DIGITS}十两])"
    pattern = "|".join(
        [
            # 2023-08-12, 2023/08/17, 2023.8.1
            r"(?P<iso>(?<![\d.])(?P<iy>(?:19|20)\d{2})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?![\d.]))",
            # 2023Q3, 2023H1, 2023年Q3
            r"(?P<yq>(?<![\d.])(?P<yqy>(?:19|20)\d{2})年?(?P<yqp>[QqHh][1-4])(?![\d]))",
            # a year (written or relative), optionally with a part, a month, a day
            rf"(?P<ymd>(?:(?P<year>{YEAR_NUM})年|(?P<rel_year>{rel_year}))(?:年?(?P<ypart>{ypart})|(?P<month>{MONTH_NUM})月份?(?:(?P<day>{DAY_NUM})[日号]|(?P<mpart>{mpart}))?)?)",
            # 两年前, 10年前
            rf"(?P<ago>{no_digit_before}(?P<ago_n>[一二两三四五六七八九十]|\d{{1,2}})年前)",
            # 上个月, 本月; 月底 (this month's end)
            rf"(?P<rel_month>{rel_month})(?P<rel_mpart>{mpart})?",
            r"(?P<this_month_end>(?<![\d月])月底|(?<![\d月])月末)",
            # 7月6日, 3月份, 6月底
            rf"(?P<md>{no_digit_before}(?P<md_month>{MONTH_NUM})月份?(?:(?P<md_day>{DAY_NUM})[日号]|(?P<md_part>{mpart}))?)",
            # 上半年, 第三季度, 年底 with no year before them
            rf"(?P<solo>(?<![\d{CN_DIGITS}年])(?P<solo_part>{standalone}))",
        ]
    )
    return _DateRules(
        pattern=regex.compile(pattern),
        # A year with no 年 that still names a year: "2023 WAIC", "2023世界人工智能大会".
        bare_year=regex.compile(r"(?<![\d.\-/A-Za-z])((?:19|20)\d{2})(?![\d.%年月日个家人万亿元款项条件次位名只台辆部篇\-/])(?=\s?[A-Z\p{Han}])"),
        relative_year=relative_year,  # type: ignore[arg-type]
        relative_month=relative_month,  # type: ignore[arg-type]
        year_part=year_part,  # type: ignore[arg-type]
        month_part_day=month_part_day,  # type: ignore[arg-type]
        future_cue=regex.compile(rules.alternation(t["cues"]["future"]) + r"\s*$"),
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
    return year is not None and 1800 <= year <= 2200


@dataclass
class _Raw:
    """A match before resolution."""

    m: regex.Match[str]
    year: int | None = None  # written year
    explicit: bool = False


class _Resolver:
    def __init__(self, text: str, ctx_sentences, published: date | None, r: _DateRules):
        self.text = text
        self.sentences = ctx_sentences
        self.published = published
        self.r = r
        self.matches = list(r.pattern.finditer(text))
        self.doc_year = published.year if published else self._infer_year()
        self.anchor = published or self._infer_anchor()

    # --- what the article implies when it states no date --------------------------------

    def _is_future(self, start: int) -> bool:
        return bool(self.r.future_cue.search(self.text[max(0, start - 6) : start]))

    def _written_years(self) -> list[tuple[int, int]]:
        """(position, year) of every year written out, from dates and bare event years."""
        years: list[tuple[int, int]] = []
        for m in self.matches:
            y = self._written_year(m)
            if y is not None:
                years.append((m.start(), y))
        for m in self.r.bare_year.finditer(self.text):
            years.append((m.start(), int(m.group(1))))
        return years

    def _written_year(self, m: regex.Match[str]) -> int | None:
        raw = m["iy"] or m["yqy"] or m["year"]
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
        out: list[DateSpan] = []
        for m in self.matches:
            try:
                span = self._resolve(m)
            except ValueError:  # 2月30日 and other impossible dates
                span = None
            if span is not None:
                out.append(span)
        return out

    def _span(self, m, start_date, end_date, precision, relative, anchor) -> DateSpan:
        return DateSpan(m.start(), m.end(), m.group(0), start_date, end_date, precision, relative, anchor)

    def _unresolved(self, m) -> DateSpan:
        return DateSpan(m.start(), m.end(), m.group(0), None, None, None, True, None)

    def _resolve(self, m: regex.Match[str]) -> DateSpan | None:
        r = self.r
        anchor_year = self.anchor.year if self.anchor else self.doc_year
        if m["iso"]:
            d = date(int(m["iy"]), int(m["im"]), int(m["id"]))
            return self._span(m, d, d, "day", False, None)
        if m["yq"]:
            part = r.year_part[m["yqp"]]
            y = int(m["yqy"])
            return self._span(m, date(y, part.first, 1), _last_day(y, part.last), part.precision, False, None)
        if m["ymd"]:
            if m["year"]:
                year = self._written_year(m)
                if year is None:
                    return None
                relative, anchor = False, None
            else:
                if anchor_year is None:
                    return self._unresolved(m)
                year = anchor_year + r.relative_year[m["rel_year"]]
                relative, anchor = True, self._anchor_date()
            return self._year_month_day(m, year, m["ypart"], m["month"], m["day"], m["mpart"], relative, anchor)
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
            return self._month_with_part(m, y, mo, None, part, True, self.anchor)
        if m["md"]:
            month = _num(m["md_month"])
            if month is None or not 1 <= month <= 12:
                return None
            if self.published:
                year, anchor = self.published.year, self.published
                # An article does not date things half a year ahead without saying so.
                if month - self.published.month > 6:
                    year -= 1
            else:
                year = self._sentence_year(m.start())
                if year is not None:
                    anchor = date(year, 1, 1)
                elif anchor_year is not None:
                    year, anchor = anchor_year, self._anchor_date()
                else:
                    return self._unresolved(m)
            relative = True
            return self._month_with_part(m, year, month, m["md_day"], m["md_part"], relative, anchor)
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

    def _year_month_day(self, m, year, ypart, month, day, mpart, relative, anchor) -> DateSpan | None:
        if ypart:
            part = self.r.year_part[ypart]
            return self._span(m, date(year, part.first, 1), _last_day(year, part.last), part.precision, relative, anchor)
        if month:
            mo = _num(month)
            if mo is None or not 1 <= mo <= 12:
                return None
            return self._month_with_part(m, year, mo, day, mpart, relative, anchor)
        return self._span(m, date(year, 1, 1), date(year, 12, 31), "year", relative, anchor)

    def _month_with_part(self, m, year, month, day, mpart, relative, anchor) -> DateSpan:
        if day:
            d = date(year, month, _num(day) or 0)
            return self._span(m, d, d, "day", relative, anchor)
        if mpart and self.r.month_part_day.get(mpart) == -1:
            d = _last_day(year, month)
            return self._span(m, d, d, "day", relative, anchor)
        first, last = _month_span(year, month)
        return self._span(m, first, last, "month", relative, anchor)


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
    """Every calendar reference in `text`, resolved as far as the text allows."""
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
