"""The anonymity promise: once an anonymous interview is submitted, nothing links it to the leaver.

These tests look at the database itself, table by table, not at what the pages choose to show.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Departure,
    Interview,
    Invitation,
    SealedResponse,
)
from exitlens.core.services import interviews, sealing
from tests.conftest import login

DISTINCTIVE = "Zebra-quartz-7731: the night shift roster broke me"
SECOND_TEXT = "Xylophone-8842: more training would have kept me"
ANSWER_TABLES = {
    Interview._meta.db_table,
    Answer._meta.db_table,
    AnswerChoice._meta.db_table,
    AnswerTheme._meta.db_table,
}


@dataclass
class Submission:
    old_id: object
    interview: Interview


def identity_values(departure: Departure) -> list[str]:
    return [
        departure.full_name,
        departure.work_email,
        departure.personal_email,
        departure.external_id,
        departure.code.hex,
        str(departure.code),
    ]


def anonymous_values(interview: Interview) -> list[str]:
    return [interview.id.hex, str(interview.id), DISTINCTIVE, SECOND_TEXT]


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def database_rows():
    """Every row of every table, as (table, {column: text}); sessions decoded as well."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                cells = {
                    column: _as_text(value) for column, value in zip(columns, row, strict=True)
                }
                if table == "django_session":
                    cells["decoded"] = str(SessionStore().decode(cells["session_data"]))
                yield table, cells


def _contains(cells: dict[str, str], values: list[str]) -> bool:
    return any(value.lower() in cell.lower() for cell in cells.values() for value in values)


def _has_identity(cells: dict[str, str], departure: Departure) -> bool:
    points_at_departure = any(
        column.endswith("departure_id") and cell == str(departure.pk)
        for column, cell in cells.items()
    )
    return points_at_departure or _contains(cells, identity_values(departure))


def _has_anonymous(cells: dict[str, str], interview: Interview) -> bool:
    answer_ids = {
        str(pk) for pk in Answer.objects.filter(interview=interview).values_list("pk", flat=True)
    }
    points_at_answer = any(
        column == "answer_id" and cell in answer_ids for column, cell in cells.items()
    )
    return points_at_answer or _contains(cells, anonymous_values(interview))


def linking_rows(departure: Departure, interview: Interview) -> list[tuple[str, dict]]:
    """Rows that hold both something identifying the leaver and something of the answers."""
    return [
        (table, cells)
        for table, cells in database_rows()
        if _has_identity(cells, departure) and _has_anonymous(cells, interview)
    ]


def assert_unlinked(departure: Departure, interview: Interview, old_id) -> None:
    interview.refresh_from_db()
    assert interview.id != old_id
    assert interview.departure_id is None
    assert interview.interviewer_id is None
    assert interview.started_at is None
    assert interview.completed_at is None
    assert interview.scheduled_at is None
    assert interview.meeting_place == ""
    # Nothing beyond the three segments: language, mode or timing could single a leaver out.
    assert (interview.language, interview.mode, interview.completed_quarter) == ("", "", "")
    # Row numbers count up over time; the anonymous rows' random negative ids date nothing.
    assert all(pk < 0 for pk in interview.answers.values_list("pk", flat=True))
    assert all(
        pk < 0
        for pk in AnswerChoice.objects.filter(answer__interview=interview).values_list(
            "pk", flat=True
        )
    )
    assert interview.status == Interview.Status.COMPLETED
    assert interview.confidentiality == Interview.Confidentiality.ANONYMOUS
    # What is kept: coarse segments only.
    assert interview.department_id == departure.department_id
    assert interview.tenure_band == departure.tenure_band
    assert interview.leave_quarter == departure.leave_quarter

    assert not Interview.objects.filter(pk=old_id).exists()
    assert not Answer.objects.filter(interview_id=old_id).exists()
    assert not Interview.objects.filter(departure=departure).exists()
    assert Answer.objects.filter(text=DISTINCTIVE).count() == 1
    assert not Invitation.objects.filter(interview=interview).exists()

    assert linking_rows(departure, interview) == []
    for table, cells in database_rows():
        if table in ANSWER_TABLES:
            assert not _has_identity(cells, departure), (table, cells)
        assert not _contains(cells, [old_id.hex, str(old_id)]), (table, cells)

    departure.refresh_from_db()
    assert departure.responded_anonymously


