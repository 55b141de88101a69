"""The fallback for portals of unknown platforms.

Title from the article heading (not <title>, which carries the site name), a Vietnamese
dateline near the title, main text by content density, lead and author boxes set apart from
the text, byline by the conventions of PORTALS.md §4. Listing pages: generic_listing.py.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import (
    BLOCK_TAGS,
    element_text,
    extract_content,
    is_noise,
    paragraphs,
    picture_cell,
)
from ..dates import is_print_date_header, with_post_time
from ..document import Document
from ..element_texts import node_text
from ..model import Article, NotAnArticle
from ..text import clean_line
from .base import Platform, last_crumb, title_segments
from .generic_boxes import (
    after_body_lines,
    author_beside_date,
    byline_after,
    closing_lines,
    find_author_box,
    find_author_line,
    find_lead,
    labelled_fields,
    microdata_author,
    opening_author_line,
    posted_time,
)
from .generic_declared import declared_parts
from .generic_far_datelines import far_datelines, opening_dateline
from .generic_fields import (
    dateline_texts,
    machine_time_lines,
    mostly_date,
    order_datelines,
    printed_date,
    split_heading_date,
)
from .generic_gallery import gallery_images, lead_images
from .generic_layout import in_chrome, in_noise_box, is_inside, is_post_footer
from .generic_listing import is_article_url, parse_listing
from .generic_loose_text import (
    box_vote,
    br_paragraphs,
    loose_holders,
    loose_vote,
    pre_paragraphs,
)
from .generic_teasers import MIN_TEASERS, TeaserBoxes, is_teaser_title, opens_with_teasers
from .generic_title import find_title

NAME = "generic"

ERROR_PAGE = re.compile(
    r"không tìm thấy (?:trang|bài viết|nội dung|dữ liệu|tài nguyên)|trang (?:bạn tìm|không tồn tại)|"
    r"page not found|404 not found|lỗi 404|bài viết không tồn tại|nội dung không tồn tại|"
    # Liferay's own message for a removed asset, in Vietnamese and English.
    r"the requested resource (?:was not|could not be) found",
    re.IGNORECASE,
)
# A lower-case piece of each ERROR_PAGE branch, without "i" or "s" (re.IGNORECASE also takes
# "ı" and "ſ" for them, which str.lower() leaves alone): a text holding none cannot match.
ERROR_HINTS = ("không tìm thấy ", "trang bạn tìm", "page not found", "404", "không tồn t", "reque")
CONTENT_TAGS = ("div", "article", "section", "td", "main")
INLINE_WRAPPERS = ("span", "font", "form", "center")
PARAGRAPH_TAGS = ("p", "div", "li", "td", "blockquote", "h2", "h3", "h4")
MIN_BODY_CHARS = 80
# A date line as templates print it: the date first, or a weekday or publish label before it.
BARE_DATE_LINE = re.compile(
    r"^\W*(?:\d|thứ|chủ nhật|t[2-7]\b|cn\b|ngày đăng|đăng ngày|ngày \d|cập nhật)", re.IGNORECASE
)
ICON_FONT_CLASSES = (
    *("material-icons", "material-icons-outlined", "material-icons-round"),
    *("material-icons-sharp", "material-symbols-outlined", "material-symbols-rounded"),
)
# What may stand above the title inside the text's box: a site name, a trail, a category.
MAX_HEADER_CHARS = 200
# Paragraphs under <body> itself make the text only when no box holds any: three or so.
MIN_UNBOXED_SCORE = 6.0
# A short notice's box: its title, dateline, a few lines; more is a column of the page.
MAX_SHORT_CHARS = 1500
# Breadcrumbs, by the names templates give them (Bootstrap, schema.org, Vietnamese "đường dẫn",
# ASP.NET portals' "path" cell): their links.
BREADCRUMB = (
    ".breadcrumb a, .breadcrumbs a, #breadcrumbs a, .breadcrumb-item a, "
    "[itemtype*=BreadcrumbList] a, nav[aria-label=breadcrumb] a, .duong-dan a, .duongdan a, "
    ".path a"
)
MAX_CATEGORY_CHARS = 80
BREADCRUMB_WORDS = ("breadcrumb", "duong-dan", "duongdan", "path")


def fingerprint(doc: Document) -> list[str]:
    return ["no platform fingerprint matched: generic extraction"]


def _container_of(element: HtmlElement) -> HtmlElement | None:
    """The nearest block container above `element`, looking through inline wrappers
    (ASP.NET portals put the whole body in a <span id="…lblContent">)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in CONTENT_TAGS:
            return ancestor
        if ancestor.tag not in INLINE_WRAPPERS:
            return None
    return None


