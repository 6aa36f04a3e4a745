"""The insights in a real browser: HR and a viewer filter, download the PDF and the exports;
the viewer reaches no individual interview by any URL."""

import io

import pytest
from django.urls import reverse

from exitlens.core.models import AuditEntry, Department, Interview, User
from tests import insights_data
from tests.browser.test_leaver_journey import _log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = "start=2026-01-01&end=2026-12-31"


@pytest.fixture
def world(transactional_db):
    people = insights_data.build()
    hr = User.objects.create_user("hanna", "hanna@example.org", PASSWORD, role=User.Role.HR)
    viewer = User.objects.create_user("victor", "v@example.org", PASSWORD, role=User.Role.VIEWER)
    return people, hr, viewer


def _download(page, selector):
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def test_hr_filters_the_dashboard_and_downloads_everything(browser, live_server, world, screenshot):
    _, hr, _ = world
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    _log_in(page, live_server, hr)

    page.goto(f"{live_server.url}/insights/?{YEAR}")
    assert "12" in page.inner_text(".figures")
    assert page.locator("svg[role=img]").count() >= 3
    screenshot(page, "20-insights-hr")

    page.select_option("select[name=department]", label="Sales")
    page.select_option("select[name=by]", "tenure_band")
    page.click("form.insight-filters button[type=submit]")
    page.wait_for_load_state()
    sales = Department.objects.get(name="Sales")
    assert f"department={sales.pk}" in page.url and "by=tenure_band" in page.url
    assert page.inner_text(".figures").split()[0] == "7"
    screenshot(page, "21-insights-hr-sales")

    name, pdf = _download(page, "text=Report (PDF)")
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    name, workbook = _download(page, "#exports >> text=Excel >> nth=0")
    assert name.endswith(".xlsx")
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(workbook)).sheetnames
    name, answers = _download(page, "#exports >> text=CSV >> nth=2")
    assert name.endswith(".csv") and insights_data.QUOTE_PAY in answers.decode("utf-8-sig")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"insights.report_downloaded", "insights.exported", "data.exported"} <= actions

    page.click("text=What must change")
    page.wait_for_load_state()
    assert "What must change" in page.inner_text("h1")
    screenshot(page, "22-insights-report")


def test_a_viewer_sees_the_insights_and_no_interview(browser, live_server, world, screenshot):
    people, _, viewer = world
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    _log_in(page, live_server, viewer)

    assert page.url.endswith("/insights/")  # where a viewer starts
    page.goto(f"{live_server.url}/insights/?{YEAR}")
    assert insights_data.QUOTE_MANAGER not in page.content()  # not approved for quoting
    assert "Person s" not in page.content()
    assert page.locator("#exports >> text=Excel").count() == 1  # the figures, no rows
    screenshot(page, "23-insights-viewer")
    _, pdf = _download(page, "text=Report (PDF)")
    assert pdf.startswith(b"%PDF")

    departure = people["s1"]
    anonymous = Interview.objects.get(departure__isnull=True)
    for url in (
        reverse("departure_detail", args=[departure.code]),
        reverse("answers", args=[departure.code]),
        reverse("conduct", args=[departure.code]),
        reverse("anonymous_detail", args=[anonymous.pk]),
        reverse("anonymous_list"),
        reverse("departure_list"),
        reverse("insights_data_export", args=["answers", "csv"]),
    ):
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 404, url
        assert "Person s1" not in page.content()


def test_hr_approves_a_quote_and_a_viewer_sees_only_that_one(
    browser, live_server, world, screenshot
):
    _, hr, viewer = world
    hr_page = browser.new_page(viewport={"width": 1280, "height": 900})
    _log_in(hr_page, live_server, hr)
    hr_page.goto(f"{live_server.url}/insights/report/?{YEAR}")
    review = hr_page.locator(".quote-review")
    assert insights_data.QUOTE_MANAGER in review.inner_text()
    assert insights_data.QUOTE_PAY not in hr_page.content()  # its interview holds a disclosure
    assert "No approved quotes yet" in review.inner_text()
    assert review.locator(".badge", has_text="Pending").count() == 1
    screenshot(hr_page, "24-insights-quote-review")
    review.locator("button[value=approved]").first.click()
    hr_page.wait_for_load_state()
    assert "/insights/report/" in hr_page.url
    assert hr_page.locator(".quote-review").count() == 0
    assert insights_data.QUOTE_MANAGER in hr_page.locator("blockquote.quote").first.inner_text()

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _log_in(page, live_server, viewer)
    page.goto(f"{live_server.url}/insights/?{YEAR}")
    quotes = [text.strip() for text in page.locator("blockquote.quote").all_inner_texts()]
    assert quotes == [insights_data.QUOTE_MANAGER]
    assert "Quotes awaiting your approval" not in page.content()
    assert insights_data.SENSITIVE not in page.content()
    screenshot(page, "25-insights-viewer-approved-quote")
