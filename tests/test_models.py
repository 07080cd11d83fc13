"""Validation rejects nonsense at the boundary."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models import DateMention, Document, DocumentFacts, FundingRound, Money, MoneyMention, Provenance, Quote, Valuation

PROV = dict(doc_id="d1", evidence="融资1亿元", span_start=2, span_end=6, extractor="money@1.0")


def doc(text: str = "公司完成融资1亿元。") -> Document:
    return Document(doc_id="d1", source_uri="x.txt", script="hans", raw_text=text, clean_text=text, content_sha256="0" * 64)


@pytest.mark.parametrize(
    "money",
    [
        dict(amount=-1, currency="CNY"),
        dict(amount=1, currency="RMB"),  # not ISO 4217
        dict(amount=1, currency=None),
        dict(amount=5, amount_max=3, currency="USD", qualifier="range"),
        dict(amount=5, amount_max=8, currency="USD", qualifier="exact"),
        dict(amount=5, currency="USD", qualifier="range"),
        dict(amount=None, amount_usd=3),
    ],
    ids=["negative", "unknown-currency", "no-currency", "max-below-min", "max-without-range", "range-without-max", "usd-without-amount"],
)
def test_money_rejects(money):
    with pytest.raises(ValidationError):
        Money(**money)


def test_money_accepts_range():
    m = Money(amount=1e7, amount_max=1e8, currency="CNY", qualifier="range", amount_text="数千万元")
    assert m.amount_max == 1e8


def test_span_end_before_start():
    with pytest.raises(ValidationError):
        Provenance(**{**PROV, "span_start": 6, "span_end": 2})


def test_extractor_name_format():
    with pytest.raises(ValidationError):
        Provenance(**{**PROV, "extractor": "money"})


def test_span_outside_text_rejected_with_its_document():
    mention = MoneyMention(provenance=Provenance(**{**PROV, "span_start": 40, "span_end": 44}), money=Money(amount=1e8, currency="CNY"))
    with pytest.raises(ValidationError, match="outside clean_text"):
        DocumentFacts(document=doc(), money_mentions=[mention])


def test_evidence_must_hold_the_match():
    mention = MoneyMention(provenance=Provenance(**{**PROV, "evidence": "别的句子"}), money=Money(amount=1e8, currency="CNY"))
    with pytest.raises(ValidationError, match="evidence"):
        DocumentFacts(document=doc(), money_mentions=[mention])


def test_facts_of_another_document_rejected():
    mention = MoneyMention(provenance=Provenance(**{**PROV, "doc_id": "other"}), money=Money(amount=1e8, currency="CNY"))
    with pytest.raises(ValidationError, match="attached to"):
        DocumentFacts(document=doc(), money_mentions=[mention])


def test_aggregate_has_no_company_and_funding_needs_one():
    with pytest.raises(ValidationError):
        FundingRound(provenance=Provenance(**PROV), deal_type="aggregate", company="X")
    with pytest.raises(ValidationError):
        FundingRound(provenance=Provenance(**PROV), deal_type="funding", company=None)


def test_round_names_are_normalised_forms():
    with pytest.raises(ValidationError):
        FundingRound(provenance=Provenance(**PROV), deal_type="funding", company="X", round="A轮")
    assert FundingRound(provenance=Provenance(**PROV), deal_type="funding", company="X", round="pre-A").round == "pre-A"


def test_valuation_needs_company_and_amount():
    with pytest.raises(ValidationError):
        Valuation(provenance=Provenance(**PROV), company="", money=Money(amount=1, currency="USD"))
    with pytest.raises(ValidationError):
        Valuation(provenance=Provenance(**PROV), company="X", money=Money())


def test_unresolved_date_must_be_relative():
    with pytest.raises(ValidationError):
        DateMention(provenance=Provenance(**PROV), text="上个月", start_date=None, is_relative=False)


def test_fact_id_is_deterministic_and_distinguishes_facts():
    a = Quote(provenance=Provenance(**PROV), speaker="王坚", quote="话")
    b = Quote(provenance=Provenance(**PROV), speaker="王坚", quote="话")
    c = Quote(provenance=Provenance(**PROV), speaker="侯方", quote="话")
    assert a.fact_id == b.fact_id != c.fact_id


def test_to_row_flattens_money_and_provenance():
    row = MoneyMention(provenance=Provenance(**PROV), money=Money(amount=1e8, currency="CNY", qualifier="exact", amount_text="1亿元")).to_row()
    assert row["amount_qualifier"] == "exact" and row["doc_id"] == "d1" and row["fact_id"]
