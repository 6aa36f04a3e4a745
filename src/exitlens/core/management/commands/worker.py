"""`exitlens worker`: work the task queue kept in the database, and run the periodic jobs."""

import logging
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from exitlens.core import queue
from exitlens.core.services import coding

logger = logging.getLogger(__name__)

RECOVERY_SECONDS = 30  # how often a worker looks for tasks lost with another worker


class Schedule(threading.Thread):
    """Beside the worker's loop: make lost tasks ready again, and enqueue the periodic jobs
    (reminders, anonymous batches, webhook retries) every EXITLENS_PERIODIC_MINUTES."""

    def __init__(self, minutes: int) -> None:
        super().__init__(name="exitlens-schedule", daemon=True)
        self.minutes = minutes

    def run(self) -> None:
        next_periodic = time.monotonic()
        while True:
            try:
                queue.requeue_abandoned()
                if time.monotonic() >= next_periodic:
                    queue.enqueue_periodic()
                    next_periodic = time.monotonic() + self.minutes * 60
            except Exception:
                logger.exception("The worker's schedule failed; trying again")
            finally:
                connections.close_all()  # this thread's connections only
            time.sleep(RECOVERY_SECONDS)


class Command(BaseCommand):
    help = (
        "Run the background worker: theme coding of saved answers, webhook deliveries, and every "
        "EXITLENS_PERIODIC_MINUTES the reminders and the release of anonymous batches. "
        "`exitlens serve` starts one unless EXITLENS_SERVE_WORKER=false; run more on other "
        "machines for more throughput (docs/deployment.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait before looking again when the queue is empty.",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run the tasks that are ready (lost ones included), then exit; no schedule.",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Only work the queue: leave the periodic jobs to another worker.",
        )

    def handle(self, *args, interval: float, batch: bool, no_schedule: bool, **options) -> None:
        if settings.EXITLENS_TASKS != "database":
            raise CommandError(
                "The worker needs EXITLENS_TASKS=database; with immediate tasks run where they "
                "are enqueued and nothing waits for a worker."
            )
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        logging.getLogger("django_tasks").setLevel(logging.INFO)
        queue.requeue_abandoned()
        if not batch:
            # Load the theme model before the first task, so the first answers wait no longer.
            coding.analyzer()
        if not (batch or no_schedule):
            Schedule(settings.EXITLENS_PERIODIC_MINUTES).start()
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        self.stdout.write("Exitlens worker is running." if not batch else "Running ready tasks.")
        worker.run()
