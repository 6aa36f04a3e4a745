import hashlib
from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AuditEntry,
    Department,
    Departure,
    Interview,
    Invitation,
    InvitationLink,
    Manager,
    User,
)
from exitlens.core.services import interviews as interview_service
from exitlens.core.services import invitations as invitation_service
from exitlens.demo import organisation

TODAY = "2026-11-26"


def seed(**options):
    out = StringIO()
    options = {"departures": 200, "seed": 3, "today": TODAY, **options}
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def digest() -> str:
    """Everything that makes up the demo data, ids and uuids included."""
    sha = hashlib.sha256()
    for row in Departure.objects.order_by("external_id").values_list(
        "id",
        "code",
        "full_name",
        "work_email",
        "personal_email",
        "department__name",
        "leave_date",
        "hire_date",
        "outcome",
        "created_at",
    ):
        sha.update(repr(row).encode())
    for row in Interview.objects.order_by("id").values_list(
        "id", "departure__external_id", "status", "confidentiality", "completed_at"
    ):
        sha.update(repr(row).encode())
    for row in Answer.objects.order_by("interview_id", "question__position").values_list(
        "id", "interview_id", "question__key", "text", "number"
    ):
        sha.update(repr(row).encode())
    for row in AnswerChoice.objects.order_by("answer_id", "value").values_list(
        "answer_id", "value"
    ):
        sha.update(repr(row).encode())
    for row in InvitationLink.objects.order_by("token_hash").values_list(
        "token_hash", "invitation__departure__external_id", "created_at"
    ):
        sha.update(repr(row).encode())
    return sha.hexdigest()


@pytest.mark.django_db
def test_it_loads_a_fictional_organisation():
    out = seed()

    assert Departure.objects.count() == 200
    assert Department.objects.count() == len(organisation.DEPARTMENTS)
    assert Manager.objects.count() == len(organisation.DEPARTMENTS)
    assert not Department.objects.filter(manager=None).exists()
    assert Department.objects.filter(parent__name="Operations").count() == 4
    assert Departure.objects.filter(external_id="HR-000200").exists()
    assert not Departure.objects.exclude(work_email__endswith="@example.org").exists()
    interviews = Interview.objects.count()
    assert 80 < interviews < 125
    assert Interview.objects.filter(status=Interview.Status.COMPLETED).count() > 0.75 * interviews
    assert Answer.objects.count() > 9 * Interview.objects.filter(status="completed").count()
    assert AnswerChoice.objects.filter(answer__question__key="main_reason").exists()
    assert Invitation.objects.count() > 0
    assert InvitationLink.objects.count() >= Invitation.objects.count()
    assert "200 departures" in out
    assert f"{interviews} interviews" in out


@pytest.mark.django_db
def test_it_stores_completed_anonymous_interviews_detached():
    seed()

    anonymous = Interview.objects.filter(confidentiality="anonymous", status="completed")
    assert anonymous.exists()
    assert not anonymous.exclude(departure=None).exists()
    assert not anonymous.filter(started_at__isnull=False).exists()
    assert not anonymous.filter(completed_at__isnull=False).exists()
    assert not anonymous.filter(scheduled_at__isnull=False).exists()
    assert not anonymous.filter(interviewer__isnull=False).exists()
    # Released as the service releases them: in batches of at least the minimum that share
    # their (generalised) department, tenure band and period.
    groups = anonymous.values("department", "tenure_band", "leave_quarter").annotate(n=Count("pk"))
    assert min(group["n"] for group in groups) >= settings.EXITLENS_MIN_GROUP_SIZE
    assert all(
        answer_id < 0
        for answer_id in Answer.objects.filter(interview__in=anonymous).values_list("pk", flat=True)
    )
    assert not anonymous.exclude(completed_quarter="", language="", mode="").exists()
    assert not anonymous.filter(invitations__isnull=False).exists()
    assert Departure.objects.filter(responded_anonymously=True).count() == anonymous.count()
    assert Interview.objects.filter(departure=None).count() == anonymous.count()
    assert Answer.objects.filter(interview__in=anonymous).count() == 11 * anonymous.count()


@pytest.mark.django_db
def test_it_links_other_interviews_to_their_departure():
    seed()

    linked = Interview.objects.exclude(confidentiality="anonymous", status="completed")
    assert not linked.filter(departure=None).exists()
    completed = linked.filter(status="completed")
    assert not completed.filter(completed_at=None).exists()
    assert not completed.filter(departure__outcome="pending").exists()
    assert not Interview.objects.filter(status="not_started").filter(answers__isnull=False).exists()
    for interview in linked.filter(mode="self_service").select_related("departure"):
        assert interview.departure.invitations.get().interview == interview


