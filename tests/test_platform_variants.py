"""Known platforms in template variants their first pages did not show (a red-team probe of
theme classes, stock views and side boxes): each adapter keeps reading the article's own
fields, never another story's."""

from __future__ import annotations

import pytest

from scraper.extraction import NotAnArticle, extract_article, parse_listing

LIFERAY_JS = (
    "<script>var Liferay = {}; Liferay.Util = {}; var themeDisplay = {};</script>"
    "<script>Liferay.Portlet.runtimePortletIds = [];</script>"
)
LIFERAY7_HEAD = (
    "<script>var Liferay = Liferay || {}; var themeDisplay = Liferay.ThemeDisplay;</script>"
    '<script src="/combo?&amp;/o/frontend-js-web/liferay/global.bundle.js"></script>'
)
TEXT = (
    "<p>Ngày 6/9, đoàn thẩm định của huyện đã kiểm tra thực tế kết quả xây dựng xã nông thôn"
    " mới nâng cao tại ba thôn.</p><p>Đoàn đề nghị xã hoàn thiện hồ sơ, khắc phục một số hạn"
    " chế về cảnh quan môi trường trước khi trình huyện.</p>"
)


def _liferay6(full_content: str, after: str = "") -> str:
    return (
        f"<html><head><title>Tin tức - Cổng TTĐT</title>{LIFERAY_JS}</head><body>"
        "<div class='portlet-boundary portlet-boundary_101_ portlet-asset-publisher'"
        " id='p_p_id_101_INSTANCE_Xy7k_'><div class='portlet-body'>"
        "<div class='taglib-header'><h3 class='header-title'><span>Xã đón đoàn thẩm định"
        f" nông thôn mới nâng cao</span></h3></div>{full_content}{after}</div></div>"
        "</body></html>"
    )


LIFERAY6_URL = "https://quan.example.gov.vn/tin-tuc/-/view_content/7790101-xa-don-doan.html"


def test_liferay6_stock_view_dates_the_article_by_its_metadata_not_by_other_news():
    """The stock 6.2 view: the date only in the metadata row; the "Các tin khác" entries
    under it each carry an assetPublishDate of their own story."""
    full = (
        "<div class='asset-full-content'>"
        f"<div class='asset-content'><div class='journal-content-article'>{TEXT}</div></div>"
        "<div class='asset-metadata'><span class='metadata-entry metadata-author'>Trần Quý"
        "</span> <span class='metadata-entry metadata-publish-date'>07/09/2020</span></div></div>"
    )
    other = (
        "<div class='other-news-title'>Các tin khác</div><div class='asset-abstract'>"
        "<h3 class='asset-title'><a href='/tin-tuc/-/view_content/7790012-thuy-loi.html'>Xã"
        " ra quân làm thủy lợi</a></h3><div class='assetPublishDate'> Ngày đăng 28/08/2020 |"
        " 03:10 PM </div></div>"
    )
    article = extract_article(_liferay6(full, other), LIFERAY6_URL)
    assert article.platform == "liferay6"
    assert article.published_at == "2020-09-07T00:00:00+07:00"


def test_liferay6_related_assets_box_is_no_text():
    full = (
        "<div class='asset-full-content'><div class='asset-content'>"
        f"<div class='journal-content-article'>{TEXT}"
        "<p style='text-align: right;'><strong>Ủy ban MTTQ xã</strong></p></div>"
        "<div class='asset-links'><h2 class='asset-links-title'>Nội dung liên quan</h2><ul>"
        "<li><a href='/tin-tuc/-/view_content/1001-trao-qua.html'>Xã trao quà cho hộ cận"
        " nghèo</a></li></ul></div></div></div>"
    )
    article = extract_article(_liferay6(full), LIFERAY6_URL)
    assert article.byline == "Ủy ban MTTQ xã"
    assert "Nội dung liên quan" not in article.body
    assert "trao quà" not in article.body


