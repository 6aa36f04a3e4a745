from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404


def hr_required(view):
    """Signed-in HR staff or administrators; a 404 for anyone else (viewers included)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_hr:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def admin_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_admin:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def case_handler_required(view):
    """Signed-in HR staff or administrators who handle disclosure cases; a 404 for anyone else."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.may_handle_cases:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
