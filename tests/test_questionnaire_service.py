"""The questionnaire service: the default questionnaire and new versions."""

from exitlens.core import questionnaire_defaults
from exitlens.core.models import AuditEntry, Question, Questionnaire, QuestionnaireVersion
from exitlens.core.services.questionnaires import (
    create_version,
    current_version,
    default_questionnaire,
)

LANGUAGES = {"nl", "en", "es", "de"}


def test_it_creates_the_default_with_the_eleven_questions(db):
    version = current_version()

    questions = list(version.questions.all())
    assert version.number == 1
    assert len(questions) == 11
    assert [q.key for q in questions] == [spec["key"] for spec in questionnaire_defaults.QUESTIONS]
    assert [q.position for q in questions] == list(range(1, 12))


def test_it_gives_every_default_text_in_all_four_languages(db):
    for question in current_version().questions.all():
        for field in ("prompt", "purpose", "hint"):
            texts = getattr(question, field)
            assert set(texts) == LANGUAGES, (question.key, field)
            assert all(texts.values()), (question.key, field)
        if question.kind == Question.Kind.SCALE:
            assert question.scale_min < question.scale_max
            assert set(question.min_label) == set(question.max_label) == LANGUAGES
        if question.has_choices:
            assert question.options
            for option in question.options:
                assert set(option["labels"]) == LANGUAGES


def test_it_fills_theme_options_from_the_taxonomy(db):
    main_reason = current_version().questions.get(key="main_reason")

    assert main_reason.kind == Question.Kind.CHOICE
    assert "pay" in [value for value, _label in main_reason.option_choices("en")]


def test_it_makes_the_default_only_once(db):
    first = default_questionnaire()
    second = default_questionnaire()

    assert first == second
    assert Questionnaire.objects.count() == 1
    assert QuestionnaireVersion.objects.count() == 1


def test_it_copies_every_question_into_a_new_version(admin):
    questionnaire = default_questionnaire()
    old = questionnaire.current_version()

    new = create_version(questionnaire, {}, by=admin)

    assert new.number == 2
    assert new.created_by == admin
    assert questionnaire.current_version() == new
    old_questions = list(old.questions.all())
    new_questions = list(new.questions.all())
    assert len(new_questions) == 11
    for before, after in zip(old_questions, new_questions, strict=True):
        assert after.pk != before.pk
        for field in ("key", "kind", "position", "prompt", "purpose", "hint", "options"):
            assert getattr(after, field) == getattr(before, field)


def test_it_changes_only_the_given_texts(admin):
    questionnaire = default_questionnaire()
    old = questionnaire.current_version()
    before = old.questions.get(key="attraction")
    texts = {"attraction": {"prompt": {**before.prompt, "en": "What drew you to us?"}}}

    new = create_version(questionnaire, texts, by=admin)

    changed = new.questions.get(key="attraction")
    assert changed.prompt == {**before.prompt, "en": "What drew you to us?"}
    assert changed.purpose == before.purpose
    assert changed.hint == before.hint
    for question in new.questions.exclude(key="attraction"):
        assert question.prompt == old.questions.get(key=question.key).prompt
    # The old version never changes.
    assert old.questions.get(key="attraction").prompt["en"] == before.prompt["en"]


def test_it_drops_emptied_languages(admin):
    questionnaire = default_questionnaire()
    before = questionnaire.current_version().questions.get(key="attraction")

    new = create_version(
        questionnaire, {"attraction": {"hint": {**before.hint, "de": ""}}}, by=admin
    )

    assert set(new.questions.get(key="attraction").hint) == {"nl", "en", "es"}


def test_it_keeps_the_other_languages_when_one_is_given(admin):
    questionnaire = default_questionnaire()
    before = questionnaire.current_version().questions.get(key="attraction")

    new = create_version(questionnaire, {"attraction": {"prompt": {"en": "Why us?"}}}, by=admin)

    assert new.questions.get(key="attraction").prompt == {**before.prompt, "en": "Why us?"}


def test_it_records_the_new_version_in_the_audit_log(admin):
    questionnaire = default_questionnaire()

    create_version(questionnaire, {}, by=admin)

    entry = AuditEntry.objects.get(action="questionnaire.changed")
    assert entry.actor == admin
    assert entry.data == {"version": 2}
