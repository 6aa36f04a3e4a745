"""Finding people in a quote: e-mail addresses, phone numbers and names, in four languages."""

import pytest

from exitlens.analysis.personal import EMAIL, NAME, PHONE, has_contact_details, name_words, redact

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


def test_it_names_what_it_found():
    found = redact("Collega Anna: anna@example.org, 06-12345678.", KNOWN)
    assert found.found == sorted([NAME, EMAIL, PHONE])


def test_it_checks_contact_details_cheaply():
    assert has_contact_details("mail x@example.org")
    assert has_contact_details("bel 06 1234 5678")
    assert not has_contact_details("it was 2024-05-12 and I earned 3.500")
