"""services/coding.py: coding on save, recoding, review, effective tags and learning."""

import importlib
import logging

import pytest

from exitlens.analysis.model import ThemeModel
from exitlens.core.models import (
    Answer,
    AnswerTheme,
    AuditEntry,
    Interview,
    LearnedModel,
    Question,
)
from exitlens.core.services import coding, interviews

pytestmark = pytest.mark.real_analyser


@pytest.fixture
def learning_dir(settings, tmp_path):
    """`learn` writes its model here, not where the rest of the test session codes from."""
    coding.analyzer()
    settings.DATA_DIR = tmp_path
    yield tmp_path
    coding.forget_analyzer()


@pytest.fixture
def interview(departure):
    return interviews.get_or_create_interview(
        departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
    )


def _answer(interview, key="reason") -> Answer:
    return Answer.objects.select_related("question", "interview").get(
        interview=interview, question__key=key
    )


def _tags(answer, source=AnswerTheme.Source.MODEL) -> set[tuple[str, str]]:
    return set(answer.themes.filter(source=source).values_list("theme", "polarity"))


def test_it_codes_text_answers_when_they_are_saved(interview):
    interviews.save_answers(
        interview,
        {"reason": "My salary was far too low and I never got a raise.", "recommend": 4},
    )

    answer = _answer(interview)
    assert answer.language == "en"
    assert answer.coded_at is not None
    assert 0.0 <= answer.certainty <= 1.0
    assert not answer.sensitive
    assert ("pay", "negative") in _tags(answer)
    assert all(tag.score is not None for tag in answer.themes.all())
    scale = _answer(interview, "recommend")
    assert scale.certainty is None
    assert not scale.themes.exists()


def test_it_flags_a_sensitive_disclosure(interview):
    interviews.save_answers(interview, {"reason": "My manager sexually harassed me."})

    assert _answer(interview).sensitive


def test_it_codes_the_interviewer_note_too(interview):
    interviews.save_answers(interview, {}, {"reason": "Said the pay was far too low."})

    answer = _answer(interview)
    assert answer.text == ""
    assert answer.certainty is not None
    assert "pay" in {theme for theme, _polarity in _tags(answer)}


def test_it_clears_the_coding_of_an_emptied_answer(interview):
    interviews.save_answers(interview, {"reason": "My manager sexually harassed me."})

    interviews.save_answers(interview, {"reason": ""})

    answer = _answer(interview)
    assert (answer.language, answer.sensitive, answer.certainty, answer.coded_at) == (
        "",
        False,
        None,
        None,
    )
    assert not answer.themes.exists()


def test_it_replaces_the_models_tags_but_keeps_the_reviewers(interview, hr):
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _answer(interview)
    coding.review_answer(answer, {"manager": "negative"}, sensitive=False, by=hr)

    interviews.save_answers(interview, {"reason": "My commute took two hours each way."})

    assert ("pay", "negative") not in _tags(answer)
    assert _tags(answer, AnswerTheme.Source.HUMAN) == {("manager", "negative")}


def test_it_leaves_no_coding_date_on_anonymous_answers(departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )

    interviews.save_answers(interview, {"reason": "My salary was far too low."})

    answer = _answer(interview)
    assert answer.coded_at is None
    assert answer.certainty is not None


def test_code_safely_logs_a_failure_and_keeps_the_answer(interview, monkeypatch, caplog):
    def broken(answers):
        raise RuntimeError("encoder missing")

    monkeypatch.setattr(coding, "code_answers", broken)

    with caplog.at_level(logging.ERROR, logger="exitlens.core.services.coding"):
        interviews.save_answers(interview, {"reason": "Saved anyway."})

    answer = _answer(interview)
    assert answer.text == "Saved anyway."
    assert answer.certainty is None
    assert "Theme coding failed" in caplog.text


def test_recode_codes_every_text_answer_again(interview):
    interviews.save_answers(
        interview,
        {"reason": "My salary was far too low.", "attraction": "The team.", "recommend": 3},
    )
    Answer.objects.update(certainty=None, coded_at=None, language="")
    AnswerTheme.objects.all().delete()
    progress = []

    done = coding.recode(
        Answer.objects.all(), progress=lambda n, total: progress.append((n, total))
    )

    assert done == 2
    assert progress == [(2, 2)]
    assert not Answer.objects.filter(
        question__kind=Question.Kind.TEXT, certainty__isnull=True
    ).exists()
    assert ("pay", "negative") in _tags(_answer(interview))


def test_codable_keeps_text_answers_with_text_or_a_note(interview):
    interviews.save_answers(
        interview,
        {"reason": "Pay.", "recommend": 3, "attraction": ""},
        {"attraction": "", "retention": "Note only."},
    )

    keys = set(coding.codable(Answer.objects.all()).values_list("question__key", flat=True))

    assert keys == {"reason", "retention"}


