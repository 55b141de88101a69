"""Turn an article's content element into paragraphs, images with captions, and attachments.

Every extractor (platform adapter or generic) ends here once it has found the element that
holds the article text, so that bodies look the same whatever the CMS: plain text, one
paragraph per block element, table rows as "cell | cell", captions out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .model import Attachment, Image
from .text import clean, clean_line

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
        "label",
        "map",
        "audio",
        "video",
        "source",
        "head",
        "title",
        "meta",
        "link",
    ]
)
BOLD_TAGS = frozenset({"strong", "b"})
ITALIC_TAGS = frozenset({"em", "i"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class or id words of blocks that are not the article: related-article lists, share bars,
# print/mail actions, comment boxes, tag clouds. Matched as whole tokens of the attribute.
NOISE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:related(?:[_-]?(?:asset|news|posts?|list))?|tin-?lien-?quan|tinlienquan|"
    r"other-?news|tin-?khac|share|sharing|social|addthis|print-action|mailto-action|"
    r"asset-control-detail|view-content-author|comments?|tags?|breadcrumbs?|pagination|"
    r"taglib-page-iterator|rating|banner|advert(?:isement)?)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Liferay serves documents as /documents/<group>/<folder>/<file.pdf>/<uuid>: the extension
# need not end the path.
ATTACHMENT_EXT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)(?:/|$)", re.IGNORECASE
)
# What is left of a paragraph once its attachment links are taken out ("- Tải về").
MAX_ATTACHMENT_LINE_REST = 20
CAPTION_ATTR = re.compile(r"caption|chu-?thich|chuthich|image-desc|img-desc", re.IGNORECASE)
MAX_CAPTION_CHARS = 400
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_ICON_SRC = re.compile(r"spacer|sprite|/icons?/|blank\.gif|pixel\.gif|loading", re.IGNORECASE)


@dataclass
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
    node: HtmlElement | None = element
    while node is not None and node is not stop:
        align = (node.get("align") or "").lower()
        if align in ("right", "center"):
            return align
        classes = node.get("class") or ""
        # WordPress block editor and Bootstrap themes align by class.
        if "align-right" in classes or "text-right" in classes:
            return "right"
        if "align-center" in classes or "text-center" in classes:
            return "center"
        style = node.get("style") or ""
        if style:
            if _RIGHT.search(style):
                return "right"
            if _CENTER.search(style):
                return "center"
        node = node.getparent()
    return None


def is_noise(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return True
    if element.tag in SKIP_TAGS:
        return True
    attrs = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(attrs.strip()) and NOISE_ATTR.search(attrs) is not None


def element_text(element: HtmlElement) -> str:
    return clean_line(" ".join(element.itertext()))


# --- images and attachments ------------------------------------------------------------------


def _image_src(img: HtmlElement) -> str | None:
    # Lazy-loading themes put a data: placeholder or a spinner in src, the file elsewhere.
    candidates = (img.get(a) for a in ("src", "data-lazy-src", "data-src", "data-original"))
    src = next((c for c in candidates if c and not c.startswith("data:")), None)
    if not src or _ICON_SRC.search(src) or any(p.tag == "noscript" for p in img.iterancestors()):
        return None
    for dim in ("width", "height"):
        value = (img.get(dim) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < 40:
            return None
    return src


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
        if isinstance(node.tag, str) and node.findall(".//img"):
            return None
        node = node.getnext()
    return None


def _looks_like_caption(
    element: HtmlElement, root: HtmlElement, *, holds_image: bool = False
) -> bool:
    text = element_text(element)
    if not text or len(text) > MAX_CAPTION_CHARS:
        return False
    if not holds_image and element.findall(".//img"):
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


def _find_caption(img: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        if caption is not None:
            return caption
    block = _enclosing_block(img, root)
    if block is not root and block.tag not in ("td", "th"):
        own_text = element_text(block)
        if (
            own_text
            and len(block.xpath(".//img[not(ancestor::noscript)]")) == 1
            and (
                (block.tag == "p" and len(own_text) <= 200)
                or _looks_like_caption(block, root, holds_image=True)
            )
        ):
            return block
        if own_text:
            return None
    if block.tag in ("td", "th"):
        row = next(block.iterancestors("tr"), None)
        following = row.getnext() if row is not None else None
        if following is not None and _looks_like_caption(following, root):
            return following
    anchor = block if block is not root else img
    following = _next_block_sibling(anchor)
    if following is not None and _looks_like_caption(following, root):
        return following
    return None


def _skipped(element: HtmlElement, root: HtmlElement, skip: set[HtmlElement]) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return False
        if ancestor in skip or is_noise(ancestor):
            return True
    return False


def _collect_media(
    root: HtmlElement, base_url: str, skip: set[HtmlElement]
) -> tuple[list[Image], list[Attachment], set[HtmlElement]]:
    images: list[Image] = []
    captions: set[HtmlElement] = set()
    for img in root.iter("img"):
        src = _image_src(img)
        if src is None or _skipped(img, root, skip):
            continue
        caption_el = _find_caption(img, root)
        caption = None
        if caption_el is not None:
            captions.add(caption_el)
            caption = element_text(caption_el) or None
        images.append(
            Image(url=urljoin(base_url, src), caption=caption or clean(img.get("alt")) or None)
        )
    attachments: list[Attachment] = []
    seen: set[str] = set()
    attachment_links: dict[HtmlElement, list[HtmlElement]] = {}
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        if _skipped(link, root, skip):
            continue
        url = urljoin(base_url, href)
        if not ATTACHMENT_EXT.search(urlsplit(url).path):
            continue
        attachment_links.setdefault(_enclosing_block(link, root), []).append(link)
        if url not in seen:
            seen.add(url)
            name = next(
                (seg for seg in urlsplit(url).path.split("/") if ATTACHMENT_EXT.search(seg + "/")),
                url,
            )
            attachments.append(Attachment(url=url, title=element_text(link) or name))
    # A paragraph that is only download links lists attachments; it is not article text.
    for block, links in attachment_links.items():
        if block is root:
            continue
        rest = element_text(block)
        for link in links:
            rest = rest.replace(element_text(link), "", 1)
        if len(rest.strip(" -–|:")) <= MAX_ATTACHMENT_LINE_REST:
            captions.add(block)
    return images, attachments, captions


# --- paragraphs ----------------------------------------------------------------------------


class _Paragraphs:
    """Accumulates text pieces between block boundaries into Blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._pieces: list[tuple[str, bool, bool]] = []
        self._owner: HtmlElement | None = None

    def add(self, text: str, owner: HtmlElement, bold: bool, italic: bool) -> None:
        if not self._pieces:
            self._owner = owner
        self._pieces.append((text, bold, italic))

    def add_row(self, text: str, owner: HtmlElement) -> None:
        self.flush()
        self.blocks.append(Block(text=text, element=owner))

    def flush(self) -> None:
        if not self._pieces or self._owner is None:
            self._pieces = []
            return
        text = clean_line("".join(piece for piece, _, _ in self._pieces))
        if text:
            visible = [(b, i) for piece, b, i in self._pieces if piece.strip()]
            self.blocks.append(
                Block(
                    text=text,
                    element=self._owner,
                    bold=all(b for b, _ in visible),
                    italic=all(i for _, i in visible),
                    heading=self._owner.tag in HEADING_TAGS,
                )
            )
        self._pieces = []
        self._owner = None


