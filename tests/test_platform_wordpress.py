"""The WordPress adapter (PORTALS.md §2e): URL forms, fingerprint on its own and on other
platforms' pages, machine publish times, and plugin furniture on small pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extraction import NotAnArticle, detect_platform, load_document
from scraper.extraction.dates import parse_dateline
from scraper.extraction.platforms import wordpress

from .real_fixtures import REAL_HTML, real_page, requires_real_fixtures

TESTS = Path(__file__).parent
SITE = TESTS / "sites" / "wordpress"
HOST = "https://hoinongdan.bacninh.gov.vn"

ARTICLE_URLS = [
    f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri/",
    f"{HOST}/tin-tuc/hoat-dong-hoi/hoi-nghi-tiep-xuc-cu-tri/",
    "https://dost.hochiminhcity.gov.vn/tin-tuc/ra-quan-ve-sinh-moi-truong/",
    f"{HOST}/2026/03/05/hoi-nghi-tiep-xuc-cu-tri/",
    f"{HOST}/2026/03/hoi-nghi-tiep-xuc-cu-tri/",
    f"{HOST}/?p=4521",
    f"{HOST}/index.php?p=4521",
    f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri.html",
    f"{HOST}/hoi-nong-dan-tinh-to-chuc-hoi-nghi-tiep-xuc-cu-tri/",
    "http://127.0.0.1:8080/tin-tuc/bau-cu-to-truong/",
]
NOT_ARTICLE_URLS = [
    f"{HOST}/",
    f"{HOST}/tin-tuc/page/2/",
    "https://hoinongdan.bacninh.gov.vn/tin-tuc/page/49",
    f"{HOST}/page/3/",
    f"{HOST}/category/tin-tuc/",
    f"{HOST}/category/tin-tuc/page/2/",
    f"{HOST}/tag/tiep-xuc-cu-tri/",
    f"{HOST}/author/admin/",
    f"{HOST}/wp-content/uploads/2026/03/bao-cao.pdf",
    f"{HOST}/wp-json/wp/v2/posts/4521",
    f"{HOST}/wp-login.php",
    f"{HOST}/feed/",
    f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri/feed/",
    f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri/amp/",
    f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri/attachment/anh-1/",
    f"{HOST}/2026/03/",
    f"{HOST}/2026/03/05/",
    f"{HOST}/?cat=3",
    f"{HOST}/?s=bau+cu",
    f"{HOST}/?page_id=2",
    f"{HOST}/tin-tuc/?paged=2",
    f"{HOST}/lien-he/",
    f"{HOST}/tin-tuc/",
]

HEAD = """<!DOCTYPE html><html lang="vi"><head><title>{title}</title>
<meta name="generator" content="WordPress 6.6.2">{meta}
<link rel="stylesheet" href="/wp-content/themes/hnd/style.css"></head>"""


def wp_page(body: str, *, body_class: str = "single single-post", meta: str = "") -> str:
    return (
        HEAD.format(title="Trang", meta=meta) + f'<body class="{body_class}">{body}</body></html>'
    )


def post_html(*, meta: str = "", header: str = "", content: str = "") -> str:
    return wp_page(
        '<main id="primary" class="site-main"><article class="post type-post hentry">'
        '<header class="entry-header"><h1 class="entry-title">Hội nghị tiếp xúc cử tri xã Tam Đa'
        f'</h1><div class="entry-meta">{header}</div></header><div class="entry-content">'
        "<p>Sáng nay, tổ đại biểu HĐND tỉnh tiếp xúc cử tri là hội viên nông dân trong xã.</p>"
        f"{content}</div></article></main>",
        meta=meta,
    )


def doc_of(html: str | bytes, url: str = f"{HOST}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri/"):
    return load_document(html, url)


def other_pages() -> list[Path]:
    pages = sorted((TESTS / "pages").glob("*.html"))
    pages += sorted(p for p in (TESTS / "sites").rglob("*.html") if SITE not in p.parents)
    return pages


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_urls(url):
    assert wordpress.is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_not_article_urls(url):
    assert not wordpress.is_article_url(url)


# --- fingerprint ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(SITE.glob("*.html")), ids=lambda p: p.name)
def test_fingerprint_and_detection_on_own_pages(page):
    detection = detect_platform(page.read_bytes(), f"{HOST}/tin-tuc/")
    assert detection.platform.name == "wordpress"
    assert any("WordPress 6" in r for r in detection.reasons)


@pytest.mark.parametrize("page", other_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_fingerprint_on_other_platforms_pages(page):
    assert wordpress.fingerprint(doc_of(page.read_bytes(), "https://x.gov.vn/a/b/")) == []


@requires_real_fixtures
@pytest.mark.parametrize("name", sorted(p.name for p in REAL_HTML.glob("*.html")))
def test_no_fingerprint_on_real_pages(name):
    assert wordpress.fingerprint(doc_of(real_page(name), "https://x.gov.vn/a/b/")) == []


def test_without_generator_two_core_markers_are_needed():
    hotlinked = '<html><body><img src="https://other.org/wp-content/uploads/a.jpg"></body></html>'
    assert wordpress.fingerprint(doc_of(hotlinked)) == []
    core = (
        '<html><head><link rel="https://api.w.org/" href="/wp-json/">'
        '<script src="/wp-includes/js/jquery/jquery.min.js"></script></head><body></body></html>'
    )
    assert wordpress.fingerprint(doc_of(core))


# --- publish time -----------------------------------------------------------------------------


def test_dates_module_reads_iso_with_offset_in_vietnam_time():
    assert parse_dateline("2026-03-05T01:15:00+00:00").isoformat() == "2026-03-05T08:15:00+07:00"


def test_time_datetime_gives_the_value_and_the_shown_date_the_text():
    header = (
        '<span class="posted-on">Đăng ngày <time class="entry-date published" '
        'datetime="2026-03-05T08:15:00+07:00">05/03/2026</time><time class="updated" '
        'datetime="2026-03-06T10:00:00+07:00">06/03/2026</time></span>'
    )
    meta = '<meta property="article:published_time" content="2026-03-05T01:15:00+00:00">'
    article = wordpress.parse_article(doc_of(post_html(header=header, meta=meta)))
    assert article.published_at == "2026-03-05T08:15:00+07:00"
    assert article.published_precision == "minute"
    assert article.published_text == "05/03/2026"


def test_updated_time_is_not_the_publish_time():
    header = '<time class="updated" datetime="2026-03-09T10:00:00+07:00">09/03/2026</time>'
    meta = '<meta property="article:published_time" content="2026-03-04T17:30:00+00:00">'
    article = wordpress.parse_article(doc_of(post_html(header=header, meta=meta)))
    assert article.published_at == "2026-03-05T00:30:00+07:00"


def test_utc_seo_meta_only_is_converted_to_vietnam_time():
    header = '<span class="post-date">05/03/2026</span>'
    meta = '<meta property="article:published_time" content="2026-03-04T17:30:00+00:00">'
    article = wordpress.parse_article(doc_of(post_html(header=header, meta=meta)))
    assert article.published_at == "2026-03-05T00:30:00+07:00"
    assert article.published_text == "05/03/2026"


# --- bylines and furniture --------------------------------------------------------------------


def test_cms_account_is_not_the_author_but_a_real_name_is():
    account = '<span class="author vcard"><a href="/author/admin/">admin</a></span>'
    assert wordpress.parse_article(doc_of(post_html(header=account))).byline is None
    login = '<span class="author vcard"><a href="/author/bbt/">bientap_hnd</a></span>'
    assert wordpress.parse_article(doc_of(post_html(header=login))).byline is None
    person = '<span class="author vcard"><a href="/author/thutrang/">Nguyễn Thu Trang</a></span>'
    article = wordpress.parse_article(doc_of(post_html(header=person)))
    assert article.authors == ["Nguyễn Thu Trang"]


def test_block_editor_right_aligned_byline_beats_the_account():
    account = '<span class="author vcard"><a href="/author/thutrang/">Nguyễn Thu Trang</a></span>'
    content = '<p class="has-text-align-right"><strong>THU HÀ - MINH ĐỨC</strong></p>'
    article = wordpress.parse_article(doc_of(post_html(header=account, content=content)))
    assert article.authors == ["THU HÀ", "MINH ĐỨC"]
    assert "THU HÀ" not in article.body


@pytest.mark.parametrize("tag", ["strong", "em"])
def test_a_name_in_bold_or_italics_closing_the_post_is_its_byline(tag):
    content = (
        "<p>Các hội viên góp ngày công và vật liệu để hoàn thành tuyến đường trước mùa mưa.</p>"
        f"<p><{tag}>Nguyễn Văn Bình</{tag}></p>"
    )
    article = wordpress.parse_article(doc_of(post_html(content=content)))
    assert (article.byline, article.authors) == ("Nguyễn Văn Bình", ["Nguyễn Văn Bình"])
    assert article.body.endswith("trước mùa mưa.")


def test_a_bold_line_with_text_under_it_is_no_byline():
    content = "<p><strong>Nguyễn Văn Bình</strong></p><p>Ông Bình là hội viên tiêu biểu của xã.</p>"
    article = wordpress.parse_article(doc_of(post_html(content=content)))
    assert article.byline is None and "Nguyễn Văn Bình" in article.body


def test_jetpack_sharing_related_posts_views_and_print_button_are_not_body():
    content = (
        '<div class="printfriendly pf-button"><a href="#"><img src="https://cdn.printfriendly.com'
        '/buttons/printfriendly-pdf-button.png" alt="Print Friendly"></a></div>'
        '<div class="post-views"><span>Lượt xem:</span> <span>88</span></div>'
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3></div>'
        "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Bài viết liên quan</h3>"
        '<h4><a href="/tin-tuc/khac/">Hội nghị khác của Hội Nông dân</a></h4></div>'
    )
    article = wordpress.parse_article(doc_of(post_html(content=content)))
    assert article.body == (
        "Sáng nay, tổ đại biểu HĐND tỉnh tiếp xúc cử tri là hội viên nông dân trong xã."
    )
    assert article.images == []


def test_post_ratings_box_under_the_byline_is_neither_text_nor_byline():
    """WP-PostRatings prints its stars and count inside the post's content, under the byline."""
    content = (
        '<p style="text-align: right;"><strong>Minh Đức</strong></p>'
        '<div class="post-ratings" id="post-ratings-6120"><img src="/wp-content/plugins/'
        'wp-postratings/images/stars/rating_on.gif" alt="1 sao"> (<strong>12</strong> lượt bình '
        "chọn, trung bình: <strong>4,50</strong> trên 5)<br><span class='post-ratings-text'>"
        "Đánh giá bài viết</span></div>"
    )
    article = wordpress.parse_article(doc_of(post_html(content=content)))
    assert article.byline == "Minh Đức"
    assert article.body == (
        "Sáng nay, tổ đại biểu HĐND tỉnh tiếp xúc cử tri là hội viên nông dân trong xã."
    )


