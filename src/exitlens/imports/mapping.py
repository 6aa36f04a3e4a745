"""Which column of a file holds which field: common Dutch, English, Spanish and German headers,
or the user's say.

Headers are compared without case, accents, spaces, hyphens, underscores, dots and brackets, so
"Privé e-mail", "E-mail prive" and "PRIVE_EMAIL" are one header, as are "Vorgesetzte(r)" and
"Vorgesetzter". A column that is neither recognised, mapped nor explicitly left out stops the
import: an HR export often holds columns that must not be read by mistake.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from exitlens.imports.spreadsheets import SpreadsheetError

HEADERS = {
    "full_name": [
        "naam", "volledige naam", "naam medewerker", "medewerker", "werknemer", "medewerkernaam",
        "name", "full name", "employee name", "employee", "worker", "legal name",
        "nombre completo", "nombre y apellidos", "apellidos y nombre", "empleado",
        "nombre del empleado", "trabajador",
        "vollständiger name", "mitarbeiter", "mitarbeitername", "name des mitarbeiters",
    ],
    "first_name": [
        "voornaam", "voornamen", "first name", "given name", "forename", "preferred first name",
        "nombre", "nombre de pila", "vorname", "rufname",
    ],
    "name_prefix": ["tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels"],
    "last_name": [
        "achternaam", "geslachtsnaam", "last name", "surname", "family name",
        "apellidos", "apellido", "primer apellido", "nachname", "familienname",
    ],
    "work_email": [
        "e-mail", "e-mailadres", "werk e-mail", "e-mail werk", "e-mailadres werk",
        "zakelijk e-mailadres", "zakelijke e-mail", "e-mail zakelijk",
        "email", "email address", "work e-mail", "work e-mail address", "business e-mail",
        "company e-mail", "work email address",
        "correo", "correo electrónico", "correo electrónico corporativo", "correo corporativo",
        "correo de empresa", "correo del trabajo", "email corporativo",
        "e-mail-adresse", "e-mail geschäftlich", "geschäftliche e-mail", "dienstliche e-mail",
        "e-mail dienstlich", "geschäftliche e-mail-adresse",
    ],
    "personal_email": [
        "privé e-mail", "e-mail privé", "privé e-mailadres", "e-mailadres privé",
        "persoonlijk e-mailadres", "persoonlijke e-mail", "e-mail persoonlijk", "prive mail",
        "personal e-mail", "personal e-mail address", "private e-mail", "home e-mail",
        "private e-mail address",
        "correo electrónico personal", "correo personal", "email personal",
        "correo electrónico particular", "correo particular",
        "private e-mail-adresse", "e-mail privat", "privat e-mail", "persönliche e-mail",
        "private e-mail adresse",
    ],
    "language": [
        "taal", "voorkeurstaal", "correspondentietaal", "language", "preferred language",
        "communication language", "idioma", "idioma preferido", "sprache", "korrespondenzsprache",
        "bevorzugte sprache",
    ],
    "department": [
        "afdeling", "afdelingsnaam", "organisatorische eenheid", "organisatie-eenheid",
        "department", "department name", "dept", "organisational unit", "organizational unit",
        "departamento", "nombre del departamento",
        "abteilung", "organisationseinheit", "org-einheit", "abteilungsbezeichnung",
    ],
    "manager": [
        "leidinggevende", "direct leidinggevende", "naam leidinggevende", "manager",
        "line manager", "supervisor", "direct manager", "manager name", "reports to",
        "jefe", "jefe directo", "jefe inmediato", "responsable", "superior",
        "vorgesetzte(r)", "vorgesetzter", "vorgesetzte", "führungskraft",
        "direkter vorgesetzter",
    ],
    "job_title": [
        "functie", "functienaam", "functietitel", "job title", "title", "position",
        "position title", "job", "business title",
        "puesto", "puesto de trabajo", "cargo", "stellenbezeichnung", "funktion",
        "tätigkeit", "berufsbezeichnung",
    ],
    "location": [
        "locatie", "vestiging", "standplaats", "werklocatie", "location", "office",
        "work location", "site", "ubicación", "centro de trabajo", "sede", "oficina",
        "standort", "arbeitsort", "dienstort", "niederlassung",
    ],
    "age_band": [
        "leeftijdscategorie", "leeftijdsgroep", "leeftijdsklasse", "leeftijd", "age band",
        "age group", "age range", "age", "rango de edad", "franja de edad", "grupo de edad",
        "edad", "altersgruppe", "altersklasse", "altersband", "alter",
    ],
    "hire_date": [
        "datum in dienst", "in dienst", "indiensttreding", "datum indiensttreding",
        "indiensttredingsdatum", "startdatum", "datum aanvang dienstverband",
        "hire date", "start date", "date of hire", "date hired", "original hire date",
        "employment start date",
        "fecha de alta", "fecha de ingreso", "fecha de contratación", "fecha de inicio",
        "fecha alta", "eintrittsdatum", "eintritt", "beschäftigungsbeginn", "einstellungsdatum",
    ],
    "leave_date": [
        "datum uit dienst", "uit dienst", "uitdiensttreding", "datum uitdiensttreding",
        "uitdiensttredingsdatum", "laatste werkdag", "vertrekdatum", "einddatum",
        "einddatum dienstverband", "datum einde dienstverband",
        "leave date", "last working day", "last day", "last day worked", "exit date",
        "termination date", "end date", "separation date", "leaving date",
        "fecha de baja", "fecha baja", "fecha de salida", "fecha de cese", "fecha fin",
        "último día de trabajo",
        "austrittsdatum", "austritt", "letzter arbeitstag", "beschäftigungsende",
        "ende des arbeitsverhältnisses",
    ],
    "departure_type": [
        "reden vertrek", "reden uit dienst", "soort vertrek", "type vertrek", "vertrektype",
        "vertrekreden", "reden uitdiensttreding", "soort uitdiensttreding",
        "type uitdiensttreding", "soort ontslag", "uitstroomreden", "reden einde dienstverband",
        "type", "departure type", "type of departure", "exit type", "termination type",
        "termination reason", "separation type", "separation reason", "leaving type",
        "tipo de baja", "motivo de baja", "causa de baja", "tipo de salida", "motivo de salida",
        "austrittsgrund", "austrittsart", "kündigungsart", "beendigungsgrund", "beendigungsart",
    ],
    "regrettable": [
        "spijtig verlies", "betreurd verlies", "regrettable", "regrettable loss", "regretted",
        "regrettable attrition", "regretted loss", "pérdida lamentable", "baja lamentable",
        "bedauerlicher verlust", "bedauerlicher abgang",
    ],
    "external_id": [
        "personeelsnummer", "medewerkernummer", "werknemersnummer", "personeelsnr",
        "medewerkernr", "employee id", "employee number", "employee no", "employee nr",
        "personnel number", "worker id", "emp id", "hr id", "hr system id", "external id", "id",
        "nº empleado", "nº de empleado", "número de empleado", "numero empleado", "id empleado",
        "id de empleado", "personalnummer", "personal-nr.", "pers.-nr.", "mitarbeiternummer",
        "mitarbeiter-id", "mitarbeiter-nr.",
    ],
    "destination": [
        "bestemming", "nieuwe werkgever", "destination", "new employer", "destino",
        "nuevo empleador", "nueva empresa", "neuer arbeitgeber", "wechsel zu",
    ],
    "eligible_for_rehire": [
        "herintreding mogelijk", "opnieuw in dienst", "terugkeer mogelijk", "herindienstneming",
        "eligible for rehire", "rehire", "rehireable", "rehire eligible", "recontratable",
        "apto para recontratación", "wiedereinstellung möglich", "wiedereinstellbar",
    ],
    "outcome": ["uitkomst", "afloop", "outcome", "resultado", "ergebnis"],
}  # fmt: skip
FIELDS = tuple(HEADERS)
NAME_PARTS = ("first_name", "name_prefix", "last_name")  # joined into full_name
# Beside a first-name column, a bare "Name" is the surname (SAP's "Name", "Vorname").
BARE_NAMES = {"name"}
# The column the rejected-rows file adds; read back in, it is left out without asking.
ERRORS_HEADER = "import_errors"


def normalise(text: str) -> str:
    """Without case, accents and anything but letters and digits: "Vorgesetzte(r)" is
    "vorgesetzter", "Nº empleado" is "noempleado", "Straße" is "strasse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def spellings(word: str) -> set[str]:
    """A word and its German spelling without umlauts: "Kündigung" and "Kuendigung"."""
    return {normalise(word), normalise(word.translate(UMLAUTS))}


