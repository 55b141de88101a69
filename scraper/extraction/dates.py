"""Publish-time parsing for Vietnamese portal datelines and article URLs.

Portals print the publish time in a dozen shapes ("Ngày đăng 20/05/2016 | 11:41 AM",
"Thứ tư - 25/02/2026 04:45", "11:08, 06/08/2021", "ngày 21 tháng 01 năm 2020", ...; see
PORTALS.md §4). Known shapes go through module-level regexes (the fast path); dateparser is
only a lazily imported fallback for month-name text the regexes do not cover.

Two rules shape everything here:

* Never raise on any string: a dateline is never worth crashing an extraction.
* No date beats a wrong date: every value must be a real calendar date within
  1990-01-01 … today+1 day, and ambiguous input yields None rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from scraper.extraction.model import Precision
from scraper.extraction.text import clean_line

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "EARLIEST",
    "EN_MONTHS",
    "TZ",
    "Dateline",
    "count_dates",
    "date_from_url",
    "is_print_date_header",
    "labels_a_date_aside",
    "month_first_reading",
    "names_an_edit",
    "page_writes_month_first",
    "parse_dateline",
    "post_time",
    "with_post_time",
    "written_as_en_us",
]

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
EARLIEST = date(1990, 1, 1)

# The fallback costs milliseconds per call; beyond this length the text is a page chunk, not
# a dateline, and dateparser would only find noise in it.
_FALLBACK_MAX_CHARS = 80
# How far before a date we look for "its" time ("Thành Long 11:24 | 01/07/2025").
_TIME_BEFORE_WINDOW = 48
# How far before a date we look for a label saying it is the date of an edit (an editor's
# name and unit may come between: "Người cập nhật: Nguyễn Văn Minh - Văn phòng HĐND và UBND
# - 13/06/2025 09:00").
_LABEL_WINDOW = 80


@dataclass(frozen=True)
class Dateline:
    """A parsed publish time.

    `value` is aware and in Asia/Ho_Chi_Minh. With precision "day" it sits at 00:00 and only
    the date is meaningful. `text` is the whitespace-collapsed substring that was parsed.
    """

    value: datetime
    precision: Precision
    text: str
    # Labelled as the time of the last edit ("Cập nhật: …"), the only date the text gives.
    updated: bool = False
    # Read month first: "10/16/2023" has no 16th month (an en-US site).
    month_first: bool = False

    def isoformat(self) -> str:
        """ISO 8601 with seconds and offset, e.g. "2022-07-23T15:42:00+07:00"."""
        return self.value.isoformat(timespec="seconds")


# --- Regexes -------------------------------------------------------------------------------
# Input is NFC-normalised and whitespace-collapsed first, so a single "\s?" covers spacing.

# dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy, "17 - 05 - 2024"; one separator used throughout. The
# lookbehinds keep us from starting inside a longer numeric run ("1/20/05/2016").
_DMY = (
    # (A weekday or a time glued on with a dash starts no numeric run: "T6-08/03/2024",
    # "14:51-28/10/2024".)
    r"(?:(?<!\d)(?<!\d[/.\-–])|(?<=[^\W\d_]\d[\-–])|(?<=[^\W\d_]\s\d[\-–])|(?<=:\d\d[\-–]))"
    r"(?P<d>\d{1,2})\s?(?P<sep>[/.\-–])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?!\d)"
)
# Months as WordPress' Vietnamese locale writes them ("12 Tháng Ba, 2025"); "Năm" (five) only
# before a comma, as "năm" also says "year".
MONTH_WORDS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
_MONTH_WORD = r"mười\s(?:một|hai)|mười|một|giêng|hai|ba|tư|bốn|sáu|bảy|tám|chín|chạp"
# "21 tháng 01 năm 2020" (any case, with or without diacritics; a leading "ngày" is left out
# of the match), "21 tháng 1, 2020", "21 Tháng Một, 2020".
_VI_WORDS = (
    r"(?<!\d)(?P<vd>\d{1,2})\s?th[áa]ng\s?"
    rf"(?:(?P<vm>\d{{1,2}})|(?P<vw>{_MONTH_WORD})(?!\w)|(?P<vw5>năm)(?=\s?,|\s\d{{4}}))"
    # (The year may follow the month alone: "13 Tháng Năm 2024", Joomla's "12 Tháng 3 2025".)
    r"(?:\s?n[ăa]m\s?|\s?[,/]\s?|\s)(?P<vy>\d{4})(?!\d)"
)
# AM/PM, the Vietnamese SA (sáng, morning) / CH (chiều, afternoon) and the words for morning,
# afternoon, evening, noon and night.
_MERIDIEM = r"[ap]\.?m\.?|sa|ch|sáng|chiều|tối|trưa|đêm"
# ISO-ish year-first dates from meta tags, optionally with a time and an explicit offset.
_ISO = (
    r"(?<!\d)(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?!\d)"
    # NukeViet writes "2026-02-25ICT04:45:00" or "2026-02-25+0704:45:00" (Indochina Time).
    r"(?:(?:[T ]|(?P<ict>ICT|\+07(?=\d{1,2}:\d{2})))(?P<ih>\d{1,2}):(?P<imi>\d{2})(?::(?P<is>\d{2})(?:[.,]\d+)?)?(?![\d:])"
    # "2024-03-05 03:42 PM"; a zone attached or after a space ("+00:00", "Z", "UTC", "GMT").
    rf"(?:\s?(?P<iampm>{_MERIDIEM})(?!\w))?"
    r"(?:\s?(?P<ioff>Z|[+-]\d{2}(?::?\d{2})?)(?:\s?UTC)?(?!\w)|\s?(?P<iutc>UTC|GMT)(?!\w)(?!\s?[+-]\d))?)?"
)
# Month names, for text that has no numeric date (the fallback's turn): "March 12, 2025",
# "12 Mar 2025", WordPress' Vietnamese "Tháng Ba 5, 2024" and short "05 Th3 2024".
EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NAME = rf"(?:(?P<en>{_EN_MONTH})\.?|th[áa]ng\s(?P<nw>{_MONTH_WORD}|năm)|th(?P<nn>\d{{1,2}}))"
_NAMED_MONTH_RE = re.compile(
    rf"\b{_MONTH_NAME}\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH_NAME.replace('?P<', '?P<x')}"
    r"(?!\w),?\s(?P<y2>\d{4})(?!\d)",
    re.IGNORECASE,
)


def names_a_month(text: str) -> bool:
    """Whether `text` holds a date with its month in words ("March 16, 2025", "03 Tháng 3
    2025"): the fallback's to read, which a caller skipping the fallback may want to ask."""
    # (Its year first: most texts have none, and the named-month pattern is costly to try.)
    return _YEAR_DIGITS.search(text) is not None and _NAMED_MONTH_RE.search(text) is not None


_YEAR_DIGITS = re.compile(r"\d{4}")


# Every branch starts with a digit; saying so up front lets the engine skip the words between
# dates cheaply (about 4x faster on a typical dateline).
_DATE_RE = re.compile(rf"(?=\d)(?:{_DMY}|{_VI_WORDS}|{_ISO})", re.IGNORECASE)

# 11:41, 9:50 AM, 14:12:05, 15h30, 15g30, "15 giờ 30", "08 giờ 30 phút", "8 giờ", with AM/PM
# or the Vietnamese SA (sáng, morning) / CH (chiều, afternoon) markers. "(?!\w)" stops "sa"
# matching inside "sáng".
_TIME_BODY = (
    r"(?:(?P<h>\d{1,2})(?::|h|g|\s?giờ\s?)(?P<mi>\d{2}|\d(?=\s?phút))(?:\s?phút(?!\w)|')?"
    r"(?::(?P<s>\d{2})|\s?(?P<sw>\d{1,2})\s?giây(?!\w))?"
    # An hour alone: "8 giờ", "15h", "8g" (not "48 giờ", a duration).
    r"|(?P<ho>[01]?\d|2[0-3])(?:\s?giờ|[hg](?!\w))(?!\s?\d))"
    r"(?![\d:])"
    # "3 giờ trước" (ago), "12 giờ qua" (past), "2 giờ đồng hồ" (hours long): a duration.
    r"(?!\s?(?:trước|qua|nữa|đồng\s?hồ)(?!\w))"
    rf"(?:\s?(?P<ampm>{_MERIDIEM})(?!\w))?"
)
_TIME = r"(?<![\d:.,])" + _TIME_BODY
_WEEKDAY = r"(?:th[ứu]\s?(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảẩa]y|[2-7])|ch[ủu]\s?nh[ậa]t|t[2-7]|cn)"
# What may sit between a date and the time that belongs to it. Anything longer or wordier
# (a byline, a sentence) means the time is about something else and is ignored.
_GAP_AFTER = (
    r"[\s|,\-–—•·/(@]{0,4}"
    # "lúc", "vào lúc", "at"; a field of its own: "| Giờ đăng: 14:35", "| Thời gian: 14:35".
    r"(?:(?:(?:v[àa]o\s|đăng\s)?(?:l[úu]c|h[ồo]i)|at|(?:gi[ờo]|thời\s?gian)(?:\s?đăng)?)\s?:?\s?)?"
)
_GAP_BEFORE = (
    r"\)?[\s|,\-–—•·]{0,4}(?:\(?gmt\s?\+\s?0?7\)?[\s|,\-–—•·]{0,4})?"
    rf"(?:{_WEEKDAY}[\s,\-–—|]{{0,3}})?(?:ng[àa]y\s?:?\s?)?"
)
# (Right after a date, "2024,08:30" is a time: a comma before the hour is no decimal one.)
_TIME_AFTER_RE = re.compile(_GAP_AFTER + r"(?<![\d:.])" + _TIME_BODY, re.IGNORECASE)
# A field separator or a label between a date and a time after it, and a date right after
# that time: the time may head the next date rather than end this one.
_FIELD_GAP = re.compile(r"\||[^\W\d_]")
_DATE_NEXT_RE = re.compile(
    r"[\s,\-–—•·]{0,4}(?:ng[àa]y\s?)?\d{1,2}[/.\-–]\d{1,2}[/.\-–]\d{4}", re.IGNORECASE
)
_TIME_BEFORE_RE = re.compile(
    # "Trong 2 giờ", "Sau 6 giờ", "Cách đây 3 giờ": a duration, not a time of day.
    # "Thời lượng: 03:45": a video's length.
    # (A digit first: the engine tries the lookbehinds only where a time can start.)
    r"(?=\d)(?<!trong\s)(?<!sau\s)(?<!đây\s)(?<!dài\s)(?<!lượng\s)(?<!lượng:\s)"
    + _TIME
    + _GAP_BEFORE
    + r"\Z",
    re.IGNORECASE,
)
# A time range ("từ 8h00 đến 11h30", "8:00 - 11:30") is an event's hours, not a publish time.
# The other end must be a time too: "Quận 1 - 08:30", "14:35 - 98 lượt xem" and "08:42:00
# -0000" are no ranges.
_RANGE_BEFORE_RE = re.compile(
    r"(?:\d:\d\d|\dh(?:\d\d)?|\d\s?giờ(?:\s?\d\d)?|phút)\s?(?:[-–]|đến|tới)\s?\Z", re.IGNORECASE
)
_RANGE_AFTER_RE = re.compile(
    r"\s?(?:[-–]|đến|tới)\s?\d{1,2}(?::\d\d|[hg](?:\d\d)?(?!\w)|\s?giờ)", re.IGNORECASE
)
# A zone after a time ("05/03/2024 01:30 GMT", "Wed, 12 Mar 2025 03:30:00 +0000", "(GMT+7)",
# a JavaScript date's "GMT+0000 (Coordinated Universal Time)").
_ZONE_AFTER_RE = re.compile(
    r"\s?(?:\(?(?:utc|gmt)(?!\w)(?:\s?(?P<named>[+-]\d{1,2}(?::?\d\d)?)(?![\d:]))?\)?"
    r"|(?P<offset>[+-]\d{2}:?\d{2})(?![\w:]))",
    re.IGNORECASE,
)

_PM_MARKERS = frozenset({"pm", "ch", "chiều", "tối"})

# "Cập nhật" (updated), "chỉnh sửa" (edited): the date after such a label is not the publish date.
_UPDATED = (
    r"cập\s?nhật|chỉnh\s?sửa|hiệu\s?chỉnh|sửa\s?(?:đổi|lúc|lần\s?cuối)|ngày\s?sửa"
    r"|updated|last\s?modified|modified|edited"
)
_UPDATED_RE = re.compile(rf"(?=[cshnulme])\b(?:{_UPDATED})\b", re.IGNORECASE)

# Dates that are not the article's at all: when the page was printed, when the decree it
# reports was signed or takes effect, when the event it announces takes place.
# ("Ngày đăng: 12/06/2025 | Ngày hiệu lực: 01/07/2025": the second is the decree's.)
_OTHER_DATE = (
    r"ngày\s?in|in\s?(?:ngày|lúc)|ngày\s?(?:ban\s?hành|ký|có\s?hiệu\s?lực)"
    r"|ban\s?hành\s?ngày|(?:có\s?)?hiệu\s?lực(?:\s?(?:từ|thi\s?hành))?(?:\s?ngày)?"
    r"|(?:ngày|thời\s?gian)\s?(?:diễn\s?ra|tổ\s?chức|sự\s?kiện)|sự\s?kiện\s?ngày"
    r"|hạn\s?(?:chót|nộp)|printed(?:\s?on)?"
)
# "Ngày tạo" (the CMS record's creation): the publish date, unless the text gives that too.
_CREATED = r"ngày\s?tạo|created(?:\s?on)?"
# The three kinds of label in one pattern: the words before each date are read once.
_DATE_LABEL_RE = re.compile(
    rf"(?=[cstulmnihbpe])\b(?:(?P<edit>{_UPDATED})|(?P<other>{_OTHER_DATE})|(?P<created>{_CREATED}))"
    r"\b",
    re.IGNORECASE,
)

# A post footer's time of day: "Đăng lúc 16:20 bởi …", "Posted by admin at 4:20 PM".
_POST_TIME_RE = re.compile(rf"\b(?:lúc|at)\s?(?P<clock>{_TIME})", re.IGNORECASE)

# View counters sit right after the time; their digits must never feed a date or a time.
# The leading lookahead is only a cheap first-letter filter.
_COUNTER_RE = re.compile(
    r"(?=[lsvh])\b(?:lượt\s?(?:xem|đọc|truy\s?cập)|số\s?lượt(?:\s?người)?\s?xem"
    r"|view\s?count|views?|hits?)"
    r"\s?:?\s?\d[\d.,]*",
    re.IGNORECASE,
)

# Labels stripped before handing text to dateparser, which chokes on them (STYLE.md §2.4).
_LABEL_PREFIX_RE = re.compile(
    r"^(?:ngày\s?đăng|đăng\s?ngày|ngày\s?xuất\s?bản|cập\s?nhật(?:\s?lúc)?|"
    r"publish(?:ed)?(?:\s?date|\s?on)?|posted(?:\s?on)?|updated(?:\s?on)?|date)\s?:?\s?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_WORD_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|th[áa]ng|thg)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"\d+")
_FOUR_DIGITS = re.compile(r"\d{4}")

# "Hải Phòng, ngày 21 tháng 01 năm 2020": a place, a comma, a worded date. Printable views
# print this as the print/issue date. Weekdays and labels are not places.
_PRINT_HEADER_RE = re.compile(
    rf"(?!{_WEEKDAY}\b|(?:c[ậa]p\s?nh[ậa]t|ng[àa]y|đăng|dang|hôm\s?nay|hom\s?nay)\b)"
    r"[^\W\d_]+\.?(?:\s?[^\W\d_]+\.?){0,5}\s?,\s?"
    r"ng[àa]y\s?\d{1,2}\s?th[áa]ng\s?\d{1,2}\s?n[ăa]m\s?\d{4}[\s.]*",
    re.IGNORECASE,
)

# VCCorp/Lotus: "-<siteId><yyMMddHHmmss><fff>.htm" (".chn" on other VCCorp sites).
_VCCORP_URL_RE = re.compile(r"-(?P<tail>\d{16,})\.(?:htm|chn)$", re.IGNORECASE)
# SharePoint dated folders: "/Pages/2024-5-17/…" (y-m-d, no padding).
_SHAREPOINT_URL_RE = re.compile(
    r"/pages/(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/", re.IGNORECASE
)
# Dated permalinks (WordPress, Drupal, Hugo, Jekyll): "/2025/12/09/<slug>", each its own
# segment, the month and day two digits.
_DATED_PATH_RE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])/(?=[^/\d])"
)
# Mongo ObjectId as a whole path segment: the first 8 hex digits are Unix seconds.
_OBJECTID_URL_RE = re.compile(r"/(?P<oid>[0-9a-f]{24})(?=/|$)", re.IGNORECASE)

