from django.apps import AppConfig


class LeaverConfig(AppConfig):
    name = "exitlens.leaver"
    label = "leaver"
