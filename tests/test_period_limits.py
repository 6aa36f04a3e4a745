"""Every insights period is capped, on every route and for every role.

The reported attack: `/insights/report.pdf?end=2999-12-31` ran five minutes and took 1.8 GB,
because the twenty-year cap held only when both dates were given. Each route here is asked for
that period and must refuse it before it counts anything; an open end or start is filled in
within bounds. The lists of departures (staff page and API) are not capped: a leave-date filter
there is one indexed range query over a paginated list, no dearer than no filter at all.
"""

import io
import json
from datetime import date, datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from exitlens.insights.filters import EARLIEST, LONGEST_PERIOD_YEARS, InsightFilterForm
from tests.conftest import login
from tests.test_api_support import Api, error_of, make_key

REPORTED = {"end": "2999-12-31"}
TODAY = datetime(2026, 12, 5, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))

# (URL, the function that would count the period there)
PAGES = [
    ("/insights/", "exitlens.insights.views.dashboard.compute"),
    ("/insights/report/", "exitlens.insights.views.report.compute"),
    ("/insights/report.pdf", "exitlens.insights.views.report.compute"),
    ("/insights/export.json", "exitlens.insights.exports.compute"),
    ("/insights/export.csv", "exitlens.insights.exports.compute"),
    ("/insights/export.xlsx", "exitlens.insights.exports.compute"),
    ("/insights/data/answers.csv", "exitlens.insights.views.exports.dataset_rows"),
    ("/insights/data/departures.xlsx", "exitlens.insights.views.exports.dataset_rows"),
]


@pytest.fixture
def everyone(admin, hr, viewer):
    return {"admin": admin, "hr": hr, "viewer": viewer}


@pytest.mark.parametrize(
    ("role", "url", "counter"),
    [
        (role, url, counter)
        for role in ("admin", "hr", "viewer")
        for url, counter in PAGES
        if role != "viewer" or "/data/" not in url  # row-level data is HR's only
    ],
)
def test_the_reported_period_is_refused_on_every_page(client, everyone, role, url, counter):
    login(client, everyone[role])

    with patch(counter) as count:
        response = client.get(url, REPORTED)

    assert response.status_code == 400
    assert "Choose a date between" in response.content.decode()
    assert not count.called


@pytest.mark.parametrize(
    "query",
    [
        {"start": "1066-10-14", "end": "2999-12-31"},
        {"start": "1990-01-01"},  # an open end is today: 36 years
        {"start": "1990-01-01", "end": "2026-12-31"},
        {"start": "9999-01-01"},
    ],
)
def test_a_far_off_or_too_long_period_is_refused_before_anything_is_counted(client, hr, query):
    login(client, hr)

    with patch("exitlens.insights.views.report.compute") as count:
        response = client.get("/insights/report.pdf", query)

    assert response.status_code == 400
    assert not count.called


def test_the_page_shows_the_refusal_as_a_form_error(client, viewer):
    login(client, viewer)

    response = client.get("/insights/", REPORTED)

    assert response.status_code == 400
    assert response.context["filters"] is None
    assert response.context["form"].errors["end"][0].startswith("Choose a date between")


def test_the_api_refuses_the_reported_period_with_a_message(client, admin):
    api = Api(client, make_key(admin, role="viewer", scope="read"))

    with patch("exitlens.api.views.insights.compute") as count:
        error = error_of(api.get("/api/v1/insights/", REPORTED), 400)

    assert list(error["fields"]) == ["end"]
    assert error["fields"]["end"][0].startswith("Choose a date between")
    assert not count.called


def test_the_command_refuses_the_reported_period(db):
    with (
        patch("exitlens.insights.exports.compute") as count,
        pytest.raises(CommandError, match="--end: Choose a date between"),
    ):
        call_command("insights", "export", "--format", "json", "--end", "2999-12-31")
    assert not count.called


# An open end or start is filled in within bounds.


@time_machine.travel(TODAY, tick=False)
def test_an_open_end_is_today_on_the_page(client, hr):
    login(client, hr)

    response = client.get("/insights/", {"start": "2026-03-15"})

    assert response.status_code == 200
    filters = response.context["filters"]
    assert (filters.start, filters.end) == (date(2026, 3, 1), date(2026, 12, 31))


@time_machine.travel(TODAY, tick=False)
def test_an_open_start_is_the_year_up_to_the_end_in_the_api(client, admin):
    api = Api(client, make_key(admin, role="hr", scope="read"))

    response = api.get("/api/v1/insights/", {"end": "2024-06-15"})

    assert response.status_code == 200
    period = response.json()["filters"]
    assert (period["start"], period["end"]) == ("2023-07-01", "2024-06-30")


@time_machine.travel(TODAY, tick=False)
def test_no_dates_at_all_is_the_last_twelve_months_on_the_command_line(db):
    out = io.StringIO()
    call_command("insights", "export", "--format", "json", stdout=out, stderr=io.StringIO())

    period = json.loads(out.getvalue())["filters"]
    assert (period["start"], period["end"]) == ("2026-01-01", "2026-12-31")


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("query", "error_on"),
    [
        ({"start": "1989-12-31", "end": "1990-06-30"}, "start"),
        ({"end": "2027-12-07"}, "end"),  # more than a year ahead
        ({"start": "2006-12-05", "end": "2026-12-05"}, "start"),  # twenty years exactly
        ({"start": "2026-12-01", "end": "2026-01-01"}, "end"),
    ],
)
def test_the_window_and_the_longest_period(query, error_on):
    form = InsightFilterForm(query)
    assert not form.is_valid()
    assert list(form.errors) == [error_on]


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "query",
    [
        {"start": EARLIEST.isoformat(), "end": "2009-12-31"},
        {"start": "2006-12-06", "end": "2026-12-05"},  # a day short of twenty years
        {"end": "2027-12-06"},  # a year ahead, the latest day
        {"start": "2027-06-01"},  # a start ahead: the period runs to the latest day
    ],
)
def test_the_widest_periods_allowed(query):
    form = InsightFilterForm(query)
    assert form.is_valid(), form.errors
    filters = form.filters()
    assert filters.start >= EARLIEST
    assert filters.end.year - filters.start.year <= LONGEST_PERIOD_YEARS
