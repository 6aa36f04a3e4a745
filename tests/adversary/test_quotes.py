"""The attack: read an answer that was never approved for quoting, a disclosure, or a person's
name, as a viewer (management), anywhere the insights go: the dashboard, the report page, the
PDF, the exports and the API."""

import json

import pytest
from django.urls import reverse

from exitlens.core.models import Answer
from exitlens.insights import report
from tests import insights_data
from tests.conftest import login
from tests.test_api_support import Api, make_key

QUERY = "start=2026-01-01&end=2026-12-31"
NAMED = "My manager Gerrit Pietersen never listened, mail gerrit.p@example.org or 06-12345678."


@pytest.fixture
def people(db):
    return insights_data.build()


def everything_a_viewer_reads(client, viewer, admin, monkeypatch) -> str:
    """The text of every route that carries quotes, as a viewer gets it."""
    login(client, viewer)
    pages = [
        client.get(f"{reverse('insights')}?{QUERY}"),
        client.get(f"{reverse('insights_report')}?{QUERY}"),
        *(
            client.get(f"{reverse('insights_export', args=[kind])}?{QUERY}")
            for kind in ("json", "csv")
        ),
    ]
    assert all(page.status_code == 200 for page in pages)
    rendered = []
    original = report.render_to_string
    monkeypatch.setattr(
        report,
        "render_to_string",
        lambda *args, **kwargs: rendered.append(original(*args, **kwargs)) or rendered[-1],
    )
    pdf = client.get(f"{reverse('insights_report_pdf')}?{QUERY}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    api = Api(client, make_key(admin, role="viewer", scope="read", name="Board"))
    data = api.get("/api/v1/insights/", {"start": "2026-01-01", "end": "2026-12-31"})
    assert data.status_code == 200
    return "\n".join(
        [page.content.decode() for page in pages]
        + rendered
        + [json.dumps(data.json(), ensure_ascii=False)]
    )


def test_an_unapproved_answer_reaches_no_viewer(client, viewer, admin, people, monkeypatch):
    text = everything_a_viewer_reads(client, viewer, admin, monkeypatch)
    assert insights_data.QUOTE_MANAGER not in text
    assert insights_data.QUOTE_PAY not in text
    assert insights_data.SENSITIVE not in text


def test_an_approved_answer_reaches_every_route(client, viewer, admin, people, monkeypatch):
    insights_data.approve_quotes()
    text = everything_a_viewer_reads(client, viewer, admin, monkeypatch)
    assert text.count(insights_data.QUOTE_MANAGER) >= 6  # page, report, json, csv, pdf, api


def test_a_disclosure_flagged_after_approval_disappears(client, viewer, admin, people, monkeypatch):
    insights_data.approve_quotes()
    quoted = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    other = Answer.objects.filter(interview=quoted.interview).exclude(pk=quoted.pk).first()
    Answer.objects.filter(pk=other.pk).update(sensitive=True)  # HR marks another answer
    text = everything_a_viewer_reads(client, viewer, admin, monkeypatch)
    assert insights_data.QUOTE_MANAGER not in text


def test_a_quote_never_carries_a_disclosure_of_its_interview(people):
    from exitlens.insights.quotes import NotQuotable, review_quote

    with pytest.raises(NotQuotable):  # s4's pay answer shares its interview with a disclosure
        insights_data.approve_quotes(insights_data.QUOTE_PAY)
    with pytest.raises(NotQuotable):
        review_quote(Answer.objects.get(text=insights_data.SENSITIVE).pk, "approved", by=None)


def test_a_person_named_in_a_quote_reaches_no_viewer(client, viewer, admin, people, monkeypatch):
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=NAMED)
    insights_data.approve_quotes(NAMED)
    text = everything_a_viewer_reads(client, viewer, admin, monkeypatch)
    assert "Gerrit" not in text and "Pietersen" not in text
    assert "gerrit.p@example.org" not in text and "06-12345678" not in text
    assert "My manager [name] never listened" in text


def test_a_viewer_cannot_approve_a_quote(client, viewer, people):
    from exitlens.insights.views.quotes import sign_answer

    answer = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    login(client, viewer)
    response = client.post(
        reverse("insights_quote_review"), {"answer": sign_answer(answer.pk), "decision": "approved"}
    )
    assert response.status_code == 404
    assert not hasattr(Answer.objects.get(pk=answer.pk), "quote_review")


def test_a_forged_answer_number_is_refused(client, hr, people):
    answer = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    login(client, hr)
    response = client.post(
        reverse("insights_quote_review"), {"answer": str(answer.pk), "decision": "approved"}
    )
    assert response.status_code == 404
