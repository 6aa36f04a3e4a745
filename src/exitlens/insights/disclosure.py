"""No subtraction: which figures a view may show, so that views taken together single out no one.

Every figure is on at least k = EXITLENS_MIN_GROUP_SIZE people, but two views can differ by
fewer: the quarter minus its regrettable and its not regrettable leavers, or a period ending on
one day minus the same ending the day before. Subtracting their figures would show what those
few said. `figures.compute()` applies the rules below, so the dashboard, the report and its PDF,
the exports, the API and the command line all hold them. Departures and leavers (completed
interviews) are counted and withheld separately: the departure figures (departures, voluntary,
regrettable, invited, responded, retained, the departures over time) when departures differ by
1..k-1, the leaver figures (every figure on what leavers said) when leavers do.

1. Whole months. A period starts on the first day of its month and ends on its last day
   (filters.Filters), so views whose dates differ within a month are one view.
2. Period edges. With the other filters fixed, count the named and confidential leavers (or the
   departures) per month over all time, and from that per quarter and per year. An edge of the
   period (its first day, the day after its last) is safe when, at the month level or at the
   quarter or year level if the edge is also a quarter's or a year's first day, the nearest
   non-empty month (quarter, year) on each side of the edge holds at least k; or when one side
   of it holds no one at all and at least k are counted over all time. A view with an unsafe
   edge is withheld. Then any sum and difference of views that differ only in their period
   counts 0 or at least k people: such a combination changes only across safe edges, and
   between two safe edges lies a month, quarter or year of at least k, or no one (because the
   levels nest, the cell next to the coarser-level edge or the finer one lies between them).
   Comparing two views is the simplest such combination; `[Jan..Feb] + [Feb..Mar] - [Jan..Mar]`
   (February alone) is another. (Anonymous interviews do not count per month: they come in
   whole batches of at least k that a period includes or leaves out together.)
3. Along each filter. For each filter that is set, with the other filters (period included)
   fixed, count per value of that filter (anonymous interviews and people without a value under
   "unknown"), and fold the cells as a breakdown does (`fold`): the small ones, and then the
   smallest others until the folded ones hold at least k together. A view whose own value is
   folded, or that differs by 1..k-1 from the view without the filter, is withheld. For a
   department the cells are counted at every level above it: at each ancestor (and the whole
   organisation) its children's subtrees and its own people, and the view is withheld when the
   cell it lies in is folded at any level. So whatever a viewer subtracts along one filter, the
   shown values and the folded rest are each 0 or at least k.
4. Breakdowns and trends fold the same way (`fold`): a breakdown's small segments go into
   "other" with the smallest shown ones until "other" holds at least k, and a trend hides the
   periods it folds, so the total minus the shown points is 0 or at least k.
"""

from collections import defaultdict
from collections.abc import Callable

from django.db.models import Count, QuerySet

from exitlens.core import segments
from exitlens.core.models import Department
from exitlens.insights.filters import Filters, tenure_band_expression
from exitlens.insights.models import Leaver
from exitlens.insights.results import DEPARTURES, LEAVERS, min_group

OTHER = "other"
RESERVED = (OTHER, segments.UNKNOWN)  # keys of folded or unknown cells, not of one value
COLUMNS = {  # filter -> the column it selects on, in Leaver and in Departure
    "department": "department_id",
    "manager": "manager_id",
    "job_title": "job_title",
    "location": "location",
    "age_band": "age_band",
    "tenure_band": "tenure_band",
    "departure_type": "departure_type",
    "regrettable": "regrettable",
}


def fold(sizes: dict[str, int], minimum: int) -> set[str]:
    """The keys of the cells to fold together: those of 1..minimum-1 people (and "other"), then,
    while the folded ones hold 1..minimum-1 together, the smallest of the rest (by size, then
    key, so every view folds alike). Every cell left out holds at least `minimum`, and the folded
    ones together hold 0 or at least `minimum` (or they are all the cells)."""
    folded = {key for key, size in sizes.items() if size and (size < minimum or key == OTHER)}
    together = sum(sizes[key] for key in folded)
    rest = sorted((size, key) for key, size in sizes.items() if size and key not in folded)
    for size, key in rest:
        if not 0 < together < minimum:
            break
        folded.add(key)
        together += size
    return folded


def cell_key(value) -> str:
    """A value as the key of its cell (and of its breakdown segment)."""
    return segments.UNKNOWN if value in (None, "") else str(value)


def small(difference: int, minimum: int) -> bool:
    return 0 < difference < minimum


# 2. Period edges


