"""Build scraper/registry/admin_units.csv, the snapshot of Vietnam's administrative units.

Sources (PyPI, used only here, never at runtime):
  * vietnam-provinces >= 2026.9 (GPL-3.0-or-later): today's 34 provinces and 3,321 communes,
    `vietnam_provinces.legacy` (63 provinces / 696 districts / 10,051 communes before the reform of
    1 July 2025) and the official code-based old→new commune table
    (`_ward_conversion_2025.OLD_TO_NEW`, generated from the government's conversion CSV).
    Avoid 2025.x releases: they carry wrong codes for 121 communes.
  * vietnamadminunits (MIT): the same GSO codes in SQLite. Used to cross-check every code, and
    to place the few communes the conversion table misses (see `_successors_of_missing`), and
    for the names of 10 communes formed by 2023-2025 mergers that the conversion table names
    but vietnam_provinces.legacy lacks (so 10,061 pre-2025 communes in all).
The CSV schema is fixed by the registry brief (ids "old:<code>" for units abolished on 2025-06-30).

Regenerate (vietnam-provinces declares Python >= 3.12 but imports fine on 3.11):
    python3.11 -m venv /tmp/au-venv
    /tmp/au-venv/bin/pip install --ignore-requires-python 'vietnam-provinces>=2026.9' vietnamadminunits
    /tmp/au-venv/bin/python scripts/build_admin_units.py
The output is deterministic (rows sorted by level, then id), so a rerun gives a clean diff.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import vietnam_provinces as vp
from vietnam_provinces import legacy
from vietnam_provinces._province_conversion_2025 import OLD_TO_NEW as PROVINCE_OLD_TO_NEW
from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW as WARD_OLD_TO_NEW
from vietnamadminunits.converter import converter_2025 as vau_converter
from vietnamadminunits.database import query as vau_query

OUT = Path(__file__).resolve().parents[1] / "scraper" / "registry" / "admin_units.csv"
COLUMNS = ("id", "code", "name", "level", "unit_type", "province_code", "parent_id")
COLUMNS += ("valid_from", "valid_to", "successor_ids")
FIRST_DAY, LAST_DAY = "2025-07-01", "2025-06-30"  # the reform took effect on 1 July 2025
# Old-style tone placement on word-final oa/oe/uy ("hoà", "thuỷ") vs new style ("hòa", "thủy").
OLD_TONE = re.compile(r"([oOuU])([aeyAEY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])")
LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
EXPECTED = {"provinces": 34, "communes": 3321, "hanoi": 126, "legacy_provinces": 63}
EXPECTED |= {"districts": 696, "hanoi_districts": 30, "merged_away": 29}

# What vietnamadminunits is compared on: (label, level, abolished, SQL giving code c, name n,
# province p).
LEGACY_TABLE = "admin_units_legacy"
CROSS_CHECKS = [
    ("current communes", "commune", False, "SELECT wardCode c, ward n, provinceCode p FROM admin_units"),
    ("pre-2025 districts", "district", True,
     f"SELECT DISTINCT districtCode c, district n, provinceCode p FROM {LEGACY_TABLE}"),
    ("pre-2025 communes", "commune", True,
     f"SELECT wardCode c, ward n, provinceCode p FROM {LEGACY_TABLE} WHERE wardCode IS NOT NULL"),
]  # fmt: skip

Row = dict[str, str]


def p2(code: int) -> str:
    return f"{code:02d}"


def d3(code: int) -> str:
    return f"{code:03d}"


def w5(code: int) -> str:
    return f"{code:05d}"


def unit(code: str, name: str, unit_type: str, level: str, province: str, parent: str) -> Row:
    """A unit that exists today; `gone` turns it into an abolished one."""
    name = unicodedata.normalize("NFC", name)
    name = name[0].upper() + name[1:]  # 2026.9 has one "xã Bắc Sơn"; type words are capitalised
    valid_from = FIRST_DAY if level == "commune" else ""
    values = (code, code, name, level, str(unit_type).lower(), province, parent, valid_from)
    return dict(zip(COLUMNS, (*values, "", ""), strict=True))


def gone(row: Row, successors: set[str]) -> Row:
    """The same unit, abolished on 2025-06-30, its territory now in `successors` (ids)."""
    changes = {"id": f"old:{row['id']}", "valid_from": "", "valid_to": LAST_DAY}
    return row | changes | {"successor_ids": ";".join(sorted(successors))}


def _successors_of_missing(ward: legacy.Ward, district_successors: set[str]) -> set[str]:
    """Successors of a pre-2025 commune absent from the conversion table.

    vietnam_provinces.legacy is a slightly older snapshot than the conversion table: a few
    dozen communes were merged in 2023-2025, before the reform. vietnamadminunits' legacy table
    is the 30 June 2025 state and lists the merged communes' former names among the keywords
    of the commune that absorbed them, so follow it there, then to today's commune(s). When
    nothing matches, fall back to all successors of the district (the territory is certainly
    within them) and say so.
    """
    key = ward.codename.replace("_", "")
    rows = vau_query(
        "SELECT provinceKey, districtKey, wardKey, wardCode, wardKeywords FROM admin_units_legacy "
        f"WHERE districtCode = '{d3(ward.district_code.value)}'"
    )
    found = set()
    for r in rows:
        keywords = json.loads(r["wardKeywords"] or "[]")
        if r["wardCode"] != w5(ward.code.value) and key not in keywords:
            continue
        if (entry := WARD_OLD_TO_NEW.get(int(r["wardCode"]))) is not None:
            found |= {w5(n.code) for n in entry.new_wards}
            continue
        # Not in the official table either: use vietnamadminunits' own (name-key based) one.
        new_pk = next(k for k, v in vau_converter.DICT_PROVINCE.items() if r["provinceKey"] in v)
        old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        undivided = vau_converter.DICT_PROVINCE_WARD_NO_DIVIDED[new_pk]
        new_keys = [k for k, olds in undivided.items() if old_key in olds]
        divided = vau_converter.DICT_PROVINCE_WARD_DIVIDED.get(new_pk, {}).get(old_key, [])
        new_keys += [x["newWardKey"] for x in divided]
        for k in new_keys:
            sql = f"SELECT wardCode FROM admin_units WHERE provinceKey = '{new_pk}' AND wardKey = '{k}'"
            found |= {r2["wardCode"] for r2 in vau_query(sql)}
    if not found:
        print(f"  {w5(ward.code.value)} {ward.name}: no trace; using its district's successors")
        return district_successors
    return found


def district_successors(communes: list[vp.Ward]) -> dict[int, set[str]]:
    """Old district → union of its communes' successors (island districts: the đặc khu)."""
    districts = {d.code.value: d for d in legacy.District.iter_all()}
    succ: dict[int, set[str]] = {d: set() for d in districts}
    for e in WARD_OLD_TO_NEW.values():
        succ[e.old_ward.district_code] |= {w5(n.code) for n in e.new_wards}
    for d, found in succ.items():
        if not found:  # five island districts had no communes; each is a đặc khu today
            name = districts[d].name.replace("Huyện", "Đặc khu")
            (new,) = PROVINCE_OLD_TO_NEW[districts[d].province_code.value].new_provinces
            found |= {
                w5(w.code.value) for w in communes if (w.province_code, w.name) == (new.code, name)
            }
    return succ


