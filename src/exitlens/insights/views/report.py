"""The report "What must change": as a page and as a PDF to hand to management."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.core.services.audit import record_audit
from exitlens.insights.figures import compute
from exitlens.insights.filters import InsightFilterForm
from exitlens.insights.report import render_pdf, report_context
from exitlens.insights.views.common import (
    audit_quotes_read,
    insights_required,
    read_filters,
)
from exitlens.insights.views.quotes import quotes_to_review


def filter_errors(form: InsightFilterForm) -> list[tuple[str, str]]:
    """(field label, message) for every error of the filter form."""
    found = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = str(field.label) if field else ""
        found.extend((label, str(error)) for error in errors)
    return found


def pdf_filename() -> str:
    return f"exitlens-what-must-change-{timezone.localdate().isoformat()}.pdf"


@insights_required
def report(request):
    form, filters = read_filters(request)
    if filters is None:
        context = {"nav": "insights", "errors": filter_errors(form)}
        return render(request, "insights/report.html", context, status=400)
    insights = compute(filters, with_candidates=request.user.is_hr)
    audit_quotes_read(request, insights, "report")
    context = report_context(insights) | {
        "nav": "insights",
        "query": filters.query(),
        "quote_review": quotes_to_review(request, insights),
    }
    return render(request, "insights/report.html", context)


@insights_required
def report_pdf(request):
    form, filters = read_filters(request)
    if filters is None:
        lines = [_("The report cannot be made with these filters:")]
        lines.extend(
            f"- {label}: {message}" if label else f"- {message}"
            for label, message in filter_errors(form)
        )
        return HttpResponse(
            "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    content = render_pdf(compute(filters), request=request)
    record_audit(
        request.user,
        "insights.report_downloaded",
        "insights report",
        request=request,
        query=filters.query(),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename()}"'
    return response
