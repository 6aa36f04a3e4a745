"""Statistics for the small counts of exit interviews, in pure Python (no Django, no scipy).

The dashboard names its methods: the Wilson score interval for a share, Fisher's exact test
(two-sided) to compare a segment with the rest of the organisation, and the Benjamini–Hochberg
procedure to keep the number of false alarms down when many segments are compared at once.
"""

import math
from collections import Counter
from dataclasses import dataclass
from statistics import NormalDist

Z_95 = 1.959963984540054
FISHER_RELATIVE_TOLERANCE = 1e-7  # as R and scipy: tables this close to the observed one count


def wilson_interval(successes: int, total: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for the proportion successes/total.

    Unlike the textbook "p ± z·se" it stays inside 0..1 and is honest for small counts such as
    3 out of 7. With no observations at all the share could be anything: (0.0, 1.0).
    """
    if total < 0 or not 0 <= successes <= total:
        raise ValueError(f"need 0 <= successes <= total, got {successes} of {total}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence}")
    if total == 0:
        return 0.0, 1.0
    z = Z_95 if confidence == 0.95 else NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = successes / total
    z2_n = z * z / total
    centre = (p + z2_n / 2) / (1 + z2_n)
    half_width = z / (1 + z2_n) * math.sqrt(p * (1 - p) / total + z2_n / (4 * total))
    low = 0.0 if successes == 0 else max(0.0, centre - half_width)
    high = 1.0 if successes == total else min(1.0, centre + half_width)
    return low, high


NEGLIGIBLE_LOG_P = -60.0


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test on the 2x2 table [[a, b], [c, d]].

    Rows: this segment, the rest of the organisation; columns: raised the theme, did not.
    The p-value sums the probabilities (hypergeometric, margins fixed) of every table no more
    likely than the observed one, the rule R and scipy use.
    """
    if min(a, b, c, d) < 0:
        raise ValueError(f"counts must not be negative: {[[a, b], [c, d]]}")
    row, other_row, column = a + b, c + d, a + c
    first, last = max(0, column - other_row), min(column, row)
    if first == last:
        return 1.0
    log_total = _log_choose(row + other_row, column)

    def log_probability(x: int) -> float:
        return _log_choose(row, x) + _log_choose(other_row, column - x) - log_total

    threshold = log_probability(a) + math.log1p(FISHER_RELATIVE_TOLERANCE)
    # Walk out from the most likely table; the terms shrink on both sides, and once they are
    # below e^-60 the rest of that side adds less than the count times e^-60: nothing.
    mode = min(max(((column + 1) * (row + 1)) // (row + other_row + 2), first), last)
    p_value = 0.0
    for step in (1, -1):
        x = mode if step == 1 else mode - 1
        log_p = log_probability(x) if first <= x <= last else -math.inf
        while first <= x <= last and log_p > NEGLIGIBLE_LOG_P:
            if log_p <= threshold:
                p_value += math.exp(log_p)
            if step == 1:
                log_p += (
                    math.log((row - x) * (column - x))
                    - math.log((x + 1) * (other_row - column + x + 1))
                    if x < last
                    else 0.0
                )
            else:
                log_p += (
                    math.log(x * (other_row - column + x))
                    - math.log((row - x + 1) * (column - x + 1))
                    if x > first
                    else 0.0
                )
            x += step
    return min(1.0, max(p_value, math.exp(threshold) if threshold < NEGLIGIBLE_LOG_P else 0.0))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given.

    A q-value below 0.05 means: among everything flagged at that level, at most 5% is expected
    to be a coincidence of small numbers.
    """
    for p in p_values:
        if not 0 <= p <= 1:
            raise ValueError(f"p-values lie between 0 and 1, got {p}")
    count = len(p_values)
    order = sorted(range(count), key=lambda index: p_values[index], reverse=True)
    q_values = [1.0] * count
    smallest = 1.0
    for position, index in enumerate(order):
        rank = count - position
        smallest = min(smallest, p_values[index] * count / rank)
        q_values[index] = smallest
    return q_values


@dataclass(frozen=True)
class SegmentTest:
    segment: str
    raised: int
    total: int
    rest_raised: int
    rest_total: int
    p_value: float
    q_value: float
    direction: str  # "higher", "lower" or "same" than the rest of the organisation
    alpha: float = 0.05

    @property
    def differs(self) -> bool:
        """Differs from the rest by more than chance, after Benjamini–Hochberg."""
        return self.q_value < self.alpha


def compare_segments(
    counts: dict[str, tuple[int, int]], alpha: float = 0.05
) -> dict[str, SegmentTest]:
    """Compare each segment's (raised, total) with the rest of the organisation.

    Each segment against the sum of the others by Fisher's exact test (two-sided); the
    p-values adjusted by Benjamini–Hochberg across the segments.
    """
    for segment, (raised, total) in counts.items():
        if not 0 <= raised <= total:
            raise ValueError(f"{segment!r}: need 0 <= raised <= total, got {raised} of {total}")
    all_raised = sum(raised for raised, _ in counts.values())
    all_total = sum(total for _, total in counts.values())
    p_values = {}
    for segment, (raised, total) in counts.items():
        rest_raised, rest_total = all_raised - raised, all_total - total
        p_values[segment] = fisher_exact(
            raised, total - raised, rest_raised, rest_total - rest_raised
        )
    q_values = dict(zip(p_values, benjamini_hochberg(list(p_values.values())), strict=True))
    results = {}
    for segment, (raised, total) in counts.items():
        rest_raised, rest_total = all_raised - raised, all_total - total
        results[segment] = SegmentTest(
            segment=segment,
            raised=raised,
            total=total,
            rest_raised=rest_raised,
            rest_total=rest_total,
            p_value=p_values[segment],
            q_value=q_values[segment],
            direction=_direction(raised, total, rest_raised, rest_total),
            alpha=alpha,
        )
    return results


def _direction(raised: int, total: int, rest_raised: int, rest_total: int) -> str:
    if total == 0 or rest_total == 0:
        return "same"
    # Cross-multiplied so that 1/3 and 2/6 compare equal without rounding.
    mine, theirs = raised * rest_total, rest_raised * total
    if mine > theirs:
        return "higher"
    if mine < theirs:
        return "lower"
    return "same"


def net_promoter(scores: list[int] | dict[int, int]) -> float | None:
    """Employee Net Promoter Score: % promoters (9–10) minus % detractors (0–6).

    Takes the scores themselves or a score -> count mapping (a database GROUP BY).
    Returns a number from -100 to 100, or None when nobody answered.
    """
    counts = scores if isinstance(scores, dict) else Counter(scores)
    promoters = detractors = total = 0
    for score, count in counts.items():
        if not 0 <= score <= 10:
            raise ValueError(f"scores run from 0 to 10, got {score}")
        if count < 0:
            raise ValueError(f"counts must not be negative, got {count} for score {score}")
        total += count
        if score >= 9:
            promoters += count
        elif score <= 6:
            detractors += count
    return promoter_score(promoters, detractors, total)


def promoter_score(promoters: int, detractors: int, answers: int) -> float | None:
    """The eNPS of counts already made: promoters (9–10) and detractors (0–6) among answers."""
    if answers == 0:
        return None
    return 100 * (promoters - detractors) / answers
