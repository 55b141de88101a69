"""How a section's walk ends when a listing page brings no listing: an empty answer past the
end (VCCorp Lotus's "load more" timeline) is the section's end, a listing page that fails
(5xx after retries, a timeout) stops the walk early and the run says so."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from scraper.spiders.portal import PortalSpider

from .changing_portal import LISTING, ChangingPortal, serve
from .test_incremental import articles, crawl, run_rows, two_nights


def health(db: Path) -> tuple[int, list[dict]]:
    cmd = [sys.executable, "-m", "scraper.cli", "health", "--db", str(db), "--json"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("body", ["", "\r\n"])
@pytest.mark.parametrize(
    ("stories", "listing_stop", "second"),
    [
        # Pages of 5, 5, 2, then the empty answer: after a short page, the section's end,
        # so the next night reads page 1 only.
        (12, "empty-last-page", {"robots.txt": 1, "tin-tuc": 1}),
        # Pages of 5, 5, then the empty answer: after a full page it may be an outage, as for
        # a page of markup listing nothing; the next night walks the section again.
        (10, "empty", {"robots.txt": 1, "tin-tuc": 3}),
    ],
)
def test_an_empty_answer_past_the_last_page_is_a_page_listing_nothing(
    tmp_path: Path, body: str, stories: int, listing_stop: str, second: dict[str, int]
) -> None:
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(stories)
    portal.tail_body = body
    first, then = two_nights(portal, db)
    assert len(articles(db)) == stories
    assert first["tin-tuc"] == -(-stories // 5) + 1 + stories
    run = run_rows(db)[0]
    assert run["listing_stop"] == listing_stop
    assert "empty_page" not in json.loads(run["errors"] or "{}")  # not counted as a failure
    assert then == second


@pytest.mark.parametrize(
    ("fault", "reason", "settings"),
    [
        ("failing_pages", "http_503", []),
        ("slow_pages", "DownloadTimeoutError", ["-s", "DOWNLOAD_TIMEOUT=1"]),
    ],
)
def test_a_listing_page_that_fails_mid_section_is_reported_and_the_next_run_walks_on(
    tmp_path: Path, fault: str, reason: str, settings: list[str]
) -> None:
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(17)  # pages of 5, 5, 5, 2
    if fault == "failing_pages":
        portal.failing_pages = {2}
    else:
        portal.slow_pages = {2: 4.0}
    with serve(portal) as base:
        printed = crawl(base, db, *settings).stderr
        first_run = run_rows(db)[-1]
        first_health = health(db)
        portal.failing_pages, portal.slow_pages = set(), {}
        crawl(base, db)
    assert first_run["status"] == "ok"
    assert first_run["listing_stop"] == "listing-failed"
    assert json.loads(first_run["errors"]).get(reason)
    [done] = [line for line in printed.splitlines() if line.startswith("[vnnews] done")]
    failed_page = re.escape(f"{base}{LISTING}?page=2")
    assert re.search(rf"listing page 2 failed \({reason}\): {failed_page}", done), done
    code, findings = first_health
    assert code == 1
    assert [(f["portal_id"], f["kind"]) for f in findings] == [("test/hoa-xuan", "listing-failed")]
    # The next run walks the section on to its end: the 12 missed articles are stored.
    assert len(articles(db)) == 17
    assert run_rows(db)[-1]["listing_stop"] == "last-page"
    assert health(db) == (0, [])


def test_another_sections_ending_does_not_hide_a_failed_walk() -> None:
    """crawl_runs holds one listing_stop per portal run: a section that stopped on a failed
    listing page keeps it, whatever the portal's other sections stopped on afterwards."""
    crawler = get_crawler(PortalSpider)
    spider = PortalSpider.from_crawler(
        crawler, start_urls="https://xa.gov.vn/tin-tuc,https://xa.gov.vn/thong-bao"
    )
    spider._stop("https://xa.gov.vn/tin-tuc", "listing-failed", complete=False)
    spider._stop("https://xa.gov.vn/thong-bao", "known-page", complete=True)
    assert crawler.stats is not None
    assert crawler.stats.get_value("vnnews/listing_stop") == "listing-failed"


def test_a_listing_page_broken_for_good_stops_costing_a_walk_every_night(tmp_path: Path) -> None:
    # Page 3 fails on every run: the first walk stops there, the next (a catch-up, the
    # section being unfinished) fails there again and ends the catch-up; the night after is
    # an ordinary incremental night of one listing page.
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(17)  # pages of 5, 5, 5, 2
    portal.failing_pages = {3}
    listing_requests = []
    with serve(portal) as base:
        for _ in range(3):
            portal.requests.clear()
            crawl(base, db)
            listing_requests.append(
                sum(1 for path in portal.paths[-portal.total_requests() :] if "page=" in path)
            )
    # (Each 503 is asked twice: RETRY_TIMES=1.)
    assert listing_requests[2] == 0  # page 1 (no "page=") only: known, the walk stops
    assert len(articles(db)) == 10
