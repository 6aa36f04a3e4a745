"""Interviews, answers and theme tags as the dicts the API serializers describe."""

from exitlens.analysis.taxonomy import THEME_IDS, theme_label
from exitlens.core.languages import ui_language
from exitlens.core.models import Answer, AnswerTheme, Departure, Interview
from exitlens.core.services.coding import effective_tags


def linked_interview(departure: Departure) -> Interview | None:
    """The interview still linked to the departure (an anonymous one loses it at completion)."""
    try:
        return departure.interview
    except Interview.DoesNotExist:
        return None


def interview_status(departure: Departure) -> dict | None:
    """Where the departure's interview stands, or None when it has none."""
    interview = linked_interview(departure)
    state = Interview.state_for(departure, interview)
    if state == Interview.State.RESPONDED:
        return {
            "departure": departure.code,
            "status": Interview.Status.COMPLETED,
            "mode": None,
            "confidentiality": Interview.Confidentiality.ANONYMOUS,
            "anonymised": True,
            "scheduled_at": None,
            "started_at": None,
            "completed_at": None,
        }
    if state == Interview.State.NONE:
        return None
    return {
        "departure": departure.code,
        "status": interview.status,
        "mode": interview.mode or None,
        "confidentiality": interview.confidentiality,
        "anonymised": False,
        "scheduled_at": interview.scheduled_at,
        "started_at": interview.started_at,
        "completed_at": interview.completed_at,
    }


def _tag_order(tag: AnswerTheme) -> tuple:
    position = THEME_IDS.index(tag.theme) if tag.theme in THEME_IDS else len(THEME_IDS)
    return -(tag.score or 0.0), position


def tags(answer: Answer, language_code: str) -> list[dict]:
    """The answer's effective tags (HR's once reviewed, else the model's), surest first."""
    return [
        {
            "theme": tag.theme,
            "label": theme_label(tag.theme, language_code),
            "polarity": tag.polarity,
            "source": tag.source,
            "score": tag.score if tag.source == AnswerTheme.Source.MODEL else None,
        }
        for tag in sorted(effective_tags(answer), key=_tag_order)
    ]


def answers(interview: Interview) -> list[dict]:
    """Every question of the interview with its answer (empty when unanswered)."""
    current = ui_language()
    stored = {
        answer.question_id: answer
        for answer in interview.answers.prefetch_related("choices", "themes")
    }
    rows = []
    for question in interview.questionnaire_version.questions.all():
        answer = stored.get(question.pk)
        rows.append(
            {
                "id": answer.pk if answer else None,
                "question": question.key,
                "kind": question.kind,
                "prompt": question.prompt_in(current),
                "text": answer.text if answer else "",
                "number": answer.number if answer else None,
                "choices": sorted(choice.value for choice in answer.choices.all())
                if answer
                else [],
                "note": answer.note if answer else "",
                "sensitive": answer.sensitive if answer else False,
                "reviewed": bool(answer and answer.reviewed_at),
                "themes": tags(answer, current) if answer else [],
            }
        )
    return rows


def anonymous_interview(interview: Interview) -> dict:
    return {
        "id": interview.id,
        "department": interview.department_id,
        "department_name": interview.department.name if interview.department else "",
        "tenure_band": interview.tenure_band,
        "leave_quarter": interview.leave_quarter,
    }
