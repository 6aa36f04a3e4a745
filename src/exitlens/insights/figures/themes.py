"""Leavers per theme: the reasons to leave (from their three sources) and the coded answers."""

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.insights.figures.tally import Tally
from exitlens.insights.results import ThemeRow, share


def reasons(tallies: dict[tuple, Tally], total: Tally, count: int) -> list[ThemeRow]:
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


def coded(total: Tally, mask: str, count: int, polarity: str = "") -> list[ThemeRow]:
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
