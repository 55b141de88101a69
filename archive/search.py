"""Vietnamese full-text search over the archive: the folded index and the one search query.

`articles_search` is an FTS5 table of the articles' text folded by archive.vietnamese.fold
(no diacritics, đ → d, one tone placement), keyed on each article's search key (its publish
time, then its rowid: search_key) and written by the archive's own writes (store.py) in the
article's transaction. The same SQL serves the Datasette canned query `search` and `vnnews
search`; it needs the SQL functions of `register_functions` (the vnnews_search Datasette plugin
registers them on Datasette's connections).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from archive.places import province_key
from archive.search_tags import period_bound, tag_filter, tags_of
from archive.vietnamese import (
    WORD,
    as_typed,
    excluded_with_accents,
    fold,
    held_as_typed,
    highlight_snippet,
    holds_excluded,
    parse_query,
    query_terms,
)

SEARCH_TABLE = "articles_search"
SEARCH_COLUMNS = ("title", "summary", "body", "byline")
# The index's last column holds filter tokens (archive.search_tags), not text.
INDEX_COLUMNS = (*SEARCH_COLUMNS, "tags")
# Every text column, as an FTS5 column filter (not `tags`, the filter tokens).
_TEXT_COLUMNS = "{" + " ".join(SEARCH_COLUMNS) + "}"
# A phrase with no word: FTS5 accepts it and it matches nothing (an empty MATCH is an error).
NO_MATCH = '"-"'
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

_INSERT = (
    f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(INDEX_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
)
# The index is contentless (it keeps no copy of the text): a row is removed by giving FTS5 the
# text it indexed, which fold() of the stored original reproduces. A change to fold() therefore
# needs a migration that calls reindex(), and so does text edited in SQL (`vnnews reindex`).
_DELETE = (
    f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rowid, {', '.join(INDEX_COLUMNS)}) "
    "VALUES ('delete', ?, ?, ?, ?, ?, ?)"
)
# The article fields the index is made of.
_INDEXED_FIELDS = ", ".join((*SEARCH_COLUMNS, "portal_id", "published_at"))

# The index's rowid is the article's search key: its publish time in seconds (the wall-clock
# digits of published_at, which is what its string order follows) above its rowid. FTS5 walks
# a query's hits in rowid order, so walking the index backwards is walking the articles newest
# published first (then newest archived), and a page of results is read without looking at
# the hits past it. 32 bits of seconds since 1970 (to 2106) and 31 bits of rowid fit SQLite's
# 64-bit integer. An undated article counts 0 seconds and comes last, as NULL sorts in
# `published_at desc`; a date before 1970 counts 1 second.
ROWID_BITS = 31
ROWID_MASK = (1 << ROWID_BITS) - 1
_MAX_SECONDS = (1 << 32) - 1
# The wall-clock digits counted as UTC: a count that follows their order, not an instant.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WALL_CLOCK = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_SET_SEARCH_KEY = "UPDATE articles SET search_key = ? WHERE rowid = ?"

# Ranking, in tiers: the query's words as one phrase in the title, in the lead (summary), in
# the text (body or byline); then the words anywhere in the title, the lead, the text. Newest
# published first within each tier (then newest archived). Not bm25: SQLite's bm25() first
# counts, for each query word, every article that contains it (its IDF), which takes 60-900 ms
# for a common word in a million articles (benchmarks/search.py). Each tier takes as many hits
# as the results asked for: FTS5 walks them in search-key order (newest published first) and
# stops early, so a page is the true first page of the tier, whatever order the articles were
# archived in.
TIERS = [(column, whole) for whole in (True, False) for column in ("title", "summary", None)]

# Empty parameters mean "no filter" (Datasette passes '' for a form field left blank). The
# filters are checked hit by hit, on the few hits the tags let through (archive.search_tags):
# a set of every article of a filter, computed first, cost 130 ms at a million articles.
# since and until are a year, a month or a day (archive.search_tags.period_bound); other text
# is an error (vnnews_day_bound raises), never a silent string comparison. published_at <
# last day || 'z' keeps the whole last day ('z' sorts after 'T'). A province is its GSO code
# ("1" too, also when admin_units is not filled), another name ("TP.HCM") or its name in any
# spelling ("ha noi", "ha-noi" find Thành phố Hà Nội: archive.places.province_key); `vnnews
# search` resolves the same and refuses an unknown name first (scraper/cli_common.py).
_LIMIT = f"min(max(cast(coalesce(nullif(:limit, ''), {DEFAULT_LIMIT}) as integer), 1), {MAX_LIMIT})"
_NO_FILTER = (
    "(coalesce(:portal, '') || coalesce(:province, '') || coalesce(:since, '') "
    "|| coalesce(:until, '') = '' and not vnnews_excludes_as_typed(:q))"
)
_PROVINCES = """select code from admin_units
            where level = 'province' and (code = vnnews_province_key(:province)
              or vnnews_province_key(name) = vnnews_province_key(:province))"""


# A province's portals: those of today's province, and those of units that belonged to it in
# their time (a province merged away in 2025, "Ninh Thuận", keeps its former portals).
_IN_PROVINCE = f"""(portals.province_code = vnnews_province_key(:province)
            or portals.province_code in ({_PROVINCES})
            or portals.unit_id in (
              select id from admin_units where province_code in ({_PROVINCES})))"""
_FILTERS = f"""exists (
        select 1 from articles join portals on portals.id = articles.portal_id
        where articles.rowid = {SEARCH_TABLE}.rowid & {ROWID_MASK}
          and (coalesce(:portal, '') = '' or articles.portal_id = :portal)
          and (coalesce(:province, '') = '' or {_IN_PROVINCE})
          and (coalesce(:since, '') || coalesce(:until, '') = ''
            or (articles.published_at >= coalesce(vnnews_day_bound(:since, 0), '0')
              and articles.published_at < coalesce(vnnews_day_bound(:until, 1), '9') || 'z'))
          -- (Last, and only for a query that excludes words as typed, as it reads the texts.)
          and (not vnnews_excludes_as_typed(:q)
            or not vnnews_holds_excluded(:q, articles.title, articles.summary, articles.body,
              articles.byline)))"""
# The portals of the province filter, as a JSON list for the tags (NULL without the filter).
# A province that is neither a unit of admin_units nor the code of some portal is an error
# (vnnews_unknown_province raises), as in `vnnews search`: an empty page would read as "no
# article of that province". (A code is taken on trust by an archive without admin_units:
# `vnnews search` checked it against the registry's units.)
_UNKNOWN_PROVINCE = f"""not exists ({_PROVINCES}) and not exists (select 1 from portals
          where portals.province_code = vnnews_province_key(:province))
        and (trim(:province) glob '*[^0-9]*'
          or exists (select 1 from admin_units where level = 'province'))"""
_PROVINCE_PORTALS = f"""case when coalesce(:province, '') = '' then null
      when {_UNKNOWN_PROVINCE}
      then vnnews_unknown_province(:province)
      else (select json_group_array(id) from portals where {_IN_PROVINCE}) end"""


def _tier_hits(tier: int, column: str | None, whole: bool) -> str:
    """CTE `tier<n>`: the search keys of the tier's newest hits, none when the tiers above
    fill the page already (their walk is not even started)."""
    match = (
        f"vnnews_fts_match(:q, '{column or ''}', {int(whole)}, :portal, :since, :until, "
        f"{_PROVINCE_PORTALS})"
    )
    above = " union ".join(f"select id from tier{t}" for t in range(tier))
    limit = f"case when (select count(*) from ({above})) >= {_LIMIT} then 0 else {_LIMIT} end"
    return f"""tier{tier} as materialized (
  select rowid as id, {tier} as tier from {SEARCH_TABLE}
  where {SEARCH_TABLE} match {match}
    and ({_NO_FILTER} or {_FILTERS})
  order by rowid desc
  limit {limit if tier else _LIMIT}
)"""


_TIERS_SQL = ",\n".join(_tier_hits(t, c, w) for t, (c, w) in enumerate(TIERS))
_HITS = " union all ".join(f"select * from tier{t}" for t in range(len(TIERS)))

# Ordering by the search key is ordering by publish time, then rowid. The rows of the page
# that hold the query's accented words written as typed come first ("bão", the storm, before
# "báo", the newspaper: both fold to "bao"); a query typed without accents keeps the tiers'
# order. Snippets are built in the outer query, for the rows shown only. removed_at marks the articles the portal took
# down: the archive keeps them, often the only copy left.
SEARCH_SQL = f"""with {_TIERS_SQL},
hits as materialized ({_HITS}),
ranked as materialized (
  select id, min(tier) as tier from hits
  group by id
  order by tier, id desc
  limit {_LIMIT}
)
select
  articles.title,
  articles.published_at,
  articles.portal_id,
  articles.url,
  vnnews_snippet(:q, articles.title, articles.body, articles.summary, articles.byline)
    as snippet,
  articles.removed_at
