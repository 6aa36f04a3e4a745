"""The rules of insights/disclosure.py on counts worked out by hand (k = 5). The attacks they
stop are played against a generated organisation in tests/adversary/test_subtraction.py."""

from datetime import date

import pytest

from exitlens.insights import disclosure
from exitlens.insights.disclosure import (
    department_is_safe,
    edge_is_safe,
    fold,
    period_is_safe,
    value_is_safe,
)
from exitlens.insights.filters import Filters

K = 5


def month(text: str) -> int:
    return disclosure.month_index(text)


# Folding cells, as a breakdown and every filter do


def test_it_folds_nothing_when_every_cell_is_large():
    assert fold({"a": 5, "b": 9}, K) == set()


def test_it_folds_small_cells_that_reach_the_threshold_together():
    assert fold({"a": 3, "b": 2, "c": 9}, K) == {"a", "b"}


def test_it_folds_the_smallest_large_cell_in_when_the_small_ones_stay_too_few():
    # 2 alone would be "all minus a minus c"; with the 6 it is 8 and the 9 stays shown.
    assert fold({"a": 6, "b": 2, "c": 9}, K) == {"a", "b"}


def test_it_folds_equal_cells_by_key_so_every_view_folds_alike():
    assert fold({"y": 6, "x": 6, "small": 1}, K) == {"small", "x"}


def test_it_folds_everything_when_nothing_else_reaches_the_threshold():
    assert fold({"a": 7, "b": 4}, K) == {"a", "b"}


def test_it_always_folds_a_cell_named_other_and_never_an_empty_one():
    assert fold({"other": 9, "a": 5, "b": 0}, K) == {"other"}


# Period edges


def test_it_deems_an_edge_between_two_large_months_safe():
    assert edge_is_safe({month("2026-04"): 5, month("2026-06"): 7}, month("2026-05"), K)


@pytest.mark.parametrize(
    "counts",
    [
        {"2026-04": 4, "2026-06": 7},  # the month before is small
        {"2026-04": 5, "2026-05": 2},  # the month after is small
    ],
)
def test_it_deems_an_edge_next_to_a_small_month_unsafe(counts):
    per_month = {month(key): n for key, n in counts.items()}
    assert not edge_is_safe(per_month, month("2026-05"), K)


def test_it_deems_an_edge_with_no_one_beyond_it_safe_when_enough_are_counted():
    per_month = {month("2026-05"): 2, month("2026-06"): 3}
    assert edge_is_safe(per_month, month("2026-01"), K)  # 2 + 3 = 5 over all time
    assert edge_is_safe(per_month, month("2027-01"), K)
    assert not edge_is_safe({month("2026-05"): 4}, month("2026-01"), K)
    assert edge_is_safe({}, month("2026-01"), K)  # no one at all


def test_it_deems_an_edge_on_a_quarter_or_year_safe_by_its_quarters_or_years():
    # Two or three leavers a month: no month edge is safe, but quarters hold 5 and more.
    per_month = {month(f"2026-{m:02d}"): 2 + m % 2 for m in range(1, 13)}
    per_month |= {month(f"2025-{m:02d}"): 2 for m in range(1, 13)}

    def safe(start, end):
        return period_is_safe(per_month, Filters(start=start, end=end), K)

    assert safe(date(2026, 1, 1), date(2026, 12, 31))  # a year: 2025 and 2026 are large
    assert safe(date(2026, 4, 1), date(2026, 9, 30))  # quarters of 6 and 7
    assert not safe(date(2026, 5, 1), date(2026, 9, 30))  # May begins no quarter
    assert not safe(date(2026, 4, 1), date(2026, 10, 31))


# Along a filter


def test_it_withholds_a_value_whose_cell_is_folded_or_whose_rest_is_small():
    assert value_is_safe({"Agent": 20, "Driver": 9, "": 6}, "Agent", K)
    assert not value_is_safe({"Agent": 20, "Driver": 9, "": 2}, "Driver", K)  # folded with 2
    assert value_is_safe({"Agent": 20, "Driver": 9, "": 2}, "Agent", K)  # rest 11
    assert not value_is_safe({"Agent": 20, None: 3}, "Agent", K)  # all but Agent: three


def test_it_withholds_a_value_that_reads_like_a_folded_or_unknown_cell():
    assert not value_is_safe({"unknown": 10, "": 10, "a": 10}, "unknown", K)
    assert not value_is_safe({"other": 10, "a": 10}, "other", K)


def test_it_counts_anonymous_interviews_as_a_regrettable_cell_of_their_own():
    # The attack: all minus regrettable minus not regrettable left one anonymous leaver.
    assert not value_is_safe({True: 8, False: 33, None: 1}, True, K)
    assert value_is_safe({True: 8, False: 33, None: 5}, True, K)


PARENTS = {1: None, 2: 1, 3: 1, 4: 2, 5: None}  # 1 > 2 > 4, 1 > 3, and 5 beside 1


def test_it_checks_a_department_at_every_level_above_it():
    counts = {2: 10, 4: 10, 3: 10, 5: 10}
    assert department_is_safe(counts, PARENTS, 4, K)
    # Department 1 holds two people of its own: a cell at its level, folded with the smallest.
    assert not department_is_safe(counts | {1: 2}, PARENTS, 3, K)
    # Department 2's own ten and 4's ten: 2 minus 4 is ten, fine; 5 is small at the top.
    assert not department_is_safe(counts | {5: 3}, PARENTS, 4, K)


def test_it_counts_anonymous_interviews_of_the_whole_organisation_at_the_top():
    counts = {2: 10, 3: 10, 5: 10}
    assert department_is_safe(counts | {None: 5}, PARENTS, 5, K)
    assert not department_is_safe(counts | {None: 2}, PARENTS, 5, K)