def _wraps_one(element: HtmlElement) -> bool:
    """A box around a single block and nothing else. (Not len(element): lxml counts the
    children one by one, and a text of thousands of paragraphs asks this of each.)"""
    first = next(iter(element), None)
    return (
        first is not None
        and first.getnext() is None
        and not (element.text or "").strip()
        and not (first.tail or "").strip()
    )


def _box_of_alike_blocks(
    wrapper: HtmlElement, counted: dict[tuple[HtmlElement, object], int]
) -> HtmlElement:
    """Where a paragraph alone in its box votes: the box holding its box and others alike when
    each paragraph has boxes of its own (Editor.js: `ce-block > ce-block__content >
    ce-paragraph`, a page builder's blocks), else its own box. A lone lead or byline in a
    wrapper of its own beside the text keeps its vote where it is."""
    outer = wrapper
    while (up := _container_of(outer)) is not None and _wraps_one(up):
        outer = up
    box = _container_of(outer)
    if box is None:
        return wrapper
    kind = _block_kind(outer)
    key = (box, (kind[0], tuple(kind[1])))
    if key not in counted:  # (once a box: an Editor.js text asks it of each of its blocks)
        counted[key] = sum(1 for block in box if _block_kind(block) == kind)
    return box if counted[key] >= MIN_ALIKE_BLOCKS else wrapper


def _block_kind(element: HtmlElement) -> tuple[object, list[str]]:
    """What makes blocks alike: their tag and first class."""
    return element.tag, (element.get("class") or "").split()[:1]


# Blocks alike, each boxing one paragraph, that make a text rather than a lead and a byline.
MIN_ALIKE_BLOCKS = 3


def _text_cell(element: HtmlElement) -> bool:
    """A table cell of an old layout that holds text of its own (not only boxes), split by
    <br> (and maybe a right-aligned <div> byline), with no box above it but rows."""
    if element.tag != "td" or _container_of(element) is not None:
        return False
    # Its text outside block children: a layout cell holds tables and boxes, not text.
    boxed = sum(
        len(element_text(child))
        for child in element
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS
    )
    return len(element_text(element)) - boxed >= MIN_CELL_TEXT and not in_chrome(element)


# What a cell must hold of its own text to be a paragraph of the article, not a layout cell.
MIN_CELL_TEXT = 80


# Lines this short are looked at as datelines before they vote as text (compiled patterns
# only: dateparser on every short line with a number would cost more than the whole page).
MAX_DATE_LINE = 60
_DIGIT = re.compile(r"\d")


def _holds_blocks(element: HtmlElement) -> bool:
    """A child is a block element (then the element is a wrapper, not a paragraph)."""
    for child in element:  # a plain loop: called for every paragraph-like element of the page
        tag = child.tag
        if isinstance(tag, str) and tag != "br" and tag in BLOCK_TAGS:
            return True
    return False


def _vote(scores: dict[HtmlElement, float], box: HtmlElement, value: float) -> None:
    """`value` for `box`, and half of it for the box around it."""
    scores[box] = scores.get(box, 0.0) + value
    if (grand := _container_of(box)) is not None:
        scores[grand] = scores.get(grand, 0.0) + value / 2


