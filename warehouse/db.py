"""Opening the DuckDB file: the schema on write, read-only for queries, one writer at a time."""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.tables import ALL_TABLES, FACT_TABLES  # noqa: F401 (re-exported)

SCHEMA_SQL = Path(__file__).with_name("schema.sql")
DEFAULT_DB = Path("warehouse") / "facts.duckdb"
# DuckDB caches table blocks up to 80% of RAM by default, so a writer's memory would grow with
# the warehouse (~190 MB of cache at 50k documents). A bound keeps a long run flat; blocks it
# evicts are on disk already. 32 MB: measured at 30k documents, the flow process peaks 90 MB
# lower than at 128 MB, in the same time (a run writes, and rarely reads back, its blocks). ZHFACTS_DB_MEMORY_LIMIT overrides (a DuckDB size, e.g. "1GB").
WRITER_MEMORY_LIMIT = os.environ.get("ZHFACTS_DB_MEMORY_LIMIT", "32MB")
# DuckDB moves committed rows from its write-ahead log into the database file (a checkpoint,
# where the column compression happens) each time the log passes this size. Each checkpoint
# also rewrites the tables' last, partly filled, row groups, so at DuckDB's default (16 MB) a
# long run checkpoints ~40 times per 100k documents, and COMMIT took half of the flow process's
# CPU; at 256 MB a few times (measured: -35% of loading CPU). A crash replays the log on the next
# open; nothing committed is lost. ZHFACTS_DB_CHECKPOINT overrides.
WRITER_CHECKPOINT_THRESHOLD = os.environ.get("ZHFACTS_DB_CHECKPOINT", "256MB")


WRITER_COMPRESSION = os.environ.get("ZHFACTS_DB_COMPRESSION", "zstd")
# Rows per row group in the tables the writer fills (DuckDB's default: 122,880). A checkpoint
# rewrites each table's last, partly filled, row group; at the default that is the whole
# documents table of a 100k-document run, text and all, every time. At 16,384 a checkpoint
# writes little more than what is new (100k documents: the flow process's CPU 40.6 → 35.8-38.7 s,
# the share of wall time outside extraction 25.5-25.9% → 23.4-23.9%). DuckDB takes it only from
# ATTACH, hence _attach. ZHFACTS_DB_ROW_GROUP_SIZE overrides (a multiple of 2,048).
WRITER_ROW_GROUP_SIZE = int(os.environ.get("ZHFACTS_DB_ROW_GROUP_SIZE", "16384"))


# The writer's limit for one transaction that failed for memory at WRITER_MEMORY_LIMIT: a batch of
# documents of megabytes each (a transaction holds all of a batch's text). Raised only then, and
# set back after it. ZHFACTS_DB_OUTSIZED_MEMORY_LIMIT overrides.
OUTSIZED_MEMORY_LIMIT = os.environ.get("ZHFACTS_DB_OUTSIZED_MEMORY_LIMIT", "2GB")


def is_out_of_memory(error: Exception) -> bool:
    """Whether DuckDB refused for want of memory under its limit (in an insert or the commit)."""
    text = str(error)
    return isinstance(error, duckdb.OutOfMemoryException) or "failed to pin block" in text or "Out of Memory" in text


@contextmanager
def raised_memory_limit(con: duckdb.DuckDBPyConnection, limit: str | None = None) -> Iterator[None]:
    """The writer's memory limit raised to `limit` (OUTSIZED_MEMORY_LIMIT) for what runs inside."""
    con.execute("SET memory_limit = ?", [limit or OUTSIZED_MEMORY_LIMIT])
    try:
        yield
    finally:
        con.execute("SET memory_limit = ?", [WRITER_MEMORY_LIMIT])


class WarehouseBusy(RuntimeError):
    """Another process holds the write lock on the database file."""


class WarehouseError(RuntimeError):
    """The database cannot be opened or read; the message is one line for the user."""


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text or "lock on file" in text


# The writer's connection for each file this process has open (weakly held). DuckDB takes the
# ROW_GROUP_SIZE only from ATTACH, and two ATTACHes of one file in one process conflict, so a
# second writer on the same file (`zhfacts run` holds one as its lock while the flow opens its
# own) gets a cursor of the first: close the first one last.
_writers: dict[str, weakref.ref[duckdb.DuckDBPyConnection]] = {}


def _attach(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the file at `path`, attached to an in-memory
    DuckDB with the writer's row-group size; or a cursor of this process's open one."""
    key = str(path.resolve())
    ref = _writers.get(key)
    first = ref() if ref is not None else None
    if first is not None:
        try:
            cursor = first.cursor()
            cursor.execute("USE warehouse")
            return cursor
        except duckdb.ConnectionException:  # closed: attach the file again
            pass
    con = duckdb.connect()
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS warehouse (ROW_GROUP_SIZE {WRITER_ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    _writers[key] = weakref.ref(con)
    return con


def connect_writer(path: str | Path, wait_seconds: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-write connection with the schema in place.

    DuckDB allows one writing process per file. With `wait_seconds` the call retries until the
    other writer is done; after that it raises WarehouseBusy with a one-line reason.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.2
    while True:
        try:
            con = _attach(path)
            break
        except duckdb.IOException as error:
            if not _is_lock_error(error):
                raise WarehouseError(f"cannot open {path}: {str(error).splitlines()[0]}") from error
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{path} is being written by another zhfacts run (DuckDB allows one writer); "
                    "wait for it to finish or use --wait SECONDS"
                ) from error
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    con.execute("SET memory_limit = ?", [WRITER_MEMORY_LIMIT])
    con.execute("SET checkpoint_threshold = ?", [WRITER_CHECKPOINT_THRESHOLD])
    if WRITER_COMPRESSION != "auto":
        con.execute("SET force_compression = ?", [WRITER_COMPRESSION])
    # One thread: the writer's inserts and checkpoints are small next to extraction, and DuckDB's
    # default (a thread per core) competes with the extraction workers for the same cores
    # (30k-document bench on 2 cores: 65.0 s → 60.1 s). Readers keep DuckDB's default.
    con.execute("SET threads = 1")
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    return con


def connect_reader(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection: statements that write fail and change nothing."""
    path = Path(path)
    if not path.exists():
        raise WarehouseError(f"no database at {path}: run `zhfacts run --db {path}` first")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as error:
        if _is_lock_error(error):
            raise WarehouseBusy(f"{path} is being written right now; query it when the run has finished") from error
        raise WarehouseError(f"cannot open {path}: {str(error).splitlines()[0]}") from error
