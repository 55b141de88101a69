"""The generic extractor's listings on long-tail CMSs: article addresses that are not slugs
(query ids, Mongo ObjectIds, GUIDs), and the section's own list against boxes beside it."""

from __future__ import annotations

import pytest

from scraper.extraction import parse_listing
from scraper.extraction.platforms.generic_listing import is_article_url

TITLES = [
    "Hội nghị sơ kết công tác cải cách hành chính quý I",
    "Tuyên truyền phòng chống đuối nước cho học sinh dịp hè",
    "Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
    "Tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc",
]


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://x.gov.vn/tin-tuc/hoi-nghi-so-ket-cong-tac-12345.html", True),
        ("https://x.gov.vn/page/Article/News/detail/67d1484a7cc888ace90df82f", True),
        ("https://x.gov.vn/tin/3f2504e0-4f89-11d3-9a0c-0305e82c3301.html", True),
        ("https://x.gov.vn/tin-tuc/chi-tiet.aspx?id=12", True),
        ("https://x.gov.vn/index.php?com=tin_ct&id_tin=46", True),
        ("https://x.gov.vn/Portal/Detail.aspx?ContentID=48211", True),
        ("https://x.gov.vn/news.php?newsid=7&lang=vi", True),
        # The id in the path, after the word that names it (DotNetNuke, MVC routes).
        ("https://x.gov.vn/tin-tuc/tabid/57/ArticleID/2291/Default.aspx", True),
        ("https://x.gov.vn/tin-tuc/Detail/2291/hoi-nghi", True),
        ("https://x.gov.vn/index.php?option=com_content&view=article&id=12:hoi-nghi", True),
        # Slugs in Vietnamese letters (as written or %-encoded), with underscores, CamelCase.
        ("https://x.gov.vn/tin-tuc/Hội-nghị-tiếp-xúc-cử-tri", True),
        (
            "https://x.gov.vn/tin-tuc/H%E1%BB%99i-ngh%E1%BB%8B-ti%E1%BA%BFp-x%C3%BAc-c%E1%BB%AD-tri",
            True,
        ),
        ("https://x.gov.vn/tin_tuc/hoi_nghi_tiep_xuc_cu_tri.php", True),
        ("https://x.gov.vn/TinTuc/HoiNghiTiepXucCuTri.aspx", True),
        ("https://x.gov.vn/TinTuc/ThongBao.aspx", False),
        ("https://x.gov.vn/tin-tuc/thong-bao", False),
        # Categories, pages, menus and languages name no article.
        ("https://x.gov.vn/index.php?com=danhmuc_tin&id_category=10", False),
        ("https://x.gov.vn/Portal/Category.aspx?CatID=12", False),
        ("https://x.gov.vn/tin-tuc.aspx?page_id=3", False),
        ("https://x.gov.vn/default.aspx?mid=4", False),
        ("https://x.gov.vn/tin-tuc?page=2", False),
        ("https://x.gov.vn/tin-tuc/tabid/57/Default.aspx", False),
        ("https://x.gov.vn/tin-tuc/tabid/57/CategoryID/4/Default.aspx", False),
        ("https://x.gov.vn/tin-tuc/tabid/57/Page/2/Default.aspx", False),
        ("https://x.gov.vn/tin-tuc", False),
        # A section named by four words or more is still a section: its words are all words
        # sections are named with, where a story's slug says what happened.
        ("https://x.gov.vn/tin-tuc-su-kien", False),
        ("https://x.gov.vn/danh-muc/tin-tuc-su-kien", False),
        ("https://x.gov.vn/tin-tuc/itemlist/category/2-tin-tuc-su-kien.html", False),
        ("https://x.gov.vn/thong-tin-bao-cao-thong-ke.html", False),
        ("https://x.gov.vn/TinTuc/TinTucSuKien.aspx", False),
        ("https://x.gov.vn/chuyen-muc/Hoạt-động-của-UBND-phường", False),
        ("https://x.gov.vn/tin-tuc/hoi-nghi-tiep-xuc-cu-tri-phuong", True),
        ("https://x.gov.vn/tin-tuc/tin-tuc-su-kien-2025", True),
        # Section words and the category's id: Hải Phòng's 2025 portals' section addresses.
        ("https://x.gov.vn/tin-tuc-su-kien-66860", False),
        ("https://x.gov.vn/tin-tuc-su-kien-66860/ra-quan-ve-sinh-moi-truong-777469", True),
        ("https://x.gov.vn/tin-tuc-1234.html", True),
        # No name says which parameter is the item: only a listing's context can.
        ("https://x.gov.vn/?cn=323&gd=7&tc=840", False),
    ],
)
def test_article_url_shapes(url, article):
    assert is_article_url(url) is article


def _listing(items: list[str], side: str = "", pager: str = "") -> bytes:
    rows = "".join(
        f'<div class="item"><a href="{href}"><img src="/anh/{i}.jpg"></a>'
        f'<h3><a href="{href}">{TITLES[i]}</a></h3><span>12/03/2025</span></div>'
        for i, href in enumerate(items)
    )
    return (
        "<html><head><meta charset='utf-8'><title>Tin hoạt động</title></head><body>"
        "<div id='menu'><a href='/'>Trang chủ</a>"
        "<a href='/?mod=tin&amp;cid=3'>Văn bản chỉ đạo điều hành của Ủy ban nhân dân</a></div>"
        f"<div class='cot-trai'><h2>Tin hoạt động</h2><div class='ds'>{rows}</div>{pager}</div>"
        f"{side}<div id='footer'>Ủy ban nhân dân phường</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("listing_url", "hrefs"),
    [
        (
            "https://xa.quangngai.gov.vn/page/Article/News/list",
            [f"/page/Article/News/detail/67d1484a7cc888ace90df8{i}f" for i in range(4)],
        ),
        ("https://x.gov.vn/index.php?com=danhmuc_tin&id_category=10",
         [f"index.php?com=tin_ct&amp;id_tin={46 + i}" for i in range(4)]),
        ("https://x.gov.vn/tin-tuc.aspx", [f"/tin-tuc/chi-tiet.aspx?id={9 + i}" for i in range(4)]),
        ("https://x.gov.vn/tin-tuc/tabid/57/Default.aspx",
         [f"/tin-tuc/tabid/57/ArticleID/{2291 + i}/Default.aspx" for i in range(4)]),
        # The item's parameter has no telling name: its place in the list decides.
        ("https://x.gov.vn/?cn=41&gd=2", [f"/?cn=41&amp;gd=2&amp;tc={840 + i}" for i in range(4)]),
        # A detail page's number, whatever its parameter's name ("pid" is a page's elsewhere).
        ("https://x.gov.vn/tin-tuc?cid=3",
         [f"/tin-tuc/chi-tiet?pid={200 + i}&amp;muc=3" for i in range(4)]),
    ],
)  # fmt: skip
def test_listing_finds_items_addressed_by_ids(listing_url, hrefs):
    listing = parse_listing(_listing(hrefs), listing_url)
    assert listing.platform == "generic"
    assert len(listing.article_urls) == 4
    assert all("cid=3" not in url for url in listing.article_urls)


_SIDE_BOX = (
    "<div class='{cls}'><h3>Thông báo</h3><ul>"
    "<li><a href='/?cn=44&amp;gd=2&amp;tc=700'>Thông báo lịch tiếp công dân của Chủ tịch UBND</a></li>"
    "<li><a href='/?cn=44&amp;gd=2&amp;tc=701'>Thông báo tuyển dụng viên chức sự nghiệp năm 2025</a></li>"
    "</ul></div>"
)


@pytest.mark.parametrize("cls", ["cot-phai", "khung"])
def test_a_last_page_keeps_its_one_item_against_a_longer_box_beside_it(cls):
    page = _listing(["/?cn=41&amp;gd=2&amp;tc=512"], side=_SIDE_BOX.format(cls=cls))
    listing = parse_listing(page, "https://x.gov.vn/?cn=41&gd=2&p=9")
    assert listing.article_urls == ["https://x.gov.vn/?cn=41&gd=2&tc=512"]


