"""A backfill bounded by --since / --until: what the listing dates outside the window is not
downloaded, and paging stops at the first page older than --since."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from .changing_portal import LISTING, ChangingPortal, serve
from .test_crawl_e2e import crawl

NEWEST = date(2025, 3, 31)
STEP = timedelta(days=3)


def _portal() -> ChangingPortal:
    """20 articles, 5 a page, three days apart: 31/03/2025, 28/03, 25/03 … 02/02/2025."""
    portal = ChangingPortal.with_stories(20)
    for i, story in enumerate(portal.stories):
        story.day = (NEWEST - i * STEP).strftime("%d/%m/%Y")
    return portal


def _iso(story) -> str:
    day, month, year = story.day.split("/")
    return f"{year}-{month}-{day}"


def _run(tmp_path, *window: str):
    portal = _portal()
    db = tmp_path / "archive.db"
    with serve(portal) as base:
        result = crawl(base + LISTING, db, *window)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        stored = {row[0].removeprefix(base) for row in conn.execute("SELECT url FROM articles")}
    fetched = {p for p in portal.paths if p.startswith(LISTING + "/")}
    listings = [p for p in portal.paths if p.split("?")[0] == LISTING]
    return portal, stored, fetched, listings


def test_since_fetches_only_what_the_listing_dates_inside_and_stops_paging(tmp_path):
    portal, stored, fetched, listings = _run(tmp_path, "--since", "2025-03-11")
    assert stored == {s.path for s in portal.stories if _iso(s) >= "2025-03-11"}
    # One day's margin: the article listed on 10/03 is fetched (and not stored), 07/03 is not.
    assert fetched == {s.path for s in portal.stories if _iso(s) >= "2025-03-10"}
    # Page 2 ends on 04/03; page 3 (01/03 … 19/02) is all older: paging stops there.
    assert listings == [LISTING, LISTING + "?page=2", LISTING + "?page=3"]


def test_until_fetches_nothing_the_listing_dates_after_it(tmp_path):
    portal, stored, fetched, listings = _run(tmp_path, "--until", "2025-03-20")
    assert stored == {s.path for s in portal.stories if _iso(s) <= "2025-03-20"}
    assert fetched == {s.path for s in portal.stories if _iso(s) <= "2025-03-21"}
    assert len(listings) == 4  # every page: older articles are in the window


def test_undated_listing_items_are_fetched_and_judged_by_their_page(tmp_path):
    """Items whose listing shows no date: fetched, kept or not by the page's own date."""
    portal = _portal()
    portal.undated_listing = True
    db = tmp_path / "archive.db"
    with serve(portal) as base:
        result = crawl(base + LISTING, db, "--since", "2025-03-11", "--max-pages", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    fetched = {p for p in portal.paths if p.startswith(LISTING + "/")}
    assert fetched == {s.path for s in portal.stories[:10]}
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    assert count == sum(_iso(s) >= "2025-03-11" for s in portal.stories)