def _score_containers(doc: Document, teaser_box: TeaserBoxes) -> HtmlElement | None:
    """Readability-style density: paragraphs vote for their parent and grandparent."""
    scores: dict[HtmlElement, float] = {}
    # Paragraphs straight under <body> (a print view's: no box at all) vote for it.
    unboxed = 0.0
    # Only an element with a class or an id can be noise (its tag never is): the memo lists
    # them, which spares reading both attributes of every other paragraph.
    attributed = {element for element, _ in doc.memo.valued("class")}
    attributed.update(element for element, _ in doc.memo.valued("id"))
    alike_counts: dict[tuple[HtmlElement, object], int] = {}
    for para in doc.tree.iter(*PARAGRAPH_TAGS):
        if para in attributed and is_noise(para):
            continue
        loose: list[str] = []
        if _holds_blocks(para) and not _text_cell(para) and not (loose := br_paragraphs(para)):
            continue
        if loose and not in_chrome(para):
            # A box holding its text split by <br>, and blocks beside it (a byline's <div>):
            # the box is the text's, and each of its paragraphs votes for it.
            _vote(scores, para, loose_vote(loose))
            continue
        text = element_text(para)
        if len(text) < 25 or (
            len(text) < MAX_DATE_LINE
            and _DIGIT.search(text)
            and mostly_date(doc, text, fallback=False)
        ):
            continue  # (a dateline is no text: "Thứ Năm, 05/06/2025 09:15" tipped the vote)
        links = 0
        for link in para.iter("a"):  # (a loop: most paragraphs have no link)
            links += len(element_text(link))
        if links / max(len(text), 1) > 0.5:
            continue
        value = paragraph_vote(text)
        parent = _container_of(para)
        if parent is not None and _wraps_one(parent):
            parent = _box_of_alike_blocks(parent, alike_counts)
        if parent is None and _text_cell(para):
            # A table layout's cell holding the text itself, its paragraphs split by <br>:
            # the cell is the box, and each of those paragraphs votes for it.
            parent = para
            pieces = 1 + sum(1 for br in para.iter("br") if not (br.tail or "").strip())
            value = box_vote(pieces, len(text), text.count(","))
        # A teaser's summary (under a heading that links to another page) is a listing's
        # text: a box of six in a sidebar or under the text outweighed a short article's.
        if parent is not None and not teaser_box(parent):
            _vote(scores, parent, value)
        elif parent is None and para.getparent() is not None and para.getparent().tag == "body":
            unboxed += value
    for holder in loose_holders(doc.tree):
        # A <span> or <font> holding the text split by <br> (an ASP.NET label), a <pre>: its
        # paragraphs vote for the box around it.
        box = _container_of(holder)
        if box is None or (holder in attributed and is_noise(holder)) or in_chrome(holder):
            continue
        texts = pre_paragraphs(holder) if holder.tag == "pre" else br_paragraphs(holder)
        if texts:
            _vote(scores, box, loose_vote(texts))
    if not scores:
        body = doc.tree.find("body")
        if body is not None and unboxed + _loose_text_score(body) >= MIN_UNBOXED_SCORE:
            return body
    # Readers' comments, a related list: never the article, however long (asked only of the
    # winner, and of the next one when it is such a box).
    while (best := _best_scored(scores)) is not None and in_noise_box(best):
        del scores[best]
    return best


# A page that is a form to fill in, not news: its heading, or a password field in its text.
FORM_PAGE_TITLE = re.compile(
    r"^(?:(?:thông tin )?liên hệ(?: với chúng tôi)?|contact(?: us)?|đăng nhập(?: hệ thống)?|login"
    r"|sign in)$",
    re.IGNORECASE,
)


