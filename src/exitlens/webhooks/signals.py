"""The core's signals, turned into deliveries in the transaction that sent them."""

from django.dispatch import receiver

from exitlens.core.signals import (
    anonymous_batch_released,
    departures_imported,
    disclosure_flagged,
    interview_completed,
)
from exitlens.webhooks import delivery, payloads
from exitlens.webhooks.models import Event


@receiver(interview_completed, dispatch_uid="webhooks.interview_completed")
def announce_interview(sender, interview, **kwargs) -> None:
    hooks = delivery.subscribers(Event.INTERVIEW_COMPLETED)
    if hooks:
        data = payloads.interview_completed(interview)
        delivery.enqueue(hooks, Event.INTERVIEW_COMPLETED, data)
    hooks = delivery.subscribers(Event.DISCLOSURE_FLAGGED)
    if hooks:
        found_while_answering = payloads.completion_disclosures(interview)
        if found_while_answering:
            data = payloads.disclosures(found_while_answering)
            delivery.enqueue(hooks, Event.DISCLOSURE_FLAGGED, data)


@receiver(anonymous_batch_released, dispatch_uid="webhooks.anonymous_batch_released")
def announce_anonymous_batch(sender, size, department_id, period, tenure_band, **kwargs) -> None:
    """One event for a released batch of anonymous interviews, never one per submission."""
    hooks = delivery.subscribers(Event.INTERVIEW_COMPLETED)
    if hooks:
        data = payloads.anonymous_batch(size, department_id, period, tenure_band)
        delivery.enqueue(hooks, Event.INTERVIEW_COMPLETED, data)


@receiver(disclosure_flagged, dispatch_uid="webhooks.disclosure_flagged")
def announce_disclosures(sender, answers, **kwargs) -> None:
    hooks = delivery.subscribers(Event.DISCLOSURE_FLAGGED)
    if hooks:
        readable = payloads.announceable_disclosures([answer.pk for answer in answers])
        if readable:
            delivery.enqueue(hooks, Event.DISCLOSURE_FLAGGED, payloads.disclosures(readable))


@receiver(departures_imported, dispatch_uid="webhooks.departures_imported")
def announce_import(sender, departure_ids, created, updated, **kwargs) -> None:
    hooks = delivery.subscribers(Event.DEPARTURE_IMPORTED)
    if hooks:
        data = payloads.departures_imported(departure_ids, created, updated)
        delivery.enqueue(hooks, Event.DEPARTURE_IMPORTED, data)
