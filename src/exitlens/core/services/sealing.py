"""Anonymous interviews: sealed at submission, released in batches that cannot be told apart.

A submitted anonymous interview leaves its leaver in three steps, each its own transaction:

1. `seal`: its answers, tags and choices, and the coarse segments it may keep (department, tenure
   band, quarter of leaving), become one encrypted `SealedResponse`, and the draft is marked
   completed so no later save can change it. Nothing of the departure is written here.
2. `close_submitted_drafts`: the draft (linked to the departure) is deleted, its invitations
   are completed and the departure says that the leaver responded. Nothing of the answers is
   written here. It runs right after the seal and again before every release, so a crash
   between the two steps is finished later and loses nothing.
3. `release_batches`: sealed responses become anonymous interviews only in groups of at least
   EXITLENS_MIN_GROUP_SIZE that show the same segments, generalised (tenure band dropped, quarter
   to year, department to its parent, up to the whole organisation) until the group is large
   enough. A smaller remainder stays sealed, however long it waits. The new rows carry random
   ids and no time, are written in random order, and one webhook announces the batch.

So a snapshot of the anonymous interviews before and after a submission shows no change; after
a release, at least `min` new interviews share every attribute HR can see.
"""

import json
import random
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from exitlens.core import crypto
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Department,
    Departure,
    Interview,
    Invitation,
    SealedResponse,
)
from exitlens.core.services import cases, coding
from exitlens.core.services.audit import record_audit
from exitlens.core.signals import anonymous_batch_released, interviews_changed

WHOLE_ORGANISATION = None
UNKNOWN_PERIOD = ""


def _timeless_id(rng: random.Random) -> int:
    """A random negative primary key. Row numbers count up as time passes, so new rows with
    ordinary ids would date the release; negative ones also leave the next ordinary id alone."""
    return -(rng.getrandbits(62) + 1)


def _random_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def payload_of(interview: Interview) -> dict:
    """What an anonymous interview keeps: its answers and three coarse segments, no more. Its
    language, mode and dates go: in a small team "English, led by an interviewer" names a
    person."""
    departure = interview.departure
    if departure is not None:
        segments = (departure.department_id, departure.tenure_band, departure.leave_quarter)
    else:  # released before, and resealed (reseal_small_groups)
        segments = (interview.department_id, interview.tenure_band, interview.leave_quarter)
    answers = interview.answers.prefetch_related("choices", "themes").order_by("question_id")
    return {
        "questionnaire_version": interview.questionnaire_version_id,
        "department": segments[0],
        "tenure_band": segments[1],
        "leave_quarter": segments[2],
        "answers": [
            {
                "question": answer.question_id,
                "text": answer.text,
                "number": answer.number,
                "note": answer.note,
                "language": answer.language,
                "sensitive": answer.sensitive,
                "certainty": answer.certainty,
                "reviewed": answer.reviewed_at is not None,
                "themes": [
                    [tag.theme, tag.polarity, tag.score, tag.source] for tag in answer.themes.all()
                ],
                "choices": [choice.value for choice in answer.choices.all()],
            }
            for answer in answers
        ],
    }


def seal(interview: Interview, rng: random.Random | None = None) -> None:
    """Step 1: store the locked, just-completed anonymous interview as a sealed response."""
    SealedResponse.objects.create(
        id=_random_uuid(rng or random.SystemRandom()),
        payload=crypto.encrypt(json.dumps(payload_of(interview)).encode()),
    )


def reseal_small_groups(rng: random.Random | None = None, *, everything: bool = False) -> int:
    """Seal again every released anonymous interview whose segments fewer than the minimum
    share: those released one by one before batches existed, or whose department was deleted
    or moved. The next release puts them in a batch of their own. `everything` reseals them
    all (the demo data, written with ordinary ids)."""
    small = (
        Interview.objects.filter(
            departure__isnull=True,
            confidentiality=Interview.Confidentiality.ANONYMOUS,
            status=Interview.Status.COMPLETED,
        )
        .values("department_id", "leave_quarter", "tenure_band")
        .annotate(n=Count("pk"))
        # In a fixed order, so the demo's seeded random ids come out the same on every run.
        .order_by("department_id", "leave_quarter", "tenure_band")
    )
    if not everything:
        small = small.filter(n__lt=settings.EXITLENS_MIN_GROUP_SIZE)
    resealed = 0
    for group in small:
        interviews = Interview.objects.filter(
            departure__isnull=True,
            confidentiality=Interview.Confidentiality.ANONYMOUS,
            status=Interview.Status.COMPLETED,
            department_id=group["department_id"],
            leave_quarter=group["leave_quarter"],
            tenure_band=group["tenure_band"],
        ).order_by("pk")
        for interview in interviews:
            seal(interview, rng)
            interview.delete()
            resealed += 1
    return resealed


