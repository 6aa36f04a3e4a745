"""The report "What must change": the themes to act on first, its charts and its PDF.

Priority: a theme counts for the leavers who raised it as a reason to leave, and a regrettable
leaver counts double, because losing them hurt most: score = leavers + regrettable leavers.
Equal scores go by theme id, so the order never depends on the database. Themes the
organisation cannot change (personal circumstances) are left out of the list and noted apart.

The web page and the PDF render the same body (templates/insights/_report_body.html) from
report_context(); the charts are inline SVG from charts.py, each followed by its data as a
table for readers who cannot see the chart.
"""

import functools
import math
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.analysis.taxonomy import get_theme
from exitlens.core.spreadsheets import Table
from exitlens.insights import charts
from exitlens.insights.figures import (
    OTHER,
    Insights,
    Quote,
    Share,
    ThemeRow,
    TrendSeries,
    share,
)
from exitlens.insights.labels import (
    describe,
    dimension_label,
    retention_measure,
    segment_labels,
    theme_label,
)

CHART_BARS = 10  # the longest bar charts; the tables under them list every row
DETAILED_PRIORITIES = 5  # the report describes these in full, the others in a short table
STYLESHEET = "insights/report-print.css"
CONFIDENCE = "95%"  # of every interval, written into the sentences that describe them


@dataclass
class Priority:
    theme: str
    label: str
    score: int  # leavers + regrettable leavers
    leavers: int
    share: Share  # of all leavers in view
    regrettable: int
    regrettable_share: Share | None  # of the leavers raising it; None below the threshold
    sources: dict[str, int]  # "main", "contributing", "text" -> leavers
    trend: TrendSeries | None
    direction: str | None  # "rising", "falling", "steady"; None without two periods to compare
    segments: list[str]  # names of the segments where it is raised more than elsewhere
    quotes: list[Quote]
    measure: str  # the typical retention measure of the theme
    kept_by: ThemeRow | None  # leavers who said it could have kept them
    rank: int = 0  # 1 for the most pressing

    @property
    def percent(self) -> str:
        return percent(self.share.value)

    @property
    def interval(self) -> str:
        return _interval(self.share)

    @property
    def regrettable_percent(self) -> str:
        return percent(self.regrettable_share.value) if self.regrettable_share else ""

    @property
    def kept_by_percent(self) -> str:
        return percent(self.kept_by.share.value) if self.kept_by and self.kept_by.share else ""


def is_actionable(theme: str) -> bool:
    return get_theme(theme).actionable


def priorities(insights: Insights) -> list[Priority]:
    """The actionable reasons to leave, most pressing first (see the module docstring)."""
    trends = {series.name: series for series in insights.theme_trends}
    kept_by = {row.theme: row for row in insights.retention}
    higher = _higher_segments(insights)
    found = [
        Priority(
            theme=row.theme,
            label=theme_label(row.theme),
            score=row.leavers + row.regrettable,
            leavers=row.leavers,
            share=row.share,
            regrettable=row.regrettable,
            regrettable_share=share(row.regrettable, row.leavers),
            sources={key: row.sources.get(key, 0) for key in ("main", "contributing", "text")},
            trend=trends.get(row.theme),
            direction=direction(trends.get(row.theme)),
            segments=higher.get(row.theme, []),
            quotes=insights.quotes.get(row.theme, []),
            measure=retention_measure(row.theme),
            kept_by=kept_by.get(row.theme),
        )
        for row in insights.reasons
        if is_actionable(row.theme)
    ]
    found.sort(key=lambda priority: (-priority.score, priority.theme))
    for rank, priority in enumerate(found, start=1):
        priority.rank = rank
    return found


def not_actionable(insights: Insights) -> list[tuple[str, ThemeRow]]:
    """(label, row) of the reasons the organisation could not have changed, such as personal
    circumstances."""
    return [
        (theme_label(row.theme), row) for row in insights.reasons if not is_actionable(row.theme)
    ]


def direction(series: TrendSeries | None) -> str | None:
    """Rising or falling when the first and last shown periods' 95% intervals do not overlap."""
    shown = [point for _, point in series.points if point is not None] if series else []
    if len(shown) < 2:
        return None
    first, last = shown[0], shown[-1]
    if last.low > first.high:
        return "rising"
    if last.high < first.low:
        return "falling"
    return "steady"