def build_rows() -> list[Row]:
    current = {p.code.value for p in vp.Province.iter_all()}
    communes = list(vp.Ward.iter_all())
    old_wards = {w.code.value: w for w in legacy.Ward.iter_all()}
    district_succ = district_successors(communes)
    rows = []
    for p in vp.Province.iter_all():
        rows.append(unit(p2(p.code), p.name, p.division_type, "province", p2(p.code), ""))
    for w in communes:
        prov = p2(w.province_code)
        rows.append(unit(w5(w.code), w.name, w.division_type, "commune", prov, prov))
    for p in legacy.Province.iter_all():
        if p.code.value not in current:  # merged away: its code lives on only in archives
            (new,) = PROVINCE_OLD_TO_NEW[p.code.value].new_provinces
            old = unit(p2(p.code), p.name, p.division_type, "province", p2(p.code), "")
            rows.append(gone(old, {p2(new.code)}))
    for d in legacy.District.iter_all():
        prov = p2(d.province_code)
        parent = prov if d.province_code.value in current else f"old:{prov}"
        old = unit(d3(d.code), d.name, d.division_type, "district", prov, parent)
        rows.append(gone(old, district_succ[d.code.value]))
    for c, w in old_wards.items():
        if (entry := WARD_OLD_TO_NEW.get(c)) is not None:
            succ = {w5(n.code) for n in entry.new_wards}
        else:
            succ = _successors_of_missing(w, district_succ[w.district_code.value])
        prov = p2(legacy.District.from_code(w.district_code).province_code)
        old = unit(w5(c), w.name, w.division_type, "commune", prov, f"old:{d3(w.district_code)}")
        rows.append(gone(old, succ))
    # The conversion table also names a few communes formed by 2023-2025 mergers that the
    # legacy list lacks; their names come from vietnamadminunits' 30 June 2025 table.
    extra = ",".join(f"'{w5(c)}'" for c in WARD_OLD_TO_NEW if c not in old_wards)
    sql = f"SELECT wardCode, ward, wardType FROM admin_units_legacy WHERE wardCode IN ({extra})"
    for r in vau_query(sql):
        e = WARD_OLD_TO_NEW[int(r["wardCode"])]
        prov, parent = p2(e.old_ward.province_code), f"old:{d3(e.old_ward.district_code)}"
        old = unit(r["wardCode"], r["ward"], r["wardType"], "commune", prov, parent)
        rows.append(gone(old, {w5(n.code) for n in e.new_wards}))
    rows.sort(key=lambda r: (LEVEL_ORDER[r["level"]], r["id"]))
    return rows


