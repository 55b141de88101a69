"""The `vnnews` command: a thin layer over scraper.crawl, scraper.extraction and archive."""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .cli_common import DEFAULT_DB
from .cli_export import export
from .cli_search import reindex, search
from .extraction import PLATFORMS, NotAnArticle, detect_platform, extract_article, parse_listing
from .extraction.charsets import decode_html
from .extraction.document import guess_page_url
from .registry.admin_units import load_admin_units
from .registry.portals import LEVELS, Portal, Registry, RegistryError, load_registry

if TYPE_CHECKING:
    from .crawl import CrawlJob

DEMO_DB = "data/demo.db"


def _parse_settings(pairs: tuple[str, ...]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        settings[name.strip()] = value
    return settings


@click.group()
@click.version_option(package_name="vnnews")
def cli() -> None:
    """Scrape Vietnamese local-government news portals into a searchable SQLite archive."""


def _registry_option(function: Any) -> Any:
    return click.option(
        "--registry",
        "registry_files",
        multiple=True,
        type=click.Path(dir_okay=False, exists=True),
        help="Your own registry file (TOML, like scraper/registry/portals/*.toml): adds "
        "portals or overrides built-in ones by id. Repeatable; also $VNNEWS_REGISTRY.",
    )(function)


def _load_registry(files: tuple[str, ...]) -> Registry:
    try:
        return load_registry(files)
    except RegistryError as exc:
        raise click.ClickException(f"registry: {exc}") from None


def _select_options(function: Any) -> Any:
    for option in reversed(
        (
            click.option("--province", help="Province: code (01), slug (ha-noi) or name."),
            click.option("--level", type=click.Choice(LEVELS)),
            click.option("--platform", type=click.Choice(sorted(PLATFORMS))),
            click.option(
                "--active-on",
                type=click.DateTime(formats=["%Y-%m-%d"]),
                help="Only portals serving their unit on this day (YYYY-MM-DD).",
            ),
        )
    ):
        function = option(function)
    return function


@cli.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite archive to write to (created if missing).",
)
@click.option(
    "--portal",
    "portal_ids",
    multiple=True,
    help="A registry portal to crawl (repeatable). With URLs: the id to store them under.",
)
@_select_options
@_registry_option
@click.option(
    "--max-pages", type=click.IntRange(min=1), help="Stop after N listing pages of each section."
)
@click.option("--full", is_flag=True, help="Walk every listing page and fetch every article again.")
@click.option(
    "--recheck",
    metavar="DAYS|all",
    help="Re-check known articles younger than DAYS (or all) for edits and removals, for "
    "this run (default: younger than 7 days every run, younger than 60 days weekly).",
)
@click.option("--since", metavar="YYYY-MM-DD", help="Backfill bound: store articles from this day.")
@click.option(
    "--until", metavar="YYYY-MM-DD", help="Backfill bound: store articles up to this day."
)
@click.option(
    "--wait", is_flag=True, help="If another crawl holds the archive, wait for it to finish."
)
@click.option(
    "-s",
    "--set",
    "setting",
    multiple=True,
    metavar="NAME=VALUE",
    help="A Scrapy setting, as `scrapy crawl -s` takes it (repeatable).",
)
def crawl(
    urls: tuple[str, ...],
    db: str,
    portal_ids: tuple[str, ...],
    province: str | None,
    level: str | None,
    platform: str | None,
    active_on: Any,
    registry_files: tuple[str, ...],
    max_pages: int | None,
    full: bool,
    recheck: str | None,
    since: str | None,
    until: str | None,
    wait: bool,
    setting: tuple[str, ...],
) -> None:
    """Crawl news sections into the archive: listing URLs, or portals of the registry.

    \b
    Examples:
      vnnews crawl https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien --max-pages 3
      vnnews crawl --portal hanoi/sotttt
      vnnews crawl --province ha-noi --level commune
    With no URL and no selection, crawls every registry portal active today whose news
    section is known. --platform forces an adapter for URLs; for the registry it filters.
    """
    from .crawl import (
        CrawlJob,
        build_settings,
        close_runs,
        open_runs,
        prepare_archive,
        record_runs,
        run_crawls,
    )
    from .politeness import on_this_machine

    registry = _load_registry(registry_files)
    if urls:
        if len(portal_ids) > 1:
            raise click.UsageError("with URLs, give at most one --portal (the id to store under)")
        portal_id = portal_ids[0] if portal_ids else None
        jobs = [CrawlJob(start_urls=list(urls), portal=portal_id, platform=platform)]
    else:
        selected = _selected_portals(
            registry, portal_ids, province, level, platform, active_on, default_today=True
        )
        crawlable = [p for p in selected if p.start_urls]
        skipped = [p.id for p in selected if not p.start_urls]
        if portal_ids:  # named one by one: each said
            for portal_id in skipped:
                click.echo(f"skipped {portal_id}: no news-section URL known", err=True)
        elif skipped:  # a selection: one line, not a screenful
            examples = ", ".join(skipped[:3]) + (", …" if len(skipped) > 3 else "")
            click.echo(
                f"skipped {len(skipped)} portal(s) with no news-section URL known ({examples}); "
                "`vnnews portals` lists them, a registry entry's start_urls adds one",
                err=True,
            )
        if not crawlable:
            raise click.ClickException("no selected portal has a news-section URL to crawl")
        jobs = [CrawlJob.for_portal(p) for p in crawlable]
    _check_window(recheck, since, until)
    for job in jobs:
        job.max_pages, job.full, job.recheck = max_pages, full, recheck
        job.since, job.until = since, until
    overrides = _parse_settings(setting)
    overrides.setdefault("LOG_LEVEL", "WARNING")
    # run_crawls lifts the delays of these (scraper.politeness.fit_to_hosts); say which.
    local = [job for job in jobs if on_this_machine(job.start_urls)]
    if local:
        which = "" if len(local) == len(jobs) else f" ({', '.join(_job_name(j) for j in local)})"
        click.echo(f"a server on this machine{which}: crawling without politeness delays", err=True)
    from .lock import ArchiveLocked, archive_lock

    try:

        def say_waiting(busy: ArchiveLocked) -> None:
            click.echo(f"waiting: {busy}", err=True)

        with archive_lock(Path(db), wait=wait, on_wait=say_waiting):
            prepare_archive(db, registry)
            run_id = uuid.uuid4().hex[:12]
            open_runs(db, jobs, run_id)
            try:
                results = run_crawls(jobs, build_settings(db, overrides))
            except ValueError as exc:
                close_runs(db, run_id)
                raise click.ClickException(str(exc)) from None
            record_runs(db, results, run_id=run_id)
    except ArchiveLocked as exc:
        raise click.ClickException(str(exc)) from None
    unreachable = [r for r in results if not r.reached]
    for result in unreachable:
        name = _job_name(result.job)
        moved = result.stats.get("vnnews/moved_to")
        why = f"moved: redirects to {moved}" if moved else "no listing page could be read"
        if result.stats.get("vnnews/listing_failed/robots_txt"):
            why = "its robots.txt forbids crawling the section"
        click.echo(f"unreachable: {name} ({why})", err=True)
    click.echo(
        f"archive: {db} ({len(results) - len(unreachable)} of {len(results)} portal(s) reached)",
        err=True,
    )
    if unreachable and len(unreachable) == len(results):
        sys.exit(1)


