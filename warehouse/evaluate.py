"""Score the warehouse against a gold file (format fact-gold/1).

Matching rules, from the contract and the gold file's `about`:
- text is compared after removing pinyin readings (股權(quán), as cleaning does), NFKC, OpenCC t2s and
  removing whitespace (zero-width characters included);
- amounts match within 2% and in the same currency (any of the item's acceptable pairs);
- dates match by (start_date, precision), any of the item's acceptable pairs;
- quotes match by speaker (the gold speaker, one of its aliases, or a longer description ending
  in it: 一位投资人 for 投资人) and a quote containing quote_prefix; direct = false is not scored;
- an item is found where the prediction's evidence holds the gold text (or the reverse, or they
  share most of it); funding also by deal type, company (or alias), amount, and round, company
  count and investors where the gold states them; valuations by company, amount and basis;
  model counts by count and qualifier;
- optional items are neither required nor counted against precision;
- a prediction repeated in a document (same kind-specific key) is scored once, and is found
  where any of its tellings is (a headline's and the body's).
Each prediction matches at most one gold item and each gold item at most one prediction
(maximum bipartite matching); unmatched predictions are false positives unless they match
an optional item.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import regex

from extractors import rules
from warehouse.db import connect_reader

KINDS = ("funding_rounds", "valuations", "model_counts", "quotes", "dates")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _pinyin() -> regex.Pattern[str]:
    # The cleaner's own pattern: a gold text copied from a raw page may keep the readings
    # (股權(quán)) that the evidence, cut from clean text, has lost.
    return regex.compile(rules.load("cleaning")["pinyin"]["pattern"])


def norm(text: Any) -> str:
    if text is None:
        return ""
    value = _pinyin().sub("", str(text))
    value = unicodedata.normalize("NFKC", value)
    value = _t2s().convert(value)
    # Zero-width characters count as whitespace: cleaning removes them from clean_text.
    return regex.sub(r"[\s\u200b\u200c\u200d\u2060\ufeff]+", "", value)


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 0.02 * abs(b)


def _longest_common(a: str, b: str) -> int:
    if not a or not b:
        return 0
    best = 0
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0] * (len(b) + 1)
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def located(gold_text: str, evidence: str) -> bool:
    g, e = norm(gold_text), norm(evidence)
    if not g:
        return True
    if g in e or (e and e in g):
        return True
    return _longest_common(g, e) >= 0.6 * len(g)


# --- per-kind matching -----------------------------------------------------------------------


def _names_match(predicted: str | None, gold: str | None, aliases: list[str], predicted_aliases: list[str] | None = None) -> bool:
    """The predicted company (or a name the document gave it) is the gold one or an alias."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    gold_names = {norm(gold), *map(norm, aliases)}
    return norm(predicted) in gold_names or norm(gold) in {norm(a) for a in predicted_aliases or []}


def _amount_ok(row: dict, gold: dict) -> bool:
    amounts = gold.get("amounts", [])
    if not amounts:
        return row.get("amount") is None
    for value, currency in amounts:
        if row.get("currency") == currency and (_close(row.get("amount"), value) or _close(row.get("amount_max"), value)):
            return True
        if (currency == "USD" and row.get("currency") != "USD" and _close(row.get("amount_usd"), value)
                and regex.search(r"[(（][^)）]*(?:美元|美金)", row.get("amount_text") or "")):
            return True  # the text itself restated the figure in dollars: 1000亿元人民币(138亿美元)
    return False


def _deal_types_match(predicted: str, gold: str, round_: str | None) -> bool:
    if predicted == gold:
        return True
    # A strategic round may be read as a funding with round 'strategic' or as an investment.
    return {predicted, gold} == {"funding", "investment"} and round_ == "strategic"


def match_funding(row: dict, gold: dict) -> bool:
    if not _deal_types_match(row["deal_type"], gold["deal_type"], row.get("round")):
        return False
    if not _names_match(row.get("company"), gold.get("company"), gold.get("company_aliases", []), row.get("company_aliases")):
        return False
    if not _amount_ok(row, gold):
        return False
    if gold.get("round") and row.get("round") != gold["round"]:
        return False
    if gold.get("company_count") and row.get("company_count") != gold["company_count"]:
        return False
    if gold.get("investors"):
        predicted = {norm(i) for i in (row.get("investors") or [])}
        if not all(norm(i) in predicted for i in gold["investors"]):
            return False
    return located(gold.get("text", ""), row["evidence"])