def _row_text(row: HtmlElement) -> str | None:
    """A table row with several cells as one line; None when it should be walked normally."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) < 2 or any(
        c.find(".//p") is not None or c.find(".//div") is not None for c in cells
    ):
        return None
    texts = [element_text(c) for c in cells]
    return " | ".join(texts) if any(texts) else ""


def paragraphs(root: HtmlElement, skip: set[HtmlElement] | None = None) -> list[Block]:
    """Walk `root` in document order and cut its text into paragraphs at block boundaries."""
    skip = skip or set()
    out = _Paragraphs()
    owners: list[HtmlElement] = [root]
    # Elements entered (not skipped), with what they added to the bold/italic depth.
    opened: list[tuple[HtmlElement, int, int]] = []
    bold = italic = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if el is not root and (tag is None or el in skip or is_noise(el)):
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS or tag == "br":
                out.flush()
            if tag == "tr":
                row = _row_text(el)
                if row is not None:
                    if row:
                        out.add_row(row, el)
                    walker.skip_subtree()
                    continue
            if tag in BLOCK_TAGS:
                owners.append(el)
            style = el.get("style") or ""
            b = int(tag in BOLD_TAGS or bool(_BOLD_STYLE.search(style)))
            i = int(tag in ITALIC_TAGS or bool(_ITALIC_STYLE.search(style)))
            bold, italic = bold + b, italic + i
            opened.append((el, b, i))
            if el.text and tag is not None:
                out.add(el.text, owners[-1], bold > 0, italic > 0)
            continue
        if el is root:
            break
        if opened and opened[-1][0] is el:
            _, b, i = opened.pop()
            bold, italic = bold - b, italic - i
            if tag in BLOCK_TAGS:
                out.flush()
                owners.pop()
        if el.tail:
            out.add(el.tail, owners[-1], bold > 0, italic > 0)
    out.flush()
    return out.blocks


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
