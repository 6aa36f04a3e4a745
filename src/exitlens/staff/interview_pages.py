"""What the HR interview pages show: the panel on the departure page, the conduct page, the
answers pages. No rules live here: the state table (services/interviews.py) decides what may
happen, and the panel only offers what it allows."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from exitlens.core import questionnaire_defaults
from exitlens.core.forms import AnswerForm, answer_display
from exitlens.core.languages import ui_language
from exitlens.core.models import Departure, Interview, Invitation, Question
from exitlens.core.services import interviews
from exitlens.staff.interview_forms import (
    CONFIDENTIALITY_EXPLANATIONS,
    CompleteForm,
    ConfidentialityForm,
    InviteForm,
)
from exitlens.staff.views.coding import answer_themes

Action = Interview.Action
State = Interview.State


def interview_panel_context(request: HttpRequest, departure: Departure) -> dict:
    """Everything `staff/_interview_panel.html` needs; merge it into the departure page context."""
    interview = None if departure.responded_anonymously else interviews.interview_of(departure)
    state = Interview.state_for(departure, interview)
    level = interview.confidentiality if interview else settings.EXITLENS_DEFAULT_CONFIDENTIALITY
    levels = interviews.allowed_levels(interview)
    invitation = departure.invitations.select_related("sent_by").first()
    if interview and interview.mode != Interview.Mode.SELF_SERVICE:
        invitation = None
    return {
        "departure": departure,
        "panel_interview": interview,
        "panel_state": state,
        "panel_invitation": invitation,
        "panel_invitation_open": bool(
            invitation and invitation.status == Invitation.Status.OPEN and not invitation.is_expired
        ),
        "panel_level": level,
        "panel_level_label": Interview.Confidentiality(level).label,
        "panel_level_explanation": CONFIDENTIALITY_EXPLANATIONS[level],
        "panel_confidentiality_form": (
            ConfidentialityForm(levels=levels, initial={"confidentiality": level})
            if Interview.allows(Action.CHANGE_CONFIDENTIALITY, state) and len(levels) > 1
            else None
        ),
        "panel_invite_form": InviteForm(
            levels=levels, auto_id="id_invite_%s", initial={"confidentiality": level}
        )
        if Interview.allows(Action.INVITE, state)
        else None,
        "panel_can_email": bool(departure.invitation_email),
        "panel_can_schedule": Interview.allows(Action.SCHEDULE, state),
        # Conducting also works without an interview, but the panel offers it once one exists.
        "panel_can_conduct": state != State.NONE and Interview.allows(Action.CONDUCT, state),
        "panel_can_view_answers": state == State.COMPLETED
        and interviews.readable_by_staff(interview),
    }


def conduct_url(departure: Departure, language: str) -> str:
    return reverse("conduct", args=[departure.code]) + "?" + urlencode({"lang": language})


def conduct_context(
    departure: Departure,
    interview: Interview,
    form: AnswerForm,
    action_form: CompleteForm,
    language: str,
) -> dict:
    """The conduct page: the questions in `language`, tips and hints in the interviewer's."""
    interface = ui_language()
    with translation.override(language):
        read_out = str(CONFIDENTIALITY_EXPLANATIONS[interview.confidentiality])
        read_out_level = str(interview.get_confidentiality_display())
    tips = [tip.get(interface) or tip["en"] for tip in questionnaire_defaults.INTERVIEW_TIPS]
    switch_languages = [
        (code, name, conduct_url(departure, code))
        for code, name in settings.LANGUAGES
        if code in (interview.language, interface)
    ]
    rows = [
        {
            "question": question,
            "field": field,
            "note": note,
            "is_group": question.kind != Question.Kind.TEXT,
            "purpose": question.purpose_in(interface),
            "hint": question.hint_in(interface),
            "min_label": question.min_label_in(language),
            "max_label": question.max_label_in(language),
        }
        for question, field, note in form.rows()
    ]
    return {
        "nav": "departures",
        "departure": departure,
        "interview": interview,
        "form": form,
        "rows": rows,
        "action_form": action_form,
        "language": language,
        "switch_languages": switch_languages if len(switch_languages) > 1 else [],
        "tips": tips,
        "read_out": read_out,
        "read_out_level": read_out_level,
        "form_action": conduct_url(departure, language),
    }


def answers_context(interview: Interview) -> dict:
    """An interview's answers with their themes, in the interface language."""
    language = ui_language()
    rows = answer_display(interview, language)
    answers = {a.question_id: a for a in interview.answers.prefetch_related("themes")}
    for row in rows:
        answer = answers.get(row["question"].pk)
        row["answer"] = answer
        coded = answer and row["question"].is_text and (answer.text or answer.note)
        row["themes"] = answer_themes(answer, language) if coded else None
    return {
        "interview": interview,
        "rows": rows,
        "language": language,
        "level_explanation": CONFIDENTIALITY_EXPLANATIONS[interview.confidentiality],
    }
