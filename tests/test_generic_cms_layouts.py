"""The generic extractor on the layouts of CMSs no adapter knows (Joomla, K2, AMP, Bootstrap
themes, table layouts): pages written for the project, each reproducing one trap of such
markup inside a full page's chrome (side boxes with dates, menus, footer)."""

from __future__ import annotations

import pytest

from scraper.extraction import Article, extract_article

URL = "https://xaphucuong.example.gov.vn/tin-tuc/bai-viet-123.html"

SCHEDULE_BOX = """
<div class="col-left">
  <div class="box"><h3 class="box-title">Lịch công tác</h3>
    <div class="box-body"><p>Tuần 48 (24/11/2026 - 30/11/2026)</p>
    <p>Thứ Hai 24/11: Giao ban Thường trực Đảng ủy</p></div></div>
  <div class="box"><h3 class="box-title">Tin mới</h3><ul>
    <li><a href="/tin-tuc/hop-dan-khu-pho-2.html">Họp dân khu phố 2 bàn về chỉnh trang hẻm</a>
      <span>20/11/2026</span></li></ul></div>
</div>"""
FOOTER = """<div class="footer"><p>Ủy ban nhân dân xã Phú Cường. Địa chỉ: số 1 đường Trung
tâm. Giấy phép số 12/GP-TTĐT ngày 05/01/2020.</p></div>"""


def page(main: str, title: str, head: str = "", left: str = SCHEDULE_BOX) -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title}</title>{head}</head><body>
<div class="header"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<div class="row">{left}<div class="col-main">{main}</div></div>{FOOTER}</body></html>"""


def extract(html: str) -> Article:
    return extract_article(html.encode(), URL)


PARAGRAPHS = (
    "<p>Sáng 2/3, UBND xã phối hợp với Ủy ban MTTQ xã tổ chức ra quân tổng vệ sinh môi "
    "trường tại các tuyến đường liên thôn.</p>"
    "<p>Hơn 300 đoàn viên, hội viên tham gia phát quang bụi rậm, khơi thông cống rãnh và thu "
    "gom rác thải.</p>"
    "<p>Rác thải được vận chuyển đến điểm tập kết để xử lý theo quy định.</p>"
)


def test_a_title_tag_holding_the_headline_alone_is_no_site_name() -> None:
    # Joomla's default <title> is the article's title alone, and its heading sits in a
    # "page-header" box; a side box's heading over a week's dates must not win.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường hưởng ứng Ngày Chủ nhật xanh"
    main = f"""<div class="item-page"><div class="page-header"><h2>{headline}</h2></div>
<dl class="article-info"><dd class="published">Ngày đăng: 03/03/2025 14:05</dd></dl>
<div itemprop="articleBody">{PARAGRAPHS}<p style="text-align:right"><b>Minh Tâm</b></p></div>
</div>"""
    article = extract(page(main, headline))
    assert article.title == headline
    assert article.published_at == "2025-03-03T14:05:00+07:00"
    assert article.byline == "Minh Tâm"
    assert article.body.startswith("Sáng 2/3") and "Lịch công tác" not in article.body


def test_a_k2_item_keeps_its_counter_edit_date_account_and_caption_out() -> None:
    # Joomla K2: the record's account "Viết bởi …" under the title, the picture with its
    # caption and credit as spans, and the counter and edit date as spans after the text.
    headline = "Hội Nông dân xã tập huấn kỹ thuật trồng lúa hữu cơ cho 120 hội viên"
    main = f"""<div class="itemView"><div class="itemHeader">
<span class="itemDateCreated">Thứ hai, 03 Tháng 3 2025 14:05</span>
<h2 class="itemTitle">{headline}</h2>
<span class="itemAuthor">Viết bởi&nbsp;<a rel="author" href="/user/42">Super User</a></span></div>
<div class="itemBody"><div class="itemImageBlock"><span class="itemImage"><img
src="/media/k2/items/lua-huu-co.jpg" alt="" width="600"></span>
<span class="itemImageCaption">Hội viên thực hành ủ phân vi sinh tại ruộng mẫu.</span>
<span class="itemImageCredits">Ảnh: Hoài Thu</span></div>
<div class="itemFullText">{PARAGRAPHS}</div>
<div class="itemContentFooter"><span class="itemHits">Đọc <b>245</b> lần</span>
<span class="itemDateModified">Sửa lần cuối vào Thứ ba, 04 Tháng 3 2025 08:12</span></div>
</div></div>"""
    article = extract(page(main, f"{headline} - Cổng thông tin điện tử xã Phú Cường"))
    assert article.title == headline
    assert article.published_at == "2025-03-03T14:05:00+07:00"
    assert article.byline is None  # an account is no author
    assert article.body.startswith("Sáng 2/3")
    assert article.body.endswith("để xử lý theo quy định.")
    (image,) = article.images
    assert image.caption == "Hội viên thực hành ủ phân vi sinh tại ruộng mẫu. Ảnh: Hoài Thu"


def test_counters_written_as_reads_are_no_text() -> None:
    main = f"""<div class="news-detail"><h1>Phường ra mắt mô hình thu gom rác thải phân loại tại
nguồn</h1><div class="date">10/10/2025 09:30</div><div class="content">{PARAGRAPHS}
<p style="text-align:right"><strong>Hồng Sơn</strong></p><div class="hits">Đọc 312 lần</div>
</div></div>"""
    article = extract(page(main, "Tin tức - Cổng thông tin điện tử phường"))
    assert article.byline == "Hồng Sơn"
    assert article.body.endswith("để xử lý theo quy định.")


def test_amp_pictures_are_the_article_s_images() -> None:
    main = f"""<article><h1>Đua ghe ngo mừng lễ hội Ok Om Bok trên sông Maspero năm 2025</h1>
<div class="meta">16/11/2025 - 11:20</div>
<figure><amp-img src="/anh/dua-ghe.jpg" width="800" height="450" layout="responsive"></amp-img>
<figcaption>Các đội ghe tranh tài trên sông.</figcaption></figure>{PARAGRAPHS}</article>"""
    html = page(main, "Đua ghe ngo - Cổng thông tin điện tử phường", left="")
    article = extract(html.replace('<html lang="vi">', '<html amp lang="vi">'))
    (image,) = article.images
    assert image.url.endswith("/anh/dua-ghe.jpg")
    assert image.caption == "Các đội ghe tranh tài trên sông."
    assert "tranh tài" not in article.body


def test_word_settings_toolbar_pictures_and_arrow_links_are_no_text() -> None:
    main = f"""<div class="chitiet"><h1 class="tieude">Phường tổ chức hội nghị đối thoại với hộ
