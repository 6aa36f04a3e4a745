from django import forms
from django.utils.translation import gettext_lazy as _

from exitlens.api.models import ApiToken

LONGEST_VALIDITY_DAYS = 3650


class ApiTokenForm(forms.ModelForm):
    expires_in_days = forms.IntegerField(
        label=_("Valid for (days)"),
        required=False,
        min_value=1,
        max_value=LONGEST_VALIDITY_DAYS,
        help_text=_("Leave empty for a token that works until it is revoked."),
    )

    class Meta:
        model = ApiToken
        fields = ["name", "role", "scope"]
        help_texts = {
            "name": _("What the token is for, e.g. the HR system that registers departures."),
            "role": _("What the token may see, as a user with that role would."),
            "scope": _("Only a write token may register departures or send invitations."),
        }
        widgets = {"role": forms.RadioSelect, "scope": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons without the empty "---------" choice, the safest one picked.
        self.fields["role"].choices = ApiToken.Role.choices
        self.fields["role"].initial = ApiToken.Role.VIEWER
        self.fields["scope"].choices = ApiToken.Scope.choices
        self.fields["scope"].initial = ApiToken.Scope.READ
