"""Search as journalists type it: OR / NOT in capitals, and the spellings Vietnamese allows
beyond diacritics (kỳ/kì, quý/quí, lý/lí; "Ð" for "Đ"). `vnnews search`, the articles table's
search box and the canned `search` query of a real Datasette. Text invented for the project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from archive import Archive
from archive.search import fts_query
from archive.vietnamese import as_typed, fold, highlight_snippet, typed_with_accents

from .datasette_server import datasette
from .test_search import PORTAL, article, canned, cli_json, slugs, table_search

ARTICLES = [
    article(
        "ky-hop-thu-nhat",
        "Kỳ họp thứ nhất HĐND phường",
        "Đại biểu thảo luận ngân sách.",
        "2025-12-01",
    ),
    article(
        "ki-hop-bat-thuong",
        "Kì họp bất thường bầu chức danh",
        "Cử tri theo dõi trực tuyến.",
        "2025-11-20",
    ),
    article(
        "hoi-nghi-cu-tri",
        "Hội nghị tiếp xúc cử tri",
        "Hội nghị lắng nghe ý kiến cử tri.",
        "2025-11-10",
    ),
    article(
        "hoi-nghi-can-bo", "Hội nghị cán bộ chủ chốt", "Hội nghị bàn kế hoạch quý I.", "2025-10-01"
    ),
    article(
        "quy-mot-cu", "Báo cáo kết quả quí I", "Kết quả thu ngân sách quí I năm 2019.", "2019-04-02"
    ),
    article(
        "dang-uy-legacy", "Ðảng ủy phường sơ kết", "HÐND và Ðảng ủy họp liên tịch.", "2019-03-01"
    ),
    article(
        "bao-so-ba",
        "Khắc phục hậu quả bão số 3",
        "Lũ cuốn trôi cầu tạm, bão làm đổ cây.",
        "2024-09-09",
    ),
    article(
        "bao-chi", "Gặp mặt báo chí nhân ngày 21/6", "Phường gặp mặt phóng viên.", "2024-06-21"
    ),
    article("nghi-quyet-12", "Thông qua Nghị quyết 12/NQ-HĐND", "Giao 250 m² đất.", "2025-12-02"),
    article("nghi-quyet-15", "Nghị quyết 15/NQ-HĐND ngày 12/12/2024", "Dự toán.", "2024-12-12"),
    article("tiem-mui-3", "Tiêm mũi 3 vắc xin COVID-19", "Tại trạm y tế phường.", "2021-11-02"),
    article("phong-dich", "Phòng dịch covid19 ở chợ", "Đeo khẩu trang khi đi chợ.", "2021-08-15"),
    article("thu-ngan-sach", "Thu ngân sách đạt 1.234 tỷ đồng", "Vượt dự toán.", "2025-12-20"),
    article("dan-so", "Dân số phường 15000 người", "Số liệu điều tra 2024.", "2025-01-05"),
]


RECENT = {a["url"].rsplit("/", 1)[1] for a in ARTICLES if a["published_at"] >= "2025"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("operators") / "archive.db"
    with Archive(path) as arch:
        arch.upsert_portal(PORTAL, PORTAL, f"https://{PORTAL}/", "liferay6", [])
        for record in ARTICLES:
            arch.upsert_article(record)
    return path


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[httpx.Client]:
    with datasette(db_path) as client:
        yield client


QUERIES = [
    # OR in capitals: either side; AND (what a space means) changes nothing.
    (
        "hội nghị OR kỳ họp",
        {"ky-hop-thu-nhat", "ki-hop-bat-thuong", "hoi-nghi-cu-tri", "hoi-nghi-can-bo"},
    ),
    ("hoi nghi AND cu tri", {"hoi-nghi-cu-tri"}),
    # NOT: the words after it, up to the next operator, as one phrase ("cử tri" is one word).
    ("hội nghị NOT cử tri", {"hoi-nghi-can-bo"}),
    # (Accents do not matter: "bão" finds "báo cáo" too.)
    ('bão NOT "báo chí"', {"bao-so-ba", "quy-mot-cu"}),
    ("kỳ họp NOT cử tri OR quý I", {"ky-hop-thu-nhat", "quy-mot-cu", "hoi-nghi-can-bo"}),
    # Lower case "or", "not" are words like any other.
    ("hội nghị or kỳ họp", set()),
    # i/y after the consonants of a syllable, and "Ð" for "Đ".
    ("kỳ họp", {"ky-hop-thu-nhat", "ki-hop-bat-thuong"}),
    ("kì họp", {"ky-hop-thu-nhat", "ki-hop-bat-thuong"}),
    ('"quý I"', {"quy-mot-cu", "hoi-nghi-can-bo"}),
    ("đảng ủy", {"dang-uy-legacy"}),
    ("hdnd", {"ky-hop-thu-nhat", "dang-uy-legacy", "nghi-quyet-12", "nghi-quyet-15"}),
    # A term written without spaces is a phrase: a decree's number, not its three parts.
    ("12/NQ-HĐND", {"nghi-quyet-12"}),
    # A minus excludes the term after it.
    ("bão -lũ", {"quy-mot-cu", "bao-chi"}),
    # Compatibility characters: "m²" is found as "m2".
    ("250 m2", {"nghi-quyet-12"}),
    # Letters and digits glued or apart, numbers with or without thousands separators.
    ("covid19", {"tiem-mui-3", "phong-dich"}),
    ("COVID-19 NOT chợ", {"tiem-mui-3"}),
    ("1234 tỷ", {"thu-ngan-sach"}),
    ("15.000 người", {"dan-so"}),
    ("2024", {"nghi-quyet-15", "dan-so"}),
]


# What NOT excludes, typed with its diacritics, is excluded as typed by the search (CLI and
# canned query): "báo" and "bão" fold alike, and excluding the fold excluded everything.
TYPED_EXCLUSIONS = [
    ("bão NOT báo", {"bao-so-ba"}),
    ("bao -báo", {"bao-so-ba"}),
    ("bao -bão", {"quy-mot-cu", "bao-chi"}),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES + TYPED_EXCLUSIONS)
def test_cli(db_path: Path, query: str, expected: set[str]) -> None:
    assert slugs([r["url"] for r in cli_json(db_path, query)]) == expected


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_datasette_search_box_and_canned_query(
    server: httpx.Client, query: str, expected: set[str]
) -> None:
    assert table_search(server, query) == expected
    assert slugs([r["url"] for r in canned(server, query)]) == expected
    filtered = canned(server, query, since="2025", portal=PORTAL)
    assert slugs([r["url"] for r in filtered]) == {s for s in expected if s in RECENT}


@pytest.mark.parametrize(("query", "expected"), TYPED_EXCLUSIONS)
def test_the_canned_query_excludes_as_typed_too(
    server: httpx.Client, query: str, expected: set[str]
) -> None:
    assert slugs([r["url"] for r in canned(server, query)]) == expected


def test_a_query_of_exclusions_alone_matches_nothing_and_never_errors(db_path: Path) -> None:
    assert fts_query("NOT bão") == fts_query("OR") == fts_query("NOT") == '"-"'
    assert cli_json(db_path, "-bão") == []  # a query, not an unknown option


def test_final_y_folds_to_i_only_after_the_consonants_of_a_syllable() -> None:
    assert fold("Kỳ kì Quý quí Lý lí tỷ tỉ Mỹ Mĩ nghỷ") == "ki ki qui qui li li ti ti mi mi nghi"
    assert fold("tuy tay y tế thủy Ðảng") == "tuy tay y te thuy dang"


def test_snippets_mark_either_spelling() -> None:
    text = "Kì họp thứ hai tiếp nối kỳ họp đầu."
    snippet = highlight_snippet([text], {"ki", "hop"})
    assert (
        snippet
        == "<mark>Kì</mark> <mark>họp</mark> thứ hai tiếp nối <mark>kỳ</mark> <mark>họp</mark> đầu."
    )


def test_words_written_as_typed_come_first(db_path: Path, server: httpx.Client) -> None:
    # "báo" (newspaper, report) and "bão" (storm) fold alike: both match, but the articles
    # written with the accents typed lead, whatever their date; no accents, no preference.
    def order(rows: list[dict[str, Any]]) -> list[str]:
        return [r["url"].rsplit("/", 1)[1] for r in rows]

    newest_first = ["bao-so-ba", "bao-chi", "quy-mot-cu"]
    assert order(cli_json(db_path, "bao")) == newest_first
    assert order(cli_json(db_path, "bão")) == newest_first
    assert order(cli_json(db_path, "báo")) == ["bao-chi", "quy-mot-cu", "bao-so-ba"]
    assert order(canned(server, "BÁO")) == ["bao-chi", "quy-mot-cu", "bao-so-ba"]
    assert order(canned(server, "báo -lũ")) == ["bao-chi", "quy-mot-cu"]


def test_as_typed_reads_case_tone_placement_and_not_excluded_words() -> None:
    assert typed_with_accents('bão NOT báo chí OR lũ -lụt "kỳ họp" hop') == (
        "bão", "lũ", "kỳ", "họp"
    )  # fmt: skip
    assert as_typed("hòa giải", "TỔ HOÀ GIẢI phường") == 2
    assert as_typed("thuỷ lợi", "Công trình thủy lợi") == 2
    assert as_typed("bão", "Báo cáo", "Bảo vệ") == 0
    assert as_typed("bao", "bão") == 0
