"""Bylines as ward and commune portals print them below the text, and the authors they name."""

from __future__ import annotations

import pytest

from scraper.extraction import extract_article
from scraper.extraction.bylines import split_authors

URL = "https://xa.example.gov.vn/tin-tuc/ra-quan-ve-sinh-moi-truong-2207.html"
_LAST = "Kết thúc buổi ra quân, các tổ dân phố đã thu gom được hơn hai tấn rác thải."
_BODY = (
    "<p>Sáng Chủ nhật, hơn ba trăm đoàn viên, hội viên và người dân của phường đã cùng ra quân"
    " làm sạch các tuyến phố, ngõ xóm và khơi thông cống rãnh trước mùa mưa.</p>"
    "<p>Lực lượng ra quân được chia thành các tổ, mỗi tổ phụ trách một tuyến phố và một khu"
    " vực tập kết rác do phường phân công.</p>"
    f"<p>{_LAST}</p>"
)
RIGHT = "<p style='text-align: right'>{}</p>"


def _extract(after_text: str):
    page = (
        "<html><head><meta charset='utf-8'><title>Phường ra quân vệ sinh môi trường</title></head>"
        "<body><div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
        "<div class='chi-tiet-tin'><h1>Phường ra quân vệ sinh môi trường</h1>"
        "<div class='ngay'>Chủ nhật, 09/03/2025 07:30</div>"
        f"<div class='noi-dung'>{_BODY}{after_text}</div></div>"
        "<div class='footer'>Cổng thông tin điện tử phường</div></body></html>"
    )
    return extract_article(page.encode(), URL)


