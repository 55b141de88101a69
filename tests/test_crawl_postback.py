"""A constructed ASP.NET WebForms portal whose news list pages by form posts
(`__doPostBack('…$gvTin','Page$2')`), served on 127.0.0.1: the crawl posts the pager's event
with the page's view state and stores the articles of every page."""

from __future__ import annotations

import sqlite3
import threading
from urllib.parse import parse_qs

import pytest

from scraper.extraction import parse_listing
from scraper.extraction.model import PostBack

from .loopback import QuietHandler, serve_handler
from .test_crawl_e2e import crawl

SECTION = "/Portal/Category.aspx?CatID=3"
PER_PAGE = 3
TOPICS = [
    "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội quý II",
    "Kiểm tra công tác phòng chống thiên tai tại các xã ven biển",
    "Tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025",
    "Tập huấn nghiệp vụ công tác hòa giải ở cơ sở năm 2025",
    "Ra mắt mô hình dân vận khéo trong cải cách thủ tục hành chính",
    "Khánh thành nhà văn hóa thôn sau hai năm xây dựng",
    "Tuyên truyền bảo vệ môi trường tại các chợ dân sinh",
]
IDS = [48300 - 7 * i for i in range(len(TOPICS))]  # newest first
PAGES = -(-len(IDS) // PER_PAGE)


def _article(n: int) -> str:
    title, day = TOPICS[n], 20 - n
    return (
        "<html><head><meta charset='utf-8'><title>Cổng thông tin điện tử huyện</title></head>"
        f"<body><form method='post' action='./Detail.aspx?ContentID={IDS[n]}' id='aspnetForm'>"
        "<input type='hidden' name='__VIEWSTATE' value='dDwtMTIzNDU2Nzg5Ozs+' />"
        f"<table class='main'><tr><td><span class='title'>{title}</span></td></tr>"
        f"<tr><td><span class='date'>Thứ hai, ngày {day:02d}/05/2025</span></td></tr>"
        f"<tr><td class='content'><p>Sáng nay, Ủy ban nhân dân huyện tổ chức {title.lower()}. "
        "Tham dự có lãnh đạo các phòng, ban chuyên môn và Chủ tịch UBND các xã, thị trấn.</p>"
        "<p>Các đại biểu đã thảo luận, thống nhất những giải pháp trọng tâm trong thời gian "
        "tới và giao trách nhiệm cụ thể cho từng đơn vị.</p>"
        "<p align='right'><b>Phòng Văn hóa và Thông tin</b></p></td></tr></table>"
        "</form></body></html>"
    )


def _listing(page: int, view_state: str) -> str:
    rows = "".join(
        f"<tr><td><a href='Detail.aspx?ContentID={IDS[n]}'>{TOPICS[n]}</a></td>"
        f"<td>{20 - n:02d}/05/2025</td></tr>"
        for n in range((page - 1) * PER_PAGE, min(page * PER_PAGE, len(IDS)))
    )
    pager = "".join(
        f"<td><span>{n}</span></td>"
        if n == page
        else f"<td><a href=\"javascript:__doPostBack('ctl00$cph$gvTin','Page${n}')\">{n}</a></td>"
        for n in range(1, PAGES + 1)
    )
    return (
        "<html><head><meta charset='utf-8'><title>Tin tức - Sự kiện</title></head><body>"
        # A search form before the WebForms one: the pager posts the latter.
        "<form action='/Portal/Search.aspx' method='get'><input name='q' /></form>"
        f"<form method='post' action='./Category.aspx?CatID=3' id='aspnetForm'>"
        "<input type='hidden' name='__EVENTTARGET' id='__EVENTTARGET' value='' />"
        "<input type='hidden' name='__EVENTARGUMENT' id='__EVENTARGUMENT' value='' />"
        f"<input type='hidden' name='__VIEWSTATE' id='__VIEWSTATE' value='{view_state}' />"
        "<table class='main'><tr><td class='path'>Trang chủ &gt; Tin tức - Sự kiện</td></tr>"
        f"<tr><td><table id='ctl00_cph_gvTin' class='grid'>{rows}"
        f"<tr class='pager'><td colspan='2'><table><tr>{pager}</tr></table></td></tr>"
        "</table></td></tr></table></form></body></html>"
    )


class PostBackPortal:
    """Answers GETs for page 1 and articles, POSTs for other list pages; records the posts."""

    def __init__(self) -> None:
        self.posts: list[dict[str, list[str]]] = []
        self.lock = threading.Lock()
        portal = self

        class Handler(QuietHandler):
            def _send(self, status: int, text: str = "") -> None:
                body = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if self.path == SECTION:
                    return self._send(200, _listing(1, "state-of-page-1"))
                for n, item in enumerate(IDS):
                    if self.path == f"/Portal/Detail.aspx?ContentID={item}":
                        return self._send(200, _article(n))
                return self._send(404)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                with portal.lock:
                    portal.posts.append(form)
                argument = form.get("__EVENTARGUMENT", [""])[0]
                state = form.get("__VIEWSTATE", [""])[0]
                # WebForms refuses a post without the state of the page it came from.
                if self.path != SECTION or not state.startswith("state-of-page-"):
                    return self._send(500, "Validation of viewstate MAC failed.")
                if form.get("__EVENTTARGET") != ["ctl00$cph$gvTin"]:
                    return self._send(200, _listing(1, "state-of-page-1"))
                page = int(argument.removeprefix("Page$"))
                return self._send(200, _listing(page, f"state-of-page-{page}"))

        self.handler = Handler


def test_the_listing_names_the_pagers_next_post():
    page1 = parse_listing(_listing(1, "s"), "http://portal.example.gov.vn" + SECTION)
    assert page1.next_url is None
    assert page1.next_postback == PostBack("ctl00$cph$gvTin", "Page$2")
    assert len(page1.article_urls) == PER_PAGE
    page2 = parse_listing(_listing(2, "s"), "http://portal.example.gov.vn" + SECTION)
    assert page2.next_postback == PostBack("ctl00$cph$gvTin", "Page$3")
    last = parse_listing(_listing(PAGES, "s"), "http://portal.example.gov.vn" + SECTION)
    assert last.next_postback is None


@pytest.mark.parametrize(
    ("pager", "expected"),
    [
        # A LinkButton labelled as the next page, with validation options.
        (
            (
                '<a href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions('
                '&quot;ctl00$cph$lnkNext&quot;, &quot;&quot;, true, &quot;&quot;, &quot;&quot;, '
                'false, true))">Trang sau</a>'
            ),
            PostBack("ctl00$cph$lnkNext", ""),
        ),
        ("<a href=\"javascript:__doPostBack('ctl00$pager','Page$Next')\">&gt;&gt;</a>",
         PostBack("ctl00$pager", "Page$Next")),
        # One linked number, the current one plain beside it.
        ("<b>1</b> <a href=\"javascript:__doPostBack('ctl00$pager','2')\">2</a>",
         PostBack("ctl00$pager", "2")),
        # A disabled "next" on the last page has no postback: no next page.
        (("<a href=\"javascript:__doPostBack('ctl00$pager','1')\">1</a> <span>2</span>"
          "<a disabled='disabled'>Trang sau</a>"), None),
    ],
)  # fmt: skip
def test_pager_forms(pager, expected):
    page = (
        "<html><body><form id='aspnetForm' method='post'>"
        f"<div class='news'><a href='Detail.aspx?ContentID=5'>{TOPICS[0]}</a></div>"
        f"<div class='pager'>{pager}</div></form></body></html>"
    )
    assert parse_listing(page, "http://portal.example.gov.vn" + SECTION).next_postback == expected


def test_crawl_posts_the_pager_and_stores_every_page(tmp_path):
    portal = PostBackPortal()
    db = tmp_path / "archive.db"
    with serve_handler(portal.handler) as base:
        result = crawl(base + SECTION, db)
        assert result.returncode == 0, result.stderr[-3000:]
        first_posts = len(portal.posts)
        posted = [(p["__EVENTARGUMENT"], p["__VIEWSTATE"]) for p in portal.posts]
        again = crawl(base + SECTION, db)
        assert again.returncode == 0, again.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("select url from articles")}
    assert stored == {f"{base}/Portal/Detail.aspx?ContentID={item}" for item in IDS}
    # Each later page was posted once, with the view state of the page before it.
    assert first_posts == PAGES - 1
    assert posted == [
        (["Page$2"], ["state-of-page-1"]),
        (["Page$3"], ["state-of-page-2"]),
    ]
    assert "q" not in portal.posts[0]  # the search form was not the one posted
    # The nightly run finds pages 1 and 2 all known (VNNEWS_KNOWN_PAGES_TO_STOP, 2): it posts
    # for page 2 alone.
    assert [(p["__EVENTARGUMENT"], p["__VIEWSTATE"]) for p in portal.posts[first_posts:]] == [
        (["Page$2"], ["state-of-page-1"])
    ]
