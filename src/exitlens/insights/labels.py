"""Names people read for what the figures count by id: themes, segments and filters."""

from django.utils.translation import gettext as _

from exitlens.analysis import taxonomy
from exitlens.core import segments
from exitlens.core.languages import ui_language
from exitlens.core.models import Department, Departure, Manager
from exitlens.insights.figures import OTHER
from exitlens.insights.filters import DIMENSIONS, Filters


def theme_label(theme: str) -> str:
    return taxonomy.theme_label(theme, ui_language())


def retention_measure(theme: str) -> str:
    return taxonomy.retention_measure(theme, ui_language())


def segment_labels(dimension: str, keys: list[str]) -> dict[str, str]:
    """key -> name for the segments of a breakdown (one query for departments or managers)."""
    named = {OTHER: _("Other (small groups together)"), segments.UNKNOWN: _("Not known")}
    ids = [int(key) for key in keys if key.isdigit()]
    if dimension == "department":
        named |= {
            str(pk): name
            for pk, name in Department.objects.filter(pk__in=ids).values_list("pk", "name")
        }
    elif dimension == "manager":
        named |= {
            str(pk): name
            for pk, name in Manager.objects.filter(pk__in=ids).values_list("pk", "name")
        }
    elif dimension == "departure_type":
        named |= {value: str(label) for value, label in Departure.Type.choices}
    return {key: named.get(key, key) for key in keys}


def dimension_label(dimension: str) -> str:
    return str(dict(DIMENSIONS)[dimension])


def describe(filters: Filters) -> list[tuple[str, str]]:
    """The filters in words, for the report's cover and the exports."""
    from django.utils.formats import date_format

    found = [
        (_("Period"), f"{date_format(filters.start)} – {date_format(filters.end)}"),
        (_("Department"), filters.department.name if filters.department else _("All")),
    ]
    if filters.manager:
        found.append((_("Manager"), filters.manager.name))
    if filters.job_title:
        found.append((_("Job title"), filters.job_title))
    if filters.location:
        found.append((_("Location"), filters.location))
    if filters.age_band:
        found.append((_("Age band"), filters.age_band))
    if filters.tenure_band:
        found.append((_("Tenure"), _("%(band)s years") % {"band": filters.tenure_band}))
    if filters.departure_type:
        found.append((_("Type of departure"), str(Departure.Type(filters.departure_type).label)))
    if filters.regrettable is not None:
        found.append((_("Regrettable"), _("Yes") if filters.regrettable else _("No")))
    return found