def _form_page(container: HtmlElement, title: str | None) -> bool:
    """Whether the page is a form (contact, login): named so by its title or the heading of
    its text (too short to be taken as a title: "Liên hệ"), or asking for a password."""
    if title and FORM_PAGE_TITLE.match(title):
        return True
    # The heading the text opens with (a notice's "Thông tin liên hệ" further down is text).
    opening = next(container.iter("h1", "h2"), None)
    if opening is not None and FORM_PAGE_TITLE.match(heading := element_text(opening)):
        return element_text(container).startswith(heading)
    return any(field.get("type") == "password" for field in container.iter("input"))


# A site search's answer: its address ("/tim-kiem?q=", "/search?keyword=", WordPress's "?s=")
# or its heading ("Kết quả tìm kiếm", "Tìm thấy 2 kết quả"). One or two hits look like an
# article (a linked heading, a date, a snippet); either sign alone is no proof, both are.
SEARCH_ADDRESS = re.compile(
    r"(?:tim-?kiem|timkiem|search)[^?]*\?(?:.*&)?(?:q|s|k|key|keyword|keywords|tukhoa|query)=",
    re.IGNORECASE,
)
SEARCH_HEADING = re.compile(
    r"^(?:kết quả tìm kiếm|search results?|tìm thấy \d+ kết quả|có \d+ kết quả)", re.IGNORECASE
)


SEARCH_PAGE = "a site search's results page"


def _search_heading(doc: Document) -> bool:
    """Whether the page says it lists a search's results ("Kết quả tìm kiếm")."""
    return any(
        SEARCH_HEADING.match(element_text(el))
        for el in doc.tree.iter("h1", "h2", "h3", "p", "div", "span")
        if len(el) <= 2 and (el.text or "").strip()[:1].isalpha()
    )


def _loose_text_score(body: HtmlElement) -> float:
    """The vote of text set straight in <body>, its paragraphs split by <br> (a print view
    with no box at all), scored as paragraphs are."""
    pieces = [body.text, *(child.tail for child in body)]
    for child in body:
        # (Or in a <font> around it all, as a frame's content page sets its text.)
        if child.tag in INLINE_WRAPPERS:
            pieces += [child.text, *(grandchild.tail for grandchild in child)]
    return sum(
        paragraph_vote(text) for piece in pieces if piece and len(text := piece.strip()) >= 25
    )


def paragraph_vote(text: str) -> float:
    """What a paragraph adds to its box's claim to be the text: more for long ones, and for
    commas (prose has them; menus and link lists do not)."""
    return 1 + min(len(text) / 100, 3) + text.count(",") * 0.1


def _best_scored(scores: dict[HtmlElement, float]) -> HtmlElement | None:
    """max(scores, key=score × 0.4 in chrome), the first of equals winning; whether a block is
    in chrome is only asked of those whose full score could beat the best one so far."""
    best: HtmlElement | None = None
    best_score = 0.0
    for element, score in scores.items():
        if best is not None and score <= best_score:
            continue
        if in_chrome(element):
            score *= 0.4
        if best is None or score > best_score:
            best, best_score = element, score
    return best


def _may_close_with_post_footer(container: HtmlElement) -> bool:
    """Whether the text block's last words could hold a post's footer ("Đăng lúc …"): the
    block's text is known already, its lines are read only then."""
    tail = element_text(container)[-POST_FOOTER_CHARS:]
    return "Đăng" in tail or "đăng" in tail or "Posted" in tail or "posted" in tail


POST_FOOTER_CHARS = 200


def _visible_length(element: HtmlElement) -> int:
    return sum(len(b.text) for b in paragraphs(element))


