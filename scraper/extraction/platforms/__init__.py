"""The platform adapters, most specific first; `generic` is the fallback for everything else."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..model import ListingPage
from . import generic, haiphong2025, liferay6, liferay7, nukeviet, sharepoint, vccorp, wordpress
from .base import Platform
from .generic_listing import next_page, says_nothing_listed, titled_list
from .listing_dates import listed_dates
from .sub_listings import sub_listings


def read_listing(platform: Platform, doc: Document) -> ListingPage:
    """The platform's reading of a listing page; its articles and its next page found the
    generic way (generic_listing.py, pager.py) when the adapter's own rules find none: a
    theme's list or pager it was not written for; and the date shown beside each link
    (listing_dates.py), the same way on every platform.
    """
    listing = platform.parse_listing(doc)
    if (
        not listing.article_urls
        and platform is not generic.PLATFORM
        and not says_nothing_listed(doc)
    ):
        # A theme or a plugin the adapter was not written for ("/Pages/<slug>.aspx" items on
        # SharePoint, a vendor's news portlet on Liferay): the generic reader's list. (Not
        # when the page says its list is empty, as a page past the end does: the longest
        # list left is a side box's.)
        listing.article_urls = titled_list(doc)
    listing.dates = listed_dates(doc, listing.article_urls)
    last = listing.next_url is None and listing.next_postback is None
    if last and platform is not generic.PLATFORM:
        # An adapter's pager rules found no next page: the generic look for one (the generic
        # reader's own rules are that look).
        listing.next_url, listing.next_postback = next_page(doc)
        last = listing.next_url is None and listing.next_postback is None
    if last:
        # No next page: a landing page, perhaps, whose sub-sections hold the lists.
        listing.sub_listings = sub_listings(doc, platform.is_article_url)
    return listing


# Detection asks each in this order; the first whose fingerprint gives reasons wins.
PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        liferay6.PLATFORM,
        liferay7.PLATFORM,
        sharepoint.PLATFORM,
        vccorp.PLATFORM,
        nukeviet.PLATFORM,
        haiphong2025.PLATFORM,
        wordpress.PLATFORM,
        generic.PLATFORM,
    )
}


@dataclass(frozen=True)
class Detection:
    platform: Platform
    reasons: list[str]


def get_platform(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        known = ", ".join(PLATFORMS)
        raise ValueError(f"unknown platform {name!r} (known: {known})") from None


def detect(doc: Document) -> Detection:
    for platform in PLATFORMS.values():
        if platform is generic.PLATFORM:
            continue
        reasons = platform.fingerprint(doc)
        if reasons:
            return Detection(platform, reasons)
    return Detection(generic.PLATFORM, generic.fingerprint(doc))
