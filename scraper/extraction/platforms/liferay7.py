"""Liferay 7.x / DXP portals: Đà Nẵng city and its new wards, HCMC agencies — the fingerprint
and the adapter (articles: liferay7_article; listings: liferay7_listing; the article URL forms
and class-token helpers both use: liferay7_common).

Evidence (PORTALS.md §2b, §1): `/w/<slug>` (danang.gov.vn, also `/en/w/…`) and `/-/<slug>`
(itpc.hochiminhcity.gov.vn) display pages, `/web/guest/…` pages and `/documents/20121/…` files
(lienchieu.danang.gov.vn) — all Liferay 7 URL forms; no HTML of these portals was stored. The
fingerprint therefore looks for what Liferay 7 itself emits and 6.2 does not (see the real 6.2
pages in fixtures/real-html): `com_liferay_…` portlet ids, front-end modules and themes under
`/o/`, SennaJS `data-senna-track`, beside the `Liferay.ThemeDisplay` globals both versions print.
"""

from __future__ import annotations

import re

from ..document import Document
from .base import Platform
from .liferay7_article import parse_article
from .liferay7_common import NAME, is_article_url, tokens
from .liferay7_listing import parse_listing

__all__ = ["NAME", "PLATFORM", "fingerprint", "is_article_url", "parse_article", "parse_listing"]

# --- fingerprint: Liferay's JS globals plus what only 7.x emits (6.x has none of these).
LIFERAY_JS = ("Liferay.ThemeDisplay", "themeDisplay", "var Liferay")
LIFERAY7_MARKERS = {
    "com_liferay_": "Liferay 7 portlet ids (com_liferay_…)",
    "/o/frontend-js-": "Liferay 7 front-end modules (/o/frontend-js-…)",
    "data-senna-track": "SennaJS page tracking (Liferay 7)",
}
THEME_PATH = re.compile(r"/o/[\w.-]+-theme/")


def fingerprint(doc: Document) -> list[str]:
    # Each page search costs ~5 µs: one for the word all but one of the markers share first.
    if not doc.mentions("Liferay") and not doc.mentions("themeDisplay"):
        return []
    script = next((m for m in LIFERAY_JS if doc.mentions(m)), None)
    if script is None:
        return []
    reasons = [why for marker, why in LIFERAY7_MARKERS.items() if doc.mentions(marker)]
    theme = THEME_PATH.search(doc.html) if doc.mentions("-theme/") else None
    if theme:
        reasons.append(f"theme served from {theme.group()!r}")
    if not reasons:
        return []
    if "ltr" in tokens(doc.tree) and "aui" not in tokens(doc.tree):
        reasons.append('<html class="ltr"> without the 6.x "aui" class')
    return [f"markup contains {script!r}", *reasons]


PLATFORM = Platform(
    name=NAME,
    description="Liferay 7 / DXP portal (Đà Nẵng city and wards, HCMC agencies)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)
