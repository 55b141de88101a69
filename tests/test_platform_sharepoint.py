"""The SharePoint adapter: URL forms of PORTALS.md §2d, the fingerprint on SharePoint pages and
on no other platform's, and the template's traps (dateline box, list paging, side boxes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.extraction import extract_article, load_document
from scraper.extraction.dates import parse_dateline
from scraper.extraction.model import NotAnArticle
from scraper.extraction.platforms import detect, sharepoint

from .golden import all_goldens
from .real_fixtures import REAL_HTML, requires_real_fixtures

TESTS = Path(__file__).resolve().parent
OWN_SITES = ("sharepoint", "sharepoint_blog", "sharepoint_qnp")
OWN_PAGES = sorted(p for s in OWN_SITES for p in (TESTS / "sites" / s).glob("*_constructed.html"))
OTHER_PAGES = sorted(
    [*(TESTS / "pages").glob("*.html")]
    + [p for p in (TESTS / "sites").glob("*/*.html") if not p.parent.name.startswith("sharepoint")]
)
GOLDEN_URL = {g.page: g.url for g in all_goldens()}

ARTICLE_URLS = [
    (
        "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx"
        "?ItemID=12802&Mode=1&Source=%2Ftintuc"
    ),
    (
        "http://www.quan8.hochiminhcity.gov.vn/dantaphaibietsuta/lists/posts/post.aspx"
        "?Source=%2Fdantaphaibietsuta&Category=4&ItemID=83&Mode=1"
    ),
    "https://www.quan1.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=517",
    "https://prtc.ninhthuan.gov.vn/portal/Pages/2024-5-17/HOI-NGHI-SO-KET-CONG-TAC-Xy7kQp21.aspx",
    "https://ninhhai.ninhthuan.gov.vn/portal/Pages/2023-12-1/TONG-KET-NAM-Ab3dEf56.aspx?Source=x",
    (
        "http://www.quangngai.gov.vn/vi/thanhpho/Pages/"
        "qnp-phuongnghialoradmat-qnpnd-9021-qnpnc-61-qnpsite-1.html"
    ),
]
NOT_ARTICLE_URLS = [
    "https://prtc.ninhthuan.gov.vn/portal/Pages/default.aspx",
    "https://prtc.ninhthuan.gov.vn/portal/Pages/Tin-hoat-dong.aspx",
    "https://prtc.ninhthuan.gov.vn/portal/Pages/Tin-hoat-dong.aspx?Page=2",
    "https://prtc.ninhthuan.gov.vn/portal/Pages/2024-5-17/",
    "https://prtc.ninhthuan.gov.vn/_layouts/15/osssearchresults.aspx?k=bau+cu",
    "https://prtc.ninhthuan.gov.vn/portal/Documents/2024/ke-hoach-45.pdf",
    "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Posts/AllPosts.aspx",
    "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx",
    "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?p_ID=12802",
    "http://quan4.hochiminhcity.gov.vn/tintuc/default.aspx?Paged=TRUE&p_ID=12797&PageFirstRow=11",
    "http://quan4.hochiminhcity.gov.vn/tintuc/Lists/Categories/Category.aspx?CategoryId=2",
    "http://quan4.hochiminhcity.gov.vn/tintuc/_layouts/listform.aspx?PageType=4&ID=12",
    "http://www.quangngai.gov.vn/vi/binhson/Pages/qnp-tinhoatdong-qnpnc-73-qnpsite-4.html",
    "https://sub.dost-dongnai.gov.vn/xuanphu/Pages/quychelamviec.aspx",
    "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/1013487-tong-ket.html",
    "https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat/hop-bao-4250410182811455.htm",
]


def _doc(path: Path):
    url = GOLDEN_URL.get(path, f"https://example.gov.vn/{path.name}")
    return load_document(path.read_bytes(), url)


def _page(body: str, url: str, title: str = "Trang") -> str:
    """A minimal SharePoint 2013 page around `body`."""
    return (
        '<html><head><meta name="GENERATOR" content="Microsoft SharePoint" />'
        f"<title>{title}</title>"
        '<script src="/_layouts/15/init.js"></script></head><body><form id="aspnetForm">'
        '<input type="hidden" name="__REQUESTDIGEST" value="0x1" />'
        f'<div id="s4-workspace">{body}</div></form></body></html>'
    )


def _web_part(n: int, inner: str) -> str:
    return f'<div id="WebPartWPQ{n}" class="ms-WPBody">{inner}</div>'


# --- URL forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_url_forms(url):
    assert sharepoint.is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_not_article_urls(url):
    assert not sharepoint.is_article_url(url)


# --- fingerprint ---------------------------------------------------------------------------


def test_there_are_constructed_pages_for_the_three_templates():
    assert {p.parent.name for p in OWN_PAGES} == set(OWN_SITES)
    assert len(OWN_PAGES) >= 18


@pytest.mark.parametrize("path", OWN_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fingerprint_on_own_pages(path):
    doc = _doc(path)
    reasons = sharepoint.fingerprint(doc)
    assert '<meta name="GENERATOR" content="Microsoft SharePoint">' in reasons
    assert detect(doc).platform.name == "sharepoint"


@pytest.mark.parametrize("path", OTHER_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_fingerprint_on_other_platforms_pages(path):
    assert sharepoint.fingerprint(_doc(path)) == []


@requires_real_fixtures
@pytest.mark.parametrize("name", sorted(p.name for p in REAL_HTML.glob("*.html")))
def test_no_fingerprint_on_real_pages(name):
    doc = load_document((REAL_HTML / name).read_bytes(), "https://sotttt.hanoi.gov.vn/vi/")
    assert sharepoint.fingerprint(doc) == []


def test_one_weak_marker_is_not_enough():
    """A page linking to some SharePoint portal's /_layouts/ is not SharePoint itself."""
    html = '<html><body><a href="http://x.gov.vn/_layouts/15/start.aspx">x</a></body></html>'
    assert sharepoint.fingerprint(load_document(html, "https://example.gov.vn/")) == []


