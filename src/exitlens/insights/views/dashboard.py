"""The insights dashboard: why people leave and what would have kept them, for HR and viewers."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from exitlens.insights import labels
from exitlens.insights.figures import compute
from exitlens.insights.filters import common_values
from exitlens.insights.results import DEPARTURES, LEAVERS
from exitlens.insights.views.common import (
    audit_quotes_read,
    insights_required,
    read_filters,
)
from exitlens.insights.views.quotes import quotes_to_review


@insights_required
def dashboard(request):
    form, filters = read_filters(request)
    context = {"nav": "insights", "form": form, "filters": filters, "choices": _choices()}
    if filters is None:
        return render(request, "insights/dashboard.html", context, status=400)
    insights = compute(filters, with_candidates=request.user.is_hr)
    audit_quotes_read(request, insights, "dashboard")
    from exitlens.insights.report import charts_for

    context |= {
        "insights": insights,
        "too_few_leavers": _too_few_leavers(insights),
        "charts": charts_for(insights),
        "theme_labels": _theme_labels(),
        "segment_labels": _segment_labels(insights),
        "dimension": labels.dimension_label(filters.by),
        "query": filters.query(),
        "described": labels.describe(filters),
        "trend_rows": _trend_rows(insights),
        "datasets": DATASETS,
        "quote_review": quotes_to_review(request, insights),
    }
    return render(request, "insights/dashboard.html", context)


DATASETS = (
    ("departures", _("Departures")),
    ("answers", _("Answers")),
    ("themes", _("Coded themes")),
)


def _trend_rows(insights) -> list[dict]:
    departures = dict(insights.departures_trend)
    voluntary = dict(insights.voluntary_trend.points)
    themes = [dict(series.points) for series in insights.theme_trends]
    return [
        {
            "period": period,
            "departures": departures.get(period),
            "voluntary": voluntary.get(period),
            "themes": [points.get(period) for points in themes],
        }
        for period in insights.periods
    ]


def _theme_labels() -> dict[str, str]:
    from exitlens.analysis.taxonomy import THEME_IDS

    return {theme: labels.theme_label(theme) for theme in THEME_IDS}


def _segment_labels(insights) -> dict[str, str]:
    if insights.breakdown is None:
        return {}
    keys = [segment.key for segment in insights.breakdown.segments]
    return labels.segment_labels(insights.breakdown.dimension, keys)


def _too_few_leavers(insights) -> bool:
    """Whether to say that too few completed interviews match (not when they are withheld,
    nor when too few departures match, which is said already)."""
    departures_said = insights.headline.departures is None and DEPARTURES not in insights.withheld
    return insights.suppressed and LEAVERS not in insights.withheld and not departures_said


def _choices() -> dict[str, list]:
    """Values to pick from for the free-text filters (a datalist; the form checks them): only
    those held by at least the minimum group of departures, for HR and viewers alike."""
    return {
        "job_titles": common_values("job_title"),
        "locations": common_values("location"),
        "age_bands": common_values("age_band", limit=100),
    }
