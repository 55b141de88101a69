"""A portal that moves its pages to new paths on its own host ("/tin-tuc/…" to
"/web/hoaxuan/tin-tuc/…", the old addresses answering 301): each article stays one row, its
new address recorded as another address of it, and later nights know it there."""

from __future__ import annotations

from pathlib import Path

from .changing_portal import ChangingPortal, serve
from .test_incremental import articles, crawl, rows


def test_pages_moved_on_the_same_host_are_not_archived_twice(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    nights = []
    with serve(portal) as base:
        crawl(base, db)
        before = articles(db)
        portal.moved_under = "/web/hoaxuan"
        for _ in range(2):
            portal.paths.clear()
            crawl(base, db)
            nights.append([p for p in portal.paths if p.startswith("/web/")])
    after = articles(db)
    addresses = rows(db, "select url, article_url from article_addresses")
    assert set(after) == set(before)
    assert len(addresses) == 6
    assert all(a["url"] == a["article_url"].replace(base, base + "/web/hoaxuan") for a in addresses)
    assert len(nights[0]) == 6  # each new address fetched once, found to be a known story
    assert nights[1] == []  # then known there


def test_one_story_shown_in_two_sections_is_stored_once(tmp_path: Path):
    """Same title, time and text at another address: the first's other address. Another
    day, or another text under the same title and time, is another story."""
    from archive.store import Archive

    archive = Archive(tmp_path / "archive.db")
    archive.upsert_portal("p", "Phường", "https://p.gov.vn/", None, ["https://p.gov.vn/tin-tuc"])
    story = {
        "portal_id": "p",
        "title": "Hội nghị tiếp xúc cử tri trước kỳ họp",
        "published_at": "2025-03-10T08:15:00+07:00",
        "published_precision": "minute",
        "body": "Sáng 10/3, Thường trực HĐND phường tổ chức hội nghị tiếp xúc cử tri.",
        "fetched_at": "2025-03-10T02:00:00+00:00",
    }
    first = archive.upsert_article({**story, "url": "https://p.gov.vn/tin-tuc/hoi-nghi-12"})
    again = archive.upsert_article({**story, "url": "https://p.gov.vn/thong-bao/hoi-nghi-12"})
    other_day = archive.upsert_article(
        {
            **story,
            "url": "https://p.gov.vn/tin-tuc/hoi-nghi-13",
            "published_at": "2025-04-10T08:15:00+07:00",
        }
    )
    another_text = archive.upsert_article(
        {**story, "url": "https://p.gov.vn/tin-tuc/hoi-nghi-14", "body": "Lịch tiếp công dân."}
    )
    assert (first, again, other_day, another_text) == ("new", "unchanged", "new", "new")
    recorded = archive.conn.execute(
        "select article_url from article_addresses where url = ?",
        ("https://p.gov.vn/thong-bao/hoi-nghi-12",),
    ).fetchall()
    assert recorded == [("https://p.gov.vn/tin-tuc/hoi-nghi-12",)]
    known = archive.known_articles(["https://p.gov.vn/thong-bao/hoi-nghi-12"])
    assert (
        known["https://p.gov.vn/thong-bao/hoi-nghi-12"].url
        == "https://p.gov.vn/tin-tuc/hoi-nghi-12"
    )
    archive.close()
