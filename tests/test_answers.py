"""Reading the answers of a departure's named or confidential interview."""

from exitlens.core.models import AuditEntry, Interview
from exitlens.core.services import interviews
from tests.conftest import login


def _url(departure) -> str:
    return f"/departures/{departure.code}/answers/"


def _completed(departure, hr, level="confidential", **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality=level
    )
    interviews.save_answers(
        interview,
        values or {"attraction": "Het team.", "recommend": 7, "come_back": "maybe"},
        {"attraction": "Spoke warmly."},
    )
    return interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)


def test_it_sends_anonymous_visitors_to_login(client, departure, hr):
    _completed(departure, hr)

    response = client.get(_url(departure))

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_hides_the_answers_from_viewers(client, viewer, departure, hr):
    _completed(departure, hr)
    login(client, viewer)

    response = client.get(_url(departure))

    assert response.status_code == 404
    assert "Het team." not in response.content.decode()
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_shows_the_answers_notes_and_a_reminder(client, hr, departure):
    _completed(departure, hr)
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 200
    page = response.content.decode()
    assert "When you applied here, what attracted you?" in page
    assert '<p class="answer-text" lang="nl">Het team.</p>' in page
    assert "Spoke warmly." in page
    assert "Maybe" in page  # a choice shows its label
    assert "(0–10)" in page
    assert "Confidential: do not share or quote with the name." in page
    assert '<span class="badge badge-brand">Confidential</span>' in page


def test_it_records_every_viewing(client, hr, admin, departure):
    _completed(departure, hr)
    login(client, hr)

    client.get(_url(departure))
    client.get(_url(departure))
    login(client, admin)
    client.get(_url(departure))

    entries = AuditEntry.objects.filter(action="interview.viewed").order_by("id")
    assert [e.actor for e in entries] == [hr, hr, admin]
    assert {e.subject for e in entries} == {f"departure {departure.code} (Lotte Leaver)"}


def test_it_escapes_what_was_typed(client, hr, departure):
    _completed(departure, hr, attraction="<script>alert('x')</script>\nSecond line")
    login(client, hr)

    response = client.get(_url(departure))

    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\nSecond line" in page


def test_it_never_shows_a_leavers_draft(client, hr, departure, leaver_invitation):
    """A self-service draft is the leaver's alone until they submit it, whatever its level."""
    interviews.save_answers(leaver_invitation.interview, {"attraction": "Half-way."})
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 404
    assert "Half-way." not in response.content.decode()
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_404s_without_an_interview(client, hr, departure):
    login(client, hr)

    assert client.get(_url(departure)).status_code == 404
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_never_shows_an_unfinished_anonymous_interview(client, hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"attraction": "Secret."})
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 404
    assert "Secret." not in response.content.decode()


def test_it_404s_after_an_anonymous_completion(client, hr, departure):
    _completed(departure, hr, level="anonymous")
    login(client, hr)

    assert client.get(_url(departure)).status_code == 404
