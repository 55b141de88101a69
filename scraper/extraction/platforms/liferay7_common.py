"""What both halves of the Liferay 7 / DXP adapter share: the article URL forms, and reading
the page by whole class tokens (site chrome, the portlet around an element).

Evidence (PORTALS.md §2b, §1): display-page URLs `/w/<slug>` (danang.gov.vn, also `/en/w/…`)
and `/-/<slug>` (itpc.hochiminhcity.gov.vn); `/web/guest/…` site prefixes; the ward news
portlet `/chi-tiet-tin-tuc?d=<id>&c=<cat>` (lienchieu.danang.gov.vn) and the older ward
portals' `/chi-tiet-tin-tuc?dinhdanh=<id>&cat=<cat>` (thuanphuoc, noivu). Asset-publisher
content URLs and the `portlet-boundary` wrapper are Liferay's own, not seen on these portals.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml.html import HtmlElement

from ..memo import ancestor_verdict
from .class_rules import ClassRule

NAME = "liferay7"

# --- article URLs. Optional locale (/en, /vi-VN) and site (/web/guest) prefixes.
_PREFIX = r"(?:/[a-z]{2}(?:[-_][A-Za-z]{2})?)?(?:/(?:web|group)/[^/?#]+)?"
DISPLAY_PAGE = re.compile(rf"^{_PREFIX}/(?:w|-)/(?P<slug>[^/?#]+)/?$")
# Friendly-URL mappers of other portlets at the same place: lists and tools, not articles.
RESERVED_SLUGS = frozenset({"asset_publisher", "categories", "tags", "search", "document_library"})
ASSET_PUBLISHER_CONTENT = re.compile(r"/-/asset_publisher/[^/?#]+/content/[^/?#]+")
ASSET_PUBLISHER_PARAM = re.compile(
    r"(?:^|&)_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet\w*?_"
    r"(?:assetEntryId|urlTitle)="
)
# Đà Nẵng news portlet: `?d=` (2025 ward portals) or `?dinhdanh=` (older) is the article id.
DANANG_DETAIL_PATH = re.compile(r"/chi-tiet-tin-tuc/?$", re.IGNORECASE)
DANANG_ID_KEYS = ("d", "dinhdanh")
PRINT_VIEW = re.compile(r"p_p_state=pop_up|viewMode=print", re.IGNORECASE)


# --- page regions.
PORTLET_CLASS = ClassRule(r"portlet-boundary", ("portlet-boundary",))
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
CHROME_CLASS = ClassRule(
    r"(?:site-|main-|top-|page-)?(?:header|footer|navbar|navigation|nav|menu|breadcrumbs?)"
    r"(?:-(?:top|main|wrapper|container))?",
    ("header", "footer", "nav", "menu", "breadcrumb"),
)


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    if PRINT_VIEW.search(parts.query):
        return False
    path = unquote(parts.path)
    display = DISPLAY_PAGE.match(path)
    if display and display["slug"] not in RESERVED_SLUGS:
        return True
    if ASSET_PUBLISHER_CONTENT.search(path) or ASSET_PUBLISHER_PARAM.search(parts.query):
        return True
    if DANANG_DETAIL_PATH.search(path):
        params = dict(parse_qsl(parts.query))
        return any(params.get(key, "").isdecimal() for key in DANANG_ID_KEYS)
    return False


def tokens(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def has_class(element: HtmlElement, rule: ClassRule) -> bool:
    """A class token of `element` that `rule` accepts."""
    return rule.accepts(element.get("class"))


def inside(element: HtmlElement, container: HtmlElement | None) -> bool:
    """`element` is `container` or one of its descendants."""
    return container is not None and (
        element is container or any(a is container for a in element.iterancestors())
    )


def path(element: HtmlElement) -> tuple[HtmlElement, ...]:
    """The element and its ancestors, innermost first."""
    return (element, *element.iterancestors())


def in_chrome(element: HtmlElement) -> bool:
    return ancestor_verdict(element, NAME + ".chrome", _chrome_verdict)


def _chrome_verdict(node: HtmlElement) -> bool | None:
    return True if node.tag in CHROME_TAGS or has_class(node, CHROME_CLASS) else None


def portlet_of(element: HtmlElement) -> HtmlElement | None:
    return next((a for a in element.iterancestors() if has_class(a, PORTLET_CLASS)), None)
