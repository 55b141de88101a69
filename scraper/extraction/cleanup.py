"""Drop the portal furniture that sits inside article bodies: counters, share and print links,
related-article lists (also those injected mid-article)."""

from __future__ import annotations

import re
from itertools import islice

from .blocks import Block, element_text

# A time shown as an age: "2 giờ trước", "3 ngày trước", "5 hours ago".
AGE = (
    r"(?:khoảng |cách đây )?\d+\s*(?:giây|phút|giờ|ngày|tuần|tháng)\s*trước"
    r"|\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\s*ago"
)
AGE_LINE = re.compile(rf"^(?:{AGE})$", re.IGNORECASE)
# Whole paragraphs that are never article text.
NOISE_LINE = re.compile(
    # A counter, maybe bracketed or totalled: "Lượt xem: 207", "(Đã xem: 1.250 lượt)".
    r"^(?:\(?\s*(?:tổng )?(?:lượt xem|số lượt (?:người )?xem|view count|views?|đã xem|lượt đọc|hits)"
    r"\s*:?\s*[\d.,]*(?:\s*lượt)?\s*\)?|"
    # A time shown as an age ("2 giờ trước", "3 hours ago"): the page's clock, not its date.
    rf"{AGE}|"
    # The page's keywords: "Từ khóa: trồng cây, môi trường", "Tags: …".
    r"(?:từ khóa|từ khoá|tags?|thẻ|keywords?)\s*[:：][^.!?]{0,200}|"
    # Joomla K2's counter: "Đọc 245 lần", "Read 245 times".
    r"(?:đã )?đọc\s*[\d.,]+\s*lần|read\s*[\d.,]+\s*times|"
    r"chia sẻ(?: bài viết)?:?|share:?|in bài(?: viết)?|gửi mail|gửi email|bản in|"
    r"quay lại|trở về|về đầu trang|xem tiếp|đầu trang|back to top|print|e-?mail|in|"
    r"100\s*%|cỡ chữ.*|font size.*|a\+?\s*a-?|đóng cửa sổ|close window|"
    # Word's document settings, left as text where an editor dropped the conditional comment
    # that hid them: "Normal 0 false false false VI X-NONE X-NONE MicrosoftInternetExplorer4".
    r"normal\s+\d+\s+(?:false|true)\s+(?:false|true)\b.*|/\*\s*style definitions\s*\*/.*|"
    # A print view's footer: "Địa chỉ bài viết: https://… Đóng cửa sổ".
    r"(?:địa chỉ (?:bài viết|trang)|đường dẫn(?: bài viết)?|link bài viết|url)\s*:\s*"
    r"https?://\S+(?:\s+(?:đóng cửa sổ|close window|in|print))?)$",
    re.IGNORECASE,
)
# A toolbar flattened into one line: "In bài viết | Gửi email | Số lượt xem: 207".
# ("Chia sẻ: Facebook | Zalo", "Quay lại Đầu trang In trang", "Print | Close", "In | Đóng".)
# Each tool a whole word: "x" (Twitter's new name) and "in" must not be read inside "xin".
_TOOL = (
    r"(?:(?:in bài(?: viết| này)?|in trang|bản in|chia sẻ(?: bài viết)?|gửi (?:e-?mail|bài(?: viết)?)|"
    r"quay (?:lại|về)|trở (?:về|lại)|(?:về |lên )?đầu trang|lưu bài(?: viết)?|print|share|e-?mail|"
    r"facebook|zalo|twitter|x|linkedin|telegram|messenger|gửi (?:cho )?bạn bè|đóng(?: cửa sổ)?|"
    r"close(?: window)?|in)(?!\w)\s*:?"
    r"|(?:số )?lượt (?:người )?xem\s*:?\s*[\d.,]*|view count\s*:?\s*[\d.,]*)"
)
# (Old templates bracket each tool: "[ In bài ] [ Đóng cửa sổ ] [ Về đầu trang ]".)
TOOLS_LINE = re.compile(
    rf"^[\[\s]*{_TOOL}(?:[\s\]\[]*[|·•/-]?[\s\]\[]*{_TOOL})+[\s\]]*$", re.IGNORECASE
)
# A readers' rating widget: "Đánh giá bài viết: ( ) Hay ( ) Bình thường".
RATING_LINE = re.compile(
    r"^(?:bạn )?(?:đánh giá|bình chọn)(?: cho)? (?:bài viết|tin bài|bài|tin)(?: này)?"
    r"(?: (?:thế nào|như thế nào))?\s*[:?]?[^.!?]{0,60}$",
    re.IGNORECASE,
)
# CMS account and editor lines: who typed it in, edited, approved or posted it, not who
# wrote it (never the byline: "Biên tập: …" printed under "Tác giả: …").
ACCOUNT_LINE = re.compile(
    r"^(?:(?:người (?:đăng|cập nhật|duyệt|đưa tin|biên tập|kiểm duyệt)|biên tập(?: viên)?|btv|"
    r"duyệt(?: tin| bài)?|kiểm duyệt|hiệu đính|editor|đăng bởi|cập nhật bởi|posted by)"
    r"\s*[:：]"
    # The author field filled with the site's account ("Tác giả: Quản trị", Joomla 1.0).
    r"|(?:tác giả|author)\s*[:：]\s*(?:quản trị(?: viên)?|administrator|admin|webmaster)\s*$)",
    re.IGNORECASE,
)
# A blog post's footer line: "Đăng lúc 16:20 bởi admin", "Đăng bởi quantri vào lúc 2:35 CH".
# (Joomla prints the record's account as "Viết bởi Administrator", "Written by …".)
POSTED_LINE = re.compile(
    r"^(?:(?:đăng|posted)\s(?:lúc|bởi|by|at|on|vào|ngày)|viết bởi|written by)\b[^.!?]{0,80}$",
    re.IGNORECASE,
)
# A line naming the attached files ("File đính kèm: LichTiep_T4.doc"): the files are read as
# attachments from their links, the line is no text.
_FILE_NAME = r"\S+\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|zip|rar|7z)"
ATTACHMENT_LINE = re.compile(
    rf"^(?:(?:file|tệp|tập tin|tài liệu|văn bản) )?(?:đính kèm|tải về|download)\s*[:：]\s*"
    rf"{_FILE_NAME}(?:\s*[,;|]?\s*{_FILE_NAME})*$"
    # The label of a file field alone ("Tệp đính kèm", "Tải về:"), and a file's name alone.
    rf"|^(?:(?:file|tệp|tập tin|tài liệu) đính kèm|tải về|download)\s*[:：]?$|^{_FILE_NAME}$",
    re.IGNORECASE,
)
# When the record was last edited, printed under the text: "Lần cập nhật cuối ( Thứ tư, 17
# Tháng 3 2010 07:50 )", "Last Updated ( Wednesday, 25 April 2012 08:30 )".
_LAST_EDIT = (
    r"(?:lần cập nhật cuối|cập nhật lần cuối|sửa lần cuối|lần sửa cuối|last updated|last modified)"
    r"(?: vào| on)?"
)
LAST_EDIT_LINE = re.compile(rf"^{_LAST_EDIT}\s*:?\s*\(?[^()]{{0,60}}\)?$", re.IGNORECASE)
# A post's meta row left at the end of its text: its counter and its dates, together
# ("Lượt xem: 220 | Cập nhật lần cuối: 29/11/2026 - 10:54 AM", "Ngày đăng: 12/06/2025 ·
# 1.204 lượt xem"). A counter alone is a NOISE_LINE, an edit date alone a LAST_EDIT_LINE.
_COUNT = r"(?:(?:số )?lượt (?:người )?(?:xem|đọc|truy cập)|views?|view count|hits|đã xem)"
_META_SEGMENT = (
    rf"(?:{_COUNT}\s*:?\s*[\d.,]+|[\d.,]+\s*{_COUNT}|đọc\s*[\d.,]+\s*lần|read\s*[\d.,]+\s*times"
    # A K2 footer's edit date, in words: "Sửa lần cuối vào Thứ ba, 04 Tháng 3 2025 08:12".
    rf"|{_LAST_EDIT}\s*:?\s*(?:[^\W\d]+,?\s+)*\d[\w/.:\-–,\s]{{5,40}}?(?:[ap]\.?m\.?|sa|ch)?"
    r"|(?:lần cập nhật cuối|cập nhật lần cuối|(?:ngày )?cập nhật|ngày đăng|đăng ngày|last updated"
    r"|updated|posted)\s*:?\s*[\d/.:\-–,\s]{6,30}(?:[ap]\.?m\.?|sa|ch)?)"
)
# (Segments side by side with no separator too: K2 prints its counter and edit date as spans.)
META_LINE = re.compile(rf"^{_META_SEGMENT}(?:\s*[|·•-]?\s*{_META_SEGMENT})+$", re.IGNORECASE)
# A page footer inside the text's box (print views): "Bản quyền thuộc UBND xã …", "In lúc
# 09:12 ngày 20/01/2016", "Ngày in: 21/02/2019" (when it was printed, not written).
FOOTER_LINE = re.compile(
    r"^(?:(?:bản quyền (?:thuộc|©)|copyright\b|©)[^!?]{0,150}"
    r"|(?:in lúc|ngày in|printed (?:on|at))\b[^.!?]{0,60})$",
    re.IGNORECASE,
)
# A counter split over two rows: the label, then the number alone.
COUNTER_LABEL = re.compile(r"^(?:số )?lượt (?:người )?(?:xem|truy cập)\s*:?$", re.IGNORECASE)
BARE_NUMBER = re.compile(r"^[\d.,]+$")
# Headings that open a related-articles block: everything in the block is links.
RELATED_HEADING = re.compile(
    # (Factored by first word: the pattern is tried on every paragraph.)
    r"^(?:(?:các )?(?:tin (?:đã đưa|(?:tức |bài )?khác|(?:bài )?liên quan|"
    r"cùng (?:chuyên mục|danh mục|loại|chủ đề)|(?:bài )?mới(?: nhất| cập nhật| hơn)?|cũ hơn|"
    r"nổi bật|(?:xem|đọc) nhiều(?: nhất)?)|bài (?:viết )?(?:liên quan|khác|mới(?: nhất)?))"
    r"|xem thêm|đọc thêm|danh mục tin tức|nội dung liên quan|(?:có thể )?bạn (?:có thể )?quan tâm"
    r"|related (?:news|articles|posts)|other news|more news|read more|see also)\s*:?$",
    re.IGNORECASE,
)

