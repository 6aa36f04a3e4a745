"""Issuing, finding and revoking API tokens. A token is `exl_` and a personal-link token
(exitlens.core.tokens: 43 random characters); the database keeps its SHA-256 and the first
characters, never the token."""

from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from exitlens.api.models import ApiToken
from exitlens.core import tokens
from exitlens.core.models import User
from exitlens.core.services.audit import record_audit

KEY_PREFIX = "exl_"
VISIBLE_LENGTH = len(KEY_PREFIX) + 8


def looks_like_key(value: str) -> bool:
    return value.startswith(KEY_PREFIX) and tokens.looks_like_token(value[len(KEY_PREFIX) :])


def token_subject(token: ApiToken) -> str:
    return f"API token {token.prefix}… ({token.name})"


@transaction.atomic
def issue_token(
    *,
    name: str,
    role: str,
    scope: str,
    expires_in_days: int | None,
    by: User,
    request: HttpRequest | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its key, which is returned here and never again."""
    key = KEY_PREFIX + tokens.new_token()
    now = timezone.now()
    token = ApiToken.objects.create(
        name=name,
        role=role,
        scope=scope,
        prefix=key[:VISIBLE_LENGTH],
        key_hash=tokens.hash_token(key),
        created_by=by,
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    record_audit(
        by,
        "api_token.created",
        token_subject(token),
        request=request,
        role=role,
        scope=scope,
        expires_at=token.expires_at.isoformat() if token.expires_at else None,
    )
    return token, key


@transaction.atomic
def revoke_token(token: ApiToken, *, by: User, request: HttpRequest | None = None) -> ApiToken:
    """Stop a token from working, at once and for good. Revoking twice changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_audit(by, "api_token.revoked", token_subject(token), request=request)
    return token


def find_token(key: str) -> ApiToken | None:
    """The token with this key, whatever its state, or None for an unknown or malformed key."""
    if not looks_like_key(key):
        return None
    found = ApiToken.objects.select_related("created_by")
    return found.filter(key_hash=tokens.hash_token(key)).first()


def mark_used(token: ApiToken, precision_seconds: int) -> None:
    """Note the use, at most once per `precision_seconds`, so reads do not all write."""
    now = timezone.now()
    if token.last_used_at and (now - token.last_used_at).total_seconds() < precision_seconds:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
