"""HR pages around one interview: the panel on the departure page, invite, schedule, change the
promise, conduct. What may happen when is the interview's state table (services/interviews.py):
these views show its refusals and never decide themselves."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exitlens.core.access import get_departure_for_user, hr_required
from exitlens.core.forms import AnswerForm
from exitlens.core.models import Departure, Interview
from exitlens.core.services import interviews, invitations
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.core.services.interviews import InterviewError, TransitionRefused
from exitlens.staff.interview_forms import (
    CONFIDENTIALITY_EXPLANATIONS,
    CompleteForm,
    ConfidentialityForm,
    InviteForm,
    LanguageForm,
    ScheduleForm,
)
from exitlens.staff.interview_pages import (
    conduct_context,
    conduct_url,
    interview_panel_context,  # noqa: F401 (departures)
)

Action = Interview.Action
State = Interview.State


def _to_detail(departure: Departure) -> HttpResponse:
    return redirect("departure_detail", code=departure.code)


@hr_required
@require_POST
def invite(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    try:
        interview = interviews.check(departure, Action.INVITE)
        form = InviteForm(request.POST, levels=interviews.allowed_levels(interview))
        if not form.is_valid():
            messages.error(request, _("Choose a confidentiality level the leaver can be promised."))
            return _to_detail(departure)
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


def _schedule_initial(request: HttpRequest, interview: Interview | None) -> dict:
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
    return initial


def _notify_leaver(request: HttpRequest, interview: Interview) -> None:
    try:
        interviews.send_appointment(interview)
    except InterviewError as error:
        messages.warning(request, str(error))
    else:
        messages.success(
            request,
            _("The appointment was e-mailed to %(address)s")
            % {"address": interview.departure.invitation_email},
        )


@hr_required
def schedule(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    try:
        interview = interviews.check(departure, Action.SCHEDULE)
    except InterviewError as error:
        messages.error(request, str(error))
        return _to_detail(departure)
    form = ScheduleForm(
        request.POST or None,
        levels=interviews.allowed_levels(interview),
        departure=departure,
        initial=_schedule_initial(request, interview),
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
            _notify_leaver(request, interview)
        return _to_detail(departure)
    context = {
        "nav": "departures",
        "departure": departure,
        "interview": interview,
        "form": form,
        "explanations": CONFIDENTIALITY_EXPLANATIONS,
    }
    return render(request, "staff/schedule.html", context)


@hr_required
@require_POST
def confidentiality(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    try:
        interview = interviews.check(departure, Action.CHANGE_CONFIDENTIALITY)
        form = ConfidentialityForm(request.POST, levels=interviews.allowed_levels(interview))
        if not form.is_valid():
            messages.error(request, _("This confidentiality level cannot be chosen any more."))
            return _to_detail(departure)
        level = form.cleaned_data["confidentiality"]
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


def _wants_autosave_reply(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _refused_conduct(request: HttpRequest, departure: Departure, refusal: TransitionRefused):
    if refusal.state == State.COMPLETED:
        return redirect("answers", code=departure.code)
    level = messages.INFO if refusal.state == State.RESPONDED else messages.ERROR
    messages.add_message(request, level, str(refusal))
    return _to_detail(departure)


def _conducted(request: HttpRequest, departure: Departure, interview: Interview, language: str):
    """Where a successful save or completion on the conduct page leads."""
    if _wants_autosave_reply(request):
        return HttpResponse(status=204)
    if not interview.is_completed:
        messages.success(request, _("Answers saved."))
        return redirect(conduct_url(departure, language))
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


@hr_required
def conduct(request: HttpRequest, code) -> HttpResponse:
    departure = get_departure_for_user(request.user, code)
    try:
        interview = interviews.interview_to_conduct(departure)
    except TransitionRefused as refusal:
        return _refused_conduct(request, departure, refusal)
    language_form = LanguageForm(request.GET)
    language = interview.language
    if language_form.is_valid() and language_form.cleaned_data["lang"]:
        language = language_form.cleaned_data["lang"]

    if request.method == "POST":
        form = AnswerForm(request.POST, interview=interview, language=language, with_notes=True)
        action_form = CompleteForm(request.POST)
        if form.is_valid() and action_form.is_valid():
            try:
                interview = interviews.conduct_interview(
                    departure,
                    form.answer_values(),
                    form.note_values(),
                    shown_level=form.shown_level,
                    by=request.user,
                    outcome=action_form.cleaned_data["outcome"] if action_form.completing else None,
                )
            except InterviewError as error:
                if _wants_autosave_reply(request):
                    return HttpResponse(str(error), status=409, content_type="text/plain")
                messages.error(request, str(error))
                return _to_detail(departure)
            return _conducted(request, departure, interview, language)
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
    context = conduct_context(departure, interview, form, action_form, language)
    return render(request, "staff/conduct.html", context)
