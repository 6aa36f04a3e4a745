"""The disclosure case pages: /cases/, /cases/<code>/ and the changes posted from it.

Only HR staff and administrators who handle cases (`handler`) see them: HR without the flag,
viewers and inactive accounts get a 404, anonymous visitors the sign-in page.
"""

from datetime import date

import pytest
from django.test import Client

from exitlens.core.models import AuditEntry, Departure, DisclosureCase, Interview, User
from exitlens.core.services import cases, interviews
from tests.anonymous import release_sealed
from tests.conftest import PASSWORD, login

HARASSED = "I was harassed by my manager every week."
LIST = "/cases/"
Status = DisclosureCase.Status


@pytest.fixture
def handler(db):
    return User.objects.create_user(
        "henk", "henk@example.org", PASSWORD, role=User.Role.HR, handles_cases=True
    )


@pytest.fixture
def colleague(db):
    return User.objects.create_user(
        "anna",
        "anna@example.org",
        PASSWORD,
        role=User.Role.ADMIN,
        handles_cases=True,
        first_name="Anna",
    )


def _submitted(departure, level="confidential", **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    interviews.save_answers(interview, values)
    submitted = interviews.submit_interview(interview)
    if level == "anonymous":
        (submitted,) = release_sealed()
    return submitted


def _leaver(department, name: str) -> Departure:
    return Departure.objects.create(
        full_name=name,
        personal_email=f"{name.split()[0].lower()}@home.example.org",
        language="en",
        department=department,
        hire_date=date(2020, 1, 1),
        leave_date=date(2026, 10, 31),
    )


@pytest.fixture
def case(departure) -> DisclosureCase:
    interview = _submitted(departure, reason=HARASSED, attraction="The friendly team.")
    return interview.case


def _url(case, action: str = "") -> str:
    return f"/cases/{case.code}/" + (f"{action}/" if action else "")


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Who may see them


def test_it_sends_anonymous_visitors_to_login(client, case):
    for url in (LIST, _url(case)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/login/")
    response = client.post(_url(case, "take"))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action__in=["case.viewed", "case.list_viewed"]).exists()


def test_it_hides_cases_from_hr_without_the_flag_viewers_and_inactive_accounts(
    client, case, hr, viewer, outsider
):
    User.objects.filter(pk=outsider.pk).update(handles_cases=True)
    for user in (hr, viewer):
        login(client, user)
        for url in (LIST, _url(case)):
            response = client.get(url)
            assert response.status_code == 404
            assert HARASSED not in response.content.decode()
        assert client.post(_url(case, "take")).status_code == 404
        assert client.post(_url(case, "close"), {"outcome": "handled"}).status_code == 404
        assert client.post(_url(case, "notes"), {"text": "x"}).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(case)).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.owner, case.notes.count()) == (Status.NEW, None, 0)
    assert (
        not AuditEntry.objects.filter(action__startswith="case.")
        .exclude(action="case.opened")
        .exists()
    )


