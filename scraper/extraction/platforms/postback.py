"""ASP.NET WebForms pagers: the next page is a form post, not a link.

Custom portals built on ASP.NET (GridView, DataPager, a LinkButton "Trang sau") page with
`javascript:__doPostBack('ctl00$…$gvNews','Page$2')`: the browser posts the page's one form
with that event target and argument. Extraction only names the event; the spider posts it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..model import PostBack
from .pager import next_in_pager

# __doPostBack('target','argument') and the LinkButton form with validation options:
# WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("target", "", true, "", "", …)).
_DO_POSTBACK = re.compile(
    r"""__doPostBack\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<argument>[^'"]*)\3\s*\)"""
)
_WITH_OPTIONS = re.compile(
    r"""WebForm_PostBackOptions\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<argument>[^'"]*)\3"""
)


def postback_of(anchor: HtmlElement) -> PostBack | None:
    """The form post a link makes, if it is a postback link."""
    script = anchor.get("href") or anchor.get("onclick") or ""
    if "PostBack" not in script:
        return None
    match = _DO_POSTBACK.search(script) or _WITH_OPTIONS.search(script)
    if match is None:
        return None
    return PostBack(target=match.group("target"), argument=match.group("argument"))


def next_postback(anchors: list[HtmlElement]) -> PostBack | None:
    """The postback to the page after this one: a GridView's "Page$Next", else what the
    pager's labels and numbers say (pager.py)."""
    for anchor in anchors:
        post = postback_of(anchor)
        if post is not None and post.argument.lower() == "page$next":
            return post
    return next_in_pager(anchors, postback_of)
