"""Smoke test of benchmarks/extraction.py: its scoring and timing, on goldens of the project."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .golden import ROOT, Golden, all_goldens, hashed_token_counts, load, sha256


def _benchmark() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the file itself.
    spec = importlib.util.spec_from_file_location(
        "bench_extraction", ROOT / "benchmarks" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


bench = _benchmark()


def _constructed_articles(count: int) -> list[Golden]:
    found = [
        g
        for g in all_goldens()
        if g.kind == "article"
        and not g.is_real
        and {"title", "published_at", "body"} <= set(g.expected)
    ]
    if len(found) < count:
        pytest.skip(f"fewer than {count} constructed article goldens")
    return found[:count]


def test_score_counts_exact_fields_and_misses():
    for golden in _constructed_articles(2):
        want = golden.expected
        perfect = bench.Extracted(
            title=f"  {want['title']}\n",  # whitespace is not a miss
            published_at=want["published_at"] and want["published_at"][:16],
            byline=want.get("byline"),
            body=want["body"],
        )
        right = bench.score(golden, perfect)
        assert all(right.right.values()), right
        assert right.f1 == pytest.approx(1.0)

        half = want["body"][: len(want["body"]) // 2]
        wrong = bench.score(
            golden, bench.Extracted(title=want["title"] + " - Cổng thông tin", body=half)
        )
        assert wrong.right["title"] is False
        assert 0 < wrong.f1 < 0.9


def test_date_rows_minute_and_day(tmp_path: Path):
    golden = _golden(tmp_path, {"expected": {"published_at": "2025-03-08T07:30:00+07:00"}})
    day_only = bench.score(golden, bench.Extracted(published_at="2025-03-08T00:00"))
    assert day_only.right == {"published_at": False, "published_day": True}
    none = bench.score(golden, bench.Extracted())
    assert none.right == {"published_at": False, "published_day": False}


def test_real_page_fields_by_hash(tmp_path: Path):
    title, body = "Phường Tân Hòa ra quân vệ sinh môi trường", "Sáng nay, phường ra quân dọn rác."
    golden = _golden(
        tmp_path,
        {"expected_sha256": {"title": sha256(title)}, "body_tokens": hashed_token_counts(body)},
    )
    got = bench.score(golden, bench.Extracted(title=title.replace(" ", "  "), body=body))
    assert got.right == {"title": True}
    assert got.f1 == pytest.approx(1.0)
    assert bench.score(golden, bench.Extracted(title="Tin tức", body="")).right == {"title": False}


def test_both_systems_run_and_are_timed(monkeypatch: pytest.MonkeyPatch):
    golden = _constructed_articles(1)[0]
    pages = [(golden.page.read_bytes(), golden.url)]
    ours = bench.score(golden, bench.run_vnnews(*pages[0]))
    assert ours.right["title"] and ours.f1 > 0.97
    assert bench.run_trafilatura(*pages[0]).body
    monkeypatch.setattr(bench, "MIN_ROUND_SECONDS", 0.0)
    systems = {"vnnews": bench.run_vnnews, "trafilatura": bench.run_trafilatura}
    rates = bench.throughput(pages, systems, rounds=2)
    assert [len(r) for r in rates.values()] == [2, 2]
    assert all(rate > 0 for r in rates.values() for rate in r)


def test_every_pass_starts_with_page_caches_cleared_on_both_sides():
    """A later pass over the same pages must not replay what an earlier one memoised:
    trafilatura's cleaned lines, htmldate's date strings, our legacy-font word readings."""
    from htmldate import extractors
    from trafilatura import utils

    from scraper.extraction import legacy_fonts

    golden = _constructed_articles(1)[0]
    raw = golden.page.read_bytes()
    bench.run_trafilatura(raw, golden.url)
    legacy_fonts.to_unicode("t\xe6", legacy_fonts.TCVN3)
    caches = (utils.line_processing, utils.trim, extractors.try_date_expr, legacy_fonts.to_unicode)
    assert all(cached.cache_info().currsize for cached in caches)
    bench.clear_caches()
    assert [cached.cache_info().currsize for cached in caches] == [0] * len(caches)


def _golden(tmp_path: Path, data: dict) -> Golden:
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"url": "https://tanhoa.example.gov.vn/tin/1.html", **data}))
    return load(path)
