"""`vnnews export`: articles with their place as CSV, JSON Lines or Parquet, for researchers.

The export itself is archive/export.py (streaming, constant memory); this module turns the
command line into its filters — a province given by code, slug or name is resolved through the
registry's admin units (cli_common.province_code), since archive/ knows nothing of the
registry. Registered in
scraper/cli.py with `cli.add_command(export)`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import click

from .cli_common import DEFAULT_DB, check_period, province_code, since_option, until_option
from .registry.portals import LEVELS


@contextmanager
def _text_output(output: str) -> Iterator[IO[str]]:
    """UTF-8 text to a file, or to stdout for "-"; newline="" as the csv module wants."""
    if output != "-":
        with Path(output).open("w", encoding="utf-8", newline="") as f:
            yield f
        return
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # leave stdout open for click


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "jsonl", "parquet"]))
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--output",
    "-o",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write; - for standard output.",
)
@click.option("--portal", "portal_ids", multiple=True, help="Only this portal (repeatable).")
@click.option(
    "--province",
    help="Province: code (01), slug (ha-noi) or name; one merged away in 2025 selects the "
    "portals of its units of the time.",
)
@click.option("--level", type=click.Choice(LEVELS), help="Tier of the portal's unit.")
@since_option
@until_option
@click.option("--include-removed", is_flag=True, help="Also articles taken down by the portal.")
@click.option(
    "--excel",
    is_flag=True,
    help="CSV for Excel: starts with a byte-order mark, without which Excel reads UTF-8 as "
    "the Windows code page and garbles Vietnamese, and text starting with = + - @ gets an "
    "apostrophe so that Excel does not run it as a formula.",
)
def export(
    fmt: str,
    db: str,
    output: str,
    portal_ids: tuple[str, ...],
    province: str | None,
    level: str | None,
    since: date | None,
    until: date | None,
    include_removed: bool,
    excel: bool,
) -> None:
    """Export articles with their portal, unit and province, streamed in constant memory.

    CSV keeps the list columns (authors, images, attachments, warnings) as JSON text; JSON
    Lines and Parquet decode them. Articles without a publication date are left out when
    --since or --until is given. Examples:

    \b
      vnnews export --format csv --province ha-noi --since 2025-07-01 -o hanoi.csv
      vnnews export --format parquet --level commune -o communes.parquet
    """
    from archive import Archive
    from archive.export import (
        PARQUET_NEEDS,
        ExportFilter,
        iter_rows,
        removed_left_out,
        write_csv,
        write_jsonl,
        write_parquet,
    )

    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such archive")
    if excel and fmt != "csv":
        raise click.BadParameter("only for --format csv", param_hint="--excel")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401  (an optional dependency: said before any work)
        except ImportError:
            raise click.ClickException(PARQUET_NEEDS) from None
    code = province_code(province)
    check_period(since, until)
    if output != "-":
        # ("-o exports/hanoi.csv" on a fresh checkout: the folder is made, as --db's is.)
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot write there ({exc.strerror})") from None
    filters = ExportFilter(
        portal_ids=portal_ids,
        province_code=code,
        level=level,
        since=since,
        until=until,
        include_removed=include_removed,
    )
    with Archive(db) as archive:
        rows = iter_rows(archive.conn, filters)
        if fmt == "parquet":
            target: Any = output if output != "-" else sys.stdout.buffer
            count = write_parquet(rows, target)
        else:
            with _text_output(output) as out:
                if fmt == "jsonl":
                    count = write_jsonl(rows, out)
                else:
                    if excel:
                        out.write("\ufeff")
                    count = write_csv(rows, out, excel=excel)
        left_out = removed_left_out(archive.conn, filters)
    where = "standard output" if output == "-" else output
    note = (
        f"; {left_out} taken down by the portal left out (--include-removed adds them)"
        if left_out
        else ""
    )
    click.echo(f"{count} article(s) exported to {where}{note}", err=True)
