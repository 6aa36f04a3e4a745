"""Attack: subtract two (or three) views of the insights to single out fewer than k leavers.

A viewer sees only aggregates, each on at least k = EXITLENS_MIN_GROUP_SIZE people. But two
views that differ by one filter value or by one day of their period differ by the people in
between: if that difference is 1..k-1 leavers, subtracting the two views' figures shows what
those few said. The issue that started this file: `/insights/export.json` for a quarter minus
the same with `regrettable=yes` and with `regrettable=no` left one anonymous leaver's themes and
score, and comparing `end=d` with `end=d-1` isolated individual theme profiles.

The organisation here is generated with a seeded random.Random: departments with children,
managers, job titles, locations, age bands, tenure, departure types and regrettable marks, leave
dates over two years, a few hundred completed interviews (their summaries written directly, as
`insights.summaries` would) and anonymous interviews released in batches of k. Each attack
computes the views through `compute()` (the choke point every interface uses) or, for one
dimension and the regrettable triple, through the JSON export as a viewer, and asserts that every
difference a viewer could take between shown figures is 0 or at least k people.
"""

import itertools
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core import segments
from exitlens.core.models import Department, Departure, Interview, Invitation, Manager
from exitlens.core.services.questionnaires import current_version
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters, InsightFilterForm
from exitlens.insights.models import Leaver
from tests.conftest import login

K = settings.EXITLENS_MIN_GROUP_SIZE
SEED = 20261126
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2026, 12, 31)
YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
QUARTER = {"start": date(2026, 4, 1), "end": date(2026, 6, 30)}
EARLIER_QUARTER = {"start": date(2025, 7, 1), "end": date(2025, 9, 30)}
TREE = {  # department -> parent
    "Sales": None,
    "Sales North": "Sales",
    "Sales South": "Sales",
    "Operations": None,
    "Warehouse": "Operations",
    "Night shift": "Warehouse",
    "Transport": "Operations",
    "Support": None,
    "Board": None,
}
WEIGHTS = {  # department -> share of departures; Board is tiny
    "Sales": 2,
    "Sales North": 10,
    "Sales South": 8,
    "Operations": 1,
    "Warehouse": 9,
    "Night shift": 3,
    "Transport": 6,
    "Support": 10,
}
JOB_TITLES = {"Agent": 40, "Engineer": 20, "Analyst": 15, "Driver": 15, "Team lead": 8, "": 2}
LOCATIONS = {"Utrecht": 45, "Tilburg": 30, "Amsterdam": 25}
AGE_BANDS = {"18-25": 20, "26-35": 35, "36-45": 25, "46-55": 15, "": 5}
TYPES = {"resignation": 70, "dismissal": 10, "end_of_contract": 10, "retirement": 5, "other": 5}
RARE = {"job_title": "Director", "location": "Remote", "age_band": "56+"}  # three people each


@dataclass
class World:
    departments: dict[str, Department]
    managers: list[Manager]
    rare_manager: Manager
    values: dict[str, list] = field(default_factory=dict)  # filter -> values to try


def pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def theme_mask(rng: random.Random, most: int) -> int:
    return sum(1 << i for i in rng.sample(range(len(THEME_IDS)), rng.randint(0, most)))


