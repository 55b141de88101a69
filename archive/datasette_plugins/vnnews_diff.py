"""Datasette plugin (loaded via --plugins-dir): the vnnews_diff(old, new) SQL function.

The `article_history` canned query shows how a portal edited an article between two versions.
Bodies separate paragraphs with a blank line, so a line diff is a paragraph diff; one line of
context (n=1) keeps long articles readable. Diff columns are shown preformatted.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import Any

from datasette import hookimpl
from markupsafe import Markup

# Output columns of canned queries that hold a vnnews_diff() result.
DIFF_COLUMNS = ("body_diff",)
CONTEXT_LINES = 1


def vnnews_diff(old_text: str | None, new_text: str | None) -> str:
    """Unified diff of two texts by line; a missing text counts as empty (a first version
    shows all its lines as added). Empty when the texts are equal."""
    old_lines = (old_text or "").splitlines()
    new_lines = (new_text or "").splitlines()
    diff = difflib.unified_diff(
        old_lines, new_lines, "previous", "this version", n=CONTEXT_LINES, lineterm=""
    )
    return "\n".join(diff)


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("vnnews_diff", 2, vnnews_diff, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str) -> Markup | None:
    # HTML collapses newlines; a diff is only readable line by line.
    if column in DIFF_COLUMNS and isinstance(value, str):
        return Markup("<pre>{}</pre>").format(value)
    return None
