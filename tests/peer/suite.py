"""The Recognizers-Text Chinese spec cases, run against zhfacts' own API.

How each Recognizers-Text model maps onto zhfacts:

- CurrencyModel → `money.find_money(input, names=True)`: every expected amount must be found
  with the same surface text, value and ISO currency, and nothing else. The spec also reports a
  currency named without an amount (人民币 美元, value null); names=True asks find_money for
  those (the pipeline does not: a money mention needs an amount).
- NumberModel → `numbers.find_numbers(input)`: same text and value, nothing else.
- DateParser → `dates.find_dates(input, published=<the spec's reference date>)`: same text and a
  day-precision span on the spec's past or future reading (the spec gives both; zhfacts reads
  news, so it picks one). An impossible date (2月30日, resolved by the spec to 0001-01-01) must
  not come out resolved.
- DatePeriodParser → `find_dates` as above: same text, same start, and the spec's end, which is
  exclusive for a period (2018年10月 ends 2018-11-01: ours ends 2018-10-31) and is the start of
  the last unit for a range (从2016到2018 ends 2018-01-01: ours ends 2018-12-31).

Texts are compared after NFKC and case folding (the spec's "Text" is normalised that way:
"１欧元" is reported as "1欧元", "21.2E0" as "21.2e0").

tests/peer/scope.toml lists the cases ruled out of scope (with the reason for each group) and
the in-scope cases still missed (run as strict xfails). `python tests/peer/suite.py` prints the
pass rate of each model.
"""

from __future__ import annotations

import json
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractors.dates import DateSpan, find_dates  # noqa: E402
from extractors.money import find_money  # noqa: E402
from extractors.numbers import find_numbers  # noqa: E402
from extractors.text import Sentences  # noqa: E402

SPECS = HERE / "recognizers_text"
SCOPE = HERE / "scope.toml"

MODEL_FILES: dict[str, str] = {
    "CurrencyModel": "NumberWithUnit_CurrencyModel.json",
    "NumberModel": "Number_NumberModel.json",
    "DateParser": "DateTime_DateParser.json",
    "DatePeriodParser": "DateTime_DatePeriodParser.json",
}
# The targets: share of in-scope cases passed.
TARGETS: dict[str, float] = {"CurrencyModel": 0.95, "NumberModel": 0.90, "DateParser": 0.90, "DatePeriodParser": 0.90}
INVALID_DATE = "0001-01-01"  # how the spec resolves 2月30日


@dataclass(frozen=True)
class Case:
    model: str
    index: int
    spec: dict

    @property
    def input(self) -> str:
        return self.spec["Input"]

    @property
    def reference(self) -> date | None:
        ref = self.spec.get("Context", {}).get("ReferenceDateTime")
        return datetime.fromisoformat(ref).date() if ref else None

    @property
    def id(self) -> str:
        return f"{self.model}-{self.index:03d}-{self.input[:24]}"


@dataclass(frozen=True)
class Scope:
    out_of_scope: dict[tuple[str, str], str]  # (model, input) -> reason
    known_miss: dict[tuple[str, str], str]

    def reason_out(self, case: Case) -> str | None:
        return self.out_of_scope.get((case.model, case.input))

    def reason_miss(self, case: Case) -> str | None:
        return self.known_miss.get((case.model, case.input))


@cache
def cases(model: str) -> tuple[Case, ...]:
    specs = json.loads((SPECS / MODEL_FILES[model]).read_text(encoding="utf-8"))
    return tuple(Case(model, i, spec) for i, spec in enumerate(specs))


def all_cases() -> Iterator[Case]:
    for model in MODEL_FILES:
        yield from cases(model)


@cache
def scope() -> Scope:
    table = tomllib.loads(SCOPE.read_text(encoding="utf-8"))
    categories = table["categories"]
    out: dict[tuple[str, str], str] = {}
    for group in table["out_of_scope"]:
        reason = f"{group['category']}: {categories[group['category']]}"
        for text in group["inputs"]:
            out[(group["model"], text)] = reason
    miss = {(m["model"], m["input"]): m["reason"] for m in table.get("known_miss", [])}
    return Scope(out, miss)


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


# --- one checker per model: (passed, what went wrong) ------------------------------------------


def check_currency(case: Case) -> tuple[bool, str]:
    text = case.input
    got = [(norm(text[s.start : s.end]), s.money.currency, s.money.amount) for s in find_money(text, names=True)]
    want = [
        (norm(r["Text"]), r["Resolution"].get("isoCurrency"), r["Resolution"].get("value"))
        for r in case.spec["Results"]
    ]
    ok = len(got) == len(want) and all(
        g_text == w_text
        and (w_cur is None or g_cur == w_cur)
        and (w_value is None and g_value is None or w_value is not None and _close(g_value, float(w_value)))
        for (g_text, g_cur, g_value), (w_text, w_cur, w_value) in zip(got, want)
    )
    return ok, f"got {got}, want {want}"


