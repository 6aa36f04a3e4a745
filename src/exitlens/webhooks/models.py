import json
import secrets
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """What a webhook can subscribe to; the values are the event names receivers see."""

    INTERVIEW_COMPLETED = "interview.completed", _("An interview is completed")
    DISCLOSURE_FLAGGED = "disclosure.flagged", _("An answer is flagged as a sensitive disclosure")
    DEPARTURE_IMPORTED = "departure.imported", _("Departures are imported")


PING = "ping"  # the test an administrator sends by hand; nobody subscribes to it


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def validate_webhook_url(value: str) -> None:
    """http or https with a host. Django's URLValidator is not used: it refuses intranet names
    without a dot (http://hr-bridge:8080/), which is where many receivers live."""
    if any(char.isspace() or ord(char) < 32 for char in value):
        raise ValidationError(_("A URL cannot contain spaces."), code="invalid")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(
            _("Enter a URL that starts with https:// or http://."), code="invalid_scheme"
        )
    if not parts.hostname:
        raise ValidationError(
            _("Enter a URL with a host name, such as https://hr-tools.example.org/exitlens."),
            code="invalid_host",
        )
    if parts.username or parts.password:
        raise ValidationError(
            _(
                "Leave user names and passwords out of the URL: "
                "the receiver checks the signature instead."
            ),
            code="credentials",
        )
    try:
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number 0-65535)
    except ValueError:
        raise ValidationError(_("The port number is not valid."), code="invalid_port") from None


class Webhook(models.Model):
    """An address that is told about events, with the secret that signs what is sent to it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    url = models.CharField(_("URL"), max_length=500, validators=[validate_webhook_url])
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("An inactive webhook is sent nothing.")
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("webhook")

    def __str__(self) -> str:
        return self.url

    @property
    def host(self) -> str:
        """The receiving host: the path of a URL may itself be a secret, so logs show this."""
        return urlsplit(self.url).hostname or ""


class Delivery(models.Model):
    """One event for one webhook, kept until it is delivered or given up on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Delivered")
        FAILED = "failed", _("Failed")

    # Random: sent to the receiver, which can use it to ignore a delivery it has seen.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} to {self.webhook.host} ({self.status})"

    @property
    def payload_text(self) -> str:
        return json.dumps(self.payload, indent=2, sort_keys=True)
