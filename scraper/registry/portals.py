"""Read and check the portal registry: one TOML file per province in `registry/portals/`,
plus the user's own files, which add portals or override built-in ones by id.

Every error names the file, the entry (line and id) and the reason, and is raised before any
crawl starts: a registry is only useful if it can be trusted.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .admin_units import AdminUnit, find_province, load_admin_units, resolve_unit

BUILTIN_DIR = Path(__file__).resolve().parent / "portals"
# Extra registry files, separated like PATH: what `--registry FILE` gives on the command line.
ENV_VAR = "VNNEWS_REGISTRY"
LEVELS = ("province", "district", "commune")
URL_SOURCES = ("seen", "inferred", "unknown")
REQUIRED = ("id", "name", "level", "unit_type", "unit_code", "url_source")
OPTIONAL = (
    "parent_code",
    "base_url",
    "start_urls",
    "platform",
    "since",
    "until",
    "successors",
    "url_evidence",
    "notes",
)
PORTAL_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9.-]*)+$")


class RegistryError(ValueError):
    """A registry file that cannot be used, with where and why."""


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    level: str
    unit_type: str
    unit_code: str
    province_code: str
    url_source: str
    unit_id: str  # the admin_units id the code resolves to ("005" of today or "old:005")
    parent_code: str | None = None
    base_url: str | None = None
    start_urls: tuple[str, ...] = ()
    platform: str | None = None
    since: str | None = None
    until: str | None = None
    successors: tuple[str, ...] = ()
    url_evidence: str | None = None
    notes: str | None = None
    source: str = ""  # "file:line" of the entry

    def active_on(self, day: date) -> bool:
        iso = day.isoformat()
        return (self.since is None or self.since <= iso) and (
            self.until is None or iso <= self.until
        )

    def record(self) -> dict[str, Any]:
        """The archive's row for this portal."""
        row = asdict(self)
        row["start_urls"] = list(self.start_urls)
        row["successors"] = list(self.successors)
        return row


@dataclass
class Registry:
    portals: dict[str, Portal] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def get(self, portal_id: str) -> Portal:
        try:
            return self.portals[portal_id]
        except KeyError:
            raise RegistryError(f"no portal with id {portal_id!r} in the registry") from None

    def select(
        self,
        *,
        province: str | None = None,
        level: str | None = None,
        platform: str | None = None,
        active_on: date | None = None,
    ) -> list[Portal]:
        """Portals matching every given filter, by id."""
        code = None
        if province is not None:
            unit = find_province(province)
            if unit is None:
                raise RegistryError(f"unknown province {province!r} (a code, slug or name)")
            code = unit.code
        return [
            p
            for p in sorted(self.portals.values(), key=lambda p: p.id)
            if (code is None or p.province_code == code)
            and (level is None or p.level == level)
            and (platform is None or p.platform == platform)
            and (active_on is None or p.active_on(active_on))
        ]


def user_files(paths: Sequence[str | Path] = ()) -> list[Path]:
    """The user's registry files: `--registry` options, then $VNNEWS_REGISTRY."""
    extra = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return [Path(p) for p in (*paths, *extra)]


def load_registry(extra: Sequence[str | Path] = (), *, builtin: bool = True) -> Registry:
    """The built-in registry, then each user file in order; a user entry replaces the
    built-in one of the same id. Raises RegistryError on the first bad file or entry."""
    from scraper.extraction import PLATFORMS  # the adapters' names are the valid platforms

    registry = Registry()
    layers: list[list[Path]] = []
    if builtin:
        layers.append(sorted(BUILTIN_DIR.glob("*.toml")))
    layers.extend([[path] for path in user_files(extra)])
    for files in layers:
        seen_in_layer: dict[str, str] = {}
        for path in files:
            for portal in _read_file(path, set(PLATFORMS)):
                if portal.id in seen_in_layer:
                    raise RegistryError(
                        f"{portal.source}: duplicate id {portal.id!r} "
                        f"(also at {seen_in_layer[portal.id]})"
                    )
                seen_in_layer[portal.id] = portal.source
                registry.portals[portal.id] = portal
            registry.files.append(path)
    return registry


def _read_file(path: Path, platforms: set[str]) -> list[Portal]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: {exc}") from None
    province = str(data.get("province", "")).strip()
    unknown_top = set(data) - {"province", "portals"}
    if unknown_top:
        raise RegistryError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown_top))}")
    province_unit = find_province(province) if province else None
    if province_unit is None:
        raise RegistryError(f"{path}: 'province' must be a province code, got {province!r}")
    entries = data.get("portals", [])
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: [[portals]] must be an array of tables")
    # Where each [[portals]] header starts (tomllib gives no positions): found once a file.
    headers = [m.start() for m in re.finditer(r"^\s*\[\[portals\]\]", text, re.MULTILINE)]
    return [
        _portal(entry, f"{path}:{_line_of(text, headers, entry, index)}", province_unit, platforms)
        for index, entry in enumerate(entries, start=1)
    ]


