"""WordPress site (/<cat>/<slug>/, /page/N). STUB: being written; detects nothing yet."""

from __future__ import annotations

from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from .base import Platform

NAME = "wordpress"


def fingerprint(doc: Document) -> list[str]:
    return []


def is_article_url(url: str) -> bool:
    return False


def parse_article(doc: Document) -> Article:
    raise NotAnArticle("not_an_article", "not implemented")


def parse_listing(doc: Document) -> ListingPage:
    return ListingPage(url=doc.url, platform=NAME)


PLATFORM = Platform(
    name=NAME,
    description="""WordPress site (/<cat>/<slug>/, /page/N)""",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)
