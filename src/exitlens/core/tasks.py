"""The core's periodic tasks (core/queue.py); coding's task is beside its work in services/coding.

Each is idempotent: run again after a crash or a retry, it does what it did once.
"""

from django.core.management import call_command

from exitlens.core.queue import periodic, retrying
from exitlens.core.services import invitations, sealing


@periodic
@retrying
def send_reminders() -> None:
    """Reminders and automatic invitations that are due (`exitlens send-reminders`); each
    invitation records when it was sent, so a second run sends nothing twice."""
    invitations.send_reminders()


@periodic
@retrying
def release_anonymous() -> None:
    """Release the anonymous batches that are full (`exitlens release-anonymous`); a batch
    released is no longer sealed, so a second run releases nothing twice."""
    sealing.release_batches()


@periodic
@retrying
def prune_task_results() -> None:
    """Forget the queue's finished tasks after 14 days (django-tasks-db's own command)."""
    call_command("prune_db_task_results", queue_name="*", verbosity=0)
