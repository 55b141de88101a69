"""The generic extractor's listing pages: the section's own list of article links (not the
"tin nổi bật" boxes beside it) and the link to the next page."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice, pairwise
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml.html import HtmlElement

from ..blocks import element_text
from ..document import Document
from ..element_texts import node_text
from ..model import ListingPage, PostBack
from ..text import fold_accents
from ..urls import resolve_url, site_of
from .base import absolute_links
from .generic_layout import (
    in_chrome,
    in_listing_chrome,
    in_page_frame,
    in_side_box,
    is_inside,
    lowest_common_ancestor,
)
from .pager import PAGER_CLASS, next_in_pager
from .postback import next_postback

NAME = "generic"
# An article's path ends in a number or a slug of four words or more: "hoi-nghi-tiep-xuc",
# in Vietnamese letters ("Hội-nghị-tiếp-xúc", or %-encoded), "hoi_nghi_tiep_xuc",
# "HoiNghiTiepXuc".
_SLUG_WORD = r"(?:[^\W_]|%[0-9a-f]{2})+"
ARTICLE_LINK = re.compile(
    rf"(?:\d{{3,}}|{_SLUG_WORD}(?:[-_+]{_SLUG_WORD}){{3,}}|(?-i:(?:[A-Z][a-z0-9]+){{4,}}))"
    r"(?:\.html?|\.aspx|\.php|/)?$",
    re.IGNORECASE,
)
MAX_FEATURED = 4  # stories set apart above a section's list ("1 big + 3 small")
# A link's text: a title from this length on; shorter, a notice's ("Kế hoạch số 15") or a
# menu's, taken only as an item of the section's list; shorter still, a pager's or an icon's.
MIN_TITLE = 20
MIN_SHORT_TITLE = 8
# A list the generic reader finds where a platform's adapter found none: this many links,
# most as long as a news title (menus' labels are shorter).
MIN_FALLBACK_LIST = 3
MIN_FALLBACK_TITLE = 30
# Short links alone make a list from this weight on (three of the section's own, six others).
MIN_UNTITLED_LIST = 6
_PAGE_NAMES = "page|p|pg|trang|pageindex|pagenumber|pageno|currentpage|cur|_cur"
PAGE_NAME = re.compile(rf"^(?:{_PAGE_NAMES})$", re.IGNORECASE)
# The page number in a listing's URL: "?page=2", "&p=2", "/page/2", "/page-2", "/trang-2.html",
# a portlet's own "&_101_INSTANCE_x_cur=2".
PAGE_PARAM = re.compile(
    rf"(?:[?&](?:\w+_(?=cur=))?(?:{_PAGE_NAMES})=|/(?:page|trang)[/-])(\d+)(?=$|[&#/.])",
    re.IGNORECASE,
)


# Long-tail CMSs name an item by a Mongo ObjectId or a GUID as its last path segment
# ("/page/Article/News/detail/67d1484a7cc888ace90df82f"), or by a number or such an id in
# the query ("chi-tiet.aspx?id=12", "index.php?com=tin_ct&id_tin=46", "/?cn=323&gd=7&tc=840").
OPAQUE_ID = r"[0-9a-f]{24}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}"
OPAQUE_SEGMENT = re.compile(rf"/(?:[^/]*[-_])?(?:{OPAQUE_ID})(?:\.[a-z]+)?/?$", re.IGNORECASE)
# Joomla writes an article's id with its alias: "id=12:hoi-nghi-tiep-xuc-cu-tri".
ID_VALUE = re.compile(rf"^(?:\d+(?::[a-z0-9-]+)?|{OPAQUE_ID})$", re.IGNORECASE)
# A query parameter named as an item's id ("id", "ItemID", "newsid", "id_tin", "article_id"),
# not as a category's, a page's or a menu's ("catid", "id_category", "page_id", "mid").
ITEM_ID_PARAM = re.compile(r"^(?:[a-z]*_?id|id_?[a-z]+)$", re.IGNORECASE)
NOT_ITEM_PARAM = re.compile(
    r"cat|chuyen|muc|menu|zone|page|trang|lang|site|portal|mod|tab|type|parent|group|folder"
    r"|user|^[cmp]_?id$",
    re.IGNORECASE,
)


# An item's id as a path segment after the word that names it: DotNetNuke's
# "/tabid/123/ArticleID/456/Default.aspx", MVC's "/tin-tuc/Detail/123/hoi-nghi".
DETAIL_WORD = re.compile(r"^(?:details?|chi-?tiet|xem|view)$", re.IGNORECASE)


# The words sections are named with ("tin-tuc-su-kien", "thong-tin-bao-cao-thong-ke",
# "hoat-dong-cua-ubnd", K2's "2-tin-tuc-su-kien"), accents folded. A story's slug is its title's
# and says more ("hoi-nghi-tiep-xuc-cu-tri" has "nghi", "tiep", "xuc", "cu"), so a short slug of
# these words alone names a section, however many words it has.
_SECTION_WORDS = frozenset(
    """tin tuc su kien hoat dong thong bao cao ke van ban phap quy nguoi phat ngon co so cong
    nghe khai ngan sach chi dao dieu hanh cai cach chinh du an phong chuyen mon lanh don vi
    nghiep cau to chuc nang nhiem vu noi bat tieu linh vuc hop tac quoc te gioi thieu trang chu
    chien luoc hoach dang doan the mat tran kinh xa hoi ninh giao duc y hoa lich nong khoa hoc
    moi trong nuoc ngoai dia phuong huyen tinh thi quan ubnd hdnd ubmttq mttq cua va danh muc
    tong hop cac khac bai viet anh video thu dich truc tuyen dan doanh hoi dap kien gop lam viec
    ho tro truyen pho bien tai dau xay dung nguyen truong lao thuong binh lien he quan tam
    doi ngoai cuu chien binh phu nu thanh nien thon""".split()  # noqa: SIM905  (a word list, read as prose)
)
MAX_SECTION_SLUG_WORDS = 6
_SLUG_SPLIT = re.compile(r"[-_+]+|(?<=[a-z])(?=[A-Z])")
_LEADING_ID = re.compile(r"^\d{1,2}[-_]")


# The end of a path ARTICLE_LINK needs to see: a match ends the path and spans no "/". (The
# search tries every position of what it is given: a path of 20,000 characters cost seconds.)
MAX_SEGMENT_CHARS = 300


def _last_segment(path: str) -> str:
    """The path's last segment (with its closing "/"), at most MAX_SEGMENT_CHARS long."""
    start = path.rfind("/", 0, len(path) - 1) + 1
    return path[max(start, len(path) - MAX_SEGMENT_CHARS) :]


