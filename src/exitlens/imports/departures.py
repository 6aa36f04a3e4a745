"""Import departures from a spreadsheet: first a plan of what would change, then, if wanted,
the plan applied in one transaction.

Rows with an HR system id that is already stored update that departure; every other row
creates one. On an update, an empty cell keeps what is stored. Departments and managers are
matched by name without regard to case; new managers are created, new departments only when
asked. Departments, managers and existing departures are looked up in bulk, never per row.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.core.models import Department, Departure, Interview, Manager, User
from exitlens.core.services.audit import record_audit
from exitlens.core.services.departures import audit_imported_address_changes
from exitlens.core.signals import departures_imported
from exitlens.imports import values
from exitlens.imports.mapping import Mapping, map_columns, parse_overrides
from exitlens.imports.spreadsheets import SpreadsheetError, open_sheet
from exitlens.insights import summaries

BATCH = 1_000
LOOKUP_BATCH = 500  # ids in one `IN (...)`: within SQLite's limit on parameters
REQUIRED = ("full_name", "department", "leave_date")
RELATED = {"department": "department_id", "manager": "manager_id"}


@dataclass
class RowError:
    row: int
    column: str
    value: str
    message: str


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

    @property
    def rejected(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    def header_of(self, name: str) -> str:
        """The column a field came from, or the field's own name when the file lacks it."""
        index = self.mapping.column_of(name)
        return self.headers[index] if index is not None else label(name)


def label(name: str) -> str:
    return str(Departure._meta.get_field(name).verbose_name)


def build_plan(path: Path, overrides: list[str] = (), create_departments: bool = False) -> Plan:
    """Read and check the whole file; raises SpreadsheetError when it cannot be used at all."""
    path = Path(path)
    with open_sheet(path) as sheet:
        try:
            mapping = map_columns(sheet.headers, parse_overrides(list(overrides)))
        except SpreadsheetError as error:
            raise SpreadsheetError(f"{path}: {error}") from None
        plan = Plan(path=path, headers=sheet.headers, mapping=mapping)
        rows = [_parse_row(plan, number, cells) for number, cells in sheet.rows]
    plan.rows_read = len(rows)
    _reject_duplicate_ids(plan, rows)
    _Resolver(plan, create_departments).resolve(rows)
    return plan


@dataclass
class _ParsedRow:
    number: int
    values: dict = field(default_factory=dict)  # typed, by field name
    filled: set = field(default_factory=set)  # fields with a cell, readable or not
    errors: list[RowError] = field(default_factory=list)


def _parse_row(plan: Plan, number: int, cells: list) -> _ParsedRow:
    row = _ParsedRow(number)
    for index, name in plan.mapping.columns.items():
        cell = cells[index] if index < len(cells) else None
        if values.text(cell) == "":
            continue
        row.filled.add(name)
        try:
            row.values[name] = _typed(name, cell)
        except ValueError as error:
            row.errors.append(RowError(number, plan.headers[index], values.text(cell), str(error)))
    return row


def _typed(name: str, cell):
    if name in ("hire_date", "leave_date"):
        return values.to_date(cell)
    if name in ("regrettable", "eligible_for_rehire"):
        return values.to_bool(cell)
    if name == "departure_type":
        return values.to_choice(cell, values.DEPARTURE_TYPES)
    if name == "outcome":
        return values.to_choice(cell, values.OUTCOMES)
    if name == "language":
        return values.to_language(cell, [code for code, _name in settings.LANGUAGES])
    value = values.text(cell)
    if name in ("work_email", "personal_email"):
        try:
            validate_email(value)
        except ValidationError:
            raise ValueError(_("%(value)s is not an e-mail address") % {"value": value}) from None
    if name in RELATED:
        limit = (Department if name == "department" else Manager)._meta.get_field("name").max_length
    else:
        limit = Departure._meta.get_field(name).max_length
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
            current = stored.get(row.values.get("external_id"))
            self._resolve_related(row)
            planned = self._merge(row, current)
            self._check(row, planned, current is None)
            self.plan.errors.extend(row.errors)
            if row.errors:
                continue
            if current is None:
                self.plan.create.append(planned)
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
        names |= {RELATED.get(name, name) for name in self.plan.mapping.columns.values()}
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
            merged = {"language": settings.LANGUAGE_CODE, **row.values}
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
        if hire_date and leave_date and hire_date > leave_date:
            message = _("the hire date %(hire)s is after the leave date %(leave)s") % {
                "hire": hire_date.isoformat(),
                "leave": leave_date.isoformat(),
            }
            name = "hire_date" if "hire_date" in row.values else "leave_date"
            value = planned.values[name].isoformat()
            row.errors.append(RowError(row.number, self.plan.header_of(name), value, message))


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


