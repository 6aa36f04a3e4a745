"""The list and detail pages of anonymous responses."""

from datetime import date

from exitlens.core.models import AuditEntry, Departure, Interview
from exitlens.core.services import interviews
from exitlens.core.services.questionnaires import current_version
from tests.anonymous import release_sealed
from tests.conftest import login


def _anonymous(departure, hr, **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="anonymous"
    )
    interviews.save_answers(interview, values or {"reason": "Te veel werk."}, {"reason": "Tired."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    (released,) = release_sealed()
    return released


def test_it_sends_anonymous_visitors_to_login(client, departure, hr):
    interview = _anonymous(departure, hr)

    for url in ("/anonymous/", f"/anonymous/{interview.id}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/login/")


def test_it_hides_anonymous_responses_from_viewers(client, viewer, departure, hr):
    interview = _anonymous(departure, hr)
    login(client, viewer)

    assert client.get("/anonymous/").status_code == 404
    assert client.get(f"/anonymous/{interview.id}/").status_code == 404
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_lists_only_coarse_segments(client, hr, departure):
    interview = _anonymous(departure, hr)
    login(client, hr)

    response = client.get("/anonymous/")

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [interview]
    page = response.content.decode()
    assert "Customer Service" in page
    assert "5-10" in page
    assert "2026-Q4" in page
    assert "Dutch" not in page, "the language could single a leaver out"
    assert f'href="/anonymous/{interview.id}/"' in page
    assert "Lotte" not in page
    assert str(departure.code) not in page


def test_it_leaves_named_and_unfinished_interviews_out(client, hr, departure, department):
    named = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="named"
    )
    interviews.save_answers(named, {"reason": "Pay."})
    interviews.complete_interview(named, outcome="exit_confirmed", by=hr)
    other = Departure.objects.create(
        full_name="Piet Pending", department=department, leave_date=date(2026, 5, 1)
    )
    interviews.get_or_create_interview(
        other, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    login(client, hr)

    response = client.get("/anonymous/")

    assert list(response.context["page"].object_list) == []
    assert "No anonymous responses yet." in response.content.decode()


def test_it_pages_by_fifty(client, hr, department):
    version = current_version()
    Interview.objects.bulk_create(
        Interview(
            questionnaire_version=version,
            mode=Interview.Mode.SELF_SERVICE,
            confidentiality=Interview.Confidentiality.ANONYMOUS,
            status=Interview.Status.COMPLETED,
            language="en",
            department=department,
            tenure_band="1-2",
            leave_quarter="2026-Q1",
            completed_quarter="2026-Q1",
        )
        for _ in range(51)
    )
    login(client, hr)

    first = client.get("/anonymous/")
    second = client.get("/anonymous/?page=2")
    nonsense = client.get("/anonymous/?page=abc")

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 1
    assert nonsense.context["page"].number == 1
    assert "Page 1 of 2" in first.content.decode()


def test_it_shows_the_answers_and_records_the_viewing(client, hr, departure):
    interview = _anonymous(departure, hr, reason="<b>Te veel</b> werk.")
    login(client, hr)

    response = client.get(f"/anonymous/{interview.id}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "&lt;b&gt;Te veel&lt;/b&gt; werk." in page
    assert "Tired." in page
    assert "Customer Service" in page
    assert "Lotte" not in page
    assert str(departure.code) not in page
    entry = AuditEntry.objects.get(action="interview.viewed")
    assert entry.actor == hr
    assert entry.subject == f"anonymous interview {interview.id}"
    assert entry.data == {}


def test_it_404s_for_an_interview_that_is_not_anonymous(client, hr, departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="named"
    )
    interviews.save_answers(interview, {"reason": "Pay."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    login(client, hr)

    response = client.get(f"/anonymous/{interview.id}/")

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_it_404s_for_an_unknown_id(client, hr):
    login(client, hr)

    assert client.get("/anonymous/00000000-0000-0000-0000-000000000000/").status_code == 404