# The readers' comments and their form close the article: nothing after them is its text.
COMMENTS_HEADING = re.compile(
    r"^(?:ý kiến (?:bạn đọc|của bạn)|(?:gửi|viết) (?:ý kiến|bình luận)(?: của bạn)?|"
    r"bình luận(?: \(\d+\))?|comments?|leave a (?:reply|comment))\s*:?$",
    re.IGNORECASE,
)

# "(28/03/2014)" after each link of a related list.
BARE_DATE = re.compile(r"\(?[\d/.\-– :]+\)?")
# A related link set in a paragraph of its own, label first.
# (Or marked only by an arrow: ">> <a>…</a>", "► <a>…</a>", "» <a>…</a>".)
RELATED_INLINE = re.compile(
    r"^(?:(?:tin liên quan|bài liên quan|xem thêm|đọc thêm|tin cùng chủ đề)\s*[:：]"
    r"|(?:>>|»|►|▶|→|⇒|>)\s*\w)",
    re.IGNORECASE,
)


# The date printed after a related link: "(03/09/2024)", "- 03/09/2024 08:30".
DATE_AFTER_LINK = re.compile(r"\s*[-–(\[]?\s*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?[\d: ]*[)\]]?$")


def _dated_link(block: Block) -> bool:
    """A related list's line: mostly link once the date after the link is set aside (a short
    title and its date: "Ngày hội đến trường (03/09/2024)")."""
    date = DATE_AFTER_LINK.search(block.text)
    if date is None or not date.start():
        return False
    return link_density(block) * len(block.text) >= 0.6 * date.start()


