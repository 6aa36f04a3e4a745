"""The leaver's interview page, reached through the personal link /i/<token>/."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import Answer, AnswerChoice, AuditEntry, Interview, Invitation
from exitlens.core.models.interviews import MAX_ANSWER_LENGTH
from exitlens.core.services import interviews

DUTCH_PROMPT = "Wat sprak je aan toen je hier solliciteerde?"
ENGLISH_PROMPT = "When you applied here, what attracted you?"
SPANISH_PROMPT = "Cuando te presentaste a este puesto, ¿qué te atrajo de nosotros?"
GERMAN_PROMPT = "Was hat Sie damals angesprochen, als Sie sich bei uns beworben haben?"


def url(token: str) -> str:
    return reverse("leaver:interview", args=[token])


def thanks_url(token: str) -> str:
    return reverse("leaver:thanks", args=[token])


def answers(**values) -> dict:
    return {"action": "save", "promise": "confidential", **values}


@pytest.fixture
def interview(leaver_invitation) -> Interview:
    return leaver_invitation.interview


def test_it_opens_in_the_leavers_language(client, leaver_token):
    response = client.get(url(leaver_token))
    assert response.status_code == 200
    content = response.content.decode()
    assert DUTCH_PROMPT in content
    assert '<html lang="nl">' in content
    assert ENGLISH_PROMPT not in content


@pytest.mark.parametrize(
    ("code", "prompt", "name"),
    [
        ("en", ENGLISH_PROMPT, "English"),
        ("es", SPANISH_PROMPT, "Español"),
        ("de", GERMAN_PROMPT, "Deutsch"),
    ],
)
def test_it_switches_language_and_remembers_it(client, leaver_token, interview, code, prompt, name):
    response = client.get(url(leaver_token), {"lang": code})
    content = response.content.decode()
    assert prompt in content
    assert DUTCH_PROMPT not in content
    assert f'<html lang="{code}">' in content
    assert name in content
    interview.refresh_from_db()
    assert interview.language == code

    # The choice sticks when the leaver comes back without ?lang.
    assert prompt in client.get(url(leaver_token)).content.decode()


def test_it_shows_every_language_in_its_own_name(client, leaver_token):
    content = client.get(url(leaver_token)).content.decode()
    for name in ("Nederlands", "English", "Español", "Deutsch"):
        assert name in content
    assert 'href="?lang=en"' in content


@pytest.mark.parametrize("bad", ["xx", "", "fr", "nl-be", "<script>"])
def test_it_ignores_an_unknown_language(client, leaver_token, interview, bad):
    response = client.get(url(leaver_token), {"lang": bad})
    assert response.status_code == 200
    assert DUTCH_PROMPT in response.content.decode()
    interview.refresh_from_db()
    assert interview.language == "nl"


@pytest.mark.parametrize(
    ("level", "phrase"),
    [
        ("named", "HR will see your answers together with your name"),
        ("confidential", "reports and overviews never show who said what"),
        ("anonymous", "they are separated from your name for good"),
    ],
)
def test_it_makes_the_confidentiality_promise_before_the_first_question(
    client, leaver_token, interview, level, phrase
):
    Interview.objects.filter(pk=interview.pk).update(confidentiality=level)
    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()
    assert phrase in content
    assert content.index(phrase) < content.index(ENGLISH_PROMPT)
    others = {
        "named": "HR will see your answers together with your name",
        "confidential": "reports and overviews never show who said what",
        "anonymous": "they are separated from your name for good",
    }
    for other_level, other_phrase in others.items():
        if other_level != level:
            assert other_phrase not in content


def test_it_explains_why_and_until_when(client, leaver_token):
    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()
    assert "colleagues want to stay" in content
    assert "Criticism is welcome" in content
    assert "about 10 minutes" in content
    assert "same link, until" in content


def test_it_shows_no_interviewer_hints_or_staff_navigation(client, leaver_token, hr):
    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()
    assert "Start with this question" not in content  # the interviewer hint
    assert "It shows the organisation's strengths" not in content  # the purpose, for HR
    assert "Interviewer note" not in content
    assert reverse("departure_list") not in content
    assert reverse("anonymous_list") not in content


def test_it_groups_choices_with_a_legend_and_labels_scale_ends(client, leaver_token):
    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()
    assert "<legend>To what extent did the job match your expectations?</legend>" in content
    assert 'class="scale"' in content
    assert "1 = Not at all" in content
    assert "5 = Completely" in content
    assert 'class="choice-list"' in content
    assert '<label for="id_attraction">' in content
    assert 'aria-live="polite"' in content
    assert "exitlens/js/autosave.js" in content
    assert 'name="action" value="save"' in content
    assert 'name="action" value="submit"' in content


def test_it_is_never_cached_and_keeps_the_link_out_of_referrers(client, leaver_token):
    response = client.get(url(leaver_token))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_it_saves_answers_and_shows_them_on_return(client, leaver_token, interview):
    response = client.post(
        url(leaver_token),
        answers(attraction="Good colleagues", expectations_met="4", main_reason="pay"),
    )
    assert response.status_code == 302
    assert response["Location"] == url(leaver_token)

    interview.refresh_from_db()
    assert interview.status == Interview.Status.IN_PROGRESS
    assert interview.answers.get(question__key="attraction").text == "Good colleagues"
    assert interview.answers.get(question__key="expectations_met").number == 4

    page = client.get(url(leaver_token), {"lang": "en"})
    content = page.content.decode()
    # The message was written while the page was in the leaver's Dutch.
    assert "Je antwoorden zijn opgeslagen. Je kunt deze pagina sluiten" in content
    assert "Good colleagues</textarea>" in content
    assert 'value="4" required' not in content
    assert 'value="4" id="id_expectations_met_3" checked' in content
    assert 'value="pay" id="id_main_reason_0" checked' in content


def test_it_submits_and_stores_typed_answers(client, leaver_token, interview, leaver_invitation):
    response = client.post(
        url(leaver_token),
        {
            "action": "submit",
            "promise": "confidential",
            "reason": "No room to grow",
            "recommend": "7",
            "main_reason": "career",
            "contributing_reasons": ["pay", "workload"],
            "come_back": "maybe",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(thanks_url(leaver_token))

    interview.refresh_from_db()
    leaver_invitation.refresh_from_db()
    assert interview.status == Interview.Status.COMPLETED
    assert interview.completed_at is not None
    assert leaver_invitation.status == Invitation.Status.COMPLETED
    assert interview.answers.get(question__key="reason").text == "No room to grow"
    assert interview.answers.get(question__key="recommend").number == 7
    contributing = interview.answers.get(question__key="contributing_reasons")
    assert sorted(contributing.choices.values_list("value", flat=True)) == ["pay", "workload"]
    assert AnswerChoice.objects.filter(
        answer__interview=interview, answer__question__key="main_reason", value="career"
    ).exists()
    assert AuditEntry.objects.filter(action="interview.submitted").count() == 1


def test_it_lands_on_the_thank_you_page_in_the_leavers_language(client, leaver_token):
    client.get(url(leaver_token), {"lang": "es"})
    response = client.post(
        url(leaver_token),
        {"action": "submit", "promise": "confidential", "reason": "x"},
        follow=True,
    )
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    assert "Hemos recibido tus respuestas" in response.content.decode()


def test_it_stores_a_double_submit_once(client, leaver_token, interview):
    data = {
        "action": "submit",
        "promise": "confidential",
        "reason": "Once only",
        "contributing_reasons": ["pay"],
    }
    client.post(url(leaver_token), data)
    interview.refresh_from_db()
    completed_at = interview.completed_at

    second = client.post(url(leaver_token), {**data, "reason": "Changed later"}, follow=True)
    assert second.status_code == 200
    assert second.redirect_chain[-1][0].startswith(thanks_url(leaver_token))
    interview.refresh_from_db()
    assert interview.completed_at == completed_at
    assert Answer.objects.filter(interview=interview, question__key="reason").count() == 1
    assert interview.answers.get(question__key="reason").text == "Once only"
    assert AnswerChoice.objects.filter(answer__interview=interview).count() == 1
    assert AuditEntry.objects.filter(action="interview.submitted").count() == 1
    assert not Answer.objects.filter(text="Changed later").exists()


def test_it_rejects_an_answer_that_is_too_long(client, leaver_token, interview):
    client.post(url(leaver_token), answers(retention="Kept"))
    response = client.post(
        url(leaver_token) + "?lang=en",
        {
            "action": "submit",
            "promise": "confidential",
            "attraction": "x" * (MAX_ANSWER_LENGTH + 1),
            "retention": "Changed",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ensure this value has at most 10000 characters" in content
    # The message sits at the question, between its label and its box.
    question = content[content.index('id="question-attraction"') :]
    assert question.index("errorlist") < question.index("<textarea")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.IN_PROGRESS
    assert not interview.answers.filter(question__key="attraction").exclude(text="").exists()
    assert interview.answers.get(question__key="retention").text == "Kept"


def test_it_escapes_markup_in_answers(client, leaver_token):
    markup = "<script>alert(1)</script>"
    client.post(url(leaver_token), answers(attraction=markup))
    content = client.get(url(leaver_token)).content.decode()
    assert markup not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content

    # Also when an invalid form is shown again.
    response = client.post(
        url(leaver_token), answers(attraction=markup, retention="y" * (MAX_ANSWER_LENGTH + 1))
    )
    assert markup not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


def test_it_answers_an_autosave_with_json(client, leaver_token, interview):
    response = client.post(
        url(leaver_token),
        answers(liked_most="The team"),
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200
    assert response.json() == {"saved": True}
    assert interview.answers.get(question__key="liked_most").text == "The team"


def test_it_answers_an_invalid_autosave_with_json_errors(client, leaver_token, interview):
    response = client.post(
        url(leaver_token),
        answers(liked_most="z" * (MAX_ANSWER_LENGTH + 1), recommend="11"),
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["saved"] is False
    assert set(body["errors"]) == {"liked_most", "recommend"}
    assert not interview.answers.exists()


def test_it_answers_an_autosave_after_submission_without_storing(client, leaver_token, interview):
    client.post(
        url(leaver_token), {"action": "submit", "promise": "confidential", "reason": "Done"}
    )
    response = client.post(
        url(leaver_token), answers(reason="Late"), headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 409
    assert response.json() == {"saved": False}
    assert interview.answers.get(question__key="reason").text == "Done"


def test_it_refuses_to_submit_without_any_answer(
    client, leaver_token, interview, leaver_invitation
):
    response = client.post(
        url(leaver_token), {"action": "submit", "promise": "confidential", "lang": "en"}
    )
    assert response.status_code == 200
    assert "Beantwoord minstens één vraag voordat je je antwoorden verstuurt." in (
        response.content.decode()
    )
    interview.refresh_from_db()
    leaver_invitation.refresh_from_db()
    assert interview.status != Interview.Status.COMPLETED
    assert leaver_invitation.status == Invitation.Status.OPEN


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,
        "short",
        "x" * 44,
        "not a token at all",
    ],
)
def test_it_gives_a_plain_404_for_an_unknown_token(client, leaver_token, token):
    response = client.get(url(token))
    assert response.status_code == 404
    content = response.content.decode()
    assert "Lotte" not in content
    assert "error-page" in content
    # The same answer for every unknown token.
    assert content == client.get(url("B" * 43)).content.decode()


def test_it_gives_the_same_404_for_a_tampered_token(client, leaver_token):
    last = "A" if leaver_token[-1] != "A" else "B"
    tampered = leaver_token[:-1] + last
    response = client.get(url(tampered))
    assert response.status_code == 404
    assert response.content == client.get(url("C" * 43)).content
    assert client.post(url(tampered), answers(reason="x")).status_code == 404
    assert not Answer.objects.exists()


@override_settings(EXITLENS_HR_CONTACT="hr@example.org")
def test_it_tells_the_leaver_when_the_link_has_expired(client, leaver_token, leaver_invitation):
    Invitation.objects.filter(pk=leaver_invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(url(leaver_token), {"lang": "en"})
    assert response.status_code == 410
    content = response.content.decode()
    assert "This link no longer works" in content
    assert "has expired" in content
    assert "hr@example.org" in content
    assert ENGLISH_PROMPT not in content
    assert response["Referrer-Policy"] == "same-origin"

    client.post(url(leaver_token), answers(reason="Too late"))
    assert not Answer.objects.exists()


def test_it_tells_the_leaver_when_the_link_was_withdrawn(client, leaver_token, leaver_invitation):
    Invitation.objects.filter(pk=leaver_invitation.pk).update(status=Invitation.Status.WITHDRAWN)
    response = client.get(url(leaver_token), {"lang": "en"})
    assert response.status_code == 410
    content = response.content.decode()
    assert "This link no longer works" in content
    assert "withdrawn" in content
    assert ENGLISH_PROMPT not in content
    assert client.post(url(leaver_token), answers(reason="x")).status_code == 410
    assert not Answer.objects.exists()


def test_it_shows_only_the_confirmation_after_completion(client, leaver_token):
    client.post(
        url(leaver_token),
        {"action": "submit", "promise": "confidential", "reason": "Secret reason 42"},
    )
    response = client.get(url(leaver_token), follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert "We hebben je antwoorden ontvangen" in content
    assert "Secret reason 42" not in content
    assert "<textarea" not in content


def test_it_shows_the_confirmation_after_an_interviewer_completed_it(
    client, leaver_token, interview, hr
):
    interviews.save_answers(interview, {"reason": "Told in person"})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    response = client.get(url(leaver_token), follow=True)
    assert "We hebben je antwoorden ontvangen" in response.content.decode()
    assert "Told in person" not in response.content.decode()


def test_it_shows_the_leaver_their_organisation_not_the_product(client, leaver_token, settings):
    settings.EXITLENS_ORGANISATION_NAME = "Gemeente Voorbeeld"
    content = client.get(url(leaver_token)).content.decode()
    assert '<a class="brand"' in content
    assert "Gemeente Voorbeeld</a>" in content
    assert "· Gemeente Voorbeeld</title>" in content