def build_world(rng: random.Random, departures: int = 320) -> World:
    """The organisation, its departures and their interviews' summaries (Leaver rows), written
    in bulk: the figures read only Departure, Invitation, Interview and Leaver."""
    version = current_version()
    departments: dict[str, Department] = {}
    for name, parent in TREE.items():
        departments[name] = Department.objects.create(name=name, parent=departments.get(parent))
    managers = [Manager.objects.create(name=f"Manager {n}") for n in range(6)]
    rare_manager = Manager.objects.create(name="Manager rare")
    rows = []
    for _ in range(departures):
        rows.append(_departure(rng, departments[pick(rng, WEIGHTS)], rng.choice(managers)))
    for name, value in RARE.items():  # rare values: three departures each
        for _ in range(3):
            rows.append(_departure(rng, departments["Support"], managers[0], **{name: value}))
    for _ in range(2):
        rows.append(_departure(rng, departments["Board"], rare_manager))
    Departure.objects.bulk_create(rows)
    departures_made = list(Departure.objects.order_by("pk"))
    interviewed = [d for d in departures_made if rng.random() < 0.75]
    interviews, leavers, invitations = [], [], []
    for departure in departures_made:
        if departure in interviewed or rng.random() < 0.5:
            invitations.append(
                Invitation(
                    departure=departure,
                    sent_to="x@example.org",
                    expires_at=datetime(2027, 1, 1, tzinfo=UTC),
                    status=Invitation.Status.COMPLETED,
                )
            )
    for departure in interviewed:
        interview = _interview(version, departure.department, departure=departure)
        interviews.append(interview)
        leavers.append(_leaver(rng, interview, departure))
    # Anonymous interviews, released in batches of k with identical, generalised attributes:
    # (department, period, tenure band); their departures only say that they responded.
    batches = [
        ("Operations", "2025-Q3", "", K + 1),
        ("Sales North", "2026-Q2", "2-5", K),
        (None, "2025", "", K),
        ("Support", "", "", K),  # period unknown: never counted in a period view
    ]
    for department, period, band, size in batches:
        for _ in range(size):
            place = departments[department] if department else departments["Support"]
            left = _day_in(rng, period)
            departure = _departure(rng, place, rng.choice(managers), leave=left)
            departure.responded_anonymously = True
            departure.save()
            interview = _interview(
                version,
                departments[department] if department else None,
                anonymous=True,
                band=band,
                period=period,
            )
            interviews.append(interview)
            leavers.append(_anonymous_leaver(rng, interview))
    Interview.objects.bulk_create(interviews)
    Leaver.objects.bulk_create(leavers)
    Invitation.objects.bulk_create(invitations)
    world = World(departments, managers, rare_manager)
    world.values = {
        "department": list(departments.values()),
        "manager": [*managers, rare_manager],
        "job_title": [*(t for t in JOB_TITLES if t), RARE["job_title"]],
        "location": [*LOCATIONS, RARE["location"]],
        "age_band": [*(a for a in AGE_BANDS if a), RARE["age_band"]],
        "tenure_band": list(segments.TENURE_BANDS),
        "departure_type": list(TYPES),
        "regrettable": [True, False],
    }
    return world


def _day_in(rng: random.Random, period: str) -> date:
    if not period:
        return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 1, 1) + timedelta(days=rng.randrange(365))
    first = date(year, (int(period[-1]) - 1) * 3 + 1, 1)
    return first + timedelta(days=rng.randrange(90))


def _departure(rng: random.Random, department, manager, leave=None, **fixed) -> Departure:
    leave = leave or FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    hired = None if rng.random() < 0.05 else leave - timedelta(days=rng.randrange(15 * 365))
    return Departure(
        full_name=f"Person {uuid.uuid4().hex[:8]}",
        code=uuid.uuid4(),
        department=department,
        manager=manager,
        job_title=fixed.get("job_title", pick(rng, JOB_TITLES)),
        location=fixed.get("location", pick(rng, LOCATIONS)),
        age_band=fixed.get("age_band", pick(rng, AGE_BANDS)),
        hire_date=hired,
        leave_date=leave,
        departure_type=pick(rng, TYPES),
        regrettable=rng.random() < 0.25,
        outcome=(
            Departure.Outcome.RETAINED if rng.random() < 0.1 else Departure.Outcome.EXIT_CONFIRMED
        ),
    )


def _interview(version, department, *, departure=None, anonymous=False, band="", period=""):
    return Interview(
        id=uuid.uuid4(),
        departure=departure,
        questionnaire_version=version,
        mode=Interview.Mode.SELF_SERVICE,
        confidentiality="anonymous" if anonymous else "confidential",
        status=Interview.Status.COMPLETED,
        language="en",
        department=department,
        tenure_band=band if anonymous else departure.tenure_band,
        leave_quarter=period if anonymous else departure.leave_quarter,
    )


def _masks(rng: random.Random) -> dict:
    main = 1 << rng.randrange(len(THEME_IDS))
    contributing, text = theme_mask(rng, 2), theme_mask(rng, 2)
    return {
        "main": main,
        "contributing": contributing,
        "reason_text": text,
        "reasons": main | contributing | text,
        "retention": theme_mask(rng, 2),
        "attraction": theme_mask(rng, 2),
        "liked_most": theme_mask(rng, 2),
        "liked_least": theme_mask(rng, 2),
        "expectations_met": rng.randint(1, 5),
        "recommend": None if rng.random() < 0.1 else rng.randint(0, 10),
    }


def _leaver(rng: random.Random, interview: Interview, departure: Departure) -> Leaver:
    left = departure.leave_date
    return Leaver(
        interview=interview,
        departure=departure,
        department_id=departure.department_id,
        manager_id=departure.manager_id,
        job_title=departure.job_title,
        location=departure.location,
        age_band=departure.age_band,
        tenure_band=departure.tenure_band,
        departure_type=departure.departure_type,
        regrettable=departure.regrettable,
        leave_date=left,
        leave_month=f"{left.year}-{left.month:02d}",
        leave_quarter=departure.leave_quarter,
        confidentiality=interview.confidentiality,
        **_masks(rng),
    )


