"""Prefect settings for a project-owned, offline, quiet run (import before prefect), and the
local Prefect server that `zhfacts serve` needs (the embedded one cannot schedule)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SERVER_PID_FILE = "zhfacts-server.pid"
SERVER_LOG_FILE = "server.log"


def default_home() -> Path:
    """.zhfacts/ in the source checkout when running from one, else ~/.zhfacts."""
    if (PROJECT_ROOT / "pyproject.toml").exists() and os.access(PROJECT_ROOT, os.W_OK):
        return PROJECT_ROOT / ".zhfacts"
    return Path.home() / ".zhfacts"


def configure(verbose: bool = False) -> None:
    """Point Prefect at a folder we own and keep it off the network and quiet."""
    home = Path(os.environ.get("ZHFACTS_HOME", default_home()))
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if verbose:  # an explicit --verbose wins over the environment
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    else:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    os.environ.setdefault("PREFECT_CLI_COLORS", "false")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


class ServerError(RuntimeError):
    """The local Prefect server could not be started; the message is one line."""


@dataclass(frozen=True)
class Server:
    api_url: str
    ui_url: str
    owned: bool  # started by us, so stopped by us
    pid: int | None = None
    log: Path | None = None


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if serve dies without cleaning up (kill -9)."""
    os.setsid()  # its own session: a terminal's Ctrl-C reaches serve, which then stops the server in order
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _last_line(path: Path) -> str:
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1][:200] if lines else ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(command: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen:
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            start_new_session=not sys.platform.startswith("linux"),
        )


def _wait_healthy(process: subprocess.Popen, api_url: str, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(api_url, timeout=1.0):
        if process.poll() is not None:
            raise ServerError(f"the Prefect server exited at start ({_last_line(log_path) or 'see ' + str(log_path)})")
        if time.monotonic() > deadline:
            raise ServerError(f"the Prefect server did not answer within {timeout:.0f} s (see {log_path})")
        time.sleep(0.1)


@contextmanager
def embedded_server(start_timeout: float = 120.0) -> Iterator[Server]:
    """What Prefect's embedded mode does (a temporary API server on a free local port, no UI,
    no services, database under PREFECT_HOME), run by uvicorn on a thread of this process:
    - no second Python process: Prefect's own embedded server is one, and cost ~110 MB more
      RSS (its own interpreter and a second copy of Prefect and pydantic) for the same wall time;
    - PREFECT_API_URL is set for every process a run spawns (each worker of a pool or a Dask
      cluster would otherwise start an embedded server of its own);
    - it dies with the run, even on kill -9 (Prefect's subprocess would be orphaned).
    Call before prefect is imported. A set PREFECT_API_URL wins: that server is used."""
    if os.environ.get("PREFECT_API_URL"):
        api_url = os.environ["PREFECT_API_URL"].rstrip("/")
        yield Server(api_url, api_url.removesuffix("/api"), owned=False)
        return
    import uvicorn

    home = Path(os.environ["PREFECT_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    # Before prefect is imported (on the server's thread or here): its settings are read then.
    # No block registration: a run uses no blocks, and registering them first imports every
    # installed Prefect collection (prefect-dask brings in distributed: ~17 MB and ~0.5 s).
    settings = dict(PREFECT_API_URL=api_url, PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1",
                    PREFECT__SERVER_FINAL="1", PREFECT_SERVER_LOGGING_LEVEL="ERROR",
                    PREFECT_SERVER_REGISTER_BLOCKS_ON_START="false", PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION="false")
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    config = uvicorn.Config("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                            log_level="error", lifespan="on")
    server = uvicorn.Server(config)
    failure: list[BaseException] = []

    def serve() -> None:
        try:
            server.run()
        except BaseException as error:  # noqa: BLE001 - reported on the run's thread
            failure.append(error)

    thread = threading.Thread(target=serve, name="prefect-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_timeout
        while not healthy(api_url, timeout=1.0):
            if not thread.is_alive():
                reason = f"{type(failure[0]).__name__}: {failure[0]}" if failure else "it stopped"
                raise ServerError(f"the embedded Prefect server did not start ({reason})"[:300])
            if time.monotonic() > deadline:
                raise ServerError(f"the embedded Prefect server did not answer within {start_timeout:.0f} s")
            time.sleep(0.05)
        yield Server(api_url, f"http://127.0.0.1:{port}", owned=True, pid=os.getpid())
    finally:
        drain_prefect()
        server.should_exit = True
        thread.join(timeout=15)
        for name, value in previous.items():  # a `serve` later in this process must not inherit them
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def prefect_server(host: str = "127.0.0.1", port: int = 4200, start_timeout: float = 120.0) -> Iterator[Server]:
    """A Prefect server for scheduled runs (API, UI and the scheduler service), and
    PREFECT_API_URL pointing at it.

    PREFECT_API_URL already set: that server is used as it is. A server already answering on
    host:port (left running, or started by hand): reused and left running. Otherwise
    `prefect server start` runs as a child process with its database under PREFECT_HOME, its
    log in PREFECT_HOME/server.log and its pid in PREFECT_HOME/zhfacts-server.pid, and is
    stopped (SIGTERM, then SIGKILL) when the block exits, however it exits.
    Call before prefect is imported: its settings are read from the environment at import.
    """
    if os.environ.get("PREFECT_API_URL"):
        api_url = os.environ["PREFECT_API_URL"].rstrip("/")
        yield Server(api_url, os.environ.get("PREFECT_UI_URL", api_url.removesuffix("/api")), owned=False)
        return
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://{local}:{port}"
    os.environ["PREFECT_API_URL"] = f"{base}/api"
    os.environ["PREFECT_UI_URL"] = base
    if healthy(f"{base}/api"):
        yield Server(f"{base}/api", base, owned=False)
        return
    home = Path(os.environ["PREFECT_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    log_path, pid_path = home / SERVER_LOG_FILE, home / SERVER_PID_FILE
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # the server itself does not talk to an API
    process = _start([sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)], env, log_path)
    pid_path.write_text(str(process.pid))
    try:
        _wait_healthy(process, f"{base}/api", log_path, start_timeout)
        yield Server(f"{base}/api", base, owned=True, pid=process.pid, log=log_path)
    finally:
        drain_prefect()
        stop_process(process)
        pid_path.unlink(missing_ok=True)


def drain_prefect(timeout: float = 10.0) -> None:
    """Send Prefect's queued logs and events while the server is still up: after it stops,
    their workers would retry at exit for over a minute."""
    if "prefect" not in sys.modules:
        return
    try:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=timeout)
        EventsWorker.drain_all(timeout=timeout)
    except Exception:  # best effort: never hide the run's own outcome
        pass


def stop_process(process: subprocess.Popen, grace: float = 15.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
