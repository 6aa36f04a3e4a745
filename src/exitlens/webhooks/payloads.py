"""What each event tells a receiver: ids and codes to look things up by, never answer text.

Receivers learn no more than HR sees in Exitlens, and less about anonymous interviews: they are
announced only as a released batch (services/sealing.py), with the segments the batch shares and
its size, never one event per submission, and nothing that tells one from another.
"""

from django.utils import timezone

from exitlens.core.models import Answer, Departure, Interview

BATCH = 1_000  # ids per query: a large import names many departures


def interview_completed(interview: Interview) -> dict:
    if interview.is_anonymous:
        # No interview id either: "the leaver of departure X submitted at 14:03" is easy to
        # learn (the departure list shows who responded), and the id would lead to the answers.
        return {
            "interview": None,
            "mode": None,
            "confidentiality": interview.confidentiality,
            "completed_on": None,
            "leave_quarter": interview.leave_quarter or None,
            "departure": None,
        }
    departure = interview.departure
    return {
        "interview": str(interview.id),
        "mode": interview.mode,
        "confidentiality": interview.confidentiality,
        "completed_on": timezone.localdate(interview.completed_at).isoformat(),
        "leave_quarter": interview.leave_quarter or None,
        "departure": {"code": str(departure.code), "external_id": departure.external_id or None},
    }


def anonymous_batch(size: int, department_id: int | None, period: str, tenure_band: str) -> dict:
    return {
        "interview": None,
        "mode": None,
        "confidentiality": Interview.Confidentiality.ANONYMOUS.value,
        "completed_on": None,
        "leave_quarter": period or None,
        "departure": None,
        "batch": {
            "size": size,
            "department": department_id,
            "period": period or None,
            "tenure_band": tenure_band or None,
        },
    }


def disclosures(answers: list[Answer]) -> dict:
    return {
        "answers": [
            {
                "answer": answer.pk,
                "interview": str(answer.interview_id),
                "question": answer.question.key,
            }
            for answer in answers
        ]
    }


def announceable_disclosures(answer_ids: list[int]) -> list[Answer]:
    """The flagged answers HR can read: those of completed interviews.

    While an interview is in progress nobody reads its answers, and an unfinished anonymous one
    still hangs on its leaver under ids that anonymisation deletes; a disclosure found during
    answering is announced when a non-anonymous interview completes (`completion_disclosures`).
    """
    return list(
        Answer.objects.filter(pk__in=answer_ids, interview__status=Interview.Status.COMPLETED)
        .select_related("question")
        .order_by("pk")
    )


def completion_disclosures(interview: Interview) -> list[Answer]:
    """Flagged answers of an interview that has just completed. None for an anonymous one: that
    it holds a disclosure, sent at the moment of submission, would tell it from the others."""
    if interview.is_anonymous:
        return []
    return list(interview.answers.filter(sensitive=True).select_related("question").order_by("pk"))


def departures_imported(departure_ids: list[int], created: int, updated: int) -> dict:
    ids = sorted(departure_ids)
    codes = []
    for start in range(0, len(ids), BATCH):
        batch = Departure.objects.filter(pk__in=ids[start : start + BATCH]).order_by("pk")
        codes.extend(str(code) for code in batch.values_list("code", flat=True))
    return {"created": created, "updated": updated, "departures": codes}
