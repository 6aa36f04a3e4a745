from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExitlensUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", User.Role.ADMIN)
        # The first administrator must hear of disclosure cases; others get the flag by hand.
        extra_fields.setdefault("handles_cases", True)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        HR = "hr", _("HR")
        VIEWER = "viewer", _("Viewer (management)")

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to follow the browser."),
    )

    handles_cases = models.BooleanField(
        _("may handle disclosure cases"),
        default=False,
        help_text=_(
            "Sees the disclosure cases and is e-mailed when one opens. HR staff and "
            "administrators only."
        ),
    )

    objects = ExitlensUserManager()

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.role == self.Role.ADMIN

    @property
    def is_hr(self) -> bool:
        """HR staff and administrators may see individual departures and interviews."""
        return self.is_active and self.role in (self.Role.ADMIN, self.Role.HR)

    @property
    def may_handle_cases(self) -> bool:
        """Disclosure cases are for the HR staff and administrators chosen to handle them."""
        return self.is_hr and self.handles_cases

    def __str__(self) -> str:
        return self.get_full_name() or self.username
