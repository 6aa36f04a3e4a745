"""Disclosure cases: answers flagged as possible misconduct, followed up by the chosen HR staff.

A case opens for an interview once HR may read a flagged answer in it (`Answer.sensitive`, set by
the coding or by HR in the coding review):

- when a named or confidential interview is submitted or completed, or when the coding (a
  `themes recode`, say) newly flags an answer of one that is completed;
- when an anonymous interview is released in a batch (services/sealing.py), never at its
  submission: a case, or an e-mail, at that moment would single it out of the batch;
- when HR marks an answer of a completed interview as sensitive in the coding review.

One case per interview: opening again returns the case there is, whatever its status. Every
handler (`User.may_handle_cases`) is e-mailed once the transaction commits, with the category and
a link only: never the answer, never the leaver's name, since an e-mail travels further than
this server. Every change and every reading of a case is written to the audit log.
"""

import logging
import smtplib
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from exitlens.analysis.sensitive import find_disclosure
from exitlens.core.models import Answer, CaseNote, DisclosureCase, Interview, User
from exitlens.core.services.audit import record_audit

logger = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 10_000
Category = DisclosureCase.Category
Status = DisclosureCase.Status


class CaseError(Exception):
    """A case rule was broken; the message is fit to show to the user."""


def case_subject(case: DisclosureCase) -> str:
    """How the audit log names a case: its code, never the leaver."""
    return f"case {case.code}"


def case_url(case: DisclosureCase) -> str:
    return settings.SITE_URL + reverse("case_detail", args=[case.code])


def case_handlers() -> QuerySet[User]:
    """The active HR staff and administrators chosen to handle disclosure cases."""
    return User.objects.filter(
        is_active=True, role__in=[User.Role.ADMIN, User.Role.HR], handles_cases=True
    )


def is_readable(interview: Interview) -> bool:
    """Whether HR may read the interview's answers as a case: a completed one, except an
    anonymous draft that is sealed and not yet detached from its leaver."""
    return interview.is_completed and not (
        interview.is_anonymous and interview.departure_id is not None
    )


def flagged_answers(interview: Interview) -> QuerySet[Answer]:
    return (
        interview.answers.filter(sensitive=True)
        .select_related("question")
        .prefetch_related("themes")
        .order_by("question__position", "pk")
    )


def suggested_category(interview: Interview) -> str:
    """The category of the strongest disclosure the detector finds in the first flagged answer
    it recognises; "other" when it finds none (an answer HR flagged, say)."""
    for answer in flagged_answers(interview):
        for text in (answer.text, answer.note):
            disclosure = find_disclosure(text) if text else None
            if disclosure is not None and disclosure.category in Category.values:
                return disclosure.category
    return Category.OTHER


def _open(
    interview: Interview, category: str | None, by: User | None, request: HttpRequest | None
) -> tuple[DisclosureCase | None, bool]:
    if category is not None and category not in Category.values:
        raise CaseError(_("Unknown category."))
    if not is_readable(interview) or not interview.answers.filter(sensitive=True).exists():
        return None, False
    case = DisclosureCase.objects.filter(interview=interview).first()
    if case is not None:
        return case, False
    case, created = DisclosureCase.objects.get_or_create(
        interview=interview,
        defaults={"category": category or suggested_category(interview)},
    )
    if created:
        record_audit(by, "case.opened", case_subject(case), request=request, category=case.category)
    return case, created


@transaction.atomic
def open_case_for(
    interview: Interview,
    category: str | None = None,
    by: User | None = None,
    *,
    request: HttpRequest | None = None,
) -> DisclosureCase | None:
    """The interview's case, opened now if it has none (and the handlers e-mailed after commit).
    None while HR may not read the interview, or when none of its answers is flagged."""
    case, created = _open(interview, category, by, request)
    if created:
        transaction.on_commit(partial(notify_handlers, [case.pk]))
    return case


@transaction.atomic
def open_cases_for(
    interviews: Iterable[Interview], *, by: User | None = None
) -> list[DisclosureCase]:
    """Open the cases these interviews lack (see open_case_for); the cases opened. The handlers
    get one e-mail for all of them, not one per case: a recode may flag many at once."""
    opened = []
    for interview in interviews:
        case, created = _open(interview, None, by, None)
        if created:
            opened.append(case)
    if opened:
        transaction.on_commit(partial(notify_handlers, [case.pk for case in opened]))
    return opened


def open_cases_for_answers(answers: Iterable[Answer], *, by: User | None = None) -> None:
    """Open the cases of the interviews these newly flagged answers belong to."""
    ids = {answer.interview_id for answer in answers}
    if ids:
        open_cases_for(Interview.objects.filter(pk__in=ids).order_by("pk"), by=by)


def notify_handlers(case_ids: list[int]) -> int:
    """E-mail every case handler, in their language, that cases opened: the category and a link,
    nothing more. A failure is logged, never raised: the case is open and listed all the same.
    Returns the number of e-mails sent."""
    cases = list(DisclosureCase.objects.filter(pk__in=case_ids).order_by("opened_at", "pk"))
    if not cases:
        return 0
    sent = 0
    for handler in case_handlers().exclude(email="").order_by("pk"):
        with translation.override(handler.language or settings.LANGUAGE_CODE):
            context = {
                "cases": [
                    {"category": case.get_category_display(), "url": case_url(case)}
                    for case in cases
                ],
                "count": len(cases),
                "organisation": settings.EXITLENS_ORGANISATION_NAME,
                "list_url": settings.SITE_URL + reverse("case_list"),
            }
            subject = render_to_string("emails/case_opened_subject.txt", context).strip()
            body = render_to_string("emails/case_opened.txt", context)
        try:
            send_mail(subject, body, None, [handler.email])
        except (smtplib.SMTPException, OSError):
            logger.exception("The e-mail about new disclosure cases to %s failed", handler.pk)
            continue
        sent += 1
    return sent


