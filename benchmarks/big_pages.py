"""Extraction time as pages grow: is it linear in the page's size?

    .venv/bin/python benchmarks/big_pages.py [--sizes 1000,2000,4000,8000]

A nightly crawl meets the odd huge page (a decree pasted whole, a photo report of thousands
of pictures, an editor's output full of comments): a step of the extractor that is quadratic
in the number of paragraphs turns such a page into seconds, then minutes. For each shape below,
an article page is generated at each size (a count of paragraphs, pictures, line breaks or
comments in its text) and extracted, or a section page (a count of items, the length of a
link's address) read as a listing; the table gives the best of three times and the growth
exponent between the two largest sizes (1 is linear, 2 quadratic). Exit code 0 always: a
report, as benchmarks/extraction.py.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scraper.extraction import NotAnArticle, extract_article, parse_listing

URL = "https://phuong.example.gov.vn/tin-tuc/bai-viet-1234.html"
SENTENCE = "Ủy ban nhân dân phường tổ chức ra quân vệ sinh môi trường, khơi thông cống rãnh"


def page(text: str) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>Phường ra quân vệ sinh môi trường</title>"
        "</head><body><div class='menu'><a href='/'>Trang chủ</a></div><div class='detail'>"
        "<h1>Phường ra quân vệ sinh môi trường</h1><div class='date'>02/03/2026 08:30</div>"
        f"<div class='content'>{text}</div></div><div class='footer'>Bản quyền</div>"
        "</body></html>"
    ).encode()


SHAPES: dict[str, Callable[[int], bytes]] = {
    "paragraphs": lambda n: page("".join(f"<p>{SENTENCE} số {i}.</p>" for i in range(n))),
    "pictures": lambda n: page(
        "".join(f"<p>{SENTENCE}.</p><img src='/anh/{i}.jpg' width='600'>" for i in range(n))
    ),
    "line breaks": lambda n: page("<p>" + "<br>".join(f"{SENTENCE} {i}." for i in range(n))),
    "comments": lambda n: page("<p>" + "".join(f"chữ {i} <!-- c --> " for i in range(n))),
    "page-builder blocks": lambda n: page(
        "".join(
            f"<div class='ce-block'><div class='ce-block__content'><div class='ce-paragraph'>"
            f"{SENTENCE} {i}.</div></div></div>"
            for i in range(n)
        )
    ),
    "table rows": lambda n: page(
        "<table>" + "".join(f"<tr><td>{i}</td><td>{SENTENCE}</td></tr>" for i in range(n))
    ),
}


def listing(items: str) -> bytes:
    return page(f"<ul class='list-news'>{items}</ul>").replace(b"<h1>", b"<h1 class='x'>")


# Section pages: read as listings (parse_listing), one item a link, its title and its date.
LISTINGS: dict[str, Callable[[int], bytes]] = {
    "listing items": lambda n: listing(
        "".join(
            f"<li><a href='/tin-tuc/hoi-nghi-so-ket-cong-tac-{i}.html'>Hội nghị sơ kết công "
            f"tác số {i}</a> <span>({1 + i % 28:02d}/03/2025)</span></li>"
            for i in range(n)
        )
    ),
    # One link of n characters (a runaway address), among a few ordinary ones.
    "long link address": lambda n: listing(
        f"<li><a href='/tai-lieu/{'a-' * (n // 2)}!'>Tài liệu</a></li>"
        + "".join(
            f"<li><a href='/tin-tuc/bai-viet-so-{i}.html'>Bài viết số {i}</a></li>"
            for i in range(5)
        )
    ),
}


def best_time(raw: bytes, read: Callable[[bytes, str], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        with contextlib.suppress(NotAnArticle):  # (a refusal takes its time too)
            read(raw, URL)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    print("| shape | " + " | ".join(f"n={n}" for n in sizes) + " | growth |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    shapes = [(name, make, extract_article) for name, make in SHAPES.items()]
    shapes += [(name, make, parse_listing) for name, make in LISTINGS.items()]
    for name, make, read in shapes:
        times = [best_time(make(n), read) for n in sizes]
        growth = math.log(times[-1] / times[-2]) / math.log(sizes[-1] / sizes[-2])
        cells = " | ".join(f"{t * 1000:.0f} ms" for t in times)
        print(f"| {name} | {cells} | n^{growth:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
