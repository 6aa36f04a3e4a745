"""The departures endpoints, and the error answers every endpoint shares."""

from datetime import date

import pytest

from exitlens.api import settings as api_settings
from exitlens.core.models import AuditEntry, Department, Departure, Manager
from tests.test_api_support import Api, error_of, make_key

LIST = "/api/v1/departures/"


def _url(departure) -> str:
    return f"{LIST}{departure.code}/"


@pytest.fixture
def hr_api(client, admin):
    return Api(client, make_key(admin, role="hr", scope="write"))


@pytest.fixture
def hr_reader(client, admin):
    return Api(client, make_key(admin, role="hr", scope="read", name="Reader"))


@pytest.fixture
def viewer_api(client, admin):
    return Api(client, make_key(admin, role="viewer", scope="write", name="Viewer"))


def _new(in_department, **changes) -> dict:
    return {
        "full_name": "Noor Nieuw",
        "personal_email": "noor@home.example.org",
        "department": in_department.pk,
        "leave_date": "2026-12-31",
        "hire_date": "2020-01-06",
        "departure_type": "resignation",
        "external_id": "HR-2002",
    } | changes


def _many(department, count: int) -> None:
    Departure.objects.bulk_create(
        Departure(full_name=f"Person {n:03}", department=department, leave_date=date(2026, 1, 1))
        for n in range(count)
    )


# Reading


def test_it_lists_departures_by_code_not_by_database_id(hr_api, departure):
    response = hr_api.get(LIST)

    assert response.status_code == 200
    page = response.json()
    assert (page["count"], page["limit"], page["offset"]) == (1, 100, 0)
    assert page["next"] is None and page["previous"] is None
    (item,) = page["results"]
    assert item["code"] == str(departure.code)
    assert "id" not in item
    assert item["full_name"] == "Lotte Leaver"
    assert item["department"] == departure.department_id
    assert item["department_name"] == "Customer Service"
    assert item["manager"] == departure.manager_id
    assert item["hire_date"] == "2021-03-01"
    assert item["external_id"] == "HR-1001"


def test_it_filters_the_list(hr_api, departure, department):
    other_department = Department.objects.create(name="Sales")
    Departure.objects.create(
        full_name="Sam Sales",
        department=other_department,
        leave_date=date(2025, 1, 31),
        departure_type="dismissal",
        external_id="HR-7",
    )

    def names(**params):
        return [d["full_name"] for d in hr_api.get(LIST, params).json()["results"]]

    assert names() == ["Lotte Leaver", "Sam Sales"]
    assert names(leave_date_from="2026-01-01") == ["Lotte Leaver"]
    assert names(leave_date_to="2025-12-31") == ["Sam Sales"]
    assert names(leave_date_from="2025-01-31", leave_date_to="2025-01-31") == ["Sam Sales"]
    assert names(department=other_department.pk) == ["Sam Sales"]
    assert names(departure_type="resignation") == ["Lotte Leaver"]
    assert names(external_id="HR-7") == ["Sam Sales"]
    assert names(external_id="HR-8") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"leave_date_from": "31-12-2026"}, "leave_date_from"),
        ({"leave_date_from": "2026-02-01", "leave_date_to": "2026-01-01"}, "leave_date_to"),
        ({"department": "999"}, "department"),
        ({"department": "sales"}, "department"),
        ({"department": "9" * 40}, "department"),
        ({"departure_type": "fired"}, "departure_type"),
        ({"external_id": "x" * 101}, "external_id"),
        ({"external_id": "a\x00b"}, "external_id"),
        ({"page": "2"}, "page"),
    ],
)
def test_it_explains_a_bad_filter(hr_api, departure, params, field):
    error = error_of(hr_api.get(LIST, params), 400)

    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]


def test_it_pages_with_limit_and_offset(hr_api, department):
    _many(department, 7)

    page = hr_api.get(LIST, {"limit": 3, "offset": 3}).json()

    assert page["count"] == 7
    assert [d["full_name"] for d in page["results"]] == ["Person 003", "Person 004", "Person 005"]
    assert "offset=6" in page["next"] and "limit=3" in page["next"]
    assert "offset" not in page["previous"]
    last = hr_api.get(LIST, {"limit": 3, "offset": 6}).json()
    assert [d["full_name"] for d in last["results"]] == ["Person 006"]
    assert last["next"] is None
    assert hr_api.get(LIST, {"offset": 100}).json()["results"] == []


