"""The item a spider hands to the pipelines: one extracted article and where it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ArticleItem:
    url: str
    portal_id: str
    title: str
    platform: str
    fetched_at: str  # UTC, ISO 8601
    published_at: str | None = None
    published_text: str | None = None
    published_precision: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    body: str = ""
    category: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section_url: str | None = None
    # The address the page was read at, after redirects: where the portal serves the
    # article now, which its re-checks then ask (archive.addresses).
    final_url: str | None = None

    def record(self) -> dict[str, Any]:
        """The archive's row for this article."""
        return asdict(self)


@dataclass
class CaptureItem:
    """A fetched article response, kept as it came (for re-extraction, provenance, WARC)."""

    url: str
    fetched_at: str
    status: int
    headers: dict[str, str]
    body: bytes
    final_url: str | None = None
    # The date its listing page showed beside the link (the page may show none itself).
    listed_date: str | None = None


@dataclass
class RemovalItem:
    """A known article the portal no longer serves (404/410, or a "not found" page)."""

    url: str
    when: str
    reason: str


@dataclass
class NotModifiedItem:
    """A known article a re-check found unchanged without its body: the portal answered
    "304 Not Modified". The archive records it as found again, as it does an unchanged 200."""

    url: str
    when: str
    # The address that answered, after redirects (see ArticleItem.final_url).
    final_url: str | None = None


@dataclass
class AddressItem:
    """Where a known article's address leads now, though nothing there could be stored: its
    old address redirects to this one, which sends it on to the home page. Its re-checks ask
    here (archive.addresses), without the hop."""

    url: str
    when: str
    final_url: str
