"""The filters of the insights: which departures and which completed interviews a view counts.

Every filter lives in the URL, so a view can be bookmarked and shared. Anonymous interviews keep
only their department, tenure band and quarter of leaving: a filter on anything else (manager,
job title, location, age band, type of departure, regrettable) leaves them out, and the page
says so.

The free-text filters (job title, location, age band) and the managers offer only values that at
least EXITLENS_MIN_GROUP_SIZE departures hold, and refuse any other value with the same words,
so the form tells no one whether a rarer value exists (see disclosure.py for the rest).
"""

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from exitlens.core import segments
from exitlens.core.models import Department, Departure, Manager

GRANULARITIES = (("quarter", _("Quarter")), ("month", _("Month")))
DIMENSIONS = (
    ("department", _("Department")),
    ("tenure_band", _("Tenure")),
    ("departure_type", _("Type of departure")),
    ("location", _("Location")),
    ("job_title", _("Job title")),
    ("age_band", _("Age band")),
    ("manager", _("Manager")),
)
REGRETTABLE_CHOICES = (("", _("All")), ("yes", _("Regrettable")), ("no", _("Not regrettable")))
# Every period is capped, for every role and every route (page, report, PDF, export, API): one
# open-ended or far-off date once kept a worker busy for five minutes.
LONGEST_PERIOD_YEARS = 20
EARLIEST = date(1990, 1, 1)
FUTURE_DAYS = 366  # departures are announced ahead, but not more than a year


def latest_day(today: date) -> date:
    return today + timedelta(days=FUTURE_DAYS)


FILTER_NAMES = (  # the filters besides the period, in the order the checks visit them
    "department",
    "manager",
    "job_title",
    "location",
    "age_band",
    "tenure_band",
    "departure_type",
    "regrettable",
)
LISTED_FILTERS = ("job_title", "location", "age_band")  # free text, offered from a list