@pytest.mark.django_db
def test_it_gives_interviewer_led_interviews_to_staff(hr):
    seed(departures=400)

    led = Interview.objects.filter(mode="interviewer").exclude(departure=None)
    assert led.exists()
    assert set(led.values_list("interviewer", flat=True)) == {hr.pk}
    assert Invitation.objects.filter(sent_by=hr).exists()


@pytest.mark.django_db
def test_it_leaves_interviewers_empty_without_staff():
    seed()

    assert not Interview.objects.filter(interviewer__isnull=False).exists()
    assert Interview.objects.filter(mode="interviewer").exists()


@pytest.mark.django_db
def test_it_gives_the_same_data_for_the_same_seed(hr):
    seed()
    first = digest()

    seed(replace=True)

    assert digest() == first
    seed(replace=True, seed=4)
    assert digest() != first


@pytest.mark.django_db
def test_it_refuses_to_load_over_existing_departures(departure):
    with pytest.raises(CommandError, match="--replace"):
        seed()

    assert list(Departure.objects.all()) == [departure]
    assert Department.objects.count() == 1


@pytest.mark.django_db
def test_it_replaces_departures_but_keeps_users(departure, hr, admin):
    seed(replace=True)

    assert not Departure.objects.filter(code=departure.code).exists()
    assert Departure.objects.count() == 200
    assert not Department.objects.filter(name="Customer Service").exists()
    assert set(User.objects.values_list("username", flat=True)) == {"hanna", "alice"}


@pytest.mark.django_db
def test_it_replaces_coded_answers_too():
    from django.core.management import call_command

    from exitlens.core.models import AnswerTheme

    seed(departures=60)
    call_command("themes", "recode")
    assert AnswerTheme.objects.exists()

    seed(departures=60, replace=True)

    assert not AnswerTheme.objects.exists()
    assert Departure.objects.count() == 60


@pytest.mark.django_db
@pytest.mark.parametrize("departures", [0, -5, 1_000_001])
def test_it_rejects_a_number_of_departures_out_of_range(departures):
    with pytest.raises(CommandError, match="between 1 and 1,000,000"):
        seed(departures=departures)

    assert not Departure.objects.exists()


@pytest.mark.django_db
def test_it_rejects_a_malformed_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        seed(today="26-11-2026")


@pytest.mark.django_db
def test_it_places_leave_dates_around_today():
    seed(today="2025-06-30")

    assert Departure.objects.filter(leave_date__gt=date(2025, 6, 30)).exists()
    assert not Departure.objects.filter(leave_date__lt=date(2023, 6, 30)).exists()
    assert not Interview.objects.filter(departure__leave_date__gt=date(2025, 6, 30)).exists()


@pytest.mark.django_db
def test_it_records_an_audit_entry():
    seed()

    entry = AuditEntry.objects.get(action="demo.seeded")
    assert entry.data == {"departures": 200, "seed": 3, "today": TODAY, "replace": False}


@pytest.mark.django_db
def test_it_leaves_the_database_ready_for_new_rows(questionnaire_version):
    seed()
    department = Department.objects.first()

    added = Departure.objects.create(
        full_name="New Leaver", department=department, leave_date=date(2026, 12, 31)
    )
    interview = Interview.objects.create(
        departure=added,
        questionnaire_version=questionnaire_version,
        mode="self_service",
        confidentiality="named",
        language="en",
    )
    answer = Answer.objects.create(
        interview=interview, question=questionnaire_version.questions.first()
    )

    assert added.pk > Departure.objects.exclude(pk=added.pk).order_by("-pk").first().pk
    assert answer.pk > Answer.objects.exclude(pk=answer.pk).order_by("-pk").first().pk


@pytest.mark.django_db
@time_machine.travel(datetime(2026, 11, 26, 12, tzinfo=UTC), tick=False)
def test_it_fits_the_interview_services(hr, mailoutbox):
    """On the seed's own "today": the invitations it made are still open then, and only then."""
    seed()
    started = Interview.objects.filter(status="in_progress").first()
    waiting = Departure.objects.get(invitations__status="open", interview__status="not_started")

    interview_service.submit_interview(started)
    invitation_service.send_invitation(waiting, by=hr, confidentiality="confidential")

    started.refresh_from_db()
    assert started.status == "completed"
    assert waiting.invitations.get().links.count() >= 2
    assert mailoutbox[-1].to == [waiting.personal_email or waiting.work_email]


@pytest.mark.django_db
def test_it_releases_anonymous_interviews_under_ids_no_other_interview_has():
    """The released ids came from a generator seeded like the demo's own, so they met the ids
    of other interviews: seed 2 at 2,000 departures failed on the interviews' primary key."""
    output = seed(departures=2000, seed=2)

    assert f"{Interview.objects.count():,} interviews" in output
    assert Interview.objects.filter(departure__isnull=True).exists()
