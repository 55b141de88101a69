"""Each constructed fixture portal, served on 127.0.0.1, crawled without naming its platform:
the crawl must recognise the platform, follow its pagination and store every article."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from scraper.demo.portal import SamplePortal
from scraper.demo.server import serve_portal

from .site_server import load_sites, serve_site
from .test_crawl_e2e import FAST, STORED_KINDS

SITES = load_sites()
LIFERAY6 = SamplePortal()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One `vnnews crawl` over every fixture portal at once, as a user would list them."""
    db = tmp_path_factory.mktemp("platforms") / "archive.db"
    with ExitStack() as stack:
        bases = {site.name: stack.enter_context(serve_site(site)) for site in SITES}
        # The bundled sample portal is the Liferay 6 one.
        bases["liferay6_sample"] = stack.enter_context(serve_portal(LIFERAY6))
        starts = [bases[site.name] + site.start for site in SITES]
        starts.append(bases["liferay6_sample"] + LIFERAY6.start_path)
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", *starts, "--db", str(db), *FAST]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        detections = {
            site.name: subprocess.run(
                [sys.executable, "-m", "scraper.cli", "detect", bases[site.name] + site.start,
                 "--json"],
                capture_output=True, text=True, timeout=60, check=False,
            )
            for site in SITES
        }  # fmt: skip
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        stored = [dict(r) for r in conn.execute("select * from articles")]
    ports = {name: urlsplit(base).port for name, base in bases.items()}
    by_site = {name: [r for r in stored if urlsplit(r["url"]).port == port]
               for name, port in ports.items()}  # fmt: skip
    return result, by_site, detections


def test_there_is_a_fixture_portal_per_platform():
    platforms = {site.platform for site in SITES}
    assert {"liferay7", "sharepoint", "vccorp", "nukeviet", "wordpress"} <= platforms


def test_crawl_succeeds(crawled):
    result, _, _ = crawled
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.name)
def test_every_article_stored_with_the_detected_platform(crawled, site):
    _, by_site, _ = crawled
    rows = by_site[site.name]
    assert len(rows) == site.articles, sorted(r["url"] for r in rows)
    assert {r["platform"] for r in rows} == {site.platform}
    assert all(r["published_at"] for r in rows)


def test_liferay6_sample_portal_detected(crawled):
    _, by_site, _ = crawled
    rows = by_site["liferay6_sample"]
    expected = [
        a for a in LIFERAY6.articles
        if a.kind in STORED_KINDS and a.category == LIFERAY6.section_category
    ]  # fmt: skip
    assert len(rows) == len(expected)
    assert {r["platform"] for r in rows} == {"liferay6"}


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.name)
def test_vnnews_detect_names_the_platform_and_why(crawled, site):
    _, _, detections = crawled
    result = detections[site.name]
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["platform"] == site.platform
    assert report["reasons"]
