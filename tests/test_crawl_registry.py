"""Registry portals served on 127.0.0.1: a user's registry file adds them, `vnnews crawl
--portal` crawls them, each article is linked to its portal and administrative unit, an
unreachable portal is reported while the others go on, and Datasette shows the facets."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from .datasette_server import datasette
from .site_server import load_sites, serve_site
from .test_crawl_e2e import FAST

SITES = {site.name: site for site in load_sites()}
# Two ward portals of today's Hanoi and one abolished district, all on loopback.
PORTALS = {
    "test/ward-a": ("seed_generic", "commune", "phường", "00004", None),
    "test/ward-b": ("vccorp", "commune", "phường", "00008", None),
    "test/old-district": ("wordpress", "district", "quận", "005", "2025-06-30"),
}
UNREACHABLE = "test/gone-ward"


def entry(portal_id: str, level: str, unit_type: str, code: str, until: str | None,
          base: str, start: str) -> str:  # fmt: skip
    lines = [
        "[[portals]]",
        f'id = "{portal_id}"',
        f'name = "Cổng thử nghiệm {portal_id}"',
        f'level = "{level}"',
        f'unit_type = "{unit_type}"',
        f'unit_code = "{code}"',
        f'base_url = "{base}/"',
        f'start_urls = ["{base}{start}"]',
        'url_source = "seen"',
        'url_evidence = "served by the test on 127.0.0.1"',
    ]
    if until:
        lines += [f'until = "{until}"', 'successors = ["00004", "00008"]']
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("registry")
    db, registry = directory / "archive.db", directory / "my-portals.toml"
    with ExitStack() as stack:
        parts = ['province = "01"\n']
        for portal_id, (site, level, unit_type, code, until) in PORTALS.items():
            base = stack.enter_context(serve_site(SITES[site]))
            parts.append(entry(portal_id, level, unit_type, code, until, base, SITES[site].start))
        parts.append(entry(UNREACHABLE, "commune", "phường", "00025", None,
                           "http://127.0.0.1:9", "/tin-tuc"))  # fmt: skip
        registry.write_text("\n".join(parts), encoding="utf-8")
        selection = [arg for p in (*PORTALS, UNREACHABLE) for arg in ("--portal", p)]
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", *selection,
               "--registry", str(registry), "--db", str(db), *FAST]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    return result, db


def query(db: Path, sql: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]


def test_crawl_goes_on_past_the_unreachable_portal(crawled):
    result, _ = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"unreachable: {UNREACHABLE}" in result.stderr
    assert "3 of 4 portal(s) reached" in result.stderr


def test_each_article_is_linked_to_its_portal_and_unit(crawled):
    _, db = crawled
    rows = query(db, "select portal_id, unit_id, unit, province, level from articles_by_unit")
    by_portal = {}
    for row in rows:
        by_portal.setdefault(row["portal_id"], set()).add(
            (row["unit_id"], row["province"], row["level"])
        )
    assert set(by_portal) == set(PORTALS)
    assert by_portal["test/ward-a"] == {("00004", "Thành phố Hà Nội", "commune")}
    assert by_portal["test/old-district"] == {("old:005", "Thành phố Hà Nội", "district")}
    counts = {p: sum(1 for r in rows if r["portal_id"] == p) for p in PORTALS}
    assert counts == {p: SITES[site].articles for p, (site, *_) in PORTALS.items()}


def test_crawl_runs_record_every_portal(crawled):
    _, db = crawled
    runs = {r["portal_id"]: r for r in query(db, "select * from crawl_runs")}
    assert set(runs) == {*PORTALS, UNREACHABLE}
    assert runs[UNREACHABLE]["status"] == "unreachable"
    assert json.loads(runs[UNREACHABLE]["errors"])
    assert all(runs[p]["status"] == "ok" and runs[p]["articles_new"] > 0 for p in PORTALS)


def test_registry_and_units_are_in_the_archive(crawled):
    _, db = crawled
    units = query(db, "select level, count(*) n from admin_units where valid_to is null "
                      "group by level")  # fmt: skip
    assert {r["level"]: r["n"] for r in units} == {"province": 34, "commune": 3321}
    portals = {r["id"]: r for r in query(db, "select * from portals")}
    assert portals["test/old-district"]["until"] == "2025-06-30"
    assert json.loads(portals["test/old-district"]["successors"]) == ["00004", "00008"]
    assert len(portals) > 150  # the whole built-in registry is there to browse


def test_former_district_articles_group_under_its_successor_ward(crawled):
    _, db = crawled
    sql = """select count(*) n from articles
      join portals on portals.id = articles.portal_id
      join admin_units as units on units.id = portals.unit_id
      where units.id = '00008'
         or exists (select 1 from json_each(units.successor_ids) where value = '00008')"""
    # Phường Ngọc Hà (00008) took over part of the former quận Cầu Giấy (old:005).
    expected = SITES["vccorp"].articles + SITES["wordpress"].articles
    assert query(db, sql)[0]["n"] == expected


def test_datasette_facets_articles_by_province_level_and_unit(crawled):
    _, db = crawled
    with datasette(db) as client:
        response = client.get(
            "/archive/articles_by_unit.json",
            params={"_facet": ["province", "level", "unit"], "_extra": "facet_results"},
        )
        assert response.status_code == 200, response.text
        facets = response.json()["facet_results"]
        results = facets.get("results", facets)
        levels = {item["value"]: item["count"] for item in results["level"]["results"]}
        assert levels == {
            "commune": SITES["seed_generic"].articles + SITES["vccorp"].articles,
            "district": SITES["wordpress"].articles,
        }
        assert [i["value"] for i in results["province"]["results"]] == ["Thành phố Hà Nội"]
        html = client.get("/archive/articles_by_unit").text
        for facet in ("province", "level", "unit"):
            assert f'id="facet-{facet}"' in html
        place = client.get(
            "/archive/articles_of_place.json", params={"unit": "00008", "_shape": "objects"}
        ).json()["rows"]
        relations = {r["relation"] for r in place}
        assert relations == {"this unit", "predecessor"}
        assert len(place) == SITES["vccorp"].articles + SITES["wordpress"].articles
