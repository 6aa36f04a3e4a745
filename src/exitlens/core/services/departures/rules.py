"""What makes a departure valid, whichever route writes it (HR pages, API, imports).

`DepartureRules` is the one form that checks a departure: the staff pages show a subclass of it,
the API feeds it the values its serializer typed, and the importer calls the rule functions for
the rows it plans in bulk.
"""

from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import Department, Departure, Manager

# What HR enters on the departure form; the API takes the same fields.
EDITABLE_FIELDS = [
    "full_name",
    "work_email",
    "personal_email",
    "language",
    "department",
    "manager",
    "job_title",
    "location",
    "age_band",
    "hire_date",
    "leave_date",
    "departure_type",
    "regrettable",
    "external_id",
    "destination",
    "eligible_for_rehire",
    "outcome",
]
DUPLICATE_ID = _("Another departure already has this HR system id.")
DATES_OUT_OF_ORDER = _("The leave date cannot be before the hire date.")


class DepartureInvalid(Exception):
    """A departure the rules refuse. `errors` holds the messages by field name, `form` the
    bound form that found them (the staff pages show it again)."""

    def __init__(self, errors: dict[str, list[str]], form: forms.Form | None = None):
        super().__init__("; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in errors.items()))
        self.errors = errors
        self.form = form


def new_departure_language() -> str:
    """A departure registered without a language gets the site's."""
    return settings.LANGUAGE_CODE


def dates_in_order(hire_date: date | None, leave_date: date | None) -> bool:
    """Nobody leaves before being hired (also a database constraint)."""
    return not (hire_date and leave_date and leave_date < hire_date)


def clean_external_id(value: str | None) -> str | None:
    """Blank means "none", stored as NULL so that many departures can lack one."""
    return (value or "").strip() or None


class DepartureRules(forms.ModelForm):
    """The fields of a departure and the rules between them. Without a manager, the
    department's manager is taken (unless `fill_manager` is turned off: an API change that
    does not name the manager keeps the stored one)."""

    fill_manager = True

    eligible_for_rehire = forms.NullBooleanField(
        label=_("Eligible for rehire"), required=False, widget=forms.NullBooleanSelect
    )

    class Meta:
        model = Departure
        fields = EDITABLE_FIELDS
        error_messages = {"external_id": {"unique": DUPLICATE_ID}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.order_by("name")
        self.fields["manager"].queryset = Manager.objects.order_by("name")
        if not self.instance.pk:
            self.initial.setdefault("language", new_departure_language())

    def clean_external_id(self) -> str | None:
        return clean_external_id(self.cleaned_data.get("external_id"))

    def clean(self) -> dict:
        cleaned = super().clean()
        if not dates_in_order(cleaned.get("hire_date"), cleaned.get("leave_date")):
            self.add_error("leave_date", DATES_OUT_OF_ORDER)
        department = cleaned.get("department")
        if self.fill_manager and department and not cleaned.get("manager"):
            cleaned["manager"] = department.manager
        return cleaned


def field_values(departure: Departure) -> dict:
    """The editable fields as stored (ids for related ones), to tell what a change changed."""
    return {
        name: getattr(departure, Departure._meta.get_field(name).attname)
        for name in EDITABLE_FIELDS
    }
