"""Bad input gives the best correct answer and a warning, never an exception other than
NotAnArticle, and never a wrong-but-confident publish time."""

from __future__ import annotations

import contextlib
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.extraction import NotAnArticle, extract_article, parse_listing

PAGES = Path(__file__).parent / "pages"
SEED = (PAGES / "seed_template_unit_byline_constructed.html").read_text(encoding="utf-8")
URL = "https://tayho.example.gov.vn/tin-tuc/so-ket-cong-tac-phoi-hop-2231.html"
TITLE = "Quận Tây Hồ sơ kết công tác phối hợp 6 tháng đầu năm 2022"
DATELINE = "23/07/2022 - 03:42 PM"
DAY = "2022-07-23T00:00:00+07:00"


def test_utf8_page_declaring_windows_1252_is_read_as_utf8_with_a_warning():
    page = SEED.replace("charset=utf-8", "charset=windows-1252").encode("utf-8")
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert "page declares charset cp1252 but is UTF-8: decoded as UTF-8" in article.warnings


def test_http_header_charset_wrong_too():
    article = extract_article(SEED.encode("utf-8"), URL, content_type="text/html; charset=latin-1")
    assert article.title == TITLE
    assert any("but is UTF-8" in w for w in article.warnings)


def test_windows_1258_page_declared_utf8_is_decoded_with_a_warning():
    page = _windows_1258(SEED)
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert "page is not valid utf-8: decoded as cp1258" in article.warnings


def _windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 does: â ê ô ă ơ ư precomposed, the five tones as combining marks."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def test_stray_invalid_bytes_keep_the_page_utf8():
    raw = SEED.encode("utf-8")
    page = raw[:200] + b"\x80" + raw[200:]
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert "1 invalid UTF-8 byte sequence(s) read as cp1252" in article.warnings


def test_stray_nul_bytes_are_left_out_not_a_reason_to_refuse_the_page():
    """A broken database export leaves a few NULs in the text: the page is still one."""
    body = SEED.index("<body")
    page = (SEED[:body] + "\x00" + SEED[body:].replace("</p>", "\x00</p>", 2)).encode("utf-8")
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert "\x00" not in article.body
    assert "NUL characters in the page left out" in article.warnings


def test_dotnet_blank_dates_and_runaway_json_ld_give_no_date_never_an_exception():
    """.NET writes an unset date as 0001-01-01 (before year 1 at UTC once its +07:00 is
    taken away); a generator nests JSON-LD a thousand deep. Neither is an error of the page."""
    blank = "0001-01-01T00:00:00+07:00"
    head = (
        f"<meta property='article:published_time' content='{blank}'>"
        '<script type="application/ld+json">' + "[" * 1500 + "]" * 1500 + "</script>"
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": '
        f'"{blank}"}}</script>'
    )
    page = SEED.replace("</head>", head + "</head>").encode("utf-8")
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert article.published_at == "2022-07-23T15:42:00+07:00"  # the page's own dateline
    listing = (
        "<html><body><ul>"
        + "".join(
            f"<li><a href='/tin-tuc/hoi-nghi-so-ket-cong-tac-{n}.html'>Hội nghị sơ kết công tác "
            f"quý {n}</a> <time datetime='{blank}'>{blank}</time></li>"
            for n in range(1, 6)
        )
        + "</ul></body></html>"
    )
    assert len(parse_listing(listing.encode(), URL).article_urls) == 5


def test_a_font_left_open_on_every_line_cuts_the_page_and_the_article_says_so():
    """Old editors opened a <font> on every line and closed none: 400 lines nest 400 deep,
    past libxml2's 256, where it reads no further. It did so silently: the article read up
    to there is kept, with a warning that tells the archive's reader what is missing."""
    lines = "".join(
        f"<font face='Arial'>Dòng {i}: phường tiếp tục ra quân vệ sinh môi trường.<br>"
        for i in range(400)
    )
    page = SEED.replace("</h2>", f"</h2><div class='x'>{lines}</div>", 1).encode("utf-8")
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert any("nests too deep" in w for w in article.warnings)


