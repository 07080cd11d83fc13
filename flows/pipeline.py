"""The Prefect flow: discover sources → read + clean + extract in batches → load into DuckDB.

Tasks are thin wrappers over batches (tens to a few hundred task runs per flow run,
hundreds of documents each) because a Prefect task run costs milliseconds and the server's
SQLite slows down past about a thousand task runs. Tasks get paths, not contents. Retries only
where I/O can fail for a moment (listing sources); extraction is deterministic.

Where extraction runs (`task_runner`):
- "process" (default): extraction is pure Python, so threads would share one core. Each task
  runs on a thread of this process and hands its batch to a pool of plain worker processes
  that import only the extractors. Prefect's own ProcessPoolTaskRunner also works once
  PREFECT_API_URL is pinned (see _api_settings), but each of its workers imports Prefect and
  runs the task engine: measured at 10k documents, ~100 MB more per worker, seconds more to
  start, and 34% instead of 27% of the run's CPU outside extraction.
- "thread": in this process (one-batch runs use it: a pool costs a second to start).
- "dask": prefect-dask's DaskTaskRunner on a local cluster or at `dask_address`; there the task
  itself runs on the Dask workers.
Loading always runs here, in the flow's process: DuckDB has a single writer. Batches stream: at
most a few are in flight, each is loaded in one transaction and dropped, so memory stays flat
however large the input.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field

import pyarrow as pa

from flows import runtime

runtime.configure()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext, get_run_context  # noqa: E402
from prefect.settings import PREFECT_API_URL, temporary_settings  # noqa: E402
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner  # noqa: E402

from extractors.context import ruleset_version  # noqa: E402
from flows import progress  # noqa: E402
from flows.batch import (  # noqa: E402
    JSONL_CHUNK_LINES,
    BatchSpec,
    PreparedBatch,
    WorkItem,
    default_workers,
    head_start_key,
    jsonl_chunk,
    plan_batches,
    prepare_batch,
    start_pool,
    take_head_start,
    take_prestarted_pool,
)
from flows.sources import DEFAULT_MAX_BYTES, Reject, discover  # noqa: E402
from warehouse import loader  # noqa: E402
from warehouse.db import connect_writer  # noqa: E402

TASK_RUNNERS = ("process", "thread", "dask")
REJECTS_KEPT = 20  # rejects carried in the summary (all of them are in the `rejects` table)


@dataclass
class RunSummary:
    run_id: str
    db: str
    docs_seen: int = 0
    docs_loaded: int = 0
    docs_unchanged: int = 0
    docs_rejected: int = 0
    docs_removed: int = 0  # documents no source yields any more (their file was edited)
    facts_loaded: int = 0
    facts_by_table: dict[str, int] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)  # the first REJECTS_KEPT
    interrupted_runs: list[str] = field(default_factory=list)  # killed runs this run found
    task_runner: str = ""
    batches: int = 0
    workers: set[str] = field(default_factory=set)  # host:pid of every process that extracted
    chars_in: int = 0
    extract_seconds: float = 0.0  # CPU seconds of extraction, summed over workers
    status: str = "running"


@task(name="discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover_task(sources: list[str], jsonl_lines_per_item: int = JSONL_CHUNK_LINES) -> tuple[list[WorkItem], list[Reject]]:
    return discover(sources, jsonl_lines_per_item)


# The flow process's extraction pool while a "process" run is going (see extraction_pool), and
# the extractions `zhfacts run` started on it before the flow (flows.batch.start_head), by items.
_extraction_pool: ProcessPoolExecutor | None = None
_head_futures: dict[tuple[WorkItem, ...], Future] = {}


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_task(items: list[WorkItem], spec: BatchSpec) -> PreparedBatch:
    pool = _extraction_pool
    if pool is not None:  # "process": a thread of the flow hands the batch to a worker process
        future = _head_futures.pop(tuple(items), None) or pool.submit(prepare_batch, items, spec)
        return future.result()
    return prepare_batch(items, spec)  # "thread", or a Dask worker


@contextmanager
def extraction_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Plain worker processes for extract_task (flows.batch.start_pool): the ones `zhfacts run`
    started before Prefect was up, when it did, else new ones."""
    global _extraction_pool
    pool = take_prestarted_pool(workers) or start_pool(workers)
    _extraction_pool = pool
    try:
        yield pool
    finally:
        _extraction_pool = None
        _head_futures.clear()
        pool.shutdown(wait=True, cancel_futures=True)


