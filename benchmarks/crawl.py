"""Crawl throughput: vnnews on a generated loopback portal next to `scrapy bench`.

    python benchmarks/crawl.py [--articles 2000]

Runs, in one invocation: `scrapy bench`, then `vnnews crawl` of a generated sample portal of
N articles served on 127.0.0.1 (listing pages, article pages, extraction, SQLite storage),
then `scrapy bench` again; prints pages/second for each, the ratio against the mean of the
two bench runs (the machine is shared: side by side is the only fair comparison), and the
crawl process's peak RSS. Targets (issue #2): ratio >= 0.5, peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_RATE = re.compile(r"Crawled (\d+) pages \(at (\d+) pages/min\)")
BENCH_STATS = re.compile(r"'(response_received_count|elapsed_time_seconds)': ([\d.]+)")
DONE_LINE = re.compile(r"\[vnnews\] done.*?(\d+) pages fetched .*? in ([\d.]+)s")


def run_with_rusage(cmd: list[str]) -> tuple[str, str, float, int]:
    """Run `cmd`; return stdout, stderr, wall seconds and peak RSS in KiB of that process."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return stdout, stderr, wall, usage.ru_maxrss


def scrapy_bench() -> float:
    """pages/second of `scrapy bench` (its own loopback server, a link-following spider)."""
    with tempfile.TemporaryDirectory() as empty:
        # Run outside the project so that our settings (robots, throttling) do not apply.
        _, stderr, _, _ = run_with_rusage_in(empty, [sys.executable, "-m", "scrapy", "bench"])
    stats = dict(BENCH_STATS.findall(stderr))
    if "response_received_count" in stats and "elapsed_time_seconds" in stats:
        return float(stats["response_received_count"]) / float(stats["elapsed_time_seconds"])
    rates = [int(per_min) for _, per_min in BENCH_RATE.findall(stderr)]
    if not rates:
        raise SystemExit(f"could not read scrapy bench output:\n{stderr[-2000:]}")
    return max(rates) / 60


def run_with_rusage_in(cwd: str, cmd: list[str]) -> tuple[str, str, float, int]:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return run_with_rusage(cmd)
    finally:
        os.chdir(here)


def start_portal(articles: int) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper.demo.server", "--articles", str(articles), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not match:
        proc.kill()
        raise SystemExit(f"sample portal did not start: {line!r}")
    return proc, match.group(0)


def vnnews_crawl(articles: int, db: Path) -> tuple[int, float, int, int]:
    """pages fetched, crawl seconds, peak RSS KiB, articles stored."""
    from scraper.demo.portal import SamplePortal

    server, base_url = start_portal(articles)
    try:
        start_url = base_url + SamplePortal(articles=articles).start_path
        cmd = [
            sys.executable, "-m", "scraper.cli", "crawl", start_url, "--db", str(db),
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "VNNEWS_PROGRESS_INTERVAL=0",
        ]  # fmt: skip
        _, stderr, _, rss = run_with_rusage(cmd)
    finally:
        server.terminate()
        server.wait(timeout=10)
    done = DONE_LINE.search(stderr)
    if not done:
        raise SystemExit(f"no summary line from vnnews crawl:\n{stderr[-3000:]}")
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    return int(done.group(1)), float(done.group(2)), rss, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    bench_before = scrapy_bench()
    with tempfile.TemporaryDirectory() as tmp:
        pages, seconds, rss_kib, stored = vnnews_crawl(args.articles, Path(tmp) / "bench.db")
    bench_after = scrapy_bench()

    bench = (bench_before + bench_after) / 2
    ours = pages / seconds
    print(
        f"scrapy bench            : {bench:8.1f} pages/s "
        f"(runs: {bench_before:.1f}, {bench_after:.1f})"
    )
    print(
        f"vnnews crawl            : {ours:8.1f} pages/s "
        f"({pages} pages, {stored} articles stored, {seconds:.1f} s)"
    )
    print(f"ratio vnnews / bench    : {ours / bench:8.2f}   (target >= 0.50)")
    print(f"peak RSS of the crawl   : {rss_kib / 1024:8.1f} MB  (target < 300 MB)")


if __name__ == "__main__":
    main()