def assert_hr_sees_no_link(client, hr, departure: Departure) -> None:
    login(client, hr)
    for name in ("departure_detail", "answers"):
        response = client.get(reverse(name, args=[departure.code]))
        assert DISTINCTIVE not in response.content.decode()
        assert SECOND_TEXT not in response.content.decode()

    response = client.get(reverse("anonymous_list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert departure.department.name in content
    assert departure.full_name not in content
    assert departure.work_email not in content


@pytest.fixture
def submission(client, leaver_invitation, leaver_token, hr) -> Submission:
    """A leaver answers an anonymous interview on the page, over two visits, and submits."""
    old = interviews.change_confidentiality(leaver_invitation.interview, "anonymous", by=hr)
    url = reverse("leaver:interview", args=[leaver_token])
    client.post(
        url, {"action": "save", "promise": "anonymous", "reason": DISTINCTIVE, "recommend": "3"}
    )
    response = client.post(
        url,
        {
            "action": "submit",
            "promise": "anonymous",
            "reason": DISTINCTIVE,
            "retention": SECOND_TEXT,
            "recommend": "3",
            "main_reason": "workload",
            "contributing_reasons": ["manager", "pay"],
        },
    )
    assert response.status_code == 302
    client.logout()
    release_on_its_own()
    return Submission(old_id=old.id, interview=Interview.objects.get(answers__text=DISTINCTIVE))


def release_on_its_own() -> None:
    """Sealed responses wait for a batch (tests/adversary); these tests look at one alone."""
    with override_settings(EXITLENS_MIN_GROUP_SIZE=1):
        sealing.release_batches()


def test_a_sealed_response_holds_no_readable_answer_or_identity(
    client, leaver_invitation, leaver_token, hr, departure
):
    interviews.change_confidentiality(leaver_invitation.interview, "anonymous", by=hr)
    url = reverse("leaver:interview", args=[leaver_token])
    client.post(url, {"action": "submit", "promise": "anonymous", "reason": DISTINCTIVE})
    assert SealedResponse.objects.count() == 1
    assert not Interview.objects.exists()
    for table, cells in database_rows():
        assert not _contains(cells, [DISTINCTIVE, "Zebra"]), table
        if table == SealedResponse._meta.db_table:
            assert not _contains(cells, identity_values(departure)), cells
    departure.refresh_from_db()
    assert departure.responded_anonymously


def test_it_moves_the_answers_to_a_new_interview_without_links(submission, departure):
    assert_unlinked(departure, submission.interview, submission.old_id)


@pytest.fixture
def on_the_queue(settings):
    """Background work kept in the database's task table, as in production."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.EXITLENS_TASKS = "database"


@pytest.mark.django_db(transaction=True)
def test_the_task_queue_keeps_no_link_either(on_the_queue, submission, departure):
    """The queue's rows (answers to code, summaries to build) are scanned with the rest, and
    once its tasks have run, nothing links the released interview to the leaver either."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.exists()  # the saves and the release enqueued their work
    call_command("worker", "--batch", stdout=io.StringIO())

    assert_unlinked(departure, submission.interview, submission.old_id)


def test_it_keeps_the_answers_themselves(submission):
    interview = submission.interview
    assert interview.answers.get(question__key="reason").text == DISTINCTIVE
    assert interview.answers.get(question__key="retention").text == SECOND_TEXT
    assert interview.answers.get(question__key="recommend").number == 3
    assert sorted(
        AnswerChoice.objects.filter(answer__interview=interview).values_list("value", flat=True)
    ) == ["manager", "pay", "workload"]


def test_it_leaves_the_invitation_completed_and_pointing_nowhere(submission, leaver_invitation):
    leaver_invitation.refresh_from_db()
    assert leaver_invitation.interview_id is None
    assert leaver_invitation.status == Invitation.Status.COMPLETED
    assert not Invitation.objects.filter(interview__isnull=False).exists()


def test_it_sends_no_email_about_the_answers(submission, mailoutbox):
    assert len(mailoutbox) == 1  # the invitation only
    assert DISTINCTIVE not in mailoutbox[0].body


def test_it_shows_hr_the_response_but_not_who_gave_it(client, submission, departure, hr):
    assert_hr_sees_no_link(client, hr, departure)
    # Browsing as HR leaves no link behind either (audit entries, sessions).
    assert linking_rows(departure, submission.interview) == []


def test_it_shows_the_leaver_only_the_confirmation_afterwards(client, submission, leaver_token):
    response = client.get(reverse("leaver:interview", args=[leaver_token]), follow=True)
    content = response.content.decode()
    assert "definitief losgekoppeld van je naam" in content  # Dutch, the leaver's language
    assert DISTINCTIVE not in content


def _interview_anonymously(departure: Departure, hr) -> tuple[object, Interview]:
    """An interviewer plans an anonymous interview, takes notes and completes it."""
    interview = interviews.schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(days=1),
        meeting_place="Room 4.12",
        confidentiality="anonymous",
        by=hr,
    )
    interviews.save_answers(
        interview,
        {"reason": DISTINCTIVE, "retention": SECOND_TEXT, "main_reason": "pay"},
        notes={"reason": "Spoke calmly"},
    )
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    release_on_its_own()
    return interview.id, Interview.objects.get(answers__text=DISTINCTIVE)


def test_it_unlinks_an_interviewer_led_anonymous_interview(client, departure, hr):
    old_id, anonymous = _interview_anonymously(departure, hr)

    assert_unlinked(departure, anonymous, old_id)
    assert anonymous.answers.get(question__key="reason").text == DISTINCTIVE
    assert anonymous.answers.get(question__key="reason").note == "Spoke calmly"
    departure.refresh_from_db()
    assert departure.outcome == Departure.Outcome.EXIT_CONFIRMED
    assert_hr_sees_no_link(client, hr, departure)
    assert linking_rows(departure, anonymous) == []


def test_it_unlinks_an_anonymous_interview_planned_after_an_invitation(
    client, departure, leaver_invitation, hr
):
    old_id, anonymous = _interview_anonymously(departure, hr)

    assert_unlinked(departure, anonymous, old_id)
    leaver_invitation.refresh_from_db()
    assert leaver_invitation.interview_id is None
    assert_hr_sees_no_link(client, hr, departure)


@pytest.mark.parametrize("level", ["named", "confidential"])
def test_it_keeps_the_link_for_a_non_anonymous_interview(
    client, departure, leaver_invitation, leaver_token, hr, level
):
    """The scan above can fail: here the answers are meant to stay with the leaver."""
    interview = leaver_invitation.interview
    Interview.objects.filter(pk=interview.pk).update(confidentiality=level)
    client.post(
        reverse("leaver:interview", args=[leaver_token]),
        {"action": "submit", "promise": level, "reason": DISTINCTIVE},
    )
    interview.refresh_from_db()
    assert interview.is_completed
    assert interview.departure_id == departure.pk
    tables = {table for table, _cells in linking_rows(departure, interview)}
    assert Interview._meta.db_table in tables
    assert Invitation._meta.db_table in tables
