"""Interviews: where each departure's interview stands, and the answers (HR tokens only).
Reading answers is written to the audit log, as on the HR pages."""

from uuid import UUID

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from exitlens.api import present
from exitlens.api.filters import InterviewQueryForm
from exitlens.api.queries import PageForm, page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.interviews import (
    AnonymousAnswersSerializer,
    AnonymousInterviewSerializer,
    InterviewAnswersSerializer,
    InterviewStatusSerializer,
)
from exitlens.api.views.base import ApiView
from exitlens.core.access import get_anonymous_interview_for_user
from exitlens.core.models import Departure, Interview
from exitlens.core.services import interviews
from exitlens.core.services.audit import departure_subject

TAGS = ["interviews"]
COMPLETED = Interview.Status.COMPLETED
ANONYMOUS = Interview.Confidentiality.ANONYMOUS


def _with_interviews(query: dict):
    """Departures with an interview, or whose leaver answered anonymously, filtered."""
    departures = (
        Departure.objects.filter(Q(interview__isnull=False) | Q(responded_anonymously=True))
        .select_related("interview")
        .order_by("-leave_date", "full_name", "pk")
    )
    if status := query.get("status"):
        matches = Q(interview__status=status)
        if status == COMPLETED:
            matches |= Q(responded_anonymously=True)
        departures = departures.filter(matches)
    if confidentiality := query.get("confidentiality"):
        matches = Q(interview__confidentiality=confidentiality)
        if confidentiality == ANONYMOUS:
            matches |= Q(responded_anonymously=True)
        departures = departures.filter(matches)
    if mode := query.get("mode"):
        departures = departures.filter(interview__mode=mode)
    return departures


class InterviewList(ApiView):
    query_forms = {"GET": InterviewQueryForm}

    @document(
        operation_id="interviews_list",
        tags=TAGS,
        summary="List the interview status of every departure that has one",
        responses=page_of(InterviewStatusSerializer),
    )
    def get(self, request):
        page = paginate(
            request,
            _with_interviews(self.query),
            self.query,
            to_dict=present.interview_status,
            serializer_class=InterviewStatusSerializer,
        )
        return Response(page)


class DepartureInterview(ApiView):
    @document(
        operation_id="departure_interview_read",
        tags=TAGS,
        summary="Read where a departure's interview stands",
        responses=InterviewStatusSerializer,
    )
    def get(self, request, code: str):
        found = present.interview_status(self.get_departure(code))
        if found is None:
            raise NotFound(_("This departure has no interview yet."))
        return Response(InterviewStatusSerializer(found).data)


class DepartureAnswers(ApiView):
    @document(
        operation_id="departure_answers_read",
        tags=TAGS,
        summary="Read the answers of a departure's named or confidential interview",
        description="Written to the audit log. Anonymous answers are never linked to a departure.",
        responses=InterviewAnswersSerializer,
    )
    def get(self, request, code: str):
        departure = self.get_departure(code)
        interview = present.linked_interview(departure)
        state = Interview.state_for(departure, interview)
        if state == Interview.State.RESPONDED or (interview and interview.is_anonymous):
            raise NotFound(_("Anonymous answers are never linked to a departure."))
        if not interviews.readable_by_staff(interview):
            # A self-service draft is the leaver's alone until they submit it.
            raise NotFound(_("This departure has no completed interview yet."))
        self.audit("interview.viewed", departure_subject(departure))
        found = {
            "interview": present.interview_status(departure),
            "answers": present.answers(interview),
        }
        return Response(InterviewAnswersSerializer(found).data)


class AnonymousInterviewList(ApiView):
    query_forms = {"GET": PageForm}

    @document(
        operation_id="anonymous_interviews_list",
        tags=TAGS,
        summary="List the completed anonymous interviews",
        description=(
            "All they keep of their leaver: department, tenure band and quarter of leaving. "
            "Ordered by quarter and department; the random ids date nothing."
        ),
        responses=page_of(AnonymousInterviewSerializer),
    )
    def get(self, request):
        interviews = (
            Interview.objects.filter(
                departure__isnull=True, confidentiality=ANONYMOUS, status=COMPLETED
            )
            .select_related("department")
            .order_by("-leave_quarter", "department__name", "id")
        )
        page = paginate(
            request,
            interviews,
            self.query,
            to_dict=present.anonymous_interview,
            serializer_class=AnonymousInterviewSerializer,
        )
        return Response(page)


class AnonymousInterviewDetail(ApiView):
    @document(
        operation_id="anonymous_interviews_read",
        tags=TAGS,
        summary="Read an anonymous interview and its answers",
        description="Written to the audit log.",
        responses=AnonymousAnswersSerializer,
    )
    def get(self, request, interview_id: str):
        try:
            interview = get_anonymous_interview_for_user(request.user, UUID(interview_id))
        except (ValueError, Http404):
            raise NotFound(_("There is no anonymous interview with this id.")) from None
        self.audit("interview.viewed", f"anonymous interview {interview.id}")
        found = {
            "interview": present.anonymous_interview(interview),
            "answers": present.answers(interview),
        }
        return Response(AnonymousAnswersSerializer(found).data)