# Zero-width and control characters: pasted or corrupted bytes inside "03:42\x01 PM" must not
# part a time from its AM/PM.
_ZERO_WIDTH_RE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
# Control characters separate (as in text.clean): "03:42 PM\x01A" must not read "03:42 PMA".
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- Public API ----------------------------------------------------------------------------


def parse_dateline(
    text: str, *, today: date | None = None, fallback: bool = True
) -> Dateline | None:
    """Find the publish time in a chunk of dateline text, or return None.

    The first valid date wins; the time adjacent to it (either side) gives minute precision.
    Never raises; results always lie within 1990-01-01 … today+1 day (today in Vietnam).
    `fallback=False` skips dateparser (month-name datelines): for scanning many candidate
    texts cheaply before parsing the chosen one fully.
    """
    if not isinstance(text, str):
        return None
    clean = _collapse(text)
    if _FOUR_DIGITS.search(clean) is None:
        # Every date shape, dateparser's included (_YEAR_RE), has a four-digit year but one.
        return _short_year(clean, today) if _SHORT_YEAR_RE.search(clean) else None
    latest: date | None = None  # asked of the clock only when there is a date to check
    masked = _COUNTER_RE.sub(_blank, clean)
    saw_date = False
    # An edit time ("Ngày đăng: 12/03/2019 | Cập nhật: 15/03/2019") gives way to a publish
    # date in the same text; alone, it is the best the text has and is returned as such.
    edited: Dateline | None = None
    created: Dateline | None = None  # "Ngày tạo: …": if the text names no publish date
    label_from = 0  # where the words before the current date start
    for match in _DATE_RE.finditer(masked):
        saw_date = True
        latest = latest or _latest_allowed(today)
        # (Its label sits right before it: "Cập nhật lần cuối lúc 10:00 ngày 15/03/2019".)
        label_at = max(label_from, match.start() - _LABEL_WINDOW)
        labels = {m.lastgroup for m in _DATE_LABEL_RE.finditer(masked, label_at, match.start())}
        # (A time right after this date is its own, not the next date's.)
        own_end = None
        if _BRACKET_RE.search(masked, match.end(), match.end() + _EDIT_AFTER_WINDOW):
            own_end = _own_time_end(masked, match.end())
            if (edit_after := _EDIT_AFTER_RE.match(masked, own_end)) is not None:
                labels.add("edit")  # its label after it: "12/03/2025 10:00 (cập nhật)"
                own_end = edit_after.end()  # (and not the next date's)
        other = "other" in labels
        found = None if other else _from_date_match(match, clean, masked, latest, label_from)
        if found is not None and "edit" not in labels:
            if created is None and "created" in labels:
                created = found
            else:
                return found
        elif found is not None and edited is None:
            edited = replace(found, updated=True)
        label_from = own_end if own_end is not None else _own_time_end(masked, match.end())
    if created is not None or edited is not None:
        return created or edited
    # A recognised but invalid date (31/02, 1899, ...) is a bad dateline, not a cue to let
    # dateparser guess something else out of the same text.
    if saw_date:
        return None
    if _SHORT_YEAR_RE.search(clean) is not None:
        return _short_year(clean, today)
    if not fallback:
        return None
    latest = _latest_allowed(today)
    return _month_named(clean, masked, latest) or _fallback(clean, latest)


