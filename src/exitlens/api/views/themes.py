"""Coded themes per answer of every completed interview (HR tokens only, audited as an export
of the themes data)."""

from django.db.models import Q
from rest_framework.response import Response

from exitlens.api import present
from exitlens.api.filters import ThemeQueryForm
from exitlens.api.queries import page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.interviews import CodedAnswerSerializer
from exitlens.api.views.base import ApiView
from exitlens.core.languages import ui_language
from exitlens.core.models import Answer, AnswerTheme, Interview
from exitlens.core.services.coding import EFFECTIVE, codable

# Within a quarter and department, by random interview id: the order dates no anonymous interview.
ORDER = (
    "interview__leave_quarter",
    "interview__department__name",
    "interview_id",
    "question__position",
    "pk",
)


def _coded_answers(query: dict):
    answers = (
        codable(Answer.objects.filter(interview__status=Interview.Status.COMPLETED))
        .filter(Q(certainty__isnull=False) | Q(reviewed_at__isnull=False))
        .select_related("question", "interview__departure")
        .prefetch_related("themes")
        .order_by(*ORDER)
    )
    if query.get("departure"):
        answers = answers.filter(interview__departure__code=query["departure"])
    if query.get("anonymous_interview"):
        answers = answers.filter(
            interview_id=query["anonymous_interview"], interview__departure__isnull=True
        )
    if query.get("theme"):
        tagged = AnswerTheme.objects.filter(EFFECTIVE, theme=query["theme"]).values("answer_id")
        answers = answers.filter(pk__in=tagged)
    return answers


def _coded_answer(answer: Answer) -> dict:
    departure = answer.interview.departure
    return {
        "answer": answer.pk,
        "question": answer.question.key,
        "departure": departure.code if departure else None,
        "anonymous_interview": None if departure else answer.interview_id,
        "reviewed": answer.reviewed_at is not None,
        "sensitive": answer.sensitive,
        "themes": present.tags(answer, ui_language()),
    }


class ThemeList(ApiView):
    query_forms = {"GET": ThemeQueryForm}

    @document(
        operation_id="themes_list",
        tags=["themes"],
        summary="List the coded themes of each answer",
        description=(
            "Free-text answers of completed interviews that have been coded, each with its "
            "effective tags: HR's once the answer is reviewed, else the model's. Written to the "
            "audit log as an export of the themes data."
        ),
        responses=page_of(CodedAnswerSerializer),
    )
    def get(self, request):
        page = paginate(
            request,
            _coded_answers(self.query),
            self.query,
            to_dict=_coded_answer,
            serializer_class=CodedAnswerSerializer,
        )
        self.audit(
            "data.exported",
            "themes",
            dataset="themes",
            format="json",
            query=request.query_params.urlencode(),
        )
        return Response(page)
