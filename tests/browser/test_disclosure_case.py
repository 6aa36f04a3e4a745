"""A disclosure, from the leaver's answer to a closed case, in a real browser."""

import re
from datetime import date

import pytest
from django.core import mail

from exitlens.core.models import AuditEntry, Department, Departure, DisclosureCase, User
from exitlens.core.services import invitations
from tests.browser.test_leaver_journey import _log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

ADVISER = "Vertrouwenspersoon: Anna de Vries, 06-12345678, vertrouwenspersoon@example.org"
DISCLOSURE = "Mijn teamleider maakte zich maandenlang schuldig aan intimidatie."


@pytest.fixture
def world(transactional_db, settings):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = ADVISER
    hr = User.objects.create_user(
        "hanna",
        "hanna@example.org",
        PASSWORD,
        role=User.Role.HR,
        first_name="Hanna",
        handles_cases=True,
    )
    departure = Departure.objects.create(
        full_name="Sanne Jansen",
        personal_email="sanne@example.org",
        language="nl",
        department=Department.objects.create(name="Klantenservice"),
        hire_date=date(2021, 1, 1),
        leave_date=date(2026, 11, 30),
    )
    invitations.send_invitation(departure, by=hr, confidentiality="confidential")
    return hr, departure


def test_hr_handles_a_disclosure_from_arrival_to_closing(browser, live_server, world, screenshot):
    hr, departure = world
    link = re.search(r"https?://\S+/i/[A-Za-z0-9_-]+/", mail.outbox[0].body).group(0)
    mail.outbox.clear()

    leaver = browser.new_context(viewport={"width": 390, "height": 844})
    page = leaver.new_page()
    page.goto(link.replace("http://testserver", live_server.url))
    page.fill("textarea[name=reason]", DISCLOSURE)
    page.click("button[name=action][value=submit]")
    page.wait_for_url(re.compile(r"/thanks/(\?.*)?$"))
    assert ADVISER in page.inner_text("main"), "the leaver learns whom to report it to"
    screenshot(page, "30-leaver-thanks-adviser")
    leaver.close()

    case = DisclosureCase.objects.get()
    assert case.interview.departure == departure
    (message,) = mail.outbox
    assert message.to == ["hanna@example.org"]
    assert f"/cases/{case.code}/" in message.body
    assert "intimidatie" not in message.body
    assert "Sanne" not in message.body

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _log_in(page, live_server, hr)
    nav = page.locator("nav.main-nav a[href='/cases/']")
    assert re.fullmatch(r"Cases\s*1\s*new", nav.inner_text().strip())
    nav.click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert case.get_category_display() in main
    assert DISCLOSURE not in main, "the list shows no answers"
    assert "Sanne" not in main
    screenshot(page, "31-cases-list")

    page.click("table a[href^='/cases/']")
    page.wait_for_load_state()
    assert DISCLOSURE in page.inner_text("main")
    assert "Sanne Jansen" in page.inner_text("main")

    page.get_by_role("button", name="Handle it myself").click()
    page.wait_for_load_state()
    assert "You now handle this case." in page.inner_text("main")

    page.fill("textarea[name=text]", "Called Sanne; she agrees to talk to the adviser.")
    page.get_by_role("button", name="Add the note").click()
    page.wait_for_load_state()
    assert "Called Sanne; she agrees" in page.inner_text("main")

    assert ADVISER in page.inner_text("main")
    page.fill("#id_refer_note", "Introduced to Anna by e-mail.")
    page.get_by_role("button", name="Mark as referred").click()
    page.wait_for_load_state()
    assert "The case is marked as referred." in page.inner_text("main")
    screenshot(page, "32-case-referred")

    page.select_option("#id_close_outcome", "referred")
    page.get_by_role("button", name="Close the case").click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "The case is closed." in main
    assert "Referred to the confidential adviser" in main
    screenshot(page, "33-case-closed")

    case.refresh_from_db()
    assert case.status == DisclosureCase.Status.CLOSED
    assert case.outcome == DisclosureCase.Outcome.REFERRED
    assert case.owner == hr
    assert [note.text for note in case.notes.all()] == [
        "Called Sanne; she agrees to talk to the adviser.",
        "Introduced to Anna by e-mail.",
    ]
    actions = AuditEntry.objects.filter(subject=f"case {case.code}").values_list(
        "action", flat=True
    )
    assert {"case.opened", "case.viewed", "case.assigned", "case.note_added"} <= set(actions)
    assert {"case.referred", "case.closed"} <= set(actions)
    assert 'class="nav-count"' not in page.content()
