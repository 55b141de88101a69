"""Search at archive scale (issue #6): a synthetic archive of N articles, the folded index build
time, the database size, and p50/p95 latency of `vnnews search`'s query (a page of 20 results
with snippets), accented and not, with and without filters; and, for comparison, the SQL of
Datasette's own search box on the articles table.

    python benchmarks/search.py [--articles 1000000] [--runs 20] [--keep PATH | --reuse PATH]

Articles are invented Vietnamese local-government news with realistic lengths (title ~12
words, summary ~35, body 150-1,200 words, mean ~500) assembled from topic sentences (the
searched phrases, in ~3 sentences an article: every query matches 35-45% of the archive) and
background sentences of syllables drawn with Zipf-like frequencies, spread over 200 portals
and 2018-2025, and written with executemany in large transactions. The folded index is then
built the way the migration builds it (archive.search.fill_search_keys, rebuild_index) and
optimised. Articles are archived in an order unrelated to their publish dates, as after a
backfill, so the search has to find the newest published hits, not the last archived.
Target (issue #6): p95 under 100 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive import Archive
from archive.search import (
    fill_search_keys,
    rebuild_index,
    register_functions,
    search,
    search_box_query,
)

SUBJECTS = [
    "Đảng ủy phường",
    "UBND xã",
    "Thường trực HĐND quận",
    "Ủy ban MTTQ phường",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Công an xã",
    "Trạm y tế",
    "Hội Nông dân",
    "Ban chỉ huy quân sự",
    "Tổ hòa giải",
    "Hội Cựu chiến binh",
]
ACTIONS = [
    "tổ chức hội nghị sơ kết",
    "triển khai kế hoạch",
    "ra quân vệ sinh môi trường",
    "tiếp xúc cử tri",
    "kiểm tra công tác phòng cháy",
    "tổng kết phong trào thi đua",
    "đối thoại với nhân dân",
    "tập huấn nghiệp vụ",
    "khám sức khỏe miễn phí",
    "nạo vét kênh thủy lợi",
    "hoà giải tranh chấp đất đai",
    "bầu cử tổ trưởng",
]
DETAILS = [
    "tại hội trường",
    "với sự tham dự của đại diện các ban ngành",
    "trong quý III",
    "nhằm nâng cao chất lượng cải cách hành chính",
    "theo đúng tiến độ đề ra",
    "cho hơn hai trăm hộ gia đình",
    "ở các tổ dân phố",
    "trên địa bàn",
    "năm 2025",
    "đạt nhiều kết quả tích cực",
    "với tinh thần trách nhiệm cao",
    "về chuyển đổi số",
]
# (accented, unaccented) pairs: common, mid-frequency and phrase queries.
QUERIES = [("Đảng ủy", "dang uy"), ("tiếp xúc cử tri", "tiep xuc cu tri"),
           ('"hoà giải tranh chấp"', '"hoa giai tranh chap"'), ("thủy lợi", "thuy loi"),
           ("phòng cháy", "phong chay"), ("chuyển đổi số", "chuyen doi so")]  # fmt: skip


ONSETS = [
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
RHYMES = ["a", "ai", "an", "ang", "anh", "ao", "at", "âm", "ân", "ất", "ây", "e", "em", "en", "eo", "ê", "ên", "ết", "i", "im", "in", "inh", "ít", "o", "oi", "on", "ong", "ô", "ôi", "ông", "ơ", "ơi", "ơn", "u", "ui", "um", "un", "ung", "ư", "ưa", "ưng", "ương", "ước", "iêng", "yên", "oan", "uyên"]  # fmt: skip
TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def vocabulary(rng: random.Random) -> list[str]:
    """Background syllables (plausible Vietnamese shapes) in a Zipf-like frequency order."""
    words = {
        unicodedata.normalize("NFC", onset + rhyme[0] + rng.choice(TONE_MARKS) + rhyme[1:])
        for onset in ONSETS
        for rhyme in RHYMES
    }
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def sentence_pools(rng: random.Random, size: int = 5000) -> tuple[list[str], list[str]]:
    """Topic sentences (the subjects of searches) and background sentences."""
    topics = []
    for _ in range(size // 5):
        words = [rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(DETAILS)]
        topics.append(" ".join(words).capitalize() + ".")
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    background = [
        " ".join(rng.choices(vocab, weights, k=rng.randint(12, 20))).capitalize() + "."
        for _ in range(size)
    ]
    return topics, background


def rows(n: int, rng: random.Random, pools: tuple[list[str], list[str]]) -> Iterator[tuple]:
    topics, background = pools
    for i in range(n):
        title = rng.choice(SUBJECTS) + " " + rng.choice(ACTIONS) + " " + rng.choice(DETAILS)
        summary = rng.choice(topics) + " " + rng.choice(background)
        # ~16 words a sentence: 10-75 sentences gives 150-1,200 words, 1-3 of them on topic.
        sentences = rng.choices(background, k=rng.randint(9, 72)) + rng.choices(topics, k=3)
        rng.shuffle(sentences)
        body = summary + "\n\n" + " ".join(sentences)
        day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield (f"https://p{i % 200}.gov.vn/tin/{i}", f"p{i % 200}", title, day + "T08:00:00+07:00",
               "Ban biên tập", summary, body, "x", day, day, day)  # fmt: skip


def build(path: Path, n: int) -> tuple[float, float]:
    with Archive(path) as arch:
        for p in range(200):
            arch.upsert_portal(f"p{p}", f"Cổng {p}", f"https://p{p}.gov.vn/", None, [])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(6)
    pools = sentence_pools(rng)
    started = time.monotonic()
    generator = rows(n, rng, pools)
    sql = """INSERT INTO articles (url, portal_id, title, published_at, byline, summary, body,
      content_hash, fetched_at, first_seen_at, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"""
    while batch := [row for _, row in zip(range(20_000), generator, strict=False)]:
        with conn:
            conn.executemany(sql, batch)
    load_seconds = time.monotonic() - started
    started = time.monotonic()
    with conn:
        fill_search_keys(conn)
        rebuild_index(conn, batch=5000)
    conn.execute("INSERT INTO articles_search(articles_search) VALUES ('optimize')")
    conn.commit()
    index_seconds = time.monotonic() - started
    conn.close()
    return load_seconds, index_seconds


# The SQL Datasette runs for the articles table's search box (datasette/filters.py), with the
# table's default order (newest first) and page size: browsing, not ranking.
DATASETTE_BOX_SQL = """select rowid, title, published_at from articles
where search_key in (select rowid from articles_search where articles_search match :q)
order by published_at desc limit 101"""


def search_box(conn: sqlite3.Connection, query: str) -> list[tuple]:
    return conn.execute(DATASETTE_BOX_SQL, {"q": search_box_query(query)}).fetchall()


def timed(call: Callable[..., object], *args: object, **kwargs: object) -> float:
    started = time.perf_counter()
    call(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def latency(path: Path, runs: int) -> dict[str, list[float]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_functions(conn)
    times: dict[str, list[float]] = {
        "accented": [],
        "unaccented": [],
        "unaccented, one portal and one year": [],
        "Datasette search box (not ranked), unaccented": [],
    }
    for _ in range(runs):
        for accented, unaccented in QUERIES:
            times["accented"].append(timed(search, conn, accented, limit=20))
            times["unaccented"].append(timed(search, conn, unaccented, limit=20))
            times["unaccented, one portal and one year"].append(
                timed(
                    search,
                    conn,
                    unaccented,
                    portal="p7",
                    since="2024-01-01",
                    until="2024-12-31",
                    limit=20,
                )
            )
            times["Datasette search box (not ranked), unaccented"].append(
                timed(search_box, conn, unaccented)
            )
    conn.close()
    return times


def hit_counts(path: Path) -> dict[str, int]:
    """How many articles each query matches: what the ranking has to cope with."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_functions(conn)
    sql = "select count(*) from articles_search where articles_search match vnnews_fts_query(?)"
    counts = {q: conn.execute(sql, (q,)).fetchone()[0] for _, q in QUERIES}
    conn.close()
    return counts


def report(path: Path, runs: int) -> None:
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"database size: {size / 1e6:,.0f} MB")
    counts = ", ".join(f"{q} {n:,}" for q, n in hit_counts(path).items())
    print(f"matching articles per query: {counts}")
    for kind, values in latency(path, runs).items():
        p50 = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"{kind}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(values)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="Build the archive here and keep it.")
    parser.add_argument("--reuse", type=Path, help="Measure an archive built with --keep.")
    args = parser.parse_args()
    if args.reuse:
        report(args.reuse, args.runs)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        load_seconds, index_seconds = build(path, args.articles)
        print(f"articles: {args.articles:,}")
        print(f"load (articles table): {load_seconds:.1f} s")
        print(f"folded index build (articles_search): {index_seconds:.1f} s")
        report(path, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
