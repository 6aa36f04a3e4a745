from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "exitlens.staff"
    label = "staff"
