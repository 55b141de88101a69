"""The sample portal's Vietnamese text, written for the project (no text comes from a real site).

The district ("Quận Sông Lam"), its wards and every person named here are invented. `STORIES`
are the hand-written articles; `STUBS` are listing entries whose page is broken on purpose (the
portal serves a 500, a 404 or an error page for them, so they need only a title and a summary).
The vocabulary at the end feeds `compose_paragraph` and `compose_title`, which the generated
(benchmark) portal uses to write articles of realistic length.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

PORTAL_NAME = "Cổng Thông Tin Điện Tử Quận Sông Lam"
DISTRICT = "quận Sông Lam"

WARDS = (
    "An Thịnh",
    "Đông Phú",
    "Tân Lập",
    "Vĩnh Khang",
    "Thượng Lâm",
    "Phú Mỹ",
    "Kim Sơn",
    "Hưng Long",
)


@dataclass(frozen=True)
class Story:
    """One hand-written article: text only; the portal decides its markup."""

    key: str
    title: str
    lead: str | None
    paragraphs: tuple[str, ...]
    byline: str | None
    captions: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    table_after: int | None = None  # index of the paragraph the table follows
    attachments: tuple[tuple[str, str], ...] = ()  # (title, file name)
    ward: str | None = None  # the ward the story is about, swapped when the text is reused


@dataclass(frozen=True)
class Stub:
    """A listed article whose page never renders (server error, deleted, error page)."""

    key: str
    title: str
    summary: str
    ward: str | None = None


STORIES: dict[str, Story] = {
    s.key: s
    for s in (
        Story(
            key="an-thinh-cashless",
            ward="An Thịnh",
            title="Phường An Thịnh tổ chức Ngày hội thanh toán không dùng tiền mặt năm 2022",
            lead=(
                "Sáng 24/8, UBND phường An Thịnh phối hợp với các ngân hàng thương mại và doanh "
                "nghiệp viễn thông trên địa bàn tổ chức Ngày hội thanh toán không dùng tiền mặt "
                "năm 2022 với chủ đề “Chợ 4.0 - tiện ích cho mọi nhà”."
            ),
            paragraphs=(
                (
                    "Tham dự ngày hội có đồng chí Vũ Đức Hạnh, Phó Chủ tịch UBND quận Sông Lam; đồng "
                    "chí Trần Văn Lợi, Bí thư Đảng ủy phường An Thịnh; lãnh đạo Phòng Kinh tế quận, "
                    "đại diện các chi nhánh ngân hàng, Ban quản lý chợ An Thịnh cùng đông đảo tiểu "
                    "thương và người dân trong phường."
                ),
                (
                    "Phát biểu khai mạc, bà Phạm Thị Minh Huệ, Chủ tịch UBND phường cho biết, sau hơn "
                    "một năm triển khai mô hình chợ thanh toán không dùng tiền mặt, đến nay đã có "
                    "186/240 hộ kinh doanh tại chợ An Thịnh niêm yết mã QR để khách hàng quét mã "
                    "thanh toán. Nhiều hộ kinh doanh cho biết việc nhận tiền qua tài khoản giúp tiết "
                    "kiệm thời gian, tránh nhầm lẫn khi trả tiền thừa và hạn chế rủi ro tiền giả."
                ),
                (
                    "Tại ngày hội, các ngân hàng bố trí quầy tư vấn, hướng dẫn người dân mở tài khoản, "
                    "cài đặt ứng dụng ngân hàng số trên điện thoại, thanh toán hóa đơn điện, nước, học "
                    "phí và nộp thuế trực tuyến. Nhiều chương trình ưu đãi như giảm giá khi quét mã, "
                    "tặng quà cho khách hàng mở tài khoản mới đã thu hút hàng trăm lượt người tham gia "
                    "trải nghiệm."
                ),
                (
                    "Đoàn viên thanh niên phường chia thành các nhóm đến từng quầy hàng hướng dẫn tiểu "
                    "thương cách kiểm tra giao dịch, bảo mật mật khẩu, không cung cấp mã OTP cho người "
                    "lạ để phòng tránh lừa đảo qua mạng. Đây là hoạt động được nhiều người cao tuổi "
                    "quan tâm vì còn lúng túng khi sử dụng điện thoại thông minh."
                ),
                (
                    "Phấn đấu đến cuối năm 2022, phường có trên 90% hộ kinh doanh tại chợ và các tuyến "
                    "phố thương mại chấp nhận thanh toán không dùng tiền mặt; 100% học sinh trên địa "
                    "bàn nộp học phí qua ngân hàng. UBND phường giao các tổ dân phố tiếp tục tuyên "
                    "truyền để người dân hiểu rõ lợi ích, yên tâm sử dụng các phương thức thanh toán "
                    "điện tử."
                ),
            ),
            captions=(
                "Các đại biểu thực hiện nghi thức khai mạc ngày hội. Ảnh: Thu Hằng",
                (
                    "Đoàn viên thanh niên hướng dẫn tiểu thương chợ An Thịnh cài đặt ứng dụng thanh "
                    "toán. Ảnh: Thu Hằng"
                ),
            ),
            byline="Thu Hằng",
        ),
        Story(
            key="dong-phu-hdnd",
            ward="Đông Phú",
            title="HĐND phường Đông Phú tổ chức kỳ họp thứ năm, nhiệm kỳ 2021 - 2026",
            lead=(
                "Ngày 22/8, HĐND phường Đông Phú khóa IV, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ "
                "năm (kỳ họp chuyên đề) để xem xét, quyết định một số nội dung thuộc thẩm quyền."
            ),
            paragraphs=(
                (
                    "Dự kỳ họp có đại diện Thường trực HĐND quận Sông Lam, Bí thư Đảng ủy phường, các "
                    "đại biểu HĐND phường, lãnh đạo UBND, Ủy ban MTTQ phường, các đoàn thể và tổ trưởng "
                    "tổ dân phố. Ông Hoàng Văn Khải, Chủ tịch HĐND phường chủ trì kỳ họp."
                ),
                (
                    "Tại kỳ họp, các đại biểu đã nghe UBND phường báo cáo tình hình thực hiện dự toán "
                    "thu, chi ngân sách 8 tháng đầu năm; tờ trình điều chỉnh, bổ sung danh mục công "
                    "trình sửa chữa, cải tạo hạ tầng kỹ thuật năm 2022, trong đó có việc cải tạo hệ "
                    "thống thoát nước ngõ 45 và nâng cấp nhà văn hóa tổ dân phố số 3."
                ),
                (
                    "Thảo luận tại kỳ họp, nhiều ý kiến đề nghị UBND phường ưu tiên các công trình bức "
                    "xúc, ảnh hưởng trực tiếp đến đời sống người dân, nhất là các điểm thường xuyên "
                    "ngập úng khi mưa lớn; công khai tiến độ, kinh phí để nhân dân cùng giám sát."
                ),
                (
                    "Kỳ họp đã biểu quyết thông qua 3 nghị quyết với tỷ lệ tán thành 100%. Phát biểu bế "
                    "mạc, Chủ tịch HĐND phường đề nghị UBND phường khẩn trương tổ chức thực hiện các "
                    "nghị quyết vừa được thông qua; các đại biểu HĐND tăng cường giám sát, kịp thời "
                    "phản ánh ý kiến, kiến nghị của cử tri."
                ),
            ),
            captions=("Quang cảnh kỳ họp thứ năm HĐND phường Đông Phú. Ảnh: Quốc Bảo",),
            byline="HĐND PHƯỜNG ĐÔNG PHÚ",
        ),
        Story(
            key="flood-2022",
            ward="Hưng Long",
            title="Quận Sông Lam chủ động phòng, chống ngập úng trong mùa mưa bão năm 2022",
            lead=(
                "Tối 17/8, Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn quận Sông Lam họp "
                "triển khai các biện pháp ứng phó với đợt mưa lớn được dự báo kéo dài nhiều ngày, "
                "yêu cầu các phường không để bị động, bất ngờ."
            ),
            paragraphs=(
                (
                    "Theo thông tin từ cơ quan khí tượng, từ đêm 17/8 đến hết ngày 20/8, khu vực thành "
                    "phố có mưa vừa, mưa to, có nơi mưa rất to với tổng lượng mưa phổ biến từ 100 đến "
                    "200 mm. Trên địa bàn quận hiện còn 6 điểm có nguy cơ ngập úng cục bộ, tập trung "
                    "tại các phường Đông Phú, Tân Lập và Hưng Long."
                ),
                (
                    "Báo cáo tại cuộc họp, đại diện Phòng Quản lý đô thị cho biết, từ đầu tháng 5, quận "
                    "đã nạo vét hơn 3,2 km rãnh thoát nước, kiểm tra 14 trạm bơm cục bộ và bố trí máy "
                    "bơm dự phòng tại các điểm trũng. Các phường đã kiện toàn lực lượng xung kích, "
                    "chuẩn bị đủ vật tư theo phương châm “bốn tại chỗ”."
                ),
                (
                    "Kết luận cuộc họp, ông Vũ Đức Hạnh, Phó Chủ tịch UBND quận, Phó Trưởng ban Thường "
                    "trực Ban Chỉ huy yêu cầu các phường tổ chức trực ban 24/24 giờ, kiểm tra ngay các "
                    "cây xanh có nguy cơ gãy đổ, biển quảng cáo, công trình đang thi công; khi có ngập "
                    "phải bố trí người cảnh báo, phân luồng giao thông, tuyệt đối không để xảy ra thiệt "
                    "hại về người."
                ),
                (
                    "Cùng với đó, Công an quận và các phường phối hợp bảo đảm an ninh trật tự, hỗ trợ di "
                    "dời người dân tại các nhà ở cũ, xuống cấp khi cần thiết. Thông tin về tình hình "
                    "mưa, ngập được cập nhật thường xuyên trên hệ thống loa truyền thanh và trang thông "
                    "tin điện tử của quận."
                ),
            ),
            captions=(
                (
                    "Lực lượng xung kích phường Hưng Long kiểm tra miệng cống trước mùa mưa. "
                    "Ảnh: Minh Đức"
                ),
                "Máy bơm dự phòng được bố trí tại điểm trũng trên phố Tân Lập. Ảnh: Minh Đức",
            ),
            byline="Minh Đức",
        ),
        Story(
            key="tan-lap-election",
            ward="Tân Lập",
            title="Phường Tân Lập hoàn thành bầu Tổ trưởng tổ dân phố nhiệm kỳ 2022 - 2025",
            lead=(
                "Đến ngày 14/8, 100% tổ dân phố trên địa bàn phường Tân Lập đã tổ chức thành công "
                "hội nghị bầu Tổ trưởng tổ dân phố nhiệm kỳ 2022 - 2025, bảo đảm dân chủ, đúng "
                "quy định."
            ),
            paragraphs=(
                (
                    "Thực hiện kế hoạch của UBND quận, từ đầu tháng 7, UBND phường Tân Lập đã thành lập "
                    "tổ công tác, hướng dẫn 12 tổ dân phố rà soát danh sách cử tri đại diện hộ gia "
                    "đình, giới thiệu người ứng cử và chuẩn bị chu đáo các điều kiện tổ chức hội nghị."
                ),
                (
                    "Các hội nghị bầu cử đều có trên 50% số cử tri đại diện hộ gia đình tham dự. Nhiều "
                    "tổ dân phố có tỷ lệ tham gia cao như tổ dân phố số 2, số 5 và số 9. Người trúng cử "
                    "đều là những người có uy tín, nhiệt tình, trong đó có 4 tổ trưởng lần đầu đảm "
                    "nhận nhiệm vụ và 3 người là nữ."
                ),
                "Kết quả bầu Tổ trưởng tại một số tổ dân phố như sau:",
                (
                    "Bà Bùi Thị Hải Yến, Chủ tịch UBND phường Tân Lập cho biết, ngay sau khi có quyết "
                    "định công nhận, phường sẽ tổ chức bồi dưỡng nghiệp vụ cho các tổ trưởng, nhất là "
                    "kỹ năng vận động nhân dân, hòa giải ở cơ sở và sử dụng các ứng dụng công nghệ "
                    "thông tin trong quản lý dân cư."
                ),
            ),
            table=(
                ("Tổ dân phố", "Người trúng cử", "Số phiếu bầu", "Tỷ lệ"),
                ("Số 2", "Nguyễn Văn Quý", "187/201", "93,0%"),
                ("Số 5", "Lê Thị Hạnh", "152/168", "90,5%"),
                ("Số 9", "Đỗ Minh Tuấn", "139/160", "86,9%"),
                ("Số 11", "Phan Thị Thu", "121/137", "88,3%"),
            ),
            table_after=2,
            captions=("Cử tri tổ dân phố số 5 bỏ phiếu bầu Tổ trưởng. Ảnh: Quốc Bảo",),
            byline="Quốc Bảo",
        ),
        Story(
            key="vinh-khang-voters",
            ward="Vĩnh Khang",
            title=(
                "Đại biểu HĐND quận tiếp xúc cử tri phường Vĩnh Khang trước kỳ họp giữa năm 2022"
            ),
            lead=(
                "Sáng 12/8, Tổ đại biểu HĐND quận Sông Lam ứng cử tại đơn vị bầu cử số 4 đã tiếp "
                "xúc cử tri phường Vĩnh Khang trước kỳ họp thường lệ giữa năm 2022 của HĐND quận."
            ),
            paragraphs=(
                (
                    "Tại buổi tiếp xúc, đại diện Tổ đại biểu đã thông báo với cử tri dự kiến nội dung, "
                    "chương trình kỳ họp; báo cáo kết quả giải quyết các kiến nghị của cử tri từ kỳ họp "
                    "trước. Theo đó, trong số 27 kiến nghị của cử tri phường, đã có 21 kiến nghị được "
                    "giải quyết dứt điểm, 6 kiến nghị đang được các cơ quan chức năng xem xét."
                ),
                (
                    "Trong không khí dân chủ, thẳng thắn, 11 lượt cử tri đã phát biểu ý kiến. Cử tri "
                    "Nguyễn Thị Mận, tổ dân phố số 6 phản ánh tình trạng xe tải chở vật liệu xây dựng "
                    "đi vào ngõ nhỏ trong giờ cao điểm, gây mất an toàn cho học sinh. Cử tri Trịnh Văn "
                    "Hòa, tổ dân phố số 2 đề nghị sớm sửa chữa hệ thống chiếu sáng công cộng trên tuyến "
                    "đường ven hồ."
                ),
                (
                    "Một số cử tri quan tâm đến tiến độ xây dựng trường mầm non Vĩnh Khang, việc quản lý "
                    "trật tự xây dựng, lấn chiếm vỉa hè và thủ tục cấp giấy chứng nhận quyền sử dụng đất "
                    "còn chậm."
                ),
                (
                    "Thay mặt Tổ đại biểu, bà Đặng Thị Thu Trang, Chủ tịch HĐND quận tiếp thu, giải "
                    "trình một số ý kiến thuộc thẩm quyền; đồng thời đề nghị lãnh đạo UBND phường và "
                    "các phòng, ban chuyên môn trả lời trực tiếp những kiến nghị đơn giản. Các ý kiến "
                    "còn lại sẽ được Tổ đại biểu tổng hợp, gửi tới kỳ họp và các cơ quan có thẩm quyền."
                ),
            ),
            captions=("Cử tri phường Vĩnh Khang phát biểu tại buổi tiếp xúc. Ảnh: Khánh Linh",),
            byline="Khánh Linh",
        ),
        Story(
            key="thuong-lam-dengue",
            ward="Thượng Lâm",
            title="Ra quân tổng vệ sinh môi trường, phòng chống sốt xuất huyết tại phường Thượng Lâm",
            lead=(
                "Sáng 10/8, UBND phường Thượng Lâm tổ chức lễ ra quân tổng vệ sinh môi trường, diệt "
                "bọ gậy phòng chống dịch sốt xuất huyết với sự tham gia của hơn 400 cán bộ, hội "
                "viên các đoàn thể và nhân dân."
            ),
            paragraphs=(
                (
                    "Theo Trạm Y tế phường, từ đầu năm đến nay, trên địa bàn đã ghi nhận 17 ca mắc sốt "
                    "xuất huyết, tăng 9 ca so với cùng kỳ năm trước. Qua giám sát, chỉ số bọ gậy tại "
                    "nhiều hộ gia đình vượt ngưỡng nguy cơ, nhất là ở các khu nhà trọ, công trình xây "
                    "dựng và những nơi còn nhiều dụng cụ chứa nước."
                ),
                (
                    "Ngay sau lễ ra quân, các lực lượng chia thành 8 tổ xuống từng tổ dân phố thu gom "
                    "phế thải, phát quang bụi rậm, khơi thông cống rãnh, lật úp các dụng cụ chứa nước "
                    "không sử dụng. Cán bộ y tế đến từng hộ gia đình hướng dẫn thả cá diệt bọ gậy trong "
                    "bể nước, đậy kín chum vại và phát tờ rơi tuyên truyền."
                ),
                (
                    "Ông Lương Văn Hải, người dân tổ dân phố số 4 chia sẻ: “Nhà tôi có trẻ nhỏ nên rất "
                    "lo bệnh sốt xuất huyết. Được cán bộ hướng dẫn, tôi thấy việc đậy kín bể nước, dọn "
                    "các lọ hoa, chậu cây mỗi tuần một lần không mất nhiều thời gian mà hiệu quả”."
                ),
                (
                    "UBND phường yêu cầu các tổ dân phố duy trì tổng vệ sinh vào sáng thứ bảy hằng "
                    "tuần; Trạm Y tế tăng cường giám sát, phát hiện sớm ca bệnh, xử lý triệt để ổ dịch, "
                    "không để dịch lây lan rộng trong cộng đồng."
                ),
            ),
            captions=(
                (
                    "Đoàn viên thanh niên phường Thượng Lâm thu gom phế thải tại khu nhà trọ. "
                    "Ảnh: Ngọc Lan"
                ),
            ),
            byline="NGỌC LAN",
        ),
        Story(
            key="cchc-6-thang",
            title="Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2022",
            lead=(
                "Chiều 5/8, UBND quận Sông Lam tổ chức hội nghị sơ kết công tác cải cách hành chính "
                "(CCHC) 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2022."
            ),
            paragraphs=(
                (
                    "Theo báo cáo, 6 tháng đầu năm, Bộ phận tiếp nhận và trả kết quả của quận và các "
                    "phường đã tiếp nhận 18.426 hồ sơ thủ tục hành chính, trong đó giải quyết đúng và "
                    "trước hạn đạt 98,7%. Tỷ lệ hồ sơ được tiếp nhận trực tuyến đạt 46,2%, tăng hơn 15% "
                    "so với cùng kỳ năm 2021."
                ),
                (
                    "Quận đã hoàn thành việc số hóa kết quả giải quyết thủ tục hành chính trong lĩnh "
                    "vực hộ tịch, chứng thực; triển khai thanh toán trực tuyến phí, lệ phí trên Cổng "
                    "dịch vụ công. Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của "
                    "cơ quan hành chính đạt trên 95%."
                ),
                (
                    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số tồn tại như còn hồ sơ trễ "
                    "hạn trong lĩnh vực đất đai, xây dựng; việc hướng dẫn người dân nộp hồ sơ trực "
                    "tuyến ở một số phường chưa thường xuyên; kỹ năng sử dụng chữ ký số của một bộ phận "
                    "công chức còn hạn chế."
                ),
                (
                    "Phát biểu chỉ đạo, Chủ tịch UBND quận Nguyễn Hữu Tường yêu cầu các phòng, ban, UBND "
                    "các phường gắn trách nhiệm người đứng đầu với kết quả CCHC; công khai xin lỗi người "
                    "dân đối với hồ sơ trễ hạn; đẩy mạnh chuyển đổi số, phấn đấu hết năm 2022 tỷ lệ hồ "
                    "sơ trực tuyến đạt trên 60%."
                ),
                (
                    "Tại hội nghị, UBND quận đã khen thưởng 5 tập thể và 8 cá nhân có thành tích xuất "
                    "sắc trong công tác CCHC 6 tháng đầu năm."
                ),
            ),
            captions=(
                (
                    "Chủ tịch UBND quận trao Giấy khen cho các tập thể có thành tích trong công tác "
                    "CCHC. Ảnh: Quốc Bảo"
                ),
            ),
            attachments=(
                (
                    (
                        "Báo cáo số 215/BC-UBND về kết quả công tác cải cách hành chính 6 tháng đầu "
                        "năm 2022"
                    ),
                    "BC-215-UBND.pdf",
                ),
                ("Phụ lục kèm theo Báo cáo số 215/BC-UBND", "Phu-luc-BC-215.doc"),
            ),
            byline="Hải Yến - Quốc Bảo",
        ),
        Story(
            key="tdp-training",
            title="Bồi dưỡng kỹ năng, nghiệp vụ cho Tổ trưởng tổ dân phố nhiệm kỳ 2022 - 2025",
            lead=(
                "Ngày 3/8, UBND quận Sông Lam khai giảng lớp bồi dưỡng kỹ năng, nghiệp vụ cho 164 "
                "Tổ trưởng, Tổ phó tổ dân phố của 8 phường trên địa bàn."
            ),
            paragraphs=(
                (
                    "Trong 3 ngày, học viên được giới thiệu các chuyên đề: vị trí, vai trò, nhiệm vụ của "
                    "Tổ trưởng tổ dân phố; thực hiện dân chủ ở cơ sở; công tác hòa giải ở cơ sở; quản lý "
                    "cư trú, bảo đảm an ninh trật tự; vệ sinh môi trường, văn minh đô thị và kỹ năng ứng "
                    "dụng công nghệ thông tin trong nắm bắt tình hình dân cư."
                ),
                (
                    "Phát biểu khai giảng, ông Vũ Đức Hạnh, Phó Chủ tịch UBND quận nhấn mạnh, tổ trưởng "
                    "tổ dân phố là cầu nối giữa chính quyền với nhân dân, là người trực tiếp nắm bắt "
                    "tâm tư, nguyện vọng của từng hộ gia đình. Nhiều vụ việc ở khu dân cư được giải "
                    "quyết kịp thời, có tình có lý nhờ sự sâu sát của các tổ trưởng."
                ),
                (
                    "Lớp học được tổ chức theo hình thức kết hợp giữa lý thuyết và trao đổi tình huống "
                    "thực tế. Các học viên được chia nhóm thảo luận về cách xử lý các tình huống thường "
                    "gặp như tranh chấp lối đi chung, tiếng ồn, đổ rác không đúng nơi quy định, người "
                    "tạm trú không khai báo."
                ),
                (
                    "Kết thúc khóa học, các học viên làm bài thu hoạch; những người đạt yêu cầu được cấp "
                    "giấy chứng nhận hoàn thành chương trình bồi dưỡng."
                ),
            ),
            captions=("Các học viên thảo luận nhóm tại lớp bồi dưỡng. Ảnh: Thu Hằng",),
            byline="Thu Hằng",
        ),
        Story(
            key="hung-long-fire-drill",
            ward="Hưng Long",
            title="Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư phường Hưng Long",
            lead=(
                "Chiều 29/7, UBND phường Hưng Long phối hợp với Đội Cảnh sát phòng cháy, chữa cháy "
                "và cứu nạn, cứu hộ Công an quận tổ chức diễn tập phương án chữa cháy tại khu tập "
                "thể Hưng Long."
            ),
            paragraphs=(
                (
                    "Tình huống giả định, vào 14 giờ 30 phút, tại tầng 3 nhà B2 khu tập thể, một hộ gia "
                    "đình để xe điện sạc qua đêm bị chập điện dẫn đến cháy. Khói lan nhanh ra hành "
                    "lang, nhiều người mắc kẹt trong các căn hộ phía trên."
                ),
                (
                    "Phát hiện đám cháy, người dân hô hoán, ngắt cầu dao điện, dùng bình chữa cháy tại "
                    "chỗ dập lửa và gọi điện báo số 114. Tổ liên gia an toàn phòng cháy, chữa cháy cùng "
                    "lực lượng dân phòng nhanh chóng hướng dẫn người dân thoát nạn qua cầu thang bộ. "
                    "Khi lực lượng chuyên nghiệp đến, đám cháy được khống chế, các nạn nhân được đưa ra "
                    "ngoài an toàn."
                ),
                (
                    "Qua buổi diễn tập, người dân được nâng cao kỹ năng thoát nạn, sử dụng phương tiện "
                    "chữa cháy ban đầu. Đại diện Công an quận khuyến cáo các hộ gia đình không sạc xe "
                    "điện qua đêm ở lối đi chung, lắp đặt thiết bị báo cháy, chuẩn bị lối thoát nạn thứ "
                    "hai tại nhà ở."
                ),
            ),
            captions=(
                "Lực lượng chữa cháy chuyên nghiệp tiếp cận hiện trường giả định. Ảnh: Minh Đức",
            ),
            byline="Minh Đức",
        ),
        Story(
            key="gratitude-27-7",
            title=(
                "Lãnh đạo quận thăm, tặng quà gia đình chính sách nhân kỷ niệm 75 năm Ngày "
                "Thương binh - Liệt sĩ"
            ),
            lead=(
                "Nhân kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2022), ngày 26/7, "
                "các đoàn công tác của quận Sông Lam đã đến thăm, tặng quà các gia đình chính sách "
                "tiêu biểu trên địa bàn."
            ),
            paragraphs=(
                (
                    "Đoàn do ông Lê Minh Khôi, Bí thư Quận ủy làm trưởng đoàn đã đến thăm hỏi, tặng quà "
                    "thương binh Trần Văn Bính ở phường An Thịnh và gia đình liệt sĩ Nguyễn Thị Xuyến ở "
                    "phường Kim Sơn. Tại mỗi gia đình, Bí thư Quận ủy ân cần hỏi thăm sức khỏe, đời "
                    "sống và bày tỏ lòng biết ơn sâu sắc đối với những hy sinh, cống hiến của các "
                    "thương binh, thân nhân liệt sĩ."
                ),
                (
                    "Dịp này, quận đã trích ngân sách và vận động các nguồn xã hội hóa tặng 1.245 suất "
                    "quà với tổng trị giá hơn 1,1 tỷ đồng cho người có công với cách mạng; tổ chức sửa "
                    "chữa 3 nhà ở cho gia đình chính sách có hoàn cảnh khó khăn."
                ),
                (
                    "Các phường đồng loạt tổ chức dâng hương, dọn dẹp đài tưởng niệm, thắp nến tri ân "
                    "các anh hùng liệt sĩ; gặp mặt, tặng quà các gia đình chính sách trên địa bàn, bảo "
                    "đảm không để sót đối tượng."
                ),
            ),
            captions=(
                (
                    "Bí thư Quận ủy Lê Minh Khôi thăm hỏi, tặng quà thương binh Trần Văn Bính. "
                    "Ảnh: Ngọc Lan"
                ),
            ),
            byline="Ngọc Lan",
        ),
        Story(
            key="dong-phu-camera",
            ward="Đông Phú",
            title="Tổ dân phố số 7 phường Đông Phú lắp đặt camera giám sát an ninh",
            lead=(
                "Từ nguồn đóng góp tự nguyện của nhân dân, tổ dân phố số 7 phường Đông Phú đã hoàn "
                "thành lắp đặt 16 camera giám sát tại các ngõ, ngách và khu vực công cộng."
            ),
            paragraphs=(
                (
                    "Trước đây, khu dân cư tổ 7 có nhiều ngõ nhỏ, nhà cho thuê trọ đông, thường xảy ra "
                    "các vụ trộm cắp xe máy, đồ đạc. Được sự hướng dẫn của Công an phường, Ban công tác "
                    "Mặt trận và Tổ trưởng tổ dân phố đã họp dân, thống nhất chủ trương lắp đặt hệ thống "
                    "camera với tổng kinh phí khoảng 68 triệu đồng."
                ),
                (
                    "Hình ảnh từ các camera được kết nối về điện thoại của Tổ trưởng tổ dân phố và cảnh "
                    "sát khu vực. Chỉ sau hơn một tháng đưa vào sử dụng, hệ thống đã giúp lực lượng "
                    "công an xác minh nhanh 2 vụ việc mất trộm, đồng thời nhắc nhở các trường hợp đổ "
                    "rác thải không đúng nơi quy định."
                ),
                (
                    "Mô hình “Camera an ninh” của tổ dân phố số 7 đang được UBND phường Đông Phú đánh "
                    "giá, rút kinh nghiệm để nhân rộng tại các tổ dân phố khác trong năm 2022 và những "
                    "năm tiếp theo."
                ),
            ),
            byline="Quang Huy",
        ),
        Story(
            key="phu-my-online-services",
            ward="Phú Mỹ",
            title="Phường Phú Mỹ hướng dẫn người dân nộp hồ sơ dịch vụ công trực tuyến",
            lead=(
                "Nhằm nâng cao tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến, UBND phường "
                "Phú Mỹ thành lập tổ hỗ trợ, hướng dẫn người dân sử dụng dịch vụ công trực tuyến "
                "tại Bộ phận một cửa và tại các tổ dân phố."
            ),
            paragraphs=(
                (
                    "Tổ hỗ trợ gồm công chức Bộ phận một cửa và đoàn viên thanh niên tình nguyện, làm "
                    "việc vào giờ hành chính các ngày trong tuần và sáng thứ bảy. Người dân đến làm thủ "
                    "tục được hướng dẫn tạo tài khoản trên Cổng dịch vụ công, chụp, tải hồ sơ và thanh "
                    "toán lệ phí trực tuyến ngay tại chỗ."
                ),
                (
                    "Các thủ tục được hướng dẫn nhiều nhất là đăng ký khai sinh, đăng ký thường trú, tạm "
                    "trú, chứng thực bản sao từ bản chính và xác nhận tình trạng hôn nhân. Với người cao "
                    "tuổi, người khuyết tật, tổ hỗ trợ có thể đến tận nhà để hướng dẫn khi có yêu cầu."
                ),
                (
                    "Chị Hoàng Thị Lụa, tổ dân phố số 8 cho biết: “Trước đây tôi nghĩ nộp hồ sơ qua mạng "
                    "rất phức tạp, nhưng được các bạn thanh niên hướng dẫn từng bước, chỉ khoảng mười "
                    "phút là xong, kết quả được gửi về qua bưu điện nên không phải đi lại nhiều lần”."
                ),
                (
                    "Người dân có thể tham khảo tài liệu hướng dẫn chi tiết các bước nộp hồ sơ trực "
                    "tuyến được đính kèm dưới đây."
                ),
            ),
            captions=(
                (
                    "Đoàn viên thanh niên hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận một "
                    "cửa. Ảnh: UBND phường Phú Mỹ"
                ),
            ),
            attachments=(
                (
                    "Tài liệu hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công",
                    "Huong-dan-nop-ho-so-truc-tuyen.doc",
                ),
            ),
            byline="UBND PHƯỜNG PHÚ MỸ",
        ),
        Story(
            key="an-thinh-waste",
            ward="An Thịnh",
            title="Thí điểm phân loại rác thải sinh hoạt tại nguồn ở phường An Thịnh",
            lead=(
                "Từ ngày 15/7, phường An Thịnh triển khai thí điểm phân loại rác thải sinh hoạt tại "
                "nguồn ở 3 tổ dân phố với gần 600 hộ gia đình tham gia."
            ),
            paragraphs=(
                (
                    "Theo hướng dẫn, rác thải sinh hoạt được phân thành ba nhóm: chất thải có khả năng "
                    "tái chế như giấy, nhựa, kim loại; chất thải thực phẩm; và chất thải rắn sinh hoạt "
                    "khác. Mỗi hộ gia đình được phát hai túi đựng rác khác màu và tài liệu hướng dẫn "
                    "cách phân loại."
                ),
                (
                    "Công ty môi trường đô thị bố trí lịch thu gom riêng cho từng loại rác; rác tái chế "
                    "được thu vào thứ ba và thứ sáu hằng tuần. Số tiền bán phế liệu được các chi hội phụ "
                    "nữ dùng để hỗ trợ học sinh có hoàn cảnh khó khăn trong tổ dân phố."
                ),
                (
                    "Sau ba tuần thực hiện, khối lượng rác phải chôn lấp tại các tổ thí điểm giảm khoảng "
                    "20%. Tuy nhiên, vẫn còn một số hộ chưa quen, để lẫn các loại rác, nhất là ở các nhà "
                    "cho thuê trọ có người ở thay đổi thường xuyên."
                ),
                (
                    "UBND phường sẽ sơ kết sau ba tháng thí điểm, hoàn thiện cách làm trước khi mở rộng "
                    "ra toàn phường từ đầu năm 2023."
                ),
            ),
            captions=(
                "Người dân tổ dân phố số 2 phân loại rác tái chế trước giờ thu gom. Ảnh: Khánh Linh",
            ),
            byline="Khánh Linh",
        ),
        Story(
            key="rescue-training",
            title="Tập huấn kỹ năng cứu hộ, cứu nạn cho lực lượng xung kích các phường",
            lead=(
                "Ngày 8/7, Ban Chỉ huy Quân sự quận Sông Lam tổ chức tập huấn kỹ năng cứu hộ, cứu "
                "nạn, sơ cấp cứu ban đầu cho hơn 120 cán bộ, chiến sĩ lực lượng xung kích của 8 "
                "phường."
            ),
            paragraphs=(
                (
                    "Nội dung tập huấn tập trung vào kỹ thuật sử dụng áo phao, phao tròn, xuồng cứu hộ; "
                    "cách tiếp cận và đưa người bị đuối nước lên bờ; kỹ thuật băng bó, cố định xương "
                    "gãy, hô hấp nhân tạo và vận chuyển người bị nạn."
                ),
                (
                    "Các học viên được thực hành trực tiếp tại hồ điều hòa Đông Phú dưới sự hướng dẫn "
                    "của giảng viên Trung tâm Cấp cứu và cán bộ quân sự quận. Nhiều tình huống giả định "
                    "sát với thực tế như cứu người bị cuốn trôi khi nước chảy xiết ở cống thoát nước, "
                    "cứu người bị mắc kẹt trong nhà bị ngập sâu."
                ),
                (
                    "Qua đợt tập huấn, lực lượng xung kích các phường được bổ sung kỹ năng cần thiết, "
                    "sẵn sàng tham gia ứng cứu khi có tình huống thiên tai, sự cố xảy ra trong mùa mưa "
                    "bão."
                ),
            ),
            captions=("Học viên thực hành kỹ năng cứu người đuối nước. Ảnh: Trung Kiên",),
            byline="Trung Kiên",
        ),
        Story(
            key="kim-son-dialogue",
            ward="Kim Sơn",
            title=(
                "Chủ tịch UBND phường Kim Sơn đối thoại với nhân dân về công tác giải phóng mặt bằng"
            ),
            lead=(
                "Sáng 30/6, Chủ tịch UBND phường Kim Sơn Lý Văn Định chủ trì hội nghị đối thoại với "
                "các hộ dân bị ảnh hưởng bởi dự án mở rộng đường Kim Sơn."
            ),
            paragraphs=(
                (
                    "Dự án mở rộng đường Kim Sơn có chiều dài hơn 1,2 km, ảnh hưởng đến 137 hộ gia đình, "
                    "cá nhân. Đến nay, đã có 96 hộ nhận tiền bồi thường, bàn giao mặt bằng; 41 hộ chưa "
                    "đồng thuận với phương án bồi thường, hỗ trợ."
                ),
                (
                    "Tại hội nghị, các hộ dân đã nêu nhiều ý kiến liên quan đến đơn giá bồi thường đất "
                    "ở, việc xác định nguồn gốc đất, chính sách hỗ trợ tái định cư và thời gian bàn giao "
                    "mặt bằng. Lãnh đạo UBND phường và đại diện Ban Quản lý dự án quận đã giải thích cụ "
                    "thể căn cứ pháp lý của từng nội dung."
                ),
                (
                    "Kết luận hội nghị, Chủ tịch UBND phường ghi nhận những ý kiến xác đáng của nhân dân; "
                    "giao các bộ phận chuyên môn rà soát lại hồ sơ của từng hộ, trường hợp vượt thẩm "
                    "quyền sẽ báo cáo UBND quận xem xét; đồng thời đề nghị các hộ dân ủng hộ để dự án "
                    "sớm hoàn thành, mang lại lợi ích chung cho cộng đồng."
                ),
            ),
            byline="Quang Huy",
        ),
        Story(
            key="school-enrolment",
            title="Kiểm tra công tác tuyển sinh đầu cấp năm học 2022 - 2023",
            lead=(
                "Ngày 24/6, đoàn kiểm tra của UBND quận Sông Lam do Trưởng phòng Giáo dục và Đào "
                "tạo làm trưởng đoàn đã kiểm tra công tác tuyển sinh vào lớp 1 và lớp 6 tại một số "
                "trường trên địa bàn."
            ),
            paragraphs=(
                (
                    "Năm học 2022 - 2023, toàn quận có khoảng 3.900 trẻ trong độ tuổi vào lớp 1 và 3.450 "
                    "học sinh vào lớp 6. Các trường thực hiện tuyển sinh theo hình thức trực tuyến kết "
                    "hợp trực tiếp, tuyển sinh đúng tuyến theo địa bàn cư trú."
                ),
                (
                    "Qua kiểm tra, các trường đã niêm yết công khai kế hoạch, chỉ tiêu, tuyến tuyển "
                    "sinh; bố trí cán bộ trực hỗ trợ phụ huynh đăng ký trực tuyến. Một số trường có số "
                    "học sinh đăng ký vượt chỉ tiêu đã được Phòng Giáo dục và Đào tạo hướng dẫn điều "
                    "tiết sang các trường lân cận."
                ),
                (
                    "Đoàn kiểm tra đề nghị các nhà trường tiếp tục rà soát cơ sở vật chất, sửa chữa phòng "
                    "học, nhà vệ sinh, chuẩn bị đủ bàn ghế và sách giáo khoa mới để sẵn sàng đón học "
                    "sinh vào năm học mới."
                ),
            ),
            byline=None,
        ),
        Story(
            key="tan-lap-family-law",
            ward="Tân Lập",
            title="Tuyên truyền pháp luật về phòng, chống bạo lực gia đình tại tổ dân phố",
            lead=(
                "Tối 16/6, Hội Liên hiệp Phụ nữ phường Tân Lập phối hợp với Công an phường tổ chức "
                "buổi tuyên truyền pháp luật về phòng, chống bạo lực gia đình cho hơn 150 hội viên "
                "và người dân tổ dân phố số 10."
            ),
            paragraphs=(
                (
                    "Tại buổi tuyên truyền, báo cáo viên đã giới thiệu những điểm mới của Luật Phòng, "
                    "chống bạo lực gia đình năm 2022, trong đó có quy định về các hành vi bạo lực gia "
                    "đình, biện pháp bảo vệ, hỗ trợ nạn nhân và trách nhiệm của cá nhân, gia đình, cộng "
                    "đồng trong phòng ngừa bạo lực."
                ),
                (
                    "Thông qua các tiểu phẩm do hội viên phụ nữ tự dàn dựng, người dân được nhận biết "
                    "các dấu hiệu của bạo lực tinh thần, bạo lực kinh tế vốn ít được quan tâm; biết cách "
                    "xử lý khi chứng kiến hoặc là nạn nhân của bạo lực gia đình, cũng như địa chỉ tin "
                    "cậy ở cộng đồng để được hỗ trợ kịp thời."
                ),
                (
                    "Dịp này, Hội Phụ nữ phường đã ra mắt nhóm “Địa chỉ tin cậy” tại tổ dân phố số 10 và "
                    "công bố số điện thoại đường dây nóng để người dân liên hệ khi cần giúp đỡ."
                ),
            ),
            captions=("Hội viên phụ nữ biểu diễn tiểu phẩm tuyên truyền. Ảnh: Thanh Mai",),
            byline="Thanh Mai",
        ),
        Story(
            key="hung-long-elderly",
            ward="Hưng Long",
            title="Khám sức khỏe miễn phí cho người cao tuổi phường Hưng Long",
            lead=None,
            paragraphs=(
                (
                    "Ngày 27/5, Hội Người cao tuổi phường Hưng Long phối hợp với Trạm Y tế phường và một "
                    "bệnh viện tư nhân trên địa bàn tổ chức khám sức khỏe, tư vấn và cấp thuốc miễn phí "
                    "cho 320 người cao tuổi."
                ),
                (
                    "Các cụ được đo huyết áp, xét nghiệm đường máu, điện tim, siêu âm và khám các chuyên "
                    "khoa mắt, răng hàm mặt, cơ xương khớp. Qua khám, nhiều trường hợp được phát hiện "
                    "mắc bệnh tăng huyết áp, đái tháo đường và được bác sĩ tư vấn chế độ ăn uống, luyện "
                    "tập phù hợp."
                ),
                (
                    "Bà Đinh Thị Nhàn, 78 tuổi, tổ dân phố số 3 vui vẻ cho biết: “Năm nào hội cũng tổ "
                    "chức khám cho các cụ, lại được bác sĩ giải thích cặn kẽ nên chúng tôi rất yên "
                    "tâm”."
                ),
                (
                    "Dịp này, Hội Người cao tuổi phường cũng trao 30 suất quà cho hội viên có hoàn cảnh "
                    "khó khăn, mỗi suất trị giá 500.000 đồng."
                ),
            ),
            captions=("Bác sĩ khám mắt cho người cao tuổi phường Hưng Long. Ảnh: Thanh Mai",),
            byline="Thanh Mai",
        ),
        Story(
            key="tet-security",
            title="Bảo đảm an ninh trật tự, an toàn giao thông dịp Tết Nguyên đán Nhâm Dần 2022",
            lead=(
                "Chiều 20/1, Công an quận Sông Lam tổ chức lễ ra quân cao điểm tấn công, trấn áp tội "
                "phạm, bảo đảm an ninh trật tự, an toàn giao thông dịp Tết Nguyên đán Nhâm Dần và "
                "các sự kiện chính trị đầu năm 2022."
            ),
            paragraphs=(
                (
                    "Theo kế hoạch, Công an quận huy động tối đa lực lượng tuần tra, kiểm soát tại các "
                    "tuyến phố chính, khu vực chợ, trung tâm thương mại, nơi tổ chức lễ hội và vui chơi "
                    "đêm giao thừa; tăng cường kiểm tra việc chấp hành quy định về phòng cháy, chữa cháy "
                    "tại các cơ sở kinh doanh."
                ),
                (
                    "Lực lượng cảnh sát giao thông tập trung xử lý các hành vi vi phạm nồng độ cồn, chạy "
                    "quá tốc độ, đi không đúng làn đường; phối hợp với công an các phường chống ùn tắc "
                    "tại các nút giao trọng điểm vào giờ cao điểm."
                ),
                (
                    "Công an quận đề nghị người dân nâng cao cảnh giác, bảo quản tài sản khi đi du xuân; "
                    "không sử dụng, tàng trữ pháo nổ; kịp thời thông báo cho cơ quan công an khi phát "
                    "hiện các hành vi vi phạm pháp luật."
                ),
            ),
            captions=("Lực lượng công an quận tại lễ ra quân. Ảnh: Đức Anh",),
            byline="ĐỨC ANH",
        ),
        Story(
            key="thuong-lam-unity-day",
            ward="Thượng Lâm",
            title="Ngày hội Đại đoàn kết toàn dân tộc tại khu dân cư số 3 phường Thượng Lâm",
            lead=(
                "Sáng 15/11, khu dân cư số 3 phường Thượng Lâm tổ chức Ngày hội Đại đoàn kết toàn "
                "dân tộc nhân kỷ niệm 91 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 "
                "- 18/11/2021)."
            ),
            paragraphs=(
                (
                    "Do tình hình dịch bệnh, ngày hội được tổ chức gọn nhẹ, tuân thủ các quy định phòng, "
                    "chống dịch. Tại ngày hội, Ban công tác Mặt trận khu dân cư đã ôn lại truyền thống "
                    "của Mặt trận Tổ quốc Việt Nam, báo cáo kết quả thực hiện cuộc vận động “Toàn dân "
                    "đoàn kết xây dựng đời sống văn hóa” năm 2021."
                ),
                (
                    "Trong năm, 98% hộ gia đình khu dân cư đạt danh hiệu “Gia đình văn hóa”; nhân dân đã "
                    "đóng góp hơn 45 triệu đồng ủng hộ Quỹ phòng, chống dịch và quỹ “Vì người nghèo”; "
                    "không có tệ nạn xã hội phát sinh trên địa bàn."
                ),
                (
                    "Dịp này, Ban tổ chức đã khen thưởng 12 gia đình tiêu biểu và trao 20 suất quà cho "
                    "các hộ nghèo, hộ có hoàn cảnh khó khăn trong khu dân cư."
                ),
            ),
            captions=(
                (
                    "Lãnh đạo phường Thượng Lâm trao quà cho các hộ có hoàn cảnh khó khăn. "
                    "Ảnh: Ngọc Lan"
                ),
            ),
            byline="Ngọc Lan",
        ),
        Story(
            key="district-council-first-session",
            title="HĐND quận Sông Lam khóa XX tổ chức kỳ họp thứ nhất, bầu các chức danh chủ chốt",
            lead=(
                "Ngày 25/6, HĐND quận Sông Lam khóa XX, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ nhất "
                "để kiện toàn tổ chức bộ máy của HĐND và UBND quận."
            ),
            paragraphs=(
                (
                    "Kỳ họp đã nghe báo cáo kết quả bầu cử đại biểu HĐND quận nhiệm kỳ 2021 - 2026 và "
                    "xác nhận tư cách của 35 đại biểu trúng cử. Với tinh thần dân chủ, trách nhiệm, các "
                    "đại biểu đã bỏ phiếu kín bầu các chức danh Chủ tịch, Phó Chủ tịch HĐND quận, Trưởng "
                    "ban, Phó Trưởng ban các ban của HĐND; Chủ tịch, các Phó Chủ tịch và Ủy viên UBND "
                    "quận."
                ),
                (
                    "Bà Đặng Thị Thu Trang được bầu giữ chức Chủ tịch HĐND quận; ông Nguyễn Hữu Tường "
                    "được bầu giữ chức Chủ tịch UBND quận khóa XX, nhiệm kỳ 2021 - 2026."
                ),
                (
                    "Phát biểu nhận nhiệm vụ, Chủ tịch HĐND quận cảm ơn sự tín nhiệm của cử tri và các "
                    "đại biểu; khẳng định sẽ cùng Thường trực HĐND đổi mới hoạt động giám sát, nâng cao "
                    "chất lượng tiếp xúc cử tri, giải quyết kịp thời các kiến nghị chính đáng của nhân "
                    "dân."
                ),
            ),
            captions=("Các đại biểu biểu quyết tại kỳ họp thứ nhất. Ảnh: Văn Tùng",),
            byline="VĂN PHÒNG HĐND VÀ UBND QUẬN",
        ),
        Story(
            key="vinh-khang-civic-street",
            ward="Vĩnh Khang",
            title="Phường Vĩnh Khang ra mắt mô hình “Tuyến phố văn minh, sạch đẹp”",
            lead=(
                "Chiều 10/3, UBND phường Vĩnh Khang tổ chức lễ ra mắt mô hình “Tuyến phố văn minh, "
                "sạch đẹp” trên tuyến đường ven hồ Vĩnh Khang dài gần 800 m."
            ),
            paragraphs=(
                (
                    "Theo tiêu chí của mô hình, các hộ gia đình, cơ sở kinh doanh dọc tuyến phố cam kết "
                    "không lấn chiếm vỉa hè, lòng đường; không đổ rác, phế thải bừa bãi; chỉnh trang "
                    "biển hiệu quảng cáo; trồng và chăm sóc cây xanh, hoa trước cửa nhà."
                ),
                (
                    "Để chuẩn bị cho mô hình, phường đã vận động nhân dân đóng góp kinh phí lát lại vỉa "
                    "hè, lắp đặt thêm 24 cột đèn chiếu sáng và 12 thùng rác công cộng; các tổ dân phố "
                    "thành lập tổ tự quản thường xuyên kiểm tra, nhắc nhở."
                ),
                (
                    "Phát biểu tại lễ ra mắt, ông Đinh Công Sơn, Chủ tịch UBND phường đề nghị mỗi hộ dân "
                    "là một “tuyên truyền viên”, giữ gìn trật tự, vệ sinh để tuyến phố luôn xanh, sạch, "
                    "đẹp, trở thành điểm sáng của phường."
                ),
            ),
            byline="Khánh Linh",
        ),
        Story(
            key="election-2016",
            title=(
                "Triển khai công tác bầu cử đại biểu Quốc hội khóa XIV và đại biểu HĐND các cấp "
                "nhiệm kỳ 2016 - 2021"
            ),
            lead=(
                "Ngày 18/2/2016, Ủy ban bầu cử quận Sông Lam tổ chức hội nghị triển khai công tác bầu "
                "cử đại biểu Quốc hội khóa XIV và đại biểu HĐND các cấp nhiệm kỳ 2016 - 2021 tới các "
                "phường trên địa bàn."
            ),
            paragraphs=(
                (
                    "Cuộc bầu cử được tiến hành vào Chủ nhật, ngày 22/5/2016. Đây là sự kiện chính trị "
                    "quan trọng của đất nước, nhằm lựa chọn những người tiêu biểu về phẩm chất, năng "
                    "lực, xứng đáng đại diện cho ý chí, nguyện vọng và quyền làm chủ của nhân dân."
                ),
                (
                    "Tại hội nghị, các đại biểu được quán triệt những điểm mới của Luật Bầu cử đại biểu "
                    "Quốc hội và đại biểu HĐND năm 2015; nghe hướng dẫn quy trình hiệp thương, giới "
                    "thiệu người ứng cử, lập danh sách cử tri, phân chia khu vực bỏ phiếu và công tác "
                    "thông tin, tuyên truyền về bầu cử."
                ),
                (
                    "Ủy ban bầu cử quận yêu cầu các phường khẩn trương kiện toàn các tổ chức phụ trách "
                    "bầu cử, rà soát chặt chẽ danh sách cử tri, bảo đảm không bỏ sót, không trùng lặp; "
                    "tăng cường công tác bảo đảm an ninh trật tự trước, trong và sau ngày bầu cử."
                ),
            ),
            captions=("Quang cảnh hội nghị triển khai công tác bầu cử. Ảnh: Thu Hằng",),
            byline="Thu Hằng",
        ),
        # Articles of other sections, linked from the "Tin nổi bật" sidebar box.
        Story(
            key="citizen-reception-sept",
            title="Lịch tiếp công dân của lãnh đạo UBND quận tháng 9 năm 2022",
            lead=(
                "UBND quận Sông Lam thông báo lịch tiếp công dân định kỳ của Chủ tịch, các Phó Chủ "
                "tịch UBND quận trong tháng 9 năm 2022 để nhân dân biết, liên hệ."
            ),
            paragraphs=(
                (
                    "Địa điểm tiếp công dân: Trụ sở Tiếp công dân quận Sông Lam, số 12 đường Hoàng Minh, "
                    "phường An Thịnh. Thời gian tiếp công dân buổi sáng từ 8 giờ, buổi chiều từ 14 giờ "
                    "theo lịch cụ thể được đính kèm."
                ),
                (
                    "Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh cần mang theo giấy tờ "
                    "tùy thân và các tài liệu có liên quan; trường hợp nhiều người cùng khiếu nại về một "
                    "nội dung thì cử người đại diện để trình bày."
                ),
            ),
            attachments=(
                ("Lịch tiếp công dân tháng 9 năm 2022", "Lich-tiep-cong-dan-T9-2022.pdf"),
            ),
            byline="VĂN PHÒNG HĐND VÀ UBND QUẬN",
        ),
        Story(
            key="tthc-q2-results",
            title="Công khai kết quả giải quyết thủ tục hành chính quý II năm 2022",
            lead=(
                "Thực hiện quy định về công khai kết quả giải quyết thủ tục hành chính, UBND quận "
                "Sông Lam công bố kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính quý II năm "
                "2022 của quận và các phường."
            ),
            paragraphs=(
                (
                    "Trong quý II, toàn quận tiếp nhận 9.812 hồ sơ, trong đó 4.597 hồ sơ được tiếp nhận "
                    "trực tuyến. Số hồ sơ đã giải quyết đúng hạn và trước hạn là 9.655 hồ sơ; 41 hồ sơ "
                    "trễ hạn, chủ yếu trong lĩnh vực đất đai."
                ),
                (
                    "Đối với các hồ sơ trễ hạn, cơ quan giải quyết đã gửi thư xin lỗi đến người dân, "
                    "hẹn lại thời gian trả kết quả và làm rõ trách nhiệm của cán bộ, công chức có liên "
                    "quan."
                ),
            ),
            byline=None,
        ),
        Story(
            key="teacher-recruitment",
            title="Thông báo tuyển dụng viên chức các trường mầm non công lập năm 2022",
            lead=(
                "UBND quận Sông Lam thông báo tuyển dụng 46 chỉ tiêu viên chức giáo viên mầm non và "
                "nhân viên kế toán cho các trường mầm non công lập trực thuộc năm 2022."
            ),
            paragraphs=(
                (
                    "Người đăng ký dự tuyển phải có đủ tiêu chuẩn, điều kiện theo quy định của Luật Viên "
                    "chức và tiêu chuẩn chức danh nghề nghiệp của vị trí việc làm cần tuyển. Mỗi người "
                    "chỉ được đăng ký dự tuyển vào một vị trí việc làm tại một đơn vị."
                ),
                (
                    "Thời gian nhận Phiếu đăng ký dự tuyển trong 30 ngày kể từ ngày thông báo, trong giờ "
                    "hành chính các ngày làm việc, tại Phòng Nội vụ quận Sông Lam."
                ),
            ),
            byline="Phòng Nội vụ",
        ),
    )
}

STUBS: dict[str, Stub] = {
    s.key: s
    for s in (
        Stub(
            key="kim-son-dan-van",
            ward="Kim Sơn",
            title="Phường Kim Sơn sơ kết phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2022",
            summary=(
                "Chiều 19/8, Ban Chỉ đạo phong trào thi đua “Dân vận khéo” phường Kim Sơn tổ chức "
                "hội nghị sơ kết 6 tháng đầu năm, biểu dương 7 mô hình tiêu biểu trong các lĩnh vực "
                "kinh tế, văn hóa - xã hội và bảo đảm an ninh trật tự."
            ),
        ),
        Stub(
            key="phu-my-reception-aug",
            ward="Phú Mỹ",
            title="Thông báo lịch tiếp công dân định kỳ tháng 8 năm 2022 của UBND phường Phú Mỹ",
            summary=(
                "UBND phường Phú Mỹ thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND phường "
                "trong tháng 8 năm 2022 để nhân dân biết, liên hệ."
            ),
        ),
        Stub(
            key="food-safety-kitchens",
            title="Công khai kết quả kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
            summary=(
                "Đoàn kiểm tra liên ngành về an toàn thực phẩm quận Sông Lam công bố kết quả kiểm "
                "tra tại 42 bếp ăn tập thể của trường học, doanh nghiệp trên địa bàn trong quý II "
                "năm 2022."
            ),
        ),
    )
}

# People named in bylines and in the editors' CMS accounts of the generated portal.
BYLINES = (
    "Thu Hằng",
    "Minh Đức",
    "Quốc Bảo",
    "Khánh Linh",
    "Ngọc Lan",
    "Thanh Mai",
    "Quang Huy",
    "Trung Kiên",
    "Hải Yến",
    "Văn Tùng",
    "NGỌC LAN",
    "MINH CHÂU",
    "Hải Yến - Quốc Bảo",
)
EDITORS = (
    "Nguyễn Thị Thu Hà",
    "Trần Quốc Việt",
    "Bien tap vien 02",
    "Ban bien tap 01",
    "Lê Hoàng Nam",
)

# --- Vocabulary for the generated portal -------------------------------------------------------
# Sentences are built as: [opener] subject verb object [adjunct]. Each slot is a phrase, so a
# paragraph costs a few dozen random draws rather than hundreds, which keeps page generation
# well under a millisecond.

_OPENERS = (
    "Theo báo cáo,",
    "Trong thời gian qua,",
    "Tại hội nghị,",
    "Bên cạnh đó,",
    "Đến nay,",
    "Thực hiện kế hoạch của UBND quận,",
    "Để nâng cao hiệu quả công tác,",
    "Qua kiểm tra,",
    "Cùng với đó,",
    "Theo đánh giá chung,",
    "Từ đầu năm đến nay,",
    "Trong những ngày tới,",
    "Phát biểu tại buổi làm việc,",
    "Nhằm tạo sự đồng thuận trong nhân dân,",
)
_SUBJECTS = (
    "UBND phường {ward}",
    "Đảng ủy phường {ward}",
    "Ủy ban MTTQ phường {ward}",
    "Hội Liên hiệp Phụ nữ phường {ward}",
    "Đoàn Thanh niên phường {ward}",
    "Trạm Y tế phường {ward}",
    "Công an phường {ward}",
    "các tổ dân phố",
    "lực lượng cảnh sát khu vực",
    "các đại biểu HĐND quận",
    "cán bộ, công chức Bộ phận một cửa",
    "nhiều hộ gia đình",
    "Ban công tác Mặt trận khu dân cư",
    "các chi hội người cao tuổi",
    "Phòng Quản lý đô thị quận",
    "Ban Chỉ huy Quân sự quận",
    "các trường học trên địa bàn",
)
_VERBS = (
    "đã phối hợp triển khai",
    "tiếp tục đẩy mạnh",
    "chủ động rà soát",
    "tổ chức tuyên truyền về",
    "đã hoàn thành",
    "thường xuyên kiểm tra",
    "tích cực vận động nhân dân thực hiện",
    "đề nghị tăng cường",
    "tập trung chỉ đạo",
    "kịp thời nắm bắt",
    "đã trao đổi, thảo luận về",
    "cam kết thực hiện nghiêm",
    "báo cáo kết quả thực hiện",
    "xây dựng kế hoạch cụ thể cho",
)
_OBJECTS = (
    "công tác {field}",
    "kế hoạch {field} năm {year}",
    "việc giữ gìn vệ sinh môi trường khu dân cư",
    "các kiến nghị chính đáng của cử tri",
    "quy định về trật tự xây dựng và văn minh đô thị",
    "phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "việc thanh toán không dùng tiền mặt tại các chợ",
    "hệ thống thoát nước tại các điểm trũng",
    "dịch vụ công trực tuyến toàn trình",
    "cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
    "các chính sách hỗ trợ người có công và hộ nghèo",
    "phương án phòng, chống thiên tai theo phương châm “bốn tại chỗ”",
    "việc lập danh sách cử tri tại các khu vực bỏ phiếu",
    "công tác phòng cháy, chữa cháy tại các nhà cho thuê trọ",
    "tiến độ các công trình sửa chữa, cải tạo hạ tầng",
    "việc phân loại rác thải sinh hoạt tại nguồn",
)
_ADJUNCTS = (
    "trên địa bàn",
    "theo đúng kế hoạch đề ra",
    "nhằm nâng cao ý thức của người dân",
    "với sự tham gia của đông đảo nhân dân",
    "bảo đảm dân chủ, công khai, minh bạch",
    "góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội",
    "đến từng hộ gia đình",
    "trong những tháng cuối năm",
    "qua hệ thống loa truyền thanh cơ sở",
    "không để xảy ra tình trạng chậm trễ, hình thức",
    "để nhân dân cùng tham gia giám sát",
)
_FIELDS = (
    "cải cách hành chính",
    "phòng, chống thiên tai",
    "quốc phòng địa phương",
    "bảo đảm an toàn thực phẩm",
    "dân số và phát triển",
    "xây dựng đô thị văn minh",
    "chuyển đổi số",
    "phòng cháy, chữa cháy",
    "bảo hiểm xã hội, bảo hiểm y tế",
    "dân vận chính quyền",
    "phổ biến, giáo dục pháp luật",
    "giảm nghèo bền vững",
)
# Stand-alone sentences that break the rhythm of the generated ones (numbers, a quote).
_STATS = (
    "Kết quả, đã có {n} hộ gia đình tham gia, đạt {p}% kế hoạch.",
    "Toàn phường hiện có {n} hộ với hơn {m} nhân khẩu, chia thành {k} tổ dân phố.",
    "Tổng kinh phí thực hiện khoảng {n} triệu đồng, chủ yếu từ nguồn xã hội hóa.",
    "Qua đợt ra quân, các lực lượng đã thu gom được khoảng {k} tấn phế thải các loại.",
    "Tỷ lệ hồ sơ được giải quyết đúng hạn đạt {p}%, tăng so với cùng kỳ năm trước.",
    (
        "Người dân tổ dân phố số {k} cho biết: “Chúng tôi rất đồng tình vì việc làm này mang lại lợi "
        "ích thiết thực cho cả khu dân cư”."
    ),
)

_TITLE_PATTERNS = (
    "Phường {ward} tổ chức hội nghị sơ kết công tác {field} {period}",
    "Phường {ward} triển khai nhiệm vụ {field} {period}",
    "Hội nghị tiếp xúc cử tri phường {ward} {period}",
    "Quận Sông Lam kiểm tra công tác {field} tại phường {ward}",
    "Phường {ward} ra quân {campaign}",
    "Tổ dân phố số {k} phường {ward} {achievement}",
    "HĐND phường {ward} tổ chức kỳ họp chuyên đề {period}",
    "Phường {ward} tập huấn nghiệp vụ {field} cho cán bộ cơ sở",
    "Đối thoại giữa Chủ tịch UBND phường {ward} với nhân dân về {issue}",
    "Phường {ward} đẩy mạnh {campaign} {period}",
)
_CAMPAIGNS = (
    "tổng vệ sinh môi trường",
    "lập lại trật tự vỉa hè",
    "diệt bọ gậy phòng chống sốt xuất huyết",
    "thanh toán không dùng tiền mặt",
    "tuyên truyền phòng, chống lừa đảo qua mạng",
    "trồng cây xanh tại khu dân cư",
)
_ACHIEVEMENTS = (
    "lắp đặt hệ thống camera an ninh",
    "ra mắt mô hình “Ngõ phố sạch, đẹp”",
    "hoàn thành bầu Tổ trưởng tổ dân phố",
    "cải tạo nhà văn hóa bằng nguồn xã hội hóa",
    "xây dựng mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy”",
)
_ISSUES = (
    "công tác giải phóng mặt bằng",
    "trật tự xây dựng",
    "quản lý chợ dân sinh",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "xử lý ngập úng cục bộ",
)
_CAPTIONS = (
    "Quang cảnh hội nghị",
    "Các đại biểu dự hội nghị",
    "Lãnh đạo phường phát biểu chỉ đạo",
    "Cử tri phát biểu ý kiến",
    "Lực lượng xung kích ra quân",
    "Người dân tham gia hưởng ứng",
    "Đoàn kiểm tra làm việc tại cơ sở",
)


MAX_SENTENCE_WORDS = 24
_YEAR = "@YEAR@"  # filled in per paragraph: one str.replace instead of a format per phrase

Counted = tuple[tuple[str, int], ...]


def _counted(phrases: tuple[str, ...] | list[str]) -> Counted:
    """Phrases with their word counts, counted once here instead of on every sentence."""
    return tuple((phrase, len(phrase.split())) for phrase in phrases)


_OBJECTS_X = _counted(
    [o.format(field=f, year=_YEAR) for o in _OBJECTS if "{field}" in o for f in _FIELDS]
    + [o.format(year=_YEAR) for o in _OBJECTS if "{field}" not in o]
)
_VERBS_X = _counted(_VERBS)
_ADJUNCTS_X = _counted(_ADJUNCTS)
_OPENERS_X = _counted(_OPENERS)
_SUBJECTS_BY_WARD = {w: _counted([s.format(ward=w) for s in _SUBJECTS]) for w in WARDS}


def _pick(rng: random.Random, items: Counted) -> tuple[str, int]:
    return items[int(rng.random() * len(items))]


def _sentence(rng: random.Random, subjects: Counted) -> tuple[str, int]:
    """A sentence (year still as a placeholder) and its word count."""
    if rng.random() < 0.12:
        text = _STATS[int(rng.random() * len(_STATS))].format(
            n=rng.randint(12, 950),
            m=rng.randint(2000, 19000),
            p=rng.randint(72, 99),
            k=rng.randint(2, 18),
        )
        return text, len(text.split())
    subject, ws = _pick(rng, subjects)
    verb, wv = _pick(rng, _VERBS_X)
    obj, wo = _pick(rng, _OBJECTS_X)
    text, words = f"{subject} {verb} {obj}", ws + wv + wo
    # Optional adjunct and opener, each kept only if the sentence stays short enough.
    if rng.random() < 0.6:
        adjunct, wa = _pick(rng, _ADJUNCTS_X)
        if words + wa <= MAX_SENTENCE_WORDS:
            text, words = f"{text} {adjunct}", words + wa
    if rng.random() < 0.5:
        opener, wo = _pick(rng, _OPENERS_X)
        if words + wo <= MAX_SENTENCE_WORDS:
            return f"{opener} {text}.", words + wo
    return f"{text[0].upper()}{text[1:]}.", words


def _subjects(ward: str) -> Counted:
    found = _SUBJECTS_BY_WARD.get(ward)
    return found if found is not None else _counted([s.format(ward=ward) for s in _SUBJECTS])


def compose_sentence(rng: random.Random, ward: str, year: int) -> str:
    """One plausible sentence of ward news."""
    return _sentence(rng, _subjects(ward))[0].replace(_YEAR, str(year))


def compose_lead(rng: random.Random, ward: str, day: int, month: int, year: int) -> str:
    """A dated opening sentence, as leads of ward news start ("Sáng 24/8, UBND phường …")."""
    when = rng.choice(("Ngày", "Sáng", "Chiều", "Tối"))
    obj = _pick(rng, _OBJECTS_X)[0].replace(_YEAR, str(year))
    subject = _pick(rng, _subjects(ward))[0]
    tail = f" {_pick(rng, _ADJUNCTS_X)[0]}" if rng.random() < 0.7 else ""
    return f"{when} {day}/{month}, {subject} {_pick(rng, _VERBS_X)[0]} {obj}{tail}."


# Generated articles draw whole sentences from a per-ward pool built once: one random draw per
# sentence keeps an article under ~100 µs to write. 400 sentences per ward give enough variety
# for thousands of articles (real portals repeat their formulas too).
POOL_SIZE = 400


@lru_cache(maxsize=64)
def sentence_pool(ward: str) -> Counted:
    rng = random.Random(f"pool/{ward}")
    subjects = _subjects(ward)
    return tuple(_sentence(rng, subjects) for _ in range(POOL_SIZE))


def compose_paragraph_counted(
    rng: random.Random, ward: str, year: int, words: int
) -> tuple[str, int]:
    """Sentences until the paragraph has at least `words` words; returns (text, word count).

    The overshoot is less than one sentence (at most 30 words).
    """
    pool = sentence_pool(ward)
    size = len(pool)
    draw = rng.random
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence, n = pool[int(draw() * size)]
        sentences.append(sentence)
        count += n
    return " ".join(sentences).replace(_YEAR, str(year)), count


def compose_paragraph(rng: random.Random, ward: str, year: int, words: int) -> str:
    return compose_paragraph_counted(rng, ward, year, words)[0]


def compose_title(rng: random.Random, ward: str, year: int, quarter: int) -> str:
    period = rng.choice(
        (f"năm {year}", f"quý {['I', 'II', 'III', 'IV'][quarter - 1]} năm {year}", f"đợt {quarter}")
    )
    return rng.choice(_TITLE_PATTERNS).format(
        ward=ward,
        field=rng.choice(_FIELDS),
        period=period,
        campaign=rng.choice(_CAMPAIGNS),
        achievement=rng.choice(_ACHIEVEMENTS),
        issue=rng.choice(_ISSUES),
        k=rng.randint(1, 18),
    )


def compose_caption(rng: random.Random, ward: str, photographer: str) -> str:
    return f"{rng.choice(_CAPTIONS)} tại phường {ward}. Ảnh: {photographer}"
