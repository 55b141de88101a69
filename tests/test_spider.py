"""The spider decides what to fetch: checked on saved listing pages, no network."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.test import get_crawler

from scraper.spiders.portal import PortalSpider

from .real_fixtures import real_page, requires_real_fixtures

SECTION = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"


def test_no_spider_defines_legacy_start_requests():
    """Scrapy >= 2.16 never calls start_requests(): a spider relying on it crawls nothing."""
    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": ["scraper.spiders"]}))
    assert loader.list() == ["portal"]
    for name in loader.list():
        spider_class = loader.load(name)
        for cls in spider_class.__mro__:
            if cls.__module__.startswith("scraper."):
                assert "start_requests" not in cls.__dict__, cls


@pytest.mark.parametrize("bad", [None, "", "ftp://x.gov.vn/a", "not a url"])
def test_spider_refuses_missing_or_bad_start_urls(bad):
    with pytest.raises(ValueError):
        PortalSpider(start_urls=bad)


def test_spider_refuses_unknown_platform():
    with pytest.raises(ValueError, match="unknown platform"):
        PortalSpider(start_urls=SECTION, platform="drupal99")


def test_spider_stays_on_its_hosts():
    spider = PortalSpider(start_urls=f"{SECTION},https://caugiay.hanoi.gov.vn/tin-tuc")
    assert spider.allowed_domains == ["caugiay.hanoi.gov.vn", "sotttt.hanoi.gov.vn"]
    assert spider.portals == {
        "sotttt.hanoi.gov.vn": [SECTION],
        "caugiay.hanoi.gov.vn": ["https://caugiay.hanoi.gov.vn/tin-tuc"],
    }


async def _start_requests(spider: PortalSpider) -> list[Request]:
    return [request async for request in spider.start()]


def test_start_yields_one_listing_request_per_url():
    import asyncio

    spider = PortalSpider(start_urls=SECTION)
    requests = asyncio.run(_start_requests(spider))
    assert [r.url for r in requests] == [SECTION]
    assert requests[0].cb_kwargs == {"section": SECTION, "page": 1, "known_pages": 0}


def _listing_response() -> HtmlResponse:
    return HtmlResponse(
        url=SECTION,
        body=real_page("liferay62_sotttt-hanoi_listing_tin-tuc-su-kien_p1.html"),
        encoding="utf-8",
        request=Request(SECTION),
    )


@requires_real_fixtures
def test_listing_page_yields_articles_then_next_page():
    crawler = get_crawler(PortalSpider)
    spider = PortalSpider.from_crawler(crawler, start_urls=SECTION)
    requests = list(spider.parse_listing(_listing_response(), section=SECTION, page=1))
    articles = [r for r in requests if r.callback == spider.parse_article]
    listings = [r for r in requests if r.callback == spider.parse_listing]
    assert len(articles) == 20
    assert len(listings) == 1
    assert listings[0].url.endswith("_101_cur=2")
    assert listings[0].cb_kwargs == {
        "section": SECTION,
        "page": 2,
        "known_pages": 0,
        # How many links the first page and this one listed (an empty page after a short
        # one is the section's end).
        "links_before": (20, 20),
    }


@requires_real_fixtures
def test_max_pages_stops_paging():
    crawler = get_crawler(PortalSpider)
    spider = PortalSpider.from_crawler(crawler, start_urls=SECTION, max_pages="1")
    requests = list(spider.parse_listing(_listing_response(), section=SECTION, page=1))
    assert all(r.callback == spider.parse_article for r in requests)
    assert len(requests) == 20


def test_an_extractor_error_on_a_listing_page_fails_its_walk_counted_not_silently(
    monkeypatch: pytest.MonkeyPatch,
):
    """An exception out of the listing reader (a bug met on one odd page) ends that section's
    walk as a failed listing page, counted and logged, as an article's does: it escaped as a
    Scrapy spider error, and nothing recorded that the section was never read."""
    import scraper.spiders.portal as portal_module

    def broken(adapter: object, doc: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(portal_module, "read_listing", broken)
    crawler = get_crawler(PortalSpider)
    spider = PortalSpider.from_crawler(crawler, start_urls=SECTION)
    response = HtmlResponse(
        url=SECTION,
        body=b"<html><body><ul><li><a href='/tin/1'>Tin</a></li></ul></body></html>",
        encoding="utf-8",
        request=Request(SECTION),
    )
    assert list(spider.parse_listing(response, section=SECTION, page=1)) == []
    stats = crawler.stats.get_stats()
    assert stats["vnnews/listing_failed/extractor_error"] == 1
    assert stats["vnnews/listing_failed_pages"][0]["reason"] == "extractor_error"
    assert stats["vnnews/listing_stop"] == "listing-failed"
