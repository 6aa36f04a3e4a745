"""Departures: list, register, read and change them, as HR does on the departure pages."""

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from exitlens.api.filters import DepartureQueryForm
from exitlens.api.queries import page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.departures import DepartureSerializer
from exitlens.api.views.base import ApiView
from exitlens.core.models import Departure
from exitlens.core.services.departures import (
    DepartureInvalid,
    filter_departures,
    register_departure,
    update_departure,
)

TAGS = ["departures"]


def _filtered(query: dict):
    departures = Departure.objects.select_related("department").order_by(
        "-leave_date", "full_name", "pk"
    )
    return filter_departures(
        departures,
        department=query.get("department"),
        departure_type=query.get("departure_type") or "",
        leave_from=query.get("leave_date_from"),
        leave_to=query.get("leave_date_to"),
        external_id=query.get("external_id") or "",
    )


def _refused(error: DepartureInvalid) -> ValidationError:
    """The service's refusal as the API's 400, field by field."""
    return ValidationError(error.errors)


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
        try:
            departure = register_departure(
                request.user, serializer.validated_data, request=request, **self.audit_data()
            )
        except DepartureInvalid as error:
            raise _refused(error) from None
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
        serializer = DepartureSerializer(departure, data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        try:
            departure = update_departure(
                self.request.user,
                departure,
                serializer.validated_data,
                request=self.request,
                via="api",
                **self.audit_data(),
            )
        except DepartureInvalid as error:
            raise _refused(error) from None
        return Response(DepartureSerializer(departure).data)
