"""CSS selectors compiled once: lxml's `element.cssselect(css)` translates the selector to
XPath on every call (about 1 ms for a long selector list), which dominated extraction time on
small pages. Adapters keep their selectors as data and call `select(element, css)`."""

from __future__ import annotations

from functools import cache

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement


@cache
def compiled(css: str) -> CSSSelector:
    # translator="html": case-insensitive tag names, as element.cssselect does for HTML.
    return CSSSelector(css, translator="html")


def select(element: HtmlElement, css: str) -> list[HtmlElement]:
    """Elements under (or at) `element` matching `css`, in document order."""
    return compiled(css)(element)


def select_first(element: HtmlElement, css: str) -> HtmlElement | None:
    found = compiled(css)(element)
    return found[0] if found else None
