"""webhooks/signals.py and payloads.py: the real services fire the events, and what they carry.

Each test runs the service as the application does and looks at what a real HTTP receiver got.
"""

from datetime import date

import pytest
from django.utils import timezone

from exitlens.core.models import Answer, Departure, Interview
from exitlens.core.services import coding, interviews
from exitlens.core.signals import departures_imported
from exitlens.webhooks import delivery
from exitlens.webhooks.models import Delivery, Event, Webhook
from tests.anonymous import release_sealed
from tests.test_anonymity import DISTINCTIVE, assert_unlinked, identity_values
from tests.test_webhooks_delivery import Receiver

HARASSMENT = "My manager sexually harassed me."


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def webhook(receiver, admin):
    return Webhook.objects.create(url=receiver.url, events=list(Event.values), created_by=admin)


@pytest.fixture(autouse=True)
def in_this_thread(monkeypatch):
    monkeypatch.setattr(
        delivery,
        "send_in_background",
        lambda ids: delivery.deliver(Delivery.objects.filter(pk__in=ids)),
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service and let its transaction's on-commit work (the sending) happen."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def interview(leaver_invitation) -> Interview:
    """A confidential self-service interview the leaver has been invited to."""
    return leaver_invitation.interview


def received(receiver, event: str) -> list[dict]:
    return [
        request.json["data"]
        for request in receiver.requests
        if request.headers["X-Exitlens-Event"] == event
    ]


def body_text(receiver) -> str:
    return " ".join(request.body.decode() for request in receiver.requests)


# interview.completed


def test_a_submitted_interview_tells_the_departure_code_and_hr_id(
    receiver, webhook, interview, departure, committed
):
    interviews.save_answers(interview, {"reason": "The pay was too low.", "recommend": 4})

    committed(interviews.submit_interview, interview)

    (data,) = received(receiver, "interview.completed")
    assert data == {
        "interview": str(interview.pk),
        "mode": "self_service",
        "confidentiality": "confidential",
        "completed_on": timezone.localdate().isoformat(),
        "leave_quarter": departure.leave_quarter,
        "departure": {"code": str(departure.code), "external_id": "HR-1001"},
    }
    assert "pay was too low" not in body_text(receiver)
    assert departure.full_name not in body_text(receiver)
    assert Delivery.objects.get().status == Delivery.Status.SUCCEEDED


def test_an_interview_completed_by_an_interviewer_is_announced(
    receiver, webhook, departure, hr, committed
):
    departure.external_id = None
    departure.save()
    led = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="named"
    )
    interviews.save_answers(led, {"reason": "Better offer"})

    committed(interviews.complete_interview, led, outcome="exit_confirmed", by=hr)

    (data,) = received(receiver, "interview.completed")
    assert (data["interview"], data["mode"], data["confidentiality"]) == (
        str(led.pk),
        "interviewer",
        "named",
    )
    assert data["departure"] == {"code": str(departure.code), "external_id": None}


def test_an_anonymous_interview_carries_no_identity_no_id_and_no_time(
    receiver, webhook, interview, departure, hr, committed
):
    old = interviews.change_confidentiality(interview, "anonymous", by=hr)
    interviews.save_answers(old, {"reason": DISTINCTIVE, "retention": HARASSMENT})

    committed(interviews.submit_interview, old)
    assert received(receiver, "interview.completed") == []  # sealed: nothing to announce yet
    (anonymous,) = committed(release_sealed)

    (data,) = received(receiver, "interview.completed")
    assert data == {
        "interview": None,
        "mode": None,
        "confidentiality": "anonymous",
        "completed_on": None,
        "leave_quarter": departure.leave_quarter,
        "departure": None,
        "batch": {
            "size": 1,
            "department": departure.department_id,
            "period": departure.leave_quarter,
            "tenure_band": departure.tenure_band,
        },
    }
    sent = body_text(receiver)
    for value in [*identity_values(departure), str(old.pk), str(anonymous.pk), DISTINCTIVE]:
        assert value not in sent
    # Not even the database keeps a delivery that links the response to its leaver or dates it.
    assert_unlinked(departure, anonymous, old.pk)


def test_a_disclosure_in_an_anonymous_interview_is_not_announced(
    receiver, webhook, interview, departure, hr, committed
):
    old = interviews.change_confidentiality(interview, "anonymous", by=hr)
    committed(interviews.save_answers, old, {"reason": DISTINCTIVE, "retention": HARASSMENT})
    assert Answer.objects.get(interview=old, question__key="retention").sensitive

    committed(interviews.submit_interview, old)
    (anonymous,) = committed(release_sealed)

    assert received(receiver, "disclosure.flagged") == []
    assert list(Delivery.objects.values_list("event", flat=True)) == ["interview.completed"]
    assert_unlinked(departure, anonymous, old.pk)


# disclosure.flagged