def names_a_section(path: str) -> bool:
    """Whether the path's last segment is a section's name made of section words (with its
    category id after them, as Hải Phòng's 2025 portals write it: "/tin-tuc-su-kien-66860";
    "/tin-tuc-1234.html" may be an article's)."""
    segment = unquote(path.rstrip("/").rpartition("/")[2])
    name = _LEADING_ID.sub("", segment.partition(".")[0])
    least = 1
    if "." not in segment and (numbered := _TRAILING_ID.sub("", name)) != name:
        name, least = numbered, MIN_NUMBERED_SECTION_WORDS
    if any(ch.isdigit() for ch in name):
        return False
    words = [w for w in _SLUG_SPLIT.split(name) if w]
    return least <= len(words) <= MAX_SECTION_SLUG_WORDS and all(
        fold_accents(w).lower() in _SECTION_WORDS for w in words
    )


# (Not a year: "tin-tuc-su-kien-2025" may be a story's, a year's round-up.)
_TRAILING_ID = re.compile(r"[-_](?!(?:19|20)\d\d$)\d+$")
MIN_NUMBERED_SECTION_WORDS = 3


def is_article_url(url: str) -> bool:
    """Whether the URL alone looks like an article's: a slug or number ending the path, an
    opaque id as its last segment, or an item id in the query or in the path."""
    parts = urlsplit(url)
    path = parts.path
    if OPAQUE_SEGMENT.search(path) or (_ends_in_a_slug(path) and not names_a_section(path)):
        return True
    if any(names_item_id(name, value) for name, value in parse_qsl(parts.query)):
        return True
    segments = [segment for segment in path.split("/") if segment]
    return any(
        (names_item_id(name, value) or (DETAIL_WORD.match(name) and ID_VALUE.match(value)))
        for name, value in pairwise(segments)
    )


