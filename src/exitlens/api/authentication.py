"""`Authorization: Bearer <token>`. A token acts for the administrator who created it: services
and the audit log see that user, while what the token may see is its own role and scope."""

from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from exitlens.api import settings as api_settings
from exitlens.api.tokens import find_token, mark_used

KEYWORD = "Bearer"


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        keyword, _space, key = header.partition(" ")
        key = key.strip()
        if keyword.lower() != KEYWORD.lower() or not key:
            raise AuthenticationFailed(
                _("Send the token as “Authorization: Bearer <token>”."), code="bad_header"
            )
        token = find_token(key)
        if token is None:
            raise AuthenticationFailed(_("Unknown API token."), code="token_unknown")
        if token.is_revoked:
            raise AuthenticationFailed(_("This API token has been revoked."), code="token_revoked")
        if token.is_expired:
            raise AuthenticationFailed(_("This API token has expired."), code="token_expired")
        creator = token.created_by
        if creator is None or not creator.is_admin:
            raise AuthenticationFailed(
                _(
                    "The administrator who created this API token is no longer active; "
                    "ask an administrator for a new token."
                ),
                code="token_orphaned",
            )
        mark_used(token, api_settings.LAST_USED_PRECISION_SECONDS)
        return creator, token

    def authenticate_header(self, request) -> str:
        return f'{KEYWORD} realm="api"'