def _higher_segments(insights: Insights) -> dict[str, list[str]]:
    """theme -> names of the segments that raise it more than the rest, by more than chance."""
    breakdown = insights.breakdown
    if breakdown is None:
        return {}
    names = segment_labels(breakdown.dimension, [s.key for s in breakdown.segments])
    found: dict[str, list[str]] = {}
    for segment in breakdown.segments:
        for theme, way in segment.differs.items():
            if way == "higher":
                found.setdefault(theme, []).append(names[segment.key])
    return found


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _count_share(row_share: Share | None, count: int) -> str:
    return f"{count} ({percent(row_share.value)})" if row_share else str(count)


def _interval(row_share: Share | None) -> str:
    return f"{round(row_share.low * 100)}–{percent(row_share.high)}" if row_share else "—"


def charts_for(insights: Insights) -> dict[str, str]:
    """Inline SVG charts by name: reasons, trends, heat_map, strengths. Empty when suppressed."""
    if insights.suppressed:
        return {}
    return {
        "reasons": _reasons_chart(insights),
        "trends": _trend_chart(insights),
        "heat_map": _segments_chart(insights),
        "strengths": _strengths_chart(insights),
    }


def _reasons_chart(insights: Insights) -> str:
    bars = [
        charts.Bar(
            label=theme_label(row.theme),
            parts=[("negative", row.negative), ("positive", row.positive)],
            display=_count_share(row.share, row.leavers),
            low=row.share.low * row.share.total if row.share else None,
            high=row.share.high * row.share.total if row.share else None,
        )
        for row in insights.reasons[:CHART_BARS]
    ]
    return charts.bar_chart(
        bars,
        id="chart-reasons",
        title=_("Why people leave"),
        description=_(
            "Leavers raising each theme as a reason to leave, with the %(confidence)s interval of "
            "the share; the hatched part counts leavers who named the theme as a strength instead."
        )
        % {"confidence": CONFIDENCE},
        legend={"negative": _("Reason to leave"), "positive": _("Named as a strength")},
        empty_text=_("No reasons given"),
    )


def _trend_points(series: TrendSeries) -> list[charts.TrendPoint]:
    return [
        charts.TrendPoint(period, point.value, point.low, point.high, percent(point.value))
        if point
        else charts.TrendPoint(period, None, label="—")
        for period, point in series.points
    ]


def _trend_series(insights: Insights) -> list[tuple[str, TrendSeries]]:
    named = [(theme_label(series.name), series) for series in insights.theme_trends]
    return [*named, (_("Voluntary departures"), insights.voluntary_trend)]


def _trend_chart(insights: Insights) -> str:
    series = _trend_series(insights)
    # The legend runs on one line: widen the drawing (and so shrink it) until the names fit.
    legend = 48 + sum(56 + len(name) * charts.CHAR_WIDTH for name, _series in series) + 16
    return charts.trend_chart(
        [(name, _trend_points(points)) for name, points in series],
        id="chart-trend",
        title=_("The top reasons over time"),
        description=_(
            "Per period, the share of leavers raising each of the top reasons, and the share of "
            "departures that were voluntary; bands show the %(confidence)s interval, gaps hide "
            "small groups."
        )
        % {"confidence": CONFIDENCE},
        empty_text=_("No periods to show"),
        width=max(640, math.ceil(legend)),
    )


def _segment_columns(insights: Insights) -> list[tuple[str, str]]:
    """(key, unique name) of the breakdown's segments."""
    breakdown = insights.breakdown
    if breakdown is None:
        return []
    names = segment_labels(breakdown.dimension, [s.key for s in breakdown.segments])
    columns, seen = [], set()
    for segment in breakdown.segments:
        name, number = names[segment.key], 1
        while name in seen:  # two departments of the same name under different parents
            number += 1
            name = f"{names[segment.key]} ({number})"
        seen.add(name)
        columns.append((segment.key, name))
    return columns


def _segments_chart(insights: Insights) -> str:
    columns = _segment_columns(insights)
    segments = {s.key: s for s in insights.breakdown.segments} if insights.breakdown else {}
    rows = [(row.theme, theme_label(row.theme)) for row in insights.reasons[:CHART_BARS]]
    cells = {}
    for theme, label in rows:
        for key, name in columns:
            segment = segments[key]
            count = segment.themes.get(theme, 0)
            cells[(label, name)] = charts.HeatCell(
                count / segment.leavers, f"{count}/{segment.leavers}", theme in segment.differs
            )
    dimension = dimension_label(insights.filters.by)
    return charts.heat_map(
        [label for _, label in rows],
        [name for _, name in columns],
        cells,
        id="chart-segments",
        title=_("Reasons per segment: %(dimension)s") % {"dimension": dimension},
        description=_(
            "Leavers raising each reason in each group, darker for a larger share; a thick border "
            "marks a group that differs from the rest by more than chance."
        ),
        empty_text=_("No groups large enough to show"),
    )


