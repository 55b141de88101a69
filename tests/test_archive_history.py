"""Article versions, removals, known articles and section state in the archive."""

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from archive import Archive, schema
from archive.datasette_plugins.vnnews_diff import vnnews_diff
from archive.history import KnownArticle
from archive.store import content_hash
from tests.search_index import assert_index_matches_articles

PORTAL = "phuongthanhxuan.hanoi.gov.vn"
URL = "https://phuongthanhxuan.hanoi.gov.vn/tin-tuc/tiep-xuc-cu-tri-456"
SECTION = "https://phuongthanhxuan.hanoi.gov.vn/tin-tuc"
T1 = "2026-12-01T02:00:00+00:00"
T2 = "2026-12-02T02:00:00+00:00"
T3 = "2026-12-03T02:00:00+00:00"
T4 = "2026-12-04T02:00:00+00:00"
BODY = (
    "Chiều 30/11, đại biểu HĐND phường tiếp xúc cử tri tổ dân phố số 5.\n\n"
    "Cử tri kiến nghị sửa chữa tuyến mương thoát nước trên phố Vũ Tông Phan."
)
EDITED_BODY = BODY + "\n\nLãnh đạo phường đã tiếp thu và giao bộ phận chuyên môn xử lý."


def record(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "url": URL,
        "portal_id": PORTAL,
        "title": "Đại biểu HĐND phường tiếp xúc cử tri trước kỳ họp",
        "published_at": "2026-11-30T16:00:00+07:00",
        "byline": "Minh Châu",
        "summary": "Cử tri tổ dân phố số 5 nêu nhiều kiến nghị về hạ tầng.",
        "body": BODY,
        "category": "Tin hoạt động",
        "platform": "liferay6",
        "fetched_at": T1,
    }
    base.update(overrides)
    return base


