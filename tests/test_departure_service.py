"""The departures service: the one door for registering, changing and importing departures."""

from datetime import date

import pytest
from django.urls import reverse

from exitlens.core.models import AuditEntry, Departure, Manager
from exitlens.core.services.departures import (
    DepartureInvalid,
    DepartureRules,
    ImportBatch,
    apply_import,
    delete_departure,
    register_departure,
    update_departure,
)
from exitlens.imports.departures import apply_plan, build_plan
from exitlens.insights.summaries import version
from tests.conftest import login
from tests.test_api_support import Api, error_of, make_key

COMPARED = (
    "full_name",
    "work_email",
    "personal_email",
    "language",
    "department_id",
    "manager_id",
    "job_title",
    "hire_date",
    "leave_date",
    "departure_type",
    "regrettable",
    "outcome",
)  # and the HR system id, which each route is given its own of


def _values(in_department, **changes) -> dict:
    return {
        "full_name": "Noor Nieuw",
        "work_email": "noor@work.example.org",
        "personal_email": "noor@home.example.org",
        "department": in_department,
        "job_title": "Analyst",
        "hire_date": date(2020, 2, 1),
        "leave_date": date(2026, 9, 30),
        "departure_type": Departure.Type.RETIREMENT,
        "external_id": "HR-2002",
    } | changes


def _stored(departure: Departure) -> tuple:
    departure.refresh_from_db()
    return tuple(getattr(departure, name) for name in COMPARED)


# Registering


def test_it_registers_a_departure_with_defaults_and_audits_it(hr, department):
    departure = register_departure(hr, _values(department))

    assert departure.pk is not None
    assert departure.manager == department.manager  # the department's
    assert departure.language == "en"  # the site's
    assert departure.outcome == Departure.Outcome.PENDING
    assert departure.regrettable is False
    assert departure.eligible_for_rehire is None
    entry = AuditEntry.objects.get(action="departure.created")
    assert entry.actor == hr
    assert str(departure.code) in entry.subject


def test_it_adds_the_callers_audit_data(hr, department):
    register_departure(hr, _values(department), api_token="exl_abc… (Bridge)")

    assert AuditEntry.objects.get().data == {"api_token": "exl_abc… (Bridge)"}


def test_it_stores_a_blank_hr_id_as_none(hr, department):
    first = register_departure(hr, _values(department, external_id="  "))
    second = register_departure(hr, _values(department, full_name="Two", external_id=""))

    assert first.external_id is None and second.external_id is None


def test_it_marks_the_insights_stale(hr, department):
    before = version()

    register_departure(hr, _values(department))

    assert version() != before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"hire_date": date(2027, 1, 1)},
            "leave_date",
            "The leave date cannot be before the hire date.",
        ),
        (
            {"external_id": "HR-1001"},
            "external_id",
            "Another departure already has this HR system id.",
        ),
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"department": None}, "department", "This field is required."),
        ({"work_email": "not an address"}, "work_email", "Enter a valid email address."),
        ({"departure_type": "fired"}, "departure_type", None),
    ],
)
def test_it_refuses_bad_input_with_the_reason(hr, department, departure, changes, field, message):
    with pytest.raises(DepartureInvalid) as refused:
        register_departure(hr, _values(department, **changes))

    assert field in refused.value.errors
    if message:
        assert refused.value.errors[field] == [message]
    assert field in str(refused.value)
    assert Departure.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_a_refused_form_carries_the_errors(hr, department):
    form = DepartureRules({"full_name": "Noor", "department": department.pk})

    with pytest.raises(DepartureInvalid) as refused:
        register_departure(hr, form)

    assert refused.value.form is form
    assert "leave_date" in form.errors


# Changing


def test_it_changes_what_is_given_and_keeps_the_rest(hr, departure):
    update_departure(hr, departure, {"job_title": "Team lead", "outcome": "retained"})

    departure.refresh_from_db()
    assert departure.job_title == "Team lead"
    assert departure.outcome == Departure.Outcome.RETAINED
    assert departure.full_name == "Lotte Leaver"
    assert departure.external_id == "HR-1001"
    entry = AuditEntry.objects.get(action="departure.changed")
    assert entry.data == {"fields": ["job_title", "outcome"]}


def test_it_audits_changed_addresses_with_old_and_new(hr, departure):
    update_departure(hr, departure, {"personal_email": "lotte@new.example.org"}, via="api")

    entry = AuditEntry.objects.get(action="departure.address_changed")
    assert entry.data == {
        "field": "personal_email",
        "old": "lotte@home.example.org",
        "new": "lotte@new.example.org",
        "via": "api",
    }


def test_a_change_that_changes_nothing_is_not_audited(hr, departure):
    update_departure(hr, departure, {"job_title": "Service agent"})

    assert not AuditEntry.objects.exists()


def test_it_keeps_a_missing_manager_unless_the_manager_is_cleared(hr, departure, department):
    departure.manager = None
    departure.save()

    update_departure(hr, departure, {"job_title": "Lead"})
    departure.refresh_from_db()
    assert departure.manager is None

    update_departure(hr, departure, {"manager": None})
    departure.refresh_from_db()
    assert departure.manager == department.manager


