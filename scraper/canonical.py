"""One address per article: listing links carry parameters that change with where the link
was shown, not with what it shows.

Liferay's asset publisher adds `redirect=<the listing page>` (page 1 today, page 2 tomorrow),
SharePoint blogs `Source=<the list view>`, mailings and social networks `utm_*`, `fbclid`,
Zalo `zarsrc`; Java servers put the session in the path (`;jsessionid=…`). Keyed as shown,
one article would be fetched and archived again under each of them, and a nightly crawl would
take every shifted listing page for new articles.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

from .extraction.platforms.generic_listing import OPAQUE_ID, PAGE_NAME, names_item_id

# Parameter names that only say where a link came from or where "back" leads.
VOLATILE_PARAM = re.compile(
    r"(?:^|_)(?:redirect|inheritRedirect|backURL|returnUrl)$|^(?:Source|fbclid|gclid|zarsrc)$"
    r"|^utm_"
    # Sessions carried in links (the crawl sends no cookies, so each crawl is a new session):
    # PHP's trans_sid, classic ASP, ColdFusion, osCommerce/Zen Cart.
    r"|^(?:PHPSESSID|ASPSESSIONID\w*|jsessionid|sessionid|session_id|CFID|CFTOKEN|osCsid|zenid)$",
    re.IGNORECASE,
)
# Where a link was shown, in words a CMS of its own writes it ("?src=chuyen-muc&pos=12",
# "?from=home", "?vitri=3"): dropped only where the path alone names the article (a number or
# an opaque id ends it), since some portals route their modules by such a name
# ("index.php?src=news&id=5").
_PLACEMENT_PARAM = re.compile(
    r"^(?:src|source|from|ref|referer|referrer|pos|position|vitri|vt|itm_\w+)$", re.IGNORECASE
)
_NUMBERED_PATH = re.compile(rf"(?:[-_/]\d+|\d{{3,}}|{OPAQUE_ID})(?:\.[a-z]+)?/?$", re.IGNORECASE)


def _volatile(name: str, path: str) -> bool:
    return bool(
        VOLATILE_PARAM.search(name)
        or (_PLACEMENT_PARAM.match(name) and _NUMBERED_PATH.search(path))
    )


# Java's ";jsessionid=…", and ASP.NET's cookieless session as a path segment: "/(S(abc…))/",
# "/(X(1)S(abc…))/".
_SESSION_IN_PATH = re.compile(
    r";jsessionid=[^/?#]*|/\((?:[A-Za-z]\([^()/]*\))+\)(?=/)", re.IGNORECASE
)


_DEFAULT_PORT = {"http": ":80", "https": ":443"}


def canonical_url(url: str) -> str:
    """`url` as it is requested (Vietnamese letters and spaces %-encoded, as Scrapy sends
    and stores them), without its volatile parameters (the others keep their order).

    A link written "/tin-tuc/Hội-nghị-…" is fetched, and so archived, as
    "/tin-tuc/H%E1%BB%99i-ngh%E1%BB%8B-…": keyed as written, it would never be known, and
    every nightly crawl would fetch the whole section again."""
    url = safe_url_string(url)
    parts = urlsplit(url)
    if parts.netloc.endswith(_DEFAULT_PORT.get(parts.scheme, "\0")):
        # "http://xa.gov.vn:80/…" is "http://xa.gov.vn/…" (w3lib lower-cases the host).
        parts = parts._replace(netloc=parts.netloc.rsplit(":", 1)[0])
        url = urlunsplit(parts)
    path = _SESSION_IN_PATH.sub("", parts.path)
    if not parts.query:
        return url if path == parts.path else urlunsplit(parts._replace(path=path))
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not _volatile(name, path)]
    if any(names_item_id(name, value) for name, value in kept):
        # A listing's page number beside the item's id ("ChiTiet.aspx?ID=617&page=2"): where
        # the link was shown, not what it shows.
        kept = [(name, value) for name, value in kept if not PAGE_NAME.match(name)]
    if len(kept) == len(pairs) and path == parts.path:
        return url  # (nothing to drop: the address as the page wrote it, encoding included)
    return urlunsplit(parts._replace(path=path, query=urlencode(kept)))


def stable_prefix(url: str) -> str | None:
    """The start of `url` as written, up to its first volatile part; None when it has none.

    Every address that differs from `url` only in its volatile parts starts with it, which
    lets an archive find the key an article was stored under before this rule ("…?ItemID=12
    &Mode=1&Source=%2Fpage1" for a link now shown with "Source=%2Fpage2"). Written as it
    is requested, like `canonical_url`."""
    url = safe_url_string(url)
    session = _SESSION_IN_PATH.search(url.split("?", 1)[0])
    if session:
        return url[: session.start()]
    base, _, query = url.partition("?")
    if not query:
        return None
    kept = []
    for pair in query.split("#", 1)[0].split("&"):
        if _volatile(pair.split("=", 1)[0], base):
            return base + "?" + "".join(p + "&" for p in kept)
        kept.append(pair)
    return None