def test_it_serves_at_most_the_largest_page(hr_api, department):
    _many(department, api_settings.MAX_PAGE_SIZE + 1)

    page = hr_api.get(LIST, {"limit": api_settings.MAX_PAGE_SIZE}).json()

    assert len(page["results"]) == api_settings.MAX_PAGE_SIZE
    assert page["next"] is not None
    assert len(hr_api.get(LIST).json()["results"]) == api_settings.DEFAULT_PAGE_SIZE


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "1.5"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "9" * 30}, "offset"),
        ({"offset": "9" * 5000}, "offset"),
    ],
)
def test_it_refuses_pagination_out_of_bounds(hr_api, params, field):
    error = error_of(hr_api.get(LIST, params), 400)
    assert list(error["fields"]) == [field]


def test_it_reads_one_departure(hr_reader, departure):
    response = hr_reader.get(_url(departure))

    assert response.status_code == 200
    assert response.json()["code"] == str(departure.code)
    assert response.json()["personal_email"] == "lotte@home.example.org"


@pytest.mark.parametrize(
    "code", ["00000000-0000-0000-0000-000000000000", "not-a-code", "1", "%E2%82%AC"]
)
def test_an_unknown_code_is_a_404(hr_api, departure, code):
    error = error_of(hr_api.get(f"{LIST}{code}/"), 404)
    assert error["code"] == "not_found"
    assert error_of(hr_api.patch(f"{LIST}{code}/", {"job_title": "x"}), 404)


# Registering


def test_it_registers_a_departure(hr_api, department):
    response = hr_api.post(LIST, _new(department))

    assert response.status_code == 201
    departure = Departure.objects.get()
    body = response.json()
    assert body["code"] == str(departure.code)
    assert departure.full_name == "Noor Nieuw"
    assert departure.manager == department.manager  # the department's, as on the HR form
    assert departure.language == "en"  # the site's language when none is given
    assert departure.hire_date == date(2020, 1, 6)
    entry = AuditEntry.objects.get(action="departure.created")
    assert str(departure.code) in entry.subject
    assert entry.data["api_token"].startswith("exl_")


def test_it_keeps_a_given_manager_and_stores_a_blank_hr_id_as_none(hr_api, department):
    manager = Manager.objects.create(name="Other Manager")

    response = hr_api.post(LIST, _new(department, manager=manager.pk, external_id="  "))

    assert response.status_code == 201
    departure = Departure.objects.get()
    assert departure.manager == manager
    assert departure.external_id is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hire_date": "2027-01-01"}, "leave_date"),
        ({"department": 424242}, "department"),
        ({"department": None}, "department"),
        ({"manager": 424242}, "manager"),
        ({"departure_type": "fired"}, "departure_type"),
        ({"language": "fr"}, "language"),
        ({"outcome": "promoted"}, "outcome"),
        ({"personal_email": "not an address"}, "personal_email"),
        ({"full_name": ""}, "full_name"),
        ({"full_name": "x" * 201}, "full_name"),
        ({"full_name": "Nul\x00byte"}, "full_name"),
        ({"full_name": "Lone \ud800 surrogate"}, "full_name"),
        ({"leave_date": "tomorrow"}, "leave_date"),
        ({"external_id": "HR-1001"}, "external_id"),
    ],
)
def test_it_validates_like_the_hr_form(hr_api, department, departure, changes, field):
    error = error_of(hr_api.post(LIST, _new(department, **changes)), 400)

    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert Departure.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"full_name": 12}, "full_name"),
        ({"full_name": ["Noor"]}, "full_name"),
        ({"department": "1"}, "department"),
        ({"department": True}, "department"),
        ({"department": 1.0}, "department"),
        ({"regrettable": "yes"}, "regrettable"),
        ({"regrettable": 1}, "regrettable"),
        ({"eligible_for_rehire": "true"}, "eligible_for_rehire"),
        ({"departure_type": 1}, "departure_type"),
        ({"leave_date": 20261231}, "leave_date"),
        ({"department": 2**70}, "department"),
    ],
)
def test_it_refuses_wrong_types(hr_api, department, changes, field):
    error = error_of(hr_api.post(LIST, _new(department, **changes)), 400)

    assert list(error["fields"]) == [field]
    assert not Departure.objects.exists()


def test_it_names_unknown_and_read_only_fields(hr_api, department):
    body = _new(department, salary=5000, code="00000000-0000-0000-0000-000000000000")

    error = error_of(hr_api.post(LIST, body), 400)

    assert error["fields"] == {"salary": ["Unknown field."], "code": ["This field is read-only."]}
    assert not Departure.objects.exists()


def test_a_body_that_is_not_an_object_is_refused(hr_api):
    error = error_of(hr_api.post(LIST, ["full_name"]), 400)
    assert list(error["fields"]) == ["non_field_errors"]


@pytest.mark.parametrize("raw", ["{", "{'a': 1}", '{"a": NaN}', "[" * 100_000, b"\xff\xfe"])
def test_malformed_json_is_a_400(hr_api, raw):
    error = error_of(hr_api.post(LIST, raw=raw), 400)
    assert error["code"] == "parse_error"


