"""Turn raw bytes or text into a parsed lxml tree, once per page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

from .model import NotAnArticle

# Pages beyond this are not news articles (scanned PDFs inlined as base64, runaway CMS output);
# parsing them would cost seconds and memory for nothing.
MAX_HTML_CHARS = 8_000_000

_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass
class Document:
    url: str
    html: str
    tree: lxml.html.HtmlElement
    warnings: list[str] = field(default_factory=list)

    def css_first(self, selector: str) -> lxml.html.HtmlElement | None:
        found = self.tree.cssselect(selector)
        return found[0] if found else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode bytes by BOM, HTTP header, then <meta charset>, falling back to UTF-8.

    w3lib does what browsers do here, including treating a declared latin-1 as cp1252.
    """
    _, text = html_to_unicode(content_type, body)
    return text


def load_document(html: str | bytes, url: str, content_type: str | None = None) -> Document:
    """Parse a page. Raises NotAnArticle for input that is not HTML at all."""
    text = decode_html(html, content_type) if isinstance(html, bytes) else html
    warnings: list[str] = []
    if not text.strip():
        raise NotAnArticle("empty_page", "the page is empty")
    if "\x00" in text[:2048]:
        raise NotAnArticle("not_html", "the content is binary, not HTML")
    if "<" not in text[:4096]:
        raise NotAnArticle("not_html", "no HTML markup found")
    if len(text) > MAX_HTML_CHARS:
        warnings.append(f"page truncated to {MAX_HTML_CHARS} characters before parsing")
        text = text[:MAX_HTML_CHARS]
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        # lxml refuses str input carrying an XML encoding declaration; bytes are accepted.
        try:
            tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=_UTF8_PARSER)
        except (etree.ParserError, ValueError):
            raise NotAnArticle("unparsable_html", str(exc)) from exc
    return Document(url=url, html=text, tree=tree, warnings=warnings)


_CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)[\"']"
    r"|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
# HTTrack, the usual tool for saving whole portals, records the original URL in a comment.
_HTTRACK = re.compile(r"<!-- Mirrored from (\S+) by HTTrack")


def guess_page_url(html: str) -> str | None:
    """The URL a saved page declares for itself (canonical link, og:url, HTTrack comment)."""
    match = _CANONICAL.search(html)
    if match:
        url = match.group(1) or match.group(2)
        if url.startswith(("http://", "https://")):
            return url
    mirrored = _HTTRACK.search(html)
    if mirrored:
        url = mirrored.group(1)
        return url if "://" in url else f"https://{url}"
    return None
