"""Helpers for the operations tests (incremental, crash safety, runners, serve): a generated
corpus, the CLI in a subprocess with its own PREFECT_HOME, and what a warehouse holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from conftest import ROOT, SEEDS
from warehouse.db import FACT_TABLES

ZHFACTS = [sys.executable, "-m", "flows.cli"]


def write_corpus(path: Path, copies: int, bad_lines: int = 1) -> Path:
    """The seed articles replicated into one JSONL file, each copy made distinct by a counter
    (so every line is its own document), with a few broken lines that must become rejects."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(copies):
            for j, text in enumerate(seeds):
                out.write(json.dumps({"id": f"c{i}-s{j}", "text": f"{text}\n\n（稿件编号{i}-{j}）"}, ensure_ascii=False) + "\n")
            if i < bad_lines:
                out.write("{not json\n")
    return path


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(home / "prefect"), ZHFACTS_HOME=str(home),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", **extra)
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_UI_URL", None)
    return env


def run_cli(args: list[str], home: Path, check: bool = True, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(ZHFACTS + args, cwd=ROOT, env=cli_env(home, **env), capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"zhfacts {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def start_cli(args: list[str], home: Path, **env: str) -> subprocess.Popen:
    """The CLI in its own session, so a test can kill it and everything it started."""
    return subprocess.Popen(ZHFACTS + args, cwd=ROOT, env=cli_env(home, **env), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def fact_ids(db: Path) -> dict[str, list[str]]:
    """Every table's ids, sorted, duplicates kept (so a duplicate shows up as a difference)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: sorted(r[0] for r in con.execute(f"SELECT fact_id FROM {t}").fetchall()) for t in FACT_TABLES}
        out["documents"] = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
        return out
    finally:
        con.close()


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
