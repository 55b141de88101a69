"""Turn an article's content element into paragraphs, images with captions, and attachments.

Every extractor (platform adapter or generic) ends here once it has found the element that
holds the article text, so that bodies look the same whatever the CMS: plain text, one
paragraph per block element, table rows as "cell | cell", captions out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .element_texts import element_text
from .model import Attachment, Image
from .text import clean, clean_line
from .urls import scripted_address, url_joiner

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "pre",
        "address",
        "center",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "main",
        "aside",
        "nav",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
    ]
)
# Never text of the article: code, widgets, the CMS's own furniture.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "map",
        "audio",
        "video",
        "source",
        "head",
        "title",
        "meta",
        "link",
        # Word's <xml><w:WordDocument>… island, pasted with a text (its settings are words).
        "xml",
    ]
)
BOLD_TAGS = frozenset({"strong", "b"})
ITALIC_TAGS = frozenset({"em", "i"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FORMAT_TAGS = BOLD_TAGS | ITALIC_TAGS

# Class or id words of blocks that are not the article: related-article lists, share bars,
# print/mail actions, comment boxes, tag clouds. Matched as whole tokens of the attribute.
_NOISE_WORDS = (
    r"(?:related(?:[_-]?(?:asset|news|posts?|list))?|tin-?lien-?quan|tinlienquan|"
    r"other-?news|tin-?khac|share|sharing|social|addthis|print-action|mailto-action|"
    r"asset-control-detail|view-content-author|comments?|tags?|breadcrumbs?|pagination|"
    r"taglib-page-iterator|ratings?|banner|advert(?:isement)?|"
    # Liferay 6.2's related assets; WordPress table-of-contents plugins (Easy TOC, TOC+).
    r"asset-links|ez-toc-container|toc_container|"
    # Text-to-speech players over the text ("Nghe bài viết 00:00 Giọng đọc: Ban Mai").
    r"tts|text-to-speech|audio-player|"
    # K2's extra fields after the text ("Thông tin thêm", "Nguồn tin: …"): the item's record.
    r"itemextrafields|extra-?fields|"
    # An announcement the page opens over itself ("Cổng TTĐT xã vận hành thử nghiệm"): a
    # Bootstrap modal, a popup.
    r"modal|popup|"
    # A copy of the text for printing only, hidden on screen by the stylesheet.
    r"print-?only|only-?print|visible-print(?:-block)?)"
)
NOISE_ATTR = re.compile(rf"(?:^|[\s_-]){_NOISE_WORDS}(?:$|[\s_-])", re.IGNORECASE)
# The same on lower-case ASCII (nearly every class and id): twice as fast as IGNORECASE.
_NOISE_ATTR_LOWER = re.compile(rf"(?<![^\s_-]){_NOISE_WORDS}(?![^\s_-])")
# Liferay serves documents as /documents/<group>/<folder>/<file.pdf>/<uuid>: the extension
# need not end the path.
_DOCUMENT_EXT = r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)"
ATTACHMENT_EXT = re.compile(rf"{_DOCUMENT_EXT}(?:/|$)", re.IGNORECASE)
# The extension anywhere in a URL: the resolved path cannot have it if neither the link nor
# the page's URL does (urlsplit drops tabs and newlines first, so those are let through).
# (The control characters are looked for apart: in one alternation with them, sre finds no
# "." to skip ahead to and tries the pattern at every position of the URL, ~7x slower.)
_FILE_EXT = re.compile(_DOCUMENT_EXT, re.IGNORECASE)
# What is left of a paragraph once its attachment links are taken out ("- Tải về").
MAX_ATTACHMENT_LINE_REST = 20
# A table that lists files: a few cells a row (number, name, date, link), each row short.
MAX_FILES_TABLE_CELLS = 5
MAX_FILES_TABLE_ROW_CHARS = 300
CAPTION_ATTR = re.compile(r"caption|chu-?thich|chuthich|image-desc|img-desc", re.IGNORECASE)
MAX_CAPTION_CHARS = 400
# Right-aligned, or pushed to the right by a wide left margin ("margin-left: 360px", as old
# editors indented bylines; a paragraph's indent is a few dozen pixels).
_RIGHT = re.compile(
    r"text-align\s*:\s*right|(?:margin|padding)-left\s*:\s*(?:[2-9]\d\d|\d{4})(?:\.\d+)?px",
    re.IGNORECASE,
)
_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_ICON_SRC = re.compile(
    r"spacer|sprite|/icons?/|[/_-]icons?[_.-]|[a-z-]button[._-]|printfriendly|blank\.gif|"
    r"pixel\.gif|loading|"
    # A toolbar's pictures, named for their tool: "/images/print.gif", "mail.png", "top.gif".
    r"/(?:print(?:er)?|in|e?-?mail|send|top|totop|gotop|back|up|share|rss|facebook|zalo|twitter)"
    r"\.(?:gif|png|jpe?g|svg|webp)(?:[?#]|$)",
    re.IGNORECASE,
)
# The same, case-sensitive, for lower-cased ASCII text (see _is_icon).
_ICON_SRC_LOWER = re.compile(_ICON_SRC.pattern)
if _ICON_SRC.pattern != _ICON_SRC.pattern.lower():
    raise ValueError("_ICON_SRC is matched on lower-cased text: write it in lower case")


@dataclass(slots=True)
class Block:
    """One paragraph of text and the element that holds it."""

    text: str
    element: HtmlElement
    bold: bool = False
    italic: bool = False
    heading: bool = False

    @property
    def align(self) -> str | None:
        return alignment(self.element)


@dataclass
class Content:
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def alignment(element: HtmlElement, stop: HtmlElement | None = None) -> str | None:
    """ "right"/"center" from the align attribute or inline style of the element or a parent."""
    # (Up to the top of the page for every byline candidate: attributes are tested only
    # where they are set.)
    node: HtmlElement | None = element
    while node is not None and node is not stop:
        align = node.get("align")
        if align and (align := align.lower()) in ("right", "center"):
            return align
        classes = node.get("class")
        if classes:
            # WordPress block editor and Bootstrap themes align by class (Bootstrap 5: "end").
            if "align-right" in classes or "text-right" in classes or "text-end" in classes:
                return "right"
            if "align-center" in classes or "text-center" in classes:
                return "center"
        style = node.get("style")
        if style:
            if _RIGHT.search(style):
                return "right"
            if _CENTER.search(style):
                return "center"
        node = node.getparent()
    return None


def _form_label(label: HtmlElement) -> bool:
    """A form's field label ("<label for=email>Email</label>"), not a document's field name
    printed as a label ("<label>Số/Ký hiệu:</label> 128/QĐ-UBND")."""
    return label.get("for") is not None or (
        next(label.iter("input", "select", "textarea", "button"), None) is not None
    )


def is_noise(element: HtmlElement) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS or (tag == "label" and _form_label(element)):
        return True
    classes, ident = element.get("class"), element.get("id")
    if not classes and not ident:
        return False  # most elements: no attribute to search
    return noisy_attributes(classes, ident)


def noisy_attributes(classes: str | None, ident: str | None) -> bool:
    """Whether a class or id word marks a block that is not the article (NOISE_ATTR)."""
    attrs = f"{classes or ''} {ident or ''}"
    if attrs.isascii():
        return _NOISE_ATTR_LOWER.search(attrs.lower()) is not None
    return bool(attrs.strip()) and NOISE_ATTR.search(attrs) is not None


# --- images and attachments ------------------------------------------------------------------


# Picture addresses nobody can fetch: a placeholder ("data:…", "about:blank", lazy-loading
# themes' "javascript:void(0)", the file in data-src), or a file on the editor's own
# computer, as Word leaves a pasted picture ("file:///C:/Users/…/msohtmlclip1/01/clip_image002").
_NO_PICTURE_ADDRESS = ("data:", "file:", "FILE:", "about:", "javascript:")
# Narrower or lower than this in pixels: an icon, a bullet or a spacer, not a picture.
MIN_PICTURE_SIDE = 40


# Where lazy-loading scripts keep the picture's address, the placeholder or spinner in src.
_LAZY_SOURCES = ("data-lazy-src", "data-src", "data-original", "data-echo", "data-lazy")
_LAZY_SOURCE_SETS = ("data-srcset", "data-lazy-srcset")


def _image_src(img: HtmlElement) -> str | None:
    # Lazy-loading themes put a data: placeholder or a spinner ("/images/loading.gif") in
    # src, the picture in a data attribute or a source set. (A real src stays first: VCCorp
    # shows a 640-pixel copy there, the full size in "data-original".)
    src = _address(img, ("src",))
    if src is None or _is_icon(src):
        src = _address(img, _LAZY_SOURCES) or _widest_source(img) or src
    # (lxml's own tag filter walks the ancestors in C.)
    if not src or _is_icon(src) or next(img.iterancestors("noscript"), None) is not None:
        return None
    return None if _icon_sized(img) else src


def _address(img: HtmlElement, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = img.get(name)
        if value and not value.startswith(_NO_PICTURE_ADDRESS):
            return value
    return None


def _widest_source(img: HtmlElement) -> str | None:
    """The widest picture of the image's source set ("a-480.jpg 480w, a-1024.jpg 1024w")."""
    for name in (*_LAZY_SOURCE_SETS, "srcset"):
        if value := img.get(name):
            return _widest(value)
    return None


