"""Reading the insights writes nothing: the summaries they count are kept fresh by the writes
themselves (insights/summaries.py), so a GET of the page, the report, the export or the API,
right after a change through any route, runs no INSERT, UPDATE or DELETE but its audit entry."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exitlens.core.models import Answer, AuditEntry, Departure, Interview
from exitlens.core.services import coding, interviews
from exitlens.core.services.departures.changes import delete_departure
from tests import insights_data
from tests.conftest import login
from tests.test_api_support import Api, make_key

QUERY = {"start": "2026-01-01", "end": "2026-12-31"}
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.fixture
def people(db):
    return insights_data.build()


def _submit(people, hr):
    departure = Departure.objects.create(
        full_name="Person n1",
        department=people["s1"].department,
        leave_date=people["s1"].leave_date,
    )
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"main_reason": "pay", "recommend": 4})
    interviews.submit_interview(interview)


def _edit_departure(people, hr):
    s1 = people["s1"]
    s1.location = "Tilburg"
    s1.save()


def _review_coding(people, hr):
    answer = Answer.objects.get(interview__departure=people["s4"], question__key="reason")
    coding.review_answer(answer, {"recognition": "negative"}, sensitive=False, by=hr)


def _review_quote(people, hr):
    insights_data.approve_quotes()


def _delete_departure(people, hr):
    delete_departure(hr, people["w1"])


def _reads(client, hr, admin):
    login(client, hr)
    api = Api(client, make_key(admin, role="hr", scope="read"))
    return [
        lambda: client.get(reverse("insights"), QUERY),
        lambda: client.get(reverse("insights_report"), QUERY),
        lambda: client.get(reverse("insights_export", args=["json"]), QUERY),
        lambda: api.get("/api/v1/insights/", QUERY),
    ]


@pytest.mark.parametrize(
    "change", [_submit, _edit_departure, _review_coding, _review_quote, _delete_departure]
)
def test_it_writes_nothing_when_read_after_a_change(client, people, hr, admin, change):
    reads = _reads(client, hr, admin)
    for read in reads:
        assert read().status_code == 200  # the cache holds the figures before the change
    change(people, hr)

    audit = AuditEntry._meta.db_table
    for read in reads:
        with CaptureQueriesContext(connection) as queries:
            assert read().status_code == 200
        writes = [q["sql"] for q in queries if WRITE.match(q["sql"]) and audit not in q["sql"]]
        assert writes == []


def test_it_counts_a_submitted_interview_at_once(client, people, hr, admin):
    api = _reads(client, hr, admin)[-1]
    before = api().json()["headline"]["leavers"]

    _submit(people, hr)

    assert api().json()["headline"]["leavers"] == before + 1