def test_next_page_of_a_query_listing():
    pager = "<div class='phan-trang'><b>1</b> <a href='/?cn=41&amp;gd=2&amp;p=2'>2</a></div>"
    page = _listing([f"/?cn=41&amp;gd=2&amp;tc={840 + i}" for i in range(4)], pager=pager)
    listing = parse_listing(page, "https://x.gov.vn/?cn=41&gd=2")
    assert listing.next_url == "https://x.gov.vn/?cn=41&gd=2&p=2"


_CALENDAR = (
    "<div class='sidebar'><table class='lich'><tr>"
    + "".join(f"<td><a href='/lich?ngay={d}'>{d}</a></td>" for d in range(1, 8))
    + "</tr></table></div>"
)


@pytest.mark.parametrize(
    ("listing_url", "pager", "next_url"),
    [
        ("https://x.gov.vn/tin-tuc", "<span>1</span><a href='/tin-tuc/page-2'>2</a>",
         "https://x.gov.vn/tin-tuc/page-2"),
        ("https://x.gov.vn/tin-tuc", "<b>1</b><a href='/tin-tuc/trang/2'>2</a>",
         "https://x.gov.vn/tin-tuc/trang/2"),
        ("https://x.gov.vn/tin-tuc", "<b>1</b><a href='/tin-tuc?start=10'>2</a>",
         "https://x.gov.vn/tin-tuc?start=10"),
        ("https://x.gov.vn/tin-tuc.aspx", "<b>1</b><a href='?PageNumber=2'>2</a>",
         "https://x.gov.vn/tin-tuc.aspx?PageNumber=2"),
        # Page 2 of a pager whose page numbers are not in the URL: the plain number is current.
        ("https://x.gov.vn/tin-tuc/2", "<a href='/tin-tuc'>1</a><span>2</span><a href='/tin-tuc/3'>3</a>",
         "https://x.gov.vn/tin-tuc/3"),
        # The current page as a link marked "active" (Bootstrap), the next one as an icon.
        ("https://x.gov.vn/tin-tuc", ("<ul><li class='active'><a href='/tin-tuc'>1</a></li>"
         "<li><a href='/tin-tuc/2'>2</a></li></ul>"), "https://x.gov.vn/tin-tuc/2"),
        ("https://x.gov.vn/tin-tuc", ("<a href='/tin-tuc?start=20' title='Trang sau'>"
         "<i class='fa fa-angle-right'></i></a>"), "https://x.gov.vn/tin-tuc?start=20"),
        # The last page: nothing after it.
        ("https://x.gov.vn/tin-tuc?page=3", "<a href='/tin-tuc?page=2'>2</a><b>3</b>", None),
        # The last number shown is the current page: the gap after it leads to the next block.
        ("https://x.gov.vn/tin-tuc?offset=90", ("<a href='?offset=0'>1</a> <a href='?offset=70'>…</a>"
         "<a href='?offset=80'>9</a><span class='cur'>10</span><a href='?offset=100'>...</a>"),
         "https://x.gov.vn/tin-tuc?offset=100"),
        ("https://x.gov.vn/tin-tuc?offset=90", ("<a href='?offset=0'>1</a> <a href='?offset=70'>…</a>"
         "<a href='?offset=80'>9</a><span class='cur'>10</span>"), None),
        # Marks that say nothing alone: the link's title says it is the next page.
        ("https://x.gov.vn/tin-tuc", "<span>1 / 5</span> <a href='?page=1' title='Đến trang sau'>→|</a>",
         "https://x.gov.vn/tin-tuc?page=1"),
    ],
)  # fmt: skip
def test_next_page_of_pagers_in_any_form(listing_url, pager, next_url):
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    page = _listing(hrefs, pager=f"<div class='pagination'>{pager}</div>", side=_CALENDAR)
    assert parse_listing(page, listing_url).next_url == next_url


def test_a_calendar_beside_the_list_is_no_pager():
    """Numbered day links in a sidebar say nothing of the list's pages."""
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    page = _listing(
        hrefs, side=_CALENDAR.replace("<td><a href='/lich?ngay=1'>1</a></td>", "<td>1</td>")
    )
    assert parse_listing(page, "https://x.gov.vn/tin-tuc").next_url is None


def test_a_choice_of_page_sizes_beside_the_pager_is_not_a_page():
    """Liferay 7's pagination bar lists page sizes ("3 5 10 20") as numbered links too: on
    the last page nothing comes next, whatever size links follow the current number."""
    sizes = "".join(
        f"<li><a class='dropdown-item' href='/tin-tuc?delta={n}&amp;cur=1'>{n}</a></li>"
        for n in (3, 5, 10, 20)
    )
    pager = (
        f"<div class='pagination-bar'><ul class='dropdown-menu'>{sizes}</ul>"
        "<ul class='pagination'><li class='page-item'><a href='/tin-tuc?cur=1'>1</a></li>"
        "<li class='active page-item'><a href='javascript:;'>2</a></li></ul></div>"
    )
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    assert (
        parse_listing(_listing(hrefs, pager=pager), "https://x.gov.vn/tin-tuc?cur=2").next_url
        is None
    )
    first = pager.replace("<li class='page-item'><a href='/tin-tuc?cur=1'>1</a></li>", "")
    first = first.replace("<li class='active page-item'><a href='javascript:;'>2</a></li>",
                          "<li class='active'><a href='javascript:;'>1</a></li>"
                          "<li><a href='/tin-tuc?cur=2'>2</a></li>")  # fmt: skip
    listing = parse_listing(_listing(hrefs, pager=first), "https://x.gov.vn/tin-tuc")
    assert listing.next_url == "https://x.gov.vn/tin-tuc?cur=2"


def test_a_platform_adapter_falls_back_on_the_pagers_look():
    """A Liferay 6 theme whose pager the adapter's own rules miss (no "_cur", no label)."""
    items = "".join(
        f"<div class='asset-abstract'><h3 class='asset-title'><a href='/tin-tuc/-/view_content/"
        f"{500 + i}-bai-viet-so-{i}.html'>{title}</a></h3></div>"
        for i, title in enumerate(TITLES)
    )
    pager = (
        "<ul class='pagination'><li class='active'><a href='#'>1</a></li>"
        "<li><a href='/tin-tuc?trang=2'>2</a></li></ul>"
    )
    page = f"<html><body><div class='portlet-asset-publisher'>{items}{pager}</div></body></html>"
    listing = parse_listing(page, "https://x.gov.vn/tin-tuc", platform="liferay6")
    assert (listing.platform, len(listing.article_urls)) == ("liferay6", 4)
    assert listing.next_url == "https://x.gov.vn/tin-tuc?trang=2"