def _slug_of_section_words(url: str) -> bool:
    """Whether the URL names its page by a slug of section words only ("/thong-bao-tuyen-
    dung-cong-chuc.html"): a section's, or an article's titled in those words, which its
    link's title, as long as a headline, tells apart."""
    path = urlsplit(url).path
    return _ends_in_a_slug(path) and names_a_section(path)


_SECTION_THEN_NUMBER = re.compile(r"/[^\W\d_][\w-]*/\d{1,7}/?$")


def _numbered_in_a_section(url: str) -> bool:
    """Whether the URL names an item by its number under a section ("/tin-tuc/15": a new
    portal's first articles, too few to have long ids), which its link's title, as long as
    a headline, tells from a page number ("/tin-tuc/2" under a pager's "2")."""
    return _SECTION_THEN_NUMBER.search(urlsplit(url).path) is not None


def _ends_in_a_slug(path: str) -> bool:
    """Whether a slug or a number ends the path, under a first "/" at least."""
    return ARTICLE_LINK.search(_last_segment(path)) is not None and path.count("/") >= 1


def names_item_id(name: str, value: str) -> bool:
    """Whether a query parameter (or a path segment pair) names an item by its id."""
    return bool(
        ITEM_ID_PARAM.match(name) and not NOT_ITEM_PARAM.search(name) and ID_VALUE.match(value)
    )


def _names_an_item(url: str) -> bool:
    """Looser, for links of a listing's own list: a number or opaque id in any query parameter
    not named as a category's or a page's ("?cn=323&gd=7&tc=840" names its item by "tc",
    which no name rule could know)."""
    parts = urlsplit(url)
    # A detail page's address ("/tin-tuc/chi-tiet?pid=200&cid=3"): its number names the item
    # whatever the parameter is called ("pid" is a page's id elsewhere).
    detail = DETAIL_WORD.match(parts.path.rstrip("/").rpartition("/")[2].partition(".")[0])
    return any(
        ID_VALUE.match(value) and (detail or not NOT_ITEM_PARAM.search(name))
        for name, value in parse_qsl(parts.query)
    )


def _next_page(doc: Document) -> str | None:
    # The page's own rel=next (a <link> in its head, or a pager's link): not the pager of a
    # paged box in a side column (Drupal writes rel=next on every view's pager).
    marked = doc.tree.xpath("//a[@rel='next'] | //link[@rel='next']")
    own = [el for el in marked if el.tag == "link" or not _in_side_column(el)]
    for url in absolute_links(doc, own):
        return url
    if marked and any(
        not _in_side_column(el) for el in doc.tree.xpath("//a[@rel='prev' or @rel='previous']")
    ):
        # The list's own pager marks its links (a rel=prev, no rel=next): its last page. The
        # rel=next left is a side box's.
        return None
    anchors = list(doc.tree.iter("a"))
    if _urls_number_pages_as_shown(doc, anchors):
        current_match = PAGE_PARAM.search(doc.url)
        current = int(current_match.group(1)) if current_match else 1
        for url in absolute_links(doc, anchors):
            match = PAGE_PARAM.search(url)
            if match and int(match.group(1)) == current + 1:
                return url
    site = same_site(doc.url)

    def elsewhere_here(anchor: HtmlElement) -> str | None:
        """The anchor's URL when it leads to another page of this portal."""
        found = absolute_links(doc, [anchor]) or _scripted_page(doc, anchor)
        if found and found[0] != doc.url and site(found[0]):
            return found[0]
        return None

    return next_in_pager(anchors, elsewhere_here)


def _in_side_column(element: HtmlElement) -> bool:
    """In an <aside> or a box named as a side one (a pager is a <nav> itself: no chrome test)."""
    return next(element.iterancestors("aside"), None) is not None or in_side_box(element)


