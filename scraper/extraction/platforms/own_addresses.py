"""The addresses a page is known by: its URL and those it declares for itself (canonical
link, og:url), compared as portals link to themselves (any scheme, "www." or not)."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..document import Document
from ..urls import resolve_url, site_of


def address_key(url: str) -> str:
    """An address as a page is known by: host without "www.", path without a trailing slash,
    query; not the scheme nor the fragment (portals link to themselves every way)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return f"{site_of(url)}{parts.path.rstrip('/')}?{parts.query}"


def own_addresses(doc: Document) -> set[str]:
    """The page's URL and the addresses it declares for itself (canonical link, og:url): a
    title may link to either. (Read once a page.)"""
    known: set[str] | None = doc.memo.facts.get("generic.own_addresses")
    if known is None:
        known = doc.memo.facts["generic.own_addresses"] = _declared_addresses(doc)
    return known


def _declared_addresses(doc: Document) -> set[str]:
    urls = [doc.url]
    urls += [m["content"] for m in doc.metas() if m.get("property") == "og:url" and "content" in m]
    head = next(doc.tree.iterchildren("head"), None)
    for link in head.iterchildren("link") if head is not None else ():
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            urls.append(link.get("href", ""))
    return {address_key(resolved) for url in urls if (resolved := resolve_url(doc.url, url))}


def links_to_itself(doc: Document, link: HtmlElement) -> bool:
    """Whether a link leads to the page it is on (an article's title as a link to itself)."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    target = resolve_url(doc.link_base, href)
    return target is not None and address_key(target) in own_addresses(doc)