def check_number(case: Case) -> tuple[bool, str]:
    text = case.input
    got = [(norm(text[s.start : s.end]), s.value) for s in find_numbers(text)]
    want = [(norm(r["Text"]), float(r["Resolution"]["value"])) for r in case.spec["Results"]]
    ignore_value = case.spec.get("IgnoreResolution", False)
    ok = len(got) == len(want) and all(
        g_text == w_text and (ignore_value or _close(g_value, w_value))
        for (g_text, g_value), (w_text, w_value) in zip(got, want)
    )
    return ok, f"got {got}, want {want}"


def _spans(case: Case) -> list[DateSpan]:
    return find_dates(case.input, case.reference, Sentences(case.input))


def _resolutions(value: dict, start_key: str, end_key: str | None) -> list[tuple[str, str | None]]:
    out = []
    for key in ("PastResolution", "FutureResolution"):
        res = value.get(key) or {}
        if start_key in res:
            out.append((res[start_key], res.get(end_key) if end_key else None))
    return out


def _unit_start(day: date, precision: str | None) -> date:
    if precision == "year":
        return date(day.year, 1, 1)
    if precision in ("month", "quarter", "half"):
        months = {"month": 1, "quarter": 3, "half": 6}[precision]
        return date(day.year, (day.month - 1) // months * months + 1, 1)
    return day


def _date_matches(span: DateSpan, want_text: str, readings: list[tuple[str, str | None]], period: bool) -> bool:
    if norm(span.text) != want_text or span.start_date is None or span.end_date is None:
        return False
    for start, end in readings:
        if span.start_date.isoformat() != start:
            continue
        if not period:
            if span.precision == "day" and span.end_date == span.start_date:
                return True
            continue
        exclusive_end = (span.end_date + timedelta(days=1)).isoformat()
        last_unit_start = _unit_start(span.end_date, span.precision).isoformat()
        if end in (exclusive_end, last_unit_start):
            return True
    return False


def _check_dates(case: Case, period: bool) -> tuple[bool, str]:
    spans = _spans(case)
    start_key, end_key = ("startDate", "endDate") if period else ("date", None)
    wanted = []
    for r in case.spec["Results"]:
        readings = _resolutions(r["Value"], start_key, end_key)
        if readings and all(start == INVALID_DATE for start, _ in readings):
            # An impossible date: fine when not found, or found but left unresolved.
            spans = [s for s in spans if not (norm(s.text) == norm(r["Text"]) and s.start_date is None)]
            continue
        wanted.append((norm(r["Text"]), readings))
    got = [(s.text, str(s.start_date), str(s.end_date), s.precision) for s in spans]
    ok = len(spans) == len(wanted) and all(
        _date_matches(span, text, readings, period) for span, (text, readings) in zip(spans, wanted)
    )
    return ok, f"got {got}, want {wanted}"


def check_date(case: Case) -> tuple[bool, str]:
    return _check_dates(case, period=False)


def check_date_period(case: Case) -> tuple[bool, str]:
    return _check_dates(case, period=True)


CHECKERS: dict[str, Callable[[Case], tuple[bool, str]]] = {
    "CurrencyModel": check_currency,
    "NumberModel": check_number,
    "DateParser": check_date,
    "DatePeriodParser": check_date_period,
}


def check(case: Case) -> tuple[bool, str]:
    try:
        return CHECKERS[case.model](case)
    except Exception as exc:  # a crash on a spec input is a failed case, reported as such
        return False, f"raised {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class Rates:
    model: str
    total: int
    out_of_scope: int
    passed: int
    python_supported: int  # cases Microsoft's own Python port claims
    python_supported_passed: int

    @property
    def in_scope(self) -> int:
        return self.total - self.out_of_scope

    @property
    def rate(self) -> float:
        return self.passed / self.in_scope if self.in_scope else 1.0

    @property
    def rate_all(self) -> float:
        return self.passed / self.total if self.total else 1.0


def rates(model: str) -> Rates:
    s = scope()
    total = out = passed = py_total = py_passed = 0
    for case in cases(model):
        total += 1
        ok = False
        if s.reason_out(case):
            out += 1
        else:
            ok = check(case)[0]
            passed += ok
        if "python" not in case.spec.get("NotSupported", "").lower():
            py_total += 1
            py_passed += ok
    return Rates(model, total, out, passed, py_total, py_passed)


def report() -> str:
    lines = [
        f"{'model':<17} {'cases':>5} {'out':>4} {'in':>4} {'pass':>5} {'in-scope':>9} {'all':>7} {'target':>7}"
        f" {'py-supported':>13}"
    ]
    for model in MODEL_FILES:
        r = rates(model)
        lines.append(
            f"{model:<17} {r.total:>5} {r.out_of_scope:>4} {r.in_scope:>4} {r.passed:>5} {r.rate:>9.1%}"
            f" {r.rate_all:>7.1%} {TARGETS[model]:>7.0%} {r.python_supported_passed:>6}/{r.python_supported:<6}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    if verbose:
        s = scope()
        for case in all_cases():
            if s.reason_out(case):
                continue
            ok, detail = check(case)
            if not ok:
                tag = "known miss" if s.reason_miss(case) else "FAIL"
                print(f"{tag:<10} {case.model} #{case.index} {case.input!r}\n           {detail}")
    print(report())
