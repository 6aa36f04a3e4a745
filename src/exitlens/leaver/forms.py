from django import forms
from django.conf import settings


class LanguageForm(forms.Form):
    """The `?lang=xx` switch on the leaver's pages."""

    lang = forms.ChoiceField(choices=settings.LANGUAGES)


def requested_language(request) -> str | None:
    """The valid language asked for in the query string, or None."""
    form = LanguageForm(request.GET)
    return form.cleaned_data["lang"] if form.is_valid() else None
