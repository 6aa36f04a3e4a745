"""Sampling the candidate quotes of the top reasons (insights/quotes.py decides what is shown)."""

from django.db.models.functions import Length

from exitlens.core.models import AnswerTheme
from exitlens.insights import quotes, summaries
from exitlens.insights.results import Quote, min_quote_group

QUOTES_PER_THEME = 2
QUOTE_LENGTH = (20, 400)
QUOTE_SAMPLE = 500  # leavers (in id order, which is random) the quotes are chosen among


def candidate_quotes(leavers, reasons, count) -> dict[str, list[Quote]]:
    """Candidate quotes per top reason (quotes.py: only approved ones are shown), only when the
    leavers in view are numerous enough. Chosen among a sample of the leavers, from answers that
    may ever be quoted and HR did not refuse, the model's surest first."""
    if count < min_quote_group():
        return {}
    safe = leavers.filter(confidentiality__in=quotes.QUOTED_LEVELS)
    # Step by step, so the database starts from the sampled leavers' answers, not every tag.
    sample = list(safe.values_list("interview_id", flat=True).order_by("pk")[:QUOTE_SAMPLE])
    answers = dict(
        quotes.candidate_answers()
        .filter(interview_id__in=sample)
        .annotate(length=Length("text"))
        .filter(length__gte=QUOTE_LENGTH[0], length__lte=QUOTE_LENGTH[1])
        .values_list("pk", "text")
    )
    top = [row.theme for row in reasons[:5]]
    tags = AnswerTheme.objects.filter(
        summaries.EFFECTIVE,
        answer_id__in=list(answers),
        theme__in=top,
        polarity=AnswerTheme.Polarity.NEGATIVE,
    ).values_list("theme", "answer_id", "score")
    ranked = sorted(tags, key=lambda tag: (-(tag[2] or 0), answers[tag[1]]))
    found: dict[str, list[Quote]] = {}
    for theme, answer_id, _score in ranked:
        chosen = found.setdefault(theme, [])
        text = answers[answer_id]
        if len(chosen) < QUOTES_PER_THEME and all(quote.text != text for quote in chosen):
            chosen.append(Quote(theme, text, answer_id))
    return {theme: found[theme] for theme in top if found.get(theme)}
