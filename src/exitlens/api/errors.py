"""One body for every error of the API:

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"name": ["..."]}}}

`fields` names the fields or query parameters at fault (empty when none is).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The request conflicts with the current state.")
    default_code = "conflict"


def error_body(status_code: int, code: str, message: str, fields: dict | None = None) -> dict:
    return {
        "error": {
            "status": status_code,
            "code": code,
            "message": str(message),
            "fields": fields or {},
        }
    }


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    return None


def _fields(detail) -> dict:
    """Validation errors by field; DRF's "non_field_errors" and lists become "non_field_errors"."""
    if isinstance(detail, dict):
        return detail
    return {"non_field_errors": detail if isinstance(detail, list) else [detail]}


def handle_exception(exc: Exception, context: dict) -> Response | None:
    """DRF's exception handler, with our body. Anything else is left to Django (a 500)."""
    api_exc = _as_api_exception(exc)
    if api_exc is None:
        return None
    headers = {}
    if getattr(api_exc, "auth_header", None):
        headers["WWW-Authenticate"] = api_exc.auth_header
    if getattr(api_exc, "wait", None):
        headers["Retry-After"] = str(max(1, round(api_exc.wait)))
    if isinstance(api_exc, exceptions.ValidationError):
        code = "invalid"
        message = _("The request is not valid: see the fields.")
        fields = _fields(api_exc.detail)
    else:
        codes = api_exc.get_codes()
        code = codes if isinstance(codes, str) else api_exc.default_code
        message = api_exc.detail if isinstance(api_exc.detail, str) else api_exc.default_detail
        fields = {}
    set_rollback()
    return Response(
        error_body(api_exc.status_code, code, message, fields),
        status=api_exc.status_code,
        headers=headers,
    )


def not_found_response(request, path: str = "") -> JsonResponse:
    """A JSON 404 for any address under /api/v1/ that is no endpoint."""
    message = _("There is no API endpoint at this address.")
    if path and not path.endswith("/"):
        message += " " + _("Every endpoint address ends with a slash.")
    return JsonResponse(error_body(404, "not_found", message), status=404)
