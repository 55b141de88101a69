import hashlib
import json
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from archive import Archive, schema
from archive.search import search as search_archive
from archive.store import content_hash
from tests.search_index import assert_index_matches_articles

PORTAL = "phuonglangha.hanoi.gov.vn"
URL = "https://phuonglangha.hanoi.gov.vn/tin-tuc/chuyen-doi-so-123"
T1 = "2026-11-27T19:05:00+00:00"
T2 = "2026-11-28T07:30:00+00:00"
T3 = "2026-11-29T08:00:00+00:00"


def make_record(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "url": URL,
        "portal_id": PORTAL,
        "title": "Phường Láng Hạ hướng dẫn người dân thanh toán không dùng tiền mặt",
        "published_at": "2026-11-26T08:15:00+07:00",
        "published_text": "26/11/2026 08:15",
        "published_precision": "minute",
        "byline": "Thu Hà",
        "summary": "Buổi hướng dẫn thu hút đông đảo tiểu thương chợ Láng Hạ.",
        "body": "Sáng nay, phường tổ chức hướng dẫn cài đặt ứng dụng ngân hàng.\n\n"
        "Các hộ kinh doanh được hỗ trợ tạo mã QR để thanh toán không dùng tiền mặt.",
        "category": "Tin tức - Sự kiện",
        "platform": "liferay6",
        "images": [
            {"url": "https://phuonglangha.hanoi.gov.vn/anh/1.jpg", "caption": "Tiểu thương"}
        ],
        "attachments": [{"url": "https://phuonglangha.hanoi.gov.vn/kh.pdf", "title": "Kế hoạch"}],
        "warnings": [],
        "fetched_at": T1,
    }
    record.update(overrides)
    return record


def add_portal(arch: Archive, crawled_at: str | None = None) -> None:
    arch.upsert_portal(
        portal_id=PORTAL,
        name="Phường Láng Hạ",
        base_url="https://phuonglangha.hanoi.gov.vn/",
        platform="liferay6",
        start_urls=["https://phuonglangha.hanoi.gov.vn/tin-tuc"],
        crawled_at=crawled_at,
    )


def row(arch: Archive, url: str = URL) -> dict[str, Any]:
    cursor = arch.conn.execute("SELECT * FROM articles WHERE url = ?", (url,))
    values = cursor.fetchone()
    assert values is not None, f"no row for {url}"
    return dict(zip([d[0] for d in cursor.description], values, strict=True))


def search(arch: Archive, query: str) -> list[str]:
    return [hit["url"] for hit in search_archive(arch.conn, query)]


@pytest.fixture
def stored(archive: Archive) -> Archive:
    """An archive holding one portal and the default article, stored at T1."""
    add_portal(archive)
    assert archive.upsert_article(make_record()) == "new"
    return archive


# --- opening the file ---------------------------------------------------------------------