kinh doanh về chuyển đổi số</h1><div class="ngay">Ngày đăng: 05/09/2025 08:00</div>
<div class="noidung"><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom>
<w:TrackMoves>false</w:TrackMoves></w:WordDocument></xml>
<p>Normal 0 false false false VI X-NONE X-NONE MicrosoftInternetExplorer4</p>{PARAGRAPHS}
<p>&gt;&gt; <a href="/tin-tuc/tap-huan-so-hoa.html">Tập huấn số hóa hồ sơ cho cán bộ khu phố</a></p>
<p>► <a href="/tin-tuc/ho-tro-vay-von.html">Chính sách hỗ trợ vay vốn hộ kinh doanh</a></p>
<p><img src="/upload/2025/09/hoi-nghi.jpg" width="500"></p>
<table><tr><td><a href="?print=1"><img src="/images/print.gif"> In trang</a></td>
<td><a href="mailto:?"><img src="/images/mail.gif"> Gửi cho bạn bè</a></td>
<td><a href="#top"><img src="/images/top.gif"> Về đầu trang</a></td></tr></table></div></div>"""
    article = extract(page(main, "Tin tức - Cổng thông tin điện tử phường"))
    assert article.body.startswith("Sáng 2/3") and article.body.endswith("theo quy định.")
    assert [image.url.rsplit("/", 1)[1] for image in article.images] == ["hoi-nghi.jpg"]


def test_the_record_s_creation_is_no_publish_date_when_one_is_given() -> None:
    headline = "Phường Quang Trung đẩy mạnh thanh toán không dùng tiền mặt tại chợ truyền thống"
    lines = """<div class="info"><div>Ngày tạo: 11/11/2024 16:02</div>
<div>Ngày đăng: 15/11/2024 08:30</div></div>"""
    main = f"""<div class="detail"><h1>{headline}</h1>{lines}<div class="content">{PARAGRAPHS}
</div></div>"""
    article = extract(page(main, "Tin tức - Cổng thông tin điện tử phường"))
    assert article.published_at == "2024-11-15T08:30:00+07:00"
    # The same in microdata: Joomla 4 prints dateCreated before datePublished.
    times = """<dl class="article-info"><dd><time datetime="2024-05-20T09:10:00+07:00"
itemprop="dateCreated">Ngày tạo</time></dd><dd><time datetime="2024-05-22T15:30:00+07:00"
itemprop="datePublished">Được đăng</time></dd></dl>"""
    main = f"""<div class="detail"><h1>{headline}</h1>{times}<div class="content">{PARAGRAPHS}
</div></div>"""
    article = extract(page(main, "Tin tức - Cổng thông tin điện tử phường"))
    assert article.published_at == "2024-05-22T15:30:00+07:00"


def test_an_author_field_split_over_two_cells_after_the_text() -> None:
    headline = "Hướng dẫn hộ kinh doanh chuyển đổi sang phương pháp kê khai thuế mới"
    grid = (
        '<div class="row"><div class="col-3">Tác giả:</div><div class="col-9">Hoàng Long</div>'
        '</div><div class="row"><div class="col-3">Nguồn:</div><div class="col-9">Chi cục Thuế'
        "</div></div>"
    )
    table = (
        '<table class="info"><tr><td class="lbl">Tác giả:</td><td>Hoàng Long</td></tr>'
        '<tr><td class="lbl">Nguồn:</td><td>Chi cục Thuế</td></tr></table>'
    )
    for row in (grid, table):
        main = f"""<div class="detail"><h3 class="title">{headline}</h3>
<div class="date">14/11/2024 09:45</div><div class="content">{PARAGRAPHS}</div>{row}</div>"""
        article = extract(page(main, "Tin tức - Cổng thông tin điện tử phường"))
        assert article.byline == "Hoàng Long", row


def test_an_english_page_s_by_line_beside_the_date_names_the_writer() -> None:
    main = f"""<article><h1>Ninh Hai district holds a boat race on the Maspero river</h1>
<div class="meta">By Thanh Tam | Sunday, March 16, 2025 - 11:20</div>{PARAGRAPHS}</article>"""
    html = page(main, "News - Soc Trang Portal", left="").replace('lang="vi"', 'lang="en"')
    article = extract(html)
    assert article.published_at == "2025-03-16T11:20:00+07:00"
    assert article.byline == "Thanh Tam"
    # (A date only dateparser reads: the line shown is still cut to the date's field.)
    assert article.published_text == "Sunday, March 16, 2025 - 11:20"


def test_a_box_label_over_dated_items_is_no_title_on_a_table_layout() -> None:
    headline = "Ngày hội hiến máu tình nguyện thu về 312 đơn vị máu"
    left = """<table><tr><td class="title_box">VĂN BẢN MỚI</td></tr>
<tr><td><a href="/van-ban/12.html">Quyết định số 12/QĐ-UBND về kế hoạch phòng chống thiên tai
</a> (20/10/2025)</td></tr><tr><td><a href="/van-ban/11.html">Thông báo lịch tiếp công dân
tháng 10</a> (15/10/2025)</td></tr></table>"""
    main = f"""<table><tr><td><font size="4" color="#003399"><b>{headline}</b></font></td></tr>
<tr><td><i>Ngày đăng: 10/01/2020 08:15</i></td></tr><tr><td class="text">{PARAGRAPHS}</td></tr>
</table>"""
    html = page(main, f"UBND thị xã Hòa Bình - {headline}", left=f'<div class="left">{left}</div>')
    article = extract(html)
    assert article.title == headline
    assert article.published_at == "2020-01-10T08:15:00+07:00"
    assert article.body.startswith("Sáng 2/3")


def test_the_dateline_shown_leaves_out_the_fields_beside_it() -> None:
    headline = "Lấy ý kiến nhân dân về dự thảo quy hoạch chung xã đến năm 2035"
    for line, shown in (
        ("Ngày 02/06/2025 - 08:30 | Tác giả: Ngọc Lan", "Ngày 02/06/2025 - 08:30"),
        ("Đăng ngày 15/07/2024 lúc 10:20 - Đã xem: 264", "Đăng ngày 15/07/2024 lúc 10:20"),
        ("Ngày xuất bản: 01/07/2025 | Cập nhật: 02/07/2025 08:10", "Ngày xuất bản: 01/07/2025"),
        ("bientap_02 Thứ Tư, 04/06/2025 - 16:40", "Thứ Tư, 04/06/2025 - 16:40"),
        (
            "Ngày tạo: 03/11/2025 08:12 — Cập nhật lần cuối: 05/11/2025 16:40",
            "Ngày tạo: 03/11/2025 08:12",
        ),
    ):
        main = f"""<div class="detail"><h1>{headline}</h1><div class="meta">{line}</div>
