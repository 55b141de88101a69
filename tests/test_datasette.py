"""datasette_metadata.json as tested configuration, plus a real Datasette server over a tiny
archive (started with the same command line `vnnews serve` uses; never touches the internet)."""

import asyncio
import csv
import html
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from archive import Archive
from archive.health import health_report
from archive.metadata import DATABASE_NAMES, render
from archive.serve import datasette_command, metadata_path

from .datasette_server import datasette

HANOI = "sotttt.hanoi.gov.vn"
DONGANH = "xadonganh.hanoi.gov.vn"
CASHLESS_URL = "https://sotttt.hanoi.gov.vn/vi/tin-tuc/thanh-toan-so-tai-cho"
# Titles newest first; the table page must list them in this order.
ARTICLES: list[dict[str, Any]] = [
    {
        "url": "https://xadonganh.hanoi.gov.vn/tin/ra-quan-ve-sinh-moi-truong",
        "portal_id": DONGANH,
        "title": "Xã Đông Anh ra quân vệ sinh môi trường cuối tuần",
        "published_at": "2026-11-25T07:00:00+07:00",
        "body": "Hơn hai trăm đoàn viên thanh niên đã thu gom rác dọc kênh.\n\n"
        "Hoạt động sẽ được duy trì vào sáng thứ bảy hằng tuần.",
        "category": "Hoạt động địa phương",
        "platform": "wordpress",
    },
    {
        "url": "https://sotttt.hanoi.gov.vn/vi/tin-tuc/hoi-nghi-cai-cach-hanh-chinh",
        "portal_id": HANOI,
        "title": "Hội nghị sơ kết công tác cải cách hành chính",
        "published_at": "2026-11-21T14:30:00+07:00",
        "body": "Các đơn vị báo cáo kết quả rút ngắn thời gian giải quyết hồ sơ trực tuyến.",
        "category": "Tin tức - Sự kiện",
        "platform": "liferay6",
    },
    {
        "url": CASHLESS_URL,
        "portal_id": HANOI,
        "title": "Đưa thanh toán số đến các chợ truyền thống",
        "published_at": "2026-11-18T09:00:00+07:00",
        "body": "Tổ công tác đã đến từng sạp hàng để hướng dẫn tiểu thương mở tài khoản.\n\n"
        "Nhiều người mua đã quen với việc thanh toán không dùng tiền mặt bằng mã QR.",
        "category": "Chuyển đổi số",
        "platform": "liferay6",
    },
]

ADDED_PARAGRAPH = "Ủy ban xã biểu dương ba chi đoàn có nhiều đóng góp."
EDITED = {**ARTICLES[0], "body": ARTICLES[0]["body"] + "\n\n" + ADDED_PARAGRAPH}


def build_archive(path: Path) -> None:
    with Archive(path) as arch:
        for portal, platform in ((HANOI, "liferay6"), (DONGANH, "wordpress")):
            arch.upsert_portal(
                portal_id=portal,
                name=portal,
                base_url=f"https://{portal}/",
                platform=platform,
                start_urls=[f"https://{portal}/tin-tuc"],
            )
        for article in ARTICLES:
            arch.upsert_article({**article, "fetched_at": "2026-11-27T19:05:00+00:00"})
        # The portal later edits one article: a second version for article_history.
        arch.upsert_article({**EDITED, "fetched_at": "2026-11-28T06:00:00+00:00"})
        arch.record_crawl_run(
            {
                "portal_id": DONGANH,
                "started_at": "2026-11-28T06:00:00+00:00",
                "status": "unreachable",
            }
        )


# --- metadata as documentation --------------------------------------------------------------


