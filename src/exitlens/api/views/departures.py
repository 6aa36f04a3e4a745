"""Departures: list, register, read and change them, as HR does on the departure pages."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from exitlens.api.filters import DepartureQueryForm
from exitlens.api.queries import page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.departures import EDITABLE_FIELDS, DepartureSerializer
from exitlens.api.views.base import ApiView
from exitlens.core.models import Departure
from exitlens.core.services.audit import departure_subject
from exitlens.core.services.departures import audit_address_changes

TAGS = ["departures"]


def _filtered(query: dict):
    departures = Departure.objects.select_related("department").order_by(
        "-leave_date", "full_name", "pk"
    )
    if query.get("leave_date_from"):
        departures = departures.filter(leave_date__gte=query["leave_date_from"])
    if query.get("leave_date_to"):
        departures = departures.filter(leave_date__lte=query["leave_date_to"])
    if query.get("department"):
        departures = departures.filter(department=query["department"])
    if query.get("departure_type"):
        departures = departures.filter(departure_type=query["departure_type"])
    if query.get("external_id"):
        departures = departures.filter(external_id=query["external_id"])
    return departures


def _field_values(departure: Departure) -> dict:
    return {
        name: getattr(departure, Departure._meta.get_field(name).attname)
        for name in EDITABLE_FIELDS
    }


def _save(serializer: DepartureSerializer) -> Departure:
    """Save inside the caller's transaction; a unique id taken meanwhile is a 400, not a 500."""
    try:
        with transaction.atomic():
            return serializer.save()
    except IntegrityError:
        raise ValidationError(
            {"external_id": [_("Another departure already has this HR system id.")]}
        ) from None


class DepartureList(ApiView):
    query_forms = {"GET": DepartureQueryForm}

    @document(
        operation_id="departures_list",
        tags=TAGS,
        summary="List departures",
        responses=page_of(DepartureSerializer),
    )
    def get(self, request):
        page = paginate(
            request, _filtered(self.query), self.query, serializer_class=DepartureSerializer
        )
        return Response(page)

    @document(
        operation_id="departures_create",
        tags=TAGS,
        summary="Register a departure",
        request=DepartureSerializer,
        responses={201: DepartureSerializer},
    )
    def post(self, request):
        serializer = DepartureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            departure = _save(serializer)
            self.audit("departure.created", departure_subject(departure))
        return Response(DepartureSerializer(departure).data, status=status.HTTP_201_CREATED)


class DepartureDetail(ApiView):
    @document(
        operation_id="departures_read",
        tags=TAGS,
        summary="Read a departure",
        responses=DepartureSerializer,
    )
    def get(self, request, code: str):
        return Response(DepartureSerializer(self.get_departure(code)).data)

    @document(
        operation_id="departures_update",
        tags=TAGS,
        summary="Change a departure, giving every required field",
        request=DepartureSerializer,
        responses=DepartureSerializer,
    )
    def put(self, request, code: str):
        return self._update(code, partial=False)

    @document(
        operation_id="departures_partial_update",
        tags=TAGS,
        summary="Change some of a departure's fields",
        request=DepartureSerializer,
        responses=DepartureSerializer,
    )
    def patch(self, request, code: str):
        return self._update(code, partial=True)

    def _update(self, code: str, *, partial: bool) -> Response:
        departure = self.get_departure(code)
        before = _field_values(departure)
        serializer = DepartureSerializer(departure, data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            departure = _save(serializer)
            after = _field_values(departure)
            changed = [name for name in EDITABLE_FIELDS if before[name] != after[name]]
            if changed:
                self.audit("departure.changed", departure_subject(departure), fields=changed)
            audit_address_changes(
                self.request.user, departure, before, request=self.request, via="api"
            )
        return Response(DepartureSerializer(departure).data)
