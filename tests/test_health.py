"""Portal health findings from crawl_runs and articles."""

from typing import Any

import pytest

from archive import Archive
from archive.health import HEALTH_SQL, Finding, health_report

NOW = "2026-12-31T00:00:00+00:00"
RECENT = "2026-12-20T03:00:00+00:00"
OLD = "2026-10-01T03:00:00+00:00"


def run(arch: Archive, portal: str, started_at: str, **counts: Any) -> None:
    arch.record_crawl_run({"portal_id": portal, "started_at": started_at, "status": "ok", **counts})


def article(arch: Archive, portal: str, n: int, first_seen_at: str) -> None:
    arch.upsert_portal(portal, portal, f"https://{portal}/", None, [])
    arch.upsert_article(
        {
            "url": f"https://{portal}/tin-tuc/hoi-nghi-{n}",
            "portal_id": portal,
            "title": f"Hội nghị triển khai nhiệm vụ số {n}",
            "fetched_at": first_seen_at,
        }
    )


def day(n: int) -> str:
    return f"2026-12-{n:02d}T02:00:00+00:00"


def kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.portal_id, f.kind) for f in findings]


def test_healthy_portal_has_no_finding(archive: Archive) -> None:
    article(archive, "xaa.gov.vn", 1, RECENT)
    for n in range(1, 5):
        run(archive, "xaa.gov.vn", day(n), articles_new=5, articles_failed=1)
    assert health_report(archive.conn, now=NOW) == []


@pytest.mark.parametrize(
    ("status", "counts", "detail"),
    [
        ("ok", {"articles_failed": 2}, "finished ok but stored no article"),
        ("unreachable", {}, "could not reach the portal"),
    ],
)
def test_stored_nothing(archive: Archive, status: str, counts: dict[str, int], detail: str) -> None:
    run(archive, "xab.gov.vn", day(1), articles_new=3)
    archive.record_crawl_run(
        {"portal_id": "xab.gov.vn", "started_at": day(2), "status": status, **counts}
    )
    [finding] = health_report(archive.conn, now=NOW)
    assert (finding.portal_id, finding.kind) == ("xab.gov.vn", "stored-nothing")
    assert detail in finding.detail and day(2) in finding.detail


def test_only_the_last_run_counts_for_stored_nothing(archive: Archive) -> None:
    run(archive, "xab.gov.vn", day(1))
    run(archive, "xab.gov.vn", day(2), articles_unchanged=7)
    assert health_report(archive.conn, now=NOW) == []


def test_failed_status_is_not_stored_nothing(archive: Archive) -> None:
    archive.record_crawl_run({"portal_id": "xab.gov.vn", "started_at": day(2), "status": "failed"})
    assert health_report(archive.conn, now=NOW) == []


def test_a_listing_page_that_failed_in_the_last_run(archive: Archive) -> None:
    """The walk of a section stopped early: flagged until a run walks it on."""
    run(archive, "xaf.gov.vn", day(1), articles_new=5, listing_stop="listing-failed")
    [finding] = health_report(archive.conn, now=NOW)
    assert (finding.portal_id, finding.kind) == ("xaf.gov.vn", "listing-failed")
    assert day(1) in finding.detail and "the next run walks on" in finding.detail
    run(archive, "xaf.gov.vn", day(2), articles_new=12, listing_stop="last-page")
    assert health_report(archive.conn, now=NOW) == []


def test_an_unreachable_portal_is_not_also_a_failed_listing(archive: Archive) -> None:
    archive.record_crawl_run(
        {"portal_id": "xaf.gov.vn", "started_at": day(1), "status": "unreachable",
         "listing_stop": "listing-failed"}
    )  # fmt: skip
    assert kinds(health_report(archive.conn, now=NOW)) == [("xaf.gov.vn", "stored-nothing")]


def test_failure_jump(archive: Archive) -> None:
    for n in range(1, 4):
        run(archive, "xac.gov.vn", day(n), articles_new=9, articles_failed=1)  # 10%
    run(archive, "xac.gov.vn", day(4), articles_new=5, articles_failed=5)  # 50%
    [finding] = health_report(archive.conn, now=NOW)
    assert (finding.portal_id, finding.kind) == ("xac.gov.vn", "failure-jump")
    assert "5 of 10 articles (50%), against 10% over the previous 3 runs" in finding.detail


def test_a_portal_down_is_no_failure_jump(archive: Archive) -> None:
    """Every re-check of a portal down fails (503): that is stored-nothing's finding, not the
    template-change alarm."""
    for n in range(1, 4):
        run(archive, "xac.gov.vn", day(n), articles_new=9, articles_failed=1)
    archive.record_crawl_run(
        {"portal_id": "xac.gov.vn", "started_at": day(4), "status": "unreachable",
         "articles_failed": 42}
    )  # fmt: skip
    assert kinds(health_report(archive.conn, now=NOW)) == [("xac.gov.vn", "stored-nothing")]


