"""`exitlens seed-demo`: load a fictional organisation with departures and exit interviews."""

import itertools
import random
import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max, Model
from django.utils import timezone

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    CaseNote,
    Department,
    Departure,
    DisclosureCase,
    Interview,
    Invitation,
    InvitationLink,
    Manager,
    SealedResponse,
    User,
)
from exitlens.core.services import sealing
from exitlens.core.services.audit import record_audit
from exitlens.core.services.questionnaires import current_version
from exitlens.demo.generator import QUESTION_KEYS, DemoDeparture, DemoGenerator
from exitlens.insights import summaries
from exitlens.insights.models import Leaver, QuoteReview

MAX_DEPARTURES = 1_000_000
DEPARTURE_FIELDS = [
    "id",
    "code",
    "full_name",
    "work_email",
    "personal_email",
    "language",
    "department",
    "manager",
    "job_title",
    "location",
    "hire_date",
    "leave_date",
    "departure_type",
    "regrettable",
    "external_id",
    "destination",
    "eligible_for_rehire",
    "outcome",
    "responded_anonymously",
    "created_at",
    "updated_at",
]
INTERVIEW_FIELDS = [
    "id",
    "departure",
    "questionnaire_version",
    "mode",
    "confidentiality",
    "status",
    "language",
    "interviewer",
    "scheduled_at",
    "meeting_place",
    "started_at",
    "completed_at",
    "department",
    "tenure_band",
    "leave_quarter",
    "completed_quarter",
]
INVITATION_FIELDS = [
    "id",
    "departure",
    "interview",
    "sent_to",
    "sent_by",
    "sent_at",
    "expires_at",
    "status",
    "reminders_sent",
    "last_reminded_at",
]
# Departures generated and written per round; their interviews, answers etc. go with them.
CHUNK = 5_000
# Children before parents, so that each DELETE leaves no dangling reference behind.
REPLACED_MODELS = (
    SealedResponse,
    Leaver,
    QuoteReview,
    CaseNote,
    DisclosureCase,
    AnswerTheme,
    AnswerChoice,
    Answer,
    InvitationLink,
    Invitation,
    Interview,
    Departure,
    Department,
    Manager,
)


def _parse_today(value: object) -> date:
    if value is None:
        return timezone.localdate()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CommandError(f"--today must be a date as YYYY-MM-DD, not {value!r}.") from None


