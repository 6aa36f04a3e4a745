"""Turn one spreadsheet cell into a typed value, or a ValueError saying why it cannot be one.

Coded columns (departure type, outcome, yes/no, language) are read through a vocabulary: the
codes themselves, the words HR systems write for them in Dutch, English, Spanish and German,
and the user's own mappings, all compared without case, accents and punctuation. A word that
is in none of them is an `UnknownValue`: never a default.
"""

import functools
import re
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

from exitlens.imports.mapping import normalise, spellings

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, after Excel's phantom leap day
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
EUROPEAN_DATE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")

YES_NO = {
    "yes": [
        "ja", "j", "y", "true", "waar", "1", "x", "sí", "s", "verdadero", "cierto", "wahr",
        "zutreffend",
    ],
    "no": ["nee", "n", "false", "onwaar", "0", "nein", "falsch", "falso"],
}  # fmt: skip
DEPARTURE_TYPES = {
    "resignation": [
        "resigned", "voluntary", "voluntary resignation", "voluntary termination",
        "voluntary departure", "employee resigned", "resignation by employee",
        "employee initiated", "quit",
        "ontslag genomen", "eigen ontslag", "ontslag op eigen verzoek", "op eigen verzoek",
        "eigen verzoek", "ontslag werknemer", "ontslag door werknemer", "opzegging werknemer",
        "opzegging door werknemer", "vrijwillig vertrek", "vrijwillig", "ontslagname",
        "dimisión", "dimisión voluntaria", "baja voluntaria", "renuncia", "renuncia voluntaria",
        "eigenkündigung", "kündigung durch arbeitnehmer", "kündigung arbeitnehmer",
        "arbeitnehmerkündigung", "freiwilliger austritt", "freiwillig",
    ],
    "dismissal": [
        "dismissed", "involuntary", "involuntary termination", "involuntary departure",
        "terminated by employer", "termination by employer", "employer initiated", "fired",
        "let go", "laid off", "layoff", "redundancy", "made redundant",
        "ontslag", "ontslagen", "ontslag werkgever", "ontslag door werkgever",
        "opzegging werkgever", "opzegging door werkgever", "onvrijwillig",
        "onvrijwillig vertrek", "gedwongen vertrek", "ontslag op staande voet", "ontbinding",
        "despido", "despedido", "despido disciplinario", "despido objetivo",
        "despido improcedente", "baja involuntaria",
        "kündigung durch arbeitgeber", "kündigung arbeitgeber", "arbeitgeberkündigung",
        "betriebsbedingte kündigung", "verhaltensbedingte kündigung",
        "personenbedingte kündigung", "fristlose kündigung", "entlassung", "entlassen",
    ],
    "end_of_contract": [
        "end of contract", "contract ended", "contract end", "contract expired",
        "contract not renewed", "non renewal", "fixed term contract ended",
        "end of fixed term contract", "end of temporary contract", "temporary contract ended",
        "einde contract", "contract afgelopen", "contract niet verlengd", "niet verlengd",
        "einde tijdelijk contract", "tijdelijk contract afgelopen", "afloop contract",
        "einde arbeidsovereenkomst bepaalde tijd",
        "fin de contrato", "fin del contrato", "fin de contrato temporal",
        "finalización de contrato", "vencimiento de contrato", "no renovación",
        "befristung ausgelaufen", "befristung abgelaufen", "ablauf der befristung",
        "ablauf befristung", "vertragsende", "vertragsablauf", "ende befristung",
        "befristeter vertrag ausgelaufen", "auslaufen des vertrags",
    ],
    "retirement": [
        "retired", "pension", "pensioned", "early retirement",
        "pensioen", "met pensioen", "pensionering", "vervroegd pensioen", "aow",
        "jubilación", "jubilado", "jubilación anticipada",
        "ruhestand", "rente", "in rente", "renteneintritt", "altersrente", "vorruhestand",
        "pensionierung",
    ],
    # Death is left out on purpose: an automatic invitation must never go to the bereaved.
    "other": ["anders", "overig", "overige", "otro", "otros", "otra", "sonstige", "sonstiges"],
}  # fmt: skip
OUTCOMES = {
    "pending": ["open", "pendiente", "abierto", "offen", "in behandeling"],
    "exit_confirmed": [
        "vertrek bevestigd", "vertrokken", "exit confirmed", "left", "salida confirmada",
        "austritt bestätigt", "ausgetreten",
    ],
    "retained": [
        "behouden", "gebleven", "retained", "stayed", "retenido", "se quedó", "gehalten",
        "geblieben",
    ],
}  # fmt: skip
LANGUAGE_NAMES = {
    "nl": [
        "nederlands", "dutch", "neerlandés", "néerlandais", "niederländisch", "holländisch",
        "holandés", "vlaams", "flemish", "nld", "dut",
    ],
    "en": ["engels", "english", "inglés", "anglais", "englisch", "eng"],
    "es": ["spaans", "spanish", "español", "castellano", "espagnol", "spanisch", "spa"],
    "de": ["duits", "german", "alemán", "allemand", "deutsch", "deu", "ger"],
}  # fmt: skip


