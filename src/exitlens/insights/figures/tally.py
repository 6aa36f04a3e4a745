"""The counting in SQL: one grouped scan of the leavers' summaries (insights/models.Leaver), the
themes of each mask summed in bit lanes (lanes.py), into a `Tally` per group."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import QuerySet

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.insights import lanes
from exitlens.insights.filters import Filters
from exitlens.insights.models import Leaver

# The theme masks a figure counts (SQL over the summaries, alias l): a column, or the themes
# that attracted a leaver and then were among their reasons to leave (the expectation gap).
MASKS = {
    "reasons": "l.reasons",
    "main": "l.main",
    "contributing": "l.contributing",
    "reason_text": "l.reason_text",
    "reason_strength": "l.reason_strength",
    "retention": "l.retention",
    "attraction": "l.attraction",
    "liked_most": "l.liked_most",
    "liked_least": "l.liked_least",
    "gap": "l.attraction & l.reasons",
}
THEMES = len(THEME_IDS)


@dataclass
class Tally:
    """What a group of leavers counts: the group of one segment, period and regrettable mark
    that the database returns, or the sum of such groups."""

    leavers: int = 0
    promoters: int = 0
    detractors: int = 0
    recommend_answers: int = 0
    expectations_sum: int = 0
    expectations_answers: int = 0
    themes: dict[str, list[int]] = field(  # mask -> leavers per theme, in THEME_IDS order
        default_factory=lambda: {mask: [0] * THEMES for mask in MASKS}
    )

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.leavers + other.leavers,
            self.promoters + other.promoters,
            self.detractors + other.detractors,
            self.recommend_answers + other.recommend_answers,
            self.expectations_sum + other.expectations_sum,
            self.expectations_answers + other.expectations_answers,
            {
                mask: [a + b for a, b in zip(mine, other.themes[mask], strict=True)]
                for mask, mine in self.themes.items()
            },
        )


SEGMENT_COLUMNS = {
    "department": "department_id",
    "tenure_band": "tenure_band",
    "departure_type": "departure_type",
    "location": "location",
    "job_title": "job_title",
    "age_band": "age_band",
    "manager": "manager_id",
}


def tally(filters: Filters, leavers: QuerySet[Leaver]) -> dict[tuple, Tally]:
    """(segment value, period, regrettable) -> Tally: the leavers in view counted by the
    database in one pass, grouped so the breakdown and the trends add up groups."""
    segment = "l." + SEGMENT_COLUMNS[filters.by]
    period = "l." + ("leave_quarter" if filters.granularity == "quarter" else "leave_month")
    lane_count = lanes.LANES if Leaver.objects.count() <= lanes.MOST_ROWS else 1
    theme_sums = [lanes.sums(mask, THEMES, lane_count) for mask in MASKS.values()]
    select = ", ".join(
        [
            f"{segment}, {period}, l.regrettable, COUNT(*)",  # the key, then the counts
            "SUM(CASE WHEN l.recommend >= 9 THEN 1 ELSE 0 END)",
            "SUM(CASE WHEN l.recommend <= 6 THEN 1 ELSE 0 END)",
            "COUNT(l.recommend), SUM(l.expectations_met), COUNT(l.expectations_met)",
            *(aggregate for mask in theme_sums for aggregate in mask),
        ]
    )
    found = {}
    # Grouped by period first: SQLite would read a segment with an index (department, manager)
    # in its order, one row lookup at a time, which is slower than sorting what it scanned.
    rows = fetch(columns(leavers), select, f"{period}, l.regrettable, {segment}")
    for row in rows:
        key, numbers, packed = row[:3], row[3:9], row[9:]
        per_mask = len(theme_sums[0])
        themes = {
            mask: lanes.unpack(packed[i * per_mask : (i + 1) * per_mask], THEMES, lane_count)
            for i, mask in enumerate(MASKS)
        }
        found[tuple(key)] = Tally(*(int(number or 0) for number in numbers), themes)
    return found


def _sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def fetch(leavers: QuerySet[Leaver], select: str, group: str = "") -> list[tuple]:
    """Run `SELECT select FROM (the leavers) l [GROUP BY group]`; values stay parameters."""
    sql, params = _sql(leavers.order_by())
    query = f"SELECT {select} FROM ({sql}) l" + (f" GROUP BY {group}" if group else "")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def columns(leavers: QuerySet[Leaver]) -> QuerySet[Leaver]:
    """Every summary column by its own name, for the SQL around it."""
    return leavers.values(*SUMMARY_COLUMNS)


SUMMARY_COLUMNS = (
    "department_id",
    "manager_id",
    "job_title",
    "location",
    "age_band",
    "tenure_band",
    "departure_type",
    "regrettable",
    "leave_month",
    "leave_quarter",
    "expectations_met",
    "recommend",
    "reasons",
    "main",
    "contributing",
    "reason_text",
    "reason_strength",
    "retention",
    "attraction",
    "liked_most",
    "liked_least",
)
