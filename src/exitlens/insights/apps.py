from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "exitlens.insights"
    label = "insights"

    def ready(self) -> None:
        from exitlens.insights import signals  # noqa: F401  (connects the receivers)
