"""The VCCorp "Lotus" adapter (PORTALS.md §2c): URL forms, fingerprint, the real vpcp home page,
and the template's edge cases on small pages written here."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, detect_platform, load_document
from scraper.extraction.platforms import vccorp

from .real_fixtures import REAL_HTML, real_page, requires_real_fixtures

TESTS = Path(__file__).parent
SITE = TESTS / "sites" / "vccorp"
VPCP_HOME = "vccorp-lotus_vpcp-chinhphu_homepage_2024-12.html"
# Counted by hand in the saved page: 10 distinct article links (two siteIds, 115 and 102);
# the three /video/…-<5 digits>.htm clips and the category pages are not articles.
VPCP_HOME_ARTICLES = 10

ARTICLE_URLS = [
    # The four hosts of PORTALS.md §2c with their numeric tails (slugs are ours).
    "https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat/ha-noi-hop-bao-quy-i-4250410182811455.htm",
    "https://soyte.hanoi.gov.vn/dan-so-va-phat-trien/tuyen-truyen-dan-so-2849260201220700908.htm",
    "https://caugiay.hanoi.gov.vn/kinh-te-tai-chinh/gap-mat-doanh-nghiep-2805251012110827967.htm",
    "https://ttpvhcc.hanoi.gov.vn/video/huong-dan-thu-tuc-2850260116085159336.htm",
    # Directly under the root, as on vpcp.chinhphu.vn; a cross-site siteId; tracking query.
    "https://vpcp.chinhphu.vn/hoi-nghi-so-ket-cong-tac-quy-iv-115241203091512087.htm",
    "https://vpcp.chinhphu.vn/phoi-hop-tuyen-truyen-102241127150322114.htm",
    "https://caugiay.hanoi.gov.vn/tin-tuc/ra-quan-ve-sinh-2805251115160512117.htm?utm_source=zalo",
    "http://127.0.0.1:8080/tin-tuc-su-kien/bau-cu-to-truong-2805251112141020905.htm",
]
NOT_ARTICLE_URLS = [
    "https://vpcp.chinhphu.vn/",
    "https://vpcp.chinhphu.vn/tin-tieu-diem.htm",
    "https://vpcp.chinhphu.vn/chuyen-muc-dac-biet/hop-tac-doi-ngoai.htm",
    "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien/trang-2.htm",
    "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien.htm?page=2",
    "https://caugiay.hanoi.gov.vn/timelinelist/1234/2.htm",
    "https://vpcp.chinhphu.vn/video/clip-cai-cach-thu-tuc-hanh-chinh-20417.htm",
    "https://caugiay.hanoi.gov.vn/tag/tiep-xuc-cu-tri.htm",
    # 15 digits: no siteId before the stamp; month 13; an .html page of another CMS.
    "https://caugiay.hanoi.gov.vn/tin-tuc/bai-viet-251012110827967.htm",
    "https://caugiay.hanoi.gov.vn/tin-tuc/bai-viet-2805251312110827967.htm",
    "https://caugiay.hanoi.gov.vn/tin-tuc/bai-viet-2805251012110827967.html",
    "https://caugiay.hanoi.gov.vn/phuong-dich-vong-hau/-/view_content/5612221-bau-cu.html",
]

HEAD = """<!DOCTYPE html><html lang="vi"><head><title>{title}</title>
<script nonce="sclotusinnline">var pageSettings = {{ Domain: "https://x.hanoi.gov.vn",
siteId: "2805", ThumbImage: "https://ubnd-hanoi.mediacdn.vn" }}</script>{meta}</head>"""


def lotus_page(body: str, *, title: str = "Trang", meta: str = "") -> str:
    return HEAD.format(title=title, meta=meta) + f"<body>{body}</body></html>"


def article_html(title: str, *, time: str | None = None, meta: str = "", extra: str = "") -> str:
    dateline = f'<div class="detail-time">{time}</div>' if time else ""
    return lotus_page(
        f'<div class="detail-container">{dateline}<h1 class="detail-title">{title}</h1>'
        '<div class="detail-content afcbc-body" data-role="content">'
        f"<p>Nội dung bài viết về hội nghị tổng kết công tác năm của phường.</p>{extra}</div>"
        "</div>",
        meta=meta,
    )


def doc_of(html: str | bytes, url: str):
    return load_document(html, url)


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_urls(url):
    assert vccorp.is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_not_article_urls(url):
    assert not vccorp.is_article_url(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ARTICLE_URLS[0], "2025-04-10T18:28:11+07:00"),  # siteId "4"
        (ARTICLE_URLS[1], "2026-02-01T22:07:00+07:00"),  # siteId "2849"
        (ARTICLE_URLS[2], "2025-10-12T11:08:27+07:00"),  # siteId "2805"
        (ARTICLE_URLS[4], "2024-12-03T09:15:12+07:00"),  # siteId "115"
    ],
)
def test_page_without_dateline_takes_the_url_stamp_whatever_the_siteid_length(url, expected):
    article = vccorp.parse_article(doc_of(article_html("Hội nghị tổng kết"), url))
    assert article.published_at == expected
    assert article.published_precision == "minute"
    assert article.published_text is None
    assert article.warnings == ["publish time taken from the URL: no dateline on the page"]


# --- fingerprint ------------------------------------------------------------------------------


def _own_pages() -> list[Path]:
    return sorted(SITE.glob("*_constructed.html"))


def _other_pages() -> list[Path]:
    pages = sorted((TESTS / "pages").glob("*.html"))
    pages += sorted(p for p in (TESTS / "sites").glob("*/*.html") if p.parent != SITE)
    return pages


@pytest.mark.parametrize("page", _own_pages(), ids=lambda p: p.name)
def test_fingerprint_and_detection_on_own_pages(page):
    doc = doc_of(page.read_bytes(), "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien.htm")
    assert any("sclotusinnline" in r for r in vccorp.fingerprint(doc))
    assert any("siteId '2805'" in r for r in vccorp.fingerprint(doc))
    assert detect_platform(doc, doc.url).platform.name == "vccorp"


@pytest.mark.parametrize("page", _other_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_fingerprint_on_other_platforms_pages(page):
    assert vccorp.fingerprint(doc_of(page.read_bytes(), "https://phuong.example.gov.vn/")) == []


@requires_real_fixtures
@pytest.mark.parametrize("name", sorted(p.name for p in REAL_HTML.glob("liferay*.html")))
def test_no_fingerprint_on_real_liferay_pages(name):
    url = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"
    assert vccorp.fingerprint(doc_of(real_page(name), url)) == []


def test_mediacdn_alone_is_not_enough_but_with_an_article_url_it_is():
    html = '<html><body><img src="https://static.mediacdn.vn/a/b.png"><p>x</p></body></html>'
    assert vccorp.fingerprint(doc_of(html, "https://blog.example.vn/bai-viet/")) == []
    reasons = vccorp.fingerprint(doc_of(html, ARTICLE_URLS[2]))
    assert any("mediacdn" in r for r in reasons)
    assert any("yyMMddHHmmss" in r for r in reasons)


# --- the real vpcp.chinhphu.vn home page --------------------------------------------------------


@pytest.fixture(scope="module")
def vpcp_home():
    if not REAL_HTML.is_dir():
        pytest.skip(f"real portal pages not found at {REAL_HTML}")
    return doc_of(real_page(VPCP_HOME), "https://vpcp.chinhphu.vn/")


def test_real_home_page_is_recognised(vpcp_home):
    reasons = vccorp.fingerprint(vpcp_home)
    assert "inline scripts carry the Lotus nonce 'sclotusinnline'" in reasons
    assert "pageSettings declares siteId '115'" in reasons
    assert any("static.mediacdn.vn" in r for r in reasons)
    assert detect_platform(vpcp_home, vpcp_home.url).platform.name == "vccorp"


def test_real_home_page_listing_gives_its_article_links(vpcp_home):
    listing = vccorp.parse_listing(vpcp_home)
    assert len(listing.article_urls) == VPCP_HOME_ARTICLES
    assert len(set(listing.article_urls)) == VPCP_HOME_ARTICLES
    assert all(vccorp.is_article_url(u) for u in listing.article_urls)
    assert all(u.startswith("https://vpcp.chinhphu.vn/") for u in listing.article_urls)
    assert all(" " not in u and "/video/" not in u for u in listing.article_urls)
    assert listing.next_url is None


def test_real_home_page_is_not_an_article(vpcp_home):
    with pytest.raises(NotAnArticle):
        vccorp.parse_article(vpcp_home)


# --- article edge cases -------------------------------------------------------------------------


def test_rich_article_leaves_out_related_boxes_share_counter_tags_and_captions():
    page = SITE / "article_tiep-xuc-cu-tri_rich_constructed.html"
    url = "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien/tiep-xuc-cu-tri-2805251118093015482.htm"
    article = vccorp.parse_article(doc_of(page.read_bytes(), url))
    for noise in (
        "Tin liên quan",
        "giám sát công tác cải cách hành chính",  # related box injected mid-article
        "Xem thêm",  # related box at the end
        "Tin cùng chuyên mục",
        "Lượt xem",
        "Chia sẻ",
        "In bài",
        "Từ khóa",
        "Tin đọc nhiều",
        "Tài liệu kèm theo",
        "Quang cảnh hội nghị",  # the photo caption
        "Thu Hằng",  # the byline
    ):
        assert noise not in article.body, noise


def test_video_box_caption_is_not_body_text():
    page = SITE / "article_so-hoa-mot-cua_constructed.html"
    url = "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien/so-hoa-2805251103101502733.htm"
    article = vccorp.parse_article(doc_of(page.read_bytes(), url))
    assert "Video:" not in article.body
    assert "quét mã QR" in article.body  # the note box is article text


def test_double_escaped_and_decomposed_titles_come_out_unescaped_nfc():
    decomposed = unicodedata.normalize("NFD", "Hội nghị")
    html = article_html(f"H&amp;#x1ED9;i ngh&amp;#x1ECB; và {decomposed}", time="12/11/2025 14:22")
    article = vccorp.parse_article(doc_of(html, ARTICLE_URLS[2]))
    assert article.title == "Hội nghị và Hội nghị"
    assert unicodedata.is_normalized("NFC", article.title)


def test_on_page_time_wins_over_the_url_stamp():
    html = article_html("Hội nghị", time="Thứ Bảy, 11/10/2025 14:05")
    article = vccorp.parse_article(doc_of(html, ARTICLE_URLS[2]))  # URL says 12/10 11:08
    assert article.published_at == "2025-10-11T14:05:00+07:00"
    assert article.published_text == "Thứ Bảy, 11/10/2025 14:05"
    assert article.warnings == []


def test_meta_published_time_before_the_url_stamp():
    meta = '<meta property="article:published_time" content="2025-10-11T09:15:00+07:00">'
    article = vccorp.parse_article(doc_of(article_html("Hội nghị", meta=meta), ARTICLE_URLS[2]))
    assert article.published_at == "2025-10-11T09:15:00+07:00"
    assert article.warnings == []


def test_listing_page_is_not_an_article():
    page = SITE / "listing_tin-tuc-su-kien_p1_constructed.html"
    doc = doc_of(page.read_bytes(), "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien.htm")
    with pytest.raises(NotAnArticle):
        vccorp.parse_article(doc)


# --- listing pagination ---------------------------------------------------------------------------

TEASER = (
    '<div class="box-stream-item"><h3><a class="box-stream-link-title" '
    'href="/tin-tuc/bai-{n}-28052510121108{n:05d}.htm">Bài {n}</a></h3></div>'
)


def _stream(*numbers: int) -> str:
    return '<div class="box-stream">' + "".join(TEASER.format(n=n) for n in numbers) + "</div>"


def test_query_string_pagination():
    paging = '<a href="/tin-tuc.htm?page=1">1</a><a href="/tin-tuc.htm?page=3">3</a>'
    html = lotus_page(_stream(1, 2) + f'<div class="paging">{paging}</div>')
    listing = vccorp.parse_listing(doc_of(html, "https://x.hanoi.gov.vn/tin-tuc.htm?page=2"))
    assert listing.next_url == "https://x.hanoi.gov.vn/tin-tuc.htm?page=3"
    assert len(listing.article_urls) == 2


def test_timeline_pagination_from_the_zone_id():
    zone = (
        '<input type="hidden" id="hdZoneId" value="3021">'
        '<script>timeline.url = "/timelinelist/{0}/{1}.htm";</script>'
    )
    listing = vccorp.parse_listing(
        doc_of(lotus_page(_stream(1, 2) + zone), "https://x.hanoi.gov.vn/tin-tuc.htm")
    )
    assert listing.next_url == "https://x.hanoi.gov.vn/timelinelist/3021/2.htm"


def test_timeline_fragments_follow_on_until_an_empty_one():
    fragment = doc_of(_stream(3, 4), "https://x.hanoi.gov.vn/timelinelist/3021/2.htm")
    assert any("timeline" in r for r in vccorp.fingerprint(fragment))
    listing = vccorp.parse_listing(fragment)
    assert listing.next_url == "https://x.hanoi.gov.vn/timelinelist/3021/3.htm"
    assert len(listing.article_urls) == 2
    empty = doc_of("<div></div>", "https://x.hanoi.gov.vn/timelinelist/3021/9.htm")
    assert vccorp.parse_listing(empty).next_url is None


def test_sidebar_boxes_are_not_the_listing():
    sidebar = f'<div class="box-right box-most-view">{_stream(7)}</div>'
    listing = vccorp.parse_listing(
        doc_of(lotus_page(_stream(1) + sidebar), "https://x.hanoi.gov.vn/tin-tuc.htm")
    )
    assert [u.rsplit("/", 1)[1] for u in listing.article_urls] == ["bai-1-2805251012110800001.htm"]


def test_a_platform_named_for_a_theme_its_adapter_does_not_know_falls_back_to_generic():
    """A registry entry names the platform (`platform = "vccorp"`); the ward's theme writes
    its own classes. The generic reader reads it, and says so, as for a detected platform."""
    from scraper.extraction import extract_article

    title = "Phường Tây Hồ ra quân tổng vệ sinh môi trường sau mùa mưa bão"
    page = f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="detail"><h1 class="detail__title">{title}</h1>
<div class="detail__time">05/11/2025 15:20</div><div class="detail__content">
<p>Sáng 5/11, Ủy ban nhân dân phường Tây Hồ phối hợp với các đoàn thể ra quân tổng vệ sinh
môi trường tại các tuyến phố, ngõ xóm sau đợt mưa lớn vừa qua.</p>
<p>Hơn 500 cán bộ, đoàn viên và người dân đã thu gom rác, khơi thông cống rãnh.</p>
</div></div></body></html>"""
    url = "https://tayho.hanoi.gov.vn/ra-quan-tong-ve-sinh-2805251115160512117.htm"
    article = extract_article(page.encode(), url, platform="vccorp")
    assert article.title == title
    assert article.published_at == "2025-11-05T15:20:00+07:00"
    assert any("vccorp template did not match" in w for w in article.warnings)