def header_key(header: str) -> str:
    """A header as it is compared: "Employee #" is "Employee no"."""
    return normalise(header.replace("#", " no "))


KNOWN = {
    key: field
    for field, names in HEADERS.items()
    for name in [field, *names]
    for key in spellings(name.replace("#", " no "))
}


@dataclass
class Mapping:
    columns: dict[int, str] = field(default_factory=dict)  # column index -> field
    unmapped: list[str] = field(default_factory=list)  # headers of columns left out
    unknown: list[str] = field(default_factory=list)  # of those, the ones nobody chose to omit

    def column_of(self, field: str) -> int | None:
        return next((i for i, name in self.columns.items() if name == field), None)


def parse_overrides(overrides: list[str]) -> dict[str, str]:
    """`--map "Header=field"` options as {header key: field}; an empty field skips it."""
    parsed = {}
    for override in overrides:
        header, sign, target = override.rpartition("=")
        target = target.strip()
        if not sign or not header.strip():
            raise SpreadsheetError(
                _('--map "%(value)s": write it as "Column header=field".') % {"value": override}
            )
        if target and target not in FIELDS:
            raise SpreadsheetError(
                _('--map "%(value)s": %(field)s is not a field; choose from %(fields)s.')
                % {"value": override, "field": target, "fields": ", ".join(FIELDS)}
            )
        parsed[header_key(header)] = target
    return parsed


