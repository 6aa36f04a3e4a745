import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _in_language(texts: dict, language: str) -> str:
    """The text in `language`, else English, else any language given."""
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


class Questionnaire(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("questionnaire")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_questionnaire",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def current_version(self) -> "QuestionnaireVersion":
        return self.versions.order_by("-number").first()


class QuestionnaireVersion(models.Model):
    """A frozen set of questions. Editing a questionnaire makes a new version."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["questionnaire", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="unique_questionnaire_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} v{self.number}"


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        SCALE = "scale", _("Scale")
        CHOICE = "choice", _("One choice")
        MULTICHOICE = "multichoice", _("Several choices")

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="questions"
    )
    position = models.PositiveIntegerField()
    key = models.SlugField(max_length=50)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    method_number = models.PositiveSmallIntegerField(null=True, blank=True)
    # Texts per language code: {"nl": "...", "en": "...", ...}
    prompt = models.JSONField(default=dict)
    purpose = models.JSONField(default=dict, blank=True)
    hint = models.JSONField(default=dict, blank=True)
    # Scales: bounds and end labels. Choices: [{"value": "pay", "labels": {"nl": ..., ...}}, ...]
    scale_min = models.SmallIntegerField(null=True, blank=True)
    scale_max = models.SmallIntegerField(null=True, blank=True)
    min_label = models.JSONField(default=dict, blank=True)
    max_label = models.JSONField(default=dict, blank=True)
    options = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="unique_question_key"),
        ]

    def __str__(self) -> str:
        return self.key

    def prompt_in(self, language: str) -> str:
        return _in_language(self.prompt, language)

    def purpose_in(self, language: str) -> str:
        return _in_language(self.purpose, language)

    def hint_in(self, language: str) -> str:
        return _in_language(self.hint, language)

    def min_label_in(self, language: str) -> str:
        return _in_language(self.min_label, language)

    def max_label_in(self, language: str) -> str:
        return _in_language(self.max_label, language)

    def option_choices(self, language: str) -> list[tuple[str, str]]:
        return [
            (option["value"], _in_language(option["labels"], language)) for option in self.options
        ]

    def option_label(self, value: str, language: str) -> str:
        return dict(self.option_choices(language)).get(value, value)

    @property
    def is_text(self) -> bool:
        return self.kind == self.Kind.TEXT

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.CHOICE, self.Kind.MULTICHOICE)