<div class="content">{PARAGRAPHS}</div></div>"""
        article = extract(page(main, "Tin tức - Cổng thông tin điện tử xã"))
        assert article.published_text == shown


def test_a_lead_box_opening_the_text_when_the_page_has_no_heading() -> None:
    # The title is only in <title>; the lead box opens the article's box, a level below the
    # column the text is taken from.
    headline = "Khánh thành công trình cấp nước sạch cho 650 hộ dân vùng cao"
    lead = "Ngày 5/6, UBND huyện tổ chức khánh thành công trình cấp nước sinh hoạt tập trung."
    main = f"""<div class="detail-page"><div class="detail-meta">06/06/2024 | 10:20</div>
<div class="detail-sapo">{lead}</div><div class="detail-body">{PARAGRAPHS}</div></div>"""
    article = extract(page(main, f"{headline} - Cổng thông tin điện tử huyện"))
    assert article.title == headline
    assert article.summary == lead
    assert article.body.startswith(lead)


def test_a_text_split_into_a_page_builders_blocks_is_read_whole() -> None:
    """Drupal's Paragraphs: each piece of text its own block, a picture with its caption and a
    quote in blocks of their own between them; the longest piece is less than half."""
    pieces = PARAGRAPHS.split("</p>")[:3]

    def block(kind: str, inner: str) -> str:
        return f"<div class='field__item'><div class='paragraph paragraph--type--{kind}'>{inner}</div></div>"

    main = (
        "<h1>Xã ra quân tổng vệ sinh môi trường</h1>"
        "<div class='field--name-field-ngay-dang'><time datetime='2026-03-02T01:30:00Z'>02/03/2026 - 08:30</time></div>"
        "<div class='field__items'>"
        + block("van-ban", pieces[0] + "</p>")
        + block(
            "hinh-anh",
            "<img src='/files/ve-sinh.jpg' alt='Ra quân'><div>Đoàn viên thu gom rác.</div>",
        )
        + block("van-ban", pieces[1] + "</p>")
        + block(
            "trich-dan", "<blockquote>Mỗi người dân hãy giữ sạch đường làng, ngõ xóm.</blockquote>"
        )
        + block(
            "van-ban", pieces[2] + "</p><p style='text-align:right'><strong>Thu Uyên</strong></p>"
        )
        + "</div>"
    )
    article = extract(page(main, "Xã ra quân tổng vệ sinh môi trường"))
    assert article.body.startswith("Sáng 2/3, UBND xã phối hợp")
    assert article.body.endswith("để xử lý theo quy định.")
    assert "Hơn 300 đoàn viên" in article.body
    assert article.byline == "Thu Uyên"
    assert article.published_at == "2026-03-02T08:30:00+07:00"


def test_k2_extra_fields_after_the_signed_text_are_no_text_and_no_byline() -> None:
    headline = "Xã ra quân tổng vệ sinh môi trường các tuyến đường liên thôn"
    main = f"""<div class="itemView"><h2 class="itemTitle">{headline}</h2>
