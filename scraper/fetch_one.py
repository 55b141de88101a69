"""Fetch one page for `vnnews detect URL`: a single polite GET, no crawl machinery.

Starting a Scrapy crawler for one page would cost a second of start-up and a reactor; a
plain urllib request with the project's user agent and a timeout is what this needs.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from .settings import DOWNLOAD_TIMEOUT, USER_AGENT

MAX_BYTES = 8_000_000


class FetchError(RuntimeError):
    pass


def fetch_page(url: str, timeout: float = DOWNLOAD_TIMEOUT) -> tuple[bytes, str | None, str]:
    """(body, Content-Type, final URL after redirects). Raises FetchError with a clear reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES)
            return body, response.headers.get("Content-Type"), response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch: {exc.reason}") from exc
    except (TimeoutError, OSError) as exc:
        raise FetchError(f"cannot fetch: {exc}") from exc
