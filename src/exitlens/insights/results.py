"""What the insights hand to the page, the report, the exports, the API and the command line.

A figure on fewer people than the minimum group size is None; a figure group that disclosure.py
withholds (departures, leavers) is None or empty, and `Insights.withheld_reason` says why.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from exitlens.insights.filters import Filters
from exitlens.insights.stats import wilson_interval

DEPARTURES, LEAVERS = "departures", "leavers"  # the figure groups a view may withhold


def min_group() -> int:
    return settings.EXITLENS_MIN_GROUP_SIZE


def min_quote_group() -> int:
    return settings.EXITLENS_MIN_QUOTE_GROUP_SIZE


@dataclass
class Share:
    count: int
    total: int
    low: float
    high: float

    @property
    def value(self) -> float:
        return self.count / self.total if self.total else 0.0


def share(count: int, total: int) -> Share | None:
    """A proportion with its 95% Wilson interval, or None below the threshold."""
    if total < min_group():
        return None
    low, high = wilson_interval(count, total)
    return Share(count, total, low, high)


def at_least_group(count: int | None) -> int | None:
    """A count of people as it may be shown: None below the minimum group size."""
    return count if count is not None and count >= min_group() else None


@dataclass
class Headline:
    departures: int | None
    voluntary: Share | None
    regrettable: Share | None
    invited: int | None
    responded: Share | None  # completed interviews among the invited
    leavers: int | None  # completed interviews in view
    expectations_met: float | None
    expectations_scale: tuple[int, int] | None
    recommend_score: float | None  # eNPS: % promoters (9-10) minus % detractors (0-6)
    recommend_answers: int | None  # None below the minimum group size
    retained: Share | None  # retained among departures with a completed interview


@dataclass
class ThemeRow:
    theme: str
    leavers: int
    share: Share
    negative: int = 0
    positive: int = 0
    sources: dict[str, int] = field(default_factory=dict)
    regrettable: int = 0  # of the leavers, those whose loss was marked regrettable


@dataclass
class Segment:
    key: str  # a department's or manager's id, else the value itself; "other" or "unknown"
    leavers: int
    themes: dict[str, int]
    differs: dict[str, str]  # theme -> "higher" / "lower", where it differs by more than chance


@dataclass
class Breakdown:
    dimension: str
    segments: list[Segment]
    # Kept for the API's shape: always 0, since small segments fold into "other" together with
    # the smallest shown ones until "other" reaches the minimum group (disclosure.fold).
    hidden: int = 0


@dataclass
class TrendSeries:
    name: str
    points: list[tuple[str, Share | None]]


@dataclass
class Quote:
    theme: str
    text: str
    answer_id: int = 0


@dataclass
class Insights:
    filters: Filters
    min_group: int
    min_quote_group: int
    headline: Headline
    reasons: list[ThemeRow]
    retention: list[ThemeRow]
    attraction: list[ThemeRow]
    liked_most: list[ThemeRow]
    liked_least: list[ThemeRow]
    gap: list[ThemeRow]
    breakdown: Breakdown | None
    periods: list[str]
    departures_trend: list[tuple[str, int | None]]
    voluntary_trend: TrendSeries
    theme_trends: list[TrendSeries]
    quotes: dict[str, list[Quote]]
    anonymous_left_out: int | None  # None below the minimum group size
    withheld: tuple[str, ...] = ()  # DEPARTURES and/or LEAVERS: see disclosure.py
    # What the figures would quote; `quotes` holds those HR approved (insights/quotes.py).
    quote_candidates: dict[str, list[Quote]] = field(default_factory=dict)

    @property
    def suppressed(self) -> bool:
        return self.headline.leavers is None

    @property
    def withheld_reasons(self) -> list[str]:
        """Why figure groups are withheld, one sentence each, in the current language."""
        found = []
        if LEAVERS in self.withheld:
            found.append(
                _(
                    "This view would differ from a nearby view by fewer than %(n)s leavers, so "
                    "its figures are withheld; widen the filters."
                )
                % {"n": self.min_group}
            )
        if DEPARTURES in self.withheld:
            found.append(
                _(
                    "This view would differ from a nearby view by fewer than %(n)s departures, "
                    "so its departure figures are withheld; widen the filters."
                )
                % {"n": self.min_group}
            )
        return found

    @property
    def withheld_reason(self) -> str:
        return " ".join(self.withheld_reasons)