def test_two_weak_markers_and_the_url_form_are_reasons():
    html = (
        '<html><body><div id="s4-workspace"><div class="ms-rtestate-field">Nội dung</div>'
        "</div></body></html>"
    )
    url = "https://prtc.ninhthuan.gov.vn/portal/Pages/2024-5-17/TIN-A1b2C3d4.aspx"
    reasons = sharepoint.fingerprint(load_document(html, url))
    assert len(reasons) == 3
    assert "dated folder" in reasons[-1]


def test_generator_meta_in_any_case():
    html = '<html><head><meta name="generator" content="Microsoft SharePoint"></head></html>'
    assert sharepoint.fingerprint(load_document(html, "https://example.gov.vn/"))


# --- articles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [p for p in OWN_PAGES if p.name.startswith("listing")], ids=lambda p: p.name
)
def test_listing_pages_are_not_articles(path):
    with pytest.raises(NotAnArticle):
        sharepoint.parse_article(_doc(path))


def test_system_pages_are_not_articles():
    html = _page('<h1 class="news-title">Tìm kiếm</h1><div class="ms-rtestate-field">x</div>', "")
    url = "https://prtc.ninhthuan.gov.vn/_layouts/15/osssearchresults.aspx"
    with pytest.raises(NotAnArticle):
        sharepoint.parse_article(load_document(html, url))


def test_page_without_article_falls_back_to_generic_extraction():
    html = _page("<p>Trang đang được cập nhật.</p>", "")
    with pytest.raises(NotAnArticle):
        sharepoint.parse_article(load_document(html, "https://x.gov.vn/portal/Pages/a.aspx"))


BODY = (
    "<p>Sáng 17/5, Ủy ban nhân dân phường tổ chức hội nghị triển khai kế hoạch "
    "bầu cử tổ trưởng tổ dân phố nhiệm kỳ mới trên địa bàn.</p>"
    "<p>Hội nghị thống nhất thời gian tổ chức bầu cử tại 12 tổ dân phố trước ngày 30/6.</p>"
)


