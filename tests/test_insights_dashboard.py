"""The insights dashboard as HR and viewers see it: filters in the URL, explanations for bad
ones, the threshold, escaping."""

from datetime import date

import pytest
from django.urls import reverse

from exitlens.core.models import AuditEntry, Department
from tests import insights_data
from tests.conftest import login

YEAR = "start=2026-01-01&end=2026-12-31"


@pytest.fixture
def people(db):
    return insights_data.build()


def get(client, query=""):
    return client.get(f"{reverse('insights')}?{query}")


@pytest.mark.parametrize("role", ["hr", "viewer", "admin"])
def test_every_role_sees_the_figures(client, people, role, request):
    login(client, request.getfixturevalue(role))

    response = get(client, YEAR)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Why people leave" in page
    assert "<svg" in page
    insights = response.context["insights"]
    assert insights.headline.departures == 12
    assert [row.theme for row in insights.reasons][:2] == ["workload", "pay"]


def test_the_filters_live_in_the_url(client, hr, people):
    login(client, hr)
    sales = Department.objects.get(name="Sales")

    response = get(client, f"{YEAR}&department={sales.pk}&granularity=month&by=tenure_band")

    filters = response.context["filters"]
    assert filters.department == sales
    assert filters.granularity == "month"
    assert response.context["insights"].headline.departures == 7
    assert f"department={sales.pk}" in response.context["query"]
    # The report and download links keep the filters.
    assert f"report/?{response.context['query']}".replace("&", "&amp;") in response.content.decode()


def test_without_filters_it_shows_the_last_twelve_months(client, hr, people):
    login(client, hr)

    filters = get(client).context["filters"]

    assert (filters.end - filters.start).days in range(334, 366)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("department=999999", "Select a valid choice"),
        ("manager=abc", "Select a valid choice"),
        ("job_title=Astronaut", "Choose one of the listed values"),
        ("location=Atlantis", "Choose one of the listed values"),
        ("start=2026-12-01&end=2026-01-01", "lies before its start"),
        ("start=yesterday", "Enter a valid date"),
        ("start=1995-01-01&end=2026-01-01", "at most 20 years"),
        ("start=1995-01-01", "at most 20 years"),
        ("start=9999-10-01&end=9999-12-31", "Choose a date between"),
        ("end=2999-12-31", "Choose a date between"),
        ("start=1066-10-14", "Choose a date between"),
        ("tenure_band=forever", "Select a valid choice"),
        ("by=shoe_size", "Select a valid choice"),
    ],
)
def test_bad_filters_are_explained_not_crashed_on(client, hr, people, query, message):
    login(client, hr)

    response = get(client, query)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Why people leave" not in page


def test_filters_that_leave_nothing_say_so(client, viewer, people):
    login(client, viewer)

    response = get(client, "start=2020-01-01&end=2020-12-31")

    assert response.status_code == 200
    assert "no figures are shown" in response.content.decode()


def test_a_group_below_the_threshold_shows_no_answers(client, viewer, people):
    login(client, viewer)
    operations = Department.objects.get(name="Operations")

    page = get(client, f"{YEAR}&department={operations.pk}").content.decode()

    assert "Fewer than 5 completed interviews" in page
    assert "Why people leave" not in page
    assert "Person w1" not in page


def test_user_text_is_escaped(client, hr, people):
    login(client, hr)
    Department.objects.filter(name="Sales").update(name="<script>alert(1)</script> & Co")

    page = get(client, YEAR).content.decode()

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page


def test_quotes_are_shown_unattributed(client, viewer, people):
    insights_data.approve_quotes()
    login(client, viewer)

    page = get(client, YEAR).content.decode()

    assert insights_data.QUOTE_MANAGER in page
    assert insights_data.QUOTE_PAY not in page  # its interview holds a disclosure
    assert insights_data.SENSITIVE not in page
    assert "Person s" not in page
    # Quotes are answer text: reading them is audited.
    entry = AuditEntry.objects.get(action="insights.quotes_viewed")
    assert entry.actor == viewer
    assert entry.data["page"] == "dashboard" and entry.data["quotes"] >= 1


def test_viewers_get_no_row_by_row_downloads(client, viewer, hr, people):
    login(client, viewer)
    assert "data/answers.csv" not in get(client, YEAR).content.decode()
    login(client, hr)
    assert "data/answers.csv" in get(client, YEAR).content.decode()


def test_it_counts_whole_months_and_shows_the_dates_it_counted(client, viewer, people):
    login(client, viewer)

    response = get(client, "start=2026-05-12&end=2026-08-04")

    filters = response.context["filters"]
    assert (filters.start, filters.end) == (date(2026, 5, 1), date(2026, 8, 31))
    page = response.content.decode()
    assert 'value="2026-05-01"' in page and 'value="2026-08-31"' in page
    assert "start=2026-05-01&amp;end=2026-08-31" in page  # the report and download links


def test_it_says_why_figures_are_withheld(client, viewer, people):
    login(client, viewer)

    # All twelve departures minus the eleven resignations would be o1 alone; all eleven
    # leavers minus these ten s7's anonymous interview.
    page = get(client, f"{YEAR}&departure_type=resignation").content.decode()

    assert "This view would differ from a nearby view by fewer than 5 leavers" in page
    assert "by fewer than 5 departures, so its departure figures are withheld" in page
    assert "Why people leave" not in page and "Fewer than 5" not in page
    assert 'class="figures"' not in page


def test_it_offers_only_values_held_by_enough_departures(client, viewer, people):
    login(client, viewer)

    choices = get(client, YEAR).context["choices"]

    assert choices["job_titles"] == ["Agent"]  # all twelve
    assert choices["locations"] == ["Utrecht"]  # Tilburg has four departures
    rare = get(client, f"{YEAR}&location=Tilburg")
    unknown = get(client, f"{YEAR}&location=Atlantis")
    assert rare.status_code == unknown.status_code == 400
    assert rare.context["form"].errors.get_json_data() == {
        "location": [{"message": "Choose one of the listed values.", "code": "not_listed"}]
    }
    assert unknown.context["form"].errors.get_json_data() == (
        rare.context["form"].errors.get_json_data()
    )
