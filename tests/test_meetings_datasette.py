"""The meetings canned queries on a running Datasette (127.0.0.1): a person found by a name
typed in any spelling, a portal's meetings in a period, and the facets of meeting_list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import httpx
import pytest

from archive import Archive
from archive.meetings import store_meetings
from scraper.extraction.meetings import extract_meetings

from .datasette_server import datasette

ROOT = Path(__file__).resolve().parents[1]
PORTAL = "huyen-vi-du.example.gov.vn"
URL = f"https://{PORTAL}/tin/hop-chuyen-de"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    case = json.loads((ROOT / "tests/meetings/labelled/own_two-meetings.json").read_text())
    path = tmp_path_factory.mktemp("meetings") / "archive.db"
    with Archive(path) as archive:
        archive.upsert_portal(PORTAL, "Huyện ví dụ", f"https://{PORTAL}/", None, [])
        archive.upsert_article(
            {
                "url": URL,
                "portal_id": PORTAL,
                "title": case["title"],
                "published_at": case["published_at"],
                "body": case["body"],
                "fetched_at": "2025-04-10T03:00:00+00:00",
            }
        )
        found = extract_meetings(case["title"], case["body"], case["published_at"])
        store_meetings(archive.conn, URL, [asdict(m) for m in found])
    with datasette(path) as c:
        yield c


def rows(client: httpx.Client, query: str, **params: str) -> list[dict]:
    response = client.get(f"/archive/{query}.json", params={**params, "_shape": "objects"})
    assert response.status_code == 200, response.text[:2000]
    return response.json()["rows"]


@pytest.mark.parametrize("name", ["Trịnh Thu Hà", "trinh thu ha", "TRỊNH THU", "thu ha"])
def test_person_found_in_any_spelling(client: httpx.Client, name: str) -> None:
    found = rows(client, "person_mentions", name=name)
    assert [(r["name"], r["position"], r["url"]) for r in found] == [
        ("Trịnh Thu Hà", "Phó Chủ tịch HĐND huyện", URL)
    ]


def test_unknown_person_is_an_empty_list(client: httpx.Client) -> None:
    assert rows(client, "person_mentions", name="Nguyễn Không Có") == []


def test_meetings_of_a_portal_in_a_period(client: httpx.Client) -> None:
    found = rows(
        client, "meetings_of_portal", portal=PORTAL, since="2025-04-01", until="2025-04-30"
    )
    assert sorted((r["meeting_date"], r["part_of_day"]) for r in found) == [
        ("2025-04-09", "chiều"),
        ("2025-04-09", "sáng"),
    ]
    assert rows(client, "meetings_of_portal", portal=PORTAL, since="2025-05-01", until="") == []


def test_meeting_list_facets_by_kind_and_body(client: httpx.Client) -> None:
    response = client.get(
        "/archive/meeting_list.json", params={"_facet": "kind", "_facet_array": "bodies"}
    )
    assert response.status_code == 200, response.text[:2000]
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them under "results"
    kinds = {v["value"]: v["count"] for v in facets["kind"]["results"]}
    bodies = {v["value"]: v["count"] for v in facets["bodies"]["results"]}
    assert kinds == {"ky_hop_hdnd": 1, "hop_giao_ban": 1}
    assert bodies == {"HĐND": 1, "Thường trực HĐND": 1}
