"""The interview workflow: create, answer, submit or complete, and anonymise.

Every workflow checks the interview's state table (Interview.TRANSITIONS) before it changes
anything, and refuses with TransitionRefused, whose message says why (REFUSALS). Views, the API
and commands only show that message; they keep no rules of their own.
"""

import smtplib
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exitlens.core import segments
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    Departure,
    Interview,
    Invitation,
    Question,
    User,
)
from exitlens.core.services import cases, coding, sealing
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.core.services.questionnaires import current_version
from exitlens.core.signals import interview_completed, interviews_changed

# From least to most protective; once answering has begun only a step up is allowed.
PROTECTION_ORDER = [
    Interview.Confidentiality.NAMED,
    Interview.Confidentiality.CONFIDENTIAL,
    Interview.Confidentiality.ANONYMOUS,
]


class InterviewError(Exception):
    """A workflow rule was broken; the message is fit to show to the user."""


class PromiseChangedError(InterviewError):
    """The leaver answered under another promise than the one stored: show them the new one."""


class DraftElsewhereError(InterviewError):
    """The draft was begun from a link sent to another address; this link may not read it."""


State = Interview.State
Action = Interview.Action

_SUBMITTED = gettext_lazy("This interview has already been submitted.")
_LED = gettext_lazy("An interviewer leads this interview.")
_SELF_SERVICE = gettext_lazy(
    "The leaver was invited to answer on their own. Schedule an interview to lead it."
)
_FINAL_PROMISE = gettext_lazy("The confidentiality of a completed interview cannot change.")

# Why an action may not start from a state (Interview.TRANSITIONS says which may); a state
# missing here is refused with its entry in REFUSED_IN.
REFUSALS = {
    Action.INVITE: {
        State.IN_PROGRESS: gettext_lazy(
            "An interviewer has begun this interview: it cannot become self-service."
        ),
    },
    Action.SCHEDULE: {
        # An interviewer would read (and could change) the leaver's unsubmitted answers.
        State.DRAFT: gettext_lazy(
            "The leaver has begun answering on their own, so an interviewer cannot take "
            "the interview over: their draft is theirs alone until they submit it."
        ),
    },
    Action.CONDUCT: {
        State.INVITED: _SELF_SERVICE,
        State.DRAFT: _SELF_SERVICE,
        State.RESPONDED: gettext_lazy("This interview was completed anonymously."),
    },
    Action.ANSWER: {State.COMPLETED: _SUBMITTED, State.RESPONDED: _SUBMITTED},
    Action.DISCARD_DRAFT: {
        State.PREPARED: _LED,
        State.SCHEDULED: _LED,
        State.IN_PROGRESS: _LED,
        State.COMPLETED: _SUBMITTED,
        State.RESPONDED: _SUBMITTED,
    },
    Action.CHANGE_CONFIDENTIALITY: {
        State.COMPLETED: _FINAL_PROMISE,
        State.RESPONDED: _FINAL_PROMISE,
    },
    Action.SUBMIT: {
        State.INVITED: gettext_lazy("Please answer at least one question before you submit."),
        State.PREPARED: _LED,
        State.SCHEDULED: _LED,
        State.IN_PROGRESS: _LED,
    },
    Action.COMPLETE: {State.COMPLETED: _SUBMITTED, State.RESPONDED: _SUBMITTED},
}
REFUSED_IN = {
    State.NONE: gettext_lazy(
        "There is no interview yet: choose the level when you invite or schedule."
    ),
    State.COMPLETED: gettext_lazy("The interview has already been completed."),
    State.RESPONDED: gettext_lazy("The interview has already been completed."),
}
_NOT_NOW = gettext_lazy("This cannot be done at this stage of the interview.")


class TransitionRefused(InterviewError):
    """The state table does not let `action` start from `state`; the message says why."""

    def __init__(self, action: str | None, state: str):
        self.action = action
        self.state = state
        reason = REFUSALS.get(action, {}).get(state) or REFUSED_IN.get(state, _NOT_NOW)
        super().__init__(str(reason))


def refuse_unless(action: str, state: str) -> State:
    """The state `action` leads to from `state`; TransitionRefused if the table forbids it."""
    if not Interview.allows(action, state):
        raise TransitionRefused(action, state)
    return Interview.TRANSITIONS[action][state]


def interview_of(departure: Departure) -> Interview | None:
    """The interview linked to the departure (an anonymous one loses it at completion)."""
    return (
        Interview.objects.select_related("interviewer", "questionnaire_version")
        .filter(departure=departure)
        .first()
    )


def check(departure: Departure, action: str) -> Interview | None:
    """The departure's interview if `action` may start now, else TransitionRefused. Pages call
    it before they show or read a form; the workflow checks again when it runs."""
    interview = interview_of(departure)
    refuse_unless(action, Interview.state_for(departure, interview))
    return interview


