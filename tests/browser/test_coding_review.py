"""HR reviews the model's theme coding in a real browser, teaches it, and reads disclosures."""

from datetime import date

import pytest

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core.models import (
    Answer,
    AnswerTheme,
    Department,
    Departure,
    Interview,
    LearnedModel,
    User,
)
from exitlens.core.services import coding, interviews
from tests.browser.test_leaver_journey import _log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PAY = "The salary was far too low and nobody ever talked about a raise."
HARASSED = "My manager sexually harassed me at the Christmas party."


def _completed(department, name: str, **values) -> Interview:
    departure = Departure.objects.create(
        full_name=name,
        personal_email=f"{name.split()[0].lower()}@example.org",
        language="en",
        department=department,
        hire_date=date(2021, 1, 1),
        leave_date=date(2026, 11, 30),
    )
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(interview, values)
    return interviews.submit_interview(interview)


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    hr = User.objects.create_user("hanna", "hanna@example.org", PASSWORD, role=User.Role.HR)
    department = Department.objects.create(name="Klantenservice")
    _completed(department, "Sam Smith", reason=PAY)
    _completed(department, "Kim Kay", reason=HARASSED)
    coding.analyzer()  # coded with the session's base model; `learn` stores in the database
    settings.DATA_DIR = tmp_path
    yield hr
    coding.forget_analyzer()


def test_hr_corrects_the_coding_and_teaches_the_model(browser, live_server, world, screenshot):
    answer = Answer.objects.get(text=PAY)
    model_tags = set(answer.themes.values_list("theme", flat=True))
    assert model_tags, "the model tags the answer"
    dropped = sorted(model_tags)[0]
    added = next(theme for theme in THEME_IDS if theme not in model_tags)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(120_000)  # training the model takes a while on a slow machine
    _log_in(page, live_server, world)

    page.click("nav >> text=Coding review")
    assert "2 answers to review" in page.inner_text("main")
    assert "Sam Smith" not in page.content()
    screenshot(page, "09-coding-queue")
    item = page.locator("article.coding-item", has_text=PAY)
    assert item.locator(f"input[name={dropped}]:checked").get_attribute("value") != "none"
    item.locator(f"input[name={added}][value=negative]").check()
    item.locator(f"input[name={dropped}][value=none]").check()
    item.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()

    main = page.inner_text("main")
    assert "Review saved." in main
    assert "1 answer to review" in main
    assert PAY not in main
    answer.refresh_from_db()
    assert answer.reviewed_by == world
    human = set(
        answer.themes.filter(source=AnswerTheme.Source.HUMAN).values_list("theme", "polarity")
    )
    assert (added, "negative") in human
    assert dropped not in {theme for theme, _polarity in human}
    assert {t.theme for t in coding.effective_tags(answer)} == {theme for theme, _ in human}

    page.get_by_role("button", name="Improve the model").click()
    page.wait_for_load_state()

    assert "The model learned from 1 reviewed answer." in page.inner_text("main")
    assert LearnedModel.objects.get().reviewed_answers == 1
    assert answer.themes.filter(source=AnswerTheme.Source.HUMAN).count() == len(human)

    # Disclosures are cases, for those chosen to handle them: not for this HR user yet.
    assert page.locator("nav.main-nav a[href='/cases/']").count() == 0
    User.objects.filter(pk=world.pk).update(handles_cases=True)
    page.goto(f"{live_server.url}/coding/")
    page.click("nav >> text=Cases")
    page.wait_for_load_state()
    assert "Sexual harassment" in page.inner_text("main")
    assert HARASSED not in page.inner_text("main"), "the list names no answer"
    screenshot(page, "10-cases")
    page.click("table a[href^='/cases/']")
    page.wait_for_load_state()
    assert HARASSED in page.inner_text("main")
    assert "Kim Kay" in page.inner_text("main")
