"""The generic extractor on pages written for the project (tests/pages/*_constructed.html)
that reproduce layouts seen on ward and district portals, and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, extract_article, parse_listing

PAGES = Path(__file__).parent / "pages"
URL = "https://phuong.example.gov.vn/tin-tuc/bai-viet-1234.html"


def extract(name: str):
    return extract_article((PAGES / name).read_bytes(), URL)


def test_generic_page_title_is_the_article_heading_not_the_logo():
    article = extract("generic_ward_article_constructed.html")
    assert article.platform == "generic"
    assert article.title == ("Phường Hòa Bình tổ chức hội nghị tiếp xúc cử tri trước kỳ họp thứ ba")


def test_generic_page_weekday_dateline_and_caps_byline():
    article = extract("generic_ward_article_constructed.html")
    assert article.published_at == "2026-02-25T04:45:00+07:00"
    assert article.published_text == "Thứ tư - 25/02/2026 04:45"
    assert article.byline == "NGỌC HÀ"


def test_generic_page_body_without_related_share_sidebar_or_caption():
    article = extract("generic_ward_article_constructed.html")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("Sáng ngày 24/02/2026, tại hội trường")
    assert paragraphs[-1].endswith("báo cáo cấp trên xem xét.")
    assert len(paragraphs) == 4
    for noise in (
        "Tin liên quan",
        "Kỳ họp thứ hai",
        "Chia sẻ",
        "Tin nổi bật",
        "Bản quyền",
        "Quang cảnh hội nghị",
        "NGỌC HÀ",
        "Lượt xem",
    ):
        assert noise not in article.body
    assert article.summary == paragraphs[0]
    assert [(i.url, i.caption) for i in article.images] == [
        (
            "https://phuong.example.gov.vn/uploads/2026/02/hoi-nghi-tiep-xuc.jpg",
            "Quang cảnh hội nghị tiếp xúc cử tri. Ảnh: Minh Khoa",
        )
    ]


def test_seed_template_unit_byline_and_other_news_blocks():
    article = extract("seed_template_unit_byline_constructed.html")
    assert article.published_at == "2022-07-23T15:42:00+07:00"
    assert article.byline == "Ủy ban MTTQ quận Tây Hồ"
    assert "Các tin tức khác" not in article.body
    assert "danh mục tin tức" not in article.body
    assert "Bầu cử tổ trưởng" not in article.body
    assert article.body.endswith("thực hiện chương trình phối hợp.")


def test_two_h1_and_glued_byline():
    article = extract("glued_byline_two_h1_constructed.html")
    assert article.title == "Xã An Phú ra quân giải tỏa hành lang an toàn giao thông"
    assert article.published_at == "2024-03-05T08:30:00+07:00"
    assert article.byline == "T.DƯƠNG"
    assert article.body.endswith("kiên quyết xử lý các trường hợp tái lấn chiếm để quản lý.")
    assert not article.body.startswith("Xã An Phú ra quân")


def test_missing_date_is_a_warning_not_a_failure():
    html = (PAGES / "seed_template_unit_byline_constructed.html").read_text(encoding="utf-8")
    html = html.replace("23/07/2022 - 03:42 PM", "")
    article = extract_article(html, URL)
    assert article.published_at is None
    assert article.warnings == ["no dateline found"]


def test_nfd_input_is_stored_as_nfc():
    import unicodedata

    html = (PAGES / "generic_ward_article_constructed.html").read_text(encoding="utf-8")
    article = extract_article(unicodedata.normalize("NFD", html), URL)
    assert article.title == "Phường Hòa Bình tổ chức hội nghị tiếp xúc cử tri trước kỳ họp thứ ba"
    assert unicodedata.is_normalized("NFC", article.body)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (b"", "empty_page"),
        (b"   \n ", "empty_page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_html"),
        (b"just some words, no markup at all", "not_html"),
        (
            (
                b"<html><head><title>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</title></head>"
                b"<body><h1>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>"
            ),
            None,
        ),
    ],
)
def test_bad_input_raises_not_an_article(page, reason):
    with pytest.raises(NotAnArticle) as caught:
        extract_article(page, URL)
    if reason:
        assert caught.value.reason == reason


def test_truncated_html_still_gives_title_and_text():
    html = (PAGES / "generic_ward_article_constructed.html").read_text(encoding="utf-8")
    cut = html[: html.index("Tại hội nghị, cử tri")]
    article = extract_article(cut, URL)
    assert article.title.startswith("Phường Hòa Bình tổ chức hội nghị")
    assert "Tham dự hội nghị" in article.body


def test_generic_listing_finds_article_links_not_menus():
    html = (PAGES / "generic_ward_article_constructed.html").read_bytes()
    listing = parse_listing(html, "https://phuong.example.gov.vn/tin-tuc")
    assert "https://phuong.example.gov.vn/van-ban" not in listing.article_urls
    assert "https://phuong.example.gov.vn/tin-tuc/ky-hop-thu-hai-hdnd-phuong-12345.html" in (
        listing.article_urls
    )


@pytest.mark.parametrize("prefix", ["(QNO) - ", "ĐNO - ", "(HNMO) - ", "TTH - "])
def test_lead_prefixes_are_kept_as_published(prefix):
    html = (PAGES / "seed_template_unit_byline_constructed.html").read_text(encoding="utf-8")
    html = html.replace("<p>Chiều ngày 22/7/2022", f"<p>{prefix}Chiều ngày 22/7/2022", 1)
    article = extract_article(html, URL)
    assert article.body.startswith(f"{prefix}Chiều ngày 22/7/2022")


# --- Fields that templates set just outside the text block ---------------------------------

_BODY = (
    "<p>Sáng nay, Ủy ban nhân dân xã tổ chức buổi đối thoại với người dân về kế hoạch nạo vét"
    " kênh thủy lợi nội đồng trước mùa mưa bão.</p>"
    "<p>Các hộ dân đề nghị xã công khai tiến độ thi công và bố trí lối đi tạm cho học sinh.</p>"
)


def _page(main: str, before_main: str = "") -> str:
    return (
        "<html><head><title>Đối thoại về nạo vét kênh thủy lợi - Cổng thông tin xã</title></head>"
        f"<body>{before_main}<div class='noi-dung'>{main}</div></body></html>"
    )


def _article_block(after_body: str, heading: str = "<h1>Đối thoại về nạo vét kênh thủy lợi</h1>"):
    return (
        f"<div class='bai-viet'>{heading}<p>Thứ Ba, 10/03/2020 08:15</p>"
        f"<div class='chi-tiet'>{_BODY}</div>{after_body}</div>"
    )


@pytest.mark.parametrize(
    ("after_body", "byline", "authors"),
    [
        (
            (
                "<div class='ghi-chu'><p class='text-right'><b>Tác giả: </b>Lê Hoàng Nam</p>"
                "<p class='text-right'><b>Nguồn tin: </b>Đài truyền thanh xã</p></div>"
            ),
            "Lê Hoàng Nam",
            ["Lê Hoàng Nam"],
        ),
        (
            "<div><p>Người viết: TRẦN AN - MAI LINH</p></div>",
            "TRẦN AN - MAI LINH",
            ["TRẦN AN", "MAI LINH"],
        ),
        ("<p>Tin, ảnh: Tổ truyền thông</p>", "Tin, ảnh: Tổ truyền thông", ["Tổ truyền thông"]),
        # A source line is not an author, a one-word account is not a name.
        ("<div><p>Nguồn: Báo Nông thôn Ngày nay</p></div>", None, []),
        ("<div><p>Tác giả: quantri01</p></div>", None, []),
        # Past the body's next blocks (here a list of other articles) nothing is the byline.
        (
            "<div class='tin-khac'>Các tin khác: "
            + "Xã ra quân làm sạch đường làng, ngõ xóm (09/03/2020). " * 6
            + "</div><div><p>Tác giả: Lê Hoàng Nam</p></div>",
            None,
            [],
        ),
    ],
)
def test_generic_author_field_below_the_body(after_body, byline, authors):
    article = extract_article(_page(_article_block(after_body)), URL)
    assert article.platform == "generic"
    assert (article.byline, article.authors) == (byline, authors)
    assert "Tác giả" not in article.body and article.body.endswith("lối đi tạm cho học sinh.")


def test_generic_date_box_above_a_boxed_title():
    main = (
        "<div class='bai-viet'><div class='ngay-dang'>Thứ Hai, 09/03/2020</div>"
        "<div class='tieu-de'><h2>Đối thoại về nạo vét kênh thủy lợi</h2></div>"
        f"<div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert (article.published_at, article.published_precision) == (
        "2020-03-09T00:00:00+07:00",
        "day",
    )
    assert article.published_text == "Thứ Hai, 09/03/2020"


def test_generic_header_clock_above_the_title_box_is_no_dateline():
    header = "<div class='header'><span>Hôm nay: Thứ Bảy, 28/11/2026</span></div>"
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>"
    article = extract_article(_page(main, before_main=header), URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at is None


def test_generic_camel_case_lead_and_author_boxes():
    """ASP.NET templates name their boxes in camelCase ("NewsSummary", "NewsAuthor")."""
    lead = "Chiều 9/3, xã tổ chức đối thoại với nhân dân về việc nạo vét kênh thủy lợi nội đồng."
    main = (
        "<div class='NewsDetail'><h1 class='NewsTitle'>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<div class='NewsDate'>09/03/2020 16:05</div><div class='NewsSummary'>{lead}</div>"
        f"<div class='NewsContent'>{_BODY}</div><div class='NewsAuthor'>Phạm Thu Hà</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.platform == "generic"
    assert article.summary == lead
    assert article.body.startswith(lead + "\n\nSáng nay, Ủy ban nhân dân xã")
    assert article.byline == "Phạm Thu Hà"
    # Run together, the words are no class word: "newsummary" names no lead.
    plain = extract_article(_page(main.replace("NewsSummary", "newssummary")), URL)
    assert plain.summary is None


@pytest.mark.parametrize(
    "lines",
    [
        ["Cập nhật: 15/03/2020 10:00", "Ngày đăng: 12/03/2020 08:00"],
        ["Ngày đăng: 12/03/2020 08:00", "Cập nhật: 15/03/2020 10:00"],
        ["Ngày đăng: 12/03/2020 08:00 | Cập nhật: 15/03/2020 10:00"],
        # Other dates beside the publish date: a decree's, the record's, a print date.
        ["Ngày ban hành: 10/03/2020 | Ngày đăng: 12/03/2020 08:00"],
        ["Ngày đăng: 12/03/2020 08:00 | Ngày hiệu lực: 01/04/2020"],
        ["Ngày tạo: 11/03/2020 17:00 | Ngày đăng: 12/03/2020 08:00"],
        ["Ngày in: 28/11/2026", "Ngày đăng: 12/03/2020 08:00"],
    ],
)
def test_generic_publish_date_not_the_date_of_an_edit(lines):
    heading = "<h1>Đối thoại về nạo vét kênh thủy lợi</h1>" + "".join(f"<p>{x}</p>" for x in lines)
    main = f"<div class='bai-viet'>{heading}<div class='chi-tiet'>{_BODY}</div></div>"
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-12T08:00:00+07:00"


@pytest.mark.parametrize(
    "footer",
    ["Đăng lúc 2:35 CH bởi admin", "Đăng bởi quantri vào lúc 14:35", "Posted by admin at 2:35 PM"],
)
def test_generic_post_footer_inside_the_text_box_gives_the_time_and_is_cut(footer):
    """Blog templates head the post with its day and end it with its time, here inside the
    box that holds the text."""
    main = (
        "<div class='post'><div class='date-header'>Thứ Năm, 12/03/2020</div>"
        "<h3 class='post-title'>Đối thoại về nạo vét kênh thủy lợi</h3>"
        f"<div class='post-body'>{_BODY}<div class='post-footer'>{footer}</div></div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-12T14:35:00+07:00"
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


def _blog(day_heading: str, footer: str) -> str:
    """A Blogger-style page: the day's heading over each post's boxes, the time in the post's
    own footer."""
    return (
        "<html><head><title>Trường THCS xã</title></head><body>"
        "<div class='header'><h1><a href='/'>Trường THCS xã</a></h1></div>"
        f"<div class='blog-posts'>{day_heading}<div class='post-outer'><div class='post'>"
        "<h3 class='post-title'>Đối thoại về nạo vét kênh thủy lợi</h3>"
        f"<div class='post-body'>{_BODY}</div><div class='post-footer'>{footer}</div>"
        "</div></div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("day_heading", "footer", "published_at"),
    [
        (
            "<h2 class='date-header'><span>Thứ Năm, 12 tháng 3, 2020</span></h2>",
            "Đăng lúc <a class='timestamp-link' href='#'>2:35 CH</a> bởi <span>Nhà trường</span>",
            "2020-03-12T14:35:00+07:00",
        ),
        ("<h2 class='date-header'>Thứ Năm, 12/03/2020</h2>", "", "2020-03-12T00:00:00+07:00"),
        # A bar of today's date over the post's boxes is the page's clock, not the post's day.
        ("<div class='top-bar'>Thứ Bảy, 28/11/2026</div>", "", None),
    ],
)
def test_generic_blog_day_heading_over_the_post_boxes(day_heading, footer, published_at):
    article = extract_article(_blog(day_heading, footer), URL)
    assert article.published_at == published_at
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


def test_generic_date_of_an_edit_alone_is_still_the_page_date():
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p>Ngày cập nhật: 15/03/2020 10:00</p><div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-15T10:00:00+07:00"
    assert any("labelled as an update" in w for w in article.warnings)


@pytest.mark.parametrize("dateline", ["<p>Thứ Ba, 10/03/2020 08:15</p>", ""])
def test_generic_page_clock_above_the_title_is_no_dateline(dateline):
    main = (
        "<div class='bai-viet'><div class='ngay'>Hôm nay: Thứ Bảy, 28/11/2026</div>"
        f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1>{dateline}"
        f"<div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == ("2020-03-10T08:15:00+07:00" if dateline else None)


@pytest.mark.parametrize(
    ("dateline", "footer", "published_at"),
    [
        # A blog's day heading and its post's footer make the minute.
        ("Thứ Hai, 09/03/2020", "Đăng lúc 16:05 bởi Ban biên tập", "2020-03-09T16:05:00+07:00"),
        ("09/03/2020", "Posted by admin at 4:05 PM", "2020-03-09T16:05:00+07:00"),
        # A dateline that gives the minute already keeps it.
        ("09/03/2020 08:15", "Đăng lúc 16:05", "2020-03-09T08:15:00+07:00"),
        # A time that is not the post's ("lúc" in a sentence), or a footer with its own date.
        ("09/03/2020", "Họp lúc 16:05 tại hội trường", "2020-03-09T00:00:00+07:00"),
        ("09/03/2020", "Đăng lúc 16:05 ngày 10/03/2020", "2020-03-09T00:00:00+07:00"),
    ],
)
def test_generic_day_heading_and_post_footer_time(dateline, footer, published_at):
    main = (
        f"<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>{dateline}</p>"
        f"<div class='chi-tiet'>{_BODY}</div><div class='chan-bai'>{footer}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == published_at
    assert footer not in article.body


# --- Datelines that templates set elsewhere ------------------------------------------------


@pytest.mark.parametrize(
    "published",
    ["<p class='text-muted'><small>08:15 10/03/2020</small></p>", "<div><span>10/03/2020 08:15</span></div>"],
)  # fmt: skip
def test_generic_dateline_opening_the_box_after_the_title(published):
    main = (
        "<div class='card'><div class='card-header'><h4 class='card-title'>Đối thoại về nạo vét"
        f" kênh thủy lợi</h4></div><div class='card-body'>{published}{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_date_inside_a_paragraph_of_the_next_box_is_no_dateline():
    """Only a line that opens the box counts: a date in its first sentence is an event's."""
    first = "<p>Theo Kế hoạch số 12/KH-UBND ngày 10/03/2020, xã đối thoại với nhân dân.</p>"
    main = (
        "<div class='card'><div class='card-header'><h4 class='card-title'>Đối thoại về nạo vét"
        f" kênh thủy lợi</h4></div><div class='card-body'>{first}{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at is None


@pytest.mark.parametrize(
    ("heading", "published_at"),
    [
        ("Đối thoại về nạo vét kênh thủy lợi (10/03/2020)", "2020-03-10T00:00:00+07:00"),
        ("Đối thoại về nạo vét kênh thủy lợi - 10/03/2020 08:15", "2020-03-10T08:15:00+07:00"),
    ],
)
def test_generic_date_closing_the_heading(heading, published_at):
    main = f"<div class='bai-viet'><h1>{heading}</h1><div class='chi-tiet'>{_BODY}</div></div>"
    article = extract_article(_page(main), URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at == published_at


def test_generic_date_in_a_heading_with_words_stays_in_the_title():
    heading = "Lịch tiếp công dân tuần (từ 09/03/2020 đến 13/03/2020)"
    main = (
        f"<div class='bai-viet'><h1>{heading}</h1><p>Thứ Hai, 09/03/2020 07:30</p>"
        f"<div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert (article.title, article.published_at) == (heading, "2020-03-09T07:30:00+07:00")


_JSON_LD = (
    '<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": ['
    '{{"@type": "Organization", "name": "UBND xã"}}, '
    '{{"@type": {types}, "headline": "Đối thoại về nạo vét kênh thủy lợi", '
    '"datePublished": "2020-03-10T08:15:00+07:00"}}]}}</script>'
)


@pytest.mark.parametrize("types", ['"NewsArticle"', '["WebPage", "ItemPage"]'])
def test_generic_json_ld_publish_time_when_the_page_shows_none(types):
    html = _page(f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>")
    html = html.replace("</head>", _JSON_LD.format(types=types) + "</head>")
    assert extract_article(html, URL).published_at == "2020-03-10T08:15:00+07:00"


def test_generic_json_ld_broken_or_of_another_kind_gives_no_time():
    html = _page(f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>")
    broken = '<script type="application/ld+json">{"datePublished": "2020-03-10",</script>'
    other = _JSON_LD.format(types='"Event"')
    for script in (broken, other):
        article = extract_article(html.replace("</head>", script + "</head>"), URL)
        assert article.published_at is None


_SHELL_TEXTS = [
    (
        "Sáng 10/3, UBND xã tổ chức đối thoại với người dân về kế hoạch nạo vét kênh thủy lợi"
        " nội đồng trước vụ hè thu."
    ),
    "Các hộ dân đề nghị xã công khai tiến độ và bố trí đường tạm cho xe chở nông sản.",
]


@pytest.mark.parametrize("as_html", [False, True])
@pytest.mark.parametrize("shell", ["<app-root></app-root>", "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'><p>Đang tải...</p></div>"])  # fmt: skip
def test_generic_article_declared_only_in_json_ld_article_body(shell, as_html):
    """An app's shell, or a template whose text box its scripts fill in: the article is the
    one its JSON-LD declares, time in UTC read at +07:00, with a warning saying so."""
    text = "".join(f"<p>{t}</p>" for t in _SHELL_TEXTS) if as_html else "\\n\\n".join(_SHELL_TEXTS)
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Cổng thông tin xã"}, {"@type": "NewsArticle", '
        f'"headline": "Đối thoại về nạo vét kênh thủy lợi", "articleBody": "{text}", '
        '"datePublished": "2020-03-10T01:15:00Z", "author": {"@type": "Person", "name": "Minh Khôi"}}]}'
        "</script>"
    )
    html = (
        f"<html><head><title>Cổng thông tin xã</title>{script}</head>"
        f"<body><div class='menu'><a href='/'>Trang chủ</a></div>{shell}</body></html>"
    )
    article = extract_article(html, URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.body == "\n\n".join(_SHELL_TEXTS)
    assert article.byline == "Minh Khôi"
    assert any("JSON-LD articleBody" in warning for warning in article.warnings)


def test_generic_article_body_in_the_page_wins_over_the_declared_one():
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
        f'"{" ".join(_SHELL_TEXTS)}"}}</script>'
    )
    html = _page(f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>")
    article = extract_article(html.replace("</head>", script + "</head>"), URL)
    assert article.body == extract_article(html, URL).body
    assert not any("JSON-LD" in warning for warning in article.warnings)


def test_generic_lead_opening_the_article_box():
    """Title, date, lead and text in one box, the lead named by its class: the lead is the
    summary and the body's first paragraph; a described photo in the text is not a lead."""
    lead = "Chiều 9/3, xã tổ chức đối thoại với nhân dân về việc nạo vét kênh thủy lợi nội đồng."
    main = (
        "<div class='detail-news'><div class='title-detail'>Đối thoại về nạo vét kênh thủy lợi"
        "</div><div class='date-detail'>Ngày đăng: 09/03/2020 | Lượt xem: 120</div>"
        f"<div class='summary-detail'>{lead}</div><div class='content-detail'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.summary == lead
    assert article.body.startswith(lead + "\n\nSáng nay, Ủy ban nhân dân xã")
    photo = (
        "<div class='image-description'>Quang cảnh buổi đối thoại tại hội trường xã Hòa Phú.</div>"
    )
    moved = main.replace("<div class='content-detail'>", photo + "<div class='content-detail'>")
    moved = moved.replace(f"<div class='summary-detail'>{lead}</div>", f"<p>{lead}</p>")
    assert extract_article(_page(moved), URL).summary is None


@pytest.mark.parametrize(
    ("crumbs", "category"),
    [
        ("<div class='duong-dan'><a href='/'>Trang chủ</a> » <a href='/tin'>Tin hoạt động</a></div>",
         "Tin hoạt động"),
        (("<nav aria-label='breadcrumb'><ol><li><a href='/'>Home</a></li><li><a href='/tb'>Thông báo"
         "</a></li><li><a href='/tb/1'>Đối thoại về nạo vét…</a></li></ol></nav>"), "Thông báo"),
        # The article's own crumb, whole or cut short, is not its category; nor is the home page.
        (("<ul class='breadcrumb'><li><a href='/'>Trang chủ</a></li><li><a href='/x'>Đối thoại về "
         "nạo vét kênh thủy lợi</a></li></ul>"), None),
    ],
)  # fmt: skip
def test_generic_category_from_the_breadcrumb(crumbs, category):
    main = f"{crumbs}<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>"
    assert extract_article(_page(main), URL).category == category


def test_generic_category_that_starts_the_title_is_kept():
    crumbs = (
        "<div class='breadcrumbs'><a href='/'>Trang chủ</a> / <a href='/dt'>Đối thoại</a></div>"
    )
    main = f"{crumbs}<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>"
    assert extract_article(_page(main), URL).category == "Đối thoại"


def test_generic_category_from_article_section_without_a_breadcrumb():
    html = _page(f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='chi-tiet'>{_BODY}</div>")
    html = html.replace(
        "</head>", "<meta property='article:section' content='Nông thôn mới'></head>"
    )
    assert extract_article(html, URL).category == "Nông thôn mới"


@pytest.mark.parametrize(
    "heading", ["Tin khác", "Các bài khác", "Tin mới nhất", "Tin xem nhiều", "Có thể bạn quan tâm"]
)
def test_generic_list_of_other_articles_in_the_article_box_is_not_text(heading):
    """Title, date, lead, text, author, then a list of other articles, all in one box."""
    lead = "Chiều 9/3, xã tổ chức đối thoại với nhân dân về việc nạo vét kênh thủy lợi nội đồng."
    main = (
        "<div class='news-detail'><h3 class='news-title'>Đối thoại về nạo vét kênh thủy lợi</h3>"
        "<div class='news-info'>09/03/2020 | 16:05 | 120</div>"
        f"<div class='news-summary'><strong>{lead}</strong></div>"
        f"<div class='news-content'>{_BODY}</div>"
        "<div class='news-author text-right'><strong>Tác giả: Phạm Thu Hà</strong></div>"
        f"<div class='news-other'><h4>{heading}</h4><ul>"
        "<li><a href='/tin-tuc/xa-ra-quan-lam-sach-duong-lang-781.html'>Xã ra quân làm sạch"
        " đường làng, ngõ xóm</a></li></ul></div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.body == lead + "\n\n" + _BODY.replace("</p><p>", "\n\n")[3:-4]
    assert (article.byline, article.authors) == ("Tác giả: Phạm Thu Hà", ["Phạm Thu Hà"])


def test_generic_title_in_a_font_tag_has_its_dateline_in_the_next_row():
    """Old table layouts set the title in <font><b>, in no heading, and the date in the row
    below: the title is found by <title>, then on the page, and the date after it."""
    title = "Đối thoại về nạo vét kênh thủy lợi"
    page = (
        f"<html><head><title>{title}</title></head><body>"
        "<div class='menu'><a href='/'>Trang chủ</a></div><table>"
        f"<tr><td><font size='4' color='#0000ff'><b>{title}</b></font></td></tr>"
        "<tr><td><font size='2'><i>(10/03/2020 08:15)</i></font></td></tr>"
        f"<tr><td><font face='Arial'>{_BODY}</font></td></tr></table></body></html>"
    )
    article = extract_article(page, URL)
    assert (article.title, article.published_at) == (title, "2020-03-10T08:15:00+07:00")
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_images_and_files_resolve_against_the_base_href():
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>Thứ Ba, 10/03/2020 08:15</p>"
        f"<div class='chi-tiet'>{_BODY}<p><img src='images/doi-thoai.jpg'></p>"
        "<p>Tải về: <a href='files/ke-hoach.pdf'>Kế hoạch nạo vét kênh</a></p></div>"
    )
    page = _page(main).replace("<head>", "<head><base href='https://xa.example.gov.vn/portal/'>")
    article = extract_article(
        page, "https://xa.example.gov.vn/portal/index.php/tin-tuc/12-doi-thoai"
    )
    assert [i.url for i in article.images] == [
        "https://xa.example.gov.vn/portal/images/doi-thoai.jpg"
    ]
    assert [a.url for a in article.attachments] == [
        "https://xa.example.gov.vn/portal/files/ke-hoach.pdf"
    ]


@pytest.mark.parametrize(
    ("info", "published_at", "published_text"),
    [
        # The CMS account, a counter and tools share the box with the date.
        (
            (
                "<div class='meta'><span class='tac-gia'>quantri</span>"
                " <span class='ngay'>Thứ Ba, 10/03/2020 - 08:15</span></div>"
            ),
            "2020-03-10T08:15:00+07:00",
            "Thứ Ba, 10/03/2020 - 08:15",
        ),
        (
            (
                "<div class='meta'><span>10/03/2020 08:15</span> <span>Đăng bởi: admin</span>"
                " <span>Lượt xem: 56</span> <a href='#'>In bài</a></div>"
            ),
            "2020-03-10T08:15:00+07:00",
            "10/03/2020 08:15",
        ),
        # The machine time gives the minute, the box shows the day among other words.
        (
            (
                "<dl class='article-info'><dd>Super User</dd><dd><time datetime="
                "'2020-03-10T08:15:00+07:00'>Ngày đăng: 10/03/2020</time></dd>"
                "<dd>Lượt xem: 56</dd></dl>"
            ),
            "2020-03-10T08:15:00+07:00",
            "Ngày đăng: 10/03/2020",
        ),
        # A label that matters stays: an update is shown as one.
        (
            "<div class='meta'><span>quantri</span> <span>Cập nhật: 10/03/2020 08:15</span></div>",
            "2020-03-10T08:15:00+07:00",
            "Cập nhật: 10/03/2020 08:15",
        ),
    ],
)
def test_generic_dateline_shown_without_the_other_words_of_its_box(
    info, published_at, published_text
):
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1>{info}<div class='chi-tiet'>{_BODY}</div>"
    article = extract_article(_page(main), URL)
    assert (article.published_at, article.published_text) == (published_at, published_text)
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


_NOTICE_TITLE = "Thông báo lịch tiếp công dân tháng 3 năm 2020"


def _notice(content: str, dateline: str = "<div class='ngay'>10/03/2020 08:15</div>") -> str:
    main = (
        f"<div class='bai-viet'><h1>{_NOTICE_TITLE}</h1>{dateline}"
        f"<div class='noi-dung'>{content}</div>"
        "<div class='tin-khac'><h3>Các tin khác</h3><ul><li><a href='/tin-tuc/a-12.html'>"
        "Xã ra quân làm sạch đường làng, ngõ xóm</a></li></ul></div></div>"
    )
    return _page(main).replace(
        "<title>Đối thoại về nạo vét kênh thủy lợi", f"<title>{_NOTICE_TITLE}"
    )


def test_generic_short_notices_are_articles():
    """A title, its dateline, then a line, a file or a picture: no block of text to find,
    and still an article, kept with what it has."""
    one_line = extract_article(
        _notice("<p>Lãnh đạo UBND xã tiếp công dân vào sáng thứ Năm hằng tuần.</p>"), URL
    )
    assert (one_line.title, one_line.published_at) == (_NOTICE_TITLE, "2020-03-10T08:15:00+07:00")
    assert one_line.body == "Lãnh đạo UBND xã tiếp công dân vào sáng thứ Năm hằng tuần."
    a_file = extract_article(
        _notice("<p>Xem nội dung Thông báo <a href='/files/tb-12.pdf'>tại đây</a></p>"), URL
    )
    assert [a.url for a in a_file.attachments] == ["https://phuong.example.gov.vn/files/tb-12.pdf"]
    assert "Xã ra quân" not in a_file.body
    a_picture = extract_article(_notice("<p><img src='/anh/lich-tiep-cong-dan.jpg'></p>"), URL)
    assert [i.url for i in a_picture.images] == [
        "https://phuong.example.gov.vn/anh/lich-tiep-cong-dan.jpg"
    ]
    assert a_picture.body == "" and "empty body" in a_picture.warnings


def test_generic_short_page_without_a_date_line_is_no_article():
    """A heading and a line, nothing that says when it was published: nothing says it is an
    article either."""
    with pytest.raises(NotAnArticle) as caught:
        extract_article(_notice("<p>Lãnh đạo tiếp công dân.</p>", dateline=""), URL)
    assert caught.value.reason == "no_body"


@pytest.mark.parametrize(
    "first",
    [
        "Sáng ngày 09/03/2020, Ủy ban nhân dân xã tổ chức đối thoại với người dân.",
        "Lịch đối thoại với nhân dân ngày 20/03/2020 tại hội trường thôn Đông.",
        "Lịch đối thoại với nhân dân ngày 20/03/2020 tại hội trường thôn Đông",
        # A notice's particulars: when the event is, not when it was posted.
        "Thời gian: 08:00 ngày 20/03/2020, tại hội trường UBND xã",
    ],
)
def test_generic_first_sentence_under_the_title_is_text_not_its_date(first):
    """Flat layouts set the text right under the title: its first sentence's date is an
    event's, not the page's, and the sentence is text."""
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>{first}</p>{_BODY}"
    article = extract_article(_page(main), URL)
    assert article.published_at is None
    assert article.body.startswith(first)


@pytest.mark.parametrize(
    "shown",
    [
        "<iframe src='/files/tb-12.pdf' width='100%' height='800'></iframe>",
        "<iframe src='/pdfjs/web/viewer.html?file=%2Ffiles%2Ftb-12.pdf'></iframe>",
        "<embed src='/files/tb-12.pdf' type='application/pdf'>",
        "<object data='/files/tb-12.pdf' type='application/pdf'></object>",
        (
            "<iframe src='https://docs.google.com/viewer?url=https://phuong.example.gov.vn"
            "/files/tb-12.pdf&amp;embedded=true'></iframe>"
        ),
    ],
)
def test_generic_document_shown_in_the_page_is_an_attachment(shown):
    article = extract_article(_notice(shown), URL)
    assert [a.url for a in article.attachments] == ["https://phuong.example.gov.vn/files/tb-12.pdf"]


def test_generic_video_frame_is_no_attachment():
    article = extract_article(
        _notice("<iframe src='https://www.youtube.com/embed/x1'></iframe>"), URL
    )
    assert article.attachments == []


def test_generic_title_found_on_the_page_past_a_comment_inside_it():
    """The title's element holds a comment beside the text (a CMS's marker): the search for
    the innermost element showing the title steps over it."""
    title = "Đối thoại về nạo vét kênh thủy lợi"
    page = (
        f"<html><head><title>{title}</title></head><body><table>"
        f"<tr><td><font size='4'><!-- tieu de --><b>{title}</b></font></td></tr>"
        "<tr><td><i>(10/03/2020 08:15)</i></td></tr>"
        f"<tr><td>{_BODY}</td></tr></table></body></html>"
    )
    article = extract_article(page, URL)
    assert (article.title, article.published_at) == (title, "2020-03-10T08:15:00+07:00")


def test_generic_dateline_with_a_time_may_end_with_a_full_stop():
    line = "Đăng bởi Ban biên tập Cổng thông tin điện tử xã lúc 08:15 ngày 10/03/2020."
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>{line}</p>{_BODY}"
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


# A section's page: each item a heading that links to its article, a date, a summary.
_TEASERS = [
    ("Xã khánh thành nhà văn hóa thôn Bắc", "02/04/2021", "tong-ket-1"),
    ("Hội Nông dân xã tập huấn trồng rau an toàn", "30/03/2021", "tap-huan-2"),
    ("Ra quân làm sạch kênh mương nội đồng đầu vụ", "28/03/2021", "ra-quan-3"),
    ("Đoàn thanh niên xã hiến máu tình nguyện đợt một", "25/03/2021", "hien-mau-4"),
]
_SUMMARY = (
    "Đông đảo cán bộ, hội viên và người dân các thôn đã tham gia, góp phần hoàn thành sớm"
    " kế hoạch đề ra của xã trong quý đầu năm."
)


def _teaser(title: str, date: str, slug: str, tag: str = "h3", summary: str = _SUMMARY) -> str:
    return (
        f"<div class='news-item'><{tag} class='news-title'><a href='/tin-tuc/{slug}.html'>"
        f"{title}</a></{tag}><div class='news-date'>{date}</div><p>{summary}</p></div>"
    )


@pytest.mark.parametrize(
    "section_heading",
    # The page named in a heading, as articles name theirs; in a bare box; not at all.
    ["<h1>TIN HOẠT ĐỘNG</h1>", "<div class='cat'>TIN HOẠT ĐỘNG</div>", ""],
)
def test_generic_section_page_of_linked_teasers_is_no_article(section_heading):
    """Its first item's heading, date and summary look like an article's; but the heading is
    a link to another page, as are the headings of the items alike."""
    items = "".join(_teaser(*teaser) for teaser in _TEASERS)
    page = _page(f"{section_heading}{items}").replace(
        "<title>Đối thoại về nạo vét kênh thủy lợi", "<title>Tin hoạt động"
    )
    with pytest.raises(NotAnArticle) as caught:
        extract_article(page, "https://xa.example.gov.vn/tin-tuc")
    assert caught.value.reason == "not_an_article"
    assert caught.value.detail.startswith("a listing page: ")


@pytest.mark.parametrize("heading_tag", ["h2", "h5"])
def test_generic_section_page_of_cards_that_are_links_is_no_article(heading_tag):
    """Each item one link around its picture, heading, date and summary (Bootstrap's
    `a.card`, a Next.js card component): the headings are linked all the same."""
    items = "".join(
        f"<a class='card' href='/tin-tuc/{slug}.html'><img src='/anh/{slug}.jpg'>"
        f"<div class='card-body'><{heading_tag}>{title}</{heading_tag}><time>{date}</time>"
        f"<p>{_SUMMARY}</p></div></a>"
        for title, date, slug in _TEASERS
    )
    page = _page(f"<h1>TIN HOẠT ĐỘNG</h1><div class='cards'>{items}</div>").replace(
        "<title>Đối thoại về nạo vét kênh thủy lợi", "<title>Tin hoạt động"
    )
    with pytest.raises(NotAnArticle) as caught:
        extract_article(page, "https://xa.example.gov.vn/tin-tuc")
    assert caught.value.detail.startswith("a listing page: ")


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("https://xa.example.gov.vn/tim-kiem?q=n%E1%BA%A1o+v%C3%A9t", "<h1>Kết quả tìm kiếm</h1>"),
        ("https://xa.example.gov.vn/?s=nao+vet", "<p>Tìm thấy 1 kết quả cho <b>nạo vét</b></p>"),
        ("https://xa.example.gov.vn/Default.aspx", "<h1>Kết quả tìm kiếm</h1><p>Có 2 kết quả</p>"),
    ],
)
def test_generic_search_results_with_a_hit_or_two_are_no_article(url, heading):
    """One or two hits look like an article: a linked heading, its date, a snippet."""
    hits = "".join(_teaser(*teaser, summary=_SUMMARY * 3) for teaser in _TEASERS[:2])
    page = _page(f"{heading}{hits}")
    with pytest.raises(NotAnArticle) as caught:
        extract_article(page, url)
    if "?" in url:  # (the search's own address says so before any text is weighed)
        assert caught.value.detail == "a site search's results page"


def test_generic_title_linking_to_its_own_page_among_linked_teasers_is_an_article():
    """A template that links every title, the article's to itself (by another form of its
    address), and the related items' alike: still the article."""
    own = "http://www.phuong.example.gov.vn/tin-tuc/bai-viet-1234.html/"
    related = "".join(_teaser(*teaser, summary="") for teaser in _TEASERS)
    main = (
        f"<h3 class='news-title'><a href='{own}'>Đối thoại về nạo vét kênh thủy lợi</a></h3>"
        f"<div class='news-date'>10/03/2020 08:15</div><div class='chi-tiet'>{_BODY}</div>"
        f"<div class='lien-ket'>{related}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


@pytest.mark.parametrize("where", ["sidebar", "below"])
def test_generic_short_article_beside_more_teaser_text(where):
    """Six teasers with summaries (a "Tin mới" sidebar, "Tin cùng chuyên mục" under the
    text) hold more text than a short article: a listing's text, not the article's."""
    teasers = "".join(_teaser(*teaser) for teaser in _TEASERS + _TEASERS[:2])
    article = (
        "<div class='detail'><h2 class='title'>Đối thoại về nạo vét kênh thủy lợi</h2>"
        "<div class='date'>10/03/2020 08:15</div>"
        "<div class='content'><p>Sáng nay, Ủy ban nhân dân xã tổ chức đối thoại với người dân"
        " về nạo vét kênh thủy lợi nội đồng trước vụ xuân.</p><p>Người dân đề nghị làm sớm"
        " để kịp lịch gieo cấy của các thôn.</p></div></div>"
    )
    box = f"<div class='box'><h3>Tin mới</h3>{teasers}</div>"
    main = (
        f"<div class='row'><div class='col-md-8'>{article}</div><div class='col-md-4'>{box}</div>"
        "</div>"
        if where == "sidebar"
        else f"{article}{box}"
    )
    got = extract_article(_page(main), URL)
    assert (got.title, got.published_at) == (
        "Đối thoại về nạo vét kênh thủy lợi",
        "2020-03-10T08:15:00+07:00",
    )
    assert got.body.startswith("Sáng nay, Ủy ban nhân dân xã tổ chức đối thoại")
    assert got.body.endswith("lịch gieo cấy của các thôn.")


@pytest.mark.parametrize(
    ("heading", "published_at"),
    [("<h2>Đối thoại về nạo vét kênh thủy lợi nội đồng</h2>", None),
     ("<h3 class='tieu-de'>Đối thoại về nạo vét kênh thủy lợi nội đồng (10/03/2020)</h3>",
      "2020-03-10T00:00:00+07:00")],
)  # fmt: skip
def test_generic_title_opening_the_text_where_title_is_the_sites_name(heading, published_at):
    """Old portals' <title> is the site's name alone, printed in the header; the article's
    heading is no <h1> and no dateline follows it: the heading that opens the text is the
    title, not the site's name."""
    page = (
        "<html><head><title>UBND xã Hòa Phong</title></head><body>"
        "<div class='header'><b>UBND xã Hòa Phong</b></div>"
        f"<div class='noi-dung'>{heading}<div class='chi-tiet'>{_BODY}</div></div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi nội đồng"
    assert article.published_at == published_at
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_other_articles_as_lines_of_links_in_the_text_box():
    """An old template's "Các bài khác:" list set in the text's own box, one <br>-separated
    line per link and its date: not the text, and the byline above it is found."""
    others = (
        "<b>Các bài khác:</b><br>- <a href='?id=411'>Ra mắt mô hình thắp sáng đường quê</a>"
        " (15/03/2020)<br>- <a href='?id=409'>Đại hội Chi đoàn thôn Đông nhiệm kỳ mới</a>"
        " (10/03/2020)"
    )
    main = _article_block("").replace(
        f"{_BODY}</div>", f"{_BODY}<p align='right'><b>Minh Tuấn</b></p>{others}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.byline == "Minh Tuấn"
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


def test_generic_article_with_linked_related_headings_is_an_article():
    """Related items below the text have linked headings; the article's own is plain."""
    related = "".join(_teaser(*teaser, tag="h2", summary="") for teaser in _TEASERS)
    main = (
        "<h2 class='news-title'>Đối thoại về nạo vét kênh thủy lợi</h2>"
        f"<div class='news-date'>10/03/2020 08:15</div><div class='chi-tiet'>{_BODY}</div>"
        f"<div class='lien-ket'>{related}</div>"
    )
    article = extract_article(_page(main), URL)
    assert (article.title, article.published_at) == (
        "Đối thoại về nạo vét kênh thủy lợi",
        "2020-03-10T08:15:00+07:00",
    )


@pytest.mark.parametrize(
    ("info", "byline", "authors"),
    [
        ("Tác giả: Trần Quốc Bảo | 10/03/2020 08:15", "Trần Quốc Bảo", ["Trần Quốc Bảo"]),
        (
            "10/03/2020 08:15 - Tin, ảnh: Đỗ Hạnh - Vũ Khang",
            "Tin, ảnh: Đỗ Hạnh - Vũ Khang",
            ["Đỗ Hạnh", "Vũ Khang"],
        ),
        (
            "<span>Người viết: Trần Quốc Bảo</span> <span>10/03/2020 08:15</span>",
            "Trần Quốc Bảo",
            ["Trần Quốc Bảo"],
        ),
        # Unlabelled, the other field may be a section's name; a source is not an author.
        ("Nông thôn mới | 10/03/2020 08:15", None, []),
        ("Nguồn: Báo Nông thôn | 10/03/2020 08:15", None, []),
    ],
)
def test_generic_labelled_author_in_the_dateline_box_is_the_byline(info, byline, authors):
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<div class='thong-tin'>{info}</div><div class='chi-tiet'>{_BODY}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert (article.byline, article.authors) == (byline, authors)


@pytest.mark.parametrize("separator", ["&gt;", "»", "›", "/", "|"])
def test_generic_breadcrumb_trail_above_the_title_is_not_text(separator):
    """A trail of links with no class naming it, in the box that holds title and text."""
    trail = separator.join(
        f" <a href='{href}'>{name}</a> "
        for href, name in [("/", "Trang chủ"), ("/tin-tuc", "Tin tức"), ("/tin-tuc/xa", "Xã")]
    )
    main = (
        f"<div class='duong'>{trail}</div><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<div class='ngay'>10/03/2020 08:15</div>{_BODY}"
    )
    article = extract_article(_page(main), URL)
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert "Trang chủ" not in article.body


def test_generic_first_paragraph_with_links_in_a_sentence_stays():
    first = (
        "<p><a href='/ubnd'>Ủy ban nhân dân xã</a> / <a href='/mttq'>Mặt trận Tổ quốc xã</a>"
        " phối hợp tổ chức buổi đối thoại.</p>"
    )
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<div class='ngay'>10/03/2020 08:15</div><div class='chi-tiet'>{first}{_BODY}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.body.startswith("Ủy ban nhân dân xã / Mặt trận Tổ quốc xã phối hợp")


@pytest.mark.parametrize(
    "shown",
    [
        "Ngày đăng: 10 Tháng 3 2020",
        # Words beside a <time> that give no date: still no text of the article.
        "Đăng hôm Thứ Ba",
    ],
)
def test_generic_machine_time_line_is_not_text(shown):
    """Joomla sets the date in <time datetime> on a line of its own, in the article's box
    (which its breadcrumb, ending with the title, makes the text's box too)."""
    title = "Đối thoại về nạo vét kênh thủy lợi"
    page = (
        f"<html><head><title>{title}</title></head><body><ul class='breadcrumb'><li><a"
        f" href='/'>Trang chủ</a></li><li class='active'><span>{title}</span></li></ul>"
        f"<div class='item-page'><div class='page-header'><h2>{title}</h2></div>"
        "<dl class='article-info'><dd class='published'><time datetime="
        f"'2020-03-10T08:15:00+07:00'>{shown}</time></dd></dl>"
        f"<div itemprop='articleBody'>{_BODY}</div></div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_time_in_a_sentence_stays_in_the_text():
    sentence = (
        "<p>Buổi đối thoại tiếp theo dự kiến vào <time datetime='2020-04-10'>10/4/2020</time>.</p>"
    )
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='ngay'>10/03/2020 08:15</div>"
        f"<div class='chi-tiet'>{_BODY}{sentence}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.body.endswith("Buổi đối thoại tiếp theo dự kiến vào 10/4/2020.")


def test_elementor_boxes_are_not_sidebar_widgets():
    """Elementor, WordPress' page builder, names every box of a page "elementor-widget": the
    post's text sits in one."""
    page = (
        "<html><head><title>Hội Nông dân xã triển khai nhiệm vụ năm 2026</title></head><body>"
        "<div class='elementor elementor-120 elementor-location-single'>"
        "<div class='elementor-widget elementor-widget-theme-post-title'>"
        "<div class='elementor-widget-container'><h1 class='elementor-heading-title'>"
        "Hội Nông dân xã triển khai nhiệm vụ năm 2026</h1></div></div>"
        "<div class='elementor-widget elementor-widget-post-info'>"
        "<div class='elementor-widget-container'>05/03/2026 08:15</div></div>"
        "<div class='elementor-widget elementor-widget-theme-post-content'>"
        f"<div class='elementor-widget-container'>{_BODY}"
        "<p style='text-align:right'><strong>Thu Hà</strong></p></div></div></div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == "Hội Nông dân xã triển khai nhiệm vụ năm 2026"
    assert article.published_at == "2026-03-05T08:15:00+07:00"
    assert article.byline == "Thu Hà"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


@pytest.mark.parametrize(
    "dateline",
    ["<div class='news-date'>Thứ Năm, 23/07/2020 15:34</div>",
     "<div class='time-post'><span>23/07/2020 15:34</span></div>"],
)  # fmt: skip
def test_liferay6_theme_with_its_own_date_element(dateline):
    """A district theme prints the date in its own element, not in .assetPublishDate."""
    page = (
        "<html class='aui ltr'><head><script>var Liferay={};var themeDisplay={};</script></head>"
        "<body><div class='portlet-boundary portlet-asset-publisher' id='p_p_id_101_'>"
        "<div class='asset-full-content-title'>Quận tổng kết công tác cải cách hành chính</div>"
        f"{dateline}<div class='asset-content' id='_101_5612221'>"
        f"<div class='journal-content-article'>{_BODY}</div></div></div></body></html>"
    )
    article = extract_article(
        page, "https://quan.hanoi.gov.vn/tin-tuc/-/view_content/5612221-tong-ket-cchc.html"
    )
    assert article.platform == "liferay6"
    assert article.published_at == "2020-07-23T15:34:00+07:00"


@pytest.mark.parametrize("breaks", ["<br><br>", "<br>"])
def test_liferay6_text_typed_in_one_paragraph_ends_with_its_bold_byline(breaks):
    """The whole text in one <p>, its paragraphs cut by <br>, the writer's name in bold on
    its last line: Liferay's bylines are read strictly (set right), yet this one is one."""
    text = _BODY.replace("</p><p>", breaks).removesuffix("</p>")
    page = (
        "<html class='aui ltr'><head><script>var Liferay={};var themeDisplay={};</script></head>"
        "<body><div class='portlet-boundary portlet-asset-publisher' id='p_p_id_101_'>"
        "<div class='asset-full-content-title'>Xã đối thoại về nạo vét kênh thủy lợi</div>"
        "<div class='assetPublishDate block_timer'>23/07/2020 | 3:34 PM</div>"
        "<div class='asset-content' id='_101_5612221'><div class='journal-content-article'>"
        f"{text}{breaks}<strong>Thu Trang</strong></p></div></div></div></body></html>"
    )
    article = extract_article(
        page, "https://quan.hanoi.gov.vn/tin-tuc/-/view_content/5612221-doi-thoai.html"
    )
    assert article.platform == "liferay6"
    assert article.byline == "Thu Trang"
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


@pytest.mark.parametrize(
    "box",
    [("<div class='attach'><h3>Tài liệu đính kèm</h3><ul><li><a href='/files/bao-cao.pdf'>"
     "Báo cáo tổng hợp ý kiến cử tri</a></li></ul></div>"),
     ("<div class='news-attach'>File đính kèm: <a href='/c/document_library/get_file?uuid=1a2b"
     "&amp;groupId=55'>Báo cáo tổng hợp ý kiến cử tri.pdf</a></div>"),
     ("<div class='news-attach'>File đính kèm: <a href='/c/document_library/get_file?uuid=3c4d"
     "&amp;groupId=55'>Báo cáo tổng hợp ý kiến cử tri</a></div>")],
)  # fmt: skip
def test_attachments_in_a_box_of_their_own_after_the_text(box):
    """Templates list the files after the text, outside its element; Liferay's older
    download address names the file only in the link's text."""
    main = _article_block(box)
    article = extract_article(_page(main), URL)
    assert [a.title for a in article.attachments] == [box.split("'>")[-1].split("</a>")[0]]
    assert article.attachments[0].url.startswith("https://phuong.example.gov.vn/")
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


def test_k2_files_box_inside_the_item_links_titled_by_the_link_s_title():
    """K2 lists the files in its item links, after the category, under "Tải tập tin đính
    kèm"; the download address has no extension, the link's title names the file."""
    box = (
        "<div class='itemLinks'><div class='itemCategory'><span>Đăng trong</span> "
        "<a href='/tin-hoat-dong'>Tin hoạt động</a></div><div class='itemAttachmentsBlock'>"
        "<span>Tải tập tin đính kèm</span><ul><li><a title='QD-cong-nhan.pdf' "
        "href='/tin-hoat-dong/item/download/212_5c1e9b0f7d2a'>Quyết định công nhận xã đạt "
        "chuẩn</a> <span>(Số lần tải: 37)</span></li></ul></div></div>"
    )
    article = extract_article(_page(_article_block(box)), URL)
    assert [(a.url, a.title) for a in article.attachments] == [
        (
            "https://phuong.example.gov.vn/tin-hoat-dong/item/download/212_5c1e9b0f7d2a",
            "Quyết định công nhận xã đạt chuẩn",
        )
    ]


def test_a_file_linked_and_shown_in_a_viewer_with_a_version_query_is_one_attachment():
    """Liferay's document library: the link to "….pdf/<uuid>", and the same file in a PDF
    iframe under "….pdf/<uuid>?version=1.0"."""
    path = "/documents/10180/44188/Thong+bao+tuyen+dung.pdf/6e0a1f2b-77c3-4f5e-9c1d"
    box = (
        f"<div class='attach'><b>File đính kèm</b><p><a href='{path}'>Thông báo tuyển dụng</a>"
        f"</p><iframe src='{path}?version=1.0' width='100%' height='800'></iframe></div>"
    )
    main = _article_block("").replace("</div></div>", f"{box}</div></div>")
    article = extract_article(_page(main), URL)
    assert [a.url for a in article.attachments] == ["https://phuong.example.gov.vn" + path]


@pytest.mark.parametrize("download_first", [False, True])
def test_a_file_linked_twice_in_its_box_is_one_attachment_titled_by_its_name(download_first):
    """Boxes link each file by its name and again by a "Tải về" button."""
    named = "<a href='/files/ke-hoach.pdf'>Kế hoạch tổ chức ngày hội đại đoàn kết</a>"
    button = "<a class='btn' href='/files/ke-hoach.pdf'>Tải về</a>"
    pair = button + named if download_first else named + button
    box = f"<div class='attach'><b>File đính kèm</b><p>{pair}</p><p><a href='/files/phu-luc.docx'>Phụ lục</a> <a href='/files/phu-luc.docx'>Tải về</a></p></div>"
    article = extract_article(_page(_article_block(box)), URL)
    assert [(a.url.rsplit("/", 1)[1], a.title) for a in article.attachments] == [
        ("ke-hoach.pdf", "Kế hoạch tổ chức ngày hội đại đoàn kết"),
        ("phu-luc.docx", "Phụ lục"),
    ]


def test_a_dateline_printed_after_the_text_does_not_hide_the_byline():
    """A Liferay 6 theme prints "Ngày đăng …" under the text, after the right-aligned name."""
    page = (
        "<html class='aui ltr'><head><script>var Liferay={};var themeDisplay={};</script></head>"
        "<body><div class='portlet-boundary portlet-asset-publisher' id='p_p_id_101_'>"
        "<div class='asset-full-content-title'>Quận tổng kết công tác cải cách hành chính</div>"
        "<div class='asset-content' id='_101_5612221'><div class='journal-content-article'>"
        f"{_BODY}<p align='right'><strong>Thanh Hà</strong></p></div>"
        "<div class='assetPublishDate block_timer'>Ngày đăng 23/07/2020 | 15:34</div>"
        "</div></div></body></html>"
    )
    article = extract_article(
        page, "https://quan.hanoi.gov.vn/tin-tuc/-/view_content/5612221-tong-ket-cchc.html"
    )
    assert (article.platform, article.byline) == ("liferay6", "Thanh Hà")
    assert article.published_at == "2020-07-23T15:34:00+07:00"
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


@pytest.mark.parametrize("box", ["comments", "tin-lien-quan"])
def test_generic_a_long_box_of_comments_or_related_news_never_is_the_text(box):
    """Four readers' comments outweighed a two-paragraph article: the body came out empty."""
    comment = (
        "<div class='item'><b>Bạn đọc Trần Văn Hòa</b> - 13/03/2020<p>Đề nghị xã sớm công bố"
        " tiến độ nạo vét, bố trí lối đi tạm cho học sinh, lắp biển báo ở các đoạn kênh sâu,"
        " và cho người dân biết số điện thoại của cán bộ phụ trách để phản ánh khi cần.</p></div>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}</div></div>"
        f"<div class='{box}'><h3>Ý kiến</h3>{comment * 4}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


@pytest.mark.parametrize(
    ("submitted", "published_at"),
    [
        ("Gửi bởi <span class='username'>bientap</span> vào T5, 12/03/2020 - 08:15",
         "2020-03-12T08:15:00+07:00"),
        # A line the parser does not read (en-US, month first): the RDFa time is the date.
        ("Submitted by admin on Thu, 03/12/2020 - 08:15", "2020-03-12T08:15:31+07:00"),
    ],
)  # fmt: skip
def test_generic_drupal7_node_submitted_line_deep_under_the_title(submitted, published_at):
    """Drupal 7 (Bartik): the title above the region, the "submitted" line four boxes down,
    after the node's hidden RDFa title; the time also in RDFa (dc:date)."""
    page = (
        "<html><head><title>Đối thoại về nạo vét kênh thủy lợi | Xã</title></head><body>"
        "<div id='content'><h1 id='page-title'>Đối thoại về nạo vét kênh thủy lợi</h1>"
        "<div class='region region-content'><div class='block block-system'><div class='content'>"
        "<div class='node node-article'><span property='dc:title' content='Đối thoại'"
        " class='rdf-meta element-hidden'></span><div class='meta submitted'>"
        "<span property='dc:date dc:created' content='2020-03-12T08:15:31+07:00'>"
        f"{submitted}</span></div><div class='content'><div class='field-item'>{_BODY}</div>"
        "</div></div></div></div></div></div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.published_at == published_at
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_en_us_dateline_is_read_month_first_only_where_it_must_be():
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>10/16/2023 3:07:00 PM</p><div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.published_at == "2023-10-16T15:07:00+07:00"
    assert any("read month first" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("dateline", "published_at"),
    [
        ("<i>Ngày đăng: 12/03/2020 08:00</i>", "2020-03-12T08:00:00+07:00"),
        # Its only date is the print date: no date beats a wrong one.
        ("", None),
    ],
)
def test_generic_print_view_with_its_text_under_body_itself(dateline, published_at):
    """A print view: no box at all, the title and paragraphs straight under <body>, the
    portal's name and the print date above, the page's address below."""
    page = (
        "<html><head><title>In bài viết</title></head><body onload='window.print()'>"
        "<div class='print-header'>CỔNG THÔNG TIN ĐIỆN TỬ XÃ<br>Quảng Nam, ngày 28 tháng 11 năm"
        " 2026</div><hr><h2>Đối thoại về nạo vét kênh thủy lợi</h2>"
        f"{dateline}{_BODY}<p>Xã sẽ trả lời bằng văn bản các ý kiến còn lại trong tháng"
        " tới, sau khi làm việc với đơn vị thi công.</p><p align='right'><b>Minh Tâm</b></p>"
        "<hr><div class='print-footer'>Địa chỉ bài viết: https://xa.example.gov.vn/tin-tuc/12"
        " Đóng cửa sổ</div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at == published_at
    assert article.byline == "Minh Tâm"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert article.body.endswith("sau khi làm việc với đơn vị thi công.")


@pytest.mark.parametrize("inside", [False, True])
def test_generic_title_set_in_bold_over_its_dateline_when_title_names_the_site(inside):
    """An old template prints the title in bold, in no heading, with the dateline under it;
    <title> holds only the site's name (written without accents)."""
    head = (
        "<div><b>Đối thoại về nạo vét kênh thủy lợi nội đồng</b></div><div>12/03/2020 08:00</div>"
    )
    text = f"<div>{head}{_BODY}</div>" if inside else f"{head}<div>{_BODY}</div>"
    page = (
        "<html><head><title>Xa Hoa Tien</title></head><body>"
        "<div class='menu'><a href='/'>Trang chủ</a> | <a href='/tin-tuc'>Tin tức</a></div>"
        f"<div class='main'>{text}</div></body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi nội đồng"
    assert article.published_at == "2020-03-12T08:00:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_attachment_links_that_only_say_download_take_their_rows_name():
    table = (
        "<table class='files'><tr><th>STT</th><th>Tên tài liệu</th><th></th></tr>"
        "<tr><td>1</td><td>Kế hoạch nạo vét kênh năm 2020</td>"
        "<td><a href='/files/ke-hoach-nao-vet.pdf'>Tải về</a></td></tr>"
        "<tr><td>2</td><td>Danh sách hộ dân được hỗ trợ</td>"
        "<td><a href='/files/danh-sach.xlsx'>Download</a></td></tr></table>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{table}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [(a.url.rsplit("/", 1)[-1], a.title) for a in article.attachments] == [
        ("ke-hoach-nao-vet.pdf", "Kế hoạch nạo vét kênh năm 2020"),
        ("danh-sach.xlsx", "Danh sách hộ dân được hỗ trợ"),
    ]


@pytest.mark.parametrize(
    "link",
    [
        # Phoca Download (Joomla): a script serves the file; the link only says "Tải về".
        "<a href='/index.php/component/phocadownload/category/3?download={n}:tb-{n}'>Tải về</a>",
        # The HTML5 download attribute says it is a file, whatever its address.
        "<a href='/van-ban/tep?id={n}' download>Xem</a>",
    ],
)
def test_a_table_listing_files_is_read_as_attachments_not_text(link):
    table = (
        "<p>Tải về:</p><table class='table table-bordered'>"
        "<tr><th>STT</th><th>Tên văn bản</th><th></th></tr>"
        f"<tr><td>1</td><td>Thông báo tuyển dụng công chức</td><td>{link.format(n=41)}</td></tr>"
        f"<tr><td>2</td><td>Mẫu đơn đăng ký dự tuyển</td><td>{link.format(n=42)}</td></tr>"
        "</table>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{table}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [a.title for a in article.attachments] == [
        "Thông báo tuyển dụng công chức",
        "Mẫu đơn đăng ký dự tuyển",
    ]
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


@pytest.mark.parametrize(
    ("shown", "attachment"),
    [
        (
            "<iframe src='https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQr/preview'></iframe>",
            ("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQr/preview", "1AbCdEfGhIjKlMnOpQr"),
        ),
        (
            "<p><a href='https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQr/edit'>Kế hoạch"
            + " số 12/KH-UBND</a></p>",
            (
                "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQr/edit",
                "Kế hoạch số 12/KH-UBND",
            ),
        ),
    ],
)
def test_a_document_kept_on_google_drive_is_an_attachment(shown, attachment):
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{shown}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [(a.url, a.title) for a in article.attachments] == [attachment]
    assert article.body.endswith("bố trí lối đi tạm cho học sinh.")


def test_files_a_script_serves_under_a_files_label_are_attachments():
    files = (
        "<p>File đính kèm: <a href='/DownloadFile.ashx?id=123'>Kế hoạch nạo vét kênh</a>,"
        " <a href='/DownloadFile.ashx?id=124'>Danh sách hộ dân</a></p>"
        "<p>Xem thêm <a href='/tin-tuc/download-center-12.html'>trung tâm tải xuống</a></p>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{files}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [a.title for a in article.attachments] == ["Kế hoạch nạo vét kênh", "Danh sách hộ dân"]


def test_a_google_map_is_no_attachment():
    shown = "<p><a href='https://www.google.com/maps/place/UBND+xa'>Bản đồ đường đến xã</a></p>"
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{shown}</div></div>"
    )
    assert extract_article(_page(main), URL).attachments == []


@pytest.mark.parametrize(
    "src",
    [
        "data:image/jpeg;base64," + "QUJDRA" * 200,  # pasted into the editor
        "file:///C:/Users/ubnd/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg",  # Word
    ],
)
def test_caption_of_a_picture_with_no_address_to_keep_is_no_text(src):
    picture = (
        f"<p style='text-align:center'><img src='{src}' style='width:600px'></p>"
        "<p style='text-align:center'><em>Người dân dự buổi đối thoại tại hội trường xã.</em></p>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{picture}{_BODY}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert article.images == []
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_a_short_notice_in_a_layout_table_cell_with_its_file_stays_text():
    notice = (
        "<table><tr><td>Thông báo lịch tiếp công dân tháng 5 của Chủ tịch UBND xã, xem file"
        " <a href='/files/lich-tiep-dan.pdf'>tại đây</a>.</td></tr></table>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{notice}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [a.url.rsplit("/", 1)[-1] for a in article.attachments] == ["lich-tiep-dan.pdf"]
    assert article.body.startswith("Thông báo lịch tiếp công dân tháng 5")


def test_a_data_table_with_a_file_in_one_row_stays_text():
    table = (
        "<table><tr><td>Tổ dân phố</td><td>Số hộ</td><td>Ghi chú</td></tr>"
        "<tr><td>Tổ 1</td><td>120</td><td></td></tr>"
        "<tr><td>Tổ 2</td><td>95</td><td><a href='/files/danh-sach-to-2.pdf'>Danh sách</a></td>"
        "</tr></table>"
    )
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p class='ngay'>12/03/2020 08:00</p><div class='chi-tiet'>{_BODY}{table}</div></div>"
    )
    article = extract_article(_page(main), URL)
    assert [a.title for a in article.attachments] == ["Danh sách"]
    assert "Tổ 1 | 120" in article.body


def _dated_elsewhere(
    inside_text: str = "", above_article: str = "", sidebar: str = "", bar: str = ""
) -> str:
    main = (
        f"{above_article}<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<div class='chi-tiet'>{_BODY}{inside_text}</div></div>"
        f"<div class='sidebar'><h3>Tin mới</h3><ul>{sidebar}</ul></div>"
    )
    return _page(main, before_main=bar)


@pytest.mark.parametrize(
    ("page", "published_at"),
    [
        # The labelled line under the text, before the byline: the date, cut from the text.
        (
            _dated_elsewhere(
                "<p style='text-align:right'>Ngày đăng: 10/03/2020</p>"
                "<p style='text-align:right'><b>Lê Hoàng Nam</b></p>"
            ),
            "2020-03-10T00:00:00+07:00",
        ),
        (
            _dated_elsewhere("<p><i>Cập nhật lúc 08:15 ngày 10/03/2020</i></p>"),
            "2020-03-10T08:15:00+07:00",
        ),
        # In the bar above the article, beside the breadcrumb, label and date apart.
        (
            _dated_elsewhere(
                bar="<div class='duong-dan'><a href='/'>Trang chủ</a> » Tin tức"
                " <span><b>Ngày đăng:</b> <span>10/03/2020 08:15</span></span></div>"
            ),
            "2020-03-10T08:15:00+07:00",
        ),
        # Unlabelled, the date under the text may be anyone's (a decree's): none.
        (_dated_elsewhere("<p style='text-align:right'>10/03/2020</p>"), None),
        # "Ngày đăng ký" is a registration deadline, not a publish date.
        (_dated_elsewhere("<p>Ngày đăng ký: 10/03/2020</p>"), None),
        # Labelled dates of a side list's items: another article's, never this one's.
        (
            _dated_elsewhere(
                sidebar="<li><a href='/tin-tuc/a-1.html'>Xã ra quân làm sạch đường làng</a>"
                "<p>Ngày đăng: 09/03/2020</p></li>"
            ),
            None,
        ),
    ],
)
def test_generic_labelled_publish_line_away_from_the_title(page, published_at):
    article = extract_article(page, URL)
    assert article.published_at == published_at
    if published_at is not None:
        assert "Ngày đăng" not in article.body and "Cập nhật" not in article.body
        assert "lối đi tạm cho học sinh." in article.body


def test_generic_far_labelled_lines_of_two_days_give_no_date():
    """Two labelled dates away from the title (teasers, each with its own): none is trusted."""
    page = _dated_elsewhere(
        above_article="<div class='khoi'><p><a href='/tin-tuc/a-1.html'>Xã ra quân</a></p>"
        "<p>Ngày đăng: 09/03/2020</p><p><a href='/tin-tuc/b-2.html'>Xã tập huấn</a></p>"
        "<p>Ngày đăng: 02/03/2020</p></div>"
    )
    assert extract_article(page, URL).published_at is None


def _table_layout(title_row: str, byline: str = "") -> str:
    """A 2000s template: one table, the title, the date and the text each in a row of their
    own, paragraphs split by <br>, the site's name (without accents) as <title>."""
    return (
        "<html><head><title>Xa Tan Lap</title></head><body><table width='780'>"
        "<tr><td colspan='2'><a href='/'>Trang chủ</a> | <a href='?cn=28'>Tin tức</a></td></tr>"
        "<tr><td width='180'><b>Tin mới</b><br><a href='?cn=28&tc=11'>Lịch tiếp công dân</a>"
        "</td><td><table width='100%'>"
        f"{title_row}<tr><td><i>(Cập nhật: 05/06/2009 07:40)</i></td></tr>"
        "<tr><td><font face='Arial' size='2'>Sáng nay, xã tổ chức hội nghị tổng kết công"
        " tác phòng chống lụt bão năm 2008 với đại diện các thôn.<br><br>Năm qua, nhờ chủ"
        " động sơ tán dân và gia cố đê bao, xã không để xảy ra thiệt hại về người; các thôn"
        " đã nhanh chóng khắc phục hậu quả sau mỗi đợt mưa lớn, ổn định sản xuất vụ đông"
        " xuân và sửa chữa kịp thời các đoạn kênh mương bị sạt lở.<br><br>"
        f"Năm nay, xã tiếp tục củng cố đội xung kích ở các thôn ven sông.{byline}</font></td></tr>"
        "</table></td></tr><tr><td colspan='2'>Bản quyền thuộc Ủy ban nhân dân xã. Địa chỉ:"
        " thôn Đông, xã Tân Lập. Ghi rõ nguồn khi phát hành lại thông tin.</td></tr>"
        "</table></body></html>"
    )


_TITLE_ROW = "<tr><td><b>Xã tổng kết công tác phòng chống lụt bão năm 2008</b></td></tr>"


@pytest.mark.parametrize(
    ("title_row", "byline_box", "byline"),
    [
        (
            (
                "<tr><td><font size='3' color='#003399'><b>Xã tổng kết công tác phòng chống lụt"
                " bão năm 2008</b></font></td></tr>"
            ),
            "",
            None,
        ),
        (_TITLE_ROW, "", None),
        # A right-aligned byline box in the cell: still the cell of the text.
        (
            _TITLE_ROW,
            "<div align='right'><b>Ban Chỉ huy quân sự xã</b></div>",
            "Ban Chỉ huy quân sự xã",
        ),
    ],
)
def test_generic_table_layout_bold_title_row_over_its_date_row(title_row, byline_box, byline):
    article = extract_article(
        _table_layout(title_row, byline_box), "http://xa.example.gov.vn/?cn=28&tc=4105"
    )
    assert article.byline == byline
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão năm 2008"
    assert article.published_at == "2009-06-05T07:40:00+07:00"
    assert article.body.startswith("Sáng nay, xã tổ chức")
    assert article.body.endswith("đội xung kích ở các thôn ven sông.")


def _with_gallery(gallery: str) -> str:
    return _page(
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p>Thứ Ba, 10/03/2020 08:15</p><div class='chi-tiet'>{_BODY}"
        "<p style='text-align:right'><b>LÊ HOÀNG NAM</b></p></div>"
        f"{gallery}</div>"
    )


def test_generic_gallery_after_the_text_gives_its_photos_and_captions():
    gallery = (
        "<div class='thu-vien-anh'><h3>Một số hình ảnh</h3>"
        "<figure><a href='/anh/doi-thoai-1.jpg'><img src='/anh/doi-thoai-1-nho.jpg'></a>"
        "<figcaption>Người dân phát biểu tại buổi đối thoại</figcaption></figure>"
        "<figure><img src='/anh/doi-thoai-2.jpg'><figcaption>Đoạn kênh sẽ được nạo vét"
        "</figcaption></figure></div>"
    )
    article = extract_article(_with_gallery(gallery), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in article.images] == [
        ("doi-thoai-1-nho.jpg", "Người dân phát biểu tại buổi đối thoại"),
        ("doi-thoai-2.jpg", "Đoạn kênh sẽ được nạo vét"),
    ]
    assert article.byline == "LÊ HOÀNG NAM"
    assert "Một số hình ảnh" not in article.body and "Người dân phát biểu" not in article.body


def test_generic_thumbnails_of_other_articles_after_the_text_are_no_gallery():
    others = (
        "<div class='khoi'><figure><a href='/tin-tuc/xa-ra-quan-1.html'><img src='/a/1.jpg'>"
        "</a><figcaption>Xã ra quân làm sạch đường làng</figcaption></figure></div>"
    )
    assert extract_article(_with_gallery(others), URL).images == []


@pytest.mark.parametrize(
    "href",
    [
        "/tin-tuc/bai-viet-1234.html",
        URL,
        "http://www.phuong.example.gov.vn/tin-tuc/bai-viet-1234.html",
    ],
)
def test_generic_title_that_links_to_the_article_itself(href):
    """A template that prints the title as a link to the page, the date inline after it."""
    main = (
        f"<div class='chi-tiet'><a class='title' href='{href}'>Đối thoại về nạo vét kênh thủy"
        f" lợi</a><span class='date'>Thứ Ba, 10/03/2020 08:15</span>{_BODY}</div>"
    )
    article = extract_article(_page(main), URL)
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi"
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def _webforms(title_class: str, shown: str, other_dates: list[str]) -> str:
    """An ASP.NET WebForms page of the 2010s: fields in labelled spans with PascalCase classes,
    the text split by <br>, the site's name as <title>, a list of older news with dates."""
    others = "".join(
        f"<tr><td><a href='ChiTietTin.aspx?ID={200 + n}'>Tin cũ số {n} của xã</a>"
        f" <span>({day})</span></td></tr>"
        for n, day in enumerate(other_dates)
    )
    return (
        "<html><head><title>Cổng thông tin điện tử xã Tân Lập</title></head><body>"
        "<form id='aspnetForm'><table><tr><td><a href='Default.aspx'>Trang chủ</a></td></tr>"
        "<tr><td><span id='ctl00_ContentPlaceHolder1_lblTitle'"
        f" class='{title_class}'>Xã tổ chức hội nghị tiếp xúc cử tri cuối năm</span><br>"
        f"<span id='ctl00_ContentPlaceHolder1_lblNgayDang' class='NgayDang'>{shown}</span><br>"
        "<span id='ctl00_ContentPlaceHolder1_lblNoiDung' class='NoiDung'>Sáng nay, Thường trực"
        " HĐND xã phối hợp với Ủy ban MTTQ xã tổ chức hội nghị tiếp xúc cử tri.<br><br>Cử tri"
        " kiến nghị về việc nâng cấp đường liên thôn, nạo vét kênh mương và thu gom rác thải.<br>"
        "<br>Lãnh đạo UBND xã đã tiếp thu, giải trình các ý kiến thuộc thẩm quyền.</span>"
        f"<div class='tinkhac'><b>Các tin đã đưa:</b><table>{others}</table></div>"
        "</td></tr></table></form></body></html>"
    )


@pytest.mark.parametrize("title_class", ["TieuDe", "NewsTitle", "tieude"])
def test_generic_webforms_page_title_class_in_any_case(title_class):
    page = _webforms(title_class, "12/08/2010 08:35", ["7/8/2010", "30/7/2010"])
    article = extract_article(page, "http://xa.example.gov.vn/ChiTietTin.aspx?ID=2013")
    assert article.title == "Xã tổ chức hội nghị tiếp xúc cử tri cuối năm"
    assert article.published_at == "2010-08-12T08:35:00+07:00"
    assert article.body.startswith("Sáng nay, Thường trực HĐND xã")
    assert article.body.endswith("các ý kiến thuộc thẩm quyền.")


@pytest.mark.parametrize(
    ("other_dates", "published_at"),
    [
        # The page's other dates are written month first (27 and 18 are no months).
        (["2/27/2009", "2/18/2009"], "2009-03-12T08:30:00+07:00"),
        # One is not evidence enough; any written day first settles it the other way.
        (["2/27/2009"], "2009-12-03T08:30:00+07:00"),
        (["2/27/2009", "2/18/2009", "25/1/2009"], "2009-12-03T08:30:00+07:00"),
        (["1/2/2009", "2/1/2009"], "2009-12-03T08:30:00+07:00"),
    ],
)
def test_generic_dateline_read_month_first_when_the_page_writes_dates_so(other_dates, published_at):
    page = _webforms("TieuDe", "3/12/2009 8:30:00 AM", other_dates)
    article = extract_article(page, "http://xa.example.gov.vn/ChiTietTin.aspx?ID=2013")
    assert article.published_at == published_at
    assert ("month first" in " ".join(article.warnings)) == published_at.startswith("2009-03")


@pytest.mark.parametrize(
    ("rows", "byline"),
    [
        # The byline in the next row's right-aligned cell, the account and counter under it.
        (
            (
                "<tr><td align='right'><b>Minh Đức</b></td></tr><tr><td align='right'>"
                "<font size='1'>Người đăng: Quản Trị Viên | Lượt xem: 87</font></td></tr>"
            ),
            "Minh Đức",
        ),
        (
            (
                "<tr><td align='right'><b>Minh Đức</b></td></tr>"
                "<tr><td align='right'><i>Ngày gửi: 05/06/2009 17:45</i></td></tr>"
            ),
            "Minh Đức",
        ),
        # A right-aligned row that tells when the page was updated is no byline.
        ("<tr><td align='right'>(Cập nhật: 05/06/2009 - 11:30 | Đã xem: 45 lần)</td></tr>", None),
    ],
)
def test_generic_table_layout_byline_in_the_row_after_the_text(rows, byline):
    page = _table_layout(_TITLE_ROW).replace(
        "ven sông.</font></td></tr>", f"ven sông.</font></td></tr>{rows}"
    )
    article = extract_article(page, "http://xa.example.gov.vn/?cn=28&tc=4105")
    assert article.byline == byline
    assert article.body.endswith("đội xung kích ở các thôn ven sông.")


def test_generic_lead_box_repeated_by_the_text_is_the_body_s_first_paragraph_once():
    """A lead box over the text box, which opens with the same sentence (blocks on their own
    lines, as templates print them)."""
    lead = "Xã tổ chức đối thoại với người dân về nạo vét kênh thủy lợi nội đồng."
    title = "Đối thoại về nạo vét kênh thủy lợi"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Cổng thông tin xã</title></head>
<body>
<div class="header"><a href="/">Cổng thông tin xã</a>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc/">Tin tức</a></div>
<div class="main"><div class="news-detail">
<h1 class="title">{title}</h1>
<div class="date">Thứ Năm, 05/06/2025 09:15</div>
<div class="sapo"><strong>{lead}</strong></div>
<div class="content">
<p>{lead}</p>
<p>Tại buổi đối thoại, lãnh đạo xã đã giới thiệu kế hoạch nạo vét và các tuyến kênh ưu tiên trong năm nay.</p>
<p>Năm 2024, xã đã nạo vét được 12 km kênh, đạt 85% kế hoạch.</p>
<p style="text-align:right"><strong>Lê Hoàng Nam</strong></p>
</div></div></div>
<div class="footer">Bản quyền thuộc UBND xã.</div>
</body></html>"""
    article = extract_article(page, URL)
    assert article.summary == lead
    assert article.body.count(lead) == 1 and article.body.startswith(lead)


def test_generic_title_keeps_a_term_of_years_whole():
    """<title> is cut at " - ", but not between two years ("nhiệm kỳ 2020 - 2025")."""
    title = "Đại hội Hội Nông dân xã nhiệm kỳ 2023 - 2028"
    page = (
        f"<html><head><title>{title} - Cổng thông tin xã</title></head><body>"
        f"<div class='noi-dung'><div class='bai-viet'><div class='tieu-de'>{title}</div>"
        f"<p>Thứ Ba, 10/03/2020 08:15</p><div class='chi-tiet'>{_BODY}</div></div></div>"
        "</body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == title
    assert title not in article.body


@pytest.mark.parametrize(
    ("created", "published_at"),
    [
        ("Thứ ba, 16 Tháng 3 2010 09:15", "2010-03-16T09:15:00+07:00"),
        ("Tuesday, 16 March 2010 09:15", "2010-03-16T09:15:00+07:00"),
    ],
)
def test_generic_joomla_1_5_article_table(created, published_at):
    """Joomla 1.5's contentpaneopen tables: the heading with its icon buttons, then a table
    of the account ("Viết bởi …"), the date, the text and the last edit."""
    page = (
        "<html><head><title>Xã tiếp xúc cử tri trước kỳ họp HĐND - Cổng thông tin xã</title>"
        "</head><body><div id='content'><table class='contentpaneopen'><tr>"
        "<td class='contentheading'>Xã tiếp xúc cử tri trước kỳ họp HĐND</td>"
        "<td class='buttonheading'><a href='/index.php?format=pdf'><img src='/pdf.png'></a></td>"
        "<td class='buttonheading'><a href='/index.php?print=1'><img src='/print.png'></a></td>"
        "</tr></table><table class='contentpaneopen'>"
        "<tr><td><span class='small'>Viết bởi Administrator</span></td></tr>"
        f"<tr><td class='createdate'>{created}</td></tr><tr><td>{_BODY}"
        "<p style='text-align: right;'><strong>Thu Hương</strong></p></td></tr>"
        "<tr><td class='modifydate'>Lần cập nhật cuối ( Thứ tư, 17 Tháng 3 2010 07:50 )</td>"
        "</tr></table></div></body></html>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/index.php?id=812&Itemid=45")
    assert article.title == "Xã tiếp xúc cử tri trước kỳ họp HĐND"
    assert article.published_at == published_at
    assert (article.byline, article.authors) == ("Thu Hương", ["Thu Hương"])
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert article.body.endswith("lối đi tạm cho học sinh.")


@pytest.mark.parametrize(
    "beside",
    [
        " | <span>Người đăng: admin</span> | <span>Lượt xem: 312</span>",
        " - <span>Người tạo: quantri_xa</span>",
    ],
)
def test_generic_dateline_line_with_account_and_counter_is_no_text(beside):
    page = _webforms("TieuDe", "12/08/2010 08:35", ["7/8/2010"]).replace(
        "08:35</span><br>", f"08:35</span>{beside}<br>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/ChiTietTin.aspx?ID=2013")
    assert article.published_at == "2010-08-12T08:35:00+07:00"
    assert article.body.startswith("Sáng nay, Thường trực HĐND xã")
    assert "admin" not in article.body and "quantri" not in article.body


@pytest.mark.parametrize("icon", ["/images/icon_print.gif", "/images/M_images/printButton.png"])
def test_generic_tool_icons_in_the_text_are_no_images(icon):
    main = (
        "<div class='bai-viet'><h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        f"<p>Thứ Ba, 10/03/2020 08:15</p><div class='chi-tiet'>{_BODY}"
        f"<p><img src='/anh/doi-thoai.jpg'></p><p><img src='{icon}'></p></div></div>"
    )
    images = extract_article(_page(main), URL).images
    assert [image.url.rsplit("/", 1)[-1] for image in images] == ["doi-thoai.jpg"]


@pytest.mark.parametrize("box_class", ["tieudekhac", "tieude_box", "box-title"])
def test_generic_heading_of_a_list_of_other_news_is_never_the_title(box_class):
    """A table layout whose title row has no class, and "Các tin khác" over the dated list of
    other news in a cell whose class says "title": the list's date is no one's here."""
    others = "".join(
        f"<tr><td><a href='?cn=28&tc={4100 - n}'>Tin cũ số {n} của xã</a> ({day})</td></tr>"
        for n, day in enumerate(["03/02/2009", "28/01/2009"])
    )
    page = _table_layout(_TITLE_ROW).replace(
        "</table></td></tr><tr><td colspan='2'>Bản quyền",
        f"<tr><td class='{box_class}'><b>Các tin khác</b></td></tr>{others}"
        "</table></td></tr><tr><td colspan='2'>Bản quyền",
    )
    article = extract_article(page, "http://xa.example.gov.vn/?cn=28&tc=4105")
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão năm 2008"
    assert article.published_at == "2009-06-05T07:40:00+07:00"


def test_generic_block_after_the_text_holding_a_comment_is_read_without_error():
    """The block after the text: its only child a comment ("<div>…<!-- tác giả --></div>")."""
    page = _page(_article_block("<div align='right'>Lê Hoàng Nam<!-- tác giả --></div>"))
    assert extract_article(page, URL).byline == "Lê Hoàng Nam"


def _columns_page(head_title: str, date_cell: str) -> str:
    """A three-column table layout that prints the title nowhere but in <title>: menus on the
    left and right, the date cell over the text cell in the middle."""
    return (
        f"<html><head><title>{head_title}</title></head><body><table width='980'>"
        "<tr><td colspan='3'><a href='/'>Trang chủ</a> | <a href='?cn=28'>Tin tức</a></td></tr>"
        "<tr><td width='190'><table><tr><td><b>DANH MỤC</b></td></tr>"
        "<tr><td><a href='?cn=10'>Giới thiệu chung</a></td></tr>"
        "<tr><td><a href='?cn=11'>Tin tức - Sự kiện</a></td></tr></table></td>"
        f"<td width='600'><table><tr><td class='date'>{date_cell}</td></tr><tr><td>"
        "<font face='Arial' size='2'>Sáng nay, xã tổ chức hội nghị tổng kết công tác phòng"
        " chống lụt bão năm 2008 với đại diện các thôn.<br><br>Năm qua, nhờ chủ động sơ tán dân"
        " và gia cố đê bao, xã không để xảy ra thiệt hại về người.<br><br>Năm nay, xã tiếp tục"
        " củng cố đội xung kích ở các thôn ven sông.</font></td></tr></table></td>"
        "<td width='190'><b>Thống kê truy cập</b><br>Đang online: 7</td></tr>"
        "<tr><td colspan='3'>Bản quyền thuộc Ủy ban nhân dân xã Tân Lập</td></tr>"
        "</table></body></html>"
    )


@pytest.mark.parametrize(
    ("head_title", "date_cell", "published_at"),
    [
        (
            "Cổng TTĐT xã Tân Lập | Xã tổng kết công tác phòng chống lụt bão",
            "05/06/2009 07:40",
            "2009-06-05T07:40:00+07:00",
        ),
        (
            "UBND xã Tân Lập - Xã tổng kết công tác phòng chống lụt bão",
            "Ngày 05/06/2009",
            "2009-06-05T00:00:00+07:00",
        ),
        # The usual order, the article first.
        (
            "Xã tổng kết công tác phòng chống lụt bão - Cổng TTĐT xã Tân Lập",
            "05/06/2009 07:40",
            "2009-06-05T07:40:00+07:00",
        ),
    ],
)
def test_generic_title_only_in_the_head_with_the_site_name_first(
    head_title, date_cell, published_at
):
    article = extract_article(
        _columns_page(head_title, date_cell), "http://xa.example.gov.vn/?tc=1"
    )
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão"
    assert article.published_at == published_at
    assert article.body.startswith("Sáng nay, xã tổ chức hội nghị")
    assert article.body.endswith("đội xung kích ở các thôn ven sông.")


def test_generic_print_view_title_under_the_print_date():
    """A print view: <title> is "In bài viết", the print date over the bold title row."""
    page = (
        _table_layout(_TITLE_ROW)
        .replace("<title>Xa Tan Lap</title>", "<title>In bài viết</title>")
        .replace("<tr><td><i>(Cập nhật: 05/06/2009 07:40)</i></td></tr>", "")
        .replace(
            _TITLE_ROW, "<tr><td align='right'><i>Ngày in: 14/02/2010</i></td></tr>" + _TITLE_ROW
        )
    )
    article = extract_article(page, "http://xa.example.gov.vn/print.asp?id=4105")
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão năm 2008"
    assert article.published_at is None  # the day it was printed is no publish date
    assert article.body.startswith("Sáng nay, xã tổ chức hội nghị")


def test_generic_joomla_1_0_title_class_and_the_account_as_author():
    """Joomla 1.0: <title> only the site's name, the title in td.contentheading beside an icon
    cell, "Tác giả: Quản trị" (the site's account) over the day."""
    page = (
        "<html><head><title>Cổng thông tin xã Tân Lập</title></head><body>"
        "<div id='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
        "<div id='content'><table class='contentpaneopen'><tr>"
        "<td class='contentheading'>Xã ra quân làm đường giao thông nông thôn</td>"
        "<td class='buttonheading'><a href='/index2.php?pop=1'><img src='/printButton.png'></a>"
        "</td></tr></table><table class='contentpaneopen'>"
        "<tr><td><span class='small'>Tác giả: Quản trị</span></td></tr>"
        "<tr><td class='createdate'>Thứ năm, 13 Tháng 11 2008</td></tr>"
        f"<tr><td>{_BODY}<p align='right'><b>Ban Văn hóa xã</b></p></td></tr></table></div>"
        "<div id='footer'>Powered by Joomla!</div></body></html>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/index.php?task=view&id=312")
    assert article.title == "Xã ra quân làm đường giao thông nông thôn"
    assert article.published_at == "2008-11-13T00:00:00+07:00"
    assert article.byline == "Ban Văn hóa xã"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert "Quản trị" not in article.body


@pytest.mark.parametrize("separator", ["::", "»", ">"])
def test_generic_title_after_the_site_name_with_other_separators(separator):
    head = f"Cổng thông tin xã Tân Lập {separator} Xã tổng kết công tác phòng chống lụt bão"
    article = extract_article(
        _columns_page(head, "05/06/2009 07:40"), "http://xa.example.gov.vn/?tc=1"
    )
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão"


@pytest.mark.parametrize(
    ("head_title", "title"),
    [
        # The place's bare name first, the article's title starting with it too.
        (
            "Phường Tân Lập - Phường Tân Lập tổng kết công tác phòng chống lụt bão",
            "Phường Tân Lập tổng kết công tác phòng chống lụt bão",
        ),
        ("Quận 3 | Xã tổng kết công tác phòng chống lụt bão", None),
        # Site » Category » Article: the article is the last step of the path.
        (
            "UBND xã Tân Lập » Tin tức » Xã tổng kết công tác phòng chống lụt bão",
            "Xã tổng kết công tác phòng chống lụt bão",
        ),
    ],
)
def test_generic_title_after_a_site_named_by_its_place(head_title, title):
    title = title or head_title.split(" | ")[1]
    article = extract_article(
        _columns_page(head_title, "05/06/2009 07:40"), "http://xa.example.gov.vn/?tc=1"
    )
    assert article.title == title


def test_generic_title_in_a_span_of_an_old_template_s_news_name_class():
    """ASP.NET WebForms: the title in span.TenTin ("tên tin": the item's name), <title> the
    site's name first."""
    page = (
        "<html><head><title>Phường Tân Lập - Phường Tân Lập dọn vệ sinh kênh mương</title>"
        "</head><body><table><tr><td width='70%'>"
        "<span id='ctl00_lblTenTin' class='TenTin'>Phường Tân Lập dọn vệ sinh kênh mương</span>"
        f"<div class='noidung'>{_BODY}</div></td><td><div class='box'>Liên kết website</div>"
        "</td></tr></table></body></html>"
    )
    article = extract_article(page, "http://tanlap.example.gov.vn/ChiTiet.aspx?ID=7")
    assert article.title == "Phường Tân Lập dọn vệ sinh kênh mương"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


@pytest.mark.parametrize(
    "tools",
    [
        (
            "[ <a href='javascript:print()'>In trang</a> ] [ <a href='#'>Quay về</a> ]"
            " [ <a href='#top'>Lên đầu trang</a> ]"
        ),
        "<a href='#'>Print</a> | <a href='#'>Close</a>",
        "<a href='#'>In</a> | <a href='#'>Đóng</a>",
        "<b>Chia sẻ:</b> <a href='#'>Facebook</a> <a href='#'>X</a>",
        "[ <a href='javascript:print()'>In bài này</a> ] [ <a href='#'>Đóng</a> ]",
    ],
)
def test_generic_tool_rows_in_other_wordings_are_neither_text_nor_byline(tools):
    """The tools in a row of their own under the text's row, the byline closing the text."""
    page = (
        "<html><head><title>Cổng TTĐT xã Tân Lập :: Đối thoại về nạo vét kênh thủy lợi</title>"
        "</head><body><table><tr><td width='190'><a href='/'>Trang chủ</a></td>"
        "<td width='600'><table><tr><td class='news_date'>Thứ ba, 10/03/2020 | 08:15</td></tr>"
        f"<tr><td>{_BODY}<p align='right'><strong>Lê Hoàng Nam</strong></p></td></tr>"
        f"<tr><td align='right'>{tools}</td></tr></table></td>"
        "<td width='200'><b>TIN MỚI</b></td></tr></table></body></html>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/?tc=4105")
    assert article.byline == "Lê Hoàng Nam"
    assert article.body.endswith("lối đi tạm cho học sinh.")


def test_generic_tools_row_set_right_under_an_unsigned_text_is_no_byline():
    """No byline closes the text (an ASP.NET label, its paragraphs split by <br>): the
    right-aligned tools row under it is not one."""
    text = (
        "Trong năm, xã đã nạo vét 12 km kênh mương nội đồng, gia cố 3 km bờ bao và sửa chữa"
        " 5 cống điều tiết nước phục vụ sản xuất vụ Đông Xuân.<br><br>"
        "Các hộ dân đề nghị xã công khai tiến độ thi công, bố trí lối đi tạm cho học sinh và"
        " có phương án đền bù hoa màu bị ảnh hưởng trong quá trình thi công.<br><br>"
        "Chủ tịch UBND xã tiếp thu các ý kiến, giao các bộ phận chuyên môn rà soát và trả lời"
        " bằng văn bản cho người dân trước ngày 30 tháng này."
    )
    page = (
        "<html><head><title>Cổng TTĐT xã Tân Lập</title></head><body>"
        "<table width='100%'><tr><td width='190'><a href='/'>Trang chủ</a></td><td width='600'>"
        "<table><tr><td class='title_cat'>Tin tức - Sự kiện</td></tr>"
        "<tr><td><span id='ctl00_lblTitle' class='title_detail'>Đối thoại về nạo vét kênh "
        "thủy lợi nội đồng</span></td></tr><tr><td><span id='ctl00_lblDate'>10/03/2020 08:15"
        "</span></td></tr><tr><td><span id='ctl00_lblSummary'><b>Sáng 9/3, UBND xã Tân Lập đối "
        "thoại với người dân về kế hoạch nạo vét kênh thủy lợi.</b></span></td></tr>"
        f"<tr><td><span id='ctl00_lblContent'>{text}</span></td></tr>"
        "<tr><td align='right'><a href='javascript:window.print()'>[In trang]</a> "
        "<a href='javascript:history.back()'>[Trở về]</a></td></tr>"
        "<tr><td class='other_title'>Các tin khác:</td></tr><tr><td><ul><li><a href='?ID=7'>"
        "Tổng duyệt văn nghệ chào mừng Quốc khánh</a> (05/04/2020)</li></ul></td></tr>"
        "</table></td><td width='200'><b>TIN MỚI</b></td></tr></table></body></html>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/ChiTietTin.aspx?ID=8")
    assert article.title == "Đối thoại về nạo vét kênh thủy lợi nội đồng"
    assert article.byline is None
    assert article.body.endswith("trước ngày 30 tháng này.")


def test_generic_trail_without_links_over_the_text_is_no_text():
    page = _page(
        "<table><tr><td class='duongdan'>Trang chủ &gt; Tin tức - Sự kiện</td></tr>"
        f"<tr><td>{_BODY}</td></tr></table>",
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>Thứ Ba, 10/03/2020 08:15</p>",
    )
    article = extract_article(page, URL)
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_print_view_header_and_footer_are_no_text():
    """A print view's box: the site's name over the title, the address and the time it was
    printed under the byline."""
    page = (
        "<html><head><title>Đối thoại về nạo vét kênh thủy lợi - In</title></head><body>"
        "<div id='printArea'><div class='logo'>UBND XÃ TÂN LẬP</div>"
        "<div class='title'>Đối thoại về nạo vét kênh thủy lợi</div>"
        f"<div class='date'>Thứ Ba, 10/03/2020 - 08:15</div>{_BODY}"
        "<div class='author' align='right'>Lê Hoàng Nam</div><hr><div class='footer-print'>"
        "Địa chỉ bài viết: http://tanlap.example.gov.vn/tin-tuc/311<br>"
        "Bản quyền thuộc UBND xã Tân Lập. In lúc 09:12 ngày 20/01/2021</div></div></body></html>"
    )
    article = extract_article(page, "http://tanlap.example.gov.vn/print/311")
    assert article.published_at == "2020-03-10T08:15:00+07:00"
    assert article.byline == "Lê Hoàng Nam"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")
    assert article.body.endswith("lối đi tạm cho học sinh.")


def test_generic_print_view_named_trang_in_takes_the_bold_row_over_the_text():
    """<title> names the view; the bold title row right over the text, its date elsewhere."""
    page = (
        _table_layout(_TITLE_ROW)
        .replace("<title>Xa Tan Lap</title>", "<title>Trang in</title>")
        .replace("<tr><td><i>(Cập nhật: 05/06/2009 07:40)</i></td></tr>", "")
    )
    article = extract_article(page, "http://xa.example.gov.vn/print.asp?id=4105")
    assert article.title == "Xã tổng kết công tác phòng chống lụt bão năm 2008"


def test_generic_print_view_of_loose_lines_under_body():
    """No box at all: the header, the print date, a bold title, its dateline and the text
    straight in <body>, split by <br>."""
    page = (
        "<html><head><title>Tân Lập</title></head><body>"
        "<center><b>ỦY BAN NHÂN DÂN XÃ TÂN LẬP</b></center><br>"
        "<div align='right'>Ngày in: 04/01/2021 14:22</div>"
        "<b>Xã khánh thành công trình nước sạch thôn Đông</b><br>"
        "Cập nhật: 21/12/2020 07:30 &nbsp; Ngày đăng: 19/12/2020 17:10<br><br>"
        "Ngày 19/12, xã khánh thành công trình cấp nước sinh hoạt cho thôn Đông, phục vụ hơn"
        " 300 hộ dân.<br><br>Công trình có tổng vốn gần 4 tỷ đồng, khởi công từ tháng 4.<br><br>"
        "Hệ thống gồm bể lọc, bể chứa và hơn 9 km đường ống dẫn nước đến từng cụm dân cư.<br><br>"
        "<div align='right'><b>Hà Phương</b></div>"
        "<div align='center'>[ <a href='javascript:print()'>In bài này</a> ]"
        " [ <a href='javascript:close()'>Đóng</a> ]</div></body></html>"
    )
    article = extract_article(page, "http://tanlap.example.gov.vn/InTin.asp?ID=88")
    assert article.title == "Xã khánh thành công trình nước sạch thôn Đông"
    assert article.published_at == "2020-12-19T17:10:00+07:00"
    assert article.byline == "Hà Phương"
    assert article.body.startswith("Ngày 19/12, xã khánh thành")
    assert article.body.endswith("đến từng cụm dân cư.")


@pytest.mark.parametrize(
    "after_byline",
    [
        "<p align='center'><b>PHƯỜNG CHUNG TAY XÂY DỰNG ĐÔ THỊ VĂN MINH!</b></p>",
        "<p align='right' class='view-author'><i>tanlap_bt</i></p>",
    ],
)
def test_generic_byline_over_a_slogan_or_the_cms_login(after_byline):
    body = f"{_BODY}<p align='right'><b>Lê Hoàng Nam</b></p>{after_byline}"
    article = extract_article(
        _page(
            _article_block("", heading="<h1>Đối thoại về nạo vét kênh thủy lợi</h1>").replace(
                _BODY, body
            )
        ),
        URL,
    )
    assert article.byline == "Lê Hoàng Nam"
    assert article.body.endswith("lối đi tạm cho học sinh.")


def test_generic_short_related_links_with_dates_are_no_text():
    """ "Tin khác": short titles, each with its date after the link, under the byline."""
    related = (
        "<div class='mt-3'><b>Tin khác</b><ul><li><a href='/tin/5501'>Họp phụ huynh</a>"
        " (04/09/2024)</li><li><a href='/tin/5500'>Ngày hội đến trường</a> (03/09/2024)</li>"
        "</ul></div>"
    )
    page = _page(
        f"<div class='col-md-9'><p>Thứ Ba, 10/03/2020 08:15</p><div class='chi-tiet'>{_BODY}</div>"
        f"<div class='text-end fw-bold'>Lê Hoàng Nam - Phòng VH-XH</div>{related}</div>",
        "<div class='col-12'><h3 class='title-news'>Đối thoại về nạo vét kênh thủy lợi</h3></div>",
    )
    article = extract_article(page, URL)
    assert article.byline == "Lê Hoàng Nam - Phòng VH-XH"
    assert article.body.endswith("lối đi tạm cho học sinh.")


def test_generic_byline_after_a_related_list_under_the_text():
    after = (
        "<div class='tinkhac'><b>Tin liên quan:</b><ul><li><a href='?id=900'>Hướng dẫn nạo vét"
        " kênh mương</a> <i>(15/07/2016)</i></li></ul></div><p align='right'><b>Hoài Thu</b></p>"
    )
    article = extract_article(_page(_article_block(after)), URL)
    assert article.byline == "Hoài Thu"


def test_generic_author_line_opening_the_text():
    """Joomla 1.0: "Tác giả: …" in span.small over the date, inside the text's table."""
    page = (
        "<html><head><title>Xã Tân Lập</title></head><body><div id='content'>"
        "<table class='contentpaneopen'><tr><td class='contentheading'>Xã ra quân làm đường"
        " giao thông nông thôn</td></tr></table><table class='contentpaneopen'>"
        "<tr><td><span class='small'>Tác giả: Nguyễn Thị Hoa</span></td></tr>"
        f"<tr><td class='createdate'>13/11/2008</td></tr><tr><td>{_BODY}</td></tr></table>"
        "</div></body></html>"
    )
    article = extract_article(page, "http://xa.example.gov.vn/index.php?task=view&id=312")
    assert article.byline == "Tác giả: Nguyễn Thị Hoa"
    assert article.authors == ["Nguyễn Thị Hoa"]
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_microdata_author():
    heading = (
        "<h1 itemprop='headline'>Đối thoại về nạo vét kênh thủy lợi</h1><div class='info'>"
        "<span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'>Thu Hà</span></span> | </div>"
    )
    article = extract_article(_page(_article_block("", heading=heading)), URL)
    assert article.byline == "Thu Hà"


def test_generic_author_box_holding_the_date_too():
    heading = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1>"
        "<div class='tacgia-ngay'><b>Lò Văn Toàn</b> - 09/06/2016 15:40</div>"
    )
    article = extract_article(_page(_article_block("", heading=heading)), URL)
    assert article.byline == "Lò Văn Toàn"


def test_generic_caption_in_its_own_paragraph_of_an_image_box():
    photo = (
        "<div class='img'><img src='/upload/nao-vet.jpg' alt='Nạo vét'>"
        "<p class='chuthich'>Người dân góp ý tại buổi đối thoại (Ảnh: Lò Văn Toàn)</p></div>"
    )
    article = extract_article(
        _page(_article_block("").replace("</p><p>", f"</p>{photo}<p>", 1)), URL
    )
    assert [(i.url, i.caption) for i in article.images] == [
        (
            "https://phuong.example.gov.vn/upload/nao-vet.jpg",
            "Người dân góp ý tại buổi đối thoại (Ảnh: Lò Văn Toàn)",
        )
    ]
    assert "Ảnh: Lò Văn Toàn" not in article.body


def test_generic_lead_photo_between_the_title_and_the_text():
    """A React template: the <figure> under the dateline, outside the text's block."""
    page = (
        "<html><head><title>Đối thoại về nạo vét kênh thủy lợi</title></head><body>"
        "<header><a href='/'><img src='/logo.png' alt='Logo'></a></header><main><article>"
        "<h1 class='Article_title__a1'>Đối thoại về nạo vét kênh thủy lợi</h1>"
        "<p class='Article_meta__q8'><time datetime='2024-04-28T09:10:00+07:00'>09:10,"
        " 28/04/2024</time></p><figure><img src='/_next/image?url=%2Fnao-vet.jpg&amp;w=1080'>"
        "<figcaption>Quang cảnh buổi đối thoại. Ảnh: Sùng Mí</figcaption></figure>"
        f"<div class='Article_body__p0'>{_BODY}</div></article></main></body></html>"
    )
    article = extract_article(page, URL)
    assert [i.caption for i in article.images] == ["Quang cảnh buổi đối thoại. Ảnh: Sùng Mí"]


@pytest.mark.parametrize(
    ("box", "byline"),
    [
        ("Thành Long 11:24 | 01/07/2025", "Thành Long"),
        ("Minh Khoa - 01/07/2025", "Minh Khoa"),
        # The photographer beside the writers (hanoimoi's box, PORTALS.md §4).
        ("Nhóm PV HNMO - Ảnh: Viết Thành| 01/07/2025 08:20", "Nhóm PV HNMO"),
        # A section, a weekday: no one's name.
        ("Tin tức | 01/07/2025", None),
        ("Kinh Tế | 01/07/2025", None),
        ("Thứ Ba, 01/07/2025 11:24", None),
    ],
)
def test_generic_unlabelled_name_in_the_dateline_box(box, byline):
    """News sites' "Name hh:mm | date" (PORTALS.md): the writer, when the text ends unsigned."""
    heading = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='info'>{box}</div>"
    page = _page(f"<div class='bai-viet'>{heading}<div class='chi-tiet'>{_BODY}</div></div>")
    article = extract_article(page, URL)
    assert article.byline == byline
    assert article.published_at.startswith("2025-07-01T")


@pytest.mark.parametrize(
    ("declared", "byline"),
    [
        ("Hội Chữ thập đỏ xã", "Hội Chữ thập đỏ xã"),
        # The page declares someone the box does not name: the box's fields stay unread.
        ("Ban biên tập", None),
        (None, None),
    ],
)
def test_generic_author_the_page_declares_and_its_dateline_box_shows(declared, byline):
    """A blog theme's box (Hugo's PaperMod): "01/07/2025 · 2 phút · Hội Chữ thập đỏ xã", the
    date an element of its own; the last field is the author, as <meta name=author> says."""
    meta = f"<meta name='author' content='{declared}'>" if declared else ""
    box = "<div class='post-meta'><span>01/07/2025</span>&nbsp;·&nbsp;2 phút&nbsp;·&nbsp;Hội Chữ thập đỏ xã</div>"
    page = (
        f"<html><head>{meta}<title>Đối thoại về nạo vét kênh thủy lợi</title></head><body>"
        f"<main><article><h1>Đối thoại về nạo vét kênh thủy lợi</h1>{box}"
        f"<div class='post-content'>{_BODY}</div></article></main></body></html>"
    )
    article = extract_article(page, URL)
    assert article.byline == byline
    assert article.published_at.startswith("2025-07-01")


@pytest.mark.parametrize(
    ("heading", "published_at"),
    [
        (
            "Đối thoại về nạo vét kênh thủy lợi <span class='ngay'>10/03/2025</span>",
            "2025-03-10T00:00:00+07:00",
        ),
        (
            "Đối thoại về nạo vét kênh thủy lợi<br><small>Thứ hai, 10/03/2025 09:15</small>",
            "2025-03-10T09:15:00+07:00",
        ),
        ("Đối thoại về nạo vét kênh thủy lợi<br>10/03/2025 - 09:15", "2025-03-10T09:15:00+07:00"),
        # A number ending the title is no date.
        ("Đối thoại về nạo vét kênh thủy lợi <span>số 3</span>", None),
    ],
)
def test_generic_dateline_held_at_the_end_of_the_heading(heading, published_at):
    page = _page(
        f"<div class='bai-viet'><h1>{heading}</h1><div class='chi-tiet'>{_BODY}</div></div>"
    )
    article = extract_article(page, URL)
    assert article.published_at == published_at
    if published_at is not None:
        assert article.title == "Đối thoại về nạo vét kênh thủy lợi"


def test_generic_old_table_listing_of_teasers_is_no_article():
    """A 2000s section page: each row a thumbnail cell and a cell opening with the item's
    classed title link, its date and its summary (split by <br>)."""
    rows = "".join(
        f"<tr><td width='110'><img src='/Upload/thumb{n}.jpg'></td><td>"
        f"<a class='tieudetin' href='?cn=28&tc={4100 - n}'><b>{title}</b></a>"
        f" <span class='ngay'>({day}/03/2009)</span><br>{summary}</td></tr>"
        for n, (title, day, summary) in enumerate(
            [
                (
                    "Xã tổng kết công tác năm 2008",
                    12,
                    "Sáng ngày 10/3, xã tổ chức hội nghị tổng kết.",
                ),
                ("Triển khai phòng chống dịch cúm gia cầm", 9, "Các thôn thống kê đàn gia cầm."),
                (
                    "Trao quà Tết cho gia đình chính sách",
                    5,
                    "Xã trao 350 suất quà cho các gia đình.",
                ),
                ("Đại hội chi bộ thôn Nam nhiệm kỳ mới", 2, "Đại hội bầu chi ủy gồm ba đồng chí."),
            ]
        )
    )
    page = (
        "<html><head><title>Xa Tan Lap</title></head><body><table width='980'><tr>"
        "<td width='190'><a href='?cn=10'>Giới thiệu</a></td><td width='600'><table>"
        f"<tr><td colspan='2' class='tieudemuc'><b>TIN TỨC - SỰ KIỆN</b></td></tr>{rows}"
        "</table></td></tr></table></body></html>"
    )
    with pytest.raises(NotAnArticle) as raised:
        extract_article(page, "http://xa.example.gov.vn/?cn=28")
    assert raised.value.reason == "not_an_article"


def test_generic_frame_content_page_with_its_text_in_a_font_under_body():
    """A 2000s frame's content page: no <title>, the bold title and its date on one line,
    the text in a <font> split by <br>, the writer on the right, then the tools."""
    page = (
        "<html><head><meta charset='utf-8'></head><body><b><font size='3'>Trao quà Tết cho"
        " các gia đình chính sách xã Tân Lập</font></b> <font size='1'>(15/01/2009)</font>"
        "<br><br><font face='Verdana' size='2'>Nhân dịp Tết Nguyên đán, xã đã trao 350 suất"
        " quà cho các gia đình chính sách, hộ nghèo, người cao tuổi cô đơn trên địa bàn.<br><br>"
        "Mỗi suất quà gồm tiền mặt, gạo, bánh chưng và nhu yếu phẩm, tổng trị giá gần 90 triệu"
        " đồng, do ngân sách xã, các doanh nghiệp và nhà hảo tâm đóng góp.<br><br>Lãnh đạo xã"
        " cũng đến thăm, chúc Tết các Mẹ Việt Nam anh hùng.</font><br><br><div align='right'><i>"
        "Thanh Tâm</i></div><br><a href='print.asp?id=4088'>[In bài này]</a>"
        " <a href='javascript:history.go(-1)'>[Trở về]</a></body></html>"
    )
    article = extract_article(page, "http://www.tanlap.example.gov.vn/news.asp?id=4088")
    assert article.title == "Trao quà Tết cho các gia đình chính sách xã Tân Lập"
    assert article.published_at == "2009-01-15T00:00:00+07:00"
    assert article.byline == "Thanh Tâm"
    assert article.body.startswith("Nhân dịp Tết Nguyên đán")
    assert article.body.endswith("các Mẹ Việt Nam anh hùng.")


def _modern(main_column: str, band: str = "", head: str = "Cổng TTĐT phường") -> str:
    """A 2025 ward portal: Bootstrap rows, the title in a band above the columns or in the
    main column, a sidebar <aside> of text widgets beside the text."""
    return (
        f"<html><head><title>{head}</title></head><body><header><a href='/'>Cổng TTĐT</a>"
        f"</header>{band}<main class='container'><div class='row'><div class='col-lg-8'>"
        f"{main_column}</div><aside class='col-lg-4'><div class='widget'><h4>Đường dây nóng"
        "</h4><p>Chủ tịch UBND phường: 0912.xxx.xxx; Công an phường: 0243.xxx.xxx; Trạm y tế:"
        " 0243.xxx.xxx, trực 24/24 giờ.</p></div><div class='widget'><h4>Lịch tiếp công dân"
        "</h4><p>Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm tuần thứ hai và thứ tư"
        " hằng tháng tại Trụ sở tiếp công dân.</p></div></aside></div></main></body></html>"
    )


MODERN_URL = "https://phuong.example.gov.vn/tin-tuc/doi-thoai-nao-vet-1234"


def test_generic_text_column_never_grows_into_the_sidebar_beside_it():
    """The title in a band above the columns: the text's column, its byline last, not the
    row that also holds the sidebar's widgets."""
    band = "<div class='title-band'><h1>Đối thoại về nạo vét kênh thủy lợi</h1></div>"
    main = (
        "<div class='post-meta'>20/10/2025 08:00</div>"
        f"<div class='post-content'>{_BODY}<p style='text-align:right'><strong>Mai Lan</strong>"
        "</p></div>"
    )
    article = extract_article(_modern(main, band), MODERN_URL)
    assert article.byline == "Mai Lan"
    assert article.body.endswith("lối đi tạm cho học sinh.")
    assert "Đường dây nóng" not in article.body


@pytest.mark.parametrize(
    ("box", "shown"),
    [
        ("Ngày đăng: 21/10/2025 | Người đăng: bientap01", "Ngày đăng: 21/10/2025"),
        ("Thứ Hai, 06/10/2025 08:45 SA 1.024", "Thứ Hai, 06/10/2025 08:45 SA"),
        ("Gửi bởi admin vào T2, 24/11/2025 - 10:12", "T2, 24/11/2025 - 10:12"),
        ("Posted by: admin | Date: 03/12/2025 10:30", "Date: 03/12/2025 10:30"),
    ],
)
def test_generic_published_text_leaves_out_the_account_and_counter_beside_the_date(box, shown):
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='meta'>{box}</div>{_BODY}"
    assert extract_article(_modern(main), MODERN_URL).published_text == shown


def test_generic_icon_font_ligatures_are_no_words_of_the_page():
    meta = (
        "<div class='news-meta'><span><mat-icon class='mat-icon material-icons'>schedule"
        "</mat-icon> 09/10/2025 15:40</span> <span><mat-icon class='mat-icon material-icons'>"
        "person</mat-icon> Tác giả: Quang Vinh</span> <span><mat-icon class='material-icons'>"
        "visibility</mat-icon> 318</span></div>"
    )
    main = f"<div class='news-title'>Đối thoại về nạo vét kênh thủy lợi</div>{meta}{_BODY}"
    article = extract_article(_modern(main, head="Đối thoại về nạo vét kênh thủy lợi"), MODERN_URL)
    assert article.published_text == "09/10/2025 15:40"
    assert article.byline == "Quang Vinh"


@pytest.mark.parametrize(
    "player",
    [
        (
            "<div class='fpt-tts'><span>Nghe bài viết</span><button>▶</button><span>00:00"
            "</span><span>Giọng đọc: Ban Mai</span></div>"
        ),
        (
            "<div class='tts-player'><div>Đọc bài</div><audio src='/tts/a.mp3'></audio>"
            "<span>00:00 / 03:12</span></div>"
        ),
    ],
)
def test_generic_text_to_speech_player_is_no_text(player):
    main = f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>20/10/2025 08:00</p>{player}{_BODY}"
    article = extract_article(_modern(main), MODERN_URL)
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_lead_box_label_is_no_part_of_the_lead():
    lead = "Xã đối thoại với người dân về kế hoạch nạo vét kênh thủy lợi nội đồng trước mùa mưa."
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>20/10/2025 08:00</p>"
        f"<div class='news-view__lead'><strong>TÓM TẮT:</strong> {lead}</div>{_BODY}"
    )
    article = extract_article(_modern(main), MODERN_URL)
    assert article.summary == lead
    assert article.body.startswith(lead)


def test_generic_byline_of_a_name_and_a_long_unit():
    byline = "Đinh Hương - Trung tâm Văn hóa, Thông tin và Thể thao xã"
    main = (
        f"<h1>Đối thoại về nạo vét kênh thủy lợi</h1><p>20/10/2025 08:00</p>{_BODY}<p>{byline}</p>"
    )
    article = extract_article(_modern(main), MODERN_URL)
    assert article.byline == byline
    assert article.authors == ["Đinh Hương"]


@pytest.mark.parametrize(
    ("shown", "published_at"),
    [
        # October to December: the month has two digits, the day none to spare.
        ("11/3/2009 8:30:00 AM", "2009-11-03T08:30:00+07:00"),
        ("12/5/2009 2:30:00 PM", "2009-12-05T14:30:00+07:00"),
    ],
)
def test_generic_en_us_dateline_of_the_last_months_read_month_first(shown, published_at):
    page = _webforms("TieuDe", shown, ["2/27/2009", "2/18/2009"])
    article = extract_article(page, "http://xa.example.gov.vn/ChiTietTin.aspx?ID=2013")
    assert article.published_at == published_at


def test_generic_drupal_labelled_fields_after_the_text():
    """Drupal 8+: "Nguồn tin", "Tác giả" and "Tệp đính kèm" as label/value fields after the
    body: the author field is the byline, none of them is text, the file is an attachment."""
    fields = (
        "<div class='field field--name-field-nguon field--label-inline'><div class='field__label'>"
        "Nguồn tin</div><div class='field__item'>Thuế cơ sở 3</div></div>"
        "<div class='field field--name-field-tac-gia field--label-inline'><div class='field__label'>"
        "Tác giả</div><div class='field__item'>Mai Lan</div></div>"
        "<div class='field field--name-field-tep field--label-above'><div class='field__label'>"
        "Tệp đính kèm</div><div class='field__items'><div class='field__item'><a href="
        "'/sites/default/files/bao-cao.pdf'>bao-cao.pdf</a></div></div></div>"
    )
    main = (
        "<article class='node'><h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='node__meta'>"
        f"20/10/2025 08:00</div><div class='node__content'>{_BODY}{fields}</div></article>"
    )
    article = extract_article(_modern(main), MODERN_URL)
    assert article.byline == "Mai Lan"
    assert article.body.endswith("lối đi tạm cho học sinh.")
    assert [a.url.rsplit("/", 1)[-1] for a in article.attachments] == ["bao-cao.pdf"]


@pytest.mark.parametrize(
    "main",
    [
        (
            "<h1>Liên hệ</h1><p>Địa chỉ: Số 1 phố Phú Diễn, phường Phú Diễn, thành phố Hà Nội,"
            " trụ sở Ủy ban nhân dân phường.</p><p>Điện thoại: 024.3xxx.xxxx, thư điện tử:"
            " ubnd@example.gov.vn, làm việc từ thứ Hai đến thứ Sáu.</p><form><input name='ten'>"
            "<textarea name='noi_dung'></textarea><button>Gửi</button></form>"
        ),
        (
            "<h2>Hệ thống quản lý văn bản và điều hành</h2><form><input name='user'><input"
            " type='password' name='pass'><button>Đăng nhập</button></form><p>Chỉ cán bộ, công"
            " chức được cấp tài khoản mới đăng nhập được hệ thống; liên hệ bộ phận một cửa để"
            " được cấp tài khoản.</p><p>Quên mật khẩu? Đăng nhập bằng tài khoản định danh điện"
            " tử VNeID của cán bộ, công chức.</p>"
        ),
    ],
)
def test_generic_contact_and_login_pages_are_no_articles(main):
    with pytest.raises(NotAnArticle) as raised:
        extract_article(_modern(main), "https://phuong.example.gov.vn/lien-he")
    assert raised.value.reason == "not_an_article"


def test_generic_notice_with_a_contact_section_is_an_article():
    main = (
        "<h1>Thông báo tuyển dụng công chức cấp xã năm 2025</h1><p>20/10/2025 08:00</p>"
        f"{_BODY}<h2>Thông tin liên hệ</h2><p>Văn phòng HĐND và UBND xã, điện thoại"
        " 0203.3xxx.xxx, trong giờ hành chính các ngày làm việc.</p>"
    )
    article = extract_article(_modern(main), MODERN_URL)
    assert article.title == "Thông báo tuyển dụng công chức cấp xã năm 2025"


def test_generic_date_line_of_an_unclosed_meta_box_opening_the_text():
    """The meta <div> left unclosed: the parser puts the text inside it, after the date."""
    main = (
        "<h1>Đối thoại về nạo vét kênh thủy lợi</h1><div class='meta'>06/11/2025 09:00"
        f"<div class='content'>{_BODY}</div>"
    )
    article = extract_article(_modern(main), MODERN_URL)
    assert article.published_at == "2025-11-06T09:00:00+07:00"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


def test_generic_title_in_a_label_its_id_names_when_title_is_the_tab_name():
    """DotNetNuke: <title> is the tab's name ("Tin tức"), the title a span whose id names it
    ("…_lblTitle") and whose class names a style ("Head")."""
    page = (
        "<html><head><title>Tin tức - Sự kiện</title><meta name='GENERATOR' content='DotNetNuke'>"
        "</head><body><div id='dnn_ContentPane'><table><tr><td><span id='dnn_ctr456_ViewNews_"
        "lblTitle' class='Head'>Xã khám sàng lọc bệnh mạn tính cho người cao tuổi</span><br>"
        "<span id='dnn_ctr456_ViewNews_lblDate' class='NormalBold'>Cập nhật lúc 09:30 ngày"
        f" 23/09/2025</span><br><span class='Normal'>{_BODY}</span></td></tr></table></div>"
        "</body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/tin-tuc/ArticleID/2291")
    assert article.title == "Xã khám sàng lọc bệnh mạn tính cho người cao tuổi"
    assert article.body.startswith("Sáng nay, Ủy ban nhân dân xã")


@pytest.mark.parametrize(
    "meta",
    [
        "Lượt xem: 220 | Cập nhật lần cuối: 11/03/2020 - 10:54 AM",
        "Ngày đăng: 10/03/2020 · 1.204 lượt xem",
        "Cập nhật: 11/03/2020 09:00 | Views: 45",
    ],
)
def test_generic_meta_row_closing_the_text_is_cut_and_the_byline_above_it_kept(meta):
    # The counter changes every day: left in the text, every re-check would be an edit.
    body = f"{_BODY}<p style='text-align:right'><b>Minh Châu</b></p><p class='post-meta'>{meta}</p>"
    article = extract_article(_page(_article_block("").replace(_BODY, body)), URL)
    assert article.body.endswith("lối đi tạm cho học sinh.")
    assert article.byline == "Minh Châu"
    assert article.published_at == "2020-03-10T08:15:00+07:00"
