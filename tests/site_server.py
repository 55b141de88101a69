"""Serve the constructed fixture portals of `tests/sites/<platform>/` on 127.0.0.1.

Each site is a folder of constructed pages and a `site.json`:

    platform  the adapter the crawl must detect, without being told
    start     the section listing path the crawl starts from
    pages     {"/path?query": "file_constructed.html"}: the site's whole URL space
    articles  how many article pages the crawl must store from `start`

Pages link with root-relative URLs, so the same files work at their real address (the
goldens' `url`) and on a loopback port. Unknown paths are 404, as on a real portal.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote

from scraper.canonical import canonical_url

from .loopback import QuietHandler, serve_handler

SITES = Path(__file__).resolve().parent / "sites"


@dataclass(frozen=True)
class Site:
    folder: Path
    platform: str
    start: str
    pages: dict[str, str]
    articles: int

    @property
    def name(self) -> str:
        return self.folder.name


def load_sites() -> list[Site]:
    sites = []
    for config in sorted(SITES.glob("*/site.json")):
        data = json.loads(config.read_text(encoding="utf-8"))
        sites.append(
            Site(
                folder=config.parent,
                platform=data["platform"],
                start=data["start"],
                pages=data["pages"],
                articles=data["articles"],
            )
        )
    return sites


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    routes = {unquote(path): name for path, name in site.pages.items()}
    # As a portal's server does, answer whatever the link said it came from ("Source=…",
    # "redirect=…"): the crawl asks for the address without it.
    bare = {_bare(path): name for path, name in site.pages.items()}

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            name = (
                site.pages.get(self.path)
                or routes.get(unquote(self.path))
                or bare.get(_bare(self.path))
            )
            if name is None:
                self.send_error(404)
                return
            body = (site.folder / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _bare(path: str) -> str:
    return canonical_url("http://site" + path).removeprefix("http://site")


def serve_site(site: Site) -> AbstractContextManager[str]:
    """Serve `site` on a free loopback port; yields the base URL (no trailing slash)."""
    return serve_handler(_handler(site))
