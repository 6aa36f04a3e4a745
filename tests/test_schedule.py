"""Scheduling an interviewer-led interview."""

from datetime import datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from exitlens.core.models import AuditEntry, Interview, Invitation
from exitlens.core.services import interviews, invitations
from tests.conftest import login


def _url(departure) -> str:
    return f"/departures/{departure.code}/schedule/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _local(value: datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def moment():
    """Tuesday 5 March 2030, 10:30 in the site's time zone."""
    return timezone.make_aware(datetime(2030, 3, 5, 10, 30))


def _data(interviewer, when, **extra) -> dict:
    data = {
        "interviewer": interviewer.pk,
        "scheduled_at": _local(when),
        "meeting_place": "Room 4.12, Utrecht",
        "confidentiality": "confidential",
        "notify_leaver": "on",
    }
    data.update(extra)
    return data


def test_it_sends_anonymous_visitors_to_login(client, departure):
    response = client.get(_url(departure))

    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_it_hides_the_page_from_viewers(client, viewer, hr, departure, moment, mailoutbox):
    login(client, viewer)

    assert client.get(_url(departure)).status_code == 404
    assert client.post(_url(departure), _data(hr, moment)).status_code == 404
    assert not Interview.objects.exists()
    assert mailoutbox == []


def test_it_offers_active_hr_staff_as_interviewers(client, hr, admin, viewer, outsider, departure):
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 200
    choices = set(response.context["form"].fields["interviewer"].queryset)
    assert choices == {hr, admin}
    assert response.context["form"]["interviewer"].value() == hr.pk
    assert response.context["form"]["notify_leaver"].value() is True


def test_it_schedules_the_interview_and_emails_the_leaver_in_dutch(
    client, hr, admin, departure, moment, mailoutbox
):
    login(client, hr)

    response = client.post(_url(departure), _data(admin, moment))

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/"
    interview = Interview.objects.get(departure=departure)
    assert interview.mode == Interview.Mode.INTERVIEWER
    assert interview.interviewer == admin
    assert interview.scheduled_at == moment
    assert interview.meeting_place == "Room 4.12, Utrecht"
    assert interview.confidentiality == "confidential"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["lotte@home.example.org"]
    assert "dinsdag 5 maart 2030, 10:30" in mail.body
    assert "5 maart 2030" in mail.subject
    assert "Room 4.12, Utrecht" in mail.body
    assert "Lotte Leaver" in mail.body
    assert "The appointment was e-mailed to lotte@home.example.org" in _messages(response)
    entry = AuditEntry.objects.get(action="interview.scheduled")
    assert entry.actor == hr
    assert entry.data["interviewer"] == "alice"


def test_it_does_not_email_when_asked_not_to(client, hr, departure, moment, mailoutbox):
    login(client, hr)

    data = _data(hr, moment)
    del data["notify_leaver"]
    client.post(_url(departure), data)

    assert Interview.objects.get(departure=departure).scheduled_at == moment
    assert mailoutbox == []


def test_it_does_not_escape_the_plain_text_email(client, hr, departure, moment, mailoutbox):
    login(client, hr)

    client.post(
        _url(departure), _data(hr, moment, meeting_place="https://meet.example.org/a?b=1&c=2")
    )

    assert "https://meet.example.org/a?b=1&c=2" in mailoutbox[0].body


def test_it_withdraws_the_open_invitation(
    client, hr, departure, leaver_invitation, moment, mailoutbox
):
    login(client, hr)

    client.post(_url(departure), _data(hr, moment))

    leaver_invitation.refresh_from_db()
    assert leaver_invitation.status == Invitation.Status.WITHDRAWN
    assert Interview.objects.get(departure=departure).mode == Interview.Mode.INTERVIEWER


def test_it_changes_the_confidentiality_when_asked(client, hr, departure, moment):
    login(client, hr)

    client.post(_url(departure), _data(hr, moment, confidentiality="anonymous"))

    assert Interview.objects.get(departure=departure).confidentiality == "anonymous"


