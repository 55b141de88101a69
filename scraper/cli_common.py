"""What the `vnnews` command modules share: the default archive, and the day and province
options of the commands that select articles (export, search), read the same way."""

from __future__ import annotations

from datetime import date

import click

from archive.search_tags import period_bound

from .registry.admin_units import find_province

DEFAULT_DB = "data/archive.db"


class PeriodBound(click.ParamType):
    """A period's first or last day, given as a day, a month or a year ("2025-07-01",
    "2025-7", "2025"), as the search page in Datasette reads them: --since 2025 is 1 January,
    --until 2025 is 31 December."""

    name = "YYYY[-MM[-DD]]"

    def __init__(self, last: bool) -> None:
        self.last = last

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        bound = period_bound(str(value), self.last)
        if bound is None:
            self.fail(
                f"{value!r} is no day, month or year (YYYY-MM-DD, YYYY-MM or YYYY)", param, ctx
            )
        return bound


SINCE = PeriodBound(last=False)
UNTIL = PeriodBound(last=True)
# The two options, as every command that selects articles by their day takes them.
since_option = click.option(
    "--since",
    type=SINCE,
    help="Published on or after this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY).",
)
until_option = click.option(
    "--until", type=UNTIL, help="Published on or before this day, or the end of this month or year."
)


def province_code(province: str | None) -> str | None:
    """The GSO code of the province of today given as a code (01), slug (ha-noi) or name
    (Hà Nội); None without one. An unknown province is a usage error, never an empty result."""
    if province is None:
        return None
    unit = find_province(province)
    if unit is None:
        raise click.BadParameter(f"unknown province {province!r}", param_hint="--province")
    return unit.code


def check_period(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise click.BadParameter("--since is after --until", param_hint="--since")
