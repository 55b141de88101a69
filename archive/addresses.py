"""Other addresses of an archived article: a portal that moves its pages to new paths on the
same host (Liferay's "/vi/…" to "/web/<site>/vi/…", a CMS upgrade), or shows one story in two
sections under two addresses. The story is stored once, under the address it was first
archived under; the others are recorded here, and a crawl knows them as that article.

Two addresses are one story when the portal gives both the same title, the same publish
time and the same text (or most of it: a new template may add a line); or the same text at
the same minute under a title that keeps most of its wording (a title edited, and with it
the address: Drupal's alias follows the title). Two stories under one
title and time ("Lịch công tác tuần" posted twice in a minute) keep their own rows. A story
the portal also edited while it moved (a typo in its title fixed, its time corrected, a
paragraph added) is found by the last part of its address, which a move keeps
("…/hoat-dong-doan/hoi-nghi-1217.html" to "…/tin-tuc/hoat-dong-doan/hoi-nghi-1217.html"), its
title or its time unchanged and its wording mostly kept (all of them, for a text too short to
compare): the edit is stored as a version. A script's name with an item's number
("Post.aspx?ID=12") names a story only under the same path: each list numbers its own items.

The address the article was last read at, when not its own (a redirect of its address led
there, or the listing now links there), is its current address (`articles.current_url`):
re-checks ask it directly, not through a redirect each week, and not the old address of a
portal that dropped it without one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from archive.batches import rows_for_urls
from archive.normalize import nfc
from archive.stories import long_enough_to_tell, same_text, shares_text, shares_title

_SAME_TIME = """
SELECT url, title, body FROM articles
WHERE portal_id = :portal_id AND published_at = :published_at AND url != :url
ORDER BY first_seen_at LIMIT 20
"""
# (The expression of the index articles_url_tail, as written there: SQLite uses the index
# only for the same expression.)
_SAME_TAIL = """
SELECT url, title, published_at, body FROM articles
WHERE portal_id = :portal_id AND url != :url
  AND replace(url, rtrim(url, replace(url, '/', '')), '') = :tail
LIMIT 20
"""
# An address's last part that names one story: an id (digits) or a slug this long.
MIN_TAIL_SLUG_CHARS = 20
_RECORD = """
INSERT INTO article_addresses (url, article_url, first_seen_at) VALUES (?, ?, ?)
ON CONFLICT (url) DO NOTHING
"""
# The assignment that keeps articles.current_url, for the statements that write an article
# found again: the address it was read at (`:final_url`), none when that is its own (`url`);
# kept as it was when the caller does not say (NULL).
SET_CURRENT_URL = (
    "current_url = CASE WHEN :final_url IS NULL THEN current_url ELSE nullif(:final_url, url) END"
)
_OTHER_ADDRESSES = "SELECT url, article_url FROM article_addresses WHERE url IN ({marks})"


def stored_under(conn: sqlite3.Connection, params: Mapping[str, Any]) -> str | None:
    """The address the story of `params` (a new address's article) is archived under, if
    it is; None for a story the archive does not hold."""
    if not params.get("published_at") or not params.get("title"):
        return None
    same_time = conn.execute(_SAME_TIME, params).fetchall()
    for url, title, body in same_time:
        if title == params["title"] and same_text(body, params.get("body")):
            return str(url)
    return _moved_under_its_tail(conn, params) or _retitled(same_time, params)


def _retitled(same_time: list[tuple[str, str, str]], params: Mapping[str, Any]) -> str | None:
    """The story a title edit moved to a new address (Drupal's alias follows the title): the
    very same text at the same minute, under a title that keeps most of its words and all of
    its numbers ("tuần 10" and "tuần 11" are two schedules). (A text only mostly the same may
    be a template's notice for another ward, posted with it; a short one, "Chi tiết xem tại
    file đính kèm.", may stand under any two documents.)"""
    if not _to_the_minute(params) or not long_enough_to_tell(params.get("body")):
        return None
    text = _words(params.get("body"))
    for url, title, body in same_time:
        if (
            _words(body) == text
            and shares_title(title, params["title"])
            and _NUMBER.findall(title or "") == _NUMBER.findall(params["title"])
        ):
            return str(url)
    return None


_NUMBER = re.compile(r"\d+")


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _moved_under_its_tail(conn: sqlite3.Connection, params: Mapping[str, Any]) -> str | None:
    """The story a move of its pages took to a new path, found by the last part of its
    address (an edit made with the move kept as its version)."""
    tail = str(params["url"]).rsplit("/", 1)[-1]
    if not _names_one_story(tail):
        return None
    # A script's item number ("Post.aspx?ItemID=12") names a story only in its own list: each
    # ward's list numbers its items. Such an address moves whole, under a new prefix.
    names_a_story = _names_one_story(tail.split("?", 1)[0])
    for url, title, published_at, body in conn.execute(_SAME_TAIL, {**params, "tail": tail}):
        if not names_a_story and not _moved_whole(str(url), str(params["url"])):
            continue
        same_title = title == params["title"]
        same_time = published_at == params["published_at"]
        kept_wording = shares_text(body, params.get("body"))
        if kept_wording is None:
            # Texts too short to tell an edit from another story: the rest must not change.
            if same_title and same_time:
                return str(url)
        elif kept_wording and (same_title or same_time):
            return str(url)
    return None


def _to_the_minute(params: Mapping[str, Any]) -> bool:
    """A publish time with its time of day: many stories share a day, few a minute."""
    return not str(params["published_at"]).endswith("T00:00:00+07:00")


def _names_one_story(part: str) -> bool:
    """An id (digits) or a slug long enough to name one story."""
    return any(ch.isdigit() for ch in part) or len(part) >= MIN_TAIL_SLUG_CHARS


def _moved_whole(old: str, new: str) -> bool:
    """Whether one address is the other under a longer or shorter path ("/tintuc/…" and
    "/web/tintuc/…"), not a sibling list's ("/phuong-1/…" and "/phuong-2/…")."""
    old_path, new_path = (
        urlsplit(url)._replace(scheme="", netloc="").geturl() for url in (old, new)
    )
    return old_path.endswith(new_path) or new_path.endswith(old_path)


def record_address(conn: sqlite3.Connection, url: str, article_url: str, when: str) -> None:
    conn.execute(_RECORD, (nfc(url), article_url, when))


def record_current_address(
    conn: sqlite3.Connection, article_url: str, final_url: str | None, when: str
) -> None:
    """The article stored under `article_url` was just found at `final_url` (after redirects):
    another address of it, recorded as such, so that the listing's links to it are known.
    (Its current_url is written with the article: SET_CURRENT_URL.)"""
    if final_url is not None and final_url != article_url:
        record_address(conn, final_url, article_url, when)


def articles_of_addresses(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[str, str]:
    """{other address: the article's own address} for the `urls` recorded as others."""
    wanted = list(dict.fromkeys(nfc(url) for url in urls))
    return dict(rows_for_urls(conn, _OTHER_ADDRESSES, wanted))
