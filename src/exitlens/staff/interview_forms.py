"""Forms for the HR pages around interviews and the questionnaire."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import Departure, Interview, Question, QuestionnaireVersion, User
from exitlens.core.services.questionnaires import EDITABLE_TEXTS

Level = Interview.Confidentiality

CONFIDENTIALITY_EXPLANATIONS = {
    Level.NAMED: _("HR sees who gave which answers and may discuss them with the leaver's name."),
    Level.CONFIDENTIAL: _(
        "HR sees who gave which answers, but never shares them with the name: reports "
        "and the manager only get figures and themes that cannot be traced to this leaver."
    ),
    Level.ANONYMOUS: _(
        "At completion the answers are detached from the leaver for good. Only the "
        "department, tenure band and leave quarter stay with them; nobody, HR included, "
        "can link them back."
    ),
}

MAX_TEXT_LENGTH = 2_000
REQUIRED_PROMPT_LANGUAGES = ("nl", "en")
# How far in the past an interview may be entered, for catching up on one already held.
SCHEDULE_GRACE = timedelta(days=1)


def _level_field(levels: list[str]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Confidentiality"),
        choices=[(level, Level(level).label) for level in levels],
        widget=forms.RadioSelect,
    )


class InviteForm(forms.Form):
    def __init__(self, *args, levels: list[str], **kwargs):
        kwargs.setdefault("initial", {"confidentiality": settings.EXITLENS_DEFAULT_CONFIDENTIALITY})
        super().__init__(*args, **kwargs)
        self.fields["confidentiality"] = _level_field(levels)


class ConfidentialityForm(forms.Form):
    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confidentiality"] = _level_field(levels)


class ScheduleForm(forms.Form):
    interviewer = forms.ModelChoiceField(
        label=_("Interviewer"),
        queryset=User.objects.filter(
            is_active=True, role__in=[User.Role.ADMIN, User.Role.HR]
        ).order_by("first_name", "last_name", "username"),
    )
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    meeting_place = forms.CharField(
        label=_("Place or video link"),
        max_length=300,
        help_text=_("A room, an address or a link to the video call."),
    )
    notify_leaver = forms.BooleanField(
        label=_("E-mail the appointment to the leaver"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, levels: list[str], departure: Departure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confidentiality"] = _level_field(levels)
        if departure.invitation_email:
            self.fields["notify_leaver"].help_text = _(
                "In the leaver's language, to %(address)s."
            ) % {"address": departure.invitation_email}
        else:
            self.fields["notify_leaver"].disabled = True
            self.fields["notify_leaver"].initial = False
            self.fields["notify_leaver"].help_text = _("This departure has no e-mail address.")

    def clean_scheduled_at(self):
        scheduled_at = self.cleaned_data["scheduled_at"]
        if scheduled_at < timezone.now() - SCHEDULE_GRACE:
            raise forms.ValidationError(
                _(
                    "Choose a moment in the future, or at most one day ago to record a past "
                    "interview."
                )
            )
        return scheduled_at


class CompleteForm(forms.Form):
    """The conduct page's buttons: save, or complete with an outcome."""

    SAVE = "save"
    COMPLETE = "complete"

    action = forms.ChoiceField(choices=[(SAVE, SAVE), (COMPLETE, COMPLETE)])
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[
            ("", _("Choose…")),
            (Departure.Outcome.EXIT_CONFIRMED, Departure.Outcome.EXIT_CONFIRMED.label),
            (Departure.Outcome.RETAINED, Departure.Outcome.RETAINED.label),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.COMPLETE and not cleaned.get("outcome"):
            self.add_error(
                "outcome", _("Choose whether the exit is confirmed or the employee stays.")
            )
        return cleaned

    @property
    def completing(self) -> bool:
        return self.cleaned_data.get("action") == self.COMPLETE


class LanguageForm(forms.Form):
    """The language the conduct page shows the questions in (?lang=)."""

    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


def _text_field_name(question: Question, field: str, language: str) -> str:
    return f"{question.key}__{field}__{language}"


class QuestionnaireTextsForm(forms.Form):
    """Prompt, purpose and hint of every question in every language."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, version: QuestionnaireVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["version"].initial = version.number
        self.questions = questions = list(version.questions.all())
        self.languages = [code for code, _name in settings.LANGUAGES]
        language_names = dict(settings.LANGUAGES)
        for question in questions:
            for field in EDITABLE_TEXTS:
                texts = getattr(question, field) or {}
                for language in self.languages:
                    self.fields[_text_field_name(question, field, language)] = forms.CharField(
                        label=f"{_field_labels()[field]} ({language_names[language]})",
                        required=False,
                        max_length=MAX_TEXT_LENGTH,
                        initial=texts.get(language, ""),
                        widget=forms.Textarea(attrs={"rows": 2, "lang": language}),
                    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("version") != self.version.number:
            raise forms.ValidationError(
                _(
                    "Someone saved a new version of the questionnaire in the meantime. "
                    "Open the questionnaire again and redo your changes there."
                )
            )
        names = dict(settings.LANGUAGES)
        for question in self.questions:
            for language in REQUIRED_PROMPT_LANGUAGES:
                name = _text_field_name(question, "prompt", language)
                if name in cleaned and not cleaned[name]:
                    self.add_error(
                        name,
                        _("Question %(number)s needs a prompt in %(language)s.")
                        % {"number": question.position, "language": names[language]},
                    )
        return cleaned

    def rows(self):
        """Per question: (question, [(field label, [bound fields per language])])."""
        labels = _field_labels()
        for question in self.questions:
            yield (
                question,
                [
                    (
                        labels[field],
                        [self[_text_field_name(question, field, lang)] for lang in self.languages],
                    )
                    for field in EDITABLE_TEXTS
                ],
            )

    def changed_texts(self) -> dict[str, dict[str, dict[str, str]]]:
        """texts[question_key][field][language] for the fields that differ from the version."""
        changed: dict[str, dict[str, dict[str, str]]] = {}
        for question in self.questions:
            for field in EDITABLE_TEXTS:
                stored = getattr(question, field) or {}
                new = {
                    lang: self.cleaned_data[_text_field_name(question, field, lang)]
                    for lang in self.languages
                }
                # Only the languages offered here; the service keeps any others as they are.
                before = {lang: text for lang, text in stored.items() if text and lang in new}
                if {lang: text for lang, text in new.items() if text} != before:
                    changed.setdefault(question.key, {})[field] = new
        return changed


def _field_labels() -> dict[str, str]:
    return {"prompt": _("Question"), "purpose": _("Purpose"), "hint": _("Hint for the interviewer")}