def _urls_number_pages_as_shown(doc: Document, anchors: list[HtmlElement]) -> bool:
    """Whether the page numbers in the pager's URLs are the numbers its links show. Drupal
    and some ASP.NET pagers count from 0: their link "2" leads to "?page=1", and "?page=2"
    one past this page would skip the section's second page. Their labels decide then."""
    for anchor in anchors:
        label = element_text(anchor)
        if label.isdecimal():
            match = next((PAGE_PARAM.search(url) for url in absolute_links(doc, [anchor])), None)
            if match and int(match.group(1)) != int(label):
                return False
    return True


def same_site(page_url: str) -> Callable[[str], bool]:
    """Whether a link stays on the page's site (`site_of`)."""
    site = site_of(page_url)
    return lambda url: site_of(url) == site


def _signature(anchor: HtmlElement) -> tuple[str, ...]:
    """The anchor's markup path (tag and first class of each ancestor): items of one list
    share it, while a sidebar box's items have their own."""
    path = []
    for node in (anchor, *anchor.iterancestors()):
        if node.tag in ("body", "html"):
            break
        classes = (node.get("class") or "").split()
        # (Rows styled in turn are one list: GridView's "dong-chan"/"dong-le", Joomla's
        # "cat-list-row0"/"cat-list-row1", "odd"/"even".)
        first = _ALTERNATING.sub("", classes[0]) or "~" if classes else ""
        path.append(f"{node.tag}.{first}" if classes else str(node.tag))
    return tuple(path)


_ALTERNATING = re.compile(
    r"(?:[-_]?(?:odd|even)|[-_](?:alt|alternate|chan|le)|\d+)$", re.IGNORECASE
)


def _section_test(listing_url: str) -> Callable[[str], bool]:
    """Whether a link sits under the listing's own address: "/tin-tuc/…" under "/tin-tuc",
    or "?cn=41&gd=2&tc=1187" under "?cn=41&gd=2" (the page number aside)."""
    parts = urlsplit(listing_url)
    folder = parts.path.rsplit(".", 1)[0].rstrip("/") + "/"
    params = {(k, v) for k, v in parse_qsl(parts.query) if not PAGE_NAME.match(k)}

    def under(url: str) -> bool:
        link = urlsplit(url)
        if params:
            return link.path == parts.path and params <= set(parse_qsl(link.query))
        return folder != "/" and link.path.startswith(folder)

    return under


def _main_list(
    candidates: list[tuple[HtmlElement, str]],
    under_section: Callable[[str], bool],
    short: frozenset[int] = frozenset(),
    pagers: frozenset[HtmlElement] = frozenset(),
) -> list[str]:
    """The links of the section's own list, not of "tin nổi bật" boxes or menus.

    Anchors are grouped by markup path; the group with the most distinct articles wins (side
    boxes, narrow columns count for less; the list the pager goes with, more). Everything
    inside that group's common container is kept, so a
    featured first item with its own markup is not lost. Links with a short text (the ids in
    `short`: "Kế hoạch số 15") count only in a group with titled links, or on a page that has
    no titled link at all, and are kept only as items of the winning list.
    """
    groups: dict[tuple[str, ...], list[tuple[HtmlElement, str]]] = {}
    for anchor, url in candidates:
        groups.setdefault(_signature(anchor), []).append((anchor, url))
    titled = [g for g in groups.values() if any(id(a) not in short for a, _ in g)]
    listed = {id(anchor): url for anchor, url in candidates}

    def weight(group: list[tuple[HtmlElement, str]]) -> float:
        distinct = {url for _, url in group}
        first = group[0][0]
        side = 0.3 if _aside(first) else 1.0
        # On a section's last page its own list may be shorter than a box of another
        # section's news: links under the section's own address count double, and so do
        # the links of the list the pager goes with.
        own = 2.0 if sum(map(under_section, distinct)) * 2 > len(distinct) else 1.0
        # (Not a side box's: two built alike meet only in the page's frame, around the pager.)
        paged = 2.0 if side == 1.0 and pagers and _goes_with_pager(group, pagers, listed) else 1.0
        return len(distinct) * side * own * paged

    if not titled and max(map(weight, groups.values())) < MIN_UNTITLED_LIST:
        return []  # a few short links (a menu's), no list of articles
    contenders = titled or list(groups.values())
    # A side box never outweighs the list the pager goes with, however short a last page
    # leaves it ("Tin mới" and "Xem nhiều" built with the list's own markup).
    main = [group for group in contenders if not _aside(group[0][0])]
    if pagers and any(_goes_with_pager(group, pagers, listed) for group in main):
        contenders = main
    best = max(contenders, key=weight)
    container = lowest_common_ancestor([anchor for anchor, _ in best])
    if len({url for _, url in best}) == 1:
        return [best[0][1]]
    best_signature = _signature(best[0][0])
    inside = {
        id(node)
        for node in container.iter()
        if id(node) not in short or _signature(node) == best_signature
    }
    # The section's newest story is often set apart, above its list ("nổi bật", a bigger
    # picture): beside the list in the same column, one level up, and one or a few only
    # (named like a box of highlights, only when it is the section's own).
    column = container.getparent()
    if column is not None and column.tag not in ("body", "html"):
        # (Above the list: a box under it, "Video" or "Ảnh", is another section's.)
        list_starts = next(i for i, (anchor, _) in enumerate(candidates) if id(anchor) in inside)
        beside = [
            (anchor, url)
            for anchor, url in candidates[:list_starts]
            if id(anchor) not in inside
            and id(anchor) not in short
            and is_inside(anchor, column)
            and (under_section(url) or not in_side_box(anchor))
            and not _in_another_column(anchor, column, container)
        ]
        if 0 < len({url for _, url in beside}) <= MAX_FEATURED:
            inside.update(id(anchor) for anchor, _ in beside)
    return [url for anchor, url in candidates if id(anchor) in inside]


