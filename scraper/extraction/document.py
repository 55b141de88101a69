"""Turn raw bytes or text into a parsed lxml tree, once per page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .charsets import decode_page
from .css import select_first
from .dates import Dateline, parse_dateline
from .legacy_fonts import repair_tree
from .memo import TreeMemo, register
from .model import NotAnArticle
from .urls import resolve_url

# Pages beyond this are not news articles (scanned PDFs inlined as base64, runaway CMS output);
# parsing them would cost seconds and memory for nothing.
MAX_HTML_CHARS = 8_000_000
# A page whose start is NULs at least one character in this many is a binary file (UTF-16
# without a byte-order mark has one every other character), not a page with stray NULs.
MAX_NUL_SHARE = 8
# A file inlined in the page ("data:image/png;base64,iVBOR…"), long enough to matter.
_INLINE_DATA = re.compile(r"data:[\w.+/-]*(?:;[\w=.-]+)*;base64,[A-Za-z0-9+/=\s]{256,}")
# A form field's value this long (ASP.NET's __VIEWSTATE, a hidden input of serialized page
# state): a form's values are never the page's text.
_HUGE_FORM_VALUE = re.compile(
    r"(<input\b[^>]*?\bvalue=)(?:\"[^\"]{4096,}\"|'[^']{4096,}')", re.IGNORECASE
)


def _parser(**options: str) -> etree.HTMLParser:
    """An HTML parser whose elements are lxml.html's, looked up in C: lxml.html's own parser
    calls back into Python for every element proxy, ~7% of extraction time. (Form and input
    elements lose their special classes, which extraction never uses.) No table of id
    attributes either: only XPath's id() and getElementById would read it, and ids are looked
    up through the document's memo. Comments are no text: left out at once (libxml2's XPath
    reads the text between thousands of them in quadratic time). (Not huge_tree: it reads
    pages nested past 256 levels on to 2,048, but elements left open on every line then hold
    each other's text, and reading it cost seconds a page; the page says where it stops.)"""
    parser = etree.HTMLParser(collect_ids=False, remove_comments=True, **options)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


_PARSER = _parser()
_UTF8_PARSER = _parser(encoding="utf-8")


@dataclass
class Document:
    url: str
    html: str
    tree: lxml.html.HtmlElement
    warnings: list[str] = field(default_factory=list)
    # Cut off in transfer: its last text may be cut mid-word (a dateline "…03:42" without "PM").
    truncated: bool = False
    # Class/id index and element texts of this tree, shared by every reader of the page.
    memo: TreeMemo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.memo = register(self.tree)

    def mentions(self, marker: str) -> bool:
        """Whether the HTML source contains `marker`. Fingerprints share markers
        ("themeDisplay", "/wp-content/"), and each look through the page costs ~5 µs."""
        known = self.memo.mentioned
        found = known.get(marker)
        if found is None:
            found = known[marker] = marker in self.html
        return found

    @property
    def link_base(self) -> str:
        """The address the page's relative links resolve against: its `<base href>` when it
        sets one (old Joomla templates, saved pages), as browsers and Scrapy do; else its URL."""
        known = self.memo.facts.get("link_base")
        if known is None:
            known = self.url
            # The parser puts <base> in the <head>, among its few children.
            head = next(self.tree.iterchildren("head"), None)
            for base in head.iterchildren("base") if head is not None else ():
                href = (base.get("href") or "").strip()
                if href:
                    known = resolve_url(self.url, href) or self.url
                break
            self.memo.facts["link_base"] = known
        return known

    def metas(self) -> list[dict[str, str]]:
        """The attributes of every <meta> of the page, in page order: fingerprints, dates and
        titles all look there, and a single pass serves them."""
        found = self.memo.facts.get("metas")
        if found is None:
            found = self.memo.facts["metas"] = [dict(m.items()) for m in self.tree.iter("meta")]
        return found

    def dateline(self, text: str, *, fallback: bool = True) -> Dateline | None:
        """`parse_dateline(text)`, once per text and page: the generic reader tries the same
        lines for several headings, then assemble parses the chosen one again."""
        known = self.memo.facts.setdefault("datelines", {})
        key = (text, fallback)
        if key not in known:
            known[key] = parse_dateline(text, fallback=fallback)
        return known[key]

    def css_first(self, selector: str) -> lxml.html.HtmlElement | None:
        return select_first(self.tree, selector)

    def drop(self, elements: list[lxml.html.HtmlElement]) -> None:
        """Take `elements` out of the tree (their tail text stays), and out of the memo."""
        if not elements:
            return  # (the memo would be rebuilt, and its answers forgotten, for nothing)
        gone = {node for element in elements for node in element.iter()}
        for element in elements:
            element.drop_tree()
        self.memo.forget(gone)


def load_document(html: str | bytes, url: str, content_type: str | None = None) -> Document:
    """Parse a page. Raises NotAnArticle for input that is not HTML at all."""
    warnings: list[str] = []
    utf8: bytes | None = None
    if isinstance(html, bytes):
        text, charset_warning, exact = decode_page(html, content_type)
        if charset_warning:
            warnings.append(charset_warning)
        # libxml2 reads UTF-8 bytes ~10% faster than a str, which it converts from UTF-16/32
        # first: the page's own bytes are parsed when they are exactly the text.
        utf8 = html if exact else None
    else:
        text = html
    if not text or text.isspace():  # (text.strip() would copy the whole page)
        raise NotAnArticle("empty_page", "the page is empty")
    if "\x00" in text:
        head = text[:4096]
        if head.count("\x00") * MAX_NUL_SHARE > len(head):
            raise NotAnArticle("not_html", "the content is binary, not HTML")
        # A few stray NULs (a broken database export): no character of the text, dropped.
        text, utf8 = text.replace("\x00", ""), None
        warnings.append("NUL characters in the page left out")
    if "<" not in text[:4096]:
        raise NotAnArticle("not_html", "no HTML markup found")
    truncated = _looks_truncated(text)  # (as served: a cut made below is not the server's)
    if len(text) > MAX_HTML_CHARS:
        # Most such pages are big for pictures pasted into the text as base64, or for an
        # ASP.NET view state (megabytes of base64 in a hidden input): without them the page
        # is whole again, its text after them kept. (Asked only of such pages: free for the
        # others.)
        text, pictures = _INLINE_DATA.subn("data:,", text)
        text, values = _HUGE_FORM_VALUE.subn(r'\1""', text)
        utf8 = None
        if pictures:
            warnings.append("pictures inlined as data: URIs left out of a page this big")
        if values:
            warnings.append("huge form values (a view state) left out of a page this big")
    if len(text) > MAX_HTML_CHARS:
        warnings.append(f"page truncated to {MAX_HTML_CHARS} characters before parsing")
        text = text[:MAX_HTML_CHARS]
    parser = _UTF8_PARSER if utf8 is not None else _PARSER
    try:
        tree = lxml.html.document_fromstring(utf8 if utf8 is not None else text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        # lxml refuses str input carrying an XML encoding declaration; bytes are accepted.
        parser = _UTF8_PARSER
        try:
            tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
        except (etree.ParserError, ValueError):
            raise NotAnArticle("unparsable_html", str(exc)) from exc
    cut = parser.error_log.last_error
    if cut is not None and cut.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        # Elements left open on every line (old editors' <font>) nest the page past the
        # parser's depth (256 levels): it reads no further, and the article says so.
        warnings.append(f"the page is read only up to where it nests too deep ({cut.message})")
    if "amp" in tree.attrib or "⚡" in tree.attrib:
        # AMP pages (<html amp>, <html ⚡>) show their pictures as <amp-img>: read as the
        # <img> they stand for. (Asked of the root's attributes: a search of the page's
        # text for the tag cost ~10 µs a page.)
        for picture in tree.iter("amp-img"):
            picture.tag = "img"
    # Old pages typed in TCVN3/VNI fonts: convert before anything reads the text (text.clean
    # would drop TCVN3's "ư", which is the soft hyphen U+00AD).
    for encoding in sorted(repair_tree(tree)):
        warnings.append(f"legacy {encoding} font text converted to Unicode")
    if truncated:
        warnings.append("the HTML looks truncated (no closing </body> or </html>)")
    return Document(url=url, html=text, tree=tree, warnings=warnings, truncated=truncated)


def _looks_truncated(text: str) -> bool:
    """A page cut off in transfer or by a CMS error ends without its closing tags."""
    tail = text[-2048:]
    if "</html" in tail or "</body" in tail:
        return False  # (most pages: no need to lower-case the tail)
    tail = tail.lower()
    return "</html" not in tail and "</body" not in tail


_CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)[\"']"
    r"|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
# HTTrack, the usual tool for saving whole portals, records the original URL in a comment.
_HTTRACK = re.compile(r"<!-- Mirrored from (\S+) by HTTrack")


def guess_page_url(html: str) -> str | None:
    """The URL a saved page declares for itself (canonical link, og:url, HTTrack comment)."""
    match = _CANONICAL.search(html)
    if match:
        url = match.group(1) or match.group(2)
        if url.startswith(("http://", "https://")):
            return url
    mirrored = _HTTRACK.search(html)
    if mirrored:
        url = mirrored.group(1)
        return url if "://" in url else f"https://{url}"
    return None
