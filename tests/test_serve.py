"""`zhfacts serve`: a local Prefect server and the flow served on a schedule. A file dropped
into the source folder is loaded by a run that starts within two ticks; Ctrl-C stops the
runner and the server. Slow (it starts a real server), and it cleans up even when it fails."""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from conftest import SEEDS
from flows.runtime import SERVER_PID_FILE, healthy
from ops_helpers import Running

pytestmark = pytest.mark.slow

TICK = 15.0  # seconds between scheduled runs; a seed-sized run takes a few seconds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _runs(db: Path) -> list[tuple]:
    """The runs table, or [] while a run holds the write lock (or before the first run)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return []
    try:
        return con.execute("SELECT status, started_at, docs_loaded, docs_unchanged FROM runs ORDER BY started_at").fetchall()
    except duckdb.Error:
        return []
    finally:
        con.close()


def _documents(db: Path) -> set[str]:
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return set()
    try:
        return {row[0] for row in con.execute("SELECT source_uri FROM document_sources").fetchall()}
    finally:
        con.close()


@contextmanager
def _serving(args: list[str], home: Path, sigint_ignored: bool = False, **env: str) -> Iterator[tuple[Running, int, Path]]:
    """`zhfacts serve ARGS`, up and serving: (the process, its server's pid, the pid file). Both
    are killed on the way out whatever happened."""
    serve = Running(args, home, sigint_ignored=sigint_ignored, **env)
    pid_file = home / "prefect" / SERVER_PID_FILE
    server_pid = None
    try:
        serve.wait_for(pid_file.exists, 120, "server pid file")
        server_pid = int(pid_file.read_text())
        serve.wait_for_line("serving deployment zhfacts-run/scheduled", timeout=180)
        yield serve, server_pid, pid_file
    finally:
        serve.cleanup()
        if server_pid is not None and _alive(server_pid):
            os.kill(server_pid, signal.SIGKILL)


def _stops_cleanly(serve: Running, signum: int, server_pid: int, pid_file: Path) -> None:
    """The signal stops serve with status 0 and its last line, and the server it started."""
    serve.process.send_signal(signum)
    assert serve.process.wait(timeout=90) == 0, serve.output[-3000:]
    assert "zhfacts: stopped" in serve.output
    assert "never awaited" not in serve.output
    deadline = time.monotonic() + 30
    while _alive(server_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(server_pid), "the Prefect server outlived serve"
    assert not pid_file.exists()


def test_served_flow_loads_a_dropped_file_within_two_ticks(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    inbox, home, db = tmp_path / "inbox", tmp_path / "home", tmp_path / "facts.duckdb"
    inbox.mkdir()
    (inbox / seeds[0].name).write_text(seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    port = _free_port()
    args = ["serve", "--interval", str(TICK), "--source", str(inbox), "--db", str(db), "--port", str(port), "--batch-size", "1"]
    # --batch-size 1: two documents make two batches, so served runs use the process pool too;
    # poll the server for due runs every 2 s (default 10) and schedule every 5 s (default 60)
    # started with SIGINT ignored, as from a script's background job: Ctrl-C must stop it all the same
    with _serving(args, home, sigint_ignored=True, PREFECT_RUNNER_POLL_FREQUENCY="2",
                  PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5") as (serve, server_pid, pid_file):
        assert healthy(f"http://127.0.0.1:{port}/api")
        serve.wait_for(lambda: any(r[0] == "completed" for r in _runs(db)), 180, "a first completed scheduled run")

        dropped = inbox / seeds[1].name
        dropped_at = datetime.now(timezone.utc).replace(tzinfo=None)
        dropped.write_text(seeds[1].read_text(encoding="utf-8"), encoding="utf-8")
        serve.wait_for(lambda: str(dropped) in _documents(db), 2 * TICK + 120, "the dropped file in the warehouse")
        loader_run = next(r for r in _runs(db) if r[1] > dropped_at and r[2] >= 1)
        # the run that loaded it started within two ticks of the drop (+ the runner's 2 s poll)
        assert (loader_run[1] - dropped_at).total_seconds() <= 2 * TICK + 5, loader_run
        # later ticks find nothing new
        serve.wait_for(lambda: any(r[1] > loader_run[1] and r[0] == "completed" for r in _runs(db)), 2 * TICK + 120,
                       "a run after the one that loaded the file")
        later = [r for r in _runs(db) if r[1] > loader_run[1] and r[0] == "completed"]
        assert later[0][2] == 0 and later[0][3] == 2

        _stops_cleanly(serve, signal.SIGINT, server_pid, pid_file)  # Ctrl-C


def test_sigterm_stops_serve_and_its_server(tmp_path):
    """A service manager stops with SIGTERM, not Ctrl-C: the same clean stop (Prefect's runner
    takes SIGTERM over once serving; its handler must not leak a warning or skip the server)."""
    inbox, home, db = tmp_path / "inbox", tmp_path / "home", tmp_path / "facts.duckdb"
    inbox.mkdir()
    port = _free_port()
    args = ["serve", "--interval", "3600", "--source", str(inbox), "--db", str(db), "--port", str(port)]
    with _serving(args, home) as (serve, server_pid, pid_file):
        time.sleep(2)  # the runner is serving (its signal handler installed)
        _stops_cleanly(serve, signal.SIGTERM, server_pid, pid_file)
