"""Downloads: the dashboard's figures (everyone who sees the insights) and row-level data
(HR staff and administrators only). Every download is written to the audit log."""

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.core import spreadsheets
from exitlens.core.services.audit import record_audit
from exitlens.core.spreadsheets import Table
from exitlens.insights.datasets import DATASETS, dataset_rows
from exitlens.insights.exports import export_insights
from exitlens.insights.filters import InsightFilterForm
from exitlens.insights.views.common import insights_required, read_filters

CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
INSIGHT_FORMATS = ("json", "csv", "xlsx")
DATA_FORMATS = ("csv", "xlsx")


def export_filename(name: str, format: str) -> str:
    return f"exitlens-{name}-{timezone.localdate().isoformat()}.{format}"


def _attachment(response: HttpResponse, name: str, format: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{export_filename(name, format)}"'
    return response


def invalid_filters(form: InsightFilterForm) -> HttpResponse:
    """A 400 that says, in plain text, which filter is wrong and why."""
    lines = [_("The filters are not valid:")]
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = str(field.label) if field else _("Filters")
        lines.extend(f"- {label}: {error}" for error in errors)
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


@insights_required
def insights_export(request, format: str):
    """The dashboard's figures as JSON, CSV or XLSX; the threshold holds as on the page."""
    if format not in INSIGHT_FORMATS:
        raise Http404
    form, filters = read_filters(request)
    if filters is None:
        return invalid_filters(form)
    _insights, content = export_insights(filters, format, by=request.user, request=request)
    response = HttpResponse(content, content_type=CONTENT_TYPES[format])
    return _attachment(response, "insights", format)


@insights_required
def data_export(request, dataset: str, format: str):
    """Departures, answers or coded themes row by row, for HR's own analysis."""
    if not request.user.is_hr or dataset not in DATASETS or format not in DATA_FORMATS:
        raise Http404
    form, filters = read_filters(request)
    if filters is None:
        return invalid_filters(form)
    header, rows = dataset_rows(dataset, filters)
    record_audit(
        request.user,
        "data.exported",
        dataset,
        request=request,
        format=format,
        dataset=dataset,
        query=filters.query(),
    )
    if format == "csv":
        lines = spreadsheets.csv_lines(header, rows)
        response = StreamingHttpResponse(_with_bom(lines), content_type=CONTENT_TYPES[format])
    else:
        titles = {"departures": _("Departures"), "answers": _("Answers"), "themes": _("Themes")}
        content = spreadsheets.to_xlsx([Table(titles[dataset], header, rows)])
        response = HttpResponse(content, content_type=CONTENT_TYPES[format])
    return _attachment(response, dataset, format)


def _with_bom(lines):
    yield spreadsheets.BOM
    yield from lines
