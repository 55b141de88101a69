"""A portal that moves its pages to new paths on its own host ("/tin-tuc/…" to
"/web/hoaxuan/tin-tuc/…", the old addresses answering 301): each article stays one row, its
new address recorded as another address of it, and later nights know it there."""

from __future__ import annotations

from pathlib import Path

from .changing_portal import ChangingPortal, serve
from .test_incremental import articles, crawl, rows


def test_pages_moved_on_the_same_host_are_not_archived_twice(tmp_path: Path):
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(6)
    nights = []
    with serve(portal) as base:
        crawl(base, db)
        before = articles(db)
        portal.moved_under = "/web/hoaxuan"
        for _ in range(2):
            portal.paths.clear()
            crawl(base, db)
            nights.append([p for p in portal.paths if p.startswith("/web/")])
    after = articles(db)
    addresses = rows(db, "select url, article_url from article_addresses")
    assert set(after) == set(before)
    assert len(addresses) == 6
    assert all(a["url"] == a["article_url"].replace(base, base + "/web/hoaxuan") for a in addresses)
    assert len(nights[0]) == 6  # each new address fetched once, found to be a known story
    assert nights[1] == []  # then known there


def test_stories_edited_while_their_pages_moved_stay_one_row_with_the_edit_as_a_version(
    tmp_path: Path,
):
    """The night the pages move, the portal also fixes a title, corrects a time and adds a
    paragraph: each is still its archived article (found by the last part of its address),
    and the edit is its new version, not a second row."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(5)
    with serve(portal) as base:
        crawl(base, db)
        before = articles(db)
        portal.moved_under = "/web/hoaxuan"
        titled, timed, longer = portal.find(5), portal.find(4), portal.find(3)
        titled.title = titled.title.replace("hội nghị", "Hội nghị")
        timed.day = "02/02/2024"
        longer.paragraphs.append("Kết thúc hội nghị, phường ra mắt tổ tiếp nhận ý kiến cử tri.")
        crawl(base, db)
    after = articles(db)
    versions = rows(db, "select url, count(*) as n from article_versions group by url")
    assert set(after) == set(before)
    assert after[base + titled.path]["title"] == titled.title
    assert after[base + timed.path]["published_at"].startswith("2024-02-02")
    assert after[base + longer.path]["body"].endswith("tổ tiếp nhận ý kiến cử tri.")
    edited = {base + s.path for s in (titled, timed, longer)}
    assert {v["url"]: v["n"] for v in versions} == {u: 2 if u in edited else 1 for u in after}


def test_one_story_shown_in_two_sections_is_stored_once(tmp_path: Path):
    """Same title, time and text at another address: the first's other address. Another
    day, or another text under the same title and time, is another story."""
    from archive.store import Archive

    archive = Archive(tmp_path / "archive.db")
    archive.upsert_portal("p", "Phường", "https://p.gov.vn/", None, ["https://p.gov.vn/tin-tuc"])
    story = {
        "portal_id": "p",
        "title": "Hội nghị tiếp xúc cử tri trước kỳ họp",
        "published_at": "2025-03-10T08:15:00+07:00",
        "published_precision": "minute",
        "body": "Sáng 10/3, Thường trực HĐND phường tổ chức hội nghị tiếp xúc cử tri.",
        "fetched_at": "2025-03-10T02:00:00+00:00",
    }
    first = archive.upsert_article({**story, "url": "https://p.gov.vn/tin-tuc/hoi-nghi-12"})
    again = archive.upsert_article({**story, "url": "https://p.gov.vn/thong-bao/hoi-nghi-12"})
    other_day = archive.upsert_article(
        {
            **story,
            "url": "https://p.gov.vn/tin-tuc/hoi-nghi-13",
            "published_at": "2025-04-10T08:15:00+07:00",
        }
    )
    another_text = archive.upsert_article(
        {**story, "url": "https://p.gov.vn/tin-tuc/hoi-nghi-14", "body": "Lịch tiếp công dân."}
    )
    assert (first, again, other_day, another_text) == ("new", "unchanged", "new", "new")
    recorded = archive.conn.execute(
        "select article_url from article_addresses where url = ?",
        ("https://p.gov.vn/thong-bao/hoi-nghi-12",),
    ).fetchall()
    assert recorded == [("https://p.gov.vn/tin-tuc/hoi-nghi-12",)]
    known = archive.known_articles(["https://p.gov.vn/thong-bao/hoi-nghi-12"])
    assert (
        known["https://p.gov.vn/thong-bao/hoi-nghi-12"].url
        == "https://p.gov.vn/tin-tuc/hoi-nghi-12"
    )
    archive.close()


def test_a_story_retitled_at_a_new_address_stays_one_row(tmp_path: Path):
    """Drupal's alias follows the title: a title edit moves the story to a new address. The
    same text at the same minute under most of the old title's words is its edit; under
    another title, or on the same day without a time, it is another story."""
    from archive.store import Archive

    archive = Archive(tmp_path / "archive.db")
    archive.upsert_portal("p", "Phường", "https://p.gov.vn/", None, ["https://p.gov.vn/tin-tuc"])
    body = (
        "Sáng 10/3, Thường trực HĐND phường tổ chức hội nghị tiếp xúc cử tri tại nhà văn hóa "
        "khu phố 2; cử tri kiến nghị về chỉnh trang vỉa hè, chiếu sáng ngõ xóm và thu gom rác."
    )
    story = {
        "portal_id": "p",
        "title": "Phường tiếp xúc cử tri trước kỳ họp thứ mười",
        "published_at": "2025-03-10T08:15:00+07:00",
        "body": body,
        "fetched_at": "2025-03-10T02:00:00+00:00",
    }
    old = "https://p.gov.vn/tin-tuc/phuong-tiep-xuc-cu-tri-truoc-ky-hop-thu-muoi"
    new = "https://p.gov.vn/tin-tuc/thuong-truc-hdnd-phuong-tiep-xuc-cu-tri-truoc-ky-hop-thu-muoi"
    assert archive.upsert_article({**story, "url": old}) == "new"
    retitled = {**story, "url": new, "title": "Thường trực HĐND " + story["title"].lower()}
    assert archive.upsert_article(retitled) == "updated"
    rows = archive.conn.execute("select url, title, current_url from articles").fetchall()
    assert rows == [(old, retitled["title"], new)]
    other_title = {**story, "url": new + "-2", "title": "Thông báo lịch tiếp công dân tháng 3"}
    assert archive.upsert_article(other_title) == "new"
    # One text under two numbered titles posted in the same minute: two schedules.
    week = {**story, "title": "Lịch công tác tuần 10 của UBND phường", "body": body + " Lịch."}
    assert archive.upsert_article({**week, "url": "https://p.gov.vn/lich/tuan-10"}) == "new"
    next_week = {**week, "title": week["title"].replace("10", "11")}
    assert archive.upsert_article({**next_week, "url": "https://p.gov.vn/lich/tuan-11"}) == "new"
    # Two decisions uploaded together, each "see the attached file": two documents.
    decision = {
        **story,
        "title": "Quyết định phê duyệt danh sách hộ nghèo năm 2025",
        "body": "Chi tiết xem tại file đính kèm.",
    }
    assert archive.upsert_article({**decision, "url": "https://p.gov.vn/qd/ho-ngheo"}) == "new"
    near_poor = {**decision, "title": "Quyết định phê duyệt danh sách hộ cận nghèo năm 2025"}
    assert archive.upsert_article({**near_poor, "url": "https://p.gov.vn/qd/can-ngheo"}) == "new"
    day_only = {
        **retitled,
        "url": new + "-3",
        "title": story["title"] + " (bản in)",
        "published_at": "2025-03-11T00:00:00+07:00",
    }
    assert archive.upsert_article({**day_only, "url": new + "-4", "title": story["title"]}) == "new"
    assert archive.upsert_article(day_only) == "new"
    archive.close()


def test_a_moved_address_s_last_part_joins_an_edited_story_never_another(tmp_path: Path):
    """The last part of an address is evidence only with the story: its title or time kept and
    its wording mostly kept. Two lists' "Post.aspx?ItemID=12" are two stories."""
    from archive.store import Archive

    archive = Archive(tmp_path / "archive.db")
    archive.upsert_portal("p", "Phường", "https://p.gov.vn/", None, ["https://p.gov.vn/tin-tuc"])
    story = {
        "portal_id": "p",
        "title": "Hội nghị tiếp xúc cử tri trước kỳ họp thứ mười",
        "published_at": "2025-03-10T08:15:00+07:00",
        "body": "Sáng 10/3, Thường trực HĐND phường tổ chức hội nghị tiếp xúc cử tri tại nhà văn "
        "hóa khu phố 2; cử tri kiến nghị về chỉnh trang vỉa hè và chiếu sáng ngõ xóm.",
        "fetched_at": "2025-03-10T02:00:00+00:00",
    }
    old = "https://p.gov.vn/tintuc/Lists/Posts/Post.aspx?ItemID=12"
    assert archive.upsert_article({**story, "url": old}) == "new"
    fixed = {**story, "title": story["title"].replace("mười", "10")}
    assert archive.upsert_article({**fixed, "url": old.replace("tintuc", "web/tintuc")}) == (
        "updated"
    )
    other = {
        **story,
        "url": old.replace("tintuc", "vanhoa"),
        "title": "Ra mắt câu lạc bộ dưỡng sinh người cao tuổi",
        "published_at": "2025-05-02T07:00:00+07:00",
        "body": "Chiều 2/5, Hội Người cao tuổi phường ra mắt câu lạc bộ dưỡng sinh với 40 hội "
        "viên, sinh hoạt vào sáng thứ Ba và thứ Sáu hằng tuần tại nhà văn hóa.",
    }
    assert archive.upsert_article(other) == "new"
    same_time_other_text = {
        **story,
        "url": old.replace("tintuc", "thongbao"),
        "title": "Thông báo lịch tiếp công dân tháng 3 của Chủ tịch UBND phường",
        "body": "Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm các tuần trong tháng 3 tại "
        "trụ sở, công dân mang theo giấy tờ tùy thân và hồ sơ có liên quan khi đến làm việc.",
    }
    assert archive.upsert_article(same_time_other_text) == "new"
    (title,) = archive.conn.execute("select title from articles where url = ?", (old,)).fetchone()
    assert title == fixed["title"]
    archive.close()