def close_submitted_drafts() -> int:
    """Step 2 for every sealed draft still linked to its departure (see the module docstring)."""
    closed = 0
    drafts = Interview.objects.filter(
        confidentiality=Interview.Confidentiality.ANONYMOUS,
        status=Interview.Status.COMPLETED,
        departure__isnull=False,
    ).values_list("pk", flat=True)
    for pk in list(drafts):
        with transaction.atomic():
            draft = Interview.objects.select_for_update().filter(pk=pk).first()
            if draft is None or draft.departure_id is None:
                continue
            departure_id = draft.departure_id
            Invitation.objects.filter(departure_id=departure_id).filter(
                status=Invitation.Status.OPEN
            ).update(status=Invitation.Status.COMPLETED)
            Invitation.objects.filter(interview=draft).update(interview=None)
            draft.delete()
            # update() leaves updated_at alone, so no timestamp on the departure dates this.
            Departure.objects.filter(pk=departure_id).update(responded_anonymously=True)
            closed += 1
    if closed:
        transaction.on_commit(_forget_deleted_rows)
    return closed


def _forget_deleted_rows() -> None:
    from exitlens.core.storage import forget_deleted_rows

    forget_deleted_rows()


def sealed_count() -> int:
    return SealedResponse.objects.count()


@dataclass
class _Sealed:
    pk: uuid.UUID
    payload: dict
    ladder: list[tuple] = field(default_factory=list)


def _ancestors(department_id: int | None, parents: dict[int, int | None]) -> list[int]:
    found, seen = [], set()
    node = parents.get(department_id) if department_id is not None else None
    while node is not None and node not in seen:
        seen.add(node)
        found.append(node)
        node = parents.get(node)
    return found


def _year(quarter: str) -> str:
    return quarter[:4] if quarter else UNKNOWN_PERIOD


def generalisations(payload: dict, parents: dict[int, int | None]) -> list[tuple]:
    """(department, period, tenure band) from what the leaver gave to the whole organisation:
    tenure band dropped first, then the quarter becomes its year, then the department climbs
    to its parent, level by level, to the whole organisation; last the period goes too."""
    department = payload["department"]
    quarter, band = payload["leave_quarter"], payload["tenure_band"]
    year = _year(quarter)
    ladder = [(department, quarter, band), (department, quarter, ""), (department, year, "")]
    ladder += [(ancestor, year, "") for ancestor in _ancestors(department, parents)]
    ladder += [(WHOLE_ORGANISATION, year, ""), (WHOLE_ORGANISATION, UNKNOWN_PERIOD, "")]
    return list(dict.fromkeys(ladder))


def plan_batches(sealed: list[_Sealed], minimum: int) -> dict[tuple, list[_Sealed]]:
    """Groups of at least `minimum` sealed responses with the same (generalised) segments.

    Round by round every response still waiting offers its next generalisation; a group that
    reaches the minimum is released with those segments. What never reaches it stays sealed.
    """
    batches: dict[tuple, list[_Sealed]] = {}
    waiting = list(sealed)
    rounds = max((len(item.ladder) for item in waiting), default=0)
    for level in range(rounds):
        groups: dict[tuple, list[_Sealed]] = {}
        for item in waiting:
            groups.setdefault(item.ladder[min(level, len(item.ladder) - 1)], []).append(item)
        waiting = []
        for key, members in groups.items():
            if len(members) >= minimum:
                batches.setdefault(key, []).extend(members)
            else:
                waiting.extend(members)
    return batches


