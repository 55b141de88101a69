"""Item pipelines: thin clients of the archive layer (archive/ knows nothing of Scrapy)."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from archive import Archive
from archive.meetings import store_meetings

from .extraction.meetings import extract_meetings
from .items import AddressItem, CaptureItem, NotModifiedItem, RemovalItem

logger = logging.getLogger(__name__)

# What the archive refuses to store as an edit of an archived article: the failure reason the
# run counts, and why.
_REFUSED = {
    "shows_another": ("shows_another_article", "its address now serves another story"),
    "emptied": ("empty_body", "the page lost all the article's text"),
}


class ArchivePipeline:
    """Store each article in the SQLite archive, one transaction per article, so a crawl
    stopped at any moment leaves only complete rows."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None
        # Articles the archive refused to store: (url, portal, section, fetched_at).
        self._unstored: list[tuple[str, str, str | None, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler, crawler.settings.get("VNNEWS_DB"))

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)
        spider = self.crawler.spider
        portals: dict[str, list[str]] = getattr(spider, "portals", {})
        platform = getattr(spider, "forced_platform", None)
        for portal_id, start_urls in portals.items():
            self.archive.upsert_portal(
                portal_id=portal_id,
                name=portal_id,
                base_url=_base_url(start_urls[0]),
                platform=platform,
                start_urls=start_urls,
            )

    def close_spider(self) -> None:
        if self.archive is not None:
            self._record_unstored()
            self.archive.close()
            self.archive = None

    def _record_unstored(self) -> None:
        """Keep the articles the archive refused for the next runs to fetch again
        (failed_fetches), now that the run is over and its writer may be gone."""
        assert self.archive is not None
        for url, portal_id, section, when in self._unstored:
            try:
                self.archive.record_failed_fetch(url, portal_id, section, None, "storage", when)
            except sqlite3.OperationalError as exc:
                logger.error("article not kept for the next runs (%s): %s", exc, url)
        self._unstored.clear()

    def process_item(self, item: Any) -> Any:
        try:
            return self._store(item)
        except sqlite3.OperationalError as exc:
            # The archive stayed locked past its busy timeout (another program writing it
            # for long), or the disk is full: this item is not stored, and the run says so.
            # The transaction was rolled back: no half-written row.
            self._not_stored(item, exc)
            return item

    def _not_stored(self, item: Any, exc: sqlite3.OperationalError) -> None:
        stats = self.crawler.stats
        kind = "capture" if isinstance(item, CaptureItem) else "article"  # (or its removal)
        if stats is not None:
            stats.inc_value(f"vnnews/{kind}s_failed")
            stats.inc_value(f"vnnews/{kind}s_failed/storage")
        fields = ItemAdapter(item)
        url = fields.get("url")
        logger.error("%s not stored (the archive refused the write: %s): %s", kind, exc, url)
        if kind == "article" and fields.get("portal_id"):
            # Kept for the next runs to fetch again, once the archive takes writes again.
            self._unstored.append(
                (url, fields["portal_id"], fields.get("section_url"), fields.get("fetched_at"))
            )

    def _store(self, item: Any) -> Any:
        assert self.archive is not None, "pipeline used before open_spider"
        stats = self.crawler.stats
        if isinstance(item, CaptureItem):
            if self.crawler.settings.getbool("VNNEWS_CAPTURE", True):
                self.archive.store_capture(
                    item.url,
                    fetched_at=item.fetched_at,
                    status=item.status,
                    headers=item.headers,
                    body=item.body,
                    final_url=item.final_url,
                    listed_date=item.listed_date,
                )
            return item
        if isinstance(item, NotModifiedItem):
            # Counted where an unchanged page is counted: by what the archive recorded.
            if self.archive.mark_checked(item.url, item.when, item.final_url) and stats is not None:
                stats.inc_value("vnnews/articles_unchanged")
            return item
        if isinstance(item, AddressItem):
            self.archive.mark_moved(item.url, item.final_url, item.when)
            return item
        if isinstance(item, RemovalItem):
            if self.archive.mark_removed(item.url, item.when, item.reason) and stats is not None:
                stats.inc_value("vnnews/articles_removed")
            return item
        record = ItemAdapter(item).asdict()

        def store_its_meetings(conn: sqlite3.Connection, stored_as: str) -> None:
            # Meetings are read from the text as stored: only new or edited text changes
            # them, written in the article's own transaction (a kill between two would lose
            # them for good: later runs find the text unchanged).
            found = extract_meetings(
                record.get("title") or "", record.get("body") or "", record.get("published_at")
            )
            store_meetings(conn, stored_as, [asdict(m) for m in found])

        status = self.archive.upsert_article(record, on_stored=store_its_meetings)
        if status in _REFUSED:
            # Counted and logged as the spider counts an article it could not store.
            reason, why = _REFUSED[status]
            if stats is not None:
                stats.inc_value("vnnews/articles_failed")
                stats.inc_value(f"vnnews/articles_failed/{reason}")
            logger.warning(
                "article not stored (%s: %s, %r; the archived text is kept): %s",
                reason,
                why,
                record.get("title"),
                record["url"],
            )
            return item
        if stats is not None:
            stats.inc_value(f"vnnews/articles_{status}")
            stats.set_value(f"vnnews/platform/{record['portal_id']}", record.get("platform"))
        return item


def _base_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"
