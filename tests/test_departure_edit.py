from django.urls import reverse

from exitlens.core.models import AuditEntry, Departure, Manager
from tests.conftest import login


def _url(departure) -> str:
    return reverse("departure_edit", args=[departure.code])


def _data(departure, **changes) -> dict:
    data = {
        "full_name": departure.full_name,
        "work_email": departure.work_email,
        "personal_email": departure.personal_email,
        "language": departure.language,
        "department": departure.department_id,
        "manager": departure.manager_id or "",
        "job_title": departure.job_title,
        "location": departure.location,
        "hire_date": departure.hire_date.isoformat() if departure.hire_date else "",
        "leave_date": departure.leave_date.isoformat(),
        "departure_type": departure.departure_type,
        "external_id": departure.external_id or "",
        "destination": departure.destination,
        "eligible_for_rehire": "unknown",
        "outcome": departure.outcome,
    }
    if departure.regrettable:
        data["regrettable"] = "on"
    data.update(changes)
    return data


def test_it_sends_an_anonymous_visitor_to_login(client, departure):
    response = client.post(_url(departure), _data(departure, full_name="Changed"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    departure.refresh_from_db()
    assert departure.full_name == "Lotte Leaver"


def test_it_hides_the_form_from_a_viewer(client, viewer, departure):
    login(client, viewer)
    assert client.get(_url(departure)).status_code == 404
    assert client.post(_url(departure), _data(departure, full_name="X")).status_code == 404
    departure.refresh_from_db()
    assert departure.full_name == "Lotte Leaver"


def test_it_shows_the_form_filled_in(client, hr, departure):
    login(client, hr)
    response = client.get(_url(departure))
    html = response.content.decode()
    assert 'value="Lotte Leaver"' in html
    assert 'value="2026-10-31"' in html
    assert 'value="HR-1001"' in html


def test_it_saves_changes_and_audits_the_field_names(client, admin, departure):
    login(client, admin)
    response = client.post(
        _url(departure),
        _data(departure, job_title="Team lead", outcome="retained", personal_email=""),
    )
    assert response.status_code == 302
    assert response.url == reverse("departure_detail", args=[departure.code])
    departure.refresh_from_db()
    assert departure.job_title == "Team lead"
    assert departure.outcome == Departure.Outcome.RETAINED
    assert departure.personal_email == ""
    entry = AuditEntry.objects.get(action="departure.changed")
    assert entry.actor == admin
    assert entry.data == {"fields": ["personal_email", "job_title", "outcome"]}
    assert "Team lead" not in str(entry.data)
    assert "The changes have been saved." in client.get(response.url).content.decode()


def test_it_does_not_audit_a_save_without_changes(client, hr, departure):
    departure.eligible_for_rehire = None
    departure.save()
    login(client, hr)
    client.post(_url(departure), _data(departure))
    assert not AuditEntry.objects.filter(action="departure.changed").exists()


def test_it_fills_in_the_department_manager_when_cleared(client, hr, departure):
    departure.manager = Manager.objects.create(name="Someone")
    departure.save()
    login(client, hr)
    client.post(_url(departure), _data(departure, manager=""))
    departure.refresh_from_db()
    assert departure.manager == departure.department.manager
    assert AuditEntry.objects.get(action="departure.changed").data["fields"] == ["manager"]


def test_it_rejects_the_id_of_another_departure(client, hr, departure):
    other = Departure.objects.create(
        full_name="Other",
        department=departure.department,
        leave_date=departure.leave_date,
        external_id="HR-9",
    )
    login(client, hr)
    response = client.post(_url(other), _data(other, external_id="HR-1001"))
    assert response.status_code == 200
    assert "Another departure already has this HR system id." in response.content.decode()
    other.refresh_from_db()
    assert other.external_id == "HR-9"
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_allows_clearing_the_id(client, hr, departure):
    login(client, hr)
    client.post(_url(departure), _data(departure, external_id=""))
    departure.refresh_from_db()
    assert departure.external_id is None


def test_it_rejects_a_leave_date_before_the_hire_date(client, hr, departure):
    login(client, hr)
    response = client.post(_url(departure), _data(departure, leave_date="2020-01-01"))
    assert "The leave date cannot be before the hire date." in response.content.decode()
    departure.refresh_from_db()
    assert departure.leave_date.isoformat() == "2026-10-31"
