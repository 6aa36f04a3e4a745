"""HR's review of quotes: approve or refuse quoting an answer before viewers can read it."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exitlens.insights import labels
from exitlens.insights.models import QuoteReview
from exitlens.insights.quotes import NotQuotable, awaiting_review, review_quote
from exitlens.insights.views.common import insights_required

SALT = "exitlens.insights.quote"


def sign_answer(answer_id: int) -> str:
    """The answer a review form is about, signed: the form names no row a user could change."""
    return signing.dumps(answer_id, salt=SALT)


def quotes_to_review(request, insights) -> list:
    """For HR: the candidate quotes nobody decided on yet, redacted, with a signed form value."""
    if not request.user.is_hr or insights.suppressed:
        return []
    candidates = awaiting_review(insights)
    for candidate in candidates:
        candidate.signed = sign_answer(candidate.answer_id)
        candidate.label = labels.theme_label(candidate.theme)
    return candidates


class QuoteReviewForm(forms.Form):
    answer = forms.CharField(max_length=200)
    decision = forms.ChoiceField(choices=QuoteReview.Decision.choices)
    next = forms.CharField(max_length=2000, required=False)

    def clean_answer(self) -> int:
        try:
            return int(signing.loads(self.cleaned_data["answer"], salt=SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError("not a quote") from None


@insights_required
def review(request: HttpRequest) -> HttpResponse:
    if not request.user.is_hr:
        raise Http404  # before the method: the page is not there for anyone but HR
    return _review(request)


@require_POST
def _review(request: HttpRequest) -> HttpResponse:
    form = QuoteReviewForm(request.POST)
    if not form.is_valid() or form.cleaned_data["answer"] is None:
        raise Http404
    decision = form.cleaned_data["decision"]
    try:
        found = review_quote(
            form.cleaned_data["answer"], decision, by=request.user, request=request
        )
    except NotQuotable:
        messages.error(request, _("This answer can no longer be quoted."))
    else:
        if found.decision == QuoteReview.Decision.APPROVED:
            messages.success(request, _("The quote is approved: viewers now see it."))
        elif decision == QuoteReview.Decision.APPROVED:
            messages.error(
                request,
                _(
                    "The quote is refused: it is about too many people to be quoted, even "
                    "with their names, addresses and numbers taken out."
                ),
            )
        else:
            messages.success(request, _("The quote is refused: it will not be shown."))
    target = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "insights"
    return redirect(target)
