"""SharePoint list items shown in their display form (`/Lists/<List>/DispForm.aspx?ID=214`):
small sub-sites keep their news in a custom list, and the stock form prints each column as a
row of `table.ms-formtable`, its name in `td.ms-formlabel` and its value in `td.ms-formbody`
("Tiêu đề", "Ngày đăng", "Tóm tắt", "Nội dung", "Tác giả", "Tệp đính kèm"). The columns are
the list's own: they are known by their usual Vietnamese and English names."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text
from ..document import Document
from ..model import Article
from .sharepoint_common import NAME

# Column names → the field they give (first match wins; names compared in lower case).
COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(r"^(?:tiêu đề|tên bài(?: viết)?|tên tin|title)$")),
    ("date", re.compile(r"^(?:ngày (?:đăng|xuất bản|đưa tin|phát hành)|ngày|thời gian đăng)$")),
    ("summary", re.compile(r"^(?:tóm tắt|trích yếu|mô tả|sapo|summary|description)$")),
    ("body", re.compile(r"^(?:nội dung(?: chi tiết)?|chi tiết|body)$")),
    ("author", re.compile(r"^(?:tác giả|người viết|author)$")),
    ("files", re.compile(r"^(?:tệp đính kèm|tập tin đính kèm|file đính kèm|attachments)$")),
)


def form_fields(doc: Document) -> dict[str, HtmlElement]:
    """The list item's known columns → their value cells ({} for a page with no form)."""
    if not doc.mentions("ms-formtable"):
        return {}
    fields: dict[str, HtmlElement] = {}
    for label in doc.tree.iter("td"):
        if "ms-formlabel" not in (label.get("class") or "").split():
            continue
        value = label.getnext()
        name = element_text(label).rstrip(" :*").lower()
        if value is None:
            continue
        for field, pattern in COLUMNS:
            if field not in fields and pattern.match(name):
                fields[field] = value
                break
    return fields


def parse_list_item(doc: Document, fields: dict[str, HtmlElement]) -> Article:
    text = {field: element_text(cell) for field, cell in fields.items()}
    parts = Parts(
        title=text.get("title"),
        dateline_texts=[text["date"]] if text.get("date") else [],
        content_roots=[fields[name] for name in ("body", "files") if name in fields],
        summary=text.get("summary") or None,
        byline=text.get("author") or None,
        loose_byline=False,
    )
    return assemble(doc, NAME, parts)
