"""Search results are newest published first within each tier, whatever order the articles
were archived in (a backfill of old news after this year's), and a smaller --limit is a prefix
of a larger one: in archive.search.search, `vnnews search` and the Datasette canned query.
All text is invented for the project."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from archive import Archive, schema
from archive.search import folded_row, search

from .datasette_server import datasette
from .search_index import assert_index_matches_articles

PORTAL = "phuongdongxuan.hanoi.gov.vn"


def article(n: int, day: str | None, title: str = "Phường tổ chức hội nghị") -> dict[str, Any]:
    return {
        "url": f"https://{PORTAL}/tin-tuc/bai-{n}",
        "portal_id": PORTAL,
        "title": f"{title} số {n}",
        "published_at": f"{day}T08:00:00+07:00" if day else None,
        "body": "Nội dung bài viết.",
        "fetched_at": "2026-11-27T01:00:00+00:00",
    }


# This year's news is archived first; a backfill of 2019 comes after it (higher rowids).
RECENT = [article(n, f"2025-0{n}-15") for n in range(1, 7)]
BACKFILL = [article(100 + n, f"2019-0{n}-10") for n in range(1, 9)]
NEWEST_FIRST = [a["url"] for a in sorted(RECENT, key=lambda a: a["published_at"], reverse=True)]


def build(path: Path) -> None:
    with Archive(path) as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for record in [*RECENT, *BACKFILL]:
            arch.upsert_article(record)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ranking") / "archive.db"
    build(path)
    return path


def urls(hits: list[dict[str, Any]]) -> list[str]:
    return [h["url"] for h in hits]


def test_a_backfill_does_not_push_this_years_articles_off_the_page(db_path: Path) -> None:
    with Archive(db_path) as arch:
        assert urls(search(arch.conn, "hoi nghi", limit=6)) == NEWEST_FIRST


@pytest.mark.parametrize("limit", [1, 3, 7, 13])
def test_a_smaller_limit_is_a_prefix_of_a_larger_one(db_path: Path, limit: int) -> None:
    with Archive(db_path) as arch:
        everything = urls(search(arch.conn, "hoi nghi", limit=1000))
        assert urls(search(arch.conn, "hoi nghi", limit=limit)) == everything[:limit]
    assert everything[:6] == NEWEST_FIRST


def test_cli_lists_the_newest_published_first(db_path: Path) -> None:
    command = [sys.executable, "-m", "scraper.cli", "search", "hoi nghi", "--limit", "3"]
    result = subprocess.run(
        [*command, "--json", "--db", str(db_path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["url"] for line in result.stdout.splitlines()] == NEWEST_FIRST[:3]


def test_datasette_canned_search_lists_the_newest_published_first(db_path: Path) -> None:
    with datasette(db_path) as client:
        params = {"q": "hoi nghi", "limit": "3", "_shape": "objects"}
        response = client.get("/archive/search.json", params=params)
        assert response.status_code == 200, response.text
        assert [r["url"] for r in response.json()["rows"]] == NEWEST_FIRST[:3]
        # The table's search box joins the index on the articles' search key.
        box = client.get("/archive/articles.json", params={"_search": "bai viet", "_size": "3"})
        assert box.status_code == 200, box.text
        assert len(box.json()["rows"]) == 3


def test_same_minute_then_newest_archived_and_undated_last(tmp_path: Path) -> None:
    first, second = article(1, "2024-05-05"), article(2, "2024-05-05")
    undated, old = article(3, None), article(4, "2001-01-01")
    with Archive(tmp_path / "a.db") as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for record in (undated, first, second, old):
            arch.upsert_article(record)
        assert urls(search(arch.conn, "hoi nghi")) == [
            second["url"], first["url"], old["url"], undated["url"]
        ]  # fmt: skip


def test_a_corrected_publish_date_moves_the_article(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for record in RECENT:
            arch.upsert_article(record)
        corrected = {**RECENT[0], "published_at": "2025-12-01T08:00:00+07:00",
                     "fetched_at": "2026-11-28T01:00:00+00:00"}  # fmt: skip
        assert arch.upsert_article(corrected) == "updated"
        assert urls(search(arch.conn, "hoi nghi", limit=1)) == [corrected["url"]]
        assert_index_matches_articles(arch.conn)


def test_migration_rekeys_an_index_keyed_on_the_rowid(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="search_index_in_publish_order")
    db["portals"].insert({"id": PORTAL})
    for record in [*RECENT, *BACKFILL]:
        row = {**record, "content_hash": "x", "first_seen_at": "t", "last_seen_at": "t"}
        rowid = db["articles"].insert(row).last_rowid
        db.execute(
            "INSERT INTO articles_search (rowid, title, summary, body, byline, tags) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [rowid, *folded_row(record)],
        )  # as the archive indexed articles before the migration
    db.conn.commit()
    db.close()
    with Archive(path) as arch:
        assert urls(search(arch.conn, "hoi nghi", limit=6)) == NEWEST_FIRST
        assert_index_matches_articles(arch.conn)
