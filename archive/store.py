"""Write side of the archive: portals and articles in one SQLite file.

Knows nothing of HTML or Scrapy. Writes use precompiled plain SQL on the raw connection
(sqlite-utils' `table.upsert` introspects the schema on every call, which a crawl cannot afford).
The Archive class is the one entry point; versions, captures, sections and runs are written by
the modules it delegates to (history, captures, sections, places).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from sqlite_utils import Database

from archive import schema
from archive.addresses import (
    SET_CURRENT_URL,
    articles_of_addresses,
    record_address,
    record_current_address,
    stored_under,
)
from archive.captures import Capture, iter_captures, store_capture
from archive.captures import captured_urls as _captured_urls
from archive.failed_fetches import (
    FailedFetch,
    failed_fetches,
    forget_failed_fetches,
    record_failed_fetch,
)
from archive.history import (
    KnownArticle,
    change_reason,
    insert_version,
    known_articles,
    record_check,
    urls_starting_with,
)
from archive.history import mark_removed as _mark_removed
from archive.normalize import nfc, vietnam_time
from archive.search import index_article, indexed_text
from archive.sections import (
    SectionState,
    complete_section,
    get_section,
    record_failed_page,
    start_section,
)
from archive.stories import another_story, emptied, same_text

UpsertStatus = Literal["new", "updated", "unchanged", "shows_another", "emptied"]

# Another article of the same portal with this title and time: what its address now serves.
_SAME_STORY_ELSEWHERE = """
SELECT body FROM articles
WHERE portal_id = :portal_id AND published_at IS :published_at AND title = :title
  AND url != :url
LIMIT 20
"""

_STORED = "SELECT content_hash, removed_at, rowid FROM articles WHERE url = ?"
# Fields that make up an article's content; a change in any of them is an "update".
HASHED_FIELDS = ("title", "published_at", "byline", "summary", "body", "category")
TEXT_FIELDS = (
    "portal_id",
    "title",
    "published_at",
    "published_text",
    "published_precision",
    "byline",
    "summary",
    "body",
    "category",
    "platform",
)
JSON_FIELDS = ("authors", "images", "attachments", "warnings")
# ASCII unit separator: cannot occur in extracted plain text, so field boundaries are unambiguous.
_HASH_SEPARATOR = "\x1f"
_BUSY_TIMEOUT_MS = 10_000

_CONTENT_COLUMNS = (*TEXT_FIELDS, *JSON_FIELDS, "content_hash")
_INSERT_ARTICLE = """
INSERT INTO articles (url, {cols}, fetched_at, first_seen_at, last_seen_at, updated_at,
  current_url)
VALUES (:url, {params}, :fetched_at, :fetched_at, :fetched_at, NULL, nullif(:final_url, :url))
""".format(cols=", ".join(_CONTENT_COLUMNS), params=", ".join(f":{c}" for c in _CONTENT_COLUMNS))
# Finding an article again is proof it is back online: both updates clear a removal.
_REPLACE_ARTICLE = """
UPDATE articles SET {assignments}, fetched_at = :fetched_at, last_seen_at = :fetched_at,
  updated_at = :fetched_at, removed_at = NULL, removed_reason = NULL, {current}
WHERE url = :url
""".format(assignments=", ".join(f"{c} = :{c}" for c in _CONTENT_COLUMNS), current=SET_CURRENT_URL)
# An article found again as stored: by a page with the same content, or by a re-check the
# portal answered "304 Not Modified" (mark_checked). One statement, so both keep the same books.
_TOUCH_ARTICLE = f"""
UPDATE articles SET fetched_at = :fetched_at, last_seen_at = :fetched_at,
  removed_at = NULL, removed_reason = NULL, {SET_CURRENT_URL}
WHERE url = :url
"""
# What an article carries besides its content (HASHED_FIELDS): its files and pictures, the
# date as printed, what was read and how. A portal adds a decree's PDF or a photo to an
# article days later, and a better extractor reads more of a stored capture: neither is an edit
# (no version), but the row shows it. (Written only where a value differs.)
_DETAIL_COLUMNS = tuple(
    c for c in (*TEXT_FIELDS, *JSON_FIELDS) if c not in HASHED_FIELDS and c != "portal_id"
)
_DETAILS = ", ".join(f"{c} = :{c}" for c in _DETAIL_COLUMNS)
_REFRESH_DETAILS = """
UPDATE articles SET {assignments} WHERE url = :url AND ({changed})
""".format(assignments=_DETAILS, changed=" OR ".join(f"{c} IS NOT :{c}" for c in _DETAIL_COLUMNS))
# An article found again with the same content: one statement.
_TOUCH_ARTICLE_AND_DETAILS = f"""
UPDATE articles SET fetched_at = :fetched_at, last_seen_at = :fetched_at,
  removed_at = NULL, removed_reason = NULL, {SET_CURRENT_URL}, {_DETAILS}