# A source set's candidates: an address and its width or density ("a-480.jpg 480w"). (An
# address may hold commas, as Cloudinary's "w_480,h_320" or a data: URI do: a candidate ends
# at its descriptor, not at any comma.)
_SOURCE_CANDIDATE = re.compile(r"(\S+)\s+(\d+(?:\.\d+)?)[wx](?:\s*,|\s*$)", re.IGNORECASE)


def _widest(source_set: str) -> str | None:
    found = [
        (float(size), url)
        for url, size in _SOURCE_CANDIDATE.findall(source_set)
        if not url.startswith(_NO_PICTURE_ADDRESS)
    ]
    if not found:  # one address and no descriptor
        only = source_set.strip()
        return (
            only if only and " " not in only and not only.startswith(_NO_PICTURE_ADDRESS) else None
        )
    return max(found)[1]


def _icon_sized(img: HtmlElement) -> bool:
    for dim in ("width", "height"):
        value = (img.get(dim) or "").strip().rstrip("px")
        if value.isdecimal() and int(value) < MIN_PICTURE_SIDE:
            return True
    return False


def _pasted_picture(img: HtmlElement) -> bool:
    """A picture kept in the page itself ("data:image/jpeg;base64,…") or left on the editor's
    computer (Word's "file:///…"), not an icon."""
    src = img.get("src") or ""
    return src.startswith(("data:image", "file:", "FILE:")) and not _icon_sized(img)