<span class="itemDateCreated">Thứ hai, 03 Tháng 3 2025 14:05</span>
<div class="itemBody"><div class="itemFullText">{PARAGRAPHS}
<p style="text-align: right;"><strong>Minh Tâm</strong></p></div>
<div class="itemExtraFields"><h3>Thông tin thêm</h3><ul><li><span class="itemExtraFieldsLabel">
Nguồn tin:</span><span class="itemExtraFieldsValue">Ban Văn hóa - Xã hội xã</span></li></ul></div>
</div></div>"""
    article = extract(page(main, headline))
    assert article.byline == "Minh Tâm"
    assert article.body.endswith("để xử lý theo quy định.")


def test_paragraphs_each_in_boxes_of_their_own_are_read_as_one_text() -> None:
    """Editor.js output: every paragraph two boxes deep (`ce-block > ce-block__content >
    ce-paragraph`, a `div`, not a `p`), a picture in a block of its own between; no box holds
    two paragraphs, so each voted alone and the schedule box beside won."""

    def block(inner: str) -> str:
        return f"<div class='ce-block'><div class='ce-block__content'>{inner}</div></div>"

    texts = [
        (
            "Sáng 2/3, UBND xã phối hợp với Ủy ban MTTQ xã tổ chức ra quân tổng vệ sinh môi trường "
            "tại các tuyến đường liên thôn, khu chợ và các điểm tập kết rác tự phát, với sự tham gia "
            "của cán bộ, đoàn viên, hội viên và nhân dân trong toàn xã."
        ),
        (
            "Hơn 300 đoàn viên, hội viên chia thành 12 tổ, phát quang bụi rậm, khơi thông cống rãnh, "
            "thu gom rác thải dọc hai bên đường và trồng thêm cây xanh tại khuôn viên nhà văn hóa các "
            "thôn; mỗi tổ phụ trách một đoạn đường từ hai đến ba cây số."
        ),
        (
            "Chủ tịch UBND xã đề nghị các thôn duy trì ra quân vào sáng Chủ nhật cuối mỗi tháng, đưa "
            "nội dung giữ gìn vệ sinh vào hương ước và bình xét gia đình văn hóa; rác thải được vận "
            "chuyển đến điểm tập kết để xử lý theo quy định."
        ),
    ]
    main = (
        "<div class='post'><h1 class='post__title'>Xã ra quân tổng vệ sinh môi trường</h1>"
        "<div class='post__time'>02/03/2026 08:30</div>"
        "<div class='post__content codex-editor'><div class='codex-editor__redactor'>"
        + block(f"<div class='ce-paragraph cdx-block'>{texts[0]}</div>")
        + block(
            "<div class='ce-image cdx-block'><img src='/media/ve-sinh.jpg' alt=''>"
            "<div class='image-tool__caption'>Đoàn viên thu gom rác.</div></div>"
        )
        + block(f"<div class='ce-paragraph cdx-block'>{texts[1]}</div>")
        + block(f"<div class='ce-paragraph cdx-block'>{texts[2]}</div>")
        + block("<div class='ce-paragraph cdx-block'><b>Thu Uyên</b></div>")
        + "</div></div></div>"
    )
    # A portal's footer of many lines (agency, address, licence, who answers for the site).
    footer = "<div class='site-footer'><div class='col-info'>" + "".join(
        f"<p>{line}</p>"
        for line in (
            "Cơ quan chủ quản: Ủy ban nhân dân xã Phú Cường, huyện Đông Hòa, tỉnh Phú Yên",
            "Địa chỉ: số 1 đường Trung tâm, thôn Phú Cường, xã Phú Cường, tỉnh Phú Yên",
            "Điện thoại: 0257.3851.246, Fax: 0257.3851.247, Email: ubnd.phucuong@example.gov.vn",
            "Người chịu trách nhiệm: Ông Trần Văn Bình, Chủ tịch UBND xã, Trưởng ban biên tập",
            "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 05/01/2020",
            "Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin điện tử này, xin cảm ơn",
        )
    )
    html = page(main, "Xã ra quân tổng vệ sinh môi trường").replace(
        "</body>", footer + "</div></div></body>"
    )
    article = extract(html)
    assert article.body.startswith("Sáng 2/3, UBND xã phối hợp")
    assert "Hơn 300 đoàn viên, hội viên chia thành 12 tổ" in article.body
    assert article.body.endswith("để xử lý theo quy định.")
    assert "Lịch công tác" not in article.body
    assert article.byline == "Thu Uyên"
    assert article.published_at == "2026-03-02T08:30:00+07:00"


def test_a_table_pasted_from_word_keeps_its_rows_and_its_percentages() -> None:
    """Word wraps every cell's text in <p class="MsoNormal">: each row is still one line of
    text (its cells were read as paragraphs, and a cell holding only "61%" was dropped as the
    font-size widget's "100%"). A byline set right in a borderless table stays a byline."""

    def cell(text: str) -> str:
        return f"<td valign='top'><p class='MsoNormal'><span lang='VI'>{text}</span></p></td>"

    rows = [
        ("Khoản thu", "Dự toán (triệu đồng)", "Thực hiện", "Tỷ lệ"),
        ("Thuế ngoài quốc doanh", "18.500", "11.240", "61%"),
        ("Lệ phí trước bạ", "6.200", "4.030", "65%"),
    ]
    table = "<table class='MsoTableGrid' border='1'>" + "".join(
        "<tr>" + "".join(cell(text) for text in row) + "</tr>" for row in rows
    )
    main = (
        "<div class='detail'><h1>Kết quả thu ngân sách xã 6 tháng đầu năm</h1>"
        "<div class='date'>15/07/2025 09:10</div><div class='content'>"
        f"{PARAGRAPHS}{table}</table>"
        "<table border='0' width='100%'><tr><td width='60%'>&nbsp;</td>"
        "<td align='right'><p align='right'><b>Minh Đức</b></p></td></tr></table></div></div>"
    )
    article = extract(page(main, "Kết quả thu ngân sách xã 6 tháng đầu năm"))
    lines = article.body.split("\n\n")
    assert "Thuế ngoài quốc doanh | 18.500 | 11.240 | 61%" in lines
    assert lines[-1] == "Lệ phí trước bạ | 6.200 | 4.030 | 65%"
    assert article.byline == "Minh Đức"


def test_hidden_text_and_pictures_on_the_editor_s_computer_are_not_the_article_s() -> None:
    """A keyword block hidden in the text (display:none), Word's hidden note (mso-hide:all),
    and a pasted picture whose address is a file on the editor's own computer."""
    main = (
        "<div class='detail'><h1>Xã ra quân tổng vệ sinh môi trường</h1>"
        "<div class='date'>02/03/2026 08:30</div><div class='content'>"
        f"{PARAGRAPHS}"
        "<div style='display: none'>vệ sinh môi trường, ra quân, xã Phú Cường</div>"
        "<p>Buổi ra quân kết thúc lúc 11 giờ cùng ngày."
        "<span style='display:none;mso-hide:all'>ghi chú của người soạn</span></p>"
        "<p><img src='file:///C:/Users/ADMIN/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg'"
        " width='600' height='400'></p>"
        "<p><img src='/uploads/ra-quan.jpg' width='600' height='400'></p>"
        "<p><img src='about:blank' data-src='/uploads/lazy.jpg' width='600'></p></div></div>"
    )
    article = extract(page(main, "Xã ra quân tổng vệ sinh môi trường"))
    assert article.body.endswith("Buổi ra quân kết thúc lúc 11 giờ cùng ngày.")
    assert "xã Phú Cường" not in article.body and "ghi chú" not in article.body
    assert [image.url for image in article.images] == [
        "https://xaphucuong.example.gov.vn/uploads/ra-quan.jpg",
        "https://xaphucuong.example.gov.vn/uploads/lazy.jpg",  # (src a placeholder)
    ]


def test_a_text_hidden_whole_until_scripts_show_it_is_still_read() -> None:
    main = (
        "<div class='detail'><h1>Xã ra quân tổng vệ sinh môi trường</h1>"
        "<div class='date'>02/03/2026 08:30</div><div class='content'>"
        f"<div class='fade-in' style='display:none'>{PARAGRAPHS}</div></div></div>"
    )
    article = extract(page(main, "Xã ra quân tổng vệ sinh môi trường"))
    assert article.body.startswith("Sáng 2/3, UBND xã phối hợp")
    assert article.body.endswith("để xử lý theo quy định.")


def test_a_picture_set_beside_the_text_in_a_table_keeps_the_text_whole() -> None:
    """The text's opening paragraphs in a table's right cell, the picture and its caption in
    the left one, the rest of the text under the table: one text, one captioned picture (the
    right cell alone was the text: a row of two cells read as a page's columns)."""
    first, second, third = (p + "</p>" for p in PARAGRAPHS.split("</p>")[:3])
    main = (
        "<div class='detail'><h1>Xã ra quân tổng vệ sinh môi trường</h1>"
        "<div class='date'>02/03/2026 08:30</div><div class='content'>"
        "<table style='width:100%'><tr><td style='width:40%'><img src='/uploads/ra-quan.jpg'>"
        "<br><em>Đoàn viên thu gom rác thải</em></td>"
        f"<td>{first.replace('<p>', '<p>' + 'Ngay từ sáng sớm, ' * 6)}{second}</td></tr></table>"
        f"{third}<p style='text-align:right'><strong>Bảo Ngọc</strong></p></div></div>"
    )
    article = extract(page(main, "Xã ra quân tổng vệ sinh môi trường"))
    assert article.body.startswith("Ngay từ sáng sớm")
    assert article.body.endswith("để xử lý theo quy định.")
    assert "Đoàn viên thu gom" not in article.body
    assert [(i.url.rsplit("/", 1)[1], i.caption) for i in article.images] == [
        ("ra-quan.jpg", "Đoàn viên thu gom rác thải")
    ]
    assert article.byline == "Bảo Ngọc"


def test_a_notice_s_cell_with_a_file_icon_is_text_not_a_picture_s_caption() -> None:
    """A short notice in a cell with its file's link and icon: the cell is the text."""
    main = (
        "<table><tr><td class='tieude'>Thông báo tuyển dụng công chức xã năm 2019</td></tr>"
        "<tr><td class='ngay'>Ngày đăng: 20/02/2019</td></tr><tr><td>UBND xã thông báo tuyển "
        "dụng 02 công chức cấp xã năm 2019. Chi tiết xem tại văn bản đính kèm.<br>"
        "<a href='/upload/tb-tuyen-dung.pdf'><img src='/images/pdf.gif' width='60' height='60'>"
        " Tải về</a></td></tr></table>"
    )
    article = extract(page(main, "Thông báo tuyển dụng công chức xã năm 2019"))
    assert article.body.startswith("UBND xã thông báo tuyển dụng 02 công chức")


def test_a_lead_set_in_italics_as_the_first_paragraph_is_the_summary() -> None:
    """With no lead box (or an empty one), the opening sentence set in italics is the lead, as
    one set in bold is; an editor's note in italics is not."""
    lead = (
        "Sáng 2/3, UBND xã phối hợp với Ủy ban MTTQ xã tổ chức ra quân tổng vệ sinh môi "
        "trường tại các tuyến đường liên thôn."
    )
    rest = PARAGRAPHS.split("</p>", 1)[1]
    for first, summary in (
        (f"<p><em>{lead}</em></p>", lead),
        ("<p><em>(Bài viết đăng lại từ Đài truyền thanh xã, có biên tập lại.)</em></p>", None),
    ):
        main = (
            "<div class='detail'><h1>Xã ra quân tổng vệ sinh môi trường</h1>"
            "<div class='date'>02/03/2026 08:30</div><div class='sapo'></div>"
            f"<div class='content'>{first}{rest}</div></div>"
        )
        article = extract(page(main, "Xã ra quân tổng vệ sinh môi trường"))
        assert article.summary == summary


def test_a_dateline_with_a_two_digit_year_is_read_with_its_time() -> None:
    # Some PHP CMSs print "d/m/y H:i"; the side box's four-digit dates must not win over it.
    headline = "Xã Phú Cường tổ chức lễ ra quân trồng cây đầu xuân"
    main = f"""<div class="detail"><h1>{headline}</h1>
<div class="date">Ngày đăng: 10/03/25 09:15</div>
<div class="content">{PARAGRAPHS}<p><b>THANH HÀ</b></p></div></div>"""
    article = extract(page(main, headline))
    assert article.published_at == "2025-03-10T09:15:00+07:00"
    assert article.published_precision == "minute"
    assert article.byline == "THANH HÀ"


LEAD = "Hơn 300 đoàn viên, hội viên ra quân làm sạch môi trường các tuyến đường liên thôn."


def test_a_lead_box_named_brief_is_the_summary_and_opens_the_body() -> None:
    # ASP.NET portals name the lead field "Brief" (or "Desc", "TrichYeu"), set between the
    # date line and the text's box.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="news-detail"><h1 class="title">{headline}</h1>
<div class="date-time">03/03/2025 14:05</div><div class="brief">{LEAD}</div>
<div class="content">{PARAGRAPHS}</div></div>"""
    article = extract(page(main, headline))
    assert article.summary == LEAD
    assert article.body.startswith(LEAD + "\n\nSáng 2/3")


def test_a_lead_box_in_the_article_box_under_a_trail_is_the_summary() -> None:
    # The box holds the trail ("Trang chủ » Tin tức"), the title, the date, the lead and
    # the text: what stands above the title does not make the lead a later paragraph.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="newsdetail"><div class="path">Trang chủ » Tin tức » Xã hội</div>
<div class="title">{headline}</div><div class="datetime">03/03/2025 02:05 PM</div>
<div class="desc">{LEAD}</div><div class="content">{PARAGRAPHS}</div>
<div class="author">PV</div></div>"""
    article = extract(page(main, headline))
    assert article.summary == LEAD
    assert article.body.startswith(LEAD + "\n\nSáng 2/3")


def test_drupal_fields_give_the_lead_and_leave_the_date_label_out() -> None:
    # Drupal 7 node: a date field with its label in a box of its own, a lead field
    # ("tom-tat"), and the body field Drupal names "text-with-summary" (no lead itself).
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<h1 id="page-title">{headline}</h1><div class="node"><div class="content">
<div class="field field-name-field-ngay-dang"><div class="field-label">Ngày đăng:&nbsp;</div>
<div class="field-items"><div class="field-item">Thứ hai, 03/03/2025 - 14:05</div></div></div>
<div class="field field-name-field-tom-tat"><div class="field-item">{LEAD}</div></div>
<div class="field field-name-body field-type-text-with-summary"><div class="field-item">
{PARAGRAPHS}</div></div></div></div>"""
    article = extract(page(main, headline))
    assert article.published_at == "2025-03-03T14:05:00+07:00"
    assert article.summary == LEAD
    assert article.body.startswith(LEAD + "\n\nSáng 2/3")
    assert "Ngày đăng" not in article.body


BR_TEXT = (
    "Chiều 4/3, Công an xã Phú Cường phối hợp với Đoàn Thanh niên tổ chức thực tập phương án "
    "chữa cháy tại chợ trung tâm xã.<br><br>Các tình huống giả định gồm cháy ki-ốt bán hàng "
    "khô, cứu người mắc kẹt và di chuyển tài sản ra khỏi khu vực nguy hiểm.<br><br>Qua buổi "
    "thực tập, các tiểu thương nắm được cách sử dụng bình chữa cháy và lối thoát hiểm của chợ."
)
# A side column written in paragraphs: more <p> than the article has.
ABOUT_BOX = """<div class="col-side"><div class="box"><div class="box-title">GIỚI THIỆU</div>
<div class="box-body"><p>Xã Phú Cường có diện tích tự nhiên 12 km², dân số hơn 9.000 người,
gồm 8 thôn.</p><p>Xã nhiều năm liền đạt danh hiệu đơn vị dẫn đầu phong trào thi đua của
huyện.</p><p>Đường dây nóng tiếp nhận phản ánh, kiến nghị của người dân: 0211.3888.999.</p>
</div></div></div>"""


def test_a_text_split_by_br_with_a_byline_box_beats_a_side_column_of_paragraphs() -> None:
    headline = "Xã Phú Cường thực tập phương án chữa cháy tại chợ trung tâm"
    main = f"""<h1>{headline}</h1><div class="date-time">04/03/2025 16:40</div>
<div class="news-content">{BR_TEXT}<div style="text-align:right"><b>Đức Anh</b></div></div>"""
    article = extract(page(main, headline, left=ABOUT_BOX))
    assert article.body.startswith("Chiều 4/3") and "diện tích" not in article.body
    assert article.body.count("\n\n") == 2
    assert article.byline == "Đức Anh"


def test_a_webforms_label_holding_the_text_split_by_br_is_the_text() -> None:
    # ASP.NET WebForms: the text in a <span id="…lblNoiDung">, in a div layout.
    headline = "Xã Phú Cường thực tập phương án chữa cháy tại chợ trung tâm"
    main = f"""<div class="chitiettin"><span id="cphMain_lblTieuDe">{headline}</span>
<div class="ngaydang"><span id="cphMain_lblNgayDang">04/03/2025 16:40</span></div>
<span id="cphMain_lblNoiDung">{BR_TEXT}</span>
<div class="tacgia"><span id="cphMain_lblTacGia">Đức Anh</span></div></div>"""
    article = extract(page(main, headline, left=ABOUT_BOX))
    assert article.published_at == "2025-03-04T16:40:00+07:00"
    assert article.body.startswith("Chiều 4/3") and article.body.count("\n\n") == 2
    assert article.byline == "Đức Anh"


def test_a_text_in_a_pre_is_read_line_by_line() -> None:
    headline = "Xã Phú Cường thực tập phương án chữa cháy tại chợ trung tâm"
    text = BR_TEXT.replace("<br><br>", "\n\n")
    main = f"""<h1>{headline}</h1><div class="date-time">04/03/2025 16:40</div>
<div class="news-content"><pre style="white-space: pre-wrap">{text}</pre></div>"""
    article = extract(page(main, headline, left=ABOUT_BOX))
    assert article.body.startswith("Chiều 4/3") and article.body.count("\n\n") == 2


def test_an_author_box_s_other_fields_end_the_name() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}</div>
<div class="tacgia">Tác giả: Thu Trang &nbsp;&nbsp; Nguồn tin: Trạm Y tế xã &nbsp;&nbsp;
Lượt xem: 412</div></div>"""
    article = extract(page(main, headline))
    assert (article.byline, article.authors) == ("Tác giả: Thu Trang", ["Thu Trang"])


def test_a_counter_after_the_author_in_the_date_box_is_no_name() -> None:
    # DNN EasyDNNnews: date, author and views in spans side by side, no bar between them.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="edn_article"><h1 class="edn_articleTitle">{headline}</h1>
<div class="edn_metaDetails"><span class="edn_articleDate"><time>03/03/2025</time></span>
<span class="edn_articleAuthor">Tác giả: <a href="/tac-gia/3">Thu Trang</a></span>
<span class="edn_numberOfViews">Lượt xem: 87</span></div>
{PARAGRAPHS}</div>"""
    article = extract(page(main, headline))
    assert article.authors == ["Thu Trang"]
    assert "Lượt xem" not in (article.byline or "")


@pytest.mark.parametrize("label", ["Tác giả bài viết:", "Người viết bài:", "Tác giả  :"])
def test_an_author_box_s_longer_labels_are_no_part_of_the_name(label: str) -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}</div><div class="tacgia">{label} Thu Trang</div></div>"""
    assert extract(page(main, headline)).authors == ["Thu Trang"]


def test_an_author_box_s_label_without_colon_is_not_part_of_the_name() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}</div><div class="author-box"><img src="/a/tt.jpg" alt="">
<span class="author-label">Tác giả</span><a class="author-name" href="/tac-gia/tt">Thu Trang</a>
</div></div>"""
    article = extract(page(main, headline))
    assert (article.byline, article.authors) == ("Thu Trang", ["Thu Trang"])


def test_lazy_pictures_behind_a_spinner_or_a_source_set_are_the_article_s_images() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}
<figure><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="
 data-srcset="/uploads/2025/03/vs-480.jpg 480w, /uploads/2025/03/vs-1200.jpg 1200w" alt="">
<figcaption>Đoàn viên thu gom rác tại tuyến đường liên thôn</figcaption></figure>
<p><img src="/images/loading.gif" data-echo="/uploads/2025/03/vs-2.jpg" alt=""></p></div></div>"""
    article = extract(page(main, headline))
    assert [image.url for image in article.images] == [
        "https://xaphucuong.example.gov.vn/uploads/2025/03/vs-1200.jpg",
        "https://xaphucuong.example.gov.vn/uploads/2025/03/vs-2.jpg",
    ]
    assert article.images[0].caption == "Đoàn viên thu gom rác tại tuyến đường liên thôn"


