"""Export stored captures as a WARC/1.1 file, the web-archiving standard (ISO 28500).

A WARC lets the archive's raw pages outlive this project: pywb, ReplayWeb.page, the Internet
Archive's tools and warcio itself read it. The archive keeps, per fetch, the status, the
response headers and the body (see Archive.store_capture); this module rebuilds an HTTP
response from them. The body was stored as Scrapy handed it over — already de-chunked and
decompressed — so headers describing the wire form (Content-Encoding, Transfer-Encoding,
Content-Length) would make readers mis-decode it: they are rewritten to match the stored body,
and the originals kept as `X-Archive-Orig-*` headers (pywb's convention) so nothing is lost.

Digests are sha256, labelled and base32-encoded like warcio's own sha1 ones ("sha256:…");
warcio's `check_digests` verifies them.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from datetime import UTC, datetime
from http import HTTPStatus
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, Protocol

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

log = logging.getLogger(__name__)

WARC_VERSION = "1.1"
CONFORMS_TO = "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
HTTP_PROTOCOL = "HTTP/1.1"  # Scrapy does not keep the protocol version; 1.1 is what it speaks.
# Wire-level headers that no longer describe the stored (decoded, de-chunked) body.
DROPPED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
ORIGINAL_PREFIX = "X-Archive-Orig-"
GZIP_MAGIC = b"\x1f\x8b"


class CaptureLike(Protocol):
    """What write_warc reads from a capture (archive.store.Capture fits)."""

    @property
    def url(self) -> str: ...
    @property
    def final_url(self) -> str | None: ...
    @property
    def fetched_at(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def headers(self) -> Mapping[str, str | list[str]]: ...
    @property
    def sha256(self) -> str: ...
    @property
    def body(self) -> bytes: ...


def write_warc(
    captures: Iterable[CaptureLike], out: Path | str | BinaryIO, *, gzip: bool = True
) -> int:
    """Write a warcinfo record then one `response` record per capture; return the count.

    `out` is a path (created or overwritten; a str works too) or a binary stream (left open). With `gzip`,
    every record is its own gzip member, as `.warc.gz` readers expect.
    """
    with ExitStack() as stack:
        if isinstance(out, str | Path):
            path = Path(out)
            stream: BinaryIO = stack.enter_context(path.open("wb"))
            filename: str | None = path.name
        else:
            stream, filename = out, None
        writer = WARCWriter(stream, gzip=gzip, warc_version=WARC_VERSION)
        writer.write_record(writer.create_warcinfo_record(filename, _warcinfo()))
        count = 0
        for capture in captures:
            writer.write_record(_response_record(writer, capture))
            count += 1
        stream.flush()
    return count


def _warcinfo() -> dict[str, str]:
    try:
        version = metadata.version("vnnews")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return {
        "software": f"vnnews/{version} (warcio/{metadata.version('warcio')})",
        "format": f"WARC File Format {WARC_VERSION}",
        "conformsTo": CONFORMS_TO,
        "description": "Pages of Vietnamese government news portals, exported from a vnnews "
        "archive (bodies as stored: decoded)",
    }


def _response_record(writer: WARCWriter, capture: CaptureLike) -> ArcWarcRecord:
    body = capture.body
    http_headers = StatusAndHeaders(
        _status_line(capture.status),
        http_header_lines(capture.headers, body),
        protocol=HTTP_PROTOCOL,
    )
    # The block digest covers the HTTP header block + body exactly as warcio will write them.
    http_headers.compute_headers_buffer()
    payload_sha = hashlib.sha256(body)
    if capture.sha256 and capture.sha256 != payload_sha.hexdigest():
        # The digest must describe the bytes written, so the body wins; say so, though.
        log.warning("capture of %s: stored sha256 does not match its body", capture.url)
    block_sha = hashlib.sha256(http_headers.headers_buff + body)
    warc_headers = {
        "WARC-Date": warc_date(capture.fetched_at),
        "WARC-Payload-Digest": _labelled("sha256", payload_sha.digest()),
        "WARC-Block-Digest": _labelled("sha256", block_sha.digest()),
    }
    # The response came from final_url (after redirects); that is what a replay looks up.
    return writer.create_warc_record(
        capture.final_url or capture.url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        warc_headers_dict=warc_headers,
        http_headers=http_headers,
    )


def _status_line(status: int) -> str:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    return f"{status} {reason}".rstrip()


def http_header_lines(headers: Mapping[str, str | list[str]], body: bytes) -> list[tuple[str, str]]:
    """The stored headers as (name, value) lines, fixed to describe the stored body."""
    lines: list[tuple[str, str]] = []
    for name, value in headers.items():
        values = value if isinstance(value, list) else [value]
        for one in values:
            if name.lower() in DROPPED_HEADERS and not _still_encoded(name, one, body):
                lines.append((ORIGINAL_PREFIX + name, one))
            else:
                lines.append((name, one))
    lines.append(("Content-Length", str(len(body))))
    return lines


def _still_encoded(name: str, value: str, body: bytes) -> bool:
    # Scrapy leaves a body compressed when it lacks the decoder; a gzip body that still starts
    # with the gzip magic keeps its header, so readers can decode it.
    return (
        name.lower() == "content-encoding"
        and value.strip().lower() in ("gzip", "x-gzip")
        and body.startswith(GZIP_MAGIC)
    )


def warc_date(fetched_at: str) -> str:
    """ISO 8601 (any offset; naive = UTC) → WARC-Date, UTC with 'Z' (microseconds if any)."""
    moment = datetime.fromisoformat(fetched_at)  # 3.11 reads "Z" too
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return datetime_to_iso_date(moment, use_micros=True)


def _labelled(algorithm: str, digest: bytes) -> str:
    return f"{algorithm}:{base64.b32encode(digest).decode('ascii')}"
