"""Source of `datasette_metadata.json` (Datasette 0.65 format).

Regenerate after editing:  python -m archive.metadata
tests/test_datasette.py fails if the JSON file and this module disagree, or if a column in the
schema lacks a description here.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from archive.serve import METADATA_PATH

# Databases are named after the file stem. 0.65 has no wildcard database key, so the same
# table configuration is repeated for each database we serve.
DATABASE_NAMES = ("archive", "demo")

ARTICLE_COLUMNS = {
    "url": "Address of the article on the portal; the archive's key. Open it to read the original.",
    "portal_id": "Portal the article was collected from (see the portals table).",
    "title": "Headline as published.",
    "published_at": "Publication time as ISO 8601 in Vietnam time (+07:00); empty if unknown.",
    "published_text": "Publication date exactly as printed on the page, before parsing.",
    "published_precision": "How precise published_at is: 'minute', or 'day' when the page "
    "gives only a date; empty if unknown.",
    "byline": "Author or source line as printed (person, office or newspaper).",
    "authors": 'JSON list of the names in the byline, e.g. ["XUÂN HIẾU", "XUÂN THỊNH"].',
    "summary": "Lead paragraph (sapo) when the page has a separate one.",
    "body": "Article text, plain; paragraphs are separated by a blank line.",
    "category": "Section of the portal the article was listed in.",
    "platform": "CMS the portal runs on (for example liferay6); decides which extractor ran.",
    "images": 'JSON list of images in the article: [{"url", "caption"}].',
    "attachments": 'JSON list of attached documents (such as PDF or Word files): [{"url", "title"}].',
    "warnings": "JSON list of problems the extractor noticed, such as a missing date.",
    "fetched_at": "When the page was last downloaded (UTC).",
    "content_hash": "SHA-256 of title, published_at, byline, summary, body and category; "
    "changes when the portal edits the article.",
    "first_seen_at": "When the archive first stored this article (UTC).",
    "last_seen_at": "When a crawl last found this article (UTC).",
    "updated_at": "When the content last changed after first being stored (UTC); empty if "
    "never changed.",
}

PORTAL_COLUMNS = {
    "id": "Stable portal identifier (currently the host name).",
    "name": "Human-readable name of the portal.",
    "base_url": "Home page of the portal.",
    "platform": "CMS the portal runs on, if known.",
    "start_urls": "JSON list of the listing pages a crawl starts from.",
    "first_seen_at": "When the portal was first crawled (UTC).",
    "last_crawled_at": "When the portal was last crawled (UTC).",
}

# Internal tables: the FTS index and its shadow tables, and the migrations log.
HIDDEN_TABLES = (
    "articles_fts",
    "articles_fts_data",
    "articles_fts_idx",
    "articles_fts_docsize",
    "articles_fts_config",
    "_sqlite_migrations",
)

# til-style search: escape_fts() neutralises FTS operators typed by users. A query that escapes
# to nothing (empty, blank, a lone '"') would be an FTS syntax error, so it is swapped for a
# term that matches nothing.
# Snippets mark hits with <mark>; the vnnews_render plugin turns those into HTML highlights.
SEARCH_SQL = """select
  articles.title,
  articles.published_at,
  articles.portal_id,
  articles.url,
  snippet(articles_fts, 2, '<mark>', '</mark>', '…', 32) as snippet
from articles_fts
  join articles on articles.rowid = articles_fts.rowid
where articles_fts match case escape_fts(:q)
  when '' then 'nomatchforthisterm'
  else escape_fts(:q)
end
order by articles_fts.rank
limit 100"""


def database_config() -> dict[str, Any]:
    tables: dict[str, Any] = {
        "articles": {
            "description": "News articles from the portals, one row per article URL, newest "
            "first. The search box is accent-insensitive: 'khong dung tien mat' finds "
            "'không dùng tiền mặt' (but type đ as đ: it is not folded to d).",
            "sort_desc": "published_at",
            "facets": ["portal_id", "category", "platform", {"array": "authors"}],
            # articles has a text primary key, but the FTS index is keyed on its rowid.
            "fts_table": "articles_fts",
            "fts_pk": "rowid",
            "label_column": "title",
            "columns": ARTICLE_COLUMNS,
        },
        "portals": {
            "description": "Government portals the archive collects from.",
            "sort": "id",
            "label_column": "name",
            "columns": PORTAL_COLUMNS,
        },
    }
    tables.update({name: {"hidden": True} for name in HIDDEN_TABLES})
    return {
        "tables": tables,
        "queries": {
            "search": {
                "title": "Search articles",
                "description": "Full-text search over title, summary, body and byline, best "
                "matches first. Accent-insensitive except for đ.",
                "sql": SEARCH_SQL,
            }
        },
    }


def build_metadata() -> dict[str, Any]:
    return {
        "title": "vnnews — Vietnamese local-government news archive",
        "description": "News published by Vietnamese ward, commune, district and province "
        "government portals, collected by the vnnews scraper and kept with the time each "
        "article was first and last seen.",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "Vietnamese ward, commune, district and province government portals",
        "source_url": "https://github.com/vnnews/vnnews",
        "about": "vnnews on GitHub. The CC BY 4.0 licence covers the archive's structure and "
        "descriptions only: article text and images belong to the portals that published "
        "them; each row links to its original.",
        "about_url": "https://github.com/vnnews/vnnews",
        "databases": {name: database_config() for name in DATABASE_NAMES},
    }


def render() -> str:
    return json.dumps(build_metadata(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    METADATA_PATH.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {METADATA_PATH}\n")
