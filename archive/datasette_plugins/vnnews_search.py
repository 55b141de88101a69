"""Datasette plugin (loaded via --plugins-dir): Vietnamese search (issue #6).

The articles table searches `articles_search`, an index of folded text (no diacritics, đ → d).
Datasette 0.65 hands `?_search=` (and `?_search_<column>=`) straight to escape_fts() and MATCH
(datasette/filters.py, search_filters), with no hook to change the value, so an ASGI wrapper
rewrites those parameters into folded words (archive.search.search_box_query) before the table
view reads them; escape_fts() then yields the expression of archive.search.fts_query.
`_searchmode=raw` is dropped: the rewritten value is already a safe MATCH expression, and raw
FTS syntax typed by a reader is what causes server errors. A search in one column
(`_search_title=`) becomes a plain `_search` of a column filter, which the wrapper writes itself
(then in raw mode): for those Datasette joins the index on `rowid`, not on the table's fts_pk,
and the index is keyed on the articles' search_key. The canned query `search` calls the SQL
functions registered here.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from archive.search import INDEX_COLUMNS, fts_query, register_functions, search_box_query
from archive.vietnamese import has_operators

# Table pages (HTML, .json, .csv…) of the articles table in any database.
ARTICLES_PATH = re.compile(r"^/[^/]+/articles(\.\w+)?/?$")

Scope = dict[str, Any]
App = Callable[
    [Scope, Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]], Awaitable[None]
]


def rewrite_query_string(query_string: bytes) -> bytes:
    """Fold every _search / _search_<column> value; other parameters unchanged. A blank one
    is dropped, so the table lists every article, as without a search. Searches in columns
    of the index, and a search with OR or NOT, become one raw `_search` (with the plain search,
    if any, ANDed)."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="utf-8")
    rewritten: list[tuple[str, str]] = []
    plain: str | None = None
    in_columns: list[str] = []
    for key, value in pairs:
        if key == "_searchmode":
            continue
        if key.startswith("_search"):
            if not value.strip():
                continue  # Datasette would MATCH '' (an FTS5 syntax error)
            column = key.removeprefix("_search_") if key != "_search" else None
            if column is None:
                plain = value
                continue
            if column in INDEX_COLUMNS:
                in_columns.append(f"({fts_query(value, columns=column)})")
                continue
            value = search_box_query(value)  # Datasette refuses the column (400)
        rewritten.append((key, value))
    if in_columns or has_operators(plain):
        # (escape_fts() would quote OR and NOT as words: the expression goes raw.)
        expression = " AND ".join(([f"({fts_query(plain)})"] if plain else []) + in_columns)
        rewritten += [("_search", expression), ("_searchmode", "raw")]
    elif plain is not None:
        rewritten.append(("_search", search_box_query(plain)))
    return urlencode(rewritten, encoding="utf-8").encode("latin-1")


@hookimpl
def asgi_wrapper() -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def folded_search(scope: Scope, receive: Any, send: Any) -> None:
            query_string = scope.get("query_string") or b""
            if (
                scope.get("type") == "http"
                and b"_search" in query_string
                and ARTICLES_PATH.match(scope.get("path", ""))
            ):
                scope = {**scope, "query_string": rewrite_query_string(query_string)}
            await app(scope, receive, send)

        return folded_search

    return wrap


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    register_functions(conn)