# The states whose answers an interviewer writes, so HR may read them before completion.
LED_BY_STAFF = (State.PREPARED, State.SCHEDULED, State.IN_PROGRESS)


def readable_by_staff(interview: Interview | None) -> bool:
    """Whether HR may read this interview's answers: a completed named or confidential one, or
    one an interviewer leads (they write its answers)."""
    if interview is None or (interview.is_anonymous and interview.departure_id is not None):
        return False
    return interview.state in (State.COMPLETED, *LED_BY_STAFF)


def allowed_levels(interview: Interview | None) -> list[str]:
    """The confidentiality levels that may still be chosen: any before the leaver read the
    promise or answering began, only stronger ones after, none once completed."""
    if interview is None or (
        interview.status == Interview.Status.NOT_STARTED and interview.opened_at is None
    ):
        return list(PROTECTION_ORDER)
    if interview.is_completed:
        return []
    return list(PROTECTION_ORDER[PROTECTION_ORDER.index(interview.confidentiality) :])


def get_or_create_interview(
    departure: Departure, *, mode: str, confidentiality: str, action: str | None = None
) -> Interview:
    """The departure's interview, made on first use with the current questionnaire. With an
    `action`, its row of the state table is checked; without, only a finished one is refused."""
    interview = Interview.objects.filter(departure=departure).first()
    state = Interview.state_for(departure, interview)
    if action is not None:
        refuse_unless(action, state)
    elif state in Interview.FINISHED:
        raise TransitionRefused(None, state)
    if interview is None:
        return Interview.objects.create(
            departure=departure,
            questionnaire_version=current_version(),
            mode=mode,
            confidentiality=confidentiality,
            language=departure.language,
        )
    return interview


@transaction.atomic
def schedule_interview(
    departure: Departure,
    *,
    interviewer: User,
    scheduled_at: datetime,
    meeting_place: str,
    confidentiality: str,
    by: User,
) -> Interview:
    """Plan an interviewer-led interview; open self-service invitations are withdrawn."""
    interview = get_or_create_interview(
        departure,
        mode=Interview.Mode.INTERVIEWER,
        confidentiality=confidentiality,
        action=Action.SCHEDULE,
    )
    if interview.confidentiality != confidentiality:
        interview = change_confidentiality(interview, confidentiality, by=by)
    interview.mode = Interview.Mode.INTERVIEWER
    interview.interviewer = interviewer
    interview.scheduled_at = scheduled_at
    interview.meeting_place = meeting_place
    interview.save()
    departure.invitations.filter(status=Invitation.Status.OPEN).update(
        status=Invitation.Status.WITHDRAWN
    )
    record_audit(
        by,
        "interview.scheduled",
        departure_subject(departure),
        interviewer=interviewer.get_username(),
        scheduled_at=scheduled_at.isoformat(),
    )
    return interview


@transaction.atomic
def change_confidentiality(interview: Interview, confidentiality: str, *, by: User) -> Interview:
    """Change the promise made to the leaver, which may only get stronger once they have begun."""
    if confidentiality not in PROTECTION_ORDER:
        raise InterviewError(_("Unknown confidentiality level."))
    interview = _lock(interview, Action.CHANGE_CONFIDENTIALITY)
    old = interview.confidentiality
    if confidentiality not in allowed_levels(interview):
        raise InterviewError(
            _(
                "The leaver has already read the stronger promise on their page; "
                "it can be raised, never lowered."
            )
        )
    if old != confidentiality:
        interview.confidentiality = confidentiality
        interview.save(update_fields=["confidentiality"])
        record_audit(
            by,
            "interview.confidentiality_changed",
            departure_subject(interview.departure),
            old=old,
            new=confidentiality,
        )
    return interview


def _state_of_row(locked: Interview | None) -> State:
    """A row that is gone was detached after an anonymous submission (or its departure was
    deleted): nothing can happen to it any more."""
    return locked.state if locked is not None else State.RESPONDED


def _lock(interview: Interview, action: str, shown_level: str | None = None) -> Interview:
    """The interview locked for `action`, if the state table allows it."""
    locked = Interview.objects.select_for_update().filter(pk=interview.pk).first()
    refuse_unless(action, _state_of_row(locked))
    _check_promise(locked, shown_level)
    return locked


def _check_promise(interview: Interview, shown_level: str | None) -> None:
    if shown_level is not None and shown_level != interview.confidentiality:
        raise PromiseChangedError(
            _(
                "Who may read your answers has changed since this page was opened. Please read "
                "it again below; nothing has been saved yet."
            )
        )


