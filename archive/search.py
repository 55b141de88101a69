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
# bm25 weights in SEARCH_COLUMNS order: a hit in the title outranks one in the body; the
# summary repeats the body's first paragraph, so it only counts a little more than the body.
RANK_WEIGHTS = (10.0, 3.0, 1.0, 2.0)
# A phrase with no word: FTS5 accepts it and it matches nothing (an empty MATCH is an error).
NO_MATCH = '"-"'
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

_DELETE = f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?"
_INSERT = f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(SEARCH_COLUMNS)}) VALUES (?, ?, ?, ?, ?)"

# Empty parameters mean "no filter" (Datasette passes '' for a form field left blank).
# Snippets are built in the outer query, for the rows shown only: SQLite computes the result
# columns of every matching row before it sorts. Filters are rowid sets, so that a search
# without filters never touches the articles table before ranking (that join doubled its cost).
# published_at < until || 'z' keeps the whole last day ('z' sorts after 'T').
# A province is its GSO code or its name, in any spelling ("ha noi" finds Thành phố Hà Nội).
SEARCH_SQL = f"""with ranked as materialized (
  select rowid as id, bm25({SEARCH_TABLE}, {", ".join(map(str, RANK_WEIGHTS))}) as score
  from {SEARCH_TABLE}
  where {SEARCH_TABLE} match vnnews_fts_query(:q)
    and (coalesce(:portal, '') = ''
      or rowid in (select rowid from articles where portal_id = :portal))
    and (coalesce(:province, '') = '' or rowid in (
      select articles.rowid from articles
        join portals on portals.id = articles.portal_id
        left join admin_units as province on province.id = portals.province_code
      where portals.province_code = :province
        or vnnews_fold(province.name) = vnnews_fold(:province)
        or vnnews_fold(province.name) like '% ' || vnnews_fold(:province)))
    and (coalesce(:since, '') || coalesce(:until, '') = '' or rowid in (
      select rowid from articles
      where published_at >= coalesce(nullif(:since, ''), '0')
        and published_at < coalesce(nullif(:until, ''), '9') || 'z'))
  order by score
  limit min(max(cast(coalesce(nullif(:limit, ''), {DEFAULT_LIMIT}) as integer), 1), {MAX_LIMIT})
)
select
  articles.title,
  articles.published_at,
  articles.portal_id,
  articles.url,
  vnnews_snippet(:q, articles.body, articles.summary, articles.byline) as snippet
from ranked
  join articles on articles.rowid = ranked.id
order by ranked.score"""


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
    conn: sqlite3.Connection, rowid: int, record: Mapping[str, Any], replace: bool
) -> None:
    """(Re)index one article's folded text; runs inside the caller's transaction."""
    if replace:
        conn.execute(_DELETE, (rowid,))
    conn.execute(_INSERT, (rowid, *folded_row(record)))


def rebuild_index(conn: sqlite3.Connection, batch: int = 1000) -> int:
    """Index every article afresh (for the migration that creates the index); returns the
    number of articles indexed."""
    conn.execute(f"DELETE FROM {SEARCH_TABLE}")
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
