"""Forms of the staff pages: departures, the departure list filters, the account and users."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.db import models
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import AuditEntry, Department, Departure, Interview, User
from exitlens.core.services.departures import DepartureRules


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class InterviewState(models.TextChoices):
    """Where a departure stands with its interview, as the departure list shows and filters it:
    Interview.State (the one way to tell) with the begun ones taken together."""

    NONE = "none", _("None")
    INVITED = "invited", _("Invited")
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    ANONYMOUS = "completed_anonymously", _("Responded")


LIST_STATE = {
    Interview.State.NONE: InterviewState.NONE,
    Interview.State.INVITED: InterviewState.INVITED,
    Interview.State.SCHEDULED: InterviewState.SCHEDULED,
    # Opened by an interviewer without planning it first, or begun by either.
    Interview.State.PREPARED: InterviewState.IN_PROGRESS,
    Interview.State.DRAFT: InterviewState.IN_PROGRESS,
    Interview.State.IN_PROGRESS: InterviewState.IN_PROGRESS,
    Interview.State.COMPLETED: InterviewState.COMPLETED,
    Interview.State.RESPONDED: InterviewState.ANONYMOUS,
}


class DepartureForm(DepartureRules):
    """The departure form of the HR pages: the rules of the departures service, shown with date
    pickers, help texts and fieldsets."""

    class Meta(DepartureRules.Meta):
        widgets = {"hire_date": DateInput(), "leave_date": DateInput()}
        help_texts = {
            "manager": _("Leave empty to use the manager of the department."),
            "external_id": _("The employee number in your HR system, if any."),
            "destination": _("Where the leaver is going, if known."),
        }

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields in groups, each shown as a fieldset with a legend."""
        groups = [
            (_("Person"), ["full_name", "work_email", "personal_email", "language"]),
            (
                _("Job"),
                [
                    "department",
                    "manager",
                    "job_title",
                    "location",
                    "age_band",
                    "hire_date",
                    "external_id",
                ],
            ),
            (
                _("Departure"),
                [
                    "leave_date",
                    "departure_type",
                    "regrettable",
                    "destination",
                    "eligible_for_rehire",
                    "outcome",
                ],
            ),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]


YES_NO_ANY = [("", _("Any")), ("yes", _("Yes")), ("no", _("No"))]
PAGE_SIZES = (10, 25, 50, 100)
DEFAULT_PAGE_SIZE = 50


def _with_any(choices) -> list[tuple[str, str]]:
    return [("", _("Any")), *choices]


class DepartureFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Name, e-mail, HR system id or job title."),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        required=False,
        queryset=Department.objects.order_by("name"),
        empty_label=_("Any"),
    )
    departure_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=_with_any(Departure.Type.choices)
    )
    interview = forms.ChoiceField(
        label=_("Interview"), required=False, choices=_with_any(InterviewState.choices)
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=_with_any(Departure.Outcome.choices)
    )
    leave_from = forms.DateField(label=_("Leaving from"), required=False, widget=DateInput())
    leave_to = forms.DateField(label=_("Leaving until"), required=False, widget=DateInput())
    regrettable = forms.TypedChoiceField(
        label=_("Regrettable"),
        required=False,
        choices=YES_NO_ANY,
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    per_page = forms.TypedChoiceField(
        label=_("Per page"),
        required=False,
        choices=[(size, str(size)) for size in PAGE_SIZES],
        coerce=int,
        empty_value=DEFAULT_PAGE_SIZE,
    )

    def __init__(self, data=None, *args, **kwargs):
        # An unknown page size silently becomes the default, which the select then shows.
        if data is not None and data.get("per_page") not in [str(s) for s in PAGE_SIZES]:
            data = data.copy()
            data["per_page"] = str(DEFAULT_PAGE_SIZE)
        super().__init__(data, *args, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        leave_from = cleaned.get("leave_from")
        leave_to = cleaned.get("leave_to")
        if leave_from and leave_to and leave_from > leave_to:
            self.add_error("leave_to", _("The end of the period cannot be before its start."))
            # Half a period would be misleading: drop the start date too.
            cleaned.pop("leave_from", None)
        return cleaned


def language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Follow the browser")), *settings.LANGUAGES],
    )


class AccountForm(forms.ModelForm):
    language = language_field()

    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label=_("Action"),
        required=False,
        max_length=100,
        help_text=_("The start of the action, such as “interview.” or “departure.deleted”."),
    )
    actor = forms.ModelChoiceField(
        label=_("Who"),
        required=False,
        queryset=User.objects.order_by("username"),
        to_field_name="username",
        empty_label=_("Anyone"),
    )

    def filter(self, entries: models.QuerySet[AuditEntry]) -> models.QuerySet[AuditEntry]:
        if self.cleaned_data.get("action"):
            entries = entries.filter(action__startswith=self.cleaned_data["action"].strip())
        if self.cleaned_data.get("actor"):
            entries = entries.filter(actor=self.cleaned_data["actor"])
        return entries


# `/users/new/` is the page to add a user, so nobody can be called "new".
RESERVED_USERNAMES = {"new"}


def _check_case_handler(form: forms.ModelForm, cleaned: dict) -> None:
    """Disclosure cases hold individual answers: a viewer never handles them."""
    if cleaned.get("handles_cases") and cleaned.get("role") == User.Role.VIEWER:
        form.add_error(
            "handles_cases", _("Only HR staff and administrators can handle disclosure cases.")
        )


class UserCreateForm(UserCreationForm):
    language = language_field()

    class Meta(UserCreationForm.Meta):
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "handles_cases",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def clean(self) -> dict:
        cleaned = super().clean()
        _check_case_handler(self, cleaned)
        return cleaned

    def clean_username(self) -> str:
        username = super().clean_username()
        if username and username.lower() in RESERVED_USERNAMES:
            raise forms.ValidationError(_("This username is reserved; choose another one."))
        return username


class UserEditForm(forms.ModelForm):
    language = language_field()

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "role",
            "handles_cases",
            "is_active",
            "language",
        ]
        help_texts = {
            "is_active": _("Inactive users cannot sign in. Their history stays in the audit log."),
        }

    def __init__(self, *args, acting_user: User, **kwargs):
        self.acting_user = acting_user
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk == self.acting_user.pk:
            if "role" in cleaned and cleaned["role"] != User.Role.ADMIN:
                self.add_error("role", _("You cannot take away your own administrator role."))
            if "is_active" in cleaned and not cleaned["is_active"]:
                self.add_error("is_active", _("You cannot deactivate your own account."))
        _check_case_handler(self, cleaned)
        return cleaned
