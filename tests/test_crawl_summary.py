"""The summary line `vnnews crawl` prints at the end tells what the run's `crawl_runs` row
records: articles new, updated, unchanged (a re-check answered "304 Not Modified" included),
removed from the portal, failed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from .changing_portal import ChangingPortal, serve
from .test_incremental import crawl

SUMMARY = re.compile(
    r"\[vnnews\] done \(finished\):.*articles: (?P<new>\d+) new, (?P<updated>\d+) updated, "
    r"(?P<unchanged>\d+) unchanged, (?P<removed>\d+) removed, (?P<failed>\d+) failed"
)
OUTCOMES = ("new", "updated", "unchanged", "removed", "failed")


def printed(stderr: str) -> dict[str, int]:
    match = SUMMARY.search(stderr)
    assert match, f"no summary line with every count in:\n{stderr[-2000:]}"
    return {outcome: int(match[outcome]) for outcome in OUTCOMES}


def recorded(db: Path) -> dict[str, int]:
    """The counts of the last crawl_runs row."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("select * from crawl_runs order by id desc limit 1").fetchone()
    return {outcome: row[f"articles_{outcome}"] for outcome in OUTCOMES}


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict, dict]]:
    """Three crawls of one portal: the first, re-checks after an edit and a deletion, then a
    full crawl; what each printed and recorded."""
    db = tmp_path_factory.mktemp("summary") / "archive.db"
    portal = ChangingPortal.with_stories(6)
    found: list[tuple[dict, dict]] = []
    with serve(portal) as base:
        found.append((printed(crawl(base, db).stderr), recorded(db)))
        portal.find(4).paragraphs.append("Bổ sung: lịch tiếp công dân tháng sau.")
        portal.find(2).deleted = True
        # The four others answer the conditional re-check with "304 Not Modified".
        found.append((printed(crawl(base, db, "--recheck", "all").stderr), recorded(db)))
        # Fetched again without conditions: the five answer 200, with the same content.
        found.append((printed(crawl(base, db, "--full").stderr), recorded(db)))
    return found


def test_first_crawl_summary(nights):
    line, row = nights[0]
    assert line == row == {"new": 6, "updated": 0, "unchanged": 0, "removed": 0, "failed": 0}


def test_removed_and_not_modified_articles_are_in_the_summary(nights):
    line, row = nights[1]
    assert line == row == {"new": 0, "updated": 1, "unchanged": 4, "removed": 1, "failed": 0}


def test_pages_fetched_again_unchanged_are_in_the_summary(nights):
    line, row = nights[2]
    assert line == row == {"new": 0, "updated": 0, "unchanged": 5, "removed": 0, "failed": 0}


def test_the_end_of_run_line_names_its_portal(tmp_path: Path) -> None:
    """With several portals crawled at once, each prints such a line: it says whose it is."""
    portal = ChangingPortal.with_stories(2)
    with serve(portal) as base:
        result = crawl(base, tmp_path / "archive.db")
    [done] = [line for line in result.stderr.splitlines() if line.startswith("[vnnews] done")]
    assert done.startswith("[vnnews] done (finished): ")
    assert done.endswith(" | portal: test/hoa-xuan")
