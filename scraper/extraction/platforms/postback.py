"""ASP.NET WebForms pagers: the next page is a form post, not a link.

Custom portals built on ASP.NET (GridView, DataPager, a LinkButton "Trang sau") page with
`javascript:__doPostBack('ctl00$…$gvNews','Page$2')`: the browser posts the page's one form
with that event target and argument. Extraction only names the event; the spider posts it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..blocks import element_text
from ..model import PostBack
from .generic_layout import lowest_common_ancestor

# __doPostBack('target','argument') and the LinkButton form with validation options:
# WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("target", "", true, "", "", …)).
_DO_POSTBACK = re.compile(
    r"""__doPostBack\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<argument>[^'"]*)\3\s*\)"""
)
_WITH_OPTIONS = re.compile(
    r"""WebForm_PostBackOptions\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<argument>[^'"]*)\3"""
)
# GridView/DetailsView paging arguments: "Page$3", "Page$Next", "Page$Last".
_PAGE_ARGUMENT = re.compile(r"^Page\$(?P<page>\d+|Next)$", re.IGNORECASE)


def postback_of(anchor: HtmlElement) -> PostBack | None:
    """The form post a link makes, if it is a postback link."""
    script = anchor.get("href") or anchor.get("onclick") or ""
    if "PostBack" not in script:
        return None
    match = _DO_POSTBACK.search(script) or _WITH_OPTIONS.search(script)
    if match is None:
        return None
    return PostBack(target=match.group("target"), argument=match.group("argument"))


def next_postback(anchors: list[HtmlElement], next_label: re.Pattern[str]) -> PostBack | None:
    """The postback to the page after this one: a link labelled as the next page ("Trang sau",
    "›", "Page$Next"), else the link numbered one more than the pager's current page (the
    number it shows without a link)."""
    numbered: dict[int, tuple[HtmlElement, PostBack]] = {}
    for anchor in anchors:
        post = postback_of(anchor)
        if post is None:
            continue
        label = element_text(anchor)
        paging = _PAGE_ARGUMENT.match(post.argument)
        if next_label.match(label) or (paging and paging.group("page").lower() == "next"):
            return post
        if label.isdigit():
            numbered.setdefault(int(label), (anchor, post))
    if not numbered:
        return None
    current = _current_page([anchor for anchor, _ in numbered.values()])
    later = [n for n in numbered if n > current]
    return numbered[min(later)][1] if later else None


def _current_page(links: list[HtmlElement]) -> int:
    """The page number a pager shows as plain text (a <span>, <b>, <td> beside the links);
    0 when it shows none (then the lowest numbered link is next)."""
    pager = lowest_common_ancestor(links)
    # A pager with one link ("1" plain, "2" linked): its box is a level or two up.
    levels = 2 if pager is links[0] else 0
    linked = {id(node) for link in links for node in link.iter()}
    while pager is not None:
        for node in pager.iter():
            if id(node) in linked or node.tag == "a":
                continue
            own = (node.text or "").strip()
            if own.isdigit():
                return int(own)
        if not levels:
            break
        pager, levels = pager.getparent(), levels - 1
    return 0
