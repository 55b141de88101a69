"""Datasette plugin (loaded via --plugins-dir): a facet asked for twice is shown once.

Datasette 0.65 adds the facets of the request (`?_facet=portal_id`) to those the metadata
configures for the table, and computes a facet asked for both ways twice, the second as
`portal_id_2` (datasette/views/table.py): a link or a script that names a default facet got
it twice. An ASGI wrapper drops the request's facets that the table has already, and repeats
of one, before Datasette reads them; every other parameter is passed on byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote_plus

from datasette import hookimpl
from datasette.utils import tilde_decode

# /<database>/<table>, in any format (the table's name is tilde-encoded: it holds no dot).
TABLE_PATH = re.compile(r"^/(?P<database>[^/]+)/(?P<table>[^/.]+)(?:\.\w+)?$")

Scope = dict[str, Any]
App = Callable[
    [Scope, Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]], Awaitable[None]
]


def configured_facets(table_metadata: dict[str, Any]) -> set[tuple[str, str]]:
    """The (type, column) of each facet the table's metadata configures, as Datasette reads
    them: "portal_id" is a column facet, {"array": "authors"} an array facet."""
    facets = set()
    for facet in table_metadata.get("facets", []):
        if isinstance(facet, str):
            facets.add(("column", facet))
        elif len(facet) == 1:
            ((kind, config),) = facet.items()
            if isinstance(config, str):
                facets.add((kind, config))
    return facets


def without_repeated_facets(query_string: bytes, facets: set[tuple[str, str]]) -> bytes:
    """The query string without the `_facet` / `_facet_<type>` parameters that name one of
    `facets` or one named before it."""
    seen = set(facets)
    kept = []
    for part in query_string.split(b"&"):
        key, _, value = part.decode("latin-1").partition("=")
        key = unquote_plus(key)
        if key == "_facet":
            kind = "column"
        elif key.startswith("_facet_") and key != "_facet_size":
            kind = key.removeprefix("_facet_")  # (_facet_array, _facet_date)
        else:
            kept.append(part)
            continue
        facet = (kind, unquote_plus(value, encoding="utf-8"))
        if facet not in seen:
            seen.add(facet)
            kept.append(part)
    return b"&".join(kept)


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def facets_once(scope: Scope, receive: Any, send: Any) -> None:
            query_string = scope.get("query_string") or b""
            route = TABLE_PATH.match(scope.get("path", "")) if b"_facet" in query_string else None
            if scope["type"] == "http" and route:
                table = datasette.table_metadata(
                    tilde_decode(route["database"]), tilde_decode(route["table"])
                )
                rewritten = without_repeated_facets(query_string, configured_facets(table))
                scope = {**scope, "query_string": rewritten}
            await app(scope, receive, send)

        return facets_once

    return wrap