def test_links_to_the_site_with_or_without_www_are_its_own():
    hrefs = [
        "http://www.x.gov.vn/tin-tuc/bai-viet-so-0-100.html",
        "https://x.gov.vn/tin-tuc/bai-viet-so-1-101.html",
        "https://hanoi.gov.vn/tin-tuc/bai-viet-so-2-102.html",  # the city portal next door
        "https://phuong.x.gov.vn/tin-tuc/bai-viet-so-3-103.html",  # a ward's own site
    ]
    listing = parse_listing(_listing(hrefs), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == hrefs[:2]


def test_the_spider_holds_a_section_to_its_site_with_or_without_www():
    from scraper.spiders.portal import PortalSpider

    spider = PortalSpider(start_urls="https://www.x.gov.vn/tin-tuc")
    assert spider.allowed_domains == ["x.gov.vn"]
    assert spider._site("http://x.gov.vn/a.html") == spider._site("https://www.x.gov.vn/b.html")
    assert spider._site("https://phuong.x.gov.vn/a.html") != spider._site("https://x.gov.vn/")
    assert spider.portal_id("https://www.x.gov.vn/tin-tuc") == "www.x.gov.vn"  # ids unchanged


@pytest.mark.parametrize(
    ("label", "is_next"),
    [("Trang sau »", True), ("Tiếp ›", True), ("Next »", True), ("»", True),
     ("Kế tiếp", True), ("Trang kế tiếp", True), ("Tiếp theo >>", True), ("[Tiếp]", True),
     ("Trang tiếp theo", True), ("Bài đăng cũ hơn", True), ("← Bài cũ hơn", True),
     ("Older Posts", True), ("Cuối »", False), ("»»", False), ("Xem tiếp", False),
     ("››", True)],
)  # fmt: skip
def test_next_page_labels(label, is_next):
    """The next page's link by its label; not the last page's, nor an item's "read more"."""
    pager = f"<div class='pagination'><a href='/tin-tuc?start=10'>{label}</a></div>"
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(_listing(hrefs, pager=pager), "https://x.gov.vn/tin-tuc")
    assert listing.next_url == ("https://x.gov.vn/tin-tuc?start=10" if is_next else None)


@pytest.mark.parametrize(
    "label",
    ["Tin cũ hơn »", "Các tin cũ hơn", "Cũ hơn", "Xem tin cũ hơn", "Tin tiếp »", "Tin tiếp theo"],
)
def test_older_and_next_news_labels_lead_to_a_page_with_no_number_in_its_address(label):
    """Blog-like themes' older/next links, to an address that gives no page number away."""
    pager = f"<div class='nav-links'><a href='/tin-tuc/p2/'>{label}</a></div>"
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(_listing(hrefs, pager=pager), "https://x.gov.vn/tin-tuc/")
    assert listing.next_url == "https://x.gov.vn/tin-tuc/p2/"


@pytest.mark.parametrize("label", ["2", "Trang sau"])
def test_a_pager_of_links_without_address_is_followed_as_the_page_s_script_goes(label):
    """`<a href="javascript:;" data-page="2">`, and a script that sets the address to
    "/tin-tuc?trang=" plus the page: the address the script would go to."""
    pager = (
        "<div class='pagination'><span class='active'>1</span>"
        f"<a href='javascript:;' class='page-link' data-page='2'>{label}</a></div><script>"
        "$(document).on('click', '.page-link', function () {"
        " location.href = '/tin-tuc?trang=' + $(this).data('page'); });</script>"
    )
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(_listing(hrefs, pager=pager), "https://x.gov.vn/tin-tuc")
    assert listing.next_url == "https://x.gov.vn/tin-tuc?trang=2"


@pytest.mark.parametrize(
    ("more", "next_url"),
    [
        ("<button class='load-more' data-next='/tin-tuc?page=2'>Xem thêm</button>",
         "https://x.gov.vn/tin-tuc?page=2"),
        ("<a href='javascript:void(0)' data-url='/tin-tuc?page=2'>Xem thêm</a>",
         "https://x.gov.vn/tin-tuc?page=2"),
        # A data service's address answers JSON, which no reader reads.
        ("<button data-url='/api/news/list?categoryId=12&pageIndex=2'>Xem thêm</button>", None),
    ],
)  # fmt: skip
def test_a_load_more_button_leads_to_the_page_its_script_loads(more, next_url):
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(_listing(hrefs, pager=more), "https://x.gov.vn/tin-tuc")
    assert listing.next_url == next_url


def test_a_new_portal_s_items_numbered_under_their_section_are_listed():
    """ "/tin-tuc/12": a portal opened after the 2025 merger has few articles, and short ids;
    their links' headline titles tell them from a pager's "/tin-tuc/2"."""
    hrefs = [f"/tin-tuc/{n}" for n in (15, 14, 13, 12)]
    pager = "<div class='pagination'><a href='/tin-tuc/2'>2</a></div>"
    listing = parse_listing(_listing(hrefs, pager=pager), "https://xa.gov.vn/tin-tuc")
    assert listing.article_urls == [f"https://xa.gov.vn{href}" for href in hrefs]


@pytest.mark.parametrize("beside_count", [1, 5])
def test_a_featured_story_above_the_list_is_the_sections_newest(beside_count):
    """The newest story set apart above the list, in the same column, belongs to the section;
    a second list beside it (more than a few links) is another block, left out."""
    featured = "".join(
        f"<div class='noi-bat-{i}'><h2><a href='/tin-tuc/bai-viet-noi-bat-{i}-{300 + i}.html'>"
        f"Bài viết nổi bật số {i} của chuyên mục tin tức phường</a></h2></div>"
        for i in range(beside_count)
    )
    items = "".join(
        f"<li class='item'><a href='/tin-tuc/bai-viet-so-{i}-{100 + i}.html'>{title}</a></li>"
        for i, title in enumerate(TITLES)
    ) + "".join(
        f"<li class='item'><a href='/tin-tuc/bai-viet-them-{i}-{200 + i}.html'>{title} (tiếp)</a></li>"
        for i, title in enumerate(TITLES)
    )
    page = (
        f"<html><body><div class='cot-giua'><h1>Tin tức</h1>{featured}<ul class='ds'>{items}</ul>"
        "</div></body></html>"
    )
    urls = parse_listing(page, "https://x.gov.vn/tin-tuc").article_urls
    assert len(urls) == 2 * len(TITLES) + (1 if beside_count == 1 else 0)
    assert (urls[0] == "https://x.gov.vn/tin-tuc/bai-viet-noi-bat-0-300.html") is (
        beside_count == 1
    )


def test_relative_links_resolve_against_the_pages_base_href():
    """Old Joomla templates set <base href> to the site's root while their addresses carry
    a path ("/index.php/tin-tuc"): links resolve as a browser resolves them."""
    hrefs = [
        f"index.php?option=com_content&amp;view=article&amp;id={12 + i}:bai-{i}" for i in range(4)
    ]
    page = _listing(hrefs).replace(b"<head>", b"<head><base href='https://x.gov.vn/portal/'>")
    listing = parse_listing(page, "https://x.gov.vn/portal/index.php/tin-tuc")
    assert listing.article_urls == [
        f"https://x.gov.vn/portal/index.php?option=com_content&view=article&id={12 + i}:bai-{i}"
        for i in range(4)
    ]


_SHORT_TITLES = ["Kế hoạch số 15", "Thông báo số 12/TB", "Lịch tiếp dân quý I", "Quyết định số 7"]


def _notices(titles: list[str], extra: str = "") -> bytes:
    items = "".join(
        f"<li><a href='/thong-bao/van-ban-{i}-{500 + i}.html'>{t}</a>{extra.format(i=i)}</li>"
        for i, t in enumerate(titles)
    )
    return (
        "<html><head><meta charset='utf-8'><title>Thông báo</title></head><body>"
        "<div id='menu'><a href='/'>Trang chủ</a> <a href='/gioi-thieu/lich-su-1.html'>Lịch sử"
        f"</a></div><div class='cot-trai'><h2>Thông báo</h2><ul class='ds'>{items}</ul></div>"
        "<div id='footer'>Ủy ban nhân dân xã</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "titles",
    [
        _SHORT_TITLES,  # a notices' section: every title short
        ["Lịch công tác tuần từ 10/3 đến 14/3", *_SHORT_TITLES],  # some short among titled
    ],
)
def test_items_with_short_titles_are_the_sections_too(titles):
    listing = parse_listing(_notices(titles), "https://xa.example.gov.vn/thong-bao")
    assert listing.article_urls == [
        f"https://xa.example.gov.vn/thong-bao/van-ban-{i}-{500 + i}.html"
        for i in range(len(titles))
    ]


def test_short_links_beside_the_items_or_alone_make_no_list():
    """Each item's link to its kind of document is not an item; two short links are a menu."""
    extra = " <span class='loai'><a href='/loai-van-ban/ke-hoach-cap-xa-{i}.html'>Kế hoạch xã</a></span>"
    titled = ["Lịch công tác tuần từ 10/3 đến 14/3", "Lịch công tác tuần từ 17/3 đến 21/3"]
    listing = parse_listing(_notices(titled, extra), "https://xa.example.gov.vn/thong-bao")
    assert all("/thong-bao/" in url for url in listing.article_urls)
    assert len(listing.article_urls) == 2
    menu = parse_listing(_notices(_SHORT_TITLES[:2]), "https://xa.example.gov.vn/tin-tuc")
    assert menu.article_urls == []


_PAGES_CHOOSER = (
    "<select onchange='location=this.value'><option value='/tin?page=1'{first}>1</option>"
    "<option value='/tin?page=2'{second}>2</option>{third}</select>"
)
_YEARS_CHOOSER = (
    "<select name='nam'><option value='2024'>2024</option><option value='2025' selected>2025"
    "</option><option value='2026'>2026</option></select>"
)


@pytest.mark.parametrize(
    ("chooser", "next_url"),
    [
        (
            _PAGES_CHOOSER.format(
                first=" selected", second="", third="<option value='/tin?page=3'>3</option>"
            ),
            "https://x.gov.vn/tin?page=2",
        ),
        # On the last page there is no next choice; a year chooser is no pager.
        (_PAGES_CHOOSER.format(first="", second=" selected", third=""), None),
        (_YEARS_CHOOSER, None),
    ],
)
def test_a_drop_down_of_pages_gives_the_next_page(chooser, next_url):
    hrefs = [f"/tin/hoi-nghi-so-ket-{i}-{100 + i}.html" for i in range(3)]
    page = _listing(hrefs, pager=f"<div class='trang'>{chooser}</div>")
    assert parse_listing(page, "https://x.gov.vn/tin").next_url == next_url


@pytest.mark.parametrize(
    ("link", "is_next"),
    [("<a href='/tin-tuc?start=10' title='Đến trang tiếp theo'><b></b></a>", True),
     ("<a href='/tin-tuc?start=10'><img src='/anh/nut.gif' alt='Trang sau'></a>", True),
     ("<a href='/tin-tuc?start=10'><i class='fa fa-angle-right'></i></a>", True),
     ("<a href='/tin-tuc?start=10'><img src='/images/btn_next.png'></a>", True),
     ("<a href='/tin-tuc?start=10'><i class='fa fa-angle-double-right'></i></a>", False),
     ("<a href='/tin-tuc?start=10' title='Trang cuối'><img src='/anh/cuoi.gif'></a>", False)],
)  # fmt: skip
def test_a_next_page_shown_as_an_icon(link, is_next):
    """A pager's next link with no text is named by its title, its image or its icon."""
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(
        _listing(hrefs, pager=f"<div class='paging'>{link}</div>"), "https://x.gov.vn/tin-tuc"
    )
    assert listing.next_url == ("https://x.gov.vn/tin-tuc?start=10" if is_next else None)


def test_an_arrow_reading_more_beside_an_item_is_not_the_next_page():
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    more = "".join(f"<a href='{h}'><i class='fa fa-chevron-right'></i></a>" for h in hrefs)
    listing = parse_listing(_listing(hrefs, side=f"<div>{more}</div>"), "https://x.gov.vn/tin-tuc")
    assert listing.next_url is None


DRUPAL_PAGE_1 = (
    "<ul class='pager'><li class='pager-current first'>1</li>"
    "<li><a href='/tin-tuc?page=1'>2</a></li><li><a href='/tin-tuc?page=2'>3</a></li></ul>"
)
DRUPAL_PAGE_2 = (
    "<ul class='pager'><li><a href='/tin-tuc'>1</a></li><li class='pager-current'>2</li>"
    "<li><a href='/tin-tuc?page=2'>3</a></li><li><a href='/tin-tuc?page=3'>4</a></li></ul>"
)
FROM_ONE = "<div class='pager'><b>1</b> <a href='/tin-tuc?page=2'>2</a> <a href='/tin-tuc?page=3'>3</a></div>"


@pytest.mark.parametrize(
    ("url", "pager", "next_url"),
    [("https://x.gov.vn/tin-tuc", DRUPAL_PAGE_1, "https://x.gov.vn/tin-tuc?page=1"),
     ("https://x.gov.vn/tin-tuc?page=1", DRUPAL_PAGE_2, "https://x.gov.vn/tin-tuc?page=2"),
     ("https://x.gov.vn/tin-tuc", FROM_ONE, "https://x.gov.vn/tin-tuc?page=2")],
)  # fmt: skip
def test_pagers_that_count_pages_from_zero(url, pager, next_url):
    """Drupal's pager links its page "2" to "?page=1": "?page=2" would skip the section's
    second page. A pager counting from 1 is read as before."""
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    assert parse_listing(_listing(hrefs, pager=pager), url).next_url == next_url


# --- which list is the section's ---------------------------------------------------------

ITEMS = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(12)]


