"""Disclosure cases, for the HR staff chosen to handle them: the list, a case, and its changes.

Every page is behind `case_handler_required` and every case behind `get_case_for_user`; every
read is audited (`case.list_viewed`, `case.viewed`), every change by the service it calls.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from exitlens.core.access import case_handler_required, get_case_for_user
from exitlens.core.languages import ui_language
from exitlens.core.models import AuditEntry, DisclosureCase, User
from exitlens.core.services import cases
from exitlens.core.services.audit import record_audit
from exitlens.staff.case_forms import (
    AssignForm,
    CaseFilterForm,
    CategoryForm,
    CloseForm,
    NoteForm,
    ReferForm,
    ReopenForm,
)
from exitlens.staff.views.coding import _text_language, answer_themes

CASE_PAGE_SIZE = 50

# What the history on a case page calls each audited change (reads are left out there).
HISTORY = {
    "case.opened": gettext_lazy("Opened"),
    "case.assigned": gettext_lazy("Assigned"),
    "case.changed": gettext_lazy("Category changed"),
    "case.note_added": gettext_lazy("Note added"),
    "case.referred": gettext_lazy("Referred"),
    "case.closed": gettext_lazy("Closed"),
    "case.reopened": gettext_lazy("Reopened"),
}


@case_handler_required
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET)
    found = DisclosureCase.objects.select_related("owner").order_by("-opened_at", "-id")
    if form.is_valid():
        found = form.filter(found)
    page = Paginator(found, CASE_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for case in page.object_list:
        case.age = case.age_in_days(now)
    _audit_list(request, form, page)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"nav": "cases", "form": form, "page": page, "page_query": query.urlencode()}
    return render(request, "staff/case_list.html", context)


def _audit_list(request: HttpRequest, form: CaseFilterForm, page) -> None:
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    record_audit(
        request.user,
        "case.list_viewed",
        "disclosure cases",
        request=request,
        status=status,
        page=page.number,
        shown=[str(case.code) for case in page.object_list],
    )


def _history(case: DisclosureCase) -> list[dict]:
    entries = AuditEntry.objects.filter(
        subject=cases.case_subject(case), action__in=list(HISTORY)
    ).order_by("created_at", "id")
    return [
        {"entry": entry, "label": HISTORY[entry.action], "data": entry.data} for entry in entries
    ]


@case_handler_required
def case_detail(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    cases.record_view(case, by=request.user, request=request)
    interview = case.interview
    language = ui_language()
    answers = []
    if interview is not None and cases.is_readable(interview):
        answers = [
            {
                "answer": answer,
                "prompt": answer.question.prompt_in(language),
                "text_language": _text_language(answer),
                "themes": answer_themes(answer, language),
            }
            for answer in cases.flagged_answers(interview)
        ]
    departure = interview.departure if interview is not None else None
    context = {
        "nav": "cases",
        "case": case,
        "interview": interview,
        "departure": departure,
        "items": answers,
        "age": case.age_in_days(),
        "may": {action: case.allows(action) for action in DisclosureCase.TRANSITIONS},
        "notes": case.notes.select_related("author"),
        "history": _history(case),
        "adviser": settings.EXITLENS_CONFIDENTIAL_ADVISER,
        "note_form": NoteForm(),
        "category_form": CategoryForm(initial={"category": case.category}),
        "assign_form": AssignForm(initial={"owner": case.owner_id}),
        "refer_form": ReferForm(auto_id="id_refer_%s"),
        "close_form": CloseForm(auto_id="id_close_%s"),
        "reopen_form": ReopenForm(auto_id="id_reopen_%s"),
    }
    return render(request, "staff/case_detail.html", context)


def _apply(
    request: HttpRequest, case: DisclosureCase, change: Callable[[], object], done: str
) -> HttpResponse:
    """Run a service change; its refusal (CaseError) is shown as it is worded."""
    try:
        change()
    except cases.CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("case_detail", code=case.code)


def _refused(request: HttpRequest, case: DisclosureCase, form) -> HttpResponse:
    errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
    messages.error(request, _("Nothing was changed: %(errors)s") % {"errors": " ".join(errors)})
    return redirect("case_detail", code=case.code)


@case_handler_required
@require_POST
def case_take(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    return _apply(
        request,
        case,
        lambda: cases.take_case(case, by=request.user, request=request),
        _("You now handle this case."),
    )


@case_handler_required
@require_POST
def case_assign(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    owner: User = form.cleaned_data["owner"]
    return _apply(
        request,
        case,
        lambda: cases.assign_case(case, owner, by=request.user, request=request),
        _("%(name)s now handles this case.") % {"name": owner},
    )


@case_handler_required
@require_POST
def case_category(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = CategoryForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    return _apply(
        request,
        case,
        lambda: cases.change_category(
            case, form.cleaned_data["category"], by=request.user, request=request
        ),
        _("The category has been saved."),
    )


@case_handler_required
@require_POST
def case_note(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    return _apply(
        request,
        case,
        lambda: cases.add_note(case, form.cleaned_data["text"], by=request.user, request=request),
        _("The note has been added."),
    )


@case_handler_required
@require_POST
def case_refer(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = ReferForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    return _apply(
        request,
        case,
        lambda: cases.refer_case(
            case, by=request.user, note=form.cleaned_data["note"], request=request
        ),
        _("The case is marked as referred."),
    )


@case_handler_required
@require_POST
def case_close(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    return _apply(
        request,
        case,
        lambda: cases.close_case(
            case,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
            by=request.user,
            request=request,
        ),
        _("The case is closed."),
    )


@case_handler_required
@require_POST
def case_reopen(request: HttpRequest, code) -> HttpResponse:
    case = get_case_for_user(request.user, code)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, form)
    return _apply(
        request,
        case,
        lambda: cases.reopen_case(
            case, by=request.user, note=form.cleaned_data["note"], request=request
        ),
        _("The case is open again."),
    )
