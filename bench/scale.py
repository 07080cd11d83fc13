"""Throughput and memory at scale: replicate a corpus to 1k, 10k and 100k documents and time
`zhfacts run` on each, end to end (Prefect start-up included), in a fresh warehouse. A short
warm-up run first creates Prefect's database, as an installation's first run does once.

    python -m bench.scale [CORPUS.jsonl] [--sizes 1000,10000,100000] [--workers N]
    make bench CORPUS=path/to/news2023.jsonl

Without a corpus the seed articles are replicated. Every copy gets a counter in the middle of
its body, so each is its own document (a counter in a header or footer would be cleaned away). Prints per size: MB/s, docs/s, facts/s, the peak RSS of the flow process and of
the whole process tree (flow, with Prefect's API on a thread, + extraction workers), and the share of wall
time outside extraction: 1 - (extraction CPU seconds / workers) / wall, where extraction CPU
seconds are measured inside the run by the workers themselves. A baseline measured in this
process, bare extraction on one core, gives the ratio pipeline docs/s ÷ (workers × bare docs/s).

Numbers are only comparable on an otherwise idle machine: other load inflates wall time and
the share outside extraction, not the extraction CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import psutil  # noqa: E402

from warehouse.db import FACT_TABLES  # noqa: E402

DEFAULT_SIZES = (1_000, 10_000, 100_000)
TARGETS = "targets (2 cores): ≥ 1.5 MB/s end to end; peak RSS < 700 MB and flat 10k → 100k; ≤ 25% outside extraction"


def read_records(corpus: Path | None) -> list[dict]:
    """The documents to replicate: the JSONL corpus's records, or the seed articles."""
    if corpus is None:
        return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "seeds").glob("*.txt"))]
    records = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("text"), str) and record["text"].strip():
                    records.append(record)
    if not records:
        raise SystemExit(f"no JSONL records with a text in {corpus}")
    return records


