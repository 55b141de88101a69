"""Article links that could not be fetched (a 500, a timeout, a 404 while the portal was
publishing), kept so that a later crawl fetches them again.

A nightly crawl stops paging at the first page of known articles: a link on an older page
that failed once would never be reached again, and the article would be missing for good.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from archive.normalize import nfc

# A link is tried again on this many later runs; then it stays recorded, and is left alone.
MAX_ATTEMPTS = 5

_RECORD = """
INSERT INTO failed_fetches
  (url, portal_id, section_url, listed_date, reason, attempts, first_failed_at, last_failed_at)
VALUES (?, ?, ?, ?, ?, 1, ?, ?)
ON CONFLICT (url) DO UPDATE SET
  reason = excluded.reason, attempts = attempts + 1, last_failed_at = excluded.last_failed_at,
  listed_date = coalesce(excluded.listed_date, listed_date)
"""
_DUE = """
SELECT url, section_url, listed_date FROM failed_fetches
WHERE portal_id = ? AND attempts < ? ORDER BY first_failed_at
"""


@dataclass(frozen=True)
class FailedFetch:
    url: str
    section_url: str | None
    listed_date: str | None


def record_failed_fetch(
    conn: sqlite3.Connection,
    url: str,
    portal_id: str,
    section_url: str | None,
    listed_date: str | None,
    reason: str,
    when: str,
) -> None:
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            _RECORD,
            (nfc(url), nfc(portal_id), section_url, listed_date, reason, when, when),
        )


def failed_fetches(conn: sqlite3.Connection, portal_id: str) -> list[FailedFetch]:
    """The portal's failed links still worth trying, oldest failure first."""
    rows = conn.execute(_DUE, (nfc(portal_id), MAX_ATTEMPTS)).fetchall()
    return [FailedFetch(*row) for row in rows]


def forget_failed_fetches(conn: sqlite3.Connection, urls: list[str]) -> None:
    """Links fetched since (stored, or answered with a page that is no article)."""
    if not urls:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM failed_fetches WHERE url = ?", [(nfc(u),) for u in urls])