# "10/03/25 09:15": a date with a two-digit year, which some CMSs print. In a sentence,
# "10/03/25" is as likely a document's number, so it is read only with its time beside it,
# after a publish label, or as the whole text.
_SHORT_YEAR_RE = re.compile(
    r"(?<![\d/.\-–])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<yy>\d\d)(?![\d/.\-–]?\d)"
)
_PUBLISH_LABEL_BEFORE_RE = re.compile(
    r"(?:ngày\s?(?:đăng|xuất\s?bản)|đăng\s?(?:ngày|lúc)|thời\s?gian\s?đăng|posted(?:\s?on)?"
    r"|published(?:\s?on)?)\s?:?\s?\Z",
    re.IGNORECASE,
)
# Two-digit years from this one on are of the last century ("…/98"): no portal is older.
_LAST_CENTURY_FROM = 90


def _short_year(clean: str, today: date | None) -> Dateline | None:
    """The first date with a two-digit year that has its time beside it or a publish label
    before it (an edit's date marked as such), or that is the whole text ("03/06/25", as a
    listing prints it beside a link, Liferay's short date in its date field); None when there
    is none but another event's."""
    alone = _SHORT_YEAR_RE.fullmatch(clean.strip("()[] ")) is not None
    masked = _COUNTER_RE.sub(_blank, clean)
    latest = _latest_allowed(today)
    for match in _SHORT_YEAR_RE.finditer(masked):
        start, end = match.span()
        label_at = max(0, start - _LABEL_WINDOW)
        labels = {m.lastgroup for m in _DATE_LABEL_RE.finditer(masked, label_at, start)}
        if "other" in labels:
            continue  # a decree's or an event's date
        clock, tzinfo, start, end = _with_its_time(masked, start, end)
        labelled = _PUBLISH_LABEL_BEFORE_RE.search(masked, max(0, start - 24), start)
        if clock is None or (clock == (0, 0, 0) and labelled is None and not alone):
            continue
        yy = int(match["yy"])
        year = yy + (1900 if yy >= _LAST_CENTURY_FROM else 2000)
        value = _make_datetime((str(year), match["m"], match["d"]), clock, tzinfo)
        if value is not None and _in_range(value, latest):
            found = _dateline(value, clean[start:end])
            return replace(found, updated=True) if "edit" in labels else found
    return None