def test_a_time_shown_as_an_age_is_no_text() -> None:
    # An AMP or mobile template's "2 giờ trước" over the text; the time is in JSON-LD.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    ld = '{"@type": "NewsArticle", "datePublished": "2025-03-03T14:05:00+07:00"}'
    main = f"""<article><h1>{headline}</h1><div class="content"><p class="time">2 giờ trước</p>
{PARAGRAPHS}</div></article>"""
    head = f'<script type="application/ld+json">{ld}</script>'
    article = extract(page(main, headline, head=head))
    assert article.published_at == "2025-03-03T14:05:00+07:00"
    assert article.body.startswith("Sáng 2/3")


@pytest.mark.parametrize("attribute", [True, False])
def test_a_heading_cut_short_gives_way_to_the_whole_title(attribute: bool) -> None:
    whole = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân tại các tuyến đường liên thôn"
    cut = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân..."
    named = f' title="{whole}"' if attribute else ""
    main = f"""<div class="news-detail"><h1 class="title"{named}>{cut}</h1>
<div class="date">03/03/2025 14:05</div><div class="content">{PARAGRAPHS}</div></div>"""
    # (og:title as SEO plugins write it, the site's name after the title.)
    head = f'<meta property="og:title" content="{whole} - Cổng thông tin điện tử xã Phú Cường">'
    article = extract(page(main, f"{whole} - Cổng thông tin điện tử xã Phú Cường", head=head))
    assert article.title == whole


