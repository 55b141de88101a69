"""What the spider needs to know of the archive to crawl incrementally: which articles it
already has (and when it last fetched them), and whether each section's last walk finished.

The spider decides what to fetch; this is its read-mostly window on the archive, kept apart
from the pipeline that stores items."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from archive import Archive

from .canonical import canonical_url, stable_prefix


class CrawlMemory:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        # Where each section's previous walk failed (read when its walk starts).
        self.failed_before: dict[str, str | None] = {}

    @classmethod
    def open(cls, db_path: str | None) -> CrawlMemory | None:
        return cls(Archive(db_path)) if db_path else None

    def known(self, urls: Iterable[str]) -> dict[str, Any]:
        """The archived articles among `urls` (KnownArticle records by URL)."""
        return self.archive.known_articles(list(urls))

    def fetched_unstored(self, urls: Iterable[str]) -> set[str]:
        """Which of `urls` (not archived articles) were fetched before and could not be
        stored: a pinned schedule, a sub-section's page, a link to a file."""
        return self.archive.captured_urls(urls)

    def known_as(self, url: str) -> tuple[str, Any] | None:
        """The archived article that `url` names under a key written with other volatile
        parameters (`canonical_url`): archives made before keys dropped them hold some so."""
        prefix = stable_prefix(url)
        if prefix is None:
            return None
        key = canonical_url(url)
        for stored in self.archive.urls_starting_with(prefix):
            if canonical_url(stored) == key:
                found = self.known([stored])
                return (stored, found[stored]) if stored in found else None
        return None

    def portal_articles(
        self, portal_id: str, younger_than: datetime | None = None
    ) -> dict[str, Any]:
        """The portal's archived articles (for the re-check schedule), those published (or
        first seen) after `younger_than` only when it is given."""
        # (Offsets differ between stored times: compared as instants by julianday.)
        rows = self.archive.conn.execute(
            "SELECT url FROM articles WHERE portal_id = ?1 AND (?2 IS NULL OR "
            "julianday(coalesce(published_at, first_seen_at)) >= julianday(?2))",
            (portal_id, younger_than.isoformat() if younger_than else None),
        ).fetchall()
        return self.known(row[0] for row in rows)

    def start_section(self, section_url: str, portal_id: str) -> bool:
        """Mark a section's walk as started; returns whether its previous walk finished."""
        previous = self.archive.get_section(section_url)
        self.failed_before[section_url] = previous.failed_page if previous else None
        self.archive.start_section(section_url, portal_id, _now())
        return bool(previous and previous.complete)

    def complete_section(self, section_url: str) -> None:
        self.archive.complete_section(section_url, _now())
        if self.failed_before.get(section_url):
            self.archive.record_failed_page(section_url, None)

    def walk_failed(self, section_url: str, page_url: str) -> bool:
        """The section's walk failed at `page_url`; returns whether it failed there on the
        previous walk too (a page broken for good, not a bad moment)."""
        again = self.failed_before.get(section_url) == page_url
        self.archive.record_failed_page(section_url, page_url)
        return again

    def record_check(self, url: str) -> None:
        """A re-check asked for the article now (the schedule counts it, read or not)."""
        self.archive.record_check(url, _now())

    def record_failed_fetch(
        self, url: str, portal_id: str, section: str | None, listed_date: str | None, reason: str
    ) -> None:
        self.archive.record_failed_fetch(url, portal_id, section, listed_date, reason, _now())

    def failed_fetches(self, portal_id: str) -> list[Any]:
        """The portal's article links that failed on earlier runs and are still missing:
        those stored or fetched since are forgotten here."""
        failed = self.archive.failed_fetches(portal_id)
        urls = [f.url for f in failed]
        done = set(self.known(urls)) | self.fetched_unstored(urls)
        self.archive.forget_failed_fetches(sorted(done))
        return [f for f in failed if f.url not in done]

    def close(self) -> None:
        self.archive.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
