"""Sending the self-service invitation, and the interview panel on the departure page."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from exitlens.core.models import AuditEntry, Interview, Invitation
from exitlens.core.services import interviews, invitations
from exitlens.staff.views.interviews import interview_panel_context
from tests.conftest import login


def _url(departure) -> str:
    return f"/departures/{departure.code}/invite/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_it_sends_anonymous_visitors_to_login(client, departure):
    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    assert not Invitation.objects.exists()


def test_it_hides_the_departure_from_viewers(client, viewer, departure, mailoutbox):
    login(client, viewer)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 404
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_it_treats_an_inactive_account_as_signed_out(client, outsider, departure):
    client.force_login(outsider)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert not Invitation.objects.exists()


def test_it_only_accepts_post(client, hr, departure):
    login(client, hr)

    assert client.get(_url(departure)).status_code == 405


def test_it_sends_the_invitation_in_the_leavers_language(client, hr, departure, mailoutbox):
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "confidential"})

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/"
    assert _messages(response) == ["Invitation sent to lotte@home.example.org"]
    invitation = Invitation.objects.get(departure=departure)
    assert invitation.sent_to == "lotte@home.example.org"
    assert invitation.sent_by == hr
    assert invitation.interview.confidentiality == "confidential"
    assert invitation.interview.mode == Interview.Mode.SELF_SERVICE
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lotte@home.example.org"]
    # Dutch date formats show the leaver's language was active while rendering.
    expires = timezone.localtime(invitation.expires_at)
    dutch_months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]  # fmt: skip
    assert f"{expires.day} {dutch_months[expires.month - 1]} {expires.year}" in mailoutbox[0].body
    entry = AuditEntry.objects.get(action="invitation.sent")
    assert entry.actor == hr
    assert entry.data == {"to": "lotte@home.example.org", "confidentiality": "confidential"}
    assert entry.ip_address == "127.0.0.1"


def test_it_uses_the_chosen_confidentiality(client, hr, departure):
    login(client, hr)

    client.post(_url(departure), {"confidentiality": "anonymous"})

    assert Interview.objects.get(departure=departure).confidentiality == "anonymous"


def test_it_resends_an_open_invitation_with_a_fresh_link(
    client, hr, departure, leaver_invitation, mailoutbox
):
    login(client, hr)

    client.post(_url(departure), {"confidentiality": "confidential"})

    assert Invitation.objects.filter(departure=departure).count() == 1
    assert leaver_invitation.links.count() == 2
    assert len(mailoutbox) == 2


def test_it_explains_a_departure_without_email(client, hr, departure, mailoutbox):
    departure.work_email = departure.personal_email = ""
    departure.save()
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "confidential"})

    assert response.status_code == 302
    assert _messages(response) == [
        "This departure has no e-mail address to send the invitation to."
    ]
    assert not Invitation.objects.exists()
    assert mailoutbox == []
    assert not AuditEntry.objects.filter(action="invitation.sent").exists()


def test_it_refuses_a_weaker_promise_once_the_leaver_began(
    client, hr, departure, leaver_invitation, mailoutbox
):
    interviews.save_answers(leaver_invitation.interview, {"attraction": "The team."})
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert _messages(response) == ["Choose a confidentiality level the leaver can be promised."]
    assert Interview.objects.get(departure=departure).confidentiality == "confidential"
    assert len(mailoutbox) == 1


def test_it_refuses_a_completed_interview(client, hr, departure, leaver_invitation, mailoutbox):
    interview = leaver_invitation.interview
    interviews.save_answers(interview, {"attraction": "The team."})
    interviews.submit_interview(interview)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "confidential"})

    assert _messages(response) == ["The interview has already been completed."]
    assert len(mailoutbox) == 1


def test_it_refuses_after_an_anonymous_submission(client, hr, departure, mailoutbox):
    invitation = invitations.send_invitation(departure, by=hr, confidentiality="anonymous")
    interviews.save_answers(invitation.interview, {"attraction": "The team."})
    interviews.submit_interview(invitation.interview)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "anonymous"})

    assert _messages(response) == ["The interview has already been completed."]
    assert len(mailoutbox) == 1
    assert not Interview.objects.filter(departure=departure).exists()


def test_it_keeps_an_interview_an_interviewer_has_begun(client, hr, departure, mailoutbox):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"attraction": "The team."})
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "confidential"})

    assert _messages(response) == [
        "An interviewer has begun this interview: it cannot become self-service."
    ]
    interview.refresh_from_db()
    assert interview.mode == Interview.Mode.INTERVIEWER
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_it_404s_for_an_unknown_departure(client, hr):
    login(client, hr)

    response = client.post(
        "/departures/00000000-0000-0000-0000-000000000000/invite/", {"confidentiality": "named"}
    )

    assert response.status_code == 404


# The interview panel on the departure page (rendered from interview_panel_context).


def _panel(departure, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "staff/_interview_panel.html", interview_panel_context(request, departure), request
    )


def test_the_panel_offers_an_invitation_when_there_is_no_interview(hr, departure, settings):
    settings.EXITLENS_DEFAULT_CONFIDENTIALITY = "anonymous"

    html = _panel(departure, hr)

    assert "No interview yet" in html
    assert f'action="/departures/{departure.code}/invite/"' in html
    assert 'value="anonymous" required id="id_invite_confidentiality_2" checked' in html
    assert "Send invitation" in html
    assert f'href="/departures/{departure.code}/schedule/"' in html
    assert f'action="/departures/{departure.code}/confidentiality/"' not in html
    assert "Conduct interview" not in html
    assert "View answers" not in html


def test_the_panel_disables_the_invitation_without_email(hr, departure):
    departure.work_email = departure.personal_email = ""
    departure.save()

    html = _panel(departure, hr)

    assert "An invitation needs an e-mail address" in html
    assert "disabled>Send invitation" in html
    assert f'action="/departures/{departure.code}/invite/"' not in html


def test_the_panel_shows_a_sent_invitation(hr, departure, leaver_invitation):
    leaver_invitation.reminders_sent = 1
    leaver_invitation.save()

    html = _panel(departure, hr)

    assert "Invitation sent" in html
    assert "to lotte@home.example.org" in html
    assert "1 reminder sent" in html
    assert "Expires on" in html
    assert "Resend invitation" in html
    assert f'action="/departures/{departure.code}/confidentiality/"' in html


def test_the_panel_shows_an_expired_invitation(hr, departure, leaver_invitation):
    leaver_invitation.expires_at = timezone.now() - timedelta(days=1)
    leaver_invitation.save()

    html = _panel(departure, hr)

    assert "Expired" in html
    assert "Send invitation" in html


def test_the_panel_shows_an_interview_in_progress(hr, departure, leaver_invitation):
    interviews.save_answers(leaver_invitation.interview, {"attraction": "The team."})

    html = _panel(departure, hr)

    assert "In progress" in html
    assert "can only be made stronger" in html
    assert 'value="named"' not in html  # a weaker promise is not offered
    assert "View answers" not in html
    assert "The team." not in html


def test_the_panel_offers_no_interviewer_for_anonymous_answers_in_progress(hr, departure):
    invitation = invitations.send_invitation(departure, by=hr, confidentiality="anonymous")
    interviews.save_answers(invitation.interview, {"reason": "Mijn manager."})

    html = _panel(departure, hr)

    assert "In progress" in html
    assert f'href="/departures/{departure.code}/schedule/"' not in html
    assert "Conduct interview" not in html


def test_the_panel_shows_an_interview_an_interviewer_has_begun(hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"attraction": "The team."})

    html = _panel(departure, hr)

    assert "In progress" in html
    assert "Conduct interview" in html
    assert f'action="/departures/{departure.code}/invite/"' not in html
    assert "The team." not in html


def test_the_panel_shows_a_scheduled_interview(hr, admin, departure):
    when = timezone.now() + timedelta(days=3)
    interviews.schedule_interview(
        departure,
        interviewer=admin,
        scheduled_at=when,
        meeting_place="Room 4.12",
        confidentiality="named",
        by=hr,
    )

    html = _panel(departure, hr)

    assert "Interview scheduled" in html
    assert "alice" in html
    assert "Room 4.12" in html
    assert f'href="/departures/{departure.code}/conduct/"' in html
    assert "Conduct interview" in html


def test_the_panel_links_to_the_answers_of_a_completed_interview(hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"attraction": "The team."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)

    html = _panel(departure, hr)

    assert "Completed on" in html
    assert f'href="/departures/{departure.code}/answers/"' in html
    assert "The team." not in html
    assert "Conduct interview" not in html
    assert "Send invitation" not in html
    assert f'action="/departures/{departure.code}/confidentiality/"' not in html


def test_the_panel_says_an_anonymous_interview_cannot_be_linked(hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"attraction": "The team."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    departure.refresh_from_db()

    html = _panel(departure, hr)

    assert "The leaver responded anonymously: the answers can never be linked" in html
    assert "View answers" not in html
    assert "Send invitation" not in html
    assert "Schedule" not in html


@pytest.mark.parametrize("level", ["named", "confidential", "anonymous"])
def test_the_departure_page_includes_the_panel(client, hr, departure, level):
    invitations.send_invitation(departure, by=hr, confidentiality=level)
    login(client, hr)

    response = client.get(f"/departures/{departure.code}/")

    assert response.status_code == 200
    assert response.context["panel_state"] == "invited"
    assert response.context["panel_level"] == level
    assert "Resend invitation" in response.content.decode()
