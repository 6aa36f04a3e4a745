"""Forms of the disclosure case pages: the list filter and one small form per change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import DisclosureCase
from exitlens.core.services.cases import MAX_NOTE_LENGTH, case_handlers

OPEN = ""
ALL = "all"


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (OPEN, _("Open cases")),
            *DisclosureCase.Status.choices,
            (ALL, _("All cases")),
        ],
    )

    def filter(self, cases):
        status = self.cleaned_data.get("status") or OPEN
        if status == OPEN:
            return cases.exclude(status=DisclosureCase.Status.CLOSED)
        if status == ALL:
            return cases
        return cases.filter(status=status)


def _note_field(label, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        error_messages={"required": _("Write a note first.")},
        max_length=MAX_NOTE_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    text = _note_field(_("New note"), required=True)


class CategoryForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=DisclosureCase.Category.choices)


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Handled by"), queryset=case_handlers().order_by("first_name", "username")
    )


class ReferForm(forms.Form):
    note = _note_field(_("Note (optional)"))


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("Choose how the case ended")), *DisclosureCase.Outcome.choices],
        error_messages={"required": _("Choose how the case ended before closing it.")},
    )
    note = _note_field(_("Note (optional)"))


class ReopenForm(forms.Form):
    note = _note_field(_("Why reopen? (optional)"))