def _expand(container: HtmlElement, title_el: HtmlElement | None) -> HtmlElement:
    """Climb to parents that add little text: the lead or byline often sit just outside the
    densest block. Never climb to the block holding the title (it holds the page's chrome)."""
    # The container's own length is read only once a parent is worth measuring: most pages
    # stop at the first parent (it holds the title, or is chrome), and each length is a walk
    # of the block's paragraphs.
    length: int | None = None
    node = container
    while (parent := node.getparent()) is not None and parent.tag not in ("body", "html"):
        if title_el is not None and (parent is title_el or is_inside(title_el, parent)):
            break
        if in_chrome(parent):
            break
        if parent.tag == "tr" and _columns_beside(node, parent):
            break  # a layout's row of columns: the menus and side boxes are beside the text
        if any(
            sibling is not node and isinstance(sibling.tag, str) and in_chrome(sibling)
            for sibling in parent
        ):
            break  # a row with the sidebar (<aside>) beside the text's column
        if length is None:
            length = _visible_length(container)
        parent_length = _visible_length(parent)
        if parent_length > length * 1.3 + 200 and not _split_text(node, parent):
            break
        node, length = parent, parent_length
    return node


def _columns_beside(cell: HtmlElement, row: HtmlElement) -> bool:
    """Whether the row's other cells hold text of their own (a layout's menus, side boxes),
    not a picture and its caption set beside the text inside its box."""
    return any(
        other is not cell and element_text(other) and not picture_cell(other)
        for other in row
        if isinstance(other.tag, str)
    )


# Link text a text split into blocks may hold (a link or two in its sentences), as a share.
MAX_SPLIT_LINK_SHARE = 0.2


def _split_text(node: HtmlElement, parent: HtmlElement) -> bool:
    """Whether `node` is one of its parent's blocks alike (same tag and first class) that
    together are the text: a page builder's pieces (Drupal's paragraphs, SP Page Builder's
    addons, Editor.js blocks) with a picture or a quote between, not a list of links."""
    kind = _block_kind(node)
    blocks = [child for child in parent if isinstance(child.tag, str)]
    if len(blocks) < MIN_ALIKE_BLOCKS or any(_block_kind(b) != kind for b in blocks):
        return False
    text = len(element_text(parent))
    linked = sum(len(element_text(a)) for a in parent.iter("a"))
    return text > 0 and linked <= text * MAX_SPLIT_LINK_SHARE


def _error_message(doc: Document) -> str | None:
    """The "page not found" message of a CMS error page served with status 200."""
    page_title = " ".join(title_segments(doc))
    if ERROR_PAGE.search(page_title):
        return page_title
    # One pass over the text spares an element-by-element search; the hints spare most of
    # that pass (the case-blind regex tries every position of the page's text).
    text = node_text(doc.tree)
    lowered = text.lower()
    if not any(hint in lowered for hint in ERROR_HINTS) or ERROR_PAGE.search(text) is None:
        return None
    for element in doc.tree.iter("h1", "h2", "h3", "h4", "p", "div", "span"):
        if element.tag in ("div", "span", "p") and len(element) > 3:
            continue
        text = element_text(element)
        if len(text) < 200 and ERROR_PAGE.search(text):
            return text
    return None


def _may_have_breadcrumb(doc: Document) -> bool:
    """Whether a class or the page names a breadcrumb at all: most pages of the long tail have
    none, and the selector's nine parts cost more than these looks."""
    classes = doc.memo.class_text().lower()
    return any(word in classes for word in BREADCRUMB_WORDS) or doc.mentions("readcrumb")


def _category(doc: Document, title: str | None) -> str | None:
    """The section the page files the article under: its breadcrumb's last link (not the
    home page, not the article), else `article:section`."""
    if title and _may_have_breadcrumb(doc):
        crumb = last_crumb(doc, BREADCRUMB, title)
        if crumb and len(crumb) <= MAX_CATEGORY_CHARS:
            return crumb
    section = next(
        (m.get("content") for m in doc.metas() if m.get("property") == "article:section"), ""
    )
    return clean_line(section or "") or None