def _liferay7(detail: str, side: str = "") -> str:
    return (
        f"<html><head><title>Chi tiết tin - Cổng TTĐT</title>{LIFERAY7_HEAD}</head><body>"
        "<div class='portlet-boundary portlet-boundary_egov_tintuc_web_portlet_ChiTiet_'>"
        f"<div class='portlet-body'><div class='chi-tiet-tin-tuc'>{detail}</div></div></div>"
        f"{side}</body></html>"
    )


LIFERAY7_URL = "https://phuong.example.gov.vn/chi-tiet-tin-tuc?d=1201&c=9"


def test_liferay7_a_day_given_twice_is_read_with_its_time():
    """The metadata row's day-only date and the template's own field, the same day to the
    minute (RFC 822 in UTC, as a template prints a raw display date)."""
    detail = (
        "<h2 class='tieu-de'>Hội nghị kết nối giao thương với doanh nghiệp</h2>"
        "<div class='asset-metadata'><span class='metadata-publish-date'>14/08/2025</span></div>"
        f"<div class='ngay-dang'>Thu, 14 Aug 2025 02:20:00 +0000</div><div class='noi-dung'>{TEXT}"
        "</div>"
    )
    article = extract_article(_liferay7(detail), LIFERAY7_URL)
    assert article.published_at == "2025-08-14T09:20:00+07:00"


def test_liferay7_heading_inside_the_body_is_not_the_title():
    detail = (
        "<h2 class='tieu-de'>Thông báo lịch tiếp công dân tháng 11/2025</h2>"
        "<div class='thong-tin'><span class='ngay-dang'>31/10/2025 - 15:20</span></div>"
        f"<div class='noi-dung'><h1 style='text-align: center;'>THÔNG BÁO</h1>{TEXT}</div>"
    )
    article = extract_article(_liferay7(detail), LIFERAY7_URL)
    assert article.title == "Thông báo lịch tiếp công dân tháng 11/2025"


def test_liferay7_author_field_with_a_suffixed_class():
    detail = (
        "<h3 class='title-detail'>Cấp căn cước lưu động cho người cao tuổi</h3>"
        "<div class='time-detail'>Ngày đăng: 10/08/2025 14:30</div>"
        f"<div class='content-detail'>{TEXT}</div>"
        "<div class='author-detail'>Minh Quân - Trung tâm Truyền thông</div>"
    )
    article = extract_article(_liferay7(detail), LIFERAY7_URL)
    assert article.byline == "Minh Quân - Trung tâm Truyền thông"
    assert article.authors == ["Minh Quân"]


def test_liferay7_short_notice_beside_a_longer_side_box_of_web_content():
    """The right column's "Giới thiệu phường" web content outweighs a two-line notice."""
    detail = (
        "<h2 class='tieu-de'>Thông báo tạm dừng cấp nước tổ dân phố 12 đến 18</h2>"
        "<div class='thong-tin'><span class='ngay-dang'>04/11/2025 - 08:10</span></div>"
        "<div class='noi-dung'><p>Công ty cấp nước thông báo tạm dừng cấp nước để sửa chữa"
        " đường ống từ 8 giờ đến 17 giờ ngày 06/11/2025.</p><p>Đề nghị người dân chủ động dự"
        " trữ nước.</p></div>"
    )
    intro = " ".join(
        "<p>Phường được thành lập năm 2025 trên cơ sở sắp xếp, hợp nhất ba phường cũ; dân số"
        " khoảng 140.000 người, chia thành 120 tổ dân phố.</p>"
        for _ in range(4)
    )
    side = (
        "<div class='portlet-boundary portlet-boundary_com_liferay_journal_content_web_portlet_"
        "JournalContentPortlet_ portlet-decorate'><div class='portlet-header'><h2 class="
        "'portlet-title-text'>Giới thiệu phường</h2></div><div class='portlet-body'>"
        f"<div class='journal-content-article'>{intro}</div></div></div>"
    )
    article = extract_article(_liferay7(detail, side), LIFERAY7_URL)
    assert article.body.startswith("Công ty cấp nước thông báo")
    assert "140.000" not in article.body


