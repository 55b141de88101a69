"""Build the portal registry: scraper/registry/portals/<province-slug>.toml, one per province.

How to run (from the repository root; the output is deterministic, files are overwritten):

    .venv/bin/python scripts/build_registry.py          # reads scraper/registry/admin_units.csv
    python scripts/build_registry.py --from-packages    # a Python with vietnam-provinces>=2026.9

Administrative facts (names, GSO codes, unit types, parents, dates, successors) are never typed
here: they come from scraper/registry/admin_units.csv or, when it is absent (or with
--from-packages), from the package it is built from, vietnam-provinces 2026.9.0 (current units,
`legacy` pre-2025 units, the official code-based old→new ward table; same codes, same output).

Hand-curated: the KNOWN table below, every portal for which PORTALS.md (§1 reform and domains,
§2 platforms) or a real-text fixture header gives a URL, with its platform and the evidence.
Everything else is generated from conventions that each entry's url_evidence states:
  * the main portal of each of the 34 provinces: https://<name>.gov.vn (inferred unless KNOWN);
  * Hanoi's 30 former districts: https://<district>.hanoi.gov.vn, Liferay 6, until 2025-06-30;
  * Hanoi's 126 wards/communes (since 2025-07-01): the former district's host when the unit
    bears that district's name (host re-use, PORTALS.md §1, seen for caugiay); else unknown.
A KNOWN entry replaces the generated entry of the same unit and kind. Left out on purpose:
older sites that PORTALS.md §2a only names as predecessors, whose period is unknown and would
make them look active until 2025 (ict-hanoi.gov.vn, longbien.gov.vn, thanhxuan.gov.vn).
Ids: <province>/<unit-slug>-<kind>. <province> is the folded short name of the province the
portal served ("hanoi", "ninhthuan"; "hcmc"); unit-slug is the label of a SEEN host ("caugiay",
"quan4"), otherwise the unit's name folded to ASCII with hyphens ("ba-vi"); kind is city |
province | district | ward | commune; "-old" marks a ward/commune that no longer exists,
"-legacy" an older site of a unit that has a newer one; departments are <province>/<host label>.
Published ids never change, even if a later run would derive another one.
"""

from __future__ import annotations

import argparse
import csv
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "scraper" / "registry" / "portals"
ADMIN_CSV = ROOT / "scraper" / "registry" / "admin_units.csv"
REFORM_START, REFORM_END = "2025-07-01", "2025-06-30"
HANOI = "01"
ID_PREFIX = {"79": "hcmc"}  # otherwise the folded short name: "hanoi", "danang", "ninhthuan"
HOST = {"79": "hochiminhcity"}  # seen as the parent of sotuphap/itpc/quanN.hochiminhcity.gov.vn
PLATFORMS = ("liferay6", "liferay7", "sharepoint", "vccorp", "nukeviet", "haiphong2025")
PLATFORMS += ("wordpress", "generic")
MAIN_EVIDENCE = (
    "inferred: province portals are https://<name>.gov.vn (seen: hanoi.gov.vn, danang.gov.vn, "
    "quangngai.gov.vn, www.haiphong.gov.vn; PORTALS.md §1-2)"
)
MAIN_NOTES = {
    "46": "the host of tỉnh Thừa Thiên Huế was thuathienhue.gov.vn (parent of "
    "huongxuan.thuathienhue.gov.vn, PORTALS.md §2e); ",
}
NO_SECTION = "news-section listing URL not seen; start_urls left empty"


@dataclass(frozen=True)
class Known:
    """A portal attested by PORTALS.md or a real-text header (or inferred, as evidence says)."""

    file: str  # current province code of the TOML file it goes in
    id: str
    unit: str  # admin_units id of the unit it serves: "01", "old:005", "old:00064", "00166"
    name: str
    base_url: str
    source: str  # seen | inferred | unknown
    evidence: str
    start_urls: tuple[str, ...] = ()
    platform: str = ""
    notes: str = ""


