"""Sending deliveries: signed POSTs, retries with back-off, sent on the task queue on commit.

A delivery row is written in the transaction of its event, so an event is stored exactly when
what it announces is. Once that transaction commits, a task on the queue (`exitlens worker`,
core/queue.py) sends it (a leaver's or HR's request never waits for a receiver); what fails is
retried on the delivery's own schedule by the worker's periodic `deliver_due` (or by
`exitlens webhooks deliver`, which still works from cron).
Whoever sends first claims the row, so nothing goes out twice at once.
"""

import http.client
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from exitlens.core.queue import periodic, retrying
from exitlens.webhooks import signature
from exitlens.webhooks.models import PING, Delivery, Webhook

logger = logging.getLogger(__name__)

TIMEOUT = 5  # seconds to connect, and again to get an answer
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
LEASE = timedelta(minutes=2)  # how long a claimed delivery is left to its sender
KEEP = timedelta(days=30)  # finished deliveries are deleted after this
USER_AGENT = "Exitlens-Webhooks"
MAX_ERROR_LENGTH = 200


def subscribers(event: str) -> list[Webhook]:
    # A handful of rows; JSON "contains" lookups do not work on SQLite.
    return [hook for hook in Webhook.objects.filter(active=True) if event in hook.events]


def enqueue(webhooks: Iterable[Webhook], event: str, data: dict) -> list[Delivery]:
    """Store one delivery per webhook in the caller's transaction; send them after it commits."""
    now = timezone.now()
    payload = {"event": event, "data": data}
    deliveries = Delivery.objects.bulk_create(
        Delivery(webhook=hook, event=event, payload=payload, next_attempt_at=now)
        for hook in webhooks
    )
    ids = [delivery.pk for delivery in deliveries]
    if ids:
        transaction.on_commit(lambda: send_in_background(ids))
    return deliveries


@dataclass
class Outcome:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0

    def add(self, delivery: Delivery) -> None:
        if delivery.status == Delivery.Status.SUCCEEDED:
            self.delivered += 1
        elif delivery.status == Delivery.Status.FAILED:
            self.failed += 1
        else:
            self.retrying += 1


def due(now: datetime | None = None) -> QuerySet[Delivery]:
    return Delivery.objects.filter(
        status=Delivery.Status.PENDING,
        next_attempt_at__lte=now or timezone.now(),
        webhook__active=True,
    )


def deliver(deliveries: QuerySet[Delivery]) -> Outcome:
    """Send each delivery that is due and not claimed by another sender, once."""
    outcome = Outcome()
    candidates = list(due().filter(pk__in=deliveries.values("pk")).select_related("webhook"))
    for delivery in sorted(candidates, key=lambda d: (d.next_attempt_at, d.created_at)):
        if _claim(delivery):
            attempt(delivery)
            outcome.add(delivery)
    return outcome


def deliver_due() -> Outcome:
    return deliver(due())


def _claim(delivery: Delivery) -> bool:
    """Push the row's next attempt past the lease; only one sender can be the one who did."""
    now = timezone.now()
    return bool(
        Delivery.objects.filter(
            pk=delivery.pk, status=Delivery.Status.PENDING, next_attempt_at__lte=now
        ).update(next_attempt_at=now + LEASE)
    )


def attempt(delivery: Delivery) -> bool:
    """POST the delivery once and record the outcome: delivered, retry later, or given up."""
    webhook = delivery.webhook
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(timezone.now().timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Exitlens-Event": delivery.event,
        "X-Exitlens-Delivery": str(delivery.pk),
        "X-Exitlens-Timestamp": timestamp,
        "X-Exitlens-Signature": signature.sign(webhook.secret, timestamp, body),
    }
    status_code, error = post(webhook.url, body, headers)
    _record(delivery, status_code, error)
    return delivery.status == Delivery.Status.SUCCEEDED


