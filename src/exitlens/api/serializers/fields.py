"""Fields that take JSON types at their word: a string where a string is due, true or false for
a boolean, a whole number for an id. DRF would quietly turn 12 into "12" and "yes" into true."""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

BIGGEST_ID = 2**63 - 1


def _reject_unstorable(field: serializers.Field, value: str) -> None:
    """NUL characters and lone surrogates cannot be stored (PostgreSQL refuses both)."""
    if "\x00" in value:
        field.fail("null_characters")
    if any("\ud800" <= char <= "\udfff" for char in value):
        field.fail("surrogates")


class StrictCharField(serializers.CharField):
    default_error_messages = {
        "null_characters": _("Null characters are not allowed."),
        "surrogates": _("Surrogate characters are not allowed."),
    }

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        _reject_unstorable(self, data)
        return super().to_internal_value(data)


class StrictEmailField(serializers.EmailField):
    default_error_messages = StrictCharField.default_error_messages

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        _reject_unstorable(self, data)
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictChoiceField(serializers.ChoiceField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class StrictPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 0 < data <= BIGGEST_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class StrictFieldsMixin:
    """A body may hold only the serializer's writable fields; anything else is named."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {}
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = [_("Unknown field.")]
                elif field.read_only:
                    errors[name] = [_("This field is read-only.")]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class StrictSerializer(StrictFieldsMixin, serializers.Serializer):
    pass


class StrictModelSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.EmailField: StrictEmailField,
        models.BooleanField: StrictBooleanField,
    }
    serializer_choice_field = StrictChoiceField
    serializer_related_field = StrictPrimaryKeyRelatedField