def test_review_stores_the_reviewers_tags_and_effective_tags_follow(interview, hr):
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _answer(interview)
    model = coding.effective_tags(answer)
    assert {tag.source for tag in model} == {AnswerTheme.Source.MODEL}

    coding.review_answer(
        answer, {"pay": "negative", "recognition": "positive"}, sensitive=True, by=hr
    )

    answer = _answer(interview)
    assert answer.reviewed_by == hr
    assert answer.reviewed_at is not None
    assert answer.sensitive
    assert {(t.theme, t.polarity, t.source, t.score) for t in coding.effective_tags(answer)} == {
        ("pay", "negative", "human", None),
        ("recognition", "positive", "human", None),
    }
    assert _tags(answer) == {(t.theme, t.polarity) for t in model}, "the model's tags stay"
    entry = AuditEntry.objects.get(action="answer.reviewed")
    assert entry.actor == hr
    assert entry.subject == f"answer {answer.pk}"
    assert entry.data == {"themes": ["pay", "recognition"]}


def test_a_second_review_replaces_the_first(interview, hr, admin):
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _answer(interview)
    coding.review_answer(answer, {"pay": "negative"}, sensitive=False, by=hr)

    coding.review_answer(answer, {}, sensitive=False, by=admin)

    answer = _answer(interview)
    assert coding.effective_tags(answer) == [], "reviewed without themes: no theme"
    assert answer.reviewed_by == admin
    assert AuditEntry.objects.filter(action="answer.reviewed").count() == 2


def test_reviewed_examples_teach_the_reviewers_labels(interview, hr):
    interviews.save_answers(
        interview, {"reason": "My salary was far too low."}, {"reason": "Upset about pay."}
    )
    answer = _answer(interview)
    coding.review_answer(answer, {"pay": "negative"}, sensitive=True, by=hr)

    examples = coding.reviewed_examples()

    assert [e.text for e in examples] == ["My salary was far too low.", "Upset about pay."]
    assert all(e.labels == {"pay": "-"} for e in examples)
    assert all(e.sensitive and e.weight == coding.LEARNED_WEIGHT for e in examples)


def test_learn_writes_a_model_and_uses_it(interview, hr, learning_dir):
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _answer(interview)
    coding.review_answer(answer, {"pay": "negative"}, sensitive=False, by=hr)
    before = coding.analyzer()
    tags = set(AnswerTheme.objects.values_list("answer_id", "theme", "polarity", "source"))

    learned = coding.learn(by=hr)

    assert learned == 1
    stored = LearnedModel.objects.get()
    assert (stored.created_by, stored.reviewed_answers) == (hr, 1)
    assert not list(learning_dir.glob("models/*learned*"))  # in the database, not a folder
    assert coding.analyzer() is not before
    assert coding.analyzer().model.fingerprint == stored.fingerprint != before.model.fingerprint
    assert coding.analyzer() is coding.analyzer()
    assert set(AnswerTheme.objects.values_list("answer_id", "theme", "polarity", "source")) == tags
    entry = AuditEntry.objects.get(action="themes.learned")
    assert entry.actor == hr
    assert entry.data == {"reviewed_answers": 1}


def test_every_process_picks_up_a_model_learned_elsewhere(db, learning_dir):
    """A learn in another web worker, app server or on the command line is a new row in the
    database: this process codes with it from its next coding on."""
    first = coding.analyzer()
    assert coding.analyzer() is first

    learned = ThemeModel(**{**first.model.__dict__, "threshold": 0.99, "fingerprint": "elsewhere"})
    LearnedModel.objects.create(fingerprint="elsewhere", weights=learned.to_bytes())

    assert coding.analyzer().model.threshold == pytest.approx(0.99)
    assert coding.analyzer().model.fingerprint == "elsewhere"


def test_learning_keeps_the_last_few_models(interview, hr, learning_dir):
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    coding.review_answer(_answer(interview), {"pay": "negative"}, sensitive=False, by=hr)

    for _ in range(coding.KEEP_LEARNED + 2):
        coding.learn(by=hr)

    assert LearnedModel.objects.count() == coding.KEEP_LEARNED
    assert coding.analyzer().model.fingerprint == LearnedModel.objects.first().fingerprint


def test_a_model_learned_before_the_database_kept_them_is_moved_in(db, learning_dir):
    from django.apps import apps

    migration = importlib.import_module("exitlens.core.migrations.0008_learned_model")
    model = ThemeModel(**{**coding.analyzer().model.__dict__, "fingerprint": "from a file"})
    path = learning_dir / "models" / "themes-learned.npz"
    model.save(path)

    migration.move_learned_file(apps, None)

    assert not path.exists()
    assert coding.analyzer().model.fingerprint == "from a file"
