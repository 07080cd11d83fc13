"""End to end: the console script runs the Prefect flow on the seeds into a temporary DuckDB,
with Prefect's state in a temporary PREFECT_HOME (the embedded server; no network)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import GOLD, ROOT, SEEDS
from warehouse.db import ALL_TABLES, FACT_TABLES
from warehouse.evaluate import evaluate

ZHFACTS = [sys.executable, "-m", "flows.cli"]
pytestmark = pytest.mark.slow


def zhfacts(args: list[str], home: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_HOME=str(home / "prefect"), ZHFACTS_HOME=str(home),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    env.pop("PREFECT_API_URL", None)
    result = subprocess.run(ZHFACTS + args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"zhfacts {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ALL_TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    home = tmp_path_factory.mktemp("zhfacts-home")
    db = home / "facts.duckdb"
    first = zhfacts(["run", "--source", str(SEEDS), "--db", str(db)], home)
    after_first = counts(db)
    second = zhfacts(["run", "--source", str(SEEDS), "--db", str(db)], home)
    return home, db, first, after_first, second


def test_run_prints_a_summary(seeded):
    _, _, first, _, _ = seeded
    for table in ("documents", *FACT_TABLES):
        assert table in first.stdout
    assert "5 seen, 5 loaded" in first.stdout


def test_run_twice_gives_identical_row_counts(seeded):
    _, db, _, after_first, _ = seeded
    after_second = counts(db)
    assert {t: n for t, n in after_second.items() if t != "runs"} == {t: n for t, n in after_first.items() if t != "runs"}
    assert after_second["runs"] == 2
    assert after_first["documents"] == 5 and all(after_first[t] > 0 for t in FACT_TABLES)


def test_fact_ids_unique(seeded):
    _, db, *_ = seeded
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in FACT_TABLES:
            total, distinct = con.execute(f"SELECT count(*), count(DISTINCT fact_id) FROM {table}").fetchone()
            assert total == distinct, table
    finally:
        con.close()


def test_runs_table_records_each_run(seeded):
    _, db, *_ = seeded
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT status, docs_seen, docs_loaded, flow_run_id FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    assert [r[0] for r in rows] == ["completed", "completed"]
    assert all(r[1] == 5 and r[3] for r in rows)


def test_second_run_over_unchanged_input_skips_every_document(seeded):
    _, db, _, _, second = seeded
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT docs_seen, docs_loaded, docs_unchanged FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    assert rows[0] == (5, 5, 0)
    assert rows[1] == (5, 0, 5)  # docs_unchanged = docs_seen
    assert "5 seen, 0 loaded, 5 unchanged" in second.stdout


def test_query_is_read_only(seeded):
    home, db, *_ = seeded
    before = counts(db)
    result = zhfacts(["query", "DELETE FROM quotes", "--db", str(db)], home, check=False)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "read-only" in message
    assert counts(db) == before


def test_query_formats(seeded):
    home, db, *_ = seeded
    out = zhfacts(["query", "SELECT company, investors FROM funding_rounds WHERE company = 'OpenAI'", "--db", str(db), "--format", "json"], home)
    assert '"company": "OpenAI"' in out.stdout and '"微软"' in out.stdout
    out = zhfacts(["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "csv"], home)
    assert out.stdout.splitlines() == ["n", "5"]


def test_export_writes_one_file_per_table(seeded, tmp_path):
    home, db, *_ = seeded
    for fmt in ("csv", "parquet"):
        zhfacts(["export", "--out", str(tmp_path / fmt), "--format", fmt, "--db", str(db)], home)
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{t}.{fmt}" for t in ALL_TABLES)
    csv_text = (tmp_path / "csv" / "funding_rounds.csv").read_text(encoding="utf-8")
    assert '["微软"]' in csv_text.replace('""', '"')  # list columns as JSON arrays


def test_seed_gold_thresholds(seeded):
    _, db, *_ = seeded
    report = evaluate(GOLD, db)
    assert not report.missing_documents
    for kind, score in report.kinds.items():
        assert score.f1 >= 0.9, f"{kind}: F1 {score.f1:.3f} (misses {score.misses}, extras {score.extras})"
    assert not report.checks_failed, report.checks_failed


def test_eval_command_prints_scores(seeded):
    home, db, *_ = seeded
    out = zhfacts(["eval", "--gold", str(GOLD), "--db", str(db)], home)
    assert out.stdout.splitlines()[0].split() == ["kind", "P", "R", "F1", "TP", "FP", "FN"]
    assert any(line.startswith("overall") for line in out.stdout.splitlines())
