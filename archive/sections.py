"""Crawl progress per listing section (a news category's paged listing).

A section crawled to its last page once is "complete": later crawls may stop paging at the
first page whose articles are all known. One interrupted half-way stays incomplete, so the next
crawl pages through it again instead of trusting a partial history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from archive.normalize import nfc

_GET = """
SELECT section_url, portal_id, complete, last_started_at, last_completed_at, failed_page
FROM sections WHERE section_url = ?
"""
_FAILED_AT = "UPDATE sections SET failed_page = ? WHERE section_url = ?"
_START = """
INSERT INTO sections (section_url, portal_id, complete, last_started_at)
VALUES (?, ?, 0, ?)
ON CONFLICT (section_url) DO UPDATE SET
  portal_id = excluded.portal_id, complete = 0, last_started_at = excluded.last_started_at
"""
# A section completed without a recorded start (an older crawl) is still worth remembering.
_COMPLETE = """
INSERT INTO sections (section_url, complete, last_completed_at) VALUES (?, 1, ?)
ON CONFLICT (section_url) DO UPDATE SET
  complete = 1, last_completed_at = excluded.last_completed_at
"""


@dataclass(frozen=True)
class SectionState:
    section_url: str
    portal_id: str | None
    complete: bool
    last_started_at: str | None
    last_completed_at: str | None
    # The listing page (URL) where its last walk failed, if it did.
    failed_page: str | None = None


def get_section(conn: sqlite3.Connection, section_url: str) -> SectionState | None:
    row = conn.execute(_GET, (nfc(section_url),)).fetchone()
    if row is None:
        return None
    url, portal_id, complete, started, completed, failed_page = row
    return SectionState(url, portal_id, bool(complete), started, completed, failed_page)


def _write(conn: sqlite3.Connection, sql: str, params: tuple[str | None, ...]) -> None:
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(sql, params)


def start_section(conn: sqlite3.Connection, section_url: str, portal_id: str, when: str) -> None:
    """Paging of the section begins: it is incomplete until complete_section()."""
    _write(conn, _START, (nfc(section_url), nfc(portal_id), when))


def complete_section(conn: sqlite3.Connection, section_url: str, when: str) -> None:
    """Paging reached the section's last page."""
    _write(conn, _COMPLETE, (nfc(section_url), when))


def record_failed_page(conn: sqlite3.Connection, section_url: str, page_url: str | None) -> None:
    """The listing page where the section's walk failed (None: its walk failed nowhere)."""
    _write(conn, _FAILED_AT, (nfc(page_url) if page_url else None, nfc(section_url)))
