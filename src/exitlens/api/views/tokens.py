"""The administrators' page of API tokens: list, create (the key is shown once) and revoke."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from exitlens.api.forms import ApiTokenForm
from exitlens.api.models import ApiToken
from exitlens.api.tokens import issue_token, revoke_token
from exitlens.core.access import admin_required


@admin_required
@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    created, key = None, None
    if request.method == "POST" and form.is_valid():
        created, key = issue_token(
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
            scope=form.cleaned_data["scope"],
            expires_in_days=form.cleaned_data["expires_in_days"],
            by=request.user,
            request=request,
        )
        form = ApiTokenForm()
    context = {
        "nav": "api",
        "form": form,
        "tokens": ApiToken.objects.select_related("created_by"),
        "created": created,
        "key": key,
    }
    # Rendered, not redirected: the key must never sit in a session or a message cookie.
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@admin_required
@require_POST
def token_revoke(request: HttpRequest, code) -> HttpResponse:
    token = get_object_or_404(ApiToken, code=code)
    revoke_token(token, by=request.user, request=request)
    messages.success(request, _("The token “%(name)s” has been revoked.") % {"name": token.name})
    return redirect("api_tokens")
