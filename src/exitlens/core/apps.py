from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "exitlens.core"
    label = "core"
    verbose_name = "Exitlens"

    def ready(self) -> None:
        from exitlens.core import checks, sign_ins, tasks  # noqa: F401  (checks, receivers, tasks)
