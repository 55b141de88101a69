"""Vietnamese search (issue #6): folding, the folded index, `vnnews search`, and a real Datasette
(articles table `_search` and the canned `search` query). All text is invented for the project."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlite_utils import Database

from archive import Archive, schema
from archive.search import search
from archive.vietnamese import fold, unify_tones

from .datasette_server import datasette
from .search_index import assert_index_matches_articles

PORTAL = "phuongnghiado.hanoi.gov.vn"
OTHER = "xabinhminh.thanhhoa.gov.vn"
BASE = f"https://{PORTAL}/tin-tuc/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def article(slug: str, title: str, body: str, day: str, portal: str = PORTAL) -> dict[str, Any]:
    return {
        "url": f"https://{portal}/tin-tuc/{slug}",
        "portal_id": portal,
        "title": title,
        "published_at": f"{day}T08:00:00+07:00",
        "body": body,
        "fetched_at": "2026-11-27T01:00:00+00:00",
    }


ARTICLES = [
    article(
        "dang-uy-tong-ket",
        "Đảng ủy phường tổng kết công tác năm 2025",
        "Sáng 20/12, hội nghị đánh giá kết quả lãnh đạo và đề ra nhiệm vụ năm mới.",
        "2025-12-20",
    ),
    article(
        "ra-quan-ve-sinh",
        "Ra quân vệ sinh môi trường khu dân cư",
        "Hưởng ứng lời kêu gọi của Đảng ủy, đoàn viên thanh niên thu gom rác dọc mương.",
        "2025-11-02",
    ),
    article(
        "hoa-giai-cu-kieu",
        "Tập huấn nghiệp vụ cho tổ viên tổ hòa giải",
        "Các tổ hòa giải ở cơ sở trao đổi kinh nghiệm xử lý tranh chấp đất đai.",
        "2025-10-15",
    ),
    article(
        "hoa-giai-kieu-moi",
        "Biểu dương hòa giải viên tiêu biểu",
        "Năm qua, các hoà giải viên đã giải quyết thành công nhiều vụ việc.",
        "2025-09-10",
    ),
    article(
        "tiep-xuc-cu-tri",
        "Đại biểu HĐND quận gặp gỡ nhân dân",
        "Chiều 22/7, các đại biểu đã tiếp xúc cử tri tại nhà văn hóa tổ dân phố số 5.",
        "2025-07-22",
    ),
    article(
        "cu-tri-bau-to-truong",
        "Bầu cử tổ trưởng tổ dân phố số 3",
        "Cử tri đã bỏ phiếu; ban tổ chức tiếp xúc với từng hộ gia đình trước ngày bầu.",
        "2025-06-01",
    ),
    article(
        "thuy-loi",
        "Nạo vét kênh thủy lợi nội đồng",
        "Xã huy động máy xúc nạo vét kênh thuỷ lợi phục vụ vụ đông.",
        "2024-10-05",
        portal=OTHER,
    ),
]
URL = {a["url"].rsplit("/", 1)[1]: a["url"] for a in ARTICLES}
# Stored in NFD: the archive keeps NFC, and NFC queries must find it anyway.
NFD_ARTICLE = article(
    "khoe-nguoi-cao-tuoi",
    nfd("Khám sức khỏe miễn phí cho người cao tuổi"),
    nfd("Trạm y tế phường khám sức khỏe định kỳ cho hơn ba trăm cụ."),
    "2025-05-05",
)

EQUIVALENT = {
    "dang uy": {"dang-uy-tong-ket", "ra-quan-ve-sinh"},
    "hoa giai": {"hoa-giai-cu-kieu", "hoa-giai-kieu-moi"},
    "thuy loi": {"thuy-loi"},
    "suc khoe": {"khoe-nguoi-cao-tuoi"},
}
SPELLINGS = [
    ("dang uy", "Đảng ủy"),
    ("dang uy", "dang uy"),
    ("dang uy", "ĐẢNG ỦY"),
    ("dang uy", "đảng uỷ"),
    ("dang uy", nfd("Đảng ủy")),
    ("hoa giai", "hoà giải"),
    ("hoa giai", "hòa giải"),
    ("hoa giai", "HOÀ GIẢI"),
    ("thuy loi", "thủy lợi"),
    ("thuy loi", "thuỷ lợi"),
    ("suc khoe", "sức khỏe"),
    ("suc khoe", "sức khoẻ"),
]
PHRASE = '"tiếp xúc cử tri"'
BAD_INPUTS = ["", " ", '"', '"tiếp xúc', "AND OR NOT", "title:(x", "NEAR(", "*", "^đảng", "của và"]


def build(path: Path) -> None:
    with Archive(path) as arch:
        for portal in (PORTAL, OTHER):
            arch.upsert_portal(portal, portal, f"https://{portal}/", "liferay6", [])
        for record in [*ARTICLES, NFD_ARTICLE]:
            arch.upsert_article(record)
        # (A crawl fills admin_units with every province; two are enough here.)
        arch.conn.executemany(
            "INSERT INTO admin_units (id, code, name, level) VALUES (?, ?, ?, 'province')",
            [("38", "38", "Tỉnh Thanh Hóa"), ("01", "01", "Thành phố Hà Nội")],
        )
        arch.conn.execute("UPDATE portals SET province_code = '38' WHERE id = ?", (OTHER,))
        arch.conn.commit()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "archive.db"
    build(path)
    return path


def slugs(urls: list[str]) -> set[str]:
    return {u.rsplit("/", 1)[1] for u in urls}


# --- folding ----------------------------------------------------------------------------------


@pytest.mark.parametrize("expected, spelling", SPELLINGS)
def test_fold(expected: str, spelling: str) -> None:
    assert fold(spelling) == expected


def test_unify_tones_moves_old_style_marks_only_in_open_syllables() -> None:
    assert unify_tones("hòa khỏe thủy Hòa") == "hoà khoẻ thuỷ Hoà"
    assert unify_tones("hoàn toàn quý quả thuyền") == "hoàn toàn quý quả thuyền"


# --- vnnews search (subprocess) -----------------------------------------------------------------


def cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scraper.cli", "search", *args, "--db", str(db_path)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def cli_json(db_path: Path, *args: str) -> list[dict[str, Any]]:
    result = cli(db_path, *args, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("expected, spelling", SPELLINGS)
def test_cli_spellings_find_the_same_articles(db_path: Path, expected: str, spelling: str) -> None:
    assert slugs([r["url"] for r in cli_json(db_path, spelling)]) == EQUIVALENT[expected]


def test_cli_ranks_title_matches_first_and_marks_hits(db_path: Path) -> None:
    result = cli(db_path, "dang uy")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"1. {ARTICLES[0]['title']}"
    assert "2025-12-20" in lines[1] and URL["dang-uy-tong-ket"] in lines[1]
    assert "«Đảng» «ủy»" in result.stdout


def test_cli_phrase_needs_the_words_together(db_path: Path) -> None:
    assert slugs([r["url"] for r in cli_json(db_path, PHRASE)]) == {"tiep-xuc-cu-tri"}
    unquoted = cli_json(db_path, PHRASE.strip('"'))
    assert slugs([r["url"] for r in unquoted]) == {"tiep-xuc-cu-tri", "cu-tri-bau-to-truong"}


def test_cli_filters(db_path: Path) -> None:
    assert slugs([r["url"] for r in cli_json(db_path, "kenh", "--portal", OTHER)]) == {"thuy-loi"}
    assert cli_json(db_path, "kenh", "--portal", PORTAL) == []
    assert len(cli_json(db_path, "thuy loi", "--province", "thanh hoa")) == 1
    assert len(cli_json(db_path, "thuy loi", "--province", "38")) == 1
    assert cli_json(db_path, "thuy loi", "--province", "01") == []
    dated = cli_json(db_path, "dang uy", "--since", "2025-12-01", "--until", "2025-12-31")
    assert slugs([r["url"] for r in dated]) == {"dang-uy-tong-ket"}
    assert len(cli_json(db_path, "dang uy", "--limit", "1")) == 1


@pytest.mark.parametrize("query", BAD_INPUTS)
def test_cli_survives_bad_input(db_path: Path, query: str) -> None:
    result = cli(db_path, query, "--json")
    assert result.returncode == 0, result.stderr


def test_cli_missing_database(tmp_path: Path) -> None:
    result = cli(tmp_path / "none.db", "dang uy")
    assert result.returncode != 0 and "does not exist" in result.stderr


# --- a real Datasette ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[httpx.Client]:
    with datasette(db_path) as client:
        yield client


def table_search(server: httpx.Client, query: str) -> set[str]:
    params = {"_search": query, "_shape": "objects", "_col": "title"}
    response = server.get("/archive/articles.json", params=params)
    assert response.status_code == 200, response.text
    return slugs([r["url"] for r in response.json()["rows"]])


def canned(server: httpx.Client, query: str, **filters: str) -> list[dict[str, Any]]:
    response = server.get(
        "/archive/search.json", params={"q": query, "_shape": "objects", **filters}
    )
    assert response.status_code == 200, response.text
    return response.json()["rows"]


@pytest.mark.parametrize("expected, spelling", SPELLINGS)
def test_datasette_spellings_find_the_same_articles(
    server: httpx.Client, expected: str, spelling: str
) -> None:
    assert table_search(server, spelling) == EQUIVALENT[expected]
    assert slugs([r["url"] for r in canned(server, spelling)]) == EQUIVALENT[expected]


def test_datasette_column_search_is_folded_too(server: httpx.Client) -> None:
    response = server.get(
        "/archive/articles.json", params={"_search_title": "ĐẢNG ỦY", "_shape": "objects"}
    )
    assert response.status_code == 200, response.text
    assert slugs([r["url"] for r in response.json()["rows"]]) == {"dang-uy-tong-ket"}


def test_datasette_phrase(server: httpx.Client) -> None:
    assert table_search(server, PHRASE) == {"tiep-xuc-cu-tri"}
    assert slugs([r["url"] for r in canned(server, PHRASE)]) == {"tiep-xuc-cu-tri"}


def test_canned_query_ranks_title_first_with_readable_snippets(server: httpx.Client) -> None:
    rows = canned(server, "dang uy")
    assert [r["url"] for r in rows] == [URL["dang-uy-tong-ket"], URL["ra-quan-ve-sinh"]]
    assert "<mark>Đảng</mark> <mark>ủy</mark>" in rows[1]["snippet"]
    html = server.get("/archive/search", params={"q": "hoa giai"}).text
    assert "<mark>hoà</mark> <mark>giải</mark>" in html


def test_canned_query_filters(server: httpx.Client) -> None:
    assert [r["url"] for r in canned(server, "dang uy", since="2025-12-01")] == [
        URL["dang-uy-tong-ket"]
    ]
    assert canned(server, "kenh", portal=PORTAL) == []
    assert len(canned(server, "kenh", province="Thanh Hoá")) == 1


@pytest.mark.parametrize(
    "province", ["38", "Thanh Hoá", "thanh-hoa", "Tỉnh Thanh Hóa", "TINH THANH HOA"]
)
def test_canned_query_reads_a_province_as_the_cli_does(server: httpx.Client, province: str) -> None:
    assert len(canned(server, "kenh", province=province)) == 1
    assert canned(server, "kenh", province="Hà Nội") == []


@pytest.mark.parametrize("query", BAD_INPUTS)
def test_datasette_survives_bad_input(server: httpx.Client, query: str) -> None:
    canned(server, query)
    response = server.get("/archive/articles.json", params={"_search": query})
    assert response.status_code == 200, response.text
    response = server.get("/archive/articles", params={"_search": query, "_searchmode": "raw"})
    assert response.status_code == 200, response.text


# --- the index itself ---------------------------------------------------------------------------


def test_index_follows_edits(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        arch.upsert_article(ARTICLES[0])
        arch.upsert_article(ARTICLES[0])  # unchanged: only touched
        edited = {**ARTICLES[0], "title": "Hội nghị đối thoại với doanh nghiệp"}
        assert arch.upsert_article({**edited, "fetched_at": "2026-11-28T01:00:00+00:00"}) == (
            "updated"
        )
        assert [r["url"] for r in search(arch.conn, "doi thoai")] == [URL["dang-uy-tong-ket"]]
        assert search(arch.conn, "tong ket") == []
        arch.conn.execute("INSERT INTO articles_search(articles_search) VALUES ('integrity-check')")
        count = arch.conn.execute("SELECT count(*) FROM articles_search").fetchone()[0]
        assert count == 1


def test_migration_indexes_existing_nfd_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="create_articles_search")
    db["portals"].insert({"id": PORTAL})
    db["articles"].insert(
        {**NFD_ARTICLE, "content_hash": "x", "first_seen_at": "t", "last_seen_at": "t"}
    )
    db.close()
    with Archive(path) as arch:
        hits = search(arch.conn, "sức khỏe")
        assert [h["url"] for h in hits] == [NFD_ARTICLE["url"]]
        assert "<mark>" in hits[0]["snippet"]


def test_title_hits_first_then_lead_then_body_newest_first(tmp_path: Path) -> None:
    def kiem_tra(slug: str, title: str, summary: str, body: str, day: str) -> dict[str, Any]:
        return {**article(slug, title, body, day), "summary": summary}

    old_titles = [
        kiem_tra(f"t{i}", f"Kiểm tra an toàn thực phẩm đợt {i}", "Tin ngắn.", "Nội dung.", day)
        for i, day in ((1, "2024-01-01"), (2, "2024-01-02"))
    ]
    lead = kiem_tra("lead", "Làm việc tại chợ", "Đoàn kiểm tra đến chợ.", "Nội dung.", "2023-05-01")
    bodies = [
        kiem_tra(f"b{i}", f"Tin số {i}", "Tin ngắn.", f"Đoàn kiểm tra chợ số {i}.", f"2025-01-0{i}")
        for i in range(1, 7)
    ]
    with Archive(tmp_path / "a.db") as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for record in [*old_titles, lead, *bodies]:
            arch.upsert_article(record)
        slugs = [h["url"].rsplit("/", 1)[1] for h in search(arch.conn, "kiem tra")]
        assert slugs == ["t2", "t1", "lead", "b6", "b5", "b4", "b3", "b2", "b1"]
        # Four results: the two title hits, the lead hit, then the newest body hit.
        slugs = [h["url"].rsplit("/", 1)[1] for h in search(arch.conn, "KIỂM TRA", limit=4)]
        assert slugs == ["t2", "t1", "lead", "b6"]


def test_migration_drops_the_unfolded_index_and_keeps_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.migrations.apply(db, stop_before="one_contentless_search_index")
    db["portals"].insert({"id": PORTAL})
    for record in ARTICLES[:3]:
        row = {**record, "content_hash": "x", "first_seen_at": "t", "last_seen_at": "t"}
        db["articles"].insert(row)  # the articles_fts trigger of that schema indexes it
    assert db["articles_fts"].count == 3
    db.close()
    with Archive(path) as arch:
        assert not arch.db["articles_fts"].exists()
        assert search(arch.conn, "dang uy")[0]["url"] == URL["dang-uy-tong-ket"]
        assert_index_matches_articles(arch.conn)


# (A SQL function's error is also printed as "unraisable" once Datasette, imported by other
# tests, has turned SQLite's callback tracebacks on: the error is what this test asserts.)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_filters_stay_exact_where_the_index_tags_only_narrow(tmp_path: Path) -> None:
    # Two portal ids with the same letters share an index tag; the filter still tells them
    # apart. A period given as a year or a month works like whole days.
    twins = ["a-b.example.gov.vn", "ab.example.gov.vn"]
    with Archive(tmp_path / "a.db") as arch:
        for portal in twins:
            arch.upsert_portal(portal, portal, f"https://{portal}/", None, [])
            for day in ("2024-02-29", "2024-03-01"):
                title = f"Hội nghị giao ban ngày {day}"
                arch.upsert_article(article(f"{day}", title, "Nội dung.", day, portal=portal))

        def found(**filters: str) -> set[str]:
            return {h["url"] for h in search(arch.conn, "giao ban", **filters)}

        assert found(portal=twins[0]) == {f"https://{twins[0]}/tin-tuc/{d}" for d in
                                          ("2024-02-29", "2024-03-01")}  # fmt: skip
        assert found(portal=twins[1], since="2024-03", until="2024-03") == {
            f"https://{twins[1]}/tin-tuc/2024-03-01"
        }
        assert len(found(since="2024", until="2024")) == 4
        assert len(found(since="2024-02-29", until="2024-02-29")) == 2
        assert found(since="2024-03-02") == set()
        # A province no unit or portal is known by: an error, not an empty answer.
        with pytest.raises(sqlite3.OperationalError):
            found(province="Không có tỉnh này")


def test_reindex_repairs_the_index_after_an_edit_in_sql(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Archive(path) as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        for record in ARTICLES[:3]:
            arch.upsert_article(record)
        arch.conn.execute(
            "UPDATE articles SET title = 'Hội thi nấu ăn' WHERE url = ?", (URL["dang-uy-tong-ket"],)
        )
        arch.conn.commit()
        assert search(arch.conn, "hoi thi") == []  # the index did not see the edit
    result = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "reindex", "--db", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "3 article(s) indexed" in result.stderr
    with Archive(path) as arch:
        assert [h["url"] for h in search(arch.conn, "hoi thi")] == [URL["dang-uy-tong-ket"]]
        assert_index_matches_articles(arch.conn)


def test_the_words_as_a_phrase_rank_above_the_words_scattered(tmp_path: Path) -> None:
    scattered = article(
        "rai-rac",
        "Cử tri phường tiếp tục góp ý, xúc tiến chỉnh trang chợ",  # all four words, apart
        "Nội dung.",
        "2025-06-02",
    )
    phrase = article(
        "dung-cum",
        "Thông báo lịch làm việc tuần",
        "Chiều thứ năm, đại biểu HĐND tiếp xúc cử tri tổ dân phố số 3.",
        "2025-06-01",
    )
    with Archive(tmp_path / "a.db") as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", None, [])
        arch.upsert_article(scattered)
        arch.upsert_article(phrase)
        assert [h["url"] for h in search(arch.conn, "tiep xuc cu tri")] == [
            phrase["url"],
            scattered["url"],
        ]
        # Quoted, the query only finds the phrase.
        assert [h["url"] for h in search(arch.conn, '"tiếp xúc cử tri"')] == [phrase["url"]]


def test_snippet_shows_the_words_where_they_stand_together() -> None:
    from archive.search import snippet

    body = (
        "Lực lượng tuần tra, kiểm soát giao thông, tra cứu và kiểm đếm hàng hóa tại chợ. "
        + "Nội dung khác của bài. " * 30
        + "Đoàn kiểm tra liên ngành làm việc tại phường."
    )
    shown = snippet("kiem tra", None, body)
    assert "Đoàn <mark>kiểm</mark> <mark>tra</mark> liên ngành" in shown
    # One word: the densest run of hits, as before.
    assert snippet("tra", None, body).startswith("Lực lượng tuần <mark>tra</mark>")


def test_snippet_marks_a_phrase_where_it_stands_not_its_words_alone() -> None:
    from archive.search import snippet

    body = "Bà Trần Thị Thu Lan, Phó Chủ tịch phường, nêu dự kiến nội dung kỳ họp thứ 12."
    assert snippet('"kỳ họp thứ 12"', None, body) == (
        "Bà Trần Thị Thu Lan, Phó Chủ tịch phường, nêu dự kiến nội dung "
        "<mark>kỳ</mark> <mark>họp</mark> <mark>thứ</mark> <mark>12</mark>."
    )
    # A term written without spaces is a phrase too: its number alone is no hit.
    lead = "Sáng 12/3, HĐND xã họp và ban hành Nghị quyết 12/NQ-HĐND về giao thông."
    assert snippet("12/NQ-HĐND", None, lead) == (
        "Sáng 12/3, HĐND xã họp và ban hành Nghị quyết "
        "<mark>12</mark>/<mark>NQ</mark>-<mark>HĐND</mark> về giao thông."
    )


def test_snippet_marks_words_typed_with_accents_where_written_so() -> None:
    from archive.search import snippet

    body = "Các lực lượng chức năng đã có mặt tại Đà Nẵng từ sáng."
    title = "Thành phố Đà Nẵng ứng phó với mưa lớn"
    assert snippet("Đà Nẵng", title, body) == (
        "Các lực lượng chức năng đã có mặt tại <mark>Đà</mark> <mark>Nẵng</mark> từ sáng."
    )
    # Written so in the title only: nothing of the text is marked.
    text = "Các lực lượng chức năng đã có mặt từ sáng."
    assert snippet("Đà Nẵng", title, text) == text
    # Typed without accents, or found only through folding: every spelling is a hit.
    assert snippet("da nang", title, text) == (
        "Các lực lượng chức <mark>năng</mark> <mark>đã</mark> có mặt từ sáng."
    )
    assert snippet("Đà Nẵng", "Mưa lớn", text) == (
        "Các lực lượng chức <mark>năng</mark> <mark>đã</mark> có mặt từ sáng."
    )
