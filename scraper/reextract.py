"""`vnnews reextract`: today's extractor over yesterday's captures, no network.

The captures are the evidence; extraction improves. Re-running it over stored responses
fixes old rows (a better byline rule, a new adapter) and records each change as a version."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from archive import Archive
from archive.meetings import store_meetings

from .extraction import NotAnArticle, extract_article
from .extraction.meetings import extract_meetings


def reextract_captures(
    archive: Archive, *, portal_id: str | None = None, url: str | None = None
) -> Counter[str]:
    """Re-extract the newest 200 capture of each archived article; counts by outcome."""
    counts: Counter[str] = Counter()
    portals = dict(archive.conn.execute("SELECT url, portal_id FROM articles").fetchall())
    # The newest page that was an answer (200), even when a 404 came after it: a removed
    # article keeps its content and can still be read again by a better extractor.
    captures = archive.iter_captures(portal_id=portal_id, url=url, latest_only=True, status=200)
    for capture in captures:
        if capture.url not in portals:
            counts["skipped"] += 1
            continue
        content_type = capture.headers.get("Content-Type") or capture.headers.get("content-type")
        try:
            article = extract_article(
                capture.body,
                capture.final_url or capture.url,
                content_type=content_type,
                listed_date=capture.listed_date,
            )
        except NotAnArticle:
            counts["not_article"] += 1
            continue
        record = article.to_dict()
        record.update(
            url=capture.url,
            portal_id=portals[capture.url],
            fetched_at=capture.fetched_at,
            change_reason="reextract",
        )
        status = archive.upsert_article(record)
        counts[status] += 1
        # Meetings follow the text (and a newer meeting extractor): always rebuilt here.
        found = extract_meetings(article.title, article.body, article.published_at)
        store_meetings(archive.conn, capture.url, [asdict(m) for m in found])
    return counts