NUKEVIET_HEAD = (
    "<html><head><title>Tin tức - Xã</title><script>var nv_base_siteurl='/',nv_lang_data='vi',"
    "nv_name_variable='nv';</script></head><body>"
)


def test_nukeviet_custom_theme_date_element_by_the_title():
    page = (
        f"{NUKEVIET_HEAD}<div class='news-detail'><h1 class='news-detail-title'>Xã kiểm tra an"
        " toàn thực phẩm</h1><ul class='news-detail-info'><li class='date-post'>21/04/2024 -"
        " 15:40</li><li class='view-post'>214</li></ul>"
        f"<div id='news-bodyhtml' class='bodytext'>{TEXT}</div></div></body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/news/tin-tuc/kiem-tra-845.html")
    assert article.platform == "nukeviet"
    assert article.published_at == "2024-04-21T15:40:00+07:00"


def test_nukeviet_3_dateline_and_author_line():
    """NukeViet 3: span.small under the title, "Tác giả bài viết:" in div.aright."""
    page = (
        f"{NUKEVIET_HEAD}<div class='content-box'><h1>Huyện đoàn tổ chức ngày hội hiến máu</h1>"
        "<span class='small'>Thứ hai, 09/01/2012 - 10:22</span><div class='clear'></div>"
        f"<div class='bodytext'>{TEXT}</div><div class='aright'><strong>Tác giả bài viết:"
        " </strong>Hoàng Anh</div><div class='aright'><strong>Nguồn tin: </strong>Huyện đoàn"
        "</div></div></body></html>"
    )
    url = "http://xa.example.gov.vn/index.php?language=vi&nv=news&op=Tin-tuc/Ngay-hoi-104"
    article = extract_article(page, url)
    assert article.published_at == "2012-01-09T10:22:00+07:00"
    assert article.byline == "Hoàng Anh"


def test_nukeviet_lead_cut_short_with_an_ellipsis_is_not_given_twice():
    first = (
        "Sáng 3/2, tức mùng 6 Tết, xã tổ chức phát động Tết trồng cây đời đời nhớ ơn Bác Hồ"
        " tại khuôn viên trường tiểu học."
    )
    page = (
        f"{NUKEVIET_HEAD}<div class='news_column'><h1 class='title'>Xã phát động Tết trồng cây"
        "</h1><span class='h5'>Thứ 2 - 03/02/2025 08:15</span>"
        f"<div class='hometext'>{first[:60]}…</div><div id='news-bodyhtml'><p>{first}</p>"
        "<p>Đoàn viên, thanh niên trồng 300 cây xanh.</p></div></div></body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/news/tin-tuc/trong-cay-12.html")
    assert article.summary == first
    assert article.body.count("tức mùng 6 Tết") == 1


SHAREPOINT_HEAD = (
    "<html><head><meta name='GENERATOR' content='Microsoft SharePoint'><title>Tin hoạt động"
    "</title></head><body class='v4master'><form id='aspnetForm'><div id='s4-workspace'>"
)
QNP_URL = (
    "https://www.quangngai.gov.vn/vi/thanhpho/Pages/qnp-kyhop-qnpnd-10990-qnpnc-61-qnpsite-1.html"
)


def test_sharepoint_title_beside_the_text_not_a_side_box_header():
    """Quảng Ngãi: the left "Chuyên mục" box's header carries a title class too."""
    page = (
        f"{SHAREPOINT_HEAD}<table><tr><td class='left-zone'><div class='box-menu'>"
        "<div class='tieude'>Chuyên mục</div><ul><li><a href='/tin'>Tin hoạt động</a></li></ul>"
        "</div></td><td><div class='qnp-news-detail'><h2 class='title-news'>HĐND phường tổ"
        " chức kỳ họp thứ mười hai</h2><div class='ngaydang'>Thứ Sáu, 18/12/2020 17:05</div>"
        f"<div class='ms-rtestate-field'>{TEXT}</div></div></td></tr></table></div></form>"
        "</body></html>"
    )
    article = extract_article(page, QNP_URL)
    assert article.platform == "sharepoint"
    assert article.title == "HĐND phường tổ chức kỳ họp thứ mười hai"
    assert article.published_at == "2020-12-18T17:05:00+07:00"


