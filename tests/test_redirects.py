"""Where a redirected article address lands: on the article, or away from it."""

from __future__ import annotations

import pytest

from scraper.redirects import lands_away

SECTION = "https://x.gov.vn/tin-tuc"
ARTICLE = "https://x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-1234.html"


@pytest.mark.parametrize(
    ("final", "away"),
    [("https://x.gov.vn/", True), ("https://x.gov.vn", True),
     ("https://x.gov.vn/index.php", True), ("https://x.gov.vn/Default.aspx", True),
     ("https://x.gov.vn/trang-chu", True), ("https://x.gov.vn/vi/", True),
     ("https://x.gov.vn/tin-tuc", True), ("https://x.gov.vn/tin-tuc/?page=3", True),
     # the article's own address, written another way
     ("https://x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-1234.html", False),
     ("http://www.x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-1234.html/", False),
     ("https://x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-1234.html/ban-in", False),
     ("https://x.gov.vn/Tin-Tuc/hoi-nghi-tiep-xuc-cu-tri-1234.html", False),
     ("https://x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-ky-hop-1234.html", False)],
)  # fmt: skip
def test_an_article_sent_to_a_front_page(final, away):
    assert lands_away(ARTICLE, final, SECTION) is away


def test_an_article_sent_to_its_category_above_it():
    article = "https://x.gov.vn/vi/tin-tuc-su-kien/-/view_content/1234-hoi-nghi"
    assert lands_away(article, "https://x.gov.vn/vi/tin-tuc-su-kien", "https://x.gov.vn/thong-bao")
    assert lands_away(article, "https://x.gov.vn/vi/tin-tuc-su-kien/-", "https://x.gov.vn/a")
    assert not lands_away(article, "https://x.gov.vn/vi/tin-tuc-su-kien/-/view_content/1234", "")


def test_an_article_sent_to_its_own_shorter_address_is_not_away():
    article = "https://x.gov.vn/tin-tuc/1234/hoi-nghi-tiep-xuc-cu-tri"
    assert not lands_away(article, "https://x.gov.vn/tin-tuc/1234", SECTION + "/")


@pytest.mark.parametrize(
    ("article", "final", "away"),
    [("http://x.gov.vn/index.php?com=tin&id=46", "https://x.gov.vn/index.php?com=tin&id=46", False),
     ("https://x.gov.vn/?cn=323&tc=840", "https://x.gov.vn/?cn=323&tc=840&lang=vi", False),
     ("https://x.gov.vn/index.php?com=tin&id=46", "https://x.gov.vn/index.php", True),
     ("https://x.gov.vn/?cn=323&tc=840", "https://x.gov.vn/", True)],
)  # fmt: skip
def test_items_named_in_the_query(article, final, away):
    assert lands_away(article, final, "https://x.gov.vn/?cn=323") is away
