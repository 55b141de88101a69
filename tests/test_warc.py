"""WARC export: what warcio writes, warcio (and so replay tools) reads back, byte for byte."""

from __future__ import annotations

import gzip
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from scraper.warc import write_warc

ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Kỳ họp thứ mười HĐND phường Đông Hưng</title></head><body>
<h1>Kỳ họp thứ mười HĐND phường Đông Hưng khóa II</h1>
<p>Sáng 12/3, HĐND phường tổ chức kỳ họp thường lệ, xem xét tình hình kinh tế – xã hội
quý I và thông qua nghị quyết về chỉnh trang vỉa hè các tuyến phố.</p></body></html>
"""
LISTING = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Tin tức - Sự kiện</title></head><body><ul>
<li><a href="/tin-tuc/ky-hop-thu-muoi">Kỳ họp thứ mười HĐND phường</a></li>
<li><a href="/tin-tuc/ra-quan-ve-sinh">Ra quân vệ sinh môi trường đầu xuân</a></li>
</ul></body></html>
"""
NOT_FOUND = "<html><body><p>Không tìm thấy trang yêu cầu.</p></body></html>"


@dataclass(frozen=True)
class FakeCapture:
    url: str
    fetched_at: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    final_url: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


CAPTURES = [
    FakeCapture(
        url="https://donghung.thaibinh.gov.vn/tin-tuc/ky-hop-thu-muoi",
        fetched_at="2026-03-12T01:05:09+00:00",
        status=200,
        body=ARTICLE.encode("utf-8"),
        # The server sent it gzipped and chunked; the archive kept the decoded body.
        headers={
            "Content-Type": "text/html; charset=utf-8",
            "Content-Encoding": "gzip",
            "Transfer-Encoding": "chunked",
            "ETag": '"a1b2c3"',
        },
    ),
    FakeCapture(
        url="http://donghung.thaibinh.gov.vn/tin-tuc",
        final_url="https://donghung.thaibinh.gov.vn/tin-tuc?page=1",
        fetched_at="2026-03-12T08:00:00.250000+07:00",
        status=200,
        body=LISTING.encode("utf-8"),
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Length": "99999"},
    ),
    FakeCapture(
        url="https://donghung.thaibinh.gov.vn/tin-tuc/bai-da-xoa",
        fetched_at="2026-03-12T01:07:00Z",
        status=404,
        body=NOT_FOUND.encode("utf-8"),
        headers={"Content-Type": "text/html", "Server": "Apache"},
    ),
]
EXPECTED = [
    ("https://donghung.thaibinh.gov.vn/tin-tuc/ky-hop-thu-muoi", "200", "2026-03-12T01:05:09Z"),
    ("https://donghung.thaibinh.gov.vn/tin-tuc?page=1", "200", "2026-03-12T01:00:00.250000Z"),
    ("https://donghung.thaibinh.gov.vn/tin-tuc/bai-da-xoa", "404", "2026-03-12T01:07:00Z"),
]


def read_back(data: bytes) -> list:
    # check_digests="raise": a wrong sha256 label or value fails the read.
    records = []
    for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
        records.append((record, record.content_stream().read()))
    return records


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_round_trip(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("out.warc.gz" if compress else "out.warc")
    assert write_warc(iter(CAPTURES), path, gzip=compress) == 3
    data = path.read_bytes()
    assert data.startswith(b"\x1f\x8b") == compress
    if compress:
        assert gzip.decompress(data).startswith(b"WARC/1.1\r\n")

    records = read_back(data)
    assert [r.rec_type for r, _ in records] == ["warcinfo", "response", "response", "response"]
    info, info_body = records[0]
    assert info.rec_headers.get_header("WARC-Filename") == path.name
    assert b"software: vnnews/" in info_body
    assert b"format: WARC File Format 1.1" in info_body

    for (record, body), capture, (uri, status, date) in zip(
        records[1:], CAPTURES, EXPECTED, strict=True
    ):
        assert record.rec_headers.protocol == "WARC/1.1"
        assert record.rec_headers.get_header("WARC-Target-URI") == uri
        assert record.rec_headers.get_header("WARC-Date") == date
        assert record.http_headers.get_statuscode() == status
        assert body == capture.body
        digest = record.rec_headers.get_header("WARC-Payload-Digest")
        assert digest.startswith("sha256:")


def test_headers_describe_the_stored_body() -> None:
    out = io.BytesIO()
    write_warc(CAPTURES, out)
    (_, _), (article, _), (listing, _), (missing, _) = read_back(out.getvalue())

    headers = article.http_headers
    assert headers.statusline == "200 OK"
    assert headers.get_header("Content-Encoding") is None
    assert headers.get_header("Transfer-Encoding") is None
    assert headers.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert headers.get_header("Content-Length") == str(len(CAPTURES[0].body))
    assert headers.get_header("ETag") == '"a1b2c3"'

    assert listing.http_headers.get_header("Content-Length") == str(len(CAPTURES[1].body))
    assert listing.http_headers.get_header("X-Archive-Orig-Content-Length") == "99999"
    assert missing.http_headers.statusline == "404 Not Found"


def test_a_body_still_gzipped_keeps_its_content_encoding() -> None:
    packed = gzip.compress(ARTICLE.encode("utf-8"))
    capture = FakeCapture(
        url="https://donghung.thaibinh.gov.vn/tin-tuc/ky-hop-thu-muoi",
        fetched_at="2026-03-12T01:05:09+00:00",
        status=200,
        body=packed,
        headers={"Content-Encoding": "gzip"},
    )
    out = io.BytesIO()
    write_warc([capture], out, gzip=False)
    record = next(
        r for r in ArchiveIterator(io.BytesIO(out.getvalue())) if r.rec_type == "response"
    )
    assert record.http_headers.get_header("Content-Encoding") == "gzip"
    # warcio's content_stream undoes the still-declared encoding: the page comes back.
    assert record.content_stream().read() == ARTICLE.encode("utf-8")


def test_stream_stays_open_and_empty_export_has_only_warcinfo() -> None:
    out = io.BytesIO()
    assert write_warc([], out) == 0
    assert not out.closed
    assert [r.rec_type for r, _ in read_back(out.getvalue())] == ["warcinfo"]


def test_digests_are_checked_on_read() -> None:
    out = io.BytesIO()
    write_warc(CAPTURES[:1], out, gzip=False)
    tampered = out.getvalue().replace("khóa".encode(), "khoá".encode())
    with pytest.raises(ArchiveLoadFailed, match="digest failed"):
        read_back(tampered)
