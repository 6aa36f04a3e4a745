"""Keep one `Leaver` row per completed interview, so the insights count without joining answers.

`summarise` (re)builds the rows of given interviews from the answers, their choices and their
effective theme tags. The services' signals (insights/signals.py: an interview completed, coded
or reviewed, a departure changed or imported) have it run on the task queue once their change
commits (`summarise_later`), so a leaver's submission or an import does not wait for it.
Reading the insights never writes: `summarise_missing` catches up on completed interviews
without a row (run by the worker periodically, and by `exitlens insights summarise` after data
was loaded by hand or an upgrade), `summarise_all` (`--all`) rebuilds every row.
"""

import secrets
from collections.abc import Iterable

from django.db import transaction

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core import queue, segments
from exitlens.core.models import Answer, AnswerChoice, AnswerTheme, Interview
from exitlens.core.services.coding import EFFECTIVE
from exitlens.insights.models import DataVersion, Leaver

BATCH = 2_000
BIT = {theme: 1 << i for i, theme in enumerate(THEME_IDS)}
# (question key, polarity or None for both) -> Leaver field
TAG_FIELDS = {
    ("reason", "negative"): "reason_text",
    ("reason", "positive"): "reason_strength",
    ("retention", None): "retention",
    ("attraction", "positive"): "attraction",
    ("liked_most", "positive"): "liked_most",
    ("liked_least", "negative"): "liked_least",
}
CHOICE_FIELDS = {"main_reason": "main", "contributing_reasons": "contributing"}
NUMBER_FIELDS = {"expectations_met": "expectations_met", "recommend": "recommend"}


def summarise(interview_ids: Iterable) -> int:
    """Rebuild the rows of these interviews (those not completed lose theirs)."""
    ids = list(dict.fromkeys(interview_ids))
    done = 0
    for start in range(0, len(ids), BATCH):
        done += _summarise_batch(ids[start : start + BATCH])
    changed()
    return done


def summarise_later(interview_ids: Iterable) -> None:
    """Rebuild these interviews' rows on the queue once the current transaction commits."""
    ids = [str(pk) for pk in dict.fromkeys(interview_ids)]
    for start in range(0, len(ids), BATCH):
        queue.enqueue_on_commit(summarise_task, ids[start : start + BATCH])


@queue.retrying
def summarise_task(interview_ids: list[str]) -> int:
    """The queue's task: rows as the interviews are now, so running it twice changes nothing."""
    return summarise(interview_ids)


@queue.periodic
@queue.retrying
def summarise_missing_task() -> int:
    """Whatever a task given up on left without a row."""
    return summarise_missing()


def changed() -> None:
    """Something the insights count has changed: cached results are stale from now on. The new
    version is random, so a database restored from a backup never meets an old cache entry."""
    number = secrets.randbits(62)
    if not DataVersion.objects.filter(pk=1).update(number=number):
        DataVersion.objects.update_or_create(pk=1, defaults={"number": number})


def version() -> int:
    return DataVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def summarise_all() -> int:
    Leaver.objects.all().delete()
    return summarise_missing()


def summarise_missing() -> int:
    missing = Interview.objects.filter(
        status=Interview.Status.COMPLETED, leaver__isnull=True
    ).values_list("pk", flat=True)
    return summarise(list(missing))


def summarise_departure_later(departure_id: int) -> None:
    summarise_later(
        Interview.objects.filter(departure_id=departure_id).values_list("pk", flat=True)
    )


@transaction.atomic
def _summarise_batch(ids: list) -> int:
    rows = {
        row["pk"]: _leaver(row)
        for row in Interview.objects.filter(pk__in=ids, status=Interview.Status.COMPLETED).values(
            "pk",
            "departure_id",
            "department_id",
            "tenure_band",
            "leave_quarter",
            "confidentiality",
            "departure__department_id",
            "departure__hire_date",
            "departure__manager_id",
            "departure__job_title",
            "departure__location",
            "departure__age_band",
            "departure__departure_type",
            "departure__regrettable",
            "departure__leave_date",
        )
    }
    answers = Answer.objects.filter(interview_id__in=list(rows))
    for interview_id, key, number in answers.filter(
        question__key__in=NUMBER_FIELDS, number__isnull=False
    ).values_list("interview_id", "question__key", "number"):
        setattr(rows[interview_id], NUMBER_FIELDS[key], number)
    for interview_id, key, value in AnswerChoice.objects.filter(
        answer__in=answers.filter(question__key__in=CHOICE_FIELDS), value__in=THEME_IDS
    ).values_list("answer__interview_id", "answer__question__key", "value"):
        _add(rows[interview_id], CHOICE_FIELDS[key], value)
    keys = {key for key, _ in TAG_FIELDS}
    for interview_id, key, theme, polarity in (
        AnswerTheme.objects.filter(EFFECTIVE, answer__in=answers.filter(question__key__in=keys))
        .filter(theme__in=THEME_IDS)
        .values_list("answer__interview_id", "answer__question__key", "theme", "polarity")
    ):
        field = TAG_FIELDS.get((key, polarity)) or TAG_FIELDS.get((key, None))
        if field:
            _add(rows[interview_id], field, theme)
    for leaver in rows.values():
        leaver.reasons = leaver.main | leaver.contributing | leaver.reason_text
    Leaver.objects.filter(interview_id__in=ids).delete()
    Leaver.objects.bulk_create(rows.values())
    return len(rows)


def _leaver(row: dict) -> Leaver:
    """Named and confidential interviews follow their departure (HR may correct it later);
    anonymous ones keep what they were given at submission."""
    leave_date = row["departure__leave_date"]
    band = row["tenure_band"]
    if leave_date:
        band = segments.tenure_band(row["departure__hire_date"], leave_date)
    return Leaver(
        interview_id=row["pk"],
        departure_id=row["departure_id"],
        department_id=row["departure__department_id"] or row["department_id"],
        manager_id=row["departure__manager_id"],
        job_title=row["departure__job_title"] or "",
        location=row["departure__location"] or "",
        age_band=row["departure__age_band"] or "",
        tenure_band=band or segments.UNKNOWN,
        departure_type=row["departure__departure_type"] or "",
        regrettable=row["departure__regrettable"],
        leave_date=leave_date,
        leave_month=f"{leave_date.year}-{leave_date.month:02d}" if leave_date else "",
        leave_quarter=row["leave_quarter"],
        confidentiality=row["confidentiality"],
    )


def _add(leaver: Leaver, field: str, theme: str) -> None:
    setattr(leaver, field, getattr(leaver, field) | BIT[theme])
