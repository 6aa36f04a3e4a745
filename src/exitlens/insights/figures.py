"""Every figure of the insights, counted by the database, with the confidentiality threshold.

The unit is the leaver: a completed interview, one `Leaver` row each (see summaries.py), with the
themes of each question as a bit mask, so a figure is one scan of that narrow table. A theme
counts once per leaver however many of their answers raise it. "Why people leave" joins three
sources: the main reason, the contributing reasons (both chosen from the themes) and the
problems coded in the free-text answer to "why did you decide to leave?" (HR's reviewed tags
where there are any, else the model's). A theme that answer names as a strength is counted
beside it, not as a reason.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length

from exitlens import segments
from exitlens.core.models import (
    AnswerTheme,
    Department,
    Departure,
    Invitation,
    Question,
)
from exitlens.insights import disclosure, lanes, quotes, summaries
from exitlens.insights.disclosure import OTHER
from exitlens.insights.filters import Filters
from exitlens.insights.models import Leaver
from exitlens.insights.results import (  # the result types, also imported from here
    DEPARTURES,
    LEAVERS,
    Breakdown,
    Headline,
    Insights,
    Quote,
    Segment,
    Share,
    ThemeRow,
    TrendSeries,
    at_least_group,
    min_group,
    min_quote_group,
    share,
)
from exitlens.insights.stats import compare_segments, promoter_score
from exitlens.taxonomy import THEME_IDS

__all__ = [
    "OTHER",
    "Breakdown",
    "Headline",
    "Insights",
    "Quote",
    "Segment",
    "Share",
    "ThemeRow",
    "TrendSeries",
    "compute",
    "share",
]

QUOTES_PER_THEME = 2
QUOTE_LENGTH = (20, 400)
QUOTE_SAMPLE = 500  # leavers (in id order, which is random) the quotes are chosen among
TREND_THEMES = 3
CACHE_SECONDS = 600
RULES = "approved-quotes-2"  # in the cache key: results counted under older rules are not reused


def compute(filters: Filters, *, with_candidates: bool = False) -> Insights:
    """Every figure for these filters; reused from the cache until the counted data changes.
    Quotes are the approved ones only; `with_candidates` keeps the quotes awaiting HR's review
    too, for HR's page (never for what is downloaded or sent: see quotes.py)."""
    summaries.summarise_missing_if_any()  # before the version is read: it may change it
    key = (
        "insights:"
        + hashlib.sha256(
            repr(
                (RULES, filters.query(), summaries.version(), min_group(), min_quote_group())
            ).encode()
        ).hexdigest()
    )
    found = cache.get(key)
    if found is None:
        found = _compute(filters)
        cache.set(key, found, CACHE_SECONDS)
    return quotes.with_approved_quotes(found, keep_candidates=with_candidates)


def _compute(filters: Filters) -> Insights:
    departures = filters.departures()
    leavers = filters.leavers()
    tallies = _tally(filters, leavers)
    total = sum(tallies.values(), Tally())
    counts = _departure_counts(departures)
    large = ((DEPARTURES, counts["total"]), (LEAVERS, total.leavers))
    withheld = disclosure.withheld(filters, tuple(g for g, n in large if n >= min_group()))
    headline = _headline(counts, total, withheld)
    count = headline.leavers or 0
    empty = not headline.leavers
    reasons = [] if empty else _reasons(tallies, total, count)
    periods = _periods(filters)
    departures_trend, voluntary_trend = _departure_trends(
        periods, _departures_by_period(filters, departures), DEPARTURES in withheld
    )
    return Insights(
        filters=filters,
        min_group=min_group(),
        min_quote_group=min_quote_group(),
        headline=headline,
        reasons=reasons,
        retention=[] if empty else _coded(total, "retention", count),
        attraction=[] if empty else _coded(total, "attraction", count, "positive"),
        liked_most=[] if empty else _coded(total, "liked_most", count, "positive"),
        liked_least=[] if empty else _coded(total, "liked_least", count, "negative"),
        gap=[] if empty else _coded(total, "gap", count, "negative"),
        breakdown=None if empty else _breakdown(filters, tallies),
        periods=periods,
        departures_trend=departures_trend,
        voluntary_trend=voluntary_trend,
        theme_trends=[] if empty else _theme_trends(tallies, reasons, periods, count),
        quotes={},
        quote_candidates={} if empty else _quotes(leavers, reasons, count),
        anonymous_left_out=None if LEAVERS in withheld else _anonymous_left_out(filters),
        withheld=withheld,
    )


