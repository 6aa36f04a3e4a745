"""The attack: read an answer that was never approved for quoting, a disclosure, or a person's
name, e-mail address or phone number, as a viewer (management), anywhere the insights go: the
dashboard, the report page, the PDF (its text, read from the bytes), the JSON, CSV and XLSX
downloads and the API. HR sees candidates on its pages only: what HR downloads or sends is held
to the viewers' rule."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from exitlens.core.models import Answer, AuditEntry, Departure
from exitlens.insights.models import QuoteReview
from exitlens.insights.quotes import NotQuotable, review_quote
from tests import insights_data
from tests.conftest import login
from tests.pdf_text import pdf_text, squeeze
from tests.test_api_support import Api, make_key

QUERY = "start=2026-01-01&end=2026-12-31"
NAMED = "My manager Gerrit Pietersen never listened, mail gerrit.p@example.org for more."
CROWDED = "Jan, Piet and Klaas shouted at me, call 06-12345678 or mail klaas@example.org."


@pytest.fixture
def people(db):
    return insights_data.build()


def downloads(client, key: str) -> list[str]:
    """The PDF, the JSON, CSV and XLSX downloads and the API, as text, for the signed-in user
    and the API key."""
    found = []
    pdf = client.get(f"{reverse('insights_report_pdf')}?{QUERY}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    found.append(pdf_text(pdf.content))
    for kind in ("json", "csv", "xlsx"):
        response = client.get(f"{reverse('insights_export', args=[kind])}?{QUERY}")
        assert response.status_code == 200
        if kind == "xlsx":
            workbook = load_workbook(io.BytesIO(response.content))
            found.append(
                "\n".join(
                    str(value)
                    for sheet in workbook.worksheets
                    for row in sheet.iter_rows(values_only=True)
                    for value in row
                    if value is not None
                )
            )
        else:
            found.append(response.content.decode("utf-8-sig"))
    data = Api(client, key).get("/api/v1/insights/", {"start": "2026-01-01", "end": "2026-12-31"})
    assert data.status_code == 200
    found.append(json.dumps(data.json(), ensure_ascii=False))
    return found


def everything_a_viewer_reads(client, viewer, admin) -> list[str]:
    """The text of every route that carries quotes, as a viewer gets it: pages, then downloads."""
    login(client, viewer)
    pages = [
        client.get(f"{reverse('insights')}?{QUERY}"),
        client.get(f"{reverse('insights_report')}?{QUERY}"),
    ]
    assert all(page.status_code == 200 for page in pages)
    key = make_key(admin, role="viewer", scope="read", name="Board")
    return [page.content.decode() for page in pages] + downloads(client, key)


def reaches(text: str, routes: list[str]) -> int:
    """On how many routes the text appears (white space aside: the PDF breaks lines)."""
    return sum(squeeze(text) in squeeze(route) for route in routes)


def test_an_unapproved_answer_reaches_no_viewer(client, viewer, admin, people):
    routes = everything_a_viewer_reads(client, viewer, admin)
    for text in (insights_data.QUOTE_MANAGER, insights_data.QUOTE_PAY, insights_data.SENSITIVE):
        assert reaches(text, routes) == 0


def test_an_approved_answer_reaches_every_route(client, viewer, admin, people):
    insights_data.approve_quotes()
    routes = everything_a_viewer_reads(client, viewer, admin)
    # page, report, PDF, JSON, CSV, XLSX, API: the PDF's text is read for real
    assert reaches(insights_data.QUOTE_MANAGER, routes) == 7


def test_hr_downloads_and_sends_only_approved_quotes(client, hr, admin, people):
    login(client, hr)
    page = client.get(f"{reverse('insights')}?{QUERY}").content.decode()
    assert insights_data.QUOTE_MANAGER in page  # pending, for HR to review
    routes = downloads(client, make_key(admin, role="hr", scope="read", name="HR"))
    assert reaches(insights_data.QUOTE_MANAGER, routes) == 0


def test_a_disclosure_flagged_after_approval_disappears(client, viewer, admin, people):
    insights_data.approve_quotes()
    quoted = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    other = Answer.objects.filter(interview=quoted.interview).exclude(pk=quoted.pk).first()
    Answer.objects.filter(pk=other.pk).update(sensitive=True)  # HR marks another answer
    routes = everything_a_viewer_reads(client, viewer, admin)
    assert reaches(insights_data.QUOTE_MANAGER, routes) == 0


def test_the_quoted_answer_flagged_itself_disappears(client, viewer, admin, people):
    insights_data.approve_quotes()
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(sensitive=True)
    routes = everything_a_viewer_reads(client, viewer, admin)
    assert reaches(insights_data.QUOTE_MANAGER, routes) == 0


def test_a_quote_never_carries_a_disclosure_of_its_interview(people):
    with pytest.raises(NotQuotable):  # s4's pay answer shares its interview with a disclosure
        insights_data.approve_quotes(insights_data.QUOTE_PAY)
    with pytest.raises(NotQuotable):
        review_quote(Answer.objects.get(text=insights_data.SENSITIVE).pk, "approved", by=None)
    assert not QuoteReview.objects.exists()


def test_a_person_named_in_a_quote_reaches_no_viewer(client, viewer, admin, people):
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=NAMED)
    insights_data.approve_quotes(NAMED)
    routes = everything_a_viewer_reads(client, viewer, admin)
    for personal in ("Gerrit", "Pietersen", "gerrit.p@example.org"):
        assert reaches(personal, routes) == 0
    assert reaches("My manager [name] never listened, mail [e-mail] for more.", routes) == 7


def test_a_name_known_to_exitlens_reaches_no_viewer(client, viewer, admin, people):
    Departure.objects.filter(pk=people["s1"].pk).update(full_name="Wilhelmina Oosterbroek")
    named = "Oosterbroek kept bullying the new people and nobody did anything."
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=named)
    insights_data.approve_quotes(named)
    routes = everything_a_viewer_reads(client, viewer, admin)
    assert reaches("Oosterbroek", routes) == 0
    assert reaches("[name] kept bullying the new people", routes) == 7


def test_a_name_learnt_after_approval_is_taken_out_when_shown(client, viewer, admin, people):
    """An approved quote is checked again when it is read, against the names known then."""
    quote = "Zwaantje kept bullying the new people and nobody did anything."
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=quote)
    insights_data.approve_quotes(quote)
    assert QuoteReview.objects.get().text == quote  # nobody of that name in Exitlens yet
    Departure.objects.filter(pk=people["s2"].pk).update(full_name="Zwaantje de Boer")
    routes = everything_a_viewer_reads(client, viewer, admin)
    assert reaches("Zwaantje", routes) == 0
    assert reaches("[name] kept bullying the new people", routes) == 7


def test_a_quote_about_several_people_is_refused_even_when_approved(client, viewer, admin, people):
    Answer.objects.filter(text=insights_data.QUOTE_MANAGER).update(text=CROWDED)
    insights_data.approve_quotes(CROWDED)
    review = QuoteReview.objects.get()
    assert (review.decision, review.text) == ("refused", "")
    assert AuditEntry.objects.filter(action="insights.quote_refused").exists()
    routes = everything_a_viewer_reads(client, viewer, admin)
    for personal in ("Klaas", "06-12345678", "shouted at me"):
        assert reaches(personal, routes) == 0


def test_a_viewer_cannot_approve_a_quote(client, viewer, people):
    from exitlens.insights.views.quotes import sign_answer

    answer = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    login(client, viewer)
    response = client.post(
        reverse("insights_quote_review"), {"answer": sign_answer(answer.pk), "decision": "approved"}
    )
    assert response.status_code == 404
    assert not QuoteReview.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="insights.quote_").exists()


def test_a_forged_answer_number_is_refused(client, hr, people):
    answer = Answer.objects.get(text=insights_data.QUOTE_MANAGER)
    login(client, hr)
    response = client.post(
        reverse("insights_quote_review"), {"answer": str(answer.pk), "decision": "approved"}
    )
    assert response.status_code == 404
    assert not QuoteReview.objects.exists()
