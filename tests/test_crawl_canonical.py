"""Listing links that carry where they were shown ("?redirect=<listing page>&utm_source=…",
as Liferay's asset publisher writes them): each article is fetched and archived once, under
its address without them, and a nightly run does not take shifted articles for new ones."""

from __future__ import annotations

import sqlite3

import pytest

from scraper.canonical import canonical_url, stable_prefix

from .changing_portal import ChangingPortal, serve
from .test_incremental import crawl


@pytest.mark.parametrize(
    ("shown", "key"),
    [
        (("https://x.gov.vn/tin/-/asset_publisher/AbC/content/hoi-nghi?redirect=%2Ftin%3Fcur%3D2"
         "&inheritRedirect=true"), "https://x.gov.vn/tin/-/asset_publisher/AbC/content/hoi-nghi"),
        (("https://x.gov.vn/tin?p_p_id=101_INSTANCE_x&_101_INSTANCE_x_redirect=%2Ftin"
         "&_101_INSTANCE_x_assetEntryId=55"),
         "https://x.gov.vn/tin?p_p_id=101_INSTANCE_x&_101_INSTANCE_x_assetEntryId=55"),
        ("http://q3.gov.vn/tintuc/Lists/Posts/Post.aspx?ItemID=12802&Mode=1&Source=%2Ftintuc",
         "http://q3.gov.vn/tintuc/Lists/Posts/Post.aspx?ItemID=12802&Mode=1"),
        ("https://x.gov.vn/a-123.html?utm_source=fb&fbclid=Iw0", "https://x.gov.vn/a-123.html"),
        # The host as one: its case and its default port say nothing.
        ("HTTP://X.Gov.VN:80/a-123.html", "http://x.gov.vn/a-123.html"),
        ("https://x.gov.vn:443/a-123.html?id=4", "https://x.gov.vn/a-123.html?id=4"),
        ("https://x.gov.vn:8443/a-123.html", "https://x.gov.vn:8443/a-123.html"),
        ("https://x.gov.vn/a;jsessionid=0F3A9?id=5", "https://x.gov.vn/a?id=5"),
        # Sessions in links: PHP's trans_sid, ASP.NET's cookieless path segment.
        ("https://x.gov.vn/tin.php?id=12&PHPSESSID=9f2c1a", "https://x.gov.vn/tin.php?id=12"),
        ("https://x.gov.vn/(S(kq2x1bz5))/TinTuc/ChiTiet.aspx?ID=5",
         "https://x.gov.vn/TinTuc/ChiTiet.aspx?ID=5"),
        ("https://x.gov.vn/(X(1)S(kq2x1bz5))/TinTuc/ChiTiet.aspx?ID=5",
         "https://x.gov.vn/TinTuc/ChiTiet.aspx?ID=5"),
        ("https://x.gov.vn/tin.php?sid=3", "https://x.gov.vn/tin.php?sid=3"),  # (a section id)
        # The listing page a link was shown on, beside the item's id.
        ("https://x.gov.vn/ChiTiet.aspx?ID=617&MaDM=5&page=2", "https://x.gov.vn/ChiTiet.aspx?ID=617&MaDM=5"),
        ("https://x.gov.vn/index.php?com=tin&id_tin=46&trang=3", "https://x.gov.vn/index.php?com=tin&id_tin=46"),
        # Where the link was placed, beside a path that names the article by its number.
        ("https://x.gov.vn/tin-tuc/hoi-nghi-12.html?src=chuyen-muc&pos=3",
         "https://x.gov.vn/tin-tuc/hoi-nghi-12.html"),
        ("https://x.gov.vn/tin/67d1484a7cc888ace90df82f?from=home&id=2", "https://x.gov.vn/tin/67d1484a7cc888ace90df82f?id=2"),
        # ... but not where the path names no article: a module's name.
        ("https://x.gov.vn/index.php?src=news&id=5", "https://x.gov.vn/index.php?src=news&id=5"),
        # What names the article stays, as the page wrote it.
        ("https://x.gov.vn/tin-tuc?page=2", "https://x.gov.vn/tin-tuc?page=2"),
        ("https://x.gov.vn/?p=123&page=2", "https://x.gov.vn/?p=123&page=2"),
        ("https://x.gov.vn/chi-tiet?d=1045&c=7&lang=vi", "https://x.gov.vn/chi-tiet?d=1045&c=7&lang=vi"),
        ("https://x.gov.vn/?cn=41&gd=2&tc=1187", "https://x.gov.vn/?cn=41&gd=2&tc=1187"),
        # As it is requested: Vietnamese letters and spaces %-encoded.
        ("https://x.gov.vn/tin-tuc/Hội-nghị?id=5&redirect=%2F",
         "https://x.gov.vn/tin-tuc/H%E1%BB%99i-ngh%E1%BB%8B?id=5"),
        ("https://x.gov.vn/tin tức/hội nghị-12.html", "https://x.gov.vn/tin%20t%E1%BB%A9c/h%E1%BB%99i%20ngh%E1%BB%8B-12.html"),
    ],
)  # fmt: skip
def test_canonical_url(shown, key):
    assert canonical_url(shown) == key


