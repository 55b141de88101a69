"""Health of the crawled portals, from crawl_runs and articles: which ones need a look.

Local-government portals move, break and redesign without notice (PORTALS.md: hosts renamed in
the 2025 reform, listing markup changed between Liferay versions); a crawl still "succeeds" but
stores nothing, or fails on most articles, or a portal stops publishing. Six findings:

- stored-nothing: the portal's last run was unreachable, or ok but stored no article while
  failing on some or finding no article link at all (an incremental run that simply found
  nothing new is healthy);
- failure-jump: the last run's failure rate exceeds the mean of the previous `window` runs by
  more than `failure_jump` (only when it attempted at least MIN_ATTEMPTS articles, and reached
  the portal: a portal down fails every article, and stored-nothing says so);
- listing-failed: the last run reached the portal but a listing page failed (an HTTP error
  after the retries, a timeout, an unreadable page), so a section was walked only up to it
  (`crawl_runs.listing_stop`); the next run walks on from there;
- interrupted: the last run ended before its summary was written (killed, a power cut): its
  row, written "running" when it started, was found so by the next crawl;
- moved: the last run found a news section redirecting to another site (a host renamed in the
  2025 reform): its new address, to put in the registry (`crawl_runs.moved_to`);
- stale: no article first seen within `stale_days` (among portals that have articles).

HEALTH_SQL is the one implementation: health_report() runs it, and Datasette serves it as the
`health` canned query, so both always agree. Every parameter is optional there (an empty form
field means the default) and "now" defaults to datetime('now').
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

Kind = Literal["stored-nothing", "failure-jump", "listing-failed", "interrupted", "moved", "stale"]
MIN_ATTEMPTS = 3
DEFAULT_STALE_DAYS = 30
DEFAULT_FAILURE_JUMP = 0.3
DEFAULT_WINDOW = 5

# Runs are ordered by started_at, then id (runs recorded in the same second). Timestamps are
# compared through julianday(), which reads both ISO 8601 with offset and SQLite's own format.
# No colon may appear in string literals: Datasette would take ":x" there for a parameter.
HEALTH_SQL = f"""with params as (
  select
    coalesce(nullif(:now, ''), datetime('now')) as now,
    coalesce(nullif(:stale_days, ''), {DEFAULT_STALE_DAYS}) + 0 as stale_days,
    coalesce(nullif(:failure_jump, ''), {DEFAULT_FAILURE_JUMP}) + 0.0 as failure_jump,
    coalesce(nullif(:window, ''), {DEFAULT_WINDOW}) + 0 as window_runs
),
runs as (
  select
    portal_id, id, started_at, status, coalesce(listing_stop, '') as listing_stop, moved_to,
    coalesce(articles_new, 0) + coalesce(articles_updated, 0)
      + coalesce(articles_unchanged, 0) as stored,
    coalesce(articles_failed, 0) as failed,
    row_number() over (partition by portal_id order by started_at desc, id desc) as recency
  from crawl_runs
  where status != 'running'
),
rated as (
  select *, case when stored + failed > 0 then 1.0 * failed / (stored + failed) end as rate
  from runs
),
last_run as (select * from rated where recency = 1),
baseline as (
  select rated.portal_id, avg(rated.rate) as mean_rate, count(rated.rate) as runs
  from rated, params
  where rated.recency between 2 and params.window_runs + 1
  group by rated.portal_id
)
select portal_id, 'stored-nothing' as kind,
  case when status = 'unreachable'
    then printf('last run (started %s) could not reach the portal', started_at)
    else printf('last run (started %s) finished ok but stored no article', started_at)
  end as detail
from last_run
where moved_to is null and (status = 'unreachable'
  -- An incremental run that found nothing new ("known-page") is healthy; an ok run that
  -- stored nothing while failing articles, or read a listing with no article links, is not.
  or (status = 'ok' and stored = 0 and (failed > 0 or listing_stop in ('empty', ''))))
union all
select last_run.portal_id, 'failure-jump' as kind,
  printf('last run (started %s) failed on %d of %d articles (%.0f%%), against %.0f%% over the '
    || 'previous %d runs', last_run.started_at, last_run.failed,
    last_run.failed + last_run.stored, 100 * last_run.rate, 100 * baseline.mean_rate,
    baseline.runs) as detail
from last_run join baseline on baseline.portal_id = last_run.portal_id, params
where last_run.failed + last_run.stored >= {MIN_ATTEMPTS}
  -- (A portal down fails every article it is asked for: stored-nothing says so, not this.)
  and last_run.status != 'unreachable'
  and baseline.mean_rate is not null
  and last_run.rate > baseline.mean_rate + params.failure_jump
union all
-- Not for an unreachable portal (stored-nothing says so): its first page failed.
select portal_id, 'listing-failed' as kind,
  printf('last run (started %s) stopped walking a section at a listing page that failed '
    || '(an HTTP error, a timeout or an unreadable page); the next run walks on from there',
    started_at) as detail
from last_run
where status = 'ok' and listing_stop = 'listing-failed'
union all
select portal_id, 'interrupted' as kind,
  printf('last run (started %s) ended before its summary (killed, or the machine stopped): '
    || 'the next run walks its sections again', started_at) as detail
from last_run
where status = 'interrupted'
union all
select portal_id, 'moved' as kind,
  printf('last run (started %s) found a news section moved to another site: it redirects to '
    || '%s (update the portal''s address)', started_at, moved_to) as detail
from last_run
where moved_to is not null
union all
select portal_id, 'stale' as kind,
  printf('no new article for %d days (last first seen %s)',
    cast(julianday(params.now) - max(julianday(first_seen_at)) as integer),
    max(first_seen_at)) as detail
from articles, params
where portal_id is not null
group by portal_id
having max(julianday(first_seen_at)) < julianday(params.now) - params.stale_days
order by portal_id, kind"""


@dataclass(frozen=True)
class Finding:
    portal_id: str
    kind: Kind
    detail: str


def health_report(
    conn: sqlite3.Connection,
    *,
    now: str,
    stale_days: int = DEFAULT_STALE_DAYS,
    failure_jump: float = DEFAULT_FAILURE_JUMP,
    window: int = DEFAULT_WINDOW,
) -> list[Finding]:
    """Portals needing attention as of `now` (ISO 8601), by portal then kind."""
    params = {
        "now": now,
        "stale_days": stale_days,
        "failure_jump": failure_jump,
        "window": window,
    }
    return [Finding(*row) for row in conn.execute(HEALTH_SQL, params)]
