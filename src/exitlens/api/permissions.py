"""What a token may do: its role decides what it sees, its scope whether it may change things."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from exitlens.api.models import ApiToken


class TokenPermission(BasePermission):
    """The view's `required_role` and, for anything but reading, a write token."""

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False  # DRF answers 401: no credentials were sent
        if view.required_role == ApiToken.Role.HR and not token.sees_individuals:
            raise PermissionDenied(
                _(
                    "This token has the viewer role: it sees aggregated insights only, "
                    "never individual departures, interviews or answers."
                ),
                code="role_forbidden",
            )
        if request.method not in SAFE_METHODS and not token.may_write:
            raise PermissionDenied(
                _("This token is read-only; changes need a token with the write scope."),
                code="read_only_token",
            )
        return True
