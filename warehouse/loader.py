"""The idempotent loader: a batch of extracted documents in, one transaction, Arrow bulk inserts.

A document's rows are replaced as a whole (DELETE by doc_id, then INSERT), so running twice
gives the same rows, a changed document never keeps stale facts, and a crash mid-batch leaves
the previous state (DuckDB rolls the open transaction back on restart).

Bookkeeping that makes runs incremental and crash-safe lives here too:
- document_sources.input_fingerprint: the hash of what extraction read from a source; a
  fingerprint already loaded under the current rule set is skipped by the next run.
- each batch's transaction also records its sources, its rejects and the run's counters, so
  an interrupted run leaves exactly the batches it finished, and says so in `runs`.
- sweep_superseded(): when a source now yields another document (the file was edited), the old
  document goes, with its facts, once no source yields it any more.
- a copy (the same cleaned text from a second path) adds its path and leaves the document the
  first copy loaded as it is: no DELETE scan of every fact table for a row that is there.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache

import duckdb
import pyarrow as pa

from warehouse.db import is_out_of_memory, raised_memory_limit
from warehouse.layout import LOADED_TABLES, Columns, SourceSeen, utcnow  # noqa: F401 (re-exported)

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


@cache
def _arrow_schema_cached(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])


def arrow_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    columns = tuple((row[0], row[1]) for row in con.execute(f"DESCRIBE {table}").fetchall())
    return _arrow_schema_cached(columns)


def arrow_schemas(con: duckdb.DuckDBPyConnection) -> dict[str, pa.Schema]:
    """The Arrow layout of every table a batch fills, read from the database itself."""
    return {table: arrow_schema(con, table) for table in LOADED_TABLES}


def column_names(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, ...]]:
    """The columns of every table a batch fills, for the extraction workers (which never open
    the database, nor import Arrow) to lay their rows out in (warehouse.layout)."""
    return {table: tuple(arrow_schema(con, table).names) for table in LOADED_TABLES}


@dataclass
class LoadStats:
    docs_loaded: int = 0
    docs_unchanged: int = 0
    facts_loaded: int = 0
    facts_by_table: dict[str, int] = field(default_factory=dict)


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def to_arrow(columns: dict[str, Columns], schemas: dict[str, pa.Schema]) -> tuple[dict[str, pa.Table], dict[str, str]]:
    """A batch's columns (warehouse.layout) as Arrow tables, and the documents left out: should
    one document's values not convert (a value Arrow refuses), each document is tried on its own
    and only those that fail are dropped, with their facts: ({table: Arrow}, {doc_id: error})."""
    try:
        return {table: pa.Table.from_pydict(cols, schema=schemas[table]) for table, cols in columns.items()}, {}
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        pass
    refused: dict[str, str] = {}
    doc_ids = list(dict.fromkeys(columns["documents"]["doc_id"]))
    for doc_id in doc_ids:
        one = _only(columns, {doc_id})
        try:
            for table, cols in one.items():
                pa.Table.from_pydict(cols, schema=schemas[table])
        except (pa.ArrowException, TypeError, ValueError, OverflowError) as error:
            refused[doc_id] = f"{type(error).__name__}: {error}".splitlines()[0][:300]
    kept = _only(columns, set(doc_ids) - set(refused))
    return {table: pa.Table.from_pydict(cols, schema=schemas[table]) for table, cols in kept.items()}, refused


def _only(columns: dict[str, Columns], doc_ids: set[str]) -> dict[str, Columns]:
    """The rows of some documents, in every table."""
    out: dict[str, Columns] = {}
    for table, cols in columns.items():
        keep = [i for i, d in enumerate(cols["doc_id"]) if d in doc_ids]
        out[table] = {name: [values[i] for i in keep] for name, values in cols.items()}
    return out


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> int:
    if data.num_rows == 0:
        return 0
    con.register("_zhfacts_batch", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _zhfacts_batch")
    finally:
        con.unregister("_zhfacts_batch")
    return data.num_rows


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> int:
    if not rows:
        return 0
    return _insert_arrow(con, table, _table(rows, arrow_schema(con, table)))


def _delete_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Delete documents and all their facts (inside the caller's transaction)."""
    if not doc_ids:
        return
    con.register("_zhfacts_doomed", pa.table({"doc_id": doc_ids}))
    try:
        for table in LOADED_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _zhfacts_doomed)")
    finally:
        con.unregister("_zhfacts_doomed")