CG, LF = "https://caugiay.hanoi.gov.vn", "PORTALS.md §2a"
Q2_NOTE = (
    "Quận 2 was merged into TP Thủ Đức on 2021-01-01; the admin data has only TP Thủ Đức (769): "
    "unit, type and successors are TP Thủ Đức's (broad); the site probably stopped before 2025; "
)
# fmt: off
KNOWN: tuple[Known, ...] = (
    # ---------------------------------------------------------------- Hà Nội (01)
    Known(file="01", id="hanoi/city", unit="01", name="Cổng thông tin điện tử thành phố Hà Nội",
          base_url="https://hanoi.gov.vn", source="seen", platform="vccorp",
          start_urls=("https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat.htm",),
          evidence="PORTALS.md §2c (article /tin-tuc-su-kien-noi-bat/…htm); start URL inferred "
          "from the VCCorp category convention /<cat>.htm (§2c)"),
    Known(file="01", id="hanoi/sotttt", unit="01",
          name="Cổng thông tin điện tử Sở Thông tin và Truyền thông Hà Nội",
          base_url="https://sotttt.hanoi.gov.vn", source="seen", platform="liferay6",
          start_urls=("https://sotttt.hanoi.gov.vn/vi/tin-tuc-su-kien",),
          evidence="PORTALS.md §2a; fixtures SOURCES.md, real-html liferay62_sotttt-hanoi_listing "
          "(the /vi/tin-tuc-su-kien listing)",
          notes="pages saved in Aug 2022; the department's current state is not verified"),
    Known(file="01", id="hanoi/soyte", unit="01", name="Cổng thông tin điện tử Sở Y tế Hà Nội",
          base_url="https://soyte.hanoi.gov.vn", source="seen", platform="vccorp",
          start_urls=("https://soyte.hanoi.gov.vn/dan-so-va-phat-trien.htm",),
          evidence="PORTALS.md §2c (article /dan-so-va-phat-trien/…htm); start URL inferred from "
          "the VCCorp category convention /<cat>.htm"),
    Known(file="01", id="hanoi/ttpvhcc", unit="01",
          name="Cổng thông tin Trung tâm Phục vụ hành chính công Hà Nội",
          base_url="https://ttpvhcc.hanoi.gov.vn", source="seen", platform="vccorp",
          evidence="PORTALS.md §2c (an article under /video/)",
          notes="name expanded from the host label; only a video section seen; " + NO_SECTION),
    Known(file="01", id="hanoi/sotaichinh", unit="01",
          name="Cổng thông tin điện tử Sở Tài chính Hà Nội",
          base_url="https://sotaichinh.hanoi.gov.vn", source="seen",
          evidence="PORTALS.md §2e (/<slug>-171610.html)",
          notes="a CMS different from the other Hanoi sites (platform left to detection); "
          + NO_SECTION),
    Known(file="01", id="hanoi/caugiay-district", unit="old:005",
          name="Cổng thông tin điện tử quận Cầu Giấy", base_url=CG, source="seen",
          platform="liferay6", start_urls=(f"{CG}/phuong-dich-vong-hau",),
          evidence=f"{LF}, §1; real-text 05, 06; start URL = the ward page of the seen article "
          "URLs (/<page>/-/view_content/…), assumed to be its asset-publisher listing",
          notes="since 2025-07-01 the same host serves phường Cầu Giấy on VCCorp "
          "(hanoi/caugiay-ward)"),
    Known(file="01", id="hanoi/caugiay-ward", unit="00166",
          name="Cổng thông tin điện tử phường Cầu Giấy", base_url=CG, source="seen",
          platform="vccorp", start_urls=(f"{CG}/kinh-te-tai-chinh.htm",),
          evidence="PORTALS.md §1, §2c (article /kinh-te-tai-chinh/…-2805251012110827967.htm); "
          "start URL inferred from the VCCorp category convention /<cat>.htm",
          notes="same host as the former quận Cầu Giấy portal (hanoi/caugiay-district)"),
    Known(file="01", id="hanoi/longbien-district", unit="old:004",
          name="Cổng thông tin điện tử quận Long Biên", base_url="https://longbien.hanoi.gov.vn",
          source="seen", platform="liferay6",
          evidence=f"{LF}, §1: the district host of the ward sub-site bode.longbien.hanoi.gov.vn",
          notes="since 2025-07-01 the host presumably serves phường Long Biên "
          "(hanoi/long-bien-ward); " + NO_SECTION),
    Known(file="01", id="hanoi/hanggai-ward-old", unit="old:00064",
          name="Trang thông tin điện tử phường Hàng Gai", base_url="https://hanggai.hanoi.gov.vn",
          source="seen", platform="liferay6", evidence=f"{LF} (/<page>/-/asset_publisher/…), §1",
          notes="historical ward sub-site (PORTALS.md §1); " + NO_SECTION),
    Known(file="01", id="hanoi/bode-ward-old", unit="old:00139",
          name="Trang thông tin điện tử phường Bồ Đề", base_url="https://bode.longbien.hanoi.gov.vn",
          source="seen", platform="liferay6", evidence=f"{LF} (?p_p_id=101 URLs), §1",
          notes="historical ward sub-site of quận Long Biên; today's phường Bồ Đề (00118) is "
          "another unit; " + NO_SECTION),
    # ---------------------------------------------------------------- Hồ Chí Minh (79)
    Known(file="79", id="hcmc/city", unit="79", name="Cổng thông tin điện tử Thành phố Hồ Chí Minh",
          base_url="https://hochiminhcity.gov.vn", source="inferred",
          evidence="inferred: parent domain of the seen department and district hosts "
          "*.hochiminhcity.gov.vn (PORTALS.md §2a, §2b, §2d, §2e)", notes=NO_SECTION),
    Known(file="79", id="hcmc/sotuphap", unit="79",
          name="Cổng thông tin điện tử Sở Tư pháp Thành phố Hồ Chí Minh",
          base_url="https://sotuphap.hochiminhcity.gov.vn", source="seen", platform="liferay6",
          start_urls=("https://sotuphap.hochiminhcity.gov.vn/tin-tuc-su-kien",),
          evidence="PORTALS.md §2a (/tin-tuc-su-kien?_101_INSTANCE_…); start URL = the page of "
          "that article URL, assumed to be its asset-publisher listing"),
    Known(file="79", id="hcmc/itpc", unit="79",
          name="Cổng thông tin điện tử ITPC Thành phố Hồ Chí Minh",
          base_url="https://itpc.hochiminhcity.gov.vn", source="seen", platform="liferay7",
          evidence="PORTALS.md §2b (/-/<slug>)", notes=NO_SECTION),
    Known(file="79", id="hcmc/dost", unit="79",
          name="Cổng thông tin điện tử Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh",
          base_url="https://dost.hochiminhcity.gov.vn", source="seen", platform="wordpress",
          evidence="PORTALS.md §2e (/<cat>/<slug>/)",
          notes="category names not seen; " + NO_SECTION),
    *(
        Known(file="79", id=f"hcmc/quan{n}-district", unit=unit,
              name=f"Cổng thông tin điện tử Quận {n}",
              base_url=f"http://www.quan{n}.hochiminhcity.gov.vn", source="seen",
              platform="sharepoint",
              evidence="PORTALS.md §2d (district hosts www.quan1..quan4.hochiminhcity.gov.vn)",
              notes=note + NO_SECTION)
        for n, unit, note in (
            ("1", "old:760", ""),
            ("2", "old:769", Q2_NOTE),
            ("3", "old:770", ""),
        )
    ),
    Known(file="79", id="hcmc/quan4-district", unit="old:773", name="Cổng thông tin điện tử Quận 4",
          base_url="http://quan4.hochiminhcity.gov.vn", source="seen", platform="sharepoint",
          start_urls=("http://quan4.hochiminhcity.gov.vn/tintuc",),
          evidence="PORTALS.md §2d (/tintuc/Lists/Posts/Post.aspx?…&Source=%2Ftintuc); start URL "
          "= the blog named by Source=, assumed to list its posts"),
    Known(file="79", id="hcmc/quan8-district", unit="old:776", name="Cổng thông tin điện tử Quận 8",
          base_url="http://www.quan8.hochiminhcity.gov.vn", source="seen", platform="sharepoint",
          start_urls=("http://www.quan8.hochiminhcity.gov.vn/dantaphaibietsuta",),
          evidence="PORTALS.md §2d (/dantaphaibietsuta/lists/posts/post.aspx?…); start URL = that "
          "blog sub-site, assumed to list its posts",
          notes="the seen sub-site is a history column, not the district's news section"),
    # ---------------------------------------------------------------- Đà Nẵng (48)
    Known(file="48", id="danang/city", unit="48", name="Cổng thông tin điện tử thành phố Đà Nẵng",
          base_url="https://danang.gov.vn", source="seen", platform="liferay7",
          evidence="PORTALS.md §2b (/en/w/<slug>)", notes=NO_SECTION),
    Known(file="48", id="danang/noivu", unit="48",
          name="Cổng thông tin điện tử Sở Nội vụ thành phố Đà Nẵng",
          base_url="https://noivu.danang.gov.vn", source="seen", platform="generic",
          evidence="PORTALS.md §1 (/chi-tiet-tin-tuc?dinhdanh=…&cat=…)",
          notes="old Đà Nẵng e-government template; " + NO_SECTION),
    Known(file="48", id="danang/lienchieu-district", unit="old:490",
          name="Cổng thông tin điện tử quận Liên Chiểu", base_url="https://lienchieu.danang.gov.vn",
          source="inferred", evidence="inferred: PORTALS.md §1 says the host is NOW phường Liên "
          "Chiểu, so it served quận Liên Chiểu before (host re-use, as in Hanoi)",
          notes="pre-2025 Đà Nẵng unit portals used /chi-tiet-tin-tuc?dinhdanh=…&cat=… (§1); "
          + NO_SECTION),
    Known(file="48", id="danang/lienchieu-ward", unit="20197",
          name="Cổng thông tin điện tử phường Liên Chiểu", base_url="https://lienchieu.danang.gov.vn",
          source="seen", platform="liferay7", evidence="PORTALS.md §1, §2b (/web/guest/…, "
          "/chi-tiet-tin-tuc?d=…&c=…, /documents/20121/…)", notes=NO_SECTION),
    Known(file="48", id="danang/thuanphuoc-ward-old", unit="old:20230",
          name="Trang thông tin điện tử phường Thuận Phước",
          base_url="https://thuanphuoc.danang.gov.vn", source="seen", platform="generic",
          evidence="real-text 07; PORTALS.md §1 (/chi-tiet-tin-tuc?dinhdanh=…&cat=…)",
          notes="old Đà Nẵng e-government ward template; " + NO_SECTION),
    # ---------------------------------------------------------------- Hải Phòng (31)
    Known(file="31", id="haiphong/city", unit="31",
          name="Cổng thông tin điện tử thành phố Hải Phòng",
          base_url="https://haiphong.gov.vn", source="inferred",
          evidence="inferred: the city host, seen as www.haiphong.gov.vn (real-text 08, 09); its "
          "platform after the 2025 merger was not observed", notes=NO_SECTION),
    Known(file="31", id="haiphong/city-legacy", unit="31",
          name="Cổng thông tin điện tử thành phố Hải Phòng (ASP.NET)",
          base_url="http://www.haiphong.gov.vn", source="seen", platform="generic",
          evidence="real-text 08, 09; PORTALS.md §2e (/Portal/PrintItem.aspx?ContentID=N)",
          notes="items of 2017-2020; print views show the print date, bodies may carry TCVN3 "
          "mojibake; whether it still runs is unknown; " + NO_SECTION),
    Known(file="31", id="haiphong/tanhung-ward", unit="10537",
          name="Cổng thông tin điện tử phường Tân Hưng", base_url="https://tanhung.haiphong.gov.vn",
          source="seen", platform="haiphong2025",
          start_urls=("https://tanhung.haiphong.gov.vn/trang-chu-66859",),
          evidence="real-text 10; PORTALS.md §1, §2e; start URL = the category part "
          "(/<cat-slug>-<catId>) of the seen article URL, assumed to list that category"),
    # ---------------------------------------------------------------- Quảng Ngãi (51)
    Known(file="51", id="quangngai/province", unit="51",
          name="Cổng thông tin điện tử tỉnh Quảng Ngãi",
          base_url="http://www.quangngai.gov.vn", source="seen", platform="sharepoint",
          evidence="real-text 12; PORTALS.md §2d, §3", notes=NO_SECTION),
    Known(file="51", id="quangngai/thanhpho-district", unit="old:522",
          name="Trang thông tin điện tử thành phố Quảng Ngãi (trang con của cổng tỉnh)",
          base_url="http://www.quangngai.gov.vn/vi/thanhpho", source="seen", platform="sharepoint",
          evidence="real-text 12 (sub-site 'thanhpho': /vi/<subsite>/Pages/qnp-…html); "
          "PORTALS.md §2d", notes=NO_SECTION),
    Known(file="51", id="quangngai/xanghiatrung-commune-old", unit="old:21277",
          name="Trang thông tin điện tử xã Nghĩa Trung",
          base_url="https://xanghiatrung.tunghia.quangngai.gov.vn", source="seen",
          platform="generic",
          evidence="real-text 14; PORTALS.md §2e (/page/Article/News/detail/<ObjectId>)",
          notes="commune of huyện Tư Nghĩa, host <xã>.<huyện>.<tỉnh>.gov.vn; " + NO_SECTION),
    # ---------------------------------------------------------------- other provinces
    Known(file="56", id="ninhthuan/province", unit="old:58",
          name="Cổng thông tin điện tử tỉnh Ninh Thuận", base_url="https://ninhthuan.gov.vn",
          source="seen", platform="sharepoint",
          evidence="real-text 13 header; PORTALS.md §1, §3 (SharePoint)",
          notes="historical: Ninh Thuận merged into Khánh Hòa; " + NO_SECTION),
    Known(file="56", id="ninhthuan/prtc-district", unit="old:582",
          name="Trang thông tin điện tử thành phố Phan Rang - Tháp Chàm",
          base_url="https://prtc.ninhthuan.gov.vn", source="seen", platform="sharepoint",
          evidence="real-text 13; PORTALS.md §1, §2d (/portal/Pages/<y-m-d>/…aspx)",
          notes="historical (PORTALS.md §1); " + NO_SECTION),
    Known(file="46", id="hue/huongxuan-ward-old", unit="old:20017",
          name="Trang thông tin điện tử Hương Xuân",
          base_url="https://huongxuan.thuathienhue.gov.vn", source="seen", platform="generic",
          evidence="PORTALS.md §2e (/?cn=…&gd=…&tc=…, a query-parameter CMS)",
          notes="AMBIGUOUS unit: phường Hương Xuân (thị xã Hương Trà, 20017) assumed; xã Hương "
          "Xuân (huyện Phú Lộc, 20179) also existed; check on the site; " + NO_SECTION),
    Known(file="75", id="dongnai/xuanphu-commune-old", unit="old:26458",
          name="Trang thông tin điện tử xã Xuân Phú", base_url="https://sub.dost-dongnai.gov.vn/xuanphu",
          source="seen", platform="sharepoint",
          evidence="PORTALS.md §2d (sub.dost-dongnai.gov.vn/xuanphu/Pages/…aspx)",
          notes="commune sub-site (huyện Xuân Lộc) on the Đồng Nai science department's host; "
          + NO_SECTION),
    Known(file="19", id="backan/sovhttdl", unit="old:06",
          name="Trang thông tin Sở Văn hóa, Thể thao và Du lịch Bắc Kạn",
          base_url="https://sovhttdl.backan.gov.vn", source="seen", platform="generic",
          start_urls=("https://sovhttdl.backan.gov.vn/index.php?com=danhmuc_tin&id_category=10",),
          evidence="PORTALS.md §2e (index.php?com=danhmuc_tin&id_category=10, a category "
          "listing); URL scheme not seen",
          notes="historical: Bắc Kạn merged into Thái Nguyên; PHP CMS"),
    Known(file="24", id="bacninh/hoinongdan", unit="24",
          name="Trang thông tin điện tử Hội Nông dân tỉnh Bắc Ninh",
          base_url="https://hoinongdan.bacninh.gov.vn", source="seen", platform="wordpress",
          start_urls=("https://hoinongdan.bacninh.gov.vn/tin-tuc",),
          evidence="PORTALS.md §2e (/tin-tuc/page/49); start URL = page 1 of that list by the "
          "WordPress /page/N convention",
          notes="served the pre-2025 tỉnh Bắc Ninh (27); the bacninh.gov.vn domain is assumed "
          "to carry on with today's Bắc Ninh (24)"),
)
# fmt: on


