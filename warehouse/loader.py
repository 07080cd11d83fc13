"""The idempotent loader: a batch of extracted documents in, one transaction, Arrow bulk inserts.

A document's rows are replaced as a whole (DELETE by doc_id, then INSERT), so running twice
gives the same rows, a changed document never keeps stale facts, and a crash mid-batch leaves
the previous state (DuckDB rolls the open transaction back on restart).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache

import duckdb
import pyarrow as pa

from models import DocumentFacts
from warehouse.db import FACT_TABLES

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


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@cache
def _arrow_schema_cached(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])


def arrow_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    columns = tuple((row[0], row[1]) for row in con.execute(f"DESCRIBE {table}").fetchall())
    return _arrow_schema_cached(columns)


@dataclass
class LoadStats:
    docs_loaded: int = 0
    facts_loaded: int = 0
    facts_by_table: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceSeen:
    doc_id: str
    source_uri: str


def _rows(results: Sequence[DocumentFacts], run_id: str, extractor_version: str, now: datetime):
    documents: list[dict] = []
    facts: dict[str, dict[str, dict]] = {t: {} for t in FACT_TABLES}
    seen_docs: set[str] = set()
    for result in results:
        doc = result.document
        if doc.doc_id in seen_docs:  # the same content from a second path: one document
            continue
        seen_docs.add(doc.doc_id)
        row = doc.model_dump()
        row.update(extractor_version=extractor_version, ingested_at=now, run_id=run_id)
        documents.append(row)
        for table in FACT_TABLES:
            for fact in getattr(result, table):
                fact_row = fact.to_row()
                fact_row["run_id"] = run_id
                facts[table].setdefault(fact_row["fact_id"], fact_row)  # same fact twice: once
    return documents, {t: list(rows.values()) for t, rows in facts.items()}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> int:
    if not rows:
        return 0
    schema = arrow_schema(con, table)
    arrow_table = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows], schema=schema)
    con.register("_zhfacts_batch", arrow_table)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _zhfacts_batch")
    finally:
        con.unregister("_zhfacts_batch")
    return len(rows)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[DocumentFacts],
    sources: Iterable[SourceSeen],
    run_id: str,
    extractor_version: str,
) -> LoadStats:
    """Replace the batch's documents and their facts in one transaction."""
    now = utcnow()
    documents, facts = _rows(results, run_id, extractor_version, now)
    stats = LoadStats()
    source_rows = [{"doc_id": s.doc_id, "source_uri": s.source_uri} for s in sources]
    con.execute("BEGIN TRANSACTION")
    try:
        if documents:
            ids = pa.table({"doc_id": [d["doc_id"] for d in documents]})
            con.register("_zhfacts_ids", ids)
            try:
                for table in ("documents", *FACT_TABLES):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _zhfacts_ids)")
            finally:
                con.unregister("_zhfacts_ids")
            stats.docs_loaded = _insert(con, "documents", documents)
            for table, rows in facts.items():
                stats.facts_by_table[table] = _insert(con, table, rows)
            stats.facts_loaded = sum(stats.facts_by_table.values())
        record_sources(con, source_rows, run_id, now)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return stats


def record_sources(con: duckdb.DuckDBPyConnection, rows: list[dict], run_id: str, now: datetime) -> None:
    """Every (document, path) pair seen: first_seen kept, last_seen and run_id refreshed."""
    if not rows:
        return
    unique = {(r["doc_id"], r["source_uri"]) for r in rows}
    batch = pa.table({"doc_id": [d for d, _ in unique], "source_uri": [s for _, s in unique]})
    con.register("_zhfacts_sources", batch)
    try:
        con.execute(
            """
            UPDATE document_sources SET last_seen = ?, run_id = ?
            FROM _zhfacts_sources s
            WHERE document_sources.doc_id = s.doc_id AND document_sources.source_uri = s.source_uri
            """,
            [now, run_id],
        )
        con.execute(
            """
            INSERT INTO document_sources
            SELECT s.doc_id, s.source_uri, ?, ?, ? FROM _zhfacts_sources s
            WHERE NOT EXISTS (
                SELECT 1 FROM document_sources d WHERE d.doc_id = s.doc_id AND d.source_uri = s.source_uri
            )
            """,
            [now, now, run_id],
        )
    finally:
        con.unregister("_zhfacts_sources")


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, sources: list[str]) -> None:
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, started_at, status, sources, docs_seen, docs_loaded, "
        "docs_unchanged, docs_rejected, facts_loaded) VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0, 0)",
        [run_id, flow_run_id, utcnow(), sources],
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
) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, docs_seen = ?, docs_loaded = ?, docs_unchanged = ?, "
        "docs_rejected = ?, facts_loaded = ? WHERE run_id = ?",
        [utcnow(), status, docs_seen, docs_loaded, docs_unchanged, docs_rejected, facts_loaded, run_id],
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