def _aside(anchor: HtmlElement) -> bool:
    return in_side_box(anchor) or _in_narrow_column(anchor)


# Bootstrap's narrow columns (a third of the row or less) hold side boxes, not the section.
NARROW_COLUMN = re.compile(r"(?:^|\s)col-(?:(?:xs|sm|md|lg|xl)-)?[1-4](?:$|\s)")


GRID_COLUMN = re.compile(r"(?:^|\s)col-")


def _in_another_column(anchor: HtmlElement, row: HtmlElement, listed: HtmlElement) -> bool:
    """Whether a link sits in a grid column of its own under `row`, beside the column of the
    list (`listed`): a side column's box is no featured story. (The featured box's own inner
    columns, its picture in one and its title in the other, are not beside the list.)"""
    for node in anchor.iterancestors():
        if node is row:
            return False
        if GRID_COLUMN.search(node.get("class") or ""):
            if is_inside(listed, node):
                return False  # the list's own column
            parent = node.getparent()
            if parent is not None and (parent is listed.getparent() or is_inside(listed, parent)):
                return True
    return False


# A table layout's narrow cell: width="30%" (a third of the row or less), width="200".
NARROW_WIDTH = re.compile(r"^\s*(?:(?:[1-2]?\d|3[0-5])(?:\.\d+)?\s*%|[1-2]?\d{1,2}(?:px)?)\s*$")
NARROW_STYLE = re.compile(r"(?:^|;)\s*width\s*:\s*(?:[1-2]?\d|3[0-5])(?:\.\d+)?%", re.IGNORECASE)


def _in_narrow_column(anchor: HtmlElement) -> bool:
    for node in anchor.iterancestors():
        if NARROW_COLUMN.search(node.get("class") or ""):
            return True
        if node.tag in ("td", "th") and NARROW_WIDTH.match(node.get("width") or "x"):
            return True
        if NARROW_STYLE.search(node.get("style") or ""):
            return True
    return False


def _pagers(doc: Document) -> frozenset[HtmlElement]:
    """The page's pagers: boxes named as one (a GridView's pager row too), and the lists of two
    numbered links or more."""
    found = {
        node
        for node in doc.tree.iter("div", "ul", "nav", "p", "td", "span", "table", "tr")
        if PAGER_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}")
    }
    numbered: dict[HtmlElement, int] = {}
    for anchor in doc.tree.iter("a"):
        if element_text(anchor).isdecimal() and (parent := anchor.getparent()) is not None:
            box = parent.getparent() if parent.tag in ("li", "td", "span") else parent
            if box is not None:
                numbered[box] = numbered.get(box, 0) + 1
    return frozenset(found | {box for box, count in numbered.items() if count >= 2})