def _flow_run_id() -> str | None:
    try:
        return str(get_run_context().flow_run.id)  # type: ignore[union-attr]
    except Exception:
        return None


def make_task_runner(kind: str, workers: int, dask_address: str | None = None) -> tuple[TaskRunner, str]:
    """The task runner for extraction, and a one-line description of it. For "process", the
    threads that wait on the extraction pool (entered with extraction_pool)."""
    if kind == "process":
        return ThreadPoolTaskRunner(max_workers=2 * workers), f"process pool ({workers} workers)"
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=workers), f"threads ({workers})"
    if kind == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as error:  # pragma: no cover - the dask extra is installed by make
            raise RuntimeError("--task-runner dask needs prefect-dask: pip install 'zhfacts[dask]'") from error
        if dask_address:
            return DaskTaskRunner(address=dask_address), f"dask at {dask_address}"
        cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        return DaskTaskRunner(cluster_kwargs=cluster), f"dask local cluster ({workers} workers)"
    raise ValueError(f"unknown task runner {kind!r}; expected one of {', '.join(TASK_RUNNERS)}")


def _api_settings():
    """Pin PREFECT_API_URL to the server this flow run talks to. Without it, every worker
    process of a pool or a Dask cluster would start an embedded server of its own (~10 s each,
    and another SQLite writer); with it they report their task runs to ours."""
    if PREFECT_API_URL.value():
        return nullcontext()
    context = FlowRunContext.get()
    client = getattr(context, "client", None)
    url = str(getattr(client, "api_url", "") or "").rstrip("/")
    return temporary_settings(updates={PREFECT_API_URL: url}) if url else nullcontext()


def arrow_tables(prepared: PreparedBatch, schemas: dict[str, pa.Schema]) -> dict[str, pa.Table]:
    """The batch's columns as Arrow tables for the loader. A document whose values Arrow
    refuses is left out with its facts and recorded as a reject; the rest of the batch loads."""
    tables, refused = loader.to_arrow(prepared.columns, schemas)
    if refused:
        uris = {s.doc_id: s.source_uri for s in prepared.sources}
        prepared.rejects.extend(Reject(uris.get(doc_id, doc_id), "could not be laid out for loading", error)
                                for doc_id, error in refused.items())
        prepared.sources = [s for s in prepared.sources if s.doc_id not in refused]
    return tables


def _extract_stream(runner: TaskRunner, batches: list[list[WorkItem]], spec: BatchSpec, window: int) -> Iterator[PreparedBatch]:
    """Submit batches with at most `window` in flight and yield results in order. A future is
    forgotten as soon as its result is taken, so loaded batches can be freed."""
    pending: deque = deque()
    next_batch = 0
    while next_batch < len(batches) or pending:
        while next_batch < len(batches) and len(pending) < window:
            pending.append(runner.submit(extract_task, {"items": batches[next_batch], "spec": spec}))
            next_batch += 1
        future = pending.popleft()
        result = future.result()
        del future
        yield result


