"""Nightly refresh cost: a full crawl of a big loopback portal, then the refresh after a few
new articles, side by side.

    python benchmarks/refresh.py [--articles 5000] [--new 10] [--page-size 20]

Serves a portal of N articles on 127.0.0.1 (20 a listing page, newest first), crawls it
once into a fresh archive (the first crawl of a section walks it all), adds M articles on
top, and crawls again with the default incremental settings (stop at the first listing page
of known articles; the default re-check policy, under which these 2024 articles are not due).
Prints requests and seconds for both runs and their ratios. Target (issue #5): the refresh
makes fewer than 1% of the full crawl's requests, plus the configured re-checks.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, sys.path[0] is benchmarks/: the repo root holds the test portal.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.changing_portal import LISTING, ChangingPortal, serve

LOOPBACK = [
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "RETRY_TIMES=1",
    "-s", "LOG_LEVEL=ERROR",
]  # fmt: skip


def crawl(base: str, db: Path) -> float:
    cmd = [sys.executable, "-m", "scraper.cli", "crawl", base + LISTING, "--db", str(db),
           "--portal", "bench/refresh", *LOOPBACK]  # fmt: skip
    started = time.monotonic()
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed:\n{result.stderr[-3000:]}")
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--page-size", type=int, default=20)
    args = parser.parse_args()

    portal = ChangingPortal.with_stories(args.articles)
    portal.page_size = args.page_size
    with tempfile.TemporaryDirectory() as tmp, serve(portal) as base:
        db = Path(tmp) / "archive.db"
        full_seconds = crawl(base, db)
        full_requests = portal.total_requests()
        portal.requests.clear()
        portal.add(args.new)
        refresh_seconds = crawl(base, db)
        refresh_requests = portal.total_requests()

    ratio = refresh_requests / full_requests
    print(f"portal: {args.articles} articles, {args.page_size} a listing page; {args.new} added")
    print()
    print("| run | HTTP requests | seconds |")
    print("|---|---|---|")
    print(f"| full crawl (first walk) | {full_requests} | {full_seconds:.1f} |")
    print(f"| refresh after {args.new} new articles | {refresh_requests} | {refresh_seconds:.1f} |")
    print(f"| refresh / full | {ratio:.2%} | {refresh_seconds / full_seconds:.2%} |")
    verdict = "PASS" if ratio < 0.01 else "FAIL"
    print(f"\ntarget: refresh < 1% of the full crawl's requests: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
