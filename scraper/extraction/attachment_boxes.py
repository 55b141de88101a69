"""Files listed in a box of their own after the article's text ("Tài liệu đính kèm",
"File đính kèm:"): many templates print the attachments there, outside the element that
holds the text, where the text's own links are not looked for."""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from .blocks import ACTION_LABEL, attachment, is_file_link
from .document import Document
from .model import Attachment
from .urls import resolve_url

# A box's label: "Tài liệu đính kèm", "File đính kèm:", "Văn bản đính kèm", K2's "Tải tập
# tin đính kèm".
ATTACHMENT_LABEL = re.compile(
    r"^\s*(?:tải (?:về )?)?(?:file|tệp|tập tin|tài liệu|văn bản|các tệp)\s+đính kèm",
    re.IGNORECASE,
)
# The attachments' box follows the text closely (the share buttons or the byline between).
MAX_BOXES_AFTER = 4


def attachment_boxes(doc: Document, roots: list[HtmlElement]) -> list[Attachment]:
    """The files of boxes labelled as attachments beside the text: the boxes after it (its
    next siblings, and its parent's), their label in their own text or their first child's.
    """
    if not roots:
        return []
    found: list[Attachment] = []
    root = roots[0]
    for level in (root, root.getparent()):
        if level is None:
            break
        for box in islice(level.itersiblings(), MAX_BOXES_AFTER):
            if not isinstance(box.tag, str):
                continue
            if _labelled(box):
                found += _files(doc, box)
                continue
            # (Or one of its boxes: K2's item links hold the category, then the files.)
            found += [
                file
                for inner in box
                if isinstance(inner.tag, str) and _labelled(inner)
                for file in _files(doc, inner)
            ]
    return found


def _labelled(box: HtmlElement) -> bool:
    """Whether a box opens with an attachments label, in its text or its first child's."""
    node: HtmlElement | None = box
    for _ in range(3):
        if node is None:
            return False
        text = node.text or ""
        if "kèm" in text:  # (a cheap look first: nearly every box has no such word)
            return ATTACHMENT_LABEL.match(text) is not None
        if text.strip():
            return False
        node = node[0] if len(node) else None
    return False


def _files(doc: Document, box: HtmlElement) -> list[Attachment]:
    """Each file of the box once: a box links it by its name and again by "Tải về"; the
    first link that names it titles it."""
    files: dict[str, Attachment] = {}
    for link in box.iter("a"):
        url = resolve_url(doc.link_base, (link.get("href") or "").strip())
        if url is None or not is_file_link(url, link):
            continue
        found, known = attachment(url, link), files.get(url)
        if known is None or (_untitled(known) and not _untitled(found)):
            files[url] = found
    return list(files.values())


def _untitled(file: Attachment) -> bool:
    """Titled only by an action ("Tải về") or by the file's own name."""
    return bool(ACTION_LABEL.match(file.title)) or file.url.endswith(file.title)