def _items(hrefs: list[str], wrap: str = "<li>{link}</li>") -> str:
    return "".join(
        wrap.format(link=f"<a href='{href}'>{TITLES[i % len(TITLES)]} ({i})</a>")
        for i, href in enumerate(hrefs)
    )


@pytest.mark.parametrize(
    "item",
    ["<article><header><h3>{link}</h3></header><p>Tóm tắt của bài.</p></article>",
     "<div class='item'><div class='page-header'><h2>{link}</h2></div></div>",
     "<div class='card'><div class='card-header'>{link}</div><div class='card-body'>…</div></div>"],
)  # fmt: skip
def test_an_items_own_header_is_not_the_pages_chrome(item):
    """Joomla's blog items ("page-header"), Bootstrap cards, HTML5 <article><header>."""
    html = (
        "<html><body><header class='site'><a href='/'>Trang chủ</a></header>"
        f"<div class='blog'>{_items(ITEMS[:4], item)}</div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:4]]


def test_a_side_column_with_more_links_is_not_the_section():
    """A short last page (3 items) beside a narrow column's box of 5 other links."""
    html = (
        "<html><body><div class='row'>"
        f"<div class='col-md-8'><ul class='list'>{_items(ITEMS[:3])}</ul></div>"
        f"<div class='col-md-4'><div class='box'><ul>{_items(ITEMS[6:11])}</ul></div></div>"
        "</div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/chuyen-muc/kinh-te")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:3]]


def test_the_list_that_goes_with_the_pager_is_the_sections():
    """Two boxes of five "tin mới" links with the same markup outnumber the eight cards of
    the section; the pager says which list is paged."""
    box = "<div class='box'><h3>Tin mới</h3><ul>{}</ul></div>"
    html = (
        "<html><body>"
        f"<div class='main'><div class='cards'>{_items(ITEMS[:8], '<div class=card>{link}</div>')}"
        "</div><div class='paging'><b>1</b> <a href='/chuyen-muc?trang=2'>2</a></div></div>"
        f"<div class='khoi'>{box.format(_items([f'/tin/moi-{i}-{300 + i}.html' for i in range(5)]))}"
        f"{box.format(_items([f'/tin/khac-{i}-{200 + i}.html' for i in range(5)]))}</div>"
        "</body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/chuyen-muc")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:8]]


# --- the pager's current page and its arrows -------------------------------------------------