def _short_article_box(doc: Document) -> HtmlElement:
    """The box of a short notice: its title, its dateline, then a line or a file ("Thông báo
    lịch tiếp công dân", "Xem nội dung tại đây" and a PDF, a schedule as a picture). There is
    no block of text to find; a heading that names the page with a dateline under it says it
    is an article, and the box that holds them holds the rest."""
    _, title_el = find_title(doc)
    if title_el is None or not dateline_texts(doc, title_el)[0]:
        raise NotAnArticle("no_body", "no block of article text found")
    box = title_el.getparent()
    # Out of the title's own wrappers (<div class="title"><h1>…</h1></div>).
    while box is not None and element_text(box) == element_text(title_el):
        box = box.getparent()
    if box is None or box.tag in ("body", "html") or len(element_text(box)) > MAX_SHORT_CHARS:
        raise NotAnArticle("no_body", "no block of article text found")
    return box


def _notice_with_a_file(doc: Document) -> HtmlElement | None:
    """The box of a short notice that the footer's paragraphs outweigh: a line and the
    document it announces (a PDF shown in an <object>, a linked file), under its title and
    dateline. Without a file, such a box is as likely a listing's last short page."""
    try:
        box = _short_article_box(doc)
    except NotAnArticle:
        return None
    if in_chrome(box) or not extract_content([box], doc.link_base, set()).attachments:
        return None
    return box


