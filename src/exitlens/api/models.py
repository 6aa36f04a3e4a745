import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A key for the REST API. Only the SHA-256 of the key is stored, with a short visible
    prefix to recognise it by; the key itself is shown once, when it is created."""

    class Role(models.TextChoices):
        HR = "hr", _("HR: departures, interviews, answers and insights")
        VIEWER = "viewer", _("Viewer: aggregated insights only")

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    prefix = models.CharField(max_length=16)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired

    @property
    def sees_individuals(self) -> bool:
        """HR tokens see departures, interviews and answers; viewer tokens only insights."""
        return self.role == self.Role.HR

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE
