"""Read, clean and extract a batch of work items: the body of one Prefect task, as a plain
function (tested and benchmarked without Prefect); how a run's items are cut into batches; and
the extraction workers, with the head start `zhfacts run` gives them before Prefect is up.

`process_items` returns extracted records; `prepare_batch` goes one step further and lays them
out as the warehouse's columns (warehouse.layout), so that the CPU work of building rows happens
on the extraction workers (processes or Dask machines). The flow process turns the columns into
Arrow tables and inserts them. This module imports neither pyarrow nor DuckDB: it is all an
extraction worker loads besides the extractors.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import hashlib
import math
import multiprocessing
import os
import socket
import threading
import time
import traceback
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from extractors.context import extraction_end
from extractors.document import SourceFields, build_document, extract_facts
from flows.sources import DEFAULT_MAX_BYTES, RawDocument, Reject, WorkItem, discover, read_item
from models import DocumentFacts
from warehouse import layout
from warehouse.layout import Columns, SourceSeen


@dataclass
class BatchResult:
    results: list[DocumentFacts] = field(default_factory=list)
    sources: list[SourceSeen] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    docs_seen: int = 0
    chars_in: int = 0
    # Documents skipped because their input and the rule set are unchanged: (fingerprint, uri).
    unchanged: list[tuple[int, str]] = field(default_factory=list)
    extract_seconds: float = 0.0  # CPU seconds in build_document + extract_facts


def _one_line(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".splitlines()[0]
    return text[:300]


_SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(SourceFields) if f.name != "source_uri")


def input_fingerprint(raw: RawDocument) -> int:
    """A signed 64-bit hash of everything extraction reads: the text and the source's own
    fields (title, published_at …), not the path. Equal fingerprints under the same rule set
    give the same document and facts, so the document can be skipped."""
    digest = hashlib.sha256(raw.text.encode("utf-8", "surrogatepass"))
    for name in _SOURCE_FIELDS:
        digest.update(b"\x1f" + str(getattr(raw.source, name)).encode("utf-8", "surrogatepass"))
    return int.from_bytes(digest.digest()[:8], "big", signed=True)


def known_lookup(known: array | None) -> Callable[[int], bool] | None:
    """Membership test over a sorted array('q') of fingerprints (binary search: no set to
    build in every task, and the array pickles as one buffer)."""
    if not known:
        return None

    def contains(fingerprint: int) -> bool:
        i = bisect_left(known, fingerprint)
        return i < len(known) and known[i] == fingerprint

    return contains


def process_items(
    items: list[WorkItem],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    is_known: Callable[[int], bool] | None = None,
) -> BatchResult:
    """Read, clean and extract every document of the items. With `is_known`, a document whose
    input fingerprint it accepts is not extracted but listed in `unchanged`."""
    out = BatchResult()
    for item in items:
        try:
            readings = list(read_item(item, max_bytes))
        except Exception as error:  # a reader bug must not sink the batch
            out.rejects.append(Reject(item.path, "unreadable file", _one_line(error)))
            continue
        for raw in readings:
            if isinstance(raw, Reject):
                out.rejects.append(raw)
                continue
            out.docs_seen += 1
            out.chars_in += len(raw.text)
            uri = raw.source.source_uri
            fingerprint = input_fingerprint(raw)
            if is_known is not None and is_known(fingerprint):
                out.unchanged.append((fingerprint, uri))
                continue
            started = time.process_time()
            try:
                document, cleaned = build_document(raw.text, raw.source)
            except Exception as error:
                out.extract_seconds += time.process_time() - started
                out.rejects.append(Reject(uri, "cleaning failed", _one_line(error)))
                continue
            try:
                facts = extract_facts(document, cleaned)
            except Exception as error:
                # Keep the document: it loads without facts, and the reason is on record.
                facts = DocumentFacts(document=document)
                detail = _one_line(error) + " @ " + traceback.extract_tb(error.__traceback__)[-1].name
                out.rejects.append(Reject(uri, "extraction failed; document loaded without facts", detail))
            out.extract_seconds += time.process_time() - started
            read = extraction_end(document.clean_text)
            if read < len(document.clean_text):  # loaded whole, its facts read from its first part
                out.rejects.append(Reject(uri, "document loaded; facts read from its first part only",
                                          f"{read:,} of {len(document.clean_text):,} characters "
                                          "(ZHFACTS_MAX_EXTRACT_CHARS sets the limit)"))
            out.results.append(facts)
            out.sources.append(SourceSeen(document.doc_id, uri, fingerprint))
    return out


# Documents per task at least: a task run costs ~60 ms of the flow process's CPU in Prefect's
# client and in-process API server (measured: 30k documents in batches of 250 took 20 CPU s in
# the flow process, in batches of 1,000 14.6 s). Workers lay a batch out one work item at a time,
# so a batch of 1,000 costs them little more memory than one of 250.
MIN_BATCH = 1000
MAX_TASKS = 400  # task runs per flow run at most (the server's SQLite slows past ~1,000); up to
# 400k documents a batch stays at MIN_BATCH, so memory does not grow with the input
JSONL_CHUNK_LINES = 100  # discover cuts JSONL files into items this long; batches group items


def jsonl_chunk(batch_size: int | None) -> int:
    """The JSONL lines per work item for a run with `batch_size` (never more than a batch)."""
    return min(JSONL_CHUNK_LINES, batch_size) if batch_size else JSONL_CHUNK_LINES


def plan_batches(items: Sequence[WorkItem], batch_size: int | None = None) -> list[list[WorkItem]]:
    """Group work items into batches of about `batch_size` documents (a JSONL item counts its
    lines), by default sized so that a run has at most MAX_TASKS extraction tasks."""
    if not items:
        return []
    total = sum(item.weight for item in items)
    size = batch_size or max(MIN_BATCH, math.ceil(total / MAX_TASKS))
    batches: list[list[WorkItem]] = []
    current: list[WorkItem] = []
    weight = 0
    for item in items:
        current.append(item)
        weight += max(item.weight, 1)
        if weight >= size:
            batches.append(current)
            current, weight = [], 0
    if current:
        batches.append(current)
    return batches


@dataclass(frozen=True)
class BatchSpec:
    """What every extraction task of one run needs besides its items (small, picklable)."""

    run_id: str
    extractor_version: str
    columns: dict[str, tuple[str, ...]]  # each loaded table's column names (loader.column_names)
    known: array | None = None  # sorted fingerprints already loaded under this rule set
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class PreparedBatch:
    """One batch, extracted and laid out as columns: what the flow process loads (after
    turning the columns into Arrow tables: flows.pipeline.arrow_tables)."""

    columns: dict[str, Columns]
    sources: list[SourceSeen]
    unchanged: list[tuple[int, str]]
    rejects: list[Reject]
    docs_seen: int
    chars_in: int
    extract_seconds: float
    worker: str  # host:pid that extracted it (shows where a task runner put the work)

    def release(self) -> None:
        """Drop the data once loaded. Prefect's futures and states keep the object they
        returned in reference cycles that only a full garbage collection frees: without this,
        a long run's memory grows by a batch per batch between collections."""
        self.columns, self.sources, self.unchanged, self.rejects = {}, [], [], []


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)  # the flow process is gone (kill -9): nobody wants our results