def match_valuation(row: dict, gold: dict) -> bool:
    if not _names_match(row.get("company"), gold.get("company"), gold.get("company_aliases", []), row.get("company_aliases")):
        return False
    if not _amount_ok(row, gold):
        return False
    if gold.get("basis") and row.get("basis") != gold["basis"]:
        return False
    return located(gold.get("text", ""), row["evidence"])


def match_model_count(row: dict, gold: dict) -> bool:
    return row["count"] == gold["count"] and row["qualifier"] == gold["qualifier"] and located(gold.get("text", ""), row["evidence"])


def match_quote(row: dict, gold: dict) -> bool:
    speaker = norm(row["speaker"])
    names = {norm(gold["speaker"]), *map(norm, gold.get("speaker_aliases", []))}
    if speaker not in names and not any(speaker.endswith(n) for n in names if n):
        return False
    return norm(gold["quote_prefix"]) in norm(row["quote"])


def match_date(row: dict, gold: dict) -> bool:
    start = row["start_date"].isoformat() if isinstance(row["start_date"], date) else row["start_date"]
    if [start, row["precision"]] not in [list(a) for a in gold["accept"]]:
        return False
    t, g = norm(row["text"]), norm(gold["text"])
    return t in g or g in t


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "funding_rounds": match_funding,
    "valuations": match_valuation,
    "model_counts": match_model_count,
    "quotes": match_quote,
    "dates": match_date,
}


def dedup_key(kind: str, row: dict) -> tuple:
    if kind == "funding_rounds":
        # the round too: 寻汇SUNRATE's D1 and D2, told without amounts, are two deals; and the
        # investors: 行歌科技's strategic rounds from 蔚来… and from 联想… are two (a telling without
        # investors beside one with them is merged by the extractor before it gets here)
        investors = frozenset(norm(i) for i in row.get("investors") or [])
        return (row["deal_type"], norm(row.get("company")), round(row.get("amount") or 0, -2), row.get("currency"), row.get("round"), investors)
    if kind == "valuations":
        return (norm(row["company"]), round(row.get("amount") or 0, -2), row.get("currency"), row.get("basis"))
    if kind == "model_counts":
        return (row["count"], row["qualifier"])
    if kind == "quotes":
        return (norm(row["speaker"]), norm(row["quote"]))
    return (norm(row["text"]), row["start_date"], row["precision"])


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    kinds: dict[str, KindScore]
    missing_documents: list[str]
    checks_passed: int = 0
    checks_failed: list[str] = field(default_factory=list)

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total


