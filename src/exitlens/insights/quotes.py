"""Quotes that are safe by construction. The figures choose candidates; a candidate is quoted
only once HR approved it, with personal data taken out, and never when its interview holds a
disclosure (an answer flagged as sensitive), however the flag came after the approval."""

from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from exitlens.analysis.personal import (
    Redaction,
    capitalised_words,
    has_contact_details,
    name_words,
    redact,
)
from exitlens.core.models import Answer, Departure, Interview, Manager, User
from exitlens.core.services.audit import record_audit
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


def with_approved_quotes(insights: Insights) -> Insights:
    """The insights as anyone may read them: of the candidates, the approved ones only."""
    candidates = insights.quote_candidates
    ids = [quote.answer_id for found in candidates.values() for quote in found]
    if not ids:
        return replace(insights, quotes={})
    approved = dict(
        QuoteReview.objects.filter(
            answer__in=quotable_answers().filter(pk__in=ids),
            decision=QuoteReview.Decision.APPROVED,
        ).values_list("answer_id", "text")
    )
    quotes = {}
    for theme, found in candidates.items():
        chosen = [
            Quote(theme, approved[quote.answer_id], quote.answer_id)
            for quote in found
            if quote.answer_id in approved and not has_contact_details(approved[quote.answer_id])
        ]
        if chosen:
            quotes[theme] = chosen
    return replace(insights, quotes=quotes)


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
    """The capitalised words of these texts that are part of a person's name in Exitlens:
    a leaver's, a manager's or a user's."""
    words = set().union(*(capitalised_words(text) for text in texts))
    words = {word for word in words if len(word) > 2}
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
def review_quote(answer_id: int, decision: str, *, by: User, request=None) -> QuoteReview:
    """HR approves or refuses quoting an answer; the approved text has personal data taken
    out. Refused when the answer may not be quoted at all."""
    answer = quotable_answers().filter(pk=answer_id).first()
    if answer is None:
        raise NotQuotable(answer_id)
    text = ""
    if decision == QuoteReview.Decision.APPROVED:
        text = redact(answer.text, known_names([answer.text])).text
    found, _created = QuoteReview.objects.update_or_create(
        answer=answer,
        defaults={
            "decision": decision,
            "text": text,
            "reviewed_by": by,
            "reviewed_at": timezone.now(),
        },
    )
    record_audit(
        by, f"insights.quote_{decision}", f"answer {answer.pk}", request=request, answer=answer.pk
    )
    return found
