from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "exitlens.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from exitlens.webhooks import signals  # noqa: F401  (receivers; delivery's periodic task)
