"""Small-count statistics of the insights, against published and hand-computed values."""

from fractions import Fraction
from math import comb

import pytest

from exitlens.insights.stats import (
    SegmentTest,
    benjamini_hochberg,
    compare_segments,
    fisher_exact,
    net_promoter,
    wilson_interval,
)


@pytest.mark.parametrize(
    ("successes", "total", "expected"),
    [
        (5, 10, (0.2365931, 0.7634069)),
        (0, 10, (0.0, 0.2775328)),
        (10, 10, (0.7224672, 1.0)),
        (1, 3, (0.0614919, 0.7923404)),
    ],
)
def test_it_computes_the_wilson_interval(successes, total, expected):
    assert wilson_interval(successes, total) == pytest.approx(expected, abs=1e-7)


def test_it_computes_the_wilson_interval_at_other_confidences():
    assert wilson_interval(5, 10, confidence=0.90) == pytest.approx(
        (0.2692718, 0.7307282), abs=1e-7
    )
    low, high = wilson_interval(5, 10, confidence=0.99)
    assert (low, high) == pytest.approx((0.1842255, 0.8157745), abs=1e-7)


def test_it_gives_the_whole_range_without_observations():
    assert wilson_interval(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize(("successes", "total"), [(-1, 10), (11, 10), (1, -1)])
def test_it_rejects_impossible_counts_for_an_interval(successes, total):
    with pytest.raises(ValueError):
        wilson_interval(successes, total)


@pytest.mark.parametrize("confidence", [0, 1, 1.5])
def test_it_rejects_impossible_confidences(confidence):
    with pytest.raises(ValueError):
        wilson_interval(5, 10, confidence)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ((8, 2, 1, 5), 0.03496503496503495),
        ((1, 9, 11, 3), 0.002759456185220088),
        ((3, 1, 1, 3), 0.4857142857142857),  # the lady tasting tea
        ((0, 0, 0, 0), 1.0),
        ((5, 5, 5, 5), 1.0),
    ],
)
def test_it_matches_known_fisher_p_values(table, expected):
    assert fisher_exact(*table) == pytest.approx(expected, rel=1e-9)


def exact_fisher(a, b, c, d) -> float:
    """The definition, in exact fractions: no tolerance needed."""
    row, other, column = a + b, c + d, a + c
    total = comb(row + other, column)
    probabilities = [
        Fraction(comb(row, x) * comb(other, column - x), total)
        for x in range(max(0, column - other), min(column, row) + 1)
    ]
    observed = Fraction(comb(row, a) * comb(other, c), total)
    return float(sum(p for p in probabilities if p <= observed))


@pytest.mark.parametrize(
    "table",
    [(2, 7, 9, 3), (0, 5, 5, 0), (12, 30, 25, 40), (1, 0, 40, 60), (3, 17, 30, 50), (0, 3, 0, 9)],
)
def test_it_agrees_with_the_definition_of_fishers_test(table):
    assert fisher_exact(*table) == pytest.approx(exact_fisher(*table), rel=1e-9)


def test_it_is_symmetric_in_rows_and_columns():
    assert fisher_exact(8, 2, 1, 5) == pytest.approx(fisher_exact(1, 5, 8, 2))
    assert fisher_exact(8, 2, 1, 5) == pytest.approx(fisher_exact(8, 1, 2, 5))


def test_it_rejects_negative_counts_in_a_table():
    with pytest.raises(ValueError):
        fisher_exact(1, -1, 2, 3)


def test_it_adjusts_p_values_by_benjamini_hochberg():
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.005])
    assert q == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_it_keeps_q_values_monotone_and_at_most_one():
    assert benjamini_hochberg([0.9, 0.8]) == pytest.approx([0.9, 0.9])
    assert benjamini_hochberg([1.0, 0.6]) == pytest.approx([1.0, 1.0])
    assert benjamini_hochberg([0.01, 0.02, 0.03, 0.04, 0.05]) == pytest.approx([0.05] * 5)
    assert benjamini_hochberg([0.03]) == [0.03]
    assert benjamini_hochberg([]) == []


def test_it_rejects_p_values_outside_zero_to_one():
    with pytest.raises(ValueError):
        benjamini_hochberg([0.5, 1.2])


def test_it_flags_a_segment_that_clearly_differs_from_the_rest():
    # Sales raise the theme 18 times in 20; the rest 28 in 120. Support has exactly the rate
    # of the rest of the organisation (23 in 60 against Sales and R&D's 23 in 60).
    tests = compare_segments({"Sales": (18, 20), "R&D": (5, 40), "Support": (23, 60)})

    sales = tests["Sales"]
    assert isinstance(sales, SegmentTest)
    assert (sales.raised, sales.total, sales.rest_raised, sales.rest_total) == (18, 20, 28, 100)
    assert sales.p_value == pytest.approx(fisher_exact(18, 2, 28, 72))
    assert sales.direction == "higher"
    assert sales.differs

    support = tests["Support"]
    assert support.direction == "same"
    assert support.p_value == pytest.approx(1.0)
    assert not support.differs

    assert tests["R&D"].direction == "lower"
    for test in tests.values():
        assert test.q_value >= test.p_value


def test_it_does_not_flag_differences_that_small_numbers_explain():
    tests = compare_segments({"Sales": (2, 4), "R&D": (1, 5), "HR": (1, 3)})
    assert not any(test.differs for test in tests.values())


def test_it_uses_the_given_significance_level():
    counts = {"Sales": (8, 10), "R&D": (1, 6)}
    assert compare_segments(counts, alpha=0.05)["Sales"].differs
    assert not compare_segments(counts, alpha=0.01)["Sales"].differs


def test_it_compares_empty_and_single_segments_without_error():
    assert compare_segments({}) == {}
    only = compare_segments({"Sales": (3, 10)})["Sales"]
    assert (only.p_value, only.direction, only.differs) == (1.0, "same", False)


def test_it_rejects_more_raised_than_leavers_in_a_segment():
    with pytest.raises(ValueError):
        compare_segments({"Sales": (11, 10), "R&D": (1, 5)})


def test_it_computes_the_net_promoter_score():
    # 10 and 9 promote, 8 and 7 are passive, 6 and 0 detract.
    assert net_promoter([10, 9, 8, 7, 6, 0]) == 0.0
    assert net_promoter([10, 10, 9, 5]) == 50.0
    assert net_promoter([0, 3, 6]) == -100.0
    assert net_promoter([9]) == 100.0


def test_it_computes_the_net_promoter_score_from_grouped_counts():
    assert net_promoter({10: 3, 9: 1, 7: 0, 5: 1}) == pytest.approx(60.0)


def test_it_has_no_net_promoter_score_without_answers():
    assert net_promoter([]) is None
    assert net_promoter({}) is None
    assert net_promoter({10: 0}) is None


@pytest.mark.parametrize("scores", [[11], [-1], {12: 1}, {5: -1}])
def test_it_rejects_impossible_scores(scores):
    with pytest.raises(ValueError):
        net_promoter(scores)
