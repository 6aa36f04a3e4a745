"""What every insights view shares: who may see the insights, and reading the filters."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from exitlens.insights.filters import Filters, InsightFilterForm


def insights_required(view):
    """Signed-in staff of any role: HR, administrators and viewers (management)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_active and request.user.role):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def read_filters(request) -> tuple[InsightFilterForm, Filters | None]:
    """The filter form bound to the URL query, and its filters when valid."""
    form = InsightFilterForm(request.GET)  # bound even when empty: no filter means the defaults
    if form.is_valid():
        return form, form.filters()
    return form, None


def audit_quotes_read(request, insights, page: str) -> None:
    """Quotes are answer text: every page that shows them is written to the audit log."""
    from exitlens.core.services.audit import record_audit

    quotes = sum(len(found) for found in insights.quotes.values())
    if request.user.is_hr:
        quotes += sum(len(found) for found in insights.quote_candidates.values())
    if quotes:
        record_audit(
            request.user,
            "insights.quotes_viewed",
            "insights",
            request=request,
            page=page,
            quotes=quotes,
            filters=insights.filters.query(),
        )