# The theme masks a figure counts (SQL over the summaries, alias l): a column, or the themes
# that attracted a leaver and then were among their reasons to leave (the expectation gap).
MASKS = {
    "reasons": "l.reasons",
    "main": "l.main",
    "contributing": "l.contributing",
    "reason_text": "l.reason_text",
    "reason_strength": "l.reason_strength",
    "retention": "l.retention",
    "attraction": "l.attraction",
    "liked_most": "l.liked_most",
    "liked_least": "l.liked_least",
    "gap": "l.attraction & l.reasons",
}
THEMES = len(THEME_IDS)


@dataclass
class Tally:
    """What a group of leavers counts: the group of one segment, period and regrettable mark
    that the database returns, or the sum of such groups."""

    leavers: int = 0
    promoters: int = 0
    detractors: int = 0
    recommend_answers: int = 0
    expectations_sum: int = 0
    expectations_answers: int = 0
    themes: dict[str, list[int]] = field(  # mask -> leavers per theme, in THEME_IDS order
        default_factory=lambda: {mask: [0] * THEMES for mask in MASKS}
    )

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.leavers + other.leavers,
            self.promoters + other.promoters,
            self.detractors + other.detractors,
            self.recommend_answers + other.recommend_answers,
            self.expectations_sum + other.expectations_sum,
            self.expectations_answers + other.expectations_answers,
            {
                mask: [a + b for a, b in zip(mine, other.themes[mask], strict=True)]
                for mask, mine in self.themes.items()
            },
        )


SEGMENT_COLUMNS = {
    "department": "department_id",
    "tenure_band": "tenure_band",
    "departure_type": "departure_type",
    "location": "location",
    "job_title": "job_title",
    "age_band": "age_band",
    "manager": "manager_id",
}


def _tally(filters: Filters, leavers: QuerySet[Leaver]) -> dict[tuple, Tally]:
    """(segment value, period, regrettable) -> Tally: the leavers in view counted by the
    database in one pass, grouped so the breakdown and the trends add up groups."""
    segment = "l." + SEGMENT_COLUMNS[filters.by]
    period = "l." + ("leave_quarter" if filters.granularity == "quarter" else "leave_month")
    lane_count = lanes.LANES if Leaver.objects.count() <= lanes.MOST_ROWS else 1
    theme_sums = [lanes.sums(mask, THEMES, lane_count) for mask in MASKS.values()]
    select = ", ".join(
        [
            f"{segment}, {period}, l.regrettable, COUNT(*)",  # the key, then the counts
            "SUM(CASE WHEN l.recommend >= 9 THEN 1 ELSE 0 END)",
            "SUM(CASE WHEN l.recommend <= 6 THEN 1 ELSE 0 END)",
            "COUNT(l.recommend), SUM(l.expectations_met), COUNT(l.expectations_met)",
            *(aggregate for mask in theme_sums for aggregate in mask),
        ]
    )
    found = {}
    # Grouped by period first: SQLite would read a segment with an index (department, manager)
    # in its order, one row lookup at a time, which is slower than sorting what it scanned.
    rows = _fetch(_columns(leavers), select, f"{period}, l.regrettable, {segment}")
    for row in rows:
        key, numbers, packed = row[:3], row[3:9], row[9:]
        per_mask = len(theme_sums[0])
        themes = {
            mask: lanes.unpack(packed[i * per_mask : (i + 1) * per_mask], THEMES, lane_count)
            for i, mask in enumerate(MASKS)
        }
        found[tuple(key)] = Tally(*(int(number or 0) for number in numbers), themes)
    return found


