"""One spider for every portal: listing pages → article pages. It decides what to fetch next;
what a page says is the extractors' business (scraper.extraction)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ..canonical import canonical_url
from ..extraction import (
    ListingPage,
    NotAnArticle,
    extract_article,
    get_platform,
    load_document,
)
from ..extraction.dates import parse_dateline
from ..extraction.platforms import detect, read_listing
from ..extraction.urls import site_of
from ..items import AddressItem, ArticleItem, CaptureItem, NotModifiedItem, RemovalItem
from ..memory import CrawlMemory
from ..policy import RecheckPolicy
from ..redirects import lands_away, lands_on_front_page

logger = logging.getLogger(__name__)
# Requests follow redirects to other sites too (Scrapy would drop them unseen), so that a
# section or an article moved to a new site is reported with its new address, not lost.
_SEE_REDIRECTS_ELSEWHERE = {"allow_offsite": True}
# The ASP.NET WebForms form: the one that carries the page's view state.
_WEBFORM = "//form[.//input[@name='__VIEWSTATE' or @name='__EVENTTARGET']]"
# The listing_stop of a walk cut short by a listing page that failed (HTTP error after the
# retries, a timeout, an unreadable page); archive.health flags the run.
LISTING_FAILED = "listing-failed"


def _split_urls(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [u.strip() for u in items if u and u.strip()]


class PortalSpider(scrapy.Spider):
    """Crawl news sections from their listing pages, incrementally.

    Arguments (also as `scrapy crawl portal -a name=value`):
      start_urls  listing page URLs, comma-separated
      platform    force a platform adapter instead of detecting it from each page
      max_pages   stop after this many listing pages of each section
      portal      portal id to store articles under (default: the start URL's host name)
      full        walk every listing page and fetch every article again
      recheck     "all" or N: re-check known articles younger than N days (default: policy)
      since/until only store articles published in this window (YYYY-MM-DD); articles the
                  listing dates outside it are not fetched, and paging stops once a page
                  lists only articles older than `since` (by the archive or the listing)

    Incremental by default: known articles are not fetched again unless due for a re-check,
    and paging stops after a listing page that holds only known articles — unless the
    section's last walk did not finish (a crash, a kill), in which case it walks on to the end.
    """

    name = "portal"

    def __init__(
        self,
        start_urls: str | list[str] | None = None,
        platform: str | None = None,
        max_pages: int | str | None = None,
        portal: str | None = None,
        full: bool | str = False,
        recheck: str | int | None = None,
        since: str | None = None,
        until: str | None = None,
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
        self.full = str(full).lower() in ("1", "true", "yes")
        self.recheck = RecheckPolicy.parse(None if recheck is None else str(recheck))
        if self.full:
            self.recheck = RecheckPolicy(override="all")
        self.since = _day(since, "since")
        self.until = _day(until, "until")
        # The days a listing may show for articles inside the window: one day's margin each
        # side, as the listing may round or shift the page's own date.
        self._listed_since = _shift(self.since, -1) if self.since else None
        self._listed_until = _shift(self.until, 1) if self.until else None
        # Stay on each portal's own site ("www." or not): no other subdomain, no city-wide
        # portal next door (the listing's links are held to the site below; Scrapy's offsite
        # filter lets a domain's subdomains through, "www." among them).
        self.allowed_domains = sorted({self._site(u) for u in self.start_urls})
        self.memory: CrawlMemory | None = None
        self._resuming: dict[str, bool] = {}
        self._seen_links: dict[str, set[str]] = {}
        # Portals whose listing was read in this run, and the removals found by re-checks of
        # the others, held until it is: a whole site answering 404 (a broken server, a
        # domain parked) says nothing of its articles.
        self._listing_read: set[str] = set()
        self._held_removals: dict[str, list[RemovalItem]] = {}
        # Re-checks that got no answer while no listing page of their portal was read: a
        # portal down for the night fails them all, and they stay due for the next one.
        self._held_checks: dict[str, list[str]] = {}
        # Sections whose walk reached its end in this run (complete once the run finishes).
        self._walked: set[str] = set()
        # The sections walked in this run (`_section_key`): the start URLs, and the
        # sub-sections landing pages led to, each walked once.
        self._sections_walked = {_section_key(url) for url in self.start_urls}

    @staticmethod
    def _host(url: str) -> str:
        return (urlsplit(url).hostname or "").lower()

    _site = staticmethod(site_of)  # a portal's site: its host, "www." or not

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
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(f"vnnews/{key}", n)

    def _stop(self, section: str, reason: str, complete: bool) -> None:
        """Paging of a section ends; a walk that reached its end makes the section complete."""
        self._count(f"listing_stop/{reason}")
        crawler = getattr(self, "crawler", None)
        stats = crawler.stats if crawler is not None else None
        # The run records one stop for all its sections: a walk cut short by a failed
        # listing page must stay visible there, whatever another section stopped on later.
        if stats is not None and stats.get_value("vnnews/listing_stop") != LISTING_FAILED:
            stats.set_value("vnnews/listing_stop", reason)
        if complete:
            # Recorded when the run ends well (`closed`): its articles are still downloading,
            # and a run killed or stopped before they are stored must walk the section again.
            self._walked.add(section)

    def _walk_failed(self, section: str, page: int, url: str, reason: str) -> None:
        """A listing page could not be read: the walk of its section ends there, unfinished,
        so the next run walks the section on to its end (see `start`). The run says where."""
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            failed = crawler.stats.get_value("vnnews/listing_failed_pages", [])
            crawler.stats.set_value(
                "vnnews/listing_failed_pages",
                [*failed, {"page": page, "url": url, "reason": reason}],
            )
        again = self.memory is not None and self.memory.walk_failed(section, url)
        if again and page > 1:
            # Broken for good, not a bad moment: the walk got as far as it can, and ending the
            # catch-up here spares every later night a walk of the whole section up to it.
            logger.warning(
                "listing page %d failed again (%s): %s; the section counts as walked up to it",
                page,
                reason,
                url,
            )
        self._stop(section, LISTING_FAILED, complete=again and page > 1)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        crawler = getattr(self, "crawler", None)  # absent when built without a crawler
        if crawler is not None:
            self.memory = CrawlMemory.open(crawler.settings.get("VNNEWS_DB"))
            crawler.signals.connect(self._request_dropped, signal=signals.request_dropped)
        for request in self._rechecks():
            yield request
        for request in self._retries():
            yield request
        for url in self.start_urls:
            yield self._section_request(url, self.portal_id(url))

    def _section_request(self, url: str, portal_id: str) -> scrapy.Request:
        """The first listing page of a section's walk, which begins (resuming one left
        unfinished)."""
        if self.memory is not None:
            self._resuming[url] = not self.memory.start_section(url, portal_id)
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={"section": url, "page": 1, "known_pages": 0},
            meta=_SEE_REDIRECTS_ELSEWHERE,
        )

    def _rechecks(self) -> Iterator[scrapy.Request]:
        """Known articles due for a re-check, straight from the archive: an article the portal
        deleted is no longer listed, so the listing alone would never notice it is gone."""
        if self.memory is None:
            return
        now = datetime.now(UTC)
        horizon = self.recheck.horizon(now)
        for portal_id, sections in self.portals.items():
            for url, known in self.memory.portal_articles(portal_id, horizon).items():
                if self.recheck.due(known, now):
                    yield self._recheck_request(url, known, sections[0])

    def _retries(self) -> Iterator[scrapy.Request]:
        """Article links that failed on earlier runs (a 500, a timeout): a nightly crawl
        stops paging before the old listing page that holds them."""
        if self.memory is None:
            return
        for portal_id, sections in self.portals.items():
            for failed in self.memory.failed_fetches(portal_id):
                self._count("articles_retried")
                section = failed.section_url or sections[0]
                request = self._article_request(failed.url, None, section, failed.listed_date)
                if request is not None:
                    yield request

    def closed(self, reason: str) -> None:
        if self.memory is not None and reason == "finished":
            for section in sorted(self._walked):
                self.memory.complete_section(section)
        held = sum(map(len, self._held_removals.values()))
        if held:
            # Not recorded: they are re-checked on the next run, as if never asked.
            self._count("removals_unconfirmed", held)
            logger.warning(
                "%d article(s) answered as removed were not marked so: no listing page of "
                "their portal could be read in this run (%s)",
                held,
                ", ".join(sorted(self._held_removals)),
            )
        if self.memory is not None:
            self.memory.close()

    def _removal(self, item: RemovalItem, section: str) -> Iterator[RemovalItem]:
        """The removal, now if the portal's listing was read in this run, else once it is."""
        portal = self.portal_id(section)
        if portal in self._listing_read:
            yield item
        else:
            self._held_removals.setdefault(portal, []).append(item)

    def _listing_answers(self, section: str) -> Iterator[RemovalItem]:
        """A listing page of the section's portal was read: the portal is there, and the
        removals held for it are true."""
        portal = self.portal_id(section)
        self._listing_read.add(portal)
        if self.memory is not None:
            for url in self._held_checks.pop(portal, []):
                self.memory.record_check(url)
        yield from self._held_removals.pop(portal, [])

    def parse_listing(
        self,
        response: Response,
        section: str,
        page: int,
        known_pages: int = 0,
        links_before: tuple[int, int] | None = None,
    ) -> Iterator[scrapy.Request | RemovalItem]:
        """`links_before`: how many links the section's first page and the page before this
        one listed."""
        if self._site(response.url) != self._site(section):
            self._moved(section, response.url)
            return
        self._count("listing_pages")
        redirected_from = response.meta.get("redirect_urls", [response.url])[0]
        if lands_on_front_page(redirected_from, response.url):
            # A section closed or renamed in a site's rework sends its address home: the
            # front page's "Tin mới" box is no listing of it, and read as one the night
            # would pass for a quiet one.
            detail = f"redirects to the front page {response.url}: section moved or closed?"
            self._listing_lost(section, page, redirected_from, "redirected_home", detail)
            return
        if _cut_short(response):
            # Cut before its end: its pager may be missing, and it is no last page.
            self._listing_lost(section, page, response.url, "partial", "cut short")
            return
        if links_before is not None and _blank(response.body):
            # Reached through the pager and answered with nothing at all: VCCorp Lotus's "load
            # more" timeline answers so past its end (its script then hides "Xem thêm"). A
            # page listing nothing, then, not an unreadable one, or the section would never
            # be finished and every night would walk all of it again.
            self._lists_nothing(section, response.url, links_before, "is empty")
            return
        if not isinstance(response, TextResponse):
            self._count("listing_failed/not_html")
            logger.warning("listing page is not HTML: %s", response.url)
            self._walk_failed(section, page, response.url, "not_html")
            return
        try:
            doc = load_document(response.body, response.url, _content_type(response))
        except NotAnArticle as exc:
            self._count(f"listing_failed/{exc.reason}")
            logger.warning("listing page unreadable (%s): %s", exc.reason, response.url)
            self._walk_failed(section, page, response.url, exc.reason)
            return
        adapter = (
            get_platform(self.forced_platform) if self.forced_platform else detect(doc).platform
        )
        try:
            listing = read_listing(adapter, doc)
        except Exception:  # an extractor bug: this section's walk fails, said and counted
            logger.exception("listing page could not be read (extractor error): %s", response.url)
            self._count("listing_failed/extractor_error")
            self._walk_failed(section, page, response.url, "extractor_error")
            return
        site = self._site(section)
        shown = [u for u in listing.article_urls if self._site(u) == site]
        if page == 1 and listing.sub_listings:
            # A landing page (a box per sub-section, no pager): each sub-section's list is
            # walked as a section of its own, whatever the landing's links (its newest few).
            yield from self._sub_section_walks(section, listing.sub_listings)
            if not shown:
                yield from self._listing_answers(section)
                self._stop(section, "landing", complete=True)
                return
        if not shown:
            self._lists_nothing(
                section,
                response.url,
                links_before,
                f"has no article links (platform {adapter.name})",
            )
            return
        yield from self._listing_answers(section)
        key_of, known = self._keys(shown)
        links = list(dict.fromkeys(key_of.values()))
        listed = {key_of[url]: text for url, text in listing.dates.items() if url in key_of}
        # The listing's days matter only to a backfill's window (parsed for it alone).
        windowed = self.since is not None or self.until is not None
        listed_days = {url: _day_of(text) for url, text in listed.items()} if windowed else {}
        seen = self._seen_links.setdefault(section, set())
        if set(links) <= seen:
            # The same articles again under another page URL: a pagination loop.
            self._stop(section, "loop", complete=True)
            return
        # Links an earlier page of this walk showed: asked for already (a box of the newest
        # stories repeated on every page shows tonight's new ones again on page 2).
        earlier = set(seen)
        seen.update(links)
        for url in links:
            if url not in known and self._outside_window(listed_days.get(url)):
                # A backfill's window (--since/--until): the listing dates it outside.
                self._count("articles_outside_window")
                continue
            request = self._article_request(url, known.get(url), section, listed.get(url))
            if request is not None:
                yield request
        # Links fetched on an earlier run that gave no article (a schedule pinned on every
        # page, a sub-section's page) are fetched again, but are nothing new: left to count,
        # they would make every night a walk of the whole section.
        unknown = [url for url in links if url not in known]
        tried = self.memory.fetched_unstored(unknown) if self.memory and unknown else set()
        all_known = all(
            (url in known and not known[url].removed_at) or url in tried or url in earlier
            for url in links
        )
        known_pages = known_pages + 1 if all_known else 0
        if self.since is not None and all(
            self._before_since(known.get(url), listed_days.get(url)) for url in links
        ):
            # Newest first: the pages after this one are older still.
            self._stop(section, "since", complete=not self._resuming.get(section))
            return
        incremental = not self.full and not self._resuming.get(section)
        if incremental and known_pages >= self.known_pages_to_stop:
            self._stop(section, "known-page", complete=True)
            return
        if self.max_pages is not None and page >= self.max_pages:
            self._stop(section, "max-pages", complete=False)
            return
        next_page = self._next_listing_request(
            response,
            listing,
            {
                "section": section,
                "page": page + 1,
                "known_pages": known_pages,
                "links_before": (links_before[0] if links_before else len(links), len(links)),
            },
        )
        if next_page is None or self._site(next_page.url) != site:
            self._stop(section, "last-page", complete=True)
            return
        yield next_page

    def _sub_section_walks(self, section: str, urls: list[str]) -> Iterator[scrapy.Request]:
        """A landing page's sub-sections, each walked once a run as a section of its own (not
        one the run walks anyway: a start URL written with or without its closing "/")."""
        site = self._site(section)
        for url in urls:
            if _section_key(url) in self._sections_walked or self._site(url) != site:
                continue
            self._sections_walked.add(_section_key(url))
            self._count("sub_sections")
            logger.info("landing page %s: walking its sub-section %s", section, url)
            yield self._section_request(url, self.portal_id(section))

    def _lists_nothing(
        self, section: str, url: str, links_before: tuple[int, int] | None, what: str
    ) -> None:
        """A listing page with no article link of the section: its end, or an outage."""
        if links_before is not None and links_before[1] < links_before[0]:
            # A page past the last one that still answers ("Không có dữ liệu", an empty
            # body), after a page shorter than the first: the section's end, reached. (Left
            # unfinished, every night would walk the whole section again to find its end.
            # After a full page it may be an outage: the section stays unfinished, and is
            # walked again.)
            logger.info("listing page %s %s: the section ends before it", url, what)
            self._stop(section, "empty-last-page", complete=True)
            return
        # A sudden empty listing (outage, template change) says nothing about the articles:
        # nothing is marked removed, the section stays as it was.
        self._count("listing_empty")
        logger.warning("listing page %s %s", url, what)
        self._stop(section, "empty", complete=False)

    def _outside_window(self, listed_day: str | None) -> bool:
        """Whether the day a listing shows puts an article outside --since/--until."""
        if listed_day is None:
            return False
        return bool(
            (self._listed_since and listed_day < self._listed_since)
            or (self._listed_until and listed_day > self._listed_until)
        )

    def _before_since(self, known: Any, listed_day: str | None) -> bool:
        """Whether a listed article is older than --since: by its archived date, else by the
        day its listing shows."""
        assert self.since is not None and self._listed_since is not None
        if known is not None and not known.removed_at:
            return (known.published_at or "9999") < self.since
        return listed_day is not None and listed_day < self._listed_since

    def _moved(self, section: str, where: str) -> None:
        """A portal moved by the 2025 reform answers its old section with a redirect to a new
        site. The crawl stays on the portal it was given (nothing of the new site is read or
        stored), and says where the section went."""
        self._count("listing_failed")
        self._count("listing_failed/moved")
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.set_value("vnnews/moved_to", where)
        logger.warning(
            "listing page moved to another site: %s -> %s (update the portal's address)",
            section,
            where,
        )
        self._stop(section, "moved", complete=False)

    def _next_listing_request(
        self, response: TextResponse, listing: ListingPage, cb_kwargs: dict[str, Any]
    ) -> scrapy.Request | None:
        """The next listing page: a link, or the post of the page's form that an ASP.NET
        pager makes (`__doPostBack`), with the form's hidden state (__VIEWSTATE…)."""
        if listing.next_url:
            return scrapy.Request(
                listing.next_url,
                callback=self.parse_listing,
                errback=self.listing_failed,
                cb_kwargs=cb_kwargs,
                meta=_SEE_REDIRECTS_ELSEWHERE,
            )
        if listing.next_postback is None:
            return None
        event = {
            "__EVENTTARGET": listing.next_postback.target,
            "__EVENTARGUMENT": listing.next_postback.argument,
        }
        # The WebForms form carries the view state; a page may hold other forms (search).
        for where in ({"formxpath": _WEBFORM}, {}):
            try:
                return scrapy.FormRequest.from_response(
                    response,
                    formdata=event,
                    dont_click=True,
                    callback=self.parse_listing,
                    errback=self.listing_failed,
                    cb_kwargs=cb_kwargs,
                    meta=_SEE_REDIRECTS_ELSEWHERE,
                    **where,
                )
            except ValueError:
                continue
        self._count("listing_failed/postback_without_form")
        logger.warning("pager posts a form the page does not have: %s", response.url)
        return None

    def _keys(self, shown: list[str]) -> tuple[dict[str, str], dict[str, Any]]:
        """The archive key of each article link a listing shows, and the archived articles.

        A link is keyed without the parameters that only say where it was shown
        (`canonical_url`), unless the archive already holds it with them, as shown that day
        or another: archives made before that rule keep their keys, and nothing is fetched
        twice."""
        canonical = {url: canonical_url(url) for url in shown}
        if self.memory is None:
            return canonical, {}
        # A portal moved to https (or back), or now writing its host with "www." (or
        # without), links to its archived articles under the other form: they are the same
        # articles, archived under their first address.
        other = {key: _other_forms(key) for key in canonical.values()}
        known = self.memory.known(
            set(shown) | set(canonical.values()) | {alt for alts in other.values() for alt in alts}
        )
        keys = {url: url if url in known and canonical[url] not in known else canonical[url]
                for url in shown}  # fmt: skip
        for url, key in keys.items():
            if key in known:
                continue
            if (alt := next((a for a in other.get(key, ()) if a in known), None)) is not None:
                keys[url] = alt
            elif key != url:
                # Stored as shown on another day ("redirect=<page 1>", now "<page 2>").
                found = self.memory.known_as(url)
                if found is not None:
                    keys[url], known[found[0]] = found
        return keys, known

    @property
    def known_pages_to_stop(self) -> int:
        crawler = getattr(self, "crawler", None)
        settings = crawler.settings if crawler is not None else None
        return settings.getint("VNNEWS_KNOWN_PAGES_TO_STOP", 2) if settings else 2

    def _article_request(
        self, url: str, known: Any, section: str, listed_date: str | None
    ) -> scrapy.Request | None:
        """A request for a new article (or one listed again after its removal), else None:
        known articles are re-checked on the archive's schedule (see `_rechecks`).
        `listed_date`: the date the listing shows beside the link."""
        if known is not None and not known.removed_at:
            self._count("articles_known_skipped")
            return None
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={
                "section": section,
                "recheck": known is not None,
                "listed_date": listed_date or (known.listed_date if known else None),
            },
            meta=_SEE_REDIRECTS_ELSEWHERE,
        )

    def _recheck_request(self, url: str, known: Any, section: str) -> scrapy.Request:
        """A conditional re-fetch of a known article (ETag / Last-Modified when we have them)."""
        headers = {}
        if known.etag and not self.full:
            headers["If-None-Match"] = known.etag
        if known.last_modified and not self.full:
            headers["If-Modified-Since"] = known.last_modified
        # Asked where the portal serves it now (its pages moved): not through a redirect
        # of its old address every week. Stored under its own address all the same.
        return self._recheck_at(known.current_url or url, url, section, known.listed_date, headers)

    def _recheck_at(
        self,
        asked: str,
        url: str,
        section: str,
        listed_date: str | None,
        headers: dict[str, str] | None = None,
    ) -> scrapy.Request:
        """A re-check of the article archived under `url`, asked at `asked`."""
        return scrapy.Request(
            asked,
            headers=headers,
            callback=self.parse_article,
            errback=self.article_failed,
            # The date its listing showed, kept with its captures: the page may show none.
            cb_kwargs={
                "section": section,
                "recheck": True,
                "listed_date": listed_date,
                "stored_as": url,
            },
            # A re-check must see "not modified" and "gone" answers, not have them filtered out.
            meta={"handle_httpstatus_list": [304, 404, 410]},
            # Scrapy's duplicate filter would drop it if the listing links to it too.
            dont_filter=True,
        )

    def parse_article(
        self,
        response: Response,
        section: str,
        recheck: bool = False,
        listed_date: str | None = None,
        stored_as: str | None = None,
    ) -> Iterator[
        ArticleItem | CaptureItem | NotModifiedItem | RemovalItem | AddressItem | scrapy.Request
    ]:
        """`stored_as`: the address a re-checked article is archived under, when it was asked
        at another (where the portal serves it now)."""
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        # The archive's key is the URL the listing links to, whatever redirects follow.
        asked = response.meta.get("redirect_urls", [response.request.url])[0]
        url = stored_as or asked
        if recheck and self.memory is not None:
            self.memory.record_check(url)
        if self._site(response.url) != self._site(url):
            # Moved to another site (the 2025 reform): what is there is not this portal's
            # article; the archived one, if any, stays as it was (not marked removed).
            if recheck:
                # (Archived, and kept: no failure of this run, which would tell of a template
                # change every week once the portal's new address is registered.)
                self._count("articles_failed/moved")
                logger.info("archived article now redirects to %s: %s", response.url, url)
            else:
                self._fail("moved", url, f"redirects to {response.url}")
            return
        if response.url != asked and lands_away(asked, response.url, section):
            # Sent to the home page or a listing (a removed article, most often): nothing of
            # it is stored, and the archived article stays as it was (not marked removed).
            self._fail("redirected_away", url, f"redirects to {response.url}")
            hops = response.meta.get("redirect_urls", [])
            if recheck and len(hops) > 1:
                # Through its new address (its section moved, then it was taken down):
                # asked there from now on, a hop fewer every week.
                yield AddressItem(url=url, when=fetched_at, final_url=hops[-1])
            return
        broken = _broken_answer(response)
        if broken is not None:
            # Cut mid-body with no length to tell (Scrapy's "partial"), or nothing at all: the
            # server's trouble tonight, not the article. Nothing of it is stored (its capture
            # would make later runs take the link as tried), and it is asked for again.
            self._fail(broken, url)
            self._keep_for_retry(url, section, listed_date, broken, recheck)
            return
        if recheck and response.status in (404, 410) and asked != url:
            # Gone from where it was served lately (one of two sections that showed it?):
            # its own address tells whether the article is gone.
            yield self._recheck_at(url, url, section, listed_date)
            return
        if response.status != 304:
            yield _capture(response, url, fetched_at, listed_date)
        if recheck:
            self._count("articles_rechecked")
            if response.status == 304:
                # Found again, unchanged: the archive records it as it does a page that came
                # back the same (and the pipeline counts it so), else the re-check schedule
                # never learns of it and asks again on every run.
                self._count("articles_not_modified")
                yield NotModifiedItem(url=url, when=fetched_at, final_url=response.url)
                return
            if response.status in (404, 410):
                removal = RemovalItem(url=url, when=fetched_at, reason=f"http_{response.status}")
                yield from self._removal(removal, section)
                return
        if not isinstance(response, TextResponse):
            self._fail("not_html", url)
            return
        try:
            article = extract_article(
                response.body,
                response.url,
                platform=self.forced_platform,
                content_type=_content_type(response),
                listed_date=listed_date,
            )
        except NotAnArticle as exc:
            if recheck and exc.reason == "error_page":
                # The portal now says "không tìm thấy": the article is gone, its content kept.
                removal = RemovalItem(url=url, when=fetched_at, reason=f"error_page: {exc.detail}")
                yield from self._removal(removal, section)
                return
            self._fail(exc.reason, url, exc.detail)
            return
        except Exception:
            # An extractor bug on one odd page must not end the crawl; it is logged in full.
            logger.exception("extractor error on %s", url)
            self._fail("extractor_error", url)
            return
        if article.published_at is None:
            self._count("articles_without_date")
        if article.warnings:
            self._count("extraction_warnings", len(article.warnings))
        if not _within(article.published_at, self.since, self.until):
            self._count("articles_outside_window")
            return
        fields = article.to_dict()
        yield ArticleItem(
            url=url,
            portal_id=self.portal_id(section),
            title=article.title,
            platform=article.platform,
            fetched_at=fetched_at,
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
            final_url=response.url,
        )

    def _fail(self, reason: str, url: str, detail: str = "", *, archived: bool = False) -> None:
        self._count("articles_failed")
        self._count(f"articles_failed/{reason}")
        logger.warning(
            "%s (%s%s): %s",
            # (A re-check's failure loses nothing: said so, or a portal down reads as data lost.)
            "re-check failed, the archived copy is kept" if archived else "article not stored",
            reason,
            f": {detail}" if detail else "",
            url,
        )

    def _http_reason(self, failure: Failure) -> str:
        if failure.check(HttpError):
            return f"http_{failure.value.response.status}"
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            return "robots_txt"  # the portal asks crawlers to keep out: obeyed, and said
        return failure.type.__name__ if failure.type else "error"

    def article_failed(self, failure: Failure) -> None:
        reason = self._http_reason(failure)
        request = failure.request
        # Under the address the listing gave, as parse_article stores it, not the last one a
        # redirect led to (or the next run would store it under that one, a second row).
        url = _archived_as(request)
        self._fail(reason, url, archived=bool(request.cb_kwargs.get("recheck")))
        self._not_fetched(url, request.cb_kwargs, reason)

    def _not_fetched(self, url: str, kwargs: dict[str, Any], reason: str) -> None:
        """A re-check that got nothing is recorded as asked (asked again in a week, not every
        night), once a listing page shows the portal is there; a new article is kept for the
        next runs to try again."""
        if self.memory is not None and kwargs.get("recheck"):
            portal = self.portal_id(kwargs.get("section") or url)
            if portal in self._listing_read:
                self.memory.record_check(url)
            else:
                self._held_checks.setdefault(portal, []).append(url)
        if reason != "robots_txt":
            self._keep_for_retry(
                url, kwargs.get("section"), kwargs.get("listed_date"), reason, kwargs.get("recheck")
            )

    def _keep_for_retry(
        self, url: str, section: str | None, listed_date: str | None, reason: str, recheck: bool
    ) -> None:
        """Kept for the next runs to try again (a known article has its re-checks)."""
        if self.memory is not None and not recheck:
            portal_id = self.portal_id(section or url)
            self.memory.record_failed_fetch(url, portal_id, section, listed_date, reason)

    def _request_dropped(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        """A redirect back to an address this run already asked for (a loop: "a" to
        "a?lang=vi" to "a", a cookie check answering with its own address) is dropped by the
        scheduler's duplicate filter, silently: counted and kept as a failure instead."""
        if "redirect_urls" not in request.meta:
            return  # (a link listed twice: the first one is fetched)
        kwargs = request.cb_kwargs
        url = _archived_as(request)
        detail = f"redirects back to {request.url}"
        if request.callback == self.parse_listing:
            section, page = kwargs.get("section", url), kwargs.get("page", 1)
            self._listing_lost(section, page, url, "redirect_loop", detail)
        elif request.callback == self.parse_article:
            self._fail("redirect_loop", url, detail)
            self._not_fetched(url, kwargs, "redirect_loop")

    def listing_failed(self, failure: Failure) -> None:
        kwargs = failure.request.cb_kwargs
        self._listing_lost(
            kwargs.get("section", failure.request.url),
            kwargs.get("page", 1),
            failure.request.url,
            self._http_reason(failure),
        )

    def _listing_lost(
        self, section: str, page: int, url: str, reason: str, detail: str = ""
    ) -> None:
        """A listing page that could not be read: counted, said, and its walk ended there."""
        self._count("listing_failed")
        self._count(f"listing_failed/{reason}")
        logger.warning(
            "listing page failed (%s%s): %s", reason, f": {detail}" if detail else "", url
        )
        self._walk_failed(section, page, url, reason)


def _archived_as(request: scrapy.Request) -> str:
    """The address the article a request asks for is archived under: a re-check's own, or the
    one the listing gave, not the last one a redirect led to."""
    return request.cb_kwargs.get("stored_as") or request.meta.get("redirect_urls", [request.url])[0]


def _section_key(url: str) -> str:
    """A section's address as compared with another's: its canonical form, no closing "/"."""
    parts = urlsplit(canonical_url(url))
    return parts._replace(path=parts.path.rstrip("/")).geturl()


def _other_forms(url: str) -> tuple[str, ...]:
    """`url` under the other of http and https, and with "www." added or dropped (default
    ports only: a portal moving to https or to its www. name keeps its paths); none for any
    other URL."""
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    if not sep or ":" in host or scheme not in ("http", "https"):
        return ()
    other_scheme = "https" if scheme == "http" else "http"
    other_host = host[4:] if host[:4].lower() == "www." else f"www.{host}"
    return (
        f"{other_scheme}://{rest}",
        f"{scheme}://{other_host}{slash}{path}",
        f"{other_scheme}://{other_host}{slash}{path}",
    )


def _broken_answer(response: Response) -> str | None:
    """Why an answer is no page at all: cut short, or empty."""
    if response.status == 200 and _blank(response.body):
        return "empty_page"
    return "partial" if _cut_short(response) else None


def _cut_short(response: Response) -> bool:
    """Whether the connection closed before the page's end. Scrapy flags every answer that
    had no length to check ("partial": an HTTP/1.0 server's way, complete most often), so
    the page's own end decides: an HTML page that stops before its </body> or </html>."""
    if "partial" not in response.flags:
        return False
    tail = response.body[-4096:].lower()
    return b"</html" not in tail and b"</body" not in tail


def _blank(body: bytes) -> bool:
    """Whether a response body is empty or white space only (without copying a long one)."""
    return not body or body.isspace()


def _day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _day_of(listed: str) -> str | None:
    """The day (YYYY-MM-DD) of a date a listing shows, if it reads as one."""
    dateline = parse_dateline(listed)
    return dateline.value.date().isoformat() if dateline else None


def _within(published_at: str | None, since: str | None, until: str | None) -> bool:
    """Whether an article falls in the --since/--until window (undated ones always do)."""
    if published_at is None:
        return True
    day = published_at[:10]
    return (since is None or day >= since) and (until is None or day <= until)


def _capture(response: Response, url: str, fetched_at: str, listed_date: str | None) -> CaptureItem:
    headers = {
        key.decode("latin-1"): b", ".join(values).decode("latin-1")
        for key, values in response.headers.items()
    }
    return CaptureItem(
        url=url,
        fetched_at=fetched_at,
        status=response.status,
        headers=headers,
        body=response.body,
        final_url=response.url if response.url != url else None,
        listed_date=listed_date,
    )


def _content_type(response: Response) -> str | None:
    """The Content-Type header as text: the extractor decodes the bytes itself, checking the
    declared charset against them."""
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None