def _goes_with_pager(
    group: list[tuple[HtmlElement, str]],
    pagers: frozenset[HtmlElement],
    listed: dict[int, str],
) -> bool:
    """Whether a pager sits in the list's box, or right beside it: in a sibling of the box
    that holds no other listed link (a sidebar's box is beside the main column, whose
    pager is not its own)."""
    box = lowest_common_ancestor([anchor for anchor, _ in group])
    if len(group) == 1:
        # A lone item (a last page's): its box is the largest around it that lists nothing
        # else (its picture's link to the same article aside).
        url = group[0][1]
        while (parent := box.getparent()) is not None and parent.tag not in ("body", "html"):
            if any(listed.get(id(a), url) != url for a in parent.iter("a")):
                break
            box = parent
    if any(pager is box or is_inside(pager, box) for pager in pagers):
        return True
    parent = box.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return False
    return any(
        any(pager is sibling or is_inside(pager, sibling) for pager in pagers)
        and not any(id(anchor) in listed for anchor in sibling.iter("a"))
        for sibling in parent
        if sibling is not box and isinstance(sibling.tag, str)
    )


def parse_listing(doc: Document) -> ListingPage:
    next_url, postback = next_page(doc)
    return ListingPage(
        url=doc.url,
        platform=NAME,
        article_urls=section_list(doc),
        next_url=next_url,
        next_postback=postback,
    )


def section_list(doc: Document, accept: Callable[[str], bool] | None = None) -> list[str]:
    """The links of the section's own list (those `accept` takes: a platform's article
    addresses, for a theme its adapter was not written for).

    Links in sidebars and widgets are set aside first; when that leaves none, the list is
    looked for again outside the page's frame alone: a layout's wrapper may be named after
    its sidebar ("has-sidebar"), a page builder's or Blogger's boxes are all "widget"s. (Not
    when titles are listed outside them: a list of another site's articles is no cue to
    read the sidebars.)"""
    found = _section_list(doc, accept, in_listing_chrome)
    if found or _titles_outside(doc, in_listing_chrome):
        return found
    pagers = _pagers(doc)
    return _section_list(doc, accept, lambda anchor: in_page_frame(anchor, pagers))


def _titles_outside(doc: Document, chrome: Callable[[HtmlElement], bool]) -> bool:
    """Whether a few links titled like articles, to any site, lie outside `chrome`."""
    titled = (
        anchor
        for anchor in doc.tree.iter("a")
        if len(element_text(anchor)) >= MIN_TITLE and not chrome(anchor)
    )
    return next(islice(titled, MIN_FALLBACK_LIST - 1, None), None) is not None


def _section_list(
    doc: Document,
    accept: Callable[[str], bool] | None,
    chrome: Callable[[HtmlElement], bool],
) -> list[str]:
    site = same_site(doc.url)
    candidates: list[tuple[HtmlElement, str]] = []
    short: set[int] = set()
    for anchor in doc.tree.iter("a"):
        length = len(element_text(anchor) or _named_by_attribute(anchor))
        if length < MIN_SHORT_TITLE or chrome(anchor):
            continue
        for url in absolute_links(doc, [anchor]):
            if (
                site(url)
                and url != doc.url
                and (
                    is_article_url(url)
                    or _names_an_item(url)
                    or (
                        length >= MIN_FALLBACK_TITLE
                        and (_slug_of_section_words(url) or _numbered_in_a_section(url))
                    )
                )
            ):
                candidates.append((anchor, url))
                if length < MIN_TITLE:
                    short.add(id(anchor))
    if not candidates:
        return []
    found = _main_list(candidates, _section_test(doc.url), frozenset(short), _pagers(doc))
    return [url for url in dict.fromkeys(found) if accept is None or accept(url)]