def test_sharepoint_publish_line_under_the_text_and_a_byline_pushed_right_by_its_margin():
    page = (
        f"{SHAREPOINT_HEAD}<div class='qnp-news-detail'><h2 class='title-news'>Phường tổ chức"
        f" hội nghị nhân dân năm 2020</h2><div class='ms-rtestate-field'>{TEXT}"
        "<p style='margin-left: 360px;'><strong>Quỳnh Như</strong></p></div>"
        "<div class='news-bottom-info'>Ngày đăng: 28/12/2020 10:45 | Lượt xem: 86 |"
        " <a href='javascript:window.print()'>In trang</a></div></div></div></form></body></html>"
    )
    article = extract_article(page, QNP_URL)
    assert article.published_at == "2020-12-28T10:45:00+07:00"
    assert article.byline == "Quỳnh Như"
    assert article.body.endswith("trước khi trình huyện.")


def test_sharepoint_article_image_field_shown_in_the_text_too_is_one_image():
    page = (
        f"{SHAREPOINT_HEAD}<div class='article'><h1 class='article-title'>Đối thoại với nhân"
        " dân về đất đai</h1><div class='date'>Thứ Ba, 12/03/2024 08:00</div>"
        f"<div class='ms-rtestate-field'><div class='captioned-image'><div class='image'><img"
        " src='/PublishingImages/2024/doi-thoai.jpg'></div><div class='caption'>Quang cảnh buổi"
        f" đối thoại</div></div>{TEXT}</div></div></div></form></body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/Pages/2024-3-12/doi-thoai.aspx")
    assert [i.url.rsplit("/", 1)[-1] for i in article.images] == ["doi-thoai.jpg"]
    assert article.images[0].caption == "Quang cảnh buổi đối thoại"


WORDPRESS_HEAD = (
    "<html><head><title>Tiếp công dân định kỳ - Trang TTĐT</title><link rel='stylesheet'"
    " href='/wp-content/themes/astra/style.css'><script src='/wp-includes/js/jquery/jquery.min.js'>"
    "</script></head><body class='single single-post'>"
)


def test_wordpress_astra_day_and_the_portal_account_as_author():
    """Astra prints the day in span.published (no datetime) and the account's display name,
    a role and the site's name, as the author."""
    page = (
        f"{WORDPRESS_HEAD}<article class='post type-post'><header class='entry-header'>"
        "<h1 class='entry-title'>Tiếp công dân định kỳ tháng 4 năm 2025</h1><div"
        " class='entry-meta'><span class='posted-by vcard author'><a rel='author'"
        " href='/author/qtv/'><span class='author-name'>Quản trị viên Cổng</span></a></span> /"
        " <span class='published'>16/04/2025</span></div></header>"
        f"<div class='entry-content'>{TEXT}</div></article></body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/tiep-cong-dan-thang-4/")
    assert article.platform == "wordpress"
    assert article.published_at == "2025-04-16T00:00:00+07:00"
    assert article.byline is None


def test_wordpress_table_of_contents_box_is_no_text():
    toc = (
        "<div id='ez-toc-container' class='ez-toc-v2_0'><p class='ez-toc-title'>Mục lục</p>"
        "<ul><li><a href='#1'>1. Kết quả kiểm tra</a></li></ul></div>"
    )
    page = (
        f"{WORDPRESS_HEAD}<article class='post type-post'><h1 class='entry-title'>Đoàn thẩm"
        " định nông thôn mới</h1><time class='entry-date published' datetime="
        f"'2025-04-16T08:00:00+07:00'>16/04/2025</time><div class='entry-content'>{toc}{TEXT}"
        "</div></article></body></html>"
    )
    article = extract_article(page, "https://xa.example.gov.vn/tham-dinh-nong-thon-moi/")
    assert article.body.startswith("Ngày 6/9, đoàn thẩm định")


