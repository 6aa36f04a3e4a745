"""What every survey format reads a file into, and the conventions the formats share.

A format turns each data row into a `SurveyRow` (a departure and the answers of its completed
interview) or a `Rejected` row with the reason; `store` then writes the rows.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.imports import values

MAIN_REASON = "main_reason"
CONTRIBUTING_REASONS = "contributing_reasons"
EXPECTATIONS_MET = "expectations_met"
RECOMMEND = "recommend"
DEPARTMENT_SEPARATOR = " / "


class SurveyError(Exception):
    """The file as a whole cannot be imported: unreadable, or not the format asked for."""


class RowRejected(ValueError):
    """This row cannot be used; the message says why."""


@dataclass
class SurveyRow:
    row: int  # as numbered in the file: the header is row 1
    external_id: str
    departure: dict  # Departure field values the row gives; the others stay as stored
    department: tuple[str, ...] = ()  # from the top department down; () keeps the stored one
    answers: dict[str, int | tuple[str, ...]] = field(default_factory=dict)
    unthemed: tuple[str, ...] = ()  # reasons the row cites that map to no theme


@dataclass
class Rejected:
    row: int
    reason: str


@dataclass
class Parsed:
    rows: list[SurveyRow]
    rejected: list[Rejected]
    skipped_columns: list[str]
    questions: tuple[str, ...]  # the questions this file answers; re-imports replace them
    rows_read: int = 0


@dataclass
class SurveyReport:
    path: Path
    format: str
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped_columns: list[str] = field(default_factory=list)
    unthemed_reasons: dict[str, int] = field(default_factory=dict)
    departments_created: list[str] = field(default_factory=list)
    applied: bool = False  # False after a dry run, or in strict mode with rejected rows
    dry_run: bool = False
    strict: bool = False


class Columns:
    """The headers of a file, found by name: compared as `key` makes them (by default without
    regard to case or runs of spaces)."""

    def __init__(self, headers: list[str], key=None):
        self.headers = headers
        self.key = key or _key
        self.index = {}
        for position, header in enumerate(headers):
            self.index.setdefault(self.key(header), position)
        self.used: set[int] = set()

    def find(self, name: str, *, prefix: bool = False) -> int | None:
        """The column with this header, or the first that starts with it; marks it as used."""
        key = self.key(name)
        if prefix:
            found = next((i for k, i in self.index.items() if k.startswith(key)), None)
        else:
            found = self.index.get(key)
        if found is not None:
            self.used.add(found)
        return found

    def starting_with(self, prefix: str) -> list[int]:
        key = self.key(prefix)
        found = [i for k, i in self.index.items() if k.startswith(key)]
        self.used.update(found)
        return sorted(found)

    def require(self, names: tuple[str, ...], format_name: str) -> dict[str, int]:
        found = {name: self.find(name) for name in names}
        missing = [name for name, index in found.items() if index is None]
        if missing:
            raise SurveyError(
                _(
                    "This is not a %(format)s file: it lacks the columns %(missing)s. "
                    "Its columns are: %(headers)s"
                )
                % {
                    "format": format_name,
                    "missing": ", ".join(missing),
                    "headers": ", ".join(self.headers) or _("(none)"),
                }
            )
        return found

    def skipped(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h and i not in self.used]


def age_band(text: str) -> str:
    """A survey's age band as Exitlens keeps it: "21  25" and "21-25" as 21-25, "61 or older"
    as 61+, "20 or younger" as <21; not stated as empty."""
    words = text.replace("-", " ").casefold().split()
    if len(words) == 2 and all(word.isdigit() for word in words):
        return f"{words[0]}-{words[1]}"
    if len(words) == 3 and words[0].isdigit() and words[1:] == ["or", "older"]:
        return f"{words[0]}+"
    if len(words) == 3 and words[0].isdigit() and words[1:] == ["or", "younger"]:
        return f"<{int(words[0]) + 1}"
    return ""


def _key(header: str) -> str:
    return " ".join(header.split()).casefold()


def cell(cells: list, index: int | None) -> str:
    """A cell as trimmed text; "" for a missing column or cell."""
    if index is None or index >= len(cells):
        return ""
    return values.text(cells[index])


def year(text: str, what: str) -> int:
    try:
        found = int(text)
    except ValueError:
        raise RowRejected(
            _("%(what)s %(value)s is not a year") % {"what": what, "value": text}
        ) from None
    if not values.EARLIEST_YEAR <= found <= values.LATEST_YEAR:
        raise RowRejected(
            _("%(what)s %(value)s is not a plausible year") % {"what": what, "value": text}
        )
    return found


def mid_year(year: int) -> date:
    """A leave date known only by its year: 30 June, mid-year and the end of the
    Australian financial year."""
    return date(year, 6, 30)


def mid_month(year: int, month: int) -> date:
    return date(year, month, 15)


def reason_answers(main: str | None, contributing: list[str]) -> dict[str, tuple[str, ...]]:
    """The main reason and the other reasons (without the main one), in taxonomy order."""
    answers = {}
    if main:
        answers[MAIN_REASON] = (main,)
    others = [theme for theme in THEME_IDS if theme in contributing and theme != main]
    if others:
        answers[CONTRIBUTING_REASONS] = tuple(others)
    return answers


def read(sheet, parse_row, columns: Columns, questions: tuple[str, ...], id_label: str) -> Parsed:
    """Every data row of `sheet` through `parse_row(number, cells)`, which returns a SurveyRow
    or raises RowRejected. Of rows with the same id, the first is kept."""
    rows, rejected, first = [], [], {}
    count = 0
    for number, cells in sheet.rows:
        count += 1
        try:
            row = parse_row(number, cells)
        except RowRejected as error:
            rejected.append(Rejected(number, str(error)))
            continue
        if row.external_id in first:
            reason = _("the same %(label)s as row %(row)s") % {
                "label": id_label,
                "row": first[row.external_id],
            }
            rejected.append(Rejected(number, reason))
            continue
        first[row.external_id] = number
        rows.append(row)
    return Parsed(rows, rejected, columns.skipped(), questions, count)
