from rest_framework import serializers


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="E.g. invalid, parse_error, token_expired, not_found.")
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Messages per field or query parameter at fault; empty when none is.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
