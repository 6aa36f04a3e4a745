"""Registering and changing one departure, as HR does on the departure pages or through the API."""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from exitlens.core.models import Departure, User
from exitlens.core.services.audit import departure_subject, record_audit
from exitlens.core.services.departures.audit import audit_address_changes
from exitlens.core.services.departures.rules import (
    DUPLICATE_ID,
    EDITABLE_FIELDS,
    DepartureInvalid,
    DepartureRules,
    field_values,
    new_departure_language,
)


def register_departure(
    by: User | None,
    data: Mapping | DepartureRules,
    *,
    request: HttpRequest | None = None,
    **audit_data,
) -> Departure:
    """Check and store a new departure and audit `departure.created`; raises DepartureInvalid.

    `data` is either values by field name (what is left out takes the model's default, the
    language the site's) or a bound DepartureRules form, which then carries any errors.
    `audit_data` goes into the audit entry (the API names its token)."""
    form = data if isinstance(data, DepartureRules) else DepartureRules(_with_defaults(data))
    with transaction.atomic():
        departure = _save(form)
        record_audit(
            by, "departure.created", departure_subject(departure), request=request, **audit_data
        )
    return departure


def update_departure(
    by: User | None,
    departure: Departure,
    data: Mapping | DepartureRules,
    *,
    request: HttpRequest | None = None,
    via: str = "",
    **audit_data,
) -> Departure:
    """Check and store changes to a departure; raises DepartureInvalid.

    `data` is either a bound DepartureRules form for `departure` (every field given, as the HR
    form posts them) or values by field name: those left out keep what is stored, and the
    department's manager fills in only for a manager given as empty. Audits
    `departure.changed` with the names of the changed fields (never their values), and each
    changed invitation address with old and new (`via` says through which route)."""
    with transaction.atomic():
        # Locked, and read afresh: a bound form may have written its values on `departure`.
        stored = Departure.objects.select_for_update().get(pk=departure.pk)
        before = field_values(stored)
        if isinstance(data, DepartureRules):
            if data.instance.pk != departure.pk:
                raise ValueError("The form is bound to another departure.")
            form = data
        else:
            form = DepartureRules({**before, **data}, instance=departure)
            form.fill_manager = "manager" in data
        departure = _save(form)
        after = field_values(departure)
        changed = [name for name in EDITABLE_FIELDS if before[name] != after[name]]
        if changed:
            record_audit(
                by,
                "departure.changed",
                departure_subject(departure),
                request=request,
                fields=changed,
                **audit_data,
            )
        audit_address_changes(by, departure, before, request=request, via=via)
    return departure


def delete_departure(
    by: User | None, departure: Departure, *, request: HttpRequest | None = None
) -> None:
    """Delete a departure, audited first. The named or confidential interview, its answers and
    the invitations go with it."""
    with transaction.atomic():
        record_audit(by, "departure.deleted", departure_subject(departure), request=request)
        departure.delete()


def _with_defaults(data: Mapping) -> dict:
    values = {}
    for name in EDITABLE_FIELDS:
        field = Departure._meta.get_field(name)
        if field.has_default():
            values[name] = field.get_default()
    values["language"] = new_departure_language()
    return values | dict(data.items())


def _save(form: DepartureRules) -> Departure:
    """Validate and save in a savepoint: an HR system id taken meanwhile is refused as one
    taken before (DepartureInvalid), not a database error."""
    if not form.is_valid():
        errors = {name: list(messages) for name, messages in form.errors.items()}
        raise DepartureInvalid(errors, form)
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        form.add_error("external_id", DUPLICATE_ID)
        raise DepartureInvalid({"external_id": [str(DUPLICATE_ID)]}, form) from None
