"""`vnnews crawl` is polite to real portals and quick on a copy served from this machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scraper.crawl
from scraper.cli import cli
from scraper.crawl import is_loopback


@pytest.mark.parametrize(
    ("url", "local"),
    [("http://127.0.0.1:8000/tin-tuc", True), ("http://127.4.5.6/", True),
     ("http://localhost:8080/", True), ("http://[::1]:8000/tin-tuc", True),
     ("https://caugiay.hanoi.gov.vn/tin-tuc", False), ("http://10.0.0.5/tin-tuc", False),
     ("http://localhost.example.vn/", False)],
)  # fmt: skip
def test_which_servers_are_this_machine(url, local):
    assert is_loopback(url) is local


def _settings_of_crawl(monkeypatch, tmp_path: Path, *args: str):
    """The settings `vnnews crawl` would run Scrapy with (the crawl itself is left out)."""
    seen = []
    monkeypatch.setattr(
        scraper.crawl, "run_crawls", lambda jobs, settings: seen.append(settings) or []
    )
    result = CliRunner().invoke(cli, ["crawl", *args, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    return seen[0], result.output


def test_a_local_copy_is_crawled_without_delays(monkeypatch, tmp_path):
    settings, output = _settings_of_crawl(monkeypatch, tmp_path, "http://127.0.0.1:8000/tin-tuc")
    assert settings.getfloat("DOWNLOAD_DELAY") == 0
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False
    assert "without politeness delays" in output


def test_a_setting_given_wins_over_the_local_defaults(monkeypatch, tmp_path):
    settings, _ = _settings_of_crawl(
        monkeypatch, tmp_path, "http://127.0.0.1:8000/tin-tuc", "-s", "DOWNLOAD_DELAY=2"
    )
    assert settings.getfloat("DOWNLOAD_DELAY") == 2
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False


def test_a_real_portal_gets_the_polite_defaults(monkeypatch, tmp_path):
    settings, output = _settings_of_crawl(
        monkeypatch, tmp_path, "https://caugiay.hanoi.gov.vn/tin-tuc", "http://127.0.0.1/"
    )
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.5
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is True
    assert "politeness" not in output
