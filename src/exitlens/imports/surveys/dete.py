"""The DETE exit survey (Queensland Department of Education, Training and Employment, 2012-2014).

One row per respondent: the type of separation, cease and start dates, position, region and
business unit, and eighteen TRUE/FALSE reasons for leaving. docs/survey-import.md lists how each
column is read.
"""

import re
from datetime import date

from django.utils.translation import gettext as _

from exitlens.core.models import Departure
from exitlens.imports import values
from exitlens.imports.spreadsheets import Sheet
from exitlens.imports.surveys.common import (
    CONTRIBUTING_REASONS,
    Columns,
    Parsed,
    RowRejected,
    SurveyRow,
    age_band,
    cell,
    mid_month,
    mid_year,
    read,
    reason_answers,
    year,
)

NAME = "DETE"
TOP_DEPARTMENT = "DETE"
REQUIRED = ("ID", "SeparationType", "Cease Date")
QUESTIONS = (CONTRIBUTING_REASONS,)
NOT_STATED = {"", "not stated"}
TRUE = {"true", "yes", "1"}
SEPARATION_TYPES = {
    "age retirement": Departure.Type.RETIREMENT,
    "ill health retirement": Departure.Type.RETIREMENT,
    "voluntary early retirement (ver)": Departure.Type.RETIREMENT,
    "contract expired": Departure.Type.END_OF_CONTRACT,
    "termination": Departure.Type.DISMISSAL,
}  # "Resignation-..." is a resignation; anything else is "other"
REASONS = {
    "Career move to public sector": "career",
    "Career move to private sector": "career",
    "Interpersonal conflicts": "culture",
    "Job dissatisfaction": "job_content",
    "Dissatisfaction with the department": "leadership",
    "Physical work environment": "conditions",
    "Lack of recognition": "recognition",
    "Lack of job security": "leadership",
    "Work location": "location",
    "Employment conditions": "pay",
    "Maternity/family": "personal",
    "Relocation": "personal",
    "Study/Travel": "personal",
    "Ill Health": "personal",
    "Traumatic incident": None,
    "Work life balance": "work_life",
    "Workload": "workload",
    "None of the above": None,
}
MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
NO_BUSINESS_UNIT = {"", "other", "not stated"}


def parse(sheet: Sheet) -> Parsed:
    reader = _Reader(Columns(sheet.headers))
    return read(sheet, reader.row, reader.columns, QUESTIONS, _("ID"))


class _Reader:
    def __init__(self, columns: Columns):
        self.columns = columns
        required = columns.require(REQUIRED, NAME)
        self.id = required["ID"]
        self.separation = required["SeparationType"]
        self.cease = required["Cease Date"]
        self.start = columns.find("DETE Start Date")
        self.position = columns.find("Position")
        self.region = columns.find("Region")
        self.age = columns.find("Age")
        self.unit = columns.find("Business Unit")
        self.reasons = {
            label: index for label in REASONS if (index := columns.find(label)) is not None
        }

    def row(self, number: int, cells: list) -> SurveyRow:
        respondent = cell(cells, self.id)
        if not respondent:
            raise RowRejected(_("no ID"))
        separation = cell(cells, self.separation)
        if separation.casefold() in NOT_STATED:
            raise RowRejected(_("no separation type"))
        leave_date = cease_date(cell(cells, self.cease))
        hire_date = start_date(cell(cells, self.start))
        if hire_date and hire_date > leave_date:
            raise RowRejected(
                _("the start date %(start)s lies after the cease date %(cease)s")
                % {"start": cell(cells, self.start), "cease": cell(cells, self.cease)}
            )
        region = _stated(cell(cells, self.region))
        unit = cell(cells, self.unit)
        department = [TOP_DEPARTMENT]
        if region:
            department.append(region)
        if unit.casefold() not in NO_BUSINESS_UNIT:
            department.append(unit)
        cited = [label for label, index in self.reasons.items() if _true(cell(cells, index))]
        themes = [REASONS[label] for label in cited if REASONS[label]]
        return SurveyRow(
            row=number,
            external_id=f"dete:{respondent}",
            departure={
                "full_name": _("DETE respondent %(id)s") % {"id": respondent},
                "language": "en",
                "departure_type": separation_type(separation),
                "leave_date": leave_date,
                "hire_date": hire_date,
                "job_title": _stated(cell(cells, self.position)),
                "location": region,
                "age_band": age_band(cell(cells, self.age)),
            },
            department=tuple(department),
            answers=reason_answers(None, themes),
            unthemed=tuple(label for label in cited if not REASONS[label]),
        )


def separation_type(text: str) -> str:
    found = text.casefold()
    if found.startswith("resignation"):
        return Departure.Type.RESIGNATION
    return SEPARATION_TYPES.get(found, Departure.Type.OTHER)


def cease_date(text: str) -> date:
    """2012 is 30 June 2012; 05/2013 is 15 May 2013; a full date is itself."""
    if text.casefold() in NOT_STATED:
        raise RowRejected(_("no cease date"))
    if text.isdigit():
        return mid_year(year(text, _("Cease Date")))
    if match := MONTH_YEAR.fullmatch(text):
        return mid_month(*_month_year(match, _("Cease Date")))
    return _full_date(text, _("Cease Date"))


def start_date(text: str) -> date | None:
    """2007 is 1 January 2007 and 05/2007 is 1 May 2007, so that the tenure band is the whole
    years from the start year to the cease year; none if not stated."""
    if text.casefold() in NOT_STATED:
        return None
    if text.isdigit():
        return date(year(text, _("DETE Start Date")), 1, 1)
    if match := MONTH_YEAR.fullmatch(text):
        return date(*_month_year(match, _("DETE Start Date")), 1)
    return _full_date(text, _("DETE Start Date"))


def _month_year(match: re.Match, what: str) -> tuple[int, int]:
    month = int(match.group(1))
    if not 1 <= month <= 12:
        raise RowRejected(
            _("%(what)s %(value)s is not a month and year") % {"what": what, "value": match[0]}
        )
    return year(match.group(2), what), month


def _full_date(text: str, what: str) -> date:
    try:
        return values.to_date(text)
    except ValueError:
        raise RowRejected(
            _("%(what)s %(value)s is not a year, month/year or date")
            % {"what": what, "value": text}
        ) from None


def _stated(text: str) -> str:
    return "" if text.casefold() in NOT_STATED else text


def _true(text: str) -> bool:
    return text.casefold() in TRUE
