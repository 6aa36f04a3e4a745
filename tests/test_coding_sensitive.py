"""Sensitive disclosures: the highlight and themes on the answers pages; the old list's address."""

import pytest

from exitlens.core.models import Answer, Interview, User
from exitlens.core.services import coding, interviews
from tests.anonymous import release_sealed
from tests.conftest import login

pytestmark = pytest.mark.real_analyser

SENSITIVE = "/coding/sensitive/"
HARASSED = "My manager sexually harassed me."
HIGHLIGHT = (
    "Possible sensitive disclosure: harassment, discrimination, safety or misconduct. "
    "Follow your organisation's procedure."
)


def _completed(departure, level="confidential", notes=None, **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    interviews.save_answers(interview, values, notes)
    submitted = interviews.submit_interview(interview)
    if level == "anonymous":
        (submitted,) = release_sealed()
    return submitted


def test_the_old_list_of_sensitive_answers_leads_to_the_disclosure_cases(client, hr, departure):
    """The list became /cases/ (tests/test_case_pages.py), for the HR staff who handle cases."""
    _completed(departure, reason=HARASSED)

    response = client.get(SENSITIVE)
    assert response.status_code == 302
    assert response.url.startswith("/login/")

    login(client, hr)
    response = client.get(SENSITIVE)
    assert response.status_code == 404
    assert HARASSED not in response.content.decode()

    User.objects.filter(pk=hr.pk).update(handles_cases=True)
    response = client.get(SENSITIVE, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/cases/", 302)]
    assert HARASSED not in response.content.decode(), "the list shows no answer"


def test_the_answers_page_shows_themes_and_the_highlight(client, hr, departure):
    interview = _completed(departure, reason=HARASSED, attraction="The friendly team.")
    harassed = Answer.objects.get(interview=interview, question__key="reason")
    tags = coding.effective_tags(harassed)
    assert tags
    login(client, hr)

    page = client.get(f"/departures/{departure.code}/answers/").content.decode()

    assert page.count(HIGHLIGHT) == 1
    assert 'class="callout callout-danger sensitive-callout"' in page
    assert page.index(HIGHLIGHT) < page.index(HARASSED)
    assert page.count('class="answer-themes"') == 2  # the two text answers, not the others
    for tag in tags:
        sign = "+" if tag.polarity == "positive" else "\N{MINUS SIGN}"
        assert f'<span class="theme-sign" aria-hidden="true">{sign}</span>' in page
    assert "Reviewed" not in page


def test_the_answers_page_shows_the_reviewers_tags(client, hr, departure):
    interview = _completed(departure, reason="The pay was too low.")
    answer = Answer.objects.get(interview=interview, question__key="reason")
    coding.review_answer(answer, {"career": "negative"}, sensitive=False, by=hr)
    login(client, hr)

    page = client.get(f"/departures/{departure.code}/answers/").content.decode()

    assert "Career growth" in page
    assert '<span class="visually-hidden">Problem:</span>' in page
    assert "✓ Reviewed" in page
    assert "Possible sensitive disclosure" not in page


def test_the_anonymous_response_shows_the_highlight(client, hr, departure):
    _completed(departure, level="anonymous", reason=HARASSED)
    anonymous = Interview.objects.get(departure__isnull=True)
    login(client, hr)

    page = client.get(f"/anonymous/{anonymous.id}/").content.decode()

    assert HIGHLIGHT in page
    assert 'class="answer-themes"' in page
