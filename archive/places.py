"""Places and runs in the archive: the administrative units, the registry's portals, and a
record of each crawl. The archive gets plain records; it knows nothing of registry files."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from archive.normalize import nfc
from archive.vietnamese import fold

# What a province's name may open with, and other names it goes by, folded: the registry's
# --province option and the canned search query's province read a name the same way.
PROVINCE_PREFIXES = ("thanh pho ", "tinh ", "tp ")
PROVINCE_ALIASES = {"thua thien hue": "46", "hcm": "79", "sai gon": "79"}
_NAME_SEPARATORS = re.compile(r"[^\w]+")

ADMIN_UNIT_COLUMNS = (
    "id",
    "code",
    "name",
    "level",
    "unit_type",
    "province_code",
    "parent_id",
    "valid_from",
    "valid_to",
    "successor_ids",
)
PORTAL_COLUMNS = (
    "name",
    "base_url",
    "platform",
    "start_urls",
    "level",
    "unit_type",
    "unit_code",
    "unit_id",
    "province_code",
    "parent_code",
    "since",
    "until",
    "successors",
    "url_source",
    "url_evidence",
    "notes",
    "registry_source",
)
_JSON_COLUMNS = {"start_urls", "successors", "successor_ids"}
RUN_COLUMNS = (
    "portal_id",
    "started_at",
    "finished_at",
    "status",
    "finish_reason",
    "listing_pages",
    "articles_new",
    "articles_updated",
    "articles_unchanged",
    "articles_failed",
    "errors",
    "run_id",
    "requests",
    "responses_by_status",
    "articles_removed",
    "articles_rechecked",
    "extraction_warnings",
    "listing_stop",
    "moved_to",
)


def _value(column: str, value: Any) -> Any:
    if column in _JSON_COLUMNS:
        return json.dumps(list(value or []), ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return nfc(value) if value != "" else None


def province_key(text: str | None) -> str | None:
    """A province as the canned search query compares them: its GSO code for a code ("1",
    "01") or another name ("TP.HCM", "Sài Gòn"), else its name folded, without "Thành phố" or
    "Tỉnh" ("ha-noi", "Hà Nội" and "Thành phố Hà Nội" all give "ha noi")."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if text.isdigit():
        return text.zfill(2)
    key = " ".join(_NAME_SEPARATORS.sub(" ", fold(text)).split())
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix):
            key = key.removeprefix(prefix)
            break
    return PROVINCE_ALIASES.get(key, key)


def sync_admin_units(conn: sqlite3.Connection, units: Iterable[Mapping[str, Any]]) -> bool:
    """Replace the admin_units table when the snapshot differs from the stored one.

    Returns whether it was rewritten. A fingerprint of the rows, kept in archive_meta,
    makes the usual case (same snapshot, every crawl) one small query.
    """
    rows = [tuple(_value(c, unit.get(c)) for c in ADMIN_UNIT_COLUMNS) for unit in units]
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
    stored = conn.execute("SELECT value FROM archive_meta WHERE key = 'admin_units'").fetchone()
    if stored is not None and stored[0] == digest:
        return False
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM admin_units")
        marks = ", ".join("?" for _ in ADMIN_UNIT_COLUMNS)
        conn.executemany(
            f"INSERT INTO admin_units ({', '.join(ADMIN_UNIT_COLUMNS)}) VALUES ({marks})", rows
        )
        conn.execute(
            "INSERT INTO archive_meta (key, value) VALUES ('admin_units', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (digest,),
        )
    return True


def upsert_registry_portals(conn: sqlite3.Connection, portals: Iterable[Mapping[str, Any]]) -> int:
    """Insert or update every registry portal (crawled or not), keeping crawl dates."""
    assignments = ", ".join(f"{c} = excluded.{c}" for c in PORTAL_COLUMNS)
    sql = (
        f"INSERT INTO portals (id, {', '.join(PORTAL_COLUMNS)}) "
        f"VALUES (:id, {', '.join(':' + c for c in PORTAL_COLUMNS)}) "
        f"ON CONFLICT (id) DO UPDATE SET {assignments}"
    )
    rows = []
    for portal in portals:
        row = {c: _value(c, portal.get(c)) for c in PORTAL_COLUMNS}
        row["registry_source"] = nfc(portal.get("source") or portal.get("registry_source"))
        row["id"] = nfc(portal["id"])
        rows.append(row)
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
    return len(rows)


def record_crawl_run(conn: sqlite3.Connection, run: Mapping[str, Any]) -> int:
    """Store one portal's crawl summary; returns its id. Keys outside RUN_COLUMNS are ignored
    and missing ones stored as NULL, so older callers keep working."""
    values = [_value(c, run.get(c)) for c in RUN_COLUMNS]
    with conn:
        cursor = conn.execute(
            f"INSERT INTO crawl_runs ({', '.join(RUN_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in RUN_COLUMNS)})",
            values,
        )
    return int(cursor.lastrowid or 0)


# A run's row is written when it starts ("running"), and replaced by its summary when it ends:
# a crawl killed (SIGKILL, a power cut) leaves its row, which the next crawl, holding the
# archive's lock (so no other is running), marks "interrupted" for health to report.
RUNNING, INTERRUPTED = "running", "interrupted"


def open_crawl_runs(
    conn: sqlite3.Connection, portal_ids: list[str], run_id: str, when: str
) -> None:
    """Mark the runs left "running" by a crawl that never ended as interrupted; open this
    crawl's runs."""
    with conn:
        conn.execute(
            "UPDATE crawl_runs SET status = ?, finish_reason = 'ended before its summary' "
            "WHERE status = ?",
            (INTERRUPTED, RUNNING),
        )
        conn.executemany(
            "INSERT INTO crawl_runs (portal_id, started_at, status, run_id) VALUES (?, ?, ?, ?)",
            [(portal_id, when, RUNNING, run_id) for portal_id in dict.fromkeys(portal_ids)],
        )


def close_crawl_runs(conn: sqlite3.Connection, run_id: str) -> None:
    """Drop this crawl's opened runs (their summaries replace them)."""
    with conn:
        conn.execute("DELETE FROM crawl_runs WHERE run_id = ? AND status = ?", (run_id, RUNNING))