def month_index(month: str) -> int:
    """ "2026-05" -> a number that counts months."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def edge_is_safe(per_month: dict[int, int], edge: int, minimum: int) -> bool:
    """Whether a period may begin at month `edge` (or end just before it): see rule 2."""
    before = [month for month, n in per_month.items() if n and month < edge]
    after = [month for month, n in per_month.items() if n and month >= edge]
    if not before or not after:
        return sum(per_month.values()) >= minimum or not (before or after)
    return per_month[max(before)] >= minimum and per_month[min(after)] >= minimum


def period_is_safe(per_month: dict[int, int], filters: Filters, minimum: int) -> bool:
    """Rule 2 for both edges of the period, at each level (month, quarter, year) they lie on."""
    levels = {1: per_month, 3: defaultdict(int), 12: defaultdict(int)}
    for month, n in per_month.items():
        levels[3][month // 3] += n
        levels[12][month // 12] += n
    start = filters.start.year * 12 + filters.start.month - 1
    after_end = filters.end.year * 12 + filters.end.month
    return all(
        any(
            edge_is_safe(levels[size], edge // size, minimum) for size in levels if edge % size == 0
        )
        for edge in (start, after_end)
    )


# 3. Along each filter


def department_is_safe(
    per_department: dict[int | None, int], parents: dict[int, int | None], chosen: int, minimum
) -> bool:
    """Rule 3 for a department: at every level above it, the cell it lies in is not folded and
    differs from the whole level by 0 or at least `minimum`."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent in parents.items():
        children[parent].append(pk)
    subtree: dict[int | None, int] = defaultdict(int)
    for pk, n in per_department.items():
        subtree[None] += n
        node = pk
        seen = set()
        while node is not None and node not in seen:
            seen.add(node)
            subtree[node] += n
            node = parents.get(node)
    node = chosen
    while True:
        above = parents.get(node)
        cells = {str(child): subtree[child] for child in children[above]}
        own = per_department.get(above, 0)
        cells[str(above) if above is not None else segments.UNKNOWN] = own
        if str(node) in fold(cells, minimum) or small(subtree[above] - subtree[chosen], minimum):
            return False
        if above is None:
            return True
        node = above


def value_is_safe(per_value: dict, chosen, minimum: int) -> bool:
    """Rule 3 for any other filter."""
    key = cell_key(chosen)
    if key in RESERVED:  # its cell would also hold people without a value
        return False
    cells: dict[str, int] = defaultdict(int)
    for value, n in per_value.items():
        cells[cell_key(value)] += n
    whole = sum(cells.values())
    return key not in fold(cells, minimum) and not small(whole - cells.get(key, 0), minimum)


# Counting, one grouped query each


class Counter:
    """How one figure group is counted: per month (all time) and per value of a filter."""

    def __init__(self, people: Callable[[Filters], QuerySet], months: Callable, column=None):
        self.people = people
        self.months = months
        self.column = column or (lambda name: COLUMNS[name])

    def per_value(self, filters: Filters, name: str) -> dict:
        people = self.people(filters.without(name))
        column = self.column(name)
        if column == "band":
            people = people.annotate(band=tenure_band_expression())
        return dict(people.values_list(column).annotate(n=Count("pk")).order_by())


def _leaver_months(filters: Filters) -> dict[int, int]:
    rows = (
        Leaver.objects.filter(filters.linked(period=False))
        .values_list("leave_month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {month_index(month): n for month, n in rows if month}


def _departure_months(filters: Filters) -> dict[int, int]:
    """Counted per day by the database (from an index) and added up per month here."""
    found: dict[int, int] = defaultdict(int)
    rows = filters.departures(period=False).values_list("leave_date").annotate(n=Count("pk"))
    for day, n in rows.order_by():
        found[day.year * 12 + day.month - 1] += n
    return found


COUNTERS = {
    LEAVERS: Counter(lambda filters: filters.leavers(), _leaver_months),
    DEPARTURES: Counter(
        lambda filters: filters.departures(),
        _departure_months,
        lambda name: "band" if name == "tenure_band" else COLUMNS[name],
    ),
}


def withheld(filters: Filters, shown: tuple[str, ...] = (LEAVERS, DEPARTURES)) -> tuple[str, ...]:
    """The figure groups (of those `shown` so far) that this view withholds (rules 2 and 3)."""
    minimum = min_group()
    parents = None
    found = []
    for group in shown:
        counter = COUNTERS[group]
        safe = period_is_safe(counter.months(filters), filters, minimum)
        for name in filters.active() if safe else ():
            per_value = counter.per_value(filters, name)
            if name == "department":
                if parents is None:
                    parents = dict(Department.objects.values_list("pk", "parent_id"))
                safe = department_is_safe(per_value, parents, filters.department.pk, minimum)
            else:
                chosen = getattr(filters, name)
                safe = value_is_safe(per_value, chosen.pk if name == "manager" else chosen, minimum)
            if not safe:
                break
        if not safe:
            found.append(group)
    return tuple(found)
