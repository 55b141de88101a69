"""Nightly crawls of a portal whose content changes between runs: each run fetches only what
is new or due, keeps every version, marks deletions, and its requests are counted."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .changing_portal import LISTING, ChangingPortal, serve
from .test_crawl_e2e import FAST

# The walk's stop at its narrowest, the first page of known articles (the default is two:
# test_a_new_article_dated_back_onto_page_two_is_found): each night's requests counted exactly.
ONE_KNOWN_PAGE = ["-s", "VNNEWS_KNOWN_PAGES_TO_STOP=1"]


def crawl(base: str, db: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`vnnews crawl` of the test portal; `check`: it must exit 0 (not when no portal is
    reached)."""
    cmd = [sys.executable, "-m", "scraper.cli", "crawl", base + LISTING, "--db", str(db),
           "--portal", "test/hoa-xuan", *FAST, *ONE_KNOWN_PAGE, *extra]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0 or not check, result.stderr[-3000:]
    return result


def rows(db: Path, sql: str, *args: object) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, args)]


def articles(db: Path) -> dict[str, dict]:
    return {r["url"]: r for r in rows(db, "select * from articles")}


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory):
    """Six nightly runs over one archive; what each run fetched and stored, in order."""
    db = tmp_path_factory.mktemp("incremental") / "archive.db"
    portal = ChangingPortal.with_stories(12)
    runs: list[dict] = []

    def run(*extra: str) -> None:
        portal.requests.clear()
        crawl(base, db, *extra)
        runs.append({"requests": dict(portal.requests), "articles": articles(db)})

    with serve(portal) as base:
        run()  # 1: first crawl, everything
        run()  # 2: nothing changed
        portal.add(2)
        run()  # 3: two new articles on top
        portal.find(5).paragraphs.append("Bổ sung: hội nghị đã thống nhất lịch tiếp dân mới.")
        portal.find(7).deleted = True
        run("--recheck", "all")  # 4: an edit and a deletion, found by re-checks
        portal.stories.insert(0, portal.stories.pop(6))  # an old story pinned on top
        run()  # 5: re-ordered listing
        portal.broken_template = True
        portal.add(1)
        run()  # 6: a redesign the extractor cannot read
    return base, db, portal, runs


def url_of(base: str, portal: ChangingPortal, number: int) -> str:
    return base + portal.find(number).path


def test_first_run_fetches_every_listing_page_and_article(history):
    _, _, _, runs = history
    assert runs[0]["requests"] == {"robots.txt": 1, "tin-tuc": 3 + 12}
    assert len(runs[0]["articles"]) == 12


def test_unchanged_portal_costs_one_listing_page(history):
    _, _, _, runs = history
    assert runs[1]["requests"] == {"robots.txt": 1, "tin-tuc": 1}
    assert runs[1]["articles"].keys() == runs[0]["articles"].keys()


def test_new_articles_cost_their_own_requests_and_one_more_listing_page(history):
    base, _, portal, runs = history
    # Page 1 holds the 2 new + 3 known articles; page 2, all known, ends the walk.
    assert runs[2]["requests"] == {"robots.txt": 1, "tin-tuc": 2 + 2}
    new = set(runs[2]["articles"]) - set(runs[1]["articles"])
    assert new == {url_of(base, portal, 13), url_of(base, portal, 14)}


def test_edit_makes_a_new_version_and_deletion_marks_removed(history):
    base, db, portal, runs = history
    # One listing page, and a conditional re-check of all 14 known articles.
    assert runs[3]["requests"] == {"robots.txt": 1, "tin-tuc": 1 + 14}
    edited, deleted = url_of(base, portal, 5), url_of(base, portal, 7)
    after = runs[3]["articles"]
    assert after[edited]["body"].endswith("Bổ sung: hội nghị đã thống nhất lịch tiếp dân mới.")
    versions = rows(db, "select * from article_versions where url = ? order by version", edited)
    assert [v["change"] for v in versions] == ["new", "edited"]
    assert "Bổ sung" not in versions[0]["body"] and "Bổ sung" in versions[1]["body"]
    assert after[deleted]["removed_at"] is not None
    assert after[deleted]["body"] == runs[2]["articles"][deleted]["body"]  # content kept
    others = set(after) - {edited, deleted}
    assert all(after[u]["content_hash"] == runs[2]["articles"][u]["content_hash"] for u in others)
    assert all(after[u]["removed_at"] is None for u in others)


