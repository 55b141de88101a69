"""Serve a SamplePortal over loopback HTTP, in a background thread or in the foreground.

    python -m scraper.demo.server --articles 2000 --port 0

prints the base URL (e.g. "http://127.0.0.1:41234") on its first line, then serves until
interrupted or terminated.
"""

from __future__ import annotations

import argparse
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType

from .portal import SamplePortal


class _PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    # Crawlers open many connections at once; the default backlog of 5 drops some under load.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], portal: SamplePortal) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.portal = portal
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    # Keep-alive, like the real portal's Tomcat; every response carries a Content-Length.
    protocol_version = "HTTP/1.1"
    # Headers and body written separately on a kept-alive connection meet Nagle's algorithm
    # and the client's delayed ACK: 40 ms per request. Send at once, and without delay.
    disable_nagle_algorithm = True
    wbufsize = 1 << 18
    server_version = "Apache-Coyote/1.1"
    sys_version = ""
    server: _PortalServer

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        status, headers, body = self.server.portal.respond(self.path)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # a crawl of thousands of pages would otherwise flood stderr


def base_url(server: _PortalServer) -> str:
    host, port = server.server_address[:2]
    host = str(host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextmanager
def serve_portal(portal: SamplePortal, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `portal` in a daemon thread; yields the base URL; stops the server on exit.

    Port 0 picks a free port. Bind only loopback addresses: the portal is for tests and demos.
    """
    server = _PortalServer((host, port), portal)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield base_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run_forever(portal: SamplePortal, host: str, port: int) -> None:
    """Serve in the foreground until SIGINT or SIGTERM; prints the base URL first."""
    server = _PortalServer((host, port), portal)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    # The server runs in a thread and the main thread only waits: a signal handler that
    # raised inside serve_forever could land in its bookkeeping and leave it serving.
    signal.signal(signal.SIGTERM, stop)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
    )
    thread.start()
    print(base_url(server), flush=True)
    try:
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the vnnews sample Liferay portal.")
    parser.add_argument(
        "--articles",
        type=int,
        default=None,
        help="generate N articles (default: the hand-written set)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--no-faults",
        action="store_true",
        help="generated set only: leave out the 500/404/error-page/no-date entries",
    )
    args = parser.parse_args(argv)
    portal = SamplePortal(args.articles, seed=args.seed, faults=not args.no_faults)
    run_forever(portal, args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