@dataclass
class Strength:
    theme: str
    attraction: int
    liked_most: int
    liked_least: int

    @property
    def strength(self) -> int:
        return self.attraction + self.liked_most


def strengths(insights: Insights) -> list[Strength]:
    """Per theme: mentions as what attracted leavers or what they liked most (strengths) and
    as what they liked least (weaknesses). Mentions, not leavers: one may name a theme twice."""
    found: dict[str, Strength] = {}
    for rows, attribute in (
        (insights.attraction, "attraction"),
        (insights.liked_most, "liked_most"),
        (insights.liked_least, "liked_least"),
    ):
        for row in rows:
            entry = found.setdefault(row.theme, Strength(row.theme, 0, 0, 0))
            setattr(entry, attribute, row.leavers)
    return sorted(
        found.values(), key=lambda s: (-(s.strength + s.liked_least), -s.strength, s.theme)
    )


def _strengths_chart(insights: Insights) -> str:
    bars = [
        charts.Bar(
            label=theme_label(entry.theme),
            parts=[("negative", entry.liked_least), ("positive", entry.strength)],
            display=f"\u2212{entry.liked_least} +{entry.strength}",
        )
        for entry in strengths(insights)[:CHART_BARS]
    ]
    return charts.bar_chart(
        bars,
        id="chart-strengths",
        title=_("Strengths and weaknesses"),
        description=_(
            "Mentions of each theme as what leavers liked least (solid) and as what attracted "
            "them or what they liked most (hatched)."
        ),
        legend={
            "negative": _("Liked least (−)"),  # noqa: RUF001  (a minus sign, as in the bars)
            "positive": _("Attracted them or liked most (+)"),
        },
        empty_text=_("No answers about strengths and weaknesses"),
    )


def tables_for(insights: Insights) -> dict[str, Table]:
    """The data of each chart of charts_for, under the same names."""
    if insights.suppressed:
        return {}
    return {
        "reasons": _reasons_table(insights),
        "trends": _trend_table(insights),
        "heat_map": _segments_table(insights),
        "strengths": _strengths_table(insights),
    }


def _reasons_table(insights: Insights) -> Table:
    return Table(
        caption=_("Why people leave: leavers per reason"),
        header=[
            _("Reason"),
            _("Leavers"),
            _("%(confidence)s interval") % {"confidence": CONFIDENCE},
            _("Regrettable"),
            _("Main reason"),
            _("Contributing"),
            _("In their words"),
            _("Named as a strength"),
        ],
        rows=[
            [
                theme_label(row.theme),
                _count_share(row.share, row.leavers),
                _interval(row.share),
                str(row.regrettable),
                str(row.sources.get("main", 0)),
                str(row.sources.get("contributing", 0)),
                str(row.sources.get("text", 0)),
                str(row.positive),
            ]
            for row in insights.reasons
        ],
    )


def _trend_table(insights: Insights) -> Table:
    series = _trend_series(insights)
    rows = []
    for index, period in enumerate(insights.periods):
        row = [period]
        for _name, trend in series:
            point = trend.points[index][1] if index < len(trend.points) else None
            row.append(f"{percent(point.value)} ({point.count}/{point.total})" if point else "—")
        rows.append(row)
    return Table(
        caption=_("The top reasons over time"),
        header=[_("Period"), *(name for name, _series in series)],
        rows=rows,
        notes=[
            _("— : fewer than %(n)s in that period, or hidden with such a period.")
            % {"n": insights.min_group}
        ],
    )


def _segments_table(insights: Insights) -> Table:
    columns = _segment_columns(insights)
    segments = {s.key: s for s in insights.breakdown.segments} if insights.breakdown else {}
    words = {"higher": _("more than elsewhere"), "lower": _("less than elsewhere")}
    rows = []
    for reason in insights.reasons:
        row = [theme_label(reason.theme)]
        for key, _name in columns:
            segment = segments[key]
            cell = f"{segment.themes.get(reason.theme, 0)}/{segment.leavers}"
            if reason.theme in segment.differs:
                cell += f" ({words[segment.differs[reason.theme]]})"
            row.append(cell)
        rows.append(row)
    notes = []
    if insights.breakdown and any(s.key == OTHER for s in insights.breakdown.segments):
        notes.append(
            _(
                "Other: groups of fewer than %(n)s leavers, with the smallest others until they "
                "reach %(n)s together."
            )
            % {"n": insights.min_group}
        )
    return Table(
        caption=_("Reasons per segment: %(dimension)s")
        % {"dimension": dimension_label(insights.filters.by)},
        header=[_("Reason"), *(name for _key, name in columns)],
        rows=rows if columns else [],
        notes=notes,
    )


