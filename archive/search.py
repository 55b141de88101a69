"""Vietnamese full-text search over the archive: the folded index and the one search query.

`articles_search` is an FTS5 table of the articles' text folded by archive.vietnamese.fold
(no diacritics, đ → d, one tone placement), keyed on the articles rowid and written by the
archive's own writes (store.py) in the article's transaction. The same SQL serves the Datasette
canned query `search` and `vnnews search`; it needs the SQL functions of `register_functions`
(the vnnews_search Datasette plugin registers them on Datasette's connections).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from archive.vietnamese import fold, highlight_snippet, query_terms

SEARCH_TABLE = "articles_search"
SEARCH_COLUMNS = ("title", "summary", "body", "byline")
# A phrase with no word: FTS5 accepts it and it matches nothing (an empty MATCH is an error).
NO_MATCH = '"-"'
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

_INSERT = f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(SEARCH_COLUMNS)}) VALUES (?, ?, ?, ?, ?)"
# The index is contentless (it keeps no copy of the text): a row is removed by giving FTS5 the
# text it indexed, which fold() of the stored original reproduces. A change to fold() therefore
# needs a migration that rebuilds the index.
_DELETE = (
    f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rowid, {', '.join(SEARCH_COLUMNS)}) "
    "VALUES ('delete', ?, ?, ?, ?, ?)"
)

# Ranking: hits in the title first, then in the lead (summary), then in the body or byline;
# newest first within each tier. Not bm25: SQLite's bm25() first counts, for each query word,
# every article that contains it (its IDF), which takes 60-900 ms for a common word in a
# million articles (benchmarks/search.py). Each tier takes as many hits as the results asked
# for, the most recently archived first: FTS5 walks them in rowid order and stops early. So a
# tier with more hits than that shows its newest archived hits, sorted by publish date.
TIERS = ("title", "summary", None)  # None: any column

# Empty parameters mean "no filter" (Datasette passes '' for a form field left blank); then
# `filtered` is never computed. published_at < until || 'z' keeps the whole last day ('z'
# sorts after 'T'). A province is its GSO code or its name in any spelling ("ha noi" finds
# Thành phố Hà Nội).
_LIMIT = f"min(max(cast(coalesce(nullif(:limit, ''), {DEFAULT_LIMIT}) as integer), 1), {MAX_LIMIT})"
_NO_FILTER = (
    "coalesce(:portal, '') || coalesce(:province, '') || coalesce(:since, '') "
    "|| coalesce(:until, '') = ''"
)
_FILTERED = """filtered as materialized (
  select articles.rowid as id
  from articles
    left join portals on portals.id = articles.portal_id
    left join admin_units as province on province.id = portals.province_code
  where (coalesce(:portal, '') = '' or articles.portal_id = :portal)
    and (coalesce(:province, '') = '' or portals.province_code = :province
      or vnnews_fold(province.name) = vnnews_fold(:province)
      or vnnews_fold(province.name) like '% ' || vnnews_fold(:province))
    and (coalesce(:since, '') || coalesce(:until, '') = ''
      or (articles.published_at >= coalesce(nullif(:since, ''), '0')
        and articles.published_at < coalesce(nullif(:until, ''), '9') || 'z'))
)"""


def _tier_hits(tier: int, column: str | None) -> str:
    match = "vnnews_fts_query(:q)"
    if column:
        match = f"'{column} : (' || {match} || ')'"
    return f"""select * from (
    select rowid as id, {tier} as tier from {SEARCH_TABLE}
    where {SEARCH_TABLE} match {match}
      and ({_NO_FILTER} or rowid in filtered)
    order by rowid desc
    limit {_LIMIT}
  )"""


_HITS = "\n  union all\n  ".join(_tier_hits(t, c) for t, c in enumerate(TIERS))

# Snippets are built in the outer query, for the rows shown only.
SEARCH_SQL = f"""with {_FILTERED},
hits as materialized (
  {_HITS}
),
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


def fts_query(query: str | None) -> str:
    """An FTS5 MATCH expression for a user's query: folded words, quoted, implicitly ANDed;
    a quoted part of the query stays a phrase. Never an FTS5 syntax error."""
    phrases = query_terms(query)
    if not phrases:
        return NO_MATCH
    return " ".join('"' + " ".join(words) + '"' for words in phrases)


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
    words = {w for phrase in query_terms(query) for w in phrase}
    return highlight_snippet(texts, words)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions SEARCH_SQL uses; call on every connection that runs it."""
    conn.create_function("vnnews_fold", 1, fold, deterministic=True)
    conn.create_function("vnnews_fts_query", 1, fts_query, deterministic=True)
    conn.create_function("vnnews_snippet", -1, snippet, deterministic=True)


def folded_row(record: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(fold(record.get(column)) for column in SEARCH_COLUMNS)


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
    """The stored text of article `rowid`, as index_article needs it to remove the row."""
    row = conn.execute(
        f"SELECT {', '.join(SEARCH_COLUMNS)} FROM articles WHERE rowid = ?", (rowid,)
    ).fetchone()
    return dict(zip(SEARCH_COLUMNS, row, strict=True))


def rebuild_index(conn: sqlite3.Connection, batch: int = 1000) -> int:
    """Index every article into the empty index just created by a migration; returns the
    number of articles indexed."""
    cursor = conn.execute(f"SELECT rowid, {', '.join(SEARCH_COLUMNS)} FROM articles")
    count = 0
    while rows := cursor.fetchmany(batch):
        conn.executemany(_INSERT, ((r[0], *(fold(v) for v in r[1:])) for r in rows))
        count += len(rows)
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
