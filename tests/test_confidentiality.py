"""Changing the confidentiality promised to the leaver."""

from django.contrib.messages import get_messages

from exitlens.core.models import AuditEntry, Interview
from exitlens.core.services import interviews
from tests.conftest import login


def _url(departure) -> str:
    return f"/departures/{departure.code}/confidentiality/"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _interview(departure, level="confidential", *, started=False) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    if started:
        interviews.save_answers(interview, {"attraction": "The team."})
    return interview


def test_it_sends_anonymous_visitors_to_login(client, departure):
    interview = _interview(departure)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"


def test_it_hides_the_departure_from_viewers(client, viewer, departure):
    interview = _interview(departure)
    login(client, viewer)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_only_accepts_post(client, hr, departure):
    _interview(departure)
    login(client, hr)

    assert client.get(_url(departure)).status_code == 405


def test_it_changes_the_level_before_the_leaver_begins(client, hr, departure):
    interview = _interview(departure)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/"
    assert _messages(response) == ["Confidentiality set to: Named"]
    interview.refresh_from_db()
    assert interview.confidentiality == "named"
    entry = AuditEntry.objects.get(action="interview.confidentiality_changed")
    assert entry.actor == hr
    assert entry.data == {"old": "confidential", "new": "named"}


def test_it_makes_the_promise_stronger_after_the_leaver_began(client, hr, departure):
    interview = _interview(departure, started=True)
    login(client, hr)

    client.post(_url(departure), {"confidentiality": "anonymous"})

    interview.refresh_from_db()
    assert interview.confidentiality == "anonymous"


def test_it_never_weakens_the_promise_after_the_leaver_began(client, hr, departure):
    interview = _interview(departure, "anonymous", started=True)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "confidential"})

    assert _messages(response) == ["This confidentiality level cannot be chosen any more."]
    interview.refresh_from_db()
    assert interview.confidentiality == "anonymous"
    assert not AuditEntry.objects.filter(action="interview.confidentiality_changed").exists()


def test_it_records_nothing_when_the_level_stays(client, hr, departure):
    _interview(departure)
    login(client, hr)

    client.post(_url(departure), {"confidentiality": "confidential"})

    assert not AuditEntry.objects.filter(action="interview.confidentiality_changed").exists()


def test_it_refuses_an_unknown_level(client, hr, departure):
    interview = _interview(departure)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "public"})

    assert _messages(response) == ["This confidentiality level cannot be chosen any more."]
    interview.refresh_from_db()
    assert interview.confidentiality == "confidential"


def test_it_explains_that_there_is_no_interview_yet(client, hr, departure):
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert response.status_code == 302
    assert _messages(response) == [
        "There is no interview yet: choose the level when you invite or schedule."
    ]
    assert not Interview.objects.exists()


def test_it_leaves_a_completed_interview_alone(client, hr, departure):
    interview = _interview(departure, "named", started=True)
    interviews.submit_interview(interview)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "anonymous"})

    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.confidentiality == "named"
    assert not AuditEntry.objects.filter(action="interview.confidentiality_changed").exists()


def test_it_shows_a_refusal_of_the_workflow(client, hr, departure, monkeypatch):
    _interview(departure)

    def refuse(*args, **kwargs):
        raise interviews.InterviewError("Not now.")

    monkeypatch.setattr(interviews, "change_confidentiality", refuse)
    login(client, hr)

    response = client.post(_url(departure), {"confidentiality": "named"})

    assert _messages(response) == ["Not now."]