def test_dateline_box_with_counter_and_font_size_widget():
    """Date, view counter and the "100%" widget in one box: only the date is the dateline."""
    body = _web_part(
        2,
        '<div class="news-detail"><h1 class="news-title">Phường triển khai bầu cử tổ trưởng</h1>'
        '<div class="news-info">Đăng ngày 17 - 05 - 2024 &nbsp;|&nbsp; Lượt xem: 400 '
        '<a href="javascript:void(0)">A-</a> <span>100%</span> <a href="#">A+</a></div>'
        f'<div class="news-content"><div class="ms-rtestate-field">{BODY}</div></div></div>',
    )
    url = "https://prtc.ninhthuan.gov.vn/portal/Pages/2024-5-18/PHUONG-TRIEN-KHAI-Qw12Er34.aspx"
    article = sharepoint.parse_article(load_document(_page(body, url), url))
    assert article.published_text == "Đăng ngày 17 - 05 - 2024"
    assert article.published_at == "2024-05-17T00:00:00+07:00"  # the page wins over the folder
    assert article.published_precision == "day"
    assert "100%" not in article.body and "Lượt xem" not in article.body


def test_unknown_vendor_layout_title_is_the_heading_repeating_the_page_title():
    title = "Phường triển khai bầu cử tổ trưởng tổ dân phố"
    body = _web_part(
        2,
        f'<div class="ct"><h2>{title}</h2><div class="ms-rtestate-field">{BODY}'
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; <b>Bảo Ngọc</b></p>"
        "<p>Tin đã đưa</p><p><a href='/vi/a/Pages/qnp-x-qnpnd-1-qnpnc-2-qnpsite-3.html'>"
        "Tin cũ</a></p></div></div>",
    )
    url = "http://www.quangngai.gov.vn/vi/a/Pages/qnp-trienkhai-qnpnd-5-qnpnc-2-qnpsite-3.html"
    article = sharepoint.parse_article(load_document(_page(body, url, title), url))
    assert article.title == title
    assert article.byline == "Bảo Ngọc"
    assert article.body.endswith("trước ngày 30/6.")
    assert article.warnings == ["no dateline found"]


def test_blog_date_header_with_its_own_time_is_not_doubled():
    post = (
        '<div class="ms-PostWrapper"><div class="ms-PostDate">14/03/2019 08:10</div>'
        '<div class="ms-PostTitle"><h3>Phường 9 ra quân dọn vệ sinh kênh rạch</h3></div>'
        f'<div class="ms-PostBody"><div>{BODY}<p>Thanh Hương</p></div></div>'
        '<div class="ms-PostFooter">Đăng lúc 8:10 SA bởi <a href="#">quantri</a></div></div>'
    )
    url = "http://www.quan3.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=7"
    article = sharepoint.parse_article(load_document(_page(_web_part(2, post), url), url))
    assert article.published_text == "14/03/2019 08:10"
    assert article.byline == "Thanh Hương"
    assert "quantri" not in article.body


@pytest.mark.parametrize(
    ("footer", "published_at"),
    [
        # No day heading: the footer gives date and time; the account is no author.
        ("Đăng lúc 8:10 SA 14/03/2019 bởi <a href='#'>quantri</a>", "2019-03-14T08:10:00+07:00"),
        ("Posted at 3/14/2019 8:10 AM by <a href='#'>quantri</a>", "2019-03-14T08:10:00+07:00"),
        # A time alone, and no heading: no date.
        ("Đăng lúc 8:10 SA bởi <a href='#'>quantri</a>", None),
    ],
)
def test_blog_post_without_day_heading_dated_by_its_footer(footer, published_at):
    post = (
        '<div class="ms-PostWrapper">'
        '<div class="ms-PostTitle"><h3>Phường 9 ra quân dọn vệ sinh kênh rạch</h3></div>'
        f'<div class="ms-PostBody"><div>{BODY}<p>Thanh Hương</p></div></div>'
        f'<div class="ms-PostFooter">{footer}</div></div>'
    )
    url = "http://www.quan3.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=7"
    article = sharepoint.parse_article(load_document(_page(_web_part(2, post), url), url))
    assert article.published_at == published_at
    assert (article.byline, article.authors) == ("Thanh Hương", ["Thanh Hương"])
    assert "quantri" not in article.body


def test_blog_post_served_on_loopback_is_detected_from_markup():
    path = TESTS / "sites" / "sharepoint_blog" / "post_xoa-quang-cao-rao-vat_constructed.html"
    url = "http://127.0.0.1:8080/tintuc/Lists/Posts/Post.aspx?ItemID=12790&Mode=1"
    article = extract_article(path.read_bytes(), url)
    assert article.platform == "sharepoint"
    assert article.published_at == "2019-02-22T16:20:00+07:00"


