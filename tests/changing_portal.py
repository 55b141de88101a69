"""A small portal on 127.0.0.1 whose content the test changes between crawls: new articles,
an edited one, a deleted one, a re-ordered listing. It counts the requests it serves and
answers conditional requests (ETag) as a well-behaved server does."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .loopback import QuietHandler, serve_handler

PAGE_SIZE = 5
LISTING = "/tin-tuc"
PINNED = "/tin-tuc/lich-tiep-cong-dan-cua-lanh-dao-phuong-2024"


@dataclass
class Story:
    number: int
    title: str
    day: str  # dd/mm/yyyy
    paragraphs: list[str]
    deleted: bool = False
    # Its address is written in Vietnamese letters ("/tin-tuc/Bài-viết-số-3"), as some
    # CMSs write them; the server is asked for it %-encoded.
    vietnamese_slug: bool = False

    @property
    def path(self) -> str:
        if self.vietnamese_slug:
            return f"/tin-tuc/Bài-viết-số-{self.number}-về-hội-nghị"
        return f"/tin-tuc/bai-viet-so-{self.number}-{1000 + self.number}.html"


@dataclass
class ChangingPortal:
    stories: list[Story] = field(default_factory=list)  # newest first, as listed
    requests: Counter[str] = field(default_factory=Counter)
    paths: list[str] = field(default_factory=list)  # every request, as asked
    broken_template: bool = False
    # Seconds to wait before answering an article (a slow portal, to kill a crawl midway).
    delay: float = 0.0
    # Serve the last listing page again for every page number past the end (a loop).
    loop: bool = False
    # Article numbers whose URL now redirects to the home page.
    redirect_home: set[int] = field(default_factory=set)
    # Article numbers whose URL now serves the home page itself (no redirect).
    home_at: set[int] = field(default_factory=set)
    # Article numbers whose URL now redirects to the news section's listing.
    redirect_listing: set[int] = field(default_factory=set)
    # The home page shows the newest story as a featured one (title, time, its text).
    featured_home: bool = False
    # Article numbers whose URL now redirects to another site (number → its address).
    redirect_elsewhere: dict[int, str] = field(default_factory=dict)
    page_size: int = PAGE_SIZE
    # Listing links carry where they were shown, as Liferay's asset publisher writes them:
    # "?redirect=<this listing page>&utm_source=…" (so they change as articles move down).
    link_params: bool = False
    # Article pages show no date (their listing does).
    undated: bool = False
    # The listing shows no date beside its links.
    undated_listing: bool = False
    # Its robots.txt, if it has one.
    robots: str | None = None
    # A link pinned on top of every listing page to a page that is no article (a schedule
    # shown as a picture): the crawl can never store it.
    pinned_page: bool = False
    # The pager offers a next page on every page; past the last one the portal answers 200
    # with an empty list ("Không có dữ liệu").
    empty_tail: bool = False
    # Article numbers whose page answers 500 (a portal's bad moment).
    failing: set[int] = field(default_factory=set)
    # Past the last listing page the pager goes on to a page answered 200 with this body,
    # empty or white space only (VCCorp Lotus's "load more" timeline answers so past its end).
    tail_body: str | None = None
    # Listing page numbers that answer 503, and pages answered only after so many seconds.
    failing_pages: set[int] = field(default_factory=set)
    slow_pages: dict[int, float] = field(default_factory=dict)
    # Every page answers 404 (a broken server, a parked domain).
    all_404: bool = False
    # A box of the three newest stories atop every listing page ("Tin nổi bật").
    newest_box: bool = False
    # Article numbers, and listing page numbers, whose answer the connection cuts halfway
    # (sent with no Content-Length, so the cut shows only in the page itself).
    cut: set[int] = field(default_factory=set)
    cut_pages: set[int] = field(default_factory=set)
    # Article numbers answered 200 with an empty body (a server's bad moment).
    empty: set[int] = field(default_factory=set)
    # Article numbers whose URL redirects to itself (a cookie check, with cookies off).
    self_redirect: set[int] = field(default_factory=set)
    # The news section's address now redirects to the front page (a site's rework).
    listing_home: bool = False
    # Article numbers answered 429 with this Retry-After value, once each.
    throttled: dict[int, str] = field(default_factory=dict)
    # When each request came (time.monotonic()), with its path.
    times: list[tuple[float, str]] = field(default_factory=list)
    # Article numbers whose URL redirects to another address on the site, which answers
    # the article (or 500, when it is also in `failing`).
    renamed: set[int] = field(default_factory=set)
    # Every article moved under this path on the same host ("/web/hoaxuan"): listed there,
    # its old address answering 301 to it.
    moved_under: str | None = None

    def shown_path(self, story: Story) -> str:
        return f"{self.moved_under or ''}{story.path}"

    def answer_shape(self, path_qs: str) -> str:
        """How the answer to `path_qs` is sent: "cut", "empty" or "whole"."""
        parts = urlsplit(path_qs)
        if parts.path == LISTING:
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            return "cut" if page in self.cut_pages else "whole"
        for story in self.stories:
            if unquote(parts.path) == story.path:
                if story.number in self.cut:
                    return "cut"
                return "empty" if story.number in self.empty else "whole"
        return "whole"

    @classmethod
    def with_stories(cls, count: int, start: int = 1) -> ChangingPortal:
        portal = cls()
        for number in range(start + count - 1, start - 1, -1):
            portal.stories.append(portal.make(number))
        return portal

    def make(self, number: int) -> Story:
        month = 1 + number % 12
        return Story(
            number=number,
            title=f"Phường Hòa Xuân tổ chức hội nghị tiếp xúc cử tri lần thứ {number}",
            day=f"{1 + number % 27:02d}/{month:02d}/2024",
            paragraphs=[
                (
                    f"Ngày {1 + number % 27}/{month}, Ủy ban nhân dân phường tổ chức hội nghị lần "
                    f"thứ {number} với sự tham dự của đông đảo cử tri trên địa bàn."
                ),
                (
                    "Cử tri kiến nghị về chỉnh trang vỉa hè, chiếu sáng ngõ xóm và thu gom rác thải "
                    "sinh hoạt; lãnh đạo phường đã tiếp thu và giải trình các ý kiến."
                ),
            ],
        )

    def add(self, count: int) -> list[Story]:
        top = max((s.number for s in self.stories), default=0)
        new = [self.make(n) for n in range(top + count, top, -1)]
        self.stories[:0] = new
        return new

    def find(self, number: int) -> Story:
        return next(s for s in self.stories if s.number == number)

    @property
    def listed(self) -> list[Story]:
        return [s for s in self.stories if not s.deleted]

    def total_requests(self) -> int:
        return sum(self.requests.values())

    # --- pages ---------------------------------------------------------------------------

    def listing_page(self, page: int) -> str | None:
        listed = self.listed
        size = self.page_size
        chunk = listed[(page - 1) * size : page * size]
        if page > 1 and not chunk:
            if self.tail_body is not None:
                return self.tail_body
            if self.empty_tail:
                return _page("Tin tức", "<p class='empty'>Không có dữ liệu</p>")
            if not self.loop:
                return None
            chunk = listed[-size:]
        shown_on = quote(f"{LISTING}?page={page}", safe="")
        tail = f"?redirect={shown_on}&amp;utm_source=zalo" if self.link_params else ""
        pinned = (
            f'<li><a href="{PINNED}">Lịch tiếp công dân của lãnh đạo phường năm 2024</a></li>'
            if self.pinned_page
            else ""
        )
        if self.newest_box:
            pinned += "".join(
                f'<li class="hot"><a href="{self.shown_path(s)}">{s.title}</a></li>'
                for s in listed[:3]
            )
        items = pinned + "".join(
            f'<li><a href="{self.shown_path(s)}{tail}">{s.title}</a>'
            + ("" if self.undated_listing else f' <span class="date">{s.day}</span>')
            + "</li>"
            for s in chunk
        )
        more = self.loop or self.empty_tail or self.tail_body is not None
        more = more or len(listed) > page * size
        pager = f'<a href="{LISTING}?page={page + 1}">Trang sau</a>' if more else ""
        return _page(
            "Tin tức", f'<ul class="list-news">{items}</ul><div class="paging">{pager}</div>'
        )

    def article_page(self, story: Story) -> str:
        if self.broken_template:
            # A redesign: the text moved into a script-rendered widget the extractor can't read.
            return _page(story.title, '<div id="app" data-article="1"></div>')
        body = "".join(f"<p>{p}</p>" for p in story.paragraphs)
        dateline = "" if self.undated else f'<div class="time-detail">{story.day} - 08:30 AM</div>'
        return _page(
            story.title,
            f'<div class="detail"><h1 class="title-detail">{story.title}</h1>{dateline}'
            f'<div class="content-detail">{body}'
            f'<p style="text-align: right;">Văn phòng HĐND - UBND phường</p></div></div>',
        )

    def home_page(self) -> str:
        if not (self.featured_home and self.listed):
            return _page("Trang chủ", "<p>Chào mừng đến cổng thông tin phường.</p>")
        top = self.listed[0]
        text = " ".join(top.paragraphs)
        return _page(
            "Trang chủ",
            f'<div class="featured"><h2><a href="{top.path}">{top.title}</a></h2>'
            f'<div class="date">{top.day} 08:30</div><p>{text}</p></div>',
        )

    def respond(self, path_qs: str) -> tuple[int, str | None]:
        parts = urlsplit(path_qs)
        if self.all_404:
            return 404, None
        if parts.path == LISTING:
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            if self.listing_home:
                return 302, "/"
            if page in self.failing_pages:
                return 503, None
            time.sleep(self.slow_pages.get(page, 0.0))
            html = self.listing_page(page)
            return (404, None) if html is None else (200, html)
        if parts.path == "/":
            return 200, self.home_page()
        if parts.path == "/robots.txt" and self.robots is not None:
            return 200, self.robots
        if parts.path == PINNED and self.pinned_page:
            return 200, _page("Lịch tiếp công dân", '<img src="/lich-tiep-cong-dan.png">')
        for story in self.stories:
            if self.moved_under and unquote(parts.path) == story.path:
                return 301, self.shown_path(story)
            if self.moved_under and unquote(parts.path) == self.shown_path(story):
                if story.number in self.redirect_home:
                    return 302, "/"
                return (404, None) if story.deleted else (200, self.article_page(story))
            if parts.path == f"/bai-viet/{story.number}":
                return (
                    (500, None) if story.number in self.failing else (200, self.article_page(story))
                )
            if unquote(parts.path) == story.path:
                if story.number in self.self_redirect:
                    return 302, path_qs
                if story.number in self.throttled:
                    return 429, self.throttled.pop(story.number)
                if story.number in self.renamed:
                    return 301, f"/bai-viet/{story.number}"
                if story.number in self.redirect_home:
                    return 302, "/"
                if story.number in self.redirect_listing:
                    return 302, LISTING
                if story.number in self.home_at:
                    return 200, self.home_page()
                if story.number in self.redirect_elsewhere:
                    return 301, self.redirect_elsewhere[story.number]
                if story.number in self.failing:
                    return 500, None
                if self.delay:
                    time.sleep(self.delay)
                return (404, None) if story.deleted else (200, self.article_page(story))
        return 404, None


def _page(title: str, main: str) -> str:
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title} - Cổng thông tin điện tử phường Hòa Xuân</title></head><body>"
        '<div class="header"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>'
        f'<div class="content-left">{main}</div>'
        '<div class="footer">Ủy ban nhân dân phường Hòa Xuân</div></body></html>'
    )


def serve(portal: ChangingPortal) -> AbstractContextManager[str]:
    """Serve `portal` on a free loopback port; yields the base URL."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            portal.requests[urlsplit(self.path).path.split("/")[1] or "/"] += 1
            portal.paths.append(self.path)
            portal.times.append((time.monotonic(), self.path))
            status, html = portal.respond(self.path)
            if status == 429:
                self.send_response(429)
                self.send_header("Retry-After", html or "")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if status in (301, 302) and html is not None:
                self.send_response(status)
                self.send_header("Location", html)
                self.end_headers()
                return
            if html is None:
                self.send_error(status)
                return
            body = html.encode("utf-8")
            shape = portal.answer_shape(self.path)
            if shape != "whole":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[: len(body) // 2] if shape == "cut" else b"")
                self.close_connection = True
                return
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return serve_handler(Handler)