from ranked
  join articles on articles.rowid = ranked.id & {ROWID_MASK}
order by vnnews_as_typed(:q, articles.title, articles.summary, articles.body) desc,
  ranked.tier, ranked.id desc"""


def fts_query(
    query: str | None,
    whole: bool = False,
    columns: str | None = None,
    typed_exclusions: bool = False,
) -> str:
    """An FTS5 MATCH expression for a user's query: folded words, quoted, implicitly ANDed;
    a quoted part of the query stays a phrase; OR and NOT typed in capitals are FTS5's. Never
    an FTS5 syntax error. `whole`: the words of each alternative as one phrase, or no match
    when no alternative has two phrases to join (the other form finds the same). `columns`:
    an FTS5 column filter for the words sought ("title", "{title body}"); what NOT excludes
    is excluded wherever in the article it stands. `typed_exclusions`: leave out what NOT
    excludes with diacritics, which the caller excludes as typed (SEARCH_SQL does: the folded
    index cannot tell "báo" from "bão"); the table's search box excludes it folded."""
    alternatives = parse_query(query)
    if not alternatives or (whole and all(len(a.phrases) == 1 for a in alternatives)):
        return NO_MATCH
    scope = f"{columns} : " if columns else ""
    accented = [
        [w for w in map(fold, WORD.findall(phrase)) if w]
        for phrase in (excluded_with_accents(query) if typed_exclusions else ())
    ]
    parts = []
    for alternative in alternatives:
        phrases = alternative.phrases
        if whole:
            phrases = [[word for words in phrases for word in words]]
        part = " ".join(map(_quoted, phrases))
        if scope or alternative.excluded:
            part = f"{scope}({part})"
        # (Those typed with diacritics are excluded as typed, by SEARCH_SQL's filter.)
        unfolded = [p for p in alternative.excluded if p not in accented]
        if unfolded:
            excluded = " OR ".join(map(_quoted, unfolded))
            part = f"{part} NOT {_TEXT_COLUMNS} : ({excluded})"
        parts.append(part)
    return parts[0] if len(parts) == 1 else " OR ".join(f"({part})" for part in parts)


