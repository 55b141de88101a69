"""The date a listing page shows beside each article link, and its use as the publish date of
an article page that shows none."""

from __future__ import annotations

import pytest

from scraper.extraction import extract_article, parse_listing

from .real_fixtures import real_page, requires_real_fixtures

BASE = "https://xa.example.gov.vn"
SECTION = BASE + "/tin-tuc"
TITLES = [
    "Xã tổ chức hội nghị tiếp xúc cử tri trước kỳ họp thứ hai",
    "Ra quân tổng vệ sinh môi trường hưởng ứng ngày Chủ nhật xanh",
    "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng các thôn",
]


def _url(n: int) -> str:
    return f"{BASE}/tin-tuc/bai-viet-so-{n}-{300 + n}.html"


def _page(main: str, side: str = "", header: str = "") -> str:
    return (
        "<html><head><meta charset='utf-8'><title>Tin tức - Cổng thông tin xã</title></head>"
        f"<body><div class='header'>{header}<a href='/'>Trang chủ</a>"
        " <a href='/tin-tuc'>Tin tức</a></div>"
        f"<div class='wrap'><div class='main'>{main}</div><div class='side'>{side}</div></div>"
        "<div class='footer'>Ủy ban nhân dân xã</div></body></html>"
    )


def _dates(html: str) -> dict[str, str]:
    listing = parse_listing(html, SECTION)
    assert len(listing.article_urls) >= 1
    return listing.dates


