"""Source of `datasette_metadata.json` (Datasette 0.65 format).

Regenerate after editing:  python -m archive.metadata
tests/test_datasette.py fails if the JSON file and this module disagree, or if a column in the
schema lacks a description here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from archive.metadata_history import HISTORY_QUERIES, history_tables
from archive.metadata_meetings import MEETING_QUERIES, meeting_tables
from archive.search import SEARCH_SQL

# datasette_metadata.json lives at the repo root, next to the archive package.
METADATA_PATH = Path(__file__).resolve().parent.parent / "datasette_metadata.json"

# Databases are named after the file stem. 0.65 has no wildcard database key, so the same
# table configuration is repeated for each database we serve; `vnnews serve` writes the
# metadata of any other name at startup (archive.serve).
DATABASE_NAMES = ("archive", "demo")

ARTICLE_COLUMNS = {
    "url": "Address of the article on the portal; the archive's key. Open it to read the original.",
    "portal_id": "Portal the article was collected from (see the portals table).",
    "title": "Headline as published.",
    "published_at": "Publication time as ISO 8601 in Vietnam time (+07:00); empty if unknown. "
    "Its day is substr(published_at, 1, 10): SQLite's date() would give the UTC day. A time "
    "compares as text: to keep a whole last day, filter published_at < the next day (not <= "
    "the day), or use articles_by_unit's published_day.",
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
    "fetched_at": "When the page was last fetched (UTC), a re-check answered 304 Not "
    "Modified included: the re-check schedule counts from it.",
    "checked_at": "When a re-check last asked for the article (UTC), whatever it got: one "
    "that fails (the home page at its address, a 500) is asked again a week later, not "
    "every night.",
    "current_url": "The address the portal serves the article at now, when not url: its "
    "pages moved (the old address redirects here, or its listing links here). Re-checks ask "
    "it; the article stays archived under url. Empty when it is served at url.",
    "content_hash": "SHA-256 of title, published_at, byline, summary, body and category; "
    "changes when the portal edits the article.",
    "first_seen_at": "When the archive first stored this article (UTC).",
    "last_seen_at": "When a crawl last found this article (UTC).",
    "updated_at": "When the content last changed after first being stored (UTC); empty if "
    "never changed.",
    "removed_at": "When a crawl found the article gone from the portal (UTC); empty while it "
    "is online. The archive keeps its content.",
    "search_key": "Key of the article in the search index: its publication time, then its "
    "row, so that search walks the newest first. Not for reading.",
    "removed_reason": "How it was found gone: an HTTP 404 or 410, or the portal's "
    '"không tìm thấy" page (error_page). A redirect elsewhere marks nothing removed.',
}

PORTAL_COLUMNS = {
    "id": "Stable portal identifier from the registry (hanoi/caugiay-district), or the host "
    "name for a portal crawled from a bare URL.",
    "name": "Vietnamese name of the portal.",
    "base_url": "Home page of the portal; empty when unknown.",
    "platform": "CMS the portal runs on, if known.",
    "start_urls": "JSON list of the news-section listing pages a crawl starts from.",
    "first_seen_at": "When the portal was first crawled (UTC).",
    "last_crawled_at": "When the portal was last crawled (UTC).",
    "level": "Administrative tier of the unit it serves: province, district or commune "
    "(commune covers phường, xã, thị trấn and đặc khu).",
    "unit_type": "Kind of unit: thành phố, tỉnh, quận, huyện, thị xã, phường, xã, thị trấn…",
    "unit_code": "Official (GSO) code of the unit it serves, as of the portal's period.",
    "unit_id": "The unit in admin_units: the code, or old:<code> for a unit abolished on "
    "30 June 2025.",
    "province_code": "GSO code of today's province it belongs to (sources of one place group "
    "together across the 2025 reform).",
    "parent_code": "GSO code of the parent unit in the portal's period.",
    "since": "First day the portal served this unit, when known (2025-07-01 for the new "
    "wards and communes).",
    "until": "Last day it served this unit (2025-06-30 for abolished districts); empty if "
    "still active.",
    "successors": "JSON list of GSO codes of today's units that took over an abolished unit.",
    "url_source": "How the URL is known: seen (in saved evidence), inferred (from a naming "
    "convention) or unknown.",
    "url_evidence": "Where the URL was seen, or the convention it was inferred from.",
    "notes": "Remarks of the registry.",
    "registry_source": "Registry file and line of the entry.",
}

ADMIN_UNIT_COLUMNS = {
    "id": "The GSO code for units that exist today; old:<code> for units abolished on "
    "30 June 2025 (a code may be reused by a new unit).",
    "code": "Official GSO code (2 digits province, 3 district, 5 commune).",
    "name": "Official name, with its type (Phường Cầu Giấy, Quận Cầu Giấy).",
    "level": "province, district or commune.",
    "unit_type": "thành phố trung ương, tỉnh, quận, huyện, thị xã, thành phố, phường, xã, "
    "thị trấn or đặc khu.",
    "province_code": "GSO code of the province it belonged to in its time.",
    "parent_id": "The unit it was part of (id in this table).",
    "valid_from": "First day of the unit (2025-07-01 for units created by the reform); "
    "empty if older.",
    "valid_to": "Last day of the unit (2025-06-30 for abolished units); empty if it exists today.",
    "successor_ids": "JSON list of today's units that took over its territory.",
}

CRAWL_RUN_COLUMNS = {
    "id": "Run number.",
    "portal_id": "Portal crawled.",
    "started_at": "When the crawl of this portal started (UTC).",
    "finished_at": "When it ended (UTC).",
    "status": "ok, or unreachable when no listing page could be read (DNS failure, refused, "
    "timeout, HTTP errors); running while the crawl runs, interrupted when it ended before "
    "its summary (killed, a power cut: the next crawl marks it so).",
    "finish_reason": "Scrapy's reason for ending (finished, shutdown, closespider_…).",
    "listing_pages": "Listing pages read.",
    "articles_new": "Articles stored for the first time.",
    "articles_updated": "Articles whose content changed since the last crawl.",
    "articles_unchanged": "Articles found again, unchanged.",
    "articles_failed": "Article pages that could not be stored (errors, not articles).",
    "errors": "JSON object: kind of error → how many times. Besides HTTP statuses "
    "(http_404) and network errors: no_body, no_title, not_an_article, error_page, moved "
    "(redirects to another site), redirected_away (to the home page or a listing), "
    "shows_another_article (its address now serves another story: the archived text is "
    "kept), empty_body (the page lost all the article's text: kept too), robots_txt.",
    "run_id": "Identifier of the `vnnews crawl` invocation; the portals crawled together share it.",
    "requests": "HTTP requests sent.",
    "responses_by_status": 'JSON object: HTTP status → how many responses, e.g. {"200": 41}.',
    "articles_removed": "Articles found gone from the portal in this run.",
    "articles_rechecked": "Known articles fetched again to look for edits or removals.",
    "extraction_warnings": "Warnings the extractor raised over the articles of this run.",
    "listing_stop": "Why paging of listings stopped: known-page (only known articles), "
    "last-page, empty-last-page (a page past a short last one, listing nothing or answered "
    "empty), empty (a page listed nothing: an outage or a new template), max-pages, loop (a "
    "page repeated), moved (the section redirects to another site), since (older than the "
    "date asked) or listing-failed (a listing page failed: HTTP error, timeout, unreadable "
    "page; the section was walked only up to it, and the next run walks on; wins over the "
    "other sections' stops).",
    "moved_to": "The address a news section redirected to when it moved to another site "
    "(update the portal's address); empty when it did not move.",
}

BY_UNIT_COLUMNS = {
    "rowid": "Row of the article in the articles table.",
    "url": ARTICLE_COLUMNS["url"],
    "title": ARTICLE_COLUMNS["title"],
    "published_at": ARTICLE_COLUMNS["published_at"],
    "published_day": "Day of publication in Vietnam, YYYY-MM-DD, as published_at writes it. "
    "(SQLite's date() and strftime() would give the UTC day of published_at: 00:30 on "
    "1 July is 30 June in UTC.)",
    "published_month": "Month of publication in Vietnam, YYYY-MM: counts by month with "
    "?_facet=published_month (or the column's menu: Facet by this).",
    "published_year": "Year of publication in Vietnam (YYYY).",
    "category": ARTICLE_COLUMNS["category"],
    "byline": ARTICLE_COLUMNS["byline"],
    "platform": ARTICLE_COLUMNS["platform"],
    "portal_id": ARTICLE_COLUMNS["portal_id"],
    "portal": "Name of the portal.",
    "level": "Tier of the unit the portal serves: province, district or commune.",
    "unit_id": "Administrative unit the portal serves (admin_units id).",
    "unit": "Name of that unit.",
    "unit_type": "Kind of that unit.",
    "province": "Today's province or city.",
    "province_code": "GSO code of today's province.",
    "unit_province_code": "GSO code of the province the unit belonged to in its time "
    "(58 for a district of Ninh Thuận, merged into Khánh Hòa, 56, in 2025).",
    "unit_status": "current, or 'abolished 2025-06-30' for former districts and wards; "
    "empty for a portal of no known unit.",
    "removed_at": ARTICLE_COLUMNS["removed_at"],
}

# Articles of a unit of today together with those of the units it replaced: a ward of today
# and the former district and wards whose territory it took over.
ARTICLES_OF_PLACE_SQL = """select
  articles.published_at,
  articles.title,
  articles.url,
  portals.name as portal,
  units.name as unit,
  case when units.id = :unit then 'this unit' else 'predecessor' end as relation