def parse_article(doc: Document) -> Article:
    error = _error_message(doc)
    if error:
        raise NotAnArticle("error_page", error[:120])
    # The memo's one walk of the page (the title's candidates need its class index anyway),
    # before any other: it keeps every element's lxml proxy alive, so that the walks below
    # reuse them instead of building new ones, and element_text finds the page's memo at once.
    doc.memo.position(doc.tree)
    # Icon-font ligatures: "<i class=material-icons>schedule</i>" shows a clock; its text is
    # the icon's name, no word of the page ("person Quang Vinh", "event 15/10/2025").
    if "material-" in doc.memo.class_text():  # (one look at the page's classes, most: none)
        doc.drop([el for name in ICON_FONT_CLASSES for el in doc.memo.with_class(name)])
    searched = SEARCH_ADDRESS.search(doc.url) is not None
    if searched and _search_heading(doc):
        raise NotAnArticle("not_an_article", SEARCH_PAGE)
    teaser_box = TeaserBoxes(doc)
    container = _score_containers(doc, teaser_box)
    short = container is None or len(element_text(container)) < MIN_BODY_CHARS
    if teaser_box.count >= MIN_TEASERS and (short or in_chrome(container)):
        # Nothing but teasers to read (what is left is chrome, or too short): a listing.
        raise NotAnArticle("not_an_article", "a listing page: its text is a list of teasers")
    if short:
        declared = declared_parts(doc, MIN_BODY_CHARS)
        if declared is not None:
            return assemble(doc, NAME, declared)
        container = _short_article_box(doc)
    if in_chrome(container):
        container = _notice_with_a_file(doc)
        if container is None:
            raise NotAnArticle("no_body", "the only text is in the page's header, footer or menus")
    if ERROR_PAGE.search(element_text(container)[:300]):
        raise NotAnArticle("error_page", element_text(container)[:120])
    title, title_el = find_title(doc, container)
    if title and ERROR_PAGE.search(title):
        raise NotAnArticle("error_page", title[:120])
    if is_teaser_title(doc, title_el):
        raise NotAnArticle(
            "not_an_article", f"a listing page: its heading {title[:80]!r} links to another page"
        )
    if opens_with_teasers(doc, container, title_el):
        raise NotAnArticle("not_an_article", "a listing page: its text is a list of teasers")
    if (
        not searched
        and title_el is not None
        and next(title_el.iter("a"), None) is not None  # (nearly every title: no link)
        and _search_heading(doc)
    ):
        raise NotAnArticle("not_an_article", SEARCH_PAGE)
    if _form_page(container, title):
        raise NotAnArticle("not_an_article", f"a contact or login page: {title!r}"[:120])
    title, title_date = split_heading_date(doc, title, title_el) if title else (title, None)
    if not short:
        container = _expand(container, title_el)
    skip = {title_el} if title_el is not None else set()
    if title_el is not None and is_inside(title_el, container):
        # The text never comes before its title: what is above it in the box is a header (a
        # print view's site name, a trail), unless it is long enough to be text and the
        # heading one of its subheadings.
        top = next((a for a in title_el.iterancestors() if a.getparent() is container), title_el)
        header = [el for el in top.itersiblings(preceding=True) if isinstance(el.tag, str)]
        if container.tag == "body" or sum(map(len, map(element_text, header))) <= MAX_HEADER_CHARS:
            skip.update(header)
    # Broken markup (an unclosed <div> around the text) can leave the page's side column,
    # menus and footer inside the text's box: never the text. A post's own footer stays.
    skip.update(
        el
        for el in container.iter("aside", "nav", "footer")
        if el.tag != "footer" or not is_post_footer(el)
    )
    field_author, fields = labelled_fields(doc)
    skip.update(fields)
    lead = find_lead(doc, container, title_el)
    shown_lines, machine_times = dateline_texts(doc, title_el)
    skip |= machine_time_lines(doc)
    if title_date and not shown_lines:
        shown_lines = [title_date]  # the only date the page shows is in its heading
    # No date by the title: a labelled publish line under the text or in the bar above it
    # (after any machine time, and cut from the text either way).
    if not shown_lines and title_el is None:
        shown_lines = opening_dateline(doc, container)
    far = [] if shown_lines else far_datelines(doc, container)
    if not shown_lines and not far and title_el is not None and not machine_times:
        # Nothing by the title, nor labelled elsewhere: a bare date line opening the text,
        # where broken markup (an unclosed meta <div> holding the text) put the title's
        # dateline. (Never a labelled one there: "Thời gian: …" is an event's.)
        shown_lines = [t for t in opening_dateline(doc, container) if BARE_DATE_LINE.match(t)]
    datelines, shown = order_datelines(doc, shown_lines, machine_times)
    datelines += far
    after_body = after_body_lines(container)
    if datelines and (
        (time := posted_time(after_body))
        or (
            _may_close_with_post_footer(container)
            and (time := posted_time(closing_lines(container)))
        )
    ):
        datelines = [with_post_time(datelines[0], time), *datelines[1:]]
    if (
        shown_lines
        and shown_lines[0] in (datelines[0], shown)
        and doc.dateline(shown_lines[0]) is not None
        and not is_print_date_header(shown_lines[0])
    ):
        # Shown as printed, not with the box's other words; read and cut from the text whole.
        shown = printed_date(doc, shown_lines[0], title_el)
    warnings = []
    headings = {element_text(h1) for h1 in doc.tree.iter("h1")} - {""}
    if len(headings) > 1:
        warnings.append(
            f"{len(headings)} different <h1> headings on the page: title chosen by score"
        )
    parts = Parts(
        title=title,
        dateline_texts=datelines,
        shown_dateline=shown,
        content_roots=[container],
        skip=skip,
        summary=element_text(lead) if lead is not None else None,
        category=_category(doc, title),
        loose_byline=True,
        fallback_byline=lambda: (
            find_author_box(doc, container)
            or find_author_line(after_body)
            or byline_after(container)
            or (author_beside_date(doc, shown_lines[0]) if shown_lines else None)
            or field_author
            or microdata_author(doc)
            or opening_author_line(container)
        ),
        extra_images=lead_images(doc, container, title_el),
        trailing_images=gallery_images(doc, container),
        warnings=warnings,
    )
    return assemble(doc, NAME, parts)


PLATFORM = Platform(
    name=NAME,
    description="any other portal: heading, nearby dateline, densest text block",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)
