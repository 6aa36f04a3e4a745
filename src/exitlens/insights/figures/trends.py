"""The figures per period: departures, the voluntary share and the top reasons over time."""

from datetime import date

from django.db.models import Count, Q

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core import segments
from exitlens.core.models import Departure
from exitlens.insights import disclosure
from exitlens.insights.figures.tally import Tally
from exitlens.insights.filters import Filters
from exitlens.insights.results import TrendSeries, at_least_group, min_group, share

TREND_THEMES = 3


def periods(filters: Filters) -> list[str]:
    if filters.granularity == "quarter":
        return filters.quarters()
    found, year, month = [], filters.start.year, filters.start.month
    while date(year, month, 1) <= filters.end:
        found.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _period_key(day: date, granularity: str) -> str:
    return segments.quarter(day) if granularity == "quarter" else f"{day.year}-{day.month:02d}"


def departures_by_period(filters: Filters, departures) -> dict[str, tuple[int, int]]:
    """Period -> (departures, voluntary ones), counted per day by the database (from an index)
    and added up per period here: truncating every date in SQL costs more than the count."""
    per_day = (
        departures.values_list("leave_date")
        .annotate(
            n=Count("pk"),
            voluntary=Count("pk", filter=Q(departure_type__in=Departure.VOLUNTARY_TYPES)),
        )
        .values_list("leave_date", "n", "voluntary")
        .order_by()
    )
    found: dict[str, tuple[int, int]] = {}
    for day, n, voluntary in per_day:
        key = _period_key(day, filters.granularity)
        total, willing = found.get(key, (0, 0))
        found[key] = (total + n, willing + voluntary)
    return found


def departure_trends(
    periods: list[str], by_period: dict[str, tuple[int, int]], withheld: bool
) -> tuple[list[tuple[str, int | None]], TrendSeries]:
    """Departures and the voluntary share per period. A period below the threshold is hidden,
    and with it the smallest others until the hidden ones reach it (disclosure.fold): the total
    minus the shown periods is then 0 or a group of at least the threshold."""
    sizes = {period: n for period, (n, _voluntary) in by_period.items()}
    hidden = set(periods) if withheld else disclosure.fold(sizes, min_group())
    departures, voluntary = [], []
    for period in periods:
        n, willing = (0, 0) if period in hidden else by_period.get(period, (0, 0))
        departures.append((period, at_least_group(n)))
        voluntary.append((period, share(willing, n)))
    return departures, TrendSeries("voluntary", voluntary)


def theme_trends(tallies: dict[tuple, Tally], reasons, periods, count: int) -> list[TrendSeries]:
    """The share of leavers raising each of the top reasons, per period, small periods folded
    as in departure_trends. Anonymous interviews a period cannot place (a monthly trend, a
    year) are a cell of their own, never shown."""
    found: dict[str, Tally] = {}
    for (_segment, period, _regrettable), tally in tallies.items():
        if period:  # a monthly trend cannot place an anonymous interview
            found[period] = found.get(period, Tally()) + tally
    sizes = {period: tally.leavers for period, tally in found.items() if period in periods}
    sizes[" unplaced"] = count - sum(sizes.values())  # no period is named so
    hidden = disclosure.fold(sizes, min_group())
    index = {theme: i for i, theme in enumerate(THEME_IDS)}
    return [
        TrendSeries(
            row.theme,
            [
                (
                    p,
                    share(found[p].themes["reasons"][index[row.theme]], found[p].leavers)
                    if p in found and p not in hidden
                    else None,
                )
                for p in periods
            ],
        )
        for row in reasons[:TREND_THEMES]
    ]
