from django.urls import reverse

from tests.conftest import login


def test_it_sends_an_anonymous_visitor_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_sends_an_inactive_user_to_login(client, outsider):
    login(client, outsider)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_sends_hr_to_the_departures(client, hr):
    login(client, hr)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse("departure_list")


def test_it_sends_an_admin_to_the_departures(client, admin):
    login(client, admin)
    assert client.get(reverse("home")).url == reverse("departure_list")


def test_it_sends_a_viewer_to_the_insights(client, viewer):
    login(client, viewer)
    assert client.get(reverse("home")).url == reverse("insights")