from articles
  join portals on portals.id = articles.portal_id
  join admin_units as units on units.id = portals.unit_id
where units.id = :unit
  or exists (select 1 from json_each(units.successor_ids) where json_each.value = :unit)
order by articles.published_at desc
limit 500"""

# An Atom feed per portal (datasette-atom renders the atom_* columns at portal_feed.atom):
# its newest articles, each entry updated when the archive last saw its content change.
# datasette-atom fails on an empty result, so a portal without articles gets one placeholder
# entry instead of a server error.
PORTAL_FEED_SQL = """with feed as (
  select url as atom_id, coalesce(title, url) as atom_title,
    coalesce(updated_at, first_seen_at) as atom_updated, url as atom_link,
    coalesce(summary, substr(body, 1, 600)) as atom_content, byline as atom_author_name,
    published_at
  from articles
  where portal_id = :portal and removed_at is null
  order by coalesce(published_at, first_seen_at) desc
  limit 50
)
select * from feed
union all
select 'tag:vnnews,2025:no-articles:' || :portal, 'No articles archived for ' || :portal,
  '2025-01-01T00:00:00+00:00', '/archive/portals',
  'The archive holds no article of this portal id (see the portals table).', null, null
where not exists (select 1 from feed)"""

# An Atom feed of a saved search (datasette-atom): the search query's results as entries, an
# article the portal took down marked in its title. datasette-atom fails on an empty result,
# hence the placeholder entry.
SEARCH_FEED_SQL = f"""with hits as ({SEARCH_SQL})
select url as atom_id,
  case when removed_at is null then title
    else '[removed from the portal on ' || date(removed_at, '+7 hours') || '] ' || title
  end as atom_title,
  coalesce(published_at, '2025-01-01T00:00:00+00:00') as atom_updated, url as atom_link,
  snippet as atom_content
