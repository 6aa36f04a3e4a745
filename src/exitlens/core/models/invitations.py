from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exitlens.core.models.departures import Departure
from exitlens.core.models.interviews import Interview


class Invitation(models.Model):
    """A request to a leaver to fill in the self-service interview, with its links and reminders."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        COMPLETED = "completed", _("Completed")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    departure = models.ForeignKey(Departure, on_delete=models.CASCADE, related_name="invitations")
    # Cleared when an anonymous interview is submitted.
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    sent_to = models.EmailField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["status", "sent_at"])]

    def __str__(self) -> str:
        return f"invitation to {self.sent_to}"

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.EXPIRED or (
            self.status == self.Status.OPEN and self.expires_at <= timezone.now()
        )


class InvitationLink(models.Model):
    """A personal link; only the SHA-256 of its token is stored. Reminders add new links."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_to = models.EmailField(blank=True, default="", db_default="")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"link {self.token_hash[:8]}…"
