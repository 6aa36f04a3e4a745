from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from exitlens.core.access import get_departure_for_user, hr_required
from exitlens.core.models import Departure, Interview
from exitlens.core.services.departures import (
    DepartureInvalid,
    delete_departure,
    filter_departures,
    register_departure,
    update_departure,
)
from exitlens.staff.forms import (
    DEFAULT_PAGE_SIZE,
    LIST_STATE,
    DepartureFilterForm,
    DepartureForm,
    InterviewState,
)
from exitlens.staff.views.interviews import interview_panel_context

STATE_BADGES = {
    InterviewState.NONE: "",
    InterviewState.INVITED: "badge-brand",
    InterviewState.SCHEDULED: "badge-brand",
    InterviewState.IN_PROGRESS: "badge-warn",
    InterviewState.COMPLETED: "badge-ok",
    InterviewState.ANONYMOUS: "badge-ok",
}


def with_interview_state(departures: QuerySet[Departure]) -> QuerySet[Departure]:
    """Annotate `interview_state`, an Interview.State value, computed in the database."""
    return departures.annotate(interview_state=Interview.state_expression())


@hr_required
def departure_list(request: HttpRequest) -> HttpResponse:
    form = DepartureFilterForm(request.GET)
    form.is_valid()
    # An invalid field is left out of cleaned_data; the valid ones still filter.
    data = form.cleaned_data
    departures = with_interview_state(Departure.objects.select_related("department")).order_by(
        "-leave_date", "full_name", "pk"
    )
    departures = filter_departures(
        departures,
        search=data.get("q") or "",
        department=data.get("department"),
        departure_type=data.get("departure_type") or "",
        interview_states=[
            state for state, listed in LIST_STATE.items() if listed == data.get("interview")
        ],
        outcome=data.get("outcome") or "",
        leave_from=data.get("leave_from"),
        leave_to=data.get("leave_to"),
        regrettable=data.get("regrettable"),
    )

    paginator = Paginator(departures, data.get("per_page") or DEFAULT_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    for departure in page.object_list:
        listed = LIST_STATE[departure.interview_state]
        departure.interview_state_label = listed.label
        departure.interview_state_badge = STATE_BADGES[listed]

    query = request.GET.copy()
    query.pop("page", None)
    ctx = {
        "nav": "departures",
        "form": form,
        "page": page,
        "page_query": query.urlencode(),
        "filtered": any(
            value not in (None, "") for key, value in data.items() if key != "per_page"
        ),
    }
    return render(request, "staff/departure_list.html", ctx)


@hr_required
def departure_create(request: HttpRequest) -> HttpResponse:
    form = DepartureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            departure = register_departure(request.user, form, request=request)
        except DepartureInvalid:
            pass  # the form shows what is wrong
        else:
            messages.success(request, _("The departure has been registered."))
            return redirect("departure_detail", code=departure.code)
    return render(request, "staff/departure_form.html", {"nav": "departures", "form": form})


@hr_required
def departure_edit(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    form = DepartureForm(request.POST if request.method == "POST" else None, instance=departure)
    if request.method == "POST":
        try:
            departure = update_departure(request.user, departure, form, request=request, via="form")
        except DepartureInvalid:
            pass  # the form shows what is wrong
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("departure_detail", code=departure.code)
    ctx = {"nav": "departures", "form": form, "departure": departure}
    return render(request, "staff/departure_form.html", ctx)


@hr_required
def departure_detail(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    ctx = {"nav": "departures", "departure": departure}
    ctx.update(interview_panel_context(request, departure))
    return render(request, "staff/departure_detail.html", ctx)


@hr_required
@require_http_methods(["GET", "POST"])
def departure_delete(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    if request.method == "POST":
        delete_departure(request.user, departure, request=request)
        messages.success(
            request, _("The departure of %(name)s has been deleted.") % {"name": departure}
        )
        return redirect("departure_list")
    ctx = {"nav": "departures", "departure": departure}
    return render(request, "staff/departure_confirm_delete.html", ctx)
