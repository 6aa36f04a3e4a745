"""The pages run under the Content-Security-Policy: no script or style is blocked."""

import re
from datetime import date

import pytest
from django.core import mail

from exitlens.core.models import Department, Departure, Manager, User
from exitlens.core.services import invitations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db):
    manager = Manager.objects.create(name="Mila de Wit")
    department = Department.objects.create(name="Klantenservice", manager=manager)
    hr = User.objects.create_user("hanna", "hanna@example.org", PASSWORD, role=User.Role.HR)
    departure = Departure.objects.create(
        full_name="Lotte Leaver",
        personal_email="lotte@example.org",
        department=department,
        leave_date=date(2026, 10, 31),
    )
    invitations.send_invitation(departure, by=hr, confidentiality="confidential")
    return hr


def _watch(page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def test_no_page_breaks_the_policy(browser, live_server, world):
    link = re.search(r"https?://\S+/i/[A-Za-z0-9_-]+/", mail.outbox[-1].body).group(0)
    context = browser.new_context()
    page = context.new_page()
    violations = _watch(page)

    page.goto(link.replace("http://testserver", live_server.url) + "?lang=en")
    page.fill("textarea[name=reason]", "Te weinig doorgroeimogelijkheden.")
    page.wait_for_timeout(1500)  # autosave.js runs and saves
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "hanna")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    for path in ("/departures/", "/insights/", "/insights/report/", "/api/v1/docs/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert violations == []

    # The watch sees a violation when there is one: an inline script is refused and reported.
    page.goto(f"{live_server.url}/insights/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.inlineRan = true'; document.head.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.inlineRan === undefined")
    assert len(violations) == 1
    context.close()