def test_creates_parent_directory_and_file(archive: Archive, archive_path: Path) -> None:
    assert archive_path.is_file()


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("synchronous", 1)],  # 1 = NORMAL
)
def test_connection_pragmas(archive: Archive, pragma: str, expected: object) -> None:
    assert archive.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_busy_timeout_is_set(archive: Archive) -> None:
    assert archive.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_migrations_reapply_cleanly(archive_path: Path) -> None:
    with Archive(archive_path) as first:
        add_portal(first)
        first.upsert_article(make_record())
        schema_sql = first.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    with Archive(archive_path) as again:
        schema.apply(again.db)  # a third time, explicitly
        assert again.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == (
            schema_sql
        )
        names = [r[0] for r in again.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert sorted(names) == sorted(m.name for m in schema.migrations._migrations)
        assert again.stats() == {"portals": 1, "articles": 1}
        assert search(again, "khong dung tien mat") == [URL]


def test_memory_archive_works() -> None:
    with Archive(":memory:") as arch:
        add_portal(arch)
        assert arch.upsert_article(make_record()) == "new"


# --- new articles ---------------------------------------------------------------------------

EXPECTED_NEW_ROW: dict[str, Any] = {
    **{k: v for k, v in make_record().items() if k not in ("images", "attachments", "warnings")},
    "images": make_record()["images"],
    "attachments": make_record()["attachments"],
    "warnings": [],
    "first_seen_at": T1,
    "last_seen_at": T1,
    "updated_at": None,
}
JSON_COLUMNS = {"images", "attachments", "warnings"}


@pytest.mark.parametrize("field", sorted(EXPECTED_NEW_ROW))
def test_new_article_field(stored: Archive, field: str) -> None:
    value = row(stored)[field]
    if field in JSON_COLUMNS:
        value = json.loads(value)
    assert value == EXPECTED_NEW_ROW[field]


def test_content_hash_is_sha256_of_content_fields(stored: Archive) -> None:
    stored_hash = row(stored)["content_hash"]
    assert stored_hash == content_hash(make_record())
    assert len(stored_hash) == 64
    assert stored_hash != hashlib.sha256(b"").hexdigest()


def test_missing_optional_keys_are_stored_empty(archive: Archive) -> None:
    add_portal(archive)
    archive.upsert_article({"url": URL, "portal_id": PORTAL, "fetched_at": T1})
    stored = row(archive)
    assert stored["title"] is None
    assert stored["published_at"] is None
    assert json.loads(stored["images"]) == []


def test_extra_keys_are_ignored(archive: Archive) -> None:
    add_portal(archive)
    status = archive.upsert_article(make_record(spider="liferay", depth=3, raw_html="<p>x</p>"))
    assert status == "new"
    assert "spider" not in row(archive)


def test_record_without_url_is_rejected(archive: Archive) -> None:
    with pytest.raises(ValueError, match="url"):
        archive.upsert_article(make_record(url=None))


def test_unknown_portal_is_rejected_and_nothing_written(archive: Archive) -> None:
    with pytest.raises(ValueError, match="upsert_portal"):
        archive.upsert_article(make_record(portal_id="unknown.gov.vn"))
    assert not archive.conn.in_transaction
    assert archive.stats()["articles"] == 0


# --- repeat visits --------------------------------------------------------------------------


def test_same_content_is_unchanged(stored: Archive) -> None:
    assert stored.upsert_article(make_record(fetched_at=T2)) == "unchanged"
    after = row(stored)
    assert (after["first_seen_at"], after["last_seen_at"], after["fetched_at"]) == (T1, T2, T2)
    assert after["updated_at"] is None


def test_repeat_upserts_never_duplicate_rows(stored: Archive) -> None:
    stored.upsert_article(make_record(fetched_at=T2))
    stored.upsert_article(make_record(fetched_at=T3, title="Tiêu đề mới"))
    assert stored.stats() == {"portals": 1, "articles": 1}


def test_changed_content_is_updated(stored: Archive) -> None:
    changed = make_record(
        fetched_at=T2,
        title="Láng Hạ: 90% tiểu thương đã dùng mã QR",
        body="Sau một tháng, phần lớn các sạp hàng đã nhận chuyển khoản.",
        images=[],
        warnings=["no_byline"],
        byline=None,
    )
    assert stored.upsert_article(changed) == "updated"
    after = row(stored)
    assert after["title"] == changed["title"]
    assert after["body"] == changed["body"]
    assert after["byline"] is None
    assert json.loads(after["images"]) == []
    assert json.loads(after["warnings"]) == ["no_byline"]
    assert after["content_hash"] == content_hash(changed)
    assert (after["first_seen_at"], after["last_seen_at"], after["updated_at"]) == (T1, T2, T2)


def test_change_outside_hashed_fields_is_unchanged_and_shown(stored: Archive) -> None:
    # Only title, published_at, byline, summary, body and category define "content"; the
    # other fields are the row's latest reading.
    assert stored.upsert_article(make_record(fetched_at=T2, warnings=["x"])) == "unchanged"
    assert json.loads(row(stored)["warnings"]) == ["x"]


# --- Unicode --------------------------------------------------------------------------------


def test_nfd_input_is_stored_as_nfc(archive: Archive) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    nfc_record = make_record()
    nfd_record = make_record(
        title=nfd(nfc_record["title"]),
        body=nfd(nfc_record["body"]),
        images=[{"url": nfc_record["images"][0]["url"], "caption": nfd("Tiểu thương")}],
        attachments=[{"url": nfc_record["attachments"][0]["url"], "title": nfd("Kế hoạch")}],
        warnings=[nfd("thiếu ảnh")],
    )
    assert nfd_record["title"] != nfc_record["title"]  # the fixture really is decomposed
    archive.upsert_portal(
        portal_id=PORTAL,
        name=nfd("Phường Láng Hạ"),
        base_url="https://x/",
        platform=None,
        start_urls=[],
    )
    archive.upsert_article(nfd_record)
    stored = row(archive)
    assert stored["title"] == nfc_record["title"]
    assert stored["body"] == nfc_record["body"]
    assert json.loads(stored["images"])[0]["caption"] == "Tiểu thương"
    assert json.loads(stored["attachments"])[0]["title"] == "Kế hoạch"
    assert json.loads(stored["warnings"]) == ["thiếu ảnh"]
    assert archive.conn.execute("SELECT name FROM portals").fetchone()[0] == "Phường Láng Hạ"
    # NFD and NFC spellings of the same article are the same content.
    assert stored["content_hash"] == content_hash(nfc_record)


# --- portals --------------------------------------------------------------------------------


REGISTRY_COLUMNS = (
    "level", "unit_type", "unit_code", "unit_id", "province_code", "parent_code", "since",
    "until", "successors", "url_source", "url_evidence", "notes", "registry_source",
)  # fmt: skip


def test_portal_upsert_keeps_first_seen_and_updates_the_rest(archive: Archive) -> None:
    add_portal(archive, crawled_at=T1)
    archive.upsert_portal(
        portal_id=PORTAL,
        name="UBND phường Láng Hạ",
        base_url="https://langha.hanoi.gov.vn/",
        platform=None,
        start_urls=["https://langha.hanoi.gov.vn/tin"],
        crawled_at=T2,
    )
    cursor = archive.conn.execute("SELECT * FROM portals")
    rows = [dict(zip([d[0] for d in cursor.description], r, strict=True)) for r in cursor]
    assert rows == [
        {
            "id": PORTAL,
            "name": "UBND phường Láng Hạ",
            "base_url": "https://langha.hanoi.gov.vn/",
            "platform": None,
            "start_urls": '["https://langha.hanoi.gov.vn/tin"]',
            "first_seen_at": T1,
            "last_crawled_at": T2,
            **dict.fromkeys(REGISTRY_COLUMNS),
        }
    ]


def test_crawl_of_a_registry_portal_keeps_its_registry_name(archive: Archive) -> None:
    archive.upsert_registry_portals(
        [{"id": PORTAL, "name": "Cổng TTĐT phường Láng Hạ", "platform": "liferay6",
          "base_url": "https://langha.hanoi.gov.vn/", "source": "ha-noi.toml:12"}]
    )  # fmt: skip
    archive.upsert_portal(
        portal_id=PORTAL,
        name=PORTAL,
        base_url="https://other.example/",
        platform=None,
        start_urls=["https://langha.hanoi.gov.vn/tin"],
        crawled_at=T2,
    )
    row = archive.conn.execute(
        "SELECT name, base_url, platform, last_crawled_at FROM portals"
    ).fetchone()
    assert tuple(row) == (
        "Cổng TTĐT phường Láng Hạ", "https://langha.hanoi.gov.vn/", "liferay6", T2
    )  # fmt: skip


# --- full-text search -----------------------------------------------------------------------


@pytest.mark.parametrize("query", ["khong dung tien mat", "không dùng tiền mặt", "LANG HA"])
def test_search_ignores_accents_and_case(stored: Archive, query: str) -> None:
    assert search(stored, query) == [URL]


def test_search_follows_updates(stored: Archive) -> None:
    stored.upsert_article(
        make_record(fetched_at=T2, title="Ra quân dọn vệ sinh", body="Đoàn viên thu gom rác.")
    )
    assert search(stored, "khong dung tien mat") == []
    assert search(stored, "thu gom rac") == [URL]


def test_search_index_consistent_after_mixed_writes(stored: Archive) -> None:
    stored.upsert_article(make_record(fetched_at=T2))  # unchanged: no reindex
    stored.upsert_article(make_record(fetched_at=T3, summary="Tóm tắt mới"))
    stored.upsert_article(make_record(url=URL + "-2", body="Bài thứ hai"))
    assert_index_matches_articles(stored.conn)
    assert search(stored, "tom tat moi") == [URL]


def test_failed_write_leaves_no_open_transaction(stored: Archive) -> None:
    with pytest.raises(sqlite3.IntegrityError), stored._transaction() as conn:
        conn.execute("UPDATE articles SET title = 'tạm' WHERE url = ?", (URL,))
        conn.execute("INSERT INTO articles (url) VALUES (NULL)")  # violates NOT NULL
    assert not stored.conn.in_transaction
    assert row(stored)["title"] == make_record()["title"]


def test_what_is_derived_from_the_text_is_written_with_it_or_not_at_all(stored: Archive) -> None:
    """The pipeline stores an article's meetings in its transaction (`on_stored`): a failure
    there leaves neither, and the next run finds the text to store again."""
    seen: list[str] = []

    def fails(conn: sqlite3.Connection, url: str) -> None:
        seen.append(url)
        raise RuntimeError("killed between the two writes")

    with pytest.raises(RuntimeError):
        stored.upsert_article(make_record(fetched_at=T2, body="Nội dung đã sửa."), on_stored=fails)
    assert seen == [URL]
    assert row(stored)["body"] == make_record()["body"]
    assert stored.upsert_article(make_record(fetched_at=T2), on_stored=fails) == "unchanged"
    assert seen == [URL]  # (unchanged text: nothing derived to write again)