def map_columns(
    headers: list[str],
    overrides: dict[str, str] | None = None,
    ignored: list[str] = (),
    ignore_unknown: bool = False,
) -> Mapping:
    """Each column's field. `ignored` names columns to leave out; any other column that is not
    recognised is an error unless `ignore_unknown`."""
    overrides = dict(overrides or {})
    keys = [header_key(header) for header in headers]
    ignored_keys = {header_key(name) for name in ignored}
    missing = [key for key in [*overrides, *ignored_keys] if key not in keys]
    if missing:
        raise SpreadsheetError(
            _("--map or --ignore-column names a column the file does not have; its columns are: "
              "%(headers)s") % {"headers": ", ".join(headers)}
        )  # fmt: skip
    for key in ignored_keys:
        overrides.setdefault(key, "")
    overrides.setdefault(header_key(ERRORS_HEADER), "")
    mapping = Mapping()
    taken: dict[str, str] = {}
    for index, (header, key) in enumerate(zip(headers, keys, strict=True)):
        target = overrides[key] if key in overrides else KNOWN.get(key)
        if not target:
            if header:
                mapping.unmapped.append(header)
                if key not in overrides:
                    mapping.unknown.append(header)
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
    _read_bare_name_as_surname(mapping, keys, overrides)
    if mapping.unknown and not ignore_unknown:
        raise SpreadsheetError(unknown_columns_message(mapping.unknown))
    return mapping


def _read_bare_name_as_surname(mapping: Mapping, keys: list[str], overrides: dict) -> None:
    index = mapping.column_of("full_name")
    if (
        index is not None
        and keys[index] in BARE_NAMES
        and keys[index] not in overrides
        and mapping.column_of("first_name") is not None
        and mapping.column_of("last_name") is None
    ):
        mapping.columns[index] = "last_name"


def unknown_columns_message(headers: list[str]) -> str:
    ignore = " ".join(f'--ignore-column "{header}"' for header in headers)
    return _(
        "Columns not recognised: %(headers)s. Name the field of each with --map "
        '"%(first)s=FIELD", or leave them out with %(ignore)s (or --ignore-unknown-columns).'
    ) % {"headers": ", ".join(headers), "first": headers[0], "ignore": ignore}
