"""The TAFE Queensland exit survey (2009-2013).

One row per respondent: institute, work area, cessation year, the reason for ceasing
employment, "Contributing Factors" columns (each holds the factor's name when it played a part,
"-" when it did not, and is empty when the question was not asked), the main factor, length of
service and classification. docs/survey-import.md lists how each column is read.
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from exitlens.core.models import Departure
from exitlens.imports.spreadsheets import Sheet
from exitlens.imports.surveys.common import (
    CONTRIBUTING_REASONS,
    MAIN_REASON,
    Columns,
    Parsed,
    RowRejected,
    SurveyRow,
    age_band,
    cell,
    mid_year,
    read,
    reason_answers,
    year,
)

NAME = "TAFE"
TOP_DEPARTMENT = "TAFE"
ID, REASON, YEAR = "Record ID", "Reason for ceasing employment", "CESSATION YEAR"
CONTRIBUTING_PREFIX = "Contributing Factors."
MAIN_FACTOR_PREFIX = "Main Factor."
INSTITUTE, WORK_AREA = "Institute", "WorkArea"
CLASSIFICATION_PREFIX = "Classification."
SERVICE_PREFIX = "LengthofServiceOverall."
AGE_PREFIX = "CurrentAge."
QUESTIONS = (MAIN_REASON, CONTRIBUTING_REASONS)
NOT_CITED = {"", "-"}
REASONS = {
    "resignation": Departure.Type.RESIGNATION,
    "retirement": Departure.Type.RETIREMENT,
    "contract expired": Departure.Type.END_OF_CONTRACT,
    "termination": Departure.Type.DISMISSAL,
}  # anything else (Retrenchment/ Redundancy, Transfer) is "other"
FACTORS = {
    "career move - public sector": "career",
    "career move - private sector": "career",
    "career move - self-employment": "career",
    "ill health": "personal",
    "maternity/family": "personal",
    "dissatisfaction": "leadership",  # with the institute
    "job dissatisfaction": "job_content",
    "interpersonal conflict": "culture",
    "study": "personal",
    "travel": "personal",
    "other": None,
    "none": None,
}
# Years of service taken as typical of each answer; each lies well inside one tenure band.
SERVICE_YEARS = {
    "less than 1 year": 0.5,
    "1-2": 1.5,
    "3-4": 3.5,
    "5-6": 5.5,
    "7-10": 8.5,
    "11-20": 15.5,
    "more than 20 years": 25.0,
}


def parse(sheet: Sheet) -> Parsed:
    reader = _Reader(Columns(sheet.headers))
    return read(sheet, reader.row, reader.columns, QUESTIONS, _("Record ID"))


class _Reader:
    def __init__(self, columns: Columns):
        self.columns = columns
        required = columns.require((ID, REASON, YEAR), NAME)
        self.id, self.reason, self.year = required[ID], required[REASON], required[YEAR]
        self.institute = columns.find(INSTITUTE)
        self.work_area = columns.find(WORK_AREA)
        self.main_factor = columns.find(MAIN_FACTOR_PREFIX, prefix=True)
        self.classification = columns.find(CLASSIFICATION_PREFIX, prefix=True)
        self.service = columns.find(SERVICE_PREFIX, prefix=True)
        self.age = columns.find(AGE_PREFIX, prefix=True)
        self.factors = {
            index: factor_name(columns.headers[index])
            for index in columns.starting_with(CONTRIBUTING_PREFIX)
        }

    def row(self, number: int, cells: list) -> SurveyRow:
        respondent = record_id(cell(cells, self.id))
        reason = cell(cells, self.reason)
        if not reason:
            raise RowRejected(_("no reason for ceasing employment"))
        cessation = cell(cells, self.year)
        if not cessation:
            raise RowRejected(_("no cessation year"))
        leave_date = mid_year(year(cessation, _("Cessation year")))
        institute, work_area = cell(cells, self.institute), cell(cells, self.work_area)
        department = [TOP_DEPARTMENT]
        if institute:
            department.append(institute)
            if work_area:
                department.append(work_area)
        cited = [
            name for index, name in self.factors.items() if cell(cells, index) not in NOT_CITED
        ]
        main = cell(cells, self.main_factor)
        main_theme = factor_theme(main) if main else None
        unthemed = [name for name in cited if not factor_theme(name)]
        if main and not main_theme and main not in unthemed:
            unthemed.append(main)
        return SurveyRow(
            row=number,
            external_id=f"tafe:{respondent}",
            departure={
                "full_name": _("TAFE respondent %(id)s") % {"id": respondent},
                "language": "en",
                "departure_type": REASONS.get(reason.casefold(), Departure.Type.OTHER),
                "leave_date": leave_date,
                "hire_date": hire_date(cell(cells, self.service), leave_date),
                "job_title": cell(cells, self.classification),
                "location": institute,
                "age_band": age_band(cell(cells, self.age)),
            },
            department=tuple(department),
            answers=reason_answers(main_theme, [factor_theme(name) for name in cited]),
            unthemed=tuple(unthemed),
        )


def record_id(text: str) -> str:
    """The id as digits: the published file holds it as Excel wrote it, like 6.3412345E+017."""
    if not text:
        raise RowRejected(_("no Record ID"))
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if number.is_finite() and number.adjusted() < 40 and number == number.to_integral_value():
        return str(int(number))
    return text


def factor_name(header: str) -> str:
    return header[len(CONTRIBUTING_PREFIX) :].strip()


def factor_theme(name: str) -> str | None:
    found = name.casefold()
    if found.startswith("dissatisfaction with"):  # "Dissatisfaction with %[Institute]Q25LBL%"
        found = "dissatisfaction"
    return FACTORS.get(found)


def hire_date(service: str, leave_date: date) -> date | None:
    years = SERVICE_YEARS.get(service.casefold())
    if years is None:
        return None
    return leave_date - timedelta(days=round(years * 365.25))
