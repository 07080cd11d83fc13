"""Money and date extraction speed: zhfacts against jionlp, on the same texts, in one run.

    .venv/bin/pip install -e '.[bench]'          # jionlp is a bench-only dependency
    .venv/bin/python bench/extract_vs_jionlp.py [CORPUS.jsonl | FOLDER] [--limit N]

The same work on both sides: every money amount and every date of each text, parsed, against
the article's publication day. Both get the text the pipeline extracts from (clean_text) and the
publication time its metadata reader finds, both prepared outside the timing. zhfacts:
money.find_money + dates.find_dates (with sentence splitting). jionlp: ner.extract_money +
ner.extract_time (with parsing). The texts are timed in chunks of 50,
alternating the two sides, so that load from other processes on a shared machine falls on both;
what counts is the ratio within one run, not the absolute MB/s.

Without an argument the seeds (seeds/*.txt) are used. jionlp prints tracebacks on stderr for
some inputs; they are silenced and counted, as are the texts it raises on.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.cleaning import clean  # noqa: E402
from extractors.dates import find_dates  # noqa: E402
from extractors.metadata import read_metadata  # noqa: E402
from extractors.money import find_money  # noqa: E402
from extractors.text import Sentences  # noqa: E402

CHUNK = 50


def load_texts(source: Path | None, limit: int | None) -> list[str]:
    if source is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    elif source.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(source.rglob("*.txt"))]
    else:
        with open(source, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit] if limit else texts


def prepare(raw: str) -> tuple[str, datetime | None]:
    """What the pipeline hands its extractors: the cleaned text and the publication time."""
    cleaned = clean(raw)
    return cleaned.text, read_metadata(cleaned.normalized).published_at


def zhfacts_extract(text: str, when: datetime | None) -> int:
    day: date | None = when.date() if when else None
    return len(find_money(text, day)) + len(find_dates(text, day, Sentences(text)))


class Jionlp:
    """jionlp's two extractors, with its stderr noise counted instead of printed."""

    def __init__(self) -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # noqa: PLC0415 - optional, imported only when benched

        self.ner = jionlp.ner
        self.tracebacks = 0
        self.raised = 0
        self.fallback_base = time.mktime(datetime(2023, 7, 1).timetuple())

    def __call__(self, text: str, when: datetime | None) -> int:
        base = time.mktime(when.timetuple()) if when else self.fallback_base  # never the clock
        noise = io.StringIO()
        found = 0
        with contextlib.redirect_stdout(noise), contextlib.redirect_stderr(noise):
            try:
                found += len(self.ner.extract_money(text))
                found += len(self.ner.extract_time(text, time_base=base, with_parsing=True))
            except Exception:  # jionlp gives up on some texts; count them, keep the time spent
                self.raised += 1
        self.tracebacks += noise.getvalue().count("Traceback")
        return found


def run(dated: list[tuple[str, datetime | None]], sides: dict[str, Callable[[str, datetime | None], int]]) -> dict[str, tuple[float, int]]:
    for side in sides.values():  # warm up: regex compilation, dictionaries
        for text, when in dated[:3]:
            side(text, when)
    elapsed = dict.fromkeys(sides, 0.0)
    found = dict.fromkeys(sides, 0)
    for i in range(0, len(dated), CHUNK):
        chunk = dated[i : i + CHUNK]
        for name, side in sides.items():
            start = time.perf_counter()
            for text, when in chunk:
                found[name] += side(text, when)
            elapsed[name] += time.perf_counter() - start
    return {name: (elapsed[name], found[name]) for name in sides}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="a .jsonl file ({'text': …} per line) or a folder of .txt; default seeds/")
    parser.add_argument("--limit", type=int, help="only the first N texts")
    args = parser.parse_args()
    source = args.corpus if args.corpus and args.corpus.exists() else None
    if args.corpus and source is None:
        print(f"{args.corpus} not found: using seeds/", file=sys.stderr)
    texts = load_texts(source, args.limit)
    texts_and_dates = [prepare(t) for t in texts]
    megabytes = sum(len(t.encode("utf-8")) for t, _ in texts_and_dates) / 1e6
    try:
        jio = Jionlp()
    except ImportError:
        sys.exit("jionlp is not installed: pip install -e '.[bench]'")
    results = run(texts_and_dates, {"zhfacts": zhfacts_extract, "jionlp": jio})
    print(f"{len(texts)} texts, {megabytes:.2f} MB of clean text from {source or ROOT / 'seeds'}")
    for name, (seconds, found) in results.items():
        print(f"{name:<8} {seconds:8.2f} s {megabytes / seconds:8.3f} MB/s {found:8d} mentions")
    print(f"jionlp: {jio.raised} texts raised, {jio.tracebacks} tracebacks silenced")
    print(f"zhfacts is {results['jionlp'][0] / results['zhfacts'][0]:.1f}x jionlp's speed")


if __name__ == "__main__":
    main()
