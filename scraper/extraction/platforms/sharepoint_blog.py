"""SharePoint blog posts of HCMC district sub-sites, `/tintuc/Lists/Posts/Post.aspx?ItemID=…`.

Evidence: PORTALS.md §2d — the text is table-heavy, a "Số lượt người xem:" counter follows the
body, the author is the body's last line, and the stored text shows no date line. The markup
is SharePoint 2010's stock blog template (`ms-PostWrapper`, `ms-PostTitle`, `ms-PostDate`,
`ms-PostBody`, `ms-PostFooter` "Đăng lúc 14:30 bởi <account>", where the account is the CMS
user, not the author); it is constructed in tests/sites/sharepoint_blog pending a live sample.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text
from ..css import select
from ..dates import parse_dateline, post_time, with_post_time
from ..document import Document
from ..model import Article, NotAnArticle
from .sharepoint_common import NAME, breadcrumb_category, counters, injected_related, web_part

POST = ".ms-PostWrapper"
POST_TITLE = ".ms-PostTitle"
POST_BODY = ".ms-PostBody"
POST_DATE = ".ms-PostDate, .ms-PostDateHeader"
POST_FOOTER = ".ms-PostFooter"
CATEGORY_LINK = re.compile(r"/lists/categories/", re.IGNORECASE)


def find_posts(doc: Document) -> list[HtmlElement]:
    return select(doc.tree, POST)


def parse_blog_post(doc: Document, post: HtmlElement) -> Article:
    title_el = select(post, POST_TITLE)
    bodies = select(post, POST_BODY)
    if not title_el or not bodies:
        raise NotAnArticle("not_an_article", "a SharePoint blog post without title or body")
    body = bodies[0]
    part = web_part(post)
    scope = part if part is not None else post
    header = next((element_text(e) for e in select(scope, POST_DATE) if element_text(e)), "")
    footers = select(post, POST_FOOTER)
    footer = " ".join(element_text(e) for e in footers)
    # Some sites leave out the day heading: the footer then gives date and time ("Đăng lúc
    # 14:30 14/03/2019 bởi …"), read as a dateline (the account is no date).
    dated_footer = not header and footer and parse_dateline(footer) is not None
    dateline = footer if dated_footer else with_post_time(header, post_time(footer))
    category = next(
        (element_text(a) for e in footers for a in e.iter("a")
         if CATEGORY_LINK.search(a.get("href") or "")),
        None,
    )  # fmt: skip
    title = element_text(title_el[0])
    parts = Parts(
        title=title,
        dateline_texts=[dateline] if dateline else [],
        content_roots=[body],
        skip=counters(body) | injected_related(body),
        category=category or breadcrumb_category(doc, title),
        loose_byline=True,  # HCMC blogs end with the author's bare name
    )
    return assemble(doc, NAME, parts)
