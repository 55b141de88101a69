"""Precision and recall of meeting extraction, per field, over tests/meetings/labelled/*.json.

Two kinds of label files: `own_*.json` hold a meeting report written for the project (title,
body, published_at, expected meetings); `real_*.json` hold only the expected meetings of a real
text in ../shared/fixtures/real-text, which is read from there (never copied into the project)
and skipped, with a notice, when that folder is absent. The real texts are transcriptions: a
header ("TITLE: …", "PUBLISHED …", then "---BODY---") or a bare title line, a date line and the
body. Legacy-font runs are repaired as the crawl pipeline does for pages.

Scoring: predicted and expected meetings are paired in order. A scalar field counts a
prediction when the predicted value is not None and a gold item when the expected one is not;
a hit when both agree. List fields (bodies, people as name+position, people_names) count
elements. Usage: .venv/bin/python benchmarks/meetings.py
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scraper.extraction.legacy_fonts import repair_text
from scraper.extraction.meetings import extract_meetings

LABELLED = ROOT / "tests" / "meetings" / "labelled"
REAL_TEXT = ROOT.parent / "shared" / "fixtures" / "real-text"
SCALARS = ("kind", "session_type", "meeting_date", "part_of_day", "venue")
LISTS = ("bodies", "people", "people_names")
FIELDS = ("meeting", *SCALARS, *LISTS)

Counts = dict[str, list[int]]  # field → [hits, predicted, gold]


def read_real_text(path: Path) -> tuple[str, str]:
    """(title, body) of a real-text transcription."""
    raw = path.read_text(encoding="utf-8")
    if "---BODY---" in raw:
        head, body = raw.split("---BODY---", 1)
        found = re.search(r"^TITLE: (.*)$", head, re.MULTILINE)
        title = found.group(1).strip() if found else ""
        title = "" if title.startswith("(") else title  # "(not in excerpt …)"
    else:
        lines = raw.split("\n")
        title, body = lines[0], "\n".join(lines[2:])  # line 2 is the date line
    return title, repair_text(body)[0]


def load_cases(kind: str) -> list[dict[str, Any]]:
    """Label files of one kind ("own" or "real"), with title and body filled in."""
    cases = []
    for path in sorted(LABELLED.glob(f"{kind}_*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case["name"] = path.stem
        if kind == "real":
            case["title"], case["body"] = read_real_text(REAL_TEXT / case["real_text"])
        cases.append(case)
    return cases


def predict(case: dict[str, Any]) -> list[dict[str, Any]]:
    found = extract_meetings(case["title"], case["body"], case.get("published_at"))
    return [asdict(m) for m in found]


def _elements(meeting: dict[str, Any] | None, name: str) -> set[Any]:
    if meeting is None:
        return set()
    if name == "meeting":
        return {1}
    if name == "people":
        return {(p["name"], p["position"]) for p in meeting["people"]}
    if name == "people_names":
        return {p["name"] for p in meeting["people"]}
    if name in LISTS:
        return set(meeting[name])
    return set() if meeting[name] is None else {meeting[name]}


def score(cases: list[dict[str, Any]]) -> Counts:
    counts: Counts = {f: [0, 0, 0] for f in FIELDS}
    for case in cases:
        got, want = predict(case), case["meetings"]
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else None
            w = want[i] if i < len(want) else None
            for name in FIELDS:
                p, e = _elements(g, name), _elements(w, name)
                c = counts[name]
                c[0] += len(p & e)
                c[1] += len(p)
                c[2] += len(e)
    return counts


def precision_recall(c: list[int]) -> tuple[float, float]:
    """Empty denominators score 1.0: nothing predicted is nothing wrong."""
    return (c[0] / c[1] if c[1] else 1.0, c[0] / c[2] if c[2] else 1.0)


def table(title: str, counts: Counts) -> str:
    lines = [title, f"{'field':<14}{'P':>7}{'R':>7}{'hits':>6}{'pred':>6}{'gold':>6}"]
    for name, c in counts.items():
        p, r = precision_recall(c)
        lines.append(f"{name:<14}{p:>7.2f}{r:>7.2f}{c[0]:>6}{c[1]:>6}{c[2]:>6}")
    return "\n".join(lines)


def main() -> None:
    own = load_cases("own")
    print(table(f"Own meeting reports ({len(own)} files)", score(own)))
    if not REAL_TEXT.is_dir():
        print(f"\nReal texts not scored: {REAL_TEXT} is absent (it sits beside the checkout).")
        return
    real = load_cases("real")
    print()
    print(table(f"Real texts ({len(real)} files, read from {REAL_TEXT})", score(real)))
    print()
    print(table("All", score(own + real)))


if __name__ == "__main__":
    main()
