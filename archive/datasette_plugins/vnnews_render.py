"""Datasette plugin (loaded via --plugins-dir): links and search highlights.

Datasette renders the primary-key column as a link to the row page, so `url` never becomes a
link to the portal in the table view; linking the title to it fixes that. The `search` canned
query marks hits with literal <mark> tags, which Datasette would otherwise show escaped. Its
CSV is for spreadsheets, where the tags are noise: an ASGI wrapper takes them out of the CSV
of the search queries as Datasette streams it (Datasette 0.65 has no hook on CSV cells). Its
JSON keeps them, the highlights for a page to show.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from archive.metadata import SEARCH_QUERIES

# The CSV of a search query, in any database.
_SEARCH_CSV = re.compile(rf"^/[^/]+/(?:{'|'.join(SEARCH_QUERIES)})\.csv$")
_MARKS = re.compile(rb"</?mark>")
# The longest text a chunk may end with that could be the start of a mark ("</mar").
_LONGEST_CUT = len(b"</mark>") - 1

Scope = dict[str, Any]
Send = Callable[[dict[str, Any]], Awaitable[None]]
App = Callable[[Scope, Callable[..., Awaitable[Any]], Send], Awaitable[None]]


def _row_value(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


@hookimpl
def render_cell(row: Any, value: Any, column: str) -> Markup | None:
    if column == "title" and isinstance(value, str):
        url = _row_value(row, "url")
        # Only http(s): never turn stored data into a javascript: link.
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            return Markup('<a href="{}">{}</a>').format(url, value)
    if column == "snippet" and isinstance(value, str):
        highlighted = str(escape(value))
        highlighted = highlighted.replace("&lt;mark&gt;", "<mark>")
        return Markup(highlighted.replace("&lt;/mark&gt;", "</mark>"))
    return None


def _cut_mark(chunk: bytes) -> int:
    """Where a mark cut by the chunk's end starts (len(chunk) when none is)."""
    start = chunk.rfind(b"<", max(0, len(chunk) - _LONGEST_CUT))
    if start == -1:
        return len(chunk)
    tail = chunk[start:]
    return start if b"</mark>".startswith(tail) or b"<mark>".startswith(tail) else len(chunk)


def without_marks(send: Send) -> Send:
    """`send` for a response whose body loses its <mark> and </mark> (also when a chunk ends
    inside one)."""
    held = b""

    async def send_plain(message: dict[str, Any]) -> None:
        nonlocal held
        if message["type"] == "http.response.start":
            # (The length changes: a length given would be wrong.)
            headers = [(k, v) for k, v in message.get("headers", []) if k != b"content-length"]
            message = {**message, "headers": headers}
        elif message["type"] == "http.response.body":
            body = held + message.get("body", b"")
            cut = _cut_mark(body) if message.get("more_body") else len(body)
            held = body[cut:]
            message = {**message, "body": _MARKS.sub(b"", body[:cut])}
        await send(message)

    return send_plain


@hookimpl
def asgi_wrapper() -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def plain_csv(scope: Scope, receive: Any, send: Send) -> None:
            if scope["type"] == "http" and _SEARCH_CSV.match(scope.get("path", "")):
                send = without_marks(send)
            await app(scope, receive, send)

        return plain_csv

    return wrap
