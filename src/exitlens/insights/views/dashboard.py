"""The insights dashboard: why people leave and what would have kept them, for HR and viewers."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import Departure
from exitlens.insights import labels
from exitlens.insights.figures import compute
from exitlens.insights.views.common import insights_required, read_filters


@insights_required
def dashboard(request):
    form, filters = read_filters(request)
    context = {"nav": "insights", "form": form, "filters": filters, "choices": _choices()}
    if filters is None:
        return render(request, "insights/dashboard.html", context, status=400)
    insights = compute(filters)
    from exitlens.insights.report import charts_for

    context |= {
        "insights": insights,
        "charts": charts_for(insights),
        "theme_labels": _theme_labels(),
        "segment_labels": _segment_labels(insights),
        "dimension": labels.dimension_label(filters.by),
        "query": filters.query(),
        "described": labels.describe(filters),
        "trend_rows": _trend_rows(insights),
        "datasets": DATASETS,
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
    from exitlens.taxonomy import THEME_IDS

    return {theme: labels.theme_label(theme) for theme in THEME_IDS}


def _segment_labels(insights) -> dict[str, str]:
    if insights.breakdown is None:
        return {}
    keys = [segment.key for segment in insights.breakdown.segments]
    return labels.segment_labels(insights.breakdown.dimension, keys)


def _choices() -> dict[str, list]:
    """Values to pick from for the free-text filters (a datalist; the form checks them)."""
    departures = Departure.objects.order_by()
    return {
        "job_titles": list(
            departures.exclude(job_title="").values_list("job_title", flat=True).distinct()[:500]
        ),
        "locations": list(
            departures.exclude(location="").values_list("location", flat=True).distinct()[:500]
        ),
        "age_bands": sorted(
            departures.exclude(age_band="").values_list("age_band", flat=True).distinct()[:100]
        ),
    }