def check_counts(rows: list[Row]) -> None:
    def count(level: str, old: bool, province: str | None = None) -> Counter[str]:
        return Counter(
            r["unit_type"]
            for r in rows
            if r["level"] == level
            and r["id"].startswith("old:") == old
            and (province is None or r["province_code"] == province)
        )

    got = {
        "provinces": count("province", False).total(),
        "merged_away": count("province", True).total(),
        "communes": count("commune", False).total(),
        "hanoi": count("commune", False, "01").total(),
        "districts": count("district", True).total(),
        "hanoi_districts": count("district", True, "01").total(),
    }
    got["legacy_provinces"] = got["provinces"] + got["merged_away"]
    print("counts:", got)
    print("  current communes by type:", dict(count("commune", False)))
    print("  Hanoi communes by type:", dict(count("commune", False, "01")))
    print("  pre-2025 communes:", count("commune", True).total(), dict(count("commune", True)))
    for k, v in EXPECTED.items():
        assert got[k] == v, f"{k}: expected {v}, got {got[k]}"
    assert len({r["id"] for r in rows}) == len(rows), "duplicate ids"


def fold(name: str) -> str:
    """Case-fold and move word-final oa/oe/uy tone marks to one place, for name comparison."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return unicodedata.normalize("NFC", OLD_TONE.sub(r"\1\3\2", decomposed))


def cross_check(rows: list[Row]) -> None:
    """Print where vietnamadminunits disagrees with the snapshot; codes must agree.

    Names are compared after `fold`; differences of case or tone placement only are counted,
    other spelling differences are listed.
    """
    ours = {(r["level"], r["id"].startswith("old:"), r["code"]): r for r in rows}
    for label, level, old, sql in CROSS_CHECKS:
        theirs = {r["c"]: r for r in vau_query(sql)}
        mine = {k[2] for k in ours if k[:2] == (level, old)}
        print(
            f"cross-check {label}: ours {len(mine)}, vietnamadminunits {len(theirs)}; "
            f"only ours {sorted(mine - set(theirs))}; only theirs {sorted(set(theirs) - mine)}"
        )
        tone_only = 0
        for c in sorted(mine & set(theirs)):
            a, b = ours[(level, old, c)], theirs[c]
            if a["province_code"] != b["p"]:
                print(f"  {c}: province {a['province_code']} vs {b['p']}")
            if fold(a["name"]) != fold(b["n"]):
                print(f"  {c}: name {a['name']!r} vs {b['n']!r}")
            tone_only += a["name"] != b["n"] and fold(a["name"]) == fold(b["n"])
        print(f"  names differing only in case or tone placement: {tone_only}")


def main() -> None:
    print(f"vietnam_provinces {vp.__version__} (data {vp.__data_version__})")
    rows = build_rows()
    check_counts(rows)
    cross_check(rows)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows, {OUT.stat().st_size:,} bytes to {OUT}")


if __name__ == "__main__":
    main()
