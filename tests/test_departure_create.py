from datetime import date

from django.urls import reverse

from exitlens.core.models import AuditEntry, Departure, Manager
from tests.conftest import login

URL = reverse("departure_create")


def _data(department, **changes) -> dict:
    data = {
        "full_name": "Noor Nieuw",
        "work_email": "noor@work.example.org",
        "personal_email": "noor@home.example.org",
        "language": "en",
        "department": department.pk,
        "manager": "",
        "job_title": "Analyst",
        "location": "Rotterdam",
        "hire_date": "2020-02-01",
        "leave_date": "2026-09-30",
        "departure_type": "retirement",
        "regrettable": "on",
        "external_id": "HR-2002",
        "destination": "Travelling",
        "eligible_for_rehire": "true",
        "outcome": "pending",
    }
    data.update(changes)
    return data


def test_it_sends_an_anonymous_visitor_to_login(client, department):
    response = client.post(URL, _data(department))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not Departure.objects.exists()


def test_it_hides_the_form_from_a_viewer(client, viewer, department):
    login(client, viewer)
    assert client.get(URL).status_code == 404
    assert client.post(URL, _data(department)).status_code == 404
    assert not Departure.objects.exists()


def test_it_shows_the_form(client, hr, department):
    login(client, hr)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="date" name="leave_date"' in html
    assert 'name="eligible_for_rehire"' in html
    assert "<legend>" in html


def test_it_registers_a_departure(client, hr, department):
    login(client, hr)
    response = client.post(URL, _data(department))

    departure = Departure.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("departure_detail", args=[departure.code])
    assert departure.full_name == "Noor Nieuw"
    assert departure.language == "en"
    assert departure.hire_date == date(2020, 2, 1)
    assert departure.leave_date == date(2026, 9, 30)
    assert departure.departure_type == Departure.Type.RETIREMENT
    assert departure.regrettable is True
    assert departure.eligible_for_rehire is True
    assert departure.external_id == "HR-2002"
    entry = AuditEntry.objects.get(action="departure.created")
    assert entry.actor == hr
    assert str(departure.code) in entry.subject
    follow = client.get(response.url)
    assert "The departure has been registered." in follow.content.decode()


def test_it_uses_the_department_manager_by_default(client, hr, department):
    login(client, hr)
    client.post(URL, _data(department))
    assert Departure.objects.get().manager == department.manager


def test_it_keeps_a_chosen_manager(client, hr, department):
    other = Manager.objects.create(name="Otto Other")
    login(client, hr)
    client.post(URL, _data(department, manager=other.pk))
    assert Departure.objects.get().manager == other


def test_it_stores_an_unknown_rehire_and_a_blank_id_as_null(client, hr, department):
    login(client, hr)
    client.post(URL, _data(department, eligible_for_rehire="unknown", external_id="  "))
    client.post(URL, _data(department, full_name="Second", external_id=""))
    assert Departure.objects.count() == 2
    assert set(Departure.objects.values_list("external_id", flat=True)) == {None}
    assert Departure.objects.get(full_name="Noor Nieuw").eligible_for_rehire is None


def test_it_rejects_a_leave_date_before_the_hire_date(client, hr, department):
    login(client, hr)
    response = client.post(URL, _data(department, hire_date="2026-10-01"))
    assert response.status_code == 200
    assert response.context["form"].errors["leave_date"] == [
        "The leave date cannot be before the hire date."
    ]
    assert not Departure.objects.exists()
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_rejects_a_duplicate_external_id(client, hr, departure, department):
    login(client, hr)
    response = client.post(URL, _data(department, external_id="HR-1001"))
    assert response.status_code == 200
    assert response.context["form"].errors["external_id"] == [
        "Another departure already has this HR system id."
    ]
    assert Departure.objects.count() == 1


def test_it_rejects_invalid_emails_and_missing_fields(client, hr, department):
    login(client, hr)
    response = client.post(
        URL, _data(department, work_email="not-an-email", full_name="", leave_date="")
    )
    errors = response.context["form"].errors
    assert set(errors) == {"work_email", "full_name", "leave_date"}
    assert "Please correct the errors below." in response.content.decode()
    assert not Departure.objects.exists()
