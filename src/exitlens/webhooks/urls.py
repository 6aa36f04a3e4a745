from django.urls import path

from exitlens.webhooks import views

urlpatterns = [
    path("", views.webhook_list, name="webhook_list"),
    path("new/", views.webhook_create, name="webhook_create"),
    path("<uuid:webhook_id>/", views.webhook_detail, name="webhook_detail"),
    path("<uuid:webhook_id>/edit/", views.webhook_edit, name="webhook_edit"),
    path("<uuid:webhook_id>/delete/", views.webhook_delete, name="webhook_delete"),
    path("<uuid:webhook_id>/ping/", views.webhook_ping, name="webhook_ping"),
    path(
        "<uuid:webhook_id>/deliveries/<uuid:delivery_id>/redeliver/",
        views.delivery_redeliver,
        name="delivery_redeliver",
    ),
]
