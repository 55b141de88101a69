"""Answers that are no page: cut short with no length to tell (the connection closed before
the end), empty, or failing after a redirect. Nothing half is stored, the failure is counted,
and the next night gets the page whole, under the address the listing gave."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .changing_portal import ChangingPortal, serve
from .test_crawl_listing_stops import health
from .test_crawl_recheck_schedule import a_week_passes
from .test_incremental import articles, crawl, rows, run_rows


def _two_nights(portal: ChangingPortal, db: Path, mend: Callable[[], None]) -> dict:
    """Two crawls, the portal mended in between; the first night's run row."""
    with serve(portal) as base:
        crawl(base, db)
        first = run_rows(db)[-1]
        mend()
        crawl(base, db)
    return first


def test_an_article_cut_short_or_empty_is_not_stored_and_is_fetched_again(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    portal.cut, portal.empty = {5}, {3}
    stored_first: dict = {}

    def mend() -> None:
        stored_first.update(articles(db))
        portal.cut, portal.empty = set(), set()

    errors = json.loads(_two_nights(portal, db, mend)["errors"])
    first, second = stored_first, articles(db)
    paths = {story.number: story.path for story in portal.stories}
    assert len(first) == 4
    assert not any(url.endswith((paths[5], paths[3])) for url in first)
    assert errors.get("partial") == 1 and errors.get("empty_page") == 1
    assert len(second) == 6
    [cut] = [row for url, row in second.items() if url.endswith(paths[5])]
    assert cut["body"].endswith(portal.stories[1].paragraphs[-1])


def test_a_listing_page_cut_before_its_pager_is_no_last_page(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(12)  # pages of 5, 5, 2
    portal.cut_pages = {1}
    first = _two_nights(portal, db, lambda: portal.cut_pages.clear())
    assert first["listing_stop"] == "listing-failed"
    assert len(articles(db)) == 12


def test_an_article_failing_after_a_redirect_is_kept_under_its_listed_address(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    portal.renamed, portal.failing = {2}, {2}
    _two_nights(portal, db, lambda: portal.failing.clear())
    stored = articles(db)
    listed = next(story.path for story in portal.stories if story.number == 2)
    assert len(stored) == 4
    assert [url for url in stored if url.endswith(listed)]
    assert not [url for url in stored if "/bai-viet/" in url]


def test_a_section_redirected_to_the_front_page_is_a_failed_listing_not_a_quiet_night(
    tmp_path: Path,
):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    portal.listing_home = portal.featured_home = True
    with serve(portal) as base:
        crawl(base, db)
    run = run_rows(db)[-1]
    assert articles(db) == {}
    assert run["listing_stop"] == "listing-failed"
    assert json.loads(run["errors"]).get("redirected_home") == 1
    _, findings = health(db)
    assert [f["kind"] for f in findings] == ["listing-failed"]


def test_an_article_redirecting_to_itself_is_a_counted_failure_asked_again(tmp_path: Path):
    """Scrapy's duplicate filter drops the redirect to an address already asked, silently."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    portal.self_redirect = {3}
    first = _two_nights(portal, db, lambda: portal.self_redirect.clear())
    assert json.loads(first["errors"]) == {"redirect_loop": 1}
    assert first["articles_failed"] == 1
    assert len(articles(db)) == 4


def _weeks_old_stories(count: int) -> ChangingPortal:
    """A portal whose stories are three weeks old or more: re-checked weekly."""
    portal = ChangingPortal.with_stories(count)
    today = datetime.now(UTC).date()
    for age, story in enumerate(portal.stories, start=20):
        story.day = (today - timedelta(days=age)).strftime("%d/%m/%Y")
    return portal


def test_a_portal_answering_its_articles_but_not_its_listing_was_reached(tmp_path: Path):
    """Listing page 1 answers 503 while the week's re-checks are answered: the portal is there
    (its run is no "could not reach the portal"), and health names the failed listing page."""
    db = tmp_path / "archive.db"
    portal = _weeks_old_stories(4)
    with serve(portal) as base:
        crawl(base, db)
        a_week_passes(db)
        portal.failing_pages = {1}
        crawl(base, db)
    run = run_rows(db)[-1]
    assert run["articles_unchanged"] == 4
    assert (run["status"], run["listing_stop"]) == ("ok", "listing-failed")
    _, findings = health(db)
    assert [f["kind"] for f in findings] == ["listing-failed"]


def test_re_checks_failing_on_a_night_the_portal_is_down_stay_due(tmp_path: Path):
    """The listing and every article answer 5xx: the re-checks that failed are not counted as
    asked (each would wait a week), the next night asks them, and health says the portal
    could not be reached, not that its template changed."""
    db = tmp_path / "archive.db"
    portal = _weeks_old_stories(4)
    with serve(portal) as base:
        crawl(base, db)
        a_week_passes(db)
        portal.failing_pages, portal.failing = {1}, {s.number for s in portal.stories}
        printed = crawl(base, db, check=False).stderr
        down = run_rows(db)[-1]
        asked = rows(db, "select checked_at from articles")
        portal.failing_pages, portal.failing = set(), set()
        portal.requests.clear()
        crawl(base, db)
    assert (down["status"], down["articles_failed"]) == ("unreachable", 4)
    assert printed.count("re-check failed, the archived copy is kept (http_500)") == 4
    assert "article not stored" not in printed
    assert all(row["checked_at"] is None for row in asked)
    assert portal.requests["tin-tuc"] == 1 + 4  # the listing, then every due re-check
    assert run_rows(db)[-1]["articles_unchanged"] == 4


def test_a_download_cancelled_for_its_size_is_one_error(tmp_path: Path):
    """A page past DOWNLOAD_MAXSIZE is cancelled: one failed article, counted once in
    crawl_runs.errors (not under Scrapy's name for the exception as well)."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    portal.find(2).paragraphs *= 60  # a page of some 20 KB among pages of 2 KB
    with serve(portal) as base:
        crawl(base, db, "-s", "DOWNLOAD_MAXSIZE=12000")
    run = run_rows(db)[-1]
    assert run["articles_failed"] == 1
    assert json.loads(run["errors"]) == {"DownloadCancelledError": 1}