def _max_matching(edges: list[list[int]], n_gold: int) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): prediction index → gold index."""
    gold_owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_owner or augment(gold_owner[g], seen):
                gold_owner[g] = p
                return True
        return False

    for p in range(len(edges)):
        augment(p, set())
    return {p: g for g, p in gold_owner.items()}


def _describe(kind: str, item: dict) -> str:
    keys = {
        "funding_rounds": ("deal_type", "company", "amount", "currency", "round", "investors"),
        "valuations": ("company", "amount", "currency", "basis"),
        "model_counts": ("count", "qualifier"),
        "quotes": ("speaker", "quote_prefix", "quote"),
        "dates": ("text", "start_date", "precision", "accept"),
    }[kind]
    parts = []
    for key in keys:
        if key in item and item[key] not in (None, [], ""):
            value = item[key]
            if key == "quote":
                value = str(value)[:30] + "…"
            parts.append(f"{key}={value}")
    if "amounts" in item and item["amounts"]:
        parts.append(f"amounts={item['amounts']}")
    if "text" in item and kind != "dates":
        parts.append(f"text={str(item['text'])[:40]}")
    return ", ".join(parts)


def score_document(kind: str, predictions: list[dict], golds: list[dict], doc_name: str, score: KindScore) -> None:
    matcher = MATCHERS[kind]
    if kind == "quotes":
        predictions = [p for p in predictions if p.get("direct", True)]
    # A fact told twice (a headline, then the body) is one prediction, found where either telling
    # is: which row came first must not decide the score.
    groups: dict[tuple, list[dict]] = {}
    for row in predictions:
        groups.setdefault(dedup_key(kind, row), []).append(row)
    preds = list(groups.values())
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    edges = [[gi for gi, g in enumerate(required) if any(matcher(p, g) for p in group)] for group in preds]
    matched = _max_matching(edges, len(required))
    score.tp += len(matched)
    matched_gold = set(matched.values())
    for gi, g in enumerate(required):
        if gi not in matched_gold:
            score.fn += 1
            score.misses.append(f"{doc_name}: {_describe(kind, g)}")
    for pi, group in enumerate(preds):
        if pi in matched:
            continue
        if any(matcher(p, g) for p in group for g in optional):
            continue
        score.fp += 1
        score.extras.append(f"{doc_name}: {_describe(kind, group[0])}")


def _rows(con, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def evaluate(gold_path: str | Path, db: str | Path) -> EvalReport:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if gold.get("format") != "fact-gold/1":
        raise ValueError(f"{gold_path}: not a fact-gold/1 file")
    con = connect_reader(db)
    report = EvalReport(kinds={k: KindScore() for k in KINDS}, missing_documents=[])
    try:
        sources = _rows(con, "SELECT doc_id, source_uri FROM document_sources UNION SELECT doc_id, source_uri FROM documents", [])
        by_name: dict[str, str] = {}
        for row in sources:
            name = Path(row["source_uri"].split("#")[0]).name
            by_name.setdefault(name, row["doc_id"])
            by_name.setdefault(row["source_uri"], row["doc_id"])
        for name, expected in gold["documents"].items():
            doc_id = by_name.get(name) or by_name.get(Path(name).name)
            if doc_id is None:
                report.missing_documents.append(name)
            for kind in KINDS:
                golds = expected.get(kind, [])
                predictions = _rows(con, f"SELECT * FROM {kind} WHERE doc_id = ?", [doc_id]) if doc_id else []
                score_document(kind, predictions, golds, name, report.kinds[kind])
            if doc_id:
                _check_document(con, doc_id, name, expected, report)
    finally:
        con.close()
    return report


def _check_document(con, doc_id: str, name: str, expected: dict, report: EvalReport) -> None:
    doc = _rows(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])[0]
    for field_name, value in expected.get("meta", {}).items():
        actual = doc.get(field_name)
        if field_name == "published_at":
            actual = actual.isoformat() if actual else None
            ok = actual == value
        else:
            ok = norm(actual) == norm(value) if value is not None else actual is None
        if ok:
            report.checks_passed += 1
        else:
            report.checks_failed.append(f"{name}: meta {field_name} = {actual!r}, expected {value!r}")
    # Literal check (no t2s here: the point is that Traditional characters are gone).
    clean = regex.sub(r"\s+", "", unicodedata.normalize("NFKC", doc["clean_text"]))
    for forbidden in expected.get("clean_text_must_not_contain", []):
        if regex.sub(r"\s+", "", unicodedata.normalize("NFKC", forbidden)) in clean:
            report.checks_failed.append(f"{name}: clean_text contains {forbidden!r}")
        else:
            report.checks_passed += 1


def format_report(report: EvalReport, verbose: bool = False) -> str:
    lines = [f"{'kind':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for kind, s in report.kinds.items():
        lines.append(f"{kind:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    o = report.overall
    lines.append(f"{'overall':<16}{o.precision:>7.3f}{o.recall:>7.3f}{o.f1:>7.3f}{o.tp:>6}{o.fp:>6}{o.fn:>6}")
    total_checks = report.checks_passed + len(report.checks_failed)
    lines.append(f"document checks (meta, clean_text): {report.checks_passed}/{total_checks} pass")
    if report.missing_documents:
        lines.append("gold documents not in the warehouse: " + ", ".join(report.missing_documents))
    if verbose:
        for kind, s in report.kinds.items():
            for miss in s.misses:
                lines.append(f"MISS  {kind}: {miss}")
            for extra in s.extras:
                lines.append(f"EXTRA {kind}: {extra}")
        for failed in report.checks_failed:
            lines.append(f"CHECK {failed}")
    return "\n".join(lines)


def report_json(report: EvalReport) -> str:
    data: dict[str, Any] = {
        kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
        for kind, s in report.kinds.items()
    }
    o = report.overall
    data["overall"] = {"precision": o.precision, "recall": o.recall, "f1": o.f1, "tp": o.tp, "fp": o.fp, "fn": o.fn}
    data["checks"] = {"passed": report.checks_passed, "failed": report.checks_failed}
    data["missing_documents"] = report.missing_documents
    return json.dumps(data, ensure_ascii=False, indent=1)
