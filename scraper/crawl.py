"""Run crawls in-process: what `vnnews crawl` and `vnnews demo` call."""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from .politeness import fit_to_hosts
from .registry.admin_units import load_admin_units
from .registry.portals import Portal, Registry
from .run_counts import ANSWERED, article_counts
from .spiders.portal import PortalSpider


@dataclass
class CrawlJob:
    start_urls: list[str]
    portal: str | None = None
    platform: str | None = None
    max_pages: int | None = None
    # Incremental by default; see PortalSpider.
    full: bool = False
    recheck: str | None = None
    since: str | None = None
    until: str | None = None

    @classmethod
    def for_portal(cls, portal: Portal, max_pages: int | None = None) -> CrawlJob:
        return cls(
            start_urls=list(portal.start_urls),
            portal=portal.id,
            platform=portal.platform,
            max_pages=max_pages,
        )


@dataclass
class CrawlResult:
    job: CrawlJob
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, Any]:
        return self.stats.get("vnnews/summary", {})

    @property
    def reached(self) -> bool:
        """Whether the portal answered: a listing page read, or an article stored (a
        re-check's 304 counts) while its listing pages failed (then `listing_stop` says so)."""
        if self.stats.get("vnnews/listing_pages", 0) > 0:
            return True
        counts = article_counts(self.stats)
        return any(counts[f"articles_{outcome}"] for outcome in ANSWERED)


def build_settings(db: str | Path, overrides: dict[str, Any] | None = None) -> Settings:
    # Installed as a package and run from anywhere, scrapy.cfg is not around to name them.
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    settings = get_project_settings()
    settings.set("VNNEWS_DB", str(db), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


class _OneLineDownloadErrors(logging.Filter):
    """Scrapy's robots.txt middleware logs a portal it cannot reach with the network error's
    whole traceback (70 lines of Twisted): its message already says what failed and why."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith("Error downloading"):
            record.exc_info = record.exc_text = None
        return True


_ROBOTS_LOGGER = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
if not any(isinstance(f, _OneLineDownloadErrors) for f in _ROBOTS_LOGGER.filters):
    _ROBOTS_LOGGER.addFilter(_OneLineDownloadErrors())


def run_crawls(jobs: list[CrawlJob], settings: Settings) -> list[CrawlResult]:
    """Crawl every job concurrently in one Twisted reactor; blocks until all are done."""
    process = CrawlerProcess(settings)
    crawlers: list[tuple[CrawlJob, Crawler]] = []
    for job in jobs:
        crawler = process.create_crawler(PortalSpider)
        # Each crawler has its own copy of the settings: a portal on this machine is crawled
        # without delays, the real portals of the same run keep theirs.
        fit_to_hosts(job.start_urls, crawler.settings)
        crawlers.append((job, crawler))
        process.crawl(
            crawler,
            start_urls=job.start_urls,
            portal=job.portal,
            platform=job.platform,
            max_pages=job.max_pages,
            full=job.full,
            recheck=job.recheck,
            since=job.since,
            until=job.until,
        )
    process.start()
    return [
        CrawlResult(job=job, stats=crawler.stats.get_stats() if crawler.stats else {})
        for job, crawler in crawlers
    ]


def prepare_archive(db: str | Path, registry: Registry) -> None:
    """Load the administrative units and the registry's portals into the archive, so that
    articles can be grouped by place as soon as they arrive."""
    from archive import Archive

    with Archive(db) as archive:
        archive.sync_admin_units(asdict(unit) for unit in load_admin_units().values())
        archive.upsert_registry_portals(p.record() for p in registry.portals.values())


def record_runs(db: str | Path, results: list[CrawlResult], run_id: str) -> None:
    """One crawl_runs row per portal crawled: reached or not, stored, failed, and why."""
    from archive import Archive

    with Archive(db) as archive:
        archive.close_crawl_runs(run_id)
        for result in results:
            archive.record_crawl_run({**run_record(result), "run_id": run_id})


def open_runs(db: str | Path, jobs: list[Any], run_id: str) -> None:
    """A "running" crawl_runs row per portal, replaced by `record_runs` at the end: a crawl
    killed before it leaves them, for the next one to mark "interrupted"."""
    from archive import Archive

    with Archive(db) as archive:
        archive.open_crawl_runs([job_portal_id(job) for job in jobs], run_id)


def close_runs(db: str | Path, run_id: str) -> None:
    """Drop the opened rows of a crawl that could not start (a bad setting)."""
    from archive import Archive

    with Archive(db) as archive:
        archive.close_crawl_runs(run_id)


def job_portal_id(job: Any) -> str:
    return job.portal or _host_of(job.start_urls)


def run_record(result: CrawlResult) -> dict[str, Any]:
    stats = result.stats
    statuses = {
        key.rsplit("/", 1)[-1]: value
        for key, value in stats.items()
        if key.startswith("downloader/response_status_count/")
    }
    # Each failed request once, by the reason the spider gave it: Scrapy's own count of
    # download exceptions would add every failure a second time, under the exception's full
    # name, and each retried attempt too.
    errors = {
        key.rsplit("/", 1)[-1]: value
        for key, value in stats.items()
        if key.startswith(("vnnews/articles_failed/", "vnnews/listing_failed/"))
    }
    started, finished = stats.get("start_time"), stats.get("finish_time")
    return {
        "portal_id": job_portal_id(result.job),
        "started_at": started.isoformat(timespec="seconds") if started else None,
        "finished_at": finished.isoformat(timespec="seconds") if finished else None,
        "status": "ok" if result.reached else "unreachable",
        "finish_reason": stats.get("finish_reason"),
        "listing_pages": stats.get("vnnews/listing_pages", 0),
        **article_counts(stats),
        "extraction_warnings": stats.get("vnnews/extraction_warnings", 0),
        "requests": stats.get("downloader/request_count", 0),
        "responses_by_status": statuses,
        "listing_stop": stats.get("vnnews/listing_stop"),
        "moved_to": stats.get("vnnews/moved_to"),
        "errors": errors,
    }


def _host_of(urls: list[str]) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(urls[0]).hostname or "") if urls else ""
