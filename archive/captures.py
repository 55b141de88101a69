"""Raw HTTP captures: every response a crawl received, as it came, for re-extraction.

Extraction rules improve (PORTALS.md lists markup the adapters learnt late); keeping the bytes
lets `vnnews reextract` rebuild articles without fetching portals again, including pages they
have since removed. A capture row is small; bodies live once per SHA-256 in capture_bodies,
zlib-compressed (HTML shrinks about 5x), since portals often serve the same bytes again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from archive.batches import rows_for_urls
from archive.normalize import nfc

# Level 6 is zlib's default: nearly the ratio of 9 at a fraction of the time.
ZLIB_LEVEL = 6
# Captures are read back in batches by id, so that no cursor stays open while the caller
# writes (reextract upserts articles between two captures) and memory stays bounded.
_BATCH = 100

_INSERT_CAPTURE = """
INSERT INTO captures (url, final_url, fetched_at, status, headers, sha256, size, listed_date)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
# Newest first within a URL: fetched_at, then insertion order for equal timestamps.
_LATEST = """c.id = (SELECT c2.id FROM captures c2 WHERE c2.url = c.url{same_status}
  ORDER BY c2.fetched_at DESC, c2.id DESC LIMIT 1)"""
_SELECT_BATCH = """
SELECT c.url, c.final_url, c.fetched_at, c.status, c.headers, c.sha256, b.body, c.listed_date
FROM captures c JOIN capture_bodies b ON b.sha256 = c.sha256
WHERE c.id IN ({marks}) ORDER BY c.url, c.fetched_at, c.id
"""


@dataclass(frozen=True)
class Capture:
    url: str
    final_url: str | None
    fetched_at: str
    status: int
    headers: dict[str, str]
    sha256: str
    body: bytes
    # The date text its listing page showed beside the link (None: not from a listing, or
    # none shown).
    listed_date: str | None = None


def store_capture(
    conn: sqlite3.Connection,
    url: str,
    *,
    fetched_at: str,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    final_url: str | None = None,
    listed_date: str | None = None,
) -> str:
    """Keep one response; returns the SHA-256 hex of its body."""
    digest = hashlib.sha256(body).hexdigest()
    # Compress outside the write lock, and only bodies not stored yet: re-fetching an unchanged
    # page costs a primary-key lookup, not a compression.
    stored = conn.execute("SELECT 1 FROM capture_bodies WHERE sha256 = ?", (digest,)).fetchone()
    compressed = None if stored else zlib.compress(body, ZLIB_LEVEL)
    # HTTP header names are case-insensitive; lower case is their canonical (HTTP/2) form.
    header_json = json.dumps(
        {str(k).lower(): nfc(str(v)) for k, v in headers.items()}, ensure_ascii=False
    )
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        if compressed is not None:
            conn.execute(
                "INSERT OR IGNORE INTO capture_bodies (sha256, body) VALUES (?, ?)",
                (digest, compressed),
            )
        conn.execute(
            _INSERT_CAPTURE,
            (
                nfc(url),
                nfc(final_url),
                fetched_at,
                status,
                header_json,
                digest,
                len(body),
                nfc(listed_date),
            ),
        )
    return digest


def _capture_ids(
    conn: sqlite3.Connection,
    portal_id: str | None,
    url: str | None,
    latest_only: bool,
    status: int | None,
) -> list[int]:
    where: list[str] = []
    params: list[Any] = []
    join = ""
    if status is not None:
        where.append("c.status = ?")
        params.append(status)
    if portal_id is not None:
        # Only article captures belong to a portal; listing pages and others have none.
        join = "JOIN articles a ON a.url = c.url"
        where.append("a.portal_id = ?")
        params.append(nfc(portal_id))
    if url is not None:
        where.append("c.url = ?")
        params.append(nfc(url))
    if latest_only:
        # With a status, the newest capture of that status: the last 200 even if a 404 followed.
        same_status = " AND c2.status = c.status" if status is not None else ""
        where.append(_LATEST.format(same_status=same_status))
    sql = f"SELECT c.id FROM captures c {join}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [row[0] for row in conn.execute(sql + " ORDER BY c.url, c.fetched_at, c.id", params)]


def captured_urls(conn: sqlite3.Connection, urls: Iterable[str]) -> set[str]:
    """Which of `urls` were fetched before (have a capture), keyed by the given spelling."""
    wanted = {nfc(url): url for url in urls}
    sql = "SELECT DISTINCT url FROM captures WHERE url IN ({marks})"
    return {wanted[row[0]] for row in rows_for_urls(conn, sql, list(wanted), _BATCH)}


def iter_captures(
    conn: sqlite3.Connection,
    *,
    portal_id: str | None = None,
    url: str | None = None,
    latest_only: bool = False,
    status: int | None = None,
) -> Iterator[Capture]:
    """Captures with their decompressed bodies, by URL then time; `status` keeps only the
    responses with that HTTP status (applied before latest_only)."""
    ids = _capture_ids(conn, portal_id, url, latest_only, status)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        sql = _SELECT_BATCH.format(marks=", ".join("?" for _ in batch))
        rows = conn.execute(sql, batch).fetchall()
        for c_url, final_url, fetched_at, code, headers, sha256, body, listed_date in rows:
            yield Capture(
                url=c_url,
                final_url=final_url,
                fetched_at=fetched_at,
                status=code,
                headers=json.loads(headers) if headers else {},
                sha256=sha256,
                body=zlib.decompress(body),
                listed_date=listed_date,
            )