@dataclass(frozen=True)
class Unit:
    """One row of admin_units.csv (schema in the registry brief)."""

    id: str
    code: str
    name: str
    level: str
    unit_type: str
    province_code: str
    parent_id: str = ""
    valid_from: str = ""
    valid_to: str = ""
    successors: tuple[str, ...] = ()


def load_units(from_packages: bool) -> tuple[dict[str, Unit], str]:
    """Administrative units keyed by id, and where they came from."""
    if from_packages or not ADMIN_CSV.exists():
        return units_from_packages(), "vietnam-provinces 2026.9.0 (same codes as admin_units.csv)"
    with ADMIN_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    units = {
        r["id"]: Unit(
            *(r[k] for k in ("id", "code", "name", "level", "unit_type", "province_code")),
            *(r[k] for k in ("parent_id", "valid_from", "valid_to")),
            tuple(s for s in r["successor_ids"].split(";") if s),
        )
        for r in rows
    }
    return units, "scraper/registry/admin_units.csv"


def units_from_packages() -> dict[str, Unit]:
    """The same units computed from vietnam-provinces >= 2026.9 (an optional dependency)."""
    from vietnam_provinces import Province, Ward, legacy
    from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW

    units: dict[str, Unit] = {}
    for p in Province.iter_all():
        c = f"{p.code.value:02d}"
        units[c] = Unit(c, c, p.name, "province", p.division_type.value, c)
    for w in Ward.iter_all():
        c, pc = f"{w.code.value:05d}", f"{w.province_code.value:02d}"
        units[c] = Unit(c, c, w.name, "commune", w.division_type.value, pc, pc, REFORM_START)
    succ: dict[str, set[str]] = {}  # old ward, district and province codes → ids of today
    for old, entry in OLD_TO_NEW.items():
        ref, new = entry.old_ward, {f"{n.code:05d}" for n in entry.new_wards}
        succ[f"w{old}"] = new
        succ.setdefault(f"d{ref.district_code}", set()).update(new)
        provinces = {f"{n.province_code:02d}" for n in entry.new_wards}
        succ.setdefault(f"p{ref.province_code}", set()).update(provinces)

    def old(code: str, name: str, level: str, kind: object, pc: str, parent: str, key: str) -> None:
        units["old:" + code] = Unit(
            "old:" + code, code, name, level, getattr(kind, "value", str(kind)), pc, parent,
            valid_to=REFORM_END, successors=tuple(sorted(succ.get(key, ()))),
        )  # fmt: skip

    for p in legacy.Province.iter_all():
        c = f"{p.code.value:02d}"
        if c not in units:
            old(c, p.name, "province", p.division_type, c, "", f"p{p.code.value}")
    for d in legacy.District.iter_all():
        c, pc = f"{d.code.value:03d}", f"{d.province_code.value:02d}"
        parent = pc if pc in units else "old:" + pc
        old(c, d.name, "district", d.division_type, pc, parent, f"d{d.code.value}")
    for w in legacy.Ward.iter_all():
        c, dc = f"{w.code.value:05d}", f"{w.district_code.value:03d}"
        pc = units["old:" + dc].province_code
        old(c, w.name, "commune", w.division_type, pc, "old:" + dc, f"w{w.code.value}")
    return units


