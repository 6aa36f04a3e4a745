"""What every endpoint of /api/v1/ shares, set here rather than in global DRF settings."""

from uuid import UUID

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, UnsupportedMediaType
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from exitlens.api import settings as api_settings
from exitlens.api.authentication import BearerTokenAuthentication
from exitlens.api.errors import PayloadTooLarge, handle_exception
from exitlens.api.models import ApiToken
from exitlens.api.parsers import JsonOnly, JsonParser
from exitlens.api.permissions import TokenPermission
from exitlens.api.queries import read_query
from exitlens.api.schema import ApiSchema
from exitlens.api.throttling import TokenRateThrottle
from exitlens.core.access import get_departure_for_user
from exitlens.core.models import Departure
from exitlens.core.services.audit import record_audit

HANDLED_METHODS = ("GET", "POST", "PUT", "PATCH")


def _content_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class ApiView(APIView):
    """Bearer tokens, JSON in and out, one error format, a rate limit per token.

    `required_role` is the token role the endpoint needs (HR unless it says otherwise); every
    method but GET and HEAD also needs the write scope.
    """

    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [TokenPermission]
    throttle_classes = [TokenRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JsonParser]
    content_negotiation_class = JsonOnly
    versioning_class = None
    metadata_class = None  # OPTIONS is not offered: 405
    schema = ApiSchema()
    required_role = ApiToken.Role.HR
    # The form of each method's query parameters; a method without one takes none.
    query_forms: dict[str, type[forms.Form]] = {}

    def get_exception_handler(self):
        return handle_exception

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        method = "GET" if request.method == "HEAD" else request.method
        if method not in HANDLED_METHODS or not hasattr(self, method.lower()):
            return  # DRF answers 405 next
        length = _content_length(request)
        if length > api_settings.MAX_BODY_BYTES:
            raise PayloadTooLarge(
                _("The request body is larger than %(limit)s bytes.")
                % {"limit": api_settings.MAX_BODY_BYTES}
            )
        if length and not request.content_type:
            raise UnsupportedMediaType(
                "", _("Send the body as JSON (Content-Type: application/json).")
            )
        self.query_form = read_query(request, self.query_forms.get(method, forms.Form))
        self.query = self.query_form.cleaned_data

    @property
    def token(self) -> ApiToken:
        return self.request.auth

    def audit_data(self) -> dict:
        """What every audit entry written through the API adds: the token's name."""
        return {"api_token": f"{self.token.prefix}… ({self.token.name})"}

    def audit(self, action: str, subject: str, **data) -> None:
        """An audit entry for the token's creator, naming the token."""
        record_audit(
            self.request.user, action, subject, request=self.request, **self.audit_data(), **data
        )

    def get_departure(self, code: str) -> Departure:
        """The departure with this code, or a 404 (through the app's one access check)."""
        try:
            return get_departure_for_user(self.request.user, UUID(code))
        except (ValueError, Http404):
            raise NotFound(_("There is no departure with this code.")) from None
