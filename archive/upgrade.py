"""Bring an archive made by an older vnnews up to date before Datasette serves it.

Datasette reads the archive as it finds it and knows nothing of its migrations (archive/
schema.py): until the next crawl or `vnnews reindex` applied them, the articles table's search
box failed on an archive older than `search_index_in_publish_order` (it joins the index on a
column that migration adds). So `vnnews serve` applies pending migrations first, and says so,
since rebuilding the search index takes minutes on a big archive. An archive it may not write
is served as it is, with a warning naming the command that updates it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from archive import schema
from archive.store import Archive

# Measured for search_index_in_publish_order (archive/schema.py): about 15 minutes at
# 1,000,000 articles; told to the user as a rough guide, not a promise.
REBUILD_MINUTES_PER_MILLION = 15


def pending_migrations(db_path: str | Path) -> list[str]:
    """The names of the migrations `db_path` lacks, read without writing anything to it; none
    for a database that is no vnnews archive (Datasette serves any SQLite file as it is)."""
    conn = _read_only(db_path)
    try:
        db = Database(conn)
        if not schema.migrations.applied(db):
            return []
        return [migration.name for migration in schema.migrations.pending(db)]
    finally:
        conn.close()


def upgrade_for_serving(db_path: str | Path, say: Callable[[str], None]) -> bool:
    """Apply the archive's pending migrations, telling `say` what is done and how long it may
    take; returns whether the archive is now up to date (False: served as it is, warned)."""
    try:
        pending = pending_migrations(db_path)
    except sqlite3.Error as exc:
        # Datasette may still read it (or say why not): serving is not refused here.
        say(f"warning: {db_path}: could not check that it is up to date ({exc})")
        return False
    if not pending:
        return True
    if not _writable(Path(db_path)):
        _warn_outdated(db_path, pending, "the file or its folder is read-only", say)
        return False
    say(
        f"{db_path}: made by an older vnnews; updating it before serving "
        f"({', '.join(pending)}). Rebuilding the search index of its "
        f"{_article_count(db_path):,} articles may take a while (about "
        f"{REBUILD_MINUTES_PER_MILLION} minutes a million articles)…"
    )
    started = time.monotonic()
    try:
        # The archive's one writer applies the migrations when it opens the file.
        Archive(db_path).close()
    except sqlite3.Error as exc:
        # A read-only file system, or another process writing it past the busy timeout (a
        # crawl migrating it at this very moment: Datasette then sees the new shape when done).
        _warn_outdated(db_path, pending, str(exc), say)
        return False
    say(f"{db_path}: updated in {time.monotonic() - started:.1f} s")
    return True


def _warn_outdated(
    db_path: str | Path, pending: list[str], why: str, say: Callable[[str], None]
) -> None:
    say(
        f"warning: {db_path} was made by an older vnnews and could not be updated ({why}); "
        f"serving it as it is: the articles table's search box fails on it until "
        f"`vnnews reindex --db {db_path}` is run by someone who may write it "
        f"(pending: {', '.join(pending)})"
    )


def _read_only(db_path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)


def _article_count(db_path: str | Path) -> int:
    conn = _read_only(db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # an archive older than its articles table
        return 0
    finally:
        conn.close()


def _writable(db: Path) -> bool:
    # SQLite writes a journal or WAL file beside the database: the folder must be writable too.
    return os.access(db, os.W_OK) and os.access(db.resolve().parent, os.W_OK)