def start_worker(parent: int) -> None:
    """Run once in each extraction process as it starts: exit if the flow process (`parent`)
    dies (a worker would otherwise wait forever on its queue), then import and compile the rule
    tables on a tiny document, so the first batch does not pay for it. What the warm-up only
    needed (OpenCC's s2t tables, read once for script detection) is handed back to the system.
    The parent's pid comes from the parent: one killed while this process was still importing
    has already left it to init, and os.getppid() here would name init."""
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="orphan-watch").start()
    from extractors.document import process

    process("2023年5月，某公司完成1亿元A轮融资。“很好”，他说。", SourceFields(source_uri="warm-up"))
    release_free_memory()


def default_workers() -> int:
    """One extraction process per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def start_pool(workers: int) -> ProcessPoolExecutor:
    """Plain worker processes for extraction, started and warming up at once. Spawned, not
    forked (the flow process has threads), and given only functions from this module, so they
    never import Prefect."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=start_worker, initargs=(os.getpid(),))
    for _ in range(workers):  # start them all now: they import while the caller goes on
        pool.submit(int)
    return pool


# A pool `zhfacts run` started before Prefect's API was up, for the flow to take (see prestart_pool).
_prestarted: tuple[int, ProcessPoolExecutor] | None = None


def prestart_pool(workers: int) -> None:
    """Start the extraction workers now, so that they import and warm up while Prefect's API
    starts (~5 s in which the run's own process does nothing else useful)."""
    global _prestarted
    if _prestarted is None:
        _prestarted = (workers, start_pool(workers))


