"""The interview workflow: create, answer, submit or complete, and anonymise."""

import secrets
import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens import segments
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Departure,
    Interview,
    Invitation,
    Question,
    User,
)
from exitlens.core.services import coding
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


def get_or_create_interview(departure: Departure, *, mode: str, confidentiality: str) -> Interview:
    """The departure's interview, made on first use with the current questionnaire."""
    if departure.responded_anonymously:
        raise InterviewError(_("This leaver has already submitted an anonymous interview."))
    interview = Interview.objects.filter(departure=departure).first()
    if interview is None:
        return Interview.objects.create(
            departure=departure,
            questionnaire_version=current_version(),
            mode=mode,
            confidentiality=confidentiality,
            language=departure.language,
        )
    if interview.is_completed:
        raise InterviewError(_("The interview has already been completed."))
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
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality=confidentiality
    )
    if (
        interview.is_anonymous
        and interview.mode == Interview.Mode.SELF_SERVICE
        and interview.status == Interview.Status.IN_PROGRESS
    ):
        # An interviewer would see the leaver's unsubmitted anonymous answers next to the name.
        raise InterviewError(
            _(
                "The leaver has started the anonymous interview on their own; "
                "it cannot be taken over."
            )
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
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if confidentiality not in PROTECTION_ORDER:
        raise InterviewError(_("Unknown confidentiality level."))
    if interview.is_completed:
        raise InterviewError(_("The confidentiality of a completed interview cannot change."))
    old = interview.confidentiality
    weaker = PROTECTION_ORDER.index(confidentiality) < PROTECTION_ORDER.index(old)
    if weaker and interview.status != Interview.Status.NOT_STARTED:
        raise InterviewError(
            _("The leaver has started answering under a stronger promise; it cannot be weakened.")
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


def _lock_open_interview(interview: Interview) -> Interview:
    locked = Interview.objects.select_for_update().get(pk=interview.pk)
    if locked.is_completed:
        raise InterviewError(_("This interview has already been submitted."))
    return locked


@transaction.atomic
def save_answers(
    interview: Interview,
    values: dict[str, object],
    notes: dict[str, str] | None = None,
) -> Interview:
    """Store answers by question key: text, number or a list of choice values.

    Keys missing from `values` keep their stored answer; an empty value clears it.
    """
    interview = _lock_open_interview(interview)
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
    coding.code_safely(changed_texts)
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
    departure = interview.departure
    now = timezone.now()
    interview.status = Interview.Status.COMPLETED
    interview.completed_at = now
    interview.completed_quarter = segments.quarter(timezone.localdate(now))
    interview.department_id = departure.department_id
    interview.tenure_band = departure.tenure_band
    interview.leave_quarter = departure.leave_quarter
    interview.save()
    departure.invitations.filter(status=Invitation.Status.OPEN).update(
        status=Invitation.Status.COMPLETED
    )


@transaction.atomic
def submit_interview(interview: Interview) -> Interview:
    """The leaver hands in a self-service interview. Submitting twice stores once."""
    locked = Interview.objects.select_for_update().filter(pk=interview.pk).first()
    if locked is None or locked.is_completed:
        return locked or interview
    if not has_any_answer(locked):
        raise InterviewError(_("Please answer at least one question before you submit."))
    _finish(locked)
    if locked.is_anonymous:
        locked = anonymise_interview(locked)
    else:
        record_audit(None, "interview.submitted", departure_subject(locked.departure))
    interviews_changed.send(sender=Interview, interview_ids=[locked.pk])
    interview_completed.send(sender=Interview, interview=locked)
    return locked


@transaction.atomic
def complete_interview(interview: Interview, *, outcome: str, by: User) -> Interview:
    """The interviewer closes an interviewer-led interview and records its outcome."""
    interview = _lock_open_interview(interview)
    if outcome not in (Departure.Outcome.EXIT_CONFIRMED, Departure.Outcome.RETAINED):
        raise InterviewError(_("Choose whether the exit is confirmed or the employee stays."))
    departure = interview.departure
    departure.outcome = outcome
    departure.save(update_fields=["outcome", "updated_at"])
    record_audit(by, "interview.completed", departure_subject(departure), outcome=outcome)
    _finish(interview)
    if interview.is_anonymous:
        interview = anonymise_interview(interview)
    interviews_changed.send(sender=Interview, interview_ids=[interview.pk])
    interview_completed.send(sender=Interview, interview=interview)
    return interview


def _timeless_id() -> int:
    """A random negative primary key. Row numbers count up as time passes, so new rows with
    ordinary ids would date the submission; negative ones also leave the next ordinary id alone."""
    return -(secrets.randbits(62) + 1)


def anonymise_interview(interview: Interview) -> Interview:
    """Detach a completed interview from its leaver, irreversibly.

    The answers move to a new interview with a new random id and fresh answer rows; only the
    department, tenure band and quarter of leaving stay. The interview's language, mode and dates
    go: in a small team "English, led by an interviewer" can name a person. The new rows get
    random ids. The old rows are deleted (SQLite overwrites them: secure_delete is on).
    """
    departure = interview.departure
    anonymous = Interview.objects.create(
        id=uuid.uuid4(),
        departure=None,
        questionnaire_version_id=interview.questionnaire_version_id,
        mode="",
        confidentiality=Interview.Confidentiality.ANONYMOUS,
        status=Interview.Status.COMPLETED,
        language="",
        department_id=interview.department_id,
        tenure_band=interview.tenure_band,
        leave_quarter=interview.leave_quarter,
    )
    old_answers = list(interview.answers.prefetch_related("choices", "themes"))
    new_answers = Answer.objects.bulk_create(
        Answer(
            id=_timeless_id(),
            interview=anonymous,
            question_id=old.question_id,
            text=old.text,
            number=old.number,
            note=old.note,
            language=old.language,
            sensitive=old.sensitive,
            certainty=old.certainty,
        )
        for old in old_answers
    )
    AnswerTheme.objects.bulk_create(
        AnswerTheme(
            id=_timeless_id(),
            answer=new,
            theme=tag.theme,
            polarity=tag.polarity,
            score=tag.score,
            source=tag.source,
        )
        for old, new in zip(old_answers, new_answers, strict=True)
        for tag in old.themes.all()
    )
    AnswerChoice.objects.bulk_create(
        AnswerChoice(id=_timeless_id(), answer=new, value=choice.value)
        for old, new in zip(old_answers, new_answers, strict=True)
        for choice in old.choices.all()
    )
    interview.invitations.update(interview=None)
    interview.delete()
    # update() leaves updated_at alone, so no timestamp on the departure matches the submission.
    Departure.objects.filter(pk=departure.pk).update(responded_anonymously=True)
    return anonymous
