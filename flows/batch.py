"""Read, clean and extract a batch of work items: the body of one Prefect task, as a plain
function (tested and benchmarked without Prefect)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from extractors.document import build_document, extract_facts
from flows.sources import DEFAULT_MAX_BYTES, Reject, WorkItem, read_item
from models import DocumentFacts
from warehouse.loader import SourceSeen


@dataclass
class BatchResult:
    results: list[DocumentFacts] = field(default_factory=list)
    sources: list[SourceSeen] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    docs_seen: int = 0
    chars_in: int = 0


def _one_line(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".splitlines()[0]
    return text[:300]


def process_items(items: list[WorkItem], max_bytes: int = DEFAULT_MAX_BYTES) -> BatchResult:
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
            try:
                document, cleaned = build_document(raw.text, raw.source)
            except Exception as error:
                out.rejects.append(Reject(uri, "cleaning failed", _one_line(error)))
                continue
            try:
                facts = extract_facts(document, cleaned)
            except Exception as error:
                # Keep the document: it loads without facts, and the reason is on record.
                facts = DocumentFacts(document=document)
                detail = _one_line(error) + " @ " + traceback.extract_tb(error.__traceback__)[-1].name
                out.rejects.append(Reject(uri, "extraction failed; document loaded without facts", detail))
            out.results.append(facts)
            out.sources.append(SourceSeen(document.doc_id, uri))
    return out
