"""Extraction: pure functions from (HTML, URL) to article fields. No network, no database.

>>> article = extract_article(html_bytes, "https://caugiay.hanoi.gov.vn/...")
>>> listing = parse_listing(html_text, url)
"""

from __future__ import annotations

from .assemble import with_listed_date
from .document import Document, load_document
from .model import Article, Attachment, Image, ListingPage, NotAnArticle
from .platforms import PLATFORMS, Detection, detect, get_platform, read_listing

__all__ = [
    "PLATFORMS",
    "Article",
    "Attachment",
    "Detection",
    "Document",
    "Image",
    "ListingPage",
    "NotAnArticle",
    "detect",
    "detect_platform",
    "extract_article",
    "load_document",
    "parse_listing",
]


def _document(page: str | bytes | Document, url: str, content_type: str | None) -> Document:
    return page if isinstance(page, Document) else load_document(page, url, content_type)


def detect_platform(
    page: str | bytes | Document, url: str, content_type: str | None = None
) -> Detection:
    """The platform a page runs on, with the evidence (markup or URL) that says so."""
    return detect(_document(page, url, content_type))


def extract_article(
    page: str | bytes | Document,
    url: str,
    platform: str | None = None,
    content_type: str | None = None,
    listed_date: str | None = None,
) -> Article:
    """Fields of one article page. Raises NotAnArticle (with a `reason`) for other pages.

    With no `platform`, the page's fingerprint decides; a page that the named or detected
    platform cannot read as an article is retried with the generic extractor before giving up.
    `listed_date` is the date its listing page showed beside the link (ListingPage.dates):
    the publish date of a page that shows none.
    """
    return with_listed_date(
        _read_article(_document(page, url, content_type), platform), listed_date
    )


def _read_article(doc: Document, platform: str | None) -> Article:
    # (A platform named in the registry too: a ward's theme may not be the one its adapter
    # was written for, and the generic reader still reads it.)
    adapter = get_platform(platform) if platform is not None else detect(doc).platform
    try:
        return adapter.parse_article(doc)
    except NotAnArticle as refused:
        if adapter.name == "generic" or refused.certain:
            raise
        article = PLATFORMS["generic"].parse_article(doc)
        article.warnings.append(
            f"the {adapter.name} template did not match: read by the generic extractor"
        )
        return article


def parse_listing(
    page: str | bytes | Document,
    url: str,
    platform: str | None = None,
    content_type: str | None = None,
) -> ListingPage:
    doc = _document(page, url, content_type)
    adapter = get_platform(platform) if platform else detect(doc).platform
    return read_listing(adapter, doc)
