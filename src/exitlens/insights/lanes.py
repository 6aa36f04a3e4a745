"""Counting in SQL, per theme, the rows whose theme mask has the theme's bit set.

`SUM((mask >> bit) & 1)` costs the database one aggregate step per theme and row, and the steps
are most of a figure's time. Here one SUM counts several themes at once: a multiplication
spreads that many bits of the mask `LANE_BITS` apart, into lanes, so the sum holds their counts
side by side. A lane overflows into the next past `MOST_ROWS` rows: beyond that, use one lane.
"""

LANE_BITS = 21
LANES = 3  # 3 x 21 bits fit a signed 64-bit integer, the widest that SQLite sums
MOST_ROWS = 2**LANE_BITS - 1


def sums(mask: str, themes: int, lanes: int = LANES) -> list[str]:
    """SQL aggregates counting rows per theme bit of the integer expression `mask`, `lanes`
    themes to an aggregate. The expression must be the caller's own SQL, never outside text."""
    spread = sum(1 << (lane * (LANE_BITS - 1)) for lane in range(lanes))  # bit i -> bit i * 21
    keep = sum(1 << (lane * LANE_BITS) for lane in range(lanes))
    chunk = (1 << lanes) - 1
    return [
        f"SUM(((({mask}) >> {first}) & {chunk}) * {spread} & {keep})"
        for first in range(0, themes, lanes)
    ]


def unpack(values, themes: int, lanes: int = LANES) -> list[int]:
    """The per-theme counts in the results of `sums` (a NULL sum, over no rows, counts 0)."""
    lane = (1 << LANE_BITS) - 1
    counts = []
    for value in values:
        packed = int(value or 0)
        counts.extend((packed >> (i * LANE_BITS)) & lane for i in range(lanes))
    return counts[:themes]