def test_lazy_loaded_image_keeps_its_real_address():
    content = (
        '<figure class="wp-block-image"><img src="data:image/svg+xml,%3Csvg%3E" '
        'data-lazy-src="/wp-content/uploads/2026/03/hoi-nghi.jpg"><noscript><img '
        'src="/wp-content/uploads/2026/03/hoi-nghi.jpg"></noscript>'
        "<figcaption>Quang cảnh hội nghị</figcaption></figure>"
    )
    article = wordpress.parse_article(doc_of(post_html(content=content)))
    assert [(i.url, i.caption) for i in article.images] == [
        (f"{HOST}/wp-content/uploads/2026/03/hoi-nghi.jpg", "Quang cảnh hội nghị")
    ]


@pytest.mark.parametrize("body_class", ["archive category category-tin-tuc", "blog", "error404"])
def test_archive_pages_are_not_articles(body_class):
    html = post_html().replace('class="single single-post"', f'class="{body_class}"')
    with pytest.raises(NotAnArticle):
        wordpress.parse_article(doc_of(html, f"{HOST}/tin-tuc/"))


@pytest.mark.parametrize("platform", ["wordpress", None])
def test_an_archive_page_is_refused_whole_not_read_by_the_generic_reader(platform):
    """The adapter knows a category page for one: no other reader makes an article of its
    first post's title and the second's excerpt (named in the registry or detected)."""
    from scraper.extraction import extract_article

    posts = "".join(
        f'<article class="post type-post hentry"><h2 class="entry-title"><a href="/tin-tuc/bai-{n}/">'
        f"Hội nông dân xã ra quân làm đường giao thông nông thôn đợt {n}</a></h2>"
        '<div class="entry-summary"><p>Các hội viên góp ngày công, vật liệu và phương tiện để '
        "hoàn thành tuyến đường liên thôn trước mùa mưa bão năm nay.</p></div></article>"
        for n in (1, 2)
    )
    html = wp_page(f'<main id="primary">{posts}</main>', body_class="archive category")
    with pytest.raises(NotAnArticle):
        extract_article(html.encode(), f"{HOST}/chuyen-muc/tin-tuc/", platform=platform)


