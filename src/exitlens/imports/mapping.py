"""Which column of a file holds which field: common Dutch and English headers, or the user's say.

Headers are compared without case, accents, spaces, hyphens, underscores and dots, so
"Privé e-mail", "prive_email" and "PRIVE EMAIL" are one header.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from exitlens.imports.spreadsheets import SpreadsheetError

HEADERS = {
    "full_name": [
        "naam", "volledige naam", "naam medewerker", "medewerker", "werknemer",
        "name", "full name", "employee name", "employee",
    ],
    "work_email": [
        "e-mail", "e-mailadres", "werk e-mail", "zakelijk e-mailadres", "zakelijke e-mail",
        "email", "email address", "work e-mail", "work e-mail address", "business e-mail",
    ],
    "personal_email": [
        "privé e-mail", "privé e-mailadres", "persoonlijk e-mailadres", "persoonlijke e-mail",
        "personal e-mail", "personal e-mail address", "private e-mail",
    ],
    "language": ["taal", "voorkeurstaal", "language", "preferred language"],
    "department": ["afdeling", "afdelingsnaam", "department", "department name", "dept"],
    "manager": [
        "leidinggevende", "direct leidinggevende", "manager", "line manager", "supervisor",
    ],
    "job_title": ["functie", "functienaam", "functietitel", "job title", "title", "position"],
    "location": ["locatie", "vestiging", "standplaats", "werklocatie", "location", "office"],
    "age_band": [
        "leeftijdscategorie", "leeftijdsgroep", "leeftijdsklasse", "leeftijd", "age band",
        "age group", "age",
    ],
    "hire_date": [
        "datum in dienst", "in dienst", "indiensttreding", "datum indiensttreding",
        "startdatum", "hire date", "start date", "date of hire", "date hired",
    ],
    "leave_date": [
        "datum uit dienst", "uit dienst", "uitdiensttreding", "datum uitdiensttreding",
        "laatste werkdag", "vertrekdatum", "einddatum", "leave date", "last working day",
        "last day", "exit date", "termination date", "end date",
    ],
    "departure_type": [
        "reden vertrek", "reden uit dienst", "soort vertrek", "type vertrek", "vertrektype",
        "type", "departure type", "type of departure", "exit type", "termination type",
    ],
    "regrettable": ["spijtig verlies", "betreurd verlies", "regrettable", "regrettable loss"],
    "external_id": [
        "personeelsnummer", "medewerkernummer", "werknemersnummer", "employee id",
        "employee number", "personnel number", "hr id", "hr system id", "external id", "id",
    ],
    "destination": ["bestemming", "nieuwe werkgever", "destination", "new employer"],
    "eligible_for_rehire": [
        "herintreding mogelijk", "opnieuw in dienst", "terugkeer mogelijk",
        "eligible for rehire", "rehire", "rehireable",
    ],
    "outcome": ["uitkomst", "afloop", "outcome"],
}  # fmt: skip
FIELDS = tuple(HEADERS)


def normalise(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


KNOWN = {normalise(name): field for field, names in HEADERS.items() for name in [field, *names]}


@dataclass
class Mapping:
    columns: dict[int, str] = field(default_factory=dict)  # column index -> field
    unmapped: list[str] = field(default_factory=list)  # headers of columns left out

    def column_of(self, field: str) -> int | None:
        return next((i for i, name in self.columns.items() if name == field), None)


def parse_overrides(overrides: list[str]) -> dict[str, str]:
    """`--map "Header=field"` options as {normalised header: field}; an empty field skips it."""
    parsed = {}
    for override in overrides:
        header, sign, target = override.rpartition("=")
        target = target.strip()
        if not sign or not header.strip():
            raise SpreadsheetError(
                _('--map "%(value)s": write it as "Column header=field".') % {"value": override}
            )
        if target and target not in KNOWN.values():
            raise SpreadsheetError(
                _('--map "%(value)s": %(field)s is not a field; choose from %(fields)s.')
                % {"value": override, "field": target, "fields": ", ".join(FIELDS)}
            )
        parsed[normalise(header)] = target
    return parsed


def map_columns(headers: list[str], overrides: dict[str, str] | None = None) -> Mapping:
    overrides = overrides or {}
    keys = [normalise(header) for header in headers]
    missing = [key for key in overrides if key not in keys]
    if missing:
        raise SpreadsheetError(
            _("--map names a column the file does not have; its columns are: %(headers)s")
            % {"headers": ", ".join(headers)}
        )
    mapping = Mapping()
    taken: dict[str, str] = {}
    for index, (header, key) in enumerate(zip(headers, keys, strict=True)):
        target = overrides[key] if key in overrides else KNOWN.get(key)
        if not target:
            if header:
                mapping.unmapped.append(header)
            continue
        if target in taken:
            raise SpreadsheetError(
                _(
                    'Both "%(first)s" and "%(second)s" would fill %(field)s. Choose one with '
                    '--map "%(second)s=" (leaves that column out) or map it to another field.'
                )
                % {"first": taken[target], "second": header, "field": target}
            )
        taken[target] = header
        mapping.columns[index] = target
    if not mapping.columns:
        raise SpreadsheetError(
            _("No column is recognised. The columns are: %(headers)s. Use --map to name them.")
            % {"headers": ", ".join(headers) or _("(none)")}
        )
    return mapping