@pytest.mark.parametrize(
    ("after_text", "byline", "authors"),
    [
        # The writer's name over the unit they write for, both set on the right.
        (
            RIGHT.format("<b>Nguyễn Văn Hùng</b>") + RIGHT.format("Phòng Văn hóa và Thông tin"),
            "Nguyễn Văn Hùng - Phòng Văn hóa và Thông tin",
            ["Nguyễn Văn Hùng"],
        ),
        (
            RIGHT.format("<b>MINH ĐỨC</b>") + RIGHT.format("<i>(Văn phòng HĐND-UBND phường)</i>"),
            "MINH ĐỨC (Văn phòng HĐND-UBND phường)",
            ["MINH ĐỨC"],
        ),
        # The name over its source, with or without alignment: the source is not an author.
        (
            RIGHT.format("<b>Ngọc Lan</b>") + RIGHT.format("<i>Nguồn: hanoimoi.vn</i>"),
            "Ngọc Lan - Nguồn: hanoimoi.vn",
            ["Ngọc Lan"],
        ),
        ("<p>Ngọc Lan</p><p>Theo hanoimoi.vn</p>", "Ngọc Lan - Theo hanoimoi.vn", ["Ngọc Lan"]),
        (
            "<p class='tac-gia'>Tác giả: Lan Anh</p><p class='nguon'>Nguồn: Báo Đà Nẵng</p>",
            "Tác giả: Lan Anh - Nguồn: Báo Đà Nẵng",
            ["Lan Anh"],
        ),
        # Labels typed without accents.
        ("<p>Tin, anh: Quang Minh</p>", "Tin, anh: Quang Minh", ["Quang Minh"]),
        ("<p>Tac gia: Lan Anh</p>", "Tac gia: Lan Anh", ["Lan Anh"]),
        # A source alone, in brackets: the text as printed, the source as its author.
        ("<p>(Theo Báo Hà Nội Mới)</p>", "(Theo Báo Hà Nội Mới)", ["Báo Hà Nội Mới"]),
        # A date after the name, an agency in brackets.
        (RIGHT.format("Minh Châu - 09/03/2025"), "Minh Châu - 09/03/2025", ["Minh Châu"]),
        (RIGHT.format("<b>Thanh Tùng (TTVH)</b>"), "Thanh Tùng (TTVH)", ["Thanh Tùng"]),
    ],
)
def test_byline_printed_on_two_lines_or_with_source_date_or_agency(after_text, byline, authors):
    article = _extract(after_text)
    assert article.platform == "generic"
    assert (article.byline, article.authors) == (byline, authors)
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    ("after_text", "byline", "body_end"),
    [
        # A signed notice: only the signer's name is a byline, the office titles stay.
        (
            RIGHT.format("<b>TM. ỦY BAN NHÂN DÂN</b>")
            + RIGHT.format("<b>CHỦ TỊCH</b>")
            + RIGHT.format("<b>Nguyễn Văn An</b>"),
            "Nguyễn Văn An",
            "CHỦ TỊCH",
        ),
        # A closing line of verse over the unit is text, not a name.
        (
            RIGHT.format("<em>Ai ơi giữ lấy nếp nhà</em>") + RIGHT.format("Hội Phụ nữ phường"),
            "Hội Phụ nữ phường",
            "Ai ơi giữ lấy nếp nhà",
        ),
        # A sentence over the unit stays text.
        (
            "<p>Buổi ra quân kết thúc lúc 11 giờ.</p>" + RIGHT.format("Phòng Văn hóa và Thông tin"),
            "Phòng Văn hóa và Thông tin",
            "Buổi ra quân kết thúc lúc 11 giờ.",
        ),
    ],
)
def test_line_above_the_byline_that_is_no_name_stays_in_the_body(after_text, byline, body_end):
    article = _extract(after_text)
    assert article.byline == byline
    assert article.body.endswith(body_end)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("Ngày 09/03/2025", "Ngày 09/03/2025"),
        (
            "<em>Ninh Bình, ngày 09 tháng 3 năm 2025</em>",
            "Ninh Bình, ngày 09 tháng 3 năm 2025",
        ),
        ("Phường Tân Thành, ngày 09/3/2025", "Phường Tân Thành, ngày 09/3/2025"),
        ("<b>CHỦ NHẬT, 09/03/2025</b>", "CHỦ NHẬT, 09/03/2025"),
    ],
)
def test_date_set_on_the_right_at_the_end_is_no_byline(markup, text):
    """A notice's place and date of signing, set where bylines are: text, no one's name."""
    article = _extract(RIGHT.format(markup))
    assert (article.byline, article.authors) == (None, [])
    assert article.body.endswith(_LAST + "\n\n" + text)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("XUÂN HIẾU - XUÂN THỊNH", ["XUÂN HIẾU", "XUÂN THỊNH"]),
        ("Văn phòng HĐND - UBND quận", ["Văn phòng HĐND - UBND quận"]),
        ("Thu Hà - Trung tâm Văn hóa - Thể thao", ["Thu Hà"]),
        # Papers, schools, villages, units by their initials: what the writers write for.
        ("Thu Hà - Báo Tân Lập", ["Thu Hà"]),
        ("Thu Hà - Trường THCS Tân Lập", ["Thu Hà"]),
        ("Lan Anh - Thôn Đông Hòa", ["Lan Anh"]),
        ("Thu Hà - TT VHTT&TT", ["Thu Hà"]),
        ("Minh Anh & Thu Hà - TTXVN", ["Minh Anh", "Thu Hà"]),
        # "Trường" alone is a name.
        ("Xuân Trường - Phòng Văn hóa", ["Xuân Trường"]),
        # A post after the name is no second author.
        ("Trần Thị Hoa - Công chức Văn hóa - Xã hội", ["Trần Thị Hoa"]),
        ("Minh Anh - Cán bộ Tư pháp", ["Minh Anh"]),
        # English pages name the unit in English.
        ("Thanh Binh - Department of Foreign Affairs", ["Thanh Binh"]),
        ("Ha Linh, Minh Duc - Ward People's Committee", ["Ha Linh", "Minh Duc"]),
        ("Minh Anh, Thu Hà - Phòng Văn hóa", ["Minh Anh", "Thu Hà"]),
        ("Tin: Minh Anh; Ảnh: Hoàng Long", ["Minh Anh"]),
        ("Tin: Minh Anh; Nguồn: baochinhphu.vn", ["Minh Anh"]),
        ("Nguồn: Cổng TTĐT tỉnh", ["Cổng TTĐT tỉnh"]),
        ("Theo baohaiphong.vn", ["baohaiphong.vn"]),
        ("Thu Hà | 08:30 09/03/2025", ["Thu Hà"]),
        ("Lê Hà - 9.3.2025", ["Lê Hà"]),
        # A name that starts like the source word is still a name.
        ("Theodore Nguyễn", ["Theodore Nguyễn"]),
        # A publication's name is whole, whatever it holds; English pages' "By".
        ("Theo Kinh tế & Đô thị", ["Kinh tế & Đô thị"]),
        ("Nguồn: Sức khỏe - Đời sống", ["Sức khỏe - Đời sống"]),
        ("By Thu Trang", ["Thu Trang"]),
    ],
)
def test_split_authors(byline, authors):
    assert split_authors(byline) == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # Labels of several words or joined by a dash or slash are labels, not authors.
        ("Tin - ảnh: Minh Anh", ["Minh Anh"]),
        ("Tin/ảnh: Minh Anh", ["Minh Anh"]),
        ("Tin, bài: Minh Anh", ["Minh Anh"]),
        ("Ảnh, bài: Đức Hoàng", ["Đức Hoàng"]),
        ("Ảnh và bài: Ngọc Trâm", ["Ngọc Trâm"]),
        ("Ảnh - tin: Ngọc Trâm", ["Ngọc Trâm"]),
        ("Tổng hợp: Hoàng Long", ["Hoàng Long"]),
        ("Thực hiện: Nhóm phóng viên", ["Nhóm phóng viên"]),
        ("Sưu tầm: Thu Trang", ["Thu Trang"]),
        ("Người viết bài: Ngọc Ánh", ["Ngọc Ánh"]),
        ("Nguồn tin: Đài Truyền thanh phường", ["Đài Truyền thanh phường"]),
        # The editor beside the writer is not an author, nor a telephone, e-mail or date.
        ("Tác giả: Hồng Nhung - Biên tập: Quang Huy", ["Hồng Nhung"]),
        ("Nguyễn Thị Mai - ĐT: 0912 345 678", ["Nguyễn Thị Mai"]),
        ("Thu Hà - 0912345678", ["Thu Hà"]),
        ("Thu Hà - thuha@phuong.gov.vn", ["Thu Hà"]),
        ("Thu Hà - Ngày 12/6/2025", ["Thu Hà"]),
        # Two people joined by "và"; a unit's "và" stays (above: "Phòng Văn hóa và Thông tin").
        ("Minh Anh và Thu Hà", ["Minh Anh", "Thu Hà"]),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin"]),
    ],
)
def test_split_authors_drops_labels_editors_and_contacts(byline, authors):
    assert split_authors(byline) == authors


