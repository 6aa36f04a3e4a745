"""Which departures a list shows: the one filter behind the HR departure list and the API."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet

from exitlens.core.models import Department, Departure, Interview


def filter_departures(
    departures: QuerySet[Departure],
    *,
    search: str = "",
    department: Department | None = None,
    departure_type: str = "",
    interview_states: Iterable[str] = (),
    outcome: str = "",
    leave_from: date | None = None,
    leave_to: date | None = None,
    regrettable: bool | None = None,
    external_id: str = "",
) -> QuerySet[Departure]:
    """Departures that match every criterion given; an empty one does not filter."""
    if search := search.strip():
        departures = departures.filter(
            Q(full_name__icontains=search)
            | Q(work_email__icontains=search)
            | Q(personal_email__icontains=search)
            | Q(external_id__icontains=search)
            | Q(job_title__icontains=search)
        )
    if department:
        departures = departures.filter(department=department)
    if departure_type:
        departures = departures.filter(departure_type=departure_type)
    if states := list(interview_states):
        departures = departures.alias(state=Interview.state_expression()).filter(state__in=states)
    if outcome:
        departures = departures.filter(outcome=outcome)
    if leave_from:
        departures = departures.filter(leave_date__gte=leave_from)
    if leave_to:
        departures = departures.filter(leave_date__lte=leave_to)
    if regrettable is not None:
        departures = departures.filter(regrettable=regrettable)
    if external_id:
        departures = departures.filter(external_id=external_id)
    return departures
