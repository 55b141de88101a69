"""An archive that refuses a write (locked past its busy timeout by another program, a full
disk) costs the crawl that item, counted and logged, never the whole run or a half row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scrapy.utils.test import get_crawler

from archive import Archive
from scraper.items import ArticleItem, CaptureItem
from scraper.pipelines import ArchivePipeline

PORTAL = "phuong.example.gov.vn"
URL = f"https://{PORTAL}/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-1201.html"


def _item() -> ArticleItem:
    return ArticleItem(
        url=URL,
        portal_id=PORTAL,
        title="Hội nghị tiếp xúc cử tri trước kỳ họp",
        platform="generic",
        fetched_at="2026-11-29T01:00:00+00:00",
        body="Sáng 28/11, đại biểu HĐND phường tiếp xúc cử tri tổ dân phố số 3.",
    )


def test_a_write_the_archive_refuses_is_counted_and_the_crawl_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    archive = Archive(db)
    archive.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [f"https://{PORTAL}/"])
    crawler = get_crawler()
    crawler.stats.open_spider()
    pipeline = ArchivePipeline(crawler, str(db))
    pipeline.archive = archive
    archive.conn.execute("PRAGMA busy_timeout = 50")  # (not the crawl's 10 s, in a test)
    other = sqlite3.connect(db)
    other.execute("BEGIN IMMEDIATE")  # another program writing the archive for long
    capture = CaptureItem(URL, "2026-11-29T01:00:00+00:00", 200, {}, b"<html></html>")
    assert pipeline.process_item(capture) is capture
    assert pipeline.process_item(_item()).url == URL
    stats = crawler.stats.get_stats()
    assert stats["vnnews/articles_failed/storage"] == 1
    assert stats["vnnews/captures_failed/storage"] == 1
    other.rollback()
    assert archive.conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    pipeline.close_spider()  # the archive free again: the article is kept for the next runs
    assert [f.url for f in Archive(db).failed_fetches(PORTAL)] == [URL]
    other.close()
