"""The archive's only DDL: an ordered list of sqlite-utils migrations.

Each migration is frozen once released: never edit one, append a new one. Migrations spell out
their columns literally (rather than reading a shared constant) so that an old database replays
exactly the steps that built it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from sqlite_utils import Database, Migrations

from archive.search import fill_search_keys, rebuild_index

migrations = Migrations("vnnews")

# Columns indexed for full-text search, in FTS column order (snippet() takes the index: body = 2).
FTS_COLUMNS = ("title", "summary", "body", "byline")
# remove_diacritics 2 also folds letters with two marks (ế, ộ, ữ); the default (1) leaves them
# intact, so "ha noi" would not match "Hà Nội". No unicode61 setting folds đ → d.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def create_portals(db: Database) -> None:
    db["portals"].create(
        {
            "id": str,
            "name": str,
            "base_url": str,
            "platform": str,
            "start_urls": str,  # JSON list
            "first_seen_at": str,
            "last_crawled_at": str,
        },
        pk="id",
        not_null={"id"},
    )


@migrations()
def create_articles(db: Database) -> None:
    db["articles"].create(
        {
            "url": str,
            "portal_id": str,
            "title": str,
            "published_at": str,
            "published_text": str,
            "published_precision": str,
            "byline": str,
            "summary": str,
            "body": str,
            "category": str,
            "platform": str,
            "images": str,  # JSON list of {"url", "caption"}
            "attachments": str,  # JSON list of {"url", "title"}
            "warnings": str,  # JSON list of str
            "fetched_at": str,
            "content_hash": str,
            "first_seen_at": str,
            "last_seen_at": str,
            "updated_at": str,
        },
        pk="url",
        not_null={"url", "fetched_at", "content_hash", "first_seen_at", "last_seen_at"},
        foreign_keys=[("portal_id", "portals", "id")],
    )
    db["articles"].create_index(["portal_id", "published_at"])
    db["articles"].create_index(["published_at"])


@migrations()
def create_articles_fts(db: Database) -> None:
    # External-content FTS5 keyed on the articles rowid. Upserts use UPDATE (never
    # INSERT OR REPLACE), so an article keeps its rowid and the index stays aligned.
    db["articles"].enable_fts(list(FTS_COLUMNS), create_triggers=True, tokenize=FTS_TOKENIZE)


@migrations()
def fts_reindex_only_on_text_change(db: Database) -> None:
    # sqlite-utils' update trigger re-indexes on every UPDATE, including the frequent
    # "unchanged" touch of last_seen_at. Restrict it to the indexed columns; same trigger name,
    # so enable_fts(..., replace=True) still recognises the setup.
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, summary, body, byline ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, byline)
    VALUES ('delete', old.rowid, old.title, old.summary, old.body, old.byline);
  INSERT INTO articles_fts (rowid, title, summary, body, byline)
    VALUES (new.rowid, new.title, new.summary, new.body, new.byline);
END"""
    )


@migrations()
def add_article_authors(db: Database) -> None:
    # The byline's names one by one (JSON list), so that researchers can facet by author.
    db["articles"].add_column("authors", str)


@migrations()
def add_portal_registry_fields(db: Database) -> None:
    # What the portal registry knows of each portal: the administrative unit it serves, when,
    # and how its URL is known. Portals crawled from a bare URL leave them empty.
    for column in (
        "level",
        "unit_type",
        "unit_code",
        "unit_id",
        "province_code",
        "parent_code",
        "since",
        "until",
        "successors",  # JSON list of GSO codes of today's units
        "url_source",
        "url_evidence",
        "notes",
        "registry_source",  # file:line of the registry entry
    ):
        db["portals"].add_column(column, str)
    db["portals"].create_index(["province_code", "level"])


@migrations()
def create_admin_units(db: Database) -> None:
    # Official administrative units before and after the 1 July 2025 reform (GSO codes).
    db["admin_units"].create(
        {
            "id": str,  # the code for units of today, "old:<code>" for units abolished
            "code": str,
            "name": str,
            "level": str,
            "unit_type": str,
            "province_code": str,
            "parent_id": str,
            "valid_from": str,
            "valid_to": str,
            "successor_ids": str,  # JSON list of ids of today's units
        },
        pk="id",
        not_null={"id", "code", "name", "level"},
    )
    db["admin_units"].create_index(["province_code", "level"])
    db["archive_meta"].create({"key": str, "value": str}, pk="key")


