"""The Hải Phòng 2025 ward-portal adapter: URL forms of PORTALS.md §2e, the fingerprint on its
own pages and on nobody else's (the old ASP.NET city portal above all), sapo repetition,
datelines and listing pagination on small pages written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, load_document
from scraper.extraction.platforms import detect, haiphong2025
from scraper.extraction.platforms.haiphong2025 import (
    fingerprint,
    is_article_url,
    parse_article,
    parse_listing,
)

from .real_fixtures import REAL_HTML

TESTS = Path(__file__).parent
SITE = TESTS / "sites" / "haiphong2025"
HOST = "https://anbien.haiphong.gov.vn"
ARTICLE_URL = f"{HOST}/hoat-dong-cua-phuong-70418/ra-quan-don-ve-sinh-781300"
LISTING_URL = f"{HOST}/tin-tuc-su-kien-70415"

# The theme markers as the constructed portal writes them (see the module docstring).
THEME_HEAD = """<link rel="stylesheet" href="/themes/phuongxa-2025/css/main.css">
<script>var PortalConfig = { siteId: 1127, siteCode: "anbien", pageType: "list" };</script>"""


def page(body: str, head: str = THEME_HEAD, body_attrs: str = ' data-site-id="1127"') -> str:
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Trang</title>{head}"
        f"</head><body{body_attrs}>{body}</body></html>"
    )


def doc(html: str, url: str = ARTICLE_URL):
    return load_document(html, url)


def article_html(content: str, sapo: str | None = None, meta: str = "", date: str = "") -> str:
    sapo_div = f'<div class="news-detail__sapo">{sapo}</div>' if sapo else ""
    date_span = f'<span class="news-detail__date">{date}</span>' if date else ""
    return page(
        f'<article class="news-detail"><h1 class="news-detail__title">Phường ra quân dọn vệ sinh'
        f'</h1><div class="news-detail__meta">{date_span}</div>{sapo_div}'
        f'<div class="news-detail__content">{content}</div></article>',
        head=THEME_HEAD + meta,
    )


def _id(value: object) -> str:
    return str(value.relative_to(TESTS)) if isinstance(value, Path) else ""


def site_pages() -> list[tuple[Path, str]]:
    pages = []
    for golden in sorted(SITE.glob("*_constructed.json")):
        url = json.loads(golden.read_text(encoding="utf-8"))["url"]
        pages.append((golden.with_suffix(".html"), url))
    return pages


def other_platform_pages() -> list[tuple[Path, str]]:
    """Every other fixture page of the project, at the address its golden gives."""
    pages = []
    candidates = [*(TESTS / "pages").glob("*.html"), *(TESTS / "sites").glob("*/*.html")]
    for html in sorted(candidates):
        if html.parent == SITE:
            continue
        golden = html.with_suffix(".json")
        url = "https://phuong.example.gov.vn/tin-tuc/bai-viet-1234.html"
        if golden.is_file():
            url = json.loads(golden.read_text(encoding="utf-8")).get("url", url)
        pages.append((html, url))
    return pages


# --- URL forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://tanhung.haiphong.gov.vn/trang-chu-66859/hop-giao-ban-777469",
        f"{HOST}/hoat-dong-cua-phuong-70418/to-dan-pho-so-7-bau-to-truong-nhiem-ky-2025-781219",
        f"{HOST}/thong-bao-70421/lich-tiep-cong-dan-781197/",
        f"{HOST}/trang-chu-70412/tiep-xuc-cu-tri-781188?utm_source=zalo",
        "http://127.0.0.1:8123/trang-chu-70412/tiep-xuc-cu-tri-781188",
    ],
)
def test_article_urls(url):
    assert is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        LISTING_URL,
        f"{LISTING_URL}?page=2",
        f"{HOST}/",
        f"{HOST}/print/781188",
        f"{HOST}/trang-chu-70412/tiep-xuc-cu-tri-781188?print=1",
        f"{HOST}/uploads/anbien/2025/09/17/tb-86-lich-tiep-cong-dan.pdf",
        f"{HOST}/tin-tuc/tiep-xuc-cu-tri-781188",
        f"{HOST}/tin-tuc-70415/tiep-xuc-cu-tri",
        f"{HOST}/tin-tuc-70415/tiep-xuc-cu-tri-781188.html",
        f"{HOST}/a-1/b-2/c-781188",
        "http://www.haiphong.gov.vn/Portal/PrintItem.aspx?ContentID=114300",
        "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=HB&MenuID=12&ContentID=154722",
        "https://caugiay.hanoi.gov.vn/kinh-te-tai-chinh/gap-mat-2805251012110827967.htm",
        "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/4418033-bai-viet.html",
        "https://doanthanhnien.vn/news/tin-tuc/dai-hoi-chi-doan-1234.html",
        "https://dost.hochiminhcity.gov.vn/tin-tuc/hoi-thao-chuyen-doi-so/",
    ],
)
def test_not_article_urls(url):
    assert not is_article_url(url)


# --- Fingerprint ----------------------------------------------------------------------------


@pytest.mark.parametrize("path,url", site_pages(), ids=_id)
def test_fingerprint_on_its_own_pages_at_their_address_and_on_loopback(path, url):
    html = path.read_bytes()
    loopback = "http://127.0.0.1:8123" + url.removeprefix(HOST)
    for address in (url, loopback):
        detection = detect(load_document(html, address))
        assert detection.platform is haiphong2025.PLATFORM
        assert any("PortalConfig" in reason for reason in detection.reasons)
    assert any("anbien.haiphong.gov.vn" in r for r in fingerprint(load_document(html, url)))


def test_the_url_shape_on_a_haiphong_host_is_enough_without_theme_markers():
    bare = page("<h1>Tin bài</h1><p>Nội dung.</p>", head="", body_attrs="")
    for url in (ARTICLE_URL, LISTING_URL, f"{LISTING_URL}?page=3"):
        reasons = fingerprint(doc(bare, url))
        assert reasons and "anbien.haiphong.gov.vn" in reasons[0]


def test_one_theme_marker_off_a_haiphong_host_is_not_enough():
    one_marker = page("<p>Nội dung.</p>", head="", body_attrs=' data-site-id="7"')
    assert (
        fingerprint(doc(one_marker, "https://phuong.example.gov.vn/tin-tuc-12/bai-viet-345")) == []
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://www.haiphong.gov.vn/Portal/PrintItem.aspx?ContentID=154722",
        "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=HB&MenuID=40&ContentID=114300",
        "http://www.haiphong.gov.vn/Portal/Default.aspx",
        "https://haiphong.gov.vn/",
    ],
)
def test_not_the_old_aspnet_city_portal(url):
    old = page(
        '<form name="aspnetForm" method="post" action="./Detail.aspx">'
        '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1">'
        '<span id="ctl00_lblContent">Hải Phòng, ngày 21 tháng 01 năm 2020</span>'
        "<p>Phường tổ chức hội nghị bầu cử tổ trưởng tổ dân phố.</p></form>",
        head="",
        body_attrs="",
    )
    assert fingerprint(doc(old, url)) == []


def test_the_url_shape_does_not_claim_a_wordpress_site_on_a_haiphong_host():
    wordpress = page(
        "<p>Bài viết.</p>",
        head='<link rel="stylesheet" href="/wp-content/themes/flatsome/style.css">',
        body_attrs="",
    )
    url = "https://hoinongdan.haiphong.gov.vn/tin-tuc-12/hoi-nghi-tong-ket-345"
    assert fingerprint(doc(wordpress, url)) == []


def test_a_newspapers_hotlinked_picture_does_not_make_a_ward_page_wordpress():
    """A ward's article shows a picture from a newspaper's WordPress site: the URL shape of
    the ward portals still claims the page (its own files are not WordPress')."""
    ward = page(
        '<p>Bài viết.</p><img src="https://baohaiphong.vn/wp-content/uploads/2025/09/anh.jpg">',
        head="",  # (no theme markers: the URL shape alone speaks)
        body_attrs="",
    )
    url = "https://anbien.haiphong.gov.vn/tin-tuc-su-kien-70415/hoi-nghi-tong-ket-345"
    assert fingerprint(doc(ward, url)) != []


@pytest.mark.parametrize("path,url", other_platform_pages(), ids=_id)
def test_not_on_other_fixture_pages(path, url):
    assert fingerprint(load_document(path.read_bytes(), url)) == []


@pytest.mark.skipif(not REAL_HTML.is_dir(), reason=f"real portal pages not found at {REAL_HTML}")
def test_not_on_the_real_pages():
    for path in sorted(REAL_HTML.glob("*.html")):
        document = load_document(
            path.read_bytes(), "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"
        )
        assert fingerprint(document) == [], path.name


# --- Article edge cases ---------------------------------------------------------------------

SAPO = "Sáng 4/10, UBND phường ra quân dọn vệ sinh các tuyến phố chính trên địa bàn."
SECOND = "Hơn 300 cán bộ, đoàn viên và nhân dân tham gia dọn rác, khơi thông cống rãnh."
MORE = f"<p>{SECOND}</p>"


@pytest.mark.parametrize(
    "repeated",
    [
        f"<p>{SAPO}</p>",
        f"<p><strong>{SAPO.removesuffix('.')}&nbsp;</strong></p>",
        f"<p><em>{SAPO.upper()}</em></p>",
    ],
    ids=["same", "no-full-stop-nbsp-bold", "upper-case"],
)
def test_a_repeated_sapo_appears_once(repeated):
    article = parse_article(doc(article_html(repeated + MORE, sapo=SAPO, date="04/10/2025 08:30")))
    assert article.summary == SAPO
    assert article.body.split("\n\n") == [SAPO, SECOND]


def test_a_repeated_sapo_after_a_lead_photo_appears_once():
    photo = '<figure class="image"><img src="/uploads/a/anh-1.jpg"><figcaption>Ảnh</figcaption></figure>'
    content = f"<div>{photo}<p>&nbsp;</p><p>{SAPO.removesuffix('.')}</p></div>{MORE}"
    article = parse_article(doc(article_html(content, sapo=SAPO)))
    assert article.body.split("\n\n") == [SAPO, SECOND]
    assert [i.caption for i in article.images] == ["Ảnh"]


def test_a_first_paragraph_that_goes_on_after_the_sapo_is_kept():
    longer = SAPO.removesuffix(".") + " với sự tham gia của các tổ dân phố."
    article = parse_article(doc(article_html(f"<p>{longer}</p>{MORE}", sapo=SAPO)))
    assert article.body.split("\n\n")[:2] == [SAPO, longer]


def test_a_repeated_sapo_holding_an_image_is_not_dropped():
    content = f'<p><img src="/uploads/a/anh-1.jpg" alt="">{SAPO}</p>{MORE}'
    article = parse_article(doc(article_html(content, sapo=SAPO)))
    assert [i.url for i in article.images] == [f"{HOST}/uploads/a/anh-1.jpg"]


def test_the_meta_publish_time_when_the_page_shows_no_date():
    meta = '<meta property="article:published_time" content="2025-10-04T08:30:00+07:00">'
    article = parse_article(doc(article_html(MORE, sapo=SAPO, meta=meta)))
    assert article.published_at == "2025-10-04T08:30:00+07:00"
    assert article.published_precision == "minute"


def test_the_view_counter_is_not_part_of_the_dateline():
    html = article_html(MORE, date="Thứ bảy, 04/10/2025 08:30").replace(
        "</span></div>", '</span><span class="news-detail__views">Lượt xem: 1.024</span></div>'
    )
    article = parse_article(doc(html))
    assert article.published_text == "Thứ bảy, 04/10/2025 08:30"


def test_no_dateline_at_all_is_a_warning_not_an_error():
    article = parse_article(doc(article_html(MORE, sapo=SAPO)))
    assert article.published_at is None
    assert "no dateline found" in article.warnings


def test_a_listing_or_error_page_is_not_an_article():
    listing = (SITE / "listing_tin-tuc-su-kien_p1_constructed.html").read_bytes()
    with pytest.raises(NotAnArticle):
        parse_article(load_document(listing, LISTING_URL))
    error = page('<div class="page-404"><h1>Không tìm thấy nội dung bạn yêu cầu</h1></div>')
    with pytest.raises(NotAnArticle):
        parse_article(doc(error))


# --- Listing edge cases ---------------------------------------------------------------------

ITEMS = "".join(
    f'<article class="news-item"><h3 class="news-item__title">'
    f'<a href="/tin-tuc-su-kien-70415/bai-viet-so-{n}-78{n}00">Bài viết số {n}</a></h3></article>'
    for n in (1, 2)
)
SIDE_BOX = (
    '<aside class="sidebar"><div class="box-hot"><a href="/thong-bao-70421/tin-noi-bat-781150">'
    'Tin nổi bật</a></div><ul class="pagination"><a href="/thong-bao-70421?page=2">2</a></ul>'
    "</aside>"
)


def listing(pagination: str, head: str = THEME_HEAD, items: str = ITEMS) -> str:
    return page(
        f'<div class="list-news" data-role="category-news">{items}</div>'
        f'<ul class="pagination">{pagination}</ul>{SIDE_BOX}',
        head=head,
    )


def test_listing_keeps_the_section_list_only():
    result = parse_listing(doc(listing(""), LISTING_URL))
    assert result.article_urls == [
        f"{HOST}/tin-tuc-su-kien-70415/bai-viet-so-1-78100",
        f"{HOST}/tin-tuc-su-kien-70415/bai-viet-so-2-78200",
    ]
    assert result.next_url is None  # the side box's ?page=2 is another section's


def test_listing_without_the_theme_list_markup_skips_side_boxes():
    items = ITEMS.replace('class="news-item"', 'class="entry"').replace("news-item__title", "t")
    html = page(f'<div class="content">{items}</div>{SIDE_BOX}')
    urls = parse_listing(doc(html, LISTING_URL)).article_urls
    assert urls == [f"{HOST}/tin-tuc-su-kien-70415/bai-viet-so-1-78100",
                    f"{HOST}/tin-tuc-su-kien-70415/bai-viet-so-2-78200"]  # fmt: skip


@pytest.mark.parametrize(
    "url,pagination,expected",
    [
        (LISTING_URL, '<a href="/tin-tuc-su-kien-70415?page=2">2</a>', "?page=2"),
        (f"{LISTING_URL}?page=2", '<a href="/tin-tuc-su-kien-70415?page=3">3</a>', "?page=3"),
        (f"{LISTING_URL}?p=3", '<a href="/tin-tuc-su-kien-70415?p=4">4</a>', "?p=4"),
        (f"{LISTING_URL}?trang=2", '<a href="/tin-tuc-su-kien-70415?trang=3">3</a>', "?trang=3"),
        (LISTING_URL, '<a href="/tin-tuc-su-kien-70415?pageIndex=2" title="Trang sau">»</a>',
         "?pageIndex=2"),
        (LISTING_URL, '<a href="/tin-tuc-su-kien-70415?pg=2">Trang sau</a>', "?pg=2"),
        (f"{LISTING_URL}?page=4", '<a href="/tin-tuc-su-kien-70415?page=3">3</a>', None),
        (f"{LISTING_URL}?page=4", '<span class="disabled">»</span>', None),
        (f"{LISTING_URL}?page=4", '<a href="/tin-tuc-su-kien-70415?page=4">»</a>', None),
        (f"{LISTING_URL}?page=4", '<a href="javascript:void(0)">Trang sau</a>', None),
    ],
)  # fmt: skip
def test_next_page(url, pagination, expected):
    result = parse_listing(doc(listing(pagination), url))
    assert result.next_url == (LISTING_URL + expected if expected else None)


def test_next_page_from_rel_next():
    head = THEME_HEAD + '<link rel="next" href="/tin-tuc-su-kien-70415?page=2">'
    assert parse_listing(doc(listing("", head=head), LISTING_URL)).next_url == (
        f"{LISTING_URL}?page=2"
    )
