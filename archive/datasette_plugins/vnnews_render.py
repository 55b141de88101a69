"""Datasette plugin (loaded via --plugins-dir): links and search highlights.

Datasette renders the primary-key column as a link to the row page, so `url` never becomes a
link to the portal in the table view; linking the title to it fixes that. The `search` canned
query marks hits with literal <mark> tags, which Datasette would otherwise show escaped.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape


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