def test_reordered_listing_changes_nothing(history):
    _, _, _, runs = history
    # The pinned old story is known: page 1 is all known, nothing is fetched or touched.
    assert runs[4]["requests"] == {"robots.txt": 1, "tin-tuc": 1}
    assert runs[4]["articles"] == runs[3]["articles"]


def test_every_version_is_kept_once(history):
    _, db, _, _ = history
    counts = rows(db, "select url, count(*) n from article_versions group by url")
    assert sum(r["n"] for r in counts) == 14 + 1  # 14 articles, one edit


def test_runs_are_recorded_with_their_requests(history):
    _, db, _, _ = history
    runs = rows(db, "select * from crawl_runs order by id")
    assert len(runs) == 6
    assert [r["articles_new"] for r in runs] == [12, 0, 2, 0, 0, 0]
    assert runs[3]["articles_updated"] == 1 and runs[3]["articles_removed"] == 1
    # The re-checks were conditional: 12 unchanged articles answered "304 Not Modified".
    assert json.loads(runs[3]["responses_by_status"]) == {"200": 2, "304": 12, "404": 2}
    assert runs[1]["requests"] == 2 and runs[1]["listing_stop"] == "known-page"
    # robots.txt is a 404 on this portal; 3 listing pages and 12 articles are 200s.
    assert json.loads(runs[0]["responses_by_status"]) == {"200": 15, "404": 1}


def test_broken_template_stores_no_junk_and_removes_nothing(history):
    _, _, _, runs = history
    assert runs[5]["articles"] == runs[4]["articles"]


def test_health_flags_the_template_change(history):
    _, db, _, _ = history
    cmd = [sys.executable, "-m", "scraper.cli", "health", "--db", str(db), "--json"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1, result.stderr
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"portal_id": "test/hoa-xuan", "kind": "stored-nothing"}.items() <= findings[0].items()