def _locked(case: DisclosureCase, action: str | None = None) -> DisclosureCase:
    locked = DisclosureCase.objects.select_for_update().get(pk=case.pk)
    if action is not None and not locked.allows(action):
        raise CaseError(
            _("This case is %(status)s: it cannot be changed that way.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def _check_handler(user: User | None) -> None:
    if user is None or not user.may_handle_cases:
        raise CaseError(_("Only case handlers may handle a case."))


def _note(case: DisclosureCase, text: str, by: User) -> CaseNote | None:
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > MAX_NOTE_LENGTH:
        raise CaseError(
            _("A note can be at most %(max)d characters long.") % {"max": MAX_NOTE_LENGTH}
        )
    return CaseNote.objects.create(case=case, author=by, author_name=by.get_username(), text=text)


@transaction.atomic
def assign_case(
    case: DisclosureCase, owner: User, *, by: User, request: HttpRequest | None = None
) -> DisclosureCase:
    """Make `owner` (a case handler) responsible for an open case; a new case is then in
    progress."""
    _check_handler(by)
    if not owner.may_handle_cases:
        raise CaseError(_("Only a case handler can be made responsible for a case."))
    case = _locked(case, "assign")
    previous = case.owner
    case.owner = owner
    if case.status == Status.NEW:
        case.status = Status.IN_PROGRESS
    case.save(update_fields=["owner", "status", "updated_at"])
    record_audit(
        by,
        "case.assigned",
        case_subject(case),
        request=request,
        owner=owner.get_username(),
        previous=previous.get_username() if previous else "",
        status=case.status,
    )
    return case


def take_case(
    case: DisclosureCase, *, by: User, request: HttpRequest | None = None
) -> DisclosureCase:
    """The handler takes the case on (assign_case to themselves)."""
    return assign_case(case, by, by=by, request=request)


@transaction.atomic
def change_category(
    case: DisclosureCase, category: str, *, by: User, request: HttpRequest | None = None
) -> DisclosureCase:
    """Correct the category the detector suggested; allowed in every status."""
    _check_handler(by)
    if category not in Category.values:
        raise CaseError(_("Unknown category."))
    case = _locked(case)
    old = case.category
    if old != category:
        case.category = category
        case.save(update_fields=["category", "updated_at"])
        record_audit(
            by,
            "case.changed",
            case_subject(case),
            request=request,
            field="category",
            old=old,
            new=category,
        )
    return case


@transaction.atomic
def add_note(
    case: DisclosureCase, text: str, *, by: User, request: HttpRequest | None = None
) -> CaseNote:
    """Append a note, in every status (a closed case may still need one). Notes are never
    changed or deleted; the audit log records that a note was added, not its text."""
    _check_handler(by)
    case = _locked(case)
    note = _note(case, text, by)
    if note is None:
        raise CaseError(_("Write a note first."))
    case.save(update_fields=["updated_at"])
    record_audit(by, "case.note_added", case_subject(case), request=request, note=note.pk)
    return note


@transaction.atomic
def refer_case(
    case: DisclosureCase, *, by: User, note: str = "", request: HttpRequest | None = None
) -> DisclosureCase:
    """Hand the case to the confidential adviser (EXITLENS_CONFIDENTIAL_ADVISER) or another
    body; it stays open until someone closes it with its outcome."""
    _check_handler(by)
    case = _locked(case, "refer")
    added = _note(case, note, by)
    case.status = Status.REFERRED
    case.referred_at = timezone.now()
    case.owner = case.owner or by
    case.save(update_fields=["status", "referred_at", "owner", "updated_at"])
    record_audit(
        by,
        "case.referred",
        case_subject(case),
        request=request,
        note=added.pk if added else None,
    )
    return case


@transaction.atomic
def close_case(
    case: DisclosureCase,
    *,
    outcome: str,
    by: User,
    note: str = "",
    request: HttpRequest | None = None,
) -> DisclosureCase:
    """Close an open case with how it ended (DisclosureCase.Outcome): required."""
    _check_handler(by)
    if outcome not in DisclosureCase.Outcome.values:
        raise CaseError(_("Choose how the case ended before closing it."))
    case = _locked(case, "close")
    added = _note(case, note, by)
    case.status = Status.CLOSED
    case.outcome = outcome
    case.closed_at = timezone.now()
    case.owner = case.owner or by
    case.save(update_fields=["status", "outcome", "closed_at", "owner", "updated_at"])
    record_audit(
        by,
        "case.closed",
        case_subject(case),
        request=request,
        outcome=outcome,
        note=added.pk if added else None,
    )
    return case


@transaction.atomic
def reopen_case(
    case: DisclosureCase, *, by: User, note: str = "", request: HttpRequest | None = None
) -> DisclosureCase:
    """Open a closed case again: in progress with its handler, or new if it has none. Its
    outcome goes; the audit log keeps the one it had."""
    _check_handler(by)
    case = _locked(case, "reopen")
    added = _note(case, note, by)
    previous = case.outcome
    case.status = Status.IN_PROGRESS if case.owner_id else Status.NEW
    case.outcome = ""
    case.closed_at = None
    case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    record_audit(
        by,
        "case.reopened",
        case_subject(case),
        request=request,
        previous_outcome=previous,
        note=added.pk if added else None,
    )
    return case


def record_view(case: DisclosureCase, *, by: User, request: HttpRequest | None = None) -> None:
    """Reading a case is reading the answers in it: audited like `interview.viewed`."""
    record_audit(by, "case.viewed", case_subject(case), request=request)