def test_small_rise_is_no_failure_jump(archive: Archive) -> None:
    run(archive, "xac.gov.vn", day(1), articles_new=9, articles_failed=1)  # 10%
    run(archive, "xac.gov.vn", day(2), articles_new=6, articles_failed=4)  # 40%: +0.3 exactly
    assert health_report(archive.conn, now=NOW) == []
    assert kinds(health_report(archive.conn, now=NOW, failure_jump=0.2)) == [
        ("xac.gov.vn", "failure-jump")
    ]


def test_failure_jump_needs_three_attempts(archive: Archive) -> None:
    run(archive, "xac.gov.vn", day(1), articles_new=10)
    run(archive, "xac.gov.vn", day(2), articles_new=1, articles_failed=1)
    assert health_report(archive.conn, now=NOW) == []


def test_failure_jump_needs_a_previous_run(archive: Archive) -> None:
    run(archive, "xac.gov.vn", day(1), articles_new=1, articles_failed=9)
    assert health_report(archive.conn, now=NOW) == []


def test_failure_jump_window_only_counts_recent_runs(archive: Archive) -> None:
    # Long ago the portal failed a lot; over the last two runs it did not.
    for n in range(1, 4):
        run(archive, "xac.gov.vn", day(n), articles_new=1, articles_failed=9)
    for n in range(4, 6):
        run(archive, "xac.gov.vn", day(n), articles_new=10)
    run(archive, "xac.gov.vn", day(6), articles_new=5, articles_failed=5)
    assert health_report(archive.conn, now=NOW, window=5) == []
    assert kinds(health_report(archive.conn, now=NOW, window=2)) == [("xac.gov.vn", "failure-jump")]


def test_stale_portal(archive: Archive) -> None:
    article(archive, "xad.gov.vn", 1, OLD)
    article(archive, "xad.gov.vn", 2, "2026-11-15T03:00:00+00:00")
    article(archive, "xae.gov.vn", 1, RECENT)
    [finding] = health_report(archive.conn, now=NOW)
    assert (finding.portal_id, finding.kind) == ("xad.gov.vn", "stale")
    assert (
        finding.detail == "no new article for 45 days (last first seen 2026-11-15T03:00:00+00:00)"
    )
    assert health_report(archive.conn, now=NOW, stale_days=60) == []


def test_findings_are_sorted_by_portal_then_kind(archive: Archive) -> None:
    article(archive, "xb.gov.vn", 1, OLD)
    article(archive, "xa.gov.vn", 1, OLD)
    run(archive, "xb.gov.vn", day(1))
    assert kinds(health_report(archive.conn, now=NOW)) == [
        ("xa.gov.vn", "stale"),
        ("xb.gov.vn", "stale"),
        ("xb.gov.vn", "stored-nothing"),
    ]


def test_sql_defaults_match_the_python_defaults(archive: Archive) -> None:
    # Datasette sends "" for a field left empty; the query must then use the defaults.
    article(archive, "xad.gov.vn", 1, "2026-11-20T03:00:00+00:00")  # 41 days before NOW
    for n in range(1, 3):
        run(archive, "xac.gov.vn", day(n), articles_new=9, articles_failed=1)
    run(archive, "xac.gov.vn", day(3), articles_new=5, articles_failed=5)
    empty = {"now": NOW, "stale_days": "", "failure_jump": "", "window": ""}
    from_sql = [Finding(*row) for row in archive.conn.execute(HEALTH_SQL, empty)]
    assert from_sql == health_report(archive.conn, now=NOW)
    assert kinds(from_sql) == [("xac.gov.vn", "failure-jump"), ("xad.gov.vn", "stale")]


def test_a_portal_whose_section_moved_is_named_with_its_new_address(archive: Archive) -> None:
    run(archive, "xam.gov.vn", day(1), articles_new=4)
    new_site = "https://xam-moi.example.gov.vn/tin-tuc"
    archive.record_crawl_run(
        {"portal_id": "xam.gov.vn", "started_at": day(2), "status": "unreachable",
         "listing_stop": "moved", "moved_to": new_site}
    )  # fmt: skip
    [finding] = health_report(archive.conn, now=NOW)  # (not also "stored-nothing")
    assert (finding.portal_id, finding.kind) == ("xam.gov.vn", "moved")
    assert new_site in finding.detail and day(2) in finding.detail
    run(archive, "xam.gov.vn", day(3), articles_new=2)  # its address updated: healthy again
    assert health_report(archive.conn, now=NOW) == []
