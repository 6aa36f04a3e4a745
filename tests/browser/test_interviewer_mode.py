"""The interviewer-led conversation in a real browser: tips, questions, autosave, completion."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from exitlens.core.models import Department, Departure, Interview, Manager, User
from exitlens.core.services.interviews import schedule_interview
from tests.browser.test_leaver_journey import _log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scheduled(transactional_db):
    hr = User.objects.create_user("hanna", "hanna@example.org", PASSWORD, role=User.Role.HR)
    department = Department.objects.create(
        name="Magazijn", manager=Manager.objects.create(name="Piet Post")
    )
    departure = Departure.objects.create(
        full_name="Kees Kok",
        personal_email="kees@example.org",
        language="nl",
        department=department,
        hire_date=date(2019, 5, 1),
        leave_date=date(2026, 12, 31),
    )
    schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(hours=2),
        meeting_place="Spreekkamer 2",
        confidentiality="confidential",
        by=hr,
    )
    return hr, departure


def test_the_interviewer_leads_saves_as_they_go_and_completes(
    browser, live_server, scheduled, screenshot
):
    hr, departure = scheduled
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _log_in(page, live_server, hr)
    page.goto(f"{live_server.url}/departures/{departure.code}/conduct/")
    assert "atmosphere" in page.inner_text("main").lower()

    page.fill("textarea[name=reason]", "Te weinig ruimte om door te groeien.")
    page.fill("textarea[name=note_reason]", "Noemde twee keer de teamleider.")
    expect(page.locator(".save-status")).to_have_text(re.compile("^Saved"), timeout=10_000)
    interview = Interview.objects.get(departure=departure)
    answer = interview.answers.get(question__key="reason")
    assert (answer.text, answer.note) == (
        "Te weinig ruimte om door te groeien.",
        "Noemde twee keer de teamleider.",
    )
    screenshot(page, "08-interviewer-conduct")

    page.select_option("select[name=outcome]", "retained")
    page.click("button[name=action][value=complete]")
    page.wait_for_load_state()

    interview.refresh_from_db()
    departure.refresh_from_db()
    assert interview.status == Interview.Status.COMPLETED
    assert departure.outcome == Departure.Outcome.RETAINED
