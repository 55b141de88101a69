"""A crawl killed with SIGKILL mid-run and started again loses nothing already stored,
duplicates nothing, and finishes the work: the archive ends as an uninterrupted crawl's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .changing_portal import LISTING, ChangingPortal, serve
from .test_crawl_e2e import FAST

STORIES = 40
COMPARED = "url, portal_id, title, published_at, byline, summary, body, content_hash, removed_at"


def command(base: str, db: Path) -> list[str]:
    return [sys.executable, "-m", "scraper.cli", "crawl", base + LISTING, "--db", str(db),
            "--portal", "test/hoa-xuan", *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]  # fmt: skip


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        return {
            "articles": conn.execute(f"select {COMPARED} from articles order by url").fetchall(),
            "versions": conn.execute(
                "select url, version, change, content_hash from article_versions order by url"
            ).fetchall(),
            "integrity": conn.execute("pragma integrity_check").fetchone()[0],
            "fts": conn.execute("select count(*) from articles_search").fetchone()[0],
        }


def crawl_killed_when(base: str, db: Path, ready: Callable[[], bool], settle: float = 0.0) -> int:
    """Start a crawl, SIGKILL it once `ready()` (and `settle` seconds more); its exit code."""
    process = subprocess.Popen(command(base, db), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(settle)
    os.kill(process.pid, signal.SIGKILL)
    return process.wait(timeout=30)


def test_sigkill_then_restart_equals_an_uninterrupted_crawl(tmp_path: Path):
    portal = ChangingPortal.with_stories(STORIES)
    portal.delay = 0.05
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    with serve(portal) as base:
        code = crawl_killed_when(base, killed_db, lambda: stored(killed_db) >= 8)
        assert code == -signal.SIGKILL
        at_kill = stored(killed_db)
        assert 8 <= at_kill < STORIES, "the crawl was not killed midway"

        restarted = subprocess.run(command(base, killed_db), capture_output=True, text=True,
                                   timeout=300, check=False)  # fmt: skip
        assert restarted.returncode == 0, restarted.stderr[-3000:]
        portal.delay = 0.0
        clean = subprocess.run(command(base, clean_db), capture_output=True, text=True,
                               timeout=300, check=False)  # fmt: skip
        assert clean.returncode == 0, clean.stderr[-3000:]

    after, reference = snapshot(killed_db), snapshot(clean_db)
    assert after["integrity"] == "ok"
    assert len(after["articles"]) == STORIES
    assert after == reference


def test_killed_after_its_last_listing_page_the_next_run_walks_the_section_again(tmp_path: Path):
    """The walk reached the section's end, its articles were still downloading: the section
    is no finished walk, or the next run would stop at page 1 and never ask for them."""
    portal = ChangingPortal.with_stories(15)  # listing pages of 5: 1, 2, 3
    portal.delay = 0.4
    db = tmp_path / "archive.db"
    with serve(portal) as base:
        # (Killed once the last page is read and its links handed out.)
        crawl_killed_when(base, db, lambda: any("page=3" in p for p in portal.paths), 0.3)
        at_kill = stored(db)
        portal.delay = 0.0
        restarted = subprocess.run(command(base, db), capture_output=True, text=True,
                                   timeout=300, check=False)  # fmt: skip
    assert restarted.returncode == 0, restarted.stderr[-3000:]
    assert at_kill < 15, "the crawl was not killed midway"
    assert stored(db) == 15


def test_a_killed_run_is_recorded_and_health_names_it(tmp_path: Path):
    """Its row, written "running" as it started, is marked interrupted by the next crawl."""
    import json

    portal = ChangingPortal.with_stories(10)
    portal.delay = 0.3
    db = tmp_path / "archive.db"
    with serve(portal) as base:
        crawl_killed_when(base, db, lambda: stored(db) >= 2)
        with sqlite3.connect(db) as conn:
            during = conn.execute("select status from crawl_runs").fetchall()
        portal.delay = 0.0
        # The next crawl marks it; a health check taken between the two sees it as it was.
        subprocess.run(command(base, db), capture_output=True, timeout=300, check=True)
    with sqlite3.connect(db) as conn:
        statuses = [row[0] for row in conn.execute("select status from crawl_runs order by id")]
    assert during == [("running",)]
    assert statuses == ["interrupted", "ok"]
    # Health looks at the last run: the second one, which is fine; the killed one alone is.
    with sqlite3.connect(db) as conn:
        conn.execute("delete from crawl_runs where status = 'ok'")
    health = subprocess.run([sys.executable, "-m", "scraper.cli", "health", "--db", str(db),
                             "--json"], capture_output=True, text=True, timeout=60,
                            check=False)  # fmt: skip
    kinds = [json.loads(line)["kind"] for line in health.stdout.splitlines()]
    assert "interrupted" in kinds
