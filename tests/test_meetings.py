"""Meeting extraction (scraper/extraction/meetings.py), its storage, and its measured quality.

Per-case tests run on the project's own reports (tests/meetings/labelled/own_*.json); the
quality floor runs on the whole labelled set, real texts included when ../shared is present.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import unicodedata
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlite_utils import Database

from archive.meetings import create_meetings_tables, store_meetings
from scraper.extraction.meetings import KIND_LABELS, KINDS, extract_meetings

ROOT = Path(__file__).resolve().parents[1]
OWN = sorted((ROOT / "tests" / "meetings" / "labelled").glob("own_*.json"))

# Measured on 2026-11-27 (benchmarks/meetings.py); a rule change must not fall below.
# field: (precision, recall)
OWN_FLOOR = {
    "meeting": (1.0, 1.0),
    "kind": (1.0, 1.0),
    "session_type": (1.0, 1.0),
    "meeting_date": (1.0, 1.0),
    "part_of_day": (1.0, 1.0),
    "venue": (1.0, 1.0),
    "bodies": (1.0, 1.0),
    "people": (1.0, 1.0),
}
REAL_FLOOR = {
    "meeting": (1.0, 1.0),
    "kind": (1.0, 1.0),
    "meeting_date": (1.0, 0.8),
    "part_of_day": (1.0, 1.0),
    "venue": (1.0, 1.0),
    "bodies": (1.0, 1.0),
    "people": (1.0, 1.0),
}


def _benchmark() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the file itself.
    spec = importlib.util.spec_from_file_location(
        "bench_meetings", ROOT / "benchmarks" / "meetings.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _found(case: dict[str, Any]) -> list[dict[str, Any]]:
    meetings = [
        asdict(m) for m in extract_meetings(case["title"], case["body"], case["published_at"])
    ]
    for m in meetings:
        assert m.pop("kind_label_en") == KIND_LABELS[m["kind"]]
    return meetings


def test_labelled_set_is_large_enough() -> None:
    assert len(OWN) >= 15
    kinds = {m["kind"] for p in OWN for m in json.loads(p.read_text())["meetings"]}
    assert len(kinds) >= 8
    assert any(not json.loads(p.read_text())["meetings"] for p in OWN)  # not-a-meeting traps


@pytest.mark.parametrize("path", OWN, ids=[p.stem for p in OWN])
def test_own_report(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert _found(case) == case["meetings"]


def test_vocabulary_has_english_labels() -> None:
    assert set(KIND_LABELS) == set(KINDS)
    assert all(label and label.isascii() for label in KIND_LABELS.values())


@pytest.mark.parametrize(
    ("lead", "published", "expected"),
    [
        (
            "Sáng 25/7, UBND phường tổ chức hội nghị sơ kết.",
            "2022-07-26T08:00:00+07:00",
            "2022-07-25",
        ),
        # More than a month after publication with an inferred year: no guess.
        ("Sáng 25/9, UBND phường tổ chức hội nghị sơ kết.", "2022-07-26T08:00:00+07:00", None),
        ("Sáng 25/7, UBND phường tổ chức hội nghị sơ kết.", None, None),
        ("Chiều 30/12, UBND xã tổ chức hội nghị tổng kết.", "2024-01-02", "2023-12-30"),
        ("Chiều 31/2/2024, UBND xã tổ chức hội nghị tổng kết.", None, None),
    ],
)
def test_meeting_date(lead: str, published: str | None, expected: str | None) -> None:
    (meeting,) = extract_meetings("Tin hoạt động", lead, published)
    assert meeting.meeting_date == expected


def test_the_day_comes_from_the_lead_when_the_title_names_the_meeting() -> None:
    """No "tổ chức …" in the lead: the title names the meeting, the lead says when."""
    (meeting,) = extract_meetings(
        "Tiếp xúc cử tri trước Kỳ họp thứ 10 HĐND phường",
        "Sáng 14/11, tổ đại biểu HĐND phường đã tiếp xúc cử tri tại nhà văn hóa tổ dân phố 7.",
        "2023-11-14T08:30:00+07:00",
    )
    assert (meeting.kind, meeting.meeting_date, meeting.part_of_day) == (
        "tiep_xuc_cu_tri",
        "2023-11-14",
        "sáng",
    )


@pytest.mark.parametrize(
    ("title", "lead", "kind", "bodies"),
    [
        (
            "Tiếp xúc cử tri phường Nghĩa Đô",
            "Sáng 5/6, Tổ đại biểu HĐND quận tiếp xúc cử tri phường Nghĩa Đô trước kỳ họp.",
            "tiep_xuc_cu_tri",
            ["Tổ đại biểu HĐND"],
        ),
        (
            "Đại biểu Quốc hội gặp gỡ cử tri xã Vân Hòa",
            "Ngày 2/6, Đoàn đại biểu Quốc hội thành phố tiếp xúc với cử tri xã Vân Hòa.",
            "tiep_xuc_cu_tri",
            ["Đoàn ĐBQH"],
        ),
        (
            "Lãnh đạo xã gặp gỡ người dân thôn Đông",
            "Chiều 3/6, Bí thư Đảng ủy xã đối thoại với nhân dân thôn Đông về dồn điền đổi thửa.",
            "doi_thoai",
            [],
        ),
    ],
)
def test_a_meeting_reported_by_its_own_verb(
    title: str, lead: str, kind: str, bodies: list[str]
) -> None:
    # "… tiếp xúc cử tri …", "… đối thoại với …": no "tổ chức" before the meeting; its
    # subject organised it, unless the subject is a person ("Bí thư Đảng ủy xã").
    found = extract_meetings(title, lead, "2025-06-05T11:00:00+07:00")
    assert [(m.kind, m.bodies) for m in found][:1] == [(kind, bodies)]
    assert found[0].meeting_date is not None


def test_voter_meetings_mentioned_are_not_held_by_the_sentence_s_subject() -> None:
    # "… tổng hợp qua tiếp xúc cử tri": petitions gathered at past meetings; the subject
    # did not hold one. (The sentence still names the kind; its organisers are unknown.)
    lead = (
        "Ngày 2/6, UBND phường trả lời 25 kiến nghị của cử tri được Thường trực HĐND phường "
        "tổng hợp qua tiếp xúc cử tri trước kỳ họp."
    )
    found = extract_meetings(
        "UBND phường trả lời kiến nghị cử tri", lead, "2025-06-05T11:00:00+07:00"
    )
    assert all(m.bodies == [] for m in found)


def test_nfd_input_gives_nfc_fields() -> None:
    lead = "Tối 3/3/2024, tại Hội trường UBND xã Hòa Tiến, Đảng ủy xã tổ chức hội nghị."
    (meeting,) = extract_meetings("", unicodedata.normalize("NFD", lead), None)
    assert meeting.venue == "Hội trường UBND xã Hòa Tiến"
    assert meeting.bodies == ["Đảng ủy"]
    assert meeting.part_of_day == "tối"


@pytest.mark.parametrize("body", ["", "Căn cứ Luật Tổ chức chính quyền địa phương.", "\n\n"])
def test_not_a_meeting(body: str) -> None:
    assert extract_meetings("Đề cương tuyên truyền", body, None) == []


def test_quality_floor_own() -> None:
    bench = _benchmark()
    _assert_floor(bench, bench.score(bench.load_cases("own")), OWN_FLOOR)


def test_quality_floor_real_texts() -> None:
    bench = _benchmark()
    if not bench.REAL_TEXT.is_dir():
        pytest.skip(f"real texts not found at {bench.REAL_TEXT} (they sit beside the checkout)")
    _assert_floor(bench, bench.score(bench.load_cases("real")), REAL_FLOOR)


def _assert_floor(bench: ModuleType, counts: dict[str, list[int]], floor: dict) -> None:
    for name, (p_min, r_min) in floor.items():
        p, r = bench.precision_recall(counts[name])
        assert p >= p_min and r >= r_min, f"{name}: P={p:.2f} R={r:.2f} below {p_min}/{r_min}"


def _db() -> Database:
    db = Database(memory=True)
    db.conn.execute("PRAGMA foreign_keys = ON")
    db["articles"].create({"url": str, "title": str}, pk="url")
    db["articles"].insert_all([{"url": "https://a.gov.vn/1"}, {"url": "https://a.gov.vn/2"}])
    create_meetings_tables(db)
    return db


def test_store_replaces_an_articles_rows() -> None:
    db = _db()
    case = json.loads((ROOT / "tests/meetings/labelled/own_two-meetings.json").read_text())
    found = [asdict(m) for m in extract_meetings(case["title"], case["body"], case["published_at"])]
    store_meetings(db.conn, "https://a.gov.vn/1", found)
    store_meetings(db.conn, "https://a.gov.vn/2", found[:1])
    assert db["meetings"].count == 3
    assert db["people_mentions"].count == 3
    row = next(
        db["meetings"].rows_where(
            "article_url = ? AND kind = ?", ["https://a.gov.vn/1", "hop_giao_ban"]
        )
    )
    assert json.loads(row["bodies"]) == ["Thường trực HĐND"]
    assert row["kind_label"] == "Briefing"
    store_meetings(db.conn, "https://a.gov.vn/1", [])
    assert db["meetings"].count == 1
    assert db["people_mentions"].count == 1
    assert not db.conn.in_transaction


def test_store_undated_meeting_keeps_null_and_checks_the_article() -> None:
    db = _db()
    store_meetings(
        db.conn, "https://a.gov.vn/1", [{"kind": "hoi_nghi", "kind_label_en": "Conference"}]
    )
    assert next(db["meetings"].rows)["meeting_date"] is None
    with pytest.raises(sqlite3.IntegrityError):
        store_meetings(db.conn, "https://a.gov.vn/unknown", [{"kind": "hoi_nghi"}])
    assert db["meetings"].count == 1  # the failed call rolled back
