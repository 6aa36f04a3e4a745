"""The questionnaire pages: the overview in every language and editing its texts."""

import pytest
from django.contrib.messages import get_messages
from django.utils.html import escape

from exitlens.core.models import Answer, AuditEntry, Interview, QuestionnaireVersion
from exitlens.core.services import interviews
from exitlens.core.services.questionnaires import current_version
from tests.conftest import login

LANGUAGES = ("nl", "en", "es", "de")


def _form_data(version, **changes) -> dict:
    """The edit form as it comes, with `changes` (field name -> text) applied."""
    data = {"version": version.number}
    for question in version.questions.all():
        for field in ("prompt", "purpose", "hint"):
            for language in LANGUAGES:
                data[f"{question.key}__{field}__{language}"] = getattr(question, field).get(
                    language, ""
                )
    data.update(changes)
    return data


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("url", ["/questionnaire/", "/questionnaire/edit/"])
def test_it_sends_anonymous_visitors_to_login(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/login/")


@pytest.mark.parametrize("url", ["/questionnaire/", "/questionnaire/edit/"])
def test_it_hides_the_questionnaire_from_viewers(client, viewer, url):
    login(client, viewer)

    assert client.get(url).status_code == 404


def test_it_does_not_let_a_viewer_save_a_version(client, viewer, questionnaire_version):
    login(client, viewer)

    response = client.post("/questionnaire/edit/", _form_data(questionnaire_version))

    assert response.status_code == 404
    assert QuestionnaireVersion.objects.count() == 1


def test_it_shows_every_question_in_all_four_languages(client, hr):
    login(client, hr)

    response = client.get("/questionnaire/")

    assert response.status_code == 200
    version = current_version()
    assert response.context["version"] == version
    page = response.content.decode()
    for question in version.questions.all():
        for language in LANGUAGES:
            for field in ("prompt", "purpose", "hint"):
                assert escape(getattr(question, field)[language]) in page
    assert "Pay &amp; benefits" in page  # theme options listed
    assert [v.number for v in response.context["versions"]] == [1]


def test_it_lets_an_admin_see_the_questionnaire(client, admin):
    login(client, admin)

    assert client.get("/questionnaire/").status_code == 200


def test_it_shows_the_edit_form_with_the_current_texts(client, hr, questionnaire_version):
    login(client, hr)

    response = client.get("/questionnaire/edit/")

    assert response.status_code == 200
    attraction = questionnaire_version.questions.get(key="attraction")
    assert response.context["form"]["attraction__prompt__de"].value() == attraction.prompt["de"]
    assert 'name="recommend__hint__es"' in response.content.decode()


def test_it_saves_a_new_version_with_the_changed_text(client, hr, questionnaire_version):
    login(client, hr)

    response = client.post(
        "/questionnaire/edit/",
        _form_data(questionnaire_version, attraction__prompt__en="What drew you to us?"),
    )

    assert response.status_code == 302
    assert response.url == "/questionnaire/"
    assert "Version 2 saved" in _messages(response)
    new = current_version()
    assert new.number == 2
    assert new.created_by == hr
    assert new.questions.count() == 11
    attraction = new.questions.get(key="attraction")
    old_attraction = questionnaire_version.questions.get(key="attraction")
    assert attraction.prompt == {**old_attraction.prompt, "en": "What drew you to us?"}
    assert attraction.hint == old_attraction.hint
    assert questionnaire_version.questions.get(key="attraction").prompt["en"] == (
        "When you applied here, what attracted you?"
    )
    entry = AuditEntry.objects.get(action="questionnaire.changed")
    assert entry.actor == hr
    assert entry.data == {"version": 2}


def test_it_makes_no_version_when_nothing_changed(client, hr, questionnaire_version):
    login(client, hr)

    response = client.post("/questionnaire/edit/", _form_data(questionnaire_version))

    assert response.status_code == 302
    assert QuestionnaireVersion.objects.count() == 1
    assert not AuditEntry.objects.filter(action="questionnaire.changed").exists()
    assert "Nothing was changed, so no new version was made." in _messages(response)


@pytest.mark.parametrize(("language", "name"), [("nl", "Dutch"), ("en", "English")])
def test_it_requires_a_dutch_and_an_english_prompt(
    client, hr, questionnaire_version, language, name
):
    login(client, hr)

    response = client.post(
        "/questionnaire/edit/",
        _form_data(questionnaire_version, **{f"come_back__prompt__{language}": "  "}),
    )

    assert response.status_code == 200
    assert response.context["form"].errors[f"come_back__prompt__{language}"] == [
        f"Question 11 needs a prompt in {name}."
    ]
    assert QuestionnaireVersion.objects.count() == 1


def test_it_allows_an_empty_spanish_prompt(client, hr, questionnaire_version):
    login(client, hr)

    client.post("/questionnaire/edit/", _form_data(questionnaire_version, come_back__prompt__es=""))

    assert set(current_version().questions.get(key="come_back").prompt) == {"nl", "en", "de"}


def test_it_refuses_texts_over_two_thousand_characters(client, hr, questionnaire_version):
    login(client, hr)

    response = client.post(
        "/questionnaire/edit/", _form_data(questionnaire_version, reason__hint__nl="x" * 2001)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reason__hint__nl"]
    assert QuestionnaireVersion.objects.count() == 1


def test_it_refuses_edits_of_an_outdated_version(client, hr, questionnaire_version):
    login(client, hr)
    client.post(
        "/questionnaire/edit/", _form_data(questionnaire_version, attraction__hint__en="First.")
    )

    response = client.post(
        "/questionnaire/edit/", _form_data(questionnaire_version, attraction__hint__en="Second.")
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert current_version().number == 2
    assert current_version().questions.get(key="attraction").hint["en"] == "First."


def test_it_escapes_markup_in_texts(client, hr, questionnaire_version):
    login(client, hr)
    client.post(
        "/questionnaire/edit/",
        _form_data(questionnaire_version, attraction__hint__en="<script>alert(1)</script>"),
    )

    response = client.get("/questionnaire/")

    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


def test_it_keeps_answers_and_version_of_existing_interviews(
    client, hr, departure, questionnaire_version
):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"attraction": "The people.", "recommend": 8})
    login(client, hr)

    client.post(
        "/questionnaire/edit/",
        _form_data(questionnaire_version, attraction__prompt__en="What drew you to us?"),
    )

    interview.refresh_from_db()
    assert interview.questionnaire_version == questionnaire_version
    answer = Answer.objects.get(interview=interview, question__key="attraction")
    assert answer.question.version == questionnaire_version
    assert answer.text == "The people."
    assert answer.question.prompt["en"] == "When you applied here, what attracted you?"
    # An interview made after the change uses the new version.
    other = departure.__class__.objects.create(
        full_name="Niels Nieuw",
        work_email="niels@work.example.org",
        department=departure.department,
        leave_date=departure.leave_date,
    )
    new_interview = interviews.get_or_create_interview(
        other, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    assert new_interview.questionnaire_version.number == 2
    assert new_interview.questionnaire_version.questions.get(key="attraction").prompt["en"] == (
        "What drew you to us?"
    )
