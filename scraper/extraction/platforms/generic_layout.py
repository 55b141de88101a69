"""Where an element sits in a page's layout: chrome (header, menus, footer), side boxes,
closeness to the article text. Shared by the generic extractor's parts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from ..blocks import is_noise
from ..memo import ancestor_verdict

# The page's frame: header, footer, menus (menus are also named run together, "mainmenu",
# "topmenu", "MegaMenu": see `_names_menu`).
_FRAME_WORDS = r"header|footer|nav|navbar|menu|logo|banner|breadcrumbs?"
FRAME = re.compile(rf"(?:^|[\s_-])(?:{_FRAME_WORDS})(?:$|[\s_-])", re.IGNORECASE)
# The frame and the boxes beside the text. (Elementor, WordPress' page builder, names every
# box of a page "elementor-widget".)
CHROME = re.compile(
    rf"(?:^|[\s_-])(?:{_FRAME_WORDS}|sidebar|side|(?<!elementor-)widget|portlet-title)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)


def _names_menu(attrs: str) -> bool:
    """A plain look for the word, which costs less than a pattern tried at every position."""
    return "menu" in attrs or "Menu" in attrs or "MENU" in attrs


def names_chrome(attrs: str) -> bool:
    """Whether a class and id name the page's chrome."""
    return bool(CHROME.search(attrs)) or _names_menu(attrs)


# Boxes beside the section's list: "tin nổi bật", "xem nhiều", "tin liên quan", sidebars.
SIDE_BOX = re.compile(
    r"hot|noi-?bat|noibat|lien-?quan|related|other|khac|xem-?nhieu|most|moi-?nhat|sidebar|"
    r"right|phai|aside|widget|featured-box",
    re.IGNORECASE,
)


def in_chrome(element: HtmlElement) -> bool:
    return ancestor_verdict(element, "generic.chrome", _chrome_verdict)


def _chrome_verdict(node: HtmlElement) -> bool | None:
    if node.tag in ("body", "html"):
        return False  # body classes describe the page ("wp-custom-logo"), not a region of it
    if node.tag in ("header", "footer", "nav", "aside"):
        return True
    attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
    return True if attrs.strip() and names_chrome(attrs) else None


# A page's, a card's, an item's or a post's header holds a listing item's title, and so does
# an <article>'s own <header>: chrome of the page, not of a list ("page-header" is Joomla's
# blog item, "card-header" Bootstrap's).
ITEM_HEADER = re.compile(
    r"(?:page|card|item|entry|post|news|article|title|blog)-header", re.IGNORECASE
)
# A post's own footer, under its text: its author, its time ("Đăng lúc 2:35 CH bởi …"),
# where the page's footer holds the site's address.
ITEM_FOOTER = re.compile(r"(?:card|item|entry|post|news|article)-footer", re.IGNORECASE)
# A section's tabs of sub-sections sit in its column, beside its list: no items of it (a tab
# pane's content is).
SUB_SECTION_TABS = re.compile(r"(?:^|\s)(?:[\w-]*tabs|submenu|subnav)(?:$|\s)", re.IGNORECASE)
# Joomla's blog lists its older items in a stacked nav list under "items-more".
MORE_ITEMS = re.compile(r"(?:^|\s)items-more(?:$|\s)")


def is_post_footer(element: HtmlElement) -> bool:
    """A footer of the post, not of the page: named so, or an <article>'s <footer>, in a box
    that is no chrome."""
    parent = element.getparent()
    if parent is None or in_chrome(parent):
        return False
    if element.tag == "footer":
        return any(a.tag == "article" for a in element.iterancestors())
    return ITEM_FOOTER.search(f"{element.get('class') or ''} {element.get('id') or ''}") is not None


def in_listing_chrome(element: HtmlElement) -> bool:
    """`in_chrome` for a listing's links: an item's own header is not chrome."""
    return ancestor_verdict(element, "generic.listing_chrome", _listing_chrome_verdict)


