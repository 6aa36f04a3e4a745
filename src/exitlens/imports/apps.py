from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Reading departures and past exit surveys from spreadsheets: `exitlens import`."""

    name = "exitlens.imports"
    label = "imports"
    verbose_name = "Imports"