def _anonymous_leaver(rng: random.Random, interview: Interview) -> Leaver:
    return Leaver(
        interview=interview,
        department=interview.department,
        tenure_band=interview.tenure_band or segments.UNKNOWN,
        leave_quarter=interview.leave_quarter,
        confidentiality=interview.confidentiality,
        **_masks(rng),
    )


@pytest.fixture
def world(db) -> World:
    return build_world(random.Random(SEED))


# What a viewer can read off a view, and the differences that must not single anyone out.


@dataclass
class Seen:
    """The counts a viewer reads off one view: None where the view withholds them."""

    leavers: int | None
    departures: int | None
    themes: dict[str, int]  # "reasons" per theme, as shown


def seen(**filters) -> Seen:
    found = compute(Filters(**filters))
    return Seen(
        found.headline.leavers,
        found.headline.departures,
        {row.theme: row.leavers for row in found.reasons},
    )


def small(difference: int) -> bool:
    return 0 < difference < K


def differences(wide: Seen, narrow: Seen, label: str) -> list[str]:
    """What a viewer would single out by subtracting `narrow` from `wide` (narrow's people are
    among wide's): differences of 1..k-1 people, or themes that differ while nobody does."""
    found = []
    if wide.leavers is not None and narrow.leavers is not None:
        difference = wide.leavers - narrow.leavers
        if small(difference):
            found.append(f"{label}: {difference} leavers")
        elif difference == 0 and wide.themes != narrow.themes:
            found.append(f"{label}: same leavers, other themes")
    if None not in (wide.departures, narrow.departures):
        difference = wide.departures - narrow.departures
        if small(difference):
            found.append(f"{label}: {difference} departures")
    return found


def report(found: list[str]) -> str:
    return f"{len(found)} differences of 1..{K - 1} people, e.g. {found[:8]}"


def ancestors(department: Department) -> list[Department | None]:
    """The departments above this one, then the whole organisation (None)."""
    found, node = [], department.parent
    while node is not None:
        found.append(node)
        node = node.parent
    return [*found, None]


def along(world: World, base: dict, dimension: str) -> list[str]:
    """Every value of `dimension` against the view without that filter (or, for a department,
    against each department above it and the whole organisation), all other filters fixed; and
    the wider view minus every shown value together (the complement a viewer could take)."""
    found = []
    wide = seen(**base)
    shown_leavers, shown_departures = 0, 0
    for value in world.values[dimension]:
        narrow = seen(**base, **{dimension: value})
        label = f"{dimension}={value} in {base}"
        if dimension == "department":
            for above in ancestors(value):
                wider = seen(**base, department=above) if above else wide
                found += differences(wider, narrow, f"{label} vs {above or 'all'}")
        else:
            found += differences(wide, narrow, label)
            shown_leavers += narrow.leavers or 0
            shown_departures += narrow.departures or 0
    if dimension != "department":
        rest = Seen(
            wide.leavers - shown_leavers if wide.leavers is not None else None,
            wide.departures - shown_departures if wide.departures is not None else None,
            {},
        )
        if rest.leavers is not None and small(rest.leavers) and shown_leavers:
            found.append(f"{dimension} in {base}: all minus the shown values: {rest.leavers}")
        if rest.departures is not None and small(rest.departures) and shown_departures:
            found.append(f"{dimension} in {base}: all minus shown: {rest.departures} departures")
    return found


# Along each filter


@pytest.mark.parametrize(
    "dimension",
    [
        "department",
        "manager",
        "job_title",
        "location",
        "age_band",
        "tenure_band",
        "departure_type",
        "regrettable",
    ],
)
def test_it_shows_no_two_views_along_one_filter_that_differ_by_fewer_than_k(world, dimension):
    found = []
    for base in (YEAR, QUARTER, EARLIER_QUARTER):
        found += along(world, base, dimension)
        if dimension != "department":  # and with another filter fixed
            found += along(world, base | {"department": world.departments["Sales"]}, dimension)
    if dimension != "location":
        found += along(world, YEAR | {"location": "Utrecht"}, dimension)

    assert not found, report(found)


# Along the period


def month_starts(first: date, last: date) -> list[date]:
    found, day = [], first.replace(day=1)
    while day <= last:
        found.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return found


