from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from exitlens.core.services.audit import record_audit
from exitlens.staff.forms import AccountForm

PROFILE = "profile"
PASSWORD = "password"  # noqa: S105 (the name of a form, not a secret)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """One page, two forms; the `action` field of the POST says which one was sent."""
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    profile_form = AccountForm(request.POST if action == PROFILE else None, instance=user)
    password_form = PasswordChangeForm(user, request.POST if action == PASSWORD else None)

    if action == PROFILE and profile_form.is_valid():
        profile_form.save()
        messages.success(request, _("Your settings have been saved."))
        return redirect("account")
    if action == PASSWORD and password_form.is_valid():
        password_form.save()
        update_session_auth_hash(request, password_form.user)
        record_audit(user, "user.password_changed", f"user {user.username}", request=request)
        messages.success(request, _("Your password has been changed."))
        return redirect("account")

    ctx = {
        "nav": "account",
        "profile_form": profile_form,
        "password_form": password_form,
        "PROFILE": PROFILE,
        "PASSWORD": PASSWORD,
    }
    return render(request, "staff/account.html", ctx)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The sign-in page, refused, after too many failed attempts for a username (django-axes)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"form": AuthenticationForm(request), "locked_out_minutes": minutes}
    return render(request, "staff/login.html", context, status=429)
