"""The portal registry: its integrity, the `vnnews portals` command, and clear errors for
bad registry files, given before any crawl starts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scraper.registry.admin_units import load_admin_units
from scraper.registry.portals import BUILTIN_DIR, RegistryError, load_registry

REFORM_DAY = date(2025, 7, 1)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def vnnews(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scraper.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def test_one_file_per_current_province():
    provinces = [u for u in load_admin_units().values() if u.level == "province" and not u.valid_to]
    files = sorted(BUILTIN_DIR.glob("*.toml"))
    assert len(provinces) == 34
    assert len(files) == 34


def test_every_province_has_its_main_portal(registry):
    provinces = {u.code for u in load_admin_units().values() if u.level == "province"
                 and not u.valid_to}  # fmt: skip
    with_main = {p.unit_code for p in registry.portals.values()
                 if p.level == "province" and p.unit_code == p.province_code}  # fmt: skip
    assert provinces <= with_main


def test_every_active_hanoi_unit_has_an_entry(registry):
    units = load_admin_units()
    hanoi_today = {u.id for u in units.values()
                   if u.level == "commune" and u.province_code == "01" and not u.valid_to}  # fmt: skip
    entries = {p.unit_id for p in registry.select(province="01", level="commune",
                                                  active_on=date(2025, 12, 1))}  # fmt: skip
    assert len(hanoi_today) == 126
    assert hanoi_today <= entries


def test_hanoi_districts_before_the_reform(registry):
    districts = registry.select(province="ha-noi", level="district", active_on=date(2022, 1, 1))
    assert len(districts) == 30
    assert all(p.until == "2025-06-30" for p in districts)
    assert all(p.base_url for p in districts)
    units = load_admin_units()
    for portal in districts:
        assert portal.successors, portal.id
        assert all(units[code].province_code == "01" for code in portal.successors)
    assert not registry.select(province="ha-noi", level="district", active_on=REFORM_DAY)


def test_ids_codes_and_successors_are_valid(registry):
    units = load_admin_units()
    for portal in registry.portals.values():
        assert portal.unit_id in units, portal.id
        assert all(code in units and not units[code].valid_to for code in portal.successors)
        if portal.until == "2025-06-30" and portal.level != "province":
            assert portal.successors, f"{portal.id}: abolished without successors"


def test_url_provenance_is_stated(registry):
    for portal in registry.portals.values():
        if portal.url_source == "unknown":
            assert not portal.start_urls
        else:
            assert portal.url_evidence, f"{portal.id}: how is its URL known?"


def test_one_host_two_systems_two_entries(registry):
    """caugiay.hanoi.gov.vn: quận Cầu Giấy on Liferay until 2025, phường Cầu Giấy after."""
    on_host = [p for p in registry.portals.values()
               if p.base_url and "caugiay.hanoi.gov.vn" in p.base_url]  # fmt: skip
    periods = {(p.level, p.until, p.since) for p in on_host}
    assert ("district", "2025-06-30", None) in periods
    assert any(level == "commune" and since == "2025-07-01" for level, _, since in periods)


def test_cli_lists_hanoi_communes_of_today():
    result = vnnews("portals", "--province", "ha-noi", "--level", "commune",
                    "--active-on", "2025-12-01", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 126
    assert {r["level"] for r in rows} == {"commune"}


def test_cli_lists_hanoi_districts_of_2022_with_urls():
    result = vnnews("portals", "--province", "ha-noi", "--level", "district",
                    "--active-on", "2022-01-01")  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 30
    assert all("hanoi.gov.vn" in line for line in lines)
    assert "30 portal(s), " in result.stderr and "with a news-section URL to crawl" in result.stderr


def test_cli_says_which_sites_have_no_news_section_to_crawl():
    result = vnnews("portals", "--province", "ha-noi", "--level", "commune",
                    "--active-on", "2025-12-01")  # fmt: skip
    lines = result.stdout.splitlines()
    unknown = [line for line in lines if "(news section unknown: not crawled)" in line]
    assert unknown and all("https://" in line for line in unknown)
    crawlable = len(lines) - len(unknown) - sum("URL unknown" in line for line in lines)
    assert f"126 portal(s), {crawlable} with a news-section URL to crawl" in result.stderr


# --- bad registry files -------------------------------------------------------------------

GOOD_ENTRY = """
[[portals]]
id = "test/phuong-thu"
name = "Cổng thông tin phường thử"
level = "commune"
unit_type = "phường"
unit_code = "00004"
base_url = "http://127.0.0.1:9/"
start_urls = ["http://127.0.0.1:9/tin-tuc"]
url_source = "seen"
url_evidence = "test"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('province = "01"\n[[portals]\nid = "x"', "line 2"),
        ('province = "01"\n' + GOOD_ENTRY.replace('unit_type = "phường"\n', ""),
         "missing required key(s): unit_type"),
        ('province = "01"\n' + GOOD_ENTRY + GOOD_ENTRY, "duplicate id 'test/phuong-thu'"),
        ('province = "01"\n' + GOOD_ENTRY.replace('url_source = "seen"',
                                                  'url_source = "seen"\nplatform = "drupal"'),
         "unknown platform 'drupal'"),
        ('province = "01"\n' + GOOD_ENTRY.replace('"00004"', '"99999"'),
         "unknown administrative unit code '99999'"),
        ('province = "01"\n' + GOOD_ENTRY.replace("url_source", "url_sourse"),
         "missing required key(s): url_source"),
        ('province = "01"\n' + GOOD_ENTRY.replace('level = "commune"', 'level = "district"'),
         "is a commune, not a district"),
        ('province = "01"\n' + GOOD_ENTRY + 'until = "30/06/2025"\n', "until must be an ISO date"),
        # A unit of Hà Nội registered in Huế's file.
        ('province = "46"\n' + GOOD_ENTRY,
         "lies in province 01 today, not in this file's province 46"),
        ('province = "01"\n' + GOOD_ENTRY.replace('start_urls = [', 'start_urls = 3 #'),
         "start_urls must be a list of URLs"),
    ],
)  # fmt: skip
def test_bad_registry_file_is_rejected_with_file_entry_and_reason(tmp_path: Path, text, message):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry([path])
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_cli_reports_a_bad_registry_before_crawling(tmp_path: Path):
    path = tmp_path / "mine.toml"
    path.write_text('province = "01"\n' + GOOD_ENTRY.replace('"00004"', '"99999"'), "utf-8")
    db = tmp_path / "archive.db"
    result = vnnews(
        "crawl", "--portal", "test/phuong-thu", "--registry", str(path), "--db", str(db)
    )
    assert result.returncode != 0
    assert f"{path}:" in result.stderr and "unknown administrative unit code" in result.stderr
    assert not db.exists()