@flow(name="zhfacts-run", log_prints=False)
def run_flow(
    sources: list[str],
    db: str,
    batch_size: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    wait_seconds: float = 0.0,
    task_runner: str = "process",
    workers: int | None = None,
    dask_address: str | None = None,
) -> RunSummary:
    logger = get_run_logger()
    workers = workers or default_workers()
    # Planned, with its first batches under way, by `zhfacts run` while Prefect's API started.
    head = take_head_start(head_start_key(sources, batch_size, max_bytes, workers)) if task_runner == "process" else None
    summary = RunSummary(run_id=head.run_id if head else uuid.uuid4().hex[:12], db=db)
    version = ruleset_version()
    reporter = progress.current()
    con = connect_writer(db, wait_seconds=wait_seconds)
    counters = loader.RunCounters()
    try:
        summary.interrupted_runs = [run_id for run_id, _ in loader.close_interrupted_runs(con)]
        for run_id in summary.interrupted_runs:
            logger.warning("run %s was interrupted; this run loads what it had not", run_id)
        loader.start_run(con, summary.run_id, _flow_run_id(), sources)
        if head is not None:
            rejects = head.rejects
            logger.info("sources discovered before Prefect's API was up: %d batches", len(head.batches))
        else:
            items, rejects = discover_task(sources, jsonl_chunk(batch_size))
        if rejects:
            counters.docs_rejected += len(rejects)
            loader.load_tables(con, {}, [], summary.run_id, rejects=[(r.source_uri, r.reason, r.detail) for r in rejects],
                               counters=counters)
            summary.rejects.extend(rejects[:REJECTS_KEPT])
        if head is not None:
            batches, spec = head.batches, head.spec
        else:
            batches = plan_batches(items, batch_size)
            del items
            spec = BatchSpec(
                run_id=summary.run_id,
                extractor_version=version,
                columns=loader.column_names(con),
                known=loader.known_inputs(con, version),
                max_bytes=max_bytes,
            )
        summary.batches = len(batches)
        schemas = loader.arrow_schemas(con)
        known_documents = loader.KnownDocuments.read(con)
        # A process pool costs a few seconds to start; one batch runs as well on a thread.
        kind = "thread" if task_runner == "process" and len(batches) <= 1 else task_runner
        runner, summary.task_runner = make_task_runner(kind, 1 if kind == "thread" else workers, dask_address)
        total_docs = sum(item.weight for batch in batches for item in batch)
        logger.info("run %s: %d batches, ~%d documents, extraction on %s", summary.run_id, len(batches), total_docs,
                    summary.task_runner)
        reporter.start(total_docs, len(batches))
        started = time.monotonic()
        with ExitStack() as stack:
            stack.enter_context(_api_settings())
            if kind == "process":
                stack.enter_context(extraction_pool(workers))
                if head is not None:
                    _head_futures.update(head.futures)
            stack.enter_context(runner)
            for done, (batch_items, prepared) in enumerate(zip(batches, _extract_stream(runner, batches, spec, workers + 1)), 1):
                tables = arrow_tables(prepared, schemas)
                docs_loaded = tables["documents"].num_rows
                facts = sum(t.num_rows for name, t in tables.items() if name != "documents")
                counters.docs_seen += prepared.docs_seen
                counters.docs_loaded += docs_loaded
                counters.docs_unchanged += len(prepared.unchanged)
                counters.docs_rejected += len(prepared.rejects)
                counters.facts_loaded += facts
                counters.extract_seconds += prepared.extract_seconds
                stats = loader.load_tables(
                    con, tables, prepared.sources, summary.run_id,
                    unchanged=prepared.unchanged, extractor_version=version,
                    rejects=[(r.source_uri, r.reason, r.detail) for r in prepared.rejects], counters=counters,
                    known=known_documents,
                )
                for table, count in stats.facts_by_table.items():
                    summary.facts_by_table[table] = summary.facts_by_table.get(table, 0) + count
                summary.rejects.extend(prepared.rejects[: max(0, REJECTS_KEPT - len(summary.rejects))])
                summary.workers.add(prepared.worker)
                summary.chars_in += prepared.chars_in
                prepared.release()
                del tables
                if done == len(batches) - workers and done > 1:
                    # The workers are busy with the last batches: move what the write-ahead log
                    # holds into the file now, not in the checkpoint at close, when nothing else runs.
                    con.execute("CHECKPOINT")
                reporter.advance(sum(item.weight for item in batch_items), facts)
                logger.info("batch %d/%d loaded: %d documents seen so far, %.0f docs/s", done, len(batches),
                            counters.docs_seen, counters.docs_seen / max(time.monotonic() - started, 1e-9))
        summary.docs_removed = loader.sweep_superseded(con, summary.run_id)
        summary.status = "completed"
        logger.info("run %s: %d documents loaded, %d unchanged, %d facts", summary.run_id, counters.docs_loaded,
                    counters.docs_unchanged, counters.facts_loaded)
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        reporter.stop()
        summary.docs_seen, summary.docs_loaded = counters.docs_seen, counters.docs_loaded
        summary.docs_unchanged, summary.docs_rejected = counters.docs_unchanged, counters.docs_rejected
        summary.facts_loaded, summary.extract_seconds = counters.facts_loaded, counters.extract_seconds
        try:
            loader.finish_run(
                con, summary.run_id, summary.status, summary.docs_seen, summary.docs_loaded,
                summary.docs_unchanged, summary.docs_rejected, summary.facts_loaded,
                task_runner=summary.task_runner or None, extract_seconds=summary.extract_seconds,
            )
        finally:
            con.close()
    return summary
