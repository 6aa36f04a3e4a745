from datetime import date, timedelta

import pytest
from django.urls import reverse

from exitlens.core.models import Department, Departure, Interview
from tests.conftest import login

URL = reverse("departure_list")


def _departure(department, name, **fields):
    fields.setdefault("leave_date", date(2026, 6, 30))
    return Departure.objects.create(full_name=name, department=department, **fields)


def _interview(departure, version, **fields):
    fields.setdefault("mode", Interview.Mode.SELF_SERVICE)
    fields.setdefault("status", Interview.Status.NOT_STARTED)
    return Interview.objects.create(
        departure=departure,
        questionnaire_version=version,
        confidentiality=Interview.Confidentiality.CONFIDENTIAL,
        language="nl",
        **fields,
    )


def _names(response) -> list[str]:
    return [departure.full_name for departure in response.context["page"].object_list]


def test_it_sends_an_anonymous_visitor_to_login(client, departure):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_hides_the_list_from_a_viewer(client, viewer, departure):
    login(client, viewer)
    assert client.get(URL).status_code == 404


def test_it_refuses_an_inactive_user(client, outsider, departure):
    login(client, outsider)
    assert client.get(URL).status_code == 302


def test_it_lists_departures(client, hr, departure):
    login(client, hr)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lotte Leaver" in html
    assert "Customer Service" in html
    assert "Service agent" in html
    assert "Resignation" in html
    assert reverse("departure_detail", args=[departure.code]) in html
    assert reverse("departure_create") in html
    assert "Register a departure" in html


def test_it_lists_for_an_admin(client, admin, departure):
    login(client, admin)
    assert _names(client.get(URL)) == ["Lotte Leaver"]


def test_it_escapes_names(client, hr, department):
    _departure(department, "<b>x</b>")
    login(client, hr)
    html = client.get(URL).content.decode()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_it_shows_the_interview_state(client, hr, department, questionnaire_version):
    _departure(department, "A None")
    _interview(_departure(department, "B Invited"), questionnaire_version)
    _interview(
        _departure(department, "C Scheduled"),
        questionnaire_version,
        mode=Interview.Mode.INTERVIEWER,
        scheduled_at=date(2026, 6, 1).isoformat() + "T10:00:00Z",
    )
    _interview(
        _departure(department, "D Started"),
        questionnaire_version,
        status=Interview.Status.IN_PROGRESS,
    )
    _interview(
        _departure(department, "E Done"),
        questionnaire_version,
        status=Interview.Status.COMPLETED,
    )
    _departure(department, "F Anonymous", responded_anonymously=True)

    login(client, hr)
    response = client.get(URL)

    states = {d.full_name: d.interview_state for d in response.context["page"].object_list}
    assert states == {
        "A None": "none",
        "B Invited": "invited",
        "C Scheduled": "scheduled",
        "D Started": "draft",  # Interview.State: the leaver's draft
        "E Done": "completed",
        "F Anonymous": "completed_anonymously",
    }
    html = response.content.decode()
    for label in ("Invited", "Scheduled", "In progress", "Responded"):
        assert label in html
    assert _names(client.get(URL, {"interview": "completed"})) == ["E Done"]
    assert _names(client.get(URL, {"interview": "none"})) == ["A None"]
    assert _names(client.get(URL, {"interview": "completed_anonymously"})) == ["F Anonymous"]
    assert _names(client.get(URL, {"interview": "in_progress"})) == ["D Started"]  # begun


@pytest.mark.parametrize(
    "q", ["lotte leaver", "LOTTE@WORK", "home.example", "hr-100", "service AG"]
)
def test_it_searches(client, hr, departure, department, q):
    _departure(department, "Someone Else", job_title="Engineer")
    login(client, hr)
    assert _names(client.get(URL, {"q": q})) == ["Lotte Leaver"]