@dataclass
class Release:
    released: int = 0
    batches: int = 0
    still_sealed: int = 0
    unreadable: int = 0


def release_batches(*, by=None, rng: random.Random | None = None) -> Release:
    """Step 3: release every batch that can be formed now (see the module docstring)."""
    close_submitted_drafts()
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        reseal_small_groups(rng)
        result, interview_ids = _release_locked(by, rng)
    if result.released:
        transaction.on_commit(_forget_deleted_rows)
        interviews_changed.send(sender=Interview, interview_ids=interview_ids)
        # Sealed before the queue coded them: coded now, when HR may read them anyway.
        uncoded = Answer.objects.filter(interview__in=interview_ids, certainty__isnull=True)
        coding.code_later(coding.codable(uncoded).only("pk"))
    return result


def _release_locked(by, rng: random.Random) -> tuple[Release, list]:
    result = Release()
    parents = dict(Department.objects.values_list("pk", "parent_id"))
    sealed = []
    sealed_rows = SealedResponse.objects.select_for_update().order_by("pk")
    for pk, payload in sealed_rows.values_list("pk", "payload"):
        try:
            content = json.loads(crypto.decrypt(bytes(payload)))
        except crypto.UndecryptableError:
            # Sealed under a secret key that is gone; kept, and said (docs/confidentiality.md).
            result.unreadable += 1
            continue
        if content["department"] not in parents:
            content["department"] = None
        sealed.append(_Sealed(pk, content, generalisations(content, parents)))
    batches = plan_batches(sealed, settings.EXITLENS_MIN_GROUP_SIZE)
    interview_ids = []
    for (department, period, band), members in batches.items():
        rng.shuffle(members)
        for member in members:
            interview_ids.append(_create_anonymous(member.payload, department, period, band, rng))
        SealedResponse.objects.filter(pk__in=[member.pk for member in members]).delete()
        result.batches += 1
        result.released += len(members)
        anonymous_batch_released.send(
            sender=Interview,
            size=len(members),
            department_id=department,
            period=period,
            tenure_band=band,
        )
    # A flagged answer becomes a case only now, when HR may read it (services/cases.py).
    flagged = Interview.objects.filter(pk__in=interview_ids, answers__sensitive=True).distinct()
    cases.open_cases_for(flagged.order_by("pk"), by=by)
    result.still_sealed = len(sealed) - result.released + result.unreadable
    if result.released or result.unreadable:
        record_audit(
            by,
            "anonymous.released",
            "anonymous interviews",
            released=result.released,
            batches=result.batches,
            still_sealed=result.still_sealed,
            unreadable=result.unreadable,
        )
    return result, interview_ids


def _create_anonymous(
    payload: dict, department: int | None, period: str, band: str, rng: random.Random
):
    released = timezone.now()
    anonymous = Interview.objects.create(
        id=_random_uuid(rng),
        departure=None,
        questionnaire_version_id=payload["questionnaire_version"],
        mode="",
        confidentiality=Interview.Confidentiality.ANONYMOUS,
        status=Interview.Status.COMPLETED,
        language="",
        department_id=department,
        tenure_band=band or "",
        leave_quarter=period,
    )
    answers = payload["answers"]
    created = Answer.objects.bulk_create(
        Answer(
            id=_timeless_id(rng),
            interview=anonymous,
            question_id=answer["question"],
            text=answer["text"],
            number=answer["number"],
            note=answer["note"],
            language=answer["language"],
            sensitive=answer["sensitive"],
            certainty=answer["certainty"],
            reviewed_at=released if answer.get("reviewed") else None,
        )
        for answer in answers
    )
    AnswerTheme.objects.bulk_create(
        AnswerTheme(
            id=_timeless_id(rng),
            answer=new,
            theme=theme,
            polarity=polarity,
            score=score,
            source=source,
        )
        for answer, new in zip(answers, created, strict=True)
        for theme, polarity, score, source in answer["themes"]
    )
    AnswerChoice.objects.bulk_create(
        AnswerChoice(id=_timeless_id(rng), answer=new, value=value)
        for answer, new in zip(answers, created, strict=True)
        for value in answer["choices"]
    )
    return anonymous.pk
