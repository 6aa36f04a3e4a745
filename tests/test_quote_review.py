"""HR approves or refuses the quotes the insights would show, on the dashboard and the report."""

from datetime import date

import pytest
from django.urls import reverse

from exitlens.core.models import Answer, AuditEntry
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from exitlens.insights.models import QuoteReview
from exitlens.insights.quotes import review_quote
from tests import insights_data
from tests.conftest import login

QUERY = "start=2026-01-01&end=2026-12-31"


@pytest.fixture
def people(db):
    return insights_data.build()


def review_form_value(page: str) -> str:
    return page.split('name="answer" value="')[1].split('"')[0]


@pytest.mark.parametrize("view", ["insights", "insights_report"])
def test_hr_sees_the_quotes_awaiting_approval(client, hr, people, view):
    login(client, hr)
    page = client.get(f"{reverse(view)}?{QUERY}").content.decode()
    assert "Quotes awaiting your approval" in page
    assert insights_data.QUOTE_MANAGER in page
    assert insights_data.QUOTE_PAY not in page  # its interview holds a disclosure


def test_a_viewer_sees_no_review_and_no_candidate(client, viewer, people):
    login(client, viewer)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert "Quotes awaiting your approval" not in page
    assert insights_data.QUOTE_MANAGER not in page


def test_hr_approves_a_quote_and_it_is_audited(client, hr, viewer, people):
    login(client, hr)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    response = client.post(
        reverse("insights_quote_review"),
        {"answer": review_form_value(page), "decision": "approved", "next": f"/insights/?{QUERY}"},
    )
    assert response.status_code == 302 and response.url == f"/insights/?{QUERY}"
    review = QuoteReview.objects.get()
    assert (review.decision, review.reviewed_by, review.text) == (
        "approved",
        hr,
        insights_data.QUOTE_MANAGER,
    )
    entry = AuditEntry.objects.get(action="insights.quote_approved")
    assert entry.actor == hr and entry.data["answer"] == review.answer_id
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert "Quotes awaiting your approval" not in page

    login(client, viewer)
    assert (
        insights_data.QUOTE_MANAGER in client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    )


def test_a_refused_quote_is_never_shown_nor_offered_again(client, hr, viewer, people):
    login(client, hr)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    client.post(
        reverse("insights_quote_review"), {"answer": review_form_value(page), "decision": "refused"}
    )
    assert AuditEntry.objects.filter(action="insights.quote_refused").exists()
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert insights_data.QUOTE_MANAGER not in page


def test_the_approved_text_has_personal_data_taken_out(client, hr, people, departure):
    named = "Lotte and the others were shouted at, call 020-1234567 for more."
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=named)
    login(client, hr)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert "[name] and the others were shouted at, call [phone] for more." in page
    assert "personal data taken out" in page
    client.post(
        reverse("insights_quote_review"),
        {"answer": review_form_value(page), "decision": "approved"},
    )
    assert QuoteReview.objects.get().text == (
        "[name] and the others were shouted at, call [phone] for more."
    )


def test_a_quote_about_several_people_can_only_be_refused(client, hr, people):
    crowded = "Mijn collega Bram and Lotte were shouted at, call 020-1234567 for more."
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=crowded)
    login(client, hr)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert "It can only be refused." in page
    assert 'value="approved"' not in page
    response = client.post(
        reverse("insights_quote_review"),
        {"answer": review_form_value(page), "decision": "approved"},  # forced: no such button
        follow=True,
    )
    assert "it is about too many people to be quoted" in response.content.decode()
    assert (QuoteReview.objects.get().decision, QuoteReview.objects.get().text) == ("refused", "")
    entry = AuditEntry.objects.get(action="insights.quote_refused")
    assert entry.data["reason"] == "personal data"


def test_hr_is_told_no_quote_is_approved_yet(client, hr, viewer, people):
    login(client, hr)
    for view in ("insights", "insights_report"):
        page = client.get(f"{reverse(view)}?{QUERY}").content.decode()
        assert "No approved quotes yet" in page and "Pending" in page
    insights_data.approve_quotes()
    assert (
        "No approved quotes yet"
        not in client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    )

    login(client, viewer)
    assert (
        "No approved quotes yet"
        not in client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    )


def test_a_refused_answer_is_no_longer_a_candidate(hr, people):
    year = Filters(start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert compute(year, with_candidates=True).quote_candidates  # and cached
    answer = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    review_quote(answer.pk, "refused", by=hr)
    assert compute(year, with_candidates=True).quote_candidates == {}  # room for the next one


def test_review_needs_a_post(client, hr, people):
    login(client, hr)
    assert client.get(reverse("insights_quote_review")).status_code == 405
