"""Finding people in a quote: e-mail addresses, phone numbers and names, in four languages."""

import csv
from pathlib import Path

import pytest

from exitlens.analysis.personal import (
    EMAIL,
    NAME,
    PHONE,
    name_candidates,
    name_words,
    redact,
)

KNOWN = name_words(["Lotte Leaver", "Mila de Wit", "Pieter van den Berg"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail me at piet.jansen@example.org please.", "Mail me at [e-mail] please."),
        ("Bel 06-12345678 of 020-1234567.", "Bel [phone] of [phone]."),
        ("Call +31 6 1234 5678 or (555) 123-4567.", "Call [phone] or [phone]."),
        ("Ruf +49 30 1234567 an.", "Ruf [phone] an."),
        ("Mijn leidinggevende Jan de Vries schreeuwde.", "Mijn leidinggevende [name] schreeuwde."),
        ("My manager Tom never listened.", "My manager [name] never listened."),
        ("Mi jefe Carlos no escuchaba.", "Mi jefe [name] no escuchaba."),
        ("La Sra. García me ignoraba.", "La Sra. [name] me ignoraba."),
        ("Frau Müller hat nie zugehört.", "Frau [name] hat nie zugehört."),
        ("Mein Chef Herr Schmidt war unfair.", "Mein Chef Herr [name] war unfair."),
        ("Pieter gaf nooit feedback.", "[name] gaf nooit feedback."),
        ("Mijn collega Mila de Wit hielp.", "Mijn collega [name] hielp."),
        (
            "Mevrouw Jansen van personeelszaken hielp niet.",
            "Mevrouw [name] van personeelszaken hielp niet.",
        ),
        ("Gracias a la Sra. Pérez por nada.", "Gracias a la Sra. [name] por nada."),
        ("Meine Kollegin Petra wurde nie befördert.", "Meine Kollegin [name] wurde nie befördert."),
        ("The CEO John Smith changed everything.", "The CEO [name] changed everything."),
    ],
)
def test_it_takes_people_out(text, expected):
    assert redact(text, KNOWN).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "My manager never listened to anything I suggested.",
        "In 2024 the Sales team moved to Amsterdam and the Workload doubled.",
        "Das Gehalt war zu niedrig und die Arbeitszeiten im Lager zu lang.",
        "El salario era bajo y el horario en Madrid muy largo.",
        "Het salaris was 3.500 euro en op 12-05-2024 ben ik vertrokken.",
        "Ik werkte bij Team Noord en de manager deed niets.",
        "I had 3 managers in 2 years and 1 raise of 2%.",
    ],
)
def test_it_leaves_ordinary_sentences_alone(text):
    found = redact(text, KNOWN)
    assert found.text == text and not found.changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I told Sarah about it but nothing happened.",
            "I told [name] about it but nothing happened.",
        ),
        ("Gerrit Pietersen never listened to me.", "[name] never listened to me."),
        ("Thanks to Anne-Marie van der Berg for nothing.", "Thanks to [name] for nothing."),
        ("On Monday Tom shouted at me.", "On Monday [name] shouted at me."),
        (
            "Ik heb het aan Jeroen gevraagd, maar die deed niets.",
            "Ik heb het aan [name] gevraagd, maar die deed niets.",
        ),
        ("Door Sanne ben ik vertrokken.", "Door [name] ben ik vertrokken."),
        ("Le dije a Marta que no podía más.", "Le dije a [name] que no podía más."),
        ("Por culpa de Javier me fui.", "Por culpa de [name] me fui."),
        ("My manager, Tom Jones, never listened.", "My manager, [name], never listened."),
        ("Jan, Piet and Klaas left.", "[name], [name] and [name] left."),
    ],
)
def test_it_guesses_a_name_in_the_middle_of_a_sentence(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "We moved to Microsoft Teams on Monday and worked from Rotterdam.",
        "The Town Hall meetings were useless.",
        "Het Sociaal Plan was slecht geregeld.",
        "Sin embargo, el Director General nunca vino a Valencia.",
        "I emailed HR twice in March and heard nothing.",
        "I\u2019m leaving because I\u2019d had enough of the Workload.",
        "Our Head of Sales never showed up, not even at Christmas.",
        # German capitalises every noun: no guessing there, cues and known names only.
        "Ich habe mit der Geschäftsführung und dem Betriebsrat gesprochen.",
        "Schlechte Bezahlung, keine Perspektive.",
    ],
)
def test_it_guesses_no_name_in_a_named_thing(text):
    assert redact(text).text == text


def examples() -> list[str]:
    folder = Path(__file__).parents[1] / "src/exitlens/analysis/data"
    return [
        row["text"]
        for path in sorted(folder.glob("examples_*.csv"))
        for row in csv.DictReader(path.open(encoding="utf-8"))
    ]


def test_ordinary_answers_stay_as_written():
    """The written examples of what leavers say, in four languages: at most one in a hundred
    loses a word it should not have (there is no person in any of them)."""
    texts = examples()
    changed = [text for text in texts if redact(text).changed]
    assert len(texts) > 1000
    assert len(changed) <= len(texts) // 100, changed


def test_a_quote_about_several_people_is_risky_before_and_after():
    crowded = redact("Jan, Piet and Klaas shouted, mail klaas@example.org.")
    assert crowded.items == 4 and crowded.risky
    assert redact(crowded.text).risky  # its placeholders count: approving it again is no way out
    assert not redact("My manager Tom shouted, mail tom@example.org.").risky


def test_it_offers_only_possible_names_to_look_up():
    assert name_candidates("Yesterday Oosterbroek and the HR Team met in Amsterdam.") == {
        "oosterbroek"
    }


def test_it_names_what_it_found():
    found = redact("Collega Anna: anna@example.org, 06-12345678.", KNOWN)
    assert found.found == sorted([NAME, EMAIL, PHONE])


def test_dates_amounts_and_short_numbers_are_no_phone_numbers():
    text = "It was 2024-05-12, I earned 3.500 a month and worked 40 hours in 2 shifts."
    assert redact(text).text == text
    assert redact("bel 06 1234 5678").text == "bel [phone]"
