"""Every figure of the insights, counted by the database, with the confidentiality threshold.

The unit is the leaver: a completed interview. A theme counts once per leaver however many of
their answers raise it. "Why people leave" joins three sources: the main reason, the
contributing reasons (both chosen from the themes) and the problems coded in the free-text answer
to "why did you decide to leave?" (HR's reviewed tags where there are any, else the model's).
A theme the reason answer mentions as a strength is counted beside it, not as a reason.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import connection
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth, TruncQuarter

from exitlens import segments
from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Department,
    Departure,
    Interview,
    Invitation,
)
from exitlens.insights.filters import Filters
from exitlens.insights.stats import compare_segments, net_promoter, wilson_interval
from exitlens.taxonomy import THEME_IDS

REASON_TEXT = ("reason",)
OTHER = "other"
QUOTE_QUESTIONS = ("reason", "retention", "liked_least", "expectations")
QUOTES_PER_THEME = 2
QUOTE_LENGTH = (20, 400)
TREND_THEMES = 3


def min_group() -> int:
    return settings.EXITLENS_MIN_GROUP_SIZE


@dataclass
class Share:
    count: int
    total: int
    low: float
    high: float

    @property
    def value(self) -> float:
        return self.count / self.total if self.total else 0.0


def share(count: int, total: int) -> Share | None:
    """A proportion with its 95% Wilson interval, or None below the threshold."""
    if total < min_group():
        return None
    low, high = wilson_interval(count, total)
    return Share(count, total, low, high)


@dataclass
class Headline:
    departures: int | None
    voluntary: Share | None
    regrettable: Share | None
    invited: int | None
    responded: Share | None  # completed interviews among the invited
    leavers: int | None  # completed interviews in view
    expectations_met: float | None
    expectations_scale: tuple[int, int] | None
    recommend_score: float | None  # eNPS: % promoters (9-10) minus % detractors (0-6)
    recommend_answers: int
    retained: Share | None  # retained among departures with a completed interview


@dataclass
class ThemeRow:
    theme: str
    leavers: int
    share: Share
    negative: int = 0
    positive: int = 0
    sources: dict[str, int] = field(default_factory=dict)
    regrettable: int = 0  # of the leavers, those whose loss was marked regrettable


@dataclass
class Segment:
    key: str  # a department's or manager's id, else the value itself; "other" or "unknown"
    leavers: int
    themes: dict[str, int]
    differs: dict[str, str]  # theme -> "higher" / "lower", where it differs by more than chance


@dataclass
class Breakdown:
    dimension: str
    segments: list[Segment]
    hidden: int  # leavers in segments too small even when folded into "other"


@dataclass
class TrendSeries:
    name: str
    points: list[tuple[str, Share | None]]


@dataclass
class Quote:
    theme: str
    text: str


@dataclass
class Insights:
    filters: Filters
    min_group: int
    min_quote_group: int
    headline: Headline
    reasons: list[ThemeRow]
    retention: list[ThemeRow]
    attraction: list[ThemeRow]
    liked_most: list[ThemeRow]
    liked_least: list[ThemeRow]
    gap: list[ThemeRow]
    breakdown: Breakdown | None
    periods: list[str]
    departures_trend: list[tuple[str, int | None]]
    voluntary_trend: TrendSeries
    theme_trends: list[TrendSeries]
    quotes: dict[str, list[Quote]]
    anonymous_left_out: int

    @property
    def suppressed(self) -> bool:
        return self.headline.leavers is None


def compute(filters: Filters) -> Insights:
    departures = filters.departures()
    interviews = filters.interviews()
    headline = _headline(departures, interviews)
    leavers = headline.leavers or 0
    reasons = _reasons(interviews, leavers)
    empty = not headline.leavers
    return Insights(
        filters=filters,
        min_group=min_group(),
        min_quote_group=settings.EXITLENS_MIN_QUOTE_GROUP_SIZE,
        headline=headline,
        reasons=reasons,
        retention=[] if empty else _coded(interviews, ("retention",), leavers),
        attraction=[] if empty else _coded(interviews, ("attraction",), leavers, "positive"),
        liked_most=[] if empty else _coded(interviews, ("liked_most",), leavers, "positive"),
        liked_least=[] if empty else _coded(interviews, ("liked_least",), leavers, "negative"),
        gap=[] if empty else _gap(interviews, leavers),
        breakdown=None if empty else _breakdown(filters, interviews),
        periods=(periods := _periods(filters)),
        departures_trend=_departures_trend(filters, departures, periods),
        voluntary_trend=_voluntary_trend(filters, departures, periods),
        theme_trends=[] if empty else _theme_trends(filters, interviews, reasons, periods),
        quotes={} if empty else _quotes(interviews, reasons, leavers),
        anonymous_left_out=_anonymous_left_out(filters),
    )


def _headline(departures: QuerySet[Departure], interviews: QuerySet[Interview]) -> Headline:
    completed = Q(interview__status=Interview.Status.COMPLETED) | Q(responded_anonymously=True)
    invited = Exists(Invitation.objects.filter(departure=OuterRef("pk")))
    counts = departures.annotate(has_invitation=invited).aggregate(
        total=Count("pk"),
        voluntary=Count("pk", filter=Q(departure_type__in=Departure.VOLUNTARY_TYPES)),
        regrettable=Count("pk", filter=Q(regrettable=True)),
        invited=Count("pk", filter=Q(has_invitation=True)),
        responded=Count("pk", filter=Q(has_invitation=True) & completed),
        interviewed=Count("pk", filter=completed),
        retained=Count("pk", filter=completed & Q(outcome=Departure.Outcome.RETAINED)),
    )
    total = counts["total"]
    leavers = interviews.count()
    shown = total >= min_group()
    scale = _scale_answers(interviews, "expectations_met")
    recommend = dict(
        _answers(interviews, "recommend")
        .filter(number__isnull=False)
        .values_list("number")
        .annotate(n=Count("pk"))
        .values_list("number", "n")
    )
    recommend_answers = sum(recommend.values())
    return Headline(
        departures=total if shown else None,
        voluntary=share(counts["voluntary"], total),
        regrettable=share(counts["regrettable"], total),
        invited=counts["invited"] if shown else None,
        responded=share(counts["responded"], counts["invited"]),
        leavers=leavers if leavers >= min_group() else None,
        expectations_met=scale[0] if scale[2] >= min_group() else None,
        expectations_scale=scale[1],
        recommend_score=net_promoter(recommend) if recommend_answers >= min_group() else None,
        recommend_answers=recommend_answers,
        retained=share(counts["retained"], counts["interviewed"]),
    )


def _answers(interviews: QuerySet[Interview], key: str) -> QuerySet[Answer]:
    return Answer.objects.filter(interview__in=interviews.values("pk"), question__key=key)


def _scale_answers(interviews, key) -> tuple[float | None, tuple[int, int] | None, int]:
    answers = _answers(interviews, key).filter(number__isnull=False)
    found = answers.aggregate(
        mean=Avg("number"),
        n=Count("pk"),
        low=Avg("question__scale_min"),
        high=Avg("question__scale_max"),
    )
    scale = (int(found["low"]), int(found["high"])) if found["n"] else None
    return found["mean"], scale, found["n"]


# Effective tags: HR's once an answer is reviewed, else the model's.
EFFECTIVE = Q(source=AnswerTheme.Source.HUMAN, answer__reviewed_at__isnull=False) | Q(
    source=AnswerTheme.Source.MODEL, answer__reviewed_at__isnull=True
)


def _tags(interviews: QuerySet[Interview], keys: tuple[str, ...]) -> QuerySet[AnswerTheme]:
    return AnswerTheme.objects.filter(
        EFFECTIVE, answer__interview__in=interviews.values("pk"), answer__question__key__in=keys
    )


def _choices(interviews: QuerySet[Interview], key: str) -> QuerySet[AnswerChoice]:
    return AnswerChoice.objects.filter(
        answer__interview__in=interviews.values("pk"),
        answer__question__key=key,
        value__in=THEME_IDS,
    )


def _reason_pairs(interviews: QuerySet[Interview]) -> list[QuerySet]:
    """(leaver, topic) pairs of every source of reasons for leaving, as SQL-ready querysets."""
    pairs = [
        _choices(interviews, key)
        .annotate(leaver=F("answer__interview_id"), topic=F("value"))
        .values_list("leaver", "topic")
        .order_by()
        for key in ("main_reason", "contributing_reasons")
    ]
    pairs.append(
        _tags(interviews, REASON_TEXT)
        .filter(polarity=AnswerTheme.Polarity.NEGATIVE)
        .annotate(leaver=F("answer__interview_id"), topic=F("theme"))
        .values_list("leaver", "topic")
        .order_by()
    )
    return pairs


def _union(querysets: list[QuerySet]) -> tuple[str, list]:
    parts = [_sql(queryset) for queryset in querysets]
    return " UNION ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def _sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _fetch(template: str, *parts: tuple[str, list]) -> list[tuple]:
    """Run `template` with its {} replaced by Django-built subqueries; every value stays a
    query parameter, so no text from outside reaches the SQL."""
    sql = template.format(*(part_sql for part_sql, _ in parts))
    params = [param for _, part_params in parts for param in part_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _reasons(interviews: QuerySet[Interview], leavers: int) -> list[ThemeRow]:
    if not leavers:
        return []
    reasons = _union(_reason_pairs(interviews))
    combined = dict(_fetch("SELECT topic, COUNT(*) FROM ({}) pairs GROUP BY topic", reasons))
    rows = {
        theme: ThemeRow(theme, count, share(count, leavers))
        for theme, count in combined.items()
        if theme in THEME_IDS
    }
    for source, key in (("main", "main_reason"), ("contributing", "contributing_reasons")):
        counted = (
            _choices(interviews, key)
            .values_list("value")
            .annotate(n=Count("answer__interview_id", distinct=True))
            .values_list("value", "n")
        )
        for theme, count in counted:
            rows[theme].sources[source] = count
    text = (
        _tags(interviews, REASON_TEXT)
        .values_list("theme", "polarity")
        .annotate(n=Count("answer__interview_id", distinct=True))
        .values_list("theme", "polarity", "n")
    )
    for theme, polarity, count in text:
        if polarity == AnswerTheme.Polarity.NEGATIVE:
            rows[theme].sources["text"] = count
        elif theme in rows:  # said in passing as a strength: shown beside, not counted as a reason
            rows[theme].positive = count
    regretted = (
        interviews.filter(departure__regrettable=True)
        .annotate(leaver=F("pk"))
        .values_list("leaver")
        .order_by()
    )
    for theme, count in _fetch(
        "SELECT p.topic, COUNT(*) FROM ({}) p JOIN ({}) r ON r.leaver = p.leaver GROUP BY p.topic",
        reasons,
        _sql(regretted),
    ):
        if theme in rows:
            rows[theme].regrettable = count
    for row in rows.values():
        row.negative = row.leavers
    return sorted(rows.values(), key=lambda row: (-row.leavers, row.theme))


def _coded(
    interviews: QuerySet[Interview], keys: tuple[str, ...], leavers: int, polarity: str = ""
) -> list[ThemeRow]:
    """Themes coded in the answers to `keys`, by leavers raising them (only `polarity`)."""
    tags = _tags(interviews, keys)
    if polarity:
        tags = tags.filter(polarity=polarity)
    counted = (
        tags.values_list("theme", "polarity")
        .annotate(n=Count("answer__interview_id", distinct=True))
        .values_list("theme", "polarity", "n")
    )
    rows: dict[str, ThemeRow] = {}
    for theme, sign, count in counted:
        row = rows.setdefault(theme, ThemeRow(theme, 0, None))
        row.leavers += count
        if sign == AnswerTheme.Polarity.POSITIVE:
            row.positive += count
        else:
            row.negative += count
    for row in rows.values():
        row.leavers = min(row.leavers, leavers)
        row.share = share(row.leavers, leavers)
    return sorted(rows.values(), key=lambda row: (-row.leavers, row.theme))


def _gap(interviews: QuerySet[Interview], leavers: int) -> list[ThemeRow]:
    """Themes that attracted leavers and were then among their reasons to leave."""
    attracted = (
        _tags(interviews, ("attraction",))
        .filter(polarity=AnswerTheme.Polarity.POSITIVE)
        .annotate(leaver=F("answer__interview_id"), topic=F("theme"))
        .values_list("leaver", "topic")
        .order_by()
    )
    found = _fetch(
        "SELECT a.topic, COUNT(DISTINCT a.leaver) FROM ({}) a "
        "JOIN ({}) r ON r.leaver = a.leaver AND r.topic = a.topic GROUP BY a.topic",
        _sql(attracted),
        _union(_reason_pairs(interviews)),
    )
    rows = [ThemeRow(theme, count, share(count, leavers)) for theme, count in found]
    return sorted(rows, key=lambda row: (-row.leavers, row.theme))


def _segment_of_interview(filters: Filters, interviews: QuerySet[Interview]) -> QuerySet:
    """(leaver, segment) for the breakdown dimension; anonymous interviews only carry some."""
    column = {
        "department": "department_id",
        "tenure_band": "tenure_band",
        "departure_type": "departure__departure_type",
        "location": "departure__location",
        "job_title": "departure__job_title",
        "manager": "departure__manager_id",
    }[filters.by]
    return interviews.annotate(leaver=F("pk"), segment=F(column)).values_list("leaver", "segment")


def _breakdown(filters: Filters, interviews: QuerySet[Interview]) -> Breakdown:
    """Leavers and reasons per segment; a segment below the threshold goes into "other"."""
    segment = _sql(_segment_of_interview(filters, interviews))
    sizes: dict[str, int] = {}
    for value, count in _fetch(
        "SELECT s.segment, COUNT(*) FROM ({}) s GROUP BY s.segment", segment
    ):
        name = _segment_name(filters, value)
        sizes[name] = sizes.get(name, 0) + count
    counts: dict[str, dict[str, int]] = {}
    for value, topic, count in _fetch(
        "SELECT s.segment, p.topic, COUNT(*) FROM ({}) p "
        "JOIN ({}) s ON s.leaver = p.leaver GROUP BY s.segment, p.topic",
        _union(_reason_pairs(interviews)),
        segment,
    ):
        themes = counts.setdefault(_segment_name(filters, value), {})
        themes[topic] = themes.get(topic, 0) + count
    shown, other, other_themes = {}, 0, {}
    for name, size in sizes.items():
        if size >= min_group() and name != OTHER:
            shown[name] = size
        else:
            other += size
            for theme, count in counts.get(name, {}).items():
                other_themes[theme] = other_themes.get(theme, 0) + count
    hidden = 0
    if other >= min_group():
        shown[OTHER] = other
        counts[OTHER] = other_themes
    else:
        hidden = other
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
    return Breakdown(filters.by, found, hidden)


def _segment_name(filters: Filters, value) -> str:
    """The key of a segment: a department rolled up to the level below the chosen one."""
    if value in (None, ""):
        return segments.UNKNOWN
    if filters.by == "department":
        return _department_level(filters).get(value, segments.UNKNOWN)
    return str(value)


def _department_level(filters: Filters) -> dict[int, str]:
    """Department id -> the id of its ancestor one level below the filtered department (or of
    its top-level department), as the segment key."""
    parents = dict(Department.objects.values_list("pk", "parent_id"))
    top = filters.department.pk if filters.department else None
    level = {}
    for pk in parents:
        node, path = pk, [pk]
        while parents.get(node) is not None and parents[node] != top:
            node = parents[node]
            path.append(node)
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


def _departures_by_period(filters: Filters, departures: QuerySet[Departure]):
    trunc = TruncQuarter if filters.granularity == "quarter" else TruncMonth
    return (
        departures.annotate(period=trunc("leave_date"))
        .values_list("period")
        .annotate(
            n=Count("pk"),
            voluntary=Count("pk", filter=Q(departure_type__in=Departure.VOLUNTARY_TYPES)),
        )
        .values_list("period", "n", "voluntary")
    )


def _departures_trend(filters, departures, periods) -> list[tuple[str, int | None]]:
    found = {
        _period_key(_as_date(period), filters.granularity): n
        for period, n, _ in _departures_by_period(filters, departures)
    }
    return [(p, found.get(p, 0) if found.get(p, 0) >= min_group() else None) for p in periods]


def _voluntary_trend(filters, departures, periods) -> TrendSeries:
    found = {
        _period_key(_as_date(period), filters.granularity): (voluntary, n)
        for period, n, voluntary in _departures_by_period(filters, departures)
    }
    return TrendSeries("voluntary", [(p, share(*found.get(p, (0, 0)))) for p in periods])


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _theme_trends(filters, interviews, reasons, periods) -> list[TrendSeries]:
    """The share of leavers raising each of the top reasons, per period."""
    if filters.granularity == "quarter":
        dated = interviews.annotate(leaver=F("pk"), period=F("leave_quarter"))
    else:
        dated = interviews.filter(departure__isnull=False).annotate(
            leaver=F("pk"), period=TruncMonth("departure__leave_date")
        )
    dated = dated.values_list("leaver", "period").order_by()
    dated_sql = _sql(dated)
    sizes = {
        _trend_key(period, filters): n
        for period, n in _fetch(
            "SELECT d.period, COUNT(*) FROM ({}) d GROUP BY d.period", dated_sql
        )
    }
    counts: dict[tuple[str, str], int] = {}
    for period, topic, n in _fetch(
        "SELECT d.period, p.topic, COUNT(*) FROM ({}) p "
        "JOIN ({}) d ON d.leaver = p.leaver GROUP BY d.period, p.topic",
        _union(_reason_pairs(interviews)),
        dated_sql,
    ):
        counts[(_trend_key(period, filters), topic)] = n
    return [
        TrendSeries(
            row.theme,
            [(p, share(counts.get((p, row.theme), 0), sizes.get(p, 0))) for p in periods],
        )
        for row in reasons[:TREND_THEMES]
    ]


def _trend_key(period, filters: Filters) -> str:
    if filters.granularity == "quarter":
        return period
    if isinstance(period, str):  # SQLite returns the truncated date as text
        return period[:7]
    return _period_key(_as_date(period), "month")


def _quotes(interviews, reasons, leavers) -> dict[str, list[Quote]]:
    """Unattributed quotes per top reason, only from confidential or anonymous interviews, never
    from a flagged disclosure, and only when the leavers in view are numerous enough."""
    if leavers < settings.EXITLENS_MIN_QUOTE_GROUP_SIZE:
        return {}
    quotes = {}
    safe = interviews.filter(
        confidentiality__in=(
            Interview.Confidentiality.CONFIDENTIAL,
            Interview.Confidentiality.ANONYMOUS,
        )
    )
    for row in reasons[:5]:
        texts = (
            _tags(safe, QUOTE_QUESTIONS)
            .filter(theme=row.theme, polarity=AnswerTheme.Polarity.NEGATIVE)
            .filter(answer__sensitive=False)
            .annotate(length=_length("answer__text"))
            .filter(length__gte=QUOTE_LENGTH[0], length__lte=QUOTE_LENGTH[1])
            .order_by(F("score").desc(nulls_last=True), "answer__text")
            .values_list("answer__text", flat=True)[: QUOTES_PER_THEME * 3]
        )
        chosen = list(dict.fromkeys(texts))[:QUOTES_PER_THEME]
        if chosen:
            quotes[row.theme] = [Quote(row.theme, text) for text in chosen]
    return quotes


def _length(column: str):
    from django.db.models.functions import Length

    return Length(column)


def _anonymous_left_out(filters: Filters) -> int:
    """Anonymous interviews in the period that a filter on what they no longer carry leaves out."""
    if not filters.excludes_anonymous:
        return 0
    return Interview.objects.filter(
        status=Interview.Status.COMPLETED,
        departure__isnull=True,
        leave_quarter__in=filters.quarters(),
    ).count()