def count_dates(text: str) -> int:
    """How many numeric dates the text holds: a dateline has one, a list of links several."""
    return sum(1 for _ in _DATE_RE.finditer(_collapse(text))) if isinstance(text, str) else 0


def post_time(text: str) -> str | None:
    """The time of day a post's footer gives ("Đăng lúc 16:20 bởi …", "Posted by admin at
    4:20 PM" → "16:20", "4:20 PM")."""
    found = _POST_TIME_RE.search(text)
    return found["clock"] if found is not None else None


def with_post_time(day_text: str, time: str | None) -> str:
    """`day_text` with a post footer's `time` joined ("Thứ Sáu, 22/02/2019 lúc 16:20") when
    it gives the day only: blog templates head the day's posts with the date and end each
    post with its time. Any other dateline is returned as it is."""
    if not time:
        return day_text
    day = parse_dateline(day_text)
    if day is None or day.precision != "day" or day.updated:
        return day_text
    return f"{day_text} lúc {time}"


# An edit's label in brackets after its date: "12/03/2025 10:00 (cập nhật)", "(sửa lúc …)".
# (Looked for only where a bracket follows the date closely: most datelines have none.)
_BRACKET_RE = re.compile(r"[(\[]")
_EDIT_AFTER_WINDOW = 16
# (A bracket that holds a date of its own labels that date: "20/07/2025 08:00 (Cập nhật:
# 22/07/2025 10:15)" is published on the 20th.)
_EDIT_AFTER_RE = re.compile(
    rf"\s?[(\[]\s?(?:{_UPDATED})\b(?![^()\[\]]*\d[/.\-]\d)[^()\[\]]{{0,30}}[)\]]", re.IGNORECASE
)


