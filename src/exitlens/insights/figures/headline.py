"""The headline figures: departures and what became of them, leavers and their scores."""

from django.db.models import Count, Exists, OuterRef, QuerySet

from exitlens.core.models import Departure, Invitation, Question
from exitlens.insights.figures.tally import Tally
from exitlens.insights.filters import Filters
from exitlens.insights.models import Leaver
from exitlens.insights.results import (
    DEPARTURES,
    LEAVERS,
    Headline,
    at_least_group,
    min_group,
    share,
)
from exitlens.insights.stats import promoter_score


def headline(counts: dict[str, int], leavers: Tally, withheld: tuple[str, ...]) -> Headline:
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


def departure_counts(departures: QuerySet[Departure]) -> dict[str, int]:
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


def anonymous_left_out(filters: Filters) -> int | None:
    """Anonymous interviews that the period, department and tenure band would count but another
    filter (on what they no longer carry) leaves out: 0, or None below the threshold."""
    if not filters.excludes_anonymous:
        return 0
    left_out = Leaver.objects.filter(filters.anonymous()).count()
    return left_out if not left_out else at_least_group(left_out)