from hits
union all
select 'tag:vnnews,2025:no-results', 'No article matches this search',
  '2025-01-01T00:00:00+00:00', '/archive/articles', 'Nothing yet: new matches will appear here.'
where not exists (select 1 from hits)"""

# The canned queries that run SEARCH_SQL, with its filters (province, since, until): the
# vnnews_search_errors plugin explains a filter they refuse.
SEARCH_QUERIES = ("search", "search_feed")

# Internal tables: the FTS index and its shadow tables, and the migrations log.
HIDDEN_TABLES = (
    # The Vietnamese-folded index that search uses (archive.search).
    "articles_search",
    "articles_search_data",
    "articles_search_idx",
    "articles_search_docsize",
    "articles_search_config",
    "_sqlite_migrations",
    # Compressed response bodies, unreadable in a browser; captures describes them.
    "capture_bodies",
)


def database_config() -> dict[str, Any]:
    tables: dict[str, Any] = {
        "articles": {
            "description": "News articles from the portals, one row per article URL, newest "
            "first. The search box ignores accents, case and tone placement: 'dang uy' finds "
            "'Đảng ủy', 'hoà giải' finds 'hòa giải'; put a phrase in double quotes. Counts "
            "by day, month or year in Vietnam time: the articles_by_unit view's "
            "published_day, published_month and published_year facets.",
            "sort_desc": "published_at",
            "facets": ["portal_id", "category", "platform", {"array": "authors"}],
            # The FTS index is keyed on the articles' search_key (archive.search). The
            # vnnews_search plugin folds the query to match this index of folded text.
            "fts_table": "articles_search",
            "fts_pk": "search_key",
            "label_column": "title",
            "columns": ARTICLE_COLUMNS,
        },
        "portals": {
            "description": "Government portals, from the registry (every portal known, "
            "crawled or not) and from crawls of bare URLs, with the administrative unit each "
            "serves and when.",
            "sort": "id",
            "facets": ["province_code", "level", "platform", "url_source"],
            "label_column": "name",
            "columns": PORTAL_COLUMNS,
        },
        "admin_units": {
            "description": "Official administrative units (GSO codes) before and after the "
            "1 July 2025 reform: 34 provinces and 3,321 communes of today, and the 63 "
            "provinces, 696 districts and their communes abolished or merged, with the units "
            "that succeeded them.",
            "sort": "id",
            "facets": ["level", "unit_type", "province_code", "valid_to"],
            "label_column": "name",
            "columns": ADMIN_UNIT_COLUMNS,
        },
        "crawl_runs": {
            "description": "One row per portal per crawl: reached or not, what was stored, "
            "what failed.",
            "sort_desc": "id",
            "facets": ["status", "portal_id"],
            "columns": CRAWL_RUN_COLUMNS,
        },
        "articles_by_unit": {
            "description": "Articles with the place they come from: facet by province, tier "
            "and unit, before and after the 2025 reform.",
            "sort_desc": "published_at",
            "facets": ["province", "published_year", "level", "unit", "unit_status"],
            "label_column": "title",
            "columns": BY_UNIT_COLUMNS,
        },
    }
    tables.update(history_tables(ARTICLE_COLUMNS))
    tables.update(meeting_tables())
    tables["archive_meta"] = {"hidden": True}
    tables.update({name: {"hidden": True} for name in HIDDEN_TABLES})
    return {
        "tables": tables,
        "queries": {
            "search": {
                "title": "Search articles",
                "description": "Full-text search over title, summary, body and byline: "
                "the words as one phrase first, then anywhere; in the title before the lead "
                "before the text; newest published first within each. Ignores accents, case "
                "and tone placement ('dang uy' finds 'Đảng ủy'); a phrase goes in double "
                "quotes. Optional filters: portal id, province (GSO code or name), since and "
                "until (YYYY-MM-DD, YYYY-MM or YYYY, zero padding optional: 2025-7-1; any "
                "other text, such as 01/07/2025, is refused with an error saying what is "
                "accepted, as is an unknown province), limit (default 100). The snippet "
                "shows the original text with the hits marked (<mark> in the JSON, plain "
                "text in the CSV); removed_at is set when the portal has taken the article "
                "down (the archive keeps it).",
                "sql": SEARCH_SQL,
            },
            "articles_of_place": {
                "title": "Articles of a place, before and after the 2025 reform",
                "description": "Give the GSO code of a unit of today (for example a ward): "
                "its own articles and those of the former district and wards it took over.",
                "sql": ARTICLES_OF_PLACE_SQL,
            },
            "portal_feed": {
                "title": "Latest articles of a portal",
                "description": "The 50 newest articles of one portal (its id, as in the "
                "portals table). Subscribe in a feed reader at portal_feed.atom?portal=ID.",
                "sql": PORTAL_FEED_SQL,
            },
            "search_feed": {
                "title": "Feed of a saved search",
                "description": "The search query's results as an Atom feed: subscribe at "
                "search_feed.atom?q=… (same folding and filters as the search query).",
                "sql": SEARCH_FEED_SQL,
            },
            **HISTORY_QUERIES,
            **MEETING_QUERIES,
        },
    }


def build_metadata(database_names: tuple[str, ...] = DATABASE_NAMES) -> dict[str, Any]:
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
        "databases": {name: database_config() for name in database_names},
    }


def render() -> str:
    return json.dumps(build_metadata(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    METADATA_PATH.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {METADATA_PATH}\n")
