"""Error pages: styled, in the visitor's language, with a way back; a leaver's 500 keeps its
word even when the database is down."""

import json

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from exitlens import errors
from exitlens.core.models import Invitation
from tests.conftest import login

STYLESHEET = "exitlens/css/exitlens.css"


def no_database(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def quiet_client():
    return Client(raise_request_exception=False)


def test_it_styles_the_404_for_a_mistyped_leaver_link(client, db):
    response = client.get("/i/not-a-real-token/", {"lang": "en"})
    assert response.status_code == 404
    content = response.content.decode()
    assert STYLESHEET in content
    assert "This link does not work" in content
    assert "complete link from your e-mail" in content
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Deze link werkt niet"),
        ("es", "Este enlace no funciona"),
        ("de", "Dieser Link funktioniert nicht"),
    ],
)
def test_it_speaks_the_leavers_language(client, db, language, text):
    response = client.get("/i/not-a-real-token/", {"lang": language})
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()
    assert text in response.content.decode()


def test_it_names_the_hr_contact_on_a_leavers_error(client, db, settings):
    settings.EXITLENS_HR_CONTACT = "hr@example.org"
    response = client.get("/i/not-a-real-token/", {"lang": "en"})
    assert "contact HR: hr@example.org" in response.content.decode()


def test_it_shows_a_viewer_a_styled_404_with_a_way_back(client, viewer):
    login(client, viewer)
    response = client.get(reverse("departure_list"))
    assert response.status_code == 404
    content = response.content.decode()
    assert STYLESHEET in content
    assert "Page not found" in content
    assert f'href="{reverse("home")}"' in content
    assert "Back to the start page" in content


def test_it_follows_the_browsers_language_for_staff(client, db):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_it_answers_json_under_the_api(client, db):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_it_tells_a_leaver_their_saved_answers_are_kept_when_the_database_is_down(
    quiet_client, leaver_token, settings
):
    settings.EXITLENS_HR_CONTACT = "hr@example.org"
    url = reverse("leaver:interview", args=[leaver_token])
    with connection.execute_wrapper(no_database):
        response = quiet_client.post(
            url + "?lang=en", {"action": "submit", "promise": "confidential", "reason": "Pay"}
        )
    assert response.status_code == 500
    content = response.content.decode()
    assert STYLESHEET in content
    assert "The answers you saved before are kept" in content
    assert "contact HR: hr@example.org" in content
    assert f'href="{url}?lang=en"' in content
    assert "Server Error (500)" not in content


def test_it_keeps_the_leavers_language_when_the_database_is_down(quiet_client, leaver_token):
    url = reverse("leaver:interview", args=[leaver_token])
    with connection.execute_wrapper(no_database):
        response = quiet_client.get(url, {"lang": "nl"})
    assert response.status_code == 500
    assert '<html lang="nl">' in response.content.decode()
    assert "Antwoorden die je eerder hebt opgeslagen" in response.content.decode()


def test_it_renders_the_staff_500_without_the_database(quiet_client, hr):
    login(quiet_client, hr)
    with connection.execute_wrapper(no_database):
        response = quiet_client.get(reverse("departure_list"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong" in content
    assert STYLESHEET in content
    assert "Log out" not in content


def test_it_answers_a_server_error_under_the_api_in_json(db):
    response = errors.server_error(RequestFactory().get("/api/v1/departures/"))
    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "server_error"


def test_it_explains_a_refused_form_to_a_leaver(leaver_token):
    client = Client(enforce_csrf_checks=True)
    url = reverse("leaver:interview", args=[leaver_token])
    client.get(url)
    response = client.post(url + "?lang=en", {"action": "submit", "reason": "Pay"})
    assert response.status_code == 403
    content = response.content.decode()
    assert "Your answers could not be sent" in content
    assert "The answers you saved before are kept" in content


def test_it_explains_a_refused_form_to_staff(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()


def test_it_styles_a_bad_request(quiet_client, db):
    response = quiet_client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    content = response.content.decode()
    assert STYLESHEET in content
    assert "Bad request" in content


def test_it_styles_a_refusal(db):
    request = RequestFactory().get("/insights/")
    response = errors.permission_denied(request)
    assert response.status_code == 403
    assert "No access" in response.content.decode()


def test_it_styles_a_link_that_is_gone(client, leaver_invitation, leaver_token):
    Invitation.objects.filter(pk=leaver_invitation.pk).update(status=Invitation.Status.WITHDRAWN)
    response = client.get(reverse("leaver:interview", args=[leaver_token]), {"lang": "en"})
    assert response.status_code == 410
    content = response.content.decode()
    assert STYLESHEET in content
    assert "This link no longer works" in content
    assert "contact HR" in content


def test_it_falls_back_to_plain_words_when_the_page_cannot_render(db, settings, monkeypatch):
    settings.EXITLENS_HR_CONTACT = "hr@example.org"

    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(errors, "render_to_string", broken)
    response = errors.server_error(RequestFactory().get("/i/some-token/"))
    assert response.status_code == 500
    content = response.content.decode()
    assert "The answers you saved before are kept" in content
    assert "hr@example.org" in content
