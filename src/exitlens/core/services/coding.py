"""Theme coding of answers: on save, in bulk (`themes recode`), by review, and learning from it.

The model's tags and HR's tags are both AnswerTheme rows; once an answer is reviewed its human
tags are what counts (an answer reviewed with no tags has no theme).
"""

import logging
import threading
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from exitlens.analysis import Analyzer, Coding
from exitlens.analysis.analyzer import base_model
from exitlens.analysis.model import Example, ThemeModel, shipped_examples
from exitlens.analysis.questions import QUESTIONS
from exitlens.analysis.workers import CodingPool, bulk_analyzer
from exitlens.core import queue
from exitlens.core.models import Answer, AnswerTheme, LearnedModel, Question, User
from exitlens.core.services import cases
from exitlens.core.services.audit import record_audit
from exitlens.core.signals import disclosure_flagged, interviews_changed

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_analyzer: Analyzer | None = None
_loaded_version: int | None = None  # the LearnedModel in use when the analyser was loaded
LEARNED_WEIGHT = 3.0  # a reviewed answer counts as much as three written examples
BATCH = 1_000
TASK_SIZE = 200  # answers per coding task: a few seconds of a worker's time
KEEP_LEARNED = 3  # learned models kept, the newest in use


def model_dir() -> Path:
    """Where this server keeps the base model trained from the shipped examples: the same on
    every server, so each may train and cache its own."""
    return Path(settings.DATA_DIR) / "models"


def learned_version() -> int | None:
    return LearnedModel.objects.values_list("pk", flat=True).first()


def analyzer() -> Analyzer:
    """The process-wide analyser: the newest learned model if `themes learn` made one, else the
    base model. The learned model is in the database, so a learn through one web worker, app
    server or the command line reaches every process at its next coding."""
    global _analyzer, _loaded_version
    with _lock:
        version = learned_version()
        if _analyzer is None or version != _loaded_version:
            if version is None:
                _analyzer = Analyzer(base_model(model_dir()))
            else:
                weights = LearnedModel.objects.values_list("weights", flat=True).get(pk=version)
                _analyzer = Analyzer(ThemeModel.from_bytes(bytes(weights)))
            _loaded_version = version
        return _analyzer


def forget_analyzer() -> None:
    global _analyzer
    with _lock:
        _analyzer = None


def codable(answers: QuerySet[Answer]) -> QuerySet[Answer]:
    return answers.filter(question__kind=Question.Kind.TEXT).filter(~Q(text="") | ~Q(note=""))


def _certainty(coding: Coding, threshold: float) -> float:
    """How far the closest call is from the threshold: 0 = a coin toss, 1 = sure."""
    if not coding.scores:
        return 1.0
    return min(abs(score - threshold) for score in coding.scores.values()) * 2


