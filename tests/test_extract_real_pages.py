"""The extractor on real Liferay 6.2 pages saved from sotttt.hanoi.gov.vn (../shared)."""

from __future__ import annotations

import pytest

from scraper.extraction import extract_article, parse_listing

from .real_fixtures import real_page, requires_real_fixtures

pytestmark = requires_real_fixtures

ARTICLE_2022 = "liferay62_sotttt-hanoi_article_2022_khong-dung-tien-mat.html"
ARTICLE_2016 = "liferay62_sotttt-hanoi_article_2016_tong-ket-pctt.html"
LISTING = "liferay62_sotttt-hanoi_listing_tin-tuc-su-kien_p1.html"
URL_2022 = (
    "https://sotttt.hanoi.gov.vn/vi/cong-nghe-thong-tin/-/view_content/"
    "4418033-chinh-thuc-kich-hoat-su-kien-khong-dung-tien-mat-nam-2022.html"
)
URL_2016 = (
    "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/1013487-tong-ket-cong-tac-"
    "phong-chong-thien-tai-nam-2015-va-trien-khai-nhiem-vu-nam-2016.html"
)


@pytest.fixture(scope="module", params=["liferay6", None, "generic"])
def article_2022(request):
    """Detected, forced Liferay, and the generic extractor must all read it the same."""
    return extract_article(real_page(ARTICLE_2022), URL_2022, platform=request.param)


@pytest.fixture(scope="module")
def article_2016():
    return extract_article(real_page(ARTICLE_2016), URL_2016)


def test_2022_title(article_2022):
    assert article_2022.title == "Chính thức kích hoạt Sự kiện không dùng tiền mặt năm 2022"


def test_2022_published_at(article_2022):
    assert article_2022.published_at == "2022-07-21T10:00:00+07:00"
    assert article_2022.published_precision == "minute"
    assert article_2022.published_text == "21/07/2022 | 10:00 AM"


def test_2022_byline_is_author_not_editor_account(article_2022):
    assert article_2022.byline == "Trọng Toàn"
    assert "Phạm Văn Linh" not in article_2022.body
    assert "Trọng Toàn" not in article_2022.body


def test_2022_body_first_and_last_sentences(article_2022):
    paragraphs = article_2022.body.split("\n\n")
    assert paragraphs[0].startswith("Ngày 21/7, tại Hà Nội, Cục Thương mại điện tử và Kinh tế số")
    assert paragraphs[0].endswith('với chủ đề "Chạm tới tương lai".')
    assert paragraphs[-1].endswith(
        "ưu tiên tại các cơ sở giáo dục đào tạo, các bệnh viện và cơ sở y tế..."
    )
    assert len(paragraphs) == 8


def test_2022_no_navigation_or_related_list_in_body(article_2022):
    for noise in (
        "Các tin khác",
        "In bài viết",
        "Gửi mail",
        "LIÊN KẾT WEBSITE",
        "Hội nghị của UBND Thành phố về công tác cán bộ",
    ):
        assert noise not in article_2022.body


def test_2022_captions_go_to_images_not_body(article_2022):
    captions = [i.caption for i in article_2022.images if i.caption]
    assert "Các đại biểu thực hiện nghi thức kích hoạt Sự kiện" in captions
    assert "Các đại biểu thực hiện nghi thức kích hoạt Sự kiện" not in article_2022.body


def test_2022_summary_is_the_sapo(article_2022):
    assert article_2022.summary is not None
    assert article_2022.summary.startswith("Ngày 21/7, tại Hà Nội")


def test_2022_category_from_page_title():
    article = extract_article(real_page(ARTICLE_2022), URL_2022)
    assert article.category == "Công nghệ thông tin"
    assert article.platform == "liferay6"
    assert article.warnings == []


def test_2016_labelled_dateline_with_view_count(article_2016):
    assert article_2016.published_at == "2016-05-20T11:41:00+07:00"
    assert article_2016.published_text == "Ngày đăng 20/05/2016 | 11:41 AM"


def test_2016_byline_not_editor_account(article_2016):
    assert article_2016.byline == "Kim Chi"
    assert "Pho Ban bien tap" not in article_2016.body


def test_2016_table_rows_kept_and_lead_from_bold_paragraph(article_2016):
    assert article_2016.summary.startswith("Ngày 12/5/2016, Hội nghị tổng kết")
    assert "1. Bà Phạm Thị Xuân Mai, Phó giám đốc, Trưởng ban PCTT, Bưu điện Hà Nội." in (
        article_2016.body
    )
    assert article_2016.body.split("\n\n")[-1].startswith("6. Ông Hoàng Minh Thắng")


def test_listing_page_links_and_next_page():
    url = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"
    listing = parse_listing(real_page(LISTING), url)
    assert listing.platform == "liferay6"
    assert len(listing.article_urls) == 20
    assert listing.article_urls[0] == (
        "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/4430301-thong-bao-danh-"
        "sach-du-va-khong-du-tieu-chuan-dieu-kien-du-ky-thi-tuyen-cong-chuc-nam-2022.html"
    )
    assert all("/-/view_content/" in u for u in listing.article_urls)
    assert listing.next_url is not None and listing.next_url.endswith("_101_cur=2")