# --- listings ------------------------------------------------------------------------------

ITEMS = "".join(
    f'<p><a href="/portal/Pages/2024-5-{d}/TIN-SO-{d}-Ab12Cd3{d}.aspx">Tin số {d}</a></p>'
    for d in (3, 2, 1)
)
SIDE = _web_part(
    9,
    "".join(
        f'<a href="/portal/Pages/2024-4-{d}/NOI-BAT-{d}-Zz1.aspx">Nổi bật</a>' for d in range(9)
    ),
)


@pytest.mark.parametrize("param", ["Page", "pageindex", "trang", "p"])
def test_page_number_pagination(param):
    listing = "/portal/Pages/Tin-tuc.aspx"
    pager = f'<a href="{listing}?{param}=1">1</a><a href="{listing}?{param}=3">3</a>'
    pager += f'<a href="{listing}?{param}=2">2</a>'
    html = _page(_web_part(2, ITEMS + pager) + SIDE, "")
    url = f"https://prtc.ninhthuan.gov.vn{listing}"
    page = sharepoint.parse_listing(load_document(html, url))
    assert page.next_url == f"{url}?{param}=2"
    assert [u.rsplit("/", 2)[1] for u in page.article_urls] == ["2024-5-3", "2024-5-2", "2024-5-1"]


def test_list_paging_next_skips_the_previous_link():
    base = "http://www.quan3.hochiminhcity.gov.vn/tintuc/default.aspx"
    prev = "?Paged=TRUE&PagedPrev=TRUE&p_ID=20&PageFirstRow=1"
    older = "?Paged=TRUE&p_ID=9&PageFirstRow=21"
    html = _page(
        _web_part(2, ITEMS + f'<a href="{prev}">Mới hơn</a><a href="{older}">Cũ hơn</a>'), ""
    )
    page = sharepoint.parse_listing(load_document(html, base + "?Paged=TRUE&PageFirstRow=11"))
    assert page.next_url == base + older


@pytest.mark.parametrize(
    "address",
    [
        "/tintuc/default.aspx?Paged=TRUE&amp;p_ID=12708&amp;PageFirstRow=6",
        # SharePoint 2013 escapes the address for the script.
        "\\u002ftintuc\\u002fdefault.aspx?Paged=TRUE\\u0026p_ID=12708\\u0026PageFirstRow=6",
    ],
)
def test_list_paging_through_the_pager_s_script(address):
    """SharePoint's own list pager: an arrow picture whose link is "javascript:", the next
    page's address only in RefreshPageTo(…) of its onclick."""
    base = "http://quan4.hochiminhcity.gov.vn/tintuc/default.aspx"
    pager = (
        "<table class='ms-bottompaging'><tr><td class='ms-paging'>1 - 5</td><td>"
        f"<a onclick='javascript:RefreshPageTo(event, \"{address}\");javascript:return false;'"
        " href='javascript:'><img src='/_layouts/images/next.gif' alt='Tiếp' border='0'></a>"
        "</td></tr></table>"
    )
    html = _page(_web_part(2, ITEMS + pager), "")
    page = sharepoint.parse_listing(load_document(html, base))
    assert page.next_url == base + "?Paged=TRUE&p_ID=12708&PageFirstRow=6"


def test_listing_without_web_parts_leaves_side_boxes_out():
    html = _page(
        f'<div class="main">{ITEMS}</div><div class="sidebar">{SIDE.replace("WebPartWPQ9", "x")}'
        "</div>",
        "",
    )
    page = sharepoint.parse_listing(load_document(html, "https://x.gov.vn/portal/Pages/Tin.aspx"))
    assert len(page.article_urls) == 3
    assert page.next_url is None


def test_shared_dateline_parser_reads_the_provincial_dateline():
    found = parse_dateline("Đăng ngày 17 - 05 - 2024")
    assert found is not None
    assert (found.isoformat(), found.precision) == ("2024-05-17T00:00:00+07:00", "day")


