"""FewFC investment events: precision, recall and F1 of zhfacts' funding rounds on company + amount.

FewFC (CCKS 2020 task 3, CC BY-SA 4.0) labels financial sentences with events; its 投资 events
carry an invested company (obj) and sometimes an amount (money), its 收购 events (the `trans`
files) an acquired company (obj-org). The data is not part of this project: pass its folder.

    python bench/fewfc_funding.py --fewfc PATH/TO/fewfc                 # test_base, 投资
    python bench/fewfc_funding.py --fewfc PATH --split train_base -v 20   # show 20 errors of each kind
    python bench/fewfc_funding.py --fewfc PATH --split test_trans --event 收购

Scoring, per sentence: every extracted funding/investment/acquisition record with a company is
a prediction; a gold event is its (obj, money) pair. A prediction matches a gold event when the
company names agree (equal after normalisation, or one contains the other: 智慧海派 and
智慧海派科技有限公司) and the amounts agree (both absent, or within 2% in the same currency).
Each gold event matches at most one prediction. Sentences with no such event count too: what is
extracted there is a false positive. An amount in another currency agrees when both come to the
same US dollars within 8% (斥资9.3亿美元(约合人民币64亿元): FewFC labels either one).

FewFC's 投资 label also covers trades in listed shares (增持, 新进, 买入, 减持, 出售 …), which
zhfacts leaves out of funding_rounds by design. The second table scores the deals alone: gold
events whose trigger is a deal verb (收购, 购买, 投资, 增资 …); a prediction that matches a trade
event counts neither way there.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.document import SourceFields, process  # noqa: E402
from extractors.money import find_money  # noqa: E402

EVENT_ROLE = {"投资": ("obj", "money"), "收购": ("obj-org", "money")}
# Triggers of FewFC 投资 events that name a deal (the rest are trades in listed shares and sales).
DEAL_TRIGGERS = frozenset(
    "收购 购买 投资 增资 融资 并购 认购 参股 受让 出资 入股 控股 取得 拿下 注资 领投 跟投 参投 买下 接盘 组建 募资".split()
)


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _names_agree(predicted: str, gold: str) -> bool:
    p, g = _norm(predicted), _norm(gold)
    if not p or not g:
        return False
    return p == g or (min(len(p), len(g)) >= 2 and (p in g or g in p))


@dataclass(frozen=True)
class Amount:
    value: float | None
    currency: str | None
    usd: float | None = None

    def agrees(self, other: Amount) -> bool:
        if self.value is None or other.value is None:
            return self.value is None and other.value is None
        if self.currency == other.currency:
            return abs(self.value - other.value) <= 0.02 * abs(other.value)
        return self.usd is not None and other.usd is not None and abs(self.usd - other.usd) <= 0.08 * abs(other.usd)


def _gold_amount(word: str | None) -> Amount:
    if not word:
        return Amount(None, None)
    spans = find_money("".join(unicodedata.normalize("NFKC", word).split()))  # as clean_text writes it
    if not spans:
        return Amount(None, None)  # an amount our parser cannot read counts as no amount
    money = spans[0].money
    return Amount(money.amount, money.currency, money.amount_usd)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{label:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@dataclass
class Sentence:
    text: str
    gold: list[tuple[str, Amount, str]]  # (company, amount, trigger)
    predictions: list[tuple[str, Amount, str]]  # (company, amount, deal_type)


def read_split(path: Path, event: str) -> tuple[list[Sentence], int, float]:
    """Every sentence of a split with its gold events and zhfacts' records (extracted once)."""
    obj_role, money_role = EVENT_ROLE[event]
    sentences, chars = [], 0
    started = time.perf_counter()
    for record in records(path):
        text = record["content"]
        chars += len(text)
        gold = []
        for ev in record["events"]:
            if ev["type"] != event:
                continue
            roles = {m["role"]: m["word"] for m in ev["mentions"]}
            if roles.get(obj_role):
                gold.append((roles[obj_role], _gold_amount(roles.get(money_role)), roles.get("trigger", "")))
        facts = process(text, SourceFields(source_uri="fewfc"))
        predictions = [
            (fr.company, Amount(fr.money.amount, fr.money.currency, fr.money.amount_usd), fr.deal_type)
            for fr in facts.funding_rounds
            if fr.company and fr.deal_type in ("funding", "investment", "acquisition")
        ]
        sentences.append(Sentence(text, gold, predictions))
    return sentences, chars, time.perf_counter() - started


def score(sentences: list[Sentence], with_amount: bool = True, deals_only: bool = False) -> Score:
    """P/R/F1 over the sentences; with deals_only, gold trade events are left out and a
    prediction that matches one counts neither way."""
    result = Score()
    for sentence in sentences:
        gold = sentence.gold
        if deals_only:
            gold = [g for g in gold if g[2] in DEAL_TRIGGERS]
            trades = [g for g in sentence.gold if g[2] not in DEAL_TRIGGERS]
        used: set[int] = set()
        for company, amount, deal_type in sentence.predictions:
            def agrees(g: tuple[str, Amount, str]) -> bool:
                return _names_agree(company, g[0]) and (not with_amount or amount.agrees(g[1]))
            hit = next((i for i, g in enumerate(gold) if i not in used and agrees(g)), None)
            if hit is not None:
                used.add(hit)
                result.tp += 1
            elif deals_only and any(agrees(g) for g in trades):
                continue
            else:
                result.fp += 1
                wanted = "; ".join(f"{g}:{a.value}" for g, a, _ in gold) or "-"
                result.false_positives.append(f"{company} {amount.value} {amount.currency} [{deal_type}] (gold {wanted}) | {sentence.text[:90]}")
        for i, (g_company, g_amount, trigger) in enumerate(gold):
            if i not in used:
                result.fn += 1
                got = ", ".join(f"{c}:{a.value}" for c, a, _ in sentence.predictions) or "-"
                result.misses.append(f"{g_company} {g_amount.value} {g_amount.currency} [{trigger}] (got {got}) | {sentence.text[:90]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fewfc", required=True, type=Path, help="folder with FewFC's *_base.json / *_trans.json")
    parser.add_argument("--split", default="test_base", help="file stem (default test_base)")
    parser.add_argument("--event", default="投资", choices=sorted(EVENT_ROLE))
    parser.add_argument("-v", "--verbose", type=int, default=0, metavar="N", help="print N random errors of each kind")
    args = parser.parse_args(argv)
    path = args.fewfc / f"{args.split}.json"
    if not path.exists():
        parser.error(f"{path} not found")
    sentences, chars, seconds = read_split(path, args.event)
    main_score = score(sentences)
    print(f"FewFC {args.split} {args.event}: {chars / 1e6:.2f} M chars in {seconds:.1f} s")
    print(main_score.line("company + amount"))
    print(score(sentences, with_amount=False).line("company only"))
    if args.event == "投资":
        print(score(sentences, deals_only=True).line("deals only: company + amount"))
        print(score(sentences, with_amount=False, deals_only=True).line("deals only: company only"))
    if args.verbose:
        rng = random.Random(0)
        for label, items in (("FP", main_score.false_positives), ("FN", main_score.misses)):
            for item in rng.sample(items, min(args.verbose, len(items))):
                print(f"{label}  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
