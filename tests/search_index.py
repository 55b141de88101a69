"""Check that the contentless folded search index holds exactly the archive's text.

FTS5 cannot compare a contentless index with its source, so the check indexes the stored
articles afresh into a temporary FTS5 table with the same tokenizer and compares the two term
by term, position by position (fts5vocab 'instance' tables).
"""

from __future__ import annotations

import sqlite3

from archive.search import INDEX_COLUMNS, SEARCH_TABLE, folded_row, indexed_text, search_key

_INSTANCES = "SELECT term, doc, col, offset FROM {} ORDER BY 1, 2, 3, 4"


def index_instances(conn: sqlite3.Connection) -> list[tuple]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.live_vocab "
        f"USING fts5vocab(main, {SEARCH_TABLE}, 'instance')"
    )
    return conn.execute(_INSTANCES.format("temp.live_vocab")).fetchall()


def expected_instances(conn: sqlite3.Connection) -> list[tuple]:
    conn.execute("DROP TABLE IF EXISTS temp.fresh_index")
    conn.execute(
        f"CREATE VIRTUAL TABLE temp.fresh_index USING fts5({', '.join(INDEX_COLUMNS)}, "
        "content='', tokenize='unicode61 remove_diacritics 2')"
    )
    rowids = [r[0] for r in conn.execute("SELECT rowid FROM articles")]
    records = [(rowid, indexed_text(conn, rowid)) for rowid in rowids]
    conn.executemany(
        f"INSERT INTO temp.fresh_index (rowid, {', '.join(INDEX_COLUMNS)}) VALUES (?,?,?,?,?,?)",
        [(search_key(rowid, r["published_at"]), *folded_row(r)) for rowid, r in records],
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fresh_vocab "
        "USING fts5vocab(temp, fresh_index, 'instance')"
    )
    return conn.execute(_INSTANCES.format("temp.fresh_vocab")).fetchall()


def assert_index_matches_articles(conn: sqlite3.Connection) -> None:
    conn.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('integrity-check')")
    keys = conn.execute("SELECT rowid, published_at, search_key FROM articles").fetchall()
    assert all(search_key(rowid, day) == key for rowid, day, key in keys), "stale search_key"
    live, fresh = index_instances(conn), expected_instances(conn)
    assert live == fresh, f"{len(set(live) ^ set(fresh))} index entries differ"
    assert live, "the index is empty"
