from django.urls import reverse

from exitlens.core.models import User
from tests.conftest import PASSWORD


def test_it_shows_the_login_form(client, db):
    response = client.get(reverse("login") + "?next=/departures/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'name="next" value="/departures/"' in html


def test_it_signs_in_with_the_right_password(client, hr):
    response = client.post(reverse("login"), {"username": "hanna", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(hr.pk)


def test_it_follows_next_after_signing_in(client, hr):
    response = client.post(
        reverse("login"), {"username": "hanna", "password": PASSWORD, "next": "/departures/"}
    )
    assert response.url == "/departures/"


def test_it_ignores_a_next_on_another_site(client, hr):
    response = client.post(
        reverse("login"),
        {"username": "hanna", "password": PASSWORD, "next": "https://evil.example.com/"},
    )
    assert response.url == reverse("home")


def test_it_rejects_a_wrong_password(client, hr):
    response = client.post(reverse("login"), {"username": "hanna", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_inactive_user(client, outsider):
    response = client.post(reverse("login"), {"username": "oscar", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("home")).status_code == 302


def test_it_redirects_a_signed_in_user(client, hr):
    client.force_login(hr)
    response = client.get(reverse("login"))
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_it_logs_out(client, viewer):
    client.force_login(viewer)
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(pk=viewer.pk).exists()