def test_health_is_quiet_after_a_run_that_found_nothing_new(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    with serve(portal) as base:
        crawl(base, db)
        crawl(base, db)
    cmd = [sys.executable, "-m", "scraper.cli", "health", "--db", str(db)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stderr


# --- bad input: none of it creates junk rows or marks live articles removed ----------------


def two_nights(portal: ChangingPortal, db: Path) -> tuple[dict, dict]:
    """Two crawls of an unchanged portal: the requests each made, by first path segment."""
    nights = []
    with serve(portal) as base:
        for _ in range(2):
            portal.requests.clear()
            crawl(base, db)
            nights.append(dict(portal.requests))
    return nights[0], nights[1]


def run_rows(db: Path) -> list[dict]:
    return rows(db, "select * from crawl_runs order by id")


def test_pagination_loop_is_stopped_and_recorded(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(7)
    portal.loop = True  # page 3, 4, 5… repeat page 2 forever
    with serve(portal) as base:
        crawl(base, db)
        listing_requests = portal.requests["tin-tuc"] - 7
    assert listing_requests == 3  # pages 1 and 2, then the repeat that reveals the loop
    assert len(articles(db)) == 7
    assert run_rows(db)[-1]["listing_stop"] == "loop"


def test_redirect_to_home_and_error_pages_make_no_rows_and_remove_nothing(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    with serve(portal) as base:
        crawl(base, db)
        before = articles(db)
        portal.add(2)
        portal.redirect_home = {7}  # a new link that lands on the home page
        portal.find(8).paragraphs = []  # served, but as an empty shell
        portal.find(8).title = "Không tìm thấy trang"
        portal.redirect_home.add(3)  # a known article now redirects home
        crawl(base, db, "--recheck", "all")
    after = articles(db)
    assert set(after) == set(before)  # no junk rows for the two new links
    assert all(row["removed_at"] is None for row in after.values())  # nothing marked removed
    errors = json.loads(run_rows(db)[-1]["errors"])
    assert errors and run_rows(db)[-1]["articles_failed"] >= 2


@pytest.mark.parametrize(
    ("where", "counted_as"),
    [("redirect_home", "redirected_away"), ("redirect_listing", "redirected_away"),
     ("home_at", "shows_another_article")],
)  # fmt: skip
def test_a_removed_article_whose_address_shows_another_story_keeps_its_text(
    tmp_path: Path, where: str, counted_as: str
):
    """A removed article's address sent to the home page or its listing, or serving the home
    page itself (200, no redirect), whose featured story reads as an article: that story is
    not stored as a new text of the removed one (it is archived under its own address)."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    portal.featured_home = True
    with serve(portal) as base:
        crawl(base, db)
        before = articles(db)
        gone = portal.find(3)
        getattr(portal, where).add(3)
        crawl(base, db, "--recheck", "all")
    after = articles(db)
    url = base + gone.path
    assert after[url]["title"] == before[url]["title"] == gone.title
    assert after[url]["body"] == before[url]["body"]
    assert after[url]["removed_at"] is None
    assert rows(db, "select count(*) n from article_versions where url = ?", url)[0]["n"] == 1
    run = run_rows(db)[-1]
    assert json.loads(run["errors"]) == {counted_as: 1}
    assert run["articles_updated"] == 0


def test_a_pinned_link_that_is_no_article_does_not_make_every_night_a_full_walk(tmp_path):
    """A link on top of every listing page to a page the crawl cannot store (a schedule
    shown as a picture) fails every time; it must not keep the crawl from seeing that page 1
    holds nothing new, and walking the whole section every night."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(12)
    portal.pinned_page = True
    with serve(portal) as base:
        crawl(base, db)
        portal.requests.clear()
        crawl(base, db)
        second = dict(portal.requests)
    assert len(articles(db)) == 12
    assert second["tin-tuc"] <= 1 + 1  # page 1, and the pinned page at most
    assert json.loads(run_rows(db)[-1]["errors"]).get("no_body", 0) <= 1


def test_articles_linked_in_vietnamese_letters_are_known_the_next_night(tmp_path: Path):
    """Links written "/tin-tuc/Bài-viết-số-3-…" are fetched %-encoded; the next crawl knows
    them by that address and stops at the first listing page, fetching no article."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(12)
    for story in portal.stories:
        story.vietnamese_slug = True
    first, second = two_nights(portal, db)
    assert first["tin-tuc"] == 3 + 12
    assert len(articles(db)) == 12
    assert all("%E1%BB%" in url for url in articles(db))
    assert second == {"robots.txt": 1, "tin-tuc": 1}


@pytest.mark.parametrize(
    ("stories", "listing_stop", "second"),
    [
        # Pages of 5, 5, 2, then the empty page: after a short page, the section's end.
        (12, "empty-last-page", {"robots.txt": 1, "tin-tuc": 1}),
        # Pages of 5, 5, then the empty page: after a full page it may be an outage; the
        # section stays unfinished and the next night walks it again.
        (10, "empty", {"robots.txt": 1, "tin-tuc": 3}),
    ],
)
def test_an_empty_page_past_the_last_ends_the_section(tmp_path, stories, listing_stop, second):
    """A pager that always offers a next page, and an empty list past the last page."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(stories)
    portal.empty_tail = True
    first, then = two_nights(portal, db)
    assert len(articles(db)) == stories
    pages = -(-stories // 5) + 1  # the pages of links and the empty one
    assert first["tin-tuc"] == pages + stories
    assert run_rows(db)[0]["listing_stop"] == listing_stop
    assert then == second


def test_an_article_that_failed_is_fetched_again_by_the_next_runs(tmp_path: Path):
    """An article on the last listing page answers 500 on the first night. The next night
    stops paging at the first page, yet fetches it again; the night after, it is known."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(12)
    portal.failing = {1}
    with serve(portal) as base:
        crawl(base, db)
        assert len(articles(db)) == 11
        assert [r["url"] for r in rows(db, "select url from failed_fetches")] == [
            base + portal.find(1).path
        ]
        portal.failing = set()
        portal.requests.clear()
        crawl(base, db)
        second = dict(portal.requests)
        portal.requests.clear()
        crawl(base, db)
        third = dict(portal.requests)
    assert len(articles(db)) == 12
    assert second == {"robots.txt": 1, "tin-tuc": 2}  # the first listing page, the article
    assert third == {"robots.txt": 1, "tin-tuc": 1}
    assert rows(db, "select url from failed_fetches") == []


def test_sudden_empty_listing_removes_nothing(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    with serve(portal) as base:
        crawl(base, db)
        listed = portal.stories
        portal.stories = [s for s in listed if False]
        crawl(base, db)
        portal.stories = listed
    assert all(row["removed_at"] is None for row in articles(db).values())
    assert run_rows(db)[-1]["listing_stop"] == "empty"


def test_a_whole_site_answering_404_marks_nothing_removed(tmp_path: Path) -> None:
    # Re-checks answered 404 while no listing page of the portal can be read say nothing of
    # the articles: their removals wait for a run that reads the listing.
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)
    with serve(portal) as base:
        crawl(base, db)
        portal.all_404 = True
        down = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "crawl", base + LISTING, "--db", str(db),
             "--portal", "test/hoa-xuan", "--recheck", "all", *FAST],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert down.returncode == 1  # its only portal was not reached
        assert "4 article(s) answered as removed were not marked so" in down.stderr
        assert all(row["removed_at"] is None for row in articles(db).values())
        portal.all_404 = False
        portal.find(2).deleted = True
        crawl(base, db, "--recheck", "all")
    removed = {url for url, row in articles(db).items() if row["removed_at"]}
    assert removed == {url_of(base, portal, 2)}


def test_a_box_of_the_newest_on_every_page_costs_no_extra_listing_page(tmp_path: Path) -> None:
    # Tonight's new stories, fetched from page 1, are shown again on page 2 by the box: asked
    # for already, they do not keep page 2 from ending the walk.
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(20)
    portal.newest_box = True
    with serve(portal) as base:
        crawl(base, db)
        portal.add(2)
        portal.requests.clear()
        portal.paths.clear()
        crawl(base, db)
    listing_pages = [p for p in portal.paths if p == LISTING or p.startswith(LISTING + "?")]
    assert len(listing_pages) == 2, listing_pages


def test_a_new_article_dated_back_onto_page_two_is_found(tmp_path: Path):
    """A ward posts a meeting a week late: the listing, newest first by date, sorts it onto
    page 2, under a first page of known articles. The walk goes on to a second known page
    (VNNEWS_KNOWN_PAGES_TO_STOP, default 2) and finds it the same night."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(15)
    default_stop = [sys.executable, "-m", "scraper.cli", "crawl", "--db", str(db), *FAST]
    with serve(portal) as base:
        first = subprocess.run([*default_stop, base + LISTING], check=False, capture_output=True)
        assert first.returncode == 0, first.stderr[-3000:]
        late = portal.make(16)
        portal.stories.insert(portal.page_size + 1, late)  # on page 2, among older stories
        portal.paths.clear()
        night = subprocess.run([*default_stop, base + LISTING], check=False, capture_output=True)
        assert night.returncode == 0, night.stderr[-3000:]
    assert base + late.path in articles(db)
