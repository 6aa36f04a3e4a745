"""Turn one spreadsheet cell into a typed value, or a ValueError saying why it cannot be one."""

import re
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

from exitlens.imports.mapping import normalise

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, after Excel's phantom leap day
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
EUROPEAN_DATE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
YES = {"ja", "j", "yes", "y", "true", "waar", "1", "sí", "si", "wahr"}
NO = {"nee", "n", "no", "false", "onwaar", "0", "nein", "falsch"}
DEPARTURE_TYPES = {
    "resignation": ["ontslag genomen", "eigen ontslag", "vrijwillig vertrek", "resigned"],
    "dismissal": ["ontslag", "ontslagen", "dismissed"],
    "end_of_contract": ["einde contract", "contract afgelopen", "end of contract"],
    "retirement": ["pensioen", "met pensioen", "retired"],
    "other": ["anders", "overig", "overige"],
}
OUTCOMES = {
    "pending": ["open"],
    "exit_confirmed": ["vertrek bevestigd", "vertrokken", "exit confirmed", "left"],
    "retained": ["behouden", "gebleven", "retained", "stayed"],
}
LANGUAGE_NAMES = {
    "nl": ["nederlands", "dutch", "neerlandes", "niederlandisch"],
    "en": ["engels", "english", "ingles", "englisch"],
    "es": ["spaans", "spanish", "espanol", "spanisch"],
    "de": ["duits", "german", "aleman", "deutsch"],
}


def text(value) -> str:
    """A cell as text: whole numbers without ".0" (an id typed into Excel is a number)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return " ".join(str(value).split())


def to_date(value) -> date:
    """A workbook date or serial number, or text: 2026-05-31, 31-05-2026, 31/05/2026, 31.05.2026."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        found = _from_serial(value)
    else:
        found = _from_text(text(value))
    if not EARLIEST_YEAR <= found.year <= LATEST_YEAR:
        raise ValueError(_("%(date)s is not a plausible date") % {"date": found.isoformat()})
    return found


def _from_serial(value: float) -> date:
    if not 1 <= value < 2_958_466:  # Excel's last day is 9999-12-31
        raise ValueError(_("%(value)s is not a date") % {"value": text(value)})
    return EXCEL_EPOCH + timedelta(days=int(value))


def _from_text(value: str) -> date:
    try:
        if match := ISO_DATE.fullmatch(value):
            year, month, day = match.group(1, 2, 3)
            return date(int(year), int(month), int(day))
        if match := EUROPEAN_DATE.fullmatch(value):
            day, month, year = match.group(1, 3, 4)
            return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(_("%(value)s is not a valid date") % {"value": value}) from None
    raise ValueError(
        _("%(value)s is not a date; write 2026-05-31 or 31-05-2026") % {"value": value}
    )


def to_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    answer = text(value).casefold()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise ValueError(_("%(value)s is not yes or no") % {"value": text(value)})


def to_choice(value, words: dict[str, list[str]]) -> str:
    """A choice by its code or one of its words, in any case: "Ontslag genomen", "resignation"."""
    found = _codes_by_word(words).get(normalise(text(value)))
    if found is None:
        raise ValueError(
            _("%(value)s is not one of: %(choices)s")
            % {"value": text(value), "choices": ", ".join(words)}
        )
    return found


def to_language(value, languages: list[str]) -> str:
    """A language code (nl, NL, nl-BE, en_GB) or its name in Dutch, English, Spanish or German."""
    answer = text(value)
    code = re.split(r"[-_]", answer.casefold(), maxsplit=1)[0]
    if code in languages:
        return code
    return to_choice(answer, {code: LANGUAGE_NAMES.get(code, []) for code in languages})


_known_words: dict[tuple, dict[str, str]] = {}


def _codes_by_word(words: dict[str, list[str]]) -> dict[str, str]:
    key = tuple((code, *names) for code, names in words.items())
    if key not in _known_words:
        _known_words[key] = {
            normalise(name): code for code, names in words.items() for name in [code, *names]
        }
    return _known_words[key]