def _named_by_attribute(anchor: HtmlElement) -> str:
    """The title of a link that shows none: its own title, or its picture's (photo and video
    sections list their items as pictures alone)."""
    title = (anchor.get("title") or "").strip()
    if title:
        return title
    image = next(anchor.iter("img"), None)
    return (image.get("alt") or image.get("title") or "").strip() if image is not None else ""


def titled_list(doc: Document, accept: Callable[[str], bool] | None = None) -> list[str]:
    """The generic reader's list, for a listing whose adapter found none: only when it is a
    list of news titles (three links or more, most of a headline's length), not a menu."""
    urls = section_list(doc, accept)
    if len(urls) < MIN_FALLBACK_LIST:
        return []
    wanted = set(urls)
    lengths = [
        len(element_text(anchor))
        for anchor in doc.tree.iter("a")
        if any(url in wanted for url in absolute_links(doc, [anchor]))
    ]
    titled = sum(length >= MIN_FALLBACK_TITLE for length in lengths)
    return urls if titled * 3 >= len(lengths) * 2 else []


def longer_titled_list(
    doc: Document, urls: list[str], accept: Callable[[str], bool] | None = None
) -> list[str] | None:
    """The generic reader's list of titles (`titled_list`) when an adapter's list is a side
    box's few links beside it: longer, and not all among them."""
    listed = titled_list(doc, accept)
    return listed if len(listed) > len(urls) and not set(urls) >= set(listed) else None


def next_page(doc: Document) -> tuple[str | None, PostBack | None]:
    """The listing's next page, as a link, a page chooser's next choice, or else as an
    ASP.NET form post."""
    next_url = _next_page(doc) or _next_in_page_chooser(doc) or _more_link(doc)
    if next_url is not None and not _leads_on(doc.url, next_url):
        next_url = None
    return next_url, None if next_url else next_postback(list(doc.tree.iter("a")))


def _leads_on(page_url: str, next_url: str) -> bool:
    """Whether a next page's URL does not number a page before this one (a last page's pager
    or page-size chooser leading back to page 1)."""
    here, there = PAGE_PARAM.search(page_url), PAGE_PARAM.search(next_url)
    return here is None or there is None or int(there.group(1)) > int(here.group(1))


def _next_in_page_chooser(doc: Document) -> str | None:
    """A pager that is a drop-down of pages ("<select onchange=…><option value='?page=1'
    selected>1</option><option value='?page=2'>…"): the option after the chosen one."""
    site = same_site(doc.url)
    for select in doc.tree.iter("select"):
        options = list(select.iter("option"))
        values = [(option.get("value") or "").strip() for option in options]
        chosen = next((i for i, o in enumerate(options) if o.get("selected") is not None), 0)
        if chosen + 1 >= len(values):
            continue
        nxt = values[chosen + 1]
        if not PAGE_PARAM.search(nxt) and nxt.isdecimal():
            # Bare numbers, put into the address by its script:
            # onchange="window.location='/tin-tuc?trang='+this.value".
            script = SCRIPT_PAGE_PREFIX.search(select.get("onchange") or "")
            nxt = (
                script.group(1) + nxt if script and PAGE_PARAM.search(script.group(1) + nxt) else ""
            )
        if nxt and PAGE_PARAM.search(nxt):
            url = resolve_url(doc.link_base, nxt)
            if url is not None and site(url) and url != doc.url:
                return url
    return None


# A pager of links with no address, its page in an attribute ("<a href='javascript:;'
# data-page='2'>"), and the page's script that goes there ("location.href='/tin-tuc?trang='+
# $(this).data('page')").
PAGE_ATTRIBUTES = ("data-page", "data-p", "data-pg", "data-pageindex", "data-page-number")
# What a script puts before the page's number: "location='/tin-tuc?trang='+this.value" (a
# page chooser's), "location.href = '?page=' + $(this).data('page')".
SCRIPT_PAGE_PREFIX = re.compile(r"""location(?:\.href)?\s*=\s*['"]([^'"]*)['"]\s*\+""")


