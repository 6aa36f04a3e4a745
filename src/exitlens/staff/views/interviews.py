"""HR pages around one interview: invite, schedule, conduct, answers; anonymous responses."""

import smtplib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exitlens import questionnaire_defaults
from exitlens.core.access import get_anonymous_interview_for_user, get_departure_for_user
from exitlens.core.forms import AnswerForm, answer_display
from exitlens.core.models import Departure, Interview, Invitation, Question
from exitlens.core.services import interviews, invitations, sealing
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.core.services.interviews import InterviewError
from exitlens.core.services.questionnaires import current_version
from exitlens.staff.decorators import hr_required
from exitlens.staff.interview_forms import (
    CONFIDENTIALITY_EXPLANATIONS,
    CompleteForm,
    ConfidentialityForm,
    InviteForm,
    LanguageForm,
    ScheduleForm,
    allowed_levels,
)
from exitlens.staff.views.coding import answer_themes

ANONYMOUS_PAGE_SIZE = 50


def _interview_of(departure: Departure) -> Interview | None:
    return (
        Interview.objects.select_related("interviewer", "questionnaire_version")
        .filter(departure=departure)
        .first()
    )


def _ui_language() -> str:
    """The interface language as one of settings.LANGUAGES."""
    codes = [code for code, _name in settings.LANGUAGES]
    current = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    for candidate in (current, current.split("-")[0]):
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def _panel_state(departure: Departure, interview: Interview | None) -> str:
    if departure.responded_anonymously:
        return "completed_anonymously"
    if interview is None:
        return "none"
    if interview.is_completed:
        return "completed"
    if interview.status == Interview.Status.IN_PROGRESS:
        return "in_progress"
    if interview.mode == Interview.Mode.INTERVIEWER:
        return "scheduled" if interview.scheduled_at else "not_started"
    return "invited"


def _led_by_interviewer_and_begun(interview: Interview | None) -> bool:
    return bool(
        interview
        and interview.mode == Interview.Mode.INTERVIEWER
        and interview.status != Interview.Status.NOT_STARTED
    )


def interview_panel_context(request: HttpRequest, departure: Departure) -> dict:
    """Everything `staff/_interview_panel.html` needs; merge it into the departure page context."""
    interview = None if departure.responded_anonymously else _interview_of(departure)
    state = _panel_state(departure, interview)
    open_for_work = state not in ("completed", "completed_anonymously")
    level = interview.confidentiality if interview else settings.EXITLENS_DEFAULT_CONFIDENTIALITY
    levels = allowed_levels(interview)
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
            if interview and open_for_work and len(levels) > 1
            else None
        ),
        "panel_invite_form": InviteForm(
            levels=levels, auto_id="id_invite_%s", initial={"confidentiality": level}
        )
        if open_for_work and not _led_by_interviewer_and_begun(interview)
        else None,
        "panel_can_email": bool(departure.invitation_email),
        "panel_can_schedule": open_for_work and not interviews.is_leavers_draft(interview),
        "panel_can_conduct": bool(
            interview and open_for_work and interview.mode == Interview.Mode.INTERVIEWER
        ),
        "panel_can_view_answers": bool(interview and interview.is_completed)
        and interviews.readable_by_staff(interview),
    }


def _to_detail(departure: Departure) -> HttpResponse:
    return redirect("departure_detail", code=departure.code)


@hr_required
@require_POST
def invite(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    interview = _interview_of(departure)
    if departure.responded_anonymously or (interview and interview.is_completed):
        messages.error(request, _("The interview has already been completed."))
        return _to_detail(departure)
    form = InviteForm(request.POST, levels=allowed_levels(interview))
    if not form.is_valid():
        messages.error(request, _("Choose a confidentiality level the leaver can be promised."))
        return _to_detail(departure)
    try:
        invitation = invitations.send_invitation(
            departure,
            by=request.user,
            confidentiality=form.cleaned_data["confidentiality"],
            request=request,
        )
    except InterviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Invitation sent to %(address)s") % {"address": invitation.sent_to}
        )
    return _to_detail(departure)


