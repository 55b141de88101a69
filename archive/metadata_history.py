"""Datasette descriptions of the history side of the archive: article versions, raw captures,
section progress, and the article_history and health canned queries. Merged into the
configuration by archive.metadata (regenerate with `python -m archive.metadata`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archive.health import HEALTH_SQL
from archive.history import ARTICLE_HISTORY_SQL

# Columns a version shares with the articles table: described as there.
SHARED_ARTICLE_COLUMNS = (
    "title",
    "published_at",
    "byline",
    "summary",
    "body",
    "category",
    "content_hash",
)
VERSION_OWN_COLUMNS = {
    "url": "The article (see articles).",
    "version": "1 for the first content seen, then 2, 3… for each change.",
    "seen_at": "When the crawl fetched this content (UTC).",
    "change": "Why this version exists: new (first seen), edited (the portal changed it), "
    "restored (back online with other content after a removal) or reextract (the page was "
    "extracted again by improved rules).",
}

CAPTURE_COLUMNS = {
    "id": "Capture number.",
    "url": "Address requested.",
    "final_url": "Address the response came from after redirects; empty when the same.",
    "fetched_at": "When the response was received (UTC).",
    "status": "HTTP status code.",
    "headers": "JSON object of the response headers (names in lower case).",
    "sha256": "SHA-256 of the response body; identical bodies are stored once.",
    "size": "Size of the body in bytes, uncompressed.",
    "listed_date": "The date the section's listing page showed beside the article's link, as "
    "printed; the publish date of an article page that shows none.",
}

SECTION_COLUMNS = {
    "section_url": "First page of a listing section (a news category) of a portal.",
    "portal_id": "Portal the section belongs to.",
    "complete": "1 once a crawl paged through the section to its end; 0 while a crawl is in "
    "progress or was interrupted.",
    "last_started_at": "When a crawl last started paging through it (UTC).",
    "last_completed_at": "When a crawl last reached its end (UTC).",
    "failed_page": "The listing page where its last walk failed (empty if none): failing there "
    "again ends a catch-up walk, the page taken as broken for good.",
}


FAILED_FETCH_COLUMNS = {
    "url": "The article's address, as listed.",
    "portal_id": "The portal it belongs to.",
    "section_url": "The listing section that linked it.",
    "listed_date": "The date its listing page showed beside the link, if any.",
    "reason": "Why the last try failed: http_500, DownloadTimeoutError, http_404, …",
    "attempts": "How many runs tried it and failed.",
    "first_failed_at": "When it first failed (UTC).",
    "last_failed_at": "When it last failed (UTC).",
}

REMOVAL_COLUMNS = {
    "url": "The article's address (articles.url).",
    "removed_at": "When the crawl found it gone (UTC).",
    "reason": "Why: http_404, http_410, error_page: <the portal's message>, …",
    "restored_at": "When the crawl found it again (UTC); empty while it is gone.",
}
ADDRESS_COLUMNS = {
    "url": "Another address the portal serves the article under (moved pages, a second section).",
    "article_url": "The address the article is archived under (articles.url).",
    "first_seen_at": "When the crawl first found the article at this address (UTC).",
}


def history_tables(article_columns: Mapping[str, str]) -> dict[str, Any]:
    """Table configuration; `article_columns` are the articles table's descriptions."""
    shared = {c: article_columns[c] for c in SHARED_ARTICLE_COLUMNS}
    version_columns = {**VERSION_OWN_COLUMNS, **shared}
    return {
        "article_versions": {
            "description": "Every content seen of each article: portals edit articles "
            "after publication without notice. The article_history query shows the changes.",
            "sort_desc": "seen_at",
            "facets": ["change"],
            "label_column": "title",
            "columns": version_columns,
        },
        "captures": {
            "description": "Raw HTTP responses kept by crawls, so that articles can be "
            "extracted again when the extractors improve.",
            "sort_desc": "id",
            "facets": ["status"],
            "columns": CAPTURE_COLUMNS,
        },
        "sections": {
            "description": "Crawl progress per listing section: complete sections are "
            "crawled incrementally, incomplete ones from the start.",
            "sort": "section_url",
            "facets": ["portal_id", "complete"],
            "columns": SECTION_COLUMNS,
        },
        "failed_fetches": {
            "description": "Article links that could not be fetched (a server error, a "
            "timeout): later crawls fetch them again, up to five times, and forget them once "
            "fetched.",
            "sort_desc": "last_failed_at",
            "facets": ["portal_id", "reason"],
            "columns": FAILED_FETCH_COLUMNS,
        },
        "article_removals": {
            "description": "Each time a portal took an article down, and when the crawl found "
            "it again: the article's own removed_at is cleared when it comes back.",
            "sort_desc": "removed_at",
            "facets": ["reason"],
            "columns": REMOVAL_COLUMNS,
        },
        "article_addresses": {
            "description": "Other addresses of archived articles: a portal that moved its "
            "pages on its own host, or shows one story in two sections. Each story is stored "
            "once, under its first address; the crawl knows it at these too.",
            "sort_desc": "first_seen_at",
            "columns": ADDRESS_COLUMNS,
        },
    }


HISTORY_QUERIES: dict[str, Any] = {
    "article_history": {
        "title": "History of an article",
        "description": "Give an article's url: each version the archive saw, why it "
        "exists, and a diff of its body against the previous version (lines starting "
        "with - were removed, + added).",
        "sql": ARTICLE_HISTORY_SQL,
    },
    "health": {
        "title": "Portals needing attention",
        "description": "stored-nothing: the last crawl stored no article or could not "
        "reach the portal; failure-jump: the last crawl failed on many more articles "
        "than the previous ones (failure_jump: rise of the failure rate, default 0.3, "
        "over the previous window runs, default 5); listing-failed: a listing page failed "
        "in the last crawl, so a section was walked only up to it (the next crawl walks on); "
        "interrupted: the last crawl ended before its summary (killed, a power cut); moved: a "
        "news section redirects to another site; stale: no new article for "
        "stale_days (default 30) before now (default: the current time, UTC). Leave "
        "a field empty for its default.",
        "sql": HEALTH_SQL,
    },
}
