"""Vietnam's administrative units before and after the reform of 1 July 2025.

The data is scraper/registry/admin_units.csv, shipped as package data: today's 34 provinces and
3,321 communes (phường, xã, đặc khu), plus every unit abolished on 2025-06-30 under the id
"old:<GSO code>" (29 merged-away provinces, 696 districts, ~10,000 communes) with the ids of
today's units that took over its territory. Districts no longer exist; a portal of a former
district (PORTALS.md §1) serves today's communes listed as its successors.

The CSV is generated from the PyPI packages vietnam-provinces (>= 2026.9; current and legacy
units, the official old→new commune table) and vietnamadminunits (cross-check) by
scripts/build_admin_units.py — see its docstring to regenerate. This module needs only the CSV.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from archive import places

DEFAULT_PATH = Path(__file__).with_name("admin_units.csv")
LAST_DAY_BEFORE_REFORM = "2025-06-30"
OLD = "old:"
# Type words that open a province name ("Thành phố Hà Nội") or a user's query ("TP Hà Nội"),
# and common names that are not the official short name (Huế was "Thừa Thiên Huế" until
# 2025), as slugs: the archive's search reads them too (archive.places).
PROVINCE_PREFIXES = tuple(p.replace(" ", "-") for p in places.PROVINCE_PREFIXES)
PROVINCE_ALIASES = {k.replace(" ", "-"): v for k, v in places.PROVINCE_ALIASES.items()}


@dataclass(frozen=True)
class AdminUnit:
    """One row of admin_units.csv; see the registry brief for the meaning of each field."""

    id: str
    code: str
    name: str
    level: str  # province | district | commune
    unit_type: str  # "tỉnh", "quận", "phường", ...
    province_code: str  # the province it belonged to in its own time
    parent_id: str
    valid_from: str
    valid_to: str
    successor_ids: tuple[str, ...]

    @property
    def abolished(self) -> bool:
        return bool(self.valid_to)


@cache
def load_admin_units(path: Path = DEFAULT_PATH) -> dict[str, AdminUnit]:
    """All units by id ("01", "00166", "old:005", ...), in file order."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        return {
            r["id"]: AdminUnit(
                **{**r, "successor_ids": tuple(filter(None, r["successor_ids"].split(";")))}
            )
            for r in csv.DictReader(f)
        }


def resolve_unit(code: str, *, until: str | None = None) -> AdminUnit | None:
    """The unit a registry entry means by `code`.

    A GSO code can name both a unit of today and the pre-reform unit that had it ("00004"):
    an entry that stopped (`until`, ISO date) by 2025-06-30 means the old one if there is one.
    An id that already carries "old:" is looked up as is.
    """
    units = load_admin_units()
    if code.startswith(OLD):
        return units.get(code)
    order = (OLD + code, code) if until and until <= LAST_DAY_BEFORE_REFORM else (code, OLD + code)
    return next((units[i] for i in order if i in units), None)


def slugify(text: str) -> str:
    """ASCII slug: tone marks and đ folded, lower case, runs of other characters → "-"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _short_slug(name: str) -> str:
    slug = slugify(name)
    for prefix in PROVINCE_PREFIXES:
        if slug.startswith(prefix):
            return slug.removeprefix(prefix)
    return slug


def province_of(unit: AdminUnit) -> AdminUnit:
    """The province `unit` belonged to in its own time (itself for a province)."""
    if unit.level == "province":
        return unit
    province = resolve_unit(unit.province_code, until=unit.valid_to or None)
    if province is None:  # the snapshot's tests guarantee this does not happen
        raise KeyError(f"no province {unit.province_code} for {unit.id}")
    return province


def province_slug(unit: AdminUnit) -> str:
    """Slug of the short name of the unit's province of its time: "Thành phố Hà Nội" → "ha-noi".

    For the registry file of a former unit use `current_province` first (Ninh Thuận's portals live
    in khanh-hoa.toml).
    """
    return _short_slug(province_of(unit).name)


def current_province(unit: AdminUnit) -> AdminUnit:
    """Today's province covering `unit` (through its successors when it was abolished)."""
    province = province_of(unit)
    if not province.abolished:
        return province
    return load_admin_units()[province.successor_ids[0]]


@cache
def _province_index() -> dict[str, AdminUnit]:
    """Short-name slug → province; today's provinces win over merged-away namesakes."""
    provinces = [u for u in load_admin_units().values() if u.level == "province"]
    provinces.sort(key=lambda u: not u.abolished)  # current ones last, so they overwrite
    return {_short_slug(u.name): u for u in provinces}


def find_province(text: str) -> AdminUnit | None:
    """A province from a code ("01", "1"), a slug ("ha-noi") or a name ("Hà Nội", "ha noi").

    Today's province is preferred; codes and names of merged-away provinces ("02", "Hà Giang")
    give the "old:" unit.
    """
    text = text.strip()
    if text.isdigit():
        unit = resolve_unit(text.zfill(2))
        return unit if unit is not None and unit.level == "province" else None
    slug = _short_slug(text)
    if slug in PROVINCE_ALIASES:
        return load_admin_units()[PROVINCE_ALIASES[slug]]
    return _province_index().get(slug)


def successors_of(unit_id: str) -> list[AdminUnit]:
    """Today's units that took over the territory of the abolished unit `unit_id`."""
    units = load_admin_units()
    unit = units.get(unit_id)
    return [units[i] for i in unit.successor_ids] if unit else []


@cache
def _predecessor_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for unit in load_admin_units().values():
        for successor in unit.successor_ids:
            index.setdefault(successor, []).append(unit.id)
    return {k: tuple(v) for k, v in index.items()}


def predecessors_of(unit_id: str) -> list[AdminUnit]:
    """Abolished units whose territory went (at least partly) to `unit_id`, e.g. today's phường
    Cầu Giấy "00166" ← "old:005" (quận Cầu Giấy) and the old wards merged into it."""
    units = load_admin_units()
    return [units[i] for i in _predecessor_index().get(unit_id, ())]
