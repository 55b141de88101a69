"""The re-check schedule across nights: an article between 7 and 60 days old is looked at
again once a week, however the portal answers. A re-check answered "304 Not Modified" is
recorded as one answered 200 with the same content is (`fetched_at`, `last_seen_at`), so the
next night does not ask again; a deletion found by a re-check is still marked removed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from scraper.policy import RecheckPolicy

from .changing_portal import ChangingPortal, serve
from .test_crawl_summary import printed, recorded
from .test_incremental import articles, crawl, rows

STORIES = 6
# Older than the every-run window (7 days), younger than the weekly one (60 days).
AGES_IN_DAYS = range(20, 20 + STORIES)


def a_week_passes(db: Path) -> None:
    """Move the archive's own times 8 days back, as if its crawls were made a week ago (the
    crawls run in subprocesses, with the real clock)."""
    with_offset = "strftime('%Y-%m-%dT%H:%M:%S+00:00', {0}, '-8 days')"
    columns = ("fetched_at", "first_seen_at", "last_seen_at", "checked_at")
    assignments = ", ".join(f"{c} = {with_offset.format(c)}" for c in columns)
    rows(db, f"update articles set {assignments}")
    rows(db, f"update captures set fetched_at = {with_offset.format('fetched_at')}")


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, ChangingPortal, list]:
    """A first crawl; a week later, two crawls the same night; another week later, one story
    deleted, and again two crawls. What each asked, printed, recorded and left in the archive."""
    db = tmp_path_factory.mktemp("recheck-schedule") / "archive.db"
    portal = ChangingPortal.with_stories(STORIES)
    today = datetime.now(UTC).date()
    for story, age in zip(portal.stories, AGES_IN_DAYS, strict=True):
        story.day = (today - timedelta(days=age)).strftime("%d/%m/%Y")
    found: list[dict] = []

    def night(*extra: str) -> None:
        portal.requests.clear()
        result = crawl(base, db, *extra)
        found.append(
            {
                "requests": dict(portal.requests),
                "printed": printed(result.stderr),
                "recorded": recorded(db),
                "run": rows(db, "select * from crawl_runs order by id desc limit 1")[0],
                "articles": articles(db),
            }
        )

    with serve(portal) as base:
        night()  # 0: everything is new
        a_week_passes(db)
        found.append({"articles": articles(db)})  # 1: the archive a week later
        night()  # 2: every article is due; the portal answers 304 to each
        night()  # 3: later the same night: nothing is due
        a_week_passes(db)
        portal.find(3).deleted = True
        night()  # 4: due again; five answer 304, the deleted one 404
        night()  # 5: nothing is due, the removed article is not asked again
    return base, db, portal, found


def article_requests(night: dict) -> int:
    """Requests for article pages: all but robots.txt and the one listing page."""
    return night["requests"].get("tin-tuc", 0) - 1


def test_a_week_later_every_article_is_rechecked_conditionally(nights):
    _, _, _, found = nights
    assert found[0]["requests"] == {"robots.txt": 1, "tin-tuc": 2 + STORIES}
    assert article_requests(found[2]) == STORIES
    assert json.loads(found[2]["run"]["responses_by_status"]) == {"200": 1, "304": 6, "404": 1}


def test_articles_answered_304_are_not_rechecked_again_the_same_week(nights):
    _, _, _, found = nights
    assert found[3]["requests"] == {"robots.txt": 1, "tin-tuc": 1}
    assert found[5]["requests"] == {"robots.txt": 1, "tin-tuc": 1}


def test_a_304_records_the_article_as_found_again(nights):
    _, db, _, found = nights
    week_old, after = found[1]["articles"], found[2]["articles"]
    run_started = found[2]["run"]["started_at"]
    for url, row in after.items():
        assert row["last_seen_at"] >= run_started and row["fetched_at"] >= run_started, url
        # Nothing else changes: no content, no new version, no removal.
        moved = ("fetched_at", "last_seen_at", "checked_at")
        unchanged = {k: v for k, v in row.items() if k not in moved}
        assert unchanged == {k: v for k, v in week_old[url].items() if k not in moved}
    assert rows(db, "select count(*) n from article_versions")[0]["n"] == STORIES


def test_a_304_stores_no_capture(nights):
    """A 304 has no body: the capture of the 200 it confirms stays the latest one, with the
    validators the next re-check sends and the bytes `vnnews reextract` reads."""
    _, db, _, _ = nights
    statuses = rows(db, "select status, count(*) n from captures group by status")
    assert {r["status"]: r["n"] for r in statuses} == {200: STORIES, 404: 1}


def test_a_deletion_is_still_found_by_the_weekly_recheck(nights):
    base, _, portal, found = nights
    deleted = base + portal.find(3).path
    assert article_requests(found[4]) == STORIES
    after = found[4]["articles"]
    assert after[deleted]["removed_at"] is not None
    assert after[deleted]["removed_reason"] == "http_404"
    assert all(row["removed_at"] is None for url, row in after.items() if url != deleted)
    assert found[5]["articles"] == after


def test_the_summary_counts_each_304_once_as_unchanged(nights):
    _, _, _, found = nights
    counts = {"new": 0, "updated": 0, "removed": 0, "failed": 0}
    assert found[2]["printed"] == found[2]["recorded"] == {**counts, "unchanged": STORIES}
    assert found[2]["run"]["articles_rechecked"] == STORIES
    assert found[3]["printed"] == found[3]["recorded"] == {**counts, "unchanged": 0}
    assert found[3]["run"]["articles_rechecked"] == 0
    assert found[4]["printed"] == {**counts, "unchanged": STORIES - 1, "removed": 1}


def test_a_re_check_that_keeps_failing_is_asked_weekly_not_nightly(tmp_path: Path) -> None:
    # The address now serves the home page (nothing stored, fetched_at unchanged) or a 500:
    # the attempt counts for the weekly schedule all the same.
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    today = datetime.now(UTC).date()
    for story, age in zip(portal.stories, range(20, 24), strict=True):
        story.day = (today - timedelta(days=age)).strftime("%d/%m/%Y")
    with serve(portal) as base:
        crawl(base, db)
        a_week_passes(db)
        portal.home_at = {portal.stories[1].number}
        portal.failing = {portal.stories[2].number}
        portal.requests.clear()
        crawl(base, db)  # every article due: four asked (the 500 twice: a retry), two fail
        assert portal.requests.get("tin-tuc", 0) - 1 == 4 + 1
        portal.requests.clear()
        crawl(base, db)  # the same night: none due, the failing ones included
        assert portal.requests.get("tin-tuc", 0) - 1 == 0


def test_an_article_put_back_on_an_older_listing_page_is_found_again(tmp_path: Path) -> None:
    """Taken down, then put back where the nightly walk never goes (page 3): re-checks ask
    for removed articles too, so the archive does not keep it removed for good."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(15)
    story = portal.find(2)
    with serve(portal) as base:
        crawl(base, db)
        story.deleted = True
        crawl(base, db, "--recheck", "all")
        removed = articles(db)[base + story.path]["removed_at"]
        story.deleted = False
        story.title += " (đăng lại)"
        crawl(base, db, "--recheck", "all")
    row = articles(db)[base + story.path]
    assert removed is not None
    assert row["removed_at"] is None and row["title"].endswith("(đăng lại)")


