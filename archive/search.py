"""Vietnamese full-text search over the archive: the folded index and the one search query.

`articles_search` is an FTS5 table of the articles' text folded by archive.vietnamese.fold
(no diacritics, đ → d, one tone placement), keyed on the articles rowid and written by the
archive's own writes (store.py) in the article's transaction. The same SQL serves the Datasette
canned query `search` and `vnnews search`; it needs the SQL functions of `register_functions`
(the vnnews_search Datasette plugin registers them on Datasette's connections).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from archive.search_tags import tag_filter, tags_of
from archive.vietnamese import fold, highlight_snippet, query_terms

SEARCH_TABLE = "articles_search"
SEARCH_COLUMNS = ("title", "summary", "body", "byline")
# The index's last column holds filter tokens (archive.search_tags), not text.
INDEX_COLUMNS = (*SEARCH_COLUMNS, "tags")
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

# Ranking, in tiers: the query's words as one phrase in the title, in the lead (summary), in
# the text (body or byline); then the words anywhere in the title, the lead, the text. Newest
# first within each tier. Not bm25: SQLite's bm25() first counts, for each query word,
# every article that contains it (its IDF), which takes 60-900 ms for a common word in a
# million articles (benchmarks/search.py). Each tier takes as many hits as the results asked
# for, the most recently archived first: FTS5 walks them in rowid order and stops early. So a
# tier with more hits than that shows its newest archived hits, sorted by publish date.
TIERS = [(column, whole) for whole in (True, False) for column in ("title", "summary", None)]

# Empty parameters mean "no filter" (Datasette passes '' for a form field left blank). The
# filters are checked hit by hit, on the few hits the tags let through (archive.search_tags):
# a set of every article of a filter, computed first, cost 130 ms at a million articles.
# published_at < until || 'z' keeps the whole last day ('z' sorts after 'T'). A province is
# its GSO code (also when admin_units is not filled) or its name in any spelling ("ha noi"
# finds Thành phố Hà Nội).
_LIMIT = f"min(max(cast(coalesce(nullif(:limit, ''), {DEFAULT_LIMIT}) as integer), 1), {MAX_LIMIT})"
_NO_FILTER = (
    "coalesce(:portal, '') || coalesce(:province, '') || coalesce(:since, '') "
    "|| coalesce(:until, '') = ''"
)
_PROVINCES = """select id from admin_units
            where level = 'province' and (id = :province
              or vnnews_fold(name) = vnnews_fold(:province)
              or vnnews_fold(name) like '% ' || vnnews_fold(:province))"""
_FILTERS = f"""exists (
        select 1 from articles join portals on portals.id = articles.portal_id
        where articles.rowid = {SEARCH_TABLE}.rowid
          and (coalesce(:portal, '') = '' or articles.portal_id = :portal)
          and (coalesce(:province, '') = '' or portals.province_code = :province
            or portals.province_code in ({_PROVINCES}))
          and (coalesce(:since, '') || coalesce(:until, '') = ''
            or (articles.published_at >= coalesce(nullif(:since, ''), '0')
              and articles.published_at < coalesce(nullif(:until, ''), '9') || 'z')))"""
# The portals of the province filter, as a JSON list for the tags (NULL without the filter).
_PROVINCE_PORTALS = f"""case when coalesce(:province, '') = '' then null else (
        select json_group_array(id) from portals
        where province_code = :province or province_code in ({_PROVINCES})) end"""


def _tier_hits(tier: int, column: str | None, whole: bool) -> str:
    """CTE `tier<n>`: the tier's newest hits, none when the tiers above fill the page already
    (their walk is not even started)."""
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

# Snippets are built in the outer query, for the rows shown only.
SEARCH_SQL = f"""with {_TIERS_SQL},
hits as materialized ({_HITS}),
ranked as materialized (
  select hits.id, min(hits.tier) as tier, articles.published_at
  from hits join articles on articles.rowid = hits.id
  group by hits.id
  order by tier, articles.published_at desc
  limit {_LIMIT}
)
select
  articles.title,
  articles.published_at,
  articles.portal_id,
  articles.url,
  vnnews_snippet(:q, articles.body, articles.summary, articles.byline) as snippet