def test_haiphong_2025_listing_leaves_out_the_right_column_box():
    items = "".join(
        f"<div class='news-list-item'><h3><a href='/tin-tuc-su-kien-66860/tin-{n}-7776{n:02d}'>"
        f"Tin số {n} của phường</a></h3><div class='date'>2{n}/10/2025</div></div>"
        for n in range(5)
    )
    page = (
        "<html><head><title>Tin tức - Sự kiện</title></head><body><main><div class='row'>"
        f"<div class='col-lg-8'><h1 class='page-title'>Tin tức - Sự kiện</h1>{items}</div>"
        "<div class='col-lg-4'><div class='col-right'><div class='box'><div class='box-header'>"
        "Tin đọc nhiều</div><ul><li><a href='/thong-bao-66861/lich-tiep-cong-dan-777590'>Lịch"
        " tiếp công dân</a></li></ul></div></div></div></div></main></body></html>"
    )
    listing = parse_listing(page, "https://tanhung.haiphong.gov.vn/tin-tuc-su-kien-66860?page=2")
    assert listing.platform == "haiphong2025"
    assert len(listing.article_urls) == 5
    assert not any("777590" in url for url in listing.article_urls)


def _publisher(instance: str, entries: str, pager: str = "") -> str:
    return (
        f"<div class='portlet-boundary portlet-boundary_101_ portlet-asset-publisher'"
        f" id='p_p_id_101_INSTANCE_{instance}_'><div class='portlet-body'>{entries}{pager}"
        "</div></div>"
    )


def _abstracts(prefix: str, count: int) -> str:
    return "".join(
        f"<div class='asset-abstract'><h3 class='asset-title'><a href='/tin-tuc/-/view_content/"
        f"{prefix}{n}-bai-{n}.html'>Bài {prefix} số {n}</a></h3></div>"
        for n in range(count)
    )


def test_liferay6_listing_pages_through_the_publisher_its_address_names():
    """The section's last page holds 5 entries, the "Thông báo" publisher below it 10: the
    address pages through the section's instance, so its entries are the listing."""
    pager = "<div class='taglib-page-iterator'><a href='?_101_INSTANCE_{i}_cur=1'>1</a></div>"
    page = (
        f"<html><head><title>Tin tức</title>{LIFERAY_JS}</head><body>"
        + _publisher("news1", _abstracts("7701", 5), pager.format(i="news1"))
        + _publisher("notice2", _abstracts("8801", 10), pager.format(i="notice2"))
        + "</body></html>"
    )
    url = "https://quan.example.gov.vn/tin-tuc?p_p_id=101_INSTANCE_news1&_101_INSTANCE_news1_cur=5"
    listing = parse_listing(page, url)
    assert listing.platform == "liferay6"
    assert len(listing.article_urls) == 5
    assert all("/7701" in link for link in listing.article_urls)


def test_liferay6_unmarked_listing_keeps_one_publisher_s_address_of_each_article():
    """A theme without asset-abstract markup: Liferay links an article under each publisher
    that shows it; "Tin nổi bật" must not add a second address of the section's articles."""
    link = (
        "<li><a href='/tin-tuc/-/asset_publisher/{i}/content/bai-{n}?redirect=%2F'>Bài {n}</a></li>"
    )
    own = "".join(link.format(i="news1", n=n) for n in range(8))
    featured = "".join(link.format(i="hot9", n=n) for n in range(3))
    page = (
        f"<html><head><title>Tin tức</title>{LIFERAY_JS}</head><body>"
        f"<div id='p_p_id_101_INSTANCE_news1_'><ul class='news-list'>{own}</ul></div>"
        f"<div id='p_p_id_101_INSTANCE_hot9_'><ul class='hot'>{featured}</ul></div>"
        "</body></html>"
    )
    listing = parse_listing(page, "https://quan.example.gov.vn/tin-tuc")
    assert len(listing.article_urls) == 8
    assert not any("/hot9/" in url for url in listing.article_urls)