LAYOUTS = {
    "span after the link": (
        "<ul class='list-news'>{items}</ul>",
        "<li><a href='{href}'>{title}</a> <span class='date'>{day}</span></li>",
    ),
    "loose text after the link": (
        "<ul>{items}</ul>",
        "<li><a href='{href}'>{title}</a> ({day})</li>",
    ),
    "table column": (
        "<table class='tbl'><tr><th>Tiêu đề</th><th>Ngày đăng</th></tr>{items}</table>",
        "<tr><td><a href='{href}'>{title}</a></td><td>{day}</td></tr>",
    ),
    "card, date above the title": (
        "<div class='row'>{items}</div>",
        (
            "<div class='col-md-4'><div class='card'><img src='/a.jpg'><div class='card-body'>"
            "<small class='text-muted'><i class='fa fa-clock'></i> {day} 08:30</small>"
            "<h5 class='card-title'><a href='{href}'>{title}</a></h5>"
            "<p>Tóm tắt nội dung của bài viết trong vài dòng.</p></div></div></div>"
        ),
    ),
    "labelled line with a view counter": (
        "<div class='news'>{items}</div>",
        (
            "<div class='item'><h3><a href='{href}'>{title}</a></h3>"
            "<div class='meta'>Ngày đăng: {day} | Lượt xem: 120</div></div>"
        ),
    ),
    "date that links to the article": (
        "<div class='posts'>{items}</div>",
        (
            "<article><h2><a href='{href}'>{title}</a></h2>"
            "<span class='posted-on'>Đăng ngày <a href='{href}'>{day}</a></span></article>"
        ),
    ),
    "one box, line by line": (
        "<p class='ds-tin'>{items}</p>",
        "<img src='/dot.gif'> <a href='{href}'>{title}</a> ({day})<br>",
    ),
    "one box, dates set apart": (
        "<div class='ds-tin'>{items}</div>",
        "<a href='{href}'>{title}</a> - <i>{day}</i><br>",
    ),
    # A definition list: each <dt>'s <dd>s follow it (the <dd> before it is the previous
    # item's date).
    "definition list, date after the title": (
        "<dl class='news'>{items}</dl>",
        "<dt><a href='{href}'>{title}</a></dt><dd class='date'>{day}</dd><dd>Tóm tắt.</dd>",
    ),
    "whole item as one link": (
        "<div class='list-group'>{items}</div>",
        (
            "<a href='{href}' class='list-group-item'><div class='d-flex'><h5>{title}</h5>"
            "<small>{day}</small></div><p>Tóm tắt nội dung của bài viết.</p></a>"
        ),
    ),
}
DAYS = ["12/03/2025", "10/03/2025", "07/03/2025"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_date_shown_beside_each_link(layout):
    outer, item = LAYOUTS[layout]
    items = "".join(
        item.format(href=_url(n), title=title, day=day)
        for n, (title, day) in enumerate(zip(TITLES, DAYS, strict=True))
    )
    dates = _dates(_page(outer.format(items=items)))
    assert set(dates) == {_url(n) for n in range(3)}
    for n, day in enumerate(DAYS):
        assert day in dates[_url(n)]
        assert TITLES[n] not in dates[_url(n)]


def test_a_date_badge_of_day_over_month_and_year():
    items = "".join(
        f"<div class='item'><div class='date-box'><span class='day'>{day[:2]}</span>"
        f"<span class='month'>{day[3:]}</span></div><h3><a href='{_url(n)}'>{title}</a></h3></div>"
        for n, (title, day) in enumerate(zip(TITLES, DAYS, strict=True))
    )
    dates = _dates(_page(f"<div class='list'>{items}</div>"))
    assert dates == {_url(n): day for n, day in enumerate(DAYS)}


def test_in_one_box_line_by_line_a_link_without_date_takes_none_from_the_next_line():
    items = (
        f"<a href='{_url(0)}'>{TITLES[0]}</a><br>"
        f"<a href='{_url(1)}'>{TITLES[1]}</a> ({DAYS[1]})<br>"
    )
    dates = parse_listing(_page(f"<p class='ds-tin'>{items}</p>"), SECTION).dates
    assert dates == {_url(1): f"({DAYS[1]})"}


def test_a_date_with_a_two_digit_year_beside_a_link_is_its_date():
    # Beside a link a bare "12/03/25" is the item's date; in a text it may be a number.
    items = "".join(
        f"<li><a href='{_url(n)}'>{title}</a> <span>({day[:6]}{day[8:]})</span></li>"
        for n, (title, day) in enumerate(zip(TITLES, DAYS, strict=True))
    )
    dates = _dates(_page(f"<ul class='list'>{items}</ul>"))
    assert dates == {_url(n): f"({day[:6]}{day[8:]})" for n, day in enumerate(DAYS)}
    article = extract_article(_article(), ARTICLE_URL, listed_date=dates[_url(0)])
    assert (article.published_at, article.published_precision) == (
        "2025-03-12T00:00:00+07:00",
        "day",
    )


@pytest.mark.parametrize("shape", ["({day}) {title}", "{day} - {title}", "{title} ({day})"])
def test_a_date_set_apart_at_an_end_of_the_link_is_its_date(shape):
    # "(28/10/2025) Hội nghị …": the date in the link itself, set apart from the title.
    items = "".join(
        f"<li><a href='{_url(n)}'>{shape.format(day=day, title=title)}</a></li>"
        for n, (title, day) in enumerate(zip(TITLES, DAYS, strict=True))
    )
    dates = _dates(_page(f"<ul class='list'>{items}</ul>"))
    assert dates == {_url(n): day for n, day in enumerate(DAYS)}


def test_a_machine_time_gives_the_date_a_yearless_label_does_not():
    items = "".join(
        f"<li><a href='{_url(n)}'>{title}</a> <time datetime='2025-03-{12 - n}T08:00:00+07:00'>"
        f"{12 - n}/03</time></li>"
        for n, title in enumerate(TITLES)
    )
    dates = _dates(_page(f"<ul class='list'>{items}</ul>"))
    assert dates == {_url(n): f"2025-03-{12 - n}T08:00:00+07:00" for n in range(len(TITLES))}


def test_a_date_inside_a_title_is_not_the_date_shown_beside_it():
    title = "Lịch tiếp công dân ngày 14/3/2025"
    items = "".join(
        f"<li><a href='{_url(n)}'>{t}</a></li>" for n, t in enumerate([title, *TITLES[1:]])
    )
    assert _dates(_page(f"<ul class='list-news'>{items}</ul>")) == {}


def test_a_last_page_with_one_undated_item_takes_no_date_from_the_page_around_it():
    """One item left on the last page: the boxes around it hold no other article of the list,
    but the sidebar's dated list and the header's clock are not its date."""
    main = f"<ul class='list-news'><li><a href='{_url(9)}'>{TITLES[0]}</a></li></ul>"
    side = "<h3>Tin mới</h3><ul>" + "".join(
        f"<li><a href='{BASE}/tin-khac/bai-{n}-{800 + n}.html'>{t}</a> <span>{d}</span></li>"
        for n, (t, d) in enumerate(zip(TITLES[1:], DAYS[1:], strict=True))
    )
    side += "</ul>"
    header = "<span class='today'>Thứ Bảy, 28/11/2026</span>"
    listing = parse_listing(_page(main, side=side, header=header), SECTION)
    assert listing.article_urls == [_url(9)]
    assert listing.dates == {}


def test_a_lone_undated_item_takes_no_date_from_its_column():
    """The column around a lone item: the section's introduction, then when it was updated."""
    intro = "<p>" + "Chuyên mục đăng tin hoạt động của chính quyền và đoàn thể xã. " * 20 + "</p>"
    main = (
        f"<div class='gioi-thieu'>{intro}</div><div class='cap-nhat'>Cập nhật: 28/11/2026</div>"
        f"<ul class='list-news'><li><a href='{_url(9)}'>{TITLES[0]}</a></li></ul>"
    )
    listing = parse_listing(_page(f"<div class='cot'>{main}</div>"), SECTION)
    assert listing.article_urls == [_url(9)]
    assert listing.dates == {}


def test_posts_under_a_day_heading_take_that_day():
    """A blog's listing: each day's heading, then that day's posts, which print no date."""

    def post(n: int) -> str:
        return (
            f"<div class='post'><h3><a href='{_url(n)}'>{TITLES[n]}</a></h3><p>Tóm tắt.</p></div>"
        )

    main = (
        "<h2 class='date-header'><span>Thứ Hai, 24 tháng 3, 2025</span></h2>"
        f"{post(0)}{post(1)}<h2 class='date-header'>Chủ Nhật, 23 tháng 3, 2025</h2>{post(2)}"
    )
    assert _dates(_page(main)) == {
        _url(0): "Thứ Hai, 24 tháng 3, 2025",
        _url(1): "Thứ Hai, 24 tháng 3, 2025",
        _url(2): "Chủ Nhật, 23 tháng 3, 2025",
    }
    # A heading of another kind starts the run: the day heading above it is no post's.
    other = "<h2 class='date-header'>Thứ Hai, 24 tháng 3, 2025</h2><h2>Tin nổi bật</h2>"
    assert _dates(_page(other + post(0) + post(1))) == {}


@requires_real_fixtures
def test_real_liferay_listing_gives_every_item_its_publish_time():
    page = real_page("liferay62_sotttt-hanoi_listing_tin-tuc-su-kien_p1.html")
    listing = parse_listing(page, "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien")
    assert len(listing.dates) == len(listing.article_urls) == 20
    first = listing.dates[listing.article_urls[0]]
    assert first.startswith("Ngày đăng 24/08/2022 | 04:30 PM")


# --- the listing's date as the article's -----------------------------------------------------

ARTICLE_URL = _url(1)


def _article(dateline: str = "", url: str = ARTICLE_URL) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>Bài viết</title></head><body>"
        f"<div class='detail'><h1>{TITLES[1]}</h1>{dateline}<div class='content'>"
        "<p>Sáng Chủ nhật, hơn ba trăm đoàn viên, hội viên và người dân đã cùng ra quân làm"
        " sạch đường làng, ngõ xóm và khơi thông cống rãnh trước mùa mưa bão.</p>"
        "<p>Kết thúc buổi ra quân, các thôn đã thu gom được hơn hai tấn rác thải.</p>"
        "</div></div></body></html>"
    )