@migrations()
def create_crawl_runs(db: Database) -> None:
    # One row per portal per crawl: what was reached, what was stored, what failed.
    db["crawl_runs"].create(
        {
            "id": int,
            "portal_id": str,
            "started_at": str,
            "finished_at": str,
            "status": str,  # ok | unreachable | failed
            "finish_reason": str,
            "listing_pages": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "articles_failed": int,
            "errors": str,  # JSON object: error kind → count
        },
        pk="id",
    )
    db["crawl_runs"].create_index(["portal_id", "started_at"])


@migrations()
def create_articles_by_unit_view(db: Database) -> None:
    # Articles with the place they come from, for facets by province, level and unit.
    db.create_view(
        "articles_by_unit",
        """
SELECT a.rowid AS rowid, a.url, a.title, a.published_at, a.category, a.byline, a.platform,
  a.portal_id, p.name AS portal, p.level, u.id AS unit_id, u.name AS unit,
  u.unit_type, prov.name AS province, p.province_code,
  CASE WHEN u.valid_to IS NULL THEN 'current' ELSE 'abolished ' || u.valid_to END AS unit_status
FROM articles a
JOIN portals p ON p.id = a.portal_id
LEFT JOIN admin_units u ON u.id = p.unit_id
LEFT JOIN admin_units prov ON prov.id = p.province_code
""",
    )


@migrations()
def create_article_versions(db: Database) -> None:
    # Every content the archive has seen of an article, so that silent edits stay visible.
    # (url, version) is the key: versions count 1, 2, … per article.
    db["article_versions"].create(
        {
            "url": str,
            "version": int,
            "seen_at": str,
            "title": str,
            "published_at": str,
            "byline": str,
            "summary": str,
            "body": str,
            "category": str,
            "content_hash": str,
            "change": str,  # new | edited | restored | reextract
        },
        pk=("url", "version"),
        not_null={"url", "version", "seen_at", "content_hash", "change"},
        foreign_keys=[("url", "articles", "url")],
    )
    # Articles stored before versions existed get their current content as version 1: "new"
    # when it is what was first seen, "edited" when an earlier content was overwritten.
    db.execute(
        """INSERT INTO article_versions (url, version, seen_at, title, published_at, byline,
  summary, body, category, content_hash, change)
SELECT url, 1, COALESCE(updated_at, first_seen_at), title, published_at, byline, summary, body,
  category, content_hash, CASE WHEN updated_at IS NULL THEN 'new' ELSE 'edited' END
FROM articles"""
    )


@migrations()
def add_article_removal(db: Database) -> None:
    # A portal that takes an article down does not erase it from the archive: the row keeps
    # its content and records when and why it disappeared.
    db["articles"].add_column("removed_at", str)
    db["articles"].add_column("removed_reason", str)


@migrations()
def create_captures(db: Database) -> None:
    # Raw HTTP responses, so that articles can be re-extracted when an adapter improves.
    # Bodies are keyed by their SHA-256: a page fetched again unchanged costs one small row.
    db["capture_bodies"].create({"sha256": str, "body": bytes}, pk="sha256", not_null={"body"})
    db["captures"].create(
        {
            "id": int,
            "url": str,
            "final_url": str,
            "fetched_at": str,
            "status": int,
            "headers": str,  # JSON object, lower-case names
            "sha256": str,
            "size": int,
        },
        pk="id",
        not_null={"url", "fetched_at", "sha256"},
        foreign_keys=[("sha256", "capture_bodies", "sha256")],
    )
    db["captures"].create_index(["url", "fetched_at"])


@migrations()
def create_sections(db: Database) -> None:
    # Progress through each listing section, so that an interrupted crawl resumes paging and a
    # completed section can stop at the first page of known articles.
    db["sections"].create(
        {
            "section_url": str,
            "portal_id": str,
            "complete": int,
            "last_started_at": str,
            "last_completed_at": str,
        },
        pk="section_url",
        not_null={"section_url", "complete"},
    )
    db["sections"].create_index(["portal_id"])