@dataclass
class RunCounters:
    """A run's running totals, written in each batch's transaction (see load_tables)."""

    docs_seen: int = 0
    docs_loaded: int = 0
    docs_unchanged: int = 0
    docs_rejected: int = 0
    facts_loaded: int = 0
    extract_seconds: float = 0.0


class KnownDocuments:
    """Which documents the warehouse holds, kept by the flow process for the length of a run:
    those it held when the run started, and those this run has loaded.

    Without it, each batch asks the database which of its documents are there already: scans
    of `documents` that grow with the warehouse, ~15% of the loading CPU at 100k documents and
    more beyond. A doc_id is 16 hex digits of the content hash, so a document is kept as one
    64-bit integer (~60 bytes a document in a set). Built from the database at the start of a
    run; a doc_id of another shape (a warehouse written by hand) turns it off, and the database
    is asked as before."""

    def __init__(self, keys: set[int] | None) -> None:
        self._before = keys
        self._this_run: set[int] = set()

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> KnownDocuments:
        keys: set[int] = set()
        for (doc_id,) in con.execute("SELECT doc_id FROM documents").fetchall():
            key = _doc_key(doc_id)
            if key is None:
                return cls(None)
            keys.add(key)
        return cls(keys)

    def held(self, doc_ids: list[str]) -> Holdings | None:
        """Which of the batch's documents the warehouse holds, or None when only the database knows."""
        if self._before is None:
            return None
        keys = [_doc_key(d) for d in doc_ids]
        if any(k is None for k in keys):
            return None
        return Holdings(
            loaded_this_run={d for d, k in zip(doc_ids, keys) if k in self._this_run},
            held_before={d for d, k in zip(doc_ids, keys) if k in self._before},
        )

    def add(self, doc_ids: Iterable[str]) -> None:
        if self._before is None:
            return
        for doc_id in doc_ids:
            key = _doc_key(doc_id)
            if key is None:
                self._before = None
                return
            self._this_run.add(key)


@dataclass
class Holdings:
    """A batch's documents the warehouse holds: loaded earlier in this run, or held when the run
    started (a document can be both). Only a document held before the run can have (document,
    path) pairs this run has not written."""

    loaded_this_run: set[str]
    held_before: set[str]

    @property
    def present(self) -> set[str]:
        return self.loaded_this_run | self.held_before


def _doc_key(doc_id: str) -> int | None:
    if len(doc_id) != 16:
        return None
    try:
        return int(doc_id, 16)
    except ValueError:
        return None


def _copies_to_keep(con: duckdb.DuckDBPyConnection, run_id: str, extractor_version: str | None,
                    holdings: Holdings, batch_uris: dict[str, set[str]]) -> set[str]:
    """The batch's documents the warehouse holds that stay as they are: the first copy loaded
    wins. A document this run loaded already came from another path (a run reads each path
    once). One held from before the run stays when it was loaded under this rule set from a path
    other than this batch's (a copy of a known article); it is replaced when its own path
    changed or the rules did. So a run killed between two copies, then re-run, keeps the same
    copy as an uninterrupted run. The database is asked only about documents held before the run."""
    keep = set(holdings.loaded_this_run)
    ask = sorted(holdings.held_before - keep)
    if not ask or extractor_version is None:
        return keep
    con.register("_zhfacts_held", pa.table({"doc_id": ask}))
    try:
        rows = con.execute(
            "SELECT doc_id, source_uri, extractor_version, run_id FROM documents "
            "WHERE doc_id IN (SELECT doc_id FROM _zhfacts_held)"
        ).fetchall()
    finally:
        con.unregister("_zhfacts_held")
    for doc_id, source_uri, version, loaded_by in rows:
        if loaded_by == run_id or (version == extractor_version and source_uri not in batch_uris.get(doc_id, ())):
            keep.add(doc_id)
    return keep