def _quoted(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def fts_match(
    query: str | None,
    column: str | None = None,
    whole: bool | int = False,
    portal: str | None = None,
    since: str | None = None,
    until: str | None = None,
    province_portals: str | None = None,
) -> str:
    """The MATCH expression of one search tier: the query (as one phrase if `whole`) in
    `column` (any text column when empty), ANDed with the filter tokens of a portal, a period and the portals of a province
    (a JSON list). Raises ValueError for a `since` or `until` that is no date, so that a bad
    period is an error even when no article matches."""
    day_bound(since, last=False)
    day_bound(until, last=True)
    expression = fts_query(query, bool(whole), column or _TEXT_COLUMNS, typed_exclusions=True)
    portals = json.loads(province_portals) if province_portals is not None else None
    tags = tag_filter(portal, since, until, portals)
    return f"({expression}) AND {tags}" if tags else expression


def day_bound(text: str | None, last: bool) -> str | None:
    """The first (or last) day of the period `text` as YYYY-MM-DD, None when empty; ValueError
    when it is no year, month or day (see archive.search_tags.period_bound)."""
    if text is None or not text.strip():
        return None
    bound = period_bound(text, last)
    if bound is None:
        raise ValueError(
            f"{text!r} is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY "
            "(2025-07-01, 2025-07 or 2025; zero padding optional: 2025-7-1)"
        )
    return bound.isoformat()


def search_box_query(query: str | None) -> str:
    """fts_query in the form Datasette's escape_fts() turns into fts_query: single words bare
    (as a reader would type them in the search box, which shows this value), phrases quoted.
    (A query with OR or NOT has no such form: the search box plugin sends its fts_query raw.)"""
    phrases = query_terms(query)
    if not phrases:
        return NO_MATCH
    return " ".join(
        words[0] if len(words) == 1 else '"' + " ".join(words) + '"' for words in phrases
    )


def snippet(query: str | None, title: str | None, *texts: str | None) -> str:
    """Readable original text of `texts` around the hits of `query`, hits wrapped in <mark>:
    a phrase where its words stand in a row, a word typed with accents only where it is
    written so when the article (its `title` too) writes it so somewhere, as SEARCH_SQL ranks
    it (an article found only through folding, "báo" for "bão", shows the folded hits)."""
    terms = query_terms(query)
    alternatives = parse_query(query)
    return highlight_snippet(
        texts,
        {words[0] for words in terms if len(words) == 1},
        # (The query as typed, its first alternative, is shown where its words stand together.)
        anchor=tuple(w for words in alternatives[0].phrases for w in words) if terms else (),
        phrases={tuple(words) for words in terms if len(words) > 1},
        typed=held_as_typed(query, title, *texts),
    )


def unknown_province(text: str) -> None:
    """Raises: SQL's way to refuse a province (SQLite reports it as the function's error)."""
    raise ValueError(unknown_province_message(text))


def unknown_province_message(text: str) -> str:
    return (
        f"unknown province {text!r}: give its GSO code (01 for Hà Nội, 48 for Đà Nẵng) or its "
        "name, with or without accents (Đà Nẵng, da nang, TP.HCM)"
    )


def filter_problem(
    conn: sqlite3.Connection,
    province: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> str | None:
    """What SEARCH_SQL would refuse in these filters, in words (None when nothing): SQLite
    reports the error of a Python SQL function as "user-defined function raised exception",
    without its message, so a caller that shows errors to people asks this first. `conn`
    needs register_functions."""
    for name, text, last in (("since", since, False), ("until", until, True)):
        try:
            day_bound(text, last)
        except ValueError as error:
            return f"{name}: {error}"
    if province and province.strip():
        (unknown,) = conn.execute(f"select {_UNKNOWN_PROVINCE}", {"province": province}).fetchone()
        if unknown:
            return unknown_province_message(province)
    return None


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions SEARCH_SQL uses; call on every connection that runs it."""
    conn.create_function("vnnews_fold", 1, fold, deterministic=True)
    conn.create_function("vnnews_fts_query", 1, fts_query, deterministic=True)
    conn.create_function("vnnews_province_key", 1, province_key, deterministic=True)
    conn.create_function("vnnews_fts_match", 7, fts_match, deterministic=True)
    conn.create_function("vnnews_snippet", -1, snippet, deterministic=True)
    conn.create_function("vnnews_as_typed", -1, as_typed, deterministic=True)
    conn.create_function("vnnews_day_bound", 2, day_bound, deterministic=True)
    conn.create_function(
        "vnnews_excludes_as_typed",
        1,
        lambda query: int(bool(excluded_with_accents(query))),
        deterministic=True,
    )
    conn.create_function("vnnews_holds_excluded", -1, holds_excluded, deterministic=True)
    # Not deterministic: SQLite evaluates a deterministic call with constant arguments once,
    # before the statement runs, whatever CASE branch it stands in.
    conn.create_function("vnnews_unknown_province", 1, unknown_province)
    conn.create_function("vnnews_search_key", 2, search_key, deterministic=True)


def _publish_seconds(published_at: str | None) -> int:
    match = _WALL_CLOCK.match(published_at or "")
    if not match:
        return 0
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        try:  # an impossible time of a real day: the day
            moment = datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            return 0
    return min(max(int((moment - _EPOCH).total_seconds()), 1), _MAX_SECONDS)


def search_key(rowid: int, published_at: str | None) -> int:
    """The article's rowid in the search index: its publish time above its own rowid, so
    that the index's order is newest published first (see ROWID_BITS)."""
    if not 0 < rowid <= ROWID_MASK:
        raise ValueError(f"article rowid {rowid} does not fit the search key")
    return _publish_seconds(published_at) << ROWID_BITS | rowid


def folded_row(record: Mapping[str, Any]) -> tuple[str, ...]:
    """An article's values for the index, in INDEX_COLUMNS order."""
    tags = tags_of(record.get("portal_id"), record.get("published_at"))
    return (*(fold(record.get(column)) for column in SEARCH_COLUMNS), tags)


def index_article(
    conn: sqlite3.Connection,
    rowid: int,
    record: Mapping[str, Any],
    previous: Mapping[str, Any] | None = None,
) -> None:
    """(Re)index one article's folded text, in the caller's transaction, and store its search
    key; `previous` is the article's text as it was indexed (its stored columns before the
    update), if it was."""
    if previous is not None:
        indexed_key = search_key(rowid, previous.get("published_at"))
        conn.execute(_DELETE, (indexed_key, *folded_row(previous)))
    key = search_key(rowid, record.get("published_at"))
    conn.execute(_INSERT, (key, *folded_row(record)))
    conn.execute(_SET_SEARCH_KEY, (key, rowid))


def indexed_text(conn: sqlite3.Connection, rowid: int) -> dict[str, Any]:
    """The stored values of article `rowid`, as index_article needs them to remove the row."""
    cursor = conn.execute(f"SELECT {_INDEXED_FIELDS} FROM articles WHERE rowid = ?", (rowid,))
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def rebuild_index(conn: sqlite3.Connection, batch: int = 1000) -> int:
    """Index every article into the empty index just created by a migration; returns the
    number of articles indexed. The articles' search_key column is fill_search_keys' job (a
    migration older than the column calls this too)."""
    cursor = conn.execute(f"SELECT rowid, {_INDEXED_FIELDS} FROM articles")
    names = [d[0] for d in cursor.description][1:]
    count = 0
    while rows := cursor.fetchmany(batch):
        records = (dict(zip(names, r[1:], strict=True)) | {"rowid": r[0]} for r in rows)
        conn.executemany(
            _INSERT,
            ((search_key(r["rowid"], r["published_at"]), *folded_row(r)) for r in records),
        )
        count += len(rows)
    return count


def fill_search_keys(conn: sqlite3.Connection) -> None:
    """Set every article's search_key column to the key the index uses (the column lets
    Datasette's table search box join the index: its fts_pk)."""
    register_functions(conn)
    conn.execute(
        "UPDATE articles SET search_key = vnnews_search_key(rowid, published_at) "
        "WHERE search_key IS NOT vnnews_search_key(rowid, published_at)"
    )


def reindex(conn: sqlite3.Connection) -> int:
    """Empty the index and index every article again, in one transaction; returns the count.
    For archives whose articles were edited outside the Archive class."""
    with conn:
        conn.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')")
        fill_search_keys(conn)  # a published_at edited in SQL moves the article's key
        count = rebuild_index(conn)
    conn.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('optimize')")
    conn.commit()
    return count


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    portal: str | None = None,
    province: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """Best matches first, as dicts of title, published_at, portal_id, url, snippet and
    removed_at (when the portal took the article down; None while it is online). Raises
    sqlite3.OperationalError for a `since` or `until` that is no date."""
    register_functions(conn)
    params = {
        "q": query,
        "portal": portal or "",
        "province": province or "",
        "since": since or "",
        "until": until or "",
        "limit": str(limit),
    }
    cursor = conn.execute(SEARCH_SQL, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def mark_terminal(text: str) -> str:
    """A snippet for a terminal: <mark>hit</mark> → «hit»."""
    return text.replace("<mark>", "«").replace("</mark>", "»")
