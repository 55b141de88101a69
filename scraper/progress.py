"""A progress line on stderr while a crawl runs, and a summary when it ends."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from twisted.internet import task

from .run_counts import article_counts


def summarize(stats: dict[str, Any], elapsed: float) -> dict[str, Any]:
    """The figures a user wants from a finished (or running) crawl."""
    failed_http = sum(v for k, v in stats.items() if k.startswith("vnnews/articles_failed/http_"))
    return {
        "pages_fetched": stats.get("response_received_count", 0),
        "listing_pages": stats.get("vnnews/listing_pages", 0),
        **article_counts(stats),
        "articles_failed_http": failed_http,
        "articles_without_date": stats.get("vnnews/articles_without_date", 0),
        "listing_failed": stats.get("vnnews/listing_failed", 0),
        # Where a section's walk stopped because a listing page failed (scraper.spiders.portal).
        "listing_failed_pages": list(stats.get("vnnews/listing_failed_pages", [])),
        "elapsed_seconds": round(elapsed, 1),
    }


def format_summary(summary: dict[str, Any]) -> str:
    elapsed = summary["elapsed_seconds"]
    rate = summary["pages_fetched"] / elapsed if elapsed else 0.0
    line = (
        f"{summary['pages_fetched']} pages fetched ({summary['listing_pages']} listing) "
        f"in {elapsed:.1f}s ({rate:.1f}/s) | articles: {summary['articles_new']} new, "
        f"{summary['articles_updated']} updated, {summary['articles_unchanged']} unchanged, "
        f"{summary['articles_removed']} removed, {summary['articles_failed']} failed"
    )
    failed = summary.get("listing_failed_pages") or []
    if failed:
        # Else the line reads as a whole walk while the articles past that page were never
        # seen (they are fetched by the next run, which walks the section on).
        where = "; ".join(
            f"listing page {f['page']} failed ({f['reason']}): {f['url']}" for f in failed
        )
        line += f" | walk stopped early, the next run goes on: {where}"
    return line


class CrawlProgress:
    def __init__(self, crawler: Crawler, interval: float, out: TextIO = sys.stderr) -> None:
        self.crawler = crawler
        self.interval = interval
        self.out = out
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        ext = cls(crawler, crawler.settings.getfloat("VNNEWS_PROGRESS_INTERVAL"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _summary(self) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        return summarize(stats, time.monotonic() - self.started)

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self.loop = task.LoopingCall(self.report)
            self.loop.start(self.interval, now=False)

    def report(self) -> None:
        print(f"[vnnews] {format_summary(self._summary())}", file=self.out, flush=True)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        summary = self._summary()
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("vnnews/summary", summary)
        # (Several portals crawled at once each print such a line: it says whose it is.)
        portals = ", ".join(sorted(getattr(spider, "portals", None) or ())) or spider.name
        print(
            f"[vnnews] done ({reason}): {format_summary(summary)} | portal: {portals}",
            file=self.out,
            flush=True,
        )