def _holdings_in_warehouse(con: duckdb.DuckDBPyConnection, run_id: str, documents: pa.Table) -> Holdings:
    """The batch's documents the warehouse holds, asked of the database (a scan of `documents`).
    Without the run's KnownDocuments, a document loaded this run counts as held before it too:
    its pairs then take the path that looks for existing ones."""
    con.register("_zhfacts_ids", documents.select(["doc_id"]))
    try:
        rows = con.execute(
            "SELECT DISTINCT doc_id, run_id = ? FROM documents WHERE doc_id IN (SELECT doc_id FROM _zhfacts_ids)",
            [run_id],
        ).fetchall()
    finally:
        con.unregister("_zhfacts_ids")
    return Holdings(loaded_this_run={d for d, this_run in rows if this_run}, held_before={d for d, _ in rows})


def load_tables(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    sources: Iterable[SourceSeen],
    run_id: str,
    *,
    unchanged: Sequence[tuple[int, str]] = (),
    extractor_version: str | None = None,
    rejects: Sequence[tuple[str, str, str | None]] = (),
    counters: RunCounters | None = None,
    known: KnownDocuments | None = None,
) -> LoadStats:
    """Replace the batch's documents and their facts, record its sources (new and unchanged),
    its rejects and the run's counters: all in one transaction, so a crash keeps all or none.
    A copy of a document already loaded (the same cleaned text from another path) adds its path
    and leaves the document as it is (_copies_to_keep). With `known` (a run's KnownDocuments),
    the warehouse is not asked which documents it holds.

    A batch too large for the writer's memory limit (several documents of megabytes each: a
    transaction holds all of a batch's text) is loaded again with the limit raised for that one
    transaction (db.OUTSIZED_MEMORY_LIMIT), rather than failing the run."""
    sources = list(sources)
    options = dict(unchanged=unchanged, extractor_version=extractor_version, rejects=rejects, counters=counters, known=known)
    before = replace(counters) if counters is not None else None
    try:
        return _load_tables_once(con, tables, sources, run_id, **options)
    except duckdb.Error as error:
        if not is_out_of_memory(error):
            raise
    if counters is not None and before is not None:  # the failed attempt's adjustments, undone
        for name in before.__dataclass_fields__:
            setattr(counters, name, getattr(before, name))
    with raised_memory_limit(con):
        return _load_tables_once(con, tables, sources, run_id, **options)


def _load_tables_once(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    sources: list[SourceSeen],
    run_id: str,
    *,
    unchanged: Sequence[tuple[int, str]],
    extractor_version: str | None,
    rejects: Sequence[tuple[str, str, str | None]],
    counters: RunCounters | None,
    known: KnownDocuments | None,
) -> LoadStats:
    now = utcnow()
    replaced: list[str] = []
    maybe_paired: set[str] = set()  # held before this run: their pairs may be in the warehouse
    stats = LoadStats(docs_unchanged=len(unchanged))
    documents = tables.get("documents")
    doc_ids: list[str] = documents.column("doc_id").to_pylist() if documents is not None else []
    con.execute("BEGIN TRANSACTION")
    try:
        if doc_ids:
            # Only documents already in the warehouse need a look; on a first load that skips
            # scanning every fact table for each batch.
            holdings = known.held(doc_ids) if known is not None else None
            if holdings is None:
                holdings = _holdings_in_warehouse(con, run_id, documents)
            maybe_paired = holdings.held_before
            if holdings.present:
                batch_uris: dict[str, set[str]] = {}
                for s in sources:
                    batch_uris.setdefault(s.doc_id, set()).add(s.source_uri)
                keep = _copies_to_keep(con, run_id, extractor_version, holdings, batch_uris)
                if keep:  # a copy: its rows are the first copy's, already there
                    kept = _without_documents(tables, keep)
                    if counters is not None:  # the caller counted them as loaded: they are unchanged
                        counters.docs_loaded -= tables["documents"].num_rows - kept["documents"].num_rows
                        counters.docs_unchanged += len(keep)
                        counters.facts_loaded -= sum(tables[t].num_rows - kept[t].num_rows for t in tables if t != "documents")
                    tables = kept
                    stats.docs_unchanged += len(keep)
                replaced = sorted(holdings.present - keep)
            _delete_documents(con, replaced)
            for table in LOADED_TABLES:
                if table in tables:
                    count = _insert_arrow(con, table, tables[table])
                    if table == "documents":
                        stats.docs_loaded = count
                    else:
                        stats.facts_by_table[table] = count
            stats.facts_loaded = sum(stats.facts_by_table.values())
        # A (document, path) pair is only ever recorded with its document: the pairs of documents
        # the warehouse did not hold before this run are new, or this run's own, and go in
        # without a look (a run reads each path once).
        rows = [{"doc_id": s.doc_id, "source_uri": s.source_uri, "fingerprint": s.fingerprint} for s in sources]
        record_sources(con, [r for r in rows if r["doc_id"] in maybe_paired], run_id, now)
        record_sources(con, [r for r in rows if r["doc_id"] not in maybe_paired], run_id, now, new_documents=True)
        if unchanged:
            if extractor_version is None:
                raise ValueError("unchanged sources need the extractor_version they were checked against")
            record_unchanged(con, unchanged, run_id, now, extractor_version)
        if rejects:
            _insert(con, "rejects", [{"run_id": run_id, "source_uri": uri, "reason": reason, "detail": detail,
                                      "rejected_at": now} for uri, reason, detail in rejects])
        if counters is not None:
            update_run_counters(con, run_id, counters)
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a COMMIT that failed has ended the transaction already
        raise
    if known is not None:
        known.add(doc_ids)
    return stats


