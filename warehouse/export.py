"""Export every table to DIR/<table>.csv or DIR/<table>.parquet."""

from __future__ import annotations

from pathlib import Path

from warehouse.db import ALL_TABLES, connect_reader


def export(db: str | Path, out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """One file per table. CSV writes list columns (investors, sources) as JSON arrays rather
    than DuckDB literals, so any CSV reader gets them back."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown export format {fmt!r}: use csv or parquet")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = connect_reader(db)
    written: dict[str, Path] = {}
    try:
        for table in ALL_TABLES:
            path = out / f"{table}.{fmt}"
            if fmt == "parquet":
                con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(path)}' (FORMAT parquet)")
            else:
                columns = con.execute(f"DESCRIBE {table}").fetchall()
                select = ", ".join(
                    f"to_json({name})::VARCHAR AS {name}" if kind.endswith("[]") else name for name, kind, *_ in columns
                )
                con.execute(f"COPY (SELECT {select} FROM {table}) TO '{_sql_path(path)}' (FORMAT csv, HEADER)")
            written[table] = path
    finally:
        con.close()
    return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
