"""Disclosure cases: an interview with answers flagged as possible misconduct, followed up by HR.

The flagged answers themselves stay on the interview (`Answer.sensitive`); a case adds who
handles them, how far they got and how it ended. Its life is a small state table (TRANSITIONS),
checked by services/cases.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exitlens.core.models.interviews import Interview


class DisclosureCase(models.Model):
    class Category(models.TextChoices):
        HARASSMENT = "harassment", _("Harassment")
        SEXUAL_HARASSMENT = "sexual_harassment", _("Sexual harassment")
        DISCRIMINATION = "discrimination", _("Discrimination")
        BULLYING = "bullying", _("Bullying")
        THREATS = "threats", _("Threats or violence")
        SAFETY = "safety", _("Unsafe work")
        FRAUD = "fraud", _("Fraud")
        INTEGRITY = "integrity", _("Integrity breach")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        REFERRED = "referred", _("Referred")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        HANDLED = "handled", _("Handled by HR")
        REFERRED = "referred", _("Referred to the confidential adviser")
        NOT_MISCONDUCT = "not_misconduct", _("Not misconduct")
        NO_FOLLOW_UP = "no_follow_up", _("Could not be followed up")

    # Which action may start from which status (services/cases.py checks it).
    OPEN = (Status.NEW, Status.IN_PROGRESS, Status.REFERRED)
    TRANSITIONS = {
        "take": OPEN,
        "assign": OPEN,
        "refer": (Status.NEW, Status.IN_PROGRESS),
        "close": OPEN,
        "reopen": (Status.CLOSED,),
    }

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Kept when the interview goes (a deleted departure, an anonymous interview sealed again):
    # the case's history and notes are HR's record of what was done.
    interview = models.OneToOneField(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="case"
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    referred_at = models.DateTimeField(_("referred"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("disclosure case")
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"case {self.code}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def allows(self, action: str) -> bool:
        return self.status in self.TRANSITIONS[action]

    def age_in_days(self, now=None) -> int:
        return ((now or timezone.now()) - self.opened_at).days


class CaseNote(models.Model):
    """A note on a case. Notes are only ever added: the record of what was done stays whole."""

    case = models.ForeignKey(DisclosureCase, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"note on {self.case}"
