import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exitlens.core import segments
from exitlens.core.models.organisation import Department, Manager


class Departure(models.Model):
    class Type(models.TextChoices):
        RESIGNATION = "resignation", _("Resignation")
        DISMISSAL = "dismissal", _("Dismissal")
        END_OF_CONTRACT = "end_of_contract", _("End of contract")
        RETIREMENT = "retirement", _("Retirement")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Open")
        EXIT_CONFIRMED = "exit_confirmed", _("Exit confirmed")
        RETAINED = "retained", _("Retained")

    VOLUNTARY_TYPES = (Type.RESIGNATION, Type.RETIREMENT)

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(_("name"), max_length=200)
    work_email = models.EmailField(_("work e-mail"), blank=True)
    personal_email = models.EmailField(
        _("personal e-mail"),
        blank=True,
        help_text=_(
            "Invitations go here when given: the work address often closes on the last day."
        ),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT
    )
    manager = models.ForeignKey(
        Manager, verbose_name=_("manager"), null=True, blank=True, on_delete=models.SET_NULL
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True, db_index=True)
    location = models.CharField(_("location"), max_length=200, blank=True, db_index=True)
    age_band = models.CharField(
        _("age band"),
        max_length=30,
        blank=True,
        db_index=True,
        help_text=_("As your HR system groups ages, e.g. 26-30. Insights never show one person."),
    )
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    leave_date = models.DateField(_("leave date"), db_index=True)
    departure_type = models.CharField(
        _("type of departure"), max_length=20, choices=Type.choices, default=Type.RESIGNATION
    )
    regrettable = models.BooleanField(
        _("regrettable loss"),
        default=False,
        help_text=_("We would have wanted to keep this person."),
    )
    external_id = models.CharField(
        _("HR system id"), max_length=100, null=True, blank=True, unique=True
    )
    destination = models.CharField(_("destination"), max_length=200, blank=True)
    eligible_for_rehire = models.BooleanField(_("eligible for rehire"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    responded_anonymously = models.BooleanField(
        default=False,
        editable=False,
        help_text="The leaver submitted an anonymous interview; its answers are not linked here.",
    )
    invite_on = models.DateField(
        _("invitation planned for"),
        null=True,
        blank=True,
        editable=False,
        help_text="Set by an import (EXITLENS_AUTO_INVITE_*); `send-reminders` invites then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-leave_date", "full_name"]
        verbose_name = _("departure")
        indexes = [
            # Covers what the insights count per departure, so that is read from the index.
            models.Index(
                fields=[
                    "leave_date",
                    "departure_type",
                    "regrettable",
                    "outcome",
                    "responded_anonymously",
                    "department",
                ],
                name="departure_insights",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hire_date__isnull=True)
                | models.Q(hire_date__lte=models.F("leave_date")),
                name="departure_hired_before_leaving",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def invitation_email(self) -> str:
        return self.personal_email or self.work_email

    @property
    def is_voluntary(self) -> bool:
        return self.departure_type in self.VOLUNTARY_TYPES

    @property
    def tenure_band(self) -> str:
        return segments.tenure_band(self.hire_date, self.leave_date)

    @property
    def leave_quarter(self) -> str:
        return segments.quarter(self.leave_date)