@pytest.mark.parametrize(
    ("published_days_ago", "removed_days_ago", "due"),
    [(20, 8, True), (20, 2, False), (90, 8, False)],
)
def test_a_removed_article_is_asked_weekly_while_young(published_days_ago, removed_days_ago, due):
    now = datetime(2026, 11, 29, tzinfo=UTC)
    known = SimpleNamespace(
        first_seen_at=(now - timedelta(days=published_days_ago)).isoformat(),
        fetched_at=(now - timedelta(days=removed_days_ago + 1)).isoformat(),
        published_at=(now - timedelta(days=published_days_ago)).isoformat(),
        removed_at=(now - timedelta(days=removed_days_ago)).isoformat(),
        checked_at=None,
    )
    assert RecheckPolicy().due(known, now) is due


@pytest.mark.parametrize(("first_seen_days_ago", "due"), [(2, True), (10, False)])
def test_an_article_dated_in_the_future_ages_from_when_it_was_first_seen(first_seen_days_ago, due):
    """A wrong year ("2062" for "2026") or a server's clock set ahead: not asked every night
    for years, but as an article first seen then."""
    now = datetime(2026, 11, 29, tzinfo=UTC)
    known = SimpleNamespace(
        first_seen_at=(now - timedelta(days=first_seen_days_ago)).isoformat(),
        fetched_at=(now - timedelta(days=1)).isoformat(),  # asked last night
        published_at="2062-11-20T08:00:00+07:00",
        removed_at=None,
        checked_at=None,
    )
    assert RecheckPolicy().due(known, now) is due
