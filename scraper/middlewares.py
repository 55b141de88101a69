"""Downloader middlewares that keep the crawl to what a portal asks of it: the Crawl-delay of
its robots.txt, and the wait of a Retry-After on a 429 or 503. Scrapy reads both and applies
neither; AutoThrottle only ever slows down for latency."""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

# Waits a portal may ask for, at most: a longer one would hold the host's whole walk (the
# request is retried after this, and if it fails, kept for the next run).
MAX_WAIT = 120.0
# A 429 that says no wait: this one.
WAIT_WITHOUT_RETRY_AFTER = 10.0


def _slot(crawler: Crawler, request: Request) -> Slot | None:
    engine = crawler.engine
    if engine is None:
        return None
    return engine.downloader.slots.get(engine.downloader.get_slot_key(request))


def _keep_delay(crawler: Crawler, request: Request, delay: float) -> bool:
    """Give the request's download slot (the host's) at least `delay` between requests, with
    no jitter; also to the slot made for it later (before its first request, or after an
    idle one is dropped), through the downloader's per-slot settings. Whether it changed."""
    engine = crawler.engine
    if engine is None:
        return False
    downloader = engine.downloader
    key = downloader.get_slot_key(request)
    wanted = downloader.per_slot_settings.setdefault(key, {})
    changed = wanted.get("delay", 0) < delay or wanted.get("jitter") != 0
    wanted.update(delay=max(wanted.get("delay", 0), delay), jitter=0)
    slot = downloader.slots.get(key)
    if slot is not None:
        changed = changed or slot.delay < delay or bool(getattr(slot, "jitter", 0))
        slot.delay = max(slot.delay, delay)
        if hasattr(slot, "jitter"):  # (Scrapy ≥ 2.19; before, randomize_delay)
            slot.jitter = 0.0
    return changed


class CrawlDelayRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, which also keeps the host's Crawl-delay between
    requests, exactly (no jitter) and whatever AutoThrottle would make of it."""

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        super().process_request_2(rp, request)
        crawl_delay = getattr(rp, "crawl_delay", None)  # (a parser without it: none kept)
        if crawl_delay is None:
            return
        settings = self.crawler.settings
        agent = settings.get("ROBOTSTXT_USER_AGENT") or request.headers.get(
            b"User-Agent", settings.get("USER_AGENT")
        )
        delay = crawl_delay(agent) if agent else None
        if not delay or delay <= 0:
            return
        request.meta["autothrottle_dont_adjust_delay"] = True
        if _keep_delay(self.crawler, request, min(float(delay), MAX_WAIT)):
            logger.info("robots.txt asks for %.1f s between requests: %s", delay, request.url)


class RetryAfterMiddleware:
    """On a 429 or a 503 with Retry-After, nothing more is sent to the host before the wait
    it asks for has passed (the retry included). Placed before RetryMiddleware (its
    process_response runs first), which then retries as usual."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status not in (429, 503):
            return response
        wait = retry_after(response.headers.get(b"Retry-After"))
        if wait is None and response.status == 429:
            wait = WAIT_WITHOUT_RETRY_AFTER
        slot = _slot(self.crawler, request)
        if wait and slot is not None:
            wait = min(wait, MAX_WAIT)
            # The slot sends its next request `delay` after `lastseen` (monotonic time, as
            # the downloader's): moved ahead by the wait (a delay of 0 would skip the check).
            slot.lastseen = max(slot.lastseen, time.monotonic() + wait)
            slot.delay = max(slot.delay, 0.001)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("vnnews/retry_after_waits")
            logger.info(
                "%d with Retry-After: waiting %.0f s before asking %s again",
                response.status,
                wait,
                request.url,
            )
        return response


def retry_after(value: bytes | None) -> float | None:
    """Seconds a Retry-After header asks to wait: "120", or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdecimal():  # (not "²": a digit to str.isdigit, no number to float)
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())