def _may_name_file(url: str) -> bool:
    return "\t" in url or "\r" in url or "\n" in url or _FILE_EXT.search(url) is not None


def _is_icon(src: str) -> bool:
    # sre finds nothing to skip ahead to in a case-insensitive alternation and tries every
    # word at every position of the URL. On ASCII text (nearly every src) lower() and a
    # case-sensitive search are exact (what IGNORECASE also takes for an ASCII letter, like
    # "ſ" for "s", is not ASCII) and ~5x faster.
    if src.isascii():
        return _ICON_SRC_LOWER.search(src.lower()) is not None
    return _ICON_SRC.search(src) is not None


def _enclosing_block(element: HtmlElement, root: HtmlElement) -> HtmlElement:
    node = element.getparent()
    while node is not None and node is not root and node.tag not in BLOCK_TAGS:
        node = node.getparent()
    return node if node is not None else root


def _next_block_sibling(element: HtmlElement) -> HtmlElement | None:
    """The next sibling that has text, skipping empty spacer blocks (&nbsp; paragraphs)."""
    node = element.getnext()
    while node is not None:
        if isinstance(node.tag, str) and element_text(node):
            return node
        if isinstance(node.tag, str) and next(node.iterdescendants("img"), None) is not None:
            return None
        node = node.getnext()
    return None


