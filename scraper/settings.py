"""Scrapy settings for vnnews: polite by default, overridable with -s NAME=VALUE or env vars."""

from __future__ import annotations

import os

BOT_NAME = "vnnews"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

PROJECT_URL = "https://github.com/vnnews/vnnews"
USER_AGENT = f"vnnews/0.1 (+{PROJECT_URL}; archive of public government news)"

# Politeness: these are public-service portals on small servers.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = float(os.getenv("VNNEWS_DOWNLOAD_DELAY", "0.5"))
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Portals are slow and flaky: retry a few times, then count the failure and go on.
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# A portal serving a runaway page must not eat the machine's memory.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# What a portal asks of crawlers, kept: its robots.txt's Crawl-delay, a 429's or 503's
# Retry-After (scraper/middlewares.py).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scraper.middlewares.CrawlDelayRobotsTxtMiddleware": 100,
    "scraper.middlewares.RetryAfterMiddleware": 560,
}

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.getenv("VNNEWS_LOG_LEVEL", "INFO")

ITEM_PIPELINES = {"scraper.pipelines.ArchivePipeline": 300}
EXTENSIONS = {"scraper.progress.CrawlProgress": 500}

# Where articles are stored (the `--db` option of `vnnews crawl`).
VNNEWS_DB = os.getenv("VNNEWS_DB", "data/archive.db")
# Seconds between progress lines on stderr; 0 turns them off.
VNNEWS_PROGRESS_INTERVAL = float(os.getenv("VNNEWS_PROGRESS_INTERVAL", "5"))
# Incremental crawls: stop paging after this many listing pages in a row holding only known
# articles. (Two: a new article dated days back, as wards post a meeting late, sorts onto page 2.)
VNNEWS_KNOWN_PAGES_TO_STOP = int(os.getenv("VNNEWS_KNOWN_PAGES_TO_STOP", "2"))
# Keep every fetched article response (compressed) for re-extraction and WARC export.
VNNEWS_CAPTURE = os.getenv("VNNEWS_CAPTURE", "1") not in ("0", "false", "no")
