from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "exitlens.insights"
    label = "insights"
