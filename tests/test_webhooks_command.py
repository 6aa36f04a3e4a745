"""`exitlens webhooks deliver [--loop]`: sends what is due, e.g. after a receiver recovered."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from exitlens.core.services import interviews
from exitlens.webhooks import delivery
from exitlens.webhooks.management.commands import webhooks as command
from exitlens.webhooks.models import Delivery, Event, Webhook
from tests.test_webhooks_delivery import Receiver


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def webhook(receiver, admin):
    return Webhook.objects.create(url=receiver.url, events=list(Event.values))


def deliver(*args) -> str:
    out = StringIO()
    call_command("webhooks", "deliver", *args, stdout=out)
    return out.getvalue()


def test_it_sends_an_event_the_web_process_did_not_send(
    receiver, webhook, leaver_invitation, departure
):
    interview = leaver_invitation.interview
    interviews.save_answers(interview, {"reason": "Better offer"})
    interviews.submit_interview(interview)  # stored; the process "died" before sending

    output = deliver()

    assert output.startswith("Delivered 1; 0 to retry later; 0 failed for good")
    (request,) = receiver.requests
    assert request.json["data"]["departure"]["code"] == str(departure.code)
    assert Delivery.objects.get().status == Delivery.Status.SUCCEEDED


def test_it_retries_once_the_back_off_has_passed_and_the_receiver_recovered(
    receiver, webhook, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(
        delivery,
        "send_in_background",
        lambda ids: delivery.deliver(Delivery.objects.filter(pk__in=ids)),
    )
    receiver.answer(502)
    with django_capture_on_commit_callbacks(execute=True):
        (sent,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})
    sent.refresh_from_db()
    assert (sent.status, sent.attempts, sent.last_status_code) == ("pending", 1, 502)

    assert deliver().startswith("Delivered 0; 0 to retry later")  # still backing off
    assert len(receiver.requests) == 1

    Delivery.objects.filter(pk=sent.pk).update(next_attempt_at=timezone.now())
    assert deliver().startswith("Delivered 1;")

    sent.refresh_from_db()
    assert (sent.status, sent.attempts, sent.last_status_code) == ("succeeded", 2, 200)
    assert len(receiver.requests) == 2


def test_it_reports_what_is_left_to_retry(receiver, webhook):
    receiver.answer(500)
    delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})

    assert deliver().startswith("Delivered 0; 1 to retry later; 0 failed for good")


def test_it_deletes_finished_deliveries_older_than_30_days(receiver, webhook):
    old = delivery.ping(webhook)
    Delivery.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))

    assert "1 old deliveries deleted" in deliver()
    assert not Delivery.objects.exists()


def test_it_keeps_running_with_loop(receiver, webhook, monkeypatch):
    naps = []

    def sleep(seconds):
        naps.append(seconds)
        if len(naps) == 1:
            delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 2})
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr(command, "time", SimpleNamespace(sleep=sleep))
    delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"n": 1})

    with pytest.raises(KeyboardInterrupt):
        deliver("--loop", "--interval", "10")

    assert naps == [10, 10]
    assert [request.json["data"]["n"] for request in receiver.requests] == [1, 2]


def test_it_refuses_a_too_short_interval(db):
    with pytest.raises(CommandError, match="at least 5 seconds"):
        deliver("--loop", "--interval", "1")


def test_it_needs_an_action(db):
    with pytest.raises(CommandError):
        call_command("webhooks")
