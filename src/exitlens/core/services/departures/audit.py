"""Audit entries for changed invitation addresses, shared by single changes and imports."""

from django.http import HttpRequest

from exitlens.core.models import Departure, User
from exitlens.core.services.audit import departure_subject, record_audit

# Where invitations go: a change could hand a leaver's link to someone else, so each is audited
# with the old and the new address (docs/confidentiality.md).
ADDRESS_FIELDS = ("work_email", "personal_email")


def audit_address_changes(
    by: User | None,
    departure: Departure,
    before: dict,
    *,
    request: HttpRequest | None = None,
    via: str = "",
) -> int:
    """Write one `departure.address_changed` entry per address that differs from `before`."""
    changed = 0
    for name in ADDRESS_FIELDS:
        old, new = before.get(name) or "", getattr(departure, name) or ""
        if name in before and old != new:
            record_audit(
                by,
                "departure.address_changed",
                departure_subject(departure),
                request=request,
                field=name,
                old=old,
                new=new,
                via=via,
            )
            changed += 1
    return changed


def audit_imported_address_changes(by: User | None, rows: list[dict], *, via: str) -> int:
    """`audit_address_changes` for departures about to be updated in bulk: rows hold the new
    values by field name and the departure's "id"."""
    touched = [row for row in rows if any(name in row for name in ADDRESS_FIELDS)]
    if not touched:
        return 0
    stored = {
        departure.pk: departure
        for departure in Departure.objects.filter(pk__in=[row["id"] for row in touched]).only(
            "pk", "code", "full_name", *ADDRESS_FIELDS
        )
    }
    changed = 0
    for row in touched:
        departure = stored.get(row["id"])
        if departure is None:
            continue
        before = {name: getattr(departure, name) for name in ADDRESS_FIELDS if name in row}
        for name in before:
            setattr(departure, name, row[name] or "")
        changed += audit_address_changes(by, departure, before, via=via)
    return changed
