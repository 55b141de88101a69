"""The NukeViet 4.x adapter (PORTALS.md §2e): URL forms, fingerprint on its own and on other
platforms' pages, and the news template's edge cases on small pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, detect_platform, load_document
from scraper.extraction.platforms import nukeviet

from .real_fixtures import REAL_HTML, real_page, requires_real_fixtures

TESTS = Path(__file__).parent
SITE = TESTS / "sites" / "nukeviet"
HOST = "https://tinhdoan.nghean.gov.vn"

ARTICLE_URLS = [
    f"{HOST}/news/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/vi/news/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/en/news/youth-activities/youth-month-campaign-1255.html",
    # Sites rename the module, or drop it for the default module (rewrite_optional).
    "https://thcs-hoabinh.edu.vn/vi/tin-tuc/hoat-dong-nha-truong/so-ket-hoc-ky-i-88.html",
    f"{HOST}/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/index.php?language=vi&nv=news&op=hoat-dong-doan/ra-quan-thang-thanh-nien-1254",
    "http://127.0.0.1:8080/vi/news/hoat-dong-doan/bau-cu-to-truong-12.html",
]
NOT_ARTICLE_URLS = [
    f"{HOST}/vi/news/savefile/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/vi/news/print/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/vi/news/sendmail/hoat-dong-doan/ra-quan-thang-thanh-nien-1254.html",
    f"{HOST}/index.php?language=vi&nv=news&op=savefile/hoat-dong-doan/ra-quan-1254",
    f"{HOST}/index.php?language=vi&nv=news&op=print/hoat-dong-doan/ra-quan-1254",
    f"{HOST}/vi/news/",
    f"{HOST}/vi/news/hoat-dong-doan/",
    f"{HOST}/vi/news/hoat-dong-doan/page-2/",
    f"{HOST}/vi/news/hoat-dong-doan/page-2.html",
    f"{HOST}/index.php?language=vi&nv=news&op=hoat-dong-doan",
    f"{HOST}/index.php?language=vi&nv=news&op=hoat-dong-doan/page-2",
    f"{HOST}/vi/news/tag/thang-thanh-nien",
    f"{HOST}/vi/news/topic/bau-cu-2026/",
    f"{HOST}/vi/news/rss/hoat-dong-doan/",
    f"{HOST}/uploads/news/2026_03/ke-hoach-15.pdf",
    # Another CMS's numeric-id page straight under the root (sotaichinh.hanoi.gov.vn).
    "https://sotaichinh.hanoi.gov.vn/thong-bao-lich-tiep-cong-dan-171610.html",
]

HEAD = """<!DOCTYPE html><html lang="vi"><head><title>{title}</title>
<meta name="generator" content="NukeViet v4.5">{meta}
<script data-show="inline">var nv_base_siteurl="/",nv_lang_data="vi",nv_name_variable="nv";</script>
</head>"""


def nv_page(body: str, *, title: str = "Trang", meta: str = "") -> str:
    return HEAD.format(title=title, meta=meta) + f"<body>{body}</body></html>"


def detail_html(
    *, dateline: str | None = "Thứ năm - 05/03/2026 08:30", meta: str = "", body: str = ""
) -> str:
    date = f'<span class="h5">{dateline}</span>' if dateline else ""
    return nv_page(
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<h1 class="title margin-bottom-lg">Hội nghị tiếp xúc cử tri phường Vinh Phú</h1>'
        f'<div class="row margin-bottom-lg"><div class="col-md-12">{date}</div></div>'
        '<div id="news-bodyhtml" class="bodytext margin-bottom-lg">'
        "<p>Sáng nay, Thường trực HĐND phường tổ chức hội nghị tiếp xúc cử tri tổ dân phố.</p>"
        f"{body}</div></div></div>",
        meta=meta,
    )


def doc_of(html: str | bytes, url: str = f"{HOST}/vi/news/tin-tuc/hoi-nghi-12.html"):
    return load_document(html, url)


def other_pages() -> list[Path]:
    pages = sorted((TESTS / "pages").glob("*.html"))
    pages += sorted(p for p in (TESTS / "sites").rglob("*.html") if SITE not in p.parents)
    return pages


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_urls(url):
    assert nukeviet.is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_not_article_urls(url):
    assert not nukeviet.is_article_url(url)


# --- fingerprint ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(SITE.glob("*.html")), ids=lambda p: p.name)
def test_fingerprint_and_detection_on_own_pages(page):
    detection = detect_platform(page.read_bytes(), f"{HOST}/vi/news/hoat-dong-doan/")
    assert detection.platform.name == "nukeviet"
    assert any("generator" in r for r in detection.reasons)
    assert any("nv_base_siteurl" in r for r in detection.reasons)


@pytest.mark.parametrize("page", other_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_fingerprint_on_other_platforms_pages(page):
    assert nukeviet.fingerprint(doc_of(page.read_bytes(), "https://x.gov.vn/a-1.html")) == []


@requires_real_fixtures
@pytest.mark.parametrize("name", sorted(p.name for p in REAL_HTML.glob("*.html")))
def test_no_fingerprint_on_real_pages(name):
    assert nukeviet.fingerprint(doc_of(real_page(name), "https://x.gov.vn/a-1.html")) == []


def test_js_globals_alone_are_enough_but_theme_paths_are_not():
    globals_only = '<html><head><script>var nv_base_siteurl="/",nv_lang_data="vi";</script>'
    assert nukeviet.fingerprint(doc_of(globals_only + "</head><body></body></html>"))
    theme_only = (
        '<html><head><link rel="stylesheet" href="/themes/default/css/style.css">'
        '<script src="/assets/js/global.js"></script></head><body><p>x</p></body></html>'
    )
    assert nukeviet.fingerprint(doc_of(theme_only)) == []


# --- articles ---------------------------------------------------------------------------------


def test_weekday_dateline_and_view_counter_beside_it():
    html = detail_html(dateline="Chủ nhật - 01/03/2026 21:05")
    html = html.replace("</span></div>", "</span> <span>Lượt xem: 1.204</span></div>", 1)
    article = nukeviet.parse_article(doc_of(html))
    assert article.published_at == "2026-03-01T21:05:00+07:00"
    assert article.published_text == "Chủ nhật - 01/03/2026 21:05"


def test_zone_abbreviation_meta_time_is_the_fallback_with_minutes():
    meta = '<meta property="article:published_time" content="2026-03-05ICT08:30:00">'
    article = nukeviet.parse_article(doc_of(detail_html(dateline=None, meta=meta)))
    assert article.published_at == "2026-03-05T08:30:00+07:00"
    assert article.published_precision == "minute"


def test_visible_dateline_wins_over_the_meta_time():
    meta = '<meta property="article:published_time" content="2026-03-04ICT23:59:00">'
    article = nukeviet.parse_article(doc_of(detail_html(meta=meta)))
    assert article.published_at == "2026-03-05T08:30:00+07:00"


def test_template_author_line_is_the_byline_and_source_is_not():
    html = detail_html().replace(
        "</div></div></div>",
        '</div><div class="margin-bottom-lg">'
        '<p class="h5 text-right"><strong>Tác giả: </strong>HỒNG NHUNG - VĂN THÀNH</p>'
        '<p class="h5 text-right"><strong>Nguồn tin: </strong>Báo Nghệ An</p></div></div></div>',
    )
    article = nukeviet.parse_article(doc_of(html))
    assert article.byline == "HỒNG NHUNG - VĂN THÀNH"
    assert article.authors == ["HỒNG NHUNG", "VĂN THÀNH"]
    assert "Báo Nghệ An" not in article.body


def test_without_template_author_the_right_aligned_body_line_is_the_byline():
    body = '<p style="text-align: right;"><strong>Ngọc Hà</strong></p>'
    article = nukeviet.parse_article(doc_of(detail_html(body=body)))
    assert article.byline == "Ngọc Hà"
    assert "Ngọc Hà" not in article.body


def test_inline_related_line_is_not_body_text():
    body = (
        '<p><strong>Xem thêm:</strong> <a href="/vi/news/tin-tuc/ky-hop-thu-hai-11.html">'
        "Kỳ họp thứ hai HĐND phường</a></p>"
        "<p>Xem thêm thông tin tại bộ phận một cửa của phường trong giờ hành chính.</p>"
    )
    article = nukeviet.parse_article(doc_of(detail_html(body=body)))
    assert "Kỳ họp thứ hai" not in article.body
    assert article.body.endswith("trong giờ hành chính.")


@pytest.mark.parametrize("function", ["print", "savefile", "sendmail"])
def test_print_save_and_send_views_are_not_articles(function):
    url = f"{HOST}/vi/news/{function}/tin-tuc/hoi-nghi-12.html"
    with pytest.raises(NotAnArticle):
        nukeviet.parse_article(doc_of(detail_html(), url))


def test_listing_page_is_not_an_article():
    page = SITE / "nukeviet_listing_p1_constructed.html"
    with pytest.raises(NotAnArticle):
        nukeviet.parse_article(doc_of(page.read_bytes(), f"{HOST}/vi/news/hoat-dong-doan/"))


# --- listings ---------------------------------------------------------------------------------


def test_side_blocks_and_other_news_are_not_the_listing():
    page = SITE / "nukeviet_listing_p1_constructed.html"
    listing = nukeviet.parse_listing(doc_of(page.read_bytes(), f"{HOST}/vi/news/hoat-dong-doan/"))
    assert len(listing.article_urls) == 3
    assert not any(
        u.endswith(("-1262.html", "-1259.html", "-1258.html")) for u in listing.article_urls
    )


def test_non_rewritten_pagination():
    items = "".join(
        f'<div class="news_column panel"><div class="panel-body"><h3><a href="/index.php?'
        f'language=vi&amp;nv=news&amp;op=tin-tuc/bai-{n}-{n}">Bài {n}</a></h3></div></div>'
        for n in (7, 8)
    )
    pager = (
        '<ul class="pagination"><li><a href="/index.php?language=vi&amp;nv=news&amp;op=tin-tuc">'
        '1</a></li><li class="active"><a href="#">2</a></li><li><a href="/index.php?language=vi'
        '&amp;nv=news&amp;op=tin-tuc/page-3">3</a></li></ul>'
    )
    url = f"{HOST}/index.php?language=vi&nv=news&op=tin-tuc/page-2"
    listing = nukeviet.parse_listing(doc_of(nv_page(items + pager), url))
    assert listing.article_urls == [
        f"{HOST}/index.php?language=vi&nv=news&op=tin-tuc/bai-7-7",
        f"{HOST}/index.php?language=vi&nv=news&op=tin-tuc/bai-8-8",
    ]
    assert listing.next_url == f"{HOST}/index.php?language=vi&nv=news&op=tin-tuc/page-3"


def test_a_grid_view_listing_leaves_out_the_side_panels():
    """A theme's grid view (thumbnails, no `.news_column` panels) beside a "Tin xem nhiều"
    panel: the grid is the section's list."""
    cards = "".join(
        f'<div class="thumbnail"><a href="/vi/news/hoat-dong/bai-viet-so-{i}-{100 + i}.html">'
        f'<img src="/anh/{i}.jpg"></a><div class="caption"><h3><a href="/vi/news/hoat-dong/'
        f'bai-viet-so-{i}-{100 + i}.html">Đoàn phường tổ chức hoạt động tình nguyện số {i}'
        "</a></h3></div></div>"
        for i in range(3)
    )
    side = (
        '<div class="panel panel-default"><div class="panel-heading">Tin xem nhiều</div>'
        '<ul><li><a href="/vi/news/khac/mot-bai-xem-nhieu-cua-chuyen-muc-khac-999.html">'
        "Một bài xem nhiều của chuyên mục khác trên cổng</a></li></ul></div>"
    )
    html = nv_page(
        f'<div class="row"><div class="col-md-18">{cards}</div><div class="col-md-6">{side}'
        "</div></div>",
        meta='<meta name="generator" content="NukeViet v4.5">',
    )
    listing = nukeviet.parse_listing(doc_of(html, f"{HOST}/vi/news/hoat-dong/"))
    assert listing.article_urls == [
        f"{HOST}/vi/news/hoat-dong/bai-viet-so-{i}-{100 + i}.html" for i in range(3)
    ]
