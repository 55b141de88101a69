"""What extraction returns: plain dataclasses, no Scrapy, no database."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["minute", "day"]


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None = None


@dataclass(frozen=True)
class Attachment:
    url: str
    title: str | None = None


@dataclass
class Article:
    """The fields of one article page, normalised (NFC text, ISO 8601 times with offset)."""

    url: str
    title: str
    platform: str
    published_at: str | None = None
    published_text: str | None = None
    published_precision: Precision | None = None
    byline: str | None = None
    # The byline's names, one per author: "XUÂN HIẾU - XUÂN THỊNH" → two entries.
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    body: str = ""
    images: list[Image] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    category: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PostBack:
    """An ASP.NET form post (`__doPostBack(target, argument)`) that fetches another page."""

    target: str
    argument: str = ""


@dataclass
class ListingPage:
    """Links found on a news-section listing page, in page order (newest first)."""

    url: str
    platform: str
    article_urls: list[str] = field(default_factory=list)
    next_url: str | None = None
    # When the next page is only reachable by posting the page's form (ASP.NET pagers).
    next_postback: PostBack | None = None
    # Article URL → the date text shown beside its link, for the links that show one.
    dates: dict[str, str] = field(default_factory=dict)
    # A section's landing page, with no pager: the lists of its sub-sections, to walk.
    sub_listings: list[str] = field(default_factory=list)


class NotAnArticle(ValueError):
    """The page is not an article (no title, no body, an error page...).

    `reason` is a short machine-friendly slug used in crawl statistics.
    """

    def __init__(self, reason: str, detail: str = "", *, certain: bool = False) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        # The adapter knows the page for another kind (an archive page, a print view, a list
        # view), not merely that its template did not match: no other reader is asked.
        self.certain = certain
