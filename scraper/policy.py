"""What an incremental crawl fetches again: the re-check policy for known articles.

Young articles are where portals fix typos, add photos or take pages down, so they are
re-checked often; old ones almost never change. Defaults: younger than 7 days on every run,
younger than 60 days once a week; one the portal took down, once a week while younger than
60 days (it may be put back). `--recheck DAYS` or `--recheck all` overrides it for a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


class Known(Protocol):
    first_seen_at: str
    fetched_at: str | None
    published_at: str | None
    removed_at: str | None
    checked_at: str | None


@dataclass(frozen=True)
class RecheckPolicy:
    every_run_days: int = 7
    weekly_days: int = 60
    week: int = 7
    # For one run: "all", or re-check every article younger than this many days.
    override: int | str | None = None

    @classmethod
    def parse(cls, value: str | None, **defaults: int) -> RecheckPolicy:
        """From `--recheck`: None, "all" or a number of days."""
        if value is None or value == "":
            return cls(**defaults)
        if str(value).lower() == "all":
            return cls(override="all", **defaults)
        days = int(value)
        if days < 0:
            raise ValueError("--recheck takes a number of days >= 0 or 'all'")
        return cls(override=days, **defaults)

    def horizon(self, now: datetime) -> datetime | None:
        """The oldest publish time `due` may take (a day's margin): older articles need not
        be read from the archive at all. None: every one may be due."""
        if self.override == "all":
            return None
        days = (
            self.override
            if isinstance(self.override, int)
            else max(self.every_run_days, self.weekly_days)
        )
        return now - timedelta(days=days + 1)

    def due(self, article: Known, now: datetime) -> bool:
        """Whether a known article should be fetched again on this run."""
        if self.override == "all":
            return True
        published = _when(article.published_at or article.first_seen_at, now)
        if published > now:
            # Dated in the future (a server's clock set wrong, a typo in the year): its age
            # counts from when the crawl first saw it, or it would be asked every night until
            # a week past that date.
            published = _when(article.first_seen_at, now)
        age = now - published
        if isinstance(self.override, int):
            return age <= timedelta(days=self.override)
        if article.removed_at:
            # Gone from the portal: asked weekly while young, in case it is put back (an
            # older page of the listing, where the nightly walk never goes, may show it).
            asked = [_when(t, now) for t in (article.removed_at, article.checked_at) if t]
            week_ago = now - timedelta(days=self.week)
            return age <= timedelta(days=self.weekly_days) and max(asked) <= week_ago
        if age <= timedelta(days=self.every_run_days):
            return True
        if age <= timedelta(days=self.weekly_days):
            last = _when(article.fetched_at or article.first_seen_at, now)
            if article.checked_at:
                # Asked for since, read or not: a page that keeps failing its re-check (the
                # home page served at its address, a 500) is asked weekly too.
                last = max(last, _when(article.checked_at, now))
            return now - last >= timedelta(days=self.week)
        return False


def _when(value: str | None, now: datetime) -> datetime:
    """An ISO time (with offset) as an aware datetime; unreadable counts as now (not due)."""
    if not value:
        return now
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return now
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)