def _next_id(model) -> int:
    return (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1


class Command(BaseCommand):
    help = (
        "Load a fictional organisation: managers, departments, departures and their exit "
        "interviews, the same for the same seed. For demos and benchmarks, never on real data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--departures", type=int, default=300, help="Number of departures (default 300)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed: the same seed gives the same data."
        )
        parser.add_argument(
            "--today",
            help="Pretend today is this date (YYYY-MM-DD), for reproducible data. "
            "Default: the real date.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete all departures, interviews, invitations, departments and managers "
            "first. Users are kept.",
        )

    def handle(self, *args, departures: int, seed: int, replace: bool, **options) -> None:
        if not 1 <= departures <= MAX_DEPARTURES:
            raise CommandError(
                f"--departures must be between 1 and {MAX_DEPARTURES:,}, not {departures}."
            )
        today = _parse_today(options.get("today"))
        started = time.perf_counter()
        with transaction.atomic():
            if replace:
                self._delete_all()
            elif Departure.objects.exists():
                raise CommandError(
                    "There are departures already. Use --replace to delete all departures, "
                    "interviews, invitations, departments and managers first."
                )
            elif Department.objects.exists() or Manager.objects.exists():
                raise CommandError(
                    "There are departments or managers already. Use --replace to delete them first."
                )
            counts = self._load(departures, seed, today)
            # As the service leaves them: released only in batches, under random ids. Drawn
            # from a stream of their own: the generator's, run again, repeats its ids.
            sealing.reseal_small_groups(random.Random(f"reseal {seed}"), everything=True)
            sealing.release_batches(rng=random.Random(f"release {seed}"))
            summaries.summarise_all()  # the insights' one row per completed interview
            record_audit(
                None,
                "demo.seeded",
                departures=departures,
                seed=seed,
                today=today.isoformat(),
                replace=replace,
            )
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
        self.stdout.write(f"Loaded {summary} in {seconds:.1f} s.")

    def _delete_all(self) -> None:
        # TRUNCATE on PostgreSQL, DELETEs in this order on SQLite: the ORM's cascade would
        # fetch every answer first. Fails, and rolls back, if another table refers to these.
        tables = [model._meta.db_table for model in REPLACED_MODELS]
        postgresql = connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            if postgresql:
                # TRUNCATE refuses tables with foreign key checks still pending in this transaction.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for sql in connection.ops.sql_flush(no_style(), tables):
                cursor.execute(sql)
            if postgresql:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def _load(self, count: int, seed: int, today: date) -> dict[str, int]:
        version = current_version()
        question_ids = dict(version.questions.values_list("key", "id"))
        missing = [key for key in QUESTION_KEYS if key not in question_ids]
        if missing:
            raise CommandError(
                "The current questionnaire lacks the demo's questions: " + ", ".join(missing)
            )
        staff_ids = list(
            User.objects.filter(is_active=True, role__in=[User.Role.ADMIN, User.Role.HR])
            .order_by("id")
            .values_list("id", flat=True)
        )
        generator = DemoGenerator(
            seed,
            today,
            staff_count=len(staff_ids),
            tz=timezone.get_default_timezone(),
            invitation_valid_days=settings.EXITLENS_INVITATION_VALID_DAYS,
        )
        managers = Manager.objects.bulk_create(
            Manager(name=manager.name, email=manager.email) for manager in generator.managers
        )
        department_ids: list[int] = []
        for department in generator.departments:
            department_ids.append(
                Department.objects.create(
                    name=department.name,
                    parent_id=None
                    if department.parent is None
                    else department_ids[department.parent],
                    manager=managers[department.manager],
                ).pk
            )
        loader = _Loader(
            version_id=version.pk,
            question_ids=question_ids,
            staff_ids=staff_ids,
            department_ids=department_ids,
            manager_ids=[manager.pk for manager in managers],
        )
        departures = generator.departures(count)
        while chunk := list(itertools.islice(departures, CHUNK)):
            loader.write(chunk)
        statements = connection.ops.sequence_reset_sql(no_style(), [Departure, Invitation, Answer])
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
        return {
            "managers": len(managers),
            "departments": len(department_ids),
            "departures": count,
            "interviews": loader.interviews,
            "invitations": loader.invitations,
            "answers": loader.answers,
        }


class _Table:
    """Writes plain tuples into a model's table: COPY on PostgreSQL, else executemany.

    bulk_create spends some 10 µs of Python per value, minutes for 100,000 departures, and
    row-by-row inserts cost PostgreSQL a round of parsing each. Columns not given get their
    field's default; the database numbers auto ids that are not given.
    """

    def __init__(self, model: type[Model], field_names: list[str]) -> None:
        meta = model._meta
        given = [meta.get_field(name) for name in field_names]
        rest = [
            field
            for field in meta.concrete_fields
            if field not in given and field is not meta.auto_field
        ]
        self.fill = tuple(field.get_db_prep_save(field.get_default(), connection) for field in rest)
        quote = connection.ops.quote_name
        table = quote(meta.db_table)
        columns = ", ".join(quote(field.column) for field in given + rest)
        placeholders = ", ".join(["%s"] * (len(given) + len(rest)))
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608

    def insert(self, rows: list[tuple]) -> None:
        if self.fill:
            rows = [row + self.fill for row in rows]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql, rows)