def test_joomla_s_full_text_image_under_the_info_list_is_the_article_s() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="item-page"><div class="page-header"><h2 itemprop="headline">{headline}</h2>
</div><div class="icons"><ul class="dropdown-menu"><li class="print-icon"><a href="?print=1">In
</a></li></ul></div><dl class="article-info"><dt>Chi tiết</dt><dd class="published"><time
datetime="2025-03-03T14:05:00+07:00">Ngày đăng: 03 Tháng 3 2025</time></dd></dl>
<div class="pull-left item-image"><img src="/images/2025/ve-sinh.jpg" alt="Ra quân"></div>
<div itemprop="articleBody">{PARAGRAPHS}</div></div>"""
    article = extract(page(main, headline))
    assert [image.url for image in article.images] == [
        "https://xaphucuong.example.gov.vn/images/2025/ve-sinh.jpg"
    ]


def test_a_notice_of_one_line_and_a_pdf_in_an_object_beats_the_footer() -> None:
    # The footer's paragraphs outweigh the notice's one line; its PDF, shown in an
    # <object>, says the box under the title and dateline is the article.
    headline = "Thông báo lịch tiếp công dân tháng 4 năm 2025"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">28/03/2025 10:00</div>
<div class="content"><p>Ủy ban nhân dân xã thông báo lịch tiếp công dân của Chủ tịch UBND xã
trong tháng 4 (chi tiết trong văn bản đính kèm):</p>
<object data="/files/2025/tb-tiep-dan-t4.pdf" type="application/pdf" width="100%" height="800">
<embed src="/files/2025/tb-tiep-dan-t4.pdf" type="application/pdf"></object></div></div>"""
    footer = """<div id="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân xã Phú Cường, huyện Phú
Giáo.</p><p>Địa chỉ: số 1 đường Trung tâm, ấp 2. Điện thoại: 0274.3888.999, thư điện tử
ubnd@phucuong.gov.vn.</p><p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND xã.</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin điện tử này.</p></div>"""
    article = extract(page(main, headline, left="").replace(FOOTER, footer))
    assert article.title == headline and article.body.startswith("Ủy ban nhân dân xã")
    assert [a.url for a in article.attachments] == [
        "https://xaphucuong.example.gov.vn/files/2025/tb-tiep-dan-t4.pdf"
    ]