# ---------------------------------------------------------------- names and slugs
TYPE_WORDS = ("Thành phố ", "Thành Phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ", "Phường ")
TYPE_WORDS += ("Xã ", "Thị trấn ", "Đặc khu ")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def short_name(name: str) -> str:
    """'Thành phố Hà Nội' → 'Hà Nội' (the name without its type word)."""
    return next((name[len(w) :] for w in TYPE_WORDS if name.startswith(w)), name)


def fold(text: str, sep: str = "-") -> str:
    """ASCII slug: diacritics and đ folded, lower case, words joined by sep."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return sep.join("".join(ch if ch.isalnum() else " " for ch in text).split())


def lower_type(name: str) -> str:
    """'Phường Cầu Giấy' → 'phường Cầu Giấy', for use inside a portal's name."""
    return name[:1].lower() + name[1:]


# ---------------------------------------------------------------- entries
def main_portal(code: str, units: dict[str, Unit]) -> Known:
    unit = units[code]
    kind = "city" if unit.unit_type == "thành phố trung ương" else "province"
    slug = fold(short_name(unit.name), "")
    return Known(
        file=code, id=f"{ID_PREFIX.get(code, slug)}/{kind}", unit=code,
        name=f"Cổng thông tin điện tử {lower_type(unit.name)}",
        base_url=f"https://{HOST.get(code, slug)}.gov.vn", source="inferred",
        evidence=MAIN_EVIDENCE, notes=MAIN_NOTES.get(code, "") + NO_SECTION,
    )  # fmt: skip


