"""HR pages of theme coding: the review queue and learning from it. Sensitive disclosures are
handled as cases (views/cases.py)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from exitlens.analysis.taxonomy import THEME_IDS, theme_label
from exitlens.core.access import case_handler_required, get_answer_for_user, hr_required
from exitlens.core.languages import ui_language
from exitlens.core.models import Answer, AnswerTheme, Interview
from exitlens.core.services import coding
from exitlens.core.services.audit import record_audit
from exitlens.staff.coding_forms import ReviewForm

QUEUE_PAGE_SIZE = 20
TEXT_LANGUAGES = ("nl", "en", "es", "de")


def answer_themes(answer: Answer, language: str) -> dict:
    """What `staff/_answer_themes.html` shows: the answer's effective tags, labelled."""
    tags = sorted(
        coding.effective_tags(answer),
        key=lambda tag: (
            -(tag.score or 0.0),
            THEME_IDS.index(tag.theme) if tag.theme in THEME_IDS else len(THEME_IDS),
        ),
    )
    return {
        "tags": [
            {
                "label": theme_label(tag.theme, language),
                "strength": tag.polarity == AnswerTheme.Polarity.POSITIVE,
                "score": tag.score if tag.source == AnswerTheme.Source.MODEL else None,
            }
            for tag in tags
        ],
        "reviewed": answer.reviewed_at is not None,
        "coded": answer.certainty is not None or answer.reviewed_at is not None,
    }


def _text_language(answer: Answer) -> str:
    return answer.language if answer.language in TEXT_LANGUAGES else ""


def _queue() -> QuerySet[Answer]:
    return (
        coding.codable(Answer.objects.all())
        .filter(
            interview__status=Interview.Status.COMPLETED,
            certainty__isnull=False,
            reviewed_at__isnull=True,
        )
        .select_related("question")
        .prefetch_related("themes")
        .order_by("certainty", "id")
    )


def _queue_url(page: int | None) -> str:
    url = reverse("coding_queue")
    return f"{url}?page={page}" if page and page > 1 else url


@hr_required
def coding_queue(request: HttpRequest) -> HttpResponse:
    language = ui_language()
    page = Paginator(_queue(), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    items = []
    for answer in page.object_list:
        themes = answer_themes(answer, language)
        model_tags = {tag.theme: tag.polarity for tag in coding.effective_tags(answer)}
        items.append(
            {
                "answer": answer,
                "prompt": answer.question.prompt_in(language),
                "text_language": _text_language(answer),
                "themes": themes,
                "form": ReviewForm(
                    language=language,
                    tags=model_tags,
                    auto_id=f"id_answer{answer.pk}_%s",
                    initial={"sensitive": answer.sensitive, "page": page.number},
                ),
            }
        )
    reviewed = Answer.objects.filter(reviewed_at__isnull=False).count()
    if items:
        record_audit(
            request.user,
            "coding.queue_viewed",
            "coding queue",
            request=request,
            page=page.number,
            shown=[item["answer"].pk for item in items],
        )
    return render(
        request,
        "staff/coding_queue.html",
        {"nav": "coding", "page": page, "items": items, "reviewed_count": reviewed},
    )


@hr_required
@require_POST
def coding_review(request: HttpRequest, answer_id: int) -> HttpResponse:
    answer = get_answer_for_user(request.user, answer_id)
    form = ReviewForm(request.POST, language=ui_language())
    if not answer.question.is_text or not form.is_valid():
        messages.error(request, _("The review could not be saved: choose a verdict per theme."))
        return redirect(_queue_url(None))
    coding.review_answer(
        answer, form.tags(), sensitive=form.cleaned_data["sensitive"], by=request.user
    )
    messages.success(request, _("Review saved. The answer has left the queue."))
    return redirect(_queue_url(form.cleaned_data["page"]))


@hr_required
@require_POST
def coding_learn(request: HttpRequest) -> HttpResponse:
    count = coding.learn(by=request.user)
    messages.success(
        request,
        ngettext(
            "The model learned from %(count)d reviewed answer. Stored answers keep their "
            "codes until `exitlens themes recode`.",
            "The model learned from %(count)d reviewed answers. Stored answers keep their "
            "codes until `exitlens themes recode`.",
            count,
        )
        % {"count": count},
    )
    return redirect("coding_queue")


@case_handler_required
def coding_sensitive(request: HttpRequest) -> HttpResponse:
    """The list of sensitive answers became the disclosure cases: the old address leads there,
    for those who may see them (a 404 for anyone else, as on every staff page)."""
    return redirect("case_list")