def test_it_shows_no_two_views_whose_end_differs_by_a_day_and_fewer_than_k(world):
    rng = random.Random(SEED + 1)
    days = sorted(
        {rng.choice([d, d - timedelta(days=1)]) for d in month_starts(FIRST_DAY, LAST_DAY)}
        | {FIRST_DAY + timedelta(days=rng.randrange(720)) for _ in range(40)}
    )
    found = []
    for base in ({}, {"department": world.departments["Warehouse"]}):
        start = base | {"start": FIRST_DAY}
        for day in days:
            wide, narrow = seen(**start, end=day), seen(**start, end=day - timedelta(days=1))
            found += differences(wide, narrow, f"end {day} vs the day before, {base}")

    assert not found, report(found)


def test_it_shows_no_two_views_whose_end_or_start_differs_by_a_month_and_fewer_than_k(world):
    months = month_starts(FIRST_DAY, LAST_DAY)
    found = []
    for base in ({}, {"department": world.departments["Transport"]}, {"job_title": "Analyst"}):
        for before, after in itertools.pairwise(months):
            end_of = after - timedelta(days=1)
            found += differences(
                seen(**base, start=FIRST_DAY, end=after + timedelta(days=27)),
                seen(**base, start=FIRST_DAY, end=end_of),
                f"end in {after} vs {before}, {base}",
            )
            found += differences(
                seen(**base, start=before, end=LAST_DAY),
                seen(**base, start=after, end=LAST_DAY),
                f"start in {before} vs {after}, {base}",
            )

    assert not found, report(found)


def test_it_lets_no_three_periods_add_up_to_a_small_month(world):
    """[p..m] + [m..n] - [p..n] is month m alone: shown figures must not add up to it."""
    months = month_starts(FIRST_DAY, LAST_DAY)
    found = []
    for base in ({}, {"department": world.departments["Night shift"]}, {"location": "Tilburg"}):
        for p, m, n in zip(months, months[1:], months[2:], strict=False):

            def end(first: date) -> date:
                return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)

            left, right = seen(**base, start=p, end=end(m)), seen(**base, start=m, end=end(n))
            both = seen(**base, start=p, end=end(n))
            for what in ("leavers", "departures"):
                counts = [getattr(view, what) for view in (left, right, both)]
                if None not in counts and small(counts[0] + counts[1] - counts[2]):
                    found.append(
                        f"{what} of {m} alone, {base}: {counts[0] + counts[1] - counts[2]}"
                    )

    assert not found, report(found)


def test_it_lets_no_two_shown_period_edges_enclose_fewer_than_k(world):
    """Every period edge a shown view has can be combined with every other: [c1..] - [c2..],
    [..c2) - [..c1) and [c1..] + [..c2) - [..] all leave [c1..c2). Each must be 0 or >= k."""
    months = month_starts(FIRST_DAY, LAST_DAY)
    found = []
    for base in ({"department": world.departments["Night shift"]}, {"job_title": "Engineer"}):
        whole = seen(**base, start=FIRST_DAY, end=LAST_DAY)
        starts = {c: seen(**base, start=c, end=LAST_DAY) for c in months}
        ends = {c: seen(**base, start=FIRST_DAY, end=c - timedelta(days=1)) for c in months[1:]}
        for what in ("leavers", "departures"):
            total = getattr(whole, what)
            usable = {c: getattr(view, what) for c, view in starts.items()}
            usable = {c: n for c, n in usable.items() if n is not None}
            if total is not None:  # an end edge c: the people from c on
                for c, view in ends.items():
                    if getattr(view, what) is not None:
                        usable.setdefault(c, total - getattr(view, what))
            edges = sorted(usable)
            for first, second in itertools.combinations(edges, 2):
                if small(usable[first] - usable[second]):
                    found.append(f"{what} from {first} to {second}, {base}")

    assert not found, report(found)


# The attack of the issue, through the export a viewer downloads


def export(client, **query) -> dict:
    response = client.get(reverse("insights_export", args=["json"]), query)
    assert response.status_code == 200, response.content.decode()[:300]
    return json.loads(response.content)


