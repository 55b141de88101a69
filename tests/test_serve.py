"""`vnnews serve` as a user runs it, over loopback: an archive of any file name gets the
project's Datasette configuration (search, canned queries), an archive of an older vnnews is
brought up to date first, and SIGTERM stops Datasette too. All text is invented for the
project."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import pytest
from sqlite_utils import Database

from archive import Archive, schema
from archive.search import folded_row
from archive.upgrade import pending_migrations, upgrade_for_serving

from .datasette_server import free_port

PORTAL = "xatienphong.hanoi.gov.vn"
ARTICLES = [
    ("dang-uy", "Đảng ủy xã họp phiên thường kỳ", "2025-09-01"),
    ("ve-sinh", "Ra quân vệ sinh môi trường", "2025-08-01"),
    ("thuy-loi", "Nạo vét kênh thủy lợi", "2025-07-01"),
]


def build(path: Path) -> None:
    with Archive(path) as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for slug, title, day in ARTICLES:
            arch.upsert_article(
                {
                    "url": f"https://{PORTAL}/tin-tuc/{slug}",
                    "portal_id": PORTAL,
                    "title": title,
                    "published_at": f"{day}T08:00:00+07:00",
                    "body": "Nội dung bài viết.",
                    "fetched_at": "2026-11-27T01:00:00+00:00",
                }
            )


def build_before_publish_order(path: Path) -> None:
    """The same archive as an older vnnews left it: before migration
    search_index_in_publish_order, its search index keyed on the articles' rowid."""
    db = Database(path)
    schema.migrations.apply(db, stop_before="search_index_in_publish_order")
    db["portals"].insert({"id": PORTAL})
    for slug, title, day in ARTICLES:
        record = {"url": f"https://{PORTAL}/tin-tuc/{slug}", "portal_id": PORTAL, "title": title,
                  "published_at": f"{day}T08:00:00+07:00", "body": "Nội dung bài viết."}  # fmt: skip
        row = {**record, "fetched_at": "t", "content_hash": "x", "first_seen_at": "t",
               "last_seen_at": "t"}  # fmt: skip
        rowid = db["articles"].insert(row).last_rowid
        db.execute(
            "INSERT INTO articles_search (rowid, title, summary, body, byline, tags) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [rowid, *folded_row(record)],
        )
    db.conn.commit()
    db.close()


@contextmanager
def vnnews_serve(db_path: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`vnnews serve` in a session of its own; whatever is left of it is stopped after."""
    log_path = db_path.with_suffix(".serve.log")
    with log_path.open("wb") as log:
        command = [sys.executable, "-m", "scraper.cli", "serve", "--db", str(db_path)]
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"vnnews serve did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()  # lets it remove its temporary metadata
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
        # Its own process group: vnnews serve and the Datasette it started, nothing else.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).is_success
    except httpx.TransportError:
        return False


def test_an_archive_of_any_name_keeps_search_and_canned_queries(tmp_path: Path) -> None:
    db_path = tmp_path / "hanoi.db"
    build(db_path)
    port = free_port()
    with vnnews_serve(db_path, port), httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        box = client.get("/hanoi/articles.json", params={"_search": "dang uy", "_shape": "objects"})
        assert box.status_code == 200, box.text
        assert [r["url"] for r in box.json()["rows"]] == [f"https://{PORTAL}/tin-tuc/dang-uy"]
        canned = client.get("/hanoi/search.json", params={"q": "thuy loi", "_shape": "objects"})
        assert canned.status_code == 200, canned.text
        assert [r["title"] for r in canned.json()["rows"]] == ["Nạo vét kênh thủy lợi"]
        health = client.get("/hanoi/health.json")
        assert health.status_code == 200, health.text
        table = client.get("/hanoi/articles.json", params={"_shape": "objects"}).json()["rows"]
        assert [r["title"] for r in table] == [title for _, title, _ in ARTICLES]


def test_sigterm_stops_datasette_too(tmp_path: Path) -> None:
    db_path = tmp_path / "archive.db"
    build(db_path)
    port = free_port()
    with vnnews_serve(db_path, port) as process:
        process.send_signal(signal.SIGTERM)  # as systemd, a supervisor or `kill PID` do
        process.wait(timeout=15)
        deadline = time.monotonic() + 10
        while answers(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not answers(port), "Datasette still serves after vnnews serve was stopped"


def test_an_archive_of_an_older_vnnews_is_updated_before_it_is_served(tmp_path: Path) -> None:
    db_path = tmp_path / "archive.db"
    build_before_publish_order(db_path)
    # (Later migrations are pending too: those of every release since.)
    assert pending_migrations(db_path)[0] == "search_index_in_publish_order"
    port = free_port()
    with vnnews_serve(db_path, port), httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        search = {"_search": "dang uy", "_shape": "objects"}
        box = client.get("/archive/articles.json", params=search)
        assert box.status_code == 200, box.text
        assert [r["title"] for r in box.json()["rows"]] == ["Đảng ủy xã họp phiên thường kỳ"]
        canned = client.get(
            "/archive/search.json", params={"q": "kenh thuy loi", "_shape": "objects"}
        )
        assert [r["title"] for r in canned.json()["rows"]] == ["Nạo vét kênh thủy lợi"]
    said = db_path.with_suffix(".serve.log").read_text()
    assert "updating it before serving (search_index_in_publish_order, " in said
    assert pending_migrations(db_path) == []


def test_an_archive_it_may_not_write_is_left_as_it_is_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "archive.db"
    build_before_publish_order(db_path)
    # As for a user without write permission (tests may run as root, who has it anyway).
    monkeypatch.setattr(os, "access", lambda path, mode, **_: mode != os.W_OK)
    said: list[str] = []
    assert upgrade_for_serving(db_path, say=said.append) is False
    assert pending_migrations(db_path)[0] == "search_index_in_publish_order"
    assert len(said) == 1 and f"`vnnews reindex --db {db_path}`" in said[0]


def test_a_database_that_is_no_archive_is_left_as_it_is(tmp_path: Path) -> None:
    db_path = tmp_path / "other.db"
    Database(db_path)["notes"].insert({"text": "Ghi chú"})
    said: list[str] = []
    assert upgrade_for_serving(db_path, say=said.append) is True
    assert Database(db_path).table_names() == ["notes"] and said == []


def test_an_installed_package_without_the_checkout_s_metadata_file_still_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `pip install .` copies the packages, not datasette_metadata.json from the repo root:
    # the configuration is then built from archive.metadata, as the file is.
    import json

    from archive import serve

    monkeypatch.setattr(serve, "METADATA_PATH", tmp_path / "absent.json")
    with serve.metadata_for(tmp_path / "archive.db") as path:
        config = json.loads(path.read_text("utf-8"))
    assert "search" in config["databases"]["archive"]["queries"]