def _own_time_end(masked: str, date_end: int) -> int:
    """Where a date ends with the time right after it, its own ("10/03/2025 09:15")."""
    own_time = _time_after(masked, date_end)
    return own_time.end() if own_time is not None else date_end


def names_an_edit(text: str) -> bool:
    """Whether the text labels a date as the time of an edit ("Cập nhật: …")."""
    return _UPDATED_RE.search(_collapse(text)) is not None


def labels_a_date_aside(text: str) -> bool:
    """Whether the text labels some date as not the publish time: an edit, the record's
    creation, a print date, a decree's signing or effect, an event's day. A dateline may
    print such a date beside the publish date."""
    clean = _collapse(text)
    return _DATE_LABEL_RE.search(clean) is not None


def month_first_reading(day: date) -> date | None:
    """The date with its day and month swapped, how "03/12/2020" reads month first; None
    when it reads one way only."""
    if day.day > 12 or day.day == day.month:
        return None
    return day.replace(month=day.day, day=day.month)


# The month (or day) and year of a slashed date; the number before them is read apart. (A
# pattern that starts with its literal "/" is searched for at C speed; one that starts with a
# digit or a lookbehind is tried at every position of the page: 1 ms on a 28 KB page.)
_SLASHED_TAIL = re.compile(r"/(\d{1,2})/(?:19|20)\d\d(?![\w/])")
_FIRST_NUMBER = re.compile(r"(?<![\w/.-])(\d{1,2})$")
# Dates whose second number is no month a page must show before its others are read so.
MIN_MONTH_FIRST_EVIDENCE = 2


# How an en-US server writes a date ("3/12/2009", "11/3/2025"): month and day unpadded, so
# one of them a single digit. ("03/12/2009" is how Vietnamese templates write theirs.)
_UNPADDED_SLASHED = re.compile(r"(?<!\d)(?:[1-9]/\d{1,2}|1[0-2]/[1-9])/\d{4}")


# "03/10/25 9:15 AM": a two-digit year with an English clock, .NET's en-US short date.
_SHORT_YEAR_EN_CLOCK = re.compile(
    r"(?<!\d)\d{1,2}/\d{1,2}/\d\d\s+\d{1,2}:\d\d(?::\d\d)?\s?[ap]\.?m\b", re.IGNORECASE
)


def written_as_en_us(text: str) -> bool:
    """Whether a date in `text` is written as en-US servers write dates: month and day
    unpadded ("3/12/2009", "11/3/2025"), or a two-digit year and an AM/PM clock."""
    return (
        _UNPADDED_SLASHED.search(text) is not None or _SHORT_YEAR_EN_CLOCK.search(text) is not None
    )


def page_writes_month_first(text: str) -> bool:
    """Whether a page writes its slashed dates month first (a server left on the en-US
    setting): some of them cannot be read otherwise ("2/27/2009"), none only day first
    ("27/2/2009")."""
    month_first = 0
    for tail in _SLASHED_TAIL.finditer(text):
        first = _FIRST_NUMBER.search(text, max(0, tail.start() - 3), tail.start())
        if first is None:
            continue  # not a date on its own: inside a number, a path, base64
        a, b = int(first.group(1)), int(tail.group(1))
        if b <= 12 < a <= 31:
            return False
        month_first += a <= 12 < b <= 31
    return month_first >= MIN_MONTH_FIRST_EVIDENCE


def date_from_url(url: str, *, today: date | None = None) -> Dateline | None:
    """Publish time embedded in an article URL (VCCorp tail, SharePoint folder, ObjectId,
    a dated permalink "/2025/12/09/<slug>").

    Only a fallback for pages without a dateline. Never raises; same range check as
    `parse_dateline`. Year-month folders such as "/201805/" are too vague and ignored.
    """
    if not isinstance(url, str):
        return None
    path = url.strip().split("#", 1)[0].split("?", 1)[0]
    latest = _latest_allowed(today)
    for parse in (_from_vccorp_url, _from_sharepoint_url, _from_objectid_url, _from_dated_path):
        found = parse(path)
        if found is not None and _in_range(found.value, latest):
            return found
    return None