@migrations()
def add_crawl_run_details(db: Database) -> None:
    # What one `vnnews crawl` did per portal, beyond counts of articles: requests and their
    # statuses, removals, re-checks, extraction warnings and why listing paging stopped.
    for column, column_type in (
        ("run_id", str),
        ("requests", int),
        ("responses_by_status", str),  # JSON object: "200" → count
        ("articles_removed", int),
        ("articles_rechecked", int),
        ("extraction_warnings", int),
        ("listing_stop", str),  # known-page | last-page | max-pages | loop | since
    ):
        db["crawl_runs"].add_column(column, column_type)
    db["crawl_runs"].create_index(["run_id"])


@migrations()
def create_articles_search(db: Database) -> None:
    # Search that folds Vietnamese (issue #6): đ → d, NFD, tone placement. unicode61 cannot
    # fold đ, so the text is folded in Python (archive.vietnamese.fold) and written by the
    # archive's upserts, not by triggers (a trigger could only call Python on connections that
    # registered the function). Rows are keyed on the articles rowid, like articles_fts.
    db.execute(
        "CREATE VIRTUAL TABLE articles_search USING fts5("
        "title, summary, body, byline, tokenize='unicode61 remove_diacritics 2')"
    )
    # It was filled here too; one_contentless_search_index replaces it and fills its successor,
    # and the filling code now writes that successor's columns.


@migrations()
def create_meetings(db: Database) -> None:
    # Meetings an article reports (issue #6), and the officials named at them.
    db["meetings"].create(
        {
            "id": int,
            "article_url": str,
            "kind": str,
            "kind_label": str,
            "session_type": str,
            "meeting_date": str,
            "part_of_day": str,
            "venue": str,
            "bodies": str,  # JSON list of normalised body names
        },
        pk="id",
        not_null={"article_url", "kind"},
        foreign_keys=[("article_url", "articles", "url")],
    )
    db["meetings"].create_index(["article_url"])
    db["meetings"].create_index(["kind", "meeting_date"])
    db["meetings"].create_index(["meeting_date"])
    db["people_mentions"].create(
        {"id": int, "meeting_id": int, "article_url": str, "name": str, "position": str},
        pk="id",
        not_null={"meeting_id", "article_url", "name"},
        foreign_keys=[("meeting_id", "meetings", "id"), ("article_url", "articles", "url")],
    )
    db["people_mentions"].create_index(["meeting_id"])
    db["people_mentions"].create_index(["article_url"])
    db["people_mentions"].create_index(["name"])
    # Meetings with their article and portal, for facets by kind, body and portal.
    db.create_view(
        "meeting_list",
        """
SELECT m.id, m.meeting_date, m.part_of_day, m.kind, m.kind_label, m.session_type, m.venue,
  m.bodies, a.portal_id, a.title, a.url, a.published_at
FROM meetings m
JOIN articles a ON a.url = m.article_url
""",
    )


