"""Background work on django-tasks: enqueue after commit, retry with a delay, recover lost tasks.

Every task is idempotent, so running it twice does what running it once did: the coding of an
answer replaces its model tags, an e-mail carries a sent marker, a webhook delivery is keyed by
its event. That lets the queue run a task again whenever it is unsure whether it ran:

- a task that raises is enqueued again `RETRY_DELAYS` later, a few times, then left failed;
- a task still marked running `EXITLENS_TASK_LEASE_SECONDS` after it began lost its worker
  (killed, machine gone): `requeue_abandoned`, called by every worker, makes it ready again.
"""

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks.base import Task

logger = logging.getLogger(__name__)

RETRY_DELAYS = (10, 60, 300)  # seconds before the 2nd, 3rd and 4th attempt


def runs_inline() -> bool:
    """The immediate backend (development, tests) runs a task where it is enqueued."""
    return not task_backends["default"].supports_defer


def enqueue_on_commit(queued: Task, *args: Any, **kwargs: Any) -> None:
    """Enqueue once the current transaction commits, so the worker sees what it refers to and
    the request that asked for it does not wait. Run inline, it runs at once, as before."""
    if runs_inline():
        queued.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: queued.enqueue(*args, **kwargs), robust=True)


def retrying(function: Callable) -> Task:
    """A task that is enqueued again after a failure, with a growing delay, `RETRY_DELAYS`
    times. The attempt number travels in the `attempt` keyword; the function never sees it."""

    @functools.wraps(function)
    def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception:
            if attempt > len(RETRY_DELAYS) or runs_inline():
                logger.exception("Task %s failed for good (attempt %d)", function.__name__, attempt)
                raise
            delay = RETRY_DELAYS[attempt - 1]
            logger.warning(
                "Task %s failed (attempt %d); retrying in %d s",
                function.__name__,
                attempt,
                delay,
                exc_info=True,
            )
            again = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
            again.enqueue(*args, attempt=attempt + 1, **kwargs)
            raise

    queued = task()(run)
    return queued


def requeue_abandoned(lease_seconds: int | None = None) -> int:
    """Make ready again the tasks whose worker died while running them. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    lease = lease_seconds if lease_seconds is not None else settings.EXITLENS_TASK_LEASE_SECONDS
    cutoff = timezone.now() - timedelta(seconds=lease)
    count = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("%d task(s) lost with their worker are ready to run again", count)
    return count


_periodic: list[Task] = []


def periodic(queued: Task) -> Task:
    """Have the worker run this task every EXITLENS_PERIODIC_MINUTES (no cron needed). Each app
    marks its own periodic tasks and imports its tasks module when it is ready, so the queue
    needs to know none of them."""
    if queued not in _periodic:
        _periodic.append(queued)
    return queued


def periodic_tasks() -> list[Task]:
    """What the worker runs on a schedule."""
    return list(_periodic)


def enqueue_periodic() -> int:
    """Enqueue each periodic task not already waiting or running (several workers each ask);
    returns how many were enqueued."""
    from django_tasks_db.models import DBTaskResult

    scheduled = periodic_tasks()
    pending = set(
        DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
            task_path__in=[task.module_path for task in scheduled],
        ).values_list("task_path", flat=True)
    )
    enqueued = 0
    for periodic in scheduled:
        if periodic.module_path not in pending:
            periodic.enqueue()
            enqueued += 1
    return enqueued