def _line_of(text: str, headers: list[int], entry: Any, index: int) -> int:
    """The line of the entry's id, else of its [[portals]] header (`headers`: their offsets):
    the id is looked for from the entry's own header on, so that a duplicate id names its
    line."""
    start = headers[index - 1] if len(headers) >= index else 0
    portal_id = entry.get("id") if isinstance(entry, dict) else None
    if isinstance(portal_id, str):
        pattern = re.compile(rf'^\s*id\s*=\s*"{re.escape(portal_id)}"', re.MULTILINE)
        match = pattern.search(text, start) or pattern.search(text)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return text.count("\n", 0, start) + 1 if len(headers) >= index else 0


def _provinces_today(unit: AdminUnit) -> set[str]:
    """The provinces of today the unit lies in: its own, or, for a unit abolished in a
    reform, those of the units that took it over (empty when none is known)."""
    units = load_admin_units()
    found: set[str] = set()
    todo, seen = [unit], set()
    while todo:
        current = todo.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        if not current.abolished:
            found.add(current.code if current.level == "province" else current.province_code)
        todo.extend(units[i] for i in current.successor_ids if i in units)
    return found


def _portal(entry: Any, where: str, province: AdminUnit, platforms: set[str]) -> Portal:
    def fail(reason: str) -> RegistryError:
        label = entry.get("id") if isinstance(entry, dict) else None
        return RegistryError(f"{where}: portal {label!r}: {reason}")

    if not isinstance(entry, dict):
        raise fail("not a table")
    missing = [key for key in REQUIRED if not str(entry.get(key, "")).strip()]
    if missing:
        raise fail(f"missing required key(s): {', '.join(missing)}")
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise fail(f"unknown key(s): {', '.join(sorted(unknown))}")
    if not PORTAL_ID.match(entry["id"]):
        raise fail("id must look like 'hanoi/caugiay-district' (lower-case, with a '/')")
    if entry["level"] not in LEVELS:
        raise fail(f"level must be one of {', '.join(LEVELS)}, got {entry['level']!r}")
    if entry["url_source"] not in URL_SOURCES:
        raise fail(f"url_source must be one of {', '.join(URL_SOURCES)}")
    platform = entry.get("platform")
    if platform is not None and platform not in platforms:
        raise fail(f"unknown platform {platform!r} (known: {', '.join(sorted(platforms))})")
    since, until = (_iso_date(entry.get(key), key, fail) for key in ("since", "until"))
    unit = resolve_unit(str(entry["unit_code"]), until=until)
    if unit is None:
        raise fail(f"unknown administrative unit code {entry['unit_code']!r}")
    if unit.level != entry["level"]:
        raise fail(f"unit {unit.code} ({unit.name}) is a {unit.level}, not a {entry['level']}")
    provinces = _provinces_today(unit)
    if provinces and province.code not in provinces:
        raise fail(
            f"unit {unit.code} ({unit.name}) lies in province {', '.join(sorted(provinces))} "
            f"today, not in this file's province {province.code} ({province.name})"
        )
    successors = tuple(str(code) for code in entry.get("successors", []))
    units = load_admin_units()
    for code in successors:
        if code not in units:
            raise fail(f"successor {code!r} is not an administrative unit of today")
    start_urls = entry.get("start_urls", [])
    if isinstance(start_urls, str):
        start_urls = [start_urls]  # one URL written without the brackets of a list
    if not isinstance(start_urls, list) or not all(isinstance(u, str) for u in start_urls):
        raise fail('start_urls must be a list of URLs: start_urls = ["https://…"]')
    start_urls = tuple(start_urls)
    base_url = entry.get("base_url")
    if entry["url_source"] != "unknown" and not (base_url or start_urls):
        raise fail("a portal whose URL is seen or inferred needs base_url or start_urls")
    for url in (*start_urls, *([base_url] if base_url else [])):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise fail(f"not an http(s) URL: {url!r}")
    return Portal(
        id=entry["id"],
        name=entry["name"],
        level=entry["level"],
        unit_type=entry["unit_type"],
        unit_code=str(entry["unit_code"]),
        # Today's province (the file's), so that old and new sources of a place group together;
        # the unit's own province of its time is in admin_units.
        province_code=province.code,
        url_source=entry["url_source"],
        unit_id=unit.id,
        parent_code=str(entry["parent_code"]) if entry.get("parent_code") else None,
        base_url=base_url,
        start_urls=start_urls,
        platform=platform,
        since=since,
        until=until,
        successors=successors,
        url_evidence=entry.get("url_evidence"),
        notes=entry.get("notes"),
        source=where,
    )


def _iso_date(value: Any, key: str, fail: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):  # TOML dates arrive as datetime.date
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise fail(f"{key} must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def portals_table(portals: Iterable[Portal]) -> list[dict[str, Any]]:
    return [p.record() for p in portals]
