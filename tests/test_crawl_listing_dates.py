"""A portal whose article pages show no date, while its listing shows one beside each link:
the crawl stores the listing's date, and keeps it when it re-checks the articles later
without reading the listing again."""

from __future__ import annotations

import sqlite3

from .changing_portal import LISTING, ChangingPortal, serve
from .test_crawl_e2e import crawl


def _stored(db) -> dict[str, tuple[str | None, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, published_at, published_precision FROM articles")
        return {url: (published, precision) for url, published, precision in rows}


def _day(story) -> str:
    day, month, year = story.day.split("/")
    return f"{year}-{month}-{day}T00:00:00+07:00"


def test_undated_articles_take_their_listing_date_and_keep_it_on_recheck(tmp_path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(7)
    portal.undated = True
    with serve(portal) as base:
        first = crawl(base + LISTING, db)
        assert first.returncode == 0, first.stderr[-2000:]
        expected = {base + s.path: (_day(s), "day") for s in portal.stories}
        assert _stored(db) == expected
        # Later the portal edits an article on the second listing page; the nightly crawl,
        # stopping at the first known page, reads page 1 only and re-checks every article
        # from the archive.
        edited = portal.stories[-1]
        edited.paragraphs = [*edited.paragraphs, "Kết thúc hội nghị, phường ban hành kế hoạch."]
        portal.paths.clear()
        second = crawl(base + LISTING, db, "--recheck", "all", "-s", "VNNEWS_KNOWN_PAGES_TO_STOP=1")
    assert second.returncode == 0, second.stderr[-2000:]
    assert [p for p in portal.paths if p.startswith(LISTING + "?page=2")] == []
    assert _stored(db) == expected
    with sqlite3.connect(db) as conn:
        versions = conn.execute(
            "SELECT published_at FROM article_versions WHERE url = ? ORDER BY version",
            (base + edited.path,),
        ).fetchall()
    assert versions == [(_day(edited),), (_day(edited),)]
