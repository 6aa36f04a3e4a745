"""Error pages that keep their word: in the product's style and the visitor's language, with a
way back. A leaver's pages (under /i/) get the leaver's layout and the HR contact; the API gets
JSON. The 500 page renders without the database, which may be the very thing that failed."""

import logging
from contextlib import nullcontext

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from exitlens.leaver.forms import requested_language

logger = logging.getLogger(__name__)

LEAVER_PREFIX = "/i/"
API_PREFIX = "/api/"

_API_CODES = {
    400: "bad_request",
    403: "permission_denied",
    404: "not_found",
    500: "server_error",
}


def _is_leaver_page(request: HttpRequest) -> bool:
    return request.path.startswith(LEAVER_PREFIX)


def _api_response(status: int, message: str) -> JsonResponse:
    from exitlens.api.errors import error_body

    return JsonResponse(error_body(status, _API_CODES[status], message), status=status)


def _leaver_context() -> dict:
    return {
        "languages": [
            {"code": code, "name": translation.get_language_info(code)["name_local"]}
            for code, _name in settings.LANGUAGES
        ],
        "language": translation.get_language(),
        "hr_contact": settings.EXITLENS_HR_CONTACT,
        "organisation": settings.EXITLENS_ORGANISATION_NAME,
    }


def _page(
    request: HttpRequest, status: int, *, reason: str = "", with_request: bool = True
) -> HttpResponse:
    """The error page; `with_request=False` renders without context processors, so without the
    signed-in user and the session, which need the database."""
    leaver = _is_leaver_page(request)
    language = requested_language(request) if leaver else None
    with translation.override(language) if language else nullcontext():
        context = {"status": status, "reason": reason, "here": request.get_full_path()}
        if leaver:
            context.update(_leaver_context())
        template = "errors/leaver.html" if leaver else "errors/staff.html"
        try:
            body = render_to_string(template, context, request if with_request else None)
        except Exception:  # an error page must never fail: plain words, no styling
            logger.exception("The error page could not be rendered")
            body = _plain_page(status)
        response = HttpResponse(body, status=status)
        response["Content-Language"] = translation.get_language()
    if leaver:
        response["Referrer-Policy"] = "same-origin"
    return response


def _plain_page(status: int) -> str:
    if status >= 500:
        message = _("Something went wrong on our side. The answers you saved before are kept.")
    else:
        message = _("This page is not available.")
    contact = settings.EXITLENS_HR_CONTACT
    if contact:
        message += " " + _("Questions? Contact %(contact)s.") % {"contact": contact}
    return (
        f'<!doctype html><html lang="{translation.get_language()}"><meta charset="utf-8">'
        f"<title>{status}</title><p>{escape(message)}</p></html>"
    )


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_response(400, _("The request could not be understood."))
    return _page(request, 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_response(403, _("You may not do this."))
    return _page(request, 403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_response(404, _("There is no API endpoint at this address."))
    return _page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_response(500, _("Something went wrong on the server. Please try again later."))
    return _page(request, 500, with_request=False)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page that was open too long, or from elsewhere: refused, explained."""
    return _page(request, 403, reason="csrf", with_request=False)
