"""A news section that opens on a landing page: a box per sub-section with its newest few and
"Xem tất cả", no pager. Its sub-sections' lists are walked, each as a section of its own;
a side box's "Xem tất cả" to another part of the portal is not."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from scraper.extraction import parse_listing

from .loopback import QuietHandler, serve_handler
from .test_crawl_e2e import FAST
from .test_incremental import articles

# Sub-section → its name, its stories (newest first, pages of three), the first of its ids.
SUBS = {"kinh-te": ("Kinh tế", 7, 100), "van-hoa": ("Văn hóa - Xã hội", 2, 200)}
PAGE_SIZE = 3


def _story(sub: str, n: int) -> tuple[str, str]:
    label, _, first_id = SUBS[sub]
    return f"/tin-tuc/{sub}/bai-viet-so-{n}-{first_id + n}.html", f"{label}: bài viết số {n}"


def _page(title: str, main: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header><a href='/'>UBND phường Hòa Xuân</a></header>{main}"
        "<footer><p>Ủy ban nhân dân phường Hòa Xuân.</p></footer></body></html>"
    )


def landing() -> str:
    boxes = ""
    for sub, (label, count, _) in SUBS.items():
        items = "".join(
            f"<li><a href='{path}'>{title}</a></li>"
            for path, title in (_story(sub, n) for n in range(count, max(count - 2, 0), -1))
        )
        boxes += (
            f"<section class='cat-box'><h2><a href='/tin-tuc/{sub}'>{label}</a></h2>"
            f"<ul>{items}</ul><a class='more' href='/tin-tuc/{sub}'>Xem tất cả</a></section>"
        )
    side = (
        "<aside><h3>Văn bản mới</h3><ul><li><a href='/van-ban/qd-12.html'>Quyết định số 12 về"
        " kế hoạch năm 2025</a></li></ul><a href='/van-ban'>Xem tất cả</a></aside>"
    )
    return _page("Tin tức", f"<main><h1>Tin tức</h1>{boxes}</main>{side}")


def sub_listing(sub: str, page: int) -> str | None:
    label, count, _ = SUBS[sub]
    numbers = list(range(count, 0, -1))[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    if not numbers:
        return None
    items = "".join(
        f"<li><a href='{path}'>{title}</a></li>"
        for path, title in (_story(sub, n) for n in numbers)
    )
    more = f"<a href='/tin-tuc/{sub}?page={page + 1}'>Trang sau</a>" if numbers[-1] > 1 else ""
    return _page(label, f"<main><h1>{label}</h1><ul class='list'>{items}</ul>{more}</main>")


def article(sub: str, n: int) -> str:
    _, title = _story(sub, n)
    text = (
        f"<p>Sáng 1{n}/3, Ủy ban nhân dân phường tổ chức hội nghị số {n} về lĩnh vực "
        f"{SUBS[sub][0].lower()} với sự tham dự của đông đảo cán bộ và nhân dân.</p><p>Hội "
        f"nghị đã bàn các giải pháp trọng tâm về {SUBS[sub][0].lower()} thời gian tới.</p>"
    )
    return _page(
        title, f"<main><h1>{title}</h1><div class='date'>1{n}/03/2025 08:30</div>{text}</main>"
    )


def _answer(path: str, query: str) -> str | None:
    if path == "/tin-tuc":
        return landing()
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[1] in SUBS:
        return sub_listing(parts[1], int(parse_qs(query).get("page", ["1"])[0]))
    if len(parts) == 3 and parts[1] in SUBS:
        n = int(parts[2].split("-")[3])
        return article(parts[1], n) if n <= SUBS[parts[1]][1] else None
    return None


def crawl(tmp_path: Path, *sections: str) -> tuple[str, Counter[str], Path]:
    """`vnnews crawl` of the given section paths; the site's base, what it was asked, the db."""
    asked: Counter[str] = Counter()

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            asked[self.path] += 1
            html = _answer(parts.path, parts.query)
            self.send_response(200 if html else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((html or "Không tìm thấy").encode())

    db = tmp_path / "archive.db"
    with serve_handler(Handler) as base:
        urls = [base + path for path in sections]
        cmd = [sys.executable, "-m", "scraper.cli", "crawl", *urls, "--db", str(db), *FAST]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return base, asked, db


def test_a_landing_page_s_sub_sections_are_walked_to_their_end(tmp_path: Path) -> None:
    base, asked, db = crawl(tmp_path, "/tin-tuc")
    stored = {url.removeprefix(base) for url in articles(db)}
    assert stored == {
        _story(sub, n)[0] for sub, (_, count, _) in SUBS.items() for n in range(1, count + 1)
    }
    assert asked["/van-ban"] == 0 and asked["/van-ban/qd-12.html"] == 0


def test_a_sub_section_also_given_to_the_crawl_is_walked_once(tmp_path: Path) -> None:
    _, asked, _ = crawl(tmp_path, "/tin-tuc", "/tin-tuc/kinh-te/")
    assert asked["/tin-tuc/kinh-te"] + asked["/tin-tuc/kinh-te/"] == 1


def test_what_names_a_sub_section() -> None:
    url = "https://p.gov.vn/tin-tuc"
    more = "<a href='/tin-tuc/{}'>Xem tất cả</a>"
    # "Xem tất cả" names a list, whatever its address looks like.
    slugs = ["guong-nguoi-tot-viec-tot", "phong-trao-thi-dua-yeu-nuoc"]
    page = _page("Tin tức", "".join(more.format(slug) for slug in slugs))
    assert parse_listing(page, url).sub_listings == [f"{url}/{slug}" for slug in slugs]
    # Teasers' titles in headings, items by number, a side box: no sub-sections.
    teasers = "".join(
        f"<h3><a href='/tin-tuc/{n}'>Xã Phú Cường ra quân tổng vệ sinh môi trường đợt {n}</a></h3>"
        f"<a href='/tin-tuc/{n}'>Xem thêm</a>"
        for n in (12, 13, 14)
    )
    assert parse_listing(_page("Tin tức", teasers), url).sub_listings == []


def test_one_more_link_or_a_pager_makes_no_landing() -> None:
    url = "https://p.gov.vn/tin-tuc"
    found = parse_listing(landing(), url)
    assert found.sub_listings == [
        "https://p.gov.vn/tin-tuc/kinh-te",
        "https://p.gov.vn/tin-tuc/van-hoa",
    ]
    paged = parse_listing(sub_listing("kinh-te", 1) or "", "https://p.gov.vn/tin-tuc/kinh-te")
    assert paged.next_url and paged.sub_listings == []
    one_box = landing().replace("/tin-tuc/van-hoa", "/gioi-thieu/van-hoa")
    assert parse_listing(one_box, url).sub_listings == []
