"""The coded columns of a departures file: the words each understands, the user's value mappings
(`--map-values "Column:Value=code"`) and the unknown words found, each with the mapping that
would read it."""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from exitlens.core.models import Departure
from exitlens.imports import values
from exitlens.imports.mapping import FIELDS, Mapping, header_key, normalise
from exitlens.imports.spreadsheets import SpreadsheetError

BOOLEANS = ("regrettable", "eligible_for_rehire")


@functools.cache
def vocabularies() -> dict[str, dict[str, list[str]]]:
    """The coded fields and the words each understands, by code (made once: the lookups of
    `values` are kept per vocabulary)."""
    return {
        "departure_type": values.DEPARTURE_TYPES,
        "regrettable": values.YES_NO,
        "eligible_for_rehire": values.YES_NO,
        "language": {
            code: values.LANGUAGE_NAMES.get(code, []) for code, _name in settings.LANGUAGES
        },
        "outcome": values.OUTCOMES,
    }


def choices_of(name: str) -> list[tuple[str, str]]:
    """The codes of a coded field with their labels, as the page offers them."""
    if name in BOOLEANS:
        return [("yes", _("yes")), ("no", _("no"))]
    if name == "language":
        return [(code, _(label)) for code, label in settings.LANGUAGES]
    return [(str(code), str(label)) for code, label in Departure._meta.get_field(name).choices]


def read(name: str, cell, value_map: dict[str, str] | None):
    """A cell of a coded field as its typed value; `values.UnknownValue` if no word fits."""
    if name in BOOLEANS:
        return values.to_bool(cell, value_map)
    if name == "language":
        return values.to_language(cell, list(vocabularies()["language"]), value_map)
    return values.to_choice(cell, vocabularies()[name], value_map)


@dataclass
class Unmapped:
    """A word in a coded column that no vocabulary knows, with the rows that hold it."""

    field: str
    column: str
    value: str
    choices: list[str]
    rows: list[int] = field(default_factory=list)

    @property
    def mapping(self) -> str:
        """The value mapping without its code: "Termination type:Mutual agreement"."""
        return f"{self.column}:{self.value}"

    def hint(self) -> str:
        return f'--map-values "{self.mapping}=<{_("one of")} {", ".join(self.choices)}>"'


def parse_value_maps(
    lines: list[str], headers: list[str], mapping: Mapping
) -> dict[str, dict[str, str]]:
    """`Column:Value=code` lines as {field: {normalised value: code}}, each checked: the column
    named by its header in the file or by its field, the code one of the field's."""
    coded = vocabularies()
    found: dict[str, dict[str, str]] = {}
    for line in lines:
        try:
            column, value, target = values.parse_value_map(line)
        except ValueError as error:
            raise SpreadsheetError(str(error)) from None
        name = _coded_field(column, line, headers, mapping, coded)
        try:
            code = (
                values.to_language(target, list(coded[name]))
                if name == "language"
                else values.to_choice(target, coded[name])
            )
        except ValueError:
            raise SpreadsheetError(
                _('--map-values "%(line)s": %(code)s is not one of: %(choices)s')
                % {"line": line, "code": target, "choices": ", ".join(coded[name])}
            ) from None
        found.setdefault(name, {})[normalise(value)] = code
    return found


def _coded_field(column: str, line: str, headers: list[str], mapping: Mapping, coded) -> str:
    key = header_key(column)
    indexes = [i for i, header in enumerate(headers) if header_key(header) == key]
    if indexes and indexes[0] not in mapping.columns:
        raise SpreadsheetError(
            _('--map-values "%(line)s": the column %(column)s is left out.')
            % {"line": line, "column": column}
        )
    name = mapping.columns[indexes[0]] if indexes else column.strip()
    if name not in FIELDS:
        raise SpreadsheetError(
            _('--map-values "%(line)s": the file has no column %(column)s.')
            % {"line": line, "column": column}
        )
    if name not in coded:
        raise SpreadsheetError(
            _('--map-values "%(line)s": %(column)s is not a coded column; values can be mapped '
              "for %(fields)s.") % {"line": line, "column": column, "fields": ", ".join(coded)}
        )  # fmt: skip
    return name
