"""Politeness by host: real portals get the polite settings of scraper/settings.py, a server on
this machine (a saved copy of a portal, the demo, tests, benchmarks) none of them.

Decided per crawler, that is per portal, so that a registry portal served on 127.0.0.1 is
crawled as fast as the same URL given on the command line, while the real portals crawled in
the same run keep their delays.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import SETTINGS_PRIORITIES, Settings

# Settings that make a crawl of a server on this machine fast: no delays, more parallelism.
LOOPBACK_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_TIMES": 1,
}
# Settings scraper/settings.py reads from the environment: set there, they are the user's too.
_FROM_ENVIRONMENT = {"DOWNLOAD_DELAY": "VNNEWS_DOWNLOAD_DELAY"}


def is_loopback(url: str) -> bool:
    """Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost): a saved copy of a
    portal served locally, which needs none of the politeness a real portal is owed."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def on_this_machine(urls: Sequence[str]) -> bool:
    """Whether every start URL of a crawl is on this machine (the spider never leaves them)."""
    return bool(urls) and all(is_loopback(url) for url in urls)


def fit_to_hosts(urls: Sequence[str], settings: Settings) -> None:
    """Adjust the settings of the crawler of `urls` to their hosts: when all are on this
    machine, the LOOPBACK_SETTINGS, except those the user set (-s NAME=VALUE, or the delay
    with $VNNEWS_DOWNLOAD_DELAY); the polite defaults otherwise."""
    if not on_this_machine(urls):
        return
    for name, value in LOOPBACK_SETTINGS.items():
        if not _set_by_user(settings, name):
            settings.set(name, value, priority="cmdline")


def _set_by_user(settings: Settings, name: str) -> bool:
    if (settings.getpriority(name) or 0) >= SETTINGS_PRIORITIES["cmdline"]:
        return True
    variable = _FROM_ENVIRONMENT.get(name)
    return variable is not None and variable in os.environ
