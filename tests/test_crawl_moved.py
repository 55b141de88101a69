"""A portal moved by the 2025 reform: its old news section redirects to a new site. The crawl
stays on the portal it was given, stores nothing, and says where the section went."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from .changing_portal import LISTING, ChangingPortal, serve
from .loopback import QuietHandler, serve_handler
from .test_crawl_e2e import crawl


def _redirecting_to(target: str) -> type[QuietHandler]:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_error(404)
                return
            self.send_response(301)
            self.send_header("Location", target + self.path)
            self.end_headers()

    return Handler


def test_a_section_that_moved_to_another_site_is_reported_with_its_new_address(tmp_path):
    db = tmp_path / "archive.db"
    with serve(ChangingPortal.with_stories(3)) as new_base:
        # The same machine under another name: another site for the crawl.
        new_site = new_base.replace("127.0.0.1", "localhost")
        with serve_handler(_redirecting_to(new_site)) as old_base:
            result = crawl(old_base + LISTING, db)
    assert result.returncode == 1, result.stderr[-2000:]  # its only portal was not reached
    assert f"moved: redirects to {new_site}{LISTING}" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (0,)
        status, errors, moved_to = conn.execute(
            "select status, errors, moved_to from crawl_runs"
        ).fetchone()
    assert status == "unreachable"
    assert json.loads(errors)["moved"] == 1
    assert moved_to == new_site + LISTING
    health = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "health", "--db", str(db)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert health.returncode == 1
    assert "moved" in health.stdout and f"redirects to {new_site}{LISTING}" in health.stdout


def test_an_article_that_moved_to_another_site_is_counted_not_stored(tmp_path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    moved = portal.stories[1]
    with serve(portal) as base:
        elsewhere = base.replace("127.0.0.1", "localhost")
        portal.redirect_elsewhere = {moved.number: elsewhere + "/"}
        result = crawl(base + LISTING, db)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("select url from articles")}
        (errors,) = conn.execute("select errors from crawl_runs").fetchone()
    assert stored == {base + s.path for s in portal.stories if s is not moved}
    assert json.loads(errors)["moved"] == 1


def test_archived_articles_redirecting_to_another_site_are_no_failures_of_the_run(tmp_path):
    """Re-checks of archived articles that now redirect to the portal's new site (its
    address not registered yet, or the old one kept in a schedule): counted as moved, kept as
    they were, and no failure-jump alarm week after week."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    with serve(portal) as base:
        for _ in range(3):  # runs with no failure: the health baseline
            assert crawl(base + LISTING, db).returncode == 0
        elsewhere = base.replace("127.0.0.1", "localhost")
        portal.redirect_elsewhere = {s.number: f"{elsewhere}/{s.number}" for s in portal.stories}
        result = crawl(base + LISTING, db, "--recheck", "all")
        health = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "health", "--db", str(db)],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("select count(*) from articles where removed_at is null").fetchone()
        failed, errors = conn.execute(
            "select articles_failed, errors from crawl_runs order by id desc limit 1"
        ).fetchone()
    assert count == 4
    assert (failed, json.loads(errors)["moved"]) == (0, 4)
    assert "failure-jump" not in health.stdout
