"""Exporting the insights: one function for the download and the command line alike."""

import json

from django.http import HttpRequest

from exitlens.core import spreadsheets
from exitlens.core.models import User
from exitlens.core.services.audit import record_audit
from exitlens.insights import serialise
from exitlens.insights.figures import Insights, compute
from exitlens.insights.filters import Filters

FORMATS = ("json", "csv", "xlsx", "pdf")


def export_insights(
    filters: Filters,
    format: str,
    *,
    by: User | None,
    request: HttpRequest | None = None,
    via: str = "",
) -> tuple[Insights, str | bytes]:
    """Every figure of the dashboard for these filters in one file's content, written to the
    audit log (`via` says where from when there is no request). The threshold holds as on the
    page: a figure on too few people is empty, and quotes are the approved ones only."""
    insights = compute(filters)
    content = render(insights, format)
    details = {"via": via} if via else {}
    record_audit(
        by,
        "insights.exported",
        "insights",
        request=request,
        format=format,
        dataset="insights",
        query=filters.query(),
        **details,
    )
    return insights, content


def render(insights: Insights, format: str) -> str | bytes:
    if format == "json":
        return json.dumps(serialise.as_dict(insights), ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        return spreadsheets.to_csv(serialise.tables(insights))
    if format == "xlsx":
        return spreadsheets.to_xlsx(serialise.tables(insights))
    if format == "pdf":
        from exitlens.insights.report import render_pdf  # WeasyPrint loads only when needed

        return render_pdf(insights)
    raise ValueError(format)