def test_a_disclosure_found_while_answering_is_announced_when_the_interview_completes(
    receiver, webhook, interview, committed
):
    committed(interviews.save_answers, interview, {"reason": HARASSMENT})
    flagged = Answer.objects.get(interview=interview, question__key="reason")
    assert flagged.sensitive
    assert receiver.requests == []  # nobody can read an unfinished interview yet

    committed(interviews.submit_interview, interview)

    assert received(receiver, "disclosure.flagged") == [
        {"answers": [{"answer": flagged.pk, "interview": str(interview.pk), "question": "reason"}]}
    ]
    assert "harass" not in body_text(receiver)


def test_hr_flagging_an_answer_announces_it_without_its_text(
    receiver, webhook, interview, hr, committed
):
    interviews.save_answers(interview, {"reason": "The night shifts were too long."})
    interviews.submit_interview(interview)
    answer = Answer.objects.select_related("question", "interview").get(
        interview=interview, question__key="reason"
    )
    assert not answer.sensitive

    committed(coding.review_answer, answer, {"workload": "negative"}, sensitive=True, by=hr)

    assert received(receiver, "disclosure.flagged") == [
        {"answers": [{"answer": answer.pk, "interview": str(interview.pk), "question": "reason"}]}
    ]
    assert "night shifts" not in body_text(receiver)


def test_a_review_that_keeps_an_answer_flagged_announces_nothing_new(
    receiver, webhook, interview, hr, committed
):
    interviews.save_answers(interview, {"reason": "The night shifts were too long."})
    interviews.submit_interview(interview)
    answer = Answer.objects.get(interview=interview, question__key="reason")
    coding.review_answer(answer, {}, sensitive=True, by=hr)
    Delivery.objects.all().delete()

    committed(coding.review_answer, answer, {"workload": "negative"}, sensitive=True, by=hr)
    committed(coding.review_answer, answer, {}, sensitive=False, by=hr)

    assert not Delivery.objects.exists()


def test_hr_flagging_an_answer_of_an_anonymous_interview_gives_its_ids(
    receiver, webhook, interview, hr, committed
):
    # HR's review happens at HR's time, not the leaver's: the ids date nothing.
    old = interviews.change_confidentiality(interview, "anonymous", by=hr)
    interviews.save_answers(old, {"reason": "The night shifts were too long."})
    interviews.submit_interview(old)
    (anonymous,) = release_sealed()
    answer = Answer.objects.get(interview=anonymous, question__key="reason")

    committed(coding.review_answer, answer, {}, sensitive=True, by=hr)

    assert received(receiver, "disclosure.flagged") == [
        {"answers": [{"answer": answer.pk, "interview": str(anonymous.pk), "question": "reason"}]}
    ]


# departure.imported


def test_an_import_tells_the_counts_and_the_departure_codes(
    receiver, webhook, departure, committed
):
    second = Departure.objects.create(
        full_name="Sam Second", department=departure.department, leave_date=date(2026, 11, 30)
    )

    committed(
        departures_imported.send,
        sender=Departure,
        departure_ids=[second.pk, departure.pk],
        created=1,
        updated=1,
    )

    (data,) = received(receiver, "departure.imported")
    assert data == {
        "created": 1,
        "updated": 1,
        "departures": [str(departure.code), str(second.code)],
    }
    assert "Sam Second" not in body_text(receiver)


# subscriptions


def test_only_the_chosen_events_are_sent(receiver, interview, hr, committed):
    Webhook.objects.create(url=receiver.url, events=["departure.imported"])
    interviews.save_answers(interview, {"reason": HARASSMENT})

    committed(interviews.submit_interview, interview)

    assert not Delivery.objects.exists()
    assert receiver.requests == []


def test_every_webhook_gets_its_own_delivery(receiver, webhook, interview, committed):
    other = Webhook.objects.create(url=receiver.url, events=["interview.completed"])
    interviews.save_answers(interview, {"reason": "Better offer"})

    committed(interviews.submit_interview, interview)

    assert sorted(Delivery.objects.values_list("webhook_id", flat=True)) == sorted(
        [webhook.pk, other.pk]
    )
    ids = {request.headers["X-Exitlens-Delivery"] for request in receiver.requests}
    assert len(ids) == 2


def test_the_delivery_is_written_in_the_services_transaction(receiver, webhook, interview):
    interviews.save_answers(interview, {"reason": "Better offer"})

    interviews.submit_interview(interview)  # the test's transaction never commits

    assert Delivery.objects.get().status == Delivery.Status.PENDING
    assert receiver.requests == []


def test_a_failing_receiver_does_not_fail_the_submission(receiver, webhook, interview, committed):
    receiver.answer(500)
    interviews.save_answers(interview, {"reason": "Better offer"})

    completed = committed(interviews.submit_interview, interview)

    assert completed.is_completed
    sent = Delivery.objects.get()
    assert (sent.status, sent.last_status_code) == (Delivery.Status.PENDING, 500)