def default_period(today: date) -> tuple[date, date]:
    """The current month and the eleven before it."""
    months_back = today.year * 12 + today.month - 1 - 11
    return date(months_back // 12, months_back % 12 + 1, 1), today


def period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The period a view counts: an open end is today, an open start the twelve months up to
    the end (so an open range never stretches further than the default)."""
    if end is None:
        end = today if start is None or start <= today else latest_day(today)
    if start is None:
        start = default_period(end)[0]
    return start, end


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def common_values(name: str, limit: int = 500) -> list[str]:
    """The values of a free-text filter that at least the minimum group of departures hold:
    the only ones offered and accepted, so a rarer value is neither listed nor confirmed."""
    return list(
        Departure.objects.exclude(**{name: ""})
        .values_list(name)
        .annotate(n=Count("pk"))
        .filter(n__gte=settings.EXITLENS_MIN_GROUP_SIZE)
        .order_by(name)
        .values_list(name, flat=True)[:limit]
    )


def common_managers() -> QuerySet[Manager]:
    """Managers of at least the minimum group of departures, the only ones offered."""
    return Manager.objects.annotate(held=Count("departure")).filter(
        held__gte=settings.EXITLENS_MIN_GROUP_SIZE
    )


class InsightFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)
    department = forms.ModelChoiceField(
        Department.objects.all(), label=_("Department"), required=False
    )
    manager = forms.ModelChoiceField(Manager.objects.all(), label=_("Manager"), required=False)
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=200)
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    age_band = forms.CharField(label=_("Age band"), required=False, max_length=30)
    tenure_band = forms.ChoiceField(
        label=_("Tenure"),
        required=False,
        choices=[("", _("All")), *((band, band) for band in segments.TENURE_BANDS)],
    )
    departure_type = forms.ChoiceField(
        label=_("Type of departure"),
        required=False,
        choices=[("", _("All")), *Departure.Type.choices],
    )
    regrettable = forms.ChoiceField(
        label=_("Regrettable"), required=False, choices=REGRETTABLE_CHOICES
    )
    granularity = forms.ChoiceField(label=_("Trend per"), required=False, choices=GRANULARITIES)
    by = forms.ChoiceField(label=_("Break down by"), required=False, choices=DIMENSIONS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = common_managers()  # the threshold is read per request

    def clean_job_title(self) -> str:
        return self._listed("job_title")

    def clean_location(self) -> str:
        return self._listed("location")

    def clean_age_band(self) -> str:
        return self._listed("age_band")

    def _listed(self, name: str) -> str:
        """A value from the list, or an error that reads the same for a value held by too few
        departures as for one held by none: the form is no oracle."""
        value = self.cleaned_data.get(name, "").strip()
        if value and not (
            Departure.objects.filter(**{name: value})
            .values(name)
            .annotate(n=Count("pk"))
            .filter(n__gte=settings.EXITLENS_MIN_GROUP_SIZE)
            .exists()
        ):
            raise forms.ValidationError(_("Choose one of the listed values."), code="not_listed")
        return value

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        latest = latest_day(today)
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not EARLIEST <= day <= latest:
                self.add_error(
                    name,
                    _("Choose a date between %(earliest)s and %(latest)s.")
                    % {"earliest": date_format(EARLIEST), "latest": date_format(latest)},
                )
        if "start" in self.errors or "end" in self.errors:
            return cleaned
        start, end = period(cleaned.get("start"), cleaned.get("end"), today)
        if start > end:
            self.add_error("end", _("The end of the period lies before its start."))
        elif end.year - start.year > LONGEST_PERIOD_YEARS or (
            end.year - start.year == LONGEST_PERIOD_YEARS
            and (end.month, end.day) >= (start.month, start.day)
        ):
            self.add_error(
                "start",
                _("Choose a period of at most %(years)d years.") % {"years": LONGEST_PERIOD_YEARS},
            )
        return cleaned

    def filters(self, today: date | None = None) -> "Filters":
        """The filters of a valid form, defaults filled in."""
        data = self.cleaned_data
        start, end = period(data.get("start"), data.get("end"), today or timezone.localdate())
        return Filters(
            start=start,
            end=end,
            department=data.get("department"),
            manager=data.get("manager"),
            job_title=data.get("job_title") or "",
            location=data.get("location") or "",
            age_band=data.get("age_band") or "",
            tenure_band=data.get("tenure_band") or "",
            departure_type=data.get("departure_type") or "",
            regrettable={"yes": True, "no": False}.get(data.get("regrettable") or ""),
            granularity=data.get("granularity") or "quarter",
            by=data.get("by") or "department",
        )


@dataclass(frozen=True)
class Filters:
    """What a view counts. The period is whole months: the start moves to the first day of its
    month and the end to the last day of its month, so every figure, the cache key and the URL
    use whole months, and two views whose dates differ within a month are the same view.

    Named and confidential interviews count by their departure's leave date. Anonymous ones by
    the period they kept: a quarter ("2026-Q2") counts when it overlaps the period, a year
    ("2025", generalised at release) only when the whole year lies within the period, and an
    unknown period ("") never counts. A department filter counts an anonymous interview whose
    (possibly generalised) department lies within it; one generalised to the whole organisation
    (no department) counts only in views without a department filter.
    """

    start: date
    end: date
    department: Department | None = None
    manager: Manager | None = None
    job_title: str = ""
    location: str = ""
    age_band: str = ""
    tenure_band: str = ""
    departure_type: str = ""
    regrettable: bool | None = None
    granularity: str = "quarter"
    by: str = "department"

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", first_of_month(self.start))
        object.__setattr__(self, "end", last_of_month(self.end))

    def active(self) -> list[str]:
        """The names of the filters set, besides the period."""
        return [name for name in FILTER_NAMES if getattr(self, name) not in (None, "")]

    def without(self, name: str) -> "Filters":
        """These filters with `name` unset."""
        return dataclasses.replace(self, **{name: None if name in NULLABLE else ""})

    @property
    def department_ids(self) -> list[int] | None:
        """The chosen department and every department below it."""
        if self.department is None:
            return None
        children: dict[int | None, list[int]] = {}
        for pk, parent in Department.objects.values_list("pk", "parent_id"):
            children.setdefault(parent, []).append(pk)
        found, todo = [], [self.department.pk]
        while todo:
            pk = todo.pop()
            found.append(pk)
            todo.extend(children.get(pk, []))
        return found

    @property
    def excludes_anonymous(self) -> bool:
        """A filter on something an anonymous interview no longer carries."""
        return bool(
            self.manager
            or self.job_title
            or self.location
            or self.age_band
            or self.departure_type
            or self.regrettable is not None
        )

    def departures(self, *, period: bool = True) -> QuerySet[Departure]:
        """The departures in view; with period=False, of all time (the other filters hold)."""
        departures = Departure.objects.all()
        if period:
            departures = departures.filter(leave_date__range=(self.start, self.end))
        ids = self.department_ids
        if ids is not None:
            departures = departures.filter(department_id__in=ids)
        if self.manager:
            departures = departures.filter(manager=self.manager)
        if self.job_title:
            departures = departures.filter(job_title=self.job_title)
        if self.location:
            departures = departures.filter(location=self.location)
        if self.age_band:
            departures = departures.filter(age_band=self.age_band)
        if self.departure_type:
            departures = departures.filter(departure_type=self.departure_type)
        if self.regrettable is not None:
            departures = departures.filter(regrettable=self.regrettable)
        if self.tenure_band:
            departures = departures.annotate(band=tenure_band_expression()).filter(
                band=self.tenure_band
            )
        return departures

    def leavers(self) -> QuerySet:
        """The summaries (insights.models.Leaver) of the completed interviews in view: named
        and confidential ones through their departure, anonymous ones through what they kept
        (see the class docstring). The writes keep them fresh (summaries.py)."""
        from exitlens.insights.models import Leaver

        if self.excludes_anonymous:
            return Leaver.objects.filter(self.linked())
        return Leaver.objects.filter(self.linked() | self.anonymous())

    def anonymous(self) -> Q:
        """The summaries of anonymous interviews that the period, department and tenure band
        select (the other filters leave every anonymous interview out)."""
        anonymous = Q(departure__isnull=True, leave_quarter__in=self.quarters() + self.years())
        ids = self.department_ids
        if ids is not None:
            anonymous &= Q(department_id__in=ids)
        if self.tenure_band:
            anonymous &= Q(tenure_band=self.tenure_band)
        return anonymous

    def linked(self, *, period: bool = True) -> Q:
        """The summaries of named and confidential interviews in view (of all time with
        period=False), selected through what their departure carries."""
        linked = Q(departure__isnull=False)
        if period:
            linked &= Q(leave_date__range=(self.start, self.end))
        ids = self.department_ids
        if ids is not None:
            linked &= Q(department_id__in=ids)
        if self.manager:
            linked &= Q(manager=self.manager)
        if self.job_title:
            linked &= Q(job_title=self.job_title)
        if self.location:
            linked &= Q(location=self.location)
        if self.age_band:
            linked &= Q(age_band=self.age_band)
        if self.departure_type:
            linked &= Q(departure_type=self.departure_type)
        if self.regrettable is not None:
            linked &= Q(regrettable=self.regrettable)
        if self.tenure_band:
            linked &= Q(tenure_band=self.tenure_band)
        return linked

    def years(self) -> list[str]:
        """The years that lie wholly within the period, as anonymous interviews keep them."""
        return [
            str(year)
            for year in range(self.start.year, self.end.year + 1)
            if self.start <= date(year, 1, 1) and date(year, 12, 31) <= self.end
        ]

    def quarters(self) -> list[str]:
        found, day = [], date(self.start.year, (self.start.month - 1) // 3 * 3 + 1, 1)
        while day <= self.end:
            found.append(segments.quarter(day))
            day = date(day.year + (day.month + 2) // 12, (day.month + 2) % 12 + 1, 1)
        return found

    def query(self, **changes) -> str:
        """The URL query of these filters (with `changes`), for links and bookmarks."""
        values = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "department": self.department.pk if self.department else "",
            "manager": self.manager.pk if self.manager else "",
            "job_title": self.job_title,
            "location": self.location,
            "age_band": self.age_band,
            "tenure_band": self.tenure_band,
            "departure_type": self.departure_type,
            "regrettable": {True: "yes", False: "no"}.get(self.regrettable, ""),
            "granularity": self.granularity,
            "by": self.by,
        } | changes
        return urlencode({key: value for key, value in values.items() if value != ""})


NULLABLE = ("department", "manager", "regrettable")


def tenure_band_expression() -> Case:
    """A departure's tenure band (see segments.tenure_band) computed by the database."""

    def hired_after(years: float) -> Q:
        return Q(hire_date__gt=F("leave_date") - timedelta(days=365.25 * years))

    return Case(
        When(hire_date__isnull=True, then=Value(segments.UNKNOWN)),
        When(hired_after(1), then=Value("<1")),
        When(hired_after(2), then=Value("1-2")),
        When(hired_after(5), then=Value("2-5")),
        When(hired_after(10), then=Value("5-10")),
        default=Value("10+"),
        output_field=CharField(),
    )
