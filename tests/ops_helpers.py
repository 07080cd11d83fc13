"""Helpers for the operations tests (incremental, crash safety, runners, serve): a generated
corpus, the CLI in a subprocess with its own PREFECT_HOME, and what a warehouse holds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from conftest import ROOT, SEEDS
from warehouse.db import FACT_TABLES

ZHFACTS = [sys.executable, "-m", "flows.cli"]


def write_corpus(path: Path, copies: int, bad_lines: int = 1) -> Path:
    """The seed articles replicated into one JSONL file, each copy made distinct by a counter
    after its first sentence (so every line is its own document: a counter at the end would be
    cleaned away with the page footer), with a few broken lines that must become rejects."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

    def vary(text: str, mark: str) -> str:
        # Inside the longest line, the body: header and footer lines may be cleaned away.
        body = max(text.splitlines(), key=len)
        return text.replace(body, body.replace("。", f"。{mark}", 1), 1)

    with open(path, "w", encoding="utf-8") as out:
        for i in range(copies):
            for j, text in enumerate(seeds):
                varied = vary(text, f"（稿件编号{i}-{j}）")
                out.write(json.dumps({"id": f"c{i}-s{j}", "text": varied}, ensure_ascii=False) + "\n")
            if i < bad_lines:
                out.write("{not json\n")
    return path


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The test process's environment without the Prefect settings importing flows.pipeline
    put there (the CLI sets its own), plus a PREFECT_HOME of the test's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home / "prefect"), ZHFACTS_HOME=str(home),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", **extra)
    return env


def run_cli(args: list[str], home: Path, check: bool = True, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(ZHFACTS + args, cwd=ROOT, env=cli_env(home, **env), capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"zhfacts {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


class Running:
    """The CLI running in the background, in its own session (so a test can kill it and all it
    started), its output collected line by line by a thread (so its pipe never fills)."""

    def __init__(self, args: list[str], home: Path, sigint_ignored: bool = False, **env: str) -> None:
        self.started = time.monotonic()
        self.lines: list[str] = []
        # sigint_ignored: started as a non-interactive shell starts a background job (`zhfacts … &`
        # in a script), with SIGINT ignored, which the child inherits
        ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None
        self.process = subprocess.Popen(ZHFACTS + args, cwd=ROOT, env=cli_env(home, **env), stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, start_new_session=True, preexec_fn=ignore)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None and not condition():
                raise AssertionError(f"zhfacts exited ({self.process.returncode}) before {what}:\n{self.output[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout:.0f} s:\n{self.output[-3000:]}")
            time.sleep(0.05)

    def wait_for_line(self, text: str, timeout: float = 300) -> None:
        self.wait_for(lambda: any(text in line for line in self.lines), timeout, repr(text))

    def kill9(self, grace: float = 10.0) -> bool:
        """kill -9 of the CLI process alone, as a user or the OOM killer would. Returns whether
        everything it had started in its session (extraction workers) went away by itself
        within `grace` seconds; whatever is left is then killed, so nothing outlives the test."""
        try:
            os.kill(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            self.cleanup()
            return False
        self.cleanup()
        return True

    def cleanup(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.process.poll() is None:
            self.process.wait(timeout=30)
        self._reader.join(timeout=10)


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
