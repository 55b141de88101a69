"""`vnnews crawl` is polite to real portals and quick on a copy served from this machine,
given as a URL or registered as a portal; a delay the user sets wins."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from scrapy.settings import Settings

import scraper.crawl
from scraper.cli import cli
from scraper.crawl import CrawlJob
from scraper.politeness import fit_to_hosts, is_loopback

from .changing_portal import LISTING, ChangingPortal, serve

REAL = "https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien"  # hanoi/sotttt, never fetched here


@pytest.mark.parametrize(
    ("url", "local"),
    [("http://127.0.0.1:8000/tin-tuc", True), ("http://127.4.5.6/", True),
     ("http://localhost:8080/", True), ("http://[::1]:8000/tin-tuc", True),
     ("https://caugiay.hanoi.gov.vn/tin-tuc", False), ("http://10.0.0.5/tin-tuc", False),
     ("http://localhost.example.vn/", False)],
)  # fmt: skip
def test_which_servers_are_this_machine(url, local):
    assert is_loopback(url) is local


def registry_file(tmp_path: Path, base: str) -> Path:
    """A user's registry with one ward portal served on this machine."""
    path = tmp_path / "my-portals.toml"
    path.write_text(
        'province = "01"\n\n[[portals]]\nid = "test/local-ward"\n'
        'name = "Cổng thử nghiệm phường"\nlevel = "commune"\nunit_type = "phường"\n'
        f'unit_code = "00004"\nbase_url = "{base}/"\nstart_urls = ["{base}{LISTING}"]\n'
        'url_source = "seen"\nurl_evidence = "served by the test on 127.0.0.1"\n',
        encoding="utf-8",
    )
    return path


def crawler_settings(job: CrawlJob, settings: Settings) -> Settings:
    """What the crawler of `job` runs with: its own copy, fitted as run_crawls fits it."""
    own = settings.copy()
    fit_to_hosts(job.start_urls, own)
    return own


def _settings_of_crawl(monkeypatch, tmp_path: Path, *args: str):
    """Each job's crawler settings as `vnnews crawl` would run them (the crawl is left out)."""
    seen: list[tuple[list[CrawlJob], Settings]] = []
    monkeypatch.setattr(
        scraper.crawl, "run_crawls", lambda jobs, settings: seen.append((jobs, settings)) or []
    )
    result = CliRunner().invoke(cli, ["crawl", *args, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    jobs, settings = seen[0]
    return {job.portal or job.start_urls[0]: crawler_settings(job, settings) for job in jobs}, (
        result.output
    )


def test_a_local_copy_is_crawled_without_delays(monkeypatch, tmp_path):
    crawlers, output = _settings_of_crawl(monkeypatch, tmp_path, "http://127.0.0.1:8000/tin-tuc")
    (settings,) = crawlers.values()
    assert settings.getfloat("DOWNLOAD_DELAY") == 0
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False
    assert "without politeness delays" in output


def test_a_setting_given_wins_over_the_local_defaults(monkeypatch, tmp_path):
    crawlers, _ = _settings_of_crawl(
        monkeypatch, tmp_path, "http://127.0.0.1:8000/tin-tuc", "-s", "DOWNLOAD_DELAY=2"
    )
    (settings,) = crawlers.values()
    assert settings.getfloat("DOWNLOAD_DELAY") == 2
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False


def test_a_delay_set_in_the_environment_wins_over_the_local_defaults(monkeypatch):
    settings = Settings({"DOWNLOAD_DELAY": 1.5, "AUTOTHROTTLE_ENABLED": True}, priority="project")
    monkeypatch.setenv("VNNEWS_DOWNLOAD_DELAY", "1.5")  # as scraper/settings.py read it
    fit_to_hosts(["http://127.0.0.1:8000/tin-tuc"], settings)
    assert settings.getfloat("DOWNLOAD_DELAY") == 1.5
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False


def test_a_real_portal_gets_the_polite_defaults(monkeypatch, tmp_path):
    crawlers, output = _settings_of_crawl(monkeypatch, tmp_path, REAL, "http://127.0.0.1/")
    (settings,) = crawlers.values()
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.5
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is True
    assert "politeness" not in output


def test_a_registry_portal_on_this_machine_is_crawled_without_delays(monkeypatch, tmp_path):
    registry = registry_file(tmp_path, "http://127.0.0.1:8000")
    crawlers, output = _settings_of_crawl(
        monkeypatch, tmp_path, "--registry", str(registry),
        "--portal", "test/local-ward", "--portal", "hanoi/sotttt",
    )  # fmt: skip
    local, real = crawlers["test/local-ward"], crawlers["hanoi/sotttt"]
    assert local.getfloat("DOWNLOAD_DELAY") == 0
    assert local.getbool("AUTOTHROTTLE_ENABLED") is False
    # In the same run, the real portal keeps its delays.
    assert real.getfloat("DOWNLOAD_DELAY") == 0.5
    assert real.getbool("AUTOTHROTTLE_ENABLED") is True
    assert "a server on this machine (test/local-ward): crawling without politeness" in output


def test_a_registry_portal_on_this_machine_is_fetched_without_waiting(tmp_path):
    """A real crawl, with the project's polite defaults: nothing given with -s."""
    portal = ChangingPortal.with_stories(20)
    with serve(portal) as base:
        registry = registry_file(tmp_path, base)
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", "--portal", "test/local-ward",
               "--registry", str(registry), "--db", str(tmp_path / "a.db")]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    done = re.search(r"done \(finished\): (\d+) pages fetched .* in ([\d.]+)s", result.stderr)
    assert done, result.stderr[-3000:]
    pages, seconds = int(done[1]), float(done[2])
    assert pages == portal.total_requests() >= 25
    # Politely, each request after the first waits at least half the 0.5 s download delay
    # (Scrapy randomises it between 0.5 and 1.5 times), AutoThrottle's 1 s start included.
    assert seconds < 0.25 * (pages - 1), f"{pages} pages took {seconds} s"
    assert "crawling without politeness delays" in result.stderr


def test_a_selection_s_portals_without_a_news_section_are_summed_up_in_one_line(tmp_path):
    """`vnnews crawl --province …` over many registry portals with no known news section: one
    line says how many and where to look, not a screenful; nothing to crawl is an error."""
    registry = tmp_path / "mine.toml"
    codes = ["01273", "01279", "01288", "01290", "01294"]  # communes of Cao Bằng (04)
    entries = [
        f'[[portals]]\nid = "test/xa-{n}"\nname = "Xã thử {n}"\nlevel = "commune"\n'
        f'unit_type = "xã"\nunit_code = "{code}"\nbase_url = "https://xa{n}.example.gov.vn/"\n'
        'url_source = "inferred"\n'
        for n, code in enumerate(codes)
    ]
    registry.write_text('province = "04"\n' + "\n".join(entries), encoding="utf-8")
    cmd = [sys.executable, "-m", "scraper.cli", "crawl", "--registry", str(registry),
           "--province", "04", "--db", str(tmp_path / "a.db")]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and skipped[0].startswith("skipped 6 portal(s)"), result.stderr
    assert result.returncode != 0 and "no selected portal has a news-section URL" in result.stderr