# --- listings ---------------------------------------------------------------------------------


def test_widgets_and_related_posts_are_not_the_listing():
    page = SITE / "wordpress_listing_p1_constructed.html"
    listing = wordpress.parse_listing(doc_of(page.read_bytes(), f"{HOST}/tin-tuc/"))
    assert len(listing.article_urls) == 3
    assert not any("gia-binh" in u or "que-vo" in u or "?p=" in u for u in listing.article_urls)


def loop_page(pager: str, *, head_links: str = "") -> str:
    posts = "".join(
        f'<article class="post hentry"><h2 class="entry-title"><a href="/tin-tuc/bai-{n}/" '
        f'rel="bookmark">Bài {n}</a></h2></article>'
        for n in (1, 2)
    )
    return wp_page(f'<main class="site-main">{posts}{pager}</main>', body_class="archive",
                   meta=head_links)  # fmt: skip


def test_paged_query_and_older_posts_link():
    pager = '<div class="nav-links"><div class="nav-previous"><a href="/?paged=3">Bài cũ hơn</a>'
    listing = wordpress.parse_listing(doc_of(loop_page(pager), f"{HOST}/?paged=2"))
    assert listing.article_urls == [f"{HOST}/tin-tuc/bai-1/", f"{HOST}/tin-tuc/bai-2/"]
    assert listing.next_url == f"{HOST}/?paged=3"


