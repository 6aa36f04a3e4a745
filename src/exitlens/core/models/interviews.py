import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exitlens.core.models.departures import Departure
from exitlens.core.models.organisation import Department
from exitlens.core.models.questionnaires import Question, QuestionnaireVersion

MAX_ANSWER_LENGTH = 10_000


class Interview(models.Model):
    """One exit interview. An anonymous one loses every link to its departure at submission."""

    class Mode(models.TextChoices):
        SELF_SERVICE = "self_service", _("Self-service link")
        INTERVIEWER = "interviewer", _("Led by an interviewer")

    class Confidentiality(models.TextChoices):
        NAMED = "named", _("Named")
        CONFIDENTIAL = "confidential", _("Confidential")
        ANONYMOUS = "anonymous", _("Anonymous")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    # A random primary key: the row number must not betray when an anonymous interview was made.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    departure = models.OneToOneField(
        Departure, null=True, blank=True, on_delete=models.CASCADE, related_name="interview"
    )
    questionnaire_version = models.ForeignKey(QuestionnaireVersion, on_delete=models.PROTECT)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    meeting_place = models.CharField(_("place or video link"), max_length=300, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # When the leaver first saw the promise on their page; from then on it can only be raised.
    opened_at = models.DateTimeField(null=True, blank=True)
    # The address of the link the leaver began answering from: only links sent there reach the
    # draft, so a link sent to another address (HR's own, say) cannot read or change it.
    draft_address = models.EmailField(blank=True, default="", db_default="")
    completed_at = models.DateTimeField(null=True, blank=True)
    # Coarse segments, filled at completion; all that an anonymous interview keeps of its leaver.
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tenure_band = models.CharField(max_length=10, blank=True)
    leave_quarter = models.CharField(max_length=7, blank=True)
    completed_quarter = models.CharField(max_length=7, blank=True)

    class Meta:
        verbose_name = _("interview")
        indexes = [models.Index(fields=["status", "confidentiality"])]

    def __str__(self) -> str:
        return f"interview {self.id}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def is_anonymous(self) -> bool:
        return self.confidentiality == self.Confidentiality.ANONYMOUS


class Answer(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)
    number = models.SmallIntegerField(null=True, blank=True)
    note = models.TextField(_("interviewer note"), blank=True)
    # Theme coding of the text and note (see services/coding.py); the tags are AnswerTheme rows.
    # Database defaults too: seed-demo writes answers with plain SQL.
    language = models.CharField(max_length=3, blank=True, default="", db_default="")
    sensitive = models.BooleanField(default=False, db_default=False, db_index=True)
    certainty = models.FloatField(null=True, blank=True, db_index=True)
    coded_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "question"], name="one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.key}: {self.text[:40] or self.number}"


class AnswerChoice(models.Model):
    """One chosen option of a choice question, in its own row so the database can count it."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="choices")
    value = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "value"], name="unique_answer_choice"),
        ]

    def __str__(self) -> str:
        return self.value


class AnswerTheme(models.Model):
    """A theme an answer raises. Human tags (from the review queue) win over the model's."""

    class Polarity(models.TextChoices):
        POSITIVE = "positive", _("Strength")
        NEGATIVE = "negative", _("Problem")

    class Source(models.TextChoices):
        MODEL = "model", _("Model")
        HUMAN = "human", _("Human")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(max_length=32, db_index=True)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    score = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MODEL)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "theme", "source"], name="one_tag_per_theme_and_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.polarity}, {self.source})"