def test_a_page_without_dateline_takes_the_listing_date():
    article = extract_article(_article(), ARTICLE_URL, listed_date="Ngày đăng: 10/03/2025 | 14:05")
    assert (article.published_at, article.published_precision) == (
        "2025-03-10T14:05:00+07:00",
        "minute",
    )
    assert article.published_text == "Ngày đăng: 10/03/2025 | 14:05"
    assert "no dateline found" in article.warnings
    assert any("taken from the listing page" in w for w in article.warnings)


def test_the_page_dateline_wins_over_the_listing():
    page = _article("<div class='date'>09/03/2025 07:30</div>")
    article = extract_article(page, ARTICLE_URL, listed_date="10/03/2025")
    assert article.published_at == "2025-03-09T07:30:00+07:00"
    assert not any("listing" in w for w in article.warnings)


@pytest.mark.parametrize("listed", ["Xem tiếp", "", "Hải Phòng, ngày 21 tháng 01 năm 2020"])
def test_a_listing_text_that_is_no_publish_date_is_not_used(listed):
    article = extract_article(_article(), ARTICLE_URL, listed_date=listed)
    assert article.published_at is None


# A SharePoint page in its dated folder (day), a VCCorp address stamped to the second.
FOLDER_URL = "https://prtc.example.gov.vn/portal/Pages/2025-3-10/RA-QUAN-VE-SINH-Ab12Cd34.aspx"
STAMP_URL = "https://phuong.example.gov.vn/ra-quan-ve-sinh-2805250310141530123.htm"


@pytest.mark.parametrize(
    ("url", "listed", "published_at", "source"),
    [
        # The listing gives the time of the folder's day: the listing.
        (FOLDER_URL, "10/03/2025 14:05", "2025-03-10T14:05:00+07:00", "listing"),
        # The listing and the address disagree on the day: the listing, the portal's own date.
        (FOLDER_URL, "11/03/2025", "2025-03-11T00:00:00+07:00", "listing"),
        # The address gives the time of the listing's day: the address.
        (STAMP_URL, "10/03/2025", "2025-03-10T14:15:30+07:00", "URL"),
    ],
)
def test_listing_date_and_address_date(url, listed, published_at, source):
    article = extract_article(_article(), url, listed_date=listed)
    assert article.published_at == published_at
    assert any(f"taken from the {source}" in w for w in article.warnings)
