"""The Liferay 7 / DXP adapter: URL forms of PORTALS.md §2b and §1 (Đà Nẵng), the fingerprint on
its own pages and on nobody else's (Liferay 6.2 above all), and the template-reading rules on
small pages written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, extract_article, load_document
from scraper.extraction.platforms import detect, liferay6
from scraper.extraction.platforms.liferay7 import (
    fingerprint,
    is_article_url,
    parse_article,
    parse_listing,
)

from .real_fixtures import REAL_HTML, real_page, requires_real_fixtures

TESTS = Path(__file__).parent
SITES = (TESTS / "sites" / "liferay7", TESTS / "sites" / "liferay7_danang")
HOST = "https://danang.gov.vn"
ARTICLE_URL = f"{HOST}/w/hoi-nghi-tiep-xuc-cu-tri"
LISTING_URL = f"{HOST}/tin-tuc-su-kien"
AP = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_a1B2c3D4e5F6"

# What every Liferay 7.x page carries in its head (see the module docstring).
HEAD = """<script>var Liferay = Liferay || {}; Liferay.ThemeDisplay = {getPathThemeRoot:
function() { return '/o/test-theme'; }}; var themeDisplay = Liferay.ThemeDisplay;</script>
<script src="/combo?&amp;/o/frontend-js-web/liferay/global.bundle.js"></script>"""


def page(body: str, head: str = HEAD) -> str:
    return (
        '<!DOCTYPE html><html class="ltr" dir="ltr" lang="vi-VN"><head><meta charset="utf-8">'
        f"<title>Trang - Cổng thông tin</title>{head}</head><body>{body}</body></html>"
    )


def portlet(inner: str, portlet_id: str = AP) -> str:
    return (
        f'<div class="portlet-boundary portlet-boundary_{portlet_id.split("_INSTANCE_")[0]}_" '
        f'id="p_p_id_{portlet_id}_"><section class="portlet"><div class="portlet-body">{inner}'
        "</div></section></div>"
    )


def web_content(inner: str) -> str:
    return portlet(f'<div class="journal-content-article">{inner}</div>')


def doc(html: str, url: str = ARTICLE_URL):
    return load_document(html, url)


PARAGRAPHS = (
    "<p>Ủy ban nhân dân phường tổ chức hội nghị tiếp xúc cử tri để lắng nghe ý kiến, kiến nghị"
    " của nhân dân về trật tự đô thị và vệ sinh môi trường.</p>"
    "<p>Các ý kiến thuộc thẩm quyền được lãnh đạo phường trả lời trực tiếp tại hội nghị.</p>"
)


def _fixture_pages(folders) -> list[tuple[Path, str]]:
    pages = []
    for folder in folders:
        for html in sorted(folder.glob("*.html")):
            golden = html.with_suffix(".json")
            url = "https://phuong.example.gov.vn/tin-tuc/bai-viet-1234.html"
            if golden.is_file():
                url = json.loads(golden.read_text(encoding="utf-8")).get("url", url)
            pages.append((html, url))
    return pages


OWN_PAGES = _fixture_pages(SITES)
OTHER_PAGES = _fixture_pages(
    [TESTS / "pages", *(d for d in sorted((TESTS / "sites").iterdir()) if d not in SITES)]
)


def _id(value: object) -> str:
    return str(value.relative_to(TESTS)) if isinstance(value, Path) else ""


# --- URL forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://danang.gov.vn/w/thong-bao-ket-qua-tuyen-dung",
        "https://danang.gov.vn/en/w/thong-tin-hop-tac-quoc-te",
        "https://danang.gov.vn/vi/w/thong-tin-hop-tac-quoc-te/",
        "https://danang.gov.vn/web/guest/w/ky-hop-hdnd-thanh-pho",
        "https://itpc.hochiminhcity.gov.vn/-/tp-hcm-thu-hut-dau-tu-quy-iii",
        "https://itpc.hochiminhcity.gov.vn/en/-/tp-hcm-thu-hut-dau-tu-quy-iii",
        "https://lienchieu.danang.gov.vn/web/guest/-/ra-quan-ve-sinh-moi-truong",
        "https://lienchieu.danang.gov.vn/chi-tiet-tin-tuc?d=1045&c=7",
        "https://lienchieu.danang.gov.vn/chi-tiet-tin-tuc?c=7&d=1045",
        "https://lienchieu.danang.gov.vn/web/guest/chi-tiet-tin-tuc?d=1045&c=7",
        "https://thuanphuoc.danang.gov.vn/chi-tiet-tin-tuc?dinhdanh=134401&cat=508",
        "https://noivu.danang.gov.vn/chi-tiet-tin-tuc?dinhdanh=13101&cat=1003",
        f"{LISTING_URL}/-/asset_publisher/a1B2c3D4e5F6/content/hoi-nghi-tiep-xuc-cu-tri",
        f"{LISTING_URL}?p_p_id={AP}&p_p_lifecycle=0&_{AP}_assetEntryId=418307&_{AP}_type=content",
        "http://127.0.0.1:8123/w/hoi-nghi-tiep-xuc-cu-tri",
    ],
)
def test_article_urls(url):
    assert is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        LISTING_URL,
        f"{HOST}/",
        f"{HOST}/w/",
        f"{HOST}/w/ky-hop/binh-luan",
        f"{HOST}/w/ky-hop-hdnd?p_p_state=pop_up&_{AP}_viewMode=print",
        f"{LISTING_URL}?p_p_id={AP}&p_p_lifecycle=0&_{AP}_delta=20&_{AP}_cur=2",
        f"{LISTING_URL}?start=2&delta=20",
        f"{LISTING_URL}/-/asset_publisher/a1B2c3D4e5F6",
        f"{HOST}/-/categories/40213",
        f"{HOST}/-/search",
        "https://lienchieu.danang.gov.vn/web/guest/lich-cong-tac-ubnd",
        "https://lienchieu.danang.gov.vn/danh-sach-tin-tuc?c=7",
        "https://lienchieu.danang.gov.vn/danh-sach-tin-tuc?c=7&page=2",
        "https://lienchieu.danang.gov.vn/chi-tiet-tin-tuc?c=7",
        "https://lienchieu.danang.gov.vn/documents/20121/42772/ke-hoach.pdf/3c9e2a41-7b0d?t=1",
        "https://dseza.danang.gov.vn/chi-tiet-tin-tuc/hoi-nghi-xuc-tien-dau-tu/",
        "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/4418033-bai-viet.html",
        "https://caugiay.hanoi.gov.vn/kinh-te-tai-chinh/gap-mat-2805251012110827967.htm",
    ],
)
def test_not_article_urls(url):
    assert not is_article_url(url)


# --- fingerprint --------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "url"), OWN_PAGES, ids=_id)
def test_fingerprint_on_its_own_pages_and_liferay6_steps_aside(path, url):
    document = doc(path.read_bytes(), url)
    reasons = fingerprint(document)
    assert any("com_liferay_" in r or "/o/frontend-js-" in r for r in reasons), reasons
    assert liferay6.fingerprint(document) == []
    assert detect(document).platform.name == "liferay7"


@pytest.mark.parametrize(("path", "url"), OTHER_PAGES, ids=_id)
def test_fingerprint_silent_on_other_platforms_pages(path, url):
    assert fingerprint(doc(path.read_bytes(), url)) == []


@requires_real_fixtures
@pytest.mark.parametrize("name", sorted(p.name for p in REAL_HTML.glob("*.html")))
def test_fingerprint_silent_on_real_pages_of_other_platforms(name):
    """The real pages are Liferay 6.2 (sotttt.hanoi) and VCCorp: same JS globals, no 7.x."""
    document = doc(real_page(name), "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien")
    assert fingerprint(document) == []


def test_liferay62_markup_is_not_liferay7():
    html = page(
        '<div class="portlet-boundary portlet-boundary_101_" id="p_p_id_101_INSTANCE_x_">'
        '<div class="asset-full-content-title">Tiêu đề</div></div>',
        head='<script>var Liferay={ThemeDisplay:{getPathJavaScript:function(){return"/html/js"}}};'
        "var themeDisplay=Liferay.ThemeDisplay;</script>",
    ).replace('class="ltr"', 'class="aui ltr"')
    assert fingerprint(doc(html)) == []


def test_fingerprint_needs_the_liferay_globals():
    html = page("<p>/o/frontend-js-web/ com_liferay_ in a blog post about Liferay</p>", head="")
    assert fingerprint(doc(html)) == []


def test_theme_path_alone_with_the_globals_is_enough():
    head = "<script>var Liferay = {}; var themeDisplay = {};</script>"
    head += '<link href="/o/phuong-theme/css/main.css" rel="stylesheet">'
    reasons = fingerprint(doc(page("", head=head)))
    assert any("/o/phuong-theme/" in r for r in reasons)


# --- articles -----------------------------------------------------------------------------


def _site_article(folder: str, name: str):
    html = TESTS / "sites" / folder / f"{name}_constructed.html"
    url = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    return extract_article(html.read_bytes(), url), html.read_text(encoding="utf-8")


def test_asset_publisher_user_is_the_cms_account_not_the_byline():
    article, html = _site_article("liferay7", "article_asset_publisher")
    assert "metadata-author" in html and "Ban Biên tập Cổng TTĐT" in html
    assert article.authors == ["MINH TRÍ", "HOÀNG VY"]
    assert "Ban Biên tập" not in article.body
    assert "Nội dung liên quan" not in article.body


def test_related_lists_counters_and_share_links_stay_out_of_the_body():
    for folder in ("liferay7", "liferay7_danang"):
        article, _ = _site_article(folder, "article_rich")
        for noise in (
            "Tin liên quan",
            "Xem thêm",
            "Lượt xem",
            "Chia sẻ",
            "In bài viết",
            "Quay lại",
        ):
            assert noise not in article.body, (folder, noise)
        assert "Tệp đính kèm" not in article.body
        assert [".pdf/" in a.url for a in article.attachments] == [True]


def test_title_in_a_fragment_beside_the_web_content():
    html = page(
        '<h1 class="hide-accessible sr-only">Cổng thông tin điện tử thành phố</h1>'
        '<div class="lfr-layout-structure-item-heading"><h1 class="component-heading">'
        "Hội nghị tiếp xúc cử tri phường Hòa Khánh</h1></div>"
        + web_content(f'<div class="date">14/08/2025 08:30</div>{PARAGRAPHS}')
    )
    article = parse_article(doc(html))
    assert article.title == "Hội nghị tiếp xúc cử tri phường Hòa Khánh"
    assert article.published_at == "2025-08-14T08:30:00+07:00"
    assert article.body.startswith("Ủy ban nhân dân phường")


def test_image_description_is_not_the_sapo():
    html = page(
        web_content(
            '<h2 class="title">Ra quân vệ sinh môi trường</h2><div class="date">14/08/2025</div>'
            '<div class="content"><p><img src="/documents/20121/1/a.jpg/u" width="600"></p>'
            '<div class="image-description">Lực lượng dân quân tham gia ra quân.</div>'
            f"{PARAGRAPHS}</div>"
        )
    )
    article = parse_article(doc(html))
    assert article.summary is None
    assert article.images[0].caption == "Lực lượng dân quân tham gia ra quân."


def test_author_field_is_the_byline_and_dates_of_related_items_are_not_the_dateline():
    html = page(
        web_content(
            '<h1 class="news-title">Ra quân vệ sinh môi trường</h1>'
            f'<div class="news-content">{PARAGRAPHS}</div>'
            '<div class="news-author">Tác giả: Thu Hà</div>'
            '<div class="related-news"><a href="/w/a">Tin khác</a> '
            '<span class="date">10/08/2025 09:00</span></div>'
        )
    )
    article = parse_article(doc(html))
    assert article.byline == "Tác giả: Thu Hà" and article.authors == ["Thu Hà"]
    assert article.published_at is None
    assert "no dateline found" in article.warnings


def test_not_an_article():
    with pytest.raises(NotAnArticle):
        parse_article(doc(page("<p>Trang chủ</p>")))
    # A short web content (a hotline box) on a section page is no article.
    box = web_content("<p><strong>Đường dây nóng:</strong> 1022</p>")
    with pytest.raises(NotAnArticle):
        parse_article(doc(page(box), LISTING_URL))


def test_display_page_of_fragments_is_left_to_the_generic_extractor():
    html = page(
        '<div class="lfr-layout-structure-item-heading"><h1 class="component-heading">'
        "Hội nghị tiếp xúc cử tri phường Hòa Khánh</h1></div>"
        f'<div class="lfr-layout-structure-item-html"><div class="component-html">{PARAGRAPHS}'
        "</div></div>" + web_content("<p><strong>Đường dây nóng:</strong> 1022</p>")
    )
    with pytest.raises(NotAnArticle):
        parse_article(doc(html))
    article = extract_article(html, ARTICLE_URL)
    assert article.platform == "generic"
    assert "liferay7 template did not match" in article.warnings[-1]
    assert "Ủy ban nhân dân phường tổ chức hội nghị" in article.body


def test_publish_time_from_meta_when_the_template_shows_none():
    meta = '<meta property="article:published_time" content="2025-08-14T08:30:00+07:00">'
    html = page(web_content(f"<h1>Hội nghị tiếp xúc cử tri</h1>{PARAGRAPHS}"), head=HEAD + meta)
    article = parse_article(doc(html))
    assert (article.published_at, article.published_precision) == (
        "2025-08-14T08:30:00+07:00",
        "minute",
    )


@pytest.mark.parametrize("folder", ["liferay7", "liferay7_danang"])
def test_listing_pages_are_not_articles(folder):
    html = (TESTS / "sites" / folder / "listing_p1_constructed.html").read_bytes()
    with pytest.raises(NotAnArticle):
        parse_article(doc(html, LISTING_URL))


@requires_real_fixtures
@pytest.mark.parametrize(
    "name",
    [
        "liferay62_sotttt-hanoi_article_2022_khong-dung-tien-mat.html",
        "liferay62_sotttt-hanoi_article_2016_tong-ket-pctt.html",
    ],
)
def test_role_rules_read_real_liferay_asset_publisher_pages_like_the_6x_adapter(name):
    """The only real Liferay HTML available: 7.x keeps the asset-publisher wrappers, so the
    role-based rules must give what the 6.x adapter gives on them."""
    url = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/1013487-x.html"
    v6 = extract_article(real_page(name), url, platform="liferay6")
    v7 = extract_article(real_page(name), url, platform="liferay7")
    for field in ("title", "published_at", "byline", "summary", "body", "images", "category"):
        assert getattr(v7, field) == getattr(v6, field), field


# --- listings -----------------------------------------------------------------------------


def _listing(items: str, pager: str, url: str = LISTING_URL, sidebar: str = "") -> str:
    return page(
        '<header id="banner"><nav><a href="/w/gioi-thieu-chung">Giới thiệu chung</a></nav></header>'
        + portlet(f'<div class="asset-abstract">{items}</div>{pager}')
        + sidebar
    )


ITEMS = "".join(f'<h3 class="asset-title"><a href="/w/bai-{n}">Bài số {n}</a></h3>' for n in (1, 2))
SIDEBAR = portlet(
    '<a href="/w/tin-noi-bat-1">Tin nổi bật 1</a><a href="/w/tin-noi-bat-2">Tin nổi bật 2</a>'
    '<a href="/w/tin-noi-bat-3">Tin nổi bật 3</a>',
    portlet_id="com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_zz",
)


def test_listing_keeps_the_paginated_publisher_only():
    pager = '<ul class="pagination"><li class="active page-item"><a href="javascript:;">1</a></li>'
    pager += f'<li class="page-item"><a href="/tin-tuc-su-kien?_{AP}_cur=2">2</a></li></ul>'
    listing = parse_listing(doc(_listing(ITEMS, pager, sidebar=SIDEBAR), LISTING_URL))
    assert listing.article_urls == [f"{HOST}/w/bai-1", f"{HOST}/w/bai-2"]
    assert listing.next_url == f"{HOST}/tin-tuc-su-kien?_{AP}_cur=2"


def test_page_size_menu_numbers_are_not_pages():
    url = f"{LISTING_URL}?_{AP}_cur=4"
    sizes = "".join(
        f'<li><a class="dropdown-item" href="?_{AP}_delta={n}">{n}</a></li>' for n in (5, 10, 20)
    )
    pager = (
        f'<div class="pagination-bar"><div class="dropdown pagination-items-per-page">'
        f'<ul class="dropdown-menu">{sizes}</ul></div><ul class="pagination">'
        f'<li class="page-item"><a href="?_{AP}_cur=3">3</a></li>'
        f'<li class="active page-item"><a href="javascript:;">4</a></li>'
        f'<li class="page-item"><a href="?_{AP}_cur=5">5</a></li></ul></div>'
    )
    listing = parse_listing(doc(_listing(ITEMS, pager, url), url))
    assert listing.next_url == f"{LISTING_URL}?_{AP}_cur=5"


def test_start_delta_pagination_and_last_page():
    pager = '<div class="taglib-page-iterator"><a href="/tin-tuc-su-kien?start=2&amp;delta=20">'
    pager += "Trang sau</a></div>"
    listing = parse_listing(doc(_listing(ITEMS, pager), LISTING_URL))
    assert listing.next_url == f"{LISTING_URL}?start=2&delta=20"
    last = '<div class="taglib-page-iterator"><a href="/tin-tuc-su-kien?start=1&amp;delta=20">'
    last += '«</a> <span class="current">2</span> <a href="javascript:;">»</a></div>'
    url = f"{LISTING_URL}?start=2&delta=20"
    assert parse_listing(doc(_listing(ITEMS, last, url), url)).next_url is None


def test_danang_listing_ignores_highlights_menu_and_schedule_links():
    html = (TESTS / "sites" / "liferay7_danang" / "listing_p1_constructed.html").read_bytes()
    url = "https://lienchieu.danang.gov.vn/danh-sach-tin-tuc?c=7"
    listing = parse_listing(doc(html, url))
    assert all("d=10" in u and "c=7" in u for u in listing.article_urls)
    assert not any(u.endswith(("d=1039&c=9", "d=1036&c=7")) for u in listing.article_urls)
    assert listing.next_url == "https://lienchieu.danang.gov.vn/danh-sach-tin-tuc?c=7&page=2"
