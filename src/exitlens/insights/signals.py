from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from exitlens.core.models import Department, Departure, Invitation
from exitlens.core.signals import interviews_changed
from exitlens.insights import summaries


@receiver(interviews_changed)
def summarise_interviews(sender, interview_ids, **kwargs) -> None:
    summaries.summarise(interview_ids)


@receiver(post_save, sender=Departure)
def summarise_departure(sender, instance: Departure, created: bool, **kwargs) -> None:
    if created:
        summaries.changed()
    else:
        summaries.summarise_departure(instance.pk)


@receiver(post_delete, sender=Departure)
@receiver(post_save, sender=Invitation)
@receiver(post_delete, sender=Invitation)
@receiver(post_save, sender=Department)
@receiver(post_delete, sender=Department)
def counted_data_changed(sender, **kwargs) -> None:
    summaries.changed()
