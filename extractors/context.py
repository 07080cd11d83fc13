"""What every extractor reads: one cleaned document, its sentences, and how to cite a span."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date, datetime

from extractors.text import MappedText, Sentences
from models import Provenance

# name@version of each rule set; bump a version when its rules change what they extract.
EXTRACTOR_VERSIONS: dict[str, str] = {
    "cleaning": "1.6",  # not a fact kind: clean_text changes re-extract every kind
    "money": "1.14",
    "dates": "1.2",
    "funding": "3.52",
    "valuations": "1.88",
    "model_counts": "1.1",
    "quotes": "2.0",
}


# Extraction reads at most this many characters of a document's clean text (its text is loaded
# whole): rules scale worse than linearly on one endless paragraph (200k characters take 2.9 s,
# 400k 6.0 s, 800k 17 s), so a document of megabytes would hold its batch for minutes. 300k
# characters is ten times the longest news article here. ZHFACTS_MAX_EXTRACT_CHARS overrides; 0
# reads everything.
DEFAULT_EXTRACT_CHAR_LIMIT = 300_000
EXTRACT_CHAR_LIMIT = int(os.environ.get("ZHFACTS_MAX_EXTRACT_CHARS", DEFAULT_EXTRACT_CHAR_LIMIT))
# Where a cut text may end: after a sentence's end, a semicolon or a line.
_SENTENCE_END = frozenset("。！？!?；;\n")


def extraction_end(text: str, limit: int | None = None) -> int:
    """How much of `text` extraction reads: all of it up to `limit` characters, else up to the
    last sentence end within the limit's last 5,000 characters (or the limit itself)."""
    limit = EXTRACT_CHAR_LIMIT if limit is None else limit
    if limit <= 0 or len(text) <= limit:
        return len(text)
    for at in range(limit - 1, max(limit - 5000, 0) - 1, -1):
        if text[at] in _SENTENCE_END:
            return at + 1
    return limit


def extractor_name(kind: str) -> str:
    return f"{kind}@{EXTRACTOR_VERSIONS[kind]}"


def ruleset_version() -> str:
    """One string that changes whenever any extractor's version or any rule file changes."""
    from extractors import rules  # late: rules imports nothing from here, but keep the edge thin

    versions = ",".join(f"{k}@{v}" for k, v in sorted(EXTRACTOR_VERSIONS.items()))
    if EXTRACT_CHAR_LIMIT != DEFAULT_EXTRACT_CHAR_LIMIT:  # another limit reads other facts from long documents
        versions += f",limit@{EXTRACT_CHAR_LIMIT}"
    return f"{hashlib.sha256(versions.encode()).hexdigest()[:8]}-{rules.fingerprint()}"


@dataclass
class DocContext:
    doc_id: str
    text: str
    published_at: datetime | None = None
    mapped: MappedText | None = None
    plain_yuan: str = "CNY"  # what a plain 元 means here (TWD in Taiwan's news: money.local_yuan)
    sentences: Sentences = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = Sentences(self.text)

    @property
    def published_on(self) -> date | None:
        return self.published_at.date() if self.published_at else None

    def provenance(self, start: int, end: int, kind: str, evidence_span: tuple[int, int] | None = None) -> Provenance:
        """Cite text[start:end]; the evidence is the sentence(s) around it unless given."""
        ev_start, ev_end = evidence_span or self.sentences.covering(start, end)
        ev_start, ev_end = min(ev_start, start), max(ev_end, end)
        raw_start = raw_end = None
        if self.mapped is not None:
            raw_start, raw_end = self.mapped.raw_span(start, end)
        return Provenance(
            doc_id=self.doc_id,
            evidence=self.text[ev_start:ev_end],
            span_start=start,
            span_end=end,
            raw_span_start=raw_start,
            raw_span_end=raw_end,
            extractor=extractor_name(kind),
        )