def test_a_body_over_the_limit_is_a_413(hr_api, department):
    body = _new(department, destination="x" * api_settings.MAX_BODY_BYTES)

    error = error_of(hr_api.post(LIST, body), 413)

    assert error["code"] == "too_large"
    assert not Departure.objects.exists()


def test_a_body_that_is_not_json_is_a_415(hr_api, department):
    response = hr_api.post(
        LIST, raw="full_name=Noor", content_type="application/x-www-form-urlencoded"
    )
    assert error_of(response, 415)["code"] == "unsupported_media_type"
    response = hr_api.post(LIST, raw="{}", content_type="")
    assert error_of(response, 415)["code"] == "unsupported_media_type"


# Changing


def test_it_changes_some_fields_with_patch(hr_api, departure):
    response = hr_api.patch(_url(departure), {"job_title": "Team lead", "regrettable": False})

    assert response.status_code == 200
    departure.refresh_from_db()
    assert departure.job_title == "Team lead"
    assert departure.regrettable is False
    assert departure.full_name == "Lotte Leaver"
    entry = AuditEntry.objects.get(action="departure.changed")
    assert entry.data["fields"] == ["job_title", "regrettable"]


def test_a_patch_that_changes_nothing_is_not_audited(hr_api, departure):
    assert hr_api.patch(_url(departure), {"job_title": "Service agent"}).status_code == 200
    assert not AuditEntry.objects.filter(action="departure.changed").exists()


def test_a_patch_checks_dates_against_the_stored_ones(hr_api, departure):
    error = error_of(hr_api.patch(_url(departure), {"hire_date": "2027-01-01"}), 400)

    assert list(error["fields"]) == ["leave_date"]
    departure.refresh_from_db()
    assert departure.hire_date == date(2021, 3, 1)


def test_put_replaces_the_fields_and_needs_the_required_ones(hr_api, departure, department):
    error = error_of(hr_api.put(_url(departure), {"job_title": "x"}), 400)
    assert {"full_name", "department", "leave_date"} <= set(error["fields"])

    response = hr_api.put(_url(departure), _new(department, external_id="HR-1001"))

    assert response.status_code == 200
    departure.refresh_from_db()
    assert departure.full_name == "Noor Nieuw"
    assert departure.leave_date == date(2026, 12, 31)


def test_patching_the_manager_to_null_takes_the_departments(hr_api, departure, department):
    departure.manager = Manager.objects.create(name="Temporary")
    departure.save()

    hr_api.patch(_url(departure), {"manager": None})

    departure.refresh_from_db()
    assert departure.manager == department.manager


def test_unsupported_methods_are_a_405(hr_api, departure):
    assert error_of(hr_api.client.delete(_url(departure), headers=hr_api.headers), 405)
    assert error_of(hr_api.client.options(LIST, headers=hr_api.headers), 405)
    assert error_of(hr_api.post(_url(departure), {}), 405)["code"] == "method_not_allowed"
    assert Departure.objects.filter(pk=departure.pk).exists()


def test_an_unknown_endpoint_is_a_json_404(hr_api):
    assert error_of(hr_api.get("/api/v1/employees/"), 404)["code"] == "not_found"
    error = error_of(hr_api.get("/api/v1/departures"), 404)
    assert "slash" in error["message"]


# Who may


def test_viewer_tokens_never_see_departures(viewer_api, departure, department):
    for response in (
        viewer_api.get(LIST),
        viewer_api.get(_url(departure)),
        viewer_api.post(LIST, _new(department)),
        viewer_api.patch(_url(departure), {"job_title": "x"}),
        viewer_api.put(_url(departure), _new(department)),
    ):
        error = error_of(response, 403)
        assert error["code"] == "role_forbidden"
        assert "Lotte" not in response.content.decode()
    assert Departure.objects.count() == 1


def test_read_tokens_cannot_change_departures(hr_reader, departure, department):
    assert hr_reader.get(LIST).status_code == 200
    for response in (
        hr_reader.post(LIST, _new(department)),
        hr_reader.patch(_url(departure), {"job_title": "x"}),
        hr_reader.put(_url(departure), _new(department)),
    ):
        assert error_of(response, 403)["code"] == "read_only_token"
    departure.refresh_from_db()
    assert departure.job_title == "Service agent"
    assert Departure.objects.count() == 1


def test_errors_come_in_the_requests_language(hr_api, department):
    response = hr_api.client.post(
        LIST,
        "{}",
        content_type="application/json",
        headers=hr_api.headers | {"Accept-Language": "nl"},
    )
    assert error_of(response, 400)["fields"]["full_name"] == ["Dit veld is vereist."]
