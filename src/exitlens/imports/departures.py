"""Import departures from a spreadsheet: first a plan of what would change, then, if wanted,
the plan applied in one transaction.

Rows with an HR system id that is already stored update that departure; every other row
creates one. On an update, an empty cell keeps what is stored. Departments and managers are
matched by name without regard to case; new managers are created, new departments only when
asked. Departments, managers and existing departures are looked up in bulk, never per row.

All or nothing: a plan with a rejected row is applied only when the caller asks to skip the
bad rows. Coded columns take the words of `values` and the user's value mappings; a word in
neither rejects its row and is listed once, with the mapping that would read it.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from exitlens.core.models import Department, Departure, Manager, User
from exitlens.core.services.departures import (
    ImportBatch,
    apply_import,
    dates_in_order,
    new_departure_language,
)
from exitlens.imports import coded, values
from exitlens.imports.mapping import NAME_PARTS, Mapping, map_columns, normalise, parse_overrides
from exitlens.imports.spreadsheets import ZIP_MAGIC, SpreadsheetError, open_sheet

LOOKUP_BATCH = 500  # ids in one `IN (...)`: within SQLite's limit on parameters
REQUIRED = ("full_name", "department", "leave_date")
RELATED = {"department": "department_id", "manager": "manager_id"}
NAME_PART_LABELS = {
    "first_name": gettext_lazy("first name"),
    "name_prefix": gettext_lazy("name prefix (tussenvoegsel)"),
    "last_name": gettext_lazy("last name"),
}


class RowsRejected(Exception):
    """A plan with rejected rows, applied without asking to skip them."""


@dataclass
class RowError:
    row: int
    column: str  # "" for the row as a whole
    value: str
    message: str

    def line(self) -> str:
        if not self.column:
            return self.message
        return _("row %(row)s, %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class PlannedRow:
    row: int
    values: dict  # by model attribute; a new department or manager is its name until created
    departure_id: int | None = None
    changes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.values.get("full_name", "")

    @property
    def external_id(self) -> str:
        return self.values.get("external_id") or ""


@dataclass
class Plan:
    path: Path
    headers: list[str]
    mapping: Mapping
    create: list[PlannedRow] = field(default_factory=list)
    update: list[PlannedRow] = field(default_factory=list)
    unchanged: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    new_managers: list[str] = field(default_factory=list)
    rows_read: int = 0
    value_maps: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> word -> code
    unknown: dict[tuple[int, str], coded.Unmapped] = field(default_factory=dict)
    rejected_cells: dict[int, list] = field(default_factory=dict)  # row -> cells as read
    untyped: int = 0  # new departures without a type of departure: stored as resignations

    @property
    def rejected(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    @property
    def unknown_values(self) -> list[coded.Unmapped]:
        """Each unknown word once, by column, then the most frequent first."""
        found = sorted(self.unknown.items(), key=lambda item: (item[0][0], -len(item[1].rows)))
        return [unknown for _key, unknown in found]

    def header_of(self, name: str) -> str:
        """The column a field came from, or the field's own name when the file lacks it."""
        names = [name, *NAME_PARTS] if name == "full_name" else [name]
        for each in names:
            index = self.mapping.column_of(each)
            if index is not None:
                return self.headers[index]
        return label(name)


def label(name: str) -> str:
    if name in NAME_PART_LABELS:
        return str(NAME_PART_LABELS[name])
    return str(Departure._meta.get_field(name).verbose_name)


def build_plan(
    path: Path,
    overrides: list[str] = (),
    create_departments: bool = False,
    *,
    value_maps: list[str] = (),
    ignored: list[str] = (),
    ignore_unknown_columns: bool = False,
) -> Plan:
    """Read and check the whole file; raises SpreadsheetError when it cannot be used at all:
    unreadable, a column not recognised (unless `ignored` or `ignore_unknown_columns`), a
    value mapping that does not fit, or no data rows."""
    path = Path(path)
    with open_sheet(path) as sheet:
        try:
            mapping = map_columns(
                sheet.headers,
                parse_overrides(list(overrides)),
                ignored=list(ignored),
                ignore_unknown=ignore_unknown_columns,
            )
            plan = Plan(path=path, headers=sheet.headers, mapping=mapping)
            plan.value_maps = coded.parse_value_maps(list(value_maps), sheet.headers, mapping)
        except SpreadsheetError as error:
            raise SpreadsheetError(f"{path}: {error}") from None
        ragged_ok = _is_workbook(path)  # a workbook row ends at its last cell with a value
        rows = [_parse_row(plan, number, cells, ragged_ok) for number, cells in sheet.rows]
    plan.rows_read = len(rows)
    if not rows:
        raise SpreadsheetError(
            _("%(path)s has a header row but no data rows: there is nothing to import.")
            % {"path": path}
        )
    _reject_duplicate_ids(plan, rows)
    _Resolver(plan, create_departments).resolve(rows)
    plan.rejected_cells = {row.number: row.cells for row in rows if row.errors}
    return plan


