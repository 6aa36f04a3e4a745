"""Disclosure cases (services/cases.py): when they open, who hears of it, and how they are handled.

The cast: `handler` (HR, handles cases) and `admin_handler` (an administrator who does too), next
to the shared `hr` (HR who does not), `viewer` and `outsider` (inactive).
"""

import smtplib
from datetime import date

import pytest

from exitlens.analysis.sensitive import find_disclosure
from exitlens.core.models import (
    Answer,
    AuditEntry,
    CaseNote,
    Departure,
    DisclosureCase,
    Interview,
    SealedResponse,
    User,
)
from exitlens.core.services import cases, coding, interviews
from exitlens.core.services.cases import CaseError
from tests.anonymous import release_sealed
from tests.conftest import PASSWORD

HARASSED = "I was harassed by my manager every week."
Status = DisclosureCase.Status


@pytest.fixture
def handler(db):
    return User.objects.create_user(
        "henk", "henk@example.org", PASSWORD, role=User.Role.HR, handles_cases=True
    )


@pytest.fixture
def admin_handler(db):
    return User.objects.create_user(
        "anna", "anna@example.org", PASSWORD, role=User.Role.ADMIN, handles_cases=True
    )


def _leaver(department, name: str) -> Departure:
    return Departure.objects.create(
        full_name=name,
        personal_email=f"{name.split()[0].lower()}@home.example.org",
        language="en",
        department=department,
        hire_date=date(2020, 1, 1),
        leave_date=date(2026, 10, 31),
    )