def is_print_date_header(text: str) -> bool:
    """True for a printable view's "<Place>, ngày D tháng M năm YYYY" header.

    That date is when the page was printed/issued, not when the article was published, so
    callers skip it. The whole (whitespace-collapsed) text must have that shape.
    """
    if not isinstance(text, str):
        return False
    return _PRINT_HEADER_RE.fullmatch(_collapse(text)) is not None


# --- Fast path helpers ---------------------------------------------------------------------


def _collapse(text: str) -> str:
    """NFC, no zero-width characters, single spaces (so \\xa0 from &nbsp; is a space)."""
    if text.isprintable():
        # Most texts come cleaned already (element_text): isprintable() rejects every control
        # and zero-width character and every space but " ", and on such text clean_line only
        # folds doubled or outer spaces and composes (NFC changes no space), as below.
        return clean_line(text)
    text = _CONTROL_RE.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join(_ZERO_WIDTH_RE.sub("", text).split())


def _blank(match: re.Match[str]) -> str:
    # Same length, so offsets in the masked text still index the clean text.
    return " " * len(match.group())


def _latest_allowed(today: date | None) -> date:
    if today is None:
        today = datetime.now(TZ).date()
    elif isinstance(today, datetime):  # a datetime would break date comparisons
        today = today.date()
    return today + timedelta(days=1)


def _in_range(value: datetime, latest: date) -> bool:
    return EARLIEST <= value.astimezone(TZ).date() <= latest


def _from_date_match(
    match: re.Match[str], clean: str, masked: str, latest: date, floor: int = 0
) -> Dateline | None:
    """Build the Dateline for one date candidate, pairing it with an adjacent time (one
    before it only from `floor` on: what precedes belongs to an earlier date)."""
    month_first = False
    if match["d"] is not None:
        ymd = (match["y"], match["m"], match["d"])
        if match["sep"] == "/" and int(match["m"]) > 12 and 0 < int(match["d"]) <= 12:
            # "10/16/2023 3:07:00 PM": only month first is a date (ASP.NET's en-US format).
            ymd, month_first = (match["y"], match["d"], match["m"]), True
        elif _weekday_says_month_first(masked, match.start(), ymd):
            ymd, month_first = (match["y"], match["d"], match["m"]), True
    elif match["vd"] is not None:
        month = match["vm"] or MONTH_WORDS[" ".join((match["vw"] or match["vw5"]).lower().split())]
        ymd = (match["vy"], str(month), match["vd"])
    else:
        ymd = (match["iy"], match["im"], match["id"])
    start, end = match.span()
    tzinfo: timezone | ZoneInfo = TZ
    clock: tuple[int, int, int] | None

    if match["ih"] is not None:  # ISO string carrying its own time (and maybe offset)
        hour = _meridiem_hour(int(match["ih"]), match["iampm"])
        clock = (
            None if hour is None else _valid_clock(hour, int(match["imi"]), int(match["is"] or 0))
        )
        if match["ioff"] is not None:
            tzinfo = _parse_offset(match["ioff"])
        elif match["iutc"] is not None:
            tzinfo = UTC
    else:
        clock, tzinfo, start, end = _with_its_time(masked, start, end, floor)
    if clock is None:
        return None

    value = _make_datetime(ymd, clock, tzinfo)
    if value is None or not _in_range(value, latest):
        return None
    found = _dateline(value, clean[start:end])
    return replace(found, month_first=True) if month_first else found


# A weekday written right before a date: English (Drupal's "Tue, 03/05/2024 - 08:30") or
# Vietnamese ("Thứ ba, 05/03/2024", "T3 05/03/2024", "CN").
_WEEKDAY_BEFORE_RE = re.compile(
    r"(?:\b(?P<en>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|th[ứu]\s?(?P<vi>hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảẩa]y|[2-7])|\bt(?P<vt>[2-7])"
    r"|(?P<cn>ch[ủu]\s?nh[ậa]t|\bcn))[\s,\-–—|]{0,3}\Z",
    re.IGNORECASE,
)
_WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "hai": 0, "ba": 1, "tư": 2, "tu": 2, "năm": 3, "nam": 3, "sáu": 4, "sau": 4, "bảy": 5,
    "bay": 5, "bẩy": 5,
}  # fmt: skip


def _weekday_says_month_first(masked: str, start: int, ymd: tuple[str, str, str]) -> bool:
    """Whether the weekday written before a date that reads both ways ("Tue, 03/05/2024")
    names the day of its month-first reading and not of its day-first one."""
    year, month, day = (int(part) for part in ymd)
    if not (day <= 12 and month <= 12 and day != month and day and month):
        return False
    found = _WEEKDAY_BEFORE_RE.search(masked, max(0, start - 16), start)
    if found is None:
        return False
    name = found["en"] or found["vi"]
    if found["cn"]:
        weekday = 6
    elif number := found["vt"] or (name if name.isdecimal() else None):
        weekday = int(number) - 2  # "Thứ 2", "T2": Monday
    else:
        weekday = _WEEKDAYS[name.lower()]
    try:
        day_first, month_first = date(year, month, day), date(year, day, month)
    except ValueError:
        return False
    return day_first.weekday() != weekday and month_first.weekday() == weekday