def hanoi_units(units: dict[str, Unit]) -> list[Known]:
    """Hanoi's 30 former districts and its 126 wards/communes of today."""
    hanoi = sorted((u for u in units.values() if u.province_code == HANOI), key=lambda u: u.id)
    communes = [u for u in hanoi if u.level == "commune" and not u.valid_to]
    kind = {u.id: "ward" if u.unit_type == "phường" else "commune" for u in communes}
    heir = {short_name(u.name): f"hanoi/{fold(short_name(u.name))}-{kind[u.id]}" for u in communes}
    out: list[Known] = []
    for d in (u for u in hanoi if u.level == "district"):
        name = short_name(d.name)
        after = f"presumably serves {heir[name]}" if name in heir else "serves an unknown unit"
        out.append(Known(
            file=HANOI, id=f"hanoi/{fold(name)}-district", unit=d.id,
            name=f"Cổng thông tin điện tử {lower_type(d.name)}",
            base_url=f"https://{fold(name, '')}.hanoi.gov.vn", source="inferred",
            platform="liferay6", evidence="inferred: Hanoi district portals were "
            "https://<district>.hanoi.gov.vn (seen: caugiay, longbien; PORTALS.md §1, §2a); "
            "Liferay 6 per §2a",
            notes=f"since 2025-07-01 the host {after} (PORTALS.md §1); {NO_SECTION}",
        ))  # fmt: skip
    districts = {short_name(u.name) for u in hanoi if u.level == "district"}
    for c in communes:
        name = short_name(c.name)
        unknown = Known(
            file=HANOI, id=heir[name], unit=c.id, base_url="", source="unknown",
            name=f"Cổng thông tin điện tử {lower_type(c.name)}",
            evidence="none: no URL for this unit in PORTALS.md or the real-text fixtures",
        )  # fmt: skip
        out.append(unknown if name not in districts else replace(
            unknown, base_url=f"https://{fold(name, '')}.hanoi.gov.vn", source="inferred",
            platform="vccorp", evidence="inferred: Hanoi re-used the former district's host for "
            "the new unit of the same name (PORTALS.md §1, seen for caugiay); VCCorp per §2c, §3",
            notes="the former district's portal until 2025-06-30; VCCorp category pages are "
            "/<cat>.htm (§2c) but none is seen here; start_urls left empty",
        ))  # fmt: skip
    return out