def _looks_like_caption(
    element: HtmlElement, root: HtmlElement, *, holds_image: bool = False
) -> bool:
    text = element_text(element)
    if not text or len(text) > MAX_CAPTION_CHARS:
        return False
    if not holds_image and next(element.iterdescendants("img"), None) is not None:
        return False
    if CAPTION_ATTR.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
        return True
    if alignment(element, root) == "center":
        return True
    return _all_text_in(element, ITALIC_TAGS, _ITALIC_STYLE)


def _all_text_in(element: HtmlElement, tags: frozenset[str], style: re.Pattern[str]) -> bool:
    """True when every visible character of `element` sits inside one of `tags`."""
    outside = []

    def visit(node: HtmlElement, inside: bool) -> None:
        here = inside or node.tag in tags or bool(style.search(node.get("style") or ""))
        if node.text and not here:
            outside.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child, here)
            if child.tail and not here:
                outside.append(child.tail)

    visit(element, False)
    return not clean("".join(outside))


def _visible_images(block: HtmlElement) -> int:
    """How many <img> under `block` are not inside a <noscript> (an XPath call costs more)."""
    return sum(
        1
        for img in block.iterdescendants("img")
        if next(img.iterancestors("noscript"), None) is None
    )


def _captioned_box(block: HtmlElement) -> bool:
    """An image box whose every element with text is named a caption or a credit (Joomla K2:
    `<div class="itemImageBlock"><span class="itemImage"><img></span><span
    class="itemImageCaption">…</span><span class="itemImageCredits">Ảnh: …</span></div>`)."""
    texted = [child for child in block if isinstance(child.tag, str) and element_text(child)]
    return bool(texted) and all(
        CAPTION_OR_CREDIT.search(child.get("class") or "") for child in texted
    )


def picture_cell(cell: HtmlElement) -> bool:
    """A table cell of one picture and a line under it (its caption, if any), linked to no
    document ("<img src=pdf.gif> Tải về" is a file's link, its line a notice's text)."""
    if _visible_images(cell) != 1 or len(element_text(cell)) > MAX_CELL_CAPTION_CHARS:
        return False
    links = list(cell.iter("a"))
    return not links or (
        len(links) == 1
        and next(links[0].iter("img"), None) is not None
        and not ATTACHMENT_EXT.search(links[0].get("href") or "")
        and not element_text(links[0])
    )


# A cell holding a picture and a line under it: its caption (longer, the cell holds text).
MAX_CELL_CAPTION_CHARS = 200
CAPTION_OR_CREDIT = re.compile(rf"{CAPTION_ATTR.pattern}|credit", re.IGNORECASE)


