"""`vnnews search` and `vnnews reindex`: the archive's Vietnamese search from the command line.

The search itself is archive/search.py (the same SQL as the Datasette canned query). Registered
in scraper/cli.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from archive.normalize import vietnam_time

from .cli_common import DEFAULT_DB, check_period, province_code, since_option, until_option


# (A query may open with a minus: "-bão" excludes, it is no option.)
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--portal", "portal_id", help="Only this portal's articles.")
@click.option("--province", help="Only portals of this province: code (01), slug (ha-noi) or name.")
@since_option
@until_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines; snippets mark hits <mark>.")
def search(
    query: str,
    db: str,
    portal_id: str | None,
    province: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search the archive: accents, case, tone placement and i/y do not matter ("dang uy" finds
    "Đảng ủy", "ki hop" finds "kỳ họp"); put a phrase in double quotes ("12/NQ-HĐND" is one
    already); OR and NOT in capitals, or -word, combine. The words as a phrase first; hits in the title,
    then in the lead, then in the text; newest published first within each. Articles the portal
    took down stay searchable, marked as removed."""
    import sqlite3

    from archive.search import mark_terminal
    from archive.search import search as search_archive

    if not Path(db).is_file():
        raise click.ClickException(f"archive database {db} does not exist; run a crawl first")
    code = province_code(province)
    check_period(since, until)
    # Read-only: a search never migrates or locks the archive a crawl may be writing.
    conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    try:
        results = search_archive(
            conn,
            query,
            portal=portal_id,
            province=code,
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
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
        click.echo(f"{rank}. {hit['title']}")
        click.echo(f"   {_where(hit)}")
        if hit["snippet"]:
            click.echo(f"   {mark_terminal(hit['snippet'])}")
    if not as_json:
        click.echo(f"{len(results)} result(s)", err=True)


def _where(hit: dict[str, Any]) -> str:
    """The hit's day, portal and link, and whether the portal has taken it down (the link
    then gives an error page; the archive's copy is what is left)."""
    day = (hit["published_at"] or "")[:10] or "undated"
    line = f"{day} · {hit['portal_id']} · {hit['url']}"
    if hit["removed_at"]:
        # (Stored in UTC: the day is Vietnam's, as the portal's readers had it.)
        line += f" · [removed from the portal on {(vietnam_time(hit['removed_at']) or '')[:10]}]"
    return line


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def reindex(db: str) -> None:
    """Rebuild the search index from the stored articles (after articles were edited by hand
    in SQL, which the index does not see)."""
    from archive import Archive
    from archive.search import reindex as reindex_archive

    from .lock import waiting_for_lock

    if not Path(db).is_file():
        raise click.ClickException(f"archive database {db} does not exist; run a crawl first")
    with waiting_for_lock(db, lambda text: click.echo(text, err=True)), Archive(db) as archive:
        count = reindex_archive(archive.conn)
    click.echo(f"{count} article(s) indexed", err=True)