def _scripted_page(doc: Document, anchor: HtmlElement) -> list[str]:
    """The address of the page an anchor's attribute numbers, as the page's script builds it."""
    number = next((v for name in PAGE_ATTRIBUTES if (v := anchor.get(name))), None)
    if number is None or not number.strip().isdecimal():
        return []
    facts = doc.memo.facts
    if "pager.script_prefix" not in facts:  # (once a page: its scripts read once)
        prefixes = (
            match.group(1)
            for script in doc.tree.iter("script")
            for match in SCRIPT_PAGE_PREFIX.finditer(script.text or "")
        )
        facts["pager.script_prefix"] = next(
            (prefix for prefix in prefixes if PAGE_PARAM.search(prefix + "2")), None
        )
    prefix = facts["pager.script_prefix"]
    url = resolve_url(doc.link_base, prefix + number.strip()) if prefix is not None else None
    return [url] if url is not None else []


# "Xem thêm" (more) under a list: the next page only when its address numbers the page after
# this one ("p2/", "?trang=2"); elsewhere it leads to another section's page.
MORE_LABEL = re.compile(r"^(?:xem thêm|xem tiếp|tải thêm|more)\s*[»›>]*$", re.IGNORECASE)
PATH_PAGE = re.compile(r"/p(\d+)/?$")


def _more_link(doc: Document) -> str | None:
    """The "Xem thêm" link that leads to the page after this one."""

    def number(url: str) -> int | None:
        found = PAGE_PARAM.search(url) or PATH_PAGE.search(urlsplit(url).path)
        return int(found.group(1)) if found else None

    def offset(url: str) -> int | None:
        found = OFFSET_PARAM.search(url)
        return int(found.group(1)) if found else None

    current = number(doc.url) or 1
    current_offset = offset(doc.url) or 0
    site = same_site(doc.url)
    for anchor in doc.tree.iter("a", "button"):
        if not MORE_LABEL.match(element_text(anchor)):
            continue
        for url in absolute_links(doc, [anchor]) or _loaded_next(doc, anchor):
            if not site(url) or url == doc.url:
                continue
            # By page number, or by the offset of the next items ("?offset=15").
            if number(url) == current + 1 or (offset(url) or 0) > current_offset:
                return url
    return None


# Where a "Xem thêm" button's script loads the next items from (`data-next="/tin-tuc?page=2"`):
# a page of the section's list, unless it is a data service's (JSON, read by no adapter).
LOAD_ATTRIBUTES = ("data-next", "data-url", "data-href", "data-link", "data-load-more")
DATA_SERVICE = re.compile(r"/api/|\.json\b|[?&](?:format|output)=json|/ajax/", re.IGNORECASE)


def _loaded_next(doc: Document, button: HtmlElement) -> list[str]:
    for name in LOAD_ATTRIBUTES:
        value = (button.get(name) or "").strip()
        if value and not DATA_SERVICE.search(value):
            url = resolve_url(doc.link_base, value)
            return [url] if url is not None else []
    return []


# The first item's rank a "Xem thêm" link asks for: "?offset=15", "from=10". (Joomla's
# "start=" is a pager's, read there.)
OFFSET_PARAM = re.compile(r"[?&](?:offset|from|skip)=(\d+)(?=$|[&#])", re.IGNORECASE)


# What a section's page past its end, or an empty section, says where its list would be.
NOTHING_LISTED = re.compile(
    r"^\W*(?:không có|chưa có|không tìm thấy) (?:dữ liệu|bài viết|tin(?: bài| tức)?|kết quả)"
    r"(?: nào)?\W*$|^\W*no (?:data|results|posts|items)(?: found)?\W*$",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 80


def says_nothing_listed(doc: Document) -> bool:
    """Whether the page says, outside its header, menus, footer and side boxes, that the
    list it shows is empty ("Không có dữ liệu", "Chưa có bài viết nào")."""
    lowered = node_text(doc.tree).lower()
    if not any(hint in lowered for hint in ("không có", "chưa có", "không tìm thấy", "no ")):
        return False  # (most listing pages)
    for element in doc.tree.iter("div", "p", "span", "td", "li", "em", "strong"):
        text = element_text(element)
        if (
            text
            and len(text) <= MAX_NOTICE_CHARS
            and NOTHING_LISTED.match(text)
            and not in_chrome(element)
            and not in_side_box(element)
        ):
            return True
    return False