def mark_opened(interview: Interview) -> None:
    """The leaver's page showed the promise: from now on it may only be raised."""
    if interview.opened_at is None:
        Interview.objects.filter(pk=interview.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )


def _normalised(address: str) -> str:
    return (address or "").strip().lower()


def may_reach_draft(interview: Interview, address: str) -> bool:
    """Whether a link sent to `address` reaches this draft: the draft belongs to the address
    of the link it was begun from (links made before addresses were kept carry none)."""
    return (
        not interview.draft_address
        or not address
        or _normalised(address) == _normalised(interview.draft_address)
    )


@transaction.atomic
def discard_draft(interview: Interview, *, address: str) -> Interview:
    """Start an empty draft for a link sent to another address than the one the leaver began
    from. The old answers are deleted unread: whoever holds the new link learns nothing."""
    interview = _lock(interview, Action.DISCARD_DRAFT)
    interview.answers.all().delete()
    interview.status = Interview.Status.NOT_STARTED
    interview.started_at = None
    interview.draft_address = _normalised(address)
    interview.save(update_fields=["status", "started_at", "draft_address"])
    record_audit(None, "interview.draft_discarded", departure_subject(interview.departure))
    return interview


@transaction.atomic
def save_answers(
    interview: Interview,
    values: dict[str, object],
    notes: dict[str, str] | None = None,
    *,
    shown_level: str | None = None,
    address: str | None = None,
) -> Interview:
    """Store answers by question key: text, number or a list of choice values.

    Keys missing from `values` keep their stored answer; an empty value clears it.
    `shown_level` is the promise the page showed: another one stored refuses the save.
    `address` is where the leaver's link was sent: a draft answers only the links sent to the
    address it was begun from.
    """
    interview = _lock(interview, Action.ANSWER, shown_level)
    if address is not None:
        if not may_reach_draft(interview, address):
            raise DraftElsewhereError(
                _("This interview was begun from a link sent to another e-mail address.")
            )
        if not interview.draft_address and address:
            interview.draft_address = _normalised(address)
            interview.save(update_fields=["draft_address"])
    notes = notes or {}
    questions = {q.key: q for q in interview.questionnaire_version.questions.all()}
    existing = {a.question_id: a for a in interview.answers.select_related("question")}
    changed_texts = []
    for key, question in questions.items():
        if key not in values and key not in notes:
            continue
        answer = existing.get(question.pk)
        if answer is None:
            if _is_empty(values.get(key)) and not notes.get(key):
                continue
            answer = Answer(interview=interview, question=question)
        before = (answer.text, answer.note)
        if key in values:
            _apply_value(answer, question, values[key])
        if key in notes:
            answer.note = notes[key]
        answer.save()
        if question.is_text and (answer.text, answer.note) != before:
            answer.interview = interview
            changed_texts.append(answer)
        if question.has_choices and key in values:
            _replace_choices(answer, values[key])
    coding.code_later(changed_texts)
    if interview.status == Interview.Status.NOT_STARTED:
        interview.status = Interview.Status.IN_PROGRESS
        interview.started_at = timezone.now()
        interview.save(update_fields=["status", "started_at"])
    return interview


def _is_empty(value: object) -> bool:
    return value in (None, "", [], ()) or (isinstance(value, str) and not value.strip())


def _apply_value(answer: Answer, question: Question, value: object) -> None:
    if question.kind == Question.Kind.TEXT:
        answer.text = (value or "").strip()
    elif question.kind == Question.Kind.SCALE:
        answer.number = value if value not in ("", None) else None


def _replace_choices(answer: Answer, value: object) -> None:
    if value in ("", None):
        chosen = []
    elif isinstance(value, (list, tuple)):
        chosen = list(dict.fromkeys(value))
    else:
        chosen = [value]
    answer.choices.exclude(value__in=chosen).delete()
    kept = set(answer.choices.values_list("value", flat=True))
    AnswerChoice.objects.bulk_create(
        AnswerChoice(answer=answer, value=choice) for choice in chosen if choice not in kept
    )


def has_any_answer(interview: Interview) -> bool:
    answers = interview.answers.all()
    return (
        answers.exclude(text="").exists()
        or answers.filter(number__isnull=False).exists()
        or AnswerChoice.objects.filter(answer__interview=interview).exists()
    )


def _finish(interview: Interview) -> None:
    now = timezone.now()
    interview.status = Interview.Status.COMPLETED
    interview.completed_at = now
    interview.completed_quarter = segments.quarter(timezone.localdate(now))
    if interview.is_anonymous:
        # Sealed as it is (services/sealing.py); nothing about its completion is kept.
        interview.completed_at = None
        interview.completed_quarter = ""
        interview.save(update_fields=["status", "completed_at", "completed_quarter"])
        return
    departure = interview.departure
    interview.department_id = departure.department_id
    interview.tenure_band = departure.tenure_band
    interview.leave_quarter = departure.leave_quarter
    interview.save()
    departure.invitations.filter(status=Invitation.Status.OPEN).update(
        status=Invitation.Status.COMPLETED
    )


