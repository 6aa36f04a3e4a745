"""webhooks/delivery.py: signed POSTs to a real HTTP receiver, retries, timeouts, the worker.

`Receiver` is a real HTTP server on 127.0.0.1 that the other webhook tests use as well.
"""

import hashlib
import hmac
import json
import socket
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.utils import timezone

from exitlens.webhooks import delivery, signature
from exitlens.webhooks.models import PING, Delivery, Event, Webhook


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


class Receiver:
    """Records each POST; answers with the statuses queued by `answer`, then with 200."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._answers: list[tuple[int, float, dict]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append(Received(self.path, dict(self.headers), body))
                status, delay, headers = (
                    receiver._answers.pop(0) if receiver._answers else (200, 0, {})
                )
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # the sender gave up waiting

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/exitlens"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def answer(self, status: int, *, delay: float = 0, headers: dict | None = None) -> None:
        self._answers.append((status, delay, headers or {}))

    def wait_for(self, count: int, seconds: float = 5) -> None:
        deadline = time.monotonic() + seconds
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.02)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def webhook(receiver, admin):
    return Webhook.objects.create(url=receiver.url, events=list(Event.values), created_by=admin)


@pytest.fixture
def in_this_thread(monkeypatch):
    """Send on commit in the test's own thread: the worker thread's connection would not see
    the test's transaction."""
    monkeypatch.setattr(
        delivery,
        "send_in_background",
        lambda ids: delivery.deliver(Delivery.objects.filter(pk__in=ids)),
    )


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() that a test moves forward."""

    class Clock:
        now = timezone.now()

        def advance_to(self, moment) -> None:
            self.now = moment

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


def fire(django_capture_on_commit_callbacks, webhook, data=None) -> Delivery:
    with django_capture_on_commit_callbacks(execute=True):
        (created,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, data or {"n": 1})
    created.refresh_from_db()
    return created


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_it_posts_signed_json_with_the_event_headers(
    receiver, webhook, in_this_thread, django_capture_on_commit_callbacks
):
    sent = fire(django_capture_on_commit_callbacks, webhook, {"interview": "abc"})

    (request,) = receiver.requests
    assert request.path == "/hooks/exitlens"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Exitlens-Event"] == "interview.completed"
    assert request.headers["X-Exitlens-Delivery"] == str(sent.pk)
    assert request.json == {"event": "interview.completed", "data": {"interview": "abc"}}
    timestamp = request.headers["X-Exitlens-Timestamp"]
    assert abs(int(timestamp) - time.time()) < 10
    expected = hmac.new(
        webhook.secret.encode(), f"{timestamp}.".encode() + request.body, hashlib.sha256
    ).hexdigest()
    assert request.headers["X-Exitlens-Signature"] == f"sha256={expected}"
    assert signature.verify(
        webhook.secret, timestamp, request.body, request.headers["X-Exitlens-Signature"]
    )
    assert sent.status == Delivery.Status.SUCCEEDED
    assert (sent.attempts, sent.last_status_code, sent.last_error) == (1, 200, "")
    assert sent.delivered_at is not None
    assert sent.next_attempt_at is None


def test_the_signature_does_not_verify_with_another_secret_or_body_or_an_old_timestamp(
    receiver, webhook, in_this_thread, django_capture_on_commit_callbacks
):
    fire(django_capture_on_commit_callbacks, webhook)
    (request,) = receiver.requests
    timestamp = request.headers["X-Exitlens-Timestamp"]
    header = request.headers["X-Exitlens-Signature"]

    assert not signature.verify("another secret", timestamp, request.body, header)
    assert not signature.verify(webhook.secret, timestamp, request.body + b" ", header)
    assert not signature.verify(webhook.secret, "not a number", request.body, header)
    assert not signature.verify(
        webhook.secret, timestamp, request.body, header, now=int(timestamp) + 301
    )


def test_the_delivery_is_stored_with_the_event_and_sent_only_after_commit(receiver, webhook):
    with transaction.atomic():
        (created,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
        assert Delivery.objects.filter(pk=created.pk, status="pending").exists()

    # The test's own transaction never commits, so nothing may have gone out.
    assert receiver.requests == []
    created.refresh_from_db()
    assert (created.status, created.attempts) == (Delivery.Status.PENDING, 0)
    assert created.next_attempt_at <= timezone.now()


def test_no_delivery_outlives_an_event_that_was_rolled_back(
    receiver, webhook, in_this_thread, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
        raise RuntimeError("the service failed")

    assert not Delivery.objects.exists()
    assert receiver.requests == []


def test_a_failed_attempt_is_retried_after_a_back_off_and_then_succeeds(
    receiver, webhook, in_this_thread, clock, django_capture_on_commit_callbacks
):
    receiver.answer(500)
    sent = fire(django_capture_on_commit_callbacks, webhook)

    assert sent.status == Delivery.Status.PENDING
    assert (sent.attempts, sent.last_status_code) == (1, 500)
    assert sent.last_error == "HTTP 500 Internal Server Error"
    assert sent.next_attempt_at == clock.now + timedelta(minutes=1)

    assert delivery.deliver_due().delivered == 0  # not yet due
    assert len(receiver.requests) == 1

    clock.advance_to(clock.now + timedelta(seconds=61))
    assert delivery.deliver_due().delivered == 1

    sent.refresh_from_db()
    assert sent.status == Delivery.Status.SUCCEEDED
    assert (sent.attempts, sent.last_status_code, sent.last_error) == (2, 200, "")
    first, second = receiver.requests
    assert first.headers["X-Exitlens-Delivery"] == second.headers["X-Exitlens-Delivery"]
    assert first.body == second.body


def test_it_waits_longer_after_each_failure_and_gives_up_after_the_last_retry(
    receiver, webhook, in_this_thread, clock, django_capture_on_commit_callbacks
):
    for _attempt in range(6):
        receiver.answer(503)
    sent = fire(django_capture_on_commit_callbacks, webhook)

    waits = []
    while sent.status == Delivery.Status.PENDING:
        waits.append(sent.next_attempt_at - clock.now)
        clock.advance_to(sent.next_attempt_at)
        delivery.deliver_due()
        sent.refresh_from_db()

    minutes = [wait / timedelta(minutes=1) for wait in waits]
    assert minutes == [1, 5, 30, 120, 720]
    assert sent.status == Delivery.Status.FAILED
    assert (sent.attempts, sent.last_status_code) == (6, 503)
    assert sent.next_attempt_at is None
    assert len(receiver.requests) == 6


def test_any_2xx_answer_is_a_success(
    receiver, webhook, in_this_thread, django_capture_on_commit_callbacks
):
    receiver.answer(204)
    sent = fire(django_capture_on_commit_callbacks, webhook)
    assert (sent.status, sent.last_status_code) == (Delivery.Status.SUCCEEDED, 204)


def test_a_timeout_is_a_failed_attempt_and_does_not_hang(
    receiver, webhook, in_this_thread, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(delivery, "TIMEOUT", 0.3)
    receiver.answer(200, delay=1.5)

    started = time.monotonic()
    sent = fire(django_capture_on_commit_callbacks, webhook)

    assert time.monotonic() - started < 1.2
    assert sent.status == Delivery.Status.PENDING
    assert (sent.attempts, sent.last_status_code) == (1, None)
    assert sent.last_error == "no answer within 0.3 seconds"
    assert sent.next_attempt_at is not None


def test_a_refused_connection_is_a_failed_attempt(
    admin, in_this_thread, django_capture_on_commit_callbacks
):
    webhook = Webhook.objects.create(
        url=f"http://127.0.0.1:{closed_port()}/", events=list(Event.values)
    )
    sent = fire(django_capture_on_commit_callbacks, webhook)

    assert sent.status == Delivery.Status.PENDING
    assert (sent.attempts, sent.last_status_code) == (1, None)
    assert "refused" in sent.last_error.lower()


def test_a_redirect_is_not_followed_and_counts_as_a_failure(
    receiver, webhook, in_this_thread, django_capture_on_commit_callbacks
):
    elsewhere = f"http://127.0.0.2:{receiver.server.server_port}/stolen"
    receiver.answer(302, headers={"Location": elsewhere})
    receiver.answer(307, headers={"Location": "/same-host"})

    sent = fire(django_capture_on_commit_callbacks, webhook)
    assert len(receiver.requests) == 1
    assert (sent.status, sent.last_status_code) == (Delivery.Status.PENDING, 302)
    assert sent.last_error == f"HTTP 302: redirect to {elsewhere} not followed"

    Delivery.objects.filter(pk=sent.pk).update(next_attempt_at=timezone.now())
    delivery.deliver_due()
    assert [r.path for r in receiver.requests] == ["/hooks/exitlens", "/hooks/exitlens"]


def test_only_active_webhooks_that_chose_the_event_are_subscribers(receiver, admin):
    chosen = Webhook.objects.create(url=receiver.url, events=["interview.completed"])
    Webhook.objects.create(url=receiver.url, events=["departure.imported"])
    Webhook.objects.create(url=receiver.url, events=["interview.completed"], active=False)

    assert delivery.subscribers("interview.completed") == [chosen]


def test_a_deactivated_webhook_keeps_its_pending_deliveries_until_it_is_active_again(
    receiver, webhook
):
    delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
    Webhook.objects.filter(pk=webhook.pk).update(active=False)

    assert delivery.deliver_due().delivered == 0

    Webhook.objects.filter(pk=webhook.pk).update(active=True)
    assert delivery.deliver_due().delivered == 1
    assert len(receiver.requests) == 1


def test_a_delivery_claimed_by_another_sender_is_left_alone(receiver, webhook):
    (created,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})

    assert delivery._claim(created)
    assert not delivery._claim(created)
    assert delivery.deliver_due().delivered == 0
    assert receiver.requests == []


def test_a_ping_is_sent_at_once_and_not_retried(receiver, webhook):
    receiver.answer(404)

    sent = delivery.ping(webhook)

    (request,) = receiver.requests
    assert request.headers["X-Exitlens-Event"] == PING
    assert request.json == {"event": "ping", "data": {}}
    sent.refresh_from_db()
    assert (sent.status, sent.attempts, sent.last_status_code) == ("failed", 1, 404)
    assert sent.next_attempt_at is None


def test_redelivery_sends_a_failed_delivery_again_with_the_same_id(receiver, webhook):
    receiver.answer(500)
    failed = delivery.ping(webhook)

    assert delivery.redeliver(failed)

    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.SUCCEEDED, 1)
    first, second = receiver.requests
    assert first.headers["X-Exitlens-Delivery"] == second.headers["X-Exitlens-Delivery"]
    assert not delivery.redeliver(failed)  # delivered: nothing to send again
    assert len(receiver.requests) == 2


def test_prune_deletes_finished_deliveries_after_30_days_and_keeps_pending_ones(receiver, webhook):
    old = timezone.now() - timedelta(days=31)
    done = delivery.ping(webhook)
    (waiting,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
    recent = delivery.ping(webhook)
    Delivery.objects.filter(pk__in=[done.pk, waiting.pk]).update(created_at=old)

    assert delivery.prune() == 1

    assert set(Delivery.objects.values_list("pk", flat=True)) == {waiting.pk, recent.pk}


@pytest.mark.django_db(transaction=True)
def test_the_background_worker_sends_once_the_transaction_commits(receiver):
    webhook = Webhook.objects.create(url=receiver.url, events=list(Event.values))

    with transaction.atomic():
        (created,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
        time.sleep(0.2)
        assert receiver.requests == []

    receiver.wait_for(1)
    assert len(receiver.requests) == 1
    deadline = time.monotonic() + 5
    while Delivery.objects.get(pk=created.pk).status == "pending" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert Delivery.objects.get(pk=created.pk).status == Delivery.Status.SUCCEEDED
