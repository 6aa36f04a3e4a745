"""The one interface language and the one theme label every page, file and API response uses."""

from django.conf import settings
from django.utils import translation

from exitlens.analysis.taxonomy import retention_measure, theme_label
from exitlens.core.languages import ui_language


def test_the_interface_language_is_one_exitlens_speaks():
    with translation.override("en-gb"):
        assert ui_language() == "en"
    with translation.override("de"):
        assert ui_language() == "de"
    with translation.override("fr"):
        assert ui_language() == settings.LANGUAGE_CODE
    with translation.override(None):
        assert ui_language() == settings.LANGUAGE_CODE


def test_a_theme_is_named_in_the_language_asked_for():
    assert theme_label("pay", "nl") == "Salaris & arbeidsvoorwaarden"
    assert theme_label("pay", "fr") == "Pay & benefits"  # English where there is no such label
    assert retention_measure("pay", "en")


def test_an_unknown_theme_keeps_its_id_and_has_no_measure():
    assert theme_label("retired_theme", "nl") == "retired_theme"
    assert retention_measure("retired_theme", "nl") == ""
