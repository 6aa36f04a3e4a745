"""Every figure of the insights, counted by the database, with the confidentiality threshold.

The unit is the leaver: a completed interview, one `Leaver` row each (see summaries.py), with the
themes of each question as a bit mask, so a figure is one scan of that narrow table. A theme
counts once per leaver however many of their answers raise it. "Why people leave" joins three
sources: the main reason, the contributing reasons (both chosen from the themes) and the
problems coded in the free-text answer to "why did you decide to leave?" (HR's reviewed tags
where there are any, else the model's). A theme that answer names as a strength is counted
beside it, not as a reason.
"""

import hashlib

from django.core.cache import cache

from exitlens.insights import disclosure, quotes, summaries
from exitlens.insights.disclosure import OTHER
from exitlens.insights.figures import breakdown, headline, themes, trends
from exitlens.insights.figures.quote_sampling import candidate_quotes
from exitlens.insights.figures.tally import Tally, tally
from exitlens.insights.filters import Filters
from exitlens.insights.results import (  # the result types, also imported from here
    DEPARTURES,
    LEAVERS,
    Breakdown,
    Headline,
    Insights,
    Quote,
    Segment,
    Share,
    ThemeRow,
    TrendSeries,
    min_group,
    min_quote_group,
    share,
)

__all__ = [
    "OTHER",
    "Breakdown",
    "Headline",
    "Insights",
    "Quote",
    "Segment",
    "Share",
    "ThemeRow",
    "TrendSeries",
    "compute",
    "share",
]

CACHE_SECONDS = 600
RULES = "approved-quotes-2"  # in the cache key: results counted under older rules are not reused


def compute(filters: Filters, *, with_candidates: bool = False) -> Insights:
    """Every figure for these filters; reused from the cache until the counted data changes.
    Quotes are the approved ones only; `with_candidates` keeps the quotes awaiting HR's review
    too, for HR's page (never for what is downloaded or sent: see quotes.py). Reads only: the
    summaries are kept fresh by the writes that change what they count (summaries.py)."""
    key = (
        "insights:"
        + hashlib.sha256(
            repr(
                (RULES, filters.query(), summaries.version(), min_group(), min_quote_group())
            ).encode()
        ).hexdigest()
    )
    found = cache.get(key)
    if found is None:
        found = _compute(filters)
        cache.set(key, found, CACHE_SECONDS)
    return quotes.with_approved_quotes(found, keep_candidates=with_candidates)


def _compute(filters: Filters) -> Insights:
    departures = filters.departures()
    leavers = filters.leavers()
    tallies = tally(filters, leavers)
    total = sum(tallies.values(), Tally())
    counts = headline.departure_counts(departures)
    large = ((DEPARTURES, counts["total"]), (LEAVERS, total.leavers))
    withheld = disclosure.withheld(filters, tuple(g for g, n in large if n >= min_group()))
    top = headline.headline(counts, total, withheld)
    count = top.leavers or 0
    empty = not top.leavers
    reasons = [] if empty else themes.reasons(tallies, total, count)
    periods = trends.periods(filters)
    departures_trend, voluntary_trend = trends.departure_trends(
        periods, trends.departures_by_period(filters, departures), DEPARTURES in withheld
    )
    return Insights(
        filters=filters,
        min_group=min_group(),
        min_quote_group=min_quote_group(),
        headline=top,
        reasons=reasons,
        retention=[] if empty else themes.coded(total, "retention", count),
        attraction=[] if empty else themes.coded(total, "attraction", count, "positive"),
        liked_most=[] if empty else themes.coded(total, "liked_most", count, "positive"),
        liked_least=[] if empty else themes.coded(total, "liked_least", count, "negative"),
        gap=[] if empty else themes.coded(total, "gap", count, "negative"),
        breakdown=None if empty else breakdown.breakdown(filters, tallies),
        periods=periods,
        departures_trend=departures_trend,
        voluntary_trend=voluntary_trend,
        theme_trends=[] if empty else trends.theme_trends(tallies, reasons, periods, count),
        quotes={},
        quote_candidates={} if empty else candidate_quotes(leavers, reasons, count),
        anonymous_left_out=None if LEAVERS in withheld else headline.anonymous_left_out(filters),
        withheld=withheld,
    )