def test_two_lists_item_numbers_and_short_notices_are_never_one_story(tmp_path: Path):
    """Each ward's list of a district portal numbers its own items: "/phuong-1/…?ID=12" and
    "/phuong-2/…?ID=12" are two stories, even on one day with texts too short to compare.
    A short notice at a moved address is its story only with its title and time kept."""
    from archive.store import Archive

    archive = Archive(tmp_path / "archive.db")
    archive.upsert_portal("q", "Quận", "https://q.gov.vn/", None, ["https://q.gov.vn/tin-tuc"])
    notice = {
        "portal_id": "q",
        "title": "Thông báo lịch tiếp công dân tháng 12 của phường 1",
        "published_at": "2025-12-01T00:00:00+07:00",
        "published_precision": "day",
        "body": "Phường 1 thông báo lịch tiếp công dân tháng 12, xem tệp đính kèm.",
        "fetched_at": "2025-12-01T01:00:00+00:00",
    }
    assert (
        archive.upsert_article({**notice, "url": "https://q.gov.vn/phuong-1/Post.aspx?ID=12"})
        == "new"
    )
    sibling = {
        **notice,
        "url": "https://q.gov.vn/phuong-2/Post.aspx?ID=12",
        "title": "Kế hoạch tổ chức ngày hội đại đoàn kết ở khu phố 3",
        "body": "Phường 2 ban hành kế hoạch tổ chức ngày hội, xem tệp đính kèm.",
    }
    schedule = {
        **notice,
        "url": "https://q.gov.vn/tin/lich-tiep-cong-dan-1207",
        "title": "Lịch tiếp công dân của Bí thư Đảng ủy phường tháng 12",
        "body": "Bí thư Đảng ủy phường tiếp công dân ngày 15/12, xem tệp đính kèm.",
    }
    retitled = {
        **schedule,
        "url": "https://q.gov.vn/thong-bao/lich-tiep-cong-dan-1207",
        "title": "Lịch tiếp công dân của Bí thư Đảng ủy phường tháng 1",
    }
    assert archive.upsert_article(sibling) == "new"
    assert archive.upsert_article(schedule) == "new"
    assert archive.upsert_article(retitled) == "new"
    assert archive.conn.execute("select count(*) from article_addresses").fetchone() == (0,)
    archive.close()