WHERE url = :url
"""
# A known article whose address now leads to `final_url`, where nothing could be read.
_MOVE_ARTICLE = f"UPDATE articles SET {SET_CURRENT_URL} WHERE url = :url"
# A re-extraction rebuilds content from a stored capture: it is no sign that the article is
# online now, so its removal mark and last-seen time stay as they are.
_REEXTRACT_ARTICLE = """
UPDATE articles SET {assignments}, updated_at = :fetched_at WHERE url = :url
""".format(assignments=", ".join(f"{c} = :{c}" for c in _CONTENT_COLUMNS))
_UPSERT_PORTAL = """
INSERT INTO portals (id, name, base_url, platform, start_urls, first_seen_at, last_crawled_at)
VALUES (:id, :name, :base_url, :platform, :start_urls, :now, :now)
ON CONFLICT (id) DO UPDATE SET
  name = CASE WHEN portals.registry_source IS NULL THEN excluded.name ELSE portals.name END,
  base_url = CASE WHEN portals.registry_source IS NULL OR portals.base_url IS NULL
    THEN excluded.base_url ELSE portals.base_url END,
  platform = CASE WHEN portals.registry_source IS NULL THEN excluded.platform
    ELSE COALESCE(excluded.platform, portals.platform) END,
  start_urls = excluded.start_urls, last_crawled_at = excluded.last_crawled_at
"""


def _shows_another_stored(conn: sqlite3.Connection, params: Mapping[str, Any]) -> bool:
    """Whether an address now shows another article the archive holds: its title, time and
    text. (Title and time alone are not enough: undated weekly schedules share a title.)"""
    return any(
        same_text(body, params.get("body"))
        for (body,) in conn.execute(_SAME_STORY_ELSEWHERE, params)
    )


def content_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 hex of the article's content fields (None and "" hash alike)."""
    canonical = _HASH_SEPARATOR.join(record.get(f) or "" for f in HASHED_FIELDS)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dump(value: Any) -> str:
    # ensure_ascii=False keeps Vietnamese readable when browsing the raw column in Datasette.
    return json.dumps(value if value is not None else [], ensure_ascii=False)


def _article_params(record: Mapping[str, Any]) -> dict[str, Any]:
    """Bind parameters for the article statements; unknown keys in `record` are dropped."""
    url = record.get("url")
    if not url or not isinstance(url, str):
        raise ValueError(f"article record needs a non-empty 'url', got {url!r}")
    fetched_at = record.get("fetched_at") or utc_now()
    params: dict[str, Any] = {"url": nfc(url), "fetched_at": fetched_at}
    params.update({f: nfc(record.get(f)) for f in TEXT_FIELDS})
    params["published_at"] = vietnam_time(params.get("published_at"))
    params.update({f: _dump(nfc(record.get(f))) for f in JSON_FIELDS})
    params["content_hash"] = content_hash(params)
    return params


