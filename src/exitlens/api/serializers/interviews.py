"""What the API tells about interviews: their status per departure, and (for HR tokens) the
answers with their coded themes. Anonymous interviews carry no departure, name or date."""

from rest_framework import serializers

from exitlens.api.serializers.fields import StrictChoiceField, StrictSerializer
from exitlens.core.models import AnswerTheme, Interview, Invitation, Question


class InterviewStatusSerializer(serializers.Serializer):
    departure = serializers.UUIDField(help_text="The departure's code.")
    status = serializers.ChoiceField(Interview.Status.choices)
    mode = serializers.ChoiceField(
        Interview.Mode.choices,
        allow_null=True,
        help_text="Null once an anonymous interview is detached from its departure.",
    )
    confidentiality = serializers.ChoiceField(Interview.Confidentiality.choices)
    anonymised = serializers.BooleanField(
        help_text=(
            "The leaver completed an anonymous interview: its answers are no longer linked to "
            "this departure, and its dates and mode are gone."
        )
    )
    scheduled_at = serializers.DateTimeField(allow_null=True)
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


class ThemeTagSerializer(serializers.Serializer):
    theme = serializers.CharField()
    label = serializers.CharField()
    polarity = serializers.ChoiceField(AnswerTheme.Polarity.choices)
    source = serializers.ChoiceField(AnswerTheme.Source.choices)
    score = serializers.FloatField(allow_null=True, help_text="The model's score; null for HR's.")


class AnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="Null for an unanswered question.")
    question = serializers.CharField(help_text="The question's key.")
    kind = serializers.ChoiceField(Question.Kind.choices)
    prompt = serializers.CharField()
    text = serializers.CharField(allow_blank=True)
    number = serializers.IntegerField(allow_null=True)
    choices = serializers.ListField(child=serializers.CharField())
    note = serializers.CharField(allow_blank=True, help_text="The interviewer's note.")
    sensitive = serializers.BooleanField(help_text="Flagged as a sensitive disclosure.")
    reviewed = serializers.BooleanField(help_text="HR reviewed the coded themes.")
    themes = ThemeTagSerializer(many=True, help_text="The effective tags (HR's once reviewed).")


class InterviewAnswersSerializer(serializers.Serializer):
    interview = InterviewStatusSerializer()
    answers = AnswerSerializer(many=True)


class AnonymousInterviewSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    department = serializers.IntegerField(allow_null=True)
    department_name = serializers.CharField(allow_blank=True)
    tenure_band = serializers.CharField(allow_blank=True)
    leave_quarter = serializers.CharField(allow_blank=True)


class AnonymousAnswersSerializer(serializers.Serializer):
    interview = AnonymousInterviewSerializer()
    answers = AnswerSerializer(many=True)


class CodedAnswerSerializer(serializers.Serializer):
    answer = serializers.IntegerField()
    question = serializers.CharField()
    departure = serializers.UUIDField(
        allow_null=True, help_text="The departure's code; null for an anonymous interview."
    )
    anonymous_interview = serializers.UUIDField(
        allow_null=True, help_text="The anonymous interview's id; null for any other."
    )
    reviewed = serializers.BooleanField()
    sensitive = serializers.BooleanField()
    themes = ThemeTagSerializer(many=True)


class InvitationSerializer(serializers.Serializer):
    sent_to = serializers.EmailField()
    sent_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    status = serializers.ChoiceField(Invitation.Status.choices)
    reminders_sent = serializers.IntegerField()
    last_reminded_at = serializers.DateTimeField(allow_null=True)


class InvitationSendSerializer(StrictSerializer):
    confidentiality = StrictChoiceField(
        Interview.Confidentiality.choices,
        required=False,
        help_text=(
            "What the leaver is promised; the configured default when left out. Once the leaver "
            "has begun, it can only get stronger."
        ),
    )
