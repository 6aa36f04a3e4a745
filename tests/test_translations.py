"""Every interface string exists in Dutch, Spanish and German, and the compiled catalogues match."""

from pathlib import Path

import polib
import pytest
from django.test import Client
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "src" / "exitlens" / "locale"
LANGUAGES = ["nl", "es", "de"]


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    catalogue = _catalogue(language)
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_up_to_date(language):
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in _catalogue(language).translated_entries()
    }
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    built = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in compiled
    }
    assert {key: value for key, value in built.items() if key[1]} == source


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|%[sd]")
    for entry in _catalogue(language).translated_entries():
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert (
                sorted(placeholder.findall(entry.msgid)) == sorted(placeholder.findall(text))
                or entry.msgid_plural
            ), entry.msgid


def test_the_interface_follows_the_browser(db):
    response = Client(headers={"accept-language": "de"}).get("/login/")
    assert 'lang="de"' in response.content.decode()
    with translation.override("de"):
        assert translation.gettext("Log out") != "Log out"


def test_the_user_profile_wins_over_the_browser(hr):
    from tests.conftest import login

    hr.language = "es"
    hr.save()
    client = login(Client(headers={"accept-language": "nl"}), hr)

    page = client.get("/departures/").content.decode()

    assert 'lang="es"' in page
