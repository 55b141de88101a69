"""`vnnews export`: CSV, JSON Lines and Parquet exports of articles with their place, filtered
by portal, province, tier and publication day, streamed in constant memory."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
import tracemalloc
import unicodedata
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive import Archive, schema
from archive.export import COLUMN_NAMES
from archive.search import search
from scraper.cli_export import export

UNITS = [
    {"id": "01", "code": "01", "name": "Thành phố Hà Nội", "level": "province"},
    {"id": "79", "code": "79", "name": "Thành phố Hồ Chí Minh", "level": "province"},
    {"id": "00004", "code": "00004", "name": "Phường Ba Đình", "level": "commune",
     "unit_type": "phường", "province_code": "01", "parent_id": "01"},
    {"id": "old:005", "code": "005", "name": "Quận Cầu Giấy", "level": "district",
     "unit_type": "quận", "province_code": "01", "parent_id": "01",
     "valid_to": "2025-06-30", "successor_ids": ["00004"]},
    {"id": "26734", "code": "26734", "name": "Phường Sài Gòn", "level": "commune",
     "unit_type": "phường", "province_code": "79", "parent_id": "79"},
]  # fmt: skip
PORTALS = {
    "hn/ward": ("Cổng thông tin phường Ba Đình", "commune", "00004", "01"),
    "hn/old-district": ("Cổng thông tin quận Cầu Giấy", "district", "old:005", "01"),
    "hcm/ward": ("Cổng thông tin phường Sài Gòn", "commune", "26734", "79"),
}
BARE = "bare.example.gov.vn"  # crawled from a bare URL: no place known
NFD_TITLE = unicodedata.normalize("NFD", "Tiếp xúc cử tri trước kỳ họp HĐND phường")
# url, portal, published_at, title
ARTICLES = [
    ("https://ba-dinh.example/a1", "hn/ward", "2025-07-01T08:00:00+07:00",
     "Ra quân vệ sinh môi trường đầu tháng"),
    ("https://ba-dinh.example/a2", "hn/ward", "2025-07-31T23:30:00+07:00", NFD_TITLE),
    ("https://cau-giay.example/b1", "hn/old-district", "2024-12-20T09:15:00+07:00",
     "Hội nghị tổng kết công tác năm 2024 của Đảng ủy quận"),
    ("https://cau-giay.example/b2", "hn/old-district", "2025-06-30T16:00:00+07:00",
     "Quận Cầu Giấy bàn giao hồ sơ cho các phường mới"),
    ("https://sai-gon.example/c1", "hcm/ward", "2025-08-01T00:10:00+07:00",
     "Bầu cử tổ trưởng tổ dân phố khu phố 3"),
    ("https://bare.example.gov.vn/d1", BARE, None, "Thông báo lịch tiếp công dân"),
]  # fmt: skip
REMOVED = "https://cau-giay.example/b2"


def record(url: str, portal: str, published_at: str | None, title: str) -> dict[str, Any]:
    return {
        "url": url,
        "portal_id": portal,
        "title": title,
        "published_at": published_at,
        "published_precision": "minute" if published_at else None,
        "byline": "Minh Châu - Đức Anh",
        "authors": ["Minh Châu", "Đức Anh"],
        "summary": "Đông đảo cán bộ và nhân dân tham gia.",
        "body": "Đông đảo cán bộ và nhân dân tham gia.\n\nBuổi làm việc diễn ra sôi nổi.",
        "category": "Tin hoạt động",
        "platform": "generic",
        "images": [{"url": f"{url}/anh.jpg", "caption": "Quang cảnh hội nghị"}],
        "attachments": [{"url": f"{url}/ke-hoach.pdf", "title": "Kế hoạch số 12"}],
        "warnings": [] if published_at else ["no publication date"],
        "fetched_at": "2025-08-02T01:00:00+00:00",
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "archive.db"
    with Archive(path) as archive:
        archive.sync_admin_units(UNITS)
        archive.upsert_registry_portals(
            {"id": pid, "name": name, "level": level, "unit_id": unit, "province_code": prov}
            for pid, (name, level, unit, prov) in PORTALS.items()
        )
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        for article in ARTICLES:
            archive.upsert_article(record(*article))
        archive.mark_removed(REMOVED, "2025-08-03T00:00:00+00:00", "http 404")
    return path


def run(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(export, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def jsonl(db: Path, *args: str) -> list[dict[str, Any]]:
    result = run(db, "--format", "jsonl", *args)
    return [json.loads(line) for line in result.stdout.splitlines()]


def urls(rows: list[dict[str, Any]]) -> set[str]:
    return {r["url"] for r in rows}


def test_csv_has_a_header_and_every_online_article(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    result = run(db, "--format", "csv", "--output", str(out))
    assert "5 article(s) exported" in result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMN_NAMES
    assert urls(rows) == {a[0] for a in ARTICLES} - {REMOVED}
    by_url = {r["url"]: r for r in rows}
    ward = by_url["https://ba-dinh.example/a2"]
    assert ward["title"] == unicodedata.normalize("NFC", NFD_TITLE)
    assert (ward["portal"], ward["level"], ward["unit"], ward["province"]) == (
        "Cổng thông tin phường Ba Đình", "commune", "Phường Ba Đình", "Thành phố Hà Nội"
    )  # fmt: skip
    assert json.loads(ward["authors"]) == ["Minh Châu", "Đức Anh"]  # JSON text in CSV
    assert ward["body"].count("\n\n") == 1  # multi-line cells survive quoting
    assert by_url["https://bare.example.gov.vn/d1"]["province"] == ""


def test_output_into_a_folder_not_made_yet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "2026" / "a.csv"
    run(db, "--format", "csv", "--output", str(out))
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 5
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    result = CliRunner().invoke(
        export, ["--db", str(db), "--format", "csv", "-o", f"{blocked}/x.csv"]
    )
    assert result.exit_code == 1 and "cannot write there" in result.output


def test_csv_to_stdout(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "--format", "csv").stdout, newline="")))
    assert len(rows) == 5


def test_jsonl_decodes_lists_and_keeps_vietnamese(db: Path) -> None:
    result = run(db, "--format", "jsonl")
    assert "Hà Nội" in result.stdout  # not \u-escaped
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    row = next(r for r in rows if r["url"] == "https://cau-giay.example/b1")
    assert row["authors"] == ["Minh Châu", "Đức Anh"]
    assert row["images"] == [
        {"url": "https://cau-giay.example/b1/anh.jpg", "caption": "Quang cảnh hội nghị"}
    ]
    assert row["attachments"][0]["title"] == "Kế hoạch số 12"
    assert row["warnings"] == []
    assert (row["unit"], row["unit_id"], row["level"]) == ("Quận Cầu Giấy", "old:005", "district")
    for r in rows:
        for value in r.values():
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value)


def test_parquet_reads_back_with_list_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    run(db, "--format", "parquet", "--output", str(out), "--include-removed")
    table = pq.read_table(out)
    assert table.num_rows == 6
    assert tuple(table.column_names) == COLUMN_NAMES
    rows = {r["url"]: r for r in table.to_pylist()}
    assert rows["https://ba-dinh.example/a1"]["authors"] == ["Minh Châu", "Đức Anh"]
    assert rows["https://ba-dinh.example/a1"]["images"][0]["caption"] == "Quang cảnh hội nghị"
    assert rows[REMOVED]["removed_reason"] == "http 404"
    assert rows["https://bare.example.gov.vn/d1"]["warnings"] == ["no publication date"]


def test_parquet_to_stdout(db: Path) -> None:
    result = run(db, "--format", "parquet")
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).num_rows == 5


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--portal", "hn/ward"), {"a1", "a2"}),
        (("--portal", "hn/ward", "--portal", "hcm/ward"), {"a1", "a2", "c1"}),
        (("--province", "ha-noi"), {"a1", "a2", "b1"}),
        (("--province", "Hà Nội"), {"a1", "a2", "b1"}),
        (("--province", "79"), {"c1"}),
        (("--level", "commune"), {"a1", "a2", "c1"}),
        (("--level", "district", "--include-removed"), {"b1", "b2"}),
        # Day bounds are inclusive, in Vietnam time: 23:30 on the 31st is in July.
        (("--since", "2025-07-01", "--until", "2025-07-31"), {"a1", "a2"}),
        (("--since", "2025-08-01"), {"c1"}),
        (("--until", "2025-06-30", "--include-removed"), {"b1", "b2"}),
        (("--province", "ha-noi", "--since", "2025-01-01"), {"a1", "a2"}),
        # A month or a year, as the search page reads them: its first day, or its last.
        (("--since", "2025-07", "--until", "2025-07"), {"a1", "a2"}),
        (("--until", "2024", "--include-removed"), {"b1"}),
        (("--since", "2025-8"), {"c1"}),
    ],
)
def test_filters(db: Path, args: tuple[str, ...], expected: set[str]) -> None:
    assert {u.rsplit("/", 1)[1] for u in urls(jsonl(db, *args))} == expected


def test_the_count_says_how_many_taken_down_articles_were_left_out(db: Path) -> None:
    left_out = run(db, "--format", "jsonl", "--level", "district").stderr
    assert "1 article(s) exported" in left_out
    assert "1 taken down by the portal left out (--include-removed adds them)" in left_out
    assert "left out" not in run(db, "--format", "jsonl", "--include-removed").stderr
    assert "left out" not in run(db, "--format", "jsonl", "--level", "commune").stderr


def test_rows_come_oldest_first(db: Path) -> None:
    dates = [r["published_at"] for r in jsonl(db) if r["published_at"]]
    assert dates == sorted(dates)


def test_bad_arguments_are_reported(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(export, ["--db", str(db), "--format", "csv", "--province", "Atlantis"])
    assert unknown.exit_code == 2
    assert "unknown province" in unknown.stderr
    missing = runner.invoke(export, ["--db", str(tmp_path / "none.db"), "--format", "csv"])
    assert missing.exit_code == 1
    assert "no such archive" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    reversed_days = runner.invoke(
        export,
        ["--db", str(db), "--format", "csv", "--since", "2025-02-01", "--until", "2025-01-01"],
    )
    assert reversed_days.exit_code == 2
    not_a_day = runner.invoke(export, ["--db", str(db), "--format", "csv", "--since", "01/07/2025"])
    assert not_a_day.exit_code == 2
    assert "is no day, month or year" in not_a_day.stderr


# Constant memory: 20,000 articles of ~2,000 characters are ~80 MB as Python strings; an
# implementation that lists every row first would far exceed this bound.
BIG_ROWS = 20_000
MEMORY_BOUND = 16 * 1024 * 1024


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export-big") / "big.db"
    with Archive(path) as archive:
        archive.upsert_portal("big", "Cổng lớn", "https://big.example/", None, [])
        # hex(zeroblob(n)) is 2n zeros: replacing each "00" repeats a phrase n times.
        archive.conn.execute(
            f"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BIG_ROWS})
INSERT INTO articles (url, portal_id, title, published_at, body, authors, images, attachments,
  warnings, fetched_at, content_hash, first_seen_at, last_seen_at)
SELECT 'https://big.example/' || i, 'big', 'Hội nghị tiếp xúc cử tri số ' || i,
  printf('2025-%02d-%02dT08:00:00+07:00', 1 + i % 12, 1 + i % 28),
  replace(hex(zeroblob(80)), '00', 'Hội nghị tiếp xúc cử tri. '), '["Lê Văn Đức"]',
  '[]', '[]', '[]', 'now', 'h' || i, 'now', 'now'
FROM n"""
        )
        archive.conn.commit()
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_streams_in_constant_memory(big_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"big.{fmt}"
    tracemalloc.start()
    try:
        run(big_db, "--format", fmt, "--output", str(out))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak {peak / 1e6:.1f} MB"
    if fmt == "parquet":
        metadata = pq.ParquetFile(out).metadata
        assert metadata.num_rows == BIG_ROWS
        assert metadata.num_row_groups == 2  # row groups of 10,000
    else:
        assert out.stat().st_size > BIG_ROWS * 2000


MERGED_UNITS = [
    {"id": "56", "code": "56", "name": "Tỉnh Khánh Hòa", "level": "province"},
    {"id": "old:58", "code": "58", "name": "Tỉnh Ninh Thuận", "level": "province",
     "valid_to": "2025-06-30", "successor_ids": ["56"]},
    {"id": "old:582", "code": "582", "name": "Thành phố Phan Rang - Tháp Chàm",
     "level": "district", "unit_type": "thành phố", "province_code": "58",
     "parent_id": "old:58", "valid_to": "2025-06-30", "successor_ids": ["56"]},
    {"id": "22333", "code": "22333", "name": "Phường Nha Trang", "level": "commune",
     "unit_type": "phường", "province_code": "56", "parent_id": "56"},
]  # fmt: skip


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("merged") / "archive.db"
    with Archive(path) as archive:
        archive.sync_admin_units(MERGED_UNITS)
        archive.upsert_registry_portals(
            [
                {
                    "id": "nt/old",
                    "name": "Phan Rang",
                    "level": "district",
                    "unit_id": "old:582",
                    "province_code": "56",
                },
                {
                    "id": "kh/ward",
                    "name": "Nha Trang",
                    "level": "commune",
                    "unit_id": "22333",
                    "province_code": "56",
                },
            ]
        )
        archive.upsert_article(record("https://pr.example/e1", "nt/old", None, "Tin Phan Rang"))
        archive.upsert_article(record("https://nt.example/f1", "kh/ward", None, "Tin Nha Trang"))
    return path


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        # Today's province: its own portals and those of the units merged into it.
        ("Khánh Hòa", {"e1", "f1"}),
        # A province merged away in 2025: the portals of its units of the time.
        ("Ninh Thuận", {"e1"}),
        ("58", {"e1"}),
    ],
)
def test_a_province_merged_away_keeps_its_former_portals(
    merged_db: Path, province: str, expected: set[str]
) -> None:
    rows = jsonl(merged_db, "--province", province)
    assert {u.rsplit("/", 1)[1] for u in urls(rows)} == expected
    then = {r["url"].rsplit("/", 1)[1]: r["unit_province_code"] for r in rows}
    assert then.get("e1", "58") == "58" and then.get("f1", "56") == "56"
    # The search (`vnnews search`, the canned query) reads the province the same way.
    with sqlite3.connect(merged_db) as conn:
        found = search(conn, "tin", province=province)
    assert {r["url"].rsplit("/", 1)[1] for r in found} == expected


