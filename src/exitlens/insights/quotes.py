"""Quotes that are safe by construction. The figures choose candidates; a candidate is quoted
only once HR approved it, with personal data taken out (analysis/personal.py), and never when its
interview holds a disclosure (an answer flagged as sensitive), however the flag came after the
approval: every read checks again."""

from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from exitlens.analysis.personal import (
    EMAIL,
    NAME,
    PHONE,
    Redaction,
    name_candidates,
    name_words,
    redact,
)
from exitlens.core.models import Answer, Departure, Interview, Manager, User
from exitlens.core.services.audit import record_audit
from exitlens.insights import summaries
from exitlens.insights.models import QuoteReview
from exitlens.insights.results import Insights, Quote

QUOTED_LEVELS = (Interview.Confidentiality.CONFIDENTIAL, Interview.Confidentiality.ANONYMOUS)
QUOTE_QUESTIONS = ("reason", "retention", "liked_least", "expectations")


class NotQuotable(Exception):
    pass


@dataclass
class Candidate:
    """A quote awaiting HR's decision, shown with personal data already taken out."""

    theme: str
    answer_id: int
    redaction: Redaction


def quotable_answers() -> QuerySet:
    """Answers that may ever be quoted: completed, confidential or anonymous, and from an
    interview without any answer flagged as a disclosure."""
    disclosure = Answer.objects.filter(interview=OuterRef("interview"), sensitive=True)
    return Answer.objects.filter(
        interview__status=Interview.Status.COMPLETED,
        interview__confidentiality__in=QUOTED_LEVELS,
        question__key__in=QUOTE_QUESTIONS,
        sensitive=False,
    ).exclude(Exists(disclosure))


def candidate_answers() -> QuerySet:
    """Answers the figures may offer HR for quoting: quotable ones HR did not refuse."""
    return quotable_answers().exclude(quote_review__decision=QuoteReview.Decision.REFUSED)


def with_approved_quotes(insights: Insights, *, keep_candidates: bool = False) -> Insights:
    """The insights as anyone may read them: of the candidates, the approved ones only, checked
    again now (a disclosure flagged since, a name Exitlens has learnt since). The candidates
    themselves are kept only for HR's review on the page (`keep_candidates`): whatever is
    rendered, downloaded or sent from the result then holds no unapproved text."""
    candidates = insights.quote_candidates
    ids = [quote.answer_id for found in candidates.values() for quote in found]
    kept = candidates if keep_candidates else {}
    if not ids:
        return replace(insights, quotes={}, quote_candidates=kept)
    approved = dict(
        QuoteReview.objects.filter(
            answer__in=quotable_answers().filter(pk__in=ids),
            decision=QuoteReview.Decision.APPROVED,
        ).values_list("answer_id", "text")
    )
    names = known_names(approved.values())
    safe = {}
    for answer_id, text in approved.items():
        checked = redact(text, names)
        if not checked.risky:
            safe[answer_id] = translate_placeholders(checked.text)
    quotes = {}
    for theme, found in candidates.items():
        chosen = [
            Quote(theme, safe[quote.answer_id], quote.answer_id)
            for quote in found
            if quote.answer_id in safe
        ]
        if chosen:
            quotes[theme] = chosen
    return replace(insights, quotes=quotes, quote_candidates=kept)


def translate_placeholders(text: str) -> str:
    """The placeholders of a redacted quote in the reader's language."""
    for placeholder, translated in (
        (NAME, _("[name]")),
        (EMAIL, _("[e-mail]")),
        (PHONE, _("[phone]")),
    ):
        text = text.replace(placeholder, translated)
    return text


def awaiting_review(insights: Insights) -> list[Candidate]:
    """The candidates HR has not decided on, redacted as they would be approved."""
    ids = [quote.answer_id for found in insights.quote_candidates.values() for quote in found]
    reviewed = set(QuoteReview.objects.filter(answer_id__in=ids).values_list("answer", flat=True))
    open_ids = set(quotable_answers().filter(pk__in=ids).values_list("pk", flat=True)) - reviewed
    found = [
        quote
        for quote_list in insights.quote_candidates.values()
        for quote in quote_list
        if quote.answer_id in open_ids
    ]
    names = known_names(quote.text for quote in found)
    return [Candidate(quote.theme, quote.answer_id, redact(quote.text, names)) for quote in found]


def known_names(texts) -> frozenset[str]:
    """The words of these texts that could be a name and are part of a person's name in
    Exitlens: a leaver's, a manager's or a user's."""
    words = set().union(set(), *(name_candidates(text) for text in texts))
    if not words:
        return frozenset()
    people: list[str] = []
    for model, fields in (
        (Departure, ("full_name",)),
        (Manager, ("name",)),
        (User, ("first_name", "last_name")),
    ):
        match = Q()
        for word in words:
            for name in fields:
                match |= Q(**{f"{name}__icontains": word})
        for values in model.objects.filter(match).values_list(*fields)[:5000]:
            people.extend(values)
    return name_words(people) & frozenset(words)


@transaction.atomic
def review_quote(answer_id: int, decision: str, *, by: User | None, request=None) -> QuoteReview:
    """HR approves or refuses quoting an answer. The approved text has personal data taken out;
    an answer that stays risky with it taken out (about several people at once) is refused
    instead. Raises NotQuotable when the answer may not be quoted at all: not a completed
    confidential or anonymous interview, or one with a flagged disclosure."""
    answer = quotable_answers().select_for_update(of=("self",)).filter(pk=answer_id).first()
    if answer is None:
        raise NotQuotable(answer_id)
    text, reason = "", ""
    if decision == QuoteReview.Decision.APPROVED:
        redaction = redact(answer.text, known_names([answer.text]))
        if redaction.risky:
            decision, reason = QuoteReview.Decision.REFUSED, "personal data"
        else:
            text = redaction.text
    found, _created = QuoteReview.objects.update_or_create(
        answer=answer,
        defaults={
            "decision": decision,
            "text": text,
            "reviewed_by": by,
            "reviewed_at": timezone.now(),
        },
    )
    details = {"answer": answer.pk} | ({"reason": reason} if reason else {})
    record_audit(
        by, f"insights.quote_{decision}", f"answer {answer.pk}", request=request, **details
    )
    # A refused candidate makes room for the next one: cached figures choose again.
    summaries.changed()
    return found
