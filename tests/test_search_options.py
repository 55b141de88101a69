"""`vnnews search` reads --since, --until and --province as `vnnews export` does (an unreadable
day or an unknown province is an error, never an empty or unfiltered result), marks the
articles the portal has taken down, and the Datasette canned query does the same. All text is
invented for the project."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from archive import Archive

from .datasette_server import datasette

THANH_HOA = "xaquangphu.thanhhoa.gov.vn"
HANOI = "phuonglangha.hanoi.gov.vn"
# (In UTC, the evening before: 03:00 on 2 October in Vietnam, the day shown.)
REMOVED_ON = "2026-10-01T20:00:00+00:00"


def article(portal: str, slug: str, day: str) -> dict[str, Any]:
    return {
        "url": f"https://{portal}/tin-tuc/{slug}",
        "portal_id": portal,
        "title": f"Hội nghị tiếp xúc cử tri ngày {day}",
        "published_at": f"{day}T08:00:00+07:00",
        "body": "Cử tri kiến nghị về ngập úng và chiếu sáng đường làng.",
        "fetched_at": "2026-11-27T01:00:00+00:00",
    }


ARTICLES = [
    article(THANH_HOA, "thang-7", "2025-07-01"),
    article(THANH_HOA, "thang-6", "2025-06-30"),
    article(HANOI, "go-xuong", "2025-03-03"),
    article(HANOI, "nam-ngoai", "2024-12-31"),
]
URL = {a["url"].rsplit("/", 1)[1]: a["url"] for a in ARTICLES}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("options") / "archive.db"
    with Archive(path) as arch:
        for portal in (THANH_HOA, HANOI):
            arch.upsert_portal(portal, portal, f"https://{portal}/", None, [])
        for record in ARTICLES:
            arch.upsert_article(record)
        arch.mark_removed(URL["go-xuong"], REMOVED_ON, "http_404")
        for portal, province in ((THANH_HOA, "38"), (HANOI, "01")):
            arch.conn.execute(
                "UPDATE portals SET province_code = ? WHERE id = ?", (province, portal)
            )
        arch.conn.commit()
    return path


def cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scraper.cli", "search", "cu tri", *args, "--db", str(db_path)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def found(db_path: Path, *args: str) -> list[str]:
    result = cli(db_path, *args, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["url"].rsplit("/", 1)[1] for line in result.stdout.splitlines()]


# --- --since / --until ---------------------------------------------------------------------------


def test_unpadded_days_are_read_as_days(db_path: Path) -> None:
    assert found(db_path, "--since", "2025-7-1") == found(db_path, "--since", "2025-07-01")
    assert found(db_path, "--since", "2025-7-1") == ["thang-7"]
    assert found(db_path, "--until", "2024-12-31") == ["nam-ngoai"]


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("day", ["01/07/2025", "31/12/2024", "2025-02-30", "hôm qua"])
def test_a_day_export_refuses_is_refused(db_path: Path, option: str, day: str) -> None:
    result = cli(db_path, option, day)
    assert result.returncode == 2
    assert f"Invalid value for '{option}'" in result.stderr
    assert "is no day, month or year (YYYY-MM-DD, YYYY-MM or YYYY)" in result.stderr


def test_a_month_or_a_year_is_a_period_as_in_datasette(db_path: Path) -> None:
    assert found(db_path, "--since", "2025-07") == found(db_path, "--since", "2025-07-01")
    assert found(db_path, "--until", "2024") == found(db_path, "--until", "2024-12-31")
    assert found(db_path, "--since", "2024", "--until", "2024") == ["nam-ngoai"]


def test_since_after_until_is_refused(db_path: Path) -> None:
    result = cli(db_path, "--since", "2025-07-01", "--until", "2025-06-30")
    assert result.returncode == 2 and "--since is after --until" in result.stderr


# --- --province --------------------------------------------------------------------------------


@pytest.mark.parametrize("province", ["38", "thanh-hoa", "Thanh Hoá", "THANH HOA"])
def test_province_as_code_slug_or_name(db_path: Path, province: str) -> None:
    assert found(db_path, "--province", province) == ["thang-7", "thang-6"]


@pytest.mark.parametrize("province", ["Hanoi", "Atlantis"])
def test_unknown_province_is_an_error_as_in_export(db_path: Path, province: str) -> None:
    result = cli(db_path, "--province", province)
    assert result.returncode == 2
    assert f"unknown province {province!r}" in result.stderr


# --- articles taken down by the portal -------------------------------------------------------------


def test_removed_article_is_found_and_marked_in_json(db_path: Path) -> None:
    result = cli(db_path, "--json")
    hits = {json.loads(line)["url"]: json.loads(line) for line in result.stdout.splitlines()}
    assert hits[URL["go-xuong"]]["removed_at"] == REMOVED_ON
    assert hits[URL["thang-7"]]["removed_at"] is None


def test_removed_article_is_marked_in_the_text_output(db_path: Path) -> None:
    result = cli(db_path, "--province", "ha-noi")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    where = {line.split(" · ")[2]: line for line in lines if " · " in line}
    assert where[URL["go-xuong"]].endswith(" · [removed from the portal on 2026-10-02]")
    assert "removed" not in where[URL["nam-ngoai"]]


# --- the Datasette canned query --------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[httpx.Client]:
    with datasette(db_path) as client:
        yield client


def canned(server: httpx.Client, **params: str) -> httpx.Response:
    return server.get("/archive/search.json", params={"q": "cu tri", "_shape": "objects", **params})


def test_canned_search_shows_removed_at(server: httpx.Client) -> None:
    rows = canned(server).json()["rows"]
    assert {r["url"]: r["removed_at"] for r in rows} == {
        URL["thang-7"]: None, URL["thang-6"]: None, URL["go-xuong"]: REMOVED_ON,
        URL["nam-ngoai"]: None,
    }  # fmt: skip
    html = server.get("/archive/search", params={"q": "cu tri"}).text
    assert "removed_at" in html and REMOVED_ON in html


def test_canned_search_reads_unpadded_days(server: httpx.Client) -> None:
    def slugs(**params: str) -> list[str]:
        response = canned(server, **params)
        assert response.status_code == 200, response.text
        return [r["url"].rsplit("/", 1)[1] for r in response.json()["rows"]]

    assert slugs(since="2025-7-1") == slugs(since="2025-07-01") == ["thang-7"]
    assert slugs(until="2025-6") == ["thang-6", "go-xuong", "nam-ngoai"]
    assert slugs(since="2024", until="2024") == ["nam-ngoai"]


@pytest.mark.parametrize("period", [{"since": "01/07/2025"}, {"until": "31/12/2024"}])
def test_canned_search_refuses_other_dates(server: httpx.Client, period: dict[str, str]) -> None:
    # SQL cannot word the error; what matters is that no wrong list is shown as an answer.
    response = canned(server, **period)
    assert response.status_code == 400
    assert not response.json().get("rows")


def test_search_feed_marks_the_removed_article(server: httpx.Client) -> None:
    feed = server.get("/archive/search_feed.atom", params={"q": "cu tri"})
    assert feed.status_code == 200, feed.text[:500]
    assert feed.text.count("[removed from the portal on 2026-10-02]") == 1


@pytest.mark.parametrize("province", ["Atlantis", "Hanoi"])
def test_canned_search_refuses_an_unknown_province(server: httpx.Client, province: str) -> None:
    # As `vnnews search` does: an empty page would say "no article of that province".
    response = canned(server, province=province)
    assert response.status_code == 400
    assert not response.json().get("rows")
    known = canned(server, province="38")
    assert known.status_code == 200 and len(known.json()["rows"]) == 2
