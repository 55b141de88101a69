"""Lookups of many URLs in a few statements: `WHERE url IN (…)` a batch at a time (old SQLite
builds allow 999 bound parameters; batches of a few hundred keep statements small)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

BATCH = 500


def rows_for_urls(
    conn: sqlite3.Connection, sql: str, urls: list[str], size: int = BATCH
) -> Iterator[Any]:
    """The rows of `sql`, whose `{marks}` stands for the list of URLs, over all `urls`."""
    for start in range(0, len(urls), size):
        chunk = urls[start : start + size]
        yield from conn.execute(sql.format(marks=", ".join("?" * len(chunk))), chunk)