class _Loader:
    """Writes generated departures with their interviews, answers and invitations.

    Primary keys are handed out here, counting on from the highest in use, so that answers can
    refer to their interview and no insert waits for ids to come back from the database.
    """

    def __init__(
        self,
        *,
        version_id: int,
        question_ids: dict[str, int],
        staff_ids: list[int],
        department_ids: list[int],
        manager_ids: list[int],
    ) -> None:
        self.version_id = version_id
        self.question_ids = question_ids
        self.staff_ids = staff_ids
        self.department_ids = department_ids
        self.manager_ids = manager_ids
        self.departure_id = _next_id(Departure)
        self.invitation_id = _next_id(Invitation)
        self.answer_id = _next_id(Answer)
        self.interviews = self.invitations = self.answers = 0
        self.departure_table = _Table(Departure, DEPARTURE_FIELDS)
        self.interview_table = _Table(Interview, INTERVIEW_FIELDS)
        self.invitation_table = _Table(Invitation, INVITATION_FIELDS)
        self.link_table = _Table(
            InvitationLink, ["invitation", "token_hash", "sent_to", "created_at"]
        )
        self.answer_table = _Table(
            Answer, ["id", "interview", "question", "text", "number", "note"]
        )
        self.choice_table = _Table(AnswerChoice, ["answer", "value"])

    def _staff(self, index: int | None) -> int | None:
        return None if index is None else self.staff_ids[index]

    def write(self, chunk: list[DemoDeparture]) -> None:
        ops = connection.ops
        day, moment = ops.adapt_datefield_value, ops.adapt_datetimefield_value
        native_uuid = connection.features.has_native_uuid_field
        staff = self._staff
        departures, interviews, invitations, links, answers, choices = [], [], [], [], [], []
        question_ids = self.question_ids
        answer_id = self.answer_id
        for row in chunk:
            departure_id = self.departure_id
            self.departure_id += 1
            departures.append(
                (
                    departure_id,
                    row.code if native_uuid else row.code.hex,
                    row.full_name,
                    row.work_email,
                    row.personal_email,
                    row.language,
                    self.department_ids[row.department],
                    self.manager_ids[row.manager],
                    row.job_title,
                    row.location,
                    day(row.hire_date),
                    day(row.leave_date),
                    row.departure_type,
                    row.regrettable,
                    row.external_id,
                    row.destination,
                    row.eligible_for_rehire,
                    row.outcome,
                    row.responded_anonymously,
                    moment(row.registered_at),
                    moment(row.updated_at),
                )
            )
            interview = row.interview
            if interview is not None:
                interview_id = interview.id if native_uuid else interview.id.hex
                interviews.append(
                    (
                        interview_id,
                        None if interview.detached else departure_id,
                        self.version_id,
                        interview.mode,
                        interview.confidentiality,
                        interview.status,
                        interview.language,
                        staff(interview.interviewer),
                        moment(interview.scheduled_at),
                        interview.meeting_place,
                        moment(interview.started_at),
                        moment(interview.completed_at),
                        None
                        if interview.department is None
                        else self.department_ids[interview.department],
                        interview.tenure_band,
                        interview.leave_quarter,
                        interview.completed_quarter,
                    )
                )
                for key, text, number, chosen in interview.answers:
                    answers.append((answer_id, interview_id, question_ids[key], text, number, ""))
                    for value in chosen:
                        choices.append((answer_id, value))
                    answer_id += 1
            invitation = row.invitation
            if invitation is not None:
                invitation_id = self.invitation_id
                self.invitation_id += 1
                invitations.append(
                    (
                        invitation_id,
                        departure_id,
                        interview_id if invitation.linked else None,
                        invitation.sent_to,
                        staff(invitation.sent_by),
                        moment(invitation.sent_at),
                        moment(invitation.expires_at),
                        invitation.status,
                        invitation.reminders_sent,
                        moment(invitation.last_reminded_at),
                    )
                )
                for link in invitation.links:
                    links.append(
                        (
                            invitation_id,
                            link.token_hash,
                            invitation.sent_to,
                            moment(link.created_at),
                        )
                    )
        self.answer_id = answer_id
        self.departure_table.insert(departures)
        self.interview_table.insert(interviews)
        self.invitation_table.insert(invitations)
        self.link_table.insert(links)
        self.answer_table.insert(answers)
        self.choice_table.insert(choices)
        self.interviews += len(interviews)
        self.invitations += len(invitations)
        self.answers += len(answers)