def test_a_file_a_link_s_script_opens_is_an_attachment() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    opens = "window.open('/files/2025/ke-hoach-ve-sinh.pdf', '_blank')"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}<p>Kế hoạch xem <a href="javascript:void(0)" onclick="{opens}">
tại đây</a>.</p></div></div>"""
    article = extract(page(main, headline))
    assert [a.url for a in article.attachments] == [
        "https://xaphucuong.example.gov.vn/files/2025/ke-hoach-ve-sinh.pdf"
    ]


def test_a_footer_of_site_facts_split_by_br_is_no_text_however_long() -> None:
    # A footer named for no chrome ("copyright"), holding a logo's <div> and the site's
    # facts split by <br>: line by line it outweighed a short notice of two paragraphs.
    headline = "Thông báo tạm ngừng cung cấp điện khu dân cư số 3"
    main = f"""<div class="chitiet"><h1>{headline}</h1><div class="ngay">14/11/2025 15:20</div>
<div class="noidung"><p>Điện lực huyện thông báo tạm ngừng cung cấp điện từ 7 giờ đến 16 giờ
ngày 16/11/2025 để thay dây dẫn trên tuyến đường liên xã, khu dân cư số 3.</p><p>Đề nghị các
hộ dân, cơ sở kinh doanh chủ động sắp xếp công việc.</p></div></div>"""
    facts = """<div class="copyright"><div class="logo-bottom"><img src="/logo.png"></div>
Cơ quan chủ quản: Ủy ban nhân dân xã Phú Cường, huyện Phú Giáo, tỉnh Bình Dương<br>
Địa chỉ: số 1 đường Trung tâm, ấp 2, xã Phú Cường, huyện Phú Giáo, tỉnh Bình Dương<br>
Điện thoại: 0274.3888.999, Fax: 0274.3888.998, Email: phucuong@binhduong.gov.vn<br>
Chịu trách nhiệm chính: ông Trần Văn Bình, Chủ tịch Ủy ban nhân dân xã<br>
Ghi rõ nguồn Cổng thông tin điện tử xã khi phát hành lại thông tin từ trang này.</div>"""
    article = extract(page(main, headline, left="").replace(FOOTER, facts))
    assert article.body.startswith("Điện lực huyện") and "Cơ quan chủ quản" not in article.body


def test_a_caption_under_a_photo_is_no_lead_whatever_its_class() -> None:
    # "desc" names a lead on some portals and a caption on others: under a photo, a caption.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content"><p style="text-align:center"><img src="/uploads/vs.jpg" width="600"></p>
<p class="desc">Đoàn viên thanh niên thu gom rác tại tuyến đường liên thôn</p>{PARAGRAPHS}</div></div>"""
    article = extract(page(main, headline))
    assert article.summary is None or not article.summary.startswith("Đoàn viên thanh niên")


def test_a_data_uri_placeholder_in_a_source_set_is_no_picture() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    placeholder = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    main = f"""<div class="detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}<p><img class="lazy" srcset="{placeholder}"
data-srcset="/up/vs_w_480,h_320.jpg 480w, /up/vs_w_960,h_640.jpg 960w"></p></div></div>"""
    article = extract(page(main, headline))
    assert [image.url for image in article.images] == [
        "https://xaphucuong.example.gov.vn/up/vs_w_960,h_640.jpg"
    ]


def test_an_announcement_popup_longer_than_a_short_article_is_no_text() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    popup = """<div class="modal fade" id="thongBao" role="dialog"><div class="modal-dialog">
<div class="modal-content"><div class="modal-body"><p>Cổng thông tin điện tử xã Phú Cường
đang vận hành thử nghiệm sau khi sắp xếp đơn vị hành chính cấp xã, một số chuyên mục đang
được cập nhật, bổ sung dữ liệu.</p><p>Trong quá trình sử dụng, nếu phát hiện lỗi hoặc thông
tin chưa chính xác, đề nghị tổ chức, cá nhân phản ánh qua địa chỉ thư điện tử của Văn phòng
HĐND và UBND xã để được hướng dẫn, khắc phục kịp thời.</p><p>Trân trọng cảm ơn sự quan tâm,
theo dõi của quý bạn đọc trong thời gian qua và thời gian tới.</p></div></div></div></div>"""
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content"><p>Sáng 2/3, xã ra quân tổng vệ sinh tại các tuyến đường liên thôn, với
hơn 300 người tham gia.</p><p style="text-align:right"><b>Ngọc Mai</b></p></div></div>"""
    article = extract(page(main + popup, headline))
    assert article.body.startswith("Sáng 2/3") and "vận hành thử nghiệm" not in article.body
    assert article.byline == "Ngọc Mai"


def test_a_reader_s_comment_under_an_unsigned_article_gives_no_byline() -> None:
    headline = "Xã Phú Cường lấy ý kiến nhân dân về phương án đặt tên đường"
    main = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}</div></div><div class="comments"><h3>Ý kiến bạn đọc</h3>
<div class="comment"><span class="comment-author">Trần Văn Khải</span><p>Tôi đề nghị đặt tên
đường theo tên liệt sĩ của xã.</p></div></div>"""
    article = extract(page(main, headline))
    assert (article.byline, article.authors) == (None, [])