@pytest.mark.parametrize(
    ("url", "pager", "next_url"),
    [("https://x.gov.vn/tin-tuc/p2",
      ("<div class='pages'><a href='/tin-tuc/p1'>1</a><a class='pageActive' href='/tin-tuc/p2'>2</a>"
      "<a href='/tin-tuc/p3'>3</a></div>"), "https://x.gov.vn/tin-tuc/p3"),
     ("https://x.gov.vn/tin-tuc/p2",
      ("<div class='pages'><a href='/tin-tuc/p1'>1</a><a disabled='disabled'>2</a>"
      "<a href='/tin-tuc/p3'>3</a></div>"), "https://x.gov.vn/tin-tuc/p3"),
     # An arrow of a box ("Thông báo »") is no pager's; on a last page nothing follows.
     ("https://x.gov.vn/tin-tuc?page=3",
      ("<div class='paging'><a href='/tin-tuc?page=2'>2</a> <span>3</span></div>"
      "<div class='box'><b>Thông báo</b> <a href='/thong-bao'>»</a></div>"), None),
     ("https://x.gov.vn/tin-tuc",
      ("<div class='box'><b>Video</b> <a href='/video'>›</a></div>"
      "<div class='paging'><span>1</span> <a href='/tin-tuc?start=6'>2</a> "
      "<a href='/tin-tuc?start=6'>»</a></div>"), "https://x.gov.vn/tin-tuc?start=6"),
     # A page-size chooser on a last page leads back to page 1: not a next page.
     ("https://x.gov.vn/tin-tuc?page=3",
      ("<div class='paging'><a href='/tin-tuc?page=2'>2</a> <span>3</span></div><select>"
      "<option value='/tin-tuc?page=1&amp;size=10' selected>10</option>"
      "<option value='/tin-tuc?page=1&amp;size=20'>20</option></select>"), None)],
)  # fmt: skip
def test_the_next_page_from_the_pagers_marks(url, pager, next_url):
    listing = parse_listing(_listing(ITEMS[:4], pager=pager), url)
    assert listing.next_url == next_url


def test_the_current_page_as_a_disabled_link_button():
    """ASP.NET renders the page shown as a disabled LinkButton: the next post is page 3's."""
    pager = (
        "<div class='pager'><a href=\"javascript:__doPostBack('rpt$ctl00$lnk','')\">1</a> "
        "<a class='aspNetDisabled'>2</a> "
        "<a href=\"javascript:__doPostBack('rpt$ctl02$lnk','')\">3</a></div>"
    )
    listing = parse_listing(_listing(ITEMS[:4], pager=pager), "https://x.gov.vn/TinTuc.aspx")
    assert listing.next_postback is not None
    assert listing.next_postback.target == "rpt$ctl02$lnk"


@pytest.mark.parametrize("count", [1, 3])
def test_a_short_last_page_against_side_boxes_built_with_the_lists_own_markup(count):
    """A theme's one "post" partial used for the section's items and for two boxes of six
    in the narrow column: the last page's one item goes with the pager, the boxes do not."""
    post = (
        "<div class='post'><a class='thumb' href='{href}'><img src='/a.jpg'></a>"
        "<h4><a href='{href}'>{title}</a></h4><span>10/03/2025</span></div>"
    )

    def posts(hrefs: list[str]) -> str:
        return "".join(
            post.format(href=h, title=f"{TITLES[i % 4]} ({h[-8:]})") for i, h in enumerate(hrefs)
        )

    boxes = "".join(
        f"<div class='box'><h3>{name}</h3><div class='box-body'>"
        f"{posts([f'/bai-viet/thong-bao-so-{k}{i}-{400 + 10 * k + i}' for i in range(6)])}</div></div>"
        for k, name in enumerate(["Tin mới", "Xem nhiều"])
    )
    html = (
        "<html><body><div class='container'><div class='row'><div class='col-lg-8'>"
        f"<div class='post-list'>{posts(ITEMS[:count])}</div><nav><ul class='pagination'>"
        "<li><a href='/danh-muc/tin?page=4' rel='prev'>‹</a></li><li><a href='/danh-muc/tin?page=4'>4</a>"
        "</li><li class='active'><span>5</span></li></ul></nav></div>"
        f"<div class='col-lg-4'>{boxes}</div></div></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/danh-muc/tin?page=5")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:count]]


def test_a_platforms_listing_of_unknown_item_addresses_is_read_the_generic_way():
    """SharePoint publishing pages "/Pages/<slug>.aspx" (no dated folder): the adapter knows
    no such item address; the generic reader's list of titles stands in."""
    slugs = [f"hoi-nghi-tiep-xuc-cu-tri-lan-thu-{i}" for i in range(5)]
    items = "".join(
        f"<li><a href='/Pages/{slug}.aspx'>Phường tổ chức hội nghị tiếp xúc cử tri lần thứ {i}"
        "</a></li>"
        for i, slug in enumerate(slugs)
    )
    html = (
        "<html><head><meta name='GENERATOR' content='Microsoft SharePoint'></head><body>"
        "<ul class='menu'><li><a href='/Pages/gioi-thieu-chung.aspx'>Giới thiệu chung</a></li>"
        f"</ul><div id='WebPartWPQ2'><ul>{items}</ul></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/Pages/tin-tuc.aspx")
    assert listing.platform == "sharepoint"
    assert listing.article_urls == [f"https://x.gov.vn/Pages/{slug}.aspx" for slug in slugs]


def test_four_featured_stories_above_the_list_and_no_sub_section_tabs():
    """A "1 big + 3 small" top block belongs to the section (its newest stories, not shown
    again below); the tabs of its sub-sections beside the list do not."""
    top = _items([f"/tin-tuc/noi-bat-{k}-{90 + k}.html" for k in range(4)], "<h2>{link}</h2>")
    html = (
        "<html><body><div class='main'>"
        "<div class='tabs'><a href='/tin-tuc/hoat-dong-cua-lanh-dao'>Hoạt động của lãnh đạo "
        "phường</a></div>"
        f"<div class='top'>{top}</div><ul class='list'>{_items(ITEMS[:6])}</ul>"
        "</div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/tin-tuc")
    featured = [f"https://x.gov.vn/tin-tuc/noi-bat-{k}-{90 + k}.html" for k in range(4)]
    assert listing.article_urls == featured + [f"https://x.gov.vn{h}" for h in ITEMS[:6]]


@pytest.mark.parametrize(
    "link",
    ["<a href='{href}'><img src='/anh/{i}.jpg' alt='{title}'></a>",
     "<a href='{href}' title='{title}'><span class='icon-play'></span></a>"],
)  # fmt: skip
def test_a_photo_or_video_section_lists_pictures_named_by_their_alt_or_title(link):
    items = "".join(
        f"<div class='anh'>{link.format(href=href, i=i, title=TITLES[i % 4] + f' ({i})')}</div>"
        for i, href in enumerate(ITEMS[:6])
    )
    html = f"<html><body><div class='gallery'>{items}</div></body></html>"
    listing = parse_listing(html.encode(), "https://x.gov.vn/thu-vien-anh")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:6]]


LIFERAY_HEAD = (
    "<html class='aui ltr'><head><script>var Liferay={};var themeDisplay={};</script></head>"
)
SLUGS = ["hoi-nghi-so-ket-cong-tac-cai-cach", "ra-quan-tong-ve-sinh-moi-truong",
         "kiem-tra-phong-chay-chua-chay", "trao-qua-cho-gia-dinh-chinh-sach",
         "tap-huan-chuyen-doi-so-cho-can-bo"]  # fmt: skip


def _publisher(instance: str, count: int, folder: str) -> str:
    entries = "".join(
        f"<div class='asset-abstract'><h3 class='asset-title'><a href='/{folder}/-/"
        f"asset_publisher/{instance}/content/{SLUGS[k]}'>{TITLES[k % 4]} ({k})</a></h3></div>"
        for k in range(count)
    )
    pager = (
        f"<div class='taglib-page-iterator'><a href='/tin-tuc?p_p_id=101_INSTANCE_{instance}"
        f"&amp;_101_INSTANCE_{instance}_cur=2'>Tiếp</a></div>"
    )
    return (
        f"<div class='portlet-boundary portlet-asset-publisher' "
        f"id='p_p_id_101_INSTANCE_{instance}_'>{entries}{pager}</div>"
    )


def test_liferay_two_paged_publishers_the_sections_pager_is_its_own():
    html = (
        f"{LIFERAY_HEAD}<body>{_publisher('tb', 2, 'thong-bao')}{_publisher('tin', 5, 'tin-tuc')}"
    )
    listing = parse_listing((html + "</body></html>").encode(), "https://x.gov.vn/tin-tuc")
    assert listing.platform == "liferay6"
    assert len(listing.article_urls) == 5
    assert listing.next_url == (
        "https://x.gov.vn/tin-tuc?p_p_id=101_INSTANCE_tin&_101_INSTANCE_tin_cur=2"
    )


