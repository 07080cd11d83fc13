"""The Prefect flow: discover sources → read + clean + extract in batches → load into DuckDB.

Tasks are thin wrappers over batches (tens of task runs per flow run, hundreds of documents
each) because a Prefect task run costs milliseconds and the embedded server's SQLite slows
down past about a thousand task runs. Tasks get paths, not contents. Retries only where I/O
can fail for a moment (listing sources, the database file); extraction is deterministic.
Loading runs in the flow's own process: DuckDB has a single writer.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from flows import runtime

runtime.configure()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import get_run_context  # noqa: E402

from extractors.context import ruleset_version  # noqa: E402
from flows.batch import BatchResult, process_items  # noqa: E402
from flows.sources import DEFAULT_MAX_BYTES, Reject, WorkItem, discover  # noqa: E402
from warehouse import loader  # noqa: E402
from warehouse.db import connect_writer  # noqa: E402

MIN_BATCH = 100
MAX_TASKS = 200


@dataclass
class RunSummary:
    run_id: str
    db: str
    docs_seen: int = 0
    docs_loaded: int = 0
    docs_unchanged: int = 0
    docs_rejected: int = 0
    facts_loaded: int = 0
    facts_by_table: dict[str, int] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    status: str = "running"


def plan_batches(items: Sequence[WorkItem], batch_size: int | None = None) -> list[list[WorkItem]]:
    """Split work so that a run has at most MAX_TASKS extraction tasks."""
    if not items:
        return []
    size = batch_size or max(MIN_BATCH, math.ceil(len(items) / MAX_TASKS))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@task(name="discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover_task(sources: list[str]) -> tuple[list[WorkItem], list[Reject]]:
    return discover(sources)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_task(items: list[WorkItem], max_bytes: int) -> BatchResult:
    return process_items(items, max_bytes)


def _flow_run_id() -> str | None:
    try:
        return str(get_run_context().flow_run.id)  # type: ignore[union-attr]
    except Exception:
        return None


@flow(name="zhfacts-run", log_prints=False)
def run_flow(
    sources: list[str],
    db: str,
    batch_size: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    wait_seconds: float = 0.0,
) -> RunSummary:
    logger = get_run_logger()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12], db=db)
    version = ruleset_version()
    con = connect_writer(db, wait_seconds=wait_seconds)
    try:
        loader.start_run(con, summary.run_id, _flow_run_id(), sources)
        items, rejects = discover_task(sources)
        summary.rejects.extend(rejects)
        futures = [extract_task.submit(batch, max_bytes) for batch in plan_batches(items, batch_size)]
        for future in futures:
            batch = future.result()
            summary.docs_seen += batch.docs_seen
            summary.rejects.extend(batch.rejects)
            stats = loader.load_batch(con, batch.results, batch.sources, summary.run_id, version)
            summary.docs_loaded += stats.docs_loaded
            summary.facts_loaded += stats.facts_loaded
            for table, count in stats.facts_by_table.items():
                summary.facts_by_table[table] = summary.facts_by_table.get(table, 0) + count
        loader.record_rejects(con, summary.run_id, [(r.source_uri, r.reason, r.detail) for r in summary.rejects])
        summary.docs_rejected = len(summary.rejects)
        summary.status = "completed"
        logger.info("run %s: %d documents loaded, %d facts", summary.run_id, summary.docs_loaded, summary.facts_loaded)
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        loader.finish_run(
            con, summary.run_id, summary.status, summary.docs_seen, summary.docs_loaded,
            summary.docs_unchanged, summary.docs_rejected, summary.facts_loaded,
        )
        con.close()
    return summary
