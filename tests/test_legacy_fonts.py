"""Legacy TCVN3/VNI font text back to Unicode: tables, detection safety, whole pages.

All sentences here are invented for the tests. Legacy text is made by encoding them with
the inverse of the module's own tables, as the old fonts' keyboards did.
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extraction import extract_article, load_document
from scraper.extraction.dates import is_print_date_header
from scraper.extraction.legacy_fonts import (
    TCVN3,
    TCVN3_TO_UNICODE,
    VNI,
    VNI_TO_UNICODE,
    is_syllable,
    repair_text,
    repair_tree,
    to_unicode,
)

from .real_fixtures import REAL_HTML, SHARED, requires_real_fixtures

PAGES = Path(__file__).parent / "pages"
TCVN3_PAGE = PAGES / "haiphong_printitem_tcvn3_constructed.html"
VNI_PAGE = PAGES / "vni_mojibake_constructed.html"

_FROM_UNICODE_TCVN3 = {u: legacy for legacy, u in TCVN3_TO_UNICODE.items()}
# VNI: a pair (base + mark) for each letter, except where the font has a letter of its own.
_FROM_UNICODE_VNI = {u: legacy for legacy, u in VNI_TO_UNICODE.items() if len(legacy) == 2}
_FROM_UNICODE_VNI.update({u: legacy for legacy, u in VNI_TO_UNICODE.items() if len(legacy) == 1})


def encode(text: str, encoding: str) -> str:
    """Unicode → legacy font codes (as Latin-1 characters). KeyError: not encodable."""
    table = _FROM_UNICODE_TCVN3 if encoding == TCVN3 else _FROM_UNICODE_VNI
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80 or char in " \n":
            out.append(char)
        elif char in table:
            out.append(table[char])
        else:
            raise KeyError(char)
    return "".join(out)


def _ascii_upper(text: str) -> str:
    """What typing in capitals does with a TCVN3 keyboard: only the ASCII letters change."""
    return "".join(c.upper() if c.isascii() else c for c in text)


def encodable(text: str, encoding: str) -> bool:
    try:
        encode(text, encoding)
    except KeyError:
        return False
    return True


# Ordinary Unicode Vietnamese, as portals publish it: must never change.
VIETNAMESE = [
    "Sáng ngày 12/3, Ủy ban nhân dân phường tổ chức hội nghị triển khai nhiệm vụ năm 2024.",
    "Tham dự hội nghị có các đồng chí lãnh đạo quận, Thường trực Đảng ủy phường.",
    "Công tác cải cách hành chính được đẩy mạnh, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.",
    "Chúng tôi là công dân của phường, có trách nhiệm giữ gìn vệ sinh chung.",
    "Các tổ dân phố ra quân tổng vệ sinh môi trường, khơi thông cống rãnh, phát quang bụi rậm.",
    "Đại biểu Hội đồng nhân dân thành phố tiếp xúc cử tri trước kỳ họp thứ mười hai.",
    "Cử tri kiến nghị sớm sửa chữa tuyến đường liên tổ bị xuống cấp sau mùa mưa bão.",
    "Hội Cựu chiến binh phường trao 15 suất quà cho hội viên có hoàn cảnh khó khăn.",
    "Văn hoá, thể thao và du lịch là lĩnh vực được chú trọng trong năm nay.",
    "Phường Hoà Bình khai giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh.",
    "Bà María Peña, chuyên gia của tổ chức quốc tế, trao đổi về quản lý rác thải.",
    "Ông Søren Mæhle, Tổng lãnh sự Đan Mạch, thăm và làm việc tại thành phố.",
    "Đoàn công tác của tỉnh Nordjylland do ông Bjørn Ærø dẫn đầu đến thăm cảng.",
    "Nghệ sĩ Zoë Müller biểu diễn tại Nhà hát lớn trong khuôn khổ tuần lễ văn hoá Đức.",
    "Dự án do ngân hàng Crédit Agricole và quỹ Français pour l'Économie tài trợ.",
    "Chương trình hợp tác với thành phố São Paulo và Düsseldorf được ký kết năm 2019.",
    "Giải bóng đá thiếu niên mang tên « Cúp Hữu nghị » thu hút 16 đội tham gia.",
    "Nhiệt độ ngoài trời xuống dưới 10 °C, nhà trường cho học sinh nghỉ học.",
    "© Bản quyền thuộc Ủy ban nhân dân quận. Ghi rõ nguồn khi phát hành lại thông tin.",
    "Trang chủ » Tin tức » Hoạt động của phường",
    "CÔNG AN PHƯỜNG RA QUÂN ĐẢM BẢO TRẬT TỰ AN TOÀN GIAO THÔNG",
    "HOÀ BÌNH, ỔN ĐỊNH VÀ PHÁT TRIỂN LÀ MỤC TIÊU CHUNG",
    "TÊN CÁC TỔ DÂN PHỐ ĐƯỢC GIỮ NGUYÊN SAU KHI SÁP NHẬP",
    "Tôi có ý kiến về việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân.",
    "Khoá học kéo dài ba tháng, học viên được cấp chứng chỉ sau khi hoàn thành.",
    "Toà án nhân dân quận xét xử lưu động vụ án trộm cắp tài sản.",
    "Hoàng Văn Toàn, Hoà Minh Khánh và Đoàn Thị Thoa được tặng giấy khen.",
    "Lớp học tiếng Anh miễn phí cho thiếu nhi khai giảng tại nhà văn hoá tổ 5.",
    "Dân số phường hiện có 4.520 hộ với hơn 16.000 nhân khẩu.",
    "Mẫu đơn đăng ký xem tại đây. Hạn chót nộp hồ sơ là ngày 30/6.",
    "Ủy ban Mặt trận Tổ quốc Việt Nam phường phát động ủng hộ Quỹ Vì người nghèo.",
    "Năm 2023, phường hoàn thành 100% chỉ tiêu thu ngân sách được giao.",
    "Đêm văn nghệ chào mừng Ngày Phụ nữ Việt Nam 20/10 diễn ra sôi nổi.",
    "Bí thư Đảng ủy phường phát biểu chỉ đạo hội nghị.",
    "Tiếp tục thực hiện tốt cuộc vận động toàn dân đoàn kết xây dựng đời sống văn hoá.",
    "Câu lạc bộ dưỡng sinh có 45 hội viên, sinh hoạt đều đặn vào sáng thứ bảy.",
    "Trạm y tế phường tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.",
    "Hộ ông Trần Văn Bé được hỗ trợ 40 triệu đồng xây nhà đại đoàn kết.",
    "Mọi ý kiến đóng góp xin gửi về hộp thư của Ban biên tập.",
    "Cán bộ, công chức phường ký cam kết thực hiện văn hoá công sở.",
    "Chị Lê Thị Mến, tổ trưởng tổ dân phố số 3, tái đắc cử với tỷ lệ 92%.",
    "Hội nghị đã biểu quyết thông qua nghị quyết với 100% đại biểu tán thành.",
    "Giá trị sản xuất nông nghiệp ước đạt 12,5 tỷ đồng, tăng 3% so với cùng kỳ.",
    "Được sự quan tâm của lãnh đạo quận, công trình đã về đích trước thời hạn.",
    "Lực lượng dân quân tự vệ phường phối hợp tuần tra ban đêm.",
    "Thầy và trò trường tiểu học Lê Lợi đạt 12 giải trong hội thi tin học trẻ.",
    "Buổi lễ có sự tham dự của đại diện Công ty TNHH Nestlé Việt Nam.",
    "Ca sĩ Hà Anh Tuấn và ban nhạc Ngũ Cung góp mặt trong đêm nhạc gây quỹ.",
    "Đến nay đã có 856/900 hộ gia đình đăng ký đạt danh hiệu gia đình văn hoá.",
    "Hè năm nay, phường mở 3 điểm bơi an toàn cho thiếu nhi.",
    "Cửa hàng bánh mì Pâtisserie Café Señorita khai trương trên phố Lê Lợi.",
    "Ông Nguyễn Văn Ánh, Chủ tịch UBND phường, chủ trì hội nghị.",
    "Bà Lò Thị Ón nhận bằng khen của Thủ tướng Chính phủ.",
    "Tổng kết công tác tuyển sinh năm học 2023 – 2024: toàn phường có 1.240 học sinh.",
    "Hôm qua, đoàn kiểm tra của sở đã làm việc tại 5 cơ sở kinh doanh ăn uống.",
]

# Foreign-language lines that portals quote (English and French pages, partner cities).
FOREIGN = [
    "The People's Committee welcomed the delegation from Malmö and Ålesund.",
    "La délégation française a visité l'école primaire du quartier.",
    "Über 200 Teilnehmer kamen zur Eröffnung des Kulturzentrums.",
    "Jeg så ham på gaden, og vi gik til havnen sammen.",
    "El señor Muñoz habló con los niños del barrio en español.",
]
NORMAL = VIETNAMESE + FOREIGN

# Sentences that the old fonts could type (TCVN3 has no capitals with tone marks).
LEGACY_SOURCE = [
    "Sáng ngày 5/6, phường tổ chức lễ ra quân tổng vệ sinh môi trường.",
    "Tham dự có các đồng chí lãnh đạo quận và đông đảo nhân dân trên địa bàn.",
    "Đại hội đại biểu Đảng bộ phường lần thứ XV, nhiệm kỳ 2020 - 2025.",
    "Các tổ dân phố đã thu gom hơn 12 tấn rác thải, khơi thông 800 m rãnh thoát nước.",
    "Hội nghị tiếp xúc cử tri trước kỳ họp thứ tám Hội đồng nhân dân thành phố.",
    "Cử tri kiến nghị sửa chữa đường ngõ, lắp đặt thêm đèn chiếu sáng công cộng.",
    "Đoàn thanh niên phường ra quân hưởng ứng chiến dịch mùa hè xanh.",
    "Hội Phụ nữ trao tặng 20 suất quà cho hội viên có hoàn cảnh khó khăn.",
    "Công tác giải phóng mặt bằng được triển khai đúng tiến độ đề ra.",
    "Năm nay, phường phấn đấu có 95% hộ gia đình đạt danh hiệu gia đình văn hóa.",
    "Lực lượng công an phường tăng cường tuần tra, kiểm soát vào ban đêm.",
    "Ban chấp hành Đảng bộ phường họp phiên thường kỳ tháng tư.",
    "Mặt trận Tổ quốc phường phát động ủng hộ quỹ vì người nghèo.",
    "Trạm y tế phường tổ chức khám sức khỏe miễn phí cho người cao tuổi.",
    "Đồng chí Bí thư Đảng ủy phát biểu chỉ đạo và giao nhiệm vụ cho các chi bộ.",
    "Hội Cựu chiến binh phường có 320 hội viên, sinh hoạt tại 12 chi hội.",
    "Ông Nguyễn Văn Hùng được bầu làm tổ trưởng tổ dân phố số 7.",
    "Kết quả, 100% cử tri tham gia bầu cử, đạt tỷ lệ cao nhất từ trước đến nay.",
    "Nhà văn hóa tổ dân phố được xây dựng mới với tổng kinh phí 1,2 tỷ đồng.",
    "Ủy ban nhân dân phường khen thưởng 15 tập thể và 30 cá nhân.",
    "Trường mầm non phường đạt chuẩn quốc gia mức độ một.",
    "Ông Đỗ Quang Trung, Chủ tịch Ủy ban nhân dân phường, chủ trì hội nghị.",
    "Buổi lễ diễn ra trang trọng, an toàn và tiết kiệm.",
    "Sau hội nghị, các đại biểu đi thăm mô hình tuyến phố văn minh.",
]


def _wrongly_changed(sentences: list[str]) -> list[str]:
    return [s for s in sentences if repair_text(s) != (s, None)]


def test_tables_are_complete_and_agree_with_the_standard_examples():
    # VN3: 7 capitals and 7 lower-case letters without tone, 12 vowels x 5 tones, no more.
    vowels = [unicodedata.normalize("NFC", v) for v in "aăâeêioôơuưy"]
    toned = {
        unicodedata.normalize("NFC", v + t)
        for v in vowels
        for t in "\u0300\u0301\u0303\u0309\u0323"
    }
    assert set(TCVN3_TO_UNICODE.values()) == toned | set("ĂÂĐÊÔƠƯăâđêôơư")
    assert len(TCVN3_TO_UNICODE) == 74
    # VNI: every toned vowel in both cases, and đ/Đ.
    assert toned | {t.upper() for t in toned} | set("đĐ") <= set(VNI_TO_UNICODE.values())
    assert to_unicode("tæ chøc héi nghÞ", TCVN3) == "tổ chức hội nghị"
    assert to_unicode("§¹i héi ®¶ng bé", TCVN3) == "Đại hội đảng bộ"
    assert to_unicode("toå chöùc hoäi nghò", VNI) == "tổ chức hội nghị"
    assert to_unicode("Thaønh phoá Hoà Chí Minh, ngöôøi nöôùc", VNI) == (
        "Thành phố Hồ Chí Minh, người nước"
    )
    assert to_unicode("ÑAÏI HOÄI ÑAÛNG BOÄ", VNI) == "ĐẠI HỘI ĐẢNG BỘ"
    # The separate tone marks of TCVN3 (0xB0-0xB4) compose onto the vowel before them (NFC).
    assert to_unicode("a\xb3", TCVN3) == "á"


def test_syllable_validator():
    valid = "giếng gì gia quốc quỳnh quyết nghĩa khuya huỳnh thuở rượu cướp kính ghi Về ĐẠI"
    assert all(is_syllable(w) for w in valid.split())
    invalid = "ge cy ki­ pin cỏc hụt̀ tæ héi nghÞ khuong nguêng quo ngi kat fa"
    assert not any(is_syllable(w) for w in invalid.split())


_SPELLINGS = (
    str.upper,
    str.title,
    lambda w: unicodedata.normalize("NFD", w),
    lambda w: unicodedata.normalize("NFD", w.upper()),
)
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323", "\u0301\u0323")


def _judged_alike(letters: str, at: int, tone: str) -> None:
    """Precomposed letters are judged from tables, other spellings through NFD: both must
    agree (a tone on any letter, as old-style "hoà" puts it; marks typed apart; capitals)."""
    word = letters[:at] + tone + letters[at:]
    nfc = unicodedata.normalize("NFC", word)
    expected = is_syllable(word)
    assert is_syllable(nfc) == expected, (word, nfc)
    for spell in _SPELLINGS:
        assert is_syllable(spell(nfc)) == expected, (word, spell(nfc))


def test_syllable_validator_ignores_spelling_and_tone_placement():
    bases = "an bat chăm đăc hâu tâp biêt mươi khuya nghiêng quyêt thuơ gi ươc hoăc hoa"
    bases += " khoe uy tôc ơn mưa xoe ưng"
    for letters in bases.split():
        for at in range(len(letters) + 1):
            for tone in _TONES:
                _judged_alike(letters, at, tone)
    assert is_syllable("đặc") and is_syllable("hoà") and is_syllable("HOÀ")
    assert not is_syllable("đăc") and not is_syllable("tæc")  # (-c takes sắc or nặng)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aăâeêioôơuưybcdđghklmnpqrstvxæöø\u0302\u0306\u031b", max_size=7),
    st.integers(min_value=0, max_value=7),
    st.sampled_from(_TONES),
)
def test_syllable_validator_ignores_spelling_of_any_letters(letters: str, at: int, tone: str):
    _judged_alike(letters, at, tone)


def test_normal_vietnamese_is_never_changed():
    assert _wrongly_changed(NORMAL) == []
    nfd = [unicodedata.normalize("NFD", s) for s in NORMAL]
    assert _wrongly_changed(nfd) == []
    assert _wrongly_changed([s.upper() for s in NORMAL]) == []


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_sentences_are_repaired_exactly(encoding: str):
    sources = [s for s in LEGACY_SOURCE if encodable(s, encoding)]
    assert len(sources) >= 20
    wrong = [
        (s, repair_text(encode(s, encoding)))
        for s in sources
        if repair_text(encode(s, encoding)) != (s, encoding)
    ]
    assert wrong == []


def test_mixed_sentence_converts_only_the_legacy_words():
    text = f"Sáng 5/6, UBND phường {encode('tổ chức hội nghị', TCVN3)} Sơ kết quý II các tổ."
    assert repair_text(text) == (
        "Sáng 5/6, UBND phường tổ chức hội nghị Sơ kết quý II các tổ.",
        TCVN3,
    )
    # Soft hyphen is TCVN3's "ư": invisible in browsers, and dropped by text.clean later.
    assert repair_text("n\xadíc ph\xadêng") == ("nước phường", TCVN3)
    # A proper Unicode word caught between legacy words stays as it is.
    text = f"{encode('Hội nghị', TCVN3)} các {encode('tổ dân phố', TCVN3)}"
    assert repair_text(text) == ("Hội nghị các tổ dân phố", TCVN3)


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_unicode_words_bordering_a_legacy_run_stay_as_they_are(encoding: str):
    # Latin-1 Unicode words ("cô", "bé", "thôn", "Bê") share the legacy words' Latin-1
    # stretch up to "được"; TCVN3 would read them "cụ", "bộ", "thụn", "Bờ", VNI "cơ", "thơn".
    legacy = encode("tổ chức hội nghị", encoding)
    text = f"Đoàn thanh niên {legacy} cô Thái, bé Mai và thôn Bê được tặng quà."
    assert repair_text(text) == (
        "Đoàn thanh niên tổ chức hội nghị cô Thái, bé Mai và thôn Bê được tặng quà.",
        encoding,
    )


def test_a_byline_alone_on_a_tcvn3_page_is_converted_when_its_case_gives_it_away():
    # TCVN3 writes "ễ", "ế", "ấ" with the bytes of "Ô", "Õ", "Ê": a paragraph holding only
    # such words has no typical legacy character, but a capital inside a word.
    body = encode("Hội nghị tổng kết công tác năm 2019 của phường diễn ra sáng nay.", TCVN3)
    byline = encode("Nguyễn Tiến", TCVN3)
    assert byline == "NguyÔn TiÕn"
    tree = lxml.html.fromstring(
        f"<html><body><p>{body}</p><p>{byline}</p><p>iPhone, McDonald, São Paulo</p></body></html>"
    )
    assert repair_tree(tree) == {TCVN3}
    assert [p.text for p in tree.iter("p")][1:] == ["Nguyễn Tiến", "iPhone, McDonald, São Paulo"]
    # On a page with no legacy text, nothing is read so.
    tree = lxml.html.fromstring(f"<html><body><p>Tin: {byline}</p></body></html>")
    assert repair_tree(tree) == set()


def test_short_legacy_run_needs_page_evidence():
    tree = lxml.html.fromstring(
        "<html><head><title>Tin tức</title></head><body>"
        f"<p>{encode('Hội nghị tổng kết công tác năm 2019 của phường', TCVN3)}</p>"
        f"<p>Ông Văn <b>{encode('người', TCVN3)}</b> phát biểu.</p>"
        f"<p>Ông Văn <b>{encode('người', VNI)}</b> phát biểu.</p></body></html>"
    )
    assert repair_tree(tree) == {TCVN3}
    texts = [p.text_content() for p in tree.iter("p")]
    assert texts[:2] == [
        "Hội nghị tổng kết công tác năm 2019 của phường",
        "Ông Văn người phát biểu.",
    ]
    # One VNI word alone, with no clear VNI run on the page: left as it is.
    assert texts[2] == f"Ông Văn {encode('người', VNI)} phát biểu."


def test_font_hints_and_vntimeh_capitals():
    heading = encode("kết quả ra quân", TCVN3)
    tree = lxml.html.fromstring(
        f'<div><p><span style="font-family: .VnTimeH">{heading}</span></p>'
        f'<p><font face="VNI-Times">{encode("người", VNI)}</font> dân</p>'
        f'<p style="font-family:Arial">{encode("người", VNI)}</p></div>'
    )
    assert repair_tree(tree) == {TCVN3, VNI}
    assert [p.text_content() for p in tree.iter("p")] == ["KẾT QUẢ RA QUÂN", "người dân", "ngöôøi"]
    # All-capital ASCII letters in a TCVN3 run: typed in .VnTimeH, read as capitals.
    typed = _ascii_upper(encode("phường tổ chức hội nghị", TCVN3))
    assert repair_text(f"UBND {typed}") == ("UBND PHƯỜNG TỔ CHỨC HỘI NGHỊ", TCVN3)


def test_title_and_meta_are_repaired():
    title = encode("Phường tổ chức hội nghị", TCVN3)
    tree = lxml.html.document_fromstring(
        f'<html><head><title>{title}</title><meta property="og:title" content="{title}">'
        '<meta name="keywords" content="x"></head><body><p>Nội dung</p></body></html>'
    )
    assert repair_tree(tree) == {TCVN3}
    assert tree.findtext(".//title") == "Phường tổ chức hội nghị"
    assert tree.xpath("//meta[@property='og:title']/@content") == ["Phường tổ chức hội nghị"]


def test_scripts_and_comments_are_left_alone():
    legacy = encode("tổ chức hội nghị", TCVN3)
    tree = lxml.html.fromstring(
        f"<div><script>var s = '{legacy}';</script><!-- {legacy} -->{legacy}</div>"
    )
    assert repair_tree(tree) == {TCVN3}
    assert legacy in tree.findtext("script")
    assert tree[1].text.strip() == legacy
    assert tree[1].tail == "tổ chức hội nghị"


@requires_real_fixtures
def test_real_pages_and_transcriptions():
    for page in sorted(REAL_HTML.glob("*.html")):
        assert repair_tree(lxml.html.document_fromstring(page.read_bytes())) == set(), page.name
    # Only the transcription of the Hải Phòng print view holds TCVN3 words (PORTALS.md §2e).
    for path in sorted((SHARED / "real-text").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found = {repair_text(line)[1] for line in lines} - {None}
        assert found == ({TCVN3} if "tcvn3" in path.name else set()), path.name


_WORDS = sorted({w.strip(".,:;«»%") for s in NORMAL for w in s.split()} - {""})
_FOREIGN = ["Peña", "Mæhle", "Ørsted", "Müller", "Zoë", "naïve", "Ålesund", "©", "»", "°C", "§ 3"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _FOREIGN), min_size=1, max_size=25))
def test_random_unicode_vietnamese_is_unchanged(words: list[str]):
    text = " ".join(words)
    assert repair_text(text) == (text, None)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str):
    fixed, encoding = repair_text(text)
    assert isinstance(fixed, str)
    assert encoding in (None, TCVN3, VNI)
    if encoding is None:
        assert fixed == text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF)))
def test_never_raises_on_latin1_noise(text: str):
    repair_text(text)
    repair_tree(lxml.html.fromstring(f"<div><p>x</p>{json.dumps(text)}</div>"))


def normal_page(size: int = 50_000) -> str:
    """A 50 KB Unicode article page with the usual © and » of footers and breadcrumbs."""
    plain = [s for s in VIETNAMESE if "©" not in s and "»" not in s]
    paragraphs = ["<p>Trang chủ » Tin tức » Hoạt động</p>"]
    while sum(map(len, paragraphs)) < size:
        paragraphs.extend(f"<p>{s}</p>" for s in plain)
    paragraphs.append("<p>© Bản quyền thuộc Ủy ban nhân dân phường</p>")
    body = "".join(paragraphs)
    return f'<html><head><title>Tin</title><meta property="og:title" content="Tin"></head>{body}'


def test_normal_page_costs_little():
    html = normal_page()
    timings = []
    for _ in range(15):
        tree = lxml.html.document_fromstring(html)
        start = time.perf_counter()
        assert repair_tree(tree) == set()
        timings.append(time.perf_counter() - start)
    median = sorted(timings)[len(timings) // 2]
    # About 0.3 ms on the development machine; generous for a busy CI machine.
    assert median < 0.01, f"{median * 1000:.2f} ms per 50 KB page"


# --- The constructed Hải Phòng print view -------------------------------------------------


def _golden(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def _extract_repaired(page: Path) -> dict:
    """What extraction gives once load_document calls repair_tree (see the report)."""
    golden = _golden(page)
    doc = load_document(page.read_bytes(), golden["url"])
    for encoding in sorted(repair_tree(doc.tree)):
        doc.warnings.append(f"legacy {encoding} font text converted to Unicode")
    return extract_article(doc, golden["url"]).to_dict()


@pytest.mark.parametrize("page", [TCVN3_PAGE, VNI_PAGE], ids=lambda p: p.stem)
def test_constructed_page_after_repair(page: Path):
    expected = _golden(page)["expected"]
    got = _extract_repaired(page)
    # The dateline fields and warnings of the print view also need the assemble.py change
    # given in the report; the golden test checks them once it is in.
    fields = [f for f in expected if f not in ("published_text", "warnings")]
    assert {f: got[f] for f in fields} == {f: expected[f] for f in fields}
    assert got["warnings"][0] == expected["warnings"][0]


def test_print_header_of_the_constructed_page_is_a_print_date():
    tree = lxml.html.document_fromstring(TCVN3_PAGE.read_bytes())
    headers = [t for t in tree.xpath("//text()") if "ngày" in t and is_print_date_header(t)]
    assert len(headers) == 1


def test_a_legacy_page_with_control_characters_in_its_text_is_still_converted():
    """Junk bytes of a broken page (here \\x19) stay in the parsed text; lxml refuses them in
    text handed back, so the converted text drops them rather than the extraction failing."""
    legacy = encode("sáng nay, ủy ban nhân dân phường tổ chức hội nghị sơ kết công tác quý", TCVN3)
    page = (
        "<html><head><meta charset='utf-8'><title>Sơ kết công tác quý I</title></head><body>"
        "<h1>Sơ kết công tác quý I</h1><p>Thứ Hai, 03/04/2017 08:30</p>"
        f"<div class='noi-dung'><p>{legacy} I n\x19m 2017 t¹i héi tr\xadêng.</p>"
        f"<p>{legacy} II, triÓn khai nhiÖm vô quý III.</p></div></body></html>"
    ).encode()
    article = extract_article(page, "https://p.example.gov.vn/tin/so-ket-123.html")
    assert "tổ chức hội nghị sơ kết" in article.body
    assert "\x19" not in article.body
