from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """HR starts at the departures; viewers (management) at the insights."""
    return redirect("departure_list" if request.user.is_hr else "insights")
