"""Unit tests of the interview workflow and of sending and finding invitations."""

import smtplib
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.utils import formats, timezone, translation

from exitlens.core import tokens
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AuditEntry,
    Departure,
    Interview,
    Invitation,
    InvitationLink,
    SealedResponse,
)
from exitlens.core.services import interviews, invitations
from exitlens.core.services.interviews import InterviewError


class FailingBackend(BaseEmailBackend):
    """An SMTP server that refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("550 mailbox unavailable")


def token_from(message) -> str:
    return message.body.split("/i/")[1].split("/")[0]


def all_cells() -> list[str]:
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            cells.extend(str(value) for row in cursor.fetchall() for value in row)
    return cells


@pytest.fixture
def interview(leaver_invitation) -> Interview:
    return leaver_invitation.interview


def answer(interview: Interview, key: str) -> Answer:
    return Answer.objects.get(interview=interview, question__key=key)


def choices(interview: Interview, key: str) -> list[str]:
    return sorted(
        AnswerChoice.objects.filter(
            answer__interview=interview, answer__question__key=key
        ).values_list("value", flat=True)
    )


# change_confidentiality


def test_it_allows_a_weaker_promise_before_the_leaver_starts(interview, hr):
    changed = interviews.change_confidentiality(interview, "named", by=hr)
    assert changed.confidentiality == "named"
    interview.refresh_from_db()
    assert interview.confidentiality == "named"


def test_it_refuses_a_weaker_promise_once_the_leaver_started(interview, hr):
    interviews.save_answers(interview, {"reason": "Started"})
    with pytest.raises(InterviewError):
        interviews.change_confidentiality(interview, "named", by=hr)
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"
    assert not AuditEntry.objects.filter(action="interview.confidentiality_changed").exists()


def test_it_allows_a_stronger_promise_after_the_leaver_started(interview, hr, departure):
    interviews.save_answers(interview, {"reason": "Started"})
    interviews.change_confidentiality(interview, "anonymous", by=hr)
    interview.refresh_from_db()
    assert interview.confidentiality == "anonymous"
    entry = AuditEntry.objects.get(action="interview.confidentiality_changed")
    assert entry.actor == hr
    assert entry.data == {"old": "confidential", "new": "anonymous"}
    assert str(departure.code) in entry.subject


def test_it_refuses_to_change_the_promise_after_completion(interview, hr):
    interviews.save_answers(interview, {"reason": "Done"})
    interviews.submit_interview(interview)
    with pytest.raises(InterviewError):
        interviews.change_confidentiality(interview, "anonymous", by=hr)
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"


def test_it_refuses_an_unknown_confidentiality_level(interview, hr):
    with pytest.raises(InterviewError):
        interviews.change_confidentiality(interview, "public", by=hr)


def test_it_writes_no_audit_entry_when_the_promise_stays_the_same(interview, hr):
    interviews.change_confidentiality(interview, "confidential", by=hr)
    assert not AuditEntry.objects.filter(action="interview.confidentiality_changed").exists()


# save_answers


def test_it_stores_answers_typed(interview):
    saved = interviews.save_answers(
        interview,
        {
            "reason": "  Too little room to grow \n",
            "recommend": 8,
            "main_reason": "career",
            "contributing_reasons": ["pay", "workload"],
        },
    )
    assert saved.status == Interview.Status.IN_PROGRESS
    assert saved.started_at is not None
    assert answer(interview, "reason").text == "Too little room to grow"
    assert answer(interview, "recommend").number == 8
    assert answer(interview, "recommend").text == ""
    assert choices(interview, "main_reason") == ["career"]
    assert choices(interview, "contributing_reasons") == ["pay", "workload"]


def test_it_keeps_answers_that_are_not_given_again(interview):
    interviews.save_answers(interview, {"reason": "First", "recommend": 3})
    interviews.save_answers(interview, {"retention": "Second"})
    assert answer(interview, "reason").text == "First"
    assert answer(interview, "recommend").number == 3
    assert answer(interview, "retention").text == "Second"


def test_it_clears_answers_given_as_empty(interview):
    interviews.save_answers(
        interview,
        {
            "reason": "Something",
            "recommend": 5,
            "main_reason": "pay",
            "contributing_reasons": ["pay"],
        },
    )
    interviews.save_answers(
        interview, {"reason": "", "recommend": None, "main_reason": "", "contributing_reasons": []}
    )
    assert answer(interview, "reason").text == ""
    assert answer(interview, "recommend").number is None
    assert choices(interview, "main_reason") == []
    assert choices(interview, "contributing_reasons") == []


def test_it_replaces_chosen_options(interview):
    interviews.save_answers(interview, {"contributing_reasons": ["pay", "workload"]})
    kept = AnswerChoice.objects.get(value="workload")
    interviews.save_answers(interview, {"contributing_reasons": ["workload", "career", "career"]})
    assert choices(interview, "contributing_reasons") == ["career", "workload"]
    assert AnswerChoice.objects.filter(pk=kept.pk).exists()
    interviews.save_answers(interview, {"main_reason": "pay"})
    interviews.save_answers(interview, {"main_reason": "manager"})
    assert choices(interview, "main_reason") == ["manager"]


def test_it_stores_interviewer_notes(interview):
    interviews.save_answers(interview, {"reason": "Pay"}, notes={"reason": "Hesitated"})
    interviews.save_answers(interview, {"reason": "Pay, mostly"})
    assert answer(interview, "reason").note == "Hesitated"
    assert answer(interview, "reason").text == "Pay, mostly"


def test_it_keeps_one_answer_per_question(interview):
    for text in ("One", "Two", "Three"):
        interviews.save_answers(interview, {"reason": text})
    assert Answer.objects.filter(interview=interview, question__key="reason").count() == 1


def test_it_refuses_to_save_after_submission(interview):
    interviews.save_answers(interview, {"reason": "Final"})
    interviews.submit_interview(interview)
    with pytest.raises(InterviewError):
        interviews.save_answers(interview, {"reason": "Changed"})
    assert answer(interview, "reason").text == "Final"


# submit_interview


def test_it_submits_and_keeps_only_coarse_segments(interview, leaver_invitation, departure):
    interviews.save_answers(interview, {"reason": "Done"})
    submitted = interviews.submit_interview(interview)
    assert submitted.is_completed
    assert submitted.completed_at is not None
    assert submitted.department == departure.department
    assert submitted.tenure_band == "5-10"
    assert submitted.leave_quarter == "2026-Q4"
    assert submitted.completed_quarter
    leaver_invitation.refresh_from_db()
    assert leaver_invitation.status == Invitation.Status.COMPLETED
    assert AuditEntry.objects.filter(action="interview.submitted", actor=None).count() == 1


def test_it_submits_only_once(interview):
    interviews.save_answers(interview, {"reason": "Done"})
    first = interviews.submit_interview(interview)
    second = interviews.submit_interview(interview)
    assert second.is_completed
    assert second.completed_at == first.completed_at
    assert AuditEntry.objects.filter(action="interview.submitted").count() == 1
    assert Answer.objects.filter(interview=interview).count() == 1


def test_it_submits_an_anonymous_interview_only_once(interview, hr):
    interviews.change_confidentiality(interview, "anonymous", by=hr)
    interviews.save_answers(interview, {"reason": "Done"})
    interviews.submit_interview(interview)
    interviews.submit_interview(interview)  # the stale object of a double click
    assert SealedResponse.objects.count() == 1
    assert not Interview.objects.exists()  # sealed, the draft detached and deleted
    assert not Answer.objects.filter(text="Done").exists()


def test_it_refuses_to_submit_without_any_answer(interview, leaver_invitation):
    interviews.save_answers(interview, {"reason": "  ", "recommend": None})
    with pytest.raises(InterviewError):
        interviews.submit_interview(interview)
    interview.refresh_from_db()
    leaver_invitation.refresh_from_db()
    assert interview.status == Interview.Status.IN_PROGRESS
    assert leaver_invitation.status == Invitation.Status.OPEN


# complete_interview, schedule_interview, get_or_create_interview


def test_it_completes_an_interview_with_its_outcome(interview, departure, hr):
    interviews.save_answers(interview, {"reason": "Said in person"})
    completed = interviews.complete_interview(interview, outcome="retained", by=hr)
    assert completed.is_completed
    departure.refresh_from_db()
    assert departure.outcome == Departure.Outcome.RETAINED
    entry = AuditEntry.objects.get(action="interview.completed")
    assert entry.actor == hr
    assert entry.data == {"outcome": "retained"}


def test_it_refuses_to_complete_without_a_known_outcome(interview, departure, hr):
    with pytest.raises(InterviewError):
        interviews.complete_interview(interview, outcome="pending", by=hr)
    interview.refresh_from_db()
    departure.refresh_from_db()
    assert not interview.is_completed
    assert departure.outcome == Departure.Outcome.PENDING


def test_it_withdraws_open_invitations_when_an_interview_is_planned(
    interview, departure, leaver_invitation, hr
):
    planned = interviews.schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(days=2),
        meeting_place="Room 1",
        confidentiality="confidential",
        by=hr,
    )
    assert planned.pk == interview.pk
    assert planned.mode == Interview.Mode.INTERVIEWER
    leaver_invitation.refresh_from_db()
    assert leaver_invitation.status == Invitation.Status.WITHDRAWN
    assert AuditEntry.objects.filter(action="interview.scheduled").count() == 1


def test_it_plans_an_existing_interview_with_a_stronger_promise(interview, departure, hr):
    interviews.schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(days=2),
        meeting_place="Room 1",
        confidentiality="anonymous",
        by=hr,
    )
    interview.refresh_from_db()
    assert interview.confidentiality == "anonymous"


def test_it_refuses_a_new_interview_after_an_anonymous_response(interview, departure, hr):
    interviews.change_confidentiality(interview, "anonymous", by=hr)
    interviews.save_answers(interview, {"reason": "Gone"})
    interviews.submit_interview(interview)
    departure.refresh_from_db()
    with pytest.raises(InterviewError):
        interviews.get_or_create_interview(departure, mode="self_service", confidentiality="named")
    assert not Interview.objects.filter(departure=departure).exists()


# send_invitation and find_invitation


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_emails_the_invitation_in_the_leavers_language(
    departure, hr, questionnaire_version, mailoutbox, language
):
    Departure.objects.filter(pk=departure.pk).update(language=language)
    departure.refresh_from_db()
    invitation = invitations.send_invitation(departure, by=hr, confidentiality="named")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["lotte@home.example.org"]
    assert invitation.sent_to == "lotte@home.example.org"
    expires = timezone.localtime(invitation.expires_at)
    with translation.override(language):
        expected = formats.date_format(expires, "DATE_FORMAT")
    with translation.override("en" if language == "nl" else "nl"):
        other = formats.date_format(expires, "DATE_FORMAT")
    assert expected in message.body
    assert other not in message.body
    assert invitation.interview.language == language
    entry = AuditEntry.objects.get(action="invitation.sent")
    assert entry.actor == hr
    assert entry.data["to"] == "lotte@home.example.org"


def test_it_uses_the_work_address_without_a_personal_one(
    departure, hr, questionnaire_version, mailoutbox
):
    departure.personal_email = ""
    departure.save()
    invitations.send_invitation(departure, by=hr)
    assert mailoutbox[0].to == ["lotte@work.example.org"]


def test_it_sends_a_link_that_finds_the_invitation(leaver_invitation, mailoutbox):
    token = token_from(mailoutbox[0])
    assert invitations.link_url(token) in mailoutbox[0].body
    assert invitations.find_invitation(token) == leaver_invitation


def test_it_stores_the_token_only_as_a_hash(leaver_invitation, mailoutbox):
    token = token_from(mailoutbox[0])
    link = InvitationLink.objects.get()
    assert link.token_hash == tokens.hash_token(token)
    assert not any(token in cell for cell in all_cells())


def test_it_sends_a_new_link_when_resending_and_keeps_the_old_one(
    leaver_invitation, departure, hr, mailoutbox
):
    first = token_from(mailoutbox[0])
    again = invitations.send_invitation(departure, by=hr, confidentiality="confidential")
    second = token_from(mailoutbox[1])

    assert again == leaver_invitation
    assert first != second
    assert Invitation.objects.count() == 1
    assert InvitationLink.objects.count() == 2
    assert invitations.find_invitation(first) == leaver_invitation
    assert invitations.find_invitation(second) == leaver_invitation


def test_it_refuses_to_invite_without_an_email_address(
    departure, hr, questionnaire_version, mailoutbox
):
    departure.personal_email = ""
    departure.work_email = ""
    departure.save()
    with pytest.raises(InterviewError):
        invitations.send_invitation(departure, by=hr)
    assert not Invitation.objects.exists()
    assert not Interview.objects.exists()
    assert mailoutbox == []


def test_it_stores_nothing_when_the_email_cannot_be_sent(
    departure, hr, questionnaire_version, mailoutbox, settings
):
    settings.EMAIL_BACKEND = "tests.test_interview_services.FailingBackend"
    with pytest.raises(InterviewError, match="550 mailbox unavailable"):
        invitations.send_invitation(departure, by=hr)
    assert not Invitation.objects.exists()
    assert not InvitationLink.objects.exists()
    assert not Interview.objects.exists()
    assert not AuditEntry.objects.exists()


def test_it_keeps_the_old_link_when_a_resend_fails(
    leaver_invitation, departure, hr, settings, mailoutbox
):
    first = token_from(mailoutbox[0])
    settings.EMAIL_BACKEND = "tests.test_interview_services.FailingBackend"
    with pytest.raises(InterviewError):
        invitations.send_invitation(departure, by=hr, confidentiality="confidential")
    assert InvitationLink.objects.count() == 1
    assert invitations.find_invitation(first) == leaver_invitation


@pytest.mark.parametrize(
    "token",
    ["", "short", "A" * 42, "A" * 44, "A" * 42 + "!", "A" * 42 + "é", "A" * 43 + "\n"],
)
def test_it_finds_nothing_for_a_malformed_token(leaver_invitation, token):
    assert invitations.find_invitation(token) is None


def test_it_finds_nothing_for_an_unknown_or_tampered_token(leaver_invitation, mailoutbox):
    token = token_from(mailoutbox[0])
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert invitations.find_invitation(tampered) is None
    assert invitations.find_invitation(tokens.new_token()) is None


def test_it_refuses_to_hand_a_started_anonymous_interview_to_an_interviewer(departure, hr):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"reason": "Not in front of my name, please."})

    with pytest.raises(interviews.InterviewError, match="cannot take the interview over"):
        interviews.schedule_interview(
            departure,
            interviewer=hr,
            scheduled_at=timezone.now() + timedelta(days=1),
            meeting_place="Room 1",
            confidentiality="anonymous",
            by=hr,
        )

    interview.refresh_from_db()
    assert interview.mode == Interview.Mode.SELF_SERVICE
    assert interview.interviewer is None
