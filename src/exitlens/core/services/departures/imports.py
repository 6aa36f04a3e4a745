"""Departures written in bulk from an import plan: one transaction, bulk statements, one audit
entry for the file and one per changed invitation address.

The importer (exitlens.imports.departures) reads and checks the spreadsheet; what it hands over
here is rows of model values that passed the rules (`rules.dates_in_order`, the required
fields), with new departments and managers named rather than numbered.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from exitlens.core.models import Department, Departure, Manager, User
from exitlens.core.services.audit import record_audit
from exitlens.core.services.departures.audit import audit_imported_address_changes
from exitlens.core.signals import departures_imported

BATCH = 1_000


@dataclass
class ImportBatch:
    """What an import writes. Values are by model attribute; a `department_id` or `manager_id`
    that is a string names one of `new_departments` or `new_managers`."""

    source: str  # the file's name, for the audit log
    create: list[dict] = field(default_factory=list)
    update: list[tuple[int, dict]] = field(default_factory=list)  # (departure id, values)
    attributes: list[str] = field(default_factory=list)  # what an update writes
    new_departments: list[str] = field(default_factory=list)
    new_managers: list[str] = field(default_factory=list)
    rejected: int = 0  # rows left out because they were refused
    skipped_bad_rows: bool = False


def apply_import(batch: ImportBatch, by: User | None = None) -> list[int]:
    """Create and update the departures in one transaction and return their ids (created
    first). Audits `departures.imported` and each changed address, and sends
    `departures_imported`, whose receivers bring the insights up to date (bulk writes send no
    model signals)."""
    with transaction.atomic():
        department_ids = _create(Department, batch.new_departments)
        manager_ids = _create(Manager, batch.new_managers)
        now = timezone.now()
        created_ids: list[int] = []
        for start in range(0, len(batch.create), BATCH):
            departures = [
                Departure(**_with_ids(values, department_ids, manager_ids))
                for values in batch.create[start : start + BATCH]
            ]
            for departure in departures:
                departure.invite_on = invitation_day(departure)
            created_ids.extend(d.pk for d in Departure.objects.bulk_create(departures))
        for start in range(0, len(batch.update), BATCH):
            rows = [
                {**_with_ids(values, department_ids, manager_ids), "id": pk}
                for pk, values in batch.update[start : start + BATCH]
            ]
            audit_imported_address_changes(by, rows, via="import")
            _update(rows, batch.attributes, now)
        updated_ids = [pk for pk, _values in batch.update]
        record_audit(
            by,
            "departures.imported",
            batch.source,
            created=len(batch.create),
            updated=len(batch.update),
            rejected=batch.rejected,
            skipped_bad_rows=batch.skipped_bad_rows,
            departments_created=len(batch.new_departments),
            managers_created=len(batch.new_managers),
        )
        departures_imported.send(
            sender=Departure,
            departure_ids=created_ids + updated_ids,
            created=len(batch.create),
            updated=len(batch.update),
        )
    return created_ids + updated_ids


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


def _with_ids(values: dict, department_ids: dict, manager_ids: dict) -> dict:
    values = dict(values)
    for attribute, new_ids in (("department_id", department_ids), ("manager_id", manager_ids)):
        if isinstance(values.get(attribute), str):
            values[attribute] = new_ids[values[attribute].casefold()]
    return values


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
