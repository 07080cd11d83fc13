"""From raw text to a Document and every fact in it: the whole extraction, as pure functions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from extractors import dates, funding, model_counts, money, quotes, valuations
from extractors.cleaning import Cleaned, clean
from extractors.context import DocContext, extraction_end
from extractors.entities import CompanyRegister
from extractors.metadata import read_metadata
from models import Document, DocumentFacts


@dataclass(frozen=True, slots=True)
class SourceFields:
    """What the source itself says about a document (a JSONL record's fields win over the text)."""

    source_uri: str
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    source_name: str | None = None
    author: str | None = None
    encoding: str | None = None


def content_hash(clean_text: str) -> str:
    return hashlib.sha256(clean_text.encode("utf-8")).hexdigest()


def doc_id_for(clean_text: str) -> str:
    """Stable id from the cleaned content: the same article read twice, from two paths or in two
    encodings, is one document."""
    return content_hash(clean_text)[:16]


def build_document(raw_text: str, source: SourceFields) -> tuple[Document, Cleaned]:
    cleaned = clean(raw_text)
    meta = read_metadata(cleaned.normalized)
    digest = content_hash(cleaned.text)
    document = Document(
        doc_id=digest[:16],
        source_uri=source.source_uri,
        title=source.title or meta.title,
        source_name=source.source_name or meta.source_name,
        author=source.author or meta.author,
        url=source.url,
        published_at=source.published_at or meta.published_at,
        script=cleaned.script,  # type: ignore[arg-type]
        raw_text=raw_text,
        clean_text=cleaned.text,
        content_sha256=digest,
        encoding=source.encoding,
        chars_removed=cleaned.chars_removed,
    )
    return document, cleaned


def extract_facts(document: Document, cleaned: Cleaned | None = None) -> DocumentFacts:
    """Every fact in the document, read from its clean text up to extraction_end (a document
    longer than the limit gives the facts of its first part; see context.EXTRACT_CHAR_LIMIT)."""
    text = document.clean_text[: extraction_end(document.clean_text)]
    ctx = DocContext(
        doc_id=document.doc_id,
        text=text,
        published_at=document.published_at,
        mapped=cleaned.mapped if cleaned is not None else None,
        plain_yuan=money.local_yuan(text, document.script),
    )
    money_spans = money.find_money(ctx.text, ctx.published_on, plain_yuan=ctx.plain_yuan)
    date_spans = dates.find_dates(ctx.text, ctx.published_on, ctx.sentences)
    register = CompanyRegister(text=ctx.text)
    register.topic = funding.article_topic(ctx, money_spans, register)
    funding_rounds = funding.extract(ctx, money_spans, date_spans, register)
    valued = valuations.extract(ctx, money_spans, date_spans, register, funding_rounds)
    # Every name the document gave a company, known once the whole document is read.
    funding_rounds = [fr.model_copy(update={"company_aliases": tuple(sorted(register.aliases(fr.company)))}) if fr.company else fr
                      for fr in funding_rounds]
    valued = [v.model_copy(update={"company_aliases": tuple(sorted(register.aliases(v.company)))}) for v in valued]
    return DocumentFacts(
        document=document,
        funding_rounds=funding_rounds,
        valuations=valued,
        money_mentions=money.extract(ctx, money_spans),
        model_counts=model_counts.extract(ctx, date_spans),
        dates=dates.extract(ctx, date_spans),
        quotes=quotes.extract(ctx),
    )


def process(raw_text: str, source: SourceFields) -> DocumentFacts:
    document, cleaned = build_document(raw_text, source)
    return extract_facts(document, cleaned)
