"""The review form of the coding queue: a verdict per theme and the sensitive flag."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from exitlens.analysis.taxonomy import THEMES
from exitlens.core.models import AnswerTheme

NONE = "none"
VERDICTS = [
    (NONE, pgettext_lazy("theme verdict", "None")),
    (AnswerTheme.Polarity.POSITIVE, _("Strength")),
    (AnswerTheme.Polarity.NEGATIVE, _("Problem")),
]


class ReviewForm(forms.Form):
    """One radio group per theme (named by the theme id), preselected from `tags`."""

    sensitive = forms.BooleanField(
        label=_("Sensitive disclosure"),
        required=False,
        help_text=_("Harassment, discrimination, safety or misconduct."),
    )
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, language: str, tags: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        tags = tags or {}
        for theme in THEMES:
            self.fields[theme.id] = forms.ChoiceField(
                label=theme.label(language),
                choices=VERDICTS,
                required=False,
                initial=tags.get(theme.id, NONE),
                widget=forms.RadioSelect,
            )

    def theme_fields(self) -> list[forms.BoundField]:
        return [self[theme.id] for theme in THEMES]

    def tags(self) -> dict[str, str]:
        """{theme: positive|negative} for every theme given a verdict; a missing one is none."""
        return {
            theme.id: self.cleaned_data[theme.id]
            for theme in THEMES
            if self.cleaned_data.get(theme.id) not in ("", NONE)
        }
