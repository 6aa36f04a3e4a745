"""Write survey rows as departures with a completed, confidential interview each.

`plan` looks up what is stored (departments, departures with their interviews, the questions)
and rejects the rows that cannot go in; `apply` writes the rest in bulk. A row whose external id
is stored updates that departure, and the answers its interview got from this kind of file are
replaced. Bulk writes send no model signals, so `apply` tells the insights what changed.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.core import segments
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    Department,
    Departure,
    Interview,
    Question,
    User,
)
from exitlens.core.services.audit import record_audit
from exitlens.core.services.questionnaires import current_version
from exitlens.core.signals import interviews_changed
from exitlens.imports.surveys.common import (
    DEPARTMENT_SEPARATOR,
    Parsed,
    Rejected,
    SurveyError,
    SurveyRow,
)

BATCH = 500  # rows per INSERT or UPDATE, and ids per `IN (...)`: within SQLite's limits
REQUIRED_FOR_NEW = ("leave_date", "departure_type")
NAME_LENGTH = Department._meta.get_field("name").max_length
ID_LENGTH = Departure._meta.get_field("external_id").max_length


@dataclass
class Stored:
    departure: Departure
    interview_id: object = None  # the uuid of its interview, if it has one
    version_id: int | None = None  # the questionnaire version of that interview
    status: str = ""  # and its status


@dataclass
class Plan:
    parsed: Parsed
    version_id: int
    questions: dict[tuple[int, str], Question]  # (version id, key) -> question
    create: list[SurveyRow] = field(default_factory=list)
    update: list[tuple[SurveyRow, Stored]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    departments: dict[str, int] = field(default_factory=dict)  # casefolded name -> id
    new_departments: list[tuple[str, str | None]] = field(default_factory=list)  # (name, parent)

    def unthemed(self) -> Counter:
        rows = self.create + [row for row, _stored in self.update]
        return Counter(reason for row in rows for reason in row.unthemed)


def department_names(path: tuple[str, ...]) -> list[str]:
    """The name of each department on the path: "DETE", "DETE / Metropolitan", ..."""
    return [DEPARTMENT_SEPARATOR.join(path[: depth + 1]) for depth in range(len(path))]


def plan(parsed: Parsed) -> Plan:
    """Check every row against what is stored; changes nothing but the default questionnaire,
    which is made if there is none yet."""
    version = current_version()
    found = Plan(parsed, version.pk, {}, rejected=list(parsed.rejected))
    stored = _stored([row.external_id for row in parsed.rows])
    versions = {version.pk} | {s.version_id for s in stored.values() if s.version_id}
    for question in Question.objects.filter(version_id__in=versions):
        found.questions[question.version_id, question.key] = question
    missing = [key for key in parsed.questions if (version.pk, key) not in found.questions]
    if missing:
        raise SurveyError(
            _("The current questionnaire has no question %(keys)s, which this import answers.")
            % {"keys": ", ".join(missing)}
        )
    found.departments = {
        name.casefold(): pk for name, pk in Department.objects.values_list("name", "pk")
    }
    for row in parsed.rows:
        current = stored.get(row.external_id)
        reason = _problem(found, row, current)
        if reason:
            found.rejected.append(Rejected(row.row, reason))
        elif current is None:
            found.create.append(row)
        else:
            found.update.append((row, current))
    found.rejected.sort(key=lambda rejected: rejected.row)
    _plan_departments(found)
    return found


def _stored(external_ids: list[str]) -> dict[str, Stored]:
    found = {}
    for start in range(0, len(external_ids), BATCH):
        batch = external_ids[start : start + BATCH]
        for departure in Departure.objects.filter(external_id__in=batch):
            found[departure.external_id] = Stored(departure)
    by_pk = {stored.departure.pk: stored for stored in found.values()}
    pks = list(by_pk)
    for start in range(0, len(pks), BATCH):
        interviews = Interview.objects.filter(departure_id__in=pks[start : start + BATCH])
        for departure_id, pk, version_id, status in interviews.values_list(
            "departure_id", "pk", "questionnaire_version_id", "status"
        ):
            stored = by_pk[departure_id]
            stored.interview_id, stored.version_id, stored.status = pk, version_id, status
    return found


def _problem(plan: Plan, row: SurveyRow, current: Stored | None) -> str:
    """Why this row cannot go in, or "" if it can."""
    if len(row.external_id) > ID_LENGTH:
        return _("the id is longer than %(limit)s characters") % {"limit": ID_LENGTH}
    if any(len(name) > NAME_LENGTH for name in department_names(row.department)):
        return _("the department name is longer than %(limit)s characters") % {"limit": NAME_LENGTH}
    values = dict(row.departure)
    if current is None:
        missing = [name for name in REQUIRED_FOR_NEW if name not in values]
        if not row.department:
            missing.append("department")
        if missing:
            return _("required for a new departure: %(columns)s") % {"columns": ", ".join(missing)}
    else:
        departure = current.departure
        if departure.responded_anonymously:
            return _("this leaver answered an anonymous interview already")
        if current.interview_id and current.status != Interview.Status.COMPLETED:
            return _("this leaver has an interview that is not completed")
        values = {
            "hire_date": departure.hire_date,
            "leave_date": departure.leave_date,
            **values,
        }
    hire_date, leave_date = values.get("hire_date"), values["leave_date"]
    if hire_date and hire_date > leave_date:
        return _("the hire date %(hire)s lies after the leave date %(leave)s") % {
            "hire": hire_date.isoformat(),
            "leave": leave_date.isoformat(),
        }
    version_id = current.version_id if current and current.version_id else plan.version_id
    for key, answer in row.answers.items():
        question = plan.questions.get((version_id, key))
        if question is None:
            return _("the questionnaire of this leaver's interview has no question %(key)s") % {
                "key": key
            }
        reason = _answer_problem(question, answer)
        if reason:
            return reason
    return ""


def _answer_problem(question: Question, answer) -> str:
    if isinstance(answer, int):
        low, high = question.scale_min, question.scale_max
        if low is None or high is None or not low <= answer <= high:
            return _("%(key)s: %(value)s is not on the scale %(low)s to %(high)s") % {
                "key": question.key,
                "value": answer,
                "low": low,
                "high": high,
            }
        return ""
    options = {option["value"] for option in question.options}
    unknown = [value for value in answer if value not in options]
    if unknown:
        return _("%(key)s: %(values)s is not one of the question's options") % {
            "key": question.key,
            "values": ", ".join(unknown),
        }
    return ""


def _plan_departments(plan: Plan) -> None:
    """Departments the rows name that are not stored, each after its parent."""
    new = {}
    rows = plan.create + [row for row, _stored in plan.update]
    for row in rows:
        parent = None
        for name in department_names(row.department):
            key = name.casefold()
            if key not in plan.departments and key not in new:
                new[key] = (name, parent)
            parent = name
    plan.new_departments = list(new.values())


def apply(plan: Plan, path: Path, format_name: str, by: User | None = None) -> None:
    """Write the plan; the caller holds the transaction."""
    for name, parent in plan.new_departments:
        parent_id = plan.departments[parent.casefold()] if parent else None
        plan.departments[name.casefold()] = Department.objects.create(
            name=name, parent_id=parent_id
        ).pk
    created = _create_departures(plan)
    updated = _update_departures(plan)
    interviews = _interviews(plan, created, updated)
    _replace_answers(plan, interviews)
    interviews_changed.send(
        sender=__name__, interview_ids=[interview.pk for interview, _row in interviews]
    )
    record_audit(
        by,
        "surveys.imported",
        path.name,
        format=format_name,
        created=len(plan.create),
        updated=len(plan.update),
        rejected=len(plan.rejected),
        departments_created=len(plan.new_departments),
    )


def _department_id(plan: Plan, row: SurveyRow) -> int | None:
    names = department_names(row.department)
    return plan.departments[names[-1].casefold()] if names else None


def _create_departures(plan: Plan) -> list[tuple[Departure, SurveyRow]]:
    departures = []
    for row in plan.create:
        values = {
            "full_name": _("Survey respondent %(id)s") % {"id": row.external_id},
            "language": settings.LANGUAGE_CODE,
            **row.departure,
        }
        departures.append(
            Departure(
                **values,
                external_id=row.external_id,
                department_id=_department_id(plan, row),
                outcome=Departure.Outcome.EXIT_CONFIRMED,
            )
        )
    Departure.objects.bulk_create(departures, batch_size=BATCH)
    return list(zip(departures, plan.create, strict=True))


def _update_departures(plan: Plan) -> list[tuple[Departure, SurveyRow, Stored]]:
    now = timezone.now()
    fields = {"updated_at"}
    updated = []
    for row, stored in plan.update:
        departure = stored.departure
        for name, value in row.departure.items():
            setattr(departure, name, value)
            fields.add(name)
        if row.department:
            departure.department_id = _department_id(plan, row)
            fields.add("department")
        departure.updated_at = now
        updated.append((departure, row, stored))
    if updated:
        Departure.objects.bulk_update(
            [departure for departure, _row, _stored in updated], sorted(fields), batch_size=BATCH
        )
    return updated


def _interviews(plan: Plan, created: list, updated: list) -> list[tuple[Interview, SurveyRow]]:
    """Every row's interview: made for a departure without one, else its segments refreshed."""
    new, refreshed = [], []
    for departure, row, stored in [(d, r, None) for d, r in created] + updated:
        if stored is not None and stored.interview_id:
            interview = Interview(
                pk=stored.interview_id, questionnaire_version_id=stored.version_id
            )
            _set_segments(interview, departure)
            refreshed.append((interview, row))
            continue
        completed_at = datetime.combine(
            departure.leave_date, time(12), tzinfo=timezone.get_default_timezone()
        )
        interview = Interview(
            departure=departure,
            questionnaire_version_id=plan.version_id,
            mode=Interview.Mode.SELF_SERVICE,
            confidentiality=Interview.Confidentiality.CONFIDENTIAL,
            status=Interview.Status.COMPLETED,
            language=departure.language,
            started_at=completed_at,
            completed_at=completed_at,
            completed_quarter=segments.quarter(departure.leave_date),
        )
        _set_segments(interview, departure)
        new.append((interview, row))
    Interview.objects.bulk_create([interview for interview, _row in new], batch_size=BATCH)
    Interview.objects.bulk_update(
        [interview for interview, _row in refreshed],
        ["department", "tenure_band", "leave_quarter"],
        batch_size=BATCH,
    )
    return new + refreshed


def _set_segments(interview: Interview, departure: Departure) -> None:
    """What an interview keeps of its leaver at completion (see services.interviews)."""
    interview.department_id = departure.department_id
    interview.tenure_band = departure.tenure_band
    interview.leave_quarter = departure.leave_quarter


def _replace_answers(plan: Plan, interviews: list[tuple[Interview, SurveyRow]]) -> None:
    keys = plan.parsed.questions
    ids = [interview.pk for interview, _row in interviews]
    for start in range(0, len(ids), BATCH):
        Answer.objects.filter(
            interview_id__in=ids[start : start + BATCH], question__key__in=keys
        ).delete()
    answers, chosen = [], []
    for interview, row in interviews:
        for key, value in row.answers.items():
            question = plan.questions[interview.questionnaire_version_id, key]
            number = value if isinstance(value, int) else None
            answers.append(Answer(interview=interview, question=question, number=number))
            chosen.append(() if isinstance(value, int) else value)
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    AnswerChoice.objects.bulk_create(
        [
            AnswerChoice(answer=answer, value=value)
            for answer, values in zip(answers, chosen, strict=True)
            for value in values
        ],
        batch_size=BATCH,
    )
