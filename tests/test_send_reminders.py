from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from exitlens.core.models import AuditEntry, Invitation
from exitlens.core.services import invitations
from exitlens.core.services.interviews import save_answers, submit_interview


def _age(invitation, days):
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=days)
    )


def test_it_reminds_after_the_delay_with_a_new_working_link(
    leaver_invitation, mailoutbox, settings
):
    settings.EXITLENS_REMINDER_AFTER_DAYS = 5
    mailoutbox.clear()
    _age(leaver_invitation, 6)

    call_command("send_reminders")

    leaver_invitation.refresh_from_db()
    assert leaver_invitation.reminders_sent == 1
    assert len(mailoutbox) == 1
    reminder = mailoutbox[0]
    assert reminder.to == ["lotte@home.example.org"]
    assert "Herinnering" in reminder.subject or "exitgesprek" in reminder.subject.lower()
    token = reminder.body.split("/i/")[1].split("/")[0]
    assert invitations.find_invitation(token) == leaver_invitation
    assert AuditEntry.objects.filter(action="invitation.reminded").count() == 1


def test_it_is_idempotent(leaver_invitation, mailoutbox):
    mailoutbox.clear()
    _age(leaver_invitation, 6)

    call_command("send_reminders")
    call_command("send_reminders")

    leaver_invitation.refresh_from_db()
    assert leaver_invitation.reminders_sent == 1
    assert len(mailoutbox) == 1


def test_it_does_not_remind_before_the_delay(leaver_invitation, mailoutbox):
    mailoutbox.clear()
    _age(leaver_invitation, 2)

    call_command("send_reminders")

    assert mailoutbox == []


def test_it_stops_at_the_maximum(leaver_invitation, mailoutbox, settings):
    settings.EXITLENS_MAX_REMINDERS = 2
    mailoutbox.clear()
    _age(leaver_invitation, 20)
    for _round in range(4):
        Invitation.objects.filter(pk=leaver_invitation.pk).update(
            last_reminded_at=timezone.now() - timedelta(days=10)
        )
        call_command("send_reminders")

    leaver_invitation.refresh_from_db()
    assert leaver_invitation.reminders_sent == 2
    assert len(mailoutbox) == 2


def test_it_does_not_remind_after_submission(leaver_invitation, mailoutbox):
    save_answers(leaver_invitation.interview, {"reason": "Te weinig doorgroei."})
    submit_interview(leaver_invitation.interview)
    mailoutbox.clear()
    _age(leaver_invitation, 6)

    call_command("send_reminders")

    assert mailoutbox == []


def test_it_expires_old_links(leaver_invitation, mailoutbox):
    Invitation.objects.filter(pk=leaver_invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    mailoutbox.clear()

    call_command("send_reminders")

    leaver_invitation.refresh_from_db()
    assert leaver_invitation.status == Invitation.Status.EXPIRED
    assert mailoutbox == []


def test_it_rejects_a_too_short_loop_interval(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="at least 60"):
        call_command("send_reminders", interval=5)
