"""Photos shown in a box of their own right after the text block ("Một số hình ảnh" and a row
of <figure>s): the article's images, with their captions, though outside the block of text.

A box of thumbnails that link to other pages is a list of other articles, not a gallery; a box
with more words than captions hold is text, read (or left out) as such.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from ..blocks import element_text, images_of, is_noise
from ..document import Document
from ..model import Image
from .generic_layout import following_elements, in_chrome, in_side_box, is_inside

# The blocks after the text looked at: the gallery, or a byline or tools line, then it.
GALLERY_BLOCKS = 3
# Words a photo's caption may take; a box holding more per photo is text, not a gallery.
MAX_WORDS_PER_PHOTO = 40
# Where a gallery's links may lead: the full-size photo (a lightbox), or nowhere.
_PHOTO_LINK = re.compile(
    r"\.(?:jpe?g|png|gif|webp|bmp)(?:[?#].*)?$|^(?:#|javascript:)", re.IGNORECASE
)


def gallery_images(doc: Document, container: HtmlElement) -> list[Image]:
    """The images of the galleries that follow `container` within the article's box."""
    found: list[Image] = []
    for element in islice(following_elements(container), GALLERY_BLOCKS):
        if next(element.iter("img"), None) is None:
            continue  # (most blocks there: a byline, tools; nothing to ask of them)
        if in_chrome(element) or in_side_box(element):
            break
        images = _photos(doc, element)
        if not images:
            break
        found.extend(images)
    return found


def _photos(doc: Document, element: HtmlElement) -> list[Image] | None:
    """The photos of a block holding images, or None when it is no box of the article's
    photos: furniture, thumbnails that link to other articles, or text with a picture."""
    if is_noise(element):
        return None
    if any(not _PHOTO_LINK.search((a.get("href") or "#").strip()) for a in element.iter("a")):
        return None  # thumbnails of other articles
    images = images_of(element, doc.link_base)
    if len(element_text(element).split()) > MAX_WORDS_PER_PHOTO * max(len(images), 1):
        return None
    return images


# The blocks between the title and the text looked at: the photo, a dateline, an info list
# and a tools row (Joomla 3: icons, "Chi tiết" list, item-image).
LEAD_BLOCKS = 4


def lead_images(doc: Document, container: HtmlElement, title_el: HtmlElement | None) -> list[Image]:
    """The photo set between the title and the text, outside the text's block (a `<figure>`
    under the dateline, as React and Vue templates render it): the article's own. Only
    between them: what stands before a text with no title beside it may be the page's logo."""
    if title_el is None:
        return []
    found: list[Image] = []
    looked = 0
    for element in container.itersiblings(preceding=True):
        if not isinstance(element.tag, str):
            continue
        if element is title_el or is_inside(title_el, element):
            return found
        looked += 1
        if looked > LEAD_BLOCKS:
            break
        if next(element.iter("img"), None) is None:
            continue
        images = _photos(doc, element)
        if images is None:
            break
        found[:0] = images  # (walked backwards)
    return []
