"""Run crawls in-process: what `vnnews crawl` and `vnnews demo` call."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from .spiders.portal import PortalSpider

# Settings that make a crawl of a server on this machine fast: no delays, more parallelism.
# Only for loopback demos, tests and benchmarks, never for real portals.
LOOPBACK_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_TIMES": 1,
}


@dataclass
class CrawlJob:
    start_urls: list[str]
    portal: str | None = None
    platform: str | None = None
    max_pages: int | None = None


@dataclass
class CrawlResult:
    job: CrawlJob
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, Any]:
        return self.stats.get("vnnews/summary", {})

    @property
    def reached(self) -> bool:
        """Whether any listing page of the portal could be read."""
        return self.stats.get("vnnews/listing_pages", 0) > 0


class ConfigError(ValueError):
    pass


def load_portals_config(path: Path) -> list[CrawlJob]:
    """Read the configured portals (`portals.toml`): [[portals]] with id, start_urls, platform."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file; give listing URLs or --config FILE") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    jobs = []
    for index, entry in enumerate(data.get("portals", []), start=1):
        urls = entry.get("start_urls")
        if not urls or not isinstance(urls, list):
            raise ConfigError(f"{path}: portal #{index} ({entry.get('id')!r}) has no start_urls")
        jobs.append(
            CrawlJob(start_urls=urls, portal=entry.get("id"), platform=entry.get("platform"))
        )
    if not jobs:
        raise ConfigError(f"{path}: no [[portals]] entries")
    return jobs


def build_settings(db: str | Path, overrides: dict[str, Any] | None = None) -> Settings:
    # Installed as a package and run from anywhere, scrapy.cfg is not around to name them.
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    settings = get_project_settings()
    settings.set("VNNEWS_DB", str(db), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawls(jobs: list[CrawlJob], settings: Settings) -> list[CrawlResult]:
    """Crawl every job concurrently in one Twisted reactor; blocks until all are done."""
    process = CrawlerProcess(settings)
    crawlers: list[tuple[CrawlJob, Crawler]] = []
    for job in jobs:
        crawler = process.create_crawler(PortalSpider)
        crawlers.append((job, crawler))
        process.crawl(
            crawler,
            start_urls=job.start_urls,
            portal=job.portal,
            platform=job.platform,
            max_pages=job.max_pages,
        )
    process.start()
    return [
        CrawlResult(job=job, stats=crawler.stats.get_stats() if crawler.stats else {})
        for job, crawler in crawlers
    ]
