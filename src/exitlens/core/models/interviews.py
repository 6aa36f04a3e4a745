import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exitlens.core.models.departures import Departure
from exitlens.core.models.organisation import Department
from exitlens.core.models.questionnaires import Question, QuestionnaireVersion

MAX_ANSWER_LENGTH = 10_000


class Interview(models.Model):
    """One exit interview. An anonymous one loses every link to its departure at submission.

    Its life is a state table: `State` says where it stands (computed from status, mode and
    schedule, never stored), `TRANSITIONS` which action may start from which state and where it
    leads. services/interviews.py checks the table and says why it refuses (docs/architecture.md).
    """

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

    class State(models.TextChoices):
        """Where a departure stands with its interview; see `state` and `state_for`."""

        NONE = "none", _("No interview yet")
        INVITED = "invited", _("Invitation sent")  # self-service, not begun
        PREPARED = "prepared", _("Interview prepared, no answers yet")  # led, not planned
        SCHEDULED = "scheduled", _("Interview scheduled")  # led, planned, not begun
        DRAFT = "draft", _("In progress")  # the leaver's draft: theirs alone until submitted
        IN_PROGRESS = "in_progress", _("In progress")  # led, begun
        COMPLETED = "completed", _("Completed")  # an anonymous one is sealed, then detached
        RESPONDED = "completed_anonymously", _("Responded")  # detached: the departure has none

    class Action(models.TextChoices):
        """What can happen to an interview, and who does it."""

        INVITE = "invite"  # HR (page, API, planned invitations): e-mail a self-service link
        SCHEDULE = "schedule"  # HR: plan an interviewer-led interview
        CONDUCT = "conduct"  # HR interviewer: write answers and notes on the conduct page
        ANSWER = "answer"  # the leaver through their link (and the conduct page's saves)
        DISCARD_DRAFT = "discard_draft"  # a link sent to another address: start afresh
        CHANGE_CONFIDENTIALITY = "change_confidentiality"  # HR; only stronger once opened
        SUBMIT = "submit"  # the leaver hands in their draft
        COMPLETE = "complete"  # HR interviewer: close with an outcome
        DETACH = "detach"  # the system (services/sealing.py): unlink an anonymous interview

    # Which action may start from which state, and the state it leads to. Anything else is
    # refused by services/interviews.py with the reason it keeps for that action and state.
    OPEN = (State.INVITED, State.PREPARED, State.SCHEDULED, State.DRAFT, State.IN_PROGRESS)
    FINISHED = (State.COMPLETED, State.RESPONDED)
    TRANSITIONS = {
        Action.INVITE: {
            State.NONE: State.INVITED,
            State.INVITED: State.INVITED,  # a fresh link
            State.PREPARED: State.INVITED,
            State.SCHEDULED: State.INVITED,
            State.DRAFT: State.DRAFT,  # a fresh link to the same draft
        },
        Action.SCHEDULE: {
            State.NONE: State.SCHEDULED,
            State.INVITED: State.SCHEDULED,  # open invitations are withdrawn
            State.PREPARED: State.SCHEDULED,
            State.SCHEDULED: State.SCHEDULED,
            State.IN_PROGRESS: State.IN_PROGRESS,
        },
        Action.CONDUCT: {
            State.NONE: State.IN_PROGRESS,  # made at the first save
            State.PREPARED: State.IN_PROGRESS,
            State.SCHEDULED: State.IN_PROGRESS,
            State.IN_PROGRESS: State.IN_PROGRESS,
        },
        Action.ANSWER: {
            State.INVITED: State.DRAFT,
            State.DRAFT: State.DRAFT,
            State.PREPARED: State.IN_PROGRESS,
            State.SCHEDULED: State.IN_PROGRESS,
            State.IN_PROGRESS: State.IN_PROGRESS,
        },
        Action.DISCARD_DRAFT: {State.INVITED: State.INVITED, State.DRAFT: State.INVITED},
        Action.CHANGE_CONFIDENTIALITY: {  # only stronger once opened or begun
            State.INVITED: State.INVITED,
            State.PREPARED: State.PREPARED,
            State.SCHEDULED: State.SCHEDULED,
            State.DRAFT: State.DRAFT,
            State.IN_PROGRESS: State.IN_PROGRESS,
        },
        Action.SUBMIT: {
            State.DRAFT: State.COMPLETED,
            # Submitting twice stores once; an anonymous one is detached by then.
            State.COMPLETED: State.COMPLETED,
            State.RESPONDED: State.RESPONDED,
        },
        Action.COMPLETE: {  # the conduct page only reaches PREPARED, SCHEDULED, IN_PROGRESS
            State.INVITED: State.COMPLETED,
            State.PREPARED: State.COMPLETED,
            State.SCHEDULED: State.COMPLETED,
            State.DRAFT: State.COMPLETED,
            State.IN_PROGRESS: State.COMPLETED,
        },
        Action.DETACH: {State.COMPLETED: State.RESPONDED},  # anonymous ones only
    }

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

    @property
    def state(self) -> "Interview.State":
        """Where this interview stands (the one way to tell; `state_expression` is its SQL)."""
        if self.status == self.Status.COMPLETED:
            return self.State.COMPLETED
        begun = self.status == self.Status.IN_PROGRESS
        if self.mode == self.Mode.SELF_SERVICE:
            return self.State.DRAFT if begun else self.State.INVITED
        if begun:
            return self.State.IN_PROGRESS
        return self.State.SCHEDULED if self.scheduled_at else self.State.PREPARED

    @classmethod
    def state_for(cls, departure: Departure, interview: "Interview | None") -> "Interview.State":
        """Where `departure` stands; `interview` is the one linked to it, or None."""
        if departure.responded_anonymously:
            return cls.State.RESPONDED
        if interview is None:
            return cls.State.NONE
        return interview.state

    @classmethod
    def state_expression(cls) -> models.Case:
        """`state_for` in the database, to annotate departures with."""
        state = cls.State
        return models.Case(
            models.When(responded_anonymously=True, then=models.Value(state.RESPONDED)),
            models.When(interview__isnull=True, then=models.Value(state.NONE)),
            models.When(interview__status=cls.Status.COMPLETED, then=models.Value(state.COMPLETED)),
            models.When(
                interview__status=cls.Status.IN_PROGRESS,
                interview__mode=cls.Mode.SELF_SERVICE,
                then=models.Value(state.DRAFT),
            ),
            models.When(
                interview__status=cls.Status.IN_PROGRESS, then=models.Value(state.IN_PROGRESS)
            ),
            models.When(interview__mode=cls.Mode.SELF_SERVICE, then=models.Value(state.INVITED)),
            models.When(interview__scheduled_at__isnull=False, then=models.Value(state.SCHEDULED)),
            default=models.Value(state.PREPARED),
            output_field=models.CharField(),
        )

    @classmethod
    def allows(cls, action: str, state: str) -> bool:
        return state in cls.TRANSITIONS[action]


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
