"""One spider for every portal: listing pages → article pages. It decides what to fetch next;
what a page says is the extractors' business (scraper.extraction)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ..extraction import NotAnArticle, extract_article, get_platform, load_document
from ..extraction.platforms import detect
from ..items import ArticleItem

logger = logging.getLogger(__name__)


def _split_urls(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [u.strip() for u in items if u and u.strip()]


class PortalSpider(scrapy.Spider):
    """Crawl news sections from their listing pages.

    Arguments (also as `scrapy crawl portal -a name=value`):
      start_urls  listing page URLs, comma-separated
      platform    force a platform adapter instead of detecting it from each page
      max_pages   stop after this many listing pages of each section
      portal      portal id to store articles under (default: the start URL's host name)
    """

    name = "portal"

    def __init__(
        self,
        start_urls: str | list[str] | None = None,
        platform: str | None = None,
        max_pages: int | str | None = None,
        portal: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_urls = _split_urls(start_urls)
        if not self.start_urls:
            raise ValueError("give at least one listing page URL: -a start_urls=URL[,URL...]")
        for url in self.start_urls:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                raise ValueError(f"not an http(s) URL: {url!r}")
        self.forced_platform = get_platform(platform).name if platform else None
        self.max_pages = int(max_pages) if max_pages not in (None, "", 0, "0") else None
        self.portal_override = portal
        # Stay on each portal's own host: no subdomains, no city-wide portal next door.
        self.allowed_domains = sorted({self._host(u) for u in self.start_urls})

    @staticmethod
    def _host(url: str) -> str:
        return (urlsplit(url).hostname or "").lower()

    def portal_id(self, section_url: str) -> str:
        return self.portal_override or self._host(section_url)

    @property
    def portals(self) -> dict[str, list[str]]:
        """Portal id → its start URLs, for the archive's portals table."""
        found: dict[str, list[str]] = {}
        for url in self.start_urls:
            found.setdefault(self.portal_id(url), []).append(url)
        return found

    def _count(self, key: str, n: int = 1) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"vnnews/{key}", n)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(
                url,
                callback=self.parse_listing,
                errback=self.listing_failed,
                cb_kwargs={"section": url, "page": 1},
            )

    def parse_listing(
        self, response: Response, section: str, page: int
    ) -> Iterator[scrapy.Request]:
        self._count("listing_pages")
        if not isinstance(response, TextResponse):
            self._count("listing_failed/not_html")
            logger.warning("listing page is not HTML: %s", response.url)
            return
        try:
            doc = load_document(response.body, response.url, _content_type(response))
        except NotAnArticle as exc:
            self._count(f"listing_failed/{exc.reason}")
            logger.warning("listing page unreadable (%s): %s", exc.reason, response.url)
            return
        adapter = (
            get_platform(self.forced_platform) if self.forced_platform else detect(doc).platform
        )
        listing = adapter.parse_listing(doc)
        host = self._host(section)
        links = [u for u in listing.article_urls if self._host(u) == host]
        if not links:
            self._count("listing_empty")
            logger.warning(
                "no article links on listing page %s (platform %s)", response.url, adapter.name
            )
        for url in links:
            yield scrapy.Request(
                url,
                callback=self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"section": section},
            )
        within_limit = self.max_pages is None or page < self.max_pages
        if listing.next_url and self._host(listing.next_url) == host and within_limit:
            yield scrapy.Request(
                listing.next_url,
                callback=self.parse_listing,
                errback=self.listing_failed,
                cb_kwargs={"section": section, "page": page + 1},
            )

    def parse_article(self, response: Response, section: str) -> Iterator[ArticleItem]:
        if not isinstance(response, TextResponse):
            self._fail("not_html", response.url)
            return
        try:
            article = extract_article(
                response.body,
                response.url,
                platform=self.forced_platform,
                content_type=_content_type(response),
            )
        except NotAnArticle as exc:
            self._fail(exc.reason, response.url, exc.detail)
            return
        except Exception:
            # An extractor bug on one odd page must not end the crawl; it is logged in full.
            logger.exception("extractor error on %s", response.url)
            self._fail("extractor_error", response.url)
            return
        if article.published_at is None:
            self._count("articles_without_date")
        fields = article.to_dict()
        yield ArticleItem(
            url=article.url,
            portal_id=self.portal_id(section),
            title=article.title,
            platform=article.platform,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            published_at=article.published_at,
            published_text=article.published_text,
            published_precision=article.published_precision,
            byline=article.byline,
            authors=article.authors,
            summary=article.summary,
            body=article.body,
            category=article.category,
            images=fields["images"],
            attachments=fields["attachments"],
            warnings=article.warnings,
            section_url=section,
        )

    def _fail(self, reason: str, url: str, detail: str = "") -> None:
        self._count("articles_failed")
        self._count(f"articles_failed/{reason}")
        logger.warning(
            "article not stored (%s%s): %s", reason, f": {detail}" if detail else "", url
        )

    def _http_reason(self, failure: Failure) -> str:
        if failure.check(HttpError):
            return f"http_{failure.value.response.status}"
        return failure.type.__name__ if failure.type else "error"

    def article_failed(self, failure: Failure) -> None:
        self._fail(self._http_reason(failure), failure.request.url)

    def listing_failed(self, failure: Failure) -> None:
        reason = self._http_reason(failure)
        self._count("listing_failed")
        self._count(f"listing_failed/{reason}")
        logger.warning("listing page failed (%s): %s", reason, failure.request.url)


def _content_type(response: Response) -> str | None:
    """The Content-Type header as text: the extractor decodes the bytes itself, checking the
    declared charset against them."""
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None
