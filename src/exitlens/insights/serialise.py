"""The insights as data: a JSON-ready dict and named tables (core/spreadsheets.py writes files).

Every figure here is one the dashboard shows, so the confidentiality threshold already holds:
a figure on too few people is None in the dict and an empty cell in the tables.
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from exitlens.core.spreadsheets import Table
from exitlens.insights.figures import Breakdown, Insights, Share, ThemeRow, TrendSeries
from exitlens.insights.labels import (
    describe,
    dimension_label,
    retention_measure,
    segment_labels,
    theme_label,
)

DECIMALS = 4

THEME_SECTIONS = ("reasons", "retention", "attraction", "liked_most", "liked_least", "gap")


def methods_note(insights: Insights) -> str:
    return _(
        "Shares carry a 95%% Wilson score interval. A segment differs from the rest of the "
        "organisation when Fisher's exact test (two-sided) finds it so after the "
        "Benjamini–Hochberg correction across segments. A figure on fewer than %(min_group)s "
        "people is hidden (null or an empty cell); quotes appear only when at least "
        "%(min_quote_group)s leavers are in view. Periods count in whole months, and the "
        "figures of a view that would differ from a nearby view (one filter or one edge of the "
        "period apart) by fewer than %(min_group)s people are withheld; small segments and "
        "periods are folded together until they reach %(min_group)s."
    ) % {"min_group": insights.min_group, "min_quote_group": insights.min_quote_group}


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _share(share: Share | None) -> dict | None:
    if share is None:
        return None
    return {
        "count": share.count,
        "total": share.total,
        "share": _number(share.value),
        "low": _number(share.low),
        "high": _number(share.high),
    }


def _theme_row(row: ThemeRow) -> dict:
    return {
        "theme": row.theme,
        "label": theme_label(row.theme),
        "leavers": row.leavers,
        "share": _share(row.share),
        "negative": row.negative,
        "positive": row.positive,
        "sources": dict(row.sources),
        "regrettable": row.regrettable,
        "retention_measure": retention_measure(row.theme),
    }


def _breakdown(breakdown: Breakdown | None) -> dict | None:
    if breakdown is None:
        return None
    names = segment_labels(breakdown.dimension, [segment.key for segment in breakdown.segments])
    return {
        "dimension": breakdown.dimension,
        "label": dimension_label(breakdown.dimension),
        "segments": [
            {
                "key": segment.key,
                "label": names[segment.key],
                "leavers": segment.leavers,
                "themes": dict(segment.themes),
                "differs": dict(segment.differs),
            }
            for segment in breakdown.segments
        ],
        "hidden": breakdown.hidden,
    }


def _trend(series: TrendSeries) -> list[dict]:
    return [{"period": period, "share": _share(share)} for period, share in series.points]


def as_dict(insights: Insights) -> dict:
    """Every figure of the dashboard, JSON-ready (only str, int, float, None, lists, dicts)."""
    filters, headline = insights.filters, insights.headline
    found = {
        "filters": {
            "description": [{"label": label, "value": value} for label, value in describe(filters)],
            "query": filters.query(),
            "start": filters.start.isoformat(),
            "end": filters.end.isoformat(),
            "granularity": filters.granularity,
            "by": filters.by,
        },
        "thresholds": {
            "min_group": insights.min_group,
            "min_quote_group": insights.min_quote_group,
        },
        "withheld": list(insights.withheld),
        "withheld_reason": insights.withheld_reason or None,
        "headline": {
            "departures": headline.departures,
            "voluntary": _share(headline.voluntary),
            "regrettable": _share(headline.regrettable),
            "invited": headline.invited,
            "responded": _share(headline.responded),
            "leavers": headline.leavers,
            "expectations_met": _number(headline.expectations_met),
            "expectations_scale": (
                list(headline.expectations_scale) if headline.expectations_scale else None
            ),
            "recommend_score": _number(headline.recommend_score),
            "recommend_answers": headline.recommend_answers,
            "retained": _share(headline.retained),
        },
    }
    for section in THEME_SECTIONS:
        found[section] = [_theme_row(row) for row in getattr(insights, section)]
    return found | {
        "breakdown": _breakdown(insights.breakdown),
        "periods": list(insights.periods),
        "departures_trend": [
            {"period": period, "departures": count} for period, count in insights.departures_trend
        ],
        "voluntary_trend": _trend(insights.voluntary_trend),
        "theme_trends": [
            {"theme": series.name, "label": theme_label(series.name), "points": _trend(series)}
            for series in insights.theme_trends
        ],
        "quotes": {
            theme: [quote.text for quote in quotes] for theme, quotes in insights.quotes.items()
        },
        "anonymous_left_out": insights.anonymous_left_out,
        "methods": methods_note(insights),
    }


# Tables: the same content, one table per section of the dashboard.


def _share_cells(share: Share | None) -> list:
    if share is None:
        return [None] * 5
    return [_number(share.value), share.count, share.total, _number(share.low), _number(share.high)]


def _share_header() -> list[str]:
    return [_("Share"), _("Count"), _("Out of"), _("Low (95%)"), _("High (95%)")]


def _section_titles() -> dict[str, str]:
    return {
        "reasons": _("Why people leave"),
        "retention": _("What would have kept them"),
        "attraction": _("What attracted them"),
        "liked_most": _("What they liked most"),
        "liked_least": _("What they liked least"),
        "gap": _("Expectation gap"),
    }


def _filters_table(insights: Insights) -> Table:
    rows = [[label, value] for label, value in describe(insights.filters)]
    rows.append([_("Query"), insights.filters.query()])
    if insights.withheld:
        rows.append([_("Withheld"), insights.withheld_reason])
    return Table(_("Filters"), [pgettext("column heading", "Filter"), _("Value")], rows)


def _headline_table(insights: Insights) -> Table:
    headline = insights.headline
    scale = headline.expectations_scale
    rows = [
        [_("Departures"), headline.departures, None, None, None, None],
        [_("Voluntary"), *_share_cells(headline.voluntary)],
        [_("Regrettable"), *_share_cells(headline.regrettable)],
        [_("Invited"), headline.invited, None, None, None, None],
        [_("Responded"), *_share_cells(headline.responded)],
        [_("Leavers interviewed"), headline.leavers, None, None, None, None],
        [
            _("Expectations met (%(low)s–%(high)s)") % {"low": scale[0], "high": scale[1]}
            if scale
            else _("Expectations met"),
            _number(headline.expectations_met),
            None,
            None,
            None,
            None,
        ],
        [
            _("Would recommend (eNPS)"),
            _number(headline.recommend_score),
            None,
            headline.recommend_answers,
            None,
            None,
        ],
        [_("Retained"), *_share_cells(headline.retained)],
    ]
    return Table(_("Headline"), [_("Figure"), *_share_header()], rows)


def _theme_table(title: str, rows: list[ThemeRow]) -> Table:
    header = [
        _("Theme"),
        _("Label"),
        _("Leavers"),
        *_share_header(),
        _("Problem"),
        _("Strength"),
        _("Main reason"),
        _("Contributing reason"),
        _("In their own words"),
        _("Regrettable"),
        _("Retention measure"),
    ]
    body = [
        [
            row.theme,
            theme_label(row.theme),
            row.leavers,
            *_share_cells(row.share),
            row.negative,
            row.positive,
            row.sources.get("main", 0),
            row.sources.get("contributing", 0),
            row.sources.get("text", 0),
            row.regrettable,
            retention_measure(row.theme),
        ]
        for row in rows
    ]
    return Table(title, header, body)


def _breakdown_table(insights: Insights) -> Table:
    header = [
        _("Segment"),
        _("Name"),
        _("Leavers"),
        _("Theme"),
        _("Label"),
        _("Leavers raising it"),
        _("Compared with the rest"),
    ]
    rows = []
    breakdown = insights.breakdown
    if breakdown is not None:
        names = segment_labels(breakdown.dimension, [s.key for s in breakdown.segments])
        directions = {"higher": _("higher"), "lower": _("lower")}
        for segment in breakdown.segments:
            for theme, count in sorted(
                segment.themes.items(), key=lambda item: (-item[1], item[0])
            ):
                direction = segment.differs.get(theme, "")
                rows.append(
                    [
                        segment.key,
                        names[segment.key],
                        segment.leavers,
                        theme,
                        theme_label(theme),
                        count,
                        directions.get(direction, direction),
                    ]
                )
    title = _("Breakdown by %(dimension)s") % {
        "dimension": dimension_label(breakdown.dimension if breakdown else insights.filters.by)
    }
    return Table(title, header, rows)


def _departures_trend_table(insights: Insights) -> Table:
    voluntary = dict(insights.voluntary_trend.points)
    rows = [
        [period, count, *_share_cells(voluntary.get(period))]
        for period, count in insights.departures_trend
    ]
    header = [
        _("Period"),
        _("Departures"),
        *(f"{_('Voluntary')}: {name}" for name in _share_header()),
    ]
    return Table(_("Departures over time"), header, rows)


def _theme_trends_table(insights: Insights) -> Table:
    rows = [
        [period, series.name, theme_label(series.name), *_share_cells(share)]
        for series in insights.theme_trends
        for period, share in series.points
    ]
    header = [_("Period"), _("Theme"), _("Label"), *_share_header()]
    return Table(_("Reasons over time"), header, rows)


def _quotes_table(insights: Insights) -> Table:
    rows = [
        [theme, theme_label(theme), quote.text]
        for theme, quotes in insights.quotes.items()
        for quote in quotes
    ]
    return Table(_("Quotes"), [_("Theme"), _("Label"), _("Quote")], rows)


def _methods_table(insights: Insights) -> Table:
    rows = [
        [_("Smallest group shown"), insights.min_group],
        [_("Smallest group quoted"), insights.min_quote_group],
        [_("Anonymous interviews left out by the filters"), insights.anonymous_left_out],
        [_("Methods"), methods_note(insights)],
    ]
    return Table(_("Methods"), [_("Item"), _("Value")], rows)


def tables(insights: Insights) -> list[Table]:
    """A table per section of the dashboard, for CSV and XLSX."""
    titles = _section_titles()
    return [
        _filters_table(insights),
        _headline_table(insights),
        *(_theme_table(titles[name], getattr(insights, name)) for name in THEME_SECTIONS),
        _breakdown_table(insights),
        _departures_trend_table(insights),
        _theme_trends_table(insights),
        _quotes_table(insights),
        _methods_table(insights),
    ]