def _send_appointment(departure: Departure, interview: Interview) -> None:
    context = {
        "departure": departure,
        "interview": interview,
        "interviewer": interview.interviewer,
        "organisation": settings.EXITLENS_ORGANISATION_NAME,
        "hr_contact": settings.EXITLENS_HR_CONTACT,
    }
    with translation.override(departure.language):
        subject = render_to_string("emails/scheduled_subject.txt", context).strip()
        body = render_to_string("emails/scheduled.txt", context)
    send_mail(subject, body, None, [departure.invitation_email])


@hr_required
def schedule(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    interview = _interview_of(departure)
    if departure.responded_anonymously or (interview and interview.is_completed):
        messages.error(request, _("The interview has already been completed."))
        return _to_detail(departure)
    if interviews.is_leavers_draft(interview):
        messages.error(
            request,
            _(
                "The leaver has begun answering on their own, so an interviewer cannot take "
                "the interview over: their draft is theirs alone until they submit it."
            ),
        )
        return _to_detail(departure)
    initial = {
        "interviewer": request.user.pk,
        "confidentiality": settings.EXITLENS_DEFAULT_CONFIDENTIALITY,
    }
    if interview:
        initial["confidentiality"] = interview.confidentiality
        if interview.interviewer_id:
            initial["interviewer"] = interview.interviewer_id
        if interview.scheduled_at:
            initial["scheduled_at"] = interview.scheduled_at
            initial["meeting_place"] = interview.meeting_place
    form = ScheduleForm(
        request.POST or None,
        levels=allowed_levels(interview),
        departure=departure,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interview = interviews.schedule_interview(
                departure,
                interviewer=data["interviewer"],
                scheduled_at=data["scheduled_at"],
                meeting_place=data["meeting_place"],
                confidentiality=data["confidentiality"],
                by=request.user,
            )
        except InterviewError as error:
            messages.error(request, str(error))
            return _to_detail(departure)
        messages.success(request, _("Interview scheduled."))
        if data["notify_leaver"] and departure.invitation_email:
            try:
                _send_appointment(departure, interview)
            except (smtplib.SMTPException, OSError) as error:
                messages.warning(
                    request,
                    _("The appointment could not be e-mailed: %(error)s") % {"error": error},
                )
            else:
                messages.success(
                    request,
                    _("The appointment was e-mailed to %(address)s")
                    % {"address": departure.invitation_email},
                )
        return _to_detail(departure)
    return render(
        request,
        "staff/schedule.html",
        {
            "nav": "departures",
            "departure": departure,
            "interview": interview,
            "form": form,
            "explanations": CONFIDENTIALITY_EXPLANATIONS,
        },
    )


@hr_required
@require_POST
def confidentiality(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    interview = _interview_of(departure)
    if interview is None:
        messages.error(
            request, _("There is no interview yet: choose the level when you invite or schedule.")
        )
        return _to_detail(departure)
    form = ConfidentialityForm(request.POST, levels=allowed_levels(interview))
    if not form.is_valid():
        messages.error(request, _("This confidentiality level cannot be chosen any more."))
        return _to_detail(departure)
    level = form.cleaned_data["confidentiality"]
    try:
        interviews.change_confidentiality(interview, level, by=request.user)
    except InterviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Confidentiality set to: %(level)s")
            % {"level": Interview.Confidentiality(level).label},
        )
    return _to_detail(departure)


def _conduct_url(departure: Departure, language: str) -> str:
    return reverse("conduct", args=[departure.code]) + "?" + urlencode({"lang": language})


def _wants_autosave_reply(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@hr_required
def conduct(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    if departure.responded_anonymously:
        messages.info(request, _("This interview was completed anonymously."))
        return _to_detail(departure)
    interview = _interview_of(departure)
    if interview is not None and interview.is_completed:
        return redirect("answers", code=departure.code)
    if interview is not None and interview.mode != Interview.Mode.INTERVIEWER:
        messages.error(
            request,
            _("The leaver was invited to answer on their own. Schedule an interview to lead it."),
        )
        return _to_detail(departure)
    if interview is None:
        # Not saved before the first answers: a GET changes nothing.
        interview = Interview(
            departure=departure,
            questionnaire_version=current_version(),
            mode=Interview.Mode.INTERVIEWER,
            confidentiality=settings.EXITLENS_DEFAULT_CONFIDENTIALITY,
            language=departure.language,
        )

    ui_language = _ui_language()
    language_form = LanguageForm(request.GET)
    language = interview.language
    if language_form.is_valid() and language_form.cleaned_data["lang"]:
        language = language_form.cleaned_data["lang"]

    if request.method == "POST":
        form = AnswerForm(request.POST, interview=interview, language=language, with_notes=True)
        action_form = CompleteForm(request.POST)
        if form.is_valid() and action_form.is_valid():
            try:
                if interview._state.adding:
                    interview = interviews.get_or_create_interview(
                        departure, mode=interview.mode, confidentiality=form.shown_level
                    )
                interviews.save_answers(
                    interview,
                    form.answer_values(),
                    form.note_values(),
                    shown_level=form.shown_level,
                )
                if action_form.completing:
                    interview = interviews.complete_interview(
                        interview,
                        outcome=action_form.cleaned_data["outcome"],
                        by=request.user,
                        shown_level=form.shown_level,
                    )
            except InterviewError as error:
                if _wants_autosave_reply(request):
                    return HttpResponse(str(error), status=409, content_type="text/plain")
                messages.error(request, str(error))
                return _to_detail(departure)
            if _wants_autosave_reply(request):
                return HttpResponse(status=204)
            if not action_form.completing:
                messages.success(request, _("Answers saved."))
                return redirect(_conduct_url(departure, language))
            if interview.is_anonymous:
                messages.success(
                    request,
                    _(
                        "Interview completed. Its answers are now anonymous and no longer linked "
                        "to this departure."
                    ),
                )
                return _to_detail(departure)
            messages.success(request, _("Interview completed."))
            return redirect("answers", code=departure.code)
        if _wants_autosave_reply(request):
            return HttpResponse(status=400)
    else:
        form = AnswerForm(interview=interview, language=language, with_notes=True)
        action_form = CompleteForm(initial={"action": CompleteForm.COMPLETE})
        if not interview._state.adding and interview.answers.exists():
            record_audit(
                request.user,
                "interview.viewed",
                departure_subject(departure),
                request=request,
                page="conduct",
            )

    with translation.override(language):
        read_out = str(CONFIDENTIALITY_EXPLANATIONS[interview.confidentiality])
        read_out_level = str(interview.get_confidentiality_display())
    tips = [tip.get(ui_language) or tip["en"] for tip in questionnaire_defaults.INTERVIEW_TIPS]
    switch_languages = [
        (code, name, _conduct_url(departure, code))
        for code, name in settings.LANGUAGES
        if code in (interview.language, ui_language)
    ]
    rows = [
        {
            "question": question,
            "field": field,
            "note": note,
            "is_group": question.kind != Question.Kind.TEXT,
            "purpose": question.purpose_in(ui_language),
            "hint": question.hint_in(ui_language),
            "min_label": question.min_label_in(language),
            "max_label": question.max_label_in(language),
        }
        for question, field, note in form.rows()
    ]
    return render(
        request,
        "staff/conduct.html",
        {
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
            "form_action": _conduct_url(departure, language),
        },
    )


def _answers_context(interview: Interview) -> dict:
    language = _ui_language()
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


@hr_required
def answers(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    interview = _interview_of(departure)
    # A draft is the leaver's alone, and an anonymous interview is never read next to a name.
    if not interviews.readable_by_staff(interview):
        raise Http404
    record_audit(request.user, "interview.viewed", departure_subject(departure), request=request)
    context = _answers_context(interview)
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
    context = _answers_context(interview)
    context["nav"] = "anonymous"
    return render(request, "staff/anonymous_detail.html", context)