def _headline(counts: dict[str, int], leavers: Tally, withheld: tuple[str, ...]) -> Headline:
    """The headline figures; a figure group that disclosure.py withholds is None throughout."""
    if DEPARTURES in withheld:
        counts = dict.fromkeys(counts, 0)
    if LEAVERS in withheld:
        leavers = Tally()
    total = counts["total"]
    shown = total >= min_group()
    recommend_answers = leavers.recommend_answers
    return Headline(
        departures=total if shown else None,
        voluntary=share(counts["voluntary"], total),
        regrettable=share(counts["regrettable"], total),
        invited=at_least_group(counts["invited"]) if shown else None,
        responded=share(counts["responded"], counts["invited"]),
        leavers=at_least_group(leavers.leavers),
        expectations_met=(
            leavers.expectations_sum / leavers.expectations_answers
            if leavers.expectations_answers >= min_group()
            else None
        ),
        expectations_scale=_scale("expectations_met"),
        recommend_score=(
            promoter_score(leavers.promoters, leavers.detractors, recommend_answers)
            if recommend_answers >= min_group()
            else None
        ),
        recommend_answers=at_least_group(recommend_answers),
        retained=share(counts["retained"], counts["interviewed"]),
    )


def _departure_counts(departures: QuerySet[Departure]) -> dict[str, int]:
    """Departures, and among them the voluntary, regrettable, invited, interviewed (named or
    anonymously), responding (invited and interviewed) and retained (interviewed) ones. The
    database groups by what each departure is, so it looks up its invitations and interview once
    (a conditional count per figure would look them up again for each)."""
    groups = (
        departures.annotate(
            invited=Exists(Invitation.objects.filter(departure=OuterRef("pk"))),
            interviewed=Exists(Leaver.objects.filter(departure=OuterRef("pk"))),
        )
        .values_list(
            "departure_type",
            "regrettable",
            "outcome",
            "responded_anonymously",
            "invited",
            "interviewed",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(
        ("total", "voluntary", "regrettable", "invited", "responded", "interviewed", "retained"), 0
    )
    for kind, regrettable, outcome, anonymously, invited, named, n in groups:
        interviewed = bool(named or anonymously)
        counts["total"] += n
        counts["voluntary"] += n if kind in Departure.VOLUNTARY_TYPES else 0
        counts["regrettable"] += n if regrettable else 0
        counts["invited"] += n if invited else 0
        counts["responded"] += n if invited and interviewed else 0
        counts["interviewed"] += n if interviewed else 0
        counts["retained"] += n if interviewed and outcome == Departure.Outcome.RETAINED else 0
    return counts


def _scale(key: str) -> tuple[int, int] | None:
    found = (
        Question.objects.filter(key=key, scale_min__isnull=False, scale_max__isnull=False)
        .order_by("-version__number")
        .values_list("scale_min", "scale_max")
        .first()
    )
    return tuple(found) if found else None


def _sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _fetch(leavers: QuerySet[Leaver], select: str, group: str = "") -> list[tuple]:
    """Run `SELECT select FROM (the leavers) l [GROUP BY group]`; values stay parameters."""
    sql, params = _sql(leavers.order_by())
    query = f"SELECT {select} FROM ({sql}) l" + (f" GROUP BY {group}" if group else "")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _columns(leavers: QuerySet[Leaver]) -> QuerySet[Leaver]:
    """Every summary column by its own name, for the SQL around it."""
    return leavers.values(*SUMMARY_COLUMNS)


SUMMARY_COLUMNS = (
    "department_id",
    "manager_id",
    "job_title",
    "location",
    "age_band",
    "tenure_band",
    "departure_type",
    "regrettable",
    "leave_month",
    "leave_quarter",
    "expectations_met",
    "recommend",
    "reasons",
    "main",
    "contributing",
    "reason_text",
    "reason_strength",
    "retention",
    "attraction",
    "liked_most",
    "liked_least",
)


def _reasons(tallies: dict[tuple, Tally], total: Tally, count: int) -> list[ThemeRow]:
    themes = total.themes
    regretted = sum((tally for (*_, regrettable), tally in tallies.items() if regrettable), Tally())
    rows = []
    for i, theme in enumerate(THEME_IDS):
        combined = themes["reasons"][i]
        if not combined:
            continue
        sources = {
            name: themes[mask][i]
            for name, mask in (
                ("main", "main"),
                ("contributing", "contributing"),
                ("text", "reason_text"),
            )
            if themes[mask][i]
        }
        rows.append(
            ThemeRow(
                theme,
                combined,
                share(combined, count),
                negative=combined,
                positive=themes["reason_strength"][i],
                sources=sources,
                regrettable=regretted.themes["reasons"][i],
            )
        )
    return sorted(rows, key=lambda row: (-row.leavers, row.theme))


def _coded(total: Tally, mask: str, count: int, polarity: str = "") -> list[ThemeRow]:
    """Leavers per theme in one of the MASKS."""
    counted = total.themes[mask]
    rows = [
        ThemeRow(
            theme,
            counted[i],
            share(counted[i], count),
            negative=counted[i] if polarity != "positive" else 0,
            positive=counted[i] if polarity == "positive" else 0,
        )
        for i, theme in enumerate(THEME_IDS)
        if counted[i]
    ]
    return sorted(rows, key=lambda row: (-row.leavers, row.theme))


def _breakdown(filters: Filters, tallies: dict[tuple, Tally]) -> Breakdown | None:
    """Leavers and reasons per segment. Segments below the threshold go into "other", and
    with them the smallest others until "other" reaches it (disclosure.fold), so the leavers in
    view minus the shown segments are 0 or a group of at least the threshold."""
    levels = _department_levels(filters.department.pk if filters.department else None)
    sizes: dict[str, int] = {}
    counts: dict[str, dict[str, int]] = {}
    for (value, _period, _regrettable), tally in tallies.items():
        name = _segment_name(filters, value, levels)
        sizes[name] = sizes.get(name, 0) + tally.leavers
        themes = counts.setdefault(name, {})
        for theme, counted in zip(THEME_IDS, tally.themes["reasons"], strict=True):
            if counted:
                themes[theme] = themes.get(theme, 0) + counted
    folded = disclosure.fold(sizes, min_group())
    shown = {name: size for name, size in sizes.items() if size and name not in folded}
    if not shown:  # everything folded together: the view itself, no breakdown
        return None
    if folded:
        shown[OTHER] = sum(sizes[name] for name in folded)
        other_themes: dict[str, int] = {}
        for name in folded:
            for theme, count in counts.get(name, {}).items():
                other_themes[theme] = other_themes.get(theme, 0) + count
        counts[OTHER] = other_themes
    differs: dict[str, dict[str, str]] = {name: {} for name in shown}
    if len(shown) > 1:
        for theme in THEME_IDS:
            tests = compare_segments(
                {name: (counts.get(name, {}).get(theme, 0), size) for name, size in shown.items()}
            )
            for name, test in tests.items():
                if test.differs:
                    differs[name][theme] = test.direction
    found = [
        Segment(name, size, counts.get(name, {}), differs[name]) for name, size in shown.items()
    ]
    found.sort(key=lambda segment: (segment.key == OTHER, -segment.leavers, segment.key))
    return Breakdown(filters.by, found)


def _segment_name(filters: Filters, value, levels: dict[int, str]) -> str:
    """The key of a segment: a department rolled up to the level below the chosen one."""
    if value in (None, ""):
        return segments.UNKNOWN
    if filters.by == "department":
        return levels.get(value, segments.UNKNOWN)
    return str(value)


def _department_levels(top: int | None) -> dict[int, str]:
    """Department id -> the id of its ancestor one level below `top` (or of its top-level
    department), as the segment key."""
    parents = dict(Department.objects.values_list("pk", "parent_id"))
    level = {}
    for pk in parents:
        node = pk
        while parents.get(node) is not None and parents[node] != top:
            node = parents[node]
        if top is None or parents.get(node) == top or node == top:
            level[pk] = str(node)
    return level


def _periods(filters: Filters) -> list[str]:
    if filters.granularity == "quarter":
        return filters.quarters()
    found, year, month = [], filters.start.year, filters.start.month
    while date(year, month, 1) <= filters.end:
        found.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _period_key(day: date, granularity: str) -> str:
    return segments.quarter(day) if granularity == "quarter" else f"{day.year}-{day.month:02d}"


def _departures_by_period(filters: Filters, departures) -> dict[str, tuple[int, int]]:
    """Period -> (departures, voluntary ones), counted per day by the database (from an index)
    and added up per period here: truncating every date in SQL costs more than the count."""
    per_day = (
        departures.values_list("leave_date")
        .annotate(
            n=Count("pk"),
            voluntary=Count("pk", filter=Q(departure_type__in=Departure.VOLUNTARY_TYPES)),
        )
        .values_list("leave_date", "n", "voluntary")
        .order_by()
    )
    found: dict[str, tuple[int, int]] = {}
    for day, n, voluntary in per_day:
        key = _period_key(day, filters.granularity)
        total, willing = found.get(key, (0, 0))
        found[key] = (total + n, willing + voluntary)
    return found


def _departure_trends(
    periods: list[str], by_period: dict[str, tuple[int, int]], withheld: bool
) -> tuple[list[tuple[str, int | None]], TrendSeries]:
    """Departures and the voluntary share per period. A period below the threshold is hidden,
    and with it the smallest others until the hidden ones reach it (disclosure.fold): the total
    minus the shown periods is then 0 or a group of at least the threshold."""
    sizes = {period: n for period, (n, _voluntary) in by_period.items()}
    hidden = set(periods) if withheld else disclosure.fold(sizes, min_group())
    departures, voluntary = [], []
    for period in periods:
        n, willing = (0, 0) if period in hidden else by_period.get(period, (0, 0))
        departures.append((period, at_least_group(n)))
        voluntary.append((period, share(willing, n)))
    return departures, TrendSeries("voluntary", voluntary)


def _theme_trends(tallies: dict[tuple, Tally], reasons, periods, count: int) -> list[TrendSeries]:
    """The share of leavers raising each of the top reasons, per period, small periods folded
    as in _departure_trends. Anonymous interviews a period cannot place (a monthly trend, a
    year) are a cell of their own, never shown."""
    found: dict[str, Tally] = {}
    for (_segment, period, _regrettable), tally in tallies.items():
        if period:  # a monthly trend cannot place an anonymous interview
            found[period] = found.get(period, Tally()) + tally
    sizes = {period: tally.leavers for period, tally in found.items() if period in periods}
    sizes[" unplaced"] = count - sum(sizes.values())  # no period is named so
    hidden = disclosure.fold(sizes, min_group())
    index = {theme: i for i, theme in enumerate(THEME_IDS)}
    return [
        TrendSeries(
            row.theme,
            [
                (
                    p,
                    share(found[p].themes["reasons"][index[row.theme]], found[p].leavers)
                    if p in found and p not in hidden
                    else None,
                )
                for p in periods
            ],
        )
        for row in reasons[:TREND_THEMES]
    ]


def _quotes(leavers, reasons, count) -> dict[str, list[Quote]]:
    """Candidate quotes per top reason (quotes.py: only approved ones are shown), only when the
    leavers in view are numerous enough. Chosen among a sample of the leavers, from answers that
    may ever be quoted and HR did not refuse, the model's surest first."""
    if count < min_quote_group():
        return {}
    safe = leavers.filter(confidentiality__in=quotes.QUOTED_LEVELS)
    # Step by step, so the database starts from the sampled leavers' answers, not every tag.
    sample = list(safe.values_list("interview_id", flat=True).order_by("pk")[:QUOTE_SAMPLE])
    answers = dict(
        quotes.candidate_answers()
        .filter(interview_id__in=sample)
        .annotate(length=Length("text"))
        .filter(length__gte=QUOTE_LENGTH[0], length__lte=QUOTE_LENGTH[1])
        .values_list("pk", "text")
    )
    top = [row.theme for row in reasons[:5]]
    tags = AnswerTheme.objects.filter(
        summaries.EFFECTIVE,
        answer_id__in=list(answers),
        theme__in=top,
        polarity=AnswerTheme.Polarity.NEGATIVE,
    ).values_list("theme", "answer_id", "score")
    ranked = sorted(tags, key=lambda tag: (-(tag[2] or 0), answers[tag[1]]))
    found: dict[str, list[Quote]] = {}
    for theme, answer_id, _score in ranked:
        chosen = found.setdefault(theme, [])
        text = answers[answer_id]
        if len(chosen) < QUOTES_PER_THEME and all(quote.text != text for quote in chosen):
            chosen.append(Quote(theme, text, answer_id))
    return {theme: found[theme] for theme in top if found.get(theme)}


def _anonymous_left_out(filters: Filters) -> int | None:
    """Anonymous interviews that the period, department and tenure band would count but another
    filter (on what they no longer carry) leaves out: 0, or None below the threshold."""
    if not filters.excludes_anonymous:
        return 0
    left_out = Leaver.objects.filter(filters.anonymous()).count()
    return left_out if not left_out else at_least_group(left_out)
