"""HR pages that read interview answers: a departure's, and the anonymous responses."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from exitlens.core.access import (
    get_anonymous_interview_for_user,
    get_departure_for_user,
    hr_required,
)
from exitlens.core.models import Interview
from exitlens.core.services import interviews, sealing
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.staff.interview_pages import answers_context

ANONYMOUS_PAGE_SIZE = 50


@hr_required
def answers(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    interview = interviews.interview_of(departure)
    # A draft is the leaver's alone, and an anonymous interview is never read next to a name.
    if not interviews.readable_by_staff(interview):
        raise Http404
    record_audit(request.user, "interview.viewed", departure_subject(departure), request=request)
    context = answers_context(interview)
    context.update({"nav": "departures", "departure": departure})
    return render(request, "staff/answers.html", context)


@hr_required
def anonymous_list(request: HttpRequest) -> HttpResponse:
    responses = (
        Interview.objects.filter(
            departure__isnull=True,
            confidentiality=Interview.Confidentiality.ANONYMOUS,
            status=Interview.Status.COMPLETED,
        )
        .select_related("department")
        # Random ids give a stable order that says nothing about when an interview was held.
        .order_by("-leave_quarter", "department__name", "id")
    )
    page = Paginator(responses, ANONYMOUS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "staff/anonymous_list.html",
        {
            "nav": "anonymous",
            "page": page,
            "sealed": sealing.sealed_count(),
            "min_group": settings.EXITLENS_MIN_GROUP_SIZE,
        },
    )


@hr_required
def anonymous_detail(request: HttpRequest, interview_id) -> HttpResponse:
    interview = get_anonymous_interview_for_user(request.user, interview_id)
    record_audit(
        request.user, "interview.viewed", f"anonymous interview {interview.id}", request=request
    )
    context = answers_context(interview)
    context["nav"] = "anonymous"
    return render(request, "staff/anonymous_detail.html", context)
