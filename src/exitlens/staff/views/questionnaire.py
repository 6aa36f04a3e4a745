"""The questionnaire: read the current version in every language, and edit its texts."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from exitlens.core.access import hr_required
from exitlens.core.languages import ui_language
from exitlens.core.models import Question
from exitlens.core.services.questionnaires import create_version, default_questionnaire
from exitlens.staff.interview_forms import QuestionnaireTextsForm


def _question_row(question: Question) -> dict:
    """One question with its texts per language, for the compact overview."""
    language = ui_language()
    return {
        "question": question,
        "texts": [
            {
                "code": code,
                "name": name,
                "prompt": question.prompt.get(code, ""),
                "purpose": question.purpose.get(code, ""),
                "hint": question.hint.get(code, ""),
            }
            for code, name in settings.LANGUAGES
        ],
        "options": [label for _value, label in question.option_choices(language)],
    }


@hr_required
def questionnaire_detail(request: HttpRequest) -> HttpResponse:
    questionnaire = default_questionnaire()
    version = questionnaire.current_version()
    versions = (
        questionnaire.versions.select_related("created_by")
        .annotate(interview_count=Count("interview"))
        .order_by("-number")
    )
    return render(
        request,
        "staff/questionnaire.html",
        {
            "nav": "questionnaire",
            "questionnaire": questionnaire,
            "version": version,
            "rows": [_question_row(question) for question in version.questions.all()],
            "languages": settings.LANGUAGES,
            "versions": versions,
        },
    )


@hr_required
def questionnaire_edit(request: HttpRequest) -> HttpResponse:
    questionnaire = default_questionnaire()
    version = questionnaire.current_version()
    form = QuestionnaireTextsForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        texts = form.changed_texts()
        if not texts:
            messages.info(request, _("Nothing was changed, so no new version was made."))
            return redirect("questionnaire")
        new_version = create_version(questionnaire, texts, by=request.user)
        messages.success(request, _("Version %(number)s saved") % {"number": new_version.number})
        return redirect("questionnaire")
    return render(
        request,
        "staff/questionnaire_form.html",
        {
            "nav": "questionnaire",
            "questionnaire": questionnaire,
            "version": version,
            "form": form,
            "languages": settings.LANGUAGES,
        },
    )
