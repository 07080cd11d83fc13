"""Operating the pipeline, end to end through the CLI: kill -9 and rerun, two runs on one
database, the Dask runner. Each starts Prefect (embedded server), so these are slow."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from ops_helpers import Running, fact_ids, query, run_cli, write_corpus

pytestmark = pytest.mark.slow

COPIES = 60  # 300 documents (+1 broken line): a run of ~15 batches of 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("ops-corpus") / "news.jsonl", COPIES)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict[str, list[str]]:
    """The facts of one uninterrupted run with the default runner and batch size."""
    home = tmp_path_factory.mktemp("ops-clean")
    db = home / "clean.duckdb"
    out = run_cli(["run", "--source", str(corpus), "--db", str(db)], home)
    assert "300 seen, 300 loaded" in out.stdout and "1 rejected" in out.stdout
    ids = fact_ids(db)
    assert len(ids["documents"]) == 300 and all(ids[t] for t in ids)
    return ids


def test_kill_9_at_any_point_then_rerun_gives_the_clean_run(corpus, clean, tmp_path):
    db, home = tmp_path / "crash.duckdb", tmp_path / "home"
    args = ["run", "--verbose", "--source", str(corpus), "--db", str(db), "--batch-size", "20"]
    kill_points = [
        ("during start-up", lambda run: run.wait_for(lambda: time.monotonic() - run.started > 2.0, 60, "2 s")),
        ("right after the first batch commits", lambda run: run.wait_for_line("batch 1/")),
        ("half way", lambda run: run.wait_for_line("batch 8/")),
        ("at a random moment mid-stream", lambda run: (run.wait_for_line("batch 2/"), time.sleep(random.uniform(0, 0.6)))),
    ]
    for name, reach in kill_points:
        run = Running(args, home)
        try:
            reach(run)
        finally:
            left_nothing = run.kill9()
        assert left_nothing, f"processes outlived the run killed {name}"
    final = run_cli(["run", "--source", str(corpus), "--db", str(db)], home)
    assert fact_ids(db) == clean, "facts after kills and a rerun differ from an uninterrupted run"
    statuses = [row[0] for row in query(db, "SELECT status FROM runs ORDER BY started_at")]
    assert statuses[-1] == "completed" and "running" not in statuses
    assert statuses.count("interrupted") >= 2  # the kills after a batch had left a 'running' row
    assert "was interrupted" in final.stdout
    # the final run redid only what the killed runs had not loaded
    seen, unchanged = query(db, "SELECT docs_seen, docs_unchanged FROM runs ORDER BY started_at DESC LIMIT 1")[0]
    assert seen == 300 and unchanged > 0


def test_a_second_run_on_the_same_database_exits_or_waits(corpus, clean, tmp_path):
    db, home = tmp_path / "busy.duckdb", tmp_path / "home"
    first = Running(["run", "--verbose", "--source", str(corpus), "--db", str(db), "--batch-size", "20"], home)
    waiting = None
    try:
        first.wait_for_line("batch 1/")
        started = time.monotonic()
        second = run_cli(["run", "--source", str(corpus), "--db", str(db)], home, check=False)
        assert second.returncode == 1
        message = second.stderr.strip()
        assert len(message.splitlines()) == 1 and "being written by another zhfacts run" in message, message
        assert time.monotonic() - started < 30  # refused before Prefect starts, not after
        waiting = Running(["run", "--source", str(corpus), "--db", str(db), "--wait", "600"], home)
        assert first.process.wait(timeout=600) == 0, first.output[-3000:]
        assert waiting.process.wait(timeout=600) == 0, waiting.output[-2000:]
    finally:
        first.cleanup()
        if waiting is not None:
            waiting.cleanup()
    assert fact_ids(db) == clean
    rows = query(db, "SELECT status, docs_seen, docs_unchanged FROM runs ORDER BY started_at")
    assert rows == [("completed", 300, 0), ("completed", 300, 300)]


def test_dask_runner_gives_the_same_facts_as_the_default(corpus, clean, tmp_path):
    from distributed import LocalCluster

    db, home = tmp_path / "dask.duckdb", tmp_path / "home"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = run_cli(["run", "--source", str(corpus), "--db", str(db), "--task-runner", "dask",
                       "--dask-address", cluster.scheduler_address, "--batch-size", "50"], home)
    assert f"dask at {cluster.scheduler_address}" in out.stdout
    assert fact_ids(db) == clean


def test_extraction_workers_import_neither_prefect_nor_duckdb():
    # A worker runs flows.batch only: Prefect (~100 MB) and DuckDB (~20 MB) stay in the flow
    # process, which alone writes the warehouse; so does Arrow (~40 MB), as workers send plain
    # columns; trafilatura (~13 MB) is imported by the first HTML page, not before.
    import subprocess
    import sys

    probe = ("import os, sys, flows.batch; flows.batch.start_worker(os.getppid()); "
             "print(sorted(m for m in ('prefect', 'duckdb', 'pyarrow', 'numpy', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"


def test_embedded_server_starts_without_loading_prefect_collections(tmp_path):
    # The embedded server registers no blocks: registering them would first import every
    # installed collection (prefect-dask brings in distributed, ~17 MB in the flow process).
    import os
    import subprocess
    import sys

    probe = ("import sys; from flows import runtime; runtime.configure()\n"
             "with runtime.embedded_server():\n"
             "    import httpx, os; httpx.get(os.environ['PREFECT_API_URL'] + '/health').raise_for_status()\n"
             "print('distributed' in sys.modules, 'prefect_dask' in sys.modules)")
    env = dict(os.environ, ZHFACTS_HOME=str(tmp_path), PREFECT_HOME=str(tmp_path / "prefect"))
    env.pop("PREFECT_API_URL", None)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env,
                         cwd=Path(__file__).resolve().parent.parent, timeout=300)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_a_run_extracts_while_prefect_starts_and_loads_the_same_facts(corpus, clean, tmp_path):
    db, home = tmp_path / "head.duckdb", tmp_path / "home"
    out = run_cli(["run", "--verbose", "--source", str(corpus), "--db", str(db), "--batch-size", "50"], home)
    assert "discovered before Prefect's API was up: 7 batches" in out.stdout + out.stderr
    assert fact_ids(db) == clean
    # The run_id chosen before the flow started is the run's, on its row and on every row it loaded.
    [(run_id,)] = query(db, "SELECT run_id FROM runs")
    assert query(db, "SELECT DISTINCT run_id FROM documents") == [(run_id,)]