def code_answers(answers: Iterable[Answer], engine: Analyzer | CodingPool | None = None) -> int:
    """Code the text and interviewer note of each answer and store the model's tags."""
    answers = [a for a in answers if a.question.kind == Question.Kind.TEXT]
    emptied = [a for a in answers if not (a.text or a.note)]
    if emptied:
        AnswerTheme.objects.filter(answer__in=emptied, source=AnswerTheme.Source.MODEL).delete()
        Answer.objects.filter(pk__in=[a.pk for a in emptied]).update(
            language="", sensitive=False, certainty=None, coded_at=None
        )
    answers = [a for a in answers if a.text or a.note]
    if not answers:
        _announce(emptied)
        return 0
    engine = engine or analyzer()
    texts, owners, questions = [], [], []
    for index, answer in enumerate(answers):
        question = answer.question.key if answer.question.key in QUESTIONS else "general"
        for text in (answer.text, answer.note):
            if text:
                texts.append(text)
                owners.append(index)
                questions.append(question)
    codings = engine.code_many(texts, questions=questions)
    merged: dict[int, Coding] = {}
    for owner, coding in zip(owners, codings, strict=True):
        merged[owner] = _merge(merged[owner], coding) if owner in merged else coding
    now = timezone.now()
    threshold = engine.model.threshold
    with transaction.atomic():
        # An answer edited while it was being coded is left to the task its edit enqueued.
        now_read = {
            pk: (text, note)
            for pk, text, note in Answer.objects.select_for_update()
            .filter(pk__in=[a.pk for a in answers])
            .values_list("pk", "text", "note")
        }
        kept = [i for i, a in enumerate(answers) if now_read.get(a.pk) == (a.text, a.note)]
        answers = [answers[i] for i in kept]
        merged = {new: merged[old] for new, old in enumerate(kept)}
        AnswerTheme.objects.filter(answer__in=answers, source=AnswerTheme.Source.MODEL).delete()
        tags, flagged = [], []
        for index, answer in enumerate(answers):
            coding = merged[index]
            if coding.sensitive and not answer.sensitive:
                flagged.append(answer)
            answer.language = coding.language
            answer.sensitive = coding.sensitive
            answer.certainty = _certainty(coding, threshold)
            answer.coded_at = None if answer.interview.is_anonymous else now
            tags.extend(
                AnswerTheme(answer=answer, theme=t.theme, polarity=t.polarity, score=t.score)
                for t in coding.themes
            )
        Answer.objects.bulk_update(answers, ["language", "sensitive", "certainty", "coded_at"])
        AnswerTheme.objects.bulk_create(tags)
    _announce(answers + emptied)
    if flagged:
        disclosure_flagged.send(sender=Answer, answers=flagged)
        cases.open_cases_for_answers(flagged)  # those HR may read: see services/cases.py
    return len(answers)


def _announce(answers: list[Answer]) -> None:
    """Tell the insights which completed interviews' coding changed."""
    completed = {a.interview_id for a in answers if a.interview.status == "completed"}
    if completed:
        interviews_changed.send(sender=Answer, interview_ids=sorted(completed, key=str), now=True)


def _merge(first: Coding, second: Coding) -> Coding:
    """An answer and its interviewer note together: every theme either raises, at its best."""
    tags = {tag.theme: tag for tag in first.themes}
    for tag in second.themes:
        if tag.theme not in tags or tag.score > tags[tag.theme].score:
            tags[tag.theme] = tag
    scores = {t: max(first.scores.get(t, 0.0), s) for t, s in second.scores.items()}
    return Coding(
        language=first.language,
        themes=sorted(tags.values(), key=lambda tag: -tag.score),
        scores=scores,
        sensitive=first.sensitive or second.sensitive,
    )


def code_later(answers: Iterable[Answer]) -> None:
    """Code on save, on the queue once the save commits (core/queue.py): the leaver's request
    never waits for the encoder. Until then an answer shows uncoded: no language, no themes, no
    certainty, as one the coding failed on. Many answers at once (a released batch of anonymous
    interviews) go in tasks of TASK_SIZE, which several workers share and each finishes soon."""
    ids = [answer.pk for answer in answers]
    for start in range(0, len(ids), TASK_SIZE):
        queue.enqueue_on_commit(code_answers_task, ids[start : start + TASK_SIZE])


@queue.retrying
def code_answers_task(answer_ids: list[int]) -> int:
    """The queue's task: code these answers as they are now; their model tags are replaced,
    never added to."""
    return code_by_id(answer_ids)


def code_by_id(answer_ids: list[int]) -> int:
    """The task's work: code these answers as they are now. Run twice, it leaves one set of
    model tags. A sealed anonymous draft is left alone: its answers left with the seal, and
    they are coded once released (sealing.release_batches)."""
    answers = (
        Answer.objects.filter(pk__in=answer_ids)
        .exclude(
            interview__confidentiality="anonymous",
            interview__departure__isnull=False,
            interview__status="completed",
        )
        .select_related("question", "interview")
        .order_by("pk")
    )
    try:
        return code_answers(list(answers))
    except Exception:
        logger.exception("Theme coding failed; the answers are saved uncoded")
        raise


