"""The SVG charts: well-formed, accessible, escaped and readable without colour."""

import re
import xml.etree.ElementTree as ET

import pytest

from exitlens.insights.charts import (
    Bar,
    HeatCell,
    TrendPoint,
    bar_chart,
    heat_map,
    trend_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>x</script> & Co"  # short enough to be shown uncut


def parse(markup: str) -> ET.Element:
    root = ET.fromstring(markup)  # noqa: S314 - our own output, checked in a test
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    """The visible text of each <text> element, without its tooltip."""
    found = []
    for element in root.iter(f"{SVG}text"):
        tooltip = element.find(f"{SVG}title")
        visible = "".join(element.itertext())
        if tooltip is not None:
            visible = visible.removeprefix(tooltip.text)
        found.append(visible)
    return found


def ids(root: ET.Element) -> set[str]:
    return {element.get("id") for element in root.iter() if element.get("id")}


def some_bars() -> list[Bar]:
    return [
        Bar("Sales", [("negative", 12), ("positive", 5)], "17 (41%)", low=11, high=24),
        Bar("R&D", [("negative", 3), ("neutral", 2)], "5 (12%)", flagged=True),
        Bar("Research and Development, Europe and the Americas", [("positive", 4)], "4 (9%)"),
    ]


def a_bar_chart(**overrides) -> str:
    arguments = {"id": "reasons", "title": "Why people leave", "description": "By department"}
    return bar_chart(overrides.pop("bars", some_bars()), **(arguments | overrides))


def trend_points(values: list[float | None]) -> list[TrendPoint]:
    return [
        TrendPoint(
            f"2025-Q{quarter}",
            value,
            None if value is None else max(0, value - 0.1),
            None if value is None else value + 0.1,
            "—" if value is None else f"{value:.0%}",
        )
        for quarter, value in enumerate(values, start=1)
    ]


def a_trend(**overrides) -> str:
    arguments = {"id": "trend", "title": "Pay over time", "description": "Share per quarter"}
    series = overrides.pop("series", [("Pay", trend_points([0.2, 0.3, None, 0.4]))])
    return trend_chart(series, **(arguments | overrides))


def a_heat_map(**overrides) -> str:
    cells = {
        ("Pay", "Sales"): HeatCell(0.6, "12/20", flagged=True),
        ("Pay", "R&D"): HeatCell(None, "—"),
        ("Workload", "Sales"): HeatCell(0.05, "1/20"),
        ("Workload", "R&D"): HeatCell(0.3, "6/20"),
    }
    arguments = {"id": "heat", "title": "Themes by department", "description": "Shares"}
    arguments |= {"rows": ["Pay", "Workload"], "columns": ["Sales", "R&D"], "cells": cells}
    return heat_map(**(arguments | overrides))


CHARTS = [a_bar_chart, a_trend, a_heat_map]


@pytest.mark.parametrize("chart", CHARTS)
def test_it_draws_well_formed_accessible_svg(chart):
    root = parse(chart(title="A title", description="A description"))
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "A title"
    assert desc.text == "A description"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox"))
    assert root.get("font-family") == "sans-serif"


@pytest.mark.parametrize("chart", CHARTS)
def test_it_escapes_user_text(chart):
    hostile = {
        a_bar_chart: {"bars": [Bar(HOSTILE, [("negative", 1)], "1 & more")]},
        a_trend: {"series": [(HOSTILE, trend_points([0.5, 0.6]))]},
        a_heat_map: {"rows": [HOSTILE], "cells": {(HOSTILE, "Sales"): HeatCell(0.5, "1/2")}},
    }[chart]
    markup = chart(title=HOSTILE, description=HOSTILE, **hostile)
    root = parse(markup)
    assert not [element for element in root.iter() if "script" in element.tag]
    assert root.find(f"{SVG}title").text == HOSTILE
    assert HOSTILE in texts(root)
    assert "<script>" not in markup


@pytest.mark.parametrize("chart", CHARTS)
def test_it_gives_each_chart_its_own_ids(chart):
    first, second = parse(chart(id="first")), parse(chart(id="second"))
    assert ids(first) and not ids(first) & ids(second)
    for root in (first, second):
        for element in root.iter():
            for value in element.attrib.values():
                for reference in re.findall(r"url\(#([^)]+)\)", value):
                    assert reference in ids(root)


@pytest.mark.parametrize("chart", CHARTS)
def test_it_refuses_an_id_that_is_not_a_plain_name(chart):
    with pytest.raises(ValueError):
        chart(id='x" onload="alert(1)')


def test_it_draws_a_labelled_bar_for_each_segment():
    root = parse(a_bar_chart(legend={"negative": "Problem", "positive": "Strength"}))
    shown = texts(root)
    assert "Sales" in shown
    assert "R&D ▲" in shown
    assert "17 (41%)" in shown and "5 (12%)" in shown and "4 (9%)" in shown
    assert "Problem" in shown and "Strength" in shown


def test_it_cuts_long_labels_and_keeps_them_as_a_tooltip():
    root = parse(a_bar_chart())
    label = next(t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None)
    full = "Research and Development, Europe and the Americas"
    assert label.find(f"{SVG}title").text == full
    shown = texts(root)
    assert any(text.startswith("Research") and text.endswith("…") for text in shown)
    assert full not in shown


def test_it_marks_only_flagged_bars():
    root = parse(a_bar_chart())
    markers = [span.text for span in root.iter(f"{SVG}tspan")]
    assert markers == [" ▲"]
    star = parse(a_bar_chart(flag_marker="*"))
    assert [span.text for span in star.iter(f"{SVG}tspan")] == [" *"]


def test_it_tells_bar_kinds_apart_by_pattern_not_only_colour():
    root = parse(a_bar_chart())
    fills = {rect.get("fill") for rect in root.iter(f"{SVG}rect")}
    assert "url(#reasons-hatch)" in fills
    assert root.find(f".//{SVG}pattern[@id='reasons-hatch']") is not None


def test_it_draws_interval_whiskers_when_given():
    with_whiskers = parse(a_bar_chart())
    without = parse(a_bar_chart(bars=[Bar("Sales", [("negative", 12)], "12")]))
    assert len(with_whiskers.findall(f"{SVG}path")) == 2  # the line and its white halo
    assert not without.findall(f"{SVG}path")


def test_it_rejects_unknown_kinds_and_negative_values():
    with pytest.raises(ValueError):
        a_bar_chart(bars=[Bar("Sales", [("bad", 1)], "1")])
    with pytest.raises(ValueError):
        a_bar_chart(bars=[Bar("Sales", [("negative", -1)], "-1")])
    with pytest.raises(ValueError):
        a_bar_chart(legend={"bad": "Bad"})


def test_it_leaves_a_gap_in_the_line_where_there_is_no_data():
    root = parse(a_trend(series=[("Pay", trend_points([0.2, 0.3, None, 0.4, 0.5]))]))
    lines = [line.get("points").split() for line in root.iter(f"{SVG}polyline")]
    assert [len(points) for points in lines] == [2, 2]
    assert "—" in texts(root)
    bands = [band for band in root.iter(f"{SVG}polygon") if band.get("fill-opacity")]
    assert len(bands) == 2


def test_it_draws_a_lone_point_between_gaps_as_a_marker_only():
    root = parse(a_trend(series=[("Pay", trend_points([0.2, None, 0.4]))]))
    assert not root.findall(f"{SVG}polyline")
    assert len(root.findall(f"{SVG}circle")) == 3  # two points and the legend sample
    assert "20%" in texts(root) and "40%" in texts(root)


def test_it_tells_series_apart_by_dash_and_marker():
    series = [(name, trend_points([0.2, 0.3, 0.4])) for name in ("Pay", "Workload", "Career")]
    root = parse(a_trend(series=series))
    dashes = [line.get("stroke-dasharray") for line in root.iter(f"{SVG}polyline")]
    assert len(set(dashes)) == 3
    assert root.findall(f"{SVG}circle") and root.findall(f"{SVG}rect")
    assert [p for p in root.iter(f"{SVG}polygon") if not p.get("fill-opacity")]  # triangles
    assert {"Pay", "Workload", "Career"} <= set(texts(root))


def test_it_labels_the_percentage_axis_and_the_periods():
    shown = texts(parse(a_trend()))
    assert {"0%", "25%", "50%", "75%", "100%"} <= set(shown)
    assert {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"} <= set(shown)


def test_it_scales_a_count_axis_to_the_data():
    points = [TrendPoint("2025-01", 7, label="7"), TrendPoint("2025-02", 16, label="16")]
    shown = texts(parse(a_trend(series=[("Leavers", points)], percent=False)))
    assert "20" in shown and "100%" not in shown


def test_it_slants_and_thins_out_many_period_labels():
    months = [f"{year}-{month:02d}" for year in (2024, 2025, 2026) for month in range(1, 13)]
    points = [TrendPoint(month, 0.5, label="50%") for month in months]
    root = parse(a_trend(series=[("Pay", points)]))
    periods = [text for text in root.iter(f"{SVG}text") if text.text in months]
    assert 6 <= len(periods) < len(months)
    assert all(text.get("transform", "").startswith("rotate(") for text in periods)


def test_it_shades_heat_map_cells_by_share_with_contrasting_text():
    root = parse(a_heat_map())
    cells = {group.find(f"{SVG}text").text: group for group in root.iter(f"{SVG}g")}
    assert set(cells) == {"12/20", "—", "1/20", "6/20"}
    dark, light = cells["12/20"], cells["1/20"]
    assert dark.find(f"{SVG}text").get("fill") == "#ffffff"
    assert light.find(f"{SVG}text").get("fill") != "#ffffff"

    def grey(label: str) -> int:
        return int(cells[label].find(f"{SVG}rect").get("fill")[1:3], 16)

    assert grey("12/20") < grey("6/20") < grey("1/20")


def test_it_crosshatches_suppressed_cells():
    root = parse(a_heat_map(columns=["Sales", "R&D", "HR"]))  # no HR cells at all
    suppressed = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}text").text == "—"]
    assert len(suppressed) == 3
    for group in suppressed:
        assert group.find(f"{SVG}rect").get("fill") == "url(#heat-crosshatch)"
    assert root.find(f".//{SVG}pattern[@id='heat-crosshatch']") is not None


def test_it_borders_flagged_cells():
    root = parse(a_heat_map())
    widths = {
        group.find(f"{SVG}text").text: group.find(f"{SVG}rect").get("stroke-width")
        for group in root.iter(f"{SVG}g")
    }
    assert widths["12/20"] == "3"
    assert widths["6/20"] is None


def test_it_names_each_heat_map_cell_in_a_tooltip():
    root = parse(a_heat_map())
    tooltips = [group.find(f"{SVG}title").text for group in root.iter(f"{SVG}g")]
    assert "Pay – Sales: 12/20" in tooltips


def test_it_slants_long_column_headers_and_keeps_them_whole_in_a_tooltip():
    long = "Customer Support Netherlands and Belgium"
    root = parse(a_heat_map(columns=["Sales", long]))
    header = next(t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None)
    assert header.find(f"{SVG}title").text == long
    assert header.get("transform", "").startswith("rotate(")
    short = parse(a_heat_map(columns=["A", "B"]))
    assert not [t for t in short.iter(f"{SVG}text") if t.get("transform")]


@pytest.mark.parametrize(
    "empty",
    [
        lambda: a_bar_chart(bars=[], empty_text="Geen gegevens"),
        lambda: a_trend(series=[], empty_text="Geen gegevens"),
        lambda: a_trend(series=[("Pay", [])], empty_text="Geen gegevens"),
        lambda: a_heat_map(rows=[], empty_text="Geen gegevens"),
        lambda: a_heat_map(columns=[], empty_text="Geen gegevens"),
    ],
)
def test_it_says_so_when_there_is_no_data(empty):
    root = parse(empty())
    assert texts(root) == ["Geen gegevens"]
    assert root.find(f"{SVG}title").text


def test_it_says_no_data_in_english_by_default():
    assert texts(parse(a_bar_chart(bars=[]))) == ["No data"]
