"""A portal's robots.txt is obeyed, and a section it closes is reported as such."""

from __future__ import annotations

import json
import sqlite3

from .changing_portal import LISTING, ChangingPortal, serve
from .test_crawl_e2e import crawl


def test_a_section_closed_by_robots_txt_is_reported_and_not_fetched(tmp_path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    portal.robots = "User-agent: *\nDisallow: /tin-tuc\n"
    with serve(portal) as base:
        result = crawl(base + LISTING, db)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "its robots.txt forbids crawling the section" in result.stderr
    assert set(portal.requests) == {"robots.txt"}
    with sqlite3.connect(db) as conn:
        (errors,) = conn.execute("select errors from crawl_runs").fetchone()
    assert json.loads(errors)["robots_txt"] == 1


def test_an_article_closed_by_robots_txt_is_counted_not_fetched(tmp_path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    closed = portal.stories[1]
    portal.robots = f"User-agent: *\nDisallow: {closed.path}\n"
    with serve(portal) as base:
        result = crawl(base + LISTING, db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert closed.path not in portal.paths
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("select url from articles")}
        (errors,) = conn.execute("select errors from crawl_runs").fetchone()
    assert stored == {base + s.path for s in portal.stories if s is not closed}
    assert json.loads(errors)["robots_txt"] == 1