class UnknownValue(ValueError):
    """A coded cell whose word is in no vocabulary; `choices` are the codes it could map to."""

    def __init__(self, value: str, choices: list[str]):
        self.value, self.choices = value, choices
        if choices == list(YES_NO):
            message = _("%(value)s is not yes or no") % {"value": value}
        else:
            message = _("%(value)s is not one of: %(choices)s") % {
                "value": value,
                "choices": ", ".join(choices),
            }
        super().__init__(message)


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
        raise ValueError(_("%(value)s is not a plausible date") % {"value": found.isoformat()})
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


def to_bool(value, extra: dict[str, str] | None = None) -> bool:
    """Yes or no in Dutch, English, Spanish or German, 1/0, true/false, y/n or a cross (x)."""
    if isinstance(value, bool):
        return value
    return to_choice(value, YES_NO, extra) == "yes"


def to_choice(value, words: dict[str, list[str]], extra: dict[str, str] | None = None) -> str:
    """A choice by its code, one of its words or the user's word for it (`extra`, by normalised
    word), in any case, with or without accents: "Ontslag op eigen verzoek", "resignation"."""
    key = normalise(text(value))
    found = (extra or {}).get(key) or _codes_by_word(words).get(key)
    if found is None or not key:
        raise UnknownValue(text(value), list(words))
    return found


def to_language(value, languages: list[str], extra: dict[str, str] | None = None) -> str:
    """A language code (nl, NL, nl-BE, en_GB) or its name in Dutch, English, Spanish, German
    or French, with or without a region: "English (United Kingdom)"."""
    answer = text(value)
    code = re.split(r"[-_ ]", answer.casefold(), maxsplit=1)[0]
    if code in languages and not (extra and normalise(answer) in extra):
        return code
    words = _language_words(tuple(languages))
    try:
        return to_choice(answer, words, extra)
    except UnknownValue:
        without_region = answer.split("(", 1)[0]
        if without_region == answer or not without_region.strip():
            raise
        return to_choice(without_region, words, extra)


@functools.cache
def _language_words(languages: tuple[str, ...]) -> dict[str, list[str]]:
    return {code: LANGUAGE_NAMES.get(code, []) for code in languages}


def parse_value_map(line: str) -> tuple[str, str, str]:
    """`--map-values "Column:Value=code"` as (column, value, code); a ValueError if malformed."""
    column, colon, rest = line.partition(":")
    value, equals, code = rest.rpartition("=")
    if not (colon and equals and column.strip() and value.strip() and code.strip()):
        raise ValueError(
            _('--map-values "%(line)s": write it as "Column:Value in the file=code".')
            % {"line": line}
        )
    return column.strip(), text(value), code.strip()


_known_words: dict[int, tuple[dict, dict[str, str]]] = {}  # by id(words): (words, lookup)


def _codes_by_word(words: dict[str, list[str]]) -> dict[str, str]:
    """The lookup of a vocabulary, made once per vocabulary object (they are constants)."""
    known = _known_words.get(id(words))
    if known is None or known[0] is not words:
        lookup = {
            spelling: code
            for code, names in words.items()
            for name in [code, *names]
            for spelling in spellings(name)
        }
        known = _known_words[id(words)] = (words, lookup)
    return known[1]