def recode(answers: QuerySet[Answer], progress=None, workers: int | None = None) -> int:
    """Code many answers again in batches, e.g. after a new model."""
    done = 0
    ids = list(codable(answers).order_by("pk").values_list("pk", flat=True))
    with bulk_analyzer(analyzer(), len(ids), workers) as engine:
        for start in range(0, len(ids), BATCH):
            batch = Answer.objects.filter(pk__in=ids[start : start + BATCH]).select_related(
                "question", "interview"
            )
            done += code_answers(list(batch), engine)
            if progress:
                progress(done, len(ids))
    return done


@transaction.atomic
def review_answer(answer: Answer, tags: dict[str, str], *, sensitive: bool, by: User) -> Answer:
    """HR's verdict on an answer: its themes ({theme: positive|negative}), possibly none."""
    answer.themes.filter(source=AnswerTheme.Source.HUMAN).delete()
    AnswerTheme.objects.bulk_create(
        AnswerTheme(answer=answer, theme=theme, polarity=polarity, source=AnswerTheme.Source.HUMAN)
        for theme, polarity in tags.items()
    )
    newly_flagged = sensitive and not answer.sensitive
    answer.sensitive = sensitive
    answer.reviewed_at = timezone.now()
    answer.reviewed_by = by
    answer.save(update_fields=["sensitive", "reviewed_at", "reviewed_by"])
    interviews_changed.send(sender=Answer, interview_ids=[answer.interview_id])
    record_audit(by, "answer.reviewed", f"answer {answer.pk}", themes=sorted(tags))
    if newly_flagged:
        disclosure_flagged.send(sender=Answer, answers=[answer])
        cases.open_cases_for_answers([answer], by=by)
    return answer


# The effective tags of `effective_tags`, as a filter on AnswerTheme rows for the database.
EFFECTIVE = Q(source=AnswerTheme.Source.HUMAN, answer__reviewed_at__isnull=False) | Q(
    source=AnswerTheme.Source.MODEL, answer__reviewed_at__isnull=True
)


def effective_tags(answer: Answer) -> list[AnswerTheme]:
    """What counts for this answer: the human tags once reviewed, else the model's."""
    source = AnswerTheme.Source.HUMAN if answer.reviewed_at else AnswerTheme.Source.MODEL
    return [tag for tag in answer.themes.all() if tag.source == source]


def reviewed_examples() -> list[Example]:
    examples = []
    reviewed = Answer.objects.filter(reviewed_at__isnull=False).prefetch_related("themes")
    for answer in reviewed:
        labels = {
            tag.theme: "+" if tag.polarity == AnswerTheme.Polarity.POSITIVE else "-"
            for tag in answer.themes.all()
            if tag.source == AnswerTheme.Source.HUMAN
        }
        for text in (answer.text, answer.note):
            if text:
                examples.append(
                    Example(text, labels, sensitive=answer.sensitive, weight=LEARNED_WEIGHT)
                )
    return examples


def learn(by: User | None = None) -> int:
    """Train a model on the written examples plus every reviewed answer; every process uses it
    from its next coding on. Returns the number of reviewed answers learned from."""
    learned = reviewed_examples()
    answers = Answer.objects.filter(reviewed_at__isnull=False).count()
    model = ThemeModel.train(shipped_examples() + learned)
    with transaction.atomic():
        stored = LearnedModel.objects.create(
            created_by=by,
            reviewed_answers=answers,
            fingerprint=model.fingerprint,
            weights=model.to_bytes(),
        )
        kept = LearnedModel.objects.values_list("pk", flat=True)[:KEEP_LEARNED]
        LearnedModel.objects.exclude(pk__in=list(kept)).delete()
        record_audit(by, "themes.learned", "theme model", reviewed_answers=answers)
    forget_analyzer()
    return stored.reviewed_answers
