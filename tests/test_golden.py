"""Every fixture page against its golden JSON, through `vnnews extract`, field by field."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from scraper.cli import cli

from .golden import ROOT, Golden, all_goldens, mismatches
from .real_fixtures import REAL_HTML

GOLDENS = all_goldens()


def _param(golden: Golden):
    marks = []
    if golden.is_real and not REAL_HTML.is_dir():
        marks.append(pytest.mark.skip(reason=f"real portal pages not found at {REAL_HTML}"))
    return pytest.param(golden, id=golden.name, marks=marks)


def test_every_golden_has_its_page():
    assert len(GOLDENS) >= 3
    missing = [g.name for g in GOLDENS if not g.is_real and not g.page.is_file()]
    assert missing == []


def test_every_constructed_page_has_a_golden():
    pages = {g.page for g in GOLDENS}
    constructed = [p for p in (ROOT / "tests").rglob("*_constructed.html") if p not in pages]
    assert constructed == [], "constructed pages without a golden JSON beside them"


@pytest.mark.parametrize("golden", [_param(g) for g in GOLDENS])
def test_vnnews_extract_matches_golden(golden: Golden):
    args = ["extract", str(golden.page), "--url", golden.url]
    if golden.kind == "listing":
        args.append("--listing")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    fields = json.loads(result.stdout)
    problems = mismatches(golden, fields)
    assert not problems, f"{golden.name}:\n" + "\n".join(problems)
