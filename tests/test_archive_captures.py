"""Raw captures: stored once per body, compressed, read back for re-extraction."""

import hashlib
import unicodedata
import zlib
from typing import Any

import pytest

from archive import Archive
from archive.captures import Capture

PORTAL = "xadongdu.hanoi.gov.vn"
OTHER = "phuongbachmai.hanoi.gov.vn"
ARTICLE = "https://xadongdu.hanoi.gov.vn/tin-tuc/ra-quan-ve-sinh-moi-truong-12"
LISTING = "https://xadongdu.hanoi.gov.vn/tin-tuc?page=2"
OTHER_ARTICLE = "https://phuongbachmai.hanoi.gov.vn/tin/bau-to-truong-to-dan-pho-7"
T1 = "2026-12-01T02:00:00+00:00"
T2 = "2026-12-02T02:00:00+00:00"
PAGE = (
    "<html><head><title>Xã Đông Dư ra quân vệ sinh môi trường</title></head><body>"
    + "<p>Đoàn viên thanh niên thu gom rác dọc đê sông Hồng.</p>" * 50
    + "</body></html>"
).encode()
HEADERS = {"Content-Type": "text/html; charset=utf-8", "ETag": '"abc"'}


def count(arch: Archive, table: str) -> int:
    return arch.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def capture(arch: Archive, url: str = ARTICLE, **overrides: Any) -> str:
    args: dict[str, Any] = {"fetched_at": T1, "status": 200, "headers": HEADERS, "body": PAGE}
    args.update(overrides)
    return arch.store_capture(url, **args)


@pytest.fixture
def portals(archive: Archive) -> Archive:
    for portal, url in ((PORTAL, ARTICLE), (OTHER, OTHER_ARTICLE)):
        archive.upsert_portal(portal, portal, f"https://{portal}/", "liferay6", [])
        archive.upsert_article({"url": url, "portal_id": portal, "title": "Tin", "fetched_at": T1})
    return archive


def test_store_returns_the_body_sha256(archive: Archive) -> None:
    assert capture(archive) == hashlib.sha256(PAGE).hexdigest()
    assert not archive.conn.in_transaction


def test_body_is_stored_compressed(archive: Archive) -> None:
    capture(archive)
    blob, size = archive.conn.execute(
        "SELECT b.body, c.size FROM capture_bodies b JOIN captures c USING (sha256)"
    ).fetchone()
    assert size == len(PAGE)
    assert len(blob) < len(PAGE) / 4
    assert zlib.decompress(blob) == PAGE


def test_identical_bodies_are_stored_once(archive: Archive) -> None:
    capture(archive, fetched_at=T1)
    capture(archive, fetched_at=T2)
    capture(archive, LISTING)
    capture(archive, LISTING, body=b"<html>trang 2</html>")
    assert (count(archive, "captures"), count(archive, "capture_bodies")) == (4, 2)


def test_known_body_is_not_compressed_again(archive: Archive) -> None:
    capture(archive)
    statements: list[str] = []
    archive.conn.set_trace_callback(statements.append)
    capture(archive, fetched_at=T2)
    archive.conn.set_trace_callback(None)
    assert not any("capture_bodies (" in s for s in statements)


def test_capture_round_trip(archive: Archive) -> None:
    digest = capture(archive, final_url=ARTICLE + "?lang=vi", status=301)
    assert list(archive.iter_captures()) == [
        Capture(
            url=ARTICLE,
            final_url=ARTICLE + "?lang=vi",
            fetched_at=T1,
            status=301,
            headers={"content-type": "text/html; charset=utf-8", "etag": '"abc"'},
            sha256=digest,
            body=PAGE,
        )
    ]


def test_empty_body(archive: Archive) -> None:
    capture(archive, status=404, body=b"")
    [stored] = archive.iter_captures()
    assert (stored.status, stored.body) == (404, b"")


def test_urls_are_stored_nfc(archive: Archive) -> None:
    url = "https://xadongdu.hanoi.gov.vn/tin-tức"
    capture(archive, unicodedata.normalize("NFD", url))
    assert [c.url for c in archive.iter_captures(url=url)] == [url]


def test_latest_only_keeps_the_newest_capture_per_url(archive: Archive) -> None:
    capture(archive, fetched_at=T2, body=b"moi")
    capture(archive, fetched_at=T1, body=b"cu")
    capture(archive, LISTING, fetched_at=T1)
    latest = [(c.url, c.body) for c in archive.iter_captures(latest_only=True)]
    assert latest == [(ARTICLE, b"moi"), (LISTING, PAGE)]
    assert [c.fetched_at for c in archive.iter_captures(url=ARTICLE)] == [T1, T2]


def test_status_filter_applies_before_latest_only(archive: Archive) -> None:
    capture(archive, fetched_at=T1, body=b"bai viet")
    capture(archive, fetched_at=T2, status=404, body=b"khong tim thay")
    assert [c.body for c in archive.iter_captures(latest_only=True)] == [b"khong tim thay"]
    assert [c.body for c in archive.iter_captures(latest_only=True, status=200)] == [b"bai viet"]
    assert [c.status for c in archive.iter_captures(status=404)] == [404]


def test_portal_filter_takes_only_that_portals_articles(portals: Archive) -> None:
    capture(portals, ARTICLE)
    capture(portals, LISTING)
    capture(portals, OTHER_ARTICLE)
    assert [c.url for c in portals.iter_captures(portal_id=PORTAL)] == [ARTICLE]
    # By URL, then time: the order a re-extraction walks them.
    assert [c.url for c in portals.iter_captures()] == [OTHER_ARTICLE, ARTICLE, LISTING]
    assert [c.url for c in portals.iter_captures(portal_id=OTHER, url=ARTICLE)] == []


def test_reextract_can_write_while_iterating_many_captures(portals: Archive) -> None:
    urls = [f"{ARTICLE}-{i:03d}" for i in range(250)]
    for url in urls:
        capture(portals, url, body=url.encode())
    seen = []
    for stored in portals.iter_captures(latest_only=True):
        record = {"url": stored.url, "portal_id": PORTAL, "body": stored.body.decode()}
        portals.upsert_article({**record, "fetched_at": T2, "change_reason": "reextract"})
        seen.append(stored.url)
    assert seen == urls
    assert count(portals, "articles") == 252
