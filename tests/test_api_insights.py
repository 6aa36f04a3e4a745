"""GET /api/v1/insights/: the dashboard's figures as JSON for both token roles, with the
confidentiality threshold, on the hand-built organisation of tests/insights_data.py."""

import json
from datetime import date

import pytest

from exitlens.core.models import AuditEntry, Department, Departure
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from exitlens.insights.serialise import as_dict
from tests import insights_data
from tests.test_api_support import Api, error_of, make_key

URL = "/api/v1/insights/"
QUERY = {"start": "2026-01-01", "end": "2026-12-31"}


@pytest.fixture
def people(db):
    return insights_data.build()


@pytest.fixture
def hr_api(client, admin):
    return Api(client, make_key(admin, role="hr", scope="read"))


@pytest.fixture
def viewer_api(client, admin):
    return Api(client, make_key(admin, role="viewer", scope="read", name="Board dashboard"))


def test_hr_gets_the_same_json_as_the_dashboard_export(hr_api, people):
    insights_data.approve_quotes()
    response = hr_api.get(URL, QUERY)

    assert response.status_code == 200
    expected = as_dict(compute(Filters(start=date(2026, 1, 1), end=date(2026, 12, 31))))
    assert response.json() == json.loads(json.dumps(expected))
    assert response.json()["headline"]["leavers"] == 11
    assert response.json()["quotes"] == {"manager": [insights_data.QUOTE_MANAGER]}


def test_a_viewer_gets_the_figures_and_quotes_of_the_dashboard_but_never_a_name(viewer_api, people):
    insights_data.approve_quotes()
    response = viewer_api.get(URL, QUERY | {"by": "department"})

    assert response.status_code == 200
    data = response.json()
    assert data["headline"]["departures"] == 12
    assert data["reasons"]
    assert data["quotes"] == {"manager": [insights_data.QUOTE_MANAGER]}  # approved, unattributed
    text = response.content.decode()
    for departure in Departure.objects.all():
        assert departure.full_name not in text
        assert str(departure.code) not in text
    assert insights_data.SENSITIVE not in text  # a flagged disclosure is never quoted


def test_figures_on_too_few_people_are_null(viewer_api, people):
    operations = Department.objects.get(name="Operations")

    data = viewer_api.get(URL, QUERY | {"department": operations.pk}).json()

    assert data["headline"]["departures"] == 5
    assert data["headline"]["leavers"] is None
    assert data["headline"]["recommend_score"] is None
    assert data["reasons"] == [] and data["breakdown"] is None


def test_the_threshold_follows_the_setting(hr_api, people, settings):
    settings.EXITLENS_MIN_GROUP_SIZE = 12

    data = hr_api.get(URL, QUERY).json()

    assert data["thresholds"]["min_group"] == 12
    assert data["headline"]["leavers"] is None


def test_without_filters_it_shows_the_last_twelve_months(viewer_api, db):
    data = viewer_api.get(URL).json()
    assert len(data["periods"]) in (4, 5)
    assert data["filters"]["granularity"] == "quarter"


def test_reading_the_insights_is_audited(viewer_api, people):
    viewer_api.get(URL, QUERY | {"by": "location"})

    entry = AuditEntry.objects.get(action="insights.exported")
    assert entry.actor.username == "alice"
    assert entry.data["format"] == "json"
    assert "by=location" in entry.data["query"]
    assert entry.data["api_token"].endswith("(Board dashboard)")


def test_invalid_filters_are_a_400_with_the_form_errors(viewer_api, people):
    response = viewer_api.get(
        URL, {"start": "2026-12-31", "end": "2026-01-01", "department": "999", "by": "mood"}
    )

    error = error_of(response, 400)
    assert error["code"] == "invalid"
    assert error["fields"]["end"] == ["The end of the period lies before its start."]
    assert error["fields"]["department"][0].startswith("Select a valid choice")
    assert "by" in error["fields"]
    assert not AuditEntry.objects.filter(action="insights.exported").exists()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"job_title": "Astronaut"}, "job_title"),
        ({"start": "2000-01-01", "end": "2026-01-01"}, "start"),
        ({"start": "yesterday"}, "start"),
        ({"regrettable": "maybe"}, "regrettable"),
        ({"period": "2026"}, "period"),
        ({"start": "1989-12-31", "end": "1990-06-30"}, "start"),
        ({"start": "2020-10-01", "end": "3000-01-01"}, "end"),
        ({"end": "2999-12-31"}, "end"),
        ({"start": "1995-01-01"}, "start"),
    ],
)
def test_each_bad_filter_is_named(viewer_api, people, params, field):
    assert list(error_of(viewer_api.get(URL, params), 400)["fields"]) == [field]


def test_far_off_years_are_refused_not_counted(viewer_api, db):
    error = error_of(viewer_api.get(URL, {"start": "9999-10-01", "end": "9999-12-31"}), 400)
    assert set(error["fields"]) == {"start", "end"}


def test_the_departments_to_filter_by_are_listed_for_viewers(viewer_api, people):
    page = viewer_api.get("/api/v1/departments/").json()

    names = {item["name"]: item for item in page["results"]}
    assert set(names) == {"Operations", "Sales", "Warehouse"}
    assert names["Warehouse"]["parent"] == names["Operations"]["id"]


def test_writing_is_not_offered(client, admin, people):
    writer = Api(client, make_key(admin, role="viewer", scope="write"))
    assert error_of(writer.post(URL, {}), 405)["code"] == "method_not_allowed"


def test_a_view_that_would_single_out_someone_is_withheld_with_its_reason(viewer_api, people):
    data = viewer_api.get(URL, QUERY | {"departure_type": "resignation"}).json()

    # The year's twelve departures minus eleven resignations: o1 alone; eleven leavers minus
    # these ten: s7's anonymous interview alone.
    assert data["withheld"] == ["departures", "leavers"]
    assert data["withheld_reason"].startswith("This view would differ from a nearby view")
    assert data["headline"]["departures"] is None and data["headline"]["leavers"] is None
    assert data["headline"]["recommend_answers"] is None
    assert data["reasons"] == [] and data["breakdown"] is None and data["quotes"] == {}
    assert data["anonymous_left_out"] is None
    assert viewer_api.get(URL, QUERY).json()["withheld"] == []


def test_it_counts_whole_months(viewer_api, people):
    data = viewer_api.get(URL, {"start": "2026-05-12", "end": "2026-08-04"}).json()

    assert (data["filters"]["start"], data["filters"]["end"]) == ("2026-05-01", "2026-08-31")