def _with_its_time(
    masked: str, start: int, end: int, floor: int = 0
) -> tuple[tuple[int, int, int] | None, timezone | ZoneInfo, int, int]:
    """The clock of the date at `start:end` (midnight when it shows none; None when its time
    is impossible), the zone written after that time, and the span of date and time."""
    time_match = _adjacent_time(masked, start, end, floor)
    if time_match is None:
        return (0, 0, 0), TZ, start, end
    hour_at = time_match.start("h" if time_match["h"] else "ho")
    start, end = min(start, hour_at), max(end, time_match.end())
    tzinfo: timezone | ZoneInfo = TZ
    if end == time_match.end():  # (a zone follows a time written after the date)
        tzinfo, end = _zone_after(masked, end)
    return _clock_from_match(time_match), tzinfo, start, end


def _adjacent_time(masked: str, start: int, end: int, floor: int = 0) -> re.Match[str] | None:
    """The time right after the date, else right before it, else None; never one end of a
    time range (an event's hours)."""
    after = _time_after(masked, end)
    if after is not None:
        return None if _RANGE_AFTER_RE.match(masked, after.end()) else after
    before = _TIME_BEFORE_RE.search(masked, max(floor, start - _TIME_BEFORE_WINDOW), start)
    if before is None:
        return None
    hour_at = before.start("h" if before["h"] else "ho")
    return None if _RANGE_BEFORE_RE.search(masked, max(0, hour_at - 12), hour_at) else before


def _time_after(masked: str, end: int) -> re.Match[str] | None:
    """The time right after the date ending at `end`; None when it is the next field's,
    heading its own date ("Cập nhật lúc 10:00 15/06/2025 | Đăng lúc 08:00 12/06/2025")."""
    after = _TIME_AFTER_RE.match(masked, end)
    if after is None or not _FIELD_GAP.search(
        masked, end, after.start("h" if after["h"] else "ho")
    ):
        return after
    return None if _DATE_NEXT_RE.match(masked, after.end()) else after


def _zone_after(masked: str, end: int) -> tuple[timezone | ZoneInfo, int]:
    """The zone written after a time ending at `end` (UTC, an offset), else local time."""
    zone = _ZONE_AFTER_RE.match(masked, end)
    if zone is None:
        return TZ, end
    offset = zone["offset"] or zone["named"]
    if zone["named"] and _parse_offset(zone["named"]) == _LOCAL_OFFSET:
        return TZ, end  # "(GMT+7)": the local zone said again, no part of the dateline
    return (_parse_offset(offset) if offset else UTC), zone.end()


# "AM"/"PM" glued to what follows ("03:42 PM0", damaged or run together): no marker the time
# pattern takes, yet the time is a 12-hour one, morning or afternoon unknown.
_GLUED_MERIDIEM = re.compile(r"\s?[ap]\.?m\w", re.IGNORECASE)


def _clock_from_match(match: re.Match[str]) -> tuple[int, int, int] | None:
    """24-hour (h, m, s) from a time match, honouring AM/PM/SA/CH; None if impossible (or
    a 12-hour time whose marker cannot be read: a wrong time is worse than none)."""
    hour = int(match["h"] or match["ho"])
    if match["ampm"] is None and hour <= 12 and _GLUED_MERIDIEM.match(match.string, match.end()):
        return None
    hour = _meridiem_hour(hour, match["ampm"])
    minute, second = int(match["mi"] or 0), int(match["s"] or match["sw"] or 0)
    return None if hour is None else _valid_clock(hour, minute, second)


def _meridiem_hour(hour: int, marker: str | None) -> int | None:
    """The 24-hour hour of a 12-hour one with its marker; None if they contradict."""
    if marker is None:
        return hour
    marker = marker.lower().replace(".", "")
    if marker == "trưa":  # noon: "12 giờ trưa", "1 giờ trưa" (13:00), "11 giờ trưa"
        return hour + 12 if 1 <= hour <= 5 else hour
    if marker == "đêm":  # night: "10 giờ đêm" (22:00), "12 giờ đêm" (0:00), "2 giờ đêm"
        return hour + 12 if 6 <= hour <= 11 else 0 if hour == 12 else hour
    is_pm = marker in _PM_MARKERS
    if hour > 12:
        # "15:30 PM" is a redundant marker; "15:30 AM" contradicts itself.
        return hour if is_pm else None
    if hour == 12:
        return 12 if is_pm else 0
    return hour + 12 if is_pm else hour


def _valid_clock(hour: int, minute: int, second: int) -> tuple[int, int, int] | None:
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


_LOCAL_OFFSET = timezone(timedelta(hours=7))


def _parse_offset(offset: str) -> timezone | ZoneInfo:
    if offset.upper() == "Z":
        return UTC
    hours_text, _, minutes_text = offset[1:].partition(":")
    if not minutes_text and len(hours_text) > 2:  # "+0700", not "+7"
        hours_text, minutes_text = hours_text[:-2], hours_text[-2:]
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if hours > 14 or minutes > 59:  # no real zone is further out; treat as local
        return TZ
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if offset[0] == "-" else delta)


def _make_datetime(
    ymd: tuple[str, str, str], clock: tuple[int, int, int], tzinfo: timezone | ZoneInfo
) -> datetime | None:
    year, month, day = (int(part) for part in ymd)
    try:
        value = datetime(year, month, day, *clock, tzinfo=tzinfo)
        return value.astimezone(TZ)
    except (ValueError, OverflowError):
        # 31/02, month 13, day 0; or beyond datetime's range in Vietnam's time (.NET's blank
        # date, "0001-01-01T00:00:00+07:00", is before year 1 in UTC+7 … at UTC).
        return None