def test_liferay_a_vendors_news_list_beside_an_unpaged_publisher():
    """A vendor's news portlet with no asset-abstract markup, and a one-entry "Tin nổi bật"
    asset publisher beside it: the vendor's list is the section's."""
    items = "".join(
        f"<div class='news-item'><a href='/tin-tuc/-/view_content/{4400100 + k}-{SLUGS[k]}.html'>"
        f"{TITLES[k % 4]} ({k})</a></div>"
        for k in range(4)
    )
    side = _publisher("nb", 1, "tin-tuc").replace("taglib-page-iterator", "xem-them")
    html = (
        f"{LIFERAY_HEAD}<body><div class='portlet-boundary' id='p_p_id_news_WAR_newsportlet_'>"
        f"{items}</div>{side}</body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.platform == "liferay6"
    assert [u.rsplit("/", 1)[1] for u in listing.article_urls] == [
        f"{4400100 + k}-{SLUGS[k]}.html" for k in range(4)
    ]


def test_a_list_in_a_tab_pane_with_a_box_under_it():
    """The list in a tab pane under the sub-section tabs is the section's; a "Video" box of
    two links under it, in the same column, is not a featured story of it."""
    html = (
        "<html><body><div class='main'><ul class='nav nav-tabs'><li class='active'>"
        "<a href='/tin-tuc'>Tất cả tin</a></li><li><a href='/tin-tuc/kinh-te'>Kinh tế - xã hội"
        "</a></li></ul><div class='tab-content'><div class='tab-pane active'>"
        f"<ul class='list'>{_items(ITEMS[:6])}</ul></div></div>"
        "<div class='video'><h3>Video</h3>"
        "<a href='/video/le-ky-niem-ngay-thanh-lap-phuong-123.html'>Lễ kỷ niệm ngày thành lập "
        "phường</a><a href='/video/phong-su-xay-dung-nep-song-van-minh-124.html'>Phóng sự xây "
        "dựng nếp sống văn minh</a></div></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:6]]


def test_joomlas_blog_keeps_its_more_items():
    """Joomla 3's blog lists its older items as a stacked nav list under "items-more"."""
    intro = _items(
        ITEMS[:4], "<div class='item'><div class='page-header'><h2>{link}</h2></div></div>"
    )
    more = _items(ITEMS[4:8], "<li>{link}</li>")
    html = (
        f"<html><body><div class='blog'>{intro}<div class='items-more'>"
        f"<ol class='nav nav-tabs nav-stacked'>{more}</ol></div></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:8]]


def test_a_liferay_last_page_does_not_lead_back_to_page_one():
    """Liferay 6.2's page selector lists every page as a link, the shown one unmarked: on the
    last page nothing leads on (not page 1, the lowest number)."""
    cur = "https://x.gov.vn/tin-tuc?p_p_id=101_INSTANCE_ab&amp;_101_INSTANCE_ab_cur={}"
    selector = "".join(f"<li><a href='{cur.format(n)}'>{n}</a></li>" for n in (1, 2, 3))
    pager = (
        "<div class='taglib-page-iterator'><div class='lfr-pagination-page-selector'>"
        f"<ul class='dropdown-menu'>{selector}</ul></div><ul class='pager'>"
        f"<li><a href='{cur.format(2)}'>Trước</a></li><li class='disabled'>"
        "<a href='javascript:;'>Sau</a></li></ul></div>"
    )
    page = _publisher("ab", 3, "tin-tuc").replace("Tiếp", "")
    html = f"{LIFERAY_HEAD}<body>{page}{pager}</body></html>"
    listing = parse_listing(html.encode(), cur.format(3).replace("&amp;", "&"))
    assert listing.platform == "liferay6"
    assert listing.next_url is None


def test_a_sidebar_beside_the_paged_column_on_a_last_page():
    """A last page of two cards, and two side boxes of four links in the next column: the
    main column's pager is the cards', not the sidebar's."""
    cards = _items(ITEMS[:2], "<div class='col-md-6'><div class='card'><h5>{link}</h5></div></div>")
    boxes = "".join(
        f"<div class='box'><h3>{name}</h3><ul>"
        + _items([f"/tin/{name[4:7]}-{i}-{400 + i}.html" for i in range(4)])
        + "</ul></div>"
        for name in ("Tin xem nhiều", "Tin mới")
    )
    html = (
        f"<html><body><div class='container'><div class='col-md-8'><div class='row'>{cards}"
        "</div><ul class='pagination'><li><a href='/hoat-dong?page=3'>3</a></li>"
        "<li class='active'><span>4</span></li></ul></div>"
        f"<div class='col-md-4'>{boxes}</div></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/hoat-dong?page=4")
    assert listing.article_urls == [f"https://x.gov.vn{h}" for h in ITEMS[:2]]


def test_sharepoint_publishing_pages_beside_a_box_of_dated_ones():
    """The section's list links to "/Pages/<slug>.aspx" (publishing's default, no dated
    folder); a "Thông báo" web part beside it links to one dated page."""
    slugs = [f"hoi-nghi-tiep-xuc-cu-tri-lan-thu-{i}" for i in range(3)]
    items = "".join(
        f"<li><a href='/xa/Pages/{slug}.aspx'>Xã tổ chức hội nghị tiếp xúc cử tri lần thứ {i}"
        "</a></li>"
        for i, slug in enumerate(slugs)
    )
    html = (
        "<html><head><meta name='GENERATOR' content='Microsoft SharePoint'></head><body><form>"
        f"<div id='WebPartWPQ2' class='ms-WPBody'><ul>{items}</ul><div class='paging'>"
        "<a href='/xa/Pages/tin-tuc.aspx?Page=2'>Trang sau</a></div></div>"
        "<div id='WebPartWPQ3' class='ms-WPBody'><h3>Thông báo</h3><a href='/Pages/2024-1-3/"
        "THONG-BAO-LICH-TIEP-DAN-Ab12Cd.aspx'>Thông báo lịch tiếp công dân</a></div>"
        "</form></body></html>"
    )
    listing = parse_listing(html.encode(), "https://x.gov.vn/xa/Pages/tin-tuc.aspx")
    assert listing.platform == "sharepoint"
    assert listing.article_urls == [f"https://x.gov.vn/xa/Pages/{slug}.aspx" for slug in slugs]
    assert listing.next_url == "https://x.gov.vn/xa/Pages/tin-tuc.aspx?Page=2"


def test_vccorp_section_page_of_another_theme_leaves_out_its_side_boxes():
    items = "".join(
        f"<li><h3><a href='/tin-tuc-su-kien/phuong-to-chuc-hoat-dong-so-{i}-2805251110"
        f"09301540{i}.htm'>Phường tổ chức hoạt động số {i} của tháng</a></h3></li>"
        for i in range(3)
    )
    html = (
        "<html><head><script>var pageSettings = { siteId: '2805' };</script></head><body>"
        f"<div class='list-main'><ul class='list-news'>{items}</ul></div>"
        "<div class='list-right'><div class='khoi-tin'><h2>Tin đọc nhiều</h2><ul><li>"
        "<a href='/van-hoa-xa-hoi/tin-doc-nhieu-mot-2805251020084512311.htm'>Một tin đọc nhiều"
        " của chuyên mục văn hóa</a></li></ul></div></div></body></html>"
    )
    listing = parse_listing(html.encode(), "https://caugiay.hanoi.gov.vn/tin-tuc-su-kien.htm")
    assert listing.platform == "vccorp"
    assert [u.rsplit("/", 1)[1][:29] for u in listing.article_urls] == [
        f"phuong-to-chuc-hoat-dong-so-{i}" for i in range(3)
    ]


def _framed_listing(wrapper: str, item: str) -> bytes:
    rows = "".join(
        item.format(href=f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html", title=title)
        for i, title in enumerate(TITLES)
    )
    side = "".join(
        f"<li><a href='/thong-bao/thong-bao-so-{i}-{200 + i}.html'>Thông báo lịch tiếp công dân"
        f" định kỳ tháng {i + 1} của Ủy ban nhân dân phường</a></li>"
        for i in range(3)
    )
    return (
        "<html><head><meta charset='utf-8'><title>Tin tức</title></head><body>"
        "<div id='mainmenu'><ul><li><a href='/gioi-thieu/lich-su-phuong-12.html'>Lịch sử hình"
        " thành và phát triển của phường qua các thời kỳ</a></li><li>"
        "<a href='/gioi-thieu/co-cau-to-chuc-13.html'>Cơ cấu tổ chức bộ máy của Ủy ban nhân dân"
        " phường</a></li></ul></div>"
        f"<div class='{wrapper}'><div class='main'><h2>Tin tức</h2>{rows}"
        "<div class='pagination'><b>1</b><a href='/tin-tuc?page=2'>2</a></div></div>"
        f"<div class='sidebar'><h3>Thông báo</h3><ul>{side}</ul></div></div>"
        "<footer>Ủy ban nhân dân phường</footer></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("wrapper", "item"),
    [
        # A layout's wrapper named after its sidebar holds the section's list too.
        ("site-content has-sidebar right-sidebar", "<div class='post'><h3><a href='{href}'>{title}</a></h3></div>"),
        ("main-wrap layout-sidebar-left", "<div class='post'><h3><a href='{href}'>{title}</a></h3></div>"),
        # Each item's title in an HTML5 <header> or a box named "…-header".
        ("content", "<div class='post-item'><header><h2><a href='{href}'>{title}</a></h2></header></div>"),
        ("content", "<div class='item'><div class='article-header'><a href='{href}'>{title}</a></div></div>"),
    ],
)  # fmt: skip
def test_the_sections_list_inside_boxes_named_like_chrome(wrapper, item):
    listing = parse_listing(_framed_listing(wrapper, item), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == [
        f"https://x.gov.vn/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(len(TITLES))
    ]
    assert listing.next_url == "https://x.gov.vn/tin-tuc?page=2"


def test_a_list_of_another_sites_articles_is_no_cue_to_read_the_sidebar():
    item = "<div class='post'><h3><a href='https://baochinhphu.vn{href}'>{title}</a></h3></div>"
    page = _framed_listing("site-content has-sidebar", item)
    assert parse_listing(page, "https://x.gov.vn/tin-tuc").article_urls == []


def test_the_sections_list_in_a_widget_box_with_its_pager():
    """Page builders name every box "widget": the one that holds the pager is the section's."""
    rows = "".join(
        f"<div class='news-item'><h3><a href='/tin-tuc/bai-viet-so-{i}-{100 + i}.html'>{title}"
        "</a></h3></div>"
        for i, title in enumerate(TITLES)
    )
    page = (
        "<html><body><div class='row'><div class='col-md-8'><div class='widget widget-news'>"
        f"<div class='widget-title'>Tin tức</div><div class='widget-content'>{rows}</div>"
        "<div class='pagination'><b>1</b><a href='/tin-tuc?page=2'>2</a></div></div></div>"
        "<div class='col-md-4'><div class='widget'><ul><li><a href='/tin-tuc/xem-nhieu-7000.html'>"
        "Hội nghị học tập nghị quyết của Ban Chấp hành Trung ương</a></li></ul></div></div>"
        "</div></body></html>"
    )
    listing = parse_listing(page.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == [
        f"https://x.gov.vn/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(len(TITLES))
    ]


def test_a_featured_story_in_its_own_grid_row_above_the_list_is_kept():
    """The newest story in a row of its own above the list, its picture in one inner column
    and its title in the other: those columns are the box's, not a side column's."""
    featured = "/tin-tuc/bai-viet-noi-bat-999.html"
    rows = "".join(
        f"<li><a href='/tin-tuc/bai-viet-so-{i}-{100 + i}.html'>{title}</a></li>"
        for i, title in enumerate(TITLES)
    )
    page = (
        "<html><body><div class='row'><div class='col-lg-8'>"
        f"<div class='row featured-news'><div class='col-md-7'><a href='{featured}'>"
        "<img src='/anh/1.jpg'></a></div><div class='col-md-5'><h2><a href='" + featured + "'>"
        "Phường tổ chức lễ ra mắt mô hình dân vận khéo năm 2025</a></h2></div></div>"
        f"<ul class='list-news'>{rows}</ul></div>"
        "<div class='col-lg-4'><div class='box'><a href='/tin-tuc/xem-nhieu-7000.html'>Hội nghị"
        " học tập nghị quyết của Ban Chấp hành Trung ương</a></div></div></div></body></html>"
    )
    listing = parse_listing(page.encode(), "https://x.gov.vn/tin-tuc")
    assert listing.article_urls == ["https://x.gov.vn" + featured] + [
        f"https://x.gov.vn/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(len(TITLES))
    ]


@pytest.mark.parametrize("side_cell", ["<td width='30%'>", "<td style='width: 30%'>"])
def test_a_short_last_page_beside_a_narrow_table_cell_of_news(side_cell):
    """An old table layout: the list in a wide cell, "Tin mới nhất" in a narrow one. On the
    last page, two items against six links in the side cell."""
    items = "".join(
        f"<tr><td><a href='ChiTiet.aspx?ID={100 + i}'>{TITLES[i]}</a></td></tr>" for i in range(2)
    )
    side = "".join(
        f"<li><a href='ChiTiet.aspx?ID={500 + i}'>Thông báo lịch tiếp công dân định kỳ tháng"
        f" {i + 1} của lãnh đạo Ủy ban nhân dân</a></li>"
        for i in range(6)
    )
    page = (
        "<html><body><table width='100%'><tr><td width='70%'><b>Tin hoạt động</b>"
        f"<table>{items}</table><div>Trang: <a href='DanhSach.aspx?CatID=2&Page=1'>1</a> "
        f"<span>2</span></div></td>{side_cell}<b>Tin mới nhất</b><ul>{side}</ul></td></tr>"
        "</table></body></html>"
    )
    listing = parse_listing(page.encode(), "https://x.gov.vn/DanhSach.aspx?CatID=2&Page=2")
    assert listing.article_urls == [f"https://x.gov.vn/ChiTiet.aspx?ID={100 + i}" for i in range(2)]


@pytest.mark.parametrize(
    ("listing_url", "more", "next_url"),
    [
        ("https://x.gov.vn/tin-tuc/", "<a href='p2/'>Xem thêm</a>", "https://x.gov.vn/tin-tuc/p2/"),
        ("https://x.gov.vn/tin-tuc/p2/", "<a href='../p3/'>Xem thêm »</a>",
         "https://x.gov.vn/tin-tuc/p3/"),
        # "Xem thêm" to another section's page is no next page.
        ("https://x.gov.vn/tin-tuc/", "<a href='/thong-bao/'>Xem thêm</a>", None),
        # By the offset of the next items.
        ("https://x.gov.vn/tin-tuc", "<a href='/tin-tuc?offset=15'>Xem thêm</a>",
         "https://x.gov.vn/tin-tuc?offset=15"),
        ("https://x.gov.vn/tin-tuc?offset=15", "<a href='/tin-tuc?offset=30'>Xem thêm</a>",
         "https://x.gov.vn/tin-tuc?offset=30"),
        # A drop-down of bare page numbers, put into the address by its script.
        ("https://x.gov.vn/tin-tuc", (
            "<select onchange=\"window.location='/tin-tuc?trang='+this.value\">"
            "<option value='1' selected>Trang 1</option><option value='2'>Trang 2</option>"
            "</select>"), "https://x.gov.vn/tin-tuc?trang=2"),
    ],
)  # fmt: skip
def test_a_more_link_or_a_script_drop_down_as_the_only_pager(listing_url, more, next_url):
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    listing = parse_listing(_listing(hrefs, pager=f"<div class='more'>{more}</div>"), listing_url)
    assert listing.next_url == next_url


def test_an_empty_page_past_the_last_lists_nothing_of_its_sidebar():
    """A page past the section's last one: no list, the pager, then a sidebar of titled links
    (a schedule, the unit's pages). The second look outside the frame must not take them."""
    side = "".join(
        f"<li><a href='/lich-cong-tac/tuan-{47 + i}-2026'>Lịch công tác tuần {47 + i}/2026 của"
        " lãnh đạo Ủy ban nhân dân phường</a></li>"
        for i in range(2)
    )
    page = (
        "<html><body><div id='header'><ul class='menu'><li><a href='/'>Trang chủ</a></li></ul>"
        "</div><div class='list'><div class='empty'>Không có dữ liệu</div></div>"
        "<div class='pager'><a href='/tin-tuc?pageindex=5'>Trang sau</a></div>"
        f"<div class='sidebar'><h3>Lịch công tác</h3><ul>{side}</ul></div></body></html>"
    )
    assert parse_listing(page.encode(), "https://x.gov.vn/tin-tuc?pageindex=5").article_urls == []


def _drupal_pager(block: str, page: int, last: int) -> str:
    """A Drupal 9 view pager: rel=prev and rel=next on its links, both pagers' state in one
    `page` value ("page=<main>,<block>")."""

    def href(main: int, side: int) -> str:
        return f"/tin-tuc?page={main}%2C{side}"

    links = []
    if page > 0:
        links.append(
            f"<a href='{href(page - 1, 0) if not block else href(0, page - 1)}' rel='prev'>‹</a>"
        )
    if page < last:
        links.append(
            f"<a href='{href(page + 1, 0) if not block else href(0, page + 1)}' rel='next'>›</a>"
        )
    return f"<nav class='pager'>{''.join(links)}</nav>"


@pytest.mark.parametrize(("page", "next_url"), [(0, "?page=1%2C0"), (3, None)])
def test_a_side_column_s_paged_block_is_not_the_list_s_pager(page, next_url):
    side = (
        "<aside class='layout-sidebar-first'><h2>Thông báo</h2><ul>"
        + "".join(f"<li><a href='/thong-bao/tb-{i}'>Thông báo lịch tiếp dân số {i}</a></li>"
                  for i in range(5))
        + "</ul>" + _drupal_pager("block", 0, 4) + "</aside>"
    )  # fmt: skip
    hrefs = [f"/tin-tuc/bai-viet-so-{i}-{100 + i}.html" for i in range(4)]
    html = _listing(hrefs, side=side, pager=_drupal_pager("", page, 3))
    url = f"https://x.gov.vn/tin-tuc?page={page}%2C0"
    found = parse_listing(html, url).next_url
    assert found == (f"https://x.gov.vn/tin-tuc{next_url}" if next_url else None)


def _gridview(rows: list[tuple[str, str]], pager: str, side: str) -> bytes:
    """An ASP.NET GridView: rows styled in turn (RowStyle, AlternatingRowStyle) and its pager
    printed above the list and under it (PagerSettings Position="TopAndBottom")."""
    pager_row = f"<tr class='pager'><td colspan='2'><table><tr>{pager}</tr></table></td></tr>"
    body = "".join(
        f"<tr class='{'dong-chan' if i % 2 else 'dong-le'}'><td><a href='{href}'>{title}</a></td>"
        f"<td>12/03/2025</td></tr>"
        for i, (href, title) in enumerate(rows)
    )
    return (
        "<html><head><meta charset='utf-8'><title>Tin tức</title></head><body>"
        "<form id='form1' method='post' action='DanhSach.aspx'>"
        "<input type='hidden' name='__VIEWSTATE' value='x'>"
        f"<div class='cot-giua'><table id='gvTin'>{pager_row}{body}{pager_row}</table></div>"
        f"{side}</form></body></html>"
    ).encode()


def _postback(target: str) -> str:
    return f"javascript:__doPostBack('ctl00$gvTin','{target}')"


def test_a_gridview_pager_above_and_under_the_list_leads_on_through_its_gap():
    pager = "".join(f'<td><a href="{_postback(f"Page${n}")}">{n}</a></td>' for n in (1, 2, 3))
    pager += f'<td><span>4</span></td><td><a href="{_postback("Page$5")}">...</a></td>'
    rows = [(f"/TinTuc/ChiTiet.aspx?MaTin={300 + i}", TITLES[i % len(TITLES)]) for i in range(4)]
    listing = parse_listing(_gridview(rows, pager, ""), "https://x.gov.vn/TinTuc/DanhSach.aspx")
    assert listing.next_postback is not None and "Page$5" in str(listing.next_postback)


def test_rows_styled_in_turn_are_one_list_on_a_short_last_page():
    side = "".join(
        f"<div class='col-phai'><h3>{name}</h3><ul>"
        + "".join(
            f"<li><a href='/Khac/ChiTiet.aspx?MaTin={900 + 10 * b + i}'>{TITLES[i % len(TITLES)]}"
            f" {b}</a></li>"
            for i in range(6)
        )
        + "</ul></div>"
        for b, name in enumerate(("Tin mới", "Xem nhiều"))
    )
    rows = [(f"/TinTuc/ChiTiet.aspx?MaTin={300 + i}", TITLES[i]) for i in range(3)]
    pager = f'<td><a href="{_postback("Page$5")}">5</a></td><td><span>6</span></td>'
    listing = parse_listing(_gridview(rows, pager, side), "https://x.gov.vn/TinTuc/DanhSach.aspx")
    assert listing.article_urls == [f"https://x.gov.vn{href}" for href, _ in rows]


@pytest.mark.parametrize("label", ["²", "³", "①"])
def test_a_pager_label_that_is_a_digit_but_no_number_is_no_page(label):
    """ "²" is a digit to str.isdigit and no number to int: the pager is read without it."""
    pager = (
        f"<div class='paging'><b>1</b> <a href='/tin-tuc/trang-a'>{label}</a>"
        " <a href='/tin-tuc/trang-b'>2</a></div>"
    )
    listing = parse_listing(_listing(ITEMS[:4], pager=pager), "https://x.gov.vn/tin-tuc")
    assert listing.next_url == "https://x.gov.vn/tin-tuc/trang-b"


def test_articles_titled_in_section_words_are_the_sections_items():
    """ "/thong-bao-tuyen-dung-cong-chuc.html" is made of words sections are named with; its
    link, as long as a headline in the section's own list, is an article's. The sub-section
    links above the list, named as sections are, stay out."""
    items = "".join(
        f"<li><a href='/tin-tuc/{slug}.html'>{title}</a> <span>1{n}/03/2025</span></li>"
        for n, (slug, title) in enumerate(
            [
                ("thong-bao-tuyen-dung-cong-chuc", "Thông báo tuyển dụng công chức cấp xã"),
                ("ke-hoach-hoat-dong-tai-dia-phuong", "Kế hoạch hoạt động tại địa phương"),
                ("ra-quan-trong-cay-dau-xuan-555", "Xã ra quân trồng cây đầu xuân năm nay"),
            ]
        )
    )
    page = (
        "<html><head><meta charset='utf-8'><title>Thông báo</title></head><body>"
        "<div id='menu'><a href='/'>Trang chủ</a></div><div class='noi-dung'><h2>Thông báo</h2>"
        "<p class='chuyen-muc'><a href='/tin-tuc/thong-bao.html'>Thông báo</a> "
        "<a href='/tin-tuc/ke-hoach.html'>Kế hoạch</a></p>"
        f"<ul class='ds'>{items}</ul></div></body></html>"
    )
    listing = parse_listing(page.encode(), "https://xa.example.gov.vn/tin-tuc/thong-bao-chung.html")
    assert [url.rsplit("/", 1)[-1] for url in listing.article_urls] == [
        "thong-bao-tuyen-dung-cong-chuc.html",
        "ke-hoach-hoat-dong-tai-dia-phuong.html",
        "ra-quan-trong-cay-dau-xuan-555.html",
    ]
