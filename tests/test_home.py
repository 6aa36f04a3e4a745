from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import Departure, Interview
from tests.conftest import login


def _departure(department, name, days_ago, departure_type=Departure.Type.RESIGNATION, **fields):
    return Departure.objects.create(
        full_name=name,
        department=department,
        leave_date=timezone.localdate() - timedelta(days=days_ago),
        departure_type=departure_type,
        **fields,
    )


def _interview(departure, version, status):
    return Interview.objects.create(
        departure=departure,
        questionnaire_version=version,
        mode=Interview.Mode.SELF_SERVICE,
        confidentiality=Interview.Confidentiality.CONFIDENTIAL,
        status=status,
        language="nl",
    )


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


def test_it_shows_a_viewer_figures_of_the_last_twelve_months(
    client, viewer, department, questionnaire_version
):
    completed = _departure(department, "Ann Resigned", 10)
    _interview(completed, questionnaire_version, Interview.Status.COMPLETED)
    started = _departure(department, "Ben Retired", 100, Departure.Type.RETIREMENT)
    _interview(started, questionnaire_version, Interview.Status.IN_PROGRESS)
    _departure(
        department, "Cas Dismissed", 200, Departure.Type.DISMISSAL, responded_anonymously=True
    )
    _departure(department, "Dirk Contract", 300, Departure.Type.END_OF_CONTRACT)
    _departure(department, "Old Timer", 400)
    _departure(department, "Future Leaver", -30)

    login(client, viewer)
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert response.context["figures"] == {
        "departures": 4,
        "voluntary": 2,
        "voluntary_percent": 50,
        "interviews": 2,
    }
    html = response.content.decode()
    assert "never" in html
    for name in ("Ann", "Ben", "Cas", "Dirk", "Old Timer", "Future"):
        assert name not in html
    assert reverse("departure_list") not in html


def test_it_shows_no_percentage_without_departures(client, viewer):
    login(client, viewer)
    response = client.get(reverse("home"))
    assert response.context["figures"]["departures"] == 0
    assert response.context["figures"]["voluntary_percent"] is None