def _dateline(value: datetime, text: str) -> Dateline:
    # Local midnight is how CMSs store "no time" (the "12:00 AM" placeholder on migrated
    # Liferay items, plain "00:00"), so it never claims minute precision.
    value = value.astimezone(TZ).replace(microsecond=0)
    precision: Precision = (
        "day" if (value.hour, value.minute, value.second) == (0, 0, 0) else "minute"
    )
    return Dateline(value=value, precision=precision, text=text)


# --- month names ---------------------------------------------------------------------------


def _month_named(clean: str, masked: str, latest: date) -> Dateline | None:
    """A date with its month in words, anywhere in the text ("Posted on March 12, 2025 by
    admin"), with the time beside it; one labelled as an edit only when no other is given
    ("Updated: June 15, 2025 | Published: June 12, 2025" is June 12)."""
    edited: Dateline | None = None
    label_from = 0  # where the words before the current date start
    for match in _NAMED_MONTH_RE.finditer(masked):
        day, year = (match["d"], match["y"]) if match["d"] else (match["d2"], match["y2"])
        month = _month_number(*(match[g] for g in ("en", "nw", "nn", "xen", "xnw", "xnn")))
        if month is None:
            continue
        clock, tzinfo, start, end = _with_its_time(masked, *match.span(), label_from)
        value = None if clock is None else _make_datetime((year, str(month), day), clock, tzinfo)
        label_at, label_from = max(label_from, start - _LABEL_WINDOW), end
        if value is None or not _in_range(value, latest):
            continue
        found = _dateline(value, clean[start:end])
        if _UPDATED_RE.search(masked, label_at, start) is None:
            return found
        edited = edited or replace(found, updated=True)
    return edited


def _month_number(*names: str | None) -> int | None:
    en, words, number = (a or b for a, b in zip(names[:3], names[3:], strict=True))
    if en:
        return EN_MONTHS[en[:3].lower()]
    if words:
        return MONTH_WORDS[" ".join(words.lower().split())]
    return int(number) if number and 1 <= int(number) <= 12 else None


# --- dateparser fallback -------------------------------------------------------------------


def _fallback(clean: str, latest: date) -> Dateline | None:
    """Month-name datelines ("July 23, 2022 3:42 PM", "23 tháng bảy 2022") via dateparser."""
    candidate = _strip_labels_and_counters(clean)
    if (
        not candidate
        or len(candidate) > _FALLBACK_MAX_CHARS
        or _YEAR_RE.search(candidate) is None
        or _MONTH_WORD_RE.search(candidate) is None
    ):
        return None
    try:
        data = _fallback_parser().get_date_data(candidate)
    # dateparser on arbitrary text has raised before (OverflowError, ValueError, ...); a
    # dateline is never worth propagating that.
    except Exception:  # noqa: BLE001
        return None
    value = data.date_obj if data else None
    if value is None or value.tzinfo is None:
        return None
    value = value.astimezone(TZ)
    if data.period != "time":
        value = value.replace(hour=0, minute=0, second=0)
    if not _numbers_appear(candidate, value) or not _in_range(value, latest):
        return None
    return _dateline(value, candidate)


def _strip_labels_and_counters(clean: str) -> str:
    """Cut a leading label and everything from the first view counter on (keeps a substring)."""
    counter = _COUNTER_RE.search(clean)
    text = clean[: counter.start()] if counter else clean
    label = _LABEL_PREFIX_RE.match(text)
    if label:
        text = text[label.end() :]
    return text.strip(" |-–—,:")


def _numbers_appear(text: str, value: datetime) -> bool:
    # Guard against dateparser inventing parts: the day and the year must be in the text.
    numbers = {int(n) for n in _NUMBER_RE.findall(text) if len(n) <= 4}
    return value.day in numbers and value.year in numbers


@cache
def _fallback_parser() -> DateDataParser:
    from dateparser.date import DateDataParser  # slow to import, rarely needed

    return DateDataParser(
        languages=["vi", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],  # no "2 giờ trước", no timestamps
            "RETURN_AS_TIMEZONE_AWARE": True,
            "RETURN_TIME_AS_PERIOD": True,
            "TIMEZONE": "Asia/Ho_Chi_Minh",
        },
    )


# --- URL helpers ---------------------------------------------------------------------------


def _from_vccorp_url(path: str) -> Dateline | None:
    match = _VCCORP_URL_RE.search(path)
    if match is None:
        return None
    # The siteId prefix has variable length; the last 15 digits are yyMMddHHmmss + 3 more.
    stamp = match["tail"][-15:-3]
    parts = [int(stamp[i : i + 2]) for i in range(0, 12, 2)]
    year, month, day, hour, minute, second = parts
    try:
        value = datetime(2000 + year, month, day, hour, minute, second, tzinfo=TZ)
    except ValueError:
        return None
    return _dateline(value, match["tail"])


def _from_sharepoint_url(path: str) -> Dateline | None:
    match = _SHAREPOINT_URL_RE.search(path)
    if match is None:
        return None
    value = _make_datetime((match["y"], match["m"], match["d"]), (0, 0, 0), TZ)
    return None if value is None else _dateline(value, match.group()[len("/pages/") : -1])


def _from_dated_path(path: str) -> Dateline | None:
    match = _DATED_PATH_RE.search(path)
    if match is None:
        return None
    value = _make_datetime((match["y"], match["m"], match["d"]), (0, 0, 0), TZ)
    return None if value is None else _dateline(value, match.group().strip("/"))


def _from_objectid_url(path: str) -> Dateline | None:
    match = _OBJECTID_URL_RE.search(path)
    if match is None:
        return None
    seconds = int(match["oid"][:8], 16)  # at most 2**32 - 1, i.e. year 2106: never overflows
    return _dateline(datetime.fromtimestamp(seconds, tz=TZ), match["oid"])