def take_prestarted_pool(workers: int) -> ProcessPoolExecutor | None:
    """The pool prestart_pool started, if it has `workers` workers; it is the caller's then."""
    global _prestarted
    if _prestarted is None or _prestarted[0] != workers:
        return None
    pool, _prestarted = _prestarted[1], None
    return pool


def discard_prestarted_pool() -> None:
    """Stop a prestarted pool the run did not use (a run of one batch, or an error before it)."""
    global _prestarted, _head_start
    _head_start = None
    if _prestarted is not None:
        pool, _prestarted = _prestarted[1], None
        pool.shutdown(wait=True, cancel_futures=True)


def release_free_memory(collect: bool = True) -> None:
    """Collect garbage and return freed heap pages to the system (glibc keeps them otherwise:
    ~25 MB a worker after the warm-up)."""
    if collect:
        gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the pages stay with the process, no harm
        pass


def prepare_batch(items: list[WorkItem], spec: BatchSpec) -> PreparedBatch:
    """Extract a batch and lay it out as columns, one work item at a time: an item's records
    (pydantic models, the bulk of a worker's memory) are turned into plain column values and
    dropped before the next item is read, so a worker's peak follows the item, not the batch."""
    release_free_memory(collect=False)  # the last batch's pages (its pickled result), back to the system
    is_known = known_lookup(spec.known)
    now = layout.utcnow()
    columns: dict[str, layout.Columns] = {}
    batch = PreparedBatch(columns=columns, sources=[], unchanged=[], rejects=[], docs_seen=0, chars_in=0, extract_seconds=0.0,
                          worker=f"{socket.gethostname()}:{os.getpid()}")
    laid_out: set[str] = set()  # doc_ids in the columns: a copy from another path is one document
    for item in items:
        result = process_items([item], spec.max_bytes, is_known=is_known)
        parts = layout.lay_out(result.results, spec.run_id, spec.extractor_version, now, spec.columns, seen_docs=laid_out)
        for table, part in parts.items():
            if table not in columns:
                columns[table] = part
            else:
                for name, values in part.items():
                    columns[table][name].extend(values)
        batch.sources += result.sources
        batch.unchanged += result.unchanged
        batch.rejects += result.rejects
        batch.docs_seen += result.docs_seen
        batch.chars_in += result.chars_in
        batch.extract_seconds += result.extract_seconds
    return batch


@dataclass
class HeadStart:
    """A `zhfacts run`'s work, planned, with its first batches handed to the prestarted workers
    before Prefect's API is up: the server's start-up (~5 s of the run process's CPU) would
    otherwise leave the workers idle once they have warmed up. The flow takes it over
    (take_head_start) when it runs with the same sources and settings; its run_id is the run's."""

    key: tuple
    run_id: str
    batches: list[list[WorkItem]]
    rejects: list[Reject]
    spec: BatchSpec
    futures: dict[tuple[WorkItem, ...], Future]  # a batch's items → its extraction, under way


_head_start: HeadStart | None = None


def head_start_key(sources: Sequence[str], batch_size: int | None, max_bytes: int, workers: int) -> tuple:
    return (tuple(sources), batch_size, max_bytes, workers)


def start_head(sources: Sequence[str], batch_size: int | None, max_bytes: int, workers: int, run_id: str,
               extractor_version: str, columns: dict[str, tuple[str, ...]], known: array | None) -> None:
    """Discover and plan the run, and submit its first batches (as many as the flow keeps in
    flight: workers + 1) to the pool prestart_pool started. Nothing is submitted for a run of
    one batch: the flow extracts that on a thread."""
    global _head_start
    if _prestarted is None or _prestarted[0] != workers:
        return
    items, rejects = discover(list(sources), jsonl_chunk(batch_size))
    batches = plan_batches(items, batch_size)
    if len(batches) <= 1:
        return
    spec = BatchSpec(run_id=run_id, extractor_version=extractor_version, columns=columns, known=known, max_bytes=max_bytes)
    pool = _prestarted[1]
    futures = {tuple(b): pool.submit(prepare_batch, b, spec) for b in batches[: workers + 1]}
    _head_start = HeadStart(head_start_key(sources, batch_size, max_bytes, workers), run_id, batches, rejects, spec, futures)


def take_head_start(key: tuple) -> HeadStart | None:
    """The head start, if it was made for `key` (head_start_key); it is the caller's then.
    One made for other settings is dropped: its extractions are cancelled or discarded."""
    global _head_start
    head, _head_start = _head_start, None
    if head is not None and head.key != key:
        for future in head.futures.values():
            future.cancel()
        return None
    return head