def _is_workbook(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC


@dataclass
class _ParsedRow:
    number: int
    cells: list
    values: dict = field(default_factory=dict)  # typed, by field name
    filled: set = field(default_factory=set)  # fields with a cell, readable or not
    errors: list[RowError] = field(default_factory=list)
    unreadable: bool = False  # not as wide as the header: its cells are not read


def _parse_row(plan: Plan, number: int, cells: list, ragged_ok: bool) -> _ParsedRow:
    row = _ParsedRow(number, cells)
    if error := _width_error(plan, number, cells, ragged_ok):
        row.errors.append(error)  # its values would be read from the wrong columns
        row.unreadable = True
        return row
    for index, name in plan.mapping.columns.items():
        cell = cells[index] if index < len(cells) else None
        if values.text(cell) == "":
            continue
        row.filled.add(name)
        try:
            row.values[name] = _typed(name, cell, plan.value_maps.get(name))
        except values.UnknownValue as error:
            row.errors.append(RowError(number, plan.headers[index], error.value, str(error)))
            unknown = plan.unknown.setdefault(
                (index, normalise(error.value)),
                coded.Unmapped(name, plan.headers[index], error.value, error.choices),
            )
            unknown.rows.append(number)
        except ValueError as error:
            row.errors.append(RowError(number, plan.headers[index], values.text(cell), str(error)))
    _join_name(row)
    return row


def _width_error(plan: Plan, number: int, cells: list, ragged_ok: bool) -> RowError | None:
    """A row with more cells than the header (empty ones at the end aside), or, in a CSV file,
    fewer: its values would land in the wrong columns."""
    width = len(cells)
    while width and values.text(cells[width - 1]) == "":
        width -= 1
    expected = len(plan.headers)
    if width > expected:
        count = width
    elif len(cells) < expected and not ragged_ok:
        count = len(cells)
    else:
        return None
    message = ngettext(
        "row %(row)s has %(count)s column, the header has %(expected)s",
        "row %(row)s has %(count)s columns, the header has %(expected)s",
        count,
    ) % {"row": number, "count": count, "expected": expected}
    return RowError(number, "", "", message)


def _join_name(row: _ParsedRow) -> None:
    """First name, prefix and last name as one name, unless a column holds the full name."""
    parts = [row.values.pop(name) for name in NAME_PARTS if name in row.values]
    if not (row.filled & set(NAME_PARTS)):
        return
    row.filled -= set(NAME_PARTS)
    if "full_name" in row.filled or not parts:
        return
    row.filled.add("full_name")
    row.values["full_name"] = " ".join(parts)
    limit = Departure._meta.get_field("full_name").max_length
    if len(row.values["full_name"]) > limit:
        message = _("longer than %(limit)s characters") % {"limit": limit}
        row.errors.append(RowError(row.number, "", row.values["full_name"], message))


def _typed(name: str, cell, value_map: dict[str, str] | None = None):
    if name in ("hire_date", "leave_date"):
        return values.to_date(cell)
    if name in coded.BOOLEANS or name in ("departure_type", "outcome", "language"):
        return coded.read(name, cell, value_map)
    value = values.text(cell)
    if name in ("work_email", "personal_email"):
        try:
            validate_email(value)
        except ValidationError:
            raise ValueError(_("%(value)s is not an e-mail address") % {"value": value}) from None
    if name in RELATED:
        limit = (Department if name == "department" else Manager)._meta.get_field("name").max_length
    else:
        attribute = "full_name" if name in NAME_PARTS else name
        limit = Departure._meta.get_field(attribute).max_length
    if len(value) > limit:
        raise ValueError(_("longer than %(limit)s characters") % {"limit": limit})
    return value


def _reject_duplicate_ids(plan: Plan, rows: list[_ParsedRow]) -> None:
    first_rows: dict[str, int] = {}
    for row in rows:
        external_id = row.values.get("external_id")
        if external_id in first_rows:
            message = _("the same HR system id as row %(row)s") % {"row": first_rows[external_id]}
            column = plan.header_of("external_id")
            row.errors.append(RowError(row.number, column, external_id, message))
        elif external_id:
            first_rows[external_id] = row.number


class _Resolver:
    """The second pass: departments, managers and stored departures, each fetched once."""

    def __init__(self, plan: Plan, create_departments: bool):
        self.plan = plan
        self.create_departments = create_departments
        self.departments = _by_name(Department.objects.values_list("name", "pk"))
        self.department_managers = dict(Department.objects.values_list("pk", "manager_id"))
        self.managers = _by_name(Manager.objects.values_list("name", "pk"))

    def resolve(self, rows: list[_ParsedRow]) -> None:
        stored = self._stored({row.values.get("external_id") for row in rows})
        for row in rows:
            if row.unreadable:
                self.plan.errors.extend(row.errors)
                continue
            current = stored.get(row.values.get("external_id"))
            self._resolve_related(row)
            planned = self._merge(row, current)
            self._check(row, planned, current is None)
            self.plan.errors.extend(row.errors)
            if row.errors:
                continue
            if current is None:
                self.plan.create.append(planned)
                if "departure_type" not in row.values:
                    self.plan.untyped += 1
            elif planned.changes:
                self.plan.update.append(planned)
            else:
                self.plan.unchanged.append(planned)
        columns = {header: index for index, header in enumerate(self.plan.headers)}
        self.plan.errors.sort(key=lambda error: (error.row, columns.get(error.column, -1)))
        changed = self.plan.create + self.plan.update
        self.plan.new_departments = _new_names(changed, "department_id")
        self.plan.new_managers = _new_names(changed, "manager_id")

    def _stored(self, external_ids: set) -> dict[str, dict]:
        names = {"pk", "external_id", "full_name", "hire_date", "leave_date"}
        names |= set(_attributes(self.plan.mapping))
        ids, stored = sorted(external_ids - {None}), {}
        for start in range(0, len(ids), LOOKUP_BATCH):
            batch = ids[start : start + LOOKUP_BATCH]
            for found in Departure.objects.filter(external_id__in=batch).values(*names):
                stored[found["external_id"]] = found
        return stored

    def _resolve_related(self, row: _ParsedRow) -> None:
        """Ids for the names of department and manager; the name itself for one to create."""
        if "department" in row.values:
            name = row.values.pop("department")
            found = self.departments.get(name.casefold())
            if found is None and not self.create_departments:
                message = _("no department with this name (--create-departments adds it)")
                row.errors.append(
                    RowError(row.number, self.plan.header_of("department"), name, message)
                )
            row.values["department_id"] = found or name
        if "manager" in row.values:
            name = row.values.pop("manager")
            row.values["manager_id"] = self.managers.get(name.casefold()) or name

    def _merge(self, row: _ParsedRow, current: dict | None) -> PlannedRow:
        if current is None:
            merged = {"language": new_departure_language(), **row.values}
            department = merged.get("department_id")
            if "manager_id" not in merged and isinstance(department, int):
                merged["manager_id"] = self.department_managers[department]
            return PlannedRow(row.number, merged)
        merged = {name: value for name, value in current.items() if name != "pk"}
        changes = [name for name, value in row.values.items() if merged.get(name) != value]
        merged.update(row.values)
        return PlannedRow(row.number, merged, current["pk"], changes)

    def _check(self, row: _ParsedRow, planned: PlannedRow, is_new: bool) -> None:
        if is_new:
            for name in REQUIRED:
                if name not in row.filled:
                    message = _("required for a new departure")
                    row.errors.append(RowError(row.number, self.plan.header_of(name), "", message))
        hire_date, leave_date = planned.values.get("hire_date"), planned.values.get("leave_date")
        if not dates_in_order(hire_date, leave_date):
            message = _("the hire date %(hire)s is after the leave date %(leave)s") % {
                "hire": hire_date.isoformat(),
                "leave": leave_date.isoformat(),
            }
            name = "hire_date" if "hire_date" in row.values else "leave_date"
            value = planned.values[name].isoformat()
            row.errors.append(RowError(row.number, self.plan.header_of(name), value, message))


def _attributes(mapping: Mapping) -> list[str]:
    """The model attributes the columns fill, once each."""
    found = {}
    for name in mapping.columns.values():
        attribute = "full_name" if name in NAME_PARTS else RELATED.get(name, name)
        found[attribute] = True
    return list(found)


def _by_name(pairs) -> dict[str, int]:
    """Names without regard to case; of two that differ only in case, the older one."""
    found = {}
    for name, pk in sorted(pairs, key=lambda pair: -pair[1]):
        found[name.casefold()] = pk
    return found


def _new_names(rows: list[PlannedRow], attribute: str) -> list[str]:
    """Departments or managers to create: those named by rows that go in, once each."""
    names = {}
    for row in rows:
        value = row.values.get(attribute)
        if isinstance(value, str):
            names.setdefault(value.casefold(), value)
    return sorted(names.values(), key=str.casefold)


def apply_plan(
    plan: Plan, by: User | None = None, file_name: str = "", skip_bad_rows: bool = False
) -> None:
    """Create and update what the plan says, all in one transaction (the departures service,
    `apply_import`). A plan with rejected rows is refused (RowsRejected) unless
    `skip_bad_rows`: then only its good rows go in. `file_name` names the file in the audit log
    when the plan's path is a stored upload."""
    if plan.errors and not skip_bad_rows:
        raise RowsRejected(
            ngettext(
                "%(count)s row is rejected, so nothing was imported.",
                "%(count)s rows are rejected, so nothing was imported.",
                len(plan.rejected),
            )
            % {"count": f"{len(plan.rejected):,}"}
        )
    apply_import(import_batch(plan, file_name), by)


def import_batch(plan: Plan, file_name: str = "") -> ImportBatch:
    """What the departures service writes for this plan (its good rows)."""
    return ImportBatch(
        source=file_name or plan.path.name,
        create=[row.values for row in plan.create],
        update=[(row.departure_id, row.values) for row in plan.update],
        attributes=_attributes(plan.mapping),
        new_departments=plan.new_departments,
        new_managers=plan.new_managers,
        rejected=len(plan.rejected),
        skipped_bad_rows=bool(plan.errors),
    )
