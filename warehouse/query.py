"""Read-only SQL over the warehouse, rendered as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import WarehouseError, connect_reader


class QueryError(RuntimeError):
    """The statement failed; the message is one line for the user."""


def run_query(db: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    con = connect_reader(db)
    try:
        try:
            cursor = con.execute(sql)
        except duckdb.Error as error:
            first = str(error).splitlines()[0]
            if "read-only" in first:
                raise QueryError(f"query is read-only: {first}") from error
            raise QueryError(first) from error
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        con.close()


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, dict)) else _plain(v) for v in row])
    return out.getvalue()


def to_json(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    return json.dumps([dict(zip(columns, map(_plain, row))) for row in rows], ensure_ascii=False, indent=1)


__all__ = ["QueryError", "WarehouseError", "run_query", "to_csv", "to_json"]