@migrations()
def one_contentless_search_index(db: Database) -> None:
    # The folded index serves every search (vnnews search, the Datasette search box, feeds):
    # the unfolded articles_fts and its triggers only stored the text a second time. The folded
    # index need not keep its own copy of the text either (snippets are cut from the articles'
    # original text), so it becomes contentless: the archive's size falls by about a third at
    # 1,000,000 articles (benchmarks/search.py). `tags` holds the portal and publish-day
    # tokens that make filtered searches fast (archive.search_tags).
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE IF EXISTS articles_fts")
    db.execute("DROP TABLE IF EXISTS articles_search")
    db.execute(
        "CREATE VIRTUAL TABLE articles_search USING fts5("
        "title, summary, body, byline, tags, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    rebuild_index(db.conn)


@migrations()
def add_capture_listed_date(db: Database) -> None:
    # The date the listing page showed beside the article's link, kept with the response:
    # a page that shows no date of its own takes it, today and at every re-extraction.
    db["captures"].add_column("listed_date", str)


@migrations()
def create_failed_fetches(db: Database) -> None:
    # Article links that could not be fetched, tried again by later crawls
    # (archive.failed_fetches): a nightly crawl never pages back to an old failure.
    db["failed_fetches"].create(
        {
            "url": str,
            "portal_id": str,
            "section_url": str,
            "listed_date": str,
            "reason": str,
            "attempts": int,
            "first_failed_at": str,
            "last_failed_at": str,
        },
        pk="url",
        not_null={"url", "portal_id", "attempts"},
    )
    db["failed_fetches"].create_index(["portal_id"])


@migrations()
def search_index_in_publish_order(db: Database) -> None:
    # The index was keyed on the articles rowid, so FTS5 walked a query's hits newest archived
    # first, and a page of results missed newer articles archived earlier (a backfill). Keyed
    # on the search key (publish time, then rowid; archive.search.search_key), its walk is
    # newest published first. The articles keep their key in a column too: Datasette's table
    # search box joins the index on it (fts_pk), `search_key in (hits) order by published_at
    # desc`. The index on (published_at, search_key) lets it walk the articles newest first
    # and stop after a page, without reading the rows; with an index on search_key alone, it
    # looked up every hit instead, in publish order, all over the table (2.5 s for a common
    # word at 1,000,000 articles against 0.2 s; benchmarks/search.py). A rebuild: about 15
    # minutes at 1,000,000 articles.
    db["articles"].add_column("search_key", int)
    fill_search_keys(db.conn)
    db["articles"].create_index(["published_at", "search_key"])
    db.execute("INSERT INTO articles_search(articles_search) VALUES ('delete-all')")
    rebuild_index(db.conn)


@migrations()
def fold_spelling_variants(db: Database) -> None:
    # The fold (archive.vietnamese.fold) now also reads "ð" (Ð from hand conversions of
    # legacy-font text) as "d", a syllable's final "y" after its consonants as "i" (kỳ/kì
    # họp, quý/quí, lý/lí) and compatibility characters as what they stand for (m² as m2): the
    # contentless index must be rebuilt with it, or its rows could not be deleted when their
    # articles change (about 15 minutes at 1,000,000 articles).
    db.execute("INSERT INTO articles_search(articles_search) VALUES ('delete-all')")
    rebuild_index(db.conn)


@migrations()
def articles_by_unit_for_research(db: Database) -> None:
    # For counts by day and year: SQLite's date() and strftime() read published_at's +07:00 and
    # give the UTC day (an article of 00:30 on 1 July counts for 30 June), so the view gives the
    # local day and year as written. Also: the province the unit belonged to in its time, the
    # removal mark, and no unit status for a portal serving no known unit.
    db.execute("DROP VIEW IF EXISTS articles_by_unit")
    db.create_view(
        "articles_by_unit",
        """
SELECT a.rowid AS rowid, a.url, a.title, a.published_at,
  substr(a.published_at, 1, 10) AS published_day, substr(a.published_at, 1, 4) AS published_year,
  a.category, a.byline, a.platform,
  a.portal_id, p.name AS portal, p.level, u.id AS unit_id, u.name AS unit,
  u.unit_type, prov.name AS province, p.province_code, u.province_code AS unit_province_code,
  CASE WHEN u.id IS NULL THEN NULL WHEN u.valid_to IS NULL THEN 'current'
    ELSE 'abolished ' || u.valid_to END AS unit_status,
  a.removed_at
FROM articles a
JOIN portals p ON p.id = a.portal_id
LEFT JOIN admin_units u ON u.id = p.unit_id
LEFT JOIN admin_units prov ON prov.id = p.province_code
""",
    )


@migrations()
def record_where_a_portal_moved(db: Database) -> None:
    # The address a portal's news section redirected to when it moved to another site (the
    # 2025 reform renamed hosts): `vnnews health` names it, so the registry can be updated.
    db["crawl_runs"].add_column("moved_to", str)


@migrations()
def record_when_an_article_was_last_checked(db: Database) -> None:
    # When a re-check last asked for the article, whatever it got: a re-check that stores
    # nothing (the address now serves the home page, a 500) moves no fetched_at, and the
    # weekly schedule, reading only that, asked again every night.
    db["articles"].add_column("checked_at", str)


@migrations()
def record_where_a_section_walk_failed(db: Database) -> None:
    # The listing page where a section's walk last failed: a catch-up walk that fails there
    # again ends, or a page broken for good would make every night a walk up to it.
    db["sections"].add_column("failed_page", str)


@migrations()
def create_article_addresses(db: Database) -> None:
    # The other addresses an archived article was found under (archive.addresses): a portal
    # that moved its pages on its own host archived every article a second time.
    db["article_addresses"].create(
        {"url": str, "article_url": str, "first_seen_at": str},
        pk="url",
        not_null={"url", "article_url", "first_seen_at"},
        foreign_keys=[("article_url", "articles", "url")],
    )
    db["article_addresses"].create_index(["article_url"])


@migrations()
def record_each_removal(db: Database) -> None:
    # Each time the portal took an article down, and when it was found again: finding it
    # clears articles.removed_at, which was the only record of the removal. Kept by triggers,
    # so every writer of removed_at (marking, restoring) keeps the books alike.
    db["article_removals"].create(
        {"url": str, "removed_at": str, "reason": str, "restored_at": str},
        not_null={"url", "removed_at"},
        foreign_keys=[("url", "articles", "url")],
    )
    db["article_removals"].create_index(["url"])
    db.execute(
        "INSERT INTO article_removals (url, removed_at, reason) "
        "SELECT url, removed_at, removed_reason FROM articles WHERE removed_at IS NOT NULL"
    )
    db.execute(
        """CREATE TRIGGER article_removed AFTER UPDATE OF removed_at ON articles
        WHEN old.removed_at IS NULL AND new.removed_at IS NOT NULL BEGIN
          INSERT INTO article_removals (url, removed_at, reason)
          VALUES (new.url, new.removed_at, new.removed_reason);
        END"""
    )
    db.execute(
        """CREATE TRIGGER article_restored AFTER UPDATE OF removed_at ON articles
        WHEN old.removed_at IS NOT NULL AND new.removed_at IS NULL BEGIN
          UPDATE article_removals SET restored_at = new.last_seen_at
          WHERE url = new.url AND restored_at IS NULL;
        END"""
    )


@migrations()
def index_address_tails(db: Database) -> None:
    # The last part of an article's address ("hoi-nghi-tong-ket-1217.html", "Post.aspx?ItemID=
    # 12"), which a section moved to new paths keeps: archive.addresses finds a moved story
    # the portal also edited by it. (SQLite has no "last part" function: rtrim of every
    # character but "/" leaves the address up to its last "/", and replace takes that away.)
    db.execute(
        "CREATE INDEX articles_url_tail ON articles "
        "(portal_id, replace(url, rtrim(url, replace(url, '/', '')), ''))"
    )


@migrations()
def articles_by_unit_by_month(db: Database) -> None:
    # Counts by month in Vietnam time (a facet on published_month, YYYY-MM): the month as
    # published_at writes it, as published_day gives the day (SQLite's strftime('%Y-%m')
    # would give the UTC month: 00:30 on 1 July is June). A view, not a generated column of
    # articles: the view is where the research facets are, and it is replaced in place.
    db.execute("DROP VIEW IF EXISTS articles_by_unit")
    db.create_view(
        "articles_by_unit",
        """
SELECT a.rowid AS rowid, a.url, a.title, a.published_at,
  substr(a.published_at, 1, 10) AS published_day, substr(a.published_at, 1, 7) AS published_month,
  substr(a.published_at, 1, 4) AS published_year,
  a.category, a.byline, a.platform,
  a.portal_id, p.name AS portal, p.level, u.id AS unit_id, u.name AS unit,
  u.unit_type, prov.name AS province, p.province_code, u.province_code AS unit_province_code,
  CASE WHEN u.id IS NULL THEN NULL WHEN u.valid_to IS NULL THEN 'current'
    ELSE 'abolished ' || u.valid_to END AS unit_status,
  a.removed_at
FROM articles a
JOIN portals p ON p.id = a.portal_id
LEFT JOIN admin_units u ON u.id = p.unit_id
LEFT JOIN admin_units prov ON prov.id = p.province_code
""",
    )


@migrations()
def record_where_an_article_is_served_now(db: Database) -> None:
    # The address the portal serves an archived article at now, when not its own (its pages
    # moved: the old address redirects there, or the listing links there): its weekly
    # re-checks took a redirect hop each, or found the old address gone.
    db["articles"].add_column("current_url", str)


def apply(db: Database, path: Path | None = None) -> None:
    """Bring `db` up to date; a no-op when every migration is already recorded.

    `path`: the database file, whose processes then migrate one at a time. Each command opens
    the archive through here: two opening an old archive at once (the nightly crawl and
    `vnnews serve`) would both read the same pending list and run its migrations twice
    ("duplicate column name"), or fail at once on SQLite's lock upgrade."""
    if not migrations.pending(db):
        return  # (nearly every open: a read, no lock)
    if path is None:
        migrations.apply(db)
        return
    lock = Path(f"{path}{MIGRATION_LOCK_SUFFIX}")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # (the other process's migrations take seconds)
        migrations.apply(db)  # (the list read again: what the other did is recorded)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


MIGRATION_LOCK_SUFFIX = ".migrate.lock"