@pytest.mark.parametrize(
    ("shown", "prefix"),
    [
        ("https://x.gov.vn/tin/-/content/hoi-nghi?redirect=%2Ftin%3Fcur%3D2&inheritRedirect=true",
         "https://x.gov.vn/tin/-/content/hoi-nghi?"),
        ("http://q3.gov.vn/Lists/Posts/Post.aspx?ItemID=12802&Mode=1&Source=%2Ftintuc",
         "http://q3.gov.vn/Lists/Posts/Post.aspx?ItemID=12802&Mode=1&"),
        ("https://x.gov.vn/a;jsessionid=0F3A9?id=5", "https://x.gov.vn/a"),
        ("https://x.gov.vn/chi-tiet?d=1045&c=7", None),
        ("https://x.gov.vn/tin/hoi-nghi-60034.html?src=chuyen-muc&pos=12", "https://x.gov.vn/tin/hoi-nghi-60034.html?"),
        ("https://x.gov.vn/index.php?src=news&id=5", None),
        ("https://x.gov.vn/a-123.html", None),
    ],
)  # fmt: skip
def test_stable_prefix_is_the_address_up_to_its_first_volatile_part(shown, prefix):
    assert stable_prefix(shown) == prefix


def test_each_article_once_under_its_own_address(tmp_path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(7)
    portal.link_params = True
    with serve(portal) as base:
        crawl(base, db)
        first = [p for p in portal.paths if p.startswith("/tin-tuc/")]
        portal.paths.clear()
        portal.add(2)  # every listed article moves down: two of them to page 2
        crawl(base, db)
        second = [p for p in portal.paths if p.startswith("/tin-tuc/")]
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("select url from articles")]
    assert sorted(stored) == sorted(base + s.path for s in portal.stories)
    assert sorted(first) == sorted(s.path for s in portal.stories[2:])
    # The next night: the two new articles only, though every link's "redirect" changed.
    assert sorted(second) == sorted(s.path for s in portal.stories[:2])


class _Archive:
    """The crawl memory's one question, answered from a set of archived URLs."""

    def __init__(self, urls: set[str]) -> None:
        self.urls = urls

    def known(self, urls):
        return {url: object() for url in urls if url in self.urls}

    def known_as(self, url):
        return None


def test_an_archive_keyed_as_shown_keeps_its_keys():
    """Archives made before the rule hold some articles under their shown address: those keep
    it (and are known, not fetched again); new articles get the address without parameters."""
    from scraper.spiders.portal import PortalSpider

    old = "https://x.gov.vn/tin/a-101.html?redirect=%2Ftin"
    spider = PortalSpider(start_urls="https://x.gov.vn/tin")
    spider.memory = _Archive({old})
    new = "https://x.gov.vn/tin/a-102.html?redirect=%2Ftin"
    keys, known = spider._keys([old, new])
    assert keys == {old: old, new: "https://x.gov.vn/tin/a-102.html"}
    assert set(known) == {old}


def test_a_portal_moved_to_https_links_to_articles_archived_under_http():
    """The listing now links over https; the articles are archived under their http address:
    known under it, not fetched and stored a second time."""
    from scraper.spiders.portal import PortalSpider

    archived = "http://x.gov.vn/tin/a-101.html"
    spider = PortalSpider(start_urls="https://x.gov.vn/tin")
    spider.memory = _Archive({archived})
    moved, new = "https://x.gov.vn/tin/a-101.html", "https://x.gov.vn/tin/a-102.html"
    keys, known = spider._keys([moved, new])
    assert keys == {moved: archived, new: new}
    assert set(known) == {archived}
    # Not across ports: another port is another server.
    spider.memory = _Archive({"http://x.gov.vn:8080/tin/a-101.html"})
    assert spider._keys([moved])[0] == {moved: moved}


@pytest.mark.parametrize(
    ("archived", "shown"),
    [
        ("http://x.gov.vn/tin/a-101.html", "http://www.x.gov.vn/tin/a-101.html"),
        ("https://www.x.gov.vn/tin/a-101.html", "https://x.gov.vn/tin/a-101.html"),
        ("http://x.gov.vn/tin/a-101.html", "https://www.x.gov.vn/tin/a-101.html"),
    ],
)
def test_a_portal_now_writing_its_host_with_or_without_www_links_to_its_archived_articles(
    archived, shown
):
    """The listing's links gain (or lose) "www.", maybe with https: the articles are known
    under their first address, not fetched and stored again (undated ones could not be told
    apart from new articles at all)."""
    from scraper.spiders.portal import PortalSpider

    spider = PortalSpider(start_urls="http://x.gov.vn/tin")
    spider.memory = _Archive({archived})
    new = shown.replace("a-101", "a-102")
    keys, known = spider._keys([shown, new])
    assert keys == {shown: archived, new: new}
    assert set(known) == {archived}


def test_an_article_archived_as_shown_another_day_is_not_fetched_again(tmp_path):
    """An archive made before keys dropped "redirect=" holds an article as it was shown on
    listing page 1. Pushed to page 2, the link changes; the archive still knows the article:
    it is not fetched, and not stored a second time."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(5)
    portal.link_params = True
    old_story = portal.stories[-1]
    with serve(portal) as base:
        crawl(base, db)
        as_shown = base + old_story.path + "?redirect=%2Ftin-tuc%3Fpage%3D1&utm_source=zalo"
        with sqlite3.connect(db) as conn:  # the key it had in an archive of the old rule
            conn.execute(
                "UPDATE articles SET url = ? WHERE url = ?", (as_shown, base + old_story.path)
            )
        portal.paths.clear()
        portal.add(1)  # the old article moves to page 2, its link to "redirect=…page%3D2"
        crawl(base, db, "--recheck", "0")
        fetched = [p for p in portal.paths if p.startswith("/tin-tuc/")]
    assert fetched == [portal.stories[0].path]  # the new article only
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert as_shown in stored and base + old_story.path not in stored
    assert len(stored) == 6
