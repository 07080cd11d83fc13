"""Shared test helpers. Tests never read ../shared: everything they need is in the project."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from extractors.document import SourceFields, process  # noqa: E402
from models import DocumentFacts  # noqa: E402

SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds.json"


def extract_text(text: str, published_at: str | None = None, uri: str = "test://snippet") -> DocumentFacts:
    published = datetime.fromisoformat(published_at) if published_at else None
    return process(text, SourceFields(source_uri=uri, published_at=published))


@pytest.fixture(scope="session")
def seed_facts() -> dict[str, DocumentFacts]:
    return {p.name: process(p.read_text(encoding="utf-8"), SourceFields(source_uri=str(p))) for p in sorted(SEEDS.glob("*.txt"))}
