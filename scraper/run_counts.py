"""What one crawl run did to the archive's articles, counted from its Scrapy stats.

The one source of these counts for both the `crawl_runs` row (scraper.crawl.run_record) and
the summary line a user reads at the end of `vnnews crawl` (scraper.progress), so that the
two cannot tell different stories.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Each is the stat `vnnews/articles_<outcome>`, stored as crawl_runs.articles_<outcome>.
OUTCOMES = ("new", "updated", "unchanged", "removed", "failed", "rechecked")
# Those that say the portal answered with its article (a 304 is counted unchanged).
ANSWERED = ("new", "updated", "unchanged")


def article_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """`articles_<outcome>` → count, for every outcome (0 when the run had none)."""
    return {
        f"articles_{outcome}": int(stats.get(f"vnnews/articles_{outcome}", 0))
        for outcome in OUTCOMES
    }
