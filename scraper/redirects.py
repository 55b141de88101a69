"""Where a redirected article address lands: on the article, or away from it.

A portal that removes an article often sends its address to the home page or back to the
section's listing (302 to "/", to "/tin-tuc"). What is there is not that article: a home
page with a featured story reads as one, and stored under the removed article's address it
would look like an edit that replaced its text with another story's.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A site's front page under its script's name: "/index.php", "/Default.aspx", "/trang-chu".
_FRONT_FILE = re.compile(
    r"/(?:index|default|home|trang-?chu)(?:\.[a-z]+)?$|/(?:vi|en|vn)$", re.IGNORECASE
)

_ITEM_NUMBER = re.compile(r"\d{3,}")


def _path(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    return _FRONT_FILE.sub("", path).rstrip("/").lower()


def lands_away(article_url: str, final_url: str, section_url: str) -> bool:
    """Whether an article's address, redirected, lands on the site's front page, on the
    section's listing or on a page above the article (its category: "/tin-tuc/abc-12.html"
    sent to "/tin-tuc")."""
    landed, article = _path(final_url), _path(article_url)
    if landed == article:
        # Its own address in another scheme, host or query (query-named items of
        # "/index.php?id=46" too), unless the query naming it is gone.
        return bool(urlsplit(article_url).query) and not urlsplit(final_url).query
    if landed in ("", _path(section_url)):
        return True
    # (Not an item's own shorter address: "/tin-tuc/1234/hoi-nghi" sent to "/tin-tuc/1234".)
    names_item = _ITEM_NUMBER.search(landed.rsplit("/", 1)[-1])
    return not names_item and article.startswith(landed + "/")


def lands_on_front_page(listing_url: str, final_url: str) -> bool:
    """Whether a listing's address, redirected, lands on the site's front page ("/",
    "/index.php", "/trang-chu"): the section is gone or moved, and the front page's boxes
    are no listing of it."""
    return _path(final_url) == "" and _path(listing_url) != ""
