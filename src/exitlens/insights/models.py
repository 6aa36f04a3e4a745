from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import Answer, Department, Departure, Interview, Manager


class Leaver(models.Model):
    """A completed interview summarised for the insights (see summaries.py): the segments it can
    be filtered on and, per question, the themes it raised as a bit mask (bit i is THEME_IDS[i]).
    With one narrow row per leaver every figure is a single scan instead of joins over answers.
    No timestamp: an anonymous interview's row must not date its submission. No index on the
    period: a view covers much of the table, and reading it whole beat finding rows by index."""

    interview = models.OneToOneField(
        Interview, primary_key=True, on_delete=models.CASCADE, related_name="leaver"
    )
    departure = models.ForeignKey(  # none when anonymous
        Departure, null=True, on_delete=models.CASCADE, related_name="+"
    )
    department = models.ForeignKey(
        Department, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    manager = models.ForeignKey(Manager, null=True, on_delete=models.SET_NULL, related_name="+")
    job_title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    age_band = models.CharField(max_length=30, blank=True)
    tenure_band = models.CharField(max_length=10, blank=True)
    departure_type = models.CharField(max_length=20, blank=True)
    regrettable = models.BooleanField(null=True)
    leave_date = models.DateField(null=True)  # none when anonymous
    leave_month = models.CharField(max_length=7, blank=True)  # "2026-05"
    leave_quarter = models.CharField(max_length=7, blank=True)  # "2026-Q2"
    confidentiality = models.CharField(max_length=20)
    expectations_met = models.SmallIntegerField(null=True)
    recommend = models.SmallIntegerField(null=True)
    # Theme masks. reasons = main | contributing | reason_text.
    reasons = models.IntegerField(default=0)
    main = models.IntegerField(default=0)
    contributing = models.IntegerField(default=0)
    reason_text = models.IntegerField(default=0)  # problems in "why did you decide to leave?"
    reason_strength = models.IntegerField(default=0)  # strengths named in that answer
    retention = models.IntegerField(default=0)
    attraction = models.IntegerField(default=0)  # strengths only
    liked_most = models.IntegerField(default=0)  # strengths only
    liked_least = models.IntegerField(default=0)  # problems only

    def __str__(self) -> str:
        return f"leaver {self.interview_id}"


class DataVersion(models.Model):
    """A number drawn anew at every change the insights count (see summaries.changed), so a
    cached result is reused only while nothing it counted has changed."""

    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"data version {self.number}"


class QuoteReview(models.Model):
    """HR's decision on quoting an answer where viewers read it. Without an approval no answer
    is quoted; the text kept is the one approved, with personal data taken out."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="quote_review")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    text = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: answer {self.answer_id}"