def test_liferay_removed_asset_message_is_an_error_page():
    page = (
        f"<html><head><title>Tin tức - Cổng TTĐT</title>{LIFERAY_JS}</head><body>"
        "<div class='portlet-boundary portlet-boundary_101_' id='p_p_id_101_INSTANCE_news1_'>"
        "<div class='portlet-msg-error'>Không tìm thấy tài nguyên được yêu cầu.</div></div>"
        "</body></html>"
    )
    with pytest.raises(NotAnArticle) as raised:
        extract_article(page, LIFERAY6_URL)
    assert raised.value.reason == "error_page"


def test_liferay7_listing_past_its_end_lists_nothing_not_a_side_box():
    news_portlet = "vn_danang_portal_news_web_NewsListPortlet_INSTANCE_q3Lb"
    box_portlet = "vn_danang_portal_news_web_NewsBoxPortlet_INSTANCE_m2"
    newest = "".join(
        f"<li><a href='/chi-tiet-tin-tuc?d=9010{n}&c=9'>Tin mới số {n}</a></li>" for n in range(5)
    )
    page = (
        f"<html><head><title>Tin tức - Sự kiện</title>{LIFERAY7_HEAD}</head><body>"
        f"<div class='portlet-boundary portlet-boundary_x_' id='p_p_id_{news_portlet}_'>"
        "<div class='list-news'><div class='alert alert-info'>Không có dữ liệu</div></div>"
        "<div class='phan-trang'><ul class='pagination'><li class='page-item'><a"
        " class='page-link' href='/danh-sach-tin-tuc?c=7&amp;page=7'>Trang sau</a></li></ul>"
        f"</div></div><div class='portlet-boundary portlet-boundary_y_' id='p_p_id_{box_portlet}_'>"
        f"<ul class='box-news'>{newest}</ul></div></body></html>"
    )
    listing = parse_listing(page, "https://phuong.example.gov.vn/danh-sach-tin-tuc?c=7&page=6")
    assert listing.platform == "liferay7"
    assert listing.article_urls == []


def test_haiphong_2025_listing_leaves_out_another_category_s_featured_strip():
    """A featured strip above a last page of two: three items of "Thông báo" and two of the
    section's own; the section's list is under its own category path."""
    strip = "".join(
        f"<div class='col-md-3 feature'><h4><a href='{path}'>Nổi bật {n}</a></h4></div>"
        for n, path in enumerate(
            [
                "/thong-bao-66861/thong-bao-a-777506",
                "/thong-bao-66861/thong-bao-b-777507",
                "/thong-bao-66861/thong-bao-c-777508",
                "/tin-tuc-su-kien-66860/tin-noi-bat-777029",
                "/tin-tuc-su-kien-66860/tin-noi-bat-777022",
            ]
        )
    )
    items = "".join(
        f"<div class='post-item'><h3 class='post-title'><a href='/tin-tuc-su-kien-66860/"
        f"tin-{n}-7770{n}0'>Tin số {n}</a></h3></div>"
        for n in (1, 2)
    )
    page = (
        "<html><head><title>Tin tức - Sự kiện</title></head><body><main>"
        f"<h1 class='cat-title'>Tin tức - Sự kiện</h1><div class='featured-strip row'>{strip}</div>"
        f"<div class='post-list'>{items}</div></main></body></html>"
    )
    listing = parse_listing(page, "https://anduong.haiphong.gov.vn/tin-tuc-su-kien-66860?page=5")
    assert listing.platform == "haiphong2025"
    assert not any("/thong-bao-66861/" in url for url in listing.article_urls)
    assert len(listing.article_urls) == 4


def test_sharepoint_registration_date_under_the_text_is_no_publish_date():
    page = (
        f"{SHAREPOINT_HEAD}<div class='qnp-news-detail'><h2 class='title-news'>Phường mở lớp"
        f" tập huấn kỹ năng số cho người dân</h2><div class='ms-rtestate-field'>{TEXT}</div>"
        "<div class='news-bottom-info'>Ngày đăng ký: 28/12/2020 10:45</div></div></div></form>"
        "</body></html>"
    )
    article = extract_article(page, QNP_URL)
    assert article.published_at is None
