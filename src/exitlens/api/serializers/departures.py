from django.utils.translation import gettext_lazy
from rest_framework import serializers

from exitlens.api.serializers.fields import (
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
)
from exitlens.core.models import Department, Departure, Manager
from exitlens.core.services.departures import EDITABLE_FIELDS


class DepartureSerializer(StrictModelSerializer):
    """A departure as HR registers it, identified by its `code`. The serializer reads JSON
    types; the departures service checks the rules, as for the HR form: the hire date lies on
    or before the leave date, the department exists, the HR system id is unique, and without a
    manager the department's manager is taken."""

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
