"""Charts as inline SVG, drawn on the server: the same markup in the web page and the PDF.

Readable on a black-and-white printout: bars, lines and cells differ by pattern, dash and marker
shape as well as by shade, and every value is written next to what it measures. All text comes
in already translated and is escaped here, because labels such as department names are user
data.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

SLATE = "#334155"  # problems, negative answers, lines
GREY = "#cbd5e1"  # neutral and other
TEXT = "#111827"
MUTED = "#64748b"
FONT_SIZE = 12
CHAR_WIDTH = 7.0  # a generous average width of a sans-serif character, for layout
LABEL_WIDTH = 170  # the label column of bar charts and heat maps
KINDS = ("negative", "positive", "neutral")
_VALID_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


@dataclass
class Bar:
    label: str
    parts: list[tuple[str, float]]  # (kind, value), kind one of KINDS
    display: str  # written at the end of the bar, e.g. "34 (41%)"
    low: float | None = None  # interval whiskers on the total, in the units of the values
    high: float | None = None
    flagged: bool = False  # differs from the rest by more than chance


@dataclass
class TrendPoint:
    period: str  # "2026-Q1", "2026-03"
    value: float | None  # None: suppressed or no data, drawn as a gap
    low: float | None = None
    high: float | None = None
    label: str = ""  # "41%", "—"


@dataclass
class HeatCell:
    value: float | None  # share 0..1; None: suppressed
    label: str  # "12/30", "—"
    flagged: bool = False


def bar_chart(
    bars: list[Bar],
    *,
    id: str,
    title: str,
    description: str,
    max_value: float | None = None,
    legend: dict[str, str] | None = None,
    flag_marker: str = "▲",
    empty_text: str = "No data",
    width: int = 640,
) -> str:
    """Horizontal stacked bars with a label column, value labels and optional whiskers."""
    if not bars:
        return _empty(id, title, description, empty_text, width)
    for bar in bars:
        for kind, value in bar.parts:
            _check_kind(kind)
            if value < 0:
                raise ValueError(f"bar values must not be negative: {bar.label!r} has {value}")
    row_height, top = 26, 30 if legend else 8
    left, right = LABEL_WIDTH + 8, width - 96  # room for the value label
    largest = max_value or max(max(sum(v for _, v in b.parts), b.high or 0) for b in bars) or 1
    scale = (right - left) / largest
    height = top + row_height * len(bars) + 8
    out = [_legend(id, legend, left, 8)] if legend else []
    for row, bar in enumerate(bars):
        y = top + row * row_height
        marker = f" {flag_marker}" if bar.flagged else ""
        out.append(_tag("text", _label(bar.label, marker), x=LABEL_WIDTH, y=y + 17, anchor="end"))
        x = left
        for kind, value in bar.parts:
            if value > 0:
                out.append(
                    _tag("rect", x=x, y=y + 5, width=value * scale, height=16, **_FILL[kind](id))
                )
                x += value * scale
        end = x
        if bar.low is not None and bar.high is not None:
            low, high = left + bar.low * scale, left + bar.high * scale
            out.append(_whisker(low, high, y + 13))
            end = max(end, high)
        out.append(_tag("text", escape(bar.display), x=end + 6, y=y + 17))
    out.append(_tag("line", x1=left, y1=top, x2=left, y2=height - 8, stroke=TEXT))
    return _svg(id, title, description, width, height, out)


def trend_chart(
    series: list[tuple[str, list[TrendPoint]]],
    *,
    id: str,
    title: str,
    description: str,
    percent: bool = True,
    empty_text: str = "No data",
    width: int = 640,
) -> str:
    """Lines over periods, each with its 95% interval as a light band and gaps for no data."""
    periods = list(dict.fromkeys(p.period for _, points in series for p in points))
    if not periods:
        return _empty(id, title, description, empty_text, width)
    values = [v for _, pts in series for p in pts for v in (p.value, p.high) if v is not None]
    top_value = 1.0 if percent else _nice_ceiling(max(values, default=0))
    left, top, plot_height = 48, 34, 200
    plot_width, bottom = width - left - 16, top + plot_height
    step = plot_width / len(periods)
    longest = max(len(period) for period in periods) * CHAR_WIDTH
    rotate = longest + 8 > step  # slanted period labels, and only every so many when crowded
    every = max(1, math.ceil(len(periods) * (18 if rotate else longest + 8) / plot_width))
    height = bottom + (int(longest * 0.72) + 20 if rotate else 24)
    position = {period: index for index, period in enumerate(periods)}

    def xy(period: str, value: float) -> tuple[float, float]:
        return left + (position[period] + 0.5) * step, bottom - value / top_value * plot_height

    out = []
    for tick in range(5):
        value, y = top_value * tick / 4, bottom - plot_height * tick / 4
        text = f"{round(value * 100)}%" if percent else f"{value:g}"
        out.append(_tag("line", x1=left, y1=y, x2=left + plot_width, y2=y, stroke=GREY))
        out.append(_tag("text", text, x=left - 6, y=y + 4, anchor="end"))
    out.append(_tag("line", x1=left, y1=bottom, x2=left + plot_width, y2=bottom, stroke=TEXT))
    for period in periods[::every]:
        x, y = xy(period, 0)[0], bottom + 16
        turn = {"transform": f"rotate(-45 {_n(x)} {y})", "anchor": "end"} if rotate else {}
        out.append(_tag("text", escape(period), x=x, y=y, **({"anchor": "middle"} | turn)))
    legend_x = left
    for number, (name, points) in enumerate(series):
        colour, dash = _SERIES_COLOURS[number % 3], _DASHES[number % 4]
        shape = _MARKERS[(number + number // 4) % 3]
        for run in _runs(points, lambda p: p.low is not None and p.high is not None):
            band = [xy(p.period, p.high) for p in run] + [xy(p.period, p.low) for p in run[::-1]]
            out.append(_tag("polygon", points=_points(band), fill=colour, fill_opacity="0.15"))
        for run in _runs(points, lambda p: p.value is not None):
            if len(run) == 1:
                continue  # a lone point is its marker
            line = _points([xy(p.period, p.value) for p in run])
            out.append(
                _tag("polyline", points=line, fill="none", stroke=colour, stroke_width=2, **dash)
            )
        for point in points:
            if point.value is None:
                x, y = xy(point.period, 0)
                text = escape(point.label or "—")
                out.append(_tag("text", text, x=x, y=y - 6, anchor="middle", fill=MUTED))
                continue
            x, y = xy(point.period, point.value)
            out.append(_marker(shape, x, y, colour))
            if position[point.period] % every == 0 and point.label:
                y += 16 if number % 2 else -8
                text = escape(point.label)
                out.append(_tag("text", text, x=x, y=y, anchor="middle", font_size=10))
        sample = {"x1": legend_x, "x2": legend_x + 28, "y1": 14, "y2": 14, "stroke_width": 2}
        out.append(_tag("line", stroke=colour, **sample, **dash))
        out.append(_marker(shape, legend_x + 14, 14, colour))
        out.append(_tag("text", escape(name), x=legend_x + 34, y=18))
        legend_x += 56 + len(name) * CHAR_WIDTH
    return _svg(id, title, description, width, height, out)


def heat_map(
    rows: list[str],
    columns: list[str],
    cells: dict[tuple[str, str], HeatCell],
    *,
    id: str,
    title: str,
    description: str,
    max_value: float | None = None,
    empty_text: str = "No data",
    width: int = 640,
) -> str:
    """Rows (themes) by columns (segments), darker for a higher share, with the count written in.

    Shades run from near white at 0 to near black at max_value, by default the largest share
    shown, so that the most common combination is the darkest. A missing cell is suppressed.
    """
    if not rows or not columns:
        return _empty(id, title, description, empty_text, width)
    headers = [_truncate(column, 22) for column in columns]
    longest = max(len(header) for header in headers) * CHAR_WIDTH
    grid = width - LABEL_WIDTH - 8
    rotate = longest + 6 > min(90.0, grid / len(columns))
    overhang = longest * 0.71 if rotate else 0  # a slanted header sticks out to the right
    cell_width = max(40.0, min(90.0, (grid - overhang) / len(columns)))
    width = max(width, math.ceil(LABEL_WIDTH + 8 + cell_width * len(columns) + overhang))
    header_height = int(longest * 0.71) + 20 if rotate else 24
    row_height = 26
    height = header_height + row_height * len(rows) + 4
    shown = [cell.value for cell in cells.values() if cell.value is not None]
    darkest = max_value or max(shown, default=0) or 1
    out = []
    for number, (column, header) in enumerate(zip(columns, headers, strict=True)):
        x, y = LABEL_WIDTH + 8 + (number + 0.5) * cell_width, header_height - 8
        tip = f"<title>{escape(column)}</title>" if header != column else ""
        turn = {"x": x - 4, "anchor": "start", "transform": f"rotate(-45 {_n(x - 4)} {y})"}
        place = {"x": x, "y": y, "anchor": "middle"} | (turn if rotate else {})
        out.append(_tag("text", tip + escape(header), **place))
    for row_number, row in enumerate(rows):
        y = header_height + row_number * row_height
        out.append(_tag("text", _label(row), x=LABEL_WIDTH, y=y + 17, anchor="end"))
        for number, column in enumerate(columns):
            x = LABEL_WIDTH + 8 + number * cell_width
            cell = cells.get((row, column)) or HeatCell(None, "—")
            if cell.value is None:
                fill, ink, text = f"url(#{id}-crosshatch)", MUTED, cell.label or "—"
            else:
                level = round(248 - min(1.0, cell.value / darkest) * 208)
                fill, text = f"#{level:02x}{level:02x}{level:02x}", cell.label
                ink = "#ffffff" if level < 140 else TEXT
            border = {"stroke": TEXT, "stroke_width": 3} if cell.flagged else {"stroke": "#fff"}
            box = {"x": x + 1.5, "y": y + 1.5, "width": cell_width - 3, "height": row_height - 3}
            centre = {"x": x + cell_width / 2, "y": y + 17, "anchor": "middle"}
            out.append(
                _tag(
                    "g",
                    _tag("title", escape(f"{row} – {column}: {text}"))
                    + _tag("rect", fill=fill, **box, **border)
                    + _tag("text", escape(text), fill=ink, **centre),
                )
            )
    return _svg(id, title, description, width, height, out)


def _svg(id: str, title: str, description: str, width: int, height: int, body: list[str]) -> str:
    if not _VALID_ID.match(id):
        raise ValueError(f"chart id must be a letter followed by letters, digits, - or _: {id!r}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{id}" width="100%" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}" fill="{TEXT}">'
        f'<title id="{id}-title">{escape(title)}</title>'
        f'<desc id="{id}-desc">{escape(description)}</desc>'
        f"<defs>{_patterns(id)}</defs>" + "".join(body) + "</svg>"
    )


def _empty(id: str, title: str, description: str, empty_text: str, width: int) -> str:
    text = _tag("text", escape(empty_text), x=width / 2, y=28, anchor="middle", fill=MUTED)
    return _svg(id, title, description, width, 48, [text])


def _patterns(id: str) -> str:
    # Tiles drawn without patternTransform, which not every SVG renderer supports.
    return (
        f'<pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="#ffffff"/>'
        f'<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{SLATE}" stroke-width="1.5"/>'
        f"</pattern>"
        f'<pattern id="{id}-crosshatch" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="#ffffff"/>'
        f'<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{GREY}" stroke-width="1"/>'
        f"</pattern>"
    )


_FILL: dict[str, Callable[[str], dict]] = {
    "negative": lambda id: {"fill": SLATE},
    "positive": lambda id: {"fill": f"url(#{id}-hatch)", "stroke": SLATE},
    "neutral": lambda id: {"fill": GREY},
}
_SERIES_COLOURS = (SLATE, "#0f172a", "#64748b")
_DASHES = tuple({"stroke_dasharray": d} if d else {} for d in ("", "7 4", "2 3", "9 3 2 3"))
_MARKERS = ("circle", "square", "triangle")


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return _tag("circle", cx=x, cy=y, r=4, fill=colour, stroke="#fff")
    if shape == "square":
        return _tag("rect", x=x - 4, y=y - 4, width=8, height=8, fill=colour, stroke="#fff")
    triangle = _points([(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)])
    return _tag("polygon", points=triangle, fill=colour, stroke="#fff")


def _legend(id: str, legend: dict[str, str], x: float, y: float) -> str:
    out = []
    for kind, name in legend.items():
        _check_kind(kind)
        out.append(_tag("rect", x=x, y=y, width=12, height=12, **_FILL[kind](id)))
        out.append(_tag("text", escape(name), x=x + 17, y=y + 11))
        x += 32 + len(name) * CHAR_WIDTH
    return "".join(out)


def _whisker(low: float, high: float, y: float) -> str:
    # A white halo under the dark line keeps it visible across a dark bar.
    path = f"M{_n(low)},{_n(y - 4)} v8 M{_n(low)},{_n(y)} H{_n(high)} M{_n(high)},{_n(y - 4)} v8"
    halo = _tag("path", d=path, stroke="#ffffff", stroke_width=3.5, fill="none")
    return halo + _tag("path", d=path, stroke=TEXT, stroke_width=1.5, fill="none")


def _tag(name: str, inner: str = "", **attributes: object) -> str:
    """An element; inner is markup (escape text first), attribute values are escaped here.

    Attribute names: underscores become hyphens, anchor is short for text-anchor.
    """
    parts = [name]
    for key, value in attributes.items():
        key = "text-anchor" if key == "anchor" else key.replace("_", "-")
        parts.append(f"{key}={quoteattr(_n(value) if isinstance(value, float) else str(value))}")
    opening = " ".join(parts)
    return f"<{opening}>{inner}</{name}>" if inner else f"<{opening}/>"


def _label(text: str, marker: str = "") -> str:
    """A label cut to fit the label column, with the full text as a tooltip when cut."""
    shown = _truncate(text, int(LABEL_WIDTH / CHAR_WIDTH) - len(marker) * 2)
    tip = f"<title>{escape(text)}</title>" if shown != text else ""
    flag = f'<tspan font-weight="bold">{escape(marker)}</tspan>' if marker else ""
    return f"{tip}{escape(shown)}{flag}"


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: max(1, length - 1)].rstrip() + "…"


def _runs(points: list[TrendPoint], keep: Callable[[TrendPoint], bool]) -> list[list[TrendPoint]]:
    """Consecutive points that keep accepts; the others break the line."""
    runs: list[list[TrendPoint]] = [[]]
    for point in points:
        if keep(point):
            runs[-1].append(point)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= value)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _n(number: float) -> str:
    return f"{number:.1f}".removesuffix(".0")
