from django.urls import reverse

from exitlens.core.models import AuditEntry
from tests.conftest import PASSWORD, login

URL = reverse("account")
NEW_PASSWORD = "a much longer secret 4 you"


def test_it_sends_an_anonymous_visitor_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_refuses_an_inactive_user(client, outsider):
    login(client, outsider)
    response = client.post(URL, {"action": "profile", "first_name": "X", "language": "en"})
    assert response.status_code == 302
    outsider.refresh_from_db()
    assert outsider.first_name == ""


def test_it_shows_both_forms(client, viewer):
    login(client, viewer)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="language"' in html
    assert "Follow the browser" in html
    assert 'name="old_password"' in html
    assert 'value="profile"' in html
    assert 'value="password"' in html


def test_it_saves_name_and_language(client, viewer):
    login(client, viewer)
    response = client.post(
        URL, {"action": "profile", "first_name": "Victor", "last_name": "V", "language": "de"}
    )
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.first_name == "Victor"
    assert viewer.language == "de"
    # The chosen language is used from the next page on.
    follow = client.get(URL)
    assert follow.wsgi_request.LANGUAGE_CODE == "de"


def test_it_can_follow_the_browser_again(client, hr):
    hr.language = "es"
    hr.save()
    login(client, hr)
    client.post(URL, {"action": "profile", "first_name": "Hanna", "language": ""})
    hr.refresh_from_db()
    assert hr.language == ""


def test_it_rejects_an_unknown_language(client, hr):
    login(client, hr)
    response = client.post(URL, {"action": "profile", "first_name": "Hanna", "language": "fr"})
    assert response.status_code == 200
    assert "language" in response.context["profile_form"].errors
    hr.refresh_from_db()
    assert hr.language == ""


def test_it_changes_the_password(client, hr):
    login(client, hr)
    response = client.post(
        URL,
        {
            "action": "password",
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    hr.refresh_from_db()
    assert hr.check_password(NEW_PASSWORD)
    # Still signed in after the change.
    assert client.get(URL).status_code == 200
    assert AuditEntry.objects.get(action="user.password_changed").actor == hr


def test_it_needs_the_old_password(client, hr):
    login(client, hr)
    response = client.post(
        URL,
        {
            "action": "password",
            "old_password": "wrong",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "old_password" in response.context["password_form"].errors
    hr.refresh_from_db()
    assert hr.check_password(PASSWORD)
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_validates_the_new_password(client, hr):
    login(client, hr)
    response = client.post(
        URL,
        {
            "action": "password",
            "old_password": PASSWORD,
            "new_password1": "12345",
            "new_password2": "12345",
        },
    )
    assert response.status_code == 200
    assert "new_password2" in response.context["password_form"].errors
    hr.refresh_from_db()
    assert hr.check_password(PASSWORD)


def test_it_does_nothing_without_an_action(client, hr):
    login(client, hr)
    response = client.post(URL, {"first_name": "Changed", "language": "en"})
    assert response.status_code == 200
    hr.refresh_from_db()
    assert hr.first_name == "Hanna"
