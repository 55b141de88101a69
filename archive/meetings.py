"""Storage of the meetings an article reports (scraper/extraction/meetings.py) — issue 6.

The tables are created by a migration in archive/schema.py (`create_meetings`, which spells
out the same DDL as `create_meetings_tables`, kept here for tests); `store_meetings` replaces one article's rows, so re-extracting an edited
article never leaves stale meetings or people behind. A meeting whose date could not be
determined is stored with meeting_date NULL, never a guess.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database


def create_meetings_tables(db: Database) -> None:
    db["meetings"].create(
        {
            "id": int,
            "article_url": str,
            "kind": str,
            "kind_label": str,
            "session_type": str,
            "meeting_date": str,
            "part_of_day": str,
            "venue": str,
            "bodies": str,  # JSON list of normalised body names
        },
        pk="id",
        not_null={"article_url", "kind"},
        foreign_keys=[("article_url", "articles", "url")],
    )
    db["meetings"].create_index(["article_url"])
    db["meetings"].create_index(["kind", "meeting_date"])
    db["meetings"].create_index(["meeting_date"])
    db["people_mentions"].create(
        {"id": int, "meeting_id": int, "article_url": str, "name": str, "position": str},
        pk="id",
        not_null={"meeting_id", "article_url", "name"},
        foreign_keys=[("meeting_id", "meetings", "id"), ("article_url", "articles", "url")],
    )
    db["people_mentions"].create_index(["meeting_id"])
    db["people_mentions"].create_index(["article_url"])
    db["people_mentions"].create_index(["name"])


def store_meetings(
    conn: sqlite3.Connection, article_url: str, meetings: Sequence[Mapping[str, Any]]
) -> None:
    """Replace the meetings (and people) stored for `article_url` with `meetings`.

    Each mapping has the fields of extraction.meetings.Meeting (dataclasses.asdict of one);
    "kind_label" or "kind_label_en" is accepted. Runs in one transaction of its own unless the
    caller already holds one.
    """
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM people_mentions WHERE article_url = ?", (article_url,))
        conn.execute("DELETE FROM meetings WHERE article_url = ?", (article_url,))
        for meeting in meetings:
            cursor = conn.execute(
                "INSERT INTO meetings (article_url, kind, kind_label, session_type, meeting_date,"
                " part_of_day, venue, bodies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_url,
                    meeting["kind"],
                    meeting.get("kind_label") or meeting.get("kind_label_en"),
                    meeting.get("session_type"),
                    meeting.get("meeting_date"),
                    meeting.get("part_of_day"),
                    meeting.get("venue"),
                    json.dumps(list(meeting.get("bodies") or []), ensure_ascii=False),
                ),
            )
            conn.executemany(
                "INSERT INTO people_mentions (meeting_id, article_url, name, position)"
                " VALUES (?, ?, ?, ?)",
                [
                    (cursor.lastrowid, article_url, p["name"], p.get("position"))
                    for p in meeting.get("people") or []
                ],
            )
    except BaseException:
        if own:
            conn.rollback()
        raise
    if own:
        conn.commit()
