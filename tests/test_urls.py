"""url_joiner is urljoin, faster on the usual forms: the same answer for any reference (None
where urljoin raises, for addresses urllib cannot read)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extraction.urls import url_joiner

BASES = [
    "https://caugiay.hanoi.gov.vn/tin-tuc/bai-viet-1.html",
    "http://ubnd.phuong1.gov.vn/a/b/",
    "https://user@portal.gov.vn:8080/p?q=1#top",
    "https://portal.gov.vn",
    "HTTPS://Portal.gov.vn/x;params?q",
    "file:///tmp/trang luu/bai.html",
]
PIECES = [
    "/", "//", "a", "tin", ".", "..", ":", "?", "#", ";", " ", "\t", "\n", "\x01", "\x7f",
    "%20", "http", "https", "://", "ảnh", "[", "]", "\\", "@", "=", "&", "x.jpg", "file",
]  # fmt: skip
REFS = st.builds(
    lambda prefix, parts: prefix + "".join(parts),
    st.sampled_from(["", "/", "http://", "https://", "https://portal.gov.vn/", "//cdn.vn/"]),
    st.lists(st.sampled_from(PIECES), max_size=8),
)


def _urljoin_or_none(base: str, ref: str) -> str | None:
    try:
        return urljoin(base, ref)
    except ValueError:
        return None


@settings(max_examples=1000)
@given(base=st.sampled_from(BASES), ref=REFS)
def test_same_answer_as_urljoin(base: str, ref: str) -> None:
    assert url_joiner(base)(ref) == _urljoin_or_none(base, ref)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("/uploads/anh-1.jpg", "https://caugiay.hanoi.gov.vn/uploads/anh-1.jpg"),
        ("https://cdn.gov.vn/a.jpg", "https://cdn.gov.vn/a.jpg"),
        ("anh.jpg", "https://caugiay.hanoi.gov.vn/tin-tuc/anh.jpg"),
        ("/a/../b.jpg", "https://caugiay.hanoi.gov.vn/b.jpg"),
        ("//cdn.gov.vn/a.jpg", "https://cdn.gov.vn/a.jpg"),
    ],
)
def test_usual_forms(ref: str, expected: str) -> None:
    assert url_joiner(BASES[0])(ref) == expected
