"""The conduct page: the interviewer leads the interview and records answers and notes."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from exitlens.core.models import (
    Answer,
    AuditEntry,
    Departure,
    Interview,
    Invitation,
    SealedResponse,
)
from exitlens.core.services import interviews, sealing
from tests.conftest import login

ATTRACTION_NL = "Wat sprak je aan toen je hier solliciteerde?"
ATTRACTION_EN = "When you applied here, what attracted you?"
FIRST_TIP_EN = "Create a calm, relaxed atmosphere"
FIRST_TIP_DE = "Sorgen Sie für eine ruhige, entspannte Atmosphäre"


def _url(departure, lang=None) -> str:
    url = f"/departures/{departure.code}/conduct/"
    return f"{url}?lang={lang}" if lang else url


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _answers(action="save", promise="confidential", **values) -> dict:
    data = {"action": action, "promise": promise}
    data.update(values)
    return data


@pytest.fixture
def scheduled(departure, hr):
    return interviews.schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(hours=1),
        meeting_place="Room 4.12",
        confidentiality="confidential",
        by=hr,
    )


def test_it_sends_anonymous_visitors_to_login(client, departure):
    response = client.get(_url(departure))

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    assert not Interview.objects.exists()


def test_it_hides_the_page_from_viewers(client, viewer, departure, scheduled):
    login(client, viewer)

    assert client.get(_url(departure)).status_code == 404
    response = client.post(_url(departure), _answers(attraction="Sneaky."))
    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_it_creates_an_interviewer_led_interview(client, hr, departure, settings):
    settings.EXITLENS_DEFAULT_CONFIDENTIALITY = "named"
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 200
    # A GET changes nothing: the interview is made with the first answers.
    assert not Interview.objects.filter(departure=departure).exists()
    assert 'name="promise" value="named"' in response.content.decode()
    client.post(_url(departure), _answers(promise="named", attraction="The team."))
    interview = Interview.objects.get(departure=departure)
    assert interview.mode == Interview.Mode.INTERVIEWER
    assert interview.confidentiality == "named"
    assert interview.language == "nl"
    assert interview.status == Interview.Status.IN_PROGRESS
    # Nothing was shown before it was answered, so nothing was read.
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_shows_tips_questions_purpose_and_hint(client, hr, departure, scheduled):
    login(client, hr)

    response = client.get(_url(departure))

    page = response.content.decode()
    assert FIRST_TIP_EN in page
    assert ATTRACTION_NL in page  # the leaver's language by default
    attraction = scheduled.questionnaire_version.questions.get(key="attraction")
    assert f'<p class="purpose" lang="en">{escape(attraction.purpose["en"])}</p>' in page
    assert f'<p class="hint" lang="en">{escape(attraction.hint["en"])}</p>' in page
    assert 'name="note_attraction"' in page
    assert "Read this out to the leaver" in page
    assert "deelt ze nooit met de naam erbij" in page  # read out in the leaver's Dutch
    assert 'name="action" value="complete"' in page
    assert "detached from this departure" not in page


def test_it_shows_the_tips_in_the_interviewers_language(client, hr, departure, scheduled):
    hr.language = "de"
    hr.save()
    login(client, hr)

    response = client.get(_url(departure))

    assert FIRST_TIP_DE in response.content.decode()


def test_it_switches_between_the_leavers_and_the_interface_language(
    client, hr, departure, scheduled
):
    login(client, hr)

    default = client.get(_url(departure))
    english = client.get(_url(departure, "en"))

    assert [code for code, _name, _url in default.context["switch_languages"]] == ["nl", "en"]
    assert f'href="{_url(departure, "en")}"' in default.content.decode()
    assert ATTRACTION_EN in english.content.decode()
    assert ATTRACTION_NL not in english.content.decode()
    assert english.context["form_action"] == _url(departure, "en")


def test_it_ignores_an_unknown_language(client, hr, departure, scheduled):
    login(client, hr)

    response = client.get(_url(departure, "xx"))

    assert response.status_code == 200
    assert response.context["language"] == "nl"


def test_it_saves_answers_and_notes(client, hr, departure, scheduled):
    login(client, hr)

    response = client.post(
        _url(departure, "nl"),
        _answers(
            attraction="Het team.\nEn de sfeer.",
            note_attraction="Smiled when talking about the team.",
            expectations_met="4",
            main_reason="pay",
            contributing_reasons=["workload", "pay"],
        ),
    )

    assert response.status_code == 302
    assert response.url == _url(departure, "nl")
    assert _messages(response) == ["Answers saved."]
    scheduled.refresh_from_db()
    assert scheduled.status == Interview.Status.IN_PROGRESS
    attraction = Answer.objects.get(interview=scheduled, question__key="attraction")
    assert attraction.text == "Het team.\nEn de sfeer."
    assert attraction.note == "Smiled when talking about the team."
    assert Answer.objects.get(interview=scheduled, question__key="expectations_met").number == 4
    reasons = Answer.objects.get(interview=scheduled, question__key="contributing_reasons")
    assert sorted(reasons.choices.values_list("value", flat=True)) == ["pay", "workload"]
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_shows_saved_answers_and_audits_the_viewing(client, hr, departure, scheduled):
    interviews.save_answers(scheduled, {"attraction": "Het team."}, {"attraction": "A note."})
    login(client, hr)

    first = client.get(_url(departure))
    client.get(_url(departure))

    assert "Het team." in first.content.decode()
    assert "A note." in first.content.decode()
    entries = AuditEntry.objects.filter(action="interview.viewed")
    assert entries.count() == 2
    entry = entries.first()
    assert entry.actor == hr
    assert entry.data == {"page": "conduct"}
    assert entry.subject == f"departure {departure.code} (Lotte Leaver)"


def test_it_keeps_the_input_when_an_answer_is_invalid(client, hr, departure, scheduled):
    login(client, hr)

    response = client.post(_url(departure), _answers(attraction="Kept.", expectations_met="99"))

    assert response.status_code == 200
    assert response.context["form"].errors["expectations_met"]
    assert "Kept." in response.content.decode()
    assert not Answer.objects.exists()


def test_it_completes_with_the_outcome_retained(client, hr, departure, scheduled):
    login(client, hr)

    response = client.post(
        _url(departure),
        _answers("complete", outcome="retained", retention="A four-day week.", note_retention="!"),
    )

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/answers/"
    departure.refresh_from_db()
    scheduled.refresh_from_db()
    assert departure.outcome == Departure.Outcome.RETAINED
    assert scheduled.status == Interview.Status.COMPLETED
    answer = Answer.objects.get(interview=scheduled, question__key="retention")
    assert answer.text == "A four-day week."
    assert answer.note == "!"
    entry = AuditEntry.objects.get(action="interview.completed")
    assert entry.actor == hr
    assert entry.data == {"outcome": "retained"}


def test_it_needs_an_outcome_to_complete(client, hr, departure, scheduled):
    login(client, hr)

    response = client.post(_url(departure), _answers("complete", attraction="Het team."))

    assert response.status_code == 200
    assert response.context["action_form"].errors["outcome"]
    scheduled.refresh_from_db()
    assert scheduled.status == Interview.Status.NOT_STARTED
    departure.refresh_from_db()
    assert departure.outcome == Departure.Outcome.PENDING


def test_it_detaches_an_anonymous_interview_at_completion(client, hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="anonymous"
    )
    login(client, hr)

    page = client.get(_url(departure))
    response = client.post(
        _url(departure),
        _answers(
            "complete",
            promise="anonymous",
            outcome="exit_confirmed",
            reason="Te veel werk.",
            note_reason="Quiet voice.",
        ),
    )

    assert "detached from this departure for good" in page.content.decode()
    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/"
    departure.refresh_from_db()
    assert departure.responded_anonymously
    assert departure.outcome == Departure.Outcome.EXIT_CONFIRMED
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert not Interview.objects.filter(departure=departure).exists()
    # Sealed until enough others arrive; released here on its own to read what it kept.
    assert SealedResponse.objects.count() == 1
    assert not Interview.objects.exists()
    with override_settings(EXITLENS_MIN_GROUP_SIZE=1):
        sealing.release_batches()
    anonymous = Interview.objects.get(departure__isnull=True)
    assert anonymous.is_completed
    assert anonymous.confidentiality == "anonymous"
    answer = anonymous.answers.get(question__key="reason")
    assert answer.text == "Te veel werk."
    assert answer.note == "Quiet voice."
    assert anonymous.department == departure.department
    assert anonymous.tenure_band == "5-10"
    # Afterwards the conduct page only says that it was anonymous.
    again = client.get(_url(departure))
    assert again.status_code == 302
    assert again.url == f"/departures/{departure.code}/"


def test_it_sends_a_completed_interview_to_its_answers(client, hr, departure, scheduled):
    interviews.save_answers(scheduled, {"attraction": "Het team."})
    interviews.complete_interview(scheduled, outcome="exit_confirmed", by=hr)
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/answers/"
    post = client.post(_url(departure), _answers(attraction="Changed."))
    assert post.status_code == 302
    assert Answer.objects.get(question__key="attraction").text == "Het team."


def test_it_leaves_a_self_service_interview_to_the_leaver(client, hr, departure, leaver_invitation):
    login(client, hr)

    response = client.get(_url(departure))

    assert response.status_code == 302
    assert response.url == f"/departures/{departure.code}/"
    assert "Schedule an interview to lead it" in _messages(response)[0]
    interview = Interview.objects.get(departure=departure)
    assert interview.mode == Interview.Mode.SELF_SERVICE
    assert leaver_invitation.status == Invitation.Status.OPEN


def test_it_autosaves_without_reloading_the_page(client, hr, departure, scheduled):
    interviews.save_answers(scheduled, {"attraction": "Eerst."})
    login(client, hr)

    response = client.post(
        _url(departure),
        _answers(attraction="Later."),
        headers={"X-Requested-With": "fetch"},
    )

    assert response.status_code == 204
    assert Answer.objects.get(question__key="attraction").text == "Later."
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_reports_a_failed_autosave(client, hr, departure, scheduled):
    login(client, hr)

    response = client.post(
        _url(departure),
        _answers(expectations_met="99"),
        headers={"X-Requested-With": "fetch"},
    )

    assert response.status_code == 400
    assert not Answer.objects.exists()