@pytest.mark.parametrize(
    ("after_text", "byline", "authors"),
    [
        # The editor, approver or poster printed under the writer: the writer is the byline.
        (
            RIGHT.format("Tác giả: Lan Hương") + RIGHT.format("Biên tập: Minh Quân"),
            "Tác giả: Lan Hương",
            ["Lan Hương"],
        ),
        (
            "<p>Tác giả: Lan Hương</p><p>Người duyệt: Trần Văn Bình</p>",
            "Tác giả: Lan Hương",
            ["Lan Hương"],
        ),
        # The writer's e-mail under the name.
        (
            RIGHT.format("Thu Hà") + RIGHT.format("Email: thuha@phuong.gov.vn"),
            "Thu Hà",
            ["Thu Hà"],
        ),
        # The date of the last edit under the name.
        (RIGHT.format("Thu Hà") + RIGHT.format("Cập nhật: 15/03/2025"), "Thu Hà", ["Thu Hà"]),
        ("<p>Thu Hà</p><p>Ngày cập nhật: 15/03/2025 09:00</p>", "Thu Hà", ["Thu Hà"]),
        # A label the lists above lacked, alone and unaligned.
        ("<p>Biên soạn: Lê Văn Tám</p>", "Biên soạn: Lê Văn Tám", ["Lê Văn Tám"]),
    ],
)
def test_editor_contact_and_date_lines_under_the_byline_go_with_it(after_text, byline, authors):
    article = _extract(after_text)
    assert (article.byline, article.authors) == (byline, authors)
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    "furniture",
    [
        "<p>Chia sẻ: <a href='#'>Facebook</a> | <a href='#'>Zalo</a> | <a href='#'>Twitter</a></p>",
        "<div>Chia sẻ bài viết: <a href='#'>Facebook</a></div>",
        "<p><a href='#'>Quay lại</a> <a href='#top'>Đầu trang</a> <a href='#'>In trang</a></p>",
        # The readers' comment form: its heading closes the text.
        "<p><b>Ý kiến bạn đọc</b></p><p>Họ tên:</p><p>Email:</p><p>Nội dung:</p><p>Gửi</p>",
    ],
)
def test_tools_and_comment_form_under_the_byline_are_no_text(furniture):
    article = _extract("<p>Thu Hà</p>" + furniture)
    assert (article.byline, article.authors) == ("Thu Hà", ["Thu Hà"])
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    "credit", ["<p><em>Ảnh: Minh Đức</em></p>", RIGHT.format("<em>Video: Minh Đức</em>")]
)
def test_credit_printed_over_the_byline_goes_with_it(credit):
    article = _extract(credit + RIGHT.format("<b>Thu Hà</b>"))
    assert (article.byline, article.authors) == ("Thu Hà", ["Thu Hà"])
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    "markup",
    [
        "<p class='author'>Phòng Văn hóa và Thông tin</p>",
        "<div class='tac-gia'><p>Phòng Văn hóa và Thông tin</p></div>",
        # Bootstrap 5 aligns right with "text-end".
        "<p class='text-end fw-bold'>Phòng Văn hóa và Thông tin</p>",
    ],
)
def test_a_unit_named_as_the_author_or_set_right_is_the_byline(markup):
    article = _extract(markup)
    assert (article.byline, article.authors) == (
        "Phòng Văn hóa và Thông tin",
        ["Phòng Văn hóa và Thông tin"],
    )
    assert article.body.endswith(_LAST)