def versions(arch: Archive, url: str = URL) -> list[dict[str, Any]]:
    cursor = arch.conn.execute(
        "SELECT * FROM article_versions WHERE url = ? ORDER BY version", (url,)
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def removal(arch: Archive, url: str = URL) -> tuple[str | None, str | None]:
    return arch.conn.execute(
        "SELECT removed_at, removed_reason FROM articles WHERE url = ?", (url,)
    ).fetchone()


@pytest.fixture
def portal(archive: Archive) -> Archive:
    archive.upsert_portal(PORTAL, "Phường Thanh Xuân", f"https://{PORTAL}/", "liferay6", [SECTION])
    return archive


@pytest.fixture
def stored(portal: Archive) -> Archive:
    assert portal.upsert_article(record()) == "new"
    return portal


# --- versions ---------------------------------------------------------------------------------


def test_new_article_is_version_one(stored: Archive) -> None:
    [first] = versions(stored)
    expected = {k: record()[k] for k in ("title", "published_at", "byline", "summary", "body")}
    assert {k: first[k] for k in expected} == expected
    assert (first["version"], first["seen_at"], first["change"]) == (1, T1, "new")
    assert first["category"] == record()["category"]
    assert first["content_hash"] == content_hash(record())


def test_unchanged_article_adds_no_version(stored: Archive) -> None:
    assert stored.upsert_article(record(fetched_at=T2)) == "unchanged"
    assert len(versions(stored)) == 1


def test_content_of_another_archived_article_is_not_an_edit(stored: Archive) -> None:
    """A removed article's address now serving the home page, whose featured story (another
    archived article: same portal, title and time) reads as an article."""
    other = record(url=URL + "-khac", title="Phường ra quân tổng vệ sinh môi trường",
                   published_at="2024-05-02T09:00:00+07:00", body=EDITED_BODY)  # fmt: skip
    assert stored.upsert_article(other) == "new"
    shown = {k: other[k] for k in ("title", "published_at", "body")}
    assert stored.upsert_article(record(fetched_at=T2, **shown)) == "shows_another"
    assert [v["title"] for v in versions(stored)] == [record()["title"]]
    # The same title at another time is an edit like any other.
    retitled = record(fetched_at=T3, title=other["title"])
    assert stored.upsert_article(retitled) == "updated"


def test_an_undated_article_edited_is_no_other_undated_article_of_its_title(
    portal: Archive,
) -> None:
    """Weekly schedules with no date share their title: a correction of one is an edit."""
    week = {"title": "Lịch công tác tuần của lãnh đạo UBND phường", "published_at": None}
    first = record(url=URL + "-tuan-1", body="Thứ Hai: giao ban. Thứ Ba: tiếp dân.", **week)
    second = record(url=URL + "-tuan-2", body="Thứ Hai: họp chi bộ. Thứ Tư: tiếp dân.", **week)
    assert (portal.upsert_article(first), portal.upsert_article(second)) == ("new", "new")
    corrected = {**second, "body": "Thứ Hai: họp chi bộ. Thứ Năm: tiếp dân.", "fetched_at": T2}
    assert portal.upsert_article(corrected) == "updated"


@pytest.mark.parametrize("reason", [None, "reextract"])
def test_files_and_pictures_added_later_reach_the_row_without_a_version(
    stored: Archive, reason: str | None
) -> None:
    """A portal attaches the decree's PDF days after the news; a better extractor reads a
    stored capture's files. The text is unchanged: no version, but the row shows them."""
    files = [{"url": f"https://{PORTAL}/files/nghi-quyet-12.pdf", "title": "Nghị quyết 12"}]
    pictures = [{"url": f"https://{PORTAL}/images/hoi-nghi.jpg", "caption": None}]
    again = record(fetched_at=T2, attachments=files, images=pictures, change_reason=reason)
    assert stored.upsert_article(again) == "unchanged"
    row = stored.conn.execute(
        "SELECT attachments, images FROM articles WHERE url = ?", (URL,)
    ).fetchone()
    assert [json.loads(column) for column in row] == [files, pictures]
    assert len(versions(stored)) == 1


def test_edit_adds_the_next_version(stored: Archive) -> None:
    assert stored.upsert_article(record(fetched_at=T2, body=EDITED_BODY)) == "updated"
    assert stored.upsert_article(record(fetched_at=T3, title="Tiêu đề đã sửa")) == "updated"
    got = [(v["version"], v["seen_at"], v["change"], v["title"]) for v in versions(stored)]
    title = record()["title"]
    assert got == [
        (1, T1, "new", title),
        (2, T2, "edited", title),
        (3, T3, "edited", "Tiêu đề đã sửa"),
    ]


def test_change_reason_overrides_the_default(stored: Archive) -> None:
    stored.upsert_article(record(fetched_at=T2, body=EDITED_BODY, change_reason="reextract"))
    assert [v["change"] for v in versions(stored)] == ["new", "reextract"]


def test_unknown_change_reason_is_rejected_and_nothing_written(stored: Archive) -> None:
    with pytest.raises(ValueError, match="change_reason"):
        stored.upsert_article(record(fetched_at=T2, body=EDITED_BODY, change_reason="typo"))
    assert len(versions(stored)) == 1
    assert stored.conn.execute("SELECT body FROM articles").fetchone()[0] == BODY


def test_version_and_article_are_written_atomically(stored: Archive) -> None:
    stored.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON article_versions "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        stored.upsert_article(record(fetched_at=T2, body=EDITED_BODY))
    assert not stored.conn.in_transaction
    assert stored.conn.execute("SELECT body, updated_at FROM articles").fetchone() == (BODY, None)


def test_nfd_text_is_stored_as_nfc_in_versions(portal: Archive) -> None:
    import unicodedata

    portal.upsert_article(record(title=unicodedata.normalize("NFD", record()["title"])))
    assert versions(portal)[0]["title"] == record()["title"]


def test_unchanged_upsert_is_one_select_and_one_update(stored: Archive) -> None:
    statements: list[str] = []
    stored.conn.set_trace_callback(statements.append)
    stored.upsert_article(record(fetched_at=T2))
    stored.conn.set_trace_callback(None)
    # (SQLite traces a statement again for each trigger it enters: article_removals' two.)
    ran = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    work = [
        s.split()[0].upper() for s in ran if s.split()[0].upper() in ("SELECT", "UPDATE", "INSERT")
    ]
    assert work == ["SELECT", "UPDATE"]


# --- removals ---------------------------------------------------------------------------------


def test_mark_removed_keeps_content(stored: Archive) -> None:
    assert stored.mark_removed(URL, T2, "http-404") is True
    assert removal(stored) == (T2, "http-404")
    assert stored.conn.execute("SELECT body FROM articles").fetchone()[0] == BODY


def test_mark_removed_twice_keeps_the_first_date(stored: Archive) -> None:
    stored.mark_removed(URL, T2, "http-404")
    assert stored.mark_removed(URL, T3, "http-410") is False
    assert removal(stored) == (T2, "http-404")


def test_mark_removed_of_an_unknown_article_is_false(portal: Archive) -> None:
    assert portal.mark_removed(URL, T2, "http-404") is False


def test_article_found_again_unchanged_is_no_longer_removed(stored: Archive) -> None:
    stored.mark_removed(URL, T2, "http-404")
    assert stored.upsert_article(record(fetched_at=T3)) == "unchanged"
    assert removal(stored) == (None, None)
    assert len(versions(stored)) == 1


def test_article_back_with_other_content_is_restored(stored: Archive) -> None:
    stored.mark_removed(URL, T2, "http-404")
    assert stored.upsert_article(record(fetched_at=T3, body=EDITED_BODY)) == "updated"
    assert removal(stored) == (None, None)
    assert [v["change"] for v in versions(stored)] == ["new", "restored"]
    # Once restored, the next change is an ordinary edit.
    stored.upsert_article(record(fetched_at=T4, body=BODY))
    assert versions(stored)[-1]["change"] == "edited"


@pytest.mark.parametrize("removed_before", [False, True])
def test_a_recheck_answered_304_is_kept_as_an_unchanged_page_is(
    stored: Archive, tmp_path: Path, removed_before: bool
) -> None:
    """Same fetched and last-seen times (the re-check schedule reads them), same removal
    state, no version, no capture, whether the portal sent the page again or a 304."""
    with Archive(tmp_path / "refetched.db") as refetched:
        refetched.upsert_portal(PORTAL, "Phường Thanh Xuân", f"https://{PORTAL}/", None, [SECTION])
        refetched.upsert_article(record())
        for arch in (stored, refetched):
            if removed_before:
                arch.mark_removed(URL, T2, "http_404")
        assert refetched.upsert_article(record(fetched_at=T3)) == "unchanged"
        assert stored.mark_checked(URL, T3) is True

        def kept(arch: Archive) -> tuple[Any, ...]:
            return (
                arch.conn.execute("SELECT * FROM articles").fetchall(),
                versions(arch),
                arch.conn.execute("SELECT count(*) FROM captures").fetchone()[0],
            )

        assert kept(stored) == kept(refetched)
    seen = stored.conn.execute("SELECT fetched_at, last_seen_at FROM articles").fetchone()
    assert seen == (T3, T3)
    assert removal(stored) == (None, None)
    assert len(versions(stored)) == 1


def test_mark_checked_of_an_unknown_article_is_false(portal: Archive) -> None:
    assert portal.mark_checked(URL, T2) is False
    assert portal.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_reextract_leaves_removal_and_last_seen_alone(stored: Archive) -> None:
    # Re-extraction reads an old capture: it is no evidence that the article is online again.
    stored.upsert_article(record(fetched_at=T2))
    stored.mark_removed(URL, T3, "http_404")
    assert stored.upsert_article(record(fetched_at=T1, change_reason="reextract")) == "unchanged"
    changed = record(fetched_at=T1, body=EDITED_BODY, change_reason="reextract")
    assert stored.upsert_article(changed) == "updated"
    after = stored.conn.execute(
        "SELECT body, fetched_at, last_seen_at, updated_at FROM articles"
    ).fetchone()
    assert after == (EDITED_BODY, T2, T2, T1)
    assert removal(stored) == (T3, "http_404")
    assert [(v["change"], v["seen_at"]) for v in versions(stored)] == [
        ("new", T1),
        ("reextract", T1),
    ]


# --- known articles ---------------------------------------------------------------------------


def test_known_articles_reports_dates_and_removal(stored: Archive) -> None:
    stored.upsert_article(record(fetched_at=T2))
    stored.mark_removed(URL, T3, "http-410")
    known = stored.known_articles([URL, URL + "-chua-co"])
    assert known == {
        URL: KnownArticle(
            url=URL,
            first_seen_at=T1,
            fetched_at=T2,
            published_at=record()["published_at"],
            removed_at=T3,
            etag=None,
            last_modified=None,
        )
    }


def test_known_articles_takes_validators_from_the_capture_the_article_stands_on(
    stored: Archive,
) -> None:
    old = {"ETag": '"v1"', "Last-Modified": "Mon, 30 Nov 2026 09:00:00 GMT"}
    stored.store_capture(URL, fetched_at=T1, status=200, headers=old, body=b"<html>1</html>")
    stored.store_capture(
        URL, fetched_at=T2, status=200, headers={"etag": '"v2"'}, body=b"<html>2</html>"
    )
    # The page of T2 could not be stored (a broken template): the next re-check must fetch
    # the page again, not have it confirmed unchanged by a 304 to T2's ETag.
    known = stored.known_articles([URL])[URL]
    assert (known.etag, known.last_modified) == ('"v1"', "Mon, 30 Nov 2026 09:00:00 GMT")
    # Found again at T2 (unchanged): T2's validators.
    assert stored.upsert_article(record(fetched_at=T2)) == "unchanged"
    known = stored.known_articles([URL])[URL]
    assert (known.etag, known.last_modified) == ('"v2"', None)


def test_known_articles_batches_large_lookups(portal: Archive) -> None:
    urls = [f"{URL}-{i}" for i in range(1200)]
    for url in urls[::100]:
        portal.upsert_article(record(url=url, title=f"Tiếp xúc cử tri {url[-4:]}"))
    statements: list[str] = []
    portal.conn.set_trace_callback(statements.append)
    known = portal.known_articles(iter(urls))
    portal.conn.set_trace_callback(None)
    assert sorted(known) == sorted(urls[::100])
    lookups = [sql for sql in statements if "a.url IN" in sql]
    other_addresses = [sql for sql in statements if "FROM article_addresses" in sql]
    assert len(lookups) == 3  # 500 + 500 + 200 URLs
    assert len(other_addresses) == 3  # (the 1188 not found: 500 + 500 + 188)


def test_known_articles_of_nothing(portal: Archive) -> None:
    assert portal.known_articles([]) == {}


# --- sections ---------------------------------------------------------------------------------


def test_unknown_section_has_no_state(portal: Archive) -> None:
    assert portal.get_section(SECTION) is None


def test_section_lifecycle(portal: Archive) -> None:
    portal.start_section(SECTION, PORTAL, T1)
    state = portal.get_section(SECTION)
    assert state is not None
    assert (state.portal_id, state.complete, state.last_started_at) == (PORTAL, False, T1)
    assert state.last_completed_at is None
    portal.complete_section(SECTION, T2)
    state = portal.get_section(SECTION)
    assert state is not None
    assert (state.complete, state.last_started_at, state.last_completed_at) == (True, T1, T2)
    # A new crawl starts: incomplete again until it reaches the end, last completion kept.
    portal.start_section(SECTION, PORTAL, T3)
    state = portal.get_section(SECTION)
    assert state is not None
    assert (state.complete, state.last_started_at, state.last_completed_at) == (False, T3, T2)


# --- crawl runs -------------------------------------------------------------------------------


def test_crawl_run_stores_the_new_columns_and_ignores_unknown_keys(portal: Archive) -> None:
    run_id = portal.record_crawl_run(
        {
            "portal_id": PORTAL,
            "status": "ok",
            "run_id": "20261201T020000-ab12",
            "requests": 42,
            "responses_by_status": {200: 40, "404": 2},
            "articles_removed": 2,
            "listing_stop": "known-page",
            "spider_memory": 123,
        }
    )
    cursor = portal.conn.execute("SELECT * FROM crawl_runs WHERE id = ?", (run_id,))
    row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    assert row["run_id"] == "20261201T020000-ab12"
    assert row["requests"] == 42
    assert row["responses_by_status"] == '{"200": 40, "404": 2}'
    assert (row["articles_removed"], row["listing_stop"]) == (2, "known-page")
    assert (row["articles_rechecked"], row["extraction_warnings"]) == (None, None)


# --- migration of an existing archive ---------------------------------------------------------


def test_existing_articles_get_a_first_version(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="create_article_versions")
    db["portals"].insert({"id": PORTAL})
    common = {"portal_id": PORTAL, "body": BODY, "fetched_at": T2, "last_seen_at": T2}
    db["articles"].insert_all(
        [
            {**common, "url": URL, "content_hash": "a", "first_seen_at": T1},
            {
                **common,
                "url": URL + "-2",
                "content_hash": "b",
                "first_seen_at": T1,
                "updated_at": T2,
            },
        ]
    )
    db.close()
    with Archive(path) as arch:
        got = [(v["version"], v["seen_at"], v["change"], v["body"]) for v in versions(arch)]
        assert got == [(1, T1, "new", BODY)]
        assert [(v["seen_at"], v["change"]) for v in versions(arch, URL + "-2")] == [(T2, "edited")]
        # The next edit continues the numbering.
        arch.upsert_article(record(fetched_at=T3))
        assert [v["version"] for v in versions(arch)] == [1, 2]


# --- the diff function of the article_history query -------------------------------------------


def test_diff_shows_the_added_paragraph() -> None:
    diff = vnnews_diff(BODY, EDITED_BODY).splitlines()
    assert diff[:2] == ["--- previous", "+++ this version"]
    assert "+Lãnh đạo phường đã tiếp thu và giao bộ phận chuyên môn xử lý." in diff
    assert not any(line.startswith("-") and not line.startswith("---") for line in diff)


def test_diff_of_a_first_version_adds_every_line() -> None:
    added = vnnews_diff(None, BODY).splitlines()[3:]
    assert added == ["+" + line for line in BODY.splitlines()]


def test_diff_of_equal_texts_is_empty() -> None:
    assert vnnews_diff(BODY, BODY) == ""


def test_search_index_stays_consistent_through_removal_and_reextract(stored: Archive) -> None:
    stored.mark_removed(URL, T2, "http_404")
    stored.upsert_article(record(fetched_at=T3, body=EDITED_BODY))
    stored.upsert_article(record(fetched_at=T3, body=BODY, change_reason="reextract"))
    stored.upsert_article(record(fetched_at=T4))
    assert_index_matches_articles(stored.conn)
    hits = stored.conn.execute(
        "SELECT count(*) FROM articles_search WHERE articles_search MATCH 'muong thoat nuoc'"
    ).fetchone()
    assert hits == (1,)


# --- what is no edit ---------------------------------------------------------------------------

HOME_STORY = record(
    title="UBND phường thông báo lịch tiếp công dân tháng 12",
    published_at="2026-12-02T08:00:00+07:00",
    body="Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.",
    fetched_at=T2,
)


LONG_BODY = (
    f"{BODY}\n\nTại hội nghị, cử tri đề nghị phường sớm lắp đặt thêm đèn chiếu sáng ở các ngõ "
    "nhỏ, xử lý dứt điểm tình trạng lấn chiếm vỉa hè và tăng cường kiểm tra việc thu gom rác "
    "thải sinh hoạt vào buổi tối."
)


def test_another_story_at_an_articles_address_is_not_stored_as_its_edit(portal: Archive) -> None:
    assert portal.upsert_article(record(body=LONG_BODY)) == "new"
    # A deleted article's address now serves the home page, whose featured story (not yet
    # archived) reads as an article: another title, other words.
    assert portal.upsert_article(HOME_STORY) == "shows_another"
    assert [v["title"] for v in versions(portal)] == [record()["title"]]
    (title,) = portal.conn.execute("SELECT title FROM articles WHERE url = ?", (URL,)).fetchone()
    assert title == record()["title"]


def test_a_stub_filled_in_later_is_an_edit(stored: Archive) -> None:
    # Too few words to tell (the stored text is a stub, or short): an edit.
    assert stored.upsert_article(HOME_STORY) == "updated"


@pytest.mark.parametrize(
    "edit",
    [
        {"title": "Đại biểu HĐND phường tiếp xúc cử tri trước kỳ họp thứ 12"},  # title reworded
        {"published_at": "2026-12-01T09:00:00+07:00", "body": EDITED_BODY},  # re-dated, same text
        {"title": "Tiếp xúc cử tri", "published_at": "2026-12-01T09:00:00+07:00"},  # same words
    ],
)
def test_edits_that_keep_the_story_are_versions(stored: Archive, edit: dict[str, Any]) -> None:
    assert stored.upsert_article(record(**edit, fetched_at=T2)) == "updated"
    assert len(versions(stored)) == 2


def test_a_page_that_lost_its_text_is_no_edit(stored: Archive) -> None:
    assert stored.upsert_article(record(body="", summary=None, fetched_at=T2)) == "emptied"
    assert len(versions(stored)) == 1


def test_a_reextraction_may_change_the_story(stored: Archive) -> None:
    # An improved extractor reading the capture again is believed (a wrong title and date
    # corrected), whatever it changes.
    assert stored.upsert_article({**HOME_STORY, "change_reason": "reextract"}) == "updated"


def test_a_removal_undone_stays_on_record(portal: Archive) -> None:
    """Finding the article again clears its removal mark; article_removals keeps both times."""
    portal.upsert_article(record())
    portal.mark_removed(URL, "2026-12-02T01:00:00+00:00", "http_404")
    portal.upsert_article(record(fetched_at="2026-12-09T01:00:00+00:00"))  # back, unchanged
    portal.mark_removed(URL, "2026-12-20T01:00:00+00:00", "error_page: không tìm thấy")
    removals = portal.conn.execute(
        "select removed_at, reason, restored_at from article_removals order by removed_at"
    ).fetchall()
    assert removals == [
        ("2026-12-02T01:00:00+00:00", "http_404", "2026-12-09T01:00:00+00:00"),
        ("2026-12-20T01:00:00+00:00", "error_page: không tìm thấy", None),
    ]
