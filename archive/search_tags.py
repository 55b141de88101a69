"""Filter tokens in the search index: each article's portal and publish day, as words.

A search limited to one portal or period must not walk every article that holds a common
word to find the few of that portal (at 1,000,000 articles that walk took 300-700 ms;
benchmarks/search.py). So the index's `tags` column holds made-up words for the portal
(`zp` + its id's letters and digits), the year, the month and the day of publication
(`zy2024`, `zm202407`, `zd20240723`), and a filtered search ANDs the query with them: FTS5
intersects posting lists, skipping through the long ones.

The tokens only narrow the search: they may let through a few articles too many (two portal
ids with the same letters, a date given loosely), never too few; the search query applies its
exact filters to what they let through.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A period bound as people type it: a year, a month or a day, zero padding optional
# ("2025-7-1"), or an ISO time (its day).
_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?)?)?")
# More tokens than this in a period's cover, and the period is left to the exact filter.
MAX_PERIOD_TOKENS = 40
# A province with more portals than this is left to the exact filter (it is broad anyway).
MAX_PORTAL_TOKENS = 300
# A token no article has: the filter of a province without portals.
NOTHING = "zxnothing"


def portal_tag(portal_id: str) -> str:
    return "zp" + _NOT_ALNUM.sub("", portal_id.lower())


def day_tags(published_at: str | None) -> list[str]:
    """The year, month and day tokens of an ISO publish time (its own, local, date)."""
    match = _DAY.match(published_at or "")
    if not match or not match.group(3):
        return []
    year, month, day = match.groups()
    return [f"zy{year}", f"zm{year}{month}", f"zd{year}{month}{day}"]


def tags_of(portal_id: str | None, published_at: str | None) -> str:
    """The tags column of an article."""
    return " ".join(([portal_tag(portal_id)] if portal_id else []) + day_tags(published_at))


def period_bound(text: str | None, last: bool) -> date | None:
    """'2024', '2024-07' or '2024-07-23' (or '2024-7-23', or an ISO time) as its first or
    last day; None when `text` is no such date ('01/07/2025', '2024-02-30')."""
    match = _BOUND.fullmatch((text or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, day)
    except ValueError:  # no such month or day
        return None


def period_tags(since: str | None, until: str | None) -> list[str]:
    """The fewest year, month and day tokens that cover [since, until]; [] when the period
    is open, unreadable or needs too many tokens (then only the exact filter applies)."""
    first, last = period_bound(since, last=False), period_bound(until, last=True)
    if first is None or last is None or first > last:
        return []
    tokens: list[str] = []
    day = first
    while day <= last and len(tokens) <= MAX_PERIOD_TOKENS:
        year_end = date(day.year, 12, 31)
        month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        if day.month == 1 and day.day == 1 and year_end <= last:
            tokens.append(f"zy{day.year}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= last:
            tokens.append(f"zm{day.year}{day.month:02d}")
            day = month_end + timedelta(days=1)
        else:
            tokens.append(f"zd{day:%Y%m%d}")
            day += timedelta(days=1)
    return tokens if len(tokens) <= MAX_PERIOD_TOKENS else []


def tag_filter(
    portal: str | None,
    since: str | None,
    until: str | None,
    portals: list[str] | None = None,
) -> str:
    """An FTS5 expression on the tags column to AND with the query, or '' for none.
    `portals` is the list of a province's portals when the search is limited to one."""
    parts = []
    if portal:
        parts.append(f"tags : {portal_tag(portal)}")
    if portals is not None and len(portals) <= MAX_PORTAL_TOKENS:
        tokens = sorted({portal_tag(p) for p in portals}) or [NOTHING]
        parts.append(f"tags : ({' OR '.join(tokens)})")
    if tokens := period_tags(since, until):
        parts.append(f"tags : ({' OR '.join(tokens)})")
    return " AND ".join(parts)