def test_a_byline_set_right_just_after_the_text_box():
    page = (
        "<html><head><meta charset='utf-8'><title>Phường ra quân vệ sinh môi trường</title></head>"
        "<body><div class='chi-tiet-tin'><h1>Phường ra quân vệ sinh môi trường</h1>"
        "<div class='ngay'>Chủ nhật, 09/03/2025 07:30</div>"
        f"<div class='noi-dung'>{_BODY}</div><div style='text-align:right'><b>Phạm Thu Trang</b>"
        "</div></div><div class='footer'>Cổng thông tin điện tử phường</div></body></html>"
    )
    article = extract_article(page.encode(), URL)
    assert (article.byline, article.authors) == ("Phạm Thu Trang", ["Phạm Thu Trang"])
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    ("source", "byline"),
    [
        ("<p>Nguồn: Báo Hà Nội Mới</p>", "Hải Yến - Nguồn: Báo Hà Nội Mới"),
        ("<p><i>Theo: Cổng TTĐT quận</i></p>", "Hải Yến - Theo: Cổng TTĐT quận"),
    ],
)
def test_source_line_printed_over_the_byline_goes_with_it(source, byline):
    """The source above the writer's name: a credit, written as the name over its source."""
    article = _extract(source + RIGHT.format("<b>Hải Yến</b>"))
    assert (article.byline, article.authors) == (byline, ["Hải Yến"])
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    ("tail", "byline"),
    [(" <strong>Hải Yến</strong>", "Hải Yến"), (" <em>(Hải Yến)</em>", "(Hải Yến)")],
)
def test_name_in_bold_or_italics_after_the_last_sentence_is_the_byline(tail, byline):
    page_end = f"<p>Buổi ra quân kết thúc lúc mười một giờ trưa.{tail}</p>"
    article = _extract(page_end)
    assert (article.byline, article.authors) == (byline, ["Hải Yến"])
    assert article.body.endswith("Buổi ra quân kết thúc lúc mười một giờ trưa.")


@pytest.mark.parametrize(
    ("tail", "body_end"),
    [
        # Words of the text set in bold, not a name; a unit named mid-sentence is text too.
        (" <strong>Đây là việc làm thường xuyên</strong>", "Đây là việc làm thường xuyên"),
        (" <b>Phòng Văn hóa</b> phối hợp.", "Phòng Văn hóa phối hợp."),
    ],
)
def test_bold_words_after_the_last_sentence_that_are_no_name_stay_text(tail, body_end):
    article = _extract(f"<p>Buổi ra quân kết thúc lúc mười một giờ trưa.{tail}</p>")
    assert article.byline is None
    assert article.body.endswith(body_end)


