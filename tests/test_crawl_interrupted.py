"""Ctrl-C in the middle of a crawl leaves a consistent archive, and a rerun completes it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from scraper.demo.portal import SamplePortal
from scraper.demo.server import serve_portal

from .test_crawl_e2e import FAST, crawl

ARTICLES = 600


def count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


def test_sigint_leaves_only_complete_rows_and_rerun_finishes(tmp_path):
    db = tmp_path / "archive.db"
    portal = SamplePortal(articles=ARTICLES)
    with serve_portal(portal, host="127.0.0.1", port=0) as base_url:
        start = base_url + portal.start_path
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", start, "--db", str(db), *FAST,
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while count(db) < 50 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None, "the crawl ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)
        interrupted = count(db)
        assert 50 <= interrupted < ARTICLES

        with sqlite3.connect(db) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            incomplete = conn.execute(
                "select count(*) from articles where title is null or title = '' "
                "or body is null or content_hash is null or portal_id is null"
            ).fetchone()[0]
            assert incomplete == 0
            fts = conn.execute("select count(*) from articles_search").fetchone()[0]
            assert fts == interrupted

        rerun = crawl(start, db)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
    stored_kinds = {"ok", "no_date"}
    assert count(db) == len([a for a in portal.articles if a.kind in stored_kinds])