def _without_documents(tables: dict[str, pa.Table], doc_ids: set[str]) -> dict[str, pa.Table]:
    """Every table's rows but those of `doc_ids`."""
    import pyarrow.compute as pc

    doomed = pa.array(sorted(doc_ids), pa.string())
    return {name: table.filter(pc.invert(pc.is_in(table.column("doc_id"), value_set=doomed))) for name, table in tables.items()}


def record_sources(con: duckdb.DuckDBPyConnection, rows: list[dict], run_id: str, now: datetime,
                   new_documents: bool = False) -> None:
    """Every (document, path) pair seen: first_seen kept; last_seen, run_id and the input
    fingerprint refreshed. `new_documents`: the pairs' documents were not in the warehouse
    before this transaction, so neither are the pairs, and they are inserted without a look."""
    if not rows:
        return
    unique = {(r["doc_id"], r["source_uri"]): r.get("fingerprint") for r in rows}
    batch = pa.table(
        {
            "doc_id": [d for d, _ in unique],
            "source_uri": [s for _, s in unique],
            "input_fingerprint": pa.array(list(unique.values()), pa.int64()),
        }
    )
    con.register("_zhfacts_sources", batch)
    try:
        if new_documents:
            con.execute(
                "INSERT INTO document_sources (doc_id, source_uri, first_seen, last_seen, run_id, input_fingerprint) "
                "SELECT s.doc_id, s.source_uri, ?, ?, ?, s.input_fingerprint FROM _zhfacts_sources s",
                [now, now, run_id],
            )
            return
        con.execute(
            """
            UPDATE document_sources SET last_seen = ?, run_id = ?,
                input_fingerprint = coalesce(s.input_fingerprint, document_sources.input_fingerprint)
            FROM _zhfacts_sources s
            WHERE document_sources.doc_id = s.doc_id AND document_sources.source_uri = s.source_uri
            """,
            [now, run_id],
        )
        con.execute(
            """
            INSERT INTO document_sources (doc_id, source_uri, first_seen, last_seen, run_id, input_fingerprint)
            SELECT s.doc_id, s.source_uri, ?, ?, ?, s.input_fingerprint FROM _zhfacts_sources s
            WHERE NOT EXISTS (
                SELECT 1 FROM document_sources d WHERE d.doc_id = s.doc_id AND d.source_uri = s.source_uri
            )
            """,
            [now, now, run_id],
        )
    finally:
        con.unregister("_zhfacts_sources")