def test_head_rel_next_without_page_links():
    head = f'<link rel="next" href="{HOST}/tin-tuc/page/2/">'
    listing = wordpress.parse_listing(doc_of(loop_page("", head_links=head), f"{HOST}/tin-tuc/"))
    assert listing.next_url == f"{HOST}/tin-tuc/page/2/"


def test_next_page_on_the_fetched_host_beats_the_seo_plugins_site_address():
    head = '<link rel="next" href="https://www.hoinongdan.bacninh.gov.vn/tin-tuc/page/2/">'
    pager = '<a class="next page-numbers" href="/tin-tuc/page/2/">Trang sau »</a>'
    listing = wordpress.parse_listing(doc_of(loop_page(pager, head_links=head), f"{HOST}/tin-tuc/"))
    assert listing.next_url == f"{HOST}/tin-tuc/page/2/"


def test_last_page_has_no_next():
    pager = '<a class="prev page-numbers" href="/tin-tuc/">« Trang trước</a>'
    listing = wordpress.parse_listing(doc_of(loop_page(pager), f"{HOST}/tin-tuc/page/2/"))
    assert listing.next_url is None


def test_layout_classes_on_body_do_not_hide_the_loop():
    html = loop_page("").replace('class="archive"', 'class="archive sidebar-right nav-fixed"')
    listing = wordpress.parse_listing(doc_of(html, f"{HOST}/tin-tuc/"))
    assert listing.article_urls == [f"{HOST}/tin-tuc/bai-1/", f"{HOST}/tin-tuc/bai-2/"]