def test_an_unknown_case_is_not_found(client, handler, case):
    login(client, handler)
    assert client.get("/cases/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_changes_are_posted_only(client, handler, case):
    login(client, handler)
    for action in ("take", "assign", "category", "notes", "refer", "close", "reopen"):
        assert client.get(_url(case, action)).status_code == 405


def test_changes_need_the_csrf_token(handler, case):
    client = login(Client(enforce_csrf_checks=True), handler)

    response = client.post(_url(case, "close"), {"outcome": "handled"})

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Status.NEW


# The list


def test_it_lists_open_cases_newest_first_without_answers_or_names(
    client, handler, case, department
):
    newer = _submitted(_leaver(department, "Bram Bos"), reason="My colleague threatened me.").case
    login(client, handler)

    response = client.get(LIST)

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [newer, case]
    page = response.content.decode()
    assert f'href="/cases/{case.code}/"' in page
    assert case.get_category_display() in page
    assert "New" in page
    assert "0 days" in page
    for secret in (HARASSED, "threatened", "Lotte", "Bram"):
        assert secret not in page
    entry = AuditEntry.objects.get(action="case.list_viewed")
    assert entry.actor == handler
    assert entry.data == {
        "status": "",
        "page": 1,
        "shown": [str(newer.code), str(case.code)],
    }


def test_it_filters_by_status(client, handler, case, department):
    closed = _submitted(_leaver(department, "Bram Bos"), reason="My colleague threatened me.").case
    cases.close_case(closed, outcome="not_misconduct", by=handler)
    login(client, handler)

    def listed(query):
        return list(client.get(LIST, query).context["page"].object_list)

    assert listed({}) == [case]
    assert listed({"status": "closed"}) == [closed]
    assert listed({"status": "new"}) == [case]
    assert listed({"status": "all"}) == [closed, case]
    assert "Henk" not in client.get(LIST, {"status": "closed"}).content.decode()
    assert "henk" in client.get(LIST, {"status": "closed"}).content.decode()


def test_the_navigation_counts_new_cases_for_handlers_only(client, handler, hr, case):
    login(client, handler)
    page = client.get("/departures/").content.decode()
    assert 'href="/cases/"' in page
    assert '<span class="nav-count">1<span class="visually-hidden"> new</span></span>' in page

    cases.take_case(case, by=handler)
    page = client.get("/departures/").content.decode()
    assert 'class="nav-count"' not in page

    login(client, hr)
    assert 'href="/cases/"' not in client.get("/departures/").content.decode()


def test_the_old_sensitive_list_leads_to_the_cases(client, handler, hr):
    login(client, handler)
    response = client.get("/coding/sensitive/")
    assert response.status_code == 302
    assert response.url == LIST
    login(client, hr)
    assert client.get("/coding/sensitive/", follow=True).status_code == 404


# A case


def test_it_shows_the_flagged_answers_with_the_leaver(client, handler, case, departure):
    login(client, handler)

    response = client.get(_url(case))

    assert response.status_code == 200
    page = response.content.decode()
    assert HARASSED in page
    assert case.interview.answers.get(sensitive=True).question.prompt_in("en") in page
    assert "The friendly team." not in page, "only the flagged answers"
    assert "Lotte Leaver" in page
    assert f'href="/departures/{departure.code}/"' in page
    assert f'href="/departures/{departure.code}/answers/"' in page
    entry = AuditEntry.objects.get(action="case.viewed")
    assert (entry.actor, entry.subject) == (handler, f"case {case.code}")


def test_an_anonymous_case_shows_no_identity(client, handler, departure):
    interview = _submitted(departure, level="anonymous", reason=HARASSED)
    login(client, handler)

    page = client.get(_url(interview.case)).content.decode()

    assert HARASSED in page
    assert f'href="/anonymous/{interview.pk}/"' in page
    for secret in ("Lotte", str(departure.code), "lotte@"):
        assert secret not in page


def test_it_escapes_what_was_typed(client, handler, departure):
    interview = _submitted(departure, reason="<script>alert('x')</script> I was harassed.")
    cases.add_note(interview.case, "<b>bold</b>", by=handler)
    login(client, handler)

    page = client.get(_url(interview.case)).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; I was harassed." in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_a_case_whose_interview_is_gone_still_opens(client, handler, case, departure):
    cases.add_note(case, "Spoke to the team lead.", by=handler)
    departure.delete()
    login(client, handler)

    page = client.get(_url(case)).content.decode()

    assert "no longer exists" in page
    assert "Spoke to the team lead." in page


# Changes


def test_a_handler_takes_a_case(client, handler, case):
    login(client, handler)

    response = client.post(_url(case, "take"), follow=True)

    assert _messages(response) == ["You now handle this case."]
    case.refresh_from_db()
    assert (case.status, case.owner) == (Status.IN_PROGRESS, handler)
    entry = AuditEntry.objects.get(action="case.assigned")
    assert entry.actor == handler
    assert entry.ip_address == "127.0.0.1"


def test_a_handler_assigns_a_case_to_a_colleague_and_not_to_others(
    client, handler, colleague, hr, case
):
    login(client, handler)

    response = client.post(_url(case, "assign"), {"owner": hr.pk}, follow=True)
    assert "Nothing was changed" in _messages(response)[0]
    case.refresh_from_db()
    assert case.owner is None

    client.post(_url(case, "assign"), {"owner": colleague.pk})
    case.refresh_from_db()
    assert case.owner == colleague


def test_a_handler_corrects_the_category(client, handler, case):
    login(client, handler)

    client.post(_url(case, "category"), {"category": "bullying"}, follow=True)
    response = client.post(_url(case, "category"), {"category": "gossip"}, follow=True)

    assert "Nothing was changed" in _messages(response)[0]
    case.refresh_from_db()
    assert case.category == "bullying"
    assert AuditEntry.objects.filter(action="case.changed").count() == 1


def test_a_handler_adds_notes(client, handler, case):
    login(client, handler)

    client.post(_url(case, "notes"), {"text": "Called the leaver."}, follow=True)
    response = client.post(_url(case, "notes"), {"text": "  "}, follow=True)

    assert _messages(response) == ["Nothing was changed: Write a note first."]
    assert [n.text for n in case.notes.all()] == ["Called the leaver."]
    assert "Called the leaver." in response.content.decode()
    assert AuditEntry.objects.filter(action="case.note_added").count() == 1


def test_referring_shows_the_confidential_adviser(client, handler, case, settings):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = "Vertrouwenspersoon: Anna de Vries, 06-12345678"
    login(client, handler)
    assert "Anna de Vries" in client.get(_url(case)).content.decode()

    response = client.post(_url(case, "refer"), {"note": "Sent to Anna."}, follow=True)

    assert _messages(response) == ["The case is marked as referred."]
    case.refresh_from_db()
    assert case.status == Status.REFERRED
    assert case.referred_at is not None
    page = response.content.decode()
    assert "Referred to" in page
    assert "Anna de Vries, 06-12345678" in page
    assert AuditEntry.objects.get(action="case.referred").actor == handler


def test_closing_needs_an_outcome_and_reopening_is_possible(client, handler, case):
    login(client, handler)

    response = client.post(_url(case, "close"), {"outcome": ""}, follow=True)
    assert _messages(response) == [
        "Nothing was changed: Choose how the case ended before closing it."
    ]
    case.refresh_from_db()
    assert case.status == Status.NEW

    client.post(_url(case, "close"), {"outcome": "handled", "note": "Talked to the manager."})
    case.refresh_from_db()
    assert (case.status, case.outcome, case.owner) == (Status.CLOSED, "handled", handler)
    page = client.get(_url(case)).content.decode()
    assert "Handled by HR" in page
    assert "Reopen the case" in page
    assert "Close the case" not in page

    response = client.post(_url(case, "close"), {"outcome": "handled"}, follow=True)
    assert "cannot be changed that way" in _messages(response)[0]

    client.post(_url(case, "reopen"))
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    actions = list(
        AuditEntry.objects.filter(subject=f"case {case.code}")
        .exclude(action__in=["case.viewed"])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["case.opened", "case.closed", "case.reopened"]
