"""The whole journey in a real browser: HR invites, the leaver answers, HR reads the result."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from exitlens.core.models import (
    Answer,
    Department,
    Departure,
    Interview,
    Manager,
    SealedResponse,
    User,
)
from tests.anonymous import release_sealed
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(transactional_db):
    manager = Manager.objects.create(name="Mila de Wit")
    Department.objects.create(name="Klantenservice", manager=manager)
    return User.objects.create_user("hanna", "hanna@example.org", PASSWORD, role=User.Role.HR)


def _log_in(page, live_server, user):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")
    page.wait_for_load_state()


def _register_and_invite(page, live_server, screenshot, *, name, language, confidentiality, shots):
    page.goto(f"{live_server.url}/departures/new/")
    page.fill("input[name=full_name]", name)
    page.fill("input[name=personal_email]", "leaver@example.org")
    page.select_option("select[name=language]", language)
    page.select_option("select[name=department]", label="Klantenservice")
    page.fill("input[name=job_title]", "Klantadviseur")
    page.fill("input[name=hire_date]", "2022-02-01")
    page.fill("input[name=leave_date]", "2026-12-31")
    if shots:
        screenshot(page, "01-hr-register-departure")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/departures/[0-9a-f-]{36}/$"))
    departure = Departure.objects.get(full_name=name)

    invite_form = page.locator("form[action$='/invite/']")
    invite_form.locator(f"input[name=confidentiality][value={confidentiality}]").check()
    invite_form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    if shots:
        screenshot(page, "02-hr-departure-invited")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["leaver@example.org"]
    link = re.search(r"https?://\S+/i/[A-Za-z0-9_-]+/", message.body).group(0)
    return departure, link.replace("http://testserver", live_server.url)


def _leaver_answers(browser, link, screenshot, *, shots, javascript=True):
    """Answer two questions, leave, come back with the same link, finish and submit."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(link)
    if shots:
        screenshot(page, "03-leaver-intro-and-questions")
    page.fill("textarea[name=attraction]", "De flexibele werktijden en <b>het team</b>.")
    page.fill("textarea[name=reason]", "Geen doorgroeimogelijkheden & te hoge werkdruk.")
    page.click("button[name=action][value=save]")
    page.wait_for_load_state()
    context.close()

    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(link)
    assert page.input_value("textarea[name=reason]") == (
        "Geen doorgroeimogelijkheden & te hoge werkdruk."
    )
    page.fill("textarea[name=retention]", "Een duidelijk loopbaanpad.")
    page.check("input[name=expectations_met][value='3']", force=True)
    page.check("input[name=recommend][value='7']", force=True)
    page.check("input[name=main_reason][value=career]", force=True)
    page.check("input[name=contributing_reasons][value=workload]", force=True)
    if shots:
        screenshot(page, "04-leaver-resumed")
    page.click("button[name=action][value=submit]")
    page.wait_for_url(re.compile(r"/thanks/(\?.*)?$"))
    if shots:
        screenshot(page, "05-leaver-thanks")
    text = page.inner_text("main")
    page.goto(link)
    assert "Geen doorgroeimogelijkheden" not in page.content()
    context.close()
    return text


def test_the_leaver_journey_in_dutch(browser, live_server, world, screenshot):
    hr_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = hr_context.new_page()
    _log_in(page, live_server, world)
    departure, link = _register_and_invite(
        page,
        live_server,
        screenshot,
        name="Sanne Jansen",
        language="nl",
        confidentiality="confidential",
        shots=True,
    )

    thanks = _leaver_answers(browser, link, screenshot, shots=True)

    assert "Bedankt" in thanks or "bedankt" in thanks
    interview = Interview.objects.get(departure=departure)
    assert interview.status == Interview.Status.COMPLETED
    assert Answer.objects.get(interview=interview, question__key="reason").text == (
        "Geen doorgroeimogelijkheden & te hoge werkdruk."
    )
    page.goto(f"{live_server.url}/departures/{departure.code}/")
    screenshot(page, "06-hr-departure-completed")
    page.goto(f"{live_server.url}/departures/{departure.code}/answers/")
    screenshot(page, "07-hr-answers")
    content = page.inner_text("main")
    assert "Geen doorgroeimogelijkheden & te hoge werkdruk." in content
    assert "<b>het team</b>" in content, "markup typed by the leaver is shown as text"
    hr_context.close()


def test_the_leaver_journey_in_english(browser, live_server, world, screenshot):
    page = browser.new_page()
    _log_in(page, live_server, world)
    departure, link = _register_and_invite(
        page,
        live_server,
        screenshot,
        name="Sam Smith",
        language="en",
        confidentiality="named",
        shots=False,
    )
    leaver = browser.new_page()
    leaver.goto(link)
    assert leaver.locator("html").get_attribute("lang") == "en"
    assert "what attracted you" in leaver.inner_text("main").lower()
    leaver.fill("textarea[name=reason]", "My manager never listened.")
    leaver.click("button[name=action][value=submit]")
    leaver.wait_for_url(re.compile(r"/thanks/(\?.*)?$"))
    assert "thank" in leaver.inner_text("main").lower()
    assert Interview.objects.get(departure=departure).is_completed


def test_the_leaver_journey_without_javascript(browser, live_server, world, screenshot):
    page = browser.new_page()
    _log_in(page, live_server, world)
    departure, link = _register_and_invite(
        page,
        live_server,
        screenshot,
        name="Noor Bakker",
        language="nl",
        confidentiality="anonymous",
        shots=False,
    )

    _leaver_answers(browser, link, screenshot, shots=False, javascript=False)

    departure.refresh_from_db()
    assert departure.responded_anonymously
    assert not Interview.objects.filter(departure=departure).exists()
    # Sealed until a batch is full; released here on its own to check what was kept.
    assert SealedResponse.objects.count() == 1
    (anonymous,) = release_sealed()
    assert anonymous.answers.filter(text__startswith="Geen doorgroei").exists()


def test_answers_are_saved_while_the_leaver_types(browser, live_server, world, screenshot):
    page = browser.new_page()
    _log_in(page, live_server, world)
    departure, link = _register_and_invite(
        page,
        live_server,
        screenshot,
        name="Daan de Boer",
        language="nl",
        confidentiality="confidential",
        shots=False,
    )
    leaver = browser.new_page(viewport=PHONE)
    leaver.goto(link)

    leaver.fill("textarea[name=retention]", "Meer thuiswerken.")
    expect(leaver.locator(".save-status")).to_have_text(re.compile("^Opgeslagen"), timeout=10_000)

    interview = Interview.objects.get(departure=departure)
    assert interview.answers.get(question__key="retention").text == "Meer thuiswerken."
    assert interview.status == Interview.Status.IN_PROGRESS