def test_it_reschedules(client, hr, admin, departure, moment, mailoutbox):
    interviews.schedule_interview(
        departure,
        interviewer=admin,
        scheduled_at=moment,
        meeting_place="Room 1",
        confidentiality="named",
        by=hr,
    )
    login(client, hr)

    page = client.get(_url(departure))
    assert page.context["form"]["interviewer"].value() == admin.pk
    assert page.context["form"]["meeting_place"].value() == "Room 1"
    assert 'value="2030-03-05T10:30"' in page.content.decode()
    client.post(_url(departure), _data(hr, moment + timedelta(days=1), confidentiality="named"))

    interview = Interview.objects.get(departure=departure)
    assert interview.interviewer == hr
    assert interview.scheduled_at == moment + timedelta(days=1)
    assert AuditEntry.objects.filter(action="interview.scheduled").count() == 2


def test_it_accepts_an_interview_held_earlier_today(client, hr, departure, mailoutbox):
    login(client, hr)
    earlier = timezone.now() - timedelta(hours=3)

    response = client.post(_url(departure), _data(hr, earlier))

    assert response.status_code == 302
    assert Interview.objects.get(departure=departure).scheduled_at is not None


def test_it_refuses_a_moment_more_than_a_day_ago(client, hr, departure, mailoutbox):
    login(client, hr)

    response = client.post(_url(departure), _data(hr, timezone.now() - timedelta(days=2)))

    assert response.status_code == 200
    assert response.context["form"].errors["scheduled_at"]
    assert not Interview.objects.exists()
    assert mailoutbox == []


def test_it_requires_a_place(client, hr, departure, moment):
    login(client, hr)

    response = client.post(_url(departure), _data(hr, moment, meeting_place=""))

    assert response.status_code == 200
    assert response.context["form"].errors["meeting_place"]
    assert not Interview.objects.exists()


def test_it_refuses_a_viewer_as_interviewer(client, hr, viewer, departure, moment):
    login(client, hr)

    response = client.post(_url(departure), _data(viewer, moment))

    assert response.context["form"].errors["interviewer"]
    assert not Interview.objects.exists()


def test_it_cannot_email_a_leaver_without_address(client, hr, departure, moment, mailoutbox):
    departure.work_email = departure.personal_email = ""
    departure.save()
    login(client, hr)

    page = client.get(_url(departure))
    response = client.post(_url(departure), _data(hr, moment))

    assert page.context["form"].fields["notify_leaver"].disabled
    assert "This departure has no e-mail address." in page.content.decode()
    assert response.status_code == 302
    assert Interview.objects.get(departure=departure).scheduled_at == moment
    assert mailoutbox == []


def test_it_refuses_a_completed_interview(client, hr, departure, moment, mailoutbox):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="named"
    )
    interviews.save_answers(interview, {"attraction": "Pay."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    login(client, hr)

    response = client.post(_url(departure), _data(hr, moment))

    assert response.status_code == 302
    assert _messages(response) == ["The interview has already been completed."]
    assert Interview.objects.get(departure=departure).scheduled_at is None
    assert mailoutbox == []


def test_it_only_offers_stronger_levels_once_answering_began(client, hr, departure, moment):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"attraction": "Pay."})
    login(client, hr)

    response = client.post(_url(departure), _data(hr, moment, confidentiality="named"))

    assert response.status_code == 200
    assert response.context["form"].errors["confidentiality"]
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"


@pytest.mark.parametrize("level", ["named", "confidential"])
def test_it_never_hands_a_leavers_draft_to_an_interviewer(client, hr, departure, moment, level):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    interviews.save_answers(interview, {"attraction": "My own words."})
    login(client, hr)

    response = client.post(_url(departure), _data(hr, moment, confidentiality=level))

    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.mode == Interview.Mode.SELF_SERVICE
    with pytest.raises(interviews.InterviewError):
        interviews.schedule_interview(
            departure,
            interviewer=hr,
            scheduled_at=interview.started_at,
            meeting_place="",
            confidentiality=level,
            by=hr,
        )


def test_it_never_hands_a_leavers_anonymous_answers_to_an_interviewer(
    client, hr, departure, moment, mailoutbox
):
    invitation = invitations.send_invitation(departure, by=hr, confidentiality="anonymous")
    interviews.save_answers(invitation.interview, {"reason": "Mijn manager."})
    login(client, hr)

    page = client.get(_url(departure))
    response = client.post(_url(departure), _data(hr, moment, confidentiality="anonymous"))

    assert page.status_code == 302
    assert response.status_code == 302
    assert "cannot take the interview over" in _messages(response)[0]
    interview = Interview.objects.get(departure=departure)
    assert interview.mode == Interview.Mode.SELF_SERVICE
    assert interview.scheduled_at is None
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.OPEN
    assert len(mailoutbox) == 1  # only the invitation
