from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from exitlens.core.models import Department, Departure, Interview, Invitation
from exitlens.core.signals import departures_imported, interviews_changed
from exitlens.insights import summaries

LOOKUP_BATCH = 500  # ids in one `IN (...)`: within SQLite's limit on parameters


@receiver(interviews_changed)
def summarise_interviews(sender, interview_ids, now=False, **kwargs) -> None:
    if now:
        summaries.summarise(interview_ids)
    else:
        summaries.summarise_later(interview_ids)


@receiver(post_save, sender=Departure)
def summarise_departure(sender, instance: Departure, created: bool, **kwargs) -> None:
    summaries.changed()  # the departures are counted too
    if not created:
        summaries.summarise_departure_later(instance.pk)


@receiver(departures_imported, dispatch_uid="insights.departures_imported")
def summarise_imported(sender, departure_ids, **kwargs) -> None:
    """Bulk writes send no model signals: bring the insights up to date once the import
    commits. Only departures that had interviews have rows to rebuild."""
    summaries.changed()
    interview_ids = []
    for start in range(0, len(departure_ids), LOOKUP_BATCH):
        batch = departure_ids[start : start + LOOKUP_BATCH]
        interview_ids += Interview.objects.filter(departure_id__in=batch).values_list(
            "pk", flat=True
        )
    summaries.summarise_later(interview_ids)


@receiver(post_delete, sender=Departure)
@receiver(post_delete, sender=Interview)  # its summary goes with it (resealed, discarded)
@receiver(post_save, sender=Invitation)
@receiver(post_delete, sender=Invitation)
@receiver(post_save, sender=Department)
@receiver(post_delete, sender=Department)
def counted_data_changed(sender, **kwargs) -> None:
    summaries.changed()
