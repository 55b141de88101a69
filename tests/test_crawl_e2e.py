"""End to end: a real HTTP server on 127.0.0.1 serving the constructed Liferay sample portal,
`vnnews crawl` run as a user runs it, and the stored rows checked field by field."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive import Archive
from scraper.demo.portal import SamplePortal
from scraper.demo.server import serve_portal
from scraper.reextract import reextract_captures

FAST = [
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "RETRY_TIMES=1",
    "-s", "VNNEWS_PROGRESS_INTERVAL=1",
]  # fmt: skip
STORED_KINDS = {"ok", "no_date"}


def crawl(start_url: str, db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scraper.cli", "crawl", start_url, "--db", str(db), *FAST, *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


def rows(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {r["url"]: dict(r) for r in conn.execute("select * from articles")}


@pytest.fixture(scope="module")
def portal() -> SamplePortal:
    return SamplePortal()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e") / "archive.db"


@pytest.fixture(scope="module")
def crawled(portal, db):
    """One full crawl of the sample portal, then a second one over the same archive."""
    with serve_portal(portal, host="127.0.0.1", port=0) as base_url:
        first = crawl(base_url + portal.start_path, db)
        after_first = rows(db)
        second = crawl(base_url + portal.start_path, db)
    return base_url, first, after_first, second, rows(db)


def test_crawl_succeeds_and_prints_progress_and_summary(crawled):
    _, first, _, _, _ = crawled
    assert first.returncode == 0, first.stderr[-3000:]
    assert "[vnnews] done" in first.stderr
    assert "articles:" in first.stderr


def test_every_section_article_stored_and_nothing_else(portal, crawled):
    base_url, _, stored, _, _ = crawled
    expected = {
        base_url + a.path
        for a in portal.articles
        if a.kind in STORED_KINDS and a.category == portal.section_category
    }
    assert set(stored) == expected


def test_stored_rows_field_by_field(portal, crawled):
    base_url, _, stored, _, _ = crawled
    checked = 0
    for article in portal.articles:
        url = base_url + article.path
        if article.kind != "ok" or url not in stored:
            continue
        row = stored[url]
        assert row["title"] == article.title
        assert row["published_at"] == article.published_at
        assert row["byline"] == article.byline
        assert row["summary"] == article.summary
        assert row["platform"] == "liferay6"
        assert row["portal_id"] == "127.0.0.1"
        assert row["category"] == article.category
        paragraphs = row["body"].split("\n\n")
        body_expected = ([article.summary] if article.summary else []) + list(
            article.body_paragraphs
        )
        assert paragraphs == body_expected, url
        assert article.editor not in row["body"]
        captions = [i["caption"] for i in json.loads(row["images"])]
        for caption in article.image_captions:
            assert caption in captions
            assert caption not in row["body"]
        attachments = [(a["url"], a["title"]) for a in json.loads(row["attachments"])]
        assert attachments == [(base_url + a.url, a.title) for a in article.attachments]
        assert row["fetched_at"].endswith("+00:00")
        assert row["first_seen_at"] and row["last_seen_at"]
        checked += 1
    assert checked >= 10


def test_article_without_dateline_takes_the_date_its_listing_shows(portal, crawled, db, tmp_path):
    """The page shows no date; its listing item does ("Ngày đăng … | 10:20 AM"): that is
    stored, to the minute, and said in the warnings. The listing's text is kept with the
    capture, so that re-extraction gives the same date."""
    base_url, _, stored, _, _ = crawled
    no_date = [a for a in portal.articles if a.kind == "no_date"]
    assert no_date
    for article in no_date:
        url = base_url + article.path
        row = stored[url]
        assert (row["published_at"], row["published_precision"]) == (
            article.published_at,
            "minute",
        )
        assert row["published_text"].startswith("Ngày đăng ")
        warnings = json.loads(row["warnings"])
        assert "no dateline found" in warnings
        assert any("taken from the listing page" in w for w in warnings)
        with sqlite3.connect(db) as conn:
            listed = conn.execute("SELECT listed_date FROM captures WHERE url = ?", (url,))
            shown = {text for (text,) in listed}
        assert len(shown) == 1 and shown.pop().startswith("Ngày đăng ")
    # Today's extractor over the stored captures, with no listing at hand: the same dates.
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with Archive(copy) as archive:
        counts = reextract_captures(archive)
    assert counts["unchanged"] >= 10 and not counts["edited"], counts
    after = rows(copy)
    for article in no_date:
        assert after[base_url + article.path]["published_at"] == article.published_at


def test_broken_pages_are_counted_not_stored(portal, crawled):
    base_url, first, stored, _, _ = crawled
    broken = [a for a in portal.articles if a.kind in ("http500", "http404", "not_article")]
    assert len(broken) >= 3
    for article in broken:
        assert base_url + article.path not in stored
    assert f"{len(broken)} failed" in first.stderr


def test_second_crawl_duplicates_nothing(crawled):
    _, _, after_first, second, after_second = crawled
    assert second.returncode == 0, second.stderr[-3000:]
    assert set(after_second) == set(after_first)
    assert "0 new, 0 updated" in second.stderr
    for url, row in after_second.items():
        assert row["first_seen_at"] == after_first[url]["first_seen_at"]
        assert row["content_hash"] == after_first[url]["content_hash"]


def test_max_pages_stops_after_n_listing_pages(portal, tmp_path):
    db = tmp_path / "one-page.db"
    with serve_portal(portal, host="127.0.0.1", port=0) as base_url:
        result = crawl(base_url + portal.start_path, db, "--max-pages", "1")
    assert result.returncode == 0, result.stderr[-3000:]
    first_page = {
        base_url + a.path for a in portal.articles[: portal.page_size] if a.kind in STORED_KINDS
    }
    assert set(rows(db)) == first_page


def test_unreachable_portal_exits_non_zero_with_a_message(tmp_path):
    result = crawl("http://127.0.0.1:9/tin-tuc", tmp_path / "none.db")
    assert result.returncode == 1
    assert "unreachable: http://127.0.0.1:9/tin-tuc (no listing page could be read)" in (
        result.stderr
    )


def test_scrapy_crawl_runs_the_same_spider(portal, tmp_path):
    """Scrapy users: `scrapy crawl portal -a …` from the project directory (scrapy.cfg)."""
    db = tmp_path / "scrapy.db"
    root = Path(__file__).resolve().parents[1]
    with serve_portal(portal, host="127.0.0.1", port=0) as base_url:
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "portal",
             "-a", f"start_urls={base_url}{portal.start_path}", "-a", "max_pages=1",
             "-s", f"VNNEWS_DB={db}", *FAST],
            cwd=root, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    stored = rows(db)
    assert len(stored) == len(
        [a for a in portal.articles[: portal.page_size] if a.kind in STORED_KINDS]
    )


def test_demo_crawls_the_bundled_portal_into_a_fresh_archive(tmp_path):
    db = tmp_path / "demo.db"
    for _ in range(2):  # a second run starts afresh instead of piling up copies
        result = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "demo", "--no-serve", "--db", str(db)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
    portal = SamplePortal()
    assert len(rows(db)) == len([a for a in portal.articles if a.kind in STORED_KINDS])
    with sqlite3.connect(db) as conn:  # its run is recorded, as a crawl's: health reads it
        (run,) = conn.execute("select portal_id, status, articles_new from crawl_runs")
    assert run[:2] == ("demo-portal", "ok") and run[2] == len(rows(db))


def test_a_portal_refusing_connections_is_reported_in_lines_not_tracebacks(tmp_path: Path):
    from .datasette_server import free_port

    result = crawl(f"http://127.0.0.1:{free_port()}/tin-tuc", tmp_path / "archive.db")
    assert result.returncode == 1
    assert "unreachable: " in result.stderr and "Connection was refused" in result.stderr
    assert "Traceback" not in result.stderr