def submit_interview(interview: Interview, *, shown_level: str | None = None) -> Interview:
    """The leaver hands in a self-service interview. Submitting twice stores once.

    A named or confidential interview completes in one transaction. An anonymous one is sealed
    in one and detached from its departure in the next (services/sealing.py), so no row of its
    answers is written in the transaction that touches the departure; it reaches HR only in a
    released batch.
    """
    with transaction.atomic():
        locked = Interview.objects.select_for_update().filter(pk=interview.pk).first()
        refuse_unless(Action.SUBMIT, _state_of_row(locked))
        if locked is None or locked.is_completed:
            return locked or interview
        _check_promise(locked, shown_level)
        if not has_any_answer(locked):
            raise InterviewError(_("Please answer at least one question before you submit."))
        _finish(locked)
        if locked.is_anonymous:
            sealing.seal(locked)
        else:
            record_audit(None, "interview.submitted", departure_subject(locked.departure))
            interviews_changed.send(sender=Interview, interview_ids=[locked.pk])
            interview_completed.send(sender=Interview, interview=locked)
            cases.open_case_for(locked)
    if locked.is_anonymous:
        _after_sealing()
    return locked


def complete_interview(
    interview: Interview, *, outcome: str, by: User, shown_level: str | None = None
) -> Interview:
    """The interviewer closes an interviewer-led interview and records its outcome. An
    anonymous one is sealed as a submitted one is (see submit_interview)."""
    with transaction.atomic():
        interview = _lock(interview, Action.COMPLETE, shown_level)
        if outcome not in (Departure.Outcome.EXIT_CONFIRMED, Departure.Outcome.RETAINED):
            raise InterviewError(_("Choose whether the exit is confirmed or the employee stays."))
        departure = interview.departure
        if not interview.is_anonymous:
            departure.outcome = outcome
            departure.save(update_fields=["outcome", "updated_at"])
            record_audit(by, "interview.completed", departure_subject(departure), outcome=outcome)
        _finish(interview)
        if interview.is_anonymous:
            sealing.seal(interview)
        else:
            interviews_changed.send(sender=Interview, interview_ids=[interview.pk])
            interview_completed.send(sender=Interview, interview=interview)
            cases.open_case_for(interview)
    if interview.is_anonymous:
        # The outcome is written apart from the sealed answers, with the departure.
        with transaction.atomic():
            Departure.objects.filter(pk=departure.pk).update(outcome=outcome)
            record_audit(by, "interview.completed", departure_subject(departure), outcome=outcome)
        _after_sealing()
    return interview


def _after_sealing() -> None:
    """Detach the sealed draft from its departure (release_batches does that first), then
    release whatever batch is now full."""
    sealing.release_batches()


def interview_to_conduct(departure: Departure) -> Interview:
    """The interview an interviewer leads on the conduct page: the departure's own, or an
    unsaved new one until the first answers are saved (looking changes nothing)."""
    interview = check(departure, Action.CONDUCT)
    if interview is not None:
        return interview
    return Interview(
        departure=departure,
        questionnaire_version=current_version(),
        mode=Interview.Mode.INTERVIEWER,
        confidentiality=settings.EXITLENS_DEFAULT_CONFIDENTIALITY,
        language=departure.language,
    )


def conduct_interview(
    departure: Departure,
    values: dict[str, object],
    notes: dict[str, str],
    *,
    shown_level: str,
    by: User,
    outcome: str | None = None,
) -> Interview:
    """The interviewer saves answers and notes; with an `outcome` they complete the interview.
    The first save makes it, under the promise the page showed."""
    with transaction.atomic():
        interview = get_or_create_interview(
            departure,
            mode=Interview.Mode.INTERVIEWER,
            confidentiality=shown_level,
            action=Action.CONDUCT,
        )
        interview = save_answers(interview, values, notes, shown_level=shown_level)
    if outcome is None:
        return interview
    # Outside the transaction above: an anonymous one is sealed apart from its departure.
    return complete_interview(interview, outcome=outcome, by=by, shown_level=shown_level)


def send_appointment(interview: Interview) -> None:
    """E-mail the leaver the planned interview, in their language."""
    departure = interview.departure
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
    try:
        send_mail(subject, body, None, [departure.invitation_email])
    except (smtplib.SMTPException, OSError) as error:
        raise InterviewError(
            _("The appointment could not be e-mailed: %(error)s") % {"error": error}
        ) from None