def _find_caption(img: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    figure = next(img.iterancestors("figure"), None)
    if figure is not None:
        caption = next(figure.iterdescendants("figcaption"), None)
        if caption is not None:
            return caption
    block = _enclosing_block(img, root)
    if block is not root and block.tag not in ("td", "th"):
        own_text = element_text(block)
        if (
            own_text
            and _visible_images(block) == 1
            and (
                (block.tag == "p" and len(own_text) <= 200)
                or _looks_like_caption(block, root, holds_image=True)
            )
        ):
            return block
        if own_text:
            # An image box: the image and, in an element of its own, all of the box's text
            # (`<div class="img"><img><p class="chuthich">…</p></div>`).
            inner = next(
                (
                    child
                    for child in block
                    if isinstance(child.tag, str) and element_text(child) == own_text
                ),
                None,
            )
            if (
                inner is not None
                and _visible_images(block) == 1
                and next(inner.iter("img"), None) is None
                and (
                    (inner.tag == "p" and len(own_text) <= 200) or _looks_like_caption(inner, root)
                )
            ):
                return inner
            if _visible_images(block) == 1 and _captioned_box(block):
                return block
            return None
    if block.tag in ("td", "th"):
        if element_text(block) and picture_cell(block):
            return block  # a picture's cell, its caption under it (`<img><br><em>…</em>`)
        row = next(block.iterancestors("tr"), None)
        following = row.getnext() if row is not None else None
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()  # (a comment between the rows)
        if following is not None and _looks_like_caption(following, root):
            return following
    anchor = block if block is not root else img
    following = _next_block_sibling(anchor)
    if following is not None and _looks_like_caption(following, root):
        return following
    return None


def _skipped(
    element: HtmlElement, root: HtmlElement, skip: set[HtmlElement], open_: set[HtmlElement]
) -> bool:
    """Inside a skipped or noise block under `root`. `open_`: ancestors already found to
    lead up to `root` through no such block (the links of a paragraph share them)."""
    path = []
    for ancestor in element.iterancestors():
        if ancestor is root or ancestor in open_:
            open_.update(path)
            return False
        if ancestor in skip or is_noise(ancestor):
            return True
        path.append(ancestor)
    return False


def _collect_media(
    root: HtmlElement, base_url: str, skip: set[HtmlElement]
) -> tuple[list[Image], list[Attachment], set[HtmlElement]]:
    open_ancestors: set[HtmlElement] = set()
    join = url_joiner(base_url)
    images: list[Image] = []
    captions: set[HtmlElement] = set()
    for img in root.iter("img"):
        src = _image_src(img)
        if src is None:
            # A picture pasted into the editor has no address to keep, but its caption is
            # still no text.
            if (
                _pasted_picture(img)
                and not _skipped(img, root, skip, open_ancestors)
                and (caption_el := _find_caption(img, root)) is not None
            ):
                captions.add(caption_el)
            continue
        if _skipped(img, root, skip, open_ancestors):
            continue
        url = join(src)
        if url is None:
            continue  # an address no browser could load either
        caption_el = _find_caption(img, root)
        caption = None
        if caption_el is not None:
            captions.add(caption_el)
            caption = element_text(caption_el) or None
        images.append(Image(url=url, caption=caption or clean(img.get("alt")) or None))
    attachments: list[Attachment] = []
    seen: set[str] = set()
    attachment_links: dict[HtmlElement, list[HtmlElement]] = {}
    base_may_be_file = _may_name_file(base_url)
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#")):
            # A file a script opens: "<a href="javascript:void(0)" onclick="window.open(
            # '/files/kh.pdf')">tại đây</a>".
            href = _opened_by_script(link) or ""
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        if (
            not base_may_be_file
            and not _may_name_file(href)
            and not _may_be_served(href)
            and link.get("download") is None
        ):
            continue  # most links: no file extension anywhere, no need to resolve them
        if _skipped(link, root, skip, open_ancestors):
            continue
        url = join(href)
        if url is None or not is_file_link(url, link):
            continue
        attachment_links.setdefault(_enclosing_block(link, root), []).append(link)
        if url not in seen:
            seen.add(url)
            attachments.append(attachment(url, link))
    # A document shown in the page, not linked: "<iframe src=…pdf>", a viewer's "?file=…pdf".
    for frame in root.iter("iframe", "embed", "object"):
        url = _embedded_document(frame, join)
        if url is not None and url not in seen and not _skipped(frame, root, skip, open_ancestors):
            seen.add(url)
            title = clean(frame.get("title")) or _name_in_address(url)
            attachments.append(Attachment(url=url, title=title))
    # A paragraph that is only download links lists attachments; it is not article text.
    files_tables: dict[HtmlElement, bool] = {}
    for block, links in attachment_links.items():
        if block is root:
            continue
        if block.tag == "td" and (table := next(block.iterancestors("table"), None)) is not None:
            if table not in files_tables:  # (once a table: its rows share it)
                files_tables[table] = _lists_files(table, attachment_links)
            if files_tables[table]:
                captions.add(table)
                continue
        if _only_links(block, links):
            captions.add(block)
    return images, attachments, captions


def _opened_by_script(link: HtmlElement) -> str | None:
    """The address a link's onclick opens, when it names a file."""
    opened = scripted_address(link.get("onclick") or "")
    return opened if opened is not None and _may_name_file(opened) else None


def _only_links(block: HtmlElement, links: list[HtmlElement]) -> bool:
    """Whether a paragraph holds nothing but these links ("- Tải về")."""
    rest = element_text(block)
    for link in links:
        rest = rest.replace(element_text(link), "", 1)
    return len(rest.strip(" -–|:")) <= MAX_ATTACHMENT_LINE_REST


def _lists_files(
    table: HtmlElement, attachment_links: dict[HtmlElement, list[HtmlElement]]
) -> bool:
    """Whether a table is a list of files: each row under its header names a file and has a
    cell that only links to it ("1 | Thông báo số 215/TB-UBND | Tải về"). The files are read
    as attachments, titled by their rows; the table is no text."""
    for row in table.iter("tr"):
        cells = list(row.iterchildren("td"))
        if not cells:
            continue  # a header row
        if len(cells) > MAX_FILES_TABLE_CELLS or not any(
            c in attachment_links and _only_links(c, attachment_links[c]) for c in cells
        ):
            return False
        if len(element_text(row)) > MAX_FILES_TABLE_ROW_CHARS:
            return False
    return True


def _name_in_address(url: str) -> str:
    """A file's name from its address: its last part, or a Google document's id (not the
    "/preview" or "/view" after it)."""
    parts = urlsplit(url).path.rstrip("/").split("/")
    if GOOGLE_DOCUMENT.match(url) is not None and len(parts) > 3:
        return parts[3]
    return parts[-1]


def images_of(root: HtmlElement, base_url: str) -> list[Image]:
    """The images under `root`, with their captions, as the text's own are read."""
    return _collect_media(root, base_url, set())[0]


def _may_be_served(href: str) -> bool:
    """Whether a link may lead to a file served by a script ("…/download?id=7", Liferay's
    older "/c/document_library/get_file?uuid=…") or kept on Google Drive: no extension to
    find in its address."""
    return "get_file" in href or "ownload" in href or "google.com/" in href


# A document kept on Google Drive or Docs, as portals link or show their files in 2020s.
GOOGLE_DOCUMENT = re.compile(
    r"^https?://(?:drive|docs)\.google\.com/(?:file|document|spreadsheets|presentation)/d/[\w-]{10,}"
)


def is_file_link(url: str, link: HtmlElement) -> bool:
    """Whether a link (resolved to `url`) leads to a document: its address names the file,
    or a script serves it and the link's text names it (Liferay's get_file always serves
    one, whatever its link says: "Tải về")."""
    if ATTACHMENT_EXT.search(urlsplit(url).path) or link.get("download") is not None:
        return True
    if not _may_be_served(url):
        return False
    if "document_library/get_file" in url or GOOGLE_DOCUMENT.match(url) is not None:
        return True
    text = element_text(link)
    # Its text names the file (K2's "/item/download/212_<hash>" titled "QD-cong-nhan.pdf"),
    # or only says "Tải về" (Phoca Download's "?download=41:thong-bao"), or the line labels
    # it as one ("File đính kèm: <a href='/DownloadFile.ashx?id=12'>Kế hoạch …</a>").
    return (
        _FILE_EXT.search(f"{text} {link.get('title') or ''}") is not None
        or ACTION_LABEL.match(text) is not None
        or FILE_LABEL.search(_text_before(link)) is not None
    )


# A label naming what follows it as files: "File đính kèm:", "Văn bản kèm theo:", "Tải về:".
FILE_LABEL = re.compile(
    r"(?:đính kèm|kèm theo|tải về|tải xuống|download)\s*[:：]?\s*$", re.IGNORECASE
)


def _text_before(link: HtmlElement) -> str:
    """The text just before a link, or before the run of links it ends ("File đính kèm:
    <a>…</a>, <a>…</a>")."""
    node = link
    while (previous := node.getprevious()) is not None:
        if previous.tag == "a" and not (previous.tail or "").strip(" ,;|-–\n\t\xa0"):
            node = previous
            continue
        return previous.tail or ""
    parent = node.getparent()
    return (parent.text or "") if parent is not None else ""


# Link texts that name an action, not the document: "Tải về", "Download", "Xem".
ACTION_LABEL = re.compile(
    r"^(?:tải về|tải xuống|tải file|download|xem(?: file| tệp| chi tiết| tại đây)?|tại đây|"
    r"file đính kèm|đính kèm|chi tiết)\W*$",
    re.IGNORECASE,
)


def attachment(url: str, link: HtmlElement) -> Attachment:
    """The document a link leads to, titled by the link; a link that only says "Tải về" by
    its table row's other cells ("Báo cáo tổng kết … | Tải về"); else by the file's name."""
    name = next(
        (seg for seg in urlsplit(url).path.split("/") if ATTACHMENT_EXT.search(seg + "/")), url
    )
    title = element_text(link)
    if not title or ACTION_LABEL.match(title):
        title = _row_title(link) or title
    return Attachment(url=url, title=title or name)


def _row_title(link: HtmlElement) -> str | None:
    """The text of the other cells of the table row that holds `link`."""
    cell = next((a for a in link.iterancestors() if a.tag in ("td", "th")), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr":
        return None
    texts = [
        element_text(other) for other in row if other is not cell and other.tag in ("td", "th")
    ]
    # (A numbering cell, "1", names nothing.)
    named = [text for text in texts if text and not text.rstrip(".").isdigit()]
    return " - ".join(named) or None


def _embedded_document(frame: HtmlElement, join: Callable[[str], str | None]) -> str | None:
    """The document file an <iframe>, <embed> or <object> shows: its own address, or the one
    a viewer is given ("/pdfjs/web/viewer.html?file=%2Ffiles%2Ftb.pdf", Google's "?url=")."""
    src = (frame.get("src") or frame.get("data") or "").strip()
    url = join(src) if src else None
    if url is None:
        return None
    if ATTACHMENT_EXT.search(urlsplit(url).path) or GOOGLE_DOCUMENT.match(url) is not None:
        return url
    for name, value in parse_qsl(urlsplit(url).query):
        if name.lower() in ("file", "url", "src", "doc") and ATTACHMENT_EXT.search(
            urlsplit(value).path
        ):
            return join(value)
    return None


# --- paragraphs ----------------------------------------------------------------------------


def _row_text(row: HtmlElement) -> str | None:
    """A table row with several cells as one line; None when it should be walked normally."""
    cells = list(row.iterchildren("td", "th"))
    if len(cells) < 2:
        return None
    # (lxml's own iterators: find(".//p") runs ElementPath's Python code. One look under the
    # whole row first: most rows hold no paragraph, and the cells are most of the row.)
    if next(row.iterdescendants("p", "div"), None) is not None and not _data_row(cells):
        return None
    texts = [element_text(c) for c in cells]
    return " | ".join(texts) if any(texts) else ""


# A data table's cell: a figure or a few words, in a paragraph or two (Word wraps every cell's
# text in <p class="MsoNormal">). A layout's cell holds the text, or boxes and tables.
MAX_DATA_CELL_CHARS = 200
MAX_DATA_CELL_BLOCKS = 2


def _data_row(cells: list[HtmlElement]) -> bool:
    """Whether a row whose cells hold paragraphs is a data table's (one line of text), not a
    layout's (its cells walked as text)."""
    for cell in cells:
        for count, block in enumerate(cell.iterdescendants("p", "div", "table"), start=1):
            if block.tag == "table" or count > MAX_DATA_CELL_BLOCKS:
                return False
    lengths = [len(element_text(cell)) for cell in cells]
    # (One cell of text beside empty ones is a layout's: a byline set right, a picture's cell.)
    return max(lengths) <= MAX_DATA_CELL_CHARS and sum(1 for n in lengths if n) >= 2


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def pre_lines(text: str) -> list[str]:
    """The paragraphs of a <pre>'s text: parted by blank lines, or by line breaks where it
    has none (one line a paragraph)."""
    return _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")


def paragraphs(root: HtmlElement, skip: set[HtmlElement] | None = None) -> list[Block]:
    """Walk `root` in document order and cut its text into paragraphs at block boundaries."""
    # The hottest loop of extraction (every node of every article body), hence written out:
    # attributes read once, regexes only on a style that is there, no method call per text
    # piece, a stack entry only for the elements that make text bold or italic, and nothing
    # at all for the whitespace between blocks (about half of all paragraph breaks).
    skip = skip or set()
    blocks: list[Block] = []
    # The paragraph being read: its text pieces from the first visible one on (whitespace
    # before it changes nothing once cleaned), whether all its visible pieces are bold,
    # italic. Every edge of a block flushes it, so the innermost block open while it is
    # read is the same for all its pieces: the element that holds it.
    pieces: list[str] = []
    all_bold = all_italic = True

    def flush() -> None:
        nonlocal all_bold, all_italic
        owner = owners[-1]
        raw = "".join(pieces)
        # (A <pre>'s paragraphs are its lines: nothing else parts them.)
        for line in pre_lines(raw) if owner.tag == "pre" else (raw,):
            if text := clean_line(line):
                blocks.append(Block(text, owner, all_bold, all_italic, owner.tag in HEADING_TAGS))
        pieces.clear()
        all_bold = all_italic = True

    owners: list[HtmlElement] = [root]
    # Entered elements that add to the bold/italic depth, with what they add.
    styled: list[tuple[HtmlElement, bool, bool]] = []
    bold = italic = 0
    # The element whose subtree was just skipped: its "end" event comes next, and only its
    # tail (text after it, of its parent) is read then.
    skipped: HtmlElement | None = None
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            style = el.get("style") if isinstance(tag, str) else None
            if el is not root:
                # is_noise(el), written out.
                if (
                    not isinstance(tag, str)
                    or tag in SKIP_TAGS
                    or el in skip
                    or (tag == "label" and _form_label(el))
                ):
                    walker.skip_subtree()
                    skipped = el
                    continue
                classes, ident = el.get("class"), el.get("id")
                if (classes or ident) and noisy_attributes(classes, ident):
                    walker.skip_subtree()
                    skipped = el
                    continue
                if style and _HIDDEN.search(style) and _hidden_aside(el, root):
                    walker.skip_subtree()
                    skipped = el
                    continue
            if tag in BLOCK_TAGS:
                if pieces:
                    flush()
                if tag == "tr":
                    row = _row_text(el)
                    if row is not None:
                        if row:
                            blocks.append(Block(row, el))
                        walker.skip_subtree()
                        skipped = el
                        continue
                owners.append(el)
            elif tag == "br" and pieces:
                flush()
            if style:
                b = tag in BOLD_TAGS or _BOLD_STYLE.search(style) is not None
                i = tag in ITALIC_TAGS or _ITALIC_STYLE.search(style) is not None
                if b or i:
                    styled.append((el, b, i))
                    bold, italic = bold + b, italic + i
            elif tag in _FORMAT_TAGS:
                b, i = tag in BOLD_TAGS, tag in ITALIC_TAGS
                styled.append((el, b, i))
                bold, italic = bold + b, italic + i
            text = el.text
        else:
            if el is root:
                break
            if el is not skipped:
                if styled and styled[-1][0] is el:
                    _, b, i = styled.pop()
                    bold, italic = bold - b, italic - i
                if tag in BLOCK_TAGS:
                    if pieces:
                        flush()
                    owners.pop()
            text = el.tail
        if text:
            if not text.isspace():
                pieces.append(text)
                all_bold = all_bold and bold > 0
                all_italic = all_italic and italic > 0
            elif pieces:
                pieces.append(text)
    if pieces:
        flush()
    return blocks


# Text a reader never sees: a keyword block hidden in the text, Word's hidden notes.
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)


def _hidden_aside(element: HtmlElement, root: HtmlElement) -> bool:
    """Whether a hidden element is a small part of the text: a template that hides the whole
    text until its scripts show it (a fade-in, a tab) still has it read."""
    return len(element_text(element)) * 2 < len(element_text(root))


def extract_content(
    roots: list[HtmlElement], base_url: str, skip: set[HtmlElement] | None = None
) -> Content:
    """Paragraphs, images and attachments of the given content elements, in order.

    Elements in `skip` (a sapo block the adapter reads itself, the title) are left out.
    """
    skip = skip or set()
    content = Content()
    for root in roots:
        images, attachments, captions = _collect_media(root, base_url, skip)
        content.images.extend(images)
        content.attachments.extend(attachments)
        content.blocks.extend(paragraphs(root, skip=skip | captions))
    return content
