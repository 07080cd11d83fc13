"""Sources: discovery, decoding, the three formats, rejects and duplicates, on files the tests
write from the seeds (never from ../shared)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import opencc
import pytest

from conftest import SEEDS
from flows.batch import process_items
from flows.decoding import UndecodableError, decode
from flows.sources import RawDocument, Reject, WorkItem, discover, read_item

SEED_FILES = sorted(SEEDS.glob("*.txt"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def seed_text(name_prefix: str) -> str:
    return next(p for p in SEED_FILES if p.name.startswith(name_prefix)).read_text(encoding="utf-8")


def traditional_big5_text() -> str:
    """Seed 004 in Taiwan Traditional, reduced to characters Big5 can hold."""
    text = opencc.OpenCC("s2tw").convert(seed_text("004"))
    return "".join(ch for ch in text if _encodes(ch, "big5"))


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def read_all(path: Path, max_bytes: int = 20 * 1024 * 1024) -> list[RawDocument | Reject]:
    items, rejects = discover([str(path)])
    out: list[RawDocument | Reject] = list(rejects)
    for item in items:
        out.extend(read_item(item, max_bytes))
    return out


# --- encodings (seeds re-encoded) --------------------------------------------------------------

ENCODED = [
    ("000", "utf-8", "utf-8"),
    ("000", "utf-8-sig", "utf-8"),
    ("001", "utf-16", "utf-16"),  # with BOM (Python writes one)
    ("003", "utf-16-le", "utf-16"),  # no BOM: recognised by the NUL of every ASCII character
    ("003", "gb18030", "gb18030"),
    ("004", "gbk", "gb18030"),  # GBK is a subset of GB18030
    ("000", "gb18030", "gb18030"),  # Traditional text in a mainland encoding
]


@pytest.mark.parametrize("seed, encoding, detected", ENCODED, ids=[f"seed{s}-{e}" for s, e, _ in ENCODED])
def test_seed_decodes_in_every_encoding(tmp_path, seed, encoding, detected):
    text = seed_text(seed)
    path = tmp_path / f"{seed}.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.text == text
    assert doc.source.encoding == detected


@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_traditional_seed_in_big5(tmp_path, encoding):
    text = traditional_big5_text()
    path = tmp_path / "004-big5.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_all(path)
    assert doc.text == text and doc.source.encoding == "big5"


def test_short_lines_decode_by_everyday_characters():
    """Each paragraph of the seeds alone, in GB18030 and (Traditional) Big5: short texts are
    where a GB18030/Big5 confusion happens."""
    lines = [line for p in SEED_FILES for line in p.read_text(encoding="utf-8").split("\n") if len(line) >= 12]
    traditional = [line for line in traditional_big5_text().split("\n") if len(line) >= 12]
    wrong = [line for line in lines if decode(line.encode("gb18030", errors="ignore"))[0] != line.encode("gb18030", errors="ignore").decode("gb18030")]
    wrong += [line for line in traditional if decode(line.encode("big5"))[0] != line]
    assert not wrong


def test_utf8_cut_inside_its_last_character_still_decodes():
    data = "大模型".encode() + "融".encode()[:2]
    assert decode(data) == ("大模型\ufffd", "utf-8")


@pytest.mark.parametrize("data", [bytes(range(0x80, 0x100)) * 4, b"abc \xff\xfe\xfd\xfc" * 10, b"\x81\x20\x82\x20" * 20])
def test_bytes_no_supported_encoding_reads_are_undecodable(data):
    with pytest.raises(UndecodableError):
        decode(data)


# --- formats -----------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>谁在中国“围猎”AIGC？_网易科技</title>
<meta property="og:site_name" content="网易科技">
<meta property="article:published_time" content="2024-05-19T12:46:52+08:00">
<script>var ad = "脚本里的文字";</script><style>.x {{ color: red }}</style></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/tech">科技</a> | <a href="/money">财经</a></div>
<article><h1>谁在中国“围猎”AIGC？</h1>
<p>“本质是专注和决心，是中国有没有做到AI First。”小冰CEO李笛直言，从技术层面来讲，中国大模型的技术没有太多的秘密。</p>
<p>Jasper.Ai完成了1.25亿美元的A轮融资，凭借15亿美元的估值成为独角兽。Stability AI成功融得资金1.01亿美元。</p>
<p>资深人工智能研究专家田涛源告诉记者，AIGC背后的中国大模型是大资本的游戏，长期持续投入真的很贵。</p></article>
<aside><h3>相关阅读</h3><ul><li><a href="/1">另一篇文章的标题</a></li><li><a href="/2">又一篇文章的标题</a></li></ul></aside>
<footer>Copyright 2024 网易公司版权所有 | <a href="/about">关于我们</a> | 联系电话：020-123456789</footer>
</body></html>"""


