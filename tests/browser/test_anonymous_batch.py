"""The acceptance path of docs/confidentiality.md in a real browser: the leaver reads
"anonymous", HR cannot lower it, the leaver submits, and HR finds the answers only once a batch
is released, without any way to tell whose they are."""

import re
from datetime import date

import pytest

from exitlens.core.models import Department, Departure, Interview, SealedResponse
from exitlens.core.services import interviews
from tests.browser.test_leaver_journey import PHONE, _log_in, _register_and_invite, world  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
MINE = "Nobody asked how I was doing, in four years."


def _sealed_colleagues(count: int) -> None:
    """Colleagues who left the same quarter after as long, and answered anonymously before."""
    department = Department.objects.get(name="Klantenservice")
    for number in range(count):
        departure = Departure.objects.create(
            full_name=f"Colleague {number}",
            department=department,
            hire_date=date(2022, 2, 1),
            leave_date=date(2026, 12, 31),
        )
        interview = interviews.get_or_create_interview(
            departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
        )
        interviews.save_answers(interview, {"reason": f"Colleague reason {number}"})
        interviews.submit_interview(interview, shown_level="anonymous")


def test_hr_reads_anonymous_answers_only_in_a_batch(browser, live_server, world, screenshot):  # noqa: F811
    _sealed_colleagues(4)
    hr = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(hr, live_server, world)
    departure, link = _register_and_invite(
        hr,
        live_server,
        screenshot,
        name="Sam Jansen",
        language="en",
        confidentiality="anonymous",
        shots=False,
    )

    leaver = browser.new_context(viewport=PHONE).new_page()
    leaver.goto(link)
    assert "separated from your name for good" in leaver.inner_text("main")

    # HR tries to lower the promise: once read, only stronger levels are offered, and the
    # service refuses a lower one however it is asked (tests/adversary/test_promise.py).
    hr.goto(f"{live_server.url}/departures/{departure.code}/")
    assert hr.locator("input[name=confidentiality][value=named]").count() == 0
    with pytest.raises(interviews.InterviewError):
        interviews.change_confidentiality(departure.interview, "named", by=world)

    hr.goto(f"{live_server.url}/anonymous/")
    before = hr.inner_text("main")
    assert "4 anonymous interviews are sealed" in before
    assert "View answers" not in before

    leaver.fill("textarea[name=reason]", MINE)
    leaver.click("button[name=action][value=submit]")
    leaver.wait_for_url(re.compile(r"/thanks/(\?.*)?$"))

    hr.goto(f"{live_server.url}/anonymous/")
    screenshot(hr, "anonymous-batch-released")
    listed = hr.locator("a", has_text="View answers")
    assert listed.count() == 5
    assert "sealed" not in hr.inner_text("main")
    assert "Sam Jansen" not in hr.content()
    rows = {row.inner_text() for row in hr.locator("tbody tr").all()}
    assert len(rows) == 1  # five rows that look exactly alike
    assert SealedResponse.objects.count() == 0
    found = []
    for href in [listed.nth(i).get_attribute("href") for i in range(5)]:
        hr.goto(f"{live_server.url}{href}")
        found.append(MINE in hr.inner_text("main"))
    assert found.count(True) == 1
    hr.goto(f"{live_server.url}/departures/{departure.code}/")
    assert MINE not in hr.content()
    assert "Responded" in hr.inner_text("main")