def vary(text: str, copy: int) -> str:
    if copy == 0:
        return text
    mark = f"（副本{copy}）"
    # After the 。 nearest the middle: the body, which cleaning keeps (headers and footers go).
    middle = text.find("。", len(text) // 2)
    if middle < 0:
        middle = text.rfind("。")
    return text[: middle + 1] + mark + text[middle + 1 :] if middle >= 0 else text + mark


def write_replica(records: list[dict], size: int, path: Path) -> int:
    """`size` documents, streamed to `path` (never all in memory); returns its bytes."""
    with open(path, "w", encoding="utf-8") as out:
        for k in range(size):
            record = records[k % len(records)]
            copy = k // len(records)
            varied = dict(record, text=vary(record["text"], copy), id=f"{record.get('id', k % len(records))}~{copy}")
            out.write(json.dumps(varied, ensure_ascii=False) + "\n")
    return path.stat().st_size


class RssSampler:
    """Peak RSS of a process and of its whole tree, sampled every `period` seconds; and the peak
    of the tree's summed PSS (each shared page split among the processes mapping it: libpython,
    OpenCC and DuckDB's libraries are counted once, not once per process), every `pss_every`
    samples, where the platform reports it (Linux: /proc/PID/smaps_rollup)."""

    def __init__(self, pid: int, period: float = 0.2, pss_every: int = 5) -> None:
        self.root = psutil.Process(pid)
        self.period = period
        self.pss_every = pss_every
        self.peak_root = self.peak_tree = self.peak_tree_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        tick = 0
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
                root = self.root.memory_info().rss
                tree = root
                for child in processes[1:]:
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak_root = max(self.peak_root, root)
            self.peak_tree = max(self.peak_tree, tree)
            if tick % self.pss_every == 0:
                self.peak_tree_pss = max(self.peak_tree_pss, _tree_pss(processes))
            tick += 1
            self._stop.wait(self.period)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _tree_pss(processes: list[psutil.Process]) -> int:
    total = 0
    for process in processes:
        try:
            total += getattr(process.memory_full_info(), "pss", 0)
        except (psutil.Error, OSError):
            pass
    return total


@dataclass
class Result:
    docs: int
    megabytes: float
    wall: float
    docs_loaded: int
    facts: int
    extract_cpu: float
    peak_flow_mb: float
    peak_tree_mb: float
    peak_tree_pss_mb: float  # 0 where the platform gives no PSS
    workers: int
    tree_cpu: float  # CPU seconds of every process of the run (flow, workers)

    @property
    def outside_share(self) -> float:
        """Share of wall time not explained by extraction on all workers."""
        return max(0.0, 1 - (self.extract_cpu / self.workers) / self.wall)

    @property
    def outside_cpu_share(self) -> float:
        """Share of the run's CPU time spent outside extraction: unlike the wall-time share,
        barely moved by other load on the machine."""
        return max(0.0, 1 - self.extract_cpu / self.tree_cpu) if self.tree_cpu else 0.0


def run_once(path: Path, db: Path, home: Path, workers: int, task_runner: str) -> Result:
    env = dict(os.environ, ZHFACTS_HOME=str(home), PREFECT_HOME=str(home / "prefect"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    env.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "flows.cli", "run", "--source", str(path), "--db", str(db),
               "--workers", str(workers), "--task-runner", task_runner]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = RssSampler(process.pid)
    output, _ = process.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes every descendant the run waited for
    tree_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        raise SystemExit(f"zhfacts run failed ({process.returncode}):\n{output[-3000:]}")
    con = duckdb.connect(str(db), read_only=True)
    try:
        seen, loaded, extract_cpu = con.execute(
            "SELECT docs_seen, docs_loaded, extract_seconds FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
        facts = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FACT_TABLES)
    finally:
        con.close()
    return Result(seen, path.stat().st_size / 1e6, wall, loaded, facts, extract_cpu or 0.0,
                  sampler.peak_root / 1e6, sampler.peak_tree / 1e6, sampler.peak_tree_pss / 1e6, workers, tree_cpu)


def bare_extraction(records: list[dict], sample: int = 300) -> tuple[float, float]:
    """Baseline in this process: (docs/s, MB/s) of reading, cleaning and extracting alone on
    one core, over the first `sample` records (after one warm-up document)."""
    from extractors.document import SourceFields, process

    chosen = records[:sample]
    process(chosen[0]["text"], SourceFields(source_uri="warm-up"))
    started = time.process_time()
    for i, record in enumerate(chosen):
        process(record["text"], SourceFields(source_uri=f"bench#{i}"))
    seconds = time.process_time() - started
    megabytes = sum(len(json.dumps(r, ensure_ascii=False).encode()) + 1 for r in chosen) / 1e6
    return len(chosen) / seconds, megabytes / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="JSONL corpus to replicate (default: the seed articles)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="documents per run, comma-separated")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="extraction processes")
    parser.add_argument("--task-runner", default="process", choices=("process", "thread", "dask"))
    parser.add_argument("--workdir", type=Path, default=None, help="where replicas and warehouses go (default: a temp dir)")
    args = parser.parse_args(argv)
    corpus = args.corpus if args.corpus and args.corpus.exists() else None
    if args.corpus and corpus is None:
        print(f"{args.corpus} not found: replicating the seed articles instead", file=sys.stderr)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    records = read_records(corpus)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="zhfacts-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"corpus: {corpus or 'seeds/'} ({len(records):,} documents); {args.workers} workers ({args.task_runner}); "
          f"load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; workdir {workdir}", flush=True)
    bare_docs, bare_mb = bare_extraction(records)
    print(f"baseline, bare extraction on one core in this process: {bare_docs:,.0f} docs/s, {bare_mb:.2f} MB/s", flush=True)
    header = (f"{'docs':>8} {'MB':>7} {'wall s':>7} {'MB/s':>6} {'docs/s':>7} {'facts/s':>8} {'peak RSS flow':>13} "
              f"{'peak RSS tree':>13} {'peak PSS tree':>13} {'outside (wall)':>14} {'outside (CPU)':>13} {'vs bare×workers':>15}")
    # Prefect creates its database on an installation's first run (migrations: ~6 s on one core
    # here); every later run, scheduled or not, finds it. Time the runs as those later runs are,
    # and show the one-time cost on its own line.
    warm_up = workdir / "warm_up.jsonl"
    write_replica(records, 20, warm_up)
    for stale in (workdir / "warm_up.duckdb", workdir / "warm_up.duckdb.wal"):
        stale.unlink(missing_ok=True)
    first = run_once(warm_up, workdir / "warm_up.duckdb", workdir / "home", args.workers, args.task_runner)
    print(f"warm-up run (20 documents; creates Prefect's database if the workdir is new): {first.wall:.1f} s", flush=True)
    warm_up.unlink()
    print(header)
    results: list[Result] = []
    for size in sizes:
        path = workdir / f"replica_{size}.jsonl"
        write_replica(records, size, path)
        db = workdir / f"bench_{size}.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        result = run_once(path, db, workdir / "home", args.workers, args.task_runner)
        results.append(result)
        efficiency = (result.docs / result.wall) / (args.workers * bare_docs)
        print(f"{result.docs:>8,} {result.megabytes:>7.1f} {result.wall:>7.1f} {result.megabytes / result.wall:>6.2f} "
              f"{result.docs / result.wall:>7.0f} {result.facts / result.wall:>8.0f} {result.peak_flow_mb:>10.0f} MB "
              f"{result.peak_tree_mb:>10.0f} MB {result.peak_tree_pss_mb:>10.0f} MB {result.outside_share:>14.0%} {result.outside_cpu_share:>13.0%} "
              f"{efficiency:>15.2f}", flush=True)
        if result.docs_loaded != result.docs:
            print(f"  note: {result.docs - result.docs_loaded} copies shared a doc_id with another", flush=True)
        path.unlink()
    by_size = {r.docs: r for r in results}
    if 10_000 in by_size and 100_000 in by_size:
        ratio = by_size[100_000].peak_tree_mb / by_size[10_000].peak_tree_mb
        print(f"peak RSS (tree) 100k ÷ 10k: {ratio:.2f}")
        if by_size[10_000].peak_tree_pss_mb:
            print(f"peak PSS (tree) 100k ÷ 10k: {by_size[100_000].peak_tree_pss_mb / by_size[10_000].peak_tree_pss_mb:.2f}")
    print(TARGETS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