@pytest.mark.parametrize("charset, encoding", [("utf-8", "utf-8"), ("gbk", "gbk")])
def test_html_page_main_text_and_markup_metadata(tmp_path, charset, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.format(charset=charset).encode(encoding))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument), doc
    assert "Jasper.Ai完成了1.25亿美元的A轮融资" in doc.text and "田涛源" in doc.text
    for junk in ("脚本里的文字", "color", "首页", "另一篇文章的标题", "Copyright", "020-123456789"):
        assert junk not in doc.text
    assert doc.source.title == "谁在中国“围猎”AIGC？"
    assert doc.source.published_at == datetime(2024, 5, 19, 12, 46, 52)
    assert doc.source.source_name == "网易科技"


def test_markdown_and_text_files_are_one_document_each(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.md").write_text("# 标题\n\n正文一段。", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "b.txt").write_text("另一篇。", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐藏文件不读。", encoding="utf-8")
    docs = read_all(tmp_path)
    assert [Path(d.source.source_uri).name for d in docs] == ["a.md", "b.txt"]


def test_jsonl_records_uris_and_fields_winning(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "2023-08-02 16:23，正文：原标题：正文里的标题记者 张三 报道。", "title": "记录里的标题",
                    "published_at": "2023-08-01T10:00:00+08:00", "author": "李四", "source_name": "某报", "url": "https://x/1"},
                   ensure_ascii=False),
        json.dumps({"text": "2023-08-02 16:23，正文：没有编号的记录。"}, ensure_ascii=False),
        "",
        json.dumps({"id": 7, "text": "数字编号。"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read_all(path)
    assert [d.source.source_uri for d in docs] == [f"{path}#a1", f"{path}#L2", f"{path}#7"]
    first = docs[0].source
    assert (first.title, first.author, first.source_name, first.url) == ("记录里的标题", "李四", "某报", "https://x/1")
    assert first.published_at == datetime(2023, 8, 1, 10, 0)  # the stated wall-clock time, offset dropped
    result = process_items([WorkItem(str(path), "jsonl", 1, 1)])
    assert result.results[0].document.title == "记录里的标题"  # the record wins over 原标题 in the text


def test_a_non_chinese_document_loads_normally(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("OpenAI raised $10 billion from Microsoft in January 2023.\n", encoding="utf-8")
    result = process_items(discover([str(path)])[0])
    assert not result.rejects and len(result.results) == 1
    assert result.results[0].document.script == "hans"


# --- rejects -----------------------------------------------------------------------------------


def _bad_files(folder: Path) -> dict[str, str]:
    """One file of each kind of bad input; name → words the reject reason must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n")
    (folder / "image.txt").write_bytes(PNG)
    (folder / "report.pdf").write_bytes(PDF)
    (folder / "nul.txt").write_bytes("正文".encode() + b"\x00\x01\x02" + "正文".encode())
    (folder / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "big.txt").write_text("大模型。" * 2000, encoding="utf-8")
    return {"empty.txt": "empty", "blank.txt": "empty", "image.txt": "PNG", "report.pdf": "PDF",
            "nul.txt": "NUL", "garbage.txt": "undecodable", "dangling.txt": "unreadable", "big.txt": "too large"}


def test_each_bad_file_is_one_reject_with_a_one_line_reason(tmp_path):
    expected = _bad_files(tmp_path)
    (tmp_path / "good.txt").write_text(seed_text("004"), encoding="utf-8")
    items, rejects = discover([str(tmp_path)])
    result = process_items(items, max_bytes=10_000)
    reasons = {Path(r.source_uri).name: r.reason for r in rejects + result.rejects}
    assert set(reasons) == set(expected)
    for name, words in expected.items():
        assert words in reasons[name] and "\n" not in reasons[name], (name, reasons[name])
    assert "10,000" in reasons["big.txt"]  # the reason names the limit
    assert [Path(r.document.source_uri).name for r in result.results] == ["good.txt"]


def test_a_document_past_the_extraction_limit_loads_whole_with_facts_from_its_first_part(tmp_path, monkeypatch):
    from extractors import context

    deal = "甲乙科技完成1亿元A轮融资。"
    filler = "市场发展技术人工智能公司。" * 40  # 520 characters without a fact
    path = tmp_path / "long.txt"
    path.write_text(deal + filler + "丙丁智能完成2亿元B轮融资。" + filler, encoding="utf-8")
    monkeypatch.setattr(context, "EXTRACT_CHAR_LIMIT", 300)
    result = process_items([WorkItem(str(path), "txt")])
    [facts] = result.results
    assert len(facts.document.clean_text) > 1000  # the text is loaded whole
    assert [f.company for f in facts.funding_rounds] == ["甲乙科技"]  # only the first part is read
    [notice] = result.rejects
    assert notice.reason == "document loaded; facts read from its first part only"
    assert notice.detail.startswith("300 of ")  # 14 + 22 × 13 characters: a sentence ends at the limit
    monkeypatch.setattr(context, "EXTRACT_CHAR_LIMIT", 0)  # 0: no limit
    result = process_items([WorkItem(str(path), "txt")])
    assert [f.company for f in result.results[0].funding_rounds] == ["甲乙科技", "丙丁智能"] and not result.rejects


def test_extraction_end_cuts_after_a_sentence_within_the_limit():
    from extractors.context import extraction_end

    assert extraction_end("短文。", 100) == 3
    assert extraction_end("一二三。四五六七八九", 8) == 4  # after 。, not mid-sentence
    assert extraction_end("一二三四五六七八九十", 5) == 5  # no sentence end: the limit itself
    assert extraction_end("一二三。四五六", 0) == 7


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode (the dangling link covers root)")
def test_a_file_without_read_permission_is_rejected(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("正文。", encoding="utf-8")
    path.chmod(0)
    [reject] = read_all(path)
    assert isinstance(reject, Reject) and reject.reason.startswith("unreadable file")


def test_a_pipe_is_rejected_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [reject] = read_all(tmp_path)
    assert isinstance(reject, Reject) and "not a regular file" in reject.reason


def test_a_broken_jsonl_line_rejects_only_that_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "\xe7\xac\xac\xe4\xb8\x80\xe7\xaf\x87\xe3\x80\x82"}\n'
        b'{"id": "broken", "text": "no closing quote}\n'
        b'["a list", "not an object"]\n'
        b'{"id": "no-text"}\n'
        b'{"id": "empty", "text": "  "}\n'
        b'{"id": "ok2", "text": "\xe7\xac\xac\xe4\xba\x8c\xe7\xaf\x87\xe3\x80\x82"}\n'
    )
    out = read_all(path)
    assert [d.source.source_uri for d in out if isinstance(d, RawDocument)] == [f"{path}#ok1", f"{path}#ok2"]
    rejects = {r.source_uri: r.reason for r in out if isinstance(r, Reject)}
    assert list(rejects) == [f"{path}#L2", f"{path}#L3", f"{path}#L4", f"{path}#L5"]
    assert rejects[f"{path}#L2"].startswith("broken JSONL line")


def test_half_a_surrogate_pair_in_jsonl_loads_as_a_replacement_character(tmp_path):
    # "\ud83d" alone (an emoji cut in half by a scraper) is valid JSON but no encoder takes it.
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "cut", "title": "标题\\ud83d", "text": "光轮智能完成1亿元A轮融资\\ud83d。"}\n', encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "光轮智能完成1亿元A轮融资\ufffd。" and doc.source.title == "标题\ufffd"
    result = process_items([WorkItem(str(path), "jsonl")])
    assert not result.rejects and [f.funding_rounds[0].company for f in result.results] == ["光轮智能"]


# --- duplicates --------------------------------------------------------------------------------


def test_same_content_under_two_paths_and_two_encodings_is_one_document(tmp_path):
    text = seed_text("003")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a-again.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a-gbk.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "a-crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    result = process_items(discover([str(tmp_path)])[0])
    assert len({r.document.doc_id for r in result.results}) == 1
    assert sorted(Path(s.source_uri).name for s in result.sources) == ["a-again.txt", "a-crlf.txt", "a-gbk.txt", "a.txt"]


def test_bytes_at_least_counts_files_under_folders_and_stops_at_the_floor(tmp_path):
    from flows.sources import bytes_at_least

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(b"x" * 600)
    (tmp_path / "two.jsonl").write_bytes(b"y" * 500)
    assert bytes_at_least([str(tmp_path)], 1_100)
    assert not bytes_at_least([str(tmp_path)], 1_101)
    assert bytes_at_least([str(tmp_path / "two.jsonl"), str(tmp_path / "a")], 1_000)
    assert not bytes_at_least([str(tmp_path / "missing")], 1)  # discovery reports it, not this


def test_a_prestarted_pool_is_taken_only_with_its_worker_count_and_discarded_otherwise():
    from flows import batch

    batch.prestart_pool(1)
    try:
        assert batch.take_prestarted_pool(2) is None  # another size: the flow starts its own
        pool = batch.take_prestarted_pool(1)
        assert pool is not None and batch.take_prestarted_pool(1) is None  # taken once
        assert pool.submit(sum, [1, 2]).result(timeout=60) == 3
        pool.shutdown()
        batch.prestart_pool(1)
    finally:
        batch.discard_prestarted_pool()
    assert batch.take_prestarted_pool(1) is None


def test_a_head_start_is_taken_with_its_own_settings_only_and_extracts_as_the_flow_would(tmp_path):
    from flows import batch
    from flows.sources import DEFAULT_MAX_BYTES
    from warehouse import loader
    from warehouse.db import connect_writer

    corpus = tmp_path / "news.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for copy in range(2):
            for path in SEED_FILES:
                out.write(json.dumps({"id": f"{path.stem}-{copy}", "text": path.read_text(encoding="utf-8") + "副本" * copy},
                                     ensure_ascii=False) + "\n")
    con = connect_writer(tmp_path / "w.duckdb")
    columns = loader.column_names(con)
    con.close()
    sources = [str(corpus)]
    key = batch.head_start_key(sources, 4, DEFAULT_MAX_BYTES, 1)

    def start() -> None:
        batch.start_head(sources, 4, DEFAULT_MAX_BYTES, 1, "run-head", "v-test", columns, None)

    batch.prestart_pool(1)
    try:
        start()
        assert batch.take_head_start(batch.head_start_key(sources, 5, DEFAULT_MAX_BYTES, 1)) is None  # other settings
        assert batch.take_head_start(key) is None  # dropped, not kept for later
        start()
        head = batch.take_head_start(key)
        assert head is not None and head.run_id == "run-head" and batch.take_head_start(key) is None
        assert [sum(item.weight for item in b) for b in head.batches] == [4, 4, 2]
        assert list(head.futures) == [tuple(b) for b in head.batches[:2]]  # workers + 1 under way
        for items, future in head.futures.items():
            ahead = future.result(timeout=120)
            now = batch.prepare_batch(list(items), head.spec)
            for table, values in now.columns.items():
                ids = "fact_id" if "fact_id" in values else "doc_id"
                assert ahead.columns[table][ids] == values[ids], table
        batch.start_head(sources, None, DEFAULT_MAX_BYTES, 1, "run-one", "v-test", columns, None)
        assert batch.take_head_start(batch.head_start_key(sources, None, DEFAULT_MAX_BYTES, 1)) is None  # one batch: none
    finally:
        batch.discard_prestarted_pool()


def test_another_extraction_limit_is_another_rule_set(monkeypatch):
    """Documents loaded under one limit are re-extracted under another, not skipped as unchanged."""
    from extractors import context

    default = context.ruleset_version()
    monkeypatch.setattr(context, "EXTRACT_CHAR_LIMIT", 1_000_000)
    assert context.ruleset_version() != default
