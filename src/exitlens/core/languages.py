"""The interface language, as the pages, files and API name it."""

from django.conf import settings
from django.utils import translation


def ui_language() -> str:
    """The active language as one of settings.LANGUAGES ("en-gb" is "en"); the default
    language outside a request or for a language Exitlens does not speak."""
    try:
        return translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return settings.LANGUAGE_CODE
