"""The query parameters of each list, as forms (see queries.read_query)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.api.queries import PageForm
from exitlens.core.models import Department, Departure, Interview
from exitlens.insights.filters import InsightFilterForm


def _any(choices) -> list[tuple[str, str]]:
    return [("", _("Any")), *choices]


class DepartureQueryForm(PageForm):
    leave_date_from = forms.DateField(
        required=False, help_text="Departures leaving on or after this date (YYYY-MM-DD)."
    )
    leave_date_to = forms.DateField(
        required=False, help_text="Departures leaving on or before this date (YYYY-MM-DD)."
    )
    department = forms.ModelChoiceField(
        Department.objects.all(), required=False, help_text="A department id (see /departments/)."
    )
    departure_type = forms.ChoiceField(choices=_any(Departure.Type.choices), required=False)
    external_id = forms.CharField(
        max_length=100, required=False, help_text="The employee number in your HR system."
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("leave_date_from"), cleaned.get("leave_date_to")
        if start and end and start > end:
            self.add_error("leave_date_to", _("The end of the period lies before its start."))
        return cleaned


class InterviewQueryForm(PageForm):
    status = forms.ChoiceField(choices=_any(Interview.Status.choices), required=False)
    confidentiality = forms.ChoiceField(
        choices=_any(Interview.Confidentiality.choices), required=False
    )
    mode = forms.ChoiceField(choices=_any(Interview.Mode.choices), required=False)


class ThemeQueryForm(PageForm):
    departure = forms.UUIDField(required=False, help_text="Only this departure's interview.")
    anonymous_interview = forms.UUIDField(
        required=False, help_text="Only this anonymous interview."
    )
    theme = forms.ChoiceField(
        choices=_any((theme, theme) for theme in THEME_IDS),
        required=False,
        help_text="Only answers with this effective theme.",
    )


class InsightQueryForm(InsightFilterForm):
    """The dashboard's filters; the period is kept within bounds by InsightFilterForm."""