def test_centred_capitals_closing_the_text_are_a_slogan_not_a_byline():
    slogan = "TOÀN DÂN CHUNG TAY GIỮ GÌN PHỐ PHƯỜNG XANH SẠCH ĐẸP"
    article = _extract(f"<p style='text-align:center'><strong>{slogan}</strong></p>")
    assert (article.byline, article.authors) == (None, [])
    assert article.body.endswith(slogan)
    # On the right, capitals are the byline, as before.
    assert _extract(RIGHT.format("<b>HẢI YẾN</b>")).byline == "HẢI YẾN"


@pytest.mark.parametrize(
    "tools",
    [
        (
            "<div class='cong-cu'><a href='#'>Gửi cho bạn bè</a> | <a href='#'>In trang</a> |"
            " <a href='#'>Lên đầu trang</a></div>"
        ),
        (
            "<p>[ <a href='#'>In bài</a> ] [ <a href='#'>Đóng cửa sổ</a> ] [ <a href='#'>Về đầu"
            " trang</a> ]</p>"
        ),
        "<div>Đánh giá bài viết: <input type='radio'> Hay <input type='radio'> Bình thường</div>",
    ],
)
def test_tools_and_rating_under_the_byline_are_no_text(tools):
    article = _extract(RIGHT.format("<b>Hải Yến</b>") + tools)
    assert (article.byline, article.authors) == ("Hải Yến", ["Hải Yến"])
    assert article.body.endswith(_LAST)


def test_name_and_unit_on_the_last_line_is_the_byline():
    article = _extract("<p>Phạm Hằng - Đài truyền thanh phường</p>")
    assert (article.byline, article.authors) == (
        "Phạm Hằng - Đài truyền thanh phường",
        ["Phạm Hằng"],
    )
    assert article.body.endswith(_LAST)


@pytest.mark.parametrize(
    "line",
    ["(Cập nhật: 09/03/2025 - 11:30 | Đã xem: 45 lần)", "Ngày gửi: 09/03/2025 07:45"],
)
def test_a_page_fact_set_on_the_right_is_no_byline(line):
    article = _extract(RIGHT.format(line))
    assert (article.byline, article.authors) == (None, [])


@pytest.mark.parametrize(
    "line",
    [
        "File đính kèm: <a href='/Upload/KeHoach.doc'>KeHoach.doc</a>",
        "Tải về: <a href='/a.pdf'>a.pdf</a>, <a href='/b.xlsx'>b.xlsx</a>",
    ],
)
def test_a_line_naming_the_attached_files_is_no_text(line):
    article = _extract(f"<p>Các tổ dân phố đăng ký theo mẫu dưới đây.<br>{line}</p>")
    assert not any(word in article.body for word in ("đính kèm", "Tải về", ".doc", ".pdf"))
    assert article.attachments


@pytest.mark.parametrize(
    ("line", "inside", "authors"),
    [
        ("<p class='reporter'><b>Phóng viên: Trần Đức Mạnh</b></p>", False, ["Trần Đức Mạnh"]),
        ("<p><strong>PV: Hoàng Long</strong></p>", True, ["Hoàng Long"]),
        ("<p><b>Thực hiện: Quang Minh – Hải Yến</b></p>", True, ["Quang Minh", "Hải Yến"]),
        ("<div class='tt'>Bài, ảnh: Thu Hà</div>", False, ["Thu Hà"]),
    ],
)
def test_a_reporters_line_printed_over_the_text_is_the_byline(line, inside, authors):
    """Between the dateline and the text, or as the text's first line: the byline, as
    printed, and no line of the text."""
    page = (
        "<html><head><meta charset='utf-8'><title>Phường ra quân vệ sinh môi trường</title></head>"
        "<body><div class='chi-tiet-tin'><h1>Phường ra quân vệ sinh môi trường</h1>"
        "<div class='ngay'>Chủ nhật, 09/03/2025 07:30</div>"
        f"{'' if inside else line}<div class='noi-dung'>{line if inside else ''}{_BODY}</div></div>"
        "<div class='footer'>Cổng thông tin điện tử phường</div></body></html>"
    )
    article = extract_article(page.encode(), URL)
    assert article.authors == authors
    assert article.byline is not None and article.byline.endswith(authors[-1])
    assert article.body.startswith("Sáng Chủ nhật, hơn ba trăm đoàn viên")


