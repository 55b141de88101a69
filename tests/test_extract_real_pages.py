"""The extractor on real Liferay 6.2 pages saved from sotttt.hanoi.gov.vn (../shared).

Exact fields are checked against `tests/golden_real/` (by SHA-256: no text of the real pages
is copied into the project). These tests check the rules, reading what they need from the
page itself at test time.
"""

from __future__ import annotations

import lxml.html
import pytest

from scraper.extraction import NotAnArticle, extract_article, parse_listing
from scraper.extraction.text import clean_line

from .real_fixtures import real_page, requires_real_fixtures

pytestmark = requires_real_fixtures

ARTICLE_2022 = "liferay62_sotttt-hanoi_article_2022_khong-dung-tien-mat.html"
ARTICLE_2016 = "liferay62_sotttt-hanoi_article_2016_tong-ket-pctt.html"
LISTING = "liferay62_sotttt-hanoi_listing_tin-tuc-su-kien_p1.html"
URL_2022 = "https://sotttt.hanoi.gov.vn/vi/cong-nghe-thong-tin/-/view_content/4418033-x.html"
URL_2016 = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien/-/view_content/1013487-x.html"


def _texts(name: str, selector: str) -> list[str]:
    tree = lxml.html.document_fromstring(real_page(name))
    return [clean_line(el.text_content()) for el in tree.cssselect(selector)]


@pytest.fixture(scope="module", params=["liferay6", None, "generic"])
def article_2022(request):
    return extract_article(real_page(ARTICLE_2022), URL_2022, platform=request.param)


def test_forced_detected_and_generic_extraction_agree(article_2022):
    reference = extract_article(real_page(ARTICLE_2022), URL_2022, platform="liferay6")
    for field in ("title", "published_at", "byline", "summary", "body"):
        assert getattr(article_2022, field) == getattr(reference, field), field


@pytest.mark.parametrize(("name", "url"), [(ARTICLE_2022, URL_2022), (ARTICLE_2016, URL_2016)])
def test_title_is_the_article_heading_not_the_page_title(name, url):
    article = extract_article(real_page(name), url)
    assert [article.title] == _texts(name, ".asset-full-content-title")
    assert article.platform == "liferay6"


@pytest.mark.parametrize(("name", "url"), [(ARTICLE_2022, URL_2022), (ARTICLE_2016, URL_2016)])
def test_editor_account_is_neither_byline_nor_body(name, url):
    article = extract_article(real_page(name), url)
    editors = _texts(name, ".view-content-author")
    assert editors and all(editors)
    for editor in editors:
        assert article.byline != editor
        assert editor not in article.body
    assert article.byline and article.byline not in article.body
    assert article.authors == [article.byline]


@pytest.mark.parametrize(("name", "url"), [(ARTICLE_2022, URL_2022), (ARTICLE_2016, URL_2016)])
def test_captions_go_to_images_not_body(name, url):
    article = extract_article(real_page(name), url)
    captions = [i.caption for i in article.images if i.caption]
    assert captions
    for caption in captions:
        assert caption not in article.body


@pytest.mark.parametrize(("name", "url"), [(ARTICLE_2022, URL_2022), (ARTICLE_2016, URL_2016)])
def test_summary_is_the_first_paragraph_and_no_page_furniture(name, url):
    article = extract_article(real_page(name), url)
    assert article.summary and article.body.startswith(article.summary)
    for noise in ("Các tin khác", "In bài viết", "Gửi mail", "LIÊN KẾT WEBSITE", "View count"):
        assert noise not in article.body
    other_news = _texts(name, ".other-news a, .asset-abstract .asset-title a")
    for headline in other_news:
        assert headline not in article.body


def test_2016_table_rows_kept_as_text_rows():
    article = extract_article(real_page(ARTICLE_2016), URL_2016)
    rows = [p for p in article.body.split("\n\n") if p[:2] in {f"{i}." for i in range(1, 10)}]
    assert len(rows) >= 5


@pytest.mark.parametrize("platform", [None, "generic"])
def test_listing_page_is_not_an_article(platform):
    """Its teasers' linked headings are no article's title, whichever reader is asked."""
    url = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"
    with pytest.raises(NotAnArticle) as caught:
        extract_article(real_page(LISTING), url, platform=platform)
    assert caught.value.reason == "not_an_article"
    assert caught.value.detail.startswith("a listing page")


def test_listing_page_links_and_next_page():
    listing = parse_listing(real_page(LISTING), "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien")
    assert listing.platform == "liferay6"
    assert len(listing.article_urls) == 20
    assert all("/-/view_content/" in u for u in listing.article_urls)
    assert listing.next_url is not None and listing.next_url.endswith("_101_cur=2")