def _strengths_table(insights: Insights) -> Table:
    return Table(
        caption=_("Strengths and weaknesses: mentions per theme"),
        header=[_("Theme"), _("Attracted them"), _("Liked most"), _("Liked least")],
        rows=[
            [
                theme_label(entry.theme),
                str(entry.attraction),
                str(entry.liked_most),
                str(entry.liked_least),
            ]
            for entry in strengths(insights)
        ],
    )


def at_a_glance(insights: Insights) -> list[tuple[str, str]]:
    """The headline figures in words; a dash where the group is too small to show."""
    headline = insights.headline

    def count(value: int | None) -> str:
        return "—" if value is None else str(value)

    def part(value: Share | None) -> str:
        if value is None:
            return "—"
        return _("%(percent)s (%(count)s of %(total)s)") % {
            "percent": percent(value.value),
            "count": value.count,
            "total": value.total,
        }

    return [
        (_("Departures"), count(headline.departures)),
        (_("Leavers interviewed"), count(headline.leavers)),
        (_("Response to invitations"), part(headline.responded)),
        (_("Voluntary departures"), part(headline.voluntary)),
        (_("Regrettable departures"), part(headline.regrettable)),
    ]


def report_context(insights: Insights) -> dict:
    """Everything the report body shows, for the web page and the PDF alike."""
    suppressed = insights.suppressed
    ranked = [] if suppressed else priorities(insights)
    tables = tables_for(insights)
    svgs = charts_for(insights)
    return {
        "insights": insights,
        "organisation": settings.EXITLENS_ORGANISATION_NAME,
        "filters_described": describe(insights.filters),
        "generated": timezone.localtime(),
        "at_a_glance": [] if suppressed else at_a_glance(insights),
        "suppressed": suppressed,
        "withheld_reasons": insights.withheld_reasons,
        "priorities": ranked[:DETAILED_PRIORITIES],
        "more_priorities": ranked[DETAILED_PRIORITIES:],
        "not_actionable": [] if suppressed else not_actionable(insights),
        "charts": [{"name": name, "svg": svg, "table": tables[name]} for name, svg in svgs.items()],
    }


def render_pdf(insights: Insights, *, request=None) -> bytes:
    """The report as a PDF, built without any network access: only bundled static files load."""
    from weasyprint import HTML  # imported here: loading WeasyPrint takes a while

    html = render_to_string("insights/report_pdf.html", report_context(insights), request=request)
    return HTML(
        string=html, base_url=static_base_url(), url_fetcher=static_only_fetcher()
    ).write_pdf()


def static_base_url() -> str:
    """A file: URL under which `{% static %}` paths resolve; static_only_fetcher serves them."""
    return "file:///" + urlsplit(settings.STATIC_URL).path.strip("/") + "/"


@functools.cache
def _static_only_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        """Serves the app's static files (through the staticfiles finders) and refuses every
        other URL, so that rendering a report never reaches the network or other files."""

        def fetch(self, url, headers=None):
            path = static_path(url)
            if path is None:
                raise ValueError(f"the report loads bundled static files only, not {url}")
            mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": mime_type})

    return Fetcher


def static_only_fetcher():
    """A WeasyPrint URL fetcher (its class is made on first use, as WeasyPrint loads slowly)."""
    return _static_only_fetcher_class()()


def static_path(url: str) -> Path | None:
    """The bundled static file behind a file: URL under static_base_url(), or None."""
    parts = urlsplit(url)
    prefix = urlsplit(static_base_url()).path
    if parts.scheme != "file" or parts.netloc or not parts.path.startswith(prefix):
        return None
    relative = unquote(parts.path.removeprefix(prefix))
    if not relative or ".." in relative.split("/"):
        return None
    found = finders.find(relative)
    if isinstance(found, str):
        return Path(found)
    # In production {% static %} names the collected copy, with its hash in the name.
    root = Path(settings.STATIC_ROOT).resolve()
    collected = (root / relative).resolve()
    return collected if collected.is_file() and collected.is_relative_to(root) else None