def test_user_file_adds_and_overrides(tmp_path: Path, registry):
    some_id = next(p.id for p in registry.portals.values() if p.url_source == "unknown")
    original = registry.get(some_id)
    override = f"""province = "{original.province_code}"
[[portals]]
id = "{some_id}"
name = "{original.name}"
level = "{original.level}"
unit_type = "{original.unit_type}"
unit_code = "{original.unit_code}"
base_url = "https://example.gov.vn/"
start_urls = ["https://example.gov.vn/tin-tuc"]
url_source = "seen"
url_evidence = "my notes"
"""
    path = tmp_path / "mine.toml"
    path.write_text(override + GOOD_ENTRY, encoding="utf-8")
    merged = load_registry([path])
    assert merged.get(some_id).start_urls == ("https://example.gov.vn/tin-tuc",)
    assert merged.get("test/phuong-thu").unit_id == "00004"
    assert len(merged.portals) == len(registry.portals) + 1


def test_a_duplicate_id_names_both_lines(tmp_path: Path):
    path = tmp_path / "mine.toml"
    path.write_text('province = "01"\n' + GOOD_ENTRY + GOOD_ENTRY, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry([path])
    assert f"{path}:15: duplicate id" in str(caught.value) and f"(also at {path}:4)" in str(
        caught.value
    )


def test_one_start_url_written_without_brackets_is_read(tmp_path: Path):
    path = tmp_path / "mine.toml"
    one = GOOD_ENTRY.replace('["http://127.0.0.1:9/tin-tuc"]', '"http://127.0.0.1:9/tin-tuc"')
    path.write_text('province = "01"\n' + one, encoding="utf-8")
    (portal,) = [p for p in load_registry([path]).portals.values() if p.id == "test/phuong-thu"]
    assert portal.start_urls == ("http://127.0.0.1:9/tin-tuc",)