def _job_name(job: CrawlJob) -> str:
    return job.portal or ", ".join(job.start_urls)


def _check_window(recheck: str | None, since: str | None, until: str | None) -> None:
    from .policy import RecheckPolicy

    try:
        RecheckPolicy.parse(recheck)
    except ValueError:
        raise click.BadParameter("a number of days or 'all'", param_hint="--recheck") from None
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise click.BadParameter("a date YYYY-MM-DD", param_hint=name) from None


def _selected_portals(
    registry: Registry,
    portal_ids: tuple[str, ...],
    province: str | None,
    level: str | None,
    platform: str | None,
    active_on: Any,
    *,
    default_today: bool,
) -> list[Portal]:
    try:
        if portal_ids:
            return [registry.get(portal_id) for portal_id in portal_ids]
        day = active_on.date() if active_on else (_today_in_vietnam() if default_today else None)
        return registry.select(province=province, level=level, platform=platform, active_on=day)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None


def _today_in_vietnam() -> date:
    from datetime import datetime

    from .extraction.dates import TZ

    return datetime.now(TZ).date()


@cli.command()
@_select_options
@_registry_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, every field.")
def portals(
    province: str | None,
    level: str | None,
    platform: str | None,
    active_on: Any,
    registry_files: tuple[str, ...],
    as_json: bool,
) -> None:
    """List the portals of the registry (built-in and your own files).

    \b
    Examples:
      vnnews portals --province ha-noi --level commune --active-on 2025-12-01
      vnnews portals --province ha-noi --level district --active-on 2022-01-01
    """
    registry = _load_registry(registry_files)
    selected = _selected_portals(
        registry, (), province, level, platform, active_on, default_today=False
    )
    units = load_admin_units()
    for portal in selected:
        unit = units.get(portal.unit_id)
        if as_json:
            row = {**portal.record(), "unit_name": unit.name if unit else None}
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        period = f"{portal.since or '…'} → {portal.until or 'today'}"
        where = portal.start_urls[0] if portal.start_urls else (portal.base_url or "URL unknown")
        # A site whose news section is not known is not crawled: said on its line.
        if not portal.start_urls and portal.base_url:
            where += " (news section unknown: not crawled)"
        click.echo(
            f"{portal.id:38} {portal.level:8} {unit.name if unit else portal.unit_code:28} "
            f"{period:25} {portal.platform or '?':12} {where} [{portal.url_source}]"
        )
    if not as_json:
        crawlable = sum(1 for portal in selected if portal.start_urls)
        click.echo(
            f"{len(selected)} portal(s), {crawlable} with a news-section URL to crawl", err=True
        )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--url",
    help="The page's URL (for links and URL-based rules). Default: the "
    "page's canonical URL if it declares one, else the file's path.",
)
@click.option(
    "--platform",
    type=click.Choice(sorted(PLATFORMS)),
    help="Force a platform adapter instead of detecting it.",
)
@click.option(
    "--listing",
    is_flag=True,
    help="Read the pages as section listings: print their article links, the date shown "
    "beside each, and the next page.",
)
@click.option(
    "--listed-date",
    metavar="TEXT",
    help="The date the page's listing shows beside its link ('Ngày đăng 12/03/2025'): the "
    "publish date when the page shows none, as in a crawl.",
)
def extract(
    files: tuple[str, ...],
    url: str | None,
    platform: str | None,
    listing: bool,
    listed_date: str | None,
) -> None:
    """Extract the article fields from saved pages (`-` reads standard input).

    One file prints one JSON object; several print JSON Lines with a `file` key.
    """
    single = len(files) == 1
    failures = 0
    for name in files:
        try:
            body = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            failures += 1
            _report_failure(name, f"cannot read: {exc.strerror}", single)
            continue
        page_url = url or guess_page_url(decode_html(body[:200_000])) or _file_url(name)
        try:
            if listing:
                fields = asdict(parse_listing(body, page_url, platform=platform))
            else:
                article = extract_article(
                    body, page_url, platform=platform, listed_date=listed_date
                )
                fields = article.to_dict()
        except NotAnArticle as exc:
            failures += 1
            _report_failure(name, str(exc), single)
            continue
        if single:
            click.echo(json.dumps(fields, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps({"file": name, **fields}, ensure_ascii=False))
    if failures:
        sys.exit(1)


def _file_url(name: str) -> str:
    return "file:///dev/stdin" if name == "-" else Path(name).resolve().as_uri()


def _report_failure(name: str, reason: str, single: bool) -> None:
    click.echo(f"vnnews extract: {name}: {reason}", err=True)
    if not single:
        click.echo(json.dumps({"file": name, "error": reason}, ensure_ascii=False))


@cli.command()
@click.argument("target")
@click.option("--url", help="The page's URL, when TARGET is a saved file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def detect(target: str, url: str | None, as_json: bool) -> None:
    """Say which platform a page runs on, and why.

    TARGET is an http(s) URL (fetched once, politely) or a saved page (`-` for standard input).
    """
    from .fetch_one import FetchError, fetch_page

    if target.startswith(("http://", "https://")):
        try:
            body, content_type, page_url = fetch_page(target)
        except FetchError as exc:
            click.echo(f"vnnews detect: {target}: {exc}", err=True)
            sys.exit(1)
    else:
        try:
            body = sys.stdin.buffer.read() if target == "-" else Path(target).read_bytes()
        except OSError as exc:
            click.echo(f"vnnews detect: {target}: cannot read: {exc.strerror}", err=True)
            sys.exit(1)
        content_type = None
        page_url = url or guess_page_url(decode_html(body[:200_000])) or _file_url(target)
    try:
        detection = detect_platform(body, page_url, content_type=content_type)
    except NotAnArticle as exc:
        click.echo(f"vnnews detect: {target}: {exc}", err=True)
        sys.exit(1)
    platform = detection.platform
    if as_json:
        report = {
            "url": page_url,
            "platform": platform.name,
            "description": platform.description,
            "reasons": detection.reasons,
            "article_url": platform.is_article_url(page_url),
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"{platform.name}: {platform.description}")
    for reason in detection.reasons:
        click.echo(f"  - {reason}")
    kind = "an article" if platform.is_article_url(page_url) else "not an article"
    click.echo(f"  URL {page_url}: {kind} by the {platform.name} URL patterns")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--stale-days",
    default=30,
    show_default=True,
    type=click.IntRange(min=1),
    help="Flag portals with no new article for this many days.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one finding per line.")
def health(db: str, stale_days: int, as_json: bool) -> None:
    """Flag portals that need a look: last run stored nothing, extraction failures jumped
    against recent runs (a template change), a listing page failed in the last run (a section
    walked only in part), or nothing new for --stale-days.

    Exits 1 when anything is flagged (for cron and CI), 0 when all is well.
    """
    from archive import Archive
    from archive.health import health_report

    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such archive")
    with Archive(db) as archive:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        findings = health_report(archive.conn, now=now, stale_days=stale_days)
    for finding in findings:
        if as_json:
            click.echo(json.dumps(asdict(finding), ensure_ascii=False))
        else:
            click.echo(f"{finding.portal_id}: {finding.kind}: {finding.detail}")
    if not as_json:
        click.echo(f"{len(findings)} finding(s)", err=True)
    sys.exit(1 if findings else 0)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--portal", "portal_id", help="Only this portal's articles.")
@click.option("--url", help="Only this article.")
def reextract(db: str, portal_id: str | None, url: str | None) -> None:
    """Rebuild article fields from the stored captures with today's extractor, without the
    network. Changed articles get a new version (change "reextract")."""
    from archive import Archive

    from .lock import waiting_for_lock
    from .reextract import reextract_captures

    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such archive")
    with waiting_for_lock(db, lambda text: click.echo(text, err=True)), Archive(db) as archive:
        counts = reextract_captures(archive, portal_id=portal_id, url=url)
    click.echo(
        ", ".join(f"{n} {status}" for status, n in counts.items()) or "no captures", err=True
    )


@cli.command("export-warc")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--portal", "portal_id", help="Only this portal's captures.")
@click.option("--latest", is_flag=True, help="Only the newest capture of each URL.")
def export_warc(out: str, db: str, portal_id: str | None, latest: bool) -> None:
    """Write the raw captures as a WARC file (gzipped when OUT ends in .gz), for web
    archivists' tools (pywb, warcio, ArchiveWeb.page)."""
    from archive import Archive

    from .warc import write_warc

    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such archive")
    with Archive(db) as archive:
        captures = archive.iter_captures(portal_id=portal_id, latest_only=latest)
        count = write_warc(captures, Path(out), gzip=out.endswith(".gz"))
    click.echo(f"{count} record(s) written to {out}", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db: str, port: int, host: str) -> None:
    """Browse and search the archive in Datasette."""
    from archive.serve import serve as serve_archive

    try:
        serve_archive(db, port=port, host=host)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.option("--db", default=DEMO_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette's port.")
@click.option(
    "--serve/--no-serve",
    "serve_after",
    default=True,
    help="Serve the archive in Datasette after the crawl.",
)
def demo(db: str, port: int, serve_after: bool) -> None:
    """Crawl a bundled sample portal served on 127.0.0.1, then browse it in Datasette.

    Fully offline: the sample pages were written for this project and reproduce the markup
    of the Liferay portals that Hanoi's districts and wards ran before July 2025.
    """
    from .crawl import CrawlJob, build_settings, record_runs, run_crawls
    from .demo.portal import SamplePortal
    from .demo.server import serve_portal

    # The sample portal listens on a new port each run, so its article URLs (the archive's
    # keys) change: start from a fresh demo archive rather than pile up copies.
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    portal = SamplePortal()
    with serve_portal(portal, host="127.0.0.1", port=0) as base_url:
        click.echo(f"sample portal at {base_url}{portal.start_path}", err=True)
        job = CrawlJob(start_urls=[base_url + portal.start_path], portal="demo-portal")
        # On 127.0.0.1, it is crawled without politeness delays (scraper.politeness).
        settings = build_settings(db, {"LOG_LEVEL": "WARNING"})
        results = run_crawls([job], settings)
        # Recorded as any crawl's run: `vnnews health --db data/demo.db` has it to read.
        record_runs(db, results, run_id=uuid.uuid4().hex[:12])
        click.echo(f"archive: {db}", err=True)
        if serve_after:
            from archive.serve import serve as serve_archive

            # The sample portal stays up while Datasette runs, so article links work.
            click.echo(
                f"Datasette: http://127.0.0.1:{port}/demo/articles (Ctrl-C to stop)", err=True
            )
            serve_archive(db, port=port, host="127.0.0.1")


cli.add_command(search)
cli.add_command(reindex)
cli.add_command(export)


def main() -> None:
    cli(prog_name="vnnews")


if __name__ == "__main__":
    main()