def _draft(departure, level="confidential", **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    return interviews.save_answers(interview, values)


def _submitted(departure, level="confidential", **values) -> Interview:
    return interviews.submit_interview(_draft(departure, level, **values))


@pytest.fixture
def flagged(departure, handler, django_capture_on_commit_callbacks) -> Interview:
    """A submitted confidential interview with one flagged answer, its case opened."""
    with django_capture_on_commit_callbacks(execute=True):
        return _submitted(departure, reason=HARASSED, attraction="The friendly team.")


@pytest.fixture
def case(flagged) -> DisclosureCase:
    return flagged.case


def _actions(case) -> list[str]:
    entries = AuditEntry.objects.filter(subject=f"case {case.code}").order_by("id")
    return [entry.action for entry in entries]


# Opening


def test_it_opens_a_case_when_a_flagged_interview_is_submitted(flagged, mailoutbox):
    case = DisclosureCase.objects.get()
    assert case.interview == flagged
    assert case.status == Status.NEW
    assert case.owner is None
    assert case.category == find_disclosure(HARASSED).category
    assert [a.question.key for a in cases.flagged_answers(flagged)] == ["reason"]
    entry = AuditEntry.objects.get(action="case.opened")
    assert entry.actor is None
    assert entry.subject == f"case {case.code}"
    assert entry.data == {"category": case.category}
    assert "Lotte" not in entry.subject


def test_it_opens_no_case_without_a_flagged_answer(departure, handler, mailoutbox):
    interview = _submitted(departure, reason="The commute was too long.")

    assert cases.open_case_for(interview) is None
    assert not DisclosureCase.objects.exists()
    assert mailoutbox == []


def test_opening_again_returns_the_same_case(
    flagged, case, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        again = cases.open_case_for(flagged, category="fraud")
        cases.open_cases_for([flagged, flagged])

    assert again == case
    assert DisclosureCase.objects.count() == 1
    assert again.category == case.category, "the category of the open case stays"
    assert AuditEntry.objects.filter(action="case.opened").count() == 1
    assert len(mailoutbox) == 1


def test_it_opens_no_case_while_the_leaver_is_still_answering(departure, handler, mailoutbox):
    draft = _draft(departure, reason=HARASSED)
    assert Answer.objects.get(interview=draft).sensitive

    assert cases.open_case_for(draft) is None
    assert not DisclosureCase.objects.exists()
    assert mailoutbox == []


def test_an_explicit_category_is_kept_and_an_unknown_one_refused(departure, handler):
    interview = _draft(departure, reason=HARASSED)
    Interview.objects.filter(pk=interview.pk).update(status=Interview.Status.COMPLETED)
    interview.refresh_from_db()

    with pytest.raises(CaseError):
        cases.open_case_for(interview, category="gossip")
    case = cases.open_case_for(interview, category="bullying", by=handler)

    assert case.category == "bullying"
    assert AuditEntry.objects.get(action="case.opened").actor == handler


def test_an_anonymous_case_opens_only_when_its_batch_is_released(
    departure, department, handler, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(departure, level="anonymous", reason=HARASSED)
        _submitted(_leaver(department, "Bram Bos"), level="anonymous", reason="Too much work.")

    assert SealedResponse.objects.count() == 2, "fewer than the minimum: still sealed"
    assert not DisclosureCase.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="case.").exists()
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        released = release_sealed()

    assert len(released) == 2
    case = DisclosureCase.objects.get()
    assert case.interview in released
    assert case.interview.departure is None
    assert case.interview.answers.get(sensitive=True).text == HARASSED
    assert len(mailoutbox) == 1


def test_a_sealed_draft_gets_no_case(departure, handler):
    draft = _draft(departure, level="anonymous", reason=HARASSED)
    Interview.objects.filter(pk=draft.pk).update(status=Interview.Status.COMPLETED)
    draft.refresh_from_db()

    assert cases.open_case_for(draft) is None
    assert not DisclosureCase.objects.exists()


def test_marking_an_answer_sensitive_in_the_review_opens_a_case(
    departure, handler, hr, mailoutbox, django_capture_on_commit_callbacks
):
    interview = _submitted(departure, reason="Too much work.")
    answer = Answer.objects.get(interview=interview, question__key="reason")
    assert not DisclosureCase.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        coding.review_answer(answer, {"workload": "negative"}, sensitive=True, by=hr)

    case = DisclosureCase.objects.get(interview=interview)
    assert case.category == DisclosureCase.Category.OTHER
    assert AuditEntry.objects.get(action="case.opened").actor == hr
    assert len(mailoutbox) == 1


def test_coding_that_newly_flags_a_completed_interview_opens_a_case(departure, handler):
    interview = _submitted(departure, reason=HARASSED)
    DisclosureCase.objects.all().delete()
    Answer.objects.filter(interview=interview).update(sensitive=False)

    coding.code_answers(list(Answer.objects.filter(interview=interview, question__key="reason")))

    assert DisclosureCase.objects.get().interview == interview


def test_clearing_the_flag_leaves_the_case(case, flagged, hr):
    answer = Answer.objects.get(interview=flagged, sensitive=True)

    coding.review_answer(answer, {}, sensitive=False, by=hr)

    case.refresh_from_db()
    assert case.status == Status.NEW
    assert not cases.flagged_answers(flagged).exists()


def test_the_case_outlives_its_deleted_departure(case, departure, handler):
    cases.add_note(case, "Spoke to the team lead.", by=handler)

    departure.delete()

    case.refresh_from_db()
    assert case.interview is None
    assert case.notes.count() == 1


# Who hears of it


def test_it_emails_every_handler_and_nobody_else(
    departure,
    department,
    handler,
    admin_handler,
    hr,
    viewer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    User.objects.create_user(
        "ina", "ina@example.org", PASSWORD, role=User.Role.HR, handles_cases=True, is_active=False
    )
    User.objects.create_user(
        "vera", "vera@example.org", PASSWORD, role=User.Role.VIEWER, handles_cases=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        interview = _submitted(departure, reason=HARASSED)

    case = interview.case
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "henk@example.org"]
    for message in mailoutbox:
        assert message.subject == "A new disclosure case in Exitlens"
        assert f"http://testserver/cases/{case.code}/" in message.body
        assert f"Category: {case.get_category_display()}" in message.body
        for secret in (HARASSED, "harassed", "Lotte", "Leaver", department.name, "HR-1001"):
            assert secret not in message.body
            assert secret not in message.subject


def test_it_sends_nothing_before_the_transaction_commits(departure, handler, mailoutbox):
    _submitted(departure, reason=HARASSED)

    assert DisclosureCase.objects.exists()
    assert mailoutbox == [], "e-mail goes on commit, which this test never reaches"


def test_one_email_announces_the_cases_opened_together(
    departure, department, handler, mailoutbox, django_capture_on_commit_callbacks
):
    first = _submitted(departure, reason=HARASSED)
    second = _submitted(_leaver(department, "Bram Bos"), reason="My colleague threatened me.")
    DisclosureCase.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        opened = cases.open_cases_for([first, second])

    assert len(opened) == 2
    (message,) = mailoutbox
    assert message.subject == "2 new disclosure cases in Exitlens"
    for case in opened:
        assert f"/cases/{case.code}/" in message.body


def test_a_failing_mail_server_leaves_the_case_open(
    departure, handler, admin_handler, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("no route")

    monkeypatch.setattr(cases, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(departure, reason=HARASSED)

    assert DisclosureCase.objects.count() == 1
    assert "The e-mail about new disclosure cases" in caplog.text


# Handling


def test_a_handler_takes_refers_and_closes_a_case(case, handler):
    cases.take_case(case, by=handler)
    case.refresh_from_db()
    assert (case.status, case.owner) == (Status.IN_PROGRESS, handler)

    cases.refer_case(case, by=handler, note="Passed to the confidential adviser.")
    case.refresh_from_db()
    assert case.status == Status.REFERRED
    assert case.referred_at is not None

    cases.close_case(case, outcome="referred", by=handler)
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert case.outcome == "referred"
    assert case.closed_at is not None
    assert [n.text for n in case.notes.all()] == ["Passed to the confidential adviser."]
    assert _actions(case) == ["case.opened", "case.assigned", "case.referred", "case.closed"]


def test_closing_needs_an_outcome(case, handler):
    for outcome in ("", "whatever"):
        with pytest.raises(CaseError, match="Choose how the case ended"):
            cases.close_case(case, outcome=outcome, by=handler)

    case.refresh_from_db()
    assert case.status == Status.NEW
    assert _actions(case) == ["case.opened"]


def test_a_closed_case_is_only_reopened(case, handler):
    cases.close_case(case, outcome="not_misconduct", by=handler)

    for change in (
        lambda: cases.take_case(case, by=handler),
        lambda: cases.refer_case(case, by=handler),
        lambda: cases.close_case(case, outcome="handled", by=handler),
    ):
        with pytest.raises(CaseError, match="closed"):
            change()
    cases.reopen_case(case, by=handler, note="New information came in.")

    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS, "it had a handler: closing made them the owner"
    assert case.outcome == ""
    assert case.closed_at is None
    entry = AuditEntry.objects.get(action="case.reopened")
    assert entry.data["previous_outcome"] == "not_misconduct"


def test_a_referred_case_is_not_referred_twice(case, handler):
    cases.refer_case(case, by=handler)

    with pytest.raises(CaseError):
        cases.refer_case(case, by=handler)
    assert AuditEntry.objects.filter(action="case.referred").count() == 1


def test_a_case_goes_only_to_a_handler(case, handler, hr, viewer):
    for other in (hr, viewer):
        with pytest.raises(CaseError):
            cases.assign_case(case, other, by=handler)
        with pytest.raises(CaseError):
            cases.take_case(case, by=other)
        with pytest.raises(CaseError):
            cases.add_note(case, "Hello", by=other)

    case.refresh_from_db()
    assert case.owner is None
    assert not CaseNote.objects.exists()


def test_a_handler_hands_the_case_to_another(case, handler, admin_handler):
    cases.take_case(case, by=handler)

    cases.assign_case(case, admin_handler, by=handler)

    case.refresh_from_db()
    assert case.owner == admin_handler
    entry = AuditEntry.objects.filter(action="case.assigned").latest("id")
    assert entry.actor == handler
    assert entry.data == {"owner": "anna", "previous": "henk", "status": "in_progress"}


def test_notes_are_appended_and_their_text_stays_out_of_the_audit_log(case, handler):
    first = cases.add_note(case, "  Called the leaver.  ", by=handler)
    second = cases.add_note(case, "Leaver does not want a follow-up.", by=handler)
    with pytest.raises(CaseError):
        cases.add_note(case, "   ", by=handler)

    assert [n.text for n in case.notes.all()] == [
        "Called the leaver.",
        "Leaver does not want a follow-up.",
    ]
    assert first.author == handler
    assert first.author_name == "henk"
    entries = AuditEntry.objects.filter(action="case.note_added").order_by("id")
    assert [e.data for e in entries] == [{"note": first.pk}, {"note": second.pk}]
    assert all("leaver" not in str(e.data).lower() for e in entries)


def test_a_note_may_be_added_to_a_closed_case(case, handler):
    cases.close_case(case, outcome="handled", by=handler)

    cases.add_note(case, "Reported to the board.", by=handler)

    assert case.notes.count() == 1


def test_the_category_can_be_corrected(case, handler):
    old = case.category

    cases.change_category(case, "bullying", by=handler)
    cases.change_category(case, "bullying", by=handler)  # no change, no audit row
    with pytest.raises(CaseError):
        cases.change_category(case, "gossip", by=handler)

    case.refresh_from_db()
    assert case.category == "bullying"
    entry = AuditEntry.objects.get(action="case.changed")
    assert entry.data == {"field": "category", "old": old, "new": "bullying"}


def test_reading_a_case_is_audited(case, handler):
    cases.record_view(case, by=handler)

    entry = AuditEntry.objects.get(action="case.viewed")
    assert (entry.actor, entry.subject) == (handler, f"case {case.code}")


def test_handlers_are_the_active_hr_and_admins_with_the_flag(handler, admin_handler, hr, viewer):
    User.objects.filter(pk=hr.pk).update(handles_cases=False)
    assert set(cases.case_handlers()) == {handler, admin_handler}
    assert handler.may_handle_cases and admin_handler.may_handle_cases
    assert not hr.may_handle_cases
    viewer.handles_cases = True
    assert not viewer.may_handle_cases
