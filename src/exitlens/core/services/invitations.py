"""Invitations to the self-service interview: personal links, e-mails, reminders and expiry."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from exitlens.core import tokens
from exitlens.core.models import Departure, Interview, Invitation, InvitationLink, User
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.core.services.interviews import (
    InterviewError,
    change_confidentiality,
    check,
    get_or_create_interview,
)

logger = logging.getLogger(__name__)


def link_url(token: str) -> str:
    return settings.SITE_URL + reverse("leaver:interview", args=[token])


def _new_link(invitation: Invitation) -> str:
    token = tokens.new_token()
    InvitationLink.objects.create(
        invitation=invitation, token_hash=tokens.hash_token(token), sent_to=invitation.sent_to
    )
    return token


def _send_email(invitation: Invitation, token: str, template: str) -> None:
    departure = invitation.departure
    context = {
        "departure": departure,
        "organisation": settings.EXITLENS_ORGANISATION_NAME,
        "url": link_url(token),
        "expires_at": invitation.expires_at,
        "hr_contact": settings.EXITLENS_HR_CONTACT,
    }
    with translation.override(departure.language):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}.txt", context)
    try:
        send_mail(subject, body, None, [invitation.sent_to])
    except (smtplib.SMTPException, OSError) as error:
        # Raised inside the transaction, so no link is stored for an e-mail that never left.
        raise InterviewError(
            _("The e-mail could not be sent: %(error)s") % {"error": error}
        ) from None


@transaction.atomic
def send_invitation(
    departure: Departure,
    *,
    by: User | None,
    confidentiality: str | None = None,
    request: HttpRequest | None = None,
) -> Invitation:
    """E-mail the leaver a personal link; an open invitation gets a fresh link and a new e-mail."""
    check(departure, Interview.Action.INVITE)
    if not departure.invitation_email:
        raise InterviewError(_("This departure has no e-mail address to send the invitation to."))
    confidentiality = confidentiality or settings.EXITLENS_DEFAULT_CONFIDENTIALITY
    interview = get_or_create_interview(
        departure,
        mode=Interview.Mode.SELF_SERVICE,
        confidentiality=confidentiality,
        action=Interview.Action.INVITE,
    )
    if interview.confidentiality != confidentiality:
        interview = change_confidentiality(interview, confidentiality, by=by)
    if interview.mode != Interview.Mode.SELF_SERVICE:
        interview.mode = Interview.Mode.SELF_SERVICE
        interview.save(update_fields=["mode"])
    now = timezone.now()
    invitation = departure.invitations.filter(
        status=Invitation.Status.OPEN, expires_at__gt=now
    ).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            departure=departure,
            interview=interview,
            sent_to=departure.invitation_email,
            sent_by=by,
            sent_at=now,
            expires_at=now + timedelta(days=settings.EXITLENS_INVITATION_VALID_DAYS),
        )
    else:
        invitation.sent_to = departure.invitation_email
        invitation.sent_by = by
        invitation.save(update_fields=["sent_to", "sent_by"])
    token = _new_link(invitation)
    _send_email(invitation, token, "invitation")
    record_audit(
        by,
        "invitation.sent",
        departure_subject(departure),
        request=request,
        to=invitation.sent_to,
        confidentiality=confidentiality,
    )
    return invitation


def find_link(token: str) -> InvitationLink | None:
    """The personal link behind a token, or None for an unknown or malformed token."""
    if not tokens.looks_like_token(token):
        return None
    return (
        InvitationLink.objects.select_related("invitation__departure", "invitation__interview")
        .filter(token_hash=tokens.hash_token(token))
        .first()
    )


def find_invitation(token: str) -> Invitation | None:
    """The invitation behind a personal link, or None for an unknown or malformed token."""
    link = find_link(token)
    return link.invitation if link else None


@dataclass
class ReminderRun:
    reminded: int = 0
    expired: int = 0
    invited: int = 0
    not_invited: int = 0  # planned invitations that could not be sent (see the log)


def send_planned_invitations(run: ReminderRun) -> None:
    """Invite the departures an import planned an invitation for (Departure.invite_on), once
    the day has come, unless they were invited or interviewed in the meantime."""
    today = timezone.localdate()
    due = Departure.objects.filter(invite_on__lte=today).order_by("invite_on", "pk")
    for departure in due:
        Departure.objects.filter(pk=departure.pk).update(invite_on=None)  # one attempt only
        already = (
            departure.invitations.exists()
            or Interview.objects.filter(
                departure=departure, status=Interview.Status.COMPLETED
            ).exists()
        )
        if already:
            continue
        try:
            with transaction.atomic():
                send_invitation(departure, by=None)
        except InterviewError:
            logger.exception("The planned invitation of departure %s failed", departure.pk)
            run.not_invited += 1
            continue
        run.invited += 1


def send_reminders() -> ReminderRun:
    """Remind leavers with open invitations and expire old ones. Safe to run as often as you like:
    a leaver gets at most EXITLENS_MAX_REMINDERS, each EXITLENS_REMINDER_AFTER_DAYS apart."""
    now = timezone.now()
    run = ReminderRun()
    send_planned_invitations(run)
    run.expired = Invitation.objects.filter(
        status=Invitation.Status.OPEN, expires_at__lte=now
    ).update(status=Invitation.Status.EXPIRED)
    due_before = now - timedelta(days=settings.EXITLENS_REMINDER_AFTER_DAYS)
    due = (
        Invitation.objects.filter(
            status=Invitation.Status.OPEN,
            reminders_sent__lt=settings.EXITLENS_MAX_REMINDERS,
            sent_at__lte=due_before,
            interview__status__in=[Interview.Status.NOT_STARTED, Interview.Status.IN_PROGRESS],
        )
        .exclude(last_reminded_at__gt=due_before)
        .select_related("departure")
    )
    for invitation in due:
        try:
            reminded = _remind(invitation, now)
        except InterviewError:
            logger.exception("Reminder to %s failed", invitation.sent_to)
            continue
        run.reminded += reminded
    return run


@transaction.atomic
def _remind(invitation: Invitation, now: datetime) -> int:
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if (
        locked.status != Invitation.Status.OPEN
        or locked.reminders_sent >= settings.EXITLENS_MAX_REMINDERS
    ):
        return 0
    locked.reminders_sent += 1
    locked.last_reminded_at = now
    locked.save(update_fields=["reminders_sent", "last_reminded_at"])
    _send_email(locked, _new_link(locked), "reminder")
    record_audit(
        None,
        "invitation.reminded",
        departure_subject(locked.departure),
        number=locked.reminders_sent,
    )
    return 1
