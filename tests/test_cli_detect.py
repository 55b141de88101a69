"""`vnnews detect FILE|URL`: the platform a page runs on, and the evidence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .real_fixtures import REAL_HTML, requires_real_fixtures

PAGES = Path(__file__).parent / "pages"


def detect(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scraper.cli", "detect", *args]
    return subprocess.run(
        cmd, input=stdin.decode() if stdin else None, capture_output=True, text=True, check=False
    )


@requires_real_fixtures
def test_real_liferay_page_is_named_with_reasons():
    page = REAL_HTML / "liferay62_sotttt-hanoi_article_2022_khong-dung-tien-mat.html"
    result = detect(str(page))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("liferay6: ")
    assert any("asset publisher" in line for line in lines[1:])
    # The saved page's HTTrack comment gives its real address, which is an article URL.
    assert lines[-1].endswith("an article by the liferay6 URL patterns")


def test_unknown_layout_is_generic_and_says_so():
    result = detect(str(PAGES / "html5_article_time_constructed.html"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["platform"] == "generic"
    assert report["reasons"] == ["no platform fingerprint matched: generic extraction"]


def test_standard_input_and_url_option():
    page = (PAGES / "seed_template_unit_byline_constructed.html").read_bytes()
    result = detect("-", "--url", "https://tayho.example.gov.vn/tin-tuc/bai-viet-2231.html",
                    "--json", stdin=page)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["url"].endswith("bai-viet-2231.html")


def test_missing_file_and_unreachable_url_exit_non_zero():
    missing = detect("/nonexistent/page.html")
    assert missing.returncode == 1
    assert "cannot read" in missing.stderr
    unreachable = detect("http://127.0.0.1:9/tin-tuc")
    assert unreachable.returncode == 1
    assert "cannot fetch" in unreachable.stderr
