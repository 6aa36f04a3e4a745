"""The breakdown by segment, departments rolled up the department tree, small segments folded."""

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core import segments
from exitlens.core.models import Department
from exitlens.insights import disclosure
from exitlens.insights.disclosure import OTHER
from exitlens.insights.figures.tally import Tally
from exitlens.insights.filters import Filters
from exitlens.insights.results import Breakdown, Segment, min_group
from exitlens.insights.stats import compare_segments


def breakdown(filters: Filters, tallies: dict[tuple, Tally]) -> Breakdown | None:
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
