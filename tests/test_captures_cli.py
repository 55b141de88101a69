"""What the raw captures are for: `vnnews reextract` (no network) and `vnnews export-warc`;
and the lock that keeps two crawls of one archive apart."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from .changing_portal import LISTING, ChangingPortal, serve
from .datasette_server import datasette
from .test_crawl_e2e import FAST


def vnnews(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scraper.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("captures") / "archive.db"
    portal = ChangingPortal.with_stories(6)
    with serve(portal) as base:
        result = vnnews("crawl", base + LISTING, "--db", str(db), "--portal", "test/px", *FAST)
        assert result.returncode == 0, result.stderr[-2000:]
    return db, base  # the portal is down from here on: nothing below may need it


def test_every_article_response_is_captured(archive):
    db, _ = archive
    with sqlite3.connect(db) as conn:
        captured = conn.execute("select count(distinct url) from captures").fetchone()[0]
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    assert captured == stored == 6


def test_reextract_rebuilds_fields_from_captures_without_the_network(archive):
    db, _ = archive
    with sqlite3.connect(db) as conn:
        url = conn.execute("select url from articles order by url limit 1").fetchone()[0]
        # What an older, worse extractor might have stored.
        conn.execute(
            "update articles set body = 'hỏng', byline = null, content_hash = 'old' where url = ?",
            (url,),
        )
    result = vnnews("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 updated" in result.stderr and "5 unchanged" in result.stderr
    with sqlite3.connect(db) as conn:
        body, byline = conn.execute(
            "select body, byline from articles where url = ?", (url,)
        ).fetchone()
        changes = [r[0] for r in conn.execute(
            "select change from article_versions where url = ? order by version", (url,)
        )]  # fmt: skip
    assert body.startswith("Ngày ") and byline == "Văn phòng HĐND - UBND phường"
    assert changes[-1] == "reextract"


def test_export_warc_writes_every_capture(archive, tmp_path: Path):
    db, _ = archive
    out = tmp_path / "captures.warc.gz"
    result = vnnews("export-warc", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with out.open("rb") as stream:
        records = list(ArchiveIterator(stream))
    responses = [r for r in records if r.rec_type == "response"]
    assert records[0].rec_type == "warcinfo"
    assert len(responses) == 6
    assert all(r.http_headers.get_statuscode() == "200" for r in responses)
    assert "6 record(s) written" in result.stderr


def test_a_second_crawl_of_the_same_archive_is_refused_while_one_runs(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(20)
    portal.delay = 0.2
    with serve(portal) as base:
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", base + LISTING, "--db", str(db),
               *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]  # fmt: skip
        first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            lock = db.with_name(db.name + ".lock")
            deadline = time.monotonic() + 60
            while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
                time.sleep(0.05)
            second = vnnews("crawl", base + LISTING, "--db", str(db), *FAST)
            assert second.returncode != 0
            assert "--wait" in second.stderr and str(first.pid) in second.stderr
        finally:
            first.wait(timeout=120)
        assert first.returncode == 0


def test_crawled_meeting_reports_fill_the_meetings_table(archive):
    db, _ = archive
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select a.title, m.kind, m.meeting_date from meetings m "
            "join articles a on a.url = m.article_url"
        ).fetchall()
    assert len(rows) == 6
    for title, kind, day in rows:
        assert "tiếp xúc cử tri" in title and kind == "tiep_xuc_cu_tri"
        assert day is not None and day.startswith("2024-")


def test_meetings_calendar_and_search_feed_are_served(archive):
    db, _ = archive
    with datasette(db) as client:
        calendar = client.get("/archive/meetings_calendar.ics", params={"portal": "test/px"})
        assert calendar.status_code == 200, calendar.text[:500]
        assert calendar.text.count("BEGIN:VEVENT") == 6
        assert "Voters' meeting" in calendar.text
        feed = client.get("/archive/search_feed.atom", params={"q": "tiep xuc cu tri"})
        assert feed.status_code == 200, feed.text[:500]
        assert feed.text.count("<entry>") == 6
        empty = client.get("/archive/search_feed.atom", params={"q": "khong co gi ca"})
        assert empty.status_code == 200 and empty.text.count("<entry>") == 1


def test_reextract_reads_the_last_good_page_of_a_removed_article(archive):
    from archive import Archive

    db, _ = archive
    with Archive(db) as arch:
        url = arch.conn.execute("select url from articles order by url desc limit 1").fetchone()[0]
        arch.store_capture(url, fetched_at="2030-01-01T00:00:00+00:00", status=404, headers={},
                           body=b"")  # fmt: skip
        arch.mark_removed(url, "2030-01-01T00:00:00+00:00", "http_404")
        arch.conn.execute("update articles set body = 'hỏng', content_hash = 'old' where url = ?",
                          (url,))  # fmt: skip
        arch.conn.commit()
    result = vnnews("reextract", "--db", str(db), "--url", url)
    assert result.returncode == 0 and "1 updated" in result.stderr, result.stderr
    with sqlite3.connect(db) as conn:
        body, removed = conn.execute(
            "select body, removed_at from articles where url = ?", (url,)
        ).fetchone()
    assert body.startswith("Ngày ") and removed is not None  # content back, still removed
