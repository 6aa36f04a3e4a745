"""Counting theme bits in lanes (insights/lanes.py) gives the counts of one bit at a time."""

import random

import pytest
from django.db import connection

from exitlens.insights import figures, lanes
from exitlens.insights.filters import Filters
from tests import insights_data
from tests.test_insights_figures import YEAR

THEMES = 14


def counted_by_the_database(masks: list[int], lane_count: int) -> list[int]:
    rows = " UNION ALL ".join(f"SELECT {int(mask)} AS m" for mask in masks)
    sums = ", ".join(lanes.sums("l.m", THEMES, lane_count))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sums} FROM ({rows}) l")  # noqa: S608 (numbers only)
        return lanes.unpack(cursor.fetchone(), THEMES, lane_count)


@pytest.mark.django_db
@pytest.mark.parametrize("lane_count", [1, 2, 3])
def test_lanes_count_each_bit(lane_count):
    masks = [random.Random(7).getrandbits(THEMES) for _ in range(300)] + [0, 2**THEMES - 1]
    expected = [sum(mask >> bit & 1 for mask in masks) for bit in range(THEMES)]

    assert counted_by_the_database(masks, lane_count) == expected


@pytest.mark.django_db
def test_no_rows_count_zero():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(lanes.sums('1', THEMES))} WHERE 1 = 0")
        assert lanes.unpack(cursor.fetchone(), THEMES) == [0] * THEMES


def test_a_full_lane_does_not_spill_into_the_next():
    # 2**21 - 1 rows with every bit set, summed as the database would, stay apart.
    spread_sum = lanes.MOST_ROWS * int(
        sum(1 << (lane * lanes.LANE_BITS) for lane in range(lanes.LANES))
    )
    assert spread_sum < 2**63
    assert lanes.unpack([spread_sum], 3) == [lanes.MOST_ROWS] * 3


@pytest.mark.django_db
def test_the_figures_are_the_same_with_one_theme_to_a_sum(monkeypatch):
    insights_data.build()
    filters = Filters(**YEAR, by="location")  # a breakdown: Utrecht and other
    in_lanes = figures._compute(filters)

    monkeypatch.setattr(lanes, "MOST_ROWS", 0)  # as if there were more leavers than lanes hold
    one_by_one = figures._compute(filters)

    assert one_by_one == in_lanes
    assert in_lanes.reasons and in_lanes.breakdown.segments
