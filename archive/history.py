"""An article's life in the archive: its versions, its removal, and what a crawl needs to know
of it before fetching it again.

Portals edit articles after publication without notice and take some down (PORTALS.md); the
archive keeps each content it saw as a row of article_versions, and marks removed articles
instead of deleting them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from archive.batches import rows_for_urls
from archive.normalize import nfc

Change = Literal["new", "edited", "restored", "reextract"]
CHANGES: tuple[Change, ...] = ("new", "edited", "restored", "reextract")
# Content columns copied into each version; with content_hash they reproduce the hash.
VERSION_FIELDS = ("title", "published_at", "byline", "summary", "body", "category")

# The version number is computed in the INSERT itself: inside the article's write transaction
# no other writer can take the same number, and no extra round trip is needed.
_INSERT_VERSION = """
INSERT INTO article_versions (url, version, seen_at, {cols}, content_hash, change)
VALUES (:url, (SELECT COALESCE(MAX(version), 0) + 1 FROM article_versions WHERE url = :url),
  :fetched_at, {params}, :content_hash, :change)
""".format(cols=", ".join(VERSION_FIELDS), params=", ".join(f":{c}" for c in VERSION_FIELDS))
_MARK_REMOVED = """
UPDATE articles SET removed_at = ?, removed_reason = ? WHERE url = ? AND removed_at IS NULL
"""
# A capture's headers ride along, so that a crawl can send conditional requests.
# The validators a re-check sends are those of the capture the stored content came from (or
# was last confirmed by): not of a later one that could not be stored (a broken template),
# which a 304 would otherwise confirm as "unchanged" night after night.
_KNOWN = """
SELECT a.url, a.first_seen_at, a.fetched_at, a.published_at, a.removed_at, a.checked_at,
  a.current_url,
  (SELECT c.headers FROM captures c WHERE c.url = a.url AND c.fetched_at <= a.fetched_at
   ORDER BY c.fetched_at DESC, c.id DESC LIMIT 1),
  (SELECT c.listed_date FROM captures c WHERE c.url = a.url AND c.listed_date IS NOT NULL
   ORDER BY c.fetched_at DESC, c.id DESC LIMIT 1)
FROM articles a WHERE a.url IN ({marks})
"""

# Datasette canned query `article_history`: each version of one article with what changed in
# its body since the previous one (vnnews_diff comes from the vnnews_diff plugin).
ARTICLE_HISTORY_SQL = """select
  url,
  version,
  seen_at,
  change,
  title,
  published_at,
  byline,
  vnnews_diff(lag(body) over (order by version), body) as body_diff
from article_versions
where url = :url
order by version"""


@dataclass(frozen=True)
class KnownArticle:
    url: str
    first_seen_at: str
    fetched_at: str
    published_at: str | None
    removed_at: str | None
    etag: str | None
    last_modified: str | None
    # The date its listing last showed beside the link: re-checks extract with it.
    listed_date: str | None = None
    # When a re-check last asked for it, whatever it got (fetched_at moves only when the
    # page was read as the article).
    checked_at: str | None = None
    # Where the portal serves it now, when not at `url` (see archive.addresses): re-checks
    # ask there.
    current_url: str | None = None


def change_reason(record: Mapping[str, Any]) -> Change | None:
    """The caller's explicit reason for a new version (`change_reason`), validated."""
    reason = record.get("change_reason")
    if reason is None:
        return None
    if reason not in CHANGES:
        raise ValueError(f"change_reason must be one of {CHANGES}, got {reason!r}")
    return reason


def insert_version(conn: sqlite3.Connection, params: Mapping[str, Any], change: Change) -> None:
    """Append the article's current content as its next version (caller holds the transaction)."""
    conn.execute(_INSERT_VERSION, {**params, "change": change})


def mark_removed(conn: sqlite3.Connection, url: str, when: str, reason: str) -> bool:
    """Flag a stored article as gone from its portal; its content stays. True if it changed."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        cursor = conn.execute(_MARK_REMOVED, (when, nfc(reason), nfc(url)))
    return cursor.rowcount > 0


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    value = headers.get(name)
    return value if isinstance(value, str) and value else None


def known_articles(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[str, KnownArticle]:
    """What the archive holds of each of `urls` that it has stored, keyed by the given URL."""
    # Stored URLs are NFC; map them back to the caller's spelling.
    wanted = {nfc(url): url for url in urls}
    known: dict[str, KnownArticle] = {}
    for (
        url,
        first_seen,
        fetched,
        published,
        removed,
        checked,
        current,
        headers_json,
        listed,
    ) in rows_for_urls(conn, _KNOWN, list(wanted)):
        headers = json.loads(headers_json) if headers_json else {}
        known[wanted[url]] = KnownArticle(
            url=url,
            first_seen_at=first_seen,
            fetched_at=fetched,
            published_at=published,
            removed_at=removed,
            etag=_header(headers, "etag"),
            last_modified=_header(headers, "last-modified"),
            listed_date=listed,
            checked_at=checked,
            current_url=current,
        )
    return known


def record_check(conn: sqlite3.Connection, url: str, when: str) -> None:
    """A re-check asked for the article at `when`, whatever it got."""
    with conn:
        conn.execute("UPDATE articles SET checked_at = ? WHERE url = ?", (when, nfc(url)))


def urls_starting_with(conn: sqlite3.Connection, prefix: str, limit: int = 100) -> list[str]:
    """Stored article URLs that start with `prefix` (an indexed range of the primary key)."""
    # GLOB, unlike LIKE, is case-sensitive and so can use the key's index; its wildcards
    # in the prefix are made literal.
    pattern = "".join(f"[{c}]" if c in "*?[" else c for c in nfc(prefix)) + "*"
    rows = conn.execute("SELECT url FROM articles WHERE url GLOB ? LIMIT ?", (pattern, limit))
    return [row[0] for row in rows]
