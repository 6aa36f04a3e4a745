from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from exitlens.core.access import admin_required
from exitlens.core.models import AuditEntry, User
from exitlens.core.services.audit import record_audit
from exitlens.staff.forms import AuditFilterForm, UserCreateForm, UserEditForm

AUDIT_PAGE_SIZE = 100


def _display(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


@admin_required
def administration(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/administration.html", {"nav": "administration"})


@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    entries = AuditEntry.objects.order_by("-created_at", "-id")
    if form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in page.object_list:
        data = entry.data if isinstance(entry.data, dict) else {"data": entry.data}
        entry.data_rows = [(key, _display(value)) for key, value in data.items()]

    query = request.GET.copy()
    query.pop("page", None)
    ctx = {"nav": "audit", "form": form, "page": page, "page_query": query.urlencode()}
    return render(request, "staff/audit_log.html", ctx)


def _user_subject(user: User) -> str:
    return f"user {user.username}"


@admin_required
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.order_by("-is_active", "username")
    return render(request, "staff/user_list.html", {"nav": "users", "users": users})


@admin_required
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            record_audit(
                request.user,
                "user.created",
                _user_subject(user),
                request=request,
                role=user.role,
                handles_cases=user.handles_cases,
            )
        messages.success(request, _("The user %(username)s has been added.") % {"username": user})
        return redirect("user_list")
    return render(request, "staff/user_form.html", {"nav": "users", "form": form})


@admin_required
def user_edit(request: HttpRequest, username: str) -> HttpResponse:
    user = get_object_or_404(User, username=username)
    form = UserEditForm(
        request.POST if request.method == "POST" else None,
        instance=user,
        acting_user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            if form.changed_data:
                extra = {"role": user.role} if "role" in form.changed_data else {}
                if "handles_cases" in form.changed_data:
                    extra["handles_cases"] = user.handles_cases
                record_audit(
                    request.user,
                    "user.changed",
                    _user_subject(user),
                    request=request,
                    fields=form.changed_data,
                    **extra,
                )
        messages.success(request, _("The changes have been saved."))
        return redirect("user_list")
    return render(
        request, "staff/user_form.html", {"nav": "users", "form": form, "edited_user": user}
    )
