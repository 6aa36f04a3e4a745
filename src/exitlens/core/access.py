"""The one place that decides who may see which confidential object. Everything else calls it."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from exitlens.core.models import Answer, Departure, DisclosureCase, Interview, User


def get_departure_for_user(user: User, code) -> Departure:
    """A departure for HR staff; a 404 for everyone else, so its existence is not revealed."""
    if not user.is_authenticated or not user.is_hr:
        raise Http404
    departure = Departure.objects.select_related("department", "manager").filter(code=code).first()
    if departure is None:
        raise Http404
    return departure


def get_anonymous_interview_for_user(user: User, interview_id) -> Interview:
    """A completed anonymous interview, for HR staff only."""
    if not user.is_authenticated or not user.is_hr:
        raise Http404
    interview = (
        Interview.objects.select_related("department", "questionnaire_version")
        .filter(
            pk=interview_id,
            departure__isnull=True,
            confidentiality=Interview.Confidentiality.ANONYMOUS,
            status=Interview.Status.COMPLETED,
        )
        .first()
    )
    if interview is None:
        raise Http404
    return interview


def get_answer_for_user(user: User, answer_id: int) -> Answer:
    """An answer of a completed interview, for HR staff only (an unfinished anonymous
    interview is still linked to its leaver: nobody reads it yet)."""
    if not user.is_authenticated or not user.is_hr:
        raise Http404
    answer = (
        Answer.objects.select_related("question", "interview")
        .filter(pk=answer_id, interview__status=Interview.Status.COMPLETED)
        .first()
    )
    if answer is None:
        raise Http404
    return answer


def get_case_for_user(user: User, code) -> DisclosureCase:
    """A disclosure case, for the HR staff and administrators chosen to handle cases
    (`User.handles_cases`); a 404 for everyone else, other HR staff included: that a leaver
    reported misconduct is known to as few colleagues as the organisation chooses."""
    if not user.is_authenticated or not user.may_handle_cases:
        raise Http404
    case = (
        DisclosureCase.objects.select_related("interview__departure", "owner")
        .filter(code=code)
        .first()
    )
    if case is None:
        raise Http404
    return case


# Role decorators for views. Anyone signed out is sent to the sign-in page; anyone signed in
# without the role gets a 404, as for an object they may not see: a page that answers "forbidden"
# would tell a viewer that an administration page exists at that address.


def _role_required(may: Callable[[User], bool], view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def hr_required(view):
    """Signed-in HR staff or administrators; a 404 for anyone else (viewers included)."""
    return _role_required(lambda user: user.is_hr, view)


def admin_required(view):
    """Signed-in administrators; a 404 for anyone else (HR staff and viewers included)."""
    return _role_required(lambda user: user.is_admin, view)


def case_handler_required(view):
    """Signed-in HR staff or administrators who handle disclosure cases; a 404 for anyone else."""
    return _role_required(lambda user: user.may_handle_cases, view)
