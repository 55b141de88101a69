"""Filter tokens of the search index (archive/search_tags.py): a period's cover lets through
every article of the period and, with exact bounds, nothing else."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from archive.search_tags import day_tags, period_tags, portal_tag, tag_filter, tags_of

DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31))


def covered(day: date, tokens: list[str]) -> bool:
    return bool(set(day_tags(f"{day:%Y-%m-%d}T08:00:00+07:00")) & set(tokens))


def test_tags_of_an_article() -> None:
    assert tags_of("caugiay.hanoi.gov.vn", "2022-07-23T15:42:00+07:00") == (
        "zpcaugiayhanoigovvn zy2022 zm202207 zd20220723"
    )
    assert tags_of("test/px", None) == "zptestpx"
    assert tags_of(None, "2022-07") == ""  # no day, no date tokens


def test_cover_uses_years_months_and_days() -> None:
    assert period_tags("2024-01-30", "2025-02-02") == [
        "zd20240130", "zd20240131", *(f"zm2024{m:02d}" for m in range(2, 13)),
        "zm202501", "zd20250201", "zd20250202",
    ]  # fmt: skip
    assert period_tags("2024", "2025") == ["zy2024", "zy2025"]
    assert period_tags("2024-02", "2024-02") == ["zm202402"]


def test_open_unreadable_or_reversed_periods_give_no_tokens() -> None:
    assert period_tags("2024-01-01", None) == []
    assert period_tags("", "2024-01-01") == []
    assert period_tags("hôm qua", "2024-01-01") == []
    assert period_tags("2024-02-30", "2024-03-01") == []
    assert period_tags("2025-01-01", "2024-01-01") == []


def test_a_period_needing_too_many_tokens_is_left_to_the_exact_filter() -> None:
    assert period_tags("2024-01-02", "2024-03-30") == []  # 30 + 1 + 30 days


@given(DAYS, DAYS, DAYS)
def test_cover_is_exact(a: date, b: date, day: date) -> None:
    since, until = min(a, b), max(a, b)
    tokens = period_tags(f"{since}", f"{until}")
    if tokens:
        assert covered(day, tokens) == (since <= day <= until)


@given(DAYS, st.integers(0, 3000))
def test_long_periods_cover_with_years(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    tokens = period_tags(f"{start:%Y}", f"{end:%Y}")
    assert tokens == [f"zy{y}" for y in range(start.year, end.year + 1)]


def test_filter_expression() -> None:
    assert tag_filter(None, None, None) == ""
    assert tag_filter("p7", None, None) == "tags : zpp7"
    assert tag_filter("p7", "2024-03", "2024-04") == "tags : zpp7 AND tags : (zm202403 OR zm202404)"
    assert portal_tag("Xã-Bình.Minh") == "zpxbnhminh"  # letters outside a-z only narrow less
