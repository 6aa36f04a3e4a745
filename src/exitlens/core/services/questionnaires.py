from django.db import transaction

from exitlens.analysis import taxonomy
from exitlens.core import questionnaire_defaults
from exitlens.core.models import Question, Questionnaire, QuestionnaireVersion, User
from exitlens.core.services.audit import record_audit

EDITABLE_TEXTS = ("prompt", "purpose", "hint")


def _theme_options() -> list[dict]:
    return [{"value": theme.id, "labels": dict(theme.labels)} for theme in taxonomy.THEMES]


def default_question_rows() -> list[dict]:
    """The default questions as Question field values, theme options filled in."""
    rows = []
    for position, spec in enumerate(questionnaire_defaults.QUESTIONS, start=1):
        options = spec.get("options", [])
        rows.append(
            {
                "position": position,
                "key": spec["key"],
                "kind": spec["kind"],
                "method_number": spec.get("method_number"),
                "prompt": spec["prompt"],
                "purpose": spec.get("purpose", {}),
                "hint": spec.get("hint", {}),
                "scale_min": spec.get("min"),
                "scale_max": spec.get("max"),
                "min_label": spec.get("min_label", {}),
                "max_label": spec.get("max_label", {}),
                "options": _theme_options() if options == "themes" else options,
            }
        )
    return rows


@transaction.atomic
def default_questionnaire() -> Questionnaire:
    """The organisation's default questionnaire, created with the method's questions if missing."""
    questionnaire = Questionnaire.objects.select_for_update().filter(is_default=True).first()
    if questionnaire is None:
        questionnaire = Questionnaire.objects.create(name="Exit interview", is_default=True)
        version = QuestionnaireVersion.objects.create(questionnaire=questionnaire, number=1)
        Question.objects.bulk_create(
            Question(version=version, **row) for row in default_question_rows()
        )
    return questionnaire


def current_version() -> QuestionnaireVersion:
    return default_questionnaire().current_version()


@transaction.atomic
def create_version(
    questionnaire: Questionnaire, texts: dict[str, dict[str, dict[str, str]]], by: User
) -> QuestionnaireVersion:
    """Copy the current version with new texts: texts[question_key][field][language] = text.

    Languages not given keep their text; an empty text removes that language.
    Past versions, and the answers given with them, never change.
    """
    current = questionnaire.current_version()
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=current.number + 1, created_by=by
    )
    copies = []
    for question in current.questions.all():
        question.pk = None
        question.version = version
        for field in EDITABLE_TEXTS:
            changed = texts.get(question.key, {}).get(field)
            if changed is not None:
                merged = {**getattr(question, field), **changed}
                setattr(question, field, {lang: text for lang, text in merged.items() if text})
        copies.append(question)
    Question.objects.bulk_create(copies)
    record_audit(by, "questionnaire.changed", str(questionnaire), version=version.number)
    return version