def test_it_checks_changed_dates_against_the_stored_ones(hr, departure):
    with pytest.raises(DepartureInvalid) as refused:
        update_departure(hr, departure, {"hire_date": date(2027, 1, 1)})

    assert list(refused.value.errors) == ["leave_date"]
    departure.refresh_from_db()
    assert departure.hire_date == date(2021, 3, 1)
    assert not AuditEntry.objects.exists()


def test_a_change_refreshes_the_insights(hr, departure):
    before = version()

    update_departure(hr, departure, {"departure_type": "dismissal"})

    assert version() != before


def test_it_deletes_a_departure_and_audits_it(hr, departure):
    delete_departure(hr, departure)

    assert not Departure.objects.exists()
    assert AuditEntry.objects.get().action == "departure.deleted"


# Importing


def test_it_applies_an_import_batch_in_one_go(hr, departure, department):
    before = version()
    batch = ImportBatch(
        source="leavers.csv",
        create=[
            {
                "full_name": "Noor Nieuw",
                "department_id": "Research",
                "manager_id": "Rita Research",
                "leave_date": date(2026, 9, 30),
                "language": "en",
            }
        ],
        update=[(departure.pk, {"personal_email": "lotte@new.example.org"})],
        attributes=["personal_email"],
        new_departments=["Research"],
        new_managers=["Rita Research"],
    )

    ids = apply_import(batch, hr)

    noor = Departure.objects.get(full_name="Noor Nieuw")
    assert ids == [noor.pk, departure.pk]
    assert noor.department.name == "Research"
    assert noor.manager.name == "Rita Research"
    departure.refresh_from_db()
    assert departure.personal_email == "lotte@new.example.org"
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "departures.imported",
        "departure.address_changed",
    }
    entry = AuditEntry.objects.get(action="departures.imported")
    assert entry.subject == "leavers.csv"
    assert (entry.data["created"], entry.data["updated"]) == (1, 1)
    assert entry.data["departments_created"] == 1
    assert version() != before


def test_an_import_that_fails_writes_nothing(hr, department):
    batch = ImportBatch(
        source="leavers.csv",
        create=[
            {"full_name": "One", "department_id": "New", "leave_date": date(2026, 1, 1)},
            {"full_name": "Two", "department_id": department.pk, "leave_date": None},
        ],
        new_departments=["New"],
    )

    with pytest.raises(Exception):  # noqa: B017  (the database refuses the second row)
        apply_import(batch, hr)

    assert not Departure.objects.exists()
    assert not Manager.objects.filter(name="New").exists()
    assert not AuditEntry.objects.exists()


# The same departure through every route


def test_every_route_stores_the_same_departure(client, admin, department, tmp_path):
    register_departure(admin, _values(department, external_id="HR-1"))

    login(client, admin)
    form = {
        "full_name": "Noor Nieuw",
        "work_email": "noor@work.example.org",
        "personal_email": "noor@home.example.org",
        "language": "en",
        "department": department.pk,
        "manager": "",
        "job_title": "Analyst",
        "hire_date": "2020-02-01",
        "leave_date": "2026-09-30",
        "departure_type": "retirement",
        "external_id": "HR-2",
        "eligible_for_rehire": "unknown",
        "outcome": "pending",
    }
    assert client.post(reverse("departure_create"), form).status_code == 302

    api = Api(client, make_key(admin, role="hr", scope="write"))
    body = {name: value for name, value in form.items() if name != "eligible_for_rehire"}
    body |= {"manager": None, "department": department.pk, "external_id": "HR-3"}
    assert api.post("/api/v1/departures/", body).status_code == 201

    path = tmp_path / "leavers.csv"
    path.write_text(
        "HR id,Name,E-mail,Personal e-mail,Language,Department,Job title,Hire date,"
        "Leave date,Type of departure\n"
        "HR-4,Noor Nieuw,noor@work.example.org,noor@home.example.org,English,"
        f"{department.name},Analyst,2020-02-01,2026-09-30,retirement\n",
        encoding="utf-8",
    )
    plan = build_plan(path)
    assert not plan.errors, [error.line() for error in plan.errors]
    apply_plan(plan, by=admin)

    stored = {d.external_id: _stored(d) for d in Departure.objects.all()}
    assert set(stored) == {"HR-1", "HR-2", "HR-3", "HR-4"}
    assert len(set(stored.values())) == 1, stored
    actions = AuditEntry.objects.filter(action__startswith="departure").values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["departure.created"] * 3 + ["departures.imported"]


def test_every_route_refuses_a_leave_date_before_the_hire_date(client, admin, department, tmp_path):
    with pytest.raises(DepartureInvalid):
        register_departure(admin, _values(department, hire_date=date(2027, 1, 1)))

    api = Api(client, make_key(admin, role="hr", scope="write"))
    body = {
        "full_name": "Noor",
        "department": department.pk,
        "hire_date": "2027-01-01",
        "leave_date": "2026-09-30",
    }
    error = error_of(api.post("/api/v1/departures/", body), 400)
    assert list(error["fields"]) == ["leave_date"]

    path = tmp_path / "leavers.csv"
    path.write_text(
        f"Name,Department,Hire date,Leave date\nNoor,{department.name},2027-01-01,2026-09-30\n",
        encoding="utf-8",
    )
    assert [error.column for error in build_plan(path).errors] == ["Hire date"]
    assert not Departure.objects.exists()
