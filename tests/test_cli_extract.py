"""`vnnews extract` as a user runs it: a real subprocess, JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
VNNEWS = [sys.executable, "-m", "scraper.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*VNNEWS, *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_one_file_prints_one_object():
    result = run(
        "extract",
        str(PAGES / "seed_template_unit_byline_constructed.html"),
        "--url",
        "https://q.example.gov.vn/tin/sokeat-2022-123.html",
    )
    assert result.returncode == 0, result.stderr.decode()
    fields = json.loads(result.stdout)
    assert set(fields) >= {
        "title",
        "published_at",
        "published_text",
        "byline",
        "summary",
        "body",
        "images",
        "attachments",
        "category",
        "platform",
        "warnings",
    }
    assert fields["published_at"] == "2022-07-23T15:42:00+07:00"
    assert fields["url"] == "https://q.example.gov.vn/tin/sokeat-2022-123.html"


def test_several_files_print_json_lines_with_file_key():
    names = sorted(str(p) for p in PAGES.glob("*_constructed.html"))
    result = run("extract", *names)
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["file"] for line in lines] == names
    assert all(line["title"] for line in lines)


def test_standard_input():
    page = (PAGES / "generic_ward_article_constructed.html").read_bytes()
    result = run("extract", "-", "--url", "https://p.example.gov.vn/tin-tuc/a-1.html", stdin=page)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["byline"] == "NGỌC HÀ"


def test_empty_and_non_html_files_exit_non_zero_with_a_message(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    for path, words in ((empty, "empty"), (binary, "not_html")):
        result = run("extract", str(path))
        assert result.returncode != 0
        assert words in result.stderr.decode()
        assert result.stdout == b""


def test_a_bad_file_among_good_ones_is_reported_in_line_and_in_exit_code(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    good = str(PAGES / "generic_ward_article_constructed.html")
    result = run("extract", good, str(empty))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert lines[0]["file"] == good and lines[0]["title"]
    assert lines[1]["file"] == str(empty) and "empty" in lines[1]["error"]


def test_listed_date_is_the_publish_date_of_a_page_without_one():
    page = (PAGES / "seed_template_unit_byline_constructed.html").read_text(encoding="utf-8")
    page = page.replace("23/07/2022 - 03:42 PM", "").encode()
    url = "https://q.example.gov.vn/tin/sokeat-2022-123.html"
    listed = "Ngày đăng 23/07/2022 | 03:42 PM | Lượt xem: 12"
    result = run("extract", "-", "--url", url, "--listed-date", listed, stdin=page)
    assert result.returncode == 0, result.stderr.decode()
    fields = json.loads(result.stdout)
    assert fields["published_at"] == "2022-07-23T15:42:00+07:00"
    assert fields["published_text"] == "Ngày đăng 23/07/2022 | 03:42 PM"
    without = json.loads(run("extract", "-", "--url", url, stdin=page).stdout)
    assert without["published_at"] is None


def test_listing_prints_the_date_shown_beside_each_link():
    page = Path(__file__).parent / "sites" / "seed_generic" / "listing_p1_constructed.html"
    result = run("extract", "--listing", str(page), "--url", "https://tayho.hanoi.gov.vn/tin-tuc")
    assert result.returncode == 0, result.stderr.decode()
    listing = json.loads(result.stdout)
    assert listing["article_urls"] and set(listing["dates"]) == set(listing["article_urls"])
