"""A portal's robots.txt is obeyed, a section it closes is reported as such, and its
Crawl-delay kept; so is the wait a 429's Retry-After asks for."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import pairwise

import pytest

from scraper.middlewares import retry_after

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


def test_the_crawl_delay_of_robots_txt_is_kept_between_requests(tmp_path):
    """Even on this machine, where the crawl keeps no delay of its own."""
    portal = ChangingPortal.with_stories(4)
    portal.robots = "User-agent: *\nCrawl-delay: 1\n"
    with serve(portal) as base:
        result = crawl(base + LISTING, tmp_path / "archive.db")
    assert result.returncode == 0, result.stderr[-2000:]
    times = [when for when, path in portal.times if path != "/robots.txt"]
    assert len(times) == 5  # the listing and 4 articles
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert min(gaps) >= 0.95, gaps


def test_a_retry_after_is_waited_before_the_host_is_asked_again(tmp_path):
    portal = ChangingPortal.with_stories(3)
    throttled = portal.stories[1]
    portal.throttled = {throttled.number: "2"}
    with serve(portal) as base:
        result = crawl(base + LISTING, tmp_path / "archive.db")
        with sqlite3.connect(tmp_path / "archive.db") as conn:
            stored = {row[0] for row in conn.execute("select url from articles")}
    assert result.returncode == 0, result.stderr[-2000:]
    asked = [when for when, path in portal.times if path == throttled.path]
    assert len(asked) == 2
    assert asked[1] - asked[0] >= 1.9
    assert stored == {base + s.path for s in portal.stories}


@pytest.mark.parametrize(
    ("header", "low", "high"),
    [
        (b"120", 120, 120),
        (b" 5 ", 5, 5),
        (None, None, None),
        (b"soon", None, None),
        (b"\xb2", None, None),
    ],
)
def test_retry_after_in_seconds(header, low, high):
    wait = retry_after(header)
    assert wait == low == high


def test_retry_after_as_an_http_date():
    when = datetime.now(UTC) + timedelta(seconds=30)
    wait = retry_after(format_datetime(when, usegmt=True).encode())
    assert wait is not None and 27 <= wait <= 30
    assert retry_after(b"Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # (past: no wait)
