"""Incremental loading without Prefect: the pieces a run is made of (discover, plan, prepare a
batch on a worker, load it in one transaction, sweep), driven the way the flow drives them."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from conftest import SEEDS
from flows.batch import BatchSpec, input_fingerprint, known_lookup, prepare_batch, process_items
from flows.batch import MIN_BATCH, plan_batches
from flows.pipeline import arrow_tables
from flows.sources import RawDocument, WorkItem, discover, read_item
from extractors.document import SourceFields
from ops_helpers import fact_ids
from warehouse import loader
from warehouse.db import FACT_TABLES, connect_writer

VERSION = "test-v1"


def load(db: Path, sources: list[str], version: str = VERSION, run_id: str = "r", batch_size: int = 2,
         known: bool = True) -> loader.RunCounters:
    """One run, as the flow does it (minus Prefect): returns the run's counters. `known`: the
    flow's KnownDocuments tells which documents are in the warehouse, else the database does."""
    con = connect_writer(db)
    counters = loader.RunCounters()
    try:
        loader.start_run(con, run_id, None, sources)
        items, rejects = discover(sources, jsonl_lines_per_item=batch_size)
        counters.docs_rejected += len(rejects)
        spec = BatchSpec(run_id, version, loader.column_names(con), loader.known_inputs(con, version))
        schemas = loader.arrow_schemas(con)
        known_documents = loader.KnownDocuments.read(con) if known else None
        for batch in plan_batches(items, batch_size):
            prepared = prepare_batch(batch, spec)
            tables = arrow_tables(prepared, schemas)
            counters.docs_seen += prepared.docs_seen
            counters.docs_loaded += tables["documents"].num_rows
            counters.docs_unchanged += len(prepared.unchanged)
            counters.facts_loaded += sum(t.num_rows for name, t in tables.items() if name != "documents")
            loader.load_tables(con, tables, prepared.sources, run_id, unchanged=prepared.unchanged,
                               extractor_version=version, counters=counters, known=known_documents)
        loader.sweep_superseded(con, run_id)
        loader.finish_run(con, run_id, "completed", counters.docs_seen, counters.docs_loaded, counters.docs_unchanged,
                          counters.docs_rejected, counters.facts_loaded)
    finally:
        con.close()
    return counters


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        (src / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return src


def test_unchanged_input_is_skipped_and_counted(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    first = load(db, [str(folder)], run_id="r1")
    before = fact_ids(db)
    second = load(db, [str(folder)], run_id="r2")
    assert first.docs_loaded == 3 and first.docs_unchanged == 0
    assert second.docs_unchanged == second.docs_seen == 3 and second.docs_loaded == 0
    assert fact_ids(db) == before
    con = duckdb.connect(str(db), read_only=True)
    # every source was seen by the second run, though nothing was extracted
    assert {r[0] for r in con.execute("SELECT run_id FROM document_sources").fetchall()} == {"r2"}
    con.close()


def test_changed_rule_set_re_extracts_everything_once(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    load(db, [str(folder)], run_id="r1")
    before = fact_ids(db)
    again = load(db, [str(folder)], version="test-v2", run_id="r2")
    assert again.docs_loaded == 3 and again.docs_unchanged == 0
    assert fact_ids(db) == before  # same rules in fact, so the same facts: replaced, not doubled
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT extractor_version FROM documents").fetchall() == [("test-v2",)]
    con.close()
    assert load(db, [str(folder)], version="test-v2", run_id="r3").docs_unchanged == 3


def test_edited_file_replaces_its_document_and_facts(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    load(db, [str(folder)], run_id="r1")
    edited = sorted(folder.iterdir())[0]
    old_doc = duckdb.connect(str(db), read_only=True).execute(
        "SELECT doc_id FROM document_sources WHERE source_uri = ?", [str(edited)]).fetchone()[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("。", "。 ", 1) + "\n补充：本文有更新。", encoding="utf-8")
    counters = load(db, [str(folder)], run_id="r2")
    assert counters.docs_loaded == 1 and counters.docs_unchanged == 2
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        for table in ("documents", *FACT_TABLES):
            assert con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [old_doc]).fetchone()[0] == 0, table
        assert con.execute("SELECT count(*) FROM document_sources WHERE source_uri = ?", [str(edited)]).fetchone()[0] == 1
    finally:
        con.close()
    # the warehouse now equals a fresh load of the edited folder
    fresh = tmp_path / "fresh.duckdb"
    load(fresh, [str(folder)], run_id="f")
    assert fact_ids(db) == fact_ids(fresh)


def test_copied_file_is_one_document_and_both_paths_are_kept(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    load(db, [str(folder)], run_id="r1")
    first = sorted(folder.iterdir())[0]
    copy = folder / "copy.txt"
    copy.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    counters = load(db, [str(folder)], run_id="r2")
    assert counters.docs_unchanged == 4 and counters.docs_loaded == 0
    con = duckdb.connect(str(db), read_only=True)
    doc = con.execute("SELECT doc_id FROM document_sources WHERE source_uri = ?", [str(copy)]).fetchone()[0]
    assert con.execute("SELECT count(*) FROM document_sources WHERE doc_id = ?", [doc]).fetchone()[0] == 2
    con.close()
    # editing one of the two paths keeps the document the other path still yields
    copy.write_text("全新的文章：某公司完成1亿元A轮融资。", encoding="utf-8")
    load(db, [str(folder)], run_id="r3")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc]).fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    con.close()


@pytest.mark.parametrize("known", [True, False])
def test_a_copy_met_again_in_the_same_run_is_not_loaded_twice(tmp_path, folder, known):
    """The same article under two paths, in two batches of one run: its facts are written once
    (no DELETE and re-insert of the same rows), the copy counts as unchanged, both paths are kept."""
    alone = tmp_path / "alone.duckdb"
    load(alone, [str(folder)], run_id="r1", known=known)
    first = sorted(folder.iterdir())[0]
    copy = folder / "copy.txt"  # sorted last: a batch after the original's (batches of 2)
    copy.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    _loads_the_copy_as_unchanged(db, folder, known, alone)
    assert _count(db, "SELECT count(*) FROM documents") == 3
    assert _count(db, "SELECT count(*) FROM document_sources") == 4
    assert _count(db, "SELECT docs_unchanged FROM runs") == 1
    facts = sum(_count(db, f"SELECT count(*) FROM {t}") for t in FACT_TABLES)
    assert _count(db, "SELECT facts_loaded FROM runs") == facts
    # a copy whose source fields differ is read (another input), but the first copy loaded wins
    (folder / "copy.txt").unlink()
    jsonl = folder / "z.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "text": first.read_text(encoding="utf-8"), "title": "另一个标题"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    w2 = tmp_path / "w2.duckdb"
    _loads_the_copy_as_unchanged(w2, folder, known, alone)
    assert _count(w2, "SELECT count(*) FROM documents WHERE title = '另一个标题'") == 0
    assert _count(w2, "SELECT count(*) FROM document_sources") == 4


def _loads_the_copy_as_unchanged(db: Path, folder: Path, known: bool, alone: Path) -> None:
    """A run over the three articles and a copy of one: the copy is seen, counted unchanged, and
    the facts are those of the three alone."""
    counters = load(db, [str(folder)], run_id="r1", known=known)
    assert (counters.docs_seen, counters.docs_loaded, counters.docs_unchanged) == (4, 3, 1)
    assert _count(db, "SELECT docs_loaded FROM runs") == 3
    assert fact_ids(db) == fact_ids(alone)


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("known", [True, False])
def test_the_first_copy_wins_across_runs_as_within_one(tmp_path, folder, known):
    """A run killed after the first copy's batch, then run again, keeps the copy an uninterrupted
    run keeps. A later edit of the copy's own input leaves the document alone; an edit at the
    path the document came from replaces it."""
    first = sorted(folder.iterdir())[0]
    text = first.read_text(encoding="utf-8")
    titled = folder / "z.jsonl"
    titled.write_text(json.dumps({"id": "a", "text": text, "title": "另一个标题"}, ensure_ascii=False) + "\n", encoding="utf-8")
    clean = tmp_path / "clean.duckdb"
    load(clean, [str(folder)], run_id="r1", known=known)
    resumed = tmp_path / "resumed.duckdb"
    load(resumed, [str(first)], run_id="r1", known=known)  # the batches before the kill
    counters = load(resumed, [str(folder)], run_id="r2", known=known)
    assert counters.docs_unchanged == 2  # the first file's input, and its copy
    assert _documents(resumed) == _documents(clean) and fact_ids(resumed) == fact_ids(clean)
    titled.write_text(json.dumps({"id": "a", "text": text, "title": "第三个标题"}, ensure_ascii=False) + "\n", encoding="utf-8")
    load(resumed, [str(folder)], run_id="r3", known=known)
    assert _documents(resumed) == _documents(clean)
    first.write_text(text.replace("\n", "\r\n"), encoding="utf-8")  # the same cleaned text, a new input at its own path
    counters = load(resumed, [str(folder)], run_id="r4", known=known)
    assert (counters.docs_loaded, counters.docs_unchanged) == (1, 3)  # replaced, not kept
    counters = load(resumed, [str(folder)], run_id="r5", version="test-v2", known=known)
    assert (counters.docs_loaded, counters.docs_unchanged) == (3, 1)  # new rules: re-extracted once, the copy kept
    assert _documents(resumed) == _documents(clean)


def _documents(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT doc_id, source_uri, title FROM documents ORDER BY 1").fetchall()
    finally:
        con.close()


def _holdings(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT doc_id, source_uri, extractor_version, run_id FROM documents ORDER BY 1").fetchall(),
            "sources": con.execute("SELECT doc_id, source_uri, run_id, input_fingerprint FROM document_sources ORDER BY 1, 2").fetchall(),
            "first_seen": con.execute("SELECT count(DISTINCT first_seen) FROM document_sources").fetchall(),
        }
    finally:
        con.close()


def test_known_documents_load_what_asking_the_database_loads(tmp_path, folder):
    """The flow's KnownDocuments (no scan of the warehouse per batch) against the database's
    answer, over first loads, copies, edits, new files and a rule change."""
    first = sorted(folder.iterdir())[0]
    (folder / "copy.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")  # two paths, one document
    steps = [
        ("r1", VERSION, None),
        ("r2", VERSION, lambda: first.write_text(first.read_text(encoding="utf-8") + "\n补充：本文有更新。", encoding="utf-8")),
        ("r3", VERSION, lambda: (folder / "new.txt").write_text("新文章：某公司完成2亿元B轮融资。", encoding="utf-8")),
        ("r4", "test-v2", None),
    ]
    original = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    results = {}
    for known in (True, False):
        for p in folder.iterdir():
            if p.name not in original:
                p.unlink()
            else:
                p.write_text(original[p.name], encoding="utf-8")
        db = tmp_path / f"known-{known}.duckdb"
        for run_id, version, change in steps:
            if change:
                change()
            load(db, [str(folder)], version=version, run_id=run_id, known=known)
            loader_con = connect_writer(db)
            loader.sweep_superseded(loader_con, run_id)
            loader_con.close()
        results[known] = (_holdings(db), fact_ids(db))
    assert results[True] == results[False]
    # the edited article, its unedited copy, the two others and the new one
    assert len(results[True][0]["documents"]) == 5


def test_a_failed_batch_changes_nothing(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    load(db, [str(folder)], run_id="r1")
    before = fact_ids(db)
    con = connect_writer(db)
    spec = BatchSpec("r2", "test-v2", loader.column_names(con), None)
    prepared = prepare_batch([WorkItem(str(p), "text") for p in sorted(folder.iterdir())], spec)
    tables = arrow_tables(prepared, loader.arrow_schemas(con))
    broken = dict(tables, quotes=pa.table({"fact_id": ["x"], "no_such_column": [1]}))
    with pytest.raises(duckdb.Error):
        loader.load_tables(con, broken, prepared.sources, "r2")
    con.close()
    assert fact_ids(db) == before


def test_interrupted_runs_are_marked_by_the_next_writer(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect_writer(db)
    loader.start_run(con, "killed", None, ["x"])
    assert loader.close_interrupted_runs(con)[0][0] == "killed"
    assert con.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
    assert loader.close_interrupted_runs(con) == []
    con.close()


def test_known_inputs_follow_the_rule_set(tmp_path, folder):
    db = tmp_path / "w.duckdb"
    load(db, [str(folder)], run_id="r1")
    con = connect_writer(db)
    known = loader.known_inputs(con, VERSION)
    assert len(known) == 3 and list(known) == sorted(known)
    assert len(loader.known_inputs(con, "other")) == 0
    con.close()


# --- fingerprints, JSONL items, batch plans ------------------------------------------------------


def test_fingerprint_covers_text_and_source_fields_but_not_the_path():
    base = RawDocument("某公司完成融资。", SourceFields(source_uri="a.txt", title="t"))
    assert input_fingerprint(base) == input_fingerprint(RawDocument(base.text, SourceFields(source_uri="b.txt", title="t")))
    assert input_fingerprint(base) != input_fingerprint(RawDocument(base.text + "。", base.source))
    assert input_fingerprint(base) != input_fingerprint(RawDocument(base.text, SourceFields(source_uri="a.txt", title="u")))


def test_known_documents_are_not_extracted(folder):
    items = [WorkItem(str(p), "text") for p in sorted(folder.iterdir())]
    first = process_items(items)
    known = sorted(s.fingerprint for s in first.sources[:2])
    from array import array

    again = process_items(items, is_known=known_lookup(array("q", known)))
    assert len(again.unchanged) == 2 and len(again.results) == 1 and again.docs_seen == 3


def test_jsonl_items_seek_to_their_lines(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"第{i}篇"}, ensure_ascii=False) for i in range(23)]
    lines[5] = "{broken"
    lines[9] = ""
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    whole = list(read_item(WorkItem(str(path), "jsonl", 1, None)))
    items, _ = discover([str(path)], jsonl_lines_per_item=4)
    assert [(i.first_line, i.last_line) for i in items][:2] == [(1, 4), (5, 8)] and items[-1].last_line == 23
    pieces = [r for item in items for r in read_item(item)]
    assert [getattr(r, "source", r) for r in pieces] == [getattr(r, "source", r) for r in whole]
    assert sum(i.weight for i in items) == 23


def test_batches_are_sized_by_documents(tmp_path):
    jsonl = [WorkItem("a.jsonl", "jsonl", 1 + 100 * k, 100 * (k + 1), 0) for k in range(50)]  # 5,000 lines
    files = [WorkItem(f"f{i}.txt", "text") for i in range(10)]
    batches = plan_batches(jsonl + files)
    assert len(batches) == 6 and all(sum(i.weight for i in b) >= MIN_BATCH == 1000 for b in batches[:-1])
    assert len(plan_batches(jsonl, batch_size=250)) == 17  # items of 100 lines: batches of 300
    big = [WorkItem("b.jsonl", "jsonl", 1 + 100 * k, 100 * (k + 1), 0) for k in range(5000)]  # 500,000 lines
    assert len(plan_batches(big)) <= 400
    # up to 400k documents a batch stays at its least size: memory does not grow with the input
    hundred_k = [WorkItem("c.jsonl", "jsonl", 1 + 100 * k, 100 * (k + 1), 0) for k in range(1000)]
    assert max(sum(i.weight for i in b) for b in plan_batches(hundred_k)) == MIN_BATCH


def test_a_document_arrow_refuses_is_rejected_and_the_rest_of_its_batch_loads(tmp_path, folder):
    con = connect_writer(tmp_path / "w.duckdb")
    spec = BatchSpec("r1", "test-v1", loader.column_names(con), None)
    schemas = loader.arrow_schemas(con)
    con.close()
    items = [WorkItem(str(p), "text") for p in sorted(folder.iterdir())]
    prepared = prepare_batch(items, spec)
    first_doc = prepared.columns["documents"]["doc_id"][0]
    # a value Arrow cannot take (a string where a number goes) in one document's fact
    money = prepared.columns["money_mentions"]
    money["amount"][money["doc_id"].index(first_doc)] = "not a number"
    tables = arrow_tables(prepared, schemas)
    assert [r.reason for r in prepared.rejects] == ["could not be laid out for loading"]
    assert prepared.rejects[0].source_uri == items[0].path
    assert tables["documents"].num_rows == len(items) - 1
    assert first_doc not in tables["documents"].column("doc_id").to_pylist()
    assert first_doc not in tables["money_mentions"].column("doc_id").to_pylist()
    assert tables["money_mentions"].num_rows == len(money["doc_id"]) - money["doc_id"].count(first_doc)
    assert [s.doc_id for s in prepared.sources] == tables["documents"].column("doc_id").to_pylist()



def test_the_writer_compresses_with_zstd_and_readers_read_it_back(tmp_path, monkeypatch):
    from warehouse import db as warehouse_db

    path = tmp_path / "z.duckdb"
    con = warehouse_db.connect_writer(path)
    assert con.execute("SELECT current_setting('force_compression')").fetchone()[0].lower() == "zstd"
    text = "北京月之暗面科技有限公司完成新一轮融资。" * 20
    con.execute("CREATE TABLE probe (id INTEGER, body VARCHAR)")
    con.execute("INSERT INTO probe SELECT i, ? || i FROM range(500) t(i)", [text])
    con.execute("CHECKPOINT")
    con.close()
    reader = warehouse_db.connect_reader(path)
    assert reader.execute("SELECT count(*), min(body), max(id) FROM probe").fetchone() == (500, text + "0", 499)
    reader.close()
    monkeypatch.setattr(warehouse_db, "WRITER_COMPRESSION", "auto")  # ZHFACTS_DB_COMPRESSION=auto: DuckDB's own choice
    con = warehouse_db.connect_writer(tmp_path / "auto.duckdb")
    assert con.execute("SELECT current_setting('force_compression')").fetchone()[0].lower() in ("auto", "")
    con.close()


def test_the_writer_cuts_tables_into_small_row_groups_and_a_second_writer_shares_the_file(tmp_path):
    # DuckDB rewrites a table's last, partly filled, row group at every checkpoint: at its
    # default of 122,880 rows that is the whole documents table of a 100k run, each time.
    from warehouse import db as warehouse_db

    path = tmp_path / "rg.duckdb"
    con = warehouse_db.connect_writer(path)
    con.execute("CREATE TABLE probe AS SELECT range AS i FROM range(?)", [2 * warehouse_db.WRITER_ROW_GROUP_SIZE + 1])
    con.execute("CHECKPOINT")
    assert con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('probe')").fetchone()[0] == 3
    second = warehouse_db.connect_writer(path)  # `zhfacts run` holds one while its flow opens another
    second.execute("INSERT INTO probe VALUES (-1)")
    second.close()
    assert con.execute("SELECT count(*) FROM probe").fetchone()[0] == 2 * warehouse_db.WRITER_ROW_GROUP_SIZE + 2
    con.close()
    reader = warehouse_db.connect_reader(path)  # closed: the file is free again
    assert reader.execute("SELECT min(i) FROM probe").fetchone()[0] == -1
    reader.close()
    again = warehouse_db.connect_writer(path)
    assert again.execute("SELECT count(*) FROM probe").fetchone()[0] == 2 * warehouse_db.WRITER_ROW_GROUP_SIZE + 2
    again.close()


def test_a_batch_too_large_for_the_writers_memory_loads_with_the_limit_raised_for_it(tmp_path):
    # Five documents of ~4.5 MB of text each: with raw and clean text a transaction holds ~45 MB,
    # more than the writer's 32 MB limit. Laid out without extraction (cleaning only), as a
    # batch's tables are.
    from extractors.document import DocumentFacts, build_document
    from warehouse import layout
    con = connect_writer(tmp_path / "big.duckdb")
    counters = loader.RunCounters(docs_seen=5, docs_loaded=5)
    loader.start_run(con, "big", None, ["big"])
    paragraph = "某人工智能公司今日宣布完成新一轮融资，本轮融资将用于模型研发和市场拓展。" * 50
    facts = []
    for i in range(5):
        text = f"第{i}篇\n" + "\n".join(f"{paragraph}第{i}-{k}段。" for k in range(1000))
        document, _ = build_document(text, SourceFields(source_uri=f"big://{i}"))
        facts.append(DocumentFacts(document=document))
    columns = layout.lay_out(facts, "big", VERSION, layout.utcnow(), loader.column_names(con))
    tables, refused = loader.to_arrow(columns, loader.arrow_schemas(con))
    assert not refused and tables["documents"].num_rows == 5
    sources = [layout.SourceSeen(f.document.doc_id, f"big://{i}", i) for i, f in enumerate(facts)]
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    stats = loader.load_tables(con, tables, sources, "big", counters=counters)
    assert stats.docs_loaded == 5
    assert con.execute("SELECT count(*), min(length(clean_text)) > 1000000 FROM documents").fetchone() == (5, True)
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == limit  # set back after it
    assert (counters.docs_seen, counters.docs_loaded) == (5, 5)
    assert con.execute("SELECT docs_seen, docs_loaded FROM runs WHERE run_id = 'big'").fetchone() == (5, 5)
    con.close()