def _listing_chrome_verdict(node: HtmlElement) -> bool | None:
    if node.tag == "header":
        return None if any(a.tag == "article" for a in node.iterancestors()) else True
    parent = node.getparent()
    if any(MORE_ITEMS.search(n.get("class") or "") for n in (node, parent) if n is not None):
        return False
    verdict = _chrome_verdict(node)
    if verdict is None and SUB_SECTION_TABS.search(
        f"{node.get('class') or ''} {node.get('id') or ''}"
    ):
        return True
    if verdict and node.tag not in ("footer", "nav", "aside"):
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        return True if names_chrome(ITEM_HEADER.sub(" ", attrs)) else None
    return verdict


def in_page_frame(element: HtmlElement, pagers: frozenset[HtmlElement]) -> bool:
    """`in_listing_chrome` for a listing whose every link that test set aside, though the
    section's list is among them: the page's frame (header, footer, menus) is chrome, and so
    is a box named as a sidebar or widget, unless it holds one of the page's `pagers` or has one
    beside it (then it wraps or holds the section's list: "has-sidebar", Blogger's "widget
    Blog"). An HTML5 <header> a few levels down is an item's."""

    def verdict(node: HtmlElement) -> bool | None:
        if node.tag in ("body", "html"):
            return False
        if node.tag in ("footer", "nav"):
            return True
        if node.tag == "header":
            return True if sum(1 for _ in node.iterancestors()) <= FRAME_HEADER_DEPTH else None
        attrs = ITEM_HEADER.sub(" ", f"{node.get('class') or ''} {node.get('id') or ''}")
        if not attrs.strip():
            return None
        if FRAME.search(attrs) or _names_menu(attrs):
            return True
        if names_chrome(attrs) and not _with_pager(node, pagers):
            return True
        return None

    return ancestor_verdict(element, "generic.frame", verdict)


def _with_pager(node: HtmlElement, pagers: frozenset[HtmlElement]) -> bool:
    """Whether the box holds a pager, or is followed right by one ("widget-content", then
    "pagination": a pager comes after the list it pages; a sidebar after the pager is not
    that list)."""
    if any(pager is node or is_inside(pager, node) for pager in pagers):
        return True
    after = next((el for el in node.itersiblings() if isinstance(el.tag, str)), None)
    return after is not None and after in pagers


# html > body > wrapper > header: the page's own header; deeper, an item's.
FRAME_HEADER_DEPTH = 3


def near(element: HtmlElement, container: HtmlElement | None, levels: int = 3) -> bool:
    """Whether `element` sits within a few levels above the content container."""
    if container is None:
        return False
    # "Under one of those ancestors" is "one of them is among the element's ancestors": a
    # walk up from the element, not through the ancestors' whole subtrees.
    above_element = set(element.iterancestors())
    ancestor: HtmlElement | None = container
    for _ in range(levels):
        ancestor = ancestor.getparent() if ancestor is not None else None
        if ancestor is None:
            return False
        if ancestor in above_element:
            return True
    return False


def in_side_box(element: HtmlElement) -> bool:
    return any(
        SIDE_BOX.search(f"{node.get('class') or ''} {node.get('id') or ''}")
        for node in element.iterancestors()
        if node.tag not in ("body", "html")
    )


def lowest_common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    common = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        ancestors = {element, *element.iterancestors()}
        common = [node for node in common if node in ancestors]
    return common[0]


def is_inside(element: HtmlElement, ancestor: HtmlElement) -> bool:
    """Whether `element` is under `ancestor` (a walk up, not through the ancestor's subtree)."""
    return any(node is ancestor for node in element.iterancestors())


def following_elements(element: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after `element` in document order, but not inside it: its next siblings,
    then its parent's, and so on up to <body>."""
    while True:
        for node in element.itersiblings():
            if isinstance(node.tag, str):
                yield node
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return
        element = parent


def in_noise_box(element: HtmlElement) -> bool:
    """Whether `element` is, or lies in, a box of noise (readers' comments, a related list,
    sharing tools; blocks.is_noise)."""
    return ancestor_verdict(element, "generic.noise", _noise_verdict)


def _noise_verdict(node: HtmlElement) -> bool | None:
    if node.tag in ("body", "html"):
        return False  # (body classes describe the page: a tag archive's "tag-…")
    return True if is_noise(node) else None
