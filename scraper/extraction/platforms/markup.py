"""Page-reading helpers shared by platform adapters (NukeViet, WordPress): the first text a
list of selectors finds, meta values, side blocks, "Xem thêm:" lines pasted into bodies, and
the next-page link of a pagination bar. Evidence: PORTALS.md §2e and §4 (related-article
links injected mid-article).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..blocks import element_text
from ..css import select
from ..document import Document
from .base import absolute_links
from .pager import NEXT_LABEL

# A paragraph inside the body that is only a label and links to other stories.
INLINE_RELATED_LABEL = re.compile(
    r"^(?:xem thêm|tin liên quan|bài liên quan|tin bài liên quan|đọc thêm|mời xem thêm|"
    r"bài viết liên quan|tin cùng chủ đề)\s*[:：]?\s*",
    re.IGNORECASE,
)
INLINE_BLOCKS = ("p", "div", "li", "h3", "h4", "h5", "h6", "blockquote")
# What is left of such a line once its label and link texts are taken out (" - ", "»").
INLINE_RELATED_REST = " -–|:;,.>»"


_GENERATOR_CASE = str.maketrans("GENRATO", "genrato")


def is_generator_name(name: str | None) -> bool:
    """`<meta name>` is "generator" in any letter case (as XPath's translate() would fold it)."""
    return name is not None and name.translate(_GENERATOR_CASE) == "generator"


def generator_reasons(doc: Document, pattern: re.Pattern[str]) -> list[str]:
    """Fingerprint reasons from `<meta name="generator">` values that `pattern` finds."""
    return [f"<meta name=generator content={g!r}>" for g in _generators(doc) if pattern.search(g)]


def _generators(doc: Document) -> list[str]:
    """The generator metas of /html/head. Several adapters ask: answered once per page, from
    a few nodes (an XPath call alone costs more: lxml sets up a context for each)."""
    found = doc.memo.facts.get("generators")
    if found is None:
        root = doc.tree.getroottree().getroot()
        heads = [child for child in root if child.tag == "head"] if root.tag == "html" else []
        found = doc.memo.facts["generators"] = [
            content
            for head in heads
            for meta in head
            if meta.tag == "meta"
            and is_generator_name(meta.get("name"))
            and (content := meta.get("content")) is not None
        ]
    return found


def meta_content(doc: Document, selector: str) -> str | None:
    found = select(doc.tree, selector)
    value = (found[0].get("content") or "").strip() if found else ""
    return value or None


def is_outside(element: HtmlElement, scope: HtmlElement) -> bool:
    """Neither `scope` itself nor inside it."""
    return element is not scope and scope not in element.iterancestors()


def first_element(scope: HtmlElement, selectors: tuple[str, ...]) -> HtmlElement | None:
    """The first element found by the first selector that finds one (tried in this order: a
    selector group would return document order)."""
    for selector in selectors:
        found = select(scope, selector)
        if found:
            return found[0]
    return None


def first_text(
    scope: HtmlElement, selectors: tuple[str, ...], outside: HtmlElement | None = None
) -> str | None:
    """Text of the first element with text found by the first selector that finds one,
    skipping `outside` and what it holds."""
    element = first_with_text(scope, selectors, outside)
    return element_text(element) if element is not None else None


def first_with_text(
    scope: HtmlElement, selectors: tuple[str, ...], outside: HtmlElement | None = None
) -> HtmlElement | None:
    """The first element with text found by the first selector that finds one, skipping
    `outside` and what it holds."""
    for selector in selectors:
        for element in select(scope, selector):
            if element_text(element) and (outside is None or is_outside(element, outside)):
                return element
    return None


def in_side_block(element: HtmlElement, pattern: re.Pattern[str]) -> bool:
    """Inside a side block, menu, header or footer (`pattern` matches the platform's class or
    id words). <body> classes describe the layout ("right-sidebar"), not the element, so the
    walk stops below it."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if node.tag in ("aside", "nav", "header", "footer"):
            return True
        if pattern.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def inline_related_links(root: HtmlElement) -> set[HtmlElement]:
    """Paragraphs such as "Xem thêm: <a>Other story</a>" that editors paste into bodies."""
    found: set[HtmlElement] = set()
    for element in _blocks_with_links(root):
        text = element_text(element)
        label = INLINE_RELATED_LABEL.match(text)
        if not label:
            continue
        rest = text[label.end() :]
        for link in element.iterdescendants("a"):
            rest = rest.replace(element_text(link), "", 1)
        if len(rest.strip(INLINE_RELATED_REST)) <= 3:
            found.add(element)
    return found


def _blocks_with_links(root: HtmlElement) -> list[HtmlElement]:
    """The INLINE_BLOCKS elements under `root` (not `root` itself) that hold a link.

    Why up from the links: a body has many paragraphs and few links, and asking each block
    for its links walks its whole subtree (the body's wrapper holds them all). Each node is
    visited once: a walk stops where an earlier one went on to `root`."""
    seen: set[HtmlElement] = {root}
    blocks: list[HtmlElement] = []
    for link in root.iterdescendants("a"):
        for node in link.iterancestors():
            if node in seen:
                break
            seen.add(node)
            if node.tag in INLINE_BLOCKS:
                blocks.append(node)
    return blocks


def next_page(doc: Document, links: list[HtmlElement], number: Callable[[str], int]) -> str | None:
    """The link to page current+1, else the one labelled "»"/"next" in the pagination;
    `number` reads the page number out of a URL of the platform.

    Links on the page's own host come first: SEO plugins print `<link rel="next">` with the
    configured site address, which may differ from the one the page was fetched at.
    """
    host = urlsplit(doc.url).netloc
    current = number(doc.url)
    candidates: list[str] = []
    for link in links:
        found = absolute_links(doc, [link])
        if found and (
            number(found[0]) == current + 1 or (number(found[0]) > current and _says_next(link))
        ):
            candidates.append(found[0])
    # Stable sort: own host first, then the exact next number before a mere "»".
    candidates.sort(key=lambda url: (urlsplit(url).netloc != host, number(url) != current + 1))
    return candidates[0] if candidates else None


def _says_next(link: HtmlElement) -> bool:
    return link.get("rel") == "next" or bool(NEXT_LABEL.match(element_text(link)))
