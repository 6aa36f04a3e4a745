"""The generic survey layout: a CSV or Excel file an HR department prepares itself.

One row per leaver, with the columns in COLUMNS (any order, any case; spaces and underscores
alike). Only `external_id` is required in every row; a new departure also needs its leave date,
department and type of departure. docs/survey-import.md describes each column.
"""

from django.utils.translation import gettext as _

from exitlens.analysis.taxonomy import THEME_IDS, THEMES
from exitlens.core.models import Department, Departure
from exitlens.imports import values
from exitlens.imports.mapping import normalise
from exitlens.imports.spreadsheets import Sheet
from exitlens.imports.surveys.common import (
    CONTRIBUTING_REASONS,
    EXPECTATIONS_MET,
    MAIN_REASON,
    RECOMMEND,
    Columns,
    Parsed,
    RowRejected,
    SurveyRow,
    read,
    reason_answers,
)

EXTERNAL_ID = "external_id"
TEXT_FIELDS = ("full_name", "job_title", "location", "age_band")
DATE_FIELDS = ("leave_date", "hire_date")
ANSWER_COLUMNS = (MAIN_REASON, CONTRIBUTING_REASONS, EXPECTATIONS_MET, RECOMMEND)
COLUMNS = (
    EXTERNAL_ID,
    *TEXT_FIELDS,
    *DATE_FIELDS,
    "department",
    "departure_type",
    *ANSWER_COLUMNS,
)
SEPARATOR = "|"
THEMES_BY_NAME = {
    normalise(name): theme.id for theme in THEMES for name in [theme.id, *theme.labels.values()]
}


def parse(sheet: Sheet) -> Parsed:
    reader = _Reader(Columns(sheet.headers, key=normalise))
    questions = tuple(key for key in ANSWER_COLUMNS if key in reader.found)
    return read(sheet, reader.row, reader.columns, questions, EXTERNAL_ID)


class _Reader:
    def __init__(self, columns: Columns):
        self.columns = columns
        columns.require((EXTERNAL_ID,), _("generic survey"))
        self.found = {name: index for name in COLUMNS if (index := columns.find(name)) is not None}

    def row(self, number: int, cells: list) -> SurveyRow:
        given = {
            name: cells[index]
            for name, index in self.found.items()
            if index < len(cells) and values.text(cells[index])
        }
        if EXTERNAL_ID not in given:
            raise RowRejected(_("no external_id"))
        external_id = _text(EXTERNAL_ID, given.pop(EXTERNAL_ID), Departure)
        departure = {}
        for name in TEXT_FIELDS:
            if name in given:
                departure[name] = _text(name, given[name], Departure)
        for name in DATE_FIELDS:
            if name in given:
                departure[name] = _typed(name, given[name], values.to_date)
        if "departure_type" in given:
            departure["departure_type"] = _typed(
                "departure_type",
                given["departure_type"],
                lambda cell: values.to_choice(cell, values.DEPARTURE_TYPES),
            )
        department = ()
        if "department" in given:
            department = (_text("department", given["department"], Department, "name"),)
        main = theme(MAIN_REASON, values.text(given[MAIN_REASON])) if MAIN_REASON in given else None
        contributing = [
            theme(CONTRIBUTING_REASONS, part)
            for part in values.text(given.get(CONTRIBUTING_REASONS, "")).split(SEPARATOR)
            if part.strip()
        ]
        answers: dict = reason_answers(main, contributing)
        for name in (EXPECTATIONS_MET, RECOMMEND):
            if name in given:
                answers[name] = _typed(name, given[name], whole_number)
        return SurveyRow(number, external_id, departure, department, answers)


def theme(column: str, name: str) -> str:
    found = THEMES_BY_NAME.get(normalise(name))
    if found is None:
        raise RowRejected(
            _("%(column)s: %(value)s is not a theme; use one of %(themes)s")
            % {"column": column, "value": name.strip(), "themes": ", ".join(THEME_IDS)}
        )
    return found


def whole_number(cell) -> int:
    text = values.text(cell)
    try:
        return int(text)
    except ValueError:
        raise ValueError(_("%(value)s is not a whole number") % {"value": text}) from None


def _typed(column: str, cell, convert):
    try:
        return convert(cell)
    except ValueError as error:
        raise RowRejected(f"{column}: {error}") from None


def _text(column: str, cell, model, field: str = "") -> str:
    text = values.text(cell)
    limit = model._meta.get_field(field or column).max_length
    if len(text) > limit:
        raise RowRejected(
            _("%(column)s: longer than %(limit)s characters") % {"column": column, "limit": limit}
        )
    return text
