"""Administrators' pages: webhooks, their secrets and their deliveries."""

from django.contrib import messages
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exitlens.core.access import admin_required
from exitlens.core.services.audit import record_audit
from exitlens.webhooks import delivery as sending
from exitlens.webhooks.forms import WebhookForm
from exitlens.webhooks.models import Delivery, Webhook

RECENT_DELIVERIES = 20
WEBHOOK_DELIVERIES = 50


def _get_webhook_for_user(user, webhook_id) -> Webhook:
    if not user.is_authenticated or not user.is_admin:
        raise Http404
    webhook = Webhook.objects.filter(pk=webhook_id).first()
    if webhook is None:
        raise Http404
    return webhook


def _subject(webhook: Webhook) -> str:
    # The host only: some receivers put a secret token in the path of their URL.
    return f"webhook {webhook.host} ({webhook.pk})"


def _show_outcome(request: HttpRequest, delivery: Delivery) -> None:
    if delivery.status == Delivery.Status.SUCCEEDED:
        messages.success(
            request,
            _("Delivered: the receiver answered %(code)s.") % {"code": delivery.last_status_code},
        )
    elif delivery.status == Delivery.Status.PENDING:
        messages.warning(
            request,
            _("Not delivered (%(error)s). It will be tried again later.")
            % {"error": delivery.last_error},
        )
    else:
        messages.error(request, _("Not delivered: %(error)s") % {"error": delivery.last_error})


@admin_required
def webhook_list(request: HttpRequest) -> HttpResponse:
    latest = Delivery.objects.filter(webhook=OuterRef("pk")).order_by("-created_at")
    webhooks = Webhook.objects.annotate(
        last_status=Subquery(latest.values("status")[:1]),
        last_delivery_at=Subquery(latest.values("created_at")[:1]),
    ).order_by("created_at")
    recent = Delivery.objects.select_related("webhook").order_by("-created_at")[:RECENT_DELIVERIES]
    ctx = {"nav": "webhooks", "webhooks": webhooks, "deliveries": recent}
    return render(request, "webhooks/webhook_list.html", ctx)


@admin_required
def webhook_create(request: HttpRequest) -> HttpResponse:
    form = WebhookForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            webhook = form.save(commit=False)
            webhook.created_by = request.user
            webhook.save()
            record_audit(
                request.user,
                "webhook.created",
                _subject(webhook),
                request=request,
                events=webhook.events,
                active=webhook.active,
            )
        messages.success(
            request,
            _("The webhook has been added. Give its secret to the receiver to check signatures."),
        )
        return redirect("webhook_detail", webhook_id=webhook.pk)
    return render(request, "webhooks/webhook_form.html", {"nav": "webhooks", "form": form})


@admin_required
def webhook_detail(request: HttpRequest, webhook_id) -> HttpResponse:
    webhook = _get_webhook_for_user(request.user, webhook_id)
    deliveries = webhook.deliveries.order_by("-created_at")[:WEBHOOK_DELIVERIES]
    ctx = {"nav": "webhooks", "webhook": webhook, "deliveries": deliveries}
    return render(request, "webhooks/webhook_detail.html", ctx)


@admin_required
def webhook_edit(request: HttpRequest, webhook_id) -> HttpResponse:
    webhook = _get_webhook_for_user(request.user, webhook_id)
    form = WebhookForm(request.POST if request.method == "POST" else None, instance=webhook)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            webhook = form.save()
            if form.changed_data:
                record_audit(
                    request.user,
                    "webhook.changed",
                    _subject(webhook),
                    request=request,
                    fields=form.changed_data,
                    events=webhook.events,
                    active=webhook.active,
                )
        messages.success(request, _("The changes have been saved."))
        return redirect("webhook_detail", webhook_id=webhook.pk)
    ctx = {"nav": "webhooks", "form": form, "webhook": webhook}
    return render(request, "webhooks/webhook_form.html", ctx)


@admin_required
def webhook_delete(request: HttpRequest, webhook_id) -> HttpResponse:
    webhook = _get_webhook_for_user(request.user, webhook_id)
    if request.method == "POST":
        with transaction.atomic():
            record_audit(
                request.user,
                "webhook.deleted",
                _subject(webhook),
                request=request,
                deliveries=webhook.deliveries.count(),
            )
            webhook.delete()
        messages.success(request, _("The webhook has been deleted."))
        return redirect("webhook_list")
    pending = webhook.deliveries.filter(status=Delivery.Status.PENDING).count()
    ctx = {"nav": "webhooks", "webhook": webhook, "pending": pending}
    return render(request, "webhooks/webhook_confirm_delete.html", ctx)


@admin_required
@require_POST
def webhook_ping(request: HttpRequest, webhook_id) -> HttpResponse:
    webhook = _get_webhook_for_user(request.user, webhook_id)
    _show_outcome(request, sending.ping(webhook))
    return redirect("webhook_detail", webhook_id=webhook.pk)


@admin_required
@require_POST
def delivery_redeliver(request: HttpRequest, webhook_id, delivery_id) -> HttpResponse:
    webhook = _get_webhook_for_user(request.user, webhook_id)
    delivery = webhook.deliveries.filter(pk=delivery_id).select_related("webhook").first()
    if delivery is None:
        raise Http404
    if sending.redeliver(delivery):
        record_audit(
            request.user,
            "webhook.redelivered",
            _subject(webhook),
            request=request,
            delivery=str(delivery.pk),
            event=delivery.event,
        )
        _show_outcome(request, delivery)
    else:
        messages.error(request, _("Only a failed delivery can be sent again."))
    return redirect("webhook_detail", webhook_id=webhook.pk)