def retry_delay(delivery: Delivery) -> timedelta | None:
    """How long to wait after the failed attempt number `delivery.attempts`; None: give up."""
    if delivery.event == PING:  # a test the administrator watches: no retries behind their back
        return None
    if delivery.attempts <= len(RETRY_DELAYS):
        return RETRY_DELAYS[delivery.attempts - 1]
    return None


def _record(delivery: Delivery, status_code: int | None, error: str) -> None:
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = status_code
    if status_code is not None and 200 <= status_code < 300:
        delivery.status = Delivery.Status.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        delivery.last_error = ""
        logger.info("Webhook %s delivered to %s", delivery.event, delivery.webhook.host)
    else:
        delivery.last_error = error[:MAX_ERROR_LENGTH]
        delay = retry_delay(delivery)
        if delay is None:
            delivery.status = Delivery.Status.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.next_attempt_at = now + delay
        logger.warning(
            "Webhook %s to %s failed (attempt %s, %s): %s",
            delivery.event,
            delivery.webhook.host,
            delivery.attempts,
            "retrying" if delay else "given up",
            delivery.last_error,
        )
    # update(), not save(): the webhook may have been deleted while we were sending.
    Delivery.objects.filter(pk=delivery.pk).update(
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        delivered_at=delivery.delivered_at,
    )


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could carry the payload to another host: it fails the attempt instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx status


_opener = urllib.request.build_opener(_RefuseRedirects)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """The HTTP status (None when there was none) and, unless 2xx, what went wrong."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None, "not an http or https URL"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        with error:
            if 300 <= error.code < 400:
                location = error.headers.get("Location", "")
                return error.code, f"HTTP {error.code}: redirect to {location} not followed"
            return error.code, f"HTTP {error.code} {error.reason}"
    except urllib.error.URLError as error:
        return None, _describe(error.reason)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return None, _describe(error)


def _describe(error: object) -> str:
    if isinstance(error, TimeoutError) or str(error) == "timed out":
        return f"no answer within {TIMEOUT} seconds"
    return str(error) or type(error).__name__


def ping(webhook: Webhook) -> Delivery:
    """Send a test event now, whether or not the webhook is active, and wait for the answer."""
    delivery = Delivery.objects.create(
        webhook=webhook,
        event=PING,
        payload={"event": PING, "data": {}},
        next_attempt_at=timezone.now() + LEASE,  # claimed by us
    )
    attempt(delivery)
    return delivery


def redeliver(delivery: Delivery) -> bool:
    """Send a failed delivery again now, with the same id and a fresh round of retries.
    False when it was not failed (any more): someone else got there first."""
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, attempts=0, next_attempt_at=timezone.now() + LEASE
    )
    if not claimed:
        return False
    delivery.refresh_from_db()
    attempt(delivery)
    return True


def prune() -> int:
    """Delete delivered and given-up deliveries older than KEEP; returns how many."""
    finished = Delivery.objects.exclude(status=Delivery.Status.PENDING)
    deleted, _by_model = finished.filter(created_at__lt=timezone.now() - KEEP).delete()
    return deleted


def send_in_background(ids: list) -> None:
    """Send on the task queue (core/queue.py), once the event's transaction has committed."""
    deliver_webhooks.enqueue([str(pk) for pk in ids])


# The queue's tasks. A delivery is claimed before it is sent (_claim), so a task run twice, or
# alongside `exitlens webhooks deliver`, sends each event once; a failed attempt is retried on
# the delivery's own schedule by `deliver_due_task`, which the worker runs periodically.


@retrying
def deliver_webhooks(delivery_ids: list[str]) -> None:
    """Send these deliveries, if they are still due and nobody else has claimed them."""
    deliver(Delivery.objects.filter(pk__in=delivery_ids))


@periodic
@retrying
def deliver_due_task() -> None:
    """Send every delivery that is due: retries, and whatever a lost task left behind."""
    deliver_due()
    prune()