def link_density(block: Block) -> float:
    """Share of the block's text that sits inside links: of its element's text, or, for a
    line among others in one element (<br>-separated "- <a>…</a> (15/03/2025)" lines), of
    the line's own text and links."""
    total = len(element_text(block.element))
    if not total:
        return 0.0
    if total > len(block.text) * 1.5:
        links = (element_text(a) for a in block.element.iter("a"))
        linked = sum(len(text) for text in links if text and text in block.text)
        return min(1.0, linked / len(block.text))
    linked = sum(len(element_text(a)) for a in block.element.iter("a"))
    return min(1.0, linked / total)


# Lines dropped wherever they stand.
DROPPED_LINES = (
    NOISE_LINE,
    TOOLS_LINE,
    RATING_LINE,
    LAST_EDIT_LINE,
    ATTACHMENT_LINE,
    ACCOUNT_LINE,
    POSTED_LINE,
    FOOTER_LINE,
    META_LINE,
)
# Any of the line patterns above: one test that most paragraphs fail, instead of eleven.
_ANY_LINE_PATTERN = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (*DROPPED_LINES, COUNTER_LABEL, RELATED_HEADING, RELATED_INLINE, COMMENTS_HEADING)
    ),
    re.IGNORECASE,
)


# What separates the crumbs of a breadcrumb trail ("Trang chủ > Tin tức » Hoạt động").
CRUMB_SEPARATORS = ">»›/|"
MAX_TRAIL_CHARS = 200
MAX_CRUMBS = 8
# A trail without links: the home page's crumb, then up to MAX_CRUMBS short crumbs.
HOME_TRAIL = re.compile(
    rf"^(?:trang chủ|trang nhất|home)(?:\s*[>»›/|]\s*[^>»›/|.!?]{{1,60}}){{1,{MAX_CRUMBS}}}$",
    re.IGNORECASE,
)


