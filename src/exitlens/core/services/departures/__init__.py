"""Departures: the one door every route that writes one goes through (HR pages, API, imports).

- `rules`: what makes a departure valid (`DepartureRules`, `DepartureInvalid`).
- `changes`: register, change or delete one departure, audited.
- `imports`: write a checked import plan in bulk, in one transaction, audited.
- `audit`: audit entries for changed invitation addresses.
- `filters`: which departures a list shows.
"""

from exitlens.core.services.departures.audit import (
    ADDRESS_FIELDS,
    audit_address_changes,
    audit_imported_address_changes,
)
from exitlens.core.services.departures.changes import (
    delete_departure,
    register_departure,
    update_departure,
)
from exitlens.core.services.departures.filters import filter_departures
from exitlens.core.services.departures.imports import ImportBatch, apply_import, invitation_day
from exitlens.core.services.departures.rules import (
    DATES_OUT_OF_ORDER,
    DUPLICATE_ID,
    EDITABLE_FIELDS,
    DepartureInvalid,
    DepartureRules,
    clean_external_id,
    dates_in_order,
    field_values,
    new_departure_language,
)

__all__ = [
    "ADDRESS_FIELDS",
    "DATES_OUT_OF_ORDER",
    "DUPLICATE_ID",
    "EDITABLE_FIELDS",
    "DepartureInvalid",
    "DepartureRules",
    "ImportBatch",
    "apply_import",
    "audit_address_changes",
    "audit_imported_address_changes",
    "clean_external_id",
    "dates_in_order",
    "delete_departure",
    "field_values",
    "filter_departures",
    "invitation_day",
    "new_departure_language",
    "register_departure",
    "update_departure",
]