def test_jsonl_escapes_the_line_breaks_other_readers_split_on(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        archive.upsert_article(
            record(f"https://{BARE}/g1", BARE, None, "Dòng một\u2028dòng hai\x85ba")
        )
    text = run(path, "--format", "jsonl").stdout
    assert "\u2028" not in text and "\x85" not in text
    (row,) = [json.loads(line) for line in text.splitlines()]
    assert row["title"] == "Dòng một\u2028dòng hai\x85ba"


def test_the_view_by_unit_gives_the_vietnam_day_and_the_province_of_the_time(
    merged_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "archive.db"  # (the module's archive stays as the other tests read it)
    with sqlite3.connect(merged_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Archive(copy) as archive:
        archive.upsert_article(
            record("https://pr.example/e2", "nt/old", "2025-07-01T00:30:00+07:00", "Nửa đêm")
        )
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        archive.upsert_article(record(f"https://{BARE}/h1", BARE, None, "Không rõ đơn vị"))
        rows = {
            row[0].rsplit("/", 1)[1]: row[1:]
            for row in archive.conn.execute(
                "SELECT url, published_day, published_year, unit_province_code, unit_status,"
                " date(published_at) FROM articles_by_unit"
            )
        }
    # SQLite's date() reads the offset and gives the UTC day; the view gives Vietnam's.
    assert rows["e2"] == ("2025-07-01", "2025", "58", "abolished 2025-06-30", "2025-06-30")
    assert rows["h1"][3] is None  # a portal of no known unit has no status, not "current"


def test_the_view_by_unit_gives_the_vietnam_month_in_an_archive_made_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    schema.migrations.apply(old, stop_before="articles_by_unit_by_month")
    old.close()
    with Archive(path) as archive:  # (brings the archive up to date)
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        archive.upsert_article(
            record(f"https://{BARE}/m1", BARE, "2025-07-01T00:30:00+07:00", "Nửa đêm")
        )
        rows = archive.conn.execute(
            "SELECT published_month, strftime('%Y-%m', published_at) FROM articles_by_unit"
        ).fetchall()
    # strftime() reads the offset and gives the UTC month; the view gives Vietnam's.
    assert rows == [("2025-07", "2025-06")]


def test_a_time_given_in_another_zone_is_stored_in_vietnam_time(tmp_path: Path) -> None:
    with Archive(tmp_path / "archive.db") as archive:
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        archive.upsert_article(record(f"https://{BARE}/u1", BARE, "2025-06-30T17:30:00Z", "UTC"))
        with pytest.raises(ValueError, match="not an ISO 8601 time"):
            archive.upsert_article(record(f"https://{BARE}/u2", BARE, "30/06/2025", "Sai"))
        (stored,) = archive.conn.execute("SELECT published_at FROM articles").fetchone()
    assert stored == "2025-07-01T00:30:00+07:00"


def test_csv_for_excel_starts_with_a_byte_order_mark(db: Path) -> None:
    result = run(db, "--format", "csv", "--excel")
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfurl,")
    assert not run(db, "--format", "csv").stdout_bytes.startswith(b"\xef\xbb\xbf")
    wrong = CliRunner().invoke(export, ["--db", str(db), "--format", "jsonl", "--excel"])
    assert wrong.exit_code == 2


def test_csv_for_excel_runs_no_formula_from_a_page(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.upsert_portal(BARE, "Bare", f"https://{BARE}/", None, [f"https://{BARE}/"])
        archive.upsert_article(record(f"https://{BARE}/f1", BARE, None, '=HYPERLINK("x","Mở")'))
        archive.upsert_article(record(f"https://{BARE}/f2", BARE, None, "-Tin mới"))
    excel = list(csv.DictReader(io.StringIO(run(path, "--format", "csv", "--excel").stdout)))
    assert {row["title"] for row in excel} == {'\'=HYPERLINK("x","Mở")', "'-Tin mới"}
    assert excel[0]["body"].startswith("Đông đảo")  # other text as stored
    plain = list(csv.DictReader(io.StringIO(run(path, "--format", "csv").stdout)))
    assert {row["title"] for row in plain} == {'=HYPERLINK("x","Mở")', "-Tin mới"}


def test_parquet_without_pyarrow_says_what_to_install(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed
    result = CliRunner().invoke(export, ["--db", str(db), "--format", "parquet", "-o", "x.pq"])
    assert result.exit_code == 1 and result.exception is not None
    assert "pip install -e '.[export]'" in result.output
    assert "Traceback" not in result.output


def test_each_row_counts_the_contents_the_archive_saw(tmp_path: Path) -> None:
    """`versions`: 1 for a text never edited, 2 after an edit (the texts: article_versions)."""
    path = tmp_path / "archive.db"
    first, second = ARTICLES[0], ARTICLES[1]
    with Archive(path) as archive:
        archive.sync_admin_units(UNITS)
        archive.upsert_registry_portals(
            {"id": pid, "name": name, "level": level, "unit_id": unit, "province_code": prov}
            for pid, (name, level, unit, prov) in PORTALS.items()
        )
        archive.upsert_article(record(*first))
        archive.upsert_article(record(*second))
        edited = {
            **record(*second),
            "body": "Nội dung đã sửa lại.",
            "fetched_at": "2025-08-03T01:00:00+00:00",
        }
        assert archive.upsert_article(edited) == "updated"
    rows = {row["url"]: row for row in jsonl(path)}
    assert (rows[first[0]]["versions"], rows[second[0]]["versions"]) == (1, 2)
    out = tmp_path / "a.parquet"
    run(path, "--format", "parquet", "--output", str(out))
    assert sorted(pq.read_table(out).column("versions").to_pylist()) == [1, 2]