def test_re_checks_ask_a_moved_article_at_its_new_address(tmp_path: Path):
    """Once the archive knows where a moved article is served now (a redirect of its old
    address led there, or the listing links there), its re-checks ask there: no redirect
    hop every week. It stays one row, under its first address, with its versions."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(4)

    def articles_asked(*extra: str) -> list[str]:
        portal.paths.clear()
        crawl(base, db, *extra)
        return sorted(p for p in portal.paths if p.endswith(".html") or "/bai-viet/" in p)

    with serve(portal) as base:
        crawl(base, db)
        portal.renamed = {1}  # its address redirects to "/bai-viet/1", which no listing shows
        hop = articles_asked("--recheck", "all")
        after_hop = articles_asked("--recheck", "all")
        portal.moved_under = "/web/hoaxuan"  # all listed at their new addresses
        crawl(base, db)
        portal.find(2).paragraphs.append("Phường ghi nhận và chuyển các kiến nghị đến quận.")
        after_move = articles_asked("--recheck", "all")
    own = sorted(s.path for s in portal.stories)
    assert hop == sorted([*own, "/bai-viet/1"])
    assert after_hop == sorted([p for p in own if "so-1-" not in p] + ["/bai-viet/1"])
    assert after_move == sorted(portal.shown_path(s) for s in portal.stories)
    stored = articles(db)
    assert set(stored) == {base + s.path for s in portal.stories}
    edited = base + portal.find(2).path
    assert stored[edited]["body"].endswith("chuyển các kiến nghị đến quận.")
    assert stored[edited]["current_url"] == base + portal.shown_path(portal.find(2))
    versions = rows(db, "select url, count(*) as n from article_versions group by url")
    assert {v["url"]: v["n"] for v in versions} == {u: 1 + (u == edited) for u in stored}


def test_an_article_gone_from_its_new_address_is_asked_at_its_own_before_it_is_removed(
    tmp_path: Path,
):
    """Gone where it was served lately, the article is asked at its own address: one served
    there again (the portal moved its pages back, a story shown in two sections dropped from
    one) is not marked removed, and is asked there from then on."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    with serve(portal) as base:
        crawl(base, db)
        portal.moved_under = "/web/hoaxuan"
        crawl(base, db)
        portal.moved_under = None  # the new addresses answer 404, the old ones the stories
        portal.find(3).deleted = True  # but this one is gone from both
        crawl(base, db, "--recheck", "all")
    stored = articles(db)
    gone, kept = base + portal.find(3).path, base + portal.find(1).path
    assert stored[gone]["removed_at"] is not None
    assert stored[kept]["removed_at"] is None
    assert stored[kept]["current_url"] is None


def test_a_moved_article_taken_down_is_asked_at_its_new_address(tmp_path: Path):
    """Its old address redirects to its new one, which sends it to the home page: nothing is
    stored, and its re-checks ask the new address, a hop fewer every week."""
    db = tmp_path / "archive.db"
    portal = ChangingPortal.with_stories(3)
    with serve(portal) as base:
        crawl(base, db)
        portal.moved_under = "/web/hoaxuan"
        portal.redirect_home = {2}
        crawl(base, db, "--recheck", "all")
        portal.paths.clear()
        crawl(base, db, "--recheck", "all")
    story = portal.find(2)
    assert [p for p in portal.paths if "so-2-" in p] == [portal.shown_path(story)]
    assert articles(db)[base + story.path]["removed_at"] is None