@pytest.fixture(scope="module")
def metadata() -> dict[str, Any]:
    return json.loads(metadata_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema_columns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every table of a freshly migrated archive, with its columns."""
    with Archive(tmp_path_factory.mktemp("schema") / "archive.db") as arch:
        tables = [
            r[0]
            for r in arch.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            )
        ]
        return {t: [c[1] for c in arch.conn.execute(f"PRAGMA table_info([{t}])")] for t in tables}


def test_metadata_file_is_generated_from_archive_metadata() -> None:
    assert metadata_path().read_text(encoding="utf-8") == render(), (
        "datasette_metadata.json is stale: run `python -m archive.metadata`"
    )


def test_every_database_gets_identical_config(metadata: dict[str, Any]) -> None:
    assert set(metadata["databases"]) == set(DATABASE_NAMES) == {"archive", "demo"}
    assert metadata["databases"]["archive"] == metadata["databases"]["demo"]


@pytest.mark.parametrize(
    "key", ["title", "description", "license", "license_url", "source", "source_url", "about"]
)
def test_top_level_metadata_present(metadata: dict[str, Any], key: str) -> None:
    assert metadata[key]


def test_every_visible_column_is_described(
    metadata: dict[str, Any], schema_columns: dict[str, list[str]]
) -> None:
    tables = metadata["databases"]["archive"]["tables"]
    for table, columns in schema_columns.items():
        config = tables.get(table, {})
        if config.get("hidden"):
            continue
        assert config.get("description"), f"table {table} has no description"
        missing = [c for c in columns if not config.get("columns", {}).get(c)]
        assert not missing, f"{table}: undescribed columns {missing}"


def test_every_described_table_and_column_exists(
    metadata: dict[str, Any], schema_columns: dict[str, list[str]]
) -> None:
    for table, config in metadata["databases"]["archive"]["tables"].items():
        assert table in schema_columns, f"metadata describes missing table {table}"
        extra = set(config.get("columns", {})) - set(schema_columns[table])
        assert not extra, f"{table}: metadata describes missing columns {extra}"


def test_serve_refuses_missing_database(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        datasette_command(tmp_path / "archive.db")


# --- a real Datasette server ----------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db_path = tmp_path_factory.mktemp("datasette") / "archive.db"
    build_archive(db_path)
    with datasette(db_path) as client:
        yield client


def test_unaccented_search_finds_the_accented_article(server: httpx.Client) -> None:
    response = server.get(
        "/archive/articles.json", params={"_search": "khong dung tien mat", "_shape": "objects"}
    )
    assert response.status_code == 200
    assert [r["url"] for r in response.json()["rows"]] == [CASHLESS_URL]


def test_table_page_is_newest_first(server: httpx.Client) -> None:
    html = server.get("/archive/articles").text
    positions = [html.index(article["title"]) for article in ARTICLES]
    assert positions == sorted(positions)


@pytest.mark.parametrize("facet", ["portal_id", "category", "platform"])
def test_table_page_shows_facet(server: httpx.Client, facet: str) -> None:
    assert f'id="facet-{facet}"' in server.get("/archive/articles").text


def test_articles_count_by_month_in_vietnam_time(server: httpx.Client) -> None:
    response = server.get("/archive/articles_by_unit.json", params={"_facet": "published_month"})
    assert response.status_code == 200, response.text
    months = response.json()["facet_results"]["published_month"]["results"]
    assert [(m["value"], m["count"]) for m in months] == [("2026-11", len(ARTICLES))]


def test_a_default_facet_asked_for_again_is_computed_once(server: httpx.Client) -> None:
    asked = [("_facet", "portal_id"), ("_facet_array", "authors"), ("_facet", "category")]
    asked += [("_facet", "byline"), ("_facet", "byline"), ("_facet_size", "5")]
    response = server.get("/archive/articles.json", params=asked)
    assert response.status_code == 200, response.text
    facets = response.json()["facet_results"]
    assert sorted(facets) == ["authors", "byline", "category", "platform", "portal_id"]
    assert len(facets["portal_id"]["results"]) == 2


def test_table_page_links_to_the_original_article(server: httpx.Client) -> None:
    html = server.get("/archive/articles").text
    assert f'<a href="{CASHLESS_URL}">' in html


def test_search_query_returns_highlighted_snippet(server: httpx.Client) -> None:
    response = server.get("/archive/search.json", params={"q": "khong dung", "_shape": "objects"})
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert [r["url"] for r in rows] == [CASHLESS_URL]
    assert "<mark>không</mark> <mark>dùng</mark>" in rows[0]["snippet"]
    # In HTML the markers become real highlights, not escaped text.
    assert "<mark>không</mark>" in server.get("/archive/search", params={"q": "khong dung"}).text


@pytest.mark.parametrize("stream", [{}, {"_stream": "on"}])
def test_search_csv_is_plain_text(server: httpx.Client, stream: dict[str, str]) -> None:
    response = server.get("/archive/search.csv", params={"q": "khong dung", **stream})
    assert response.status_code == 200, response.text
    (row,) = csv.DictReader(io.StringIO(response.text))
    assert row["url"] == CASHLESS_URL
    assert "thanh toán không dùng tiền mặt" in row["snippet"]
    assert "<mark>" not in response.text and "</mark>" not in response.text


def test_marks_cut_between_chunks_are_taken_out_too() -> None:
    from archive.datasette_plugins.vnnews_render import without_marks

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def stream(chunks: list[bytes]) -> None:
        plain = without_marks(send)
        headers = [(b"content-type", b"text/csv"), (b"content-length", b"99")]
        await plain({"type": "http.response.start", "status": 200, "headers": headers})
        for i, chunk in enumerate(chunks):
            more = i < len(chunks) - 1
            await plain({"type": "http.response.body", "body": chunk, "more_body": more})

    asyncio.run(stream([b"a <mark>b</ma", b"rk> <", b"mark>c</mark> 1 < 2 <", b""]))
    assert b"".join(m.get("body", b"") for m in sent) == b"a b c 1 < 2 <"
    assert sent[0]["headers"] == [(b"content-type", b"text/csv")]


def test_a_canned_query_s_page_is_named_by_its_title_not_its_sql(
    server: httpx.Client, metadata: dict[str, Any]
) -> None:
    title = metadata["databases"]["archive"]["queries"]["search"]["title"]
    page = server.get("/archive/search", params={"q": "khong dung"}).text
    head = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert head.strip() == f"{title} · archive"
    assert "select" not in server.get("/archive/health").text.split("</title>")[0].lower()


def test_an_article_s_page_is_named_by_its_headline(server: httpx.Client) -> None:
    from datasette.utils import tilde_encode

    page = server.get(f"/archive/articles/{tilde_encode(CASHLESS_URL)}").text
    head = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert head.strip() == "Đưa thanh toán số đến các chợ truyền thống · archive"
    history = page.split('class="vnnews-history"><a href="', 1)[1].split('"', 1)[0]
    assert history.startswith("/archive/article_history?url=")
    rows = server.get(history.replace("article_history?", "article_history.json?_shape=objects&"))
    assert rows.json()["rows"] and rows.json()["rows"][0]["version"] == 1


@pytest.mark.parametrize("query", ["", '"', "AND OR NOT", "title:(x"])
def test_search_query_survives_odd_input(server: httpx.Client, query: str) -> None:
    response = server.get("/archive/search.json", params={"q": query, "_shape": "objects"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("refused", "explained"),
    [
        ({"province": "xyz"}, "unknown province 'xyz': give its GSO code"),
        ({"since": "01/07/2025"}, "since: '01/07/2025' is not a date: write it YYYY-MM-DD"),
        ({"until": "hôm qua"}, "until: 'hôm qua' is not a date"),
    ],
)
def test_search_says_what_is_wrong_with_a_filter(
    server: httpx.Client, refused: dict[str, str], explained: str
) -> None:
    # (SQLite's own words for the SQL function that refuses it: "user-defined function
    # raised exception".)
    params = {"q": "khong dung", **refused}
    for query in ("search", "search_feed"):
        response = server.get(f"/archive/{query}.json", params=params)
        assert response.status_code == 400
        assert explained in response.json()["error"]
    response = server.get("/archive/search.csv", params=params)
    assert response.status_code == 400
    assert explained in response.text
    page = server.get("/archive/search", params=params)
    assert page.status_code == 400
    assert explained in html.unescape(page.text)
    assert "user-defined function" not in page.text
    assert 'name="q"' in page.text  # the form, to correct the filter


def test_article_history_lists_versions_with_a_diff(server: httpx.Client) -> None:
    response = server.get(
        "/archive/article_history.json", params={"url": EDITED["url"], "_shape": "objects"}
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert [(r["version"], r["change"], r["title"]) for r in rows] == [
        (1, "new", EDITED["title"]),
        (2, "edited", EDITED["title"]),
    ]
    assert rows[1]["seen_at"] == "2026-11-28T06:00:00+00:00"
    assert f"+{ADDED_PARAGRAPH}" in rows[1]["body_diff"].splitlines()
    html = server.get("/archive/article_history", params={"url": EDITED["url"]}).text
    assert "<pre>--- previous" in html


def test_health_query_agrees_with_health_report(
    server: httpx.Client, tmp_path_factory: pytest.TempPathFactory
) -> None:
    response = server.get("/archive/health.json", params={"_shape": "objects"})
    assert response.status_code == 200, response.text
    rows = [(r["portal_id"], r["kind"], r["detail"]) for r in response.json()["rows"]]
    assert (DONGANH, "stored-nothing") in [r[:2] for r in rows]
    db_path = tmp_path_factory.mktemp("health") / "archive.db"
    build_archive(db_path)
    with Archive(db_path) as arch:
        findings = health_report(arch.conn, now=datetime.now(UTC).isoformat(timespec="seconds"))
    assert rows == [(f.portal_id, f.kind, f.detail) for f in findings]
