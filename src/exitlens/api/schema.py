"""The OpenAPI description: every operation documents its error answers, and only the views of
this API are described."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from exitlens.api.queries import form_parameters
from exitlens.api.serializers.errors import ErrorSerializer

ERRORS = {
    "400": "Invalid query parameters or body; `fields` says which.",
    "401": "No token, or an unknown, revoked or expired one.",
    "403": "The token's role or scope does not allow this.",
    "404": "No such object.",
    "409": "Not possible in the object's current state.",
    "413": "The body is too large.",
    "415": "The body is not JSON.",
    "429": "Too many requests for this token; see the Retry-After header.",
}
BODY_METHODS = ("POST", "PUT", "PATCH")


PATH_PARAMETERS = {
    "code": "The departure's code.",
    "interview_id": "The anonymous interview's id.",
}


class ApiSchema(AutoSchema):
    def get_override_parameters(self):
        found = list(super().get_override_parameters())
        found += [
            OpenApiParameter(name, OpenApiTypes.UUID, OpenApiParameter.PATH, description=text)
            for name, text in PATH_PARAMETERS.items()
            if f"{{{name}}}" in self.path
        ]
        form = getattr(self.view, "query_forms", {}).get(self.method)
        return found + form_parameters(form) if form else found

    def _error_statuses(self) -> list[str]:
        statuses = ["400", "401", "403", "429"]
        if "{" in self.path:
            statuses.append("404")
        if self.method in BODY_METHODS:
            statuses += ["413", "415"]
        statuses += getattr(self.view, "extra_error_statuses", {}).get(self.method, [])
        return statuses

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status in self._error_statuses():
            responses.setdefault(
                status,
                self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=ERRORS[status]),
                    status,
                    direction=direction,
                ),
            )
        return responses


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "exitlens.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token from the API tokens page (administrators only).",
        }


def document(**kwargs):
    """`extend_schema` for a method of an ApiView, built on ApiSchema whatever DRF's
    DEFAULT_SCHEMA_CLASS says (extend_schema on a method reads it at import otherwise)."""

    def decorator(method):
        method.kwargs = {"schema": ApiSchema}
        return extend_schema(**kwargs)(method)

    return decorator