def slot(known: Known) -> str:
    """What an entry stands for: its unit and kind ('old:005|district'), or else its id."""
    last = known.id.rsplit("/", 1)[-1]
    kind = last if last in ("city", "province") else last.rsplit("-", 1)[-1]
    kinds = ("city", "province", "district", "ward", "commune")
    return f"{known.unit}|{kind}" if kind in kinds else known.id


def entry(known: Known, units: dict[str, Unit]) -> dict[str, object]:
    """A registry entry: the curated fields, the unit's admin facts and its period."""
    unit = units[known.unit]
    row: dict[str, object] = {
        "id": known.id, "name": known.name, "level": unit.level, "unit_type": unit.unit_type,
        "unit_code": unit.code, "parent_code": units[unit.parent_id].code if unit.parent_id else "",
    }  # fmt: skip
    if known.source != "unknown":
        row |= {"base_url": known.base_url, "start_urls": list(known.start_urls)}
    row |= {
        "platform": known.platform, "since": unit.valid_from, "until": unit.valid_to,
        "successors": [units[s].code for s in unit.successors] if unit.valid_to else [],
        "url_source": known.source, "url_evidence": known.evidence, "notes": known.notes,
    }  # fmt: skip
    return row


def all_entries(units: dict[str, Unit]) -> dict[str, list[dict[str, object]]]:
    """Entries by current province code; KNOWN entries replace generated ones of the same slot."""
    provinces = sorted(u.code for u in units.values() if u.level == "province" and not u.valid_to)
    generated = [main_portal(p, units) for p in provinces] + hanoi_units(units)
    knowns = {slot(k): k for k in generated}
    for k in KNOWN:
        if k.platform and k.platform not in PLATFORMS:
            raise SystemExit(f"{k.id}: unknown platform {k.platform}")
        knowns[slot(k)] = k
    files: dict[str, list[dict[str, object]]] = {p: [] for p in provinces}
    for k in knowns.values():
        files[k.file].append(entry(k, units))
    rank = {"province": 0, "district": 1, "commune": 2}
    for rows in files.values():  # main portal first, then by level, unit code, date, id
        rows.sort(key=lambda e: (
            rank[str(e["level"])], not str(e["id"]).endswith(("/city", "/province")),
            str(e["unit_code"]), str(e["since"]), str(e["id"]),
        ))  # fmt: skip
    return files


