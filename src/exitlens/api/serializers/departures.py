from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from exitlens.api.serializers.fields import (
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
)
from exitlens.core.models import Department, Departure, Manager
from exitlens.staff.forms import DepartureForm

# What HR enters on the departure form; the API takes the same fields.
EDITABLE_FIELDS = list(DepartureForm.Meta.fields)


class DepartureSerializer(StrictModelSerializer):
    """A departure as HR registers it, identified by its `code`. Validated as the HR form is:
    the hire date lies on or before the leave date, the department exists, the HR system id is
    unique, and without a manager the department's manager is taken."""

    department = StrictPrimaryKeyRelatedField(queryset=Department.objects.all())
    department_name = serializers.CharField(source="department.name", read_only=True)
    manager = StrictPrimaryKeyRelatedField(
        queryset=Manager.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Departure
        fields = [
            "code",
            *EDITABLE_FIELDS,
            "department_name",
            "responded_anonymously",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["code", "responded_anonymously", "created_at", "updated_at"]
        extra_kwargs = {
            "external_id": {
                "help_text": gettext_lazy(
                    "The employee number in your HR system; null when there is none."
                )
            },
        }

    def validate_external_id(self, value: str | None) -> str | None:
        return (value or "").strip() or None

    def validate(self, attrs: dict) -> dict:
        instance = self.instance

        def current(name: str):
            if name in attrs:
                return attrs[name]
            return getattr(instance, name) if instance else None

        hire_date, leave_date = current("hire_date"), current("leave_date")
        if hire_date and leave_date and leave_date < hire_date:
            raise serializers.ValidationError(
                {"leave_date": [_("The leave date cannot be before the hire date.")]}
            )
        department = current("department")
        manager_given = "manager" in attrs
        if department and attrs.get("manager") is None and (manager_given or instance is None):
            attrs["manager"] = department.manager
        if instance is None:
            attrs.setdefault("language", settings.LANGUAGE_CODE)
        return attrs
