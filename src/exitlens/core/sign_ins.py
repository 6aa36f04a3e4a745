"""Every sign-in, sign-out, failed sign-in and lockout goes to the audit log."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from exitlens.core.services.audit import record_audit

USERNAME_SHOWN = 150  # a password typed into the username field is not kept whole


def _username(credentials: dict | None) -> str:
    return str((credentials or {}).get("username", ""))[:USERNAME_SHOWN]


@receiver(user_logged_in, dispatch_uid="exitlens.audit.signed_in")
def signed_in(sender, request, user, **kwargs):
    record_audit(user, "auth.signed_in", f"user {user.username}", request=request)


@receiver(user_logged_out, dispatch_uid="exitlens.audit.signed_out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record_audit(user, "auth.signed_out", f"user {user.username}", request=request)


@receiver(user_login_failed, dispatch_uid="exitlens.audit.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = _username(credentials)
    record_audit(
        None, "auth.sign_in_failed", f"user {username}", request=request, username=username
    )


@receiver(user_locked_out, dispatch_uid="exitlens.audit.locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    username = str(username or "")[:USERNAME_SHOWN]
    record_audit(None, "auth.locked_out", f"user {username}", request=request, username=username)
