from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "exitlens.api"
    label = "api"
