"""Atom feed per portal: the portal_feed canned query rendered by datasette-atom on a running
Datasette (127.0.0.1), newest articles of one portal, readable by any feed reader."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

import httpx
import pytest

from archive import Archive

from .datasette_server import datasette

ATOM = "{http://www.w3.org/2005/Atom}"
PORTAL = "phuong-vi-du.example.gov.vn"
OTHER = "xa-khac.example.gov.vn"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path = tmp_path_factory.mktemp("feeds") / "archive.db"
    with Archive(path) as archive:
        for portal in (PORTAL, OTHER):
            archive.upsert_portal(portal, "Cổng thử", f"https://{portal}/", None, [])
        for day, title in ((3, "Tiếp xúc cử tri trước kỳ họp HĐND"), (5, "Ra quân dọn vệ sinh")):
            archive.upsert_article(
                {
                    "url": f"https://{PORTAL}/tin/{day}",
                    "portal_id": PORTAL,
                    "title": title,
                    "published_at": f"2025-09-0{day}T08:00:00+07:00",
                    "byline": "Thu Hằng",
                    "summary": "Đông đảo cử tri tham dự.",
                    "body": "Đông đảo cử tri tham dự.\n\nCác ý kiến được ghi nhận.",
                    "fetched_at": f"2025-09-0{day}T03:00:00+00:00",
                }
            )
        archive.upsert_article(
            {
                "url": f"https://{OTHER}/tin/1",
                "portal_id": OTHER,
                "title": "Tin xã khác",
                "fetched_at": "2025-09-01T03:00:00+00:00",
            }
        )
    with datasette(path) as c:
        yield c


def feed(client: httpx.Client, portal: str) -> ElementTree.Element:
    response = client.get("/archive/portal_feed.atom", params={"portal": portal})
    assert response.status_code == 200, response.text[:2000]
    assert response.headers["content-type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def test_portal_feed_lists_its_articles(client: httpx.Client) -> None:
    root = feed(client, PORTAL)
    assert root.findtext(f"{ATOM}title") == "Latest articles of a portal"
    entries = root.findall(f"{ATOM}entry")
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert titles == {"Tiếp xúc cử tri trước kỳ họp HĐND", "Ra quân dọn vệ sinh"}
    entry = next(e for e in entries if e.findtext(f"{ATOM}id") == f"https://{PORTAL}/tin/3")
    assert entry.find(f"{ATOM}link").get("href") == f"https://{PORTAL}/tin/3"
    assert entry.findtext(f"{ATOM}content") == "Đông đảo cử tri tham dự."
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Thu Hằng"
    assert entry.findtext(f"{ATOM}updated").startswith("2025-09-03T03:00:00")


def test_unknown_portal_gives_a_feed_not_an_error(client: httpx.Client) -> None:
    entries = feed(client, "no-such-portal").findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert "No articles" in entries[0].findtext(f"{ATOM}title")


def test_missing_portal_parameter_is_no_server_error(client: httpx.Client) -> None:
    assert client.get("/archive/portal_feed.atom").status_code < 500
