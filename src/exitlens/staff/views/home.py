from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from exitlens.core.models import Departure, Interview


def headline_figures(today: date) -> dict:
    """Counts over the departures of the last twelve months; nothing about any one person."""
    figures = Departure.objects.filter(
        leave_date__gt=today - timedelta(days=365), leave_date__lte=today
    ).aggregate(
        departures=Count("pk"),
        voluntary=Count("pk", filter=Q(departure_type__in=Departure.VOLUNTARY_TYPES)),
        interviews=Count(
            "pk",
            filter=Q(interview__status=Interview.Status.COMPLETED) | Q(responded_anonymously=True),
        ),
    )
    total = figures["departures"]
    figures["voluntary_percent"] = round(100 * figures["voluntary"] / total) if total else None
    return figures


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_hr:
        return redirect("departure_list")
    ctx = {"figures": headline_figures(timezone.localdate())}
    return render(request, "staff/home.html", ctx)
