"""End to end through the real flow: a folder with one file of each kind of bad input beside good
seeds (in several encodings, one under two paths, a JSONL with a broken line) → exit 0, one
rejects row per bad input, every good document loaded once with all its source paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import SEEDS
from test_flow import zhfacts

pytestmark = pytest.mark.slow

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    home = tmp_path_factory.mktemp("ingest-home")
    folder = home / "inbox"
    (folder / "copies").mkdir(parents=True)
    shutil.copy(_seed("000"), folder / "000.txt")
    shutil.copy(_seed("000"), folder / "copies" / "000-again.txt")  # same content, second path
    (folder / "003-gbk.txt").write_bytes(_seed("003").read_text(encoding="utf-8").encode("gb18030"))
    (folder / "001-utf16.txt").write_bytes(_seed("001").read_text(encoding="utf-8").encode("utf-16"))
    (folder / "english.md").write_text("OpenAI raised $10 billion from Microsoft in January 2023.\n", encoding="utf-8")
    records = [
        json.dumps({"id": "n1", "text": _seed("004").read_text(encoding="utf-8"), "published_at": "2023-08-15T09:00:00"}, ensure_ascii=False),
        '{"id": "n2", "text": "broken',
        json.dumps({"text": _seed("002").read_text(encoding="utf-8")}, ensure_ascii=False),
    ]
    (folder / "news.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "logo.png").write_bytes(PNG)
    (folder / "paper.txt").write_bytes(PDF)
    (folder / "nul.txt").write_bytes(b"abc\x00def")
    (folder / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "huge.txt").write_text("大模型。" * 12_000, encoding="utf-8")  # 144,000 bytes
    db = home / "facts.duckdb"
    result = zhfacts(["run", "--source", str(folder), "--db", str(db), "--max-bytes", "100000"], home, check=False)
    return folder, db, result


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_run_exits_0(ingested):
    _, _, result = ingested
    assert result.returncode == 0, result.stderr


def test_one_reject_row_per_bad_input(ingested):
    folder, db, _ = ingested
    rows = _query(db, "SELECT source_uri, reason FROM rejects ORDER BY source_uri")
    reasons = {Path(uri.replace(str(folder) + "/", "")).as_posix(): reason for uri, reason in rows}
    assert len(rows) == len(reasons)
    expected = {"empty.txt": "empty", "logo.png": "PNG", "paper.txt": "PDF", "nul.txt": "NUL",
                "garbage.txt": "undecodable", "dangling.txt": "unreadable", "huge.txt": "too large",
                "news.jsonl#L2": "broken JSONL line"}
    assert set(reasons) == set(expected)
    for name, words in expected.items():
        assert words in reasons[name] and "\n" not in reasons[name], (name, reasons[name])
    assert "100,000" in reasons["huge.txt"]


def test_good_documents_load_once_with_every_source_path(ingested):
    folder, db, _ = ingested
    assert _query(db, "SELECT count(*) FROM documents")[0][0] == 6  # 000, 001, 003, english, 004, 002
    [(paths,)] = _query(db, """
        SELECT list(source_uri ORDER BY source_uri) FROM document_sources
        WHERE doc_id = (SELECT doc_id FROM document_sources WHERE source_uri LIKE '%copies/000-again.txt')""")
    assert [p.replace(str(folder) + "/", "") for p in paths] == ["000.txt", "copies/000-again.txt"]
    encodings = dict(_query(db, "SELECT regexp_extract(source_uri, '[^/]+$'), encoding FROM documents"))
    assert encodings["003-gbk.txt"] == "gb18030" and encodings["001-utf16.txt"] == "utf-16"


def test_jsonl_fields_win_and_line_uris(ingested):
    folder, db, _ = ingested
    rows = dict(_query(db, "SELECT source_uri, published_at FROM documents WHERE source_uri LIKE '%news.jsonl#%'"))
    assert set(rows) == {f"{folder}/news.jsonl#n1", f"{folder}/news.jsonl#L3"}
    assert rows[f"{folder}/news.jsonl#n1"].isoformat() == "2023-08-15T09:00:00"
    assert rows[f"{folder}/news.jsonl#L3"].isoformat() == "2023-07-27T09:42:21"  # from the page's own line


def test_run_row_counts_the_rejects(ingested):
    _, db, _ = ingested
    [(status, rejected, loaded)] = _query(db, "SELECT status, docs_rejected, docs_loaded FROM runs")
    assert (status, rejected) == ("completed", 8) and loaded >= 6
