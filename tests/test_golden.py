"""Golden fixtures: snippet → expected records, one table-driven test per case (see
tests/fixtures/README.md for the format)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import extract_text

FIXTURES = Path(__file__).parent / "fixtures" / "extractors"


def _cases():
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            yield pytest.param(case, id=f"{path.stem}:{case['source']}:{case['id']}", marks=marks)


def _same(actual, expected) -> bool:
    if isinstance(expected, float) or (isinstance(expected, int) and isinstance(actual, float)):
        return actual is not None and abs(actual - expected) <= 1e-3 * max(abs(expected), 1)
    if isinstance(actual, date):
        return actual.isoformat() == expected
    if isinstance(actual, tuple):
        return list(actual) == expected
    return actual == expected


def _matches(row: dict, expected: dict) -> bool:
    return all(name in row and _same(row[name], value) for name, value in expected.items())


@pytest.mark.parametrize("case", list(_cases()))
def test_golden_case(case):
    facts = extract_text(case["text"], case.get("published_at"))
    for table, expected_rows in case["expect"].items():
        rows = [fact.to_row() for fact in getattr(facts, table)]
        for expected in expected_rows:
            assert any(_matches(row, expected) for row in rows), (
                f"{table}: no record matches {expected}\nextracted: {json.dumps(rows, ensure_ascii=False, default=str, indent=1)}"
            )
        if table in case.get("exactly", []):
            assert len(rows) == len(expected_rows), (
                f"{table}: expected exactly {len(expected_rows)}, got {len(rows)}: "
                f"{json.dumps(rows, ensure_ascii=False, default=str)}"
            )