def test_a_page_nested_beyond_the_parser_s_depth_says_it_is_read_only_so_far():
    from scraper.extraction.document import load_document

    deep = "<div>" * 3000 + "<p>Nội dung ở sâu.</p>" + "</div>" * 3000
    doc = load_document(SEED.replace("<body>", f"<body>{deep}", 1).encode("utf-8"), URL)
    assert any("nests too deep" in w for w in doc.warnings)
    assert not load_document(SEED.encode("utf-8"), URL).warnings


def test_a_utf8_template_around_a_long_legacy_font_text_stays_utf8():
    """A migrated article: the template, title and lead in UTF-8, a long text still in TCVN3
    bytes. More invalid sequences than valid letters, yet dozens of three-byte UTF-8 letters
    (ạ, ấ, ệ: no accident of 8-bit bytes) say the page is UTF-8: its title is not garbled."""
    from scraper.extraction.legacy_fonts import TCVN3_TO_UNICODE

    to_tcvn3 = str.maketrans({u: legacy for legacy, u in TCVN3_TO_UNICODE.items()})
    text = "phường tổ chức hội nghị tổng kết công tác vệ sinh môi trường năm nay. " * 60
    legacy = text.translate(to_tcvn3).encode("cp1252", errors="replace")
    raw = SEED.encode("utf-8")
    at = raw.index("<p>Chiều ngày 22/7/2022".encode())  # the text's first paragraph
    page = raw[:at] + b"<p>" + legacy + b"</p>" + raw[at:]
    article = extract_article(page, URL)
    assert article.title == TITLE
    assert "hội nghị tổng kết công tác" in article.body
    assert any("invalid UTF-8 byte sequence(s) read as cp1252" in w for w in article.warnings)


def test_truncated_page_is_read_and_says_so():
    cut = SEED[: SEED.index("Dịp này")]
    article = extract_article(cut, URL)
    assert article.title == TITLE
    assert article.published_at == "2022-07-23T15:42:00+07:00"
    assert "the HTML looks truncated (no closing </body> or </html>)" in article.warnings


def test_a_page_made_huge_by_pictures_pasted_as_base64_keeps_its_text_after_them():
    """Pictures pasted from a word processor travel inside the page: 9 MB of base64 before
    the text's end, which the page must not be cut at."""
    picture = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 400_000
    at = SEED.index("Dịp này")
    page = SEED[:at] + f"<img src='{picture}'>" + SEED[at:]
    article = extract_article(page, URL)
    assert article.body == extract_article(SEED, URL).body
    assert not any("truncated" in warning for warning in article.warnings)


def test_a_page_made_huge_by_an_aspnet_view_state_keeps_its_text_after_it():
    """ASP.NET keeps a page's state in a hidden input (__VIEWSTATE), 9 MB of base64 before
    the text on some pages: a form's value is no text, and the page is not cut at it."""
    state = "L3dFUER3VUtMVGN3TnpFM01ESXlPVGdQWkJZQ0FnRVBaQllFSGdk" * 180_000
    form = f'<form method="post"><input type="hidden" name="__VIEWSTATE" value="{state}">'
    at = SEED.index("<body")
    at = SEED.index(">", at) + 1
    page = SEED[:at] + form + SEED[at:].replace("</body>", "</form></body>")
    article = extract_article(page.encode("utf-8"), URL)
    assert article.body == extract_article(SEED, URL).body
    assert not any("truncated" in warning for warning in article.warnings)


def test_date_without_time_is_day_precision_with_a_warning():
    page = SEED.replace("23/07/2022 - 03:42 PM", "Thứ bảy, ngày 23/07/2022")
    article = extract_article(page, URL)
    assert article.published_at == "2022-07-23T00:00:00+07:00"
    assert article.published_precision == "day"
    assert "the dateline gives the day only: no time of publication" in article.warnings


def test_print_date_header_is_never_the_publish_date():
    page = SEED.replace("23/07/2022 - 03:42 PM", "Hà Nội, ngày 21 tháng 10 năm 2024")
    article = extract_article(page, URL)
    assert article.published_at is None
    assert any(w.startswith("print-view date ignored") for w in article.warnings)


