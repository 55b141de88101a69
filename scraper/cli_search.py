"""`vnnews search` and `vnnews reindex`: the archive's Vietnamese search from the command line.

The search itself is archive/search.py (the same SQL as the Datasette canned query). Registered
in scraper/cli.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli_common import DEFAULT_DB


@click.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--portal", "portal_id", help="Only this portal's articles.")
@click.option("--province", help="Only portals of this province (GSO code or name).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines; snippets mark hits <mark>.")
def search(
    query: str,
    db: str,
    portal_id: str | None,
    province: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search the archive: accents, case and tone placement do not matter ("dang uy" finds
    "Đảng ủy"); put a phrase in double quotes. The words as a phrase first; hits in the title,
    then in the lead, then in the text; newest first within each."""
    import sqlite3

    from archive.search import mark_terminal
    from archive.search import search as search_archive

    if not Path(db).is_file():
        raise click.ClickException(f"archive database {db} does not exist; run a crawl first")
    # Read-only: a search never migrates or locks the archive a crawl may be writing.
    conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    try:
        results = search_archive(
            conn,
            query,
            portal=portal_id,
            province=province,
            since=since,
            until=until,
            limit=limit,
        )
    except sqlite3.OperationalError as exc:
        raise click.ClickException(f"{db}: {exc} (is it an up-to-date vnnews archive?)") from None
    finally:
        conn.close()
    for rank, hit in enumerate(results, 1):
        if as_json:
            click.echo(json.dumps({"rank": rank, **hit}, ensure_ascii=False))
            continue
        day = (hit["published_at"] or "")[:10] or "undated"
        click.echo(f"{rank}. {hit['title']}")
        click.echo(f"   {day} · {hit['portal_id']} · {hit['url']}")
        if hit["snippet"]:
            click.echo(f"   {mark_terminal(hit['snippet'])}")
    if not as_json:
        click.echo(f"{len(results)} result(s)", err=True)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def reindex(db: str) -> None:
    """Rebuild the search index from the stored articles (after articles were edited by hand
    in SQL, which the index does not see)."""
    from archive import Archive
    from archive.search import reindex as reindex_archive

    if not Path(db).is_file():
        raise click.ClickException(f"archive database {db} does not exist; run a crawl first")
    with Archive(db) as archive:
        count = reindex_archive(archive.conn)
    click.echo(f"{count} article(s) indexed", err=True)
