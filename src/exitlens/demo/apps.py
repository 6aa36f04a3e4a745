from django.apps import AppConfig


class DemoConfig(AppConfig):
    """A fictional organisation to try Exitlens with: `exitlens demo` and `exitlens seed-demo`."""

    name = "exitlens.demo"
    label = "demo"
    verbose_name = "Demo data"
