"""Where extraction spends its time, by extractor module: cProfile over bare extraction (read →
clean → extract, no Prefect, no DuckDB), with the time spent inside libraries (regex, OpenCC,
pydantic) charged to the extractor module that called them.

    python -m bench.profile_extraction [CORPUS.jsonl] [--docs 1000] [--top 15]

Without a corpus the seed articles are profiled. For the owners of extractors/: the rows are
what to make faster first.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scale import read_records  # noqa: E402

Func = tuple[str, int, str]  # (file, line, name), as pstats keys them


def _owner(func: Func) -> str | None:
    """The project module a function belongs to (extractors.dates, models.records …), if any."""
    path = Path(func[0])
    try:
        relative = path.resolve().relative_to(ROOT)
    except (ValueError, OSError):
        return None
    if relative.parts[0] in ("extractors", "models", "flows", "warehouse") and relative.suffix == ".py":
        return ".".join(relative.with_suffix("").parts)
    return None


def attribute(stats: pstats.Stats) -> tuple[dict[str, float], dict[Func, float]]:
    """Self time per project module and per project function, library time included: a
    library function's self time is split among its callers in proportion to the time each
    call edge took, up the call graph until a project function takes it."""
    raw = stats.stats  # type: ignore[attr-defined]
    shares: dict[Func, dict[Func | str, float]] = {}  # function → where its time ends up (fractions)
    outside = "(outside the project)"

    def destinations(func: Func, visiting: frozenset = frozenset()) -> dict[Func | str, float]:
        if func in shares:
            return shares[func]
        if _owner(func) is not None:
            return {func: 1.0}
        callers = raw[func][4] if func in raw else {}
        total = sum(edge[3] for caller, edge in callers.items() if caller not in visiting)
        if not callers or total <= 0 or len(visiting) > 40:
            result: dict[Func | str, float] = {outside: 1.0}
        else:
            result = defaultdict(float)
            for caller, edge in callers.items():
                if caller in visiting:
                    continue
                for target, fraction in destinations(caller, visiting | {func}).items():
                    result[target] += fraction * edge[3] / total
        if not visiting:  # only results computed without a cut cycle are cached
            shares[func] = dict(result)
        return result

    by_module: dict[str, float] = defaultdict(float)
    by_function: dict[Func, float] = defaultdict(float)
    for func, (_, _, tottime, _, _) in raw.items():
        for target, fraction in destinations(func).items():
            if isinstance(target, str):
                by_module[target] += tottime * fraction
            else:
                by_module[_owner(target) or outside] += tottime * fraction
                by_function[target] += tottime * fraction
    return by_module, by_function


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_extraction", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="JSONL corpus (default: the seed articles)")
    parser.add_argument("--docs", type=int, default=1000, help="documents to profile (default 1000)")
    parser.add_argument("--top", type=int, default=15, help="functions to list (default 15)")
    args = parser.parse_args(argv)
    from extractors.document import SourceFields, process

    records = read_records(args.corpus if args.corpus and args.corpus.exists() else None)
    chosen = [records[i % len(records)] for i in range(min(args.docs, max(len(records), 1)))]
    process(chosen[0]["text"], SourceFields(source_uri="warm-up"))  # compile the rules outside the profile
    profiler = cProfile.Profile()
    started = time.process_time()
    profiler.enable()
    for i, record in enumerate(chosen):
        process(record["text"], SourceFields(source_uri=f"profile#{i}"))
    profiler.disable()
    seconds = time.process_time() - started
    by_module, by_function = attribute(pstats.Stats(profiler))
    total = sum(by_module.values()) or 1.0
    print(f"{len(chosen)} documents, {seconds:.1f} CPU s under the profiler "
          f"({len(chosen) / seconds:.0f} docs/s)\n")
    print(f"{'module':<28} {'share':>6}   (self time, library calls included)")
    for module, spent in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"{module:<28} {spent / total:>6.1%}")
    print(f"\n{'function':<60} {'share':>6}")
    for func, spent in sorted(by_function.items(), key=lambda kv: -kv[1])[: args.top]:
        name = f"{_owner(func)}:{func[1]} {func[2]}"
        print(f"{name:<60} {spent / total:>6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
