"""Pydantic v2 records for documents and facts (no I/O, no Prefect, no DuckDB)."""

from models.records import (
    FACT_TYPES,
    Basis,
    DateMention,
    DealType,
    Document,
    DocumentFacts,
    Fact,
    FundingRound,
    ModelCount,
    Money,
    MoneyMention,
    NO_MONEY,
    Precision,
    Provenance,
    Quote,
    Valuation,
)

__all__ = [
    "FACT_TYPES",
    "Basis",
    "DateMention",
    "DealType",
    "Document",
    "DocumentFacts",
    "Fact",
    "FundingRound",
    "ModelCount",
    "Money",
    "MoneyMention",
    "NO_MONEY",
    "Precision",
    "Provenance",
    "Quote",
    "Valuation",
]