def test_a_dated_lead_is_not_the_dateline():
    """No date box: the folder date is used, not the "Ngày 24/01/2024, …" of the lead."""
    body = _web_part(
        2,
        '<h1 class="news-title">Xã đối thoại với Nhân dân</h1>'
        '<div class="news-sapo">Ngày 24/01/2024, UBND xã tổ chức đối thoại với Nhân dân.</div>'
        f'<div class="news-content"><div class="ms-rtestate-field">{BODY}</div></div>',
    )
    url = "https://ninhhai.ninhthuan.gov.vn/portal/Pages/2024-1-25/XA-DOI-THOAI-Fh2mQz81.aspx"
    article = sharepoint.parse_article(load_document(_page(body, url), url))
    assert article.published_at == "2024-01-25T00:00:00+07:00"
    assert article.warnings == ["publish time taken from the URL: no dateline on the page"]
    assert article.summary == "Ngày 24/01/2024, UBND xã tổ chức đối thoại với Nhân dân."


@pytest.mark.parametrize(
    ("shown", "published_at"),
    [("3/8/2024 9:15 AM", "2024-03-08T09:15:00+07:00"),  # en-US: month first
     ("08/03/2024 9:15 AM", "2024-03-08T09:15:00+07:00"),
     ("03/08/2024 9:15 AM", "2024-03-08T09:15:00+07:00"),
     ("02/08/2024 9:15 AM", "2024-08-02T09:15:00+07:00")],  # the URL's date is neither
)  # fmt: skip
def test_a_month_first_dateline_is_read_as_the_urls_dated_folder_shows(shown, published_at):
    """A site left on the en-US setting prints "3/8/2024" for 8 March; its dated folder
    ("/Pages/2024-3-8/") says which reading is right."""
    page = TESTS / "sites" / "sharepoint" / "article_tiep-xuc-cu-tri_rich_constructed.html"
    html = page.read_text(encoding="utf-8").replace(
        '<span class="news-date">Đăng ngày 08 - 03 - 2024</span>',
        f'<span class="news-date">{shown}</span>',
    )
    url = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    assert extract_article(html.encode(), url).published_at == published_at


def test_a_news_list_item_in_its_display_form_is_read_column_by_column():
    """`/Lists/TinTuc/DispForm.aspx?ID=…`: each column a row of the form, its name in
    td.ms-formlabel, its value beside it; the list's own column names say which is which."""
    rows = [
        ("Tiêu đề", "Xã Phước Thuận tổng kết công tác dân số năm 2023"),
        ("Ngày đăng", "15/01/2024 2:30 CH"),
        ("Tóm tắt", "Năm 2023, xã hoàn thành các chỉ tiêu về dân số và kế hoạch hóa gia đình."),
        (
            "Nội dung",
            (
                "<p>Sáng 15/1, Ban Chỉ đạo công tác dân số xã tổ chức hội nghị tổng kết năm"
                " 2023.</p><p>Hội nghị đề ra các giải pháp nâng cao chất lượng dân số năm 2024.</p>"
            ),
        ),
        ("Tác giả", "Thanh Phong"),
        (
            "Tệp đính kèm",
            (
                '<a href="/xa/Lists/TinTuc/Attachments/214/bao-cao-dan-so-2023.pdf">'
                "bao-cao-dan-so-2023.pdf</a>"
            ),
        ),
    ]
    form = "".join(
        f'<tr><td class="ms-formlabel"><h3 class="ms-standardheader">{name}</h3></td>'
        f'<td class="ms-formbody">{value}</td></tr>'
        for name, value in rows
    )
    url = "https://phuocthuan.example.gov.vn/xa/Lists/TinTuc/DispForm.aspx?ID=214"
    html = _page(_web_part(2, f'<table class="ms-formtable">{form}</table>'), url, "Tin tức")
    assert sharepoint.is_article_url(url)
    article = extract_article(html.encode(), url)
    assert article.platform == "sharepoint"
    assert article.title == rows[0][1]
    assert article.published_at == "2024-01-15T14:30:00+07:00"
    assert article.summary == rows[2][1] and article.body.startswith(rows[2][1])
    assert article.byline == "Thanh Phong"
    assert [a.url for a in article.attachments] == [
        "https://phuocthuan.example.gov.vn/xa/Lists/TinTuc/Attachments/214/bao-cao-dan-so-2023.pdf"
    ]
