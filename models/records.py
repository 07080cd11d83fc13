"""Typed records: one Document, one model per fact kind, sharing a Money and a Provenance part.

Validation rejects nonsense at the boundary (negative amounts, unknown currencies, spans that
point outside the text or end before they start), so a bug in a rule surfaces as an error in
one document instead of a wrong row in the warehouse.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models.currencies import ISO_4217

Qualifier = Literal["exact", "about", "over", "under", "range"]
CountQualifier = Literal["exact", "over", "about", "under"]
Precision = Literal["day", "month", "quarter", "half", "year"]
Script = Literal["hans", "hant", "mixed"]
DealType = Literal["funding", "investment", "acquisition", "aggregate"]
Basis = Literal["post", "pre", "market"]

# seed, angel (and their + and ++ rounds), pre-A (and pre-A+, pre-A++), A, A+, B, B++, C … H, pre-IPO, strategic, plus the
# pre-/+ forms of each letter.
ROUND_PATTERN = r"^((?:seed|angel)\+{0,2}|pre-seed|pre-angel|strategic|pre-IPO|IPO|pre-[A-K]\+{0,2}|[A-K]\d?\+{0,2})$"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Money(Record):
    """An amount of money as written: value (or bounds), currency, and the surface text."""

    amount: float | None = Field(default=None, ge=0)
    amount_max: float | None = Field(default=None, ge=0)
    currency: str | None = None
    amount_usd: float | None = Field(default=None, ge=0)
    qualifier: Qualifier | None = None
    amount_text: str | None = None

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if value not in ISO_4217:
            raise ValueError(f"unknown ISO 4217 currency code {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Money:
        if self.amount is None:
            if self.amount_max is not None or self.amount_usd is not None:
                raise ValueError("amount_max/amount_usd given without amount")
            return self
        if self.currency is None:
            raise ValueError("an amount needs a currency")
        if self.amount_max is not None:
            if self.amount_max < self.amount:
                raise ValueError("amount_max is below amount")
            if self.qualifier != "range":
                raise ValueError("amount_max is only set for qualifier 'range'")
        elif self.qualifier == "range":
            raise ValueError("qualifier 'range' needs amount_max")
        return self

    @property
    def is_empty(self) -> bool:
        return self.amount is None


NO_MONEY = Money()


class Provenance(Record):
    """Where a fact was read: document, evidence sentence and character spans."""

    doc_id: str = Field(min_length=1)
    evidence: str
    span_start: int = Field(ge=0)
    span_end: int = Field(ge=0)
    raw_span_start: int | None = Field(default=None, ge=0)
    raw_span_end: int | None = Field(default=None, ge=0)
    extractor: str = Field(pattern=r"^[a-z_]+@\d+(\.\d+)*$")

    @model_validator(mode="after")
    def _ordered(self) -> Provenance:
        if self.span_end < self.span_start:
            raise ValueError(f"span ends ({self.span_end}) before it starts ({self.span_start})")
        if self.raw_span_start is not None and self.raw_span_end is not None:
            if self.raw_span_end < self.raw_span_start:
                raise ValueError("raw span ends before it starts")
        return self


class Fact(Record):
    """A fact read from one document. Subclasses name their table and identity."""

    TABLE: ClassVar[str]
    provenance: Provenance

    def identity(self) -> tuple[Any, ...]:
        """The fields that make two facts at the same span the same fact."""
        raise NotImplementedError

    @property
    def fact_id(self) -> str:
        # Deterministic: the same document and the same fact give the same id on every run,
        # so re-runs replace rows instead of duplicating them.
        p = self.provenance
        key = "|".join(map(str, (self.TABLE, p.doc_id, p.span_start, p.span_end, *self.identity())))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def to_row(self) -> dict[str, Any]:
        """A flat row for the warehouse (money fields as amount_*, provenance inlined)."""
        row: dict[str, Any] = {"fact_id": self.fact_id}
        # Provenance holds plain values only, so its __dict__ is its model_dump() at a tenth
        # of the cost (workers lay out ~10 facts per document).
        row.update(self.provenance.__dict__)
        for name, value in self.__dict__.items():
            if name == "provenance":
                continue
            if isinstance(value, Money):
                row.update(money_columns(value))
            elif isinstance(value, tuple):
                row[name] = list(value)
            else:
                row[name] = value
        return row


def money_columns(money: Money) -> dict[str, Any]:
    return {
        "amount": money.amount,
        "amount_max": money.amount_max,
        "currency": money.currency,
        "amount_usd": money.amount_usd,
        "amount_qualifier": money.qualifier,
        "amount_text": money.amount_text,
    }


class FundingRound(Fact):
    TABLE: ClassVar[str] = "funding_rounds"
    deal_type: DealType
    company: str | None = None
    company_aliases: tuple[str, ...] = ()  # other names the document gives the company
    investors: tuple[str, ...] = ()
    round: str | None = Field(default=None, pattern=ROUND_PATTERN)
    money: Money = NO_MONEY
    company_count: int | None = Field(default=None, ge=1)
    announced_on: date | None = None
    date_precision: Precision | None = None

    @model_validator(mode="after")
    def _company_rules(self) -> FundingRound:
        if self.deal_type == "aggregate":
            if self.company is not None:
                raise ValueError("an aggregate has no single company")
        elif not self.company:
            raise ValueError(f"a {self.deal_type} needs a company")
        if (self.announced_on is None) != (self.date_precision is None):
            raise ValueError("announced_on and date_precision go together")
        return self

    def identity(self) -> tuple[Any, ...]:
        return (self.deal_type, self.company, self.money.amount, self.money.currency)


class Valuation(Fact):
    TABLE: ClassVar[str] = "valuations"
    company: str = Field(min_length=1)
    company_aliases: tuple[str, ...] = ()
    money: Money
    basis: Basis | None = None
    as_of: date | None = None
    date_precision: Precision | None = None

    @model_validator(mode="after")
    def _has_amount(self) -> Valuation:
        if self.money.amount is None:
            raise ValueError("a valuation needs an amount")
        return self

    def identity(self) -> tuple[Any, ...]:
        return (self.company, self.money.amount, self.money.currency, self.basis)


class MoneyMention(Fact):
    TABLE: ClassVar[str] = "money_mentions"
    money: Money

    @model_validator(mode="after")
    def _has_amount(self) -> MoneyMention:
        if self.money.amount is None:
            raise ValueError("a money mention needs an amount")
        return self

    def identity(self) -> tuple[Any, ...]:
        return (self.money.amount, self.money.currency)


class ModelCount(Fact):
    TABLE: ClassVar[str] = "model_counts"
    count: int = Field(ge=0)
    qualifier: CountQualifier = "exact"
    count_text: str | None = None
    subject: str | None = None
    region: str | None = None
    as_of: date | None = None
    date_precision: Precision | None = None

    def identity(self) -> tuple[Any, ...]:
        return (self.count, self.qualifier)


class DateMention(Fact):
    TABLE: ClassVar[str] = "dates"
    text: str = Field(min_length=1)
    start_date: date | None = None
    end_date: date | None = None
    precision: Precision | None = None
    is_relative: bool = False
    anchor_date: date | None = None

    @model_validator(mode="after")
    def _resolved_or_relative(self) -> DateMention:
        if self.start_date is None:
            if not self.is_relative:
                raise ValueError("an unresolved date must be marked relative")
        elif self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("end_date before start_date")
        return self

    def identity(self) -> tuple[Any, ...]:
        return (self.start_date, self.precision)


class Quote(Fact):
    TABLE: ClassVar[str] = "quotes"
    speaker: str = Field(min_length=1)
    speaker_title: str | None = None
    quote: str = Field(min_length=1)
    cue: str | None = None
    direct: bool = True

    def identity(self) -> tuple[Any, ...]:
        return (self.speaker, self.direct)


class Document(Record):
    doc_id: str = Field(min_length=1)
    source_uri: str
    title: str | None = None
    source_name: str | None = None
    author: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    script: Script
    raw_text: str
    clean_text: str
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    encoding: str | None = None
    chars_removed: int = Field(default=0, ge=0)


FACT_TYPES: tuple[type[Fact], ...] = (FundingRound, Valuation, MoneyMention, ModelCount, DateMention, Quote)


class DocumentFacts(Record):
    """A document with everything extracted from it; checks every span against its text."""

    document: Document
    funding_rounds: list[FundingRound] = []
    valuations: list[Valuation] = []
    money_mentions: list[MoneyMention] = []
    model_counts: list[ModelCount] = []
    dates: list[DateMention] = []
    quotes: list[Quote] = []

    @model_validator(mode="after")
    def _spans_inside_text(self) -> DocumentFacts:
        clean, raw = self.document.clean_text, self.document.raw_text
        for fact in self.all_facts():
            p = fact.provenance
            if p.doc_id != self.document.doc_id:
                raise ValueError(f"{fact.TABLE}: fact of {p.doc_id} attached to {self.document.doc_id}")
            if p.span_end > len(clean):
                raise ValueError(f"{fact.TABLE}: span {p.span_start}-{p.span_end} outside clean_text ({len(clean)})")
            if clean[p.span_start : p.span_end] not in p.evidence:
                raise ValueError(f"{fact.TABLE}: evidence does not contain the matched text")
            if p.raw_span_end is not None and p.raw_span_end > len(raw):
                raise ValueError(f"{fact.TABLE}: raw span outside raw_text ({len(raw)})")
        return self

    def all_facts(self) -> list[Fact]:
        return [f for t in FACT_TYPES for f in getattr(self, t.TABLE)]
