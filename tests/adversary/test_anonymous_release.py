"""Attacks on anonymous interviews by an HR user, an API token holder and a webhook receiver.

The two-snapshot attack: take the anonymous list (page and API) and the webhook deliveries
before and after each leaver submits; a change of one row pairs that row with the departure
that has just responded. Elimination: match each anonymous interview's attributes against the
departures HR sees. Both must leave at least EXITLENS_MIN_GROUP_SIZE candidates, always.
"""

import re

import pytest
from django.conf import settings

from exitlens.core.models import Departure, Interview
from exitlens.core.segments import quarter, tenure_band
from exitlens.webhooks import delivery
from exitlens.webhooks.models import Delivery, Event, Webhook
from tests.adversary import world
from tests.conftest import login
from tests.test_api_support import Api, make_key

K = settings.EXITLENS_MIN_GROUP_SIZE
LIST_ROW = re.compile(r"/anonymous/([0-9a-f-]{36})/")


@pytest.fixture(autouse=True)
def no_sending(monkeypatch):
    monkeypatch.setattr(delivery, "send_in_background", lambda ids: None)


@pytest.fixture
def setting(db, hr, admin, mailoutbox):
    departments = world.organisation()
    invited = world.invite_all(hr, mailoutbox, departments)
    Webhook.objects.create(
        url="http://127.0.0.1:9/", events=[Event.INTERVIEW_COMPLETED], created_by=admin
    )
    return departments, invited


def listed_on_the_page(client) -> set[str]:
    found, page = set(), 1
    while True:
        html = client.get("/anonymous/", {"page": page}).content.decode()
        found |= set(LIST_ROW.findall(html))
        if f"?page={page + 1}" not in html:
            return found
        page += 1


def listed_by_the_api(api) -> set[str]:
    body = api.get("/api/v1/anonymous-interviews/", {"limit": 500}).json()
    return {row["id"] for row in body["results"]}


def announced() -> list[dict]:
    return [d.payload["data"] for d in Delivery.objects.filter(event=Event.INTERVIEW_COMPLETED)]


def responded() -> set[int]:
    return set(Departure.objects.filter(responded_anonymously=True).values_list("pk", flat=True))


def test_the_two_snapshot_attack_never_isolates_a_submission(client, hr, admin, setting):
    """Snapshot page, API and webhooks around every submission: a change is 0 or ≥ K rows."""
    _departments, invited = setting
    login(client, hr)
    api = Api(client, make_key(admin, role="hr", scope="read"))
    page, through_api, hooks = listed_on_the_page(client), listed_by_the_api(api), announced()
    released_after = []
    for number, (_departure, token) in enumerate(invited):
        world.answer_and_submit(token, f"Answer number {number}")
        now_page, now_api, now_hooks = (
            listed_on_the_page(client),
            listed_by_the_api(api),
            announced(),
        )
        new = now_page - page
        assert len(new) == 0 or len(new) >= K, f"{len(new)} new row(s) after submission {number}"
        assert now_api - through_api == new
        new_announcements = now_hooks[len(hooks) :]
        assert sum(data.get("batch", {}).get("size", 1) for data in new_announcements) == len(new)
        if new:
            released_after.append(number)
        page, through_api, hooks = now_page, now_api, now_hooks
    assert released_after, "eleven anonymous leavers must release at least one batch"
    assert len(page) >= K


def test_a_batch_shows_the_same_attributes_and_no_order(client, hr, setting):
    _departments, invited = setting
    for number, (_departure, token) in enumerate(invited):
        world.answer_and_submit(token, f"Answer number {number}")
    released = Interview.objects.filter(departure__isnull=True, status="completed")
    groups: dict[tuple, int] = {}
    for interview in released:
        key = (interview.department_id, interview.leave_quarter, interview.tenure_band)
        groups[key] = groups.get(key, 0) + 1
        assert interview.completed_at is None and interview.started_at is None
        assert interview.completed_quarter == "" and interview.language == ""
        assert all(answer.pk < 0 for answer in interview.answers.all())
    assert groups and min(groups.values()) >= K


def test_elimination_on_what_hr_sees_leaves_at_least_k_candidates(client, hr, setting):
    """For each released interview, the departures HR can see responding that fit its
    department (or a department below it), period and tenure band."""
    departments, invited = setting
    for number, (_departure, token) in enumerate(invited):
        world.answer_and_submit(token, f"Answer number {number}")
    below = {
        None: {departments[name].pk for name in departments},
        departments["Operations"].pk: {d.pk for d in departments.values()},
        departments["Support"].pk: {departments["Support"].pk},
        departments["Warehouse"].pk: {departments["Warehouse"].pk},
    }
    responders = Departure.objects.filter(responded_anonymously=True)
    released = Interview.objects.filter(departure__isnull=True, status="completed")
    assert released.exists()
    for interview in released:
        candidates = [
            departure
            for departure in responders
            if departure.department_id in below[interview.department_id]
            and quarter(departure.leave_date).startswith(interview.leave_quarter)
            and interview.tenure_band
            in ("", tenure_band(departure.hire_date, departure.leave_date))
        ]
        assert len(candidates) >= K, (interview.department_id, interview.leave_quarter)


def test_hr_sees_how_many_are_sealed_and_nothing_more(client, hr, setting):
    _departments, invited = setting
    for number, (_departure, token) in enumerate(invited[: K - 1]):
        world.answer_and_submit(token, f"Answer number {number}")
    login(client, hr)
    html = client.get("/anonymous/").content.decode()
    assert f"{K - 1} anonymous interviews are sealed" in html
    assert not LIST_ROW.search(html)
    assert "Answer number" not in html
    assert len(responded()) == K - 1