_WORD_NOTE = (
    "<div style='mso-element:footnote-list'><hr align='left' size='1' width='33%'>"
    "<div style='mso-element:footnote' id='ftn1'><p class='MsoFootnoteText'>"
    "<a href='#_ftnref1' name='_ftn1'>[1]</a> Tổ dân phố số 4 cũ, nay sáp nhập vào tổ số 2.</p>"
    "</div></div>"
)


@pytest.mark.parametrize(
    ("notes", "note_text"),
    [
        # Word's footnotes as it saves them to HTML, under the byline.
        (_WORD_NOTE, "[1] Tổ dân phố số 4 cũ, nay sáp nhập vào tổ số 2."),
        ("<p>(*) Tên bài do Ban biên tập đặt.</p>", "(*) Tên bài do Ban biên tập đặt."),
        (
            "<p>[1] Kế hoạch số 12/KH-UBND.</p><p>[2] Công văn số 305/UBND-VP.</p>",
            "[1] Kế hoạch số 12/KH-UBND.\n\n[2] Công văn số 305/UBND-VP.",
        ),
    ],
)
def test_footnotes_under_the_byline_stay_text_after_it(notes, note_text):
    article = _extract(RIGHT.format("<b>Ngọc Ánh</b>") + notes)
    assert (article.byline, article.authors) == ("Ngọc Ánh", ["Ngọc Ánh"])
    assert article.body.endswith(_LAST + "\n\n" + note_text)


def test_news_item_opened_by_an_asterisk_after_a_name_is_no_footnote():
    """A roundup's next item ("* Cùng ngày, …") is text: the name above it stays text too."""
    article = _extract("<p>Ngọc Ánh</p><p>* Cùng ngày, phường tổ chức tập huấn phòng cháy.</p>")
    assert article.byline is None
    assert article.body.endswith("Ngọc Ánh\n\n* Cùng ngày, phường tổ chức tập huấn phòng cháy.")


@pytest.mark.parametrize(
    ("last", "byline"),
    [
        # A slogan, a video's heading: capitals that sign nothing stay text.
        ("<p><b>CHUNG TAY GIỮ GÌN PHỐ PHƯỜNG XANH, SẠCH, ĐẸP!</b></p>", None),
        ("<p><b>VIDEO TOÀN CẢNH BUỔI RA QUÂN CỦA CÁC TỔ DÂN PHỐ</b></p>", None),
        ("<p><b>CHÙM ẢNH NGÀY HỘI CỦA KHU PHỐ</b></p>", None),
        # Names and units in capitals sign it, however long the unit's name.
        ("<p><b>XUÂN HIẾU - XUÂN THỊNH</b></p>", "XUÂN HIẾU - XUÂN THỊNH"),
        (
            "<p><b>TRUNG TÂM VĂN HÓA, THÔNG TIN VÀ THỂ THAO PHƯỜNG</b></p>",
            "TRUNG TÂM VĂN HÓA, THÔNG TIN VÀ THỂ THAO PHƯỜNG",
        ),
    ],
)
def test_capitals_closing_the_text_sign_it_only_as_names_or_a_unit(last, byline):
    article = _extract(last)
    assert article.byline == byline
    if byline is None:
        assert article.body.endswith(last[6:-8])


@pytest.mark.parametrize(
    "tool",
    [
        "<p>Từ khóa: ra quân, vệ sinh môi trường, tổ dân phố</p>",
        "<p>Tags: môi trường, ra quân</p>",
        "<p>Tổng số lượt xem: 1.250</p>",
        "<p>(Đã xem: 1.250 lượt)</p>",
        "<p>Bạn đánh giá bài viết này thế nào?</p>",
        "<p><a href='#top'>Back to top</a></p>",
    ],
)
def test_keywords_counters_and_tools_under_the_byline_are_no_text(tool):
    article = _extract(RIGHT.format("<b>Quang Minh</b>") + tool)
    assert article.byline == "Quang Minh"
    assert article.body.endswith(_LAST)
