"""Dateline and URL-date parsing (scraper/extraction/dates.py).

The table quotes every dateline string listed in PORTALS.md §4 (and §2a), then the traps.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extraction.dates import (
    EARLIEST,
    TZ,
    Dateline,
    date_from_url,
    is_print_date_header,
    parse_dateline,
    post_time,
    with_post_time,
)

# Fixed so the table does not depend on the day the suite runs.
TODAY = date(2026, 11, 28)
LATEST = TODAY + timedelta(days=1)

Expected = tuple[str, str] | None

# (dateline text, (isoformat, precision) or None)
PORTALS_DATELINES: list[tuple[str, Expected]] = [
    # Liferay 6.2, sotttt (§2a, §4); the &nbsp; entities decoded to \xa0.
    ("Ngày đăng 20/05/2016 | 11:41 AM", ("2016-05-20T11:41:00+07:00", "minute")),
    (
        "Ngày đăng 20/05/2016 | 11:41 AM\xa0|\xa0View count: 1124",
        ("2016-05-20T11:41:00+07:00", "minute"),
    ),
    ("26/07/2022 | 9:50 AM", ("2022-07-26T09:50:00+07:00", "minute")),
    (
        "Ngày đăng 02/08/2015 | 12:00 AM\xa0|\xa0View count: 616",
        ("2015-08-02T00:00:00+07:00", "day"),
    ),
    # Liferay district/ward portals (§2a, §4).
    ("Ngày đăng 29/03/2022 | 20:48  | Lượt xem: 98", ("2022-03-29T20:48:00+07:00", "minute")),
    ("Ngày đăng 23/07/2020 | 15:34  | View count: 346", ("2020-07-23T15:34:00+07:00", "minute")),
    (
        "Publish date 20/03/2020 | 16:14  | View count: 52",
        ("2020-03-20T16:14:00+07:00", "minute"),
    ),
    ("25/06/2020 | 08:58 | Lượt xem: 235", ("2020-06-25T08:58:00+07:00", "minute")),
    # SharePoint provincial template (§2d).
    ("Đăng ngày 17 - 05 - 2024", ("2024-05-17T00:00:00+07:00", "day")),
    # Print-view header: parseable, but callers skip it (see is_print_date_header).
    ("Hải Phòng, ngày 21 tháng 01 năm 2020", ("2020-01-21T00:00:00+07:00", "day")),
    ("Hải Phòng, ngày 21 tháng 10 năm 2019", ("2019-10-21T00:00:00+07:00", "day")),
    # Other sites (§4).
    ("Thứ tư - 25/02/2026 04:45", ("2026-02-25T04:45:00+07:00", "minute")),
    ("Thứ năm, ngày 03/04/2014", ("2014-04-03T00:00:00+07:00", "day")),
    ("Thứ bảy, 30/11/2019 14:12", ("2019-11-30T14:12:00+07:00", "minute")),
    ("30/12/2014 - 17:40", ("2014-12-30T17:40:00+07:00", "minute")),
    ("31/01/2026 19:07", ("2026-01-31T19:07:00+07:00", "minute")),
    ("11:08, 06/08/2021", ("2021-08-06T11:08:00+07:00", "minute")),
    ("Thành Long 11:24 | 01/07/2025", ("2025-07-01T11:24:00+07:00", "minute")),
    ("10-08-2025, 19:55 (GMT+7)", ("2025-08-10T19:55:00+07:00", "minute")),
    (
        "Nhóm PV HNMO - Ảnh: Viết Thành| 29/09/2017 08:20",
        ("2017-09-29T08:20:00+07:00", "minute"),
    ),
    ("Thứ 2, Ngày 28/10/2024", ("2024-10-28T00:00:00+07:00", "day")),
    ("14:51 - 28/10/2024", ("2024-10-28T14:51:00+07:00", "minute")),
    # STYLE.md §2.4 spot checks.
    ("23/07/2022 - 03:42 PM", ("2022-07-23T15:42:00+07:00", "minute")),
    ("Thứ Hai, 23/07/2022 15:42", ("2022-07-23T15:42:00+07:00", "minute")),
    ("Cập nhật lúc 08:30 ngày 05/03/2024", ("2024-03-05T08:30:00+07:00", "minute")),
]

TRAPS: list[tuple[str, Expected]] = [
    # 12-hour clock edges; "12:00 AM" and "00:00" are "no time" placeholders.
    ("Ngày đăng 02/08/2015 | 12:00 AM  | View count: 616", ("2015-08-02T00:00:00+07:00", "day")),
    ("02/08/2015 12:30 AM", ("2015-08-02T00:30:00+07:00", "minute")),
    ("02/08/2015 12:15 PM", ("2015-08-02T12:15:00+07:00", "minute")),
    ("02/08/2015 12:00 PM", ("2015-08-02T12:00:00+07:00", "minute")),
    ("02/08/2015 1:05 pm", ("2015-08-02T13:05:00+07:00", "minute")),
    ("02/08/2015 3:05:09 P.M.", ("2015-08-02T15:05:09+07:00", "minute")),
    ("02/08/2015 | 00:00", ("2015-08-02T00:00:00+07:00", "day")),
    ("02/08/2015 15:30 PM", ("2015-08-02T15:30:00+07:00", "minute")),
    ("02/08/2015 15:30 AM", None),
    # A marker glued to more text ("PM0", damaged): a 12-hour time, morning or afternoon unknown.
    ("23/07/2022 - 03:42 PM0", None),
    # Vietnamese SA/CH (sáng/chiều) markers.
    ("Ngày đăng 20/05/2016 | 11:41 SA", ("2016-05-20T11:41:00+07:00", "minute")),
    ("Cập nhật: 2:30 CH, 05/03/2024", ("2024-03-05T14:30:00+07:00", "minute")),
    ("05/03/2024 12:10 SA", ("2024-03-05T00:10:00+07:00", "minute")),
    ("05/03/2024 8:30 sáng", ("2024-03-05T08:30:00+07:00", "minute")),
    ("05/03/2024 3:30 chiều", ("2024-03-05T15:30:00+07:00", "minute")),
    # Other time spellings, other separators, other labels.
    ("05/03/2024 15h30", ("2024-03-05T15:30:00+07:00", "minute")),
    ("15 giờ 30, 05/03/2024", ("2024-03-05T15:30:00+07:00", "minute")),
    ("08 giờ 30 phút, ngày 05/03/2024", ("2024-03-05T08:30:00+07:00", "minute")),
    ("05/03/2024 lúc 9 giờ sáng", ("2024-03-05T09:00:00+07:00", "minute")),
    ("20 giờ ngày 5/3/2024", ("2024-03-05T20:00:00+07:00", "minute")),
    # "48 giờ" is a duration, not a time: the day only.
    ("Trong 48 giờ, ngày 5/3/2024", ("2024-03-05T00:00:00+07:00", "day")),
    # Months in words, as WordPress' Vietnamese locale writes them.
    ("5 Tháng Ba, 2024 8:30 sáng", ("2024-03-05T08:30:00+07:00", "minute")),
    ("5 Tháng Ba, 2024 3:30 chiều", ("2024-03-05T15:30:00+07:00", "minute")),
    ("1 Tháng Mười Một, 2024 08:30", ("2024-11-01T08:30:00+07:00", "minute")),
    ("12 Tháng Năm, 2024", ("2024-05-12T00:00:00+07:00", "day")),
    ("5 THÁNG TƯ, 2024", ("2024-04-05T00:00:00+07:00", "day")),
    ("05/03/2024 14:12:05", ("2024-03-05T14:12:05+07:00", "minute")),
    ("5/3/2024 7:05", ("2024-03-05T07:05:00+07:00", "minute")),
    ("20.05.2016 11:41", ("2016-05-20T11:41:00+07:00", "minute")),
    ("20-05-2016", ("2016-05-20T00:00:00+07:00", "day")),
    ("Ngày xuất bản: 05/03/2024 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    ("Cập nhật: 05/03/2024 lúc 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    ("Chủ nhật, 01/12/2024 - 07:15", ("2024-12-01T07:15:00+07:00", "minute")),
    ("15:42 Thứ Hai, 23/07/2022", ("2022-07-23T15:42:00+07:00", "minute")),
    # Worded dates: any case, with or without diacritics.
    ("ngày 21 tháng 01 năm 2020", ("2020-01-21T00:00:00+07:00", "day")),
    ("NGÀY 21 THÁNG 01 NĂM 2020", ("2020-01-21T00:00:00+07:00", "day")),
    ("ngay 21 thang 1 nam 2020", ("2020-01-21T00:00:00+07:00", "day")),
    ("Thứ Hai, 23 tháng 7, 2022 15:42", ("2022-07-23T15:42:00+07:00", "minute")),
    # ISO strings from meta tags: an explicit offset is honoured and converted.
    ("2022-07-23T15:42:00+07:00", ("2022-07-23T15:42:00+07:00", "minute")),
    ("2022-07-23T08:42:00Z", ("2022-07-23T15:42:00+07:00", "minute")),
    ("2022-07-23T10:42:00.123+0200", ("2022-07-23T15:42:00+07:00", "minute")),
    ("2022-07-23T20:00:00-05:00", ("2022-07-24T08:00:00+07:00", "minute")),
    ("2022-07-23 15:42", ("2022-07-23T15:42:00+07:00", "minute")),
    ("2022-07-23", ("2022-07-23T00:00:00+07:00", "day")),
    # View counters never feed a date or a time.
    ("Ngày đăng 20/05/2016 | Lượt xem: 1124", ("2016-05-20T00:00:00+07:00", "day")),
    ("Lượt xem: 12 - 05 - 2020", None),
    ("View count: 52", None),
    # A time that is not adjacent to the date belongs to something else.
    ("20/05/2016 Hội nghị khai mạc lúc 14:00", ("2016-05-20T00:00:00+07:00", "day")),
    ("Hội nghị lúc 14:00 do UBND phường tổ chức 20/05/2016", ("2016-05-20T00:00:00+07:00", "day")),
    # Invalid values give None for that candidate; the next valid candidate wins.
    ("13/13/2020", None),
    ("31/02/2020", None),
    ("20/05/2016 25:10", None),
    ("20/05/2016 11:75", None),
    ("01/01/1899", None),
    ("31/12/1989 10:00", None),
    ("01/01/1990", ("1990-01-01T00:00:00+07:00", "day")),
    ("31/02/2020 | 01/03/2020 10:00", ("2020-03-01T10:00:00+07:00", "minute")),
    # The date of an edit gives way to the publish date beside it, whichever comes first.
    (
        "Ngày đăng: 12/03/2019 08:00 | Cập nhật: 15/03/2019 10:00",
        ("2019-03-12T08:00:00+07:00", "minute"),
    ),
    (
        "Cập nhật lần cuối: 15/03/2019 10:00 - Đăng lúc 08:00 ngày 12/03/2019",
        ("2019-03-12T08:00:00+07:00", "minute"),
    ),
    ("Last modified 2019-03-15 10:00, published 2019-03-12", ("2019-03-12T00:00:00+07:00", "day")),
    # The edit's label after its date, in brackets.
    (
        "15/03/2019 10:00 (cập nhật) - 12/03/2019 08:00 (đăng)",
        ("2019-03-12T08:00:00+07:00", "minute"),
    ),
    # Month first (an en-US site) only where day first is no date: no 20th month.
    ("05/20/2016", ("2016-05-20T00:00:00+07:00", "day")),
    ("10/16/2023 3:07:00 PM", ("2023-10-16T15:07:00+07:00", "minute")),
    ("13/13/2016", None),
    # No date at all.
    ("", None),
    ("Tin tức sự kiện", None),
    ("Số 12:30 phút", None),
    ("2024", None),
    # dateparser fallback for month names the regexes do not cover.
    ("Publish date July 23, 2022 3:42 PM", ("2022-07-23T15:42:00+07:00", "minute")),
    ("23 Jul 2022", ("2022-07-23T00:00:00+07:00", "day")),
    ("23 tháng bảy 2022", ("2022-07-23T00:00:00+07:00", "day")),
    ("tháng 7 2022", None),
    ("2 giờ trước", None),
]

# Shapes found wanting by a probe of several hundred portal-style datelines.
MORE_SHAPES: list[tuple[str, Expected]] = [
    # A year-first date's time keeps its AM/PM; "12:00 AM" is the placeholder there too.
    ("2024-03-05 03:42 PM", ("2024-03-05T15:42:00+07:00", "minute")),
    ("2024/03/05 3:42 CH", ("2024-03-05T15:42:00+07:00", "minute")),
    ("Ngày đăng: 2024-03-05 8:30 tối", ("2024-03-05T20:30:00+07:00", "minute")),
    ("2015-08-02 12:00:00 AM", ("2015-08-02T00:00:00+07:00", "day")),
    # A zone written after the time is honoured; "GMT+7" is the local one.
    ("2025-03-12 03:30:00 +00:00", ("2025-03-12T10:30:00+07:00", "minute")),
    ("2025-03-12 03:30:00 UTC", ("2025-03-12T10:30:00+07:00", "minute")),
    ("05/03/2024 01:30 GMT", ("2024-03-05T08:30:00+07:00", "minute")),
    ("Wed, 12 Mar 2025 03:30:00 +0000", ("2025-03-12T10:30:00+07:00", "minute")),
    ("05/03/2024 08:30 (UTC +7)", ("2024-03-05T08:30:00+07:00", "minute")),
    ("08:30 (GMT+7) 05/03/2024", ("2024-03-05T08:30:00+07:00", "minute")),
    # Durations and relative times beside a date are no time of day.
    ("05/03/2024 | 3 giờ trước", ("2024-03-05T00:00:00+07:00", "day")),
    ("Cách đây 3 giờ | 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("Trong 12 giờ, ngày 5/3/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("Thời lượng: 03:45 | 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    # An event's hours ("từ 8h00 đến 11h30") are not a publish time.
    ("Thời gian: từ 8h00 đến 11h30, ngày 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("từ 14 giờ đến 16 giờ ngày 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("8:00 - 11:30 ngày 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("ngày 05/03/2024 8h00 - 11h30", ("2024-03-05T00:00:00+07:00", "day")),
    # The time of an edit stamp stays with it.
    ("Cập nhật 06/03/2024 09:00 | 05/03/2024", ("2024-03-05T00:00:00+07:00", "day")),
    # Noon and night.
    ("05/03/2024 10 giờ đêm", ("2024-03-05T22:00:00+07:00", "minute")),
    ("05/03/2024 1 giờ trưa", ("2024-03-05T13:00:00+07:00", "minute")),
    # Month names with words around them, English and Vietnamese.
    ("Posted on March 12, 2025 by admin", ("2025-03-12T00:00:00+07:00", "day")),
    ("By admin | 12 March 2025 at 10:30", ("2025-03-12T10:30:00+07:00", "minute")),
    ("Last updated: Mar 12, 2025", ("2025-03-12T00:00:00+07:00", "day")),
    ("Tháng Ba 5, 2024 3:30 chiều", ("2024-03-05T15:30:00+07:00", "minute")),
    ("Tháng Mười Hai 12, 2025 - 10:30 chiều", ("2025-12-12T22:30:00+07:00", "minute")),
    ("05 Th3, 2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("13 Tháng Năm 2024 09:00", ("2024-05-13T09:00:00+07:00", "minute")),
    ("Thứ Bảy, 13 Tháng Giêng 2024", ("2024-01-13T00:00:00+07:00", "day")),
    # A weekday or a time glued to the date with a dash.
    ("T6-08/03/2024", ("2024-03-08T00:00:00+07:00", "day")),
    ("Thứ 6-08/03/2024 14:00", ("2024-03-08T14:00:00+07:00", "minute")),
    ("14:51-28/10/2024", ("2024-10-28T14:51:00+07:00", "minute")),
    # Separators and words between the date and its time.
    ("05/03/2024 • 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    ("08:30 · 05/03/2024", ("2024-03-05T08:30:00+07:00", "minute")),
    ("28/10/2024,14:51", ("2024-10-28T14:51:00+07:00", "minute")),
    ("05/03/2024 (08:30)", ("2024-03-05T08:30:00+07:00", "minute")),
    ("05/03/2024 vào hồi 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    ("Ngày: 14/05/2024 - Giờ: 07:15", ("2024-05-14T07:15:00+07:00", "minute")),
    ("10:37 | Ngày: 05/03/2024", ("2024-03-05T10:37:00+07:00", "minute")),
    ("19:40 T7, 02/03/2024", ("2024-03-02T19:40:00+07:00", "minute")),
    ("19:40 | Chủ nhật | 03/03/2024", ("2024-03-03T19:40:00+07:00", "minute")),
    # More time spellings: an hour alone with "h", minutes with an apostrophe, seconds.
    ("Lúc 15h, 05/03/2024", ("2024-03-05T15:00:00+07:00", "minute")),
    ("3h chiều ngày 5/3/2024", ("2024-03-05T15:00:00+07:00", "minute")),
    ("9h12' ngày 29/6/2024", ("2024-06-29T09:12:00+07:00", "minute")),
    ("8 giờ 5 phút, ngày 05/03/2024", ("2024-03-05T08:05:00+07:00", "minute")),
    ("15 giờ 30 phút 20 giây ngày 05/03/2024", ("2024-03-05T15:30:20+07:00", "minute")),
    ("05/03/\xad2024 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    # Beside the publish date, dates that are not the article's: a print date, a decree's
    # signing or effect, an event's day; the record's creation only when nothing else.
    ("Ngày in: 28/11/2025  Ngày đăng: 12/06/2025 14:35", ("2025-06-12T14:35:00+07:00", "minute")),
    ("In ngày: 28/11/2025", None),
    ("Ngày ban hành: 10/06/2025 | Ngày đăng: 12/06/2025", ("2025-06-12T00:00:00+07:00", "day")),
    ("Ngày đăng: 12/06/2025 | Ngày hiệu lực: 01/07/2025", ("2025-06-12T00:00:00+07:00", "day")),
    ("Có hiệu lực từ ngày 01/07/2025", None),
    ("12/06/2025 14:35 - Sự kiện ngày: 20/06/2025", ("2025-06-12T14:35:00+07:00", "minute")),
    ("Ngày tạo: 10/06/2025 09:00 | Ngày đăng: 12/06/2025", ("2025-06-12T00:00:00+07:00", "day")),
    ("Ngày tạo: 10/06/2025 09:00", ("2025-06-10T09:00:00+07:00", "minute")),
    ("Thứ Năm, 12/06/2025 - Đăng lúc 2:35 CH", ("2025-06-12T14:35:00+07:00", "minute")),
    # Two-digit years, day first as Vietnamese dates are, read beside a time, after a
    # publish label, or as the whole text; in a sentence they may be a document's number.
    ("25/12/19 - 08:30", ("2019-12-25T08:30:00+07:00", "minute")),
    ("Ngày đăng: 10/03/25 09:15", ("2025-03-10T09:15:00+07:00", "minute")),
    ("09:15 | 10.03.25", ("2025-03-10T09:15:00+07:00", "minute")),
    ("Ngày đăng: 10/03/25", ("2025-03-10T00:00:00+07:00", "day")),
    ("12/05/98 10:00", ("1998-05-12T10:00:00+07:00", "minute")),
    ("Số: 10/03/25", None),
    ("10/03/25", ("2025-03-10T00:00:00+07:00", "day")),
    ("(10/03/25)", ("2025-03-10T00:00:00+07:00", "day")),
    ("Kế hoạch 10/03/25 của xã", None),
    ("Ngày ban hành: 10/03/25 09:15", None),
    ("10/03/27 09:15", None),  # past tomorrow
    # A bracket holding a date of its own labels that date, not the one before it.
    ("20/07/2025 08:00 (Cập nhật: 22/07/2025 10:15)", ("2025-07-20T08:00:00+07:00", "minute")),
    ("1.10.03.25 10:00", None),  # a version or an address, not a date
    # "24h" is a name, not an hour.
    ("05/03/2024 24h", ("2024-03-05T00:00:00+07:00", "day")),
    # A number before or after a dash is no time range unless it is a time: numbered wards
    # and districts, counters written count first, a zone offset.
    ("Phường 7 - 09:20 | 14/08/2025", ("2025-08-14T09:20:00+07:00", "minute")),
    ("Quận 3 - 16:05 04/09/2024", ("2024-09-04T16:05:00+07:00", "minute")),
    ("14/08/2025 09:20 - 312 lượt xem", ("2025-08-14T09:20:00+07:00", "minute")),
    ("14/08/2025 09:20 - 2 bình luận", ("2025-08-14T09:20:00+07:00", "minute")),
    ("Thu, 14 Aug 2025 02:20:00 -0000", ("2025-08-14T09:20:00+07:00", "minute")),
    ("14/08/2025 từ 8:00 - 11:30", ("2025-08-14T00:00:00+07:00", "day")),
    ("14/08/2025 8h - 11h", ("2025-08-14T00:00:00+07:00", "day")),
    # A GMT/UTC offset written after the time is read, not assumed to be Vietnam's.
    ("14/08/2025 02:20 GMT+0", ("2025-08-14T09:20:00+07:00", "minute")),
    (
        "Thu Aug 14 2025 02:20:00 GMT+0000 (Coordinated Universal Time)",
        ("2025-08-14T09:20:00+07:00", "minute"),
    ),
    ("14/08/2025 11:20 (UTC+09:00)", ("2025-08-14T09:20:00+07:00", "minute")),
    # Edit labels in more wordings, and one an editor's name and unit part from its date.
    ("Ngày sửa: 20/08/2025 | Ngày đăng: 14/08/2025", ("2025-08-14T00:00:00+07:00", "day")),
    ("Sửa lần cuối: 20/08/2025 10:00 - Đăng: 14/08/2025", ("2025-08-14T00:00:00+07:00", "day")),
    ("Edited: 20/08/2025 | Posted: 14/08/2025 09:20", ("2025-08-14T09:20:00+07:00", "minute")),
    (
        (
            "Người cập nhật: Trần Thị Lan - Văn phòng HĐND và UBND phường - 20/08/2025 10:00"
            " | Ngày đăng: 14/08/2025"
        ),
        ("2025-08-14T00:00:00+07:00", "day"),
    ),
    # ... in month-name datelines too.
    ("Updated: August 20, 2025 | Published: August 14, 2025", ("2025-08-14T00:00:00+07:00", "day")),
    (
        "Last updated Aug 20, 2025 10:00 - Posted Aug 14, 2025 09:20",
        ("2025-08-14T09:20:00+07:00", "minute"),
    ),
    # A time that heads the next field's date is that date's, not the edit's before it.
    (
        "Cập nhật lúc 10:00 20/08/2025 | Đăng lúc 09:20 14/08/2025",
        ("2025-08-14T09:20:00+07:00", "minute"),
    ),
    # Date and time in fields of their own.
    ("Ngày đăng: 14/08/2025 | Giờ đăng: 09:20", ("2025-08-14T09:20:00+07:00", "minute")),
    ("Ngày đăng: 14/08/2025 | Thời gian: 09:20", ("2025-08-14T09:20:00+07:00", "minute")),
    # An hour alone with "g" (giờ), WordPress' "@".
    ("14/08/2025 9g sáng", ("2025-08-14T09:00:00+07:00", "minute")),
    ("Aug 14, 2025 @ 09:20", ("2025-08-14T09:20:00+07:00", "minute")),
    # The weekday decides a date that reads both ways (Drupal's "D, m/d/Y - H:i"); one that
    # fits the day-first reading, or none, leaves it day first.
    ("Tue, 03/05/2024 - 08:30", ("2024-03-05T08:30:00+07:00", "minute")),
    ("Thứ ba, 03/05/2024", ("2024-03-05T00:00:00+07:00", "day")),
    ("Fri, 03/05/2024 - 08:30", ("2024-05-03T08:30:00+07:00", "minute")),
    ("Thứ Bẩy, 04/05/2024", ("2024-05-04T00:00:00+07:00", "day")),
    ("Wed, 03/05/2024", ("2024-05-03T00:00:00+07:00", "day")),
]


@pytest.mark.parametrize(("text", "expected"), PORTALS_DATELINES + TRAPS + MORE_SHAPES)
def test_parse_dateline(text: str, expected: Expected) -> None:
    result = parse_dateline(text, today=TODAY)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        assert (result.isoformat(), result.precision) == expected
        assert result.value.tzinfo is TZ


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Ngày đăng 20/05/2016 | 11:41 AM\xa0|\xa0View count: 1124", "20/05/2016 | 11:41 AM"),
        ("Thành Long 11:24 | 01/07/2025", "11:24 | 01/07/2025"),
        ("Đăng ngày 17  -\n05 - 2024", "17 - 05 - 2024"),
        ("Hải Phòng, ngày 21 tháng 01 năm 2020", "21 tháng 01 năm 2020"),
        ("10-08-2025, 19:55 (GMT+7)", "10-08-2025, 19:55"),
    ],
)
def test_text_is_the_parsed_substring(text: str, parsed: str) -> None:
    result = parse_dateline(text, today=TODAY)
    assert result is not None
    assert result.text == parsed


@pytest.mark.parametrize(
    ("text", "updated"),
    [
        ("Cập nhật: 05/03/2024 lúc 08:30", True),
        ("Ngày chỉnh sửa 05/03/2024", True),
        ("Cập nhật: 10/03/25 09:15", True),
        ("Ngày đăng: 12/03/2019 | Cập nhật: 15/03/2019", False),
        ("Ngày đăng 20/05/2016 | 11:41 AM", False),
        # "cập nhật" in a sentence after the date says nothing of the date.
        ("20/05/2016: phường cập nhật danh sách cử tri", False),
    ],
)
def test_a_date_labelled_as_an_edit_is_marked(text: str, updated: bool) -> None:
    result = parse_dateline(text, today=TODAY)
    assert result is not None and result.updated is updated


@pytest.mark.parametrize(
    ("header", "footer", "dateline"),
    [
        ("Thứ Sáu, 22/02/2019", "Đăng lúc 16:20 bởi Ban biên tập", "Thứ Sáu, 22/02/2019 lúc 16:20"),
        ("22/02/2019", "Posted by admin at 4:20 PM", "22/02/2019 lúc 4:20 PM"),
        ("22/02/2019", "Đăng lúc 16h20", "22/02/2019 lúc 16h20"),
        # A dateline with its own time, an edit date, no footer time: left as they are.
        ("22/02/2019 08:15", "Đăng lúc 16:20", "22/02/2019 08:15"),
        ("Cập nhật: 22/02/2019", "Đăng lúc 16:20", "Cập nhật: 22/02/2019"),
        ("22/02/2019", "Lượt xem: 97", "22/02/2019"),
        ("", "Đăng lúc 16:20", ""),
    ],
)
def test_a_day_heading_takes_the_time_of_its_post_footer(header, footer, dateline) -> None:
    assert with_post_time(header, post_time(footer)) == dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày đăng: 7 Tháng 11 2023", ("2023-11-07T00:00:00+07:00", "day")),
        ("07 tháng 11 2023 14:05", ("2023-11-07T14:05:00+07:00", "minute")),
    ],
)
def test_joomla_numeric_month_then_year_is_read_without_dateparser(
    text: str, expected: Expected
) -> None:
    """Joomla's Vietnamese dates: the month's number, the year after a plain space. The
    compiled patterns read them (the generic reader looks for datelines with those first)."""
    dateline = parse_dateline(text, fallback=False)
    assert dateline is not None
    assert (dateline.isoformat(), dateline.precision) == expected


def test_decomposed_vietnamese_is_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "Ngày 21 tháng 01 năm 2020")
    result = parse_dateline(nfd, today=TODAY)
    assert result is not None
    assert result.isoformat() == "2020-01-21T00:00:00+07:00"


def test_future_beyond_tomorrow_is_rejected() -> None:
    today = date(2024, 3, 5)
    assert parse_dateline("05/03/2024 10:00", today=today) is not None
    tomorrow = parse_dateline("06/03/2024 23:59", today=today)
    assert tomorrow is not None  # one day of slack for clock and time-zone skew
    assert parse_dateline("07/03/2024", today=today) is None
    assert parse_dateline("07/03/2024 | 05/03/2024", today=today) is not None
    assert date_from_url("https://x.vn/a-115240307000001419.htm", today=today) is None


def test_default_today_rejects_far_future() -> None:
    assert parse_dateline("01/01/2099") is None
    assert parse_dateline("01/01/2020") is not None


def test_isoformat_always_has_seconds_and_offset() -> None:
    value = datetime(2022, 7, 23, 15, 42, tzinfo=TZ)
    assert Dateline(value, "minute", "x").isoformat() == "2022-07-23T15:42:00+07:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hải Phòng, ngày 21 tháng 01 năm 2020", True),
        ("Hải Phòng, ngày 21 tháng 10 năm 2019", True),
        ("  TP. Hồ Chí Minh,  ngày 5 tháng 3 năm 2024.", True),
        ("Hà Nội, ngay 05 thang 03 nam 2024", True),
        ("ngày 21 tháng 01 năm 2020", False),
        ("Thứ năm, ngày 03 tháng 04 năm 2014", False),
        ("Chủ nhật, ngày 03 tháng 04 năm 2014", False),
        ("Cập nhật, ngày 03 tháng 04 năm 2014", False),
        ("Ngày đăng 20/05/2016 | 11:41 AM", False),
        ("Đăng ngày 17 - 05 - 2024", False),
        ("Hải Phòng, 21/01/2020", False),
    ],
)
def test_is_print_date_header(text: str, expected: bool) -> None:
    assert is_print_date_header(text) is expected


# --- date_from_url (PORTALS.md §2c, §2d, §2e) ----------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # VCCorp/Lotus numeric tails: <siteId><yyMMddHHmmss><fff>.
        (
            "https://vpcp.chinhphu.vn/quan-triet-nghi-quyet-115241201164520419.htm",
            ("2024-12-01T16:45:20+07:00", "minute"),
        ),
        (
            "https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat/metro-4250410182811455.htm",
            ("2025-04-10T18:28:11+07:00", "minute"),
        ),
        (
            "https://soyte.hanoi.gov.vn/dan-so-va-phat-trien/bai-viet-2849260201220700908.htm",
            ("2026-02-01T22:07:00+07:00", "minute"),
        ),
        (
            (
                "https://caugiay.hanoi.gov.vn/kinh-te-tai-chinh/"
                "pho-chu-tich-ubnd-tp-ha-noi-truong-viet-dung-gap-mat-doanh-nghiep-phuong-cau-giay"
                "-2805251012110827967.htm"
            ),
            ("2025-10-12T11:08:27+07:00", "minute"),
        ),
        (
            "https://ttpvhcc.hanoi.gov.vn/video/clip-2850260116085159336.htm?utm=x#top",
            ("2026-01-16T08:51:59+07:00", "minute"),
        ),
        (
            "https://cafef.vn/hom-nay-34-tinh-thanh-188250630071603777.chn",
            ("2025-06-30T07:16:03+07:00", "minute"),
        ),
        ("https://vpcp.chinhphu.vn/a-241201164520419.htm", None),  # 15 digits: no siteId
        ("https://vpcp.chinhphu.vn/a-115241301164520419.htm", None),  # month 13
        ("https://vpcp.chinhphu.vn/a-115241201256020419.htm", None),  # hour 25
        ("https://vpcp.chinhphu.vn/tin-noi-bat.htm", None),
        # SharePoint dated folder (y-m-d, no padding).
        (
            "https://prtc.ninhthuan.gov.vn/portal/Pages/2024-5-17/DE-CUONG-CAhvbq96.aspx",
            ("2024-05-17T00:00:00+07:00", "day"),
        ),
        ("https://x.gov.vn/portal/Pages/2024-2-30/a.aspx", None),
        # Mongo ObjectId: first 8 hex digits are Unix seconds (0x67d1484a = 2025-03-12 UTC).
        (
            (
                "https://xanghiatrung.tunghia.quangngai.gov.vn/page/Article/News/detail/"
                "67d1484a7cc888ace90df82f"
            ),
            ("2025-03-12T15:39:38+07:00", "minute"),
        ),
        ("https://x.gov.vn/detail/000000007cc888ace90df82f", None),  # 1970
        ("https://x.gov.vn/detail/ffffffff7cc888ace90df82f", None),  # 2106
        # Dated permalinks: the day, with a slug after it.
        ("https://xa.gov.vn/2025/12/09/hoi-nghi-tong-ket/", ("2025-12-09T00:00:00+07:00", "day")),
        ("https://xa.gov.vn/tin-tuc/2025/02/30/a", None),
        ("https://xa.gov.vn/2025/12/09/", None),  # (a day's archive, no article)
        ("https://xa.gov.vn/files/2025/12/09/1234.pdf", None),
        # Too vague or no date at all.
        ("https://baodanang.vn/channel/5404/201805/tin-tuc-3089425/", None),
        ("https://sotttt.hanoi.gov.vn/tin-tuc/-/view_content/5612221-bau-cu.html", None),
        ("https://sotaichinh.hanoi.gov.vn/thong-bao-171610.html", None),
        (
            "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ItemID=12802&Mode=1",
            None,
        ),
        ("https://tanhung.haiphong.gov.vn/trang-chu-66859/hop-giao-ban-777469", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_date_from_url(url: str, expected: Expected) -> None:
    result = date_from_url(url, today=TODAY)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        assert (result.isoformat(), result.precision) == expected


# --- Properties ----------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    [
        *"0123456789",
        "00", "12", "13", "24", "29", "31", "59", "60", "99", "1899", "1990", "2016", "2026",
        "2099", "9999", "/", "-", ".", ":", "|", ",", " ", "\xa0", "\n", "h", "g", "T", "Z",
        "+07:00", "AM", "PM", "SA", "CH", "sáng", "chiều", "ngày", "Ngày đăng", "Đăng ngày",
        "tháng", "thang", "năm", "nam", "lúc", "giờ", "Thứ tư", "Chủ nhật", "Cập nhật",
        "Lượt xem:", "View count:", "(GMT+7)", "Hải Phòng,", "July", "Jul", "tháng bảy",
    ]
)  # fmt: skip
_DATELINE_SOUP = st.lists(_TOKENS, max_size=25).map("".join)
_TODAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2100, 1, 1))


def _collapse_like_the_parser(text: str) -> str:
    no_zero_width = re.sub(
        "[\u200b\u200c\u200d\u2060\ufeff]", "", unicodedata.normalize("NFC", text)
    )
    return " ".join(no_zero_width.split())


def _assert_in_range(result: Dateline | None, today: date) -> None:
    if result is not None:
        assert EARLIEST <= result.value.date() <= today + timedelta(days=1)
        assert result.value.utcoffset() == timedelta(hours=7)
        assert result.precision in ("minute", "day")


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), _DATELINE_SOUP), today=_TODAYS)
def test_parse_dateline_never_raises_and_stays_in_range(text: str, today: date) -> None:
    result = parse_dateline(text, today=today)
    _assert_in_range(result, today)
    if result is not None:
        assert result.text
        assert result.text in _collapse_like_the_parser(text)


@settings(max_examples=300, deadline=None)
@given(
    url=st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                ["https://", "x.gov.vn", "/", "-", ".htm", ".chn", "?", "#", "Pages", "2024-5-17"]
            )
            | st.from_regex(r"[0-9a-f]{1,24}", fullmatch=True)
            | st.from_regex(r"[0-9]{12,20}", fullmatch=True),
            max_size=10,
        ).map("".join),
    ),
    today=_TODAYS,
)
def test_date_from_url_never_raises_and_stays_in_range(url: str, today: date) -> None:
    _assert_in_range(date_from_url(url, today=today), today)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=EARLIEST, max_value=TODAY),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    fmt=st.sampled_from(["%d/%m/%Y %H:%M", "%H:%M, %d/%m/%Y", "Ngày đăng %d/%m/%Y | %I:%M %p"]),
)
def test_round_trip_of_formatted_datelines(day: date, hour: int, minute: int, fmt: str) -> None:
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)
    result = parse_dateline(moment.strftime(fmt), today=TODAY)
    assert result is not None
    assert result.value == moment
    assert result.precision == ("day" if (hour, minute) == (0, 0) else "minute")


def test_nukeviet_ict_machine_time():
    found = parse_dateline("2026-02-25ICT04:45:00", today=date(2026, 11, 27))
    assert found is not None
    assert (found.isoformat(), found.precision) == ("2026-02-25T04:45:00+07:00", "minute")