# ---------------------------------------------------------------- TOML output
KEY_ORDER = ("id", "name", "level", "unit_type", "unit_code", "parent_code", "base_url")
KEY_ORDER += ("start_urls", "platform", "since", "until", "successors", "url_source")
KEY_ORDER += ("url_evidence", "notes")


def toml_str(text: str) -> str:
    escaped = nfc(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def toml_line(key: str, value: object) -> str:
    if not isinstance(value, list):
        return f"{key} = {toml_str(str(value))}"
    items = [toml_str(v) for v in value]
    line = f"{key} = [{', '.join(items)}]"
    if len(line) <= 100:
        return line
    rows, row = [], "   "
    for item in items:  # long lists (successors): wrapped at 100 columns
        if len(row) + len(item) + 2 > 100:
            rows.append(row)
            row = "   "
        row += f" {item},"
    return f"{key} = [\n" + "\n".join([*rows, row]) + "\n]"


def header(province: Unit, rows: list[dict[str, object]], source: str) -> list[str]:
    n = {s: sum(1 for r in rows if r["url_source"] == s) for s in ("seen", "inferred", "unknown")}
    lines = [
        f"# Portal registry: {province.name} (current province code {province.code}).",
        "# Generated by scripts/build_registry.py: edit its KNOWN table, not this file.",
        f"# Administrative facts (names, codes, types, dates, successors): {source}.",
        "# Portal URLs and platforms: PORTALS.md (§1 reform and domains, §2 platforms) and the",
        "# real-text fixture headers, cited in each entry's url_evidence.",
        "# url_source: seen = the URL appears in that evidence; inferred = derived from the",
        "# convention stated in url_evidence (verify before relying on it); unknown = no URL.",
        "# start_urls = [] when no news-section listing URL was seen or is a safe inference.",
        f"# {len(rows)} portals: seen {n['seen']}, inferred {n['inferred']}, "
        + f"unknown {n['unknown']}.",
    ]
    if province.code == HANOI:
        lines += [
            "# Covers the city portal and departments, the 30 former districts (until 2025-06-30)",
            "# and the 126 wards/communes of today (since 2025-07-01). District successor lists",
            "# are BROAD: every commune of today that took over any part of the district,",
            "# including those that received only part of a split ward (official old→new table).",
        ]
    return lines


def render(province: Unit, rows: list[dict[str, object]], source: str) -> str:
    out = [*header(province, rows, source), "", f"province = {toml_str(province.code)}"]
    for row in rows:
        out += ["", "[[portals]]"]
        for key in KEY_ORDER:
            value = row.get(key)
            if value is None or value == "" or (value == [] and key != "start_urls"):
                continue
            out.append(toml_line(key, value))
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--from-packages", action="store_true", help="read vietnam-provinces, not the CSV"
    )
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    args = parser.parse_args()
    units, source = load_units(args.from_packages)
    files = all_entries(units)
    ids = [str(r["id"]) for rows in files.values() for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    args.out.mkdir(parents=True, exist_ok=True)
    for code, rows in sorted(files.items()):
        path = args.out / f"{fold(short_name(units[code].name))}.toml"
        path.write_text(render(units[code], rows, source), encoding="utf-8")
        print(f"{path.name}: {len(rows)} portals")


if __name__ == "__main__":
    main()