def is_breadcrumb_trail(block: Block) -> bool:
    """A paragraph of two links or more and separators between them, nothing else: the page's
    trail ("Trang chủ > Tin tức"), with no class naming it, set above the title in the box
    that holds the text."""
    text = block.text
    if len(text) > MAX_TRAIL_CHARS or not any(mark in text for mark in CRUMB_SEPARATORS):
        return False  # (most first paragraphs)
    if HOME_TRAIL.match(text):
        return True  # a trail printed as plain text: "Trang chủ > Tin tức - Sự kiện"
    # The links of the paragraph's element; more than a trail has: an element of several
    # paragraphs, whose links are not all this one's.
    links = [element_text(a) for a in islice(block.element.iter("a"), MAX_CRUMBS + 1)]
    if not 2 <= len(links) <= MAX_CRUMBS or not text.startswith(links[0]):
        return False
    rest = text
    for link in links:
        if link not in rest:
            return False
        rest = rest.replace(link, "", 1)
    return not rest.strip(CRUMB_SEPARATORS + " ")


def strip_boilerplate(blocks: list[Block]) -> list[Block]:
    if blocks and is_breadcrumb_trail(blocks[0]):
        blocks = blocks[1:]  # only the first: a trail sits above the title, not in the text
    kept: list[Block] = []
    in_related = after_counter = False
    for block in blocks:
        text = block.text
        if not (in_related or after_counter or _ANY_LINE_PATTERN.match(text)):
            kept.append(block)  # prose: no pattern below can match it
            continue
        if after_counter and BARE_NUMBER.match(text):
            after_counter = False
            continue
        after_counter = bool(COUNTER_LABEL.match(text))
        if COMMENTS_HEADING.match(text):
            break
        if RELATED_HEADING.match(text):
            in_related = True
            continue
        if in_related:
            # A related list goes on while its lines are links; real prose ends it.
            if link_density(block) >= 0.6 or BARE_DATE.fullmatch(text) or _dated_link(block):
                continue
            in_related = False
        if any(rule.match(text) for rule in DROPPED_LINES):
            continue
        if RELATED_INLINE.match(text) and link_density(block) >= 0.5:
            continue  # "Xem thêm: <a>…</a>", ">> <a>…</a>" injected between paragraphs
        kept.append(block)
    return kept