class Archive:
    """A SQLite archive of portals and their articles; one instance per writer process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) == ":memory:":
            self.db = Database(memory=True)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(self.path)
        self.conn: sqlite3.Connection = self.db.conn
        # WAL lets Datasette read while a crawl writes; NORMAL is durable across app crashes in
        # WAL mode (only an OS crash can lose the last commits), and much faster than FULL.
        self.db.enable_wal()
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        schema.apply(self.db, None if str(path) == ":memory:" else self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # `with conn` commits or rolls back; BEGIN IMMEDIATE takes the write lock up front so
        # the read-then-write in upsert_article cannot race another writer process.
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn

    def upsert_portal(
        self,
        portal_id: str,
        name: str,
        base_url: str,
        platform: str | None,
        start_urls: list[str],
        crawled_at: str | None = None,
    ) -> None:
        """Insert or update a portal; keeps first_seen_at, sets last_crawled_at."""
        params = {
            "id": nfc(portal_id),
            "name": nfc(name),
            "base_url": nfc(base_url),
            "platform": nfc(platform),
            "start_urls": _dump(nfc(list(start_urls))),
            "now": crawled_at or utc_now(),
        }
        with self._transaction() as conn:
            conn.execute(_UPSERT_PORTAL, params)

    def sync_admin_units(self, units: Iterable[Mapping[str, Any]]) -> bool:
        """Load the administrative units snapshot (a no-op when it has not changed)."""
        from archive.places import sync_admin_units

        return sync_admin_units(self.conn, units)

    def upsert_registry_portals(self, portals: Iterable[Mapping[str, Any]]) -> int:
        """Store the registry's portals with their units and periods."""
        from archive.places import upsert_registry_portals

        return upsert_registry_portals(self.conn, portals)

    def record_crawl_run(self, run: Mapping[str, Any]) -> int:
        from archive.places import record_crawl_run

        return record_crawl_run(self.conn, run)

    def open_crawl_runs(self, portal_ids: list[str], run_id: str) -> None:
        """A "running" row per portal while the crawl runs (see archive.places)."""
        from archive.places import open_crawl_runs

        open_crawl_runs(self.conn, portal_ids, run_id, utc_now())

    def close_crawl_runs(self, run_id: str) -> None:
        from archive.places import close_crawl_runs

        close_crawl_runs(self.conn, run_id)

    def upsert_article(
        self,
        record: Mapping[str, Any],
        on_stored: Callable[[sqlite3.Connection, str], None] | None = None,
    ) -> UpsertStatus:
        """Store one article record; returns "new", "updated" or "unchanged".

        New and changed content is also appended to article_versions, in the same transaction,
        with `record["change_reason"]` when given, else "new", "edited" or (for an article
        marked removed) "restored". Finding the article again clears its removal mark, except
        for change_reason "reextract" (content rebuilt from a capture, not seen online).

        Returns "shows_another", storing nothing, when the changed content is another story:
        another archived article of the portal (same title and time), or a story with few of
        the words of the article's title and text (archive.stories): a removed
        article's address that now serves the home page, whose featured story reads as an
        article. It is not an edit. Returns "emptied", storing nothing, when the page lost all
        the text the article had (a broken template). A re-extraction is taken as it is.

        `on_stored(conn, url)` is called for new and changed content, inside the same
        transaction (what is derived from the text, its meetings, is written with it or not
        at all), with the address the article is stored under.

        `record["final_url"]`: the address the page was read at, after redirects (default: its
        `url`); a stored article read elsewhere than its own address is served there now
        (archive.addresses).
        """
        params = _article_params(record)
        reason = change_reason(record)
        when = params["fetched_at"]
        params["final_url"] = nfc(record.get("final_url")) or params["url"]
        try:
            with self._transaction() as conn:
                row = conn.execute(_STORED, (params["url"],)).fetchone()
                if row is None and reason != "reextract":
                    # Another address of a story the archive holds (a portal that moved its
                    # pages on its host): recorded as such, the story found again there.
                    stored = stored_under(conn, params)
                    if stored is not None:
                        record_address(conn, params["url"], stored, params["fetched_at"])
                        params["url"] = stored
                        row = conn.execute(_STORED, (stored,)).fetchone()
                if row is None:
                    cursor = conn.execute(_INSERT_ARTICLE, params)
                    index_article(conn, cursor.lastrowid, params)
                    insert_version(conn, params, reason or "new")
                    if on_stored is not None:
                        on_stored(conn, params["url"])
                    if reason != "reextract":
                        record_current_address(conn, params["url"], params["final_url"], when)
                    return "new"
                reextract = reason == "reextract"
                if row[0] == params["content_hash"]:
                    if reextract:
                        conn.execute(_REFRESH_DETAILS, params)
                    else:
                        conn.execute(_TOUCH_ARTICLE_AND_DETAILS, params)
                        record_current_address(conn, params["url"], params["final_url"], when)
                    return "unchanged"
                if _shows_another_stored(conn, params):
                    return "shows_another"
                # The folded search index follows content changes only (an unchanged
                # touch keeps it as it is); it is told the text it indexed before.
                previous = indexed_text(conn, row[2])
                if not reextract and another_story(previous, params):
                    return "shows_another"
                if not reextract and emptied(previous, params):
                    return "emptied"
                conn.execute(_REEXTRACT_ARTICLE if reextract else _REPLACE_ARTICLE, params)
                index_article(conn, row[2], params, previous)
                insert_version(conn, params, reason or ("restored" if row[1] else "edited"))
                if on_stored is not None:
                    on_stored(conn, params["url"])
                if not reextract:
                    record_current_address(conn, params["url"], params["final_url"], when)
                return "updated"
        except sqlite3.IntegrityError as exc:
            if "FOREIGN KEY" in str(exc):
                raise ValueError(
                    f"portal {params['portal_id']!r} is not in the archive; "
                    "call upsert_portal() before upsert_article()"
                ) from exc
            raise

    def mark_removed(self, url: str, when: str, reason: str) -> bool:
        """Record that the portal no longer serves `url`; True if the article was not already
        marked. Its content stays, and finding it again clears the mark."""
        return _mark_removed(self.conn, url, when, reason)

    def mark_checked(self, url: str, when: str, final_url: str | None = None) -> bool:
        """Record that a re-check found `url` as stored without downloading it (the portal
        answered "304 Not Modified"); True if the archive holds the article.

        Kept as an unchanged upsert keeps it: `fetched_at` and `last_seen_at` become `when`
        (the re-check schedule reads `fetched_at`) and a removal mark is cleared, and the
        address that answered (`final_url`, after redirects) is its current one. The content,
        versions and captures stay: a 304 has no body to store or re-extract, and the latest
        capture keeps the validators the next re-check sends."""
        params = {"url": nfc(url), "fetched_at": when, "final_url": nfc(final_url)}
        with self._transaction() as conn:
            found = conn.execute(_TOUCH_ARTICLE, params).rowcount > 0
            if found:
                record_current_address(conn, params["url"], params["final_url"], when)
        return found

    def mark_moved(self, url: str, final_url: str, when: str) -> None:
        """Record that the stored article `url` is at `final_url` now, though nothing of it
        was read there (archive.addresses)."""
        params = {"url": nfc(url), "final_url": nfc(final_url)}
        with self._transaction() as conn:
            if conn.execute(_MOVE_ARTICLE, params).rowcount > 0:
                record_current_address(conn, params["url"], params["final_url"], when)

    def captured_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of `urls` have been fetched before (hold a capture)."""
        return _captured_urls(self.conn, urls)

    def known_articles(self, urls: Iterable[str]) -> dict[str, KnownArticle]:
        """The stored articles among `urls`, with their dates and the latest validators; an
        article's other address (archive.addresses) is known as that article."""
        urls = list(urls)
        known = known_articles(self.conn, urls)
        others = articles_of_addresses(self.conn, [url for url in urls if url not in known])
        if others:
            stored = known_articles(self.conn, set(others.values()))
            for url in urls:
                article_url = others.get(nfc(url))
                if article_url in stored:
                    known[url] = stored[article_url]
        return known

    def urls_starting_with(self, prefix: str) -> list[str]:
        """Stored article URLs that start with `prefix` (at most 100)."""
        return urls_starting_with(self.conn, prefix)

    def store_capture(
        self,
        url: str,
        *,
        fetched_at: str,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        final_url: str | None = None,
        listed_date: str | None = None,
    ) -> str:
        """Keep a raw response; returns the SHA-256 hex of its body. `listed_date`: the date
        its listing showed beside the link."""
        return store_capture(
            self.conn,
            url,
            fetched_at=fetched_at,
            status=status,
            headers=headers,
            body=body,
            final_url=final_url,
            listed_date=listed_date,
        )

    def iter_captures(
        self,
        *,
        portal_id: str | None = None,
        url: str | None = None,
        latest_only: bool = False,
        status: int | None = None,
    ) -> Iterator[Capture]:
        """Stored responses, decompressed; latest_only keeps the newest per URL (of `status`
        when given)."""
        return iter_captures(
            self.conn, portal_id=portal_id, url=url, latest_only=latest_only, status=status
        )

    def get_section(self, section_url: str) -> SectionState | None:
        return get_section(self.conn, section_url)

    def start_section(self, section_url: str, portal_id: str, when: str) -> None:
        start_section(self.conn, section_url, portal_id, when)

    def complete_section(self, section_url: str, when: str) -> None:
        complete_section(self.conn, section_url, when)

    def record_failed_page(self, section_url: str, page_url: str | None) -> None:
        """Where the section's walk failed (None when it did not): see SectionState."""
        record_failed_page(self.conn, section_url, page_url)

    def record_check(self, url: str, when: str) -> None:
        """A re-check asked for the article, whatever it got (see KnownArticle.checked_at)."""
        record_check(self.conn, url, when)

    def record_failed_fetch(
        self,
        url: str,
        portal_id: str,
        section_url: str | None,
        listed_date: str | None,
        reason: str,
        when: str,
    ) -> None:
        """An article link that could not be fetched: a later crawl tries it again."""
        record_failed_fetch(self.conn, url, portal_id, section_url, listed_date, reason, when)

    def failed_fetches(self, portal_id: str) -> list[FailedFetch]:
        return failed_fetches(self.conn, portal_id)

    def forget_failed_fetches(self, urls: list[str]) -> None:
        forget_failed_fetches(self.conn, urls)

    def stats(self) -> dict[str, int]:
        """Row counts, for the CLI summary."""
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("portals", "articles")
        }