def test_it_filters(client, hr, departure, department):
    other_department = Department.objects.create(name="Finance")
    _departure(
        other_department,
        "Frank Finance",
        departure_type=Departure.Type.DISMISSAL,
        outcome=Departure.Outcome.RETAINED,
        leave_date=date(2025, 1, 15),
    )
    login(client, hr)

    assert _names(client.get(URL, {"department": other_department.pk})) == ["Frank Finance"]
    assert _names(client.get(URL, {"departure_type": "dismissal"})) == ["Frank Finance"]
    assert _names(client.get(URL, {"outcome": "retained"})) == ["Frank Finance"]
    assert _names(client.get(URL, {"regrettable": "yes"})) == ["Lotte Leaver"]
    assert _names(client.get(URL, {"regrettable": "no"})) == ["Frank Finance"]
    assert _names(client.get(URL, {"leave_from": "2026-01-01"})) == ["Lotte Leaver"]
    assert _names(client.get(URL, {"leave_to": "2025-12-31"})) == ["Frank Finance"]
    assert _names(client.get(URL, {"leave_from": "2025-01-15", "leave_to": "2025-01-15"})) == [
        "Frank Finance"
    ]
    assert _names(client.get(URL, {"department": other_department.pk, "regrettable": "yes"})) == []


def test_it_says_when_nothing_matches(client, hr, departure):
    login(client, hr)
    response = client.get(URL, {"q": "nobody"})
    assert "No departures match these filters." in response.content.decode()


def test_it_rejects_a_period_that_ends_before_it_starts(client, hr, departure):
    login(client, hr)
    response = client.get(URL, {"leave_from": "2026-12-01", "leave_to": "2026-01-01"})
    assert response.status_code == 200
    assert "The end of the period cannot be before its start." in response.content.decode()
    assert _names(response) == ["Lotte Leaver"]


def test_it_ignores_invalid_filter_values(client, hr, departure):
    login(client, hr)
    response = client.get(
        URL, {"leave_from": "yesterday", "department": "999", "interview": "bogus"}
    )
    assert response.status_code == 200
    assert _names(response) == ["Lotte Leaver"]


def _many(department, count):
    start = date(2026, 1, 1)
    Departure.objects.bulk_create(
        Departure(
            full_name=f"Leaver {number:03}",
            department=department,
            leave_date=start + timedelta(days=number),
        )
        for number in range(count)
    )


def test_it_pages_fifty_by_default(client, hr, department):
    _many(department, 120)
    login(client, hr)
    response = client.get(URL)
    page = response.context["page"]
    assert len(page.object_list) == 50
    assert page.paginator.num_pages == 3
    assert "120 departures" in response.content.decode()
    assert 'page=2"' in response.content.decode()


@pytest.mark.parametrize(
    ("per_page", "expected"), [("10", 10), ("25", 25), ("100", 100), ("7", 50), ("x", 50)]
)
def test_it_accepts_only_known_page_sizes(client, hr, department, per_page, expected):
    _many(department, 120)
    login(client, hr)
    response = client.get(URL, {"per_page": per_page})
    assert len(response.context["page"].object_list) == expected
    assert f'<option value="{expected}" selected>' in response.content.decode()
    assert "per_page" not in response.context["form"].errors


@pytest.mark.parametrize(("number", "expected"), [("99", 3), ("0", 3), ("-1", 3), ("x", 1)])
def test_it_survives_bad_page_numbers(client, hr, department, number, expected):
    _many(department, 120)
    login(client, hr)
    response = client.get(URL, {"page": number})
    assert response.status_code == 200
    assert response.context["page"].number == expected


def test_it_keeps_the_filters_when_paging(client, hr, department):
    _many(department, 30)
    login(client, hr)
    html = client.get(URL, {"q": "Leaver", "per_page": "10"}).content.decode()
    assert "?q=Leaver&amp;per_page=10&amp;page=2" in html


def test_it_uses_a_constant_number_of_queries(
    client, hr, department, questionnaire_version, django_assert_max_num_queries
):
    login(client, hr)
    client.get(URL)  # warm up the session and the user

    def add(count):
        for number in range(count):
            departure = _departure(department, f"Person {number}")
            if number % 2:
                _interview(departure, questionnaire_version)

    add(3)
    with django_assert_max_num_queries(5):
        assert len(_names(client.get(URL))) == 3
    add(20)
    with django_assert_max_num_queries(5):
        assert len(_names(client.get(URL))) == 23
