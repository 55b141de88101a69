"""Researchers' exports of articles with their place: CSV, JSON Lines or Parquet, streamed.

Rows come from one cursor read `FETCH_SIZE` rows at a time and are written as they come, so an
export of a million articles needs no more memory than one of a hundred. Each row carries the
article and the place it comes from, joined as in the `articles_by_unit` view (archive/schema.py):
portal name, tier, unit and today's province. Articles of a portal missing from the registry are
kept, with the place columns empty.

The JSON list columns (authors, images, attachments, warnings) are decoded in JSON Lines and
Parquet (lists of strings or of structs); CSV cannot hold lists, so there they stay JSON text.
Pure: a connection and filters in, a stream out. Province names are resolved by the caller
(archive/ knows nothing of the registry).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import IO, Any

FORMATS = ("csv", "jsonl", "parquet")
FETCH_SIZE = 500
PARQUET_ROW_GROUP = 10_000
# A row group of long articles is flushed early, so memory stays bounded by size, not rows.
PARQUET_ROW_GROUP_BYTES = 64 * 1024 * 1024

# Output columns, in order: (name, SQL expression).
COLUMNS = (
    ("url", "a.url"),
    ("portal_id", "a.portal_id"),
    ("portal", "p.name"),
    ("level", "p.level"),
    ("unit_id", "u.id"),
    ("unit", "u.name"),
    ("unit_type", "u.unit_type"),
    ("province_code", "p.province_code"),
    ("province", "prov.name"),
    ("unit_province_code", "u.province_code"),
    ("title", "a.title"),
    ("published_at", "a.published_at"),
    ("published_text", "a.published_text"),
    ("published_precision", "a.published_precision"),
    ("byline", "a.byline"),
    ("authors", "a.authors"),
    ("summary", "a.summary"),
    ("body", "a.body"),
    ("category", "a.category"),
    ("platform", "a.platform"),
    ("images", "a.images"),
    ("attachments", "a.attachments"),
    ("warnings", "a.warnings"),
    ("fetched_at", "a.fetched_at"),
    ("first_seen_at", "a.first_seen_at"),
    ("last_seen_at", "a.last_seen_at"),
    ("updated_at", "a.updated_at"),
    ("removed_at", "a.removed_at"),
    ("removed_reason", "a.removed_reason"),
    # How many contents the archive saw (1: never edited); the texts are in article_versions.
    ("versions", "(SELECT max(v.version) FROM article_versions v WHERE v.url = a.url)"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
# JSON list columns, and the keys of the objects in those that hold objects.
JSON_COLUMNS = {"authors": None, "images": ("url", "caption"), "attachments": ("url", "title"),
                "warnings": None}  # fmt: skip

INTEGER_COLUMNS = frozenset({"versions"})

_FROM = """
FROM articles a
LEFT JOIN portals p ON p.id = a.portal_id
LEFT JOIN admin_units u ON u.id = p.unit_id
LEFT JOIN admin_units prov ON prov.id = p.province_code
"""


@dataclass(frozen=True)
class ExportFilter:
    """Which articles to export; every given filter must hold. Dates are publication days."""

    portal_ids: tuple[str, ...] = ()
    province_code: str | None = None
    level: str | None = None
    since: date | None = None
    until: date | None = None
    include_removed: bool = False


def build_query(filters: ExportFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.portal_ids:
        where.append(f"a.portal_id IN ({', '.join('?' for _ in filters.portal_ids)})")
        params.extend(filters.portal_ids)
    if filters.province_code is not None:
        # Today's province, or the one the portal's unit belonged to in its time: a province
        # merged away in 2025 ("Ninh Thuận", 58) keeps its former portals.
        where.append("(p.province_code = ? OR u.province_code = ?)")
        params += [filters.province_code, filters.province_code]
    if filters.level is not None:
        where.append("p.level = ?")
        params.append(filters.level)
    # published_at is ISO 8601 in Vietnam time, so its first 10 characters are the local day,
    # and plain string comparison with day bounds keeps the published_at index usable.
    if filters.since is not None:
        where.append("a.published_at >= ?")
        params.append(filters.since.isoformat())
    if filters.until is not None:
        where.append("a.published_at < ?")
        params.append((filters.until + timedelta(days=1)).isoformat())
    if not filters.include_removed:
        where.append("a.removed_at IS NULL")
    select = ", ".join(f"{expr} AS {name}" for name, expr in COLUMNS)
    sql = f"SELECT {select} {_FROM}"
    if where:
        sql += "WHERE " + " AND ".join(where)
    return sql + "\nORDER BY a.published_at, a.url", params


def iter_rows(conn: sqlite3.Connection, filters: ExportFilter) -> Iterator[tuple[Any, ...]]:
    """The selected rows as tuples in COLUMN_NAMES order, oldest first, FETCH_SIZE at a time."""
    sql, params = build_query(filters)
    cursor = conn.execute(sql, params)
    try:
        while chunk := cursor.fetchmany(FETCH_SIZE):
            yield from chunk
    finally:
        cursor.close()


def removed_left_out(conn: sqlite3.Connection, filters: ExportFilter) -> int:
    """How many of the selected articles the portal took down, left out of the export unless
    `include_removed` (said, so that a count short of the archive's is explained)."""
    if filters.include_removed:
        return 0
    sql, params = build_query(replace(filters, include_removed=True))
    counted = f"SELECT count(*) FROM ({sql}) WHERE removed_at IS NOT NULL"
    return int(conn.execute(counted, params).fetchone()[0])


def decode_lists(row: tuple[Any, ...]) -> dict[str, Any]:
    """A row as a dict with its JSON list columns decoded (an unreadable value becomes [])."""
    record = dict(zip(COLUMN_NAMES, row, strict=True))
    for column, keys in JSON_COLUMNS.items():
        try:
            value = json.loads(record[column]) if record[column] else []
        except ValueError:
            value = []
        if not isinstance(value, list):
            value = []
        if keys is None:
            value = [str(v) for v in value if v is not None]
        else:  # exactly the expected keys, so that Parquet's struct type always fits
            value = [{k: _text(v.get(k)) for k in keys} for v in value if isinstance(v, dict)]
        record[column] = value
    return record


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# Spreadsheets read a cell starting with one of these as a formula: a title "-Tin mới" shows
# as #NAME?, and a page's "=HYPERLINK(…)" would run when the file is opened (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def for_spreadsheet(value: Any) -> Any:
    """A text cell a spreadsheet would read as a formula, prefixed with an apostrophe (which
    Excel and LibreOffice show as nothing: the text reads as published). Numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def write_csv(rows: Iterator[tuple[Any, ...]], out: IO[str], *, excel: bool = False) -> int:
    """CSV with a header row; `out` should be opened with newline="". With `excel`, text that a
    spreadsheet would run as a formula is neutralised (plain CSV keeps every value as stored:
    programs reading it see no formulas)."""
    writer = csv.writer(out)
    writer.writerow(COLUMN_NAMES)
    count = 0
    for row in rows:
        writer.writerow(tuple(map(for_spreadsheet, row)) if excel else row)
        count += 1
    return count


# Line breaks other than "\n" that Python's str.splitlines() (and some editors) split on: a
# JSON Lines reader that uses it would cut a record in two. JSON may escape any character.
_OTHER_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


def write_jsonl(rows: Iterator[tuple[Any, ...]], out: IO[str]) -> int:
    """One JSON object per line, Vietnamese kept readable (not \\u-escaped)."""
    count = 0
    for row in rows:
        out.write(json.dumps(decode_lists(row), ensure_ascii=False).translate(_OTHER_LINE_BREAKS))
        out.write("\n")
        count += 1
    return count


def parquet_schema() -> Any:
    import pyarrow as pa

    fields = []
    for name in COLUMN_NAMES:
        if name in INTEGER_COLUMNS:
            fields.append(pa.field(name, pa.int64()))
        elif name not in JSON_COLUMNS:
            fields.append(pa.field(name, pa.string()))
        elif (keys := JSON_COLUMNS[name]) is None:
            fields.append(pa.field(name, pa.list_(pa.string())))
        else:
            fields.append(pa.field(name, pa.list_(pa.struct([(k, pa.string()) for k in keys]))))
    return pa.schema(fields)


PARQUET_NEEDS = "Parquet export needs pyarrow: pip install -e '.[export]' (or pip install pyarrow)"


def write_parquet(
    rows: Iterator[tuple[Any, ...]], out: Any, row_group_size: int = PARQUET_ROW_GROUP
) -> int:
    """Parquet (`out` a path or a binary stream), one row group per `row_group_size` rows.

    Each fetched chunk becomes an Arrow record batch at once (compact, outside Python's heap);
    batches are gathered into a row group and written, then dropped.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(PARQUET_NEEDS) from None

    schema = parquet_schema()
    count = 0
    pending: list[Any] = []
    pending_rows = pending_bytes = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:

        def flush() -> None:
            nonlocal pending, pending_rows, pending_bytes
            if pending:
                writer.write_table(
                    pa.Table.from_batches(pending, schema=schema), row_group_size=row_group_size
                )
            pending, pending_rows, pending_bytes = [], 0, 0

        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(decode_lists(row))
            count += 1
            if len(chunk) == FETCH_SIZE:
                batch = pa.RecordBatch.from_pylist(chunk, schema=schema)
                chunk = []
                pending.append(batch)
                pending_rows += batch.num_rows
                pending_bytes += batch.nbytes
                if pending_rows >= row_group_size or pending_bytes >= PARQUET_ROW_GROUP_BYTES:
                    flush()
        if chunk:
            pending.append(pa.RecordBatch.from_pylist(chunk, schema=schema))
        flush()
    return count