def apply_plan(plan: Plan, by: User | None = None, file_name: str = "") -> None:
    """Create and update what the plan says, all in one transaction; rejected rows stay out.
    `file_name` names the file in the audit log when the plan's path is a stored upload."""
    with transaction.atomic():
        department_ids = _create(Department, plan.new_departments)
        manager_ids = _create(Manager, plan.new_managers)
        now = timezone.now()
        created_ids: list[int] = []
        for start in range(0, len(plan.create), BATCH):
            batch = plan.create[start : start + BATCH]
            departures = [
                Departure(**_with_ids(row.values, department_ids, manager_ids)) for row in batch
            ]
            for departure in departures:
                departure.invite_on = invitation_day(departure)
            created_ids.extend(d.pk for d in Departure.objects.bulk_create(departures))
        fields = [RELATED.get(name, name) for name in plan.mapping.columns.values()]
        for start in range(0, len(plan.update), BATCH):
            batch = [
                {**_with_ids(row.values, department_ids, manager_ids), "id": row.departure_id}
                for row in plan.update[start : start + BATCH]
            ]
            audit_imported_address_changes(by, batch, via="import")
            _update(batch, fields, now)
        # Bulk writes send no signals: bring the insights up to date here.
        summaries.changed()
        interview_ids = _interviews_of([row.departure_id for row in plan.update])
        if interview_ids:
            summaries.summarise(interview_ids)
        record_audit(
            by,
            "departures.imported",
            file_name or plan.path.name,
            created=len(plan.create),
            updated=len(plan.update),
            rejected=len(plan.rejected),
            departments_created=len(plan.new_departments),
            managers_created=len(plan.new_managers),
        )
        departures_imported.send(
            sender=Departure,
            departure_ids=created_ids + [row.departure_id for row in plan.update],
            created=len(plan.create),
            updated=len(plan.update),
        )


def invitation_day(departure: Departure) -> date | None:
    """When `send-reminders` invites a new departure automatically, if the settings say so."""
    if departure.departure_type not in settings.EXITLENS_AUTO_INVITE_TYPES:
        return None
    if not departure.invitation_email:
        return None
    return departure.leave_date + timedelta(days=settings.EXITLENS_AUTO_INVITE_DAYS)


def _create(model, names: list[str]) -> dict[str, int]:
    """Ids of the new departments or managers, by their name without case."""
    created = model.objects.bulk_create([model(name=name) for name in names], batch_size=BATCH)
    return {item.name.casefold(): item.pk for item in created}


def _with_ids(row: dict, department_ids: dict, manager_ids: dict) -> dict:
    row = dict(row)
    for attribute, new_ids in (("department_id", department_ids), ("manager_id", manager_ids)):
        if isinstance(row.get(attribute), str):
            row[attribute] = new_ids[row[attribute].casefold()]
    return row


def _update(rows: list[dict], attributes: list[str], now) -> None:
    """UPDATE ... WHERE id = %s once per row, sent in one go: bulk_update() builds a CASE per
    field and row, and took minutes for 100,000 rows."""
    meta = Departure._meta
    fields = [meta.get_field(attribute) for attribute in attributes]
    updated_at = meta.get_field("updated_at")
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in [*fields, updated_at])
    # Names come from the model, values go as parameters.
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    parameters = [
        [field.get_db_prep_save(row[field.attname], connection) for field in fields]
        + [updated_at.get_db_prep_save(now, connection), row["id"]]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, parameters)


def _interviews_of(departure_ids: list[int]) -> list[int]:
    found = []
    for start in range(0, len(departure_ids), LOOKUP_BATCH):
        batch = departure_ids[start : start + LOOKUP_BATCH]
        found += Interview.objects.filter(departure_id__in=batch).values_list("pk", flat=True)
    return found
