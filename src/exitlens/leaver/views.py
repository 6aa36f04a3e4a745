"""The leaver's pages, reached only through a personal link: the interview and thank-you page."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from exitlens.core.forms import PROMISE_FIELD, AnswerForm
from exitlens.core.models import Interview, Invitation, InvitationLink
from exitlens.core.services import interviews
from exitlens.core.services.invitations import find_link
from exitlens.leaver.forms import requested_language

AUTOSAVE_HEADER = "fetch"


def referrer_stays_here(view):
    """The link holds the token: browsers must never send it to another site as a referrer.

    Not "no-referrer": with it, Chromium sends `Origin: null` on the form posts, which fail
    Django's CSRF origin check.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


def _get_link(token: str) -> InvitationLink:
    link = find_link(token)
    if link is None:
        raise Http404
    return link


def _is_finished(invitation: Invitation) -> bool:
    return (
        invitation.status == Invitation.Status.COMPLETED
        or invitation.interview is None
        or invitation.interview.is_completed
    )


def _is_gone(invitation: Invitation) -> bool:
    return invitation.status == Invitation.Status.WITHDRAWN or invitation.is_expired


def _is_autosave(request: HttpRequest) -> bool:
    return (
        request.method == "POST"
        and request.headers.get("X-Requested-With") == AUTOSAVE_HEADER
        and request.POST.get("action") == "save"
    )


def _languages() -> list[dict]:
    return [
        {"code": code, "name": translation.get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context = {
        "languages": _languages(),
        "language": translation.get_language(),
        "hr_contact": settings.EXITLENS_HR_CONTACT,
        "organisation": settings.EXITLENS_ORGANISATION_NAME,
        **context,
    }
    response = render(request, template, context, status=status)
    response["Content-Language"] = translation.get_language()
    return response


def _thanks_url(token: str, language: str) -> str:
    return reverse("leaver:thanks", args=[token]) + f"?lang={language}"


@never_cache
@referrer_stays_here
def interview(request: HttpRequest, token: str) -> HttpResponse:
    link = _get_link(token)
    invitation = link.invitation
    if _is_finished(invitation):
        if _is_autosave(request):
            return JsonResponse({"saved": False}, status=409)
        language = requested_language(request)
        if language is None and invitation.interview is not None:
            language = invitation.interview.language
        return redirect(_thanks_url(token, language or invitation.departure.language))
    if _is_gone(invitation):
        if _is_autosave(request):
            return JsonResponse({"saved": False}, status=410)
        language = requested_language(request) or invitation.interview.language
        with translation.override(language):
            return _gone(request, invitation)

    current = invitation.interview
    language = requested_language(request)
    if language and language != current.language:
        Interview.objects.filter(pk=current.pk).update(language=language)
        current.language = language
    with translation.override(current.language):
        if not interviews.may_reach_draft(current, link.sent_to):
            return _begun_elsewhere(request, link, current)
        return _answer(request, token, link, current)


def _begun_elsewhere(request: HttpRequest, link: InvitationLink, current: Interview):
    """The draft was begun from a link sent to another address: this link may start afresh,
    never read it (docs/confidentiality.md)."""
    if _is_autosave(request):
        return JsonResponse({"saved": False}, status=409)
    if request.method == "POST" and request.POST.get("action") == "start_afresh":
        try:
            interviews.discard_draft(current, address=link.sent_to)
        except interviews.InterviewError as error:
            messages.error(request, str(error))
        return redirect(request.path)
    return _render(request, "leaver/begun_elsewhere.html", {"interview": current}, status=409)


def _gone(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    reason = "withdrawn" if invitation.status == Invitation.Status.WITHDRAWN else "expired"
    return _render(request, "leaver/gone.html", {"reason": reason}, status=410)


def _answer(
    request: HttpRequest, token: str, link: InvitationLink, current: Interview
) -> HttpResponse:
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        interview=current,
        language=current.language,
    )
    if request.method == "POST":
        if form.is_valid():
            response = _store(request, token, link, current, form)
            if response is not None:
                return response
            if form.shown_level != _stored_level(current):
                form = _with_current_promise(request, current)
        elif _is_autosave(request):
            errors = {
                key: [error["message"] for error in field_errors]
                for key, field_errors in form.errors.get_json_data().items()
            }
            return JsonResponse({"saved": False, "errors": errors}, status=400)
        else:
            messages.error(
                request,
                _("Some answers could not be saved. Please look at the questions marked below."),
            )
    rows = [
        {
            "question": question,
            "field": field,
            "min_label": question.min_label_in(current.language),
            "max_label": question.max_label_in(current.language),
        }
        for question, field, _note in form.rows()
    ]
    if request.method != "POST":
        interviews.mark_opened(current)
    context = {
        "interview": current,
        "invitation": link.invitation,
        "form": form,
        "rows": rows,
    }
    return _render(request, "leaver/interview.html", context)


def _stored_level(current: Interview) -> str:
    current.refresh_from_db(fields=["confidentiality"])
    return current.confidentiality


def _with_current_promise(request: HttpRequest, current: Interview) -> AnswerForm:
    """The leaver's unsaved answers under the promise as it now stands, for them to send again."""
    data = request.POST.copy()
    data[PROMISE_FIELD] = current.confidentiality
    form = AnswerForm(data, interview=current, language=current.language)
    form.is_valid()
    return form


def _store(
    request: HttpRequest, token: str, link: InvitationLink, current: Interview, form: AnswerForm
) -> HttpResponse | None:
    """Save (and maybe submit) valid answers; None means: show the page again with a message."""
    try:
        saved = interviews.save_answers(
            current, form.answer_values(), shown_level=form.shown_level, address=link.sent_to
        )
        if request.POST.get("action") == "submit":
            interviews.submit_interview(saved, shown_level=form.shown_level)
            return redirect(_thanks_url(token, current.language))
    except interviews.PromiseChangedError as error:
        if _is_autosave(request):
            return JsonResponse(
                {"saved": False, "promise_changed": True, "message": str(error)}, status=409
            )
        messages.warning(request, str(error))
        return None
    except interviews.InterviewError as error:
        if getattr(error, "state", None) in Interview.FINISHED:
            # Submitted meanwhile, in another tab or by a double click.
            if _is_autosave(request):
                return JsonResponse({"saved": False}, status=409)
            return redirect(_thanks_url(token, current.language))
        messages.error(request, str(error))
        return None
    if _is_autosave(request):
        return JsonResponse({"saved": True})
    messages.success(
        request,
        _("Your answers are saved. You can close this page and come back with the same link."),
    )
    return redirect(request.path)


@never_cache
@referrer_stays_here
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = _get_link(token).invitation
    if not _is_finished(invitation):
        return redirect("leaver:interview", token=token)
    current = invitation.interview
    language = requested_language(request) or (
        current.language if current is not None else invitation.departure.language
    )
    anonymous = current is None or current.is_anonymous
    with translation.override(language):
        context = {
            "anonymous": anonymous,
            "confidential_adviser": settings.EXITLENS_CONFIDENTIAL_ADVISER,
        }
        return _render(request, "leaver/thanks.html", context)


def protection(request: HttpRequest) -> HttpResponse:
    """How the answers are protected, in the leaver's words (docs/confidentiality.md in full)."""
    language = requested_language(request) or translation.get_language()
    with translation.override(language):
        context = {"min_group": settings.EXITLENS_MIN_GROUP_SIZE}
        return _render(request, "leaver/protection.html", context)
