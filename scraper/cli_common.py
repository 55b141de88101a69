"""What the `vnnews` command modules share: the default archive, and the day and province
options of the commands that select articles (export, search), read the same way."""

from __future__ import annotations

from datetime import datetime

import click

from .registry.admin_units import find_province

DEFAULT_DB = "data/archive.db"

# A publication day; strptime reads unpadded months and days too ("2025-7-1").
DAY = click.DateTime(formats=["%Y-%m-%d"])


def province_code(province: str | None) -> str | None:
    """The GSO code of the province of today given as a code (01), slug (ha-noi) or name
    (Hà Nội); None without one. An unknown province is a usage error, never an empty result."""
    if province is None:
        return None
    unit = find_province(province)
    if unit is None:
        raise click.BadParameter(f"unknown province {province!r}", param_hint="--province")
    return unit.code


def check_period(since: datetime | None, until: datetime | None) -> None:
    if since and until and since > until:
        raise click.BadParameter("--since is after --until", param_hint="--since")