def test_it_leaves_no_anonymous_leaver_alone_in_the_regrettable_triple(client, viewer, world):
    """As reproduced: one anonymous interview in the quarter (released on its own, as tests do
    with tests/anonymous.release_alone); all minus regrettable minus not regrettable was it."""
    version = current_version()
    interview = _interview(
        version, world.departments["Support"], anonymous=True, band="2-5", period="2026-Q3"
    )
    interview.save()
    Leaver.objects.create(**{"interview": interview, **_leaver_fields(interview)})
    login(client, viewer)
    quarter = {"start": "2026-07-01", "end": "2026-09-30"}  # no other anonymous interview

    views = [export(client, **quarter, regrettable=mark) for mark in ("", "yes", "no")]

    everyone, yes, no = (view["headline"]["leavers"] for view in views)
    if None not in (everyone, yes, no):
        assert not small(everyone - yes - no), (everyone, yes, no)
        themes = [{row["theme"]: row["leavers"] for row in view["reasons"]} for view in views]
        left = {
            t: themes[0].get(t, 0) - themes[1].get(t, 0) - themes[2].get(t, 0) for t in THEME_IDS
        }
        assert everyone - yes - no or not any(left.values()), left
    for view in views:
        assert not small(view["anonymous_left_out"] or 0), view["anonymous_left_out"]


def _leaver_fields(interview: Interview) -> dict:
    return {
        "department": interview.department,
        "tenure_band": interview.tenure_band,
        "leave_quarter": interview.leave_quarter,
        "confidentiality": "anonymous",
        **_masks(random.Random(SEED + 2)),
    }


def test_it_exports_no_two_locations_that_differ_by_fewer_than_k(client, viewer, world):
    login(client, viewer)
    quarter = {"start": "2026-04-01", "end": "2026-06-30"}
    wide = export(client, **quarter)
    found = []
    for location in world.values["location"]:
        if location == RARE["location"]:  # refused: see the last test
            continue
        narrow = export(client, **quarter, location=location)
        for what in ("leavers", "departures"):
            a, b = wide["headline"][what], narrow["headline"][what]
            if a is not None and b is not None and small(a - b):
                found.append(f"{location}: {a - b} {what}")

    assert not found, report(found)


# Breakdowns, trends and small counts


def test_it_shows_no_count_between_one_and_k(world):
    found = []
    for base in (YEAR, QUARTER, YEAR | {"department": world.departments["Sales"]}):
        for by in ("department", "job_title", "location", "age_band", "manager", "tenure_band"):
            for granularity in ("quarter", "month"):
                insights = compute(Filters(**base, by=by, granularity=granularity))
                label = f"{base} by {by} per {granularity}"
                found += _small_counts(insights, label)

    assert not found, report(found)


def _small_counts(insights, label: str) -> list[str]:
    found = []
    headline = insights.headline
    for name in ("anonymous_left_out",):
        value = getattr(insights, name)
        if value is not None and small(value):
            found.append(f"{label}: {name} {value}")
    if headline.recommend_answers is not None and small(headline.recommend_answers):
        found.append(f"{label}: recommend_answers {headline.recommend_answers}")
    breakdown = insights.breakdown
    if breakdown is not None:
        if small(getattr(breakdown, "hidden", 0) or 0):
            found.append(f"{label}: breakdown hidden {breakdown.hidden}")
        rest = headline.leavers - sum(segment.leavers for segment in breakdown.segments)
        if small(rest):
            found.append(f"{label}: leavers minus the segments: {rest}")
    if headline.departures is not None:
        shown = [n for _, n in insights.departures_trend if n is not None]
        if shown and small(headline.departures - sum(shown)):
            found.append(f"{label}: departures minus the trend: {headline.departures - sum(shown)}")
    for series in insights.theme_trends:
        totals = [point.total for _, point in series.points if point is not None]
        if totals and headline.leavers is not None and small(headline.leavers - sum(totals)):
            found.append(f"{label}: leavers minus the {series.name} trend")
    return found


# Choice lists and the filter form


def test_it_neither_lists_nor_tells_apart_rare_values(client, viewer, world):
    login(client, viewer)
    page = client.get(reverse("insights"), {"start": "2026-01-01", "end": "2026-12-31"})
    choices = page.context["choices"]
    assert RARE["job_title"] not in choices["job_titles"]
    assert RARE["location"] not in choices["locations"]
    assert RARE["age_band"] not in choices["age_bands"]
    assert "Agent" in choices["job_titles"]
    offered = page.context["form"].fields["manager"].queryset
    assert world.rare_manager not in offered and world.managers[0] in offered

    for name, rare in RARE.items():
        errors = [
            InsightFilterForm({name: value}).errors.get(name)
            for value in (rare, "No such value at all")
        ]
        assert errors[0] and errors[0] == errors[1], (name, errors)
    rare_manager = InsightFilterForm({"manager": world.rare_manager.pk}).errors.get("manager")
    unknown_manager = InsightFilterForm({"manager": 99_999_999}).errors.get("manager")
    assert rare_manager and rare_manager == unknown_manager
