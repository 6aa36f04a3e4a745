from django import forms
from django.utils.translation import gettext_lazy as _

from exitlens.webhooks.models import Event, Webhook


class WebhookForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one event.")},
    )

    class Meta:
        model = Webhook
        fields = ["url", "description", "events", "active"]
        # A text input: the style sheet has no rule for type="url".
        widgets = {
            "url": forms.TextInput(
                attrs={"inputmode": "url", "placeholder": "https://", "spellcheck": "false"}
            )
        }
        help_texts = {
            "url": _("Exitlens POSTs each event here as JSON, signed with the webhook's secret."),
            "description": _("What receives the events, for the people who come after you."),
        }

    def clean_events(self) -> list[str]:
        chosen = set(self.cleaned_data["events"])
        return [event for event in Event.values if event in chosen]