from ranked
  join articles on articles.rowid = ranked.id
order by ranked.tier, ranked.published_at desc"""


def fts_query(query: str | None, whole: bool = False) -> str:
    """An FTS5 MATCH expression for a user's query: folded words, quoted, implicitly ANDed;
    a quoted part of the query stays a phrase. Never an FTS5 syntax error. `whole`: all the
    words as one phrase, or no match when the query is one phrase already (the other form
    finds the same)."""
    phrases = query_terms(query)
    if not phrases or (whole and len(phrases) == 1):
        return NO_MATCH
    if whole:
        return '"' + " ".join(word for words in phrases for word in words) + '"'
    return " ".join('"' + " ".join(words) + '"' for words in phrases)


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
    (a JSON list)."""
    columns = column or "{" + " ".join(SEARCH_COLUMNS) + "}"
    expression = f"{columns} : ({fts_query(query, bool(whole))})"
    portals = json.loads(province_portals) if province_portals is not None else None
    tags = tag_filter(portal, since, until, portals)
    return f"{expression} AND {tags}" if tags else expression


def search_box_query(query: str | None) -> str:
    """fts_query in the form Datasette's escape_fts() turns into fts_query: single words bare
    (as a reader would type them in the search box, which shows this value), phrases quoted."""
    phrases = query_terms(query)
    if not phrases:
        return NO_MATCH
    return " ".join(
        words[0] if len(words) == 1 else '"' + " ".join(words) + '"' for words in phrases
    )


def snippet(query: str | None, *texts: str | None) -> str:
    """Readable original text around the hits of `query`, hits wrapped in <mark>."""
    in_order = tuple(w for phrase in query_terms(query) for w in phrase)
    return highlight_snippet(texts, set(in_order), phrase=in_order)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions SEARCH_SQL uses; call on every connection that runs it."""
    conn.create_function("vnnews_fold", 1, fold, deterministic=True)
    conn.create_function("vnnews_fts_query", 1, fts_query, deterministic=True)
    conn.create_function("vnnews_fts_match", 7, fts_match, deterministic=True)
    conn.create_function("vnnews_snippet", -1, snippet, deterministic=True)


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
    """(Re)index one article's folded text, in the caller's transaction; `previous` is the
    article's text as it was indexed (its stored columns before the update), if it was."""
    if previous is not None:
        conn.execute(_DELETE, (rowid, *folded_row(previous)))
    conn.execute(_INSERT, (rowid, *folded_row(record)))


def indexed_text(conn: sqlite3.Connection, rowid: int) -> dict[str, Any]:
    """The stored values of article `rowid`, as index_article needs them to remove the row."""
    cursor = conn.execute(f"SELECT {_INDEXED_FIELDS} FROM articles WHERE rowid = ?", (rowid,))
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def rebuild_index(conn: sqlite3.Connection, batch: int = 1000) -> int:
    """Index every article into the empty index just created by a migration; returns the
    number of articles indexed."""
    cursor = conn.execute(f"SELECT rowid, {_INDEXED_FIELDS} FROM articles")
    names = [d[0] for d in cursor.description][1:]
    count = 0
    while rows := cursor.fetchmany(batch):
        records = ((r[0], dict(zip(names, r[1:], strict=True))) for r in rows)
        conn.executemany(_INSERT, ((rowid, *folded_row(record)) for rowid, record in records))
        count += len(rows)
    return count


def reindex(conn: sqlite3.Connection) -> int:
    """Empty the index and index every article again, in one transaction; returns the count.
    For archives whose articles were edited outside the Archive class."""
    with conn:
        conn.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')")
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
    """Best matches first, as dicts of title, published_at, portal_id, url and snippet."""
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