TEXT = (
    "<p>Sáng Chủ nhật, đoàn viên thanh niên phường ra quân dọn vệ sinh các tuyến đường, khơi"
    " thông cống rãnh và trồng thêm cây xanh tại khu dân cư.</p><p>Hoạt động thu hút hơn 200"
    " đoàn viên, hội viên và người dân tham gia.</p>"
)


def test_newspaper_theme_its_one_time_its_content_box_and_category():
    # tagDiv's Newspaper: the publish time marked "entry-date updated", the text in
    # .td-post-content, the category in .td-category.
    body = (
        '<article class="post type-post"><header class="td-post-title"><ul class="td-category">'
        '<li><a href="/chuyen-muc/doan-thanh-nien/">Đoàn thanh niên</a></li></ul>'
        '<h1 class="entry-title">Ra quân ngày Chủ nhật xanh</h1><span class="td-post-date">'
        '<time class="entry-date updated td-module-date" datetime="2024-03-14T09:20:11+07:00">'
        f'14/03/2024</time></span></header><div class="td-post-content">{TEXT}</div></article>'
    )
    article = wordpress.parse_article(doc_of(wp_page(body)))
    assert article.published_at == "2024-03-14T09:20:11+07:00"
    assert article.category == "Đoàn thanh niên" and article.body.startswith("Sáng Chủ nhật")


def test_elementor_post_its_date_and_time_apart_and_its_featured_image():
    info = (
        '<ul class="elementor-post-info"><li itemprop="datePublished"><span class="elementor-post'
        '-info__item elementor-post-info__item--type-date">24/03/2024</span></li><li><span class='
        '"elementor-post-info__item elementor-post-info__item--type-time">4:35 chiều</span></li>'
        '<li><span class="elementor-post-info__terms-list"><a class="elementor-post-info__terms-'
        'list-item" href="/chuyen-muc/tin-tuc/">Tin tức</a></span></li></ul>'
    )
    body = (
        '<div class="elementor elementor-location-single post type-post"><h1 class="elementor-'
        f'heading-title">Ra quân ngày Chủ nhật xanh</h1>{info}<div class="elementor-widget-theme-'
        'post-featured-image"><img src="/wp-content/uploads/2024/03/cnx.jpg" class="attachment-'
        'large"></div><div class="elementor-widget-theme-post-content"><div class="elementor-'
        f'widget-container">{TEXT}</div></div></div>'
    )
    article = wordpress.parse_article(doc_of(wp_page(body)))
    assert article.published_at == "2024-03-24T16:35:00+07:00"
    assert article.category == "Tin tức"
    assert [image.url for image in article.images] == [f"{HOST}/wp-content/uploads/2024/03/cnx.jpg"]


def test_jnews_subtitle_is_the_summary():
    lead = "Hơn 200 đoàn viên, hội viên ra quân làm sạch đường làng ngõ xóm."
    body = (
        '<div class="jeg_main_content"><h1 class="jeg_post_title">Ra quân ngày Chủ nhật xanh</h1>'
        f'<h2 class="jeg_post_subtitle">{lead}</h2><div class="jeg_meta_date">'
        '<time class="published" datetime="2024-03-24T07:05:00+07:00">24/03/2024</time></div>'
        f'<div class="content-inner">{TEXT}</div></div>'
    )
    article = wordpress.parse_article(doc_of(wp_page(body)))
    assert article.summary == lead and article.body.startswith(lead)