def test_an_english_page_s_lead_under_a_dateline_in_words_is_the_summary() -> None:
    headline = "Phu Cuong commune launches its spring tree-planting festival"
    lead = "Over 300 young people planted 2,000 trees along the commune's inter-village roads."
    text = (
        "<p>On March 2, the commune People's Committee held the ceremony at the cultural house, "
        "with leaders of the district and residents of the eight villages.</p><p>The trees will"
        " be looked after by the youth union until the end of the rainy season.</p>"
    )
    main = f"""<div class="news-detail"><h1>{headline}</h1>
<div class="date">Posted: March 3, 2025 | 2:30 PM</div><div class="summary">{lead}</div>
<div class="content">{text}</div></div>"""
    article = extract(page(main, headline))
    assert article.published_at == "2025-03-03T14:30:00+07:00"
    assert article.summary == lead


def test_a_document_page_s_field_names_set_as_labels_stay_with_their_values() -> None:
    # "<label>Số/Ký hiệu:</label> 128/QĐ-UBND": a document's fields, not a form's; a form's
    # labels (for=…) stay out.
    headline = "Quyết định công bố danh mục thủ tục hành chính cấp xã"
    fields = "".join(
        f"<div class='row'><label>{name}</label> <span>{value}</span></div>"
        for name, value in [
            ("Số/Ký hiệu:", "128/QĐ-UBND"),
            ("Ngày ban hành:", "17/10/2025"),
            ("Trích yếu:", "Công bố danh mục thủ tục hành chính thuộc thẩm quyền cấp xã"),
        ]
    )
    form = "<form><label for='q'>Tìm văn bản</label><input id='q'></form>"
    main = f"""<div class="van-ban"><h1>{headline}</h1><div class="date">Ngày đăng: 17/10/2025</div>
<div class="content">{fields}<p>Quyết định có hiệu lực kể từ ngày ký, các thủ tục hành chính
được niêm yết tại bộ phận một cửa của xã.</p>{form}</div></div>"""
    body = extract(page(main, headline)).body
    assert body.startswith("Số/Ký hiệu: 128/QĐ-UBND") and "Trích yếu: Công bố" in body
    assert "Tìm văn bản" not in body


def test_a_time_shown_as_an_age_gives_its_tooltip_s_time() -> None:
    headline = "Xã Phú Cường khai trương trung tâm phục vụ hành chính công"
    main = f"""<div class="news-detail"><h1>{headline}</h1>
<div class="meta"><span class="post-time" title="16/10/2025 15:20">2 ngày trước</span></div>
<div class="content">{PARAGRAPHS}</div></div>"""
    article = extract(page(main, headline))
    assert (article.published_at, article.published_precision) == (
        "2025-10-16T15:20:00+07:00",
        "minute",
    )


def test_a_copy_of_the_text_kept_for_printing_only_is_not_read() -> None:
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    shown = f"""<div class="news-detail"><h1>{headline}</h1><div class="date">03/03/2025 14:05</div>
<div class="content">{PARAGRAPHS}<p style="text-align:right"><b>Quang Vinh</b></p></div></div>"""
    printed = f"""<div class="print-only" id="printArea"><h2>{headline}</h2>{PARAGRAPHS}
<p><b>Quang Vinh</b></p><p>In từ Cổng thông tin điện tử xã Phú Cường</p></div>"""
    head = "<style>.print-only{display:none}</style>"
    article = extract(page(shown + printed, headline, head=head))
    assert article.byline == "Quang Vinh" and "In từ Cổng" not in article.body


def test_a_two_digit_year_with_an_english_clock_is_read_month_first_on_a_month_first_page() -> None:
    # .NET's en-US short date ("M/d/yy h:mm tt"), on a page whose other dates are month first.
    headline = "Provincial delegation visits Phu Cuong industrial cluster"
    main = f"""<div id="main"><h1>{headline}</h1><div class="post-date">Posted: 03/10/25 9:15 AM</div>
<div class="post-body"><p>On the morning of March 10, a delegation of the provincial People's
Committee visited the industrial cluster, checked the wastewater plant and talked with workers.
</p><p>The plans of 12/28/2024 and 11/15/2024 on the cluster remain in force, the delegation
said, asking for monthly reports on the resettlement of affected households.</p></div></div>"""
    article = extract(page(main, headline, left="").replace(FOOTER, ""))
    assert article.published_at == "2025-03-10T09:15:00+07:00"


def test_a_date_field_holding_a_two_digit_year_alone_is_read() -> None:
    # Liferay's short date style for vi_VN ("dd/MM/yy") in the asset's date field.
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="asset-full-content"><h1>{headline}</h1>
<span class="metadata-entry metadata-publish-date">03/03/25</span>
<div class="asset-content">{PARAGRAPHS}</div></div>"""
    article = extract(page(main, headline))
    assert (article.published_at, article.published_precision) == (
        "2025-03-03T00:00:00+07:00",
        "day",
    )


def test_neither_a_date_line_nor_a_teaser_under_the_text_is_a_lead() -> None:
    # Bootstrap's "card-subtitle" holding the date line; a box of other news after the text,
    # each teaser with its "news-item__desc".
    headline = "Xã Phú Cường ra quân tổng vệ sinh môi trường đầu xuân"
    main = f"""<div class="card"><div class="card-body"><h2 class="card-title">{headline}</h2>
<p class="card-subtitle">Ngày đăng: 03/03/2025 | 14:05 | Tác giả: Hồng Vân</p>
<div class="card-text">{PARAGRAPHS}</div></div></div><section class="same-category"><h3>Cùng
chuyên mục</h3><article class="news-item"><h4><a href="/tin-tuc/giao-ban-900">Hội nghị giao
ban khối Mặt trận và các đoàn thể</a></h4><p class="news-item__desc">Hội nghị đánh giá kết quả
phối hợp trong tháng 10 giữa các đoàn thể.</p></article></section>"""
    article = extract(page(main, headline))
    assert article.summary is None and article.body.startswith("Sáng 2/3")


def test_a_site_fact_is_a_labelled_line_not_a_paragraph_opening_with_the_same_word() -> None:
    from lxml import html as lxml_html

    from scraper.extraction.platforms.generic_loose_text import br_paragraphs

    box = lxml_html.fragment_fromstring(
        "<div>Địa chỉ của dự án nằm tại khu dân cư số 3, gần chợ trung tâm xã.<br>"
        "Thiết kế của công trình gồm hai tầng, mười phòng học và một nhà đa năng.<br>"
        "Địa chỉ: số 1 đường Trung tâm, ấp 2, xã Phú Cường, huyện Phú Giáo.</div>"
    )
    assert br_paragraphs(box) == [
        "Địa chỉ của dự án nằm tại khu dân cư số 3, gần chợ trung tâm xã.",
        "Thiết kế của công trình gồm hai tầng, mười phòng học và một nhà đa năng.",
    ]