def record_unchanged(
    con: duckdb.DuckDBPyConnection, unchanged: Sequence[tuple[int, str]], run_id: str, now: datetime, extractor_version: str
) -> None:
    """Sources whose document was skipped: find the document through the fingerprint and
    record the (document, path) pair as seen by this run (a known text under a new path too)."""
    if not unchanged:
        return
    batch = pa.table(
        {
            "input_fingerprint": pa.array([f for f, _ in unchanged], pa.int64()),
            "source_uri": [u for _, u in unchanged],
        }
    )
    con.register("_zhfacts_unchanged", batch)
    try:
        rows = con.execute(
            """
            SELECT u.source_uri, min(ds.doc_id) AS doc_id, u.input_fingerprint
            FROM _zhfacts_unchanged u
            JOIN document_sources ds USING (input_fingerprint)
            JOIN documents d ON d.doc_id = ds.doc_id AND d.extractor_version = ?
            GROUP BY u.source_uri, u.input_fingerprint
            """,
            [extractor_version],
        ).fetchall()
    finally:
        con.unregister("_zhfacts_unchanged")
    record_sources(con, [{"doc_id": d, "source_uri": u, "fingerprint": f} for u, d, f in rows], run_id, now)


def known_inputs(con: duckdb.DuckDBPyConnection, extractor_version: str) -> array:
    """Sorted fingerprints of inputs whose document is loaded under this rule set: a run skips
    them. Eight bytes a document, sent once to every extraction task."""
    rows = con.execute(
        """
        SELECT DISTINCT ds.input_fingerprint
        FROM document_sources ds JOIN documents d USING (doc_id)
        WHERE ds.input_fingerprint IS NOT NULL AND d.extractor_version = ?
        ORDER BY 1
        """,
        [extractor_version],
    ).fetchall()
    return array("q", (row[0] for row in rows))


def sweep_superseded(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """After a run: a source this run read that once yielded another document no longer does.
    Drop those stale pairs, then every document no source yields any more, with its facts.
    Sources the run did not read (other folders, deleted files) are left alone."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            """
            DELETE FROM document_sources
            WHERE run_id <> ? AND source_uri IN (SELECT source_uri FROM document_sources WHERE run_id = ?)
            """,
            [run_id, run_id],
        )
        orphans = con.execute(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM document_sources)"
        ).fetchall()
        _delete_documents(con, [row[0] for row in orphans])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(orphans)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, sources: list[str]) -> None:
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, started_at, status, sources, docs_seen, docs_loaded, "
        "docs_unchanged, docs_rejected, facts_loaded) VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0, 0)",
        [run_id, flow_run_id, utcnow(), sources],
    )


def close_interrupted_runs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, datetime]]:
    """Runs still marked 'running' when a new run gets the write lock were killed (DuckDB lets
    one process write, so none can still be going): mark them 'interrupted'. Their counters
    show what they had loaded; the new run skips that work and does the rest."""
    rows = con.execute("SELECT run_id, started_at FROM runs WHERE status = 'running' ORDER BY started_at").fetchall()
    if rows:
        con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    return [(row[0], row[1]) for row in rows]


def update_run_counters(con: duckdb.DuckDBPyConnection, run_id: str, counters: RunCounters) -> None:
    con.execute(
        "UPDATE runs SET docs_seen = ?, docs_loaded = ?, docs_unchanged = ?, docs_rejected = ?, facts_loaded = ?, "
        "extract_seconds = ? WHERE run_id = ?",
        [counters.docs_seen, counters.docs_loaded, counters.docs_unchanged, counters.docs_rejected,
         counters.facts_loaded, counters.extract_seconds, run_id],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    docs_seen: int,
    docs_loaded: int,
    docs_unchanged: int,
    docs_rejected: int,
    facts_loaded: int,
    *,
    task_runner: str | None = None,
    extract_seconds: float | None = None,
) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, docs_seen = ?, docs_loaded = ?, docs_unchanged = ?, "
        "docs_rejected = ?, facts_loaded = ?, task_runner = coalesce(?, task_runner), "
        "extract_seconds = coalesce(?, extract_seconds) WHERE run_id = ?",
        [utcnow(), status, docs_seen, docs_loaded, docs_unchanged, docs_rejected, facts_loaded, task_runner,
         extract_seconds, run_id],
    )


def record_rejects(con: duckdb.DuckDBPyConnection, run_id: str, rejects: Iterable[tuple[str, str, str | None]]) -> int:
    rows = [{"run_id": run_id, "source_uri": uri, "reason": reason, "detail": detail, "rejected_at": utcnow()}
            for uri, reason, detail in rejects]
    con.execute("BEGIN TRANSACTION")
    try:
        count = _insert(con, "rejects", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count