def test_related_list_dates_are_never_taken_for_the_dateline():
    page = SEED.replace("23/07/2022 - 03:42 PM", "")
    page = page.replace(
        "Bầu cử tổ trưởng tổ dân phố nhiệm kỳ mới</a>",
        "Bầu cử tổ trưởng tổ dân phố nhiệm kỳ mới</a> (12/07/2022)",
    )
    article = extract_article(page, URL)
    assert article.published_at is None
    assert "no dateline found" in article.warnings


UNCLOSED_TEXT_BOX = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Xã Hưng Long họp bàn kế hoạch trồng cây</title></head><body>
<main class="container"><div class="row"><div class="col-md-8"><div class="post">
<h1 class="post-title">Xã Hưng Long họp bàn kế hoạch trồng cây</h1>
<div class="post-meta">12/03/2025 09:15
<div class="post-body"><p>Sáng 12/3, Ủy ban nhân dân xã Hưng Long họp bàn kế hoạch trồng mới
hai nghìn cây xanh dọc các tuyến đường liên thôn trong năm nay.<p>Mỗi thôn nhận một đoạn
đường, tự chọn giống cây và phân công các hộ chăm sóc trong ba năm đầu.
<p>Xã giao hội phụ nữ và đoàn thanh niên vận động bà con góp công, góp giống cây.
<p style="text-align:right"><b>Tin, ảnh: Lê Mai</b>
<aside class="col-md-4"><div class="box"><div class="box-title">Liên kết</div>
<p>Cổng dịch vụ công quốc gia</p></div><div class="box"><div class="box-title">
Thống kê truy cập</div><p>Hôm nay: 315</p><p>Tổng: 120.344</p></div></aside>
</div></main><footer class="site-footer"><p>Cơ quan chủ quản: UBND xã Hưng Long</p>
<p>Địa chỉ: thôn Trung, xã Hưng Long</p></footer>"""


def test_side_column_and_footer_left_inside_an_unclosed_text_box_are_not_text():
    # The text's box and its dateline box are never closed: the parser puts the side column
    # and the page footer inside them.
    article = extract_article(UNCLOSED_TEXT_BOX, "https://hunglong.example.gov.vn/tin/ke-hoach-5")
    assert article.body.endswith("góp công, góp giống cây.")
    assert article.byline == "Tin, ảnh: Lê Mai"
    assert "Thống kê truy cập" not in article.body and "Cơ quan chủ quản" not in article.body
    assert article.published_at == "2025-03-12T09:15:00+07:00"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(min_value=0, max_value=len(SEED)),
    junk=st.binary(max_size=64),
    where=st.integers(min_value=0, max_value=len(SEED)),
)
def test_never_raises_anything_but_not_an_article(cut: int, junk: bytes, where: int):
    raw = SEED.encode("utf-8")
    page = raw[:where] + junk + raw[where:cut] if where < cut else raw[:cut] + junk
    try:
        article = extract_article(page, URL)
    except NotAnArticle:
        return
    # Damage elsewhere never changes what an intact dateline says; a page cut off inside
    # its dateline gives at most the day. (Junk written into the dateline itself, such as
    # "03:42x PM", is other text and may read otherwise.)
    dateline = DATELINE.encode()
    if dateline in page:
        # (At the very end of a cut page even an intact-looking dateline keeps only its day.)
        assert article.published_at in (None, "2022-07-23T15:42:00+07:00", DAY)
    elif (
        cut <= where
        and junk
        and any(raw[:cut].endswith(dateline[:k]) for k in range(1, len(dateline)))
    ):
        return  # the junk goes on where the dateline was cut: "23/07/202" + "0" is other text
    elif page.endswith(dateline[: len(dateline) - 1]) or cut <= where:
        assert article.published_at in (None, DAY)


def test_dateline_cut_off_at_the_end_of_a_truncated_page_keeps_only_the_day():
    from scraper.extraction.assemble import Parts, assemble
    from scraper.extraction.document import load_document

    body = "<p>" + "Hội nghị tiếp xúc cử tri của phường diễn ra tại hội trường. " * 5 + "</p>"
    page = f"<html><body><h1>{TITLE}</h1><div id='c'>{body}</div><div id='d'>23/07/2022 - 03:42"
    doc = load_document(page, URL)
    content = doc.tree.get_element_by_id("c")
    parts = Parts(title=TITLE, dateline_texts=["23/07/2022 - 03:42"], content_roots=[content])
    article = assemble(doc, "generic", parts)
    assert (article.published_at, article.published_precision) == (
        "2022-07-23T00:00:00+07:00",
        "day",
    )
    assert "the page is cut off right after its dateline: time of day dropped" in article.warnings


# Unbalanced IPv6 brackets: urllib refuses such an address (ValueError), as a browser would.
UNREADABLE_ADDRESSES = (
    '<p><a href="http://[may-chu/tai-lieu.pdf">Tải về</a> <img src="http://[anh/1.jpg"> '
    '<a href="https://[trang/tin-tuc/bai-1.html">Bài khác</a></p>'
)


def test_unreadable_addresses_in_any_page_are_left_out_not_raised():
    from tests.golden import all_goldens

    checked = 0
    for golden in all_goldens():
        if not golden.page.is_file():
            continue
        raw = golden.page.read_bytes().decode("utf-8", "replace")
        cut = raw.rfind("</p>")
        page = raw[:cut] + UNREADABLE_ADDRESSES + raw[cut:] if cut != -1 else raw
        for read in (extract_article, parse_listing):
            try:
                result = read(page.encode("utf-8"), golden.url)
            except NotAnArticle:
                continue
            addresses = [*getattr(result, "article_urls", [])]
            addresses += [i.url for i in getattr(result, "images", [])]
            addresses += [a.url for a in getattr(result, "attachments", [])]
            assert not any("[" in address for address in addresses)
        checked += 1
    assert checked > 50


# Every page the project wrote, pages of whole portals included: each reader of the extractor
# (title, dateline, listing dates, pagers, legacy fonts) meets its own markup damaged.
ALL_PAGES = sorted(
    [*PAGES.glob("*_constructed.html"), *(PAGES.parent / "sites").rglob("*_constructed.html")]
)
# Damage that has tripped readers: comments and tags in odd places, NUL and control bytes,
# half a CDATA, an entity for NUL, a base address, a page chooser, a document frame.
JUNK = [
    b"<!-- x -->", b"<b>", b"</div>", b"<![CDATA[", b"\x00", b"\x19", b"&#0;",
    b"<base href='x'>", b"<select><option selected value='?page=9'>",
    b"<iframe src='?file=a.pdf'>", b"<a href='/tin/a-1234.html'>", b"(12/03/2025)", b"<br>",
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(ALL_PAGES),
    junk=st.one_of(st.sampled_from(JUNK), st.binary(max_size=24)),
    cut=st.floats(min_value=0, max_value=1),
    where=st.floats(min_value=0, max_value=1),
)
def test_no_damaged_page_raises_anything_but_not_an_article(page, junk, cut, where):
    raw = page.read_bytes()
    at, end = sorted((int(where * len(raw)), int(cut * len(raw))))
    damaged = raw[:at] + junk + raw[at:end]
    for read in (
        lambda: extract_article(damaged, URL, listed_date="12/03/2025"),
        lambda: parse_listing(damaged, "https://tayho.example.gov.vn/tin-tuc"),
    ):
        with contextlib.suppress(NotAnArticle):
            read()


def test_a_comment_after_a_picture_s_table_row_is_no_caption():
    # (Found by the property test above: a comment where the caption's row would be.)
    html = (
        "<html><head><title>Tin</title></head><body><h1>Hội nghị tổng kết công tác năm 2025 của"
        " phường</h1><p>12/12/2025 08:00</p><div class='content'><table><tr><td><img"
        " src='/a.jpg' width='400'></td></tr><!-- x --></table><p>Sáng 12/12, phường tổ chức"
        " hội nghị tổng kết công tác năm với sự tham dự của đông đảo cán bộ.</p></div>"
        "</body></html>"
    )
    article = extract_article(html.encode(), "https://phuong.example.gov.vn/tin/1")
    assert [image.url for image in article.images] == ["https://phuong.example.gov.vn/a.jpg"]
