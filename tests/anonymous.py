"""Anonymous interviews for tests that need one released, and are not about the batches.

Released interviews normally come only in batches of EXITLENS_MIN_GROUP_SIZE
(services/sealing.py, tested in tests/test_sealing.py and tests/adversary/). A test about what
HR, the API or the insights do with a released anonymous interview releases one on its own:
through the real seal, close and release steps, with a batch size of one for that release.
"""

from django.test import override_settings

from exitlens.core.models import Interview
from exitlens.core.services import sealing


def release_alone(interview: Interview) -> Interview:
    """Seal this completed (or about to be) anonymous interview and release it by itself."""
    if interview.status != Interview.Status.COMPLETED:
        Interview.objects.filter(pk=interview.pk).update(status=Interview.Status.COMPLETED)
        interview.refresh_from_db()
    before = set(released().values_list("pk", flat=True))
    sealing.seal(interview)
    with override_settings(EXITLENS_MIN_GROUP_SIZE=1):
        sealing.release_batches()
    return released().exclude(pk__in=before).get()


def released():
    return Interview.objects.filter(
        departure__isnull=True,
        confidentiality=Interview.Confidentiality.ANONYMOUS,
        status=Interview.Status.COMPLETED,
    )


def release_sealed() -> list[Interview]:
    """Release every sealed response now, each on its own; the new interviews."""
    before = set(released().values_list("pk", flat=True))
    with override_settings(EXITLENS_MIN_GROUP_SIZE=1):
        sealing.release_batches()
    return list(released().exclude(pk__in=before))
