"""Disclosure detection (analysis/sensitive): what leavers write, in four languages, and the near
misses that share its words. The written set in analysis/data/disclosures keeps it honest."""

import csv
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from exitlens.analysis.sensitive import (
    CATEGORIES,
    Disclosure,
    disclosure_category,
    find_disclosure,
    find_disclosures,
    flag_many,
    mentions_misconduct,
    rule_disclosures,
)
from exitlens.analysis.sensitive.model import train, written_answers

pytestmark = pytest.mark.real_analyser

DATA = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "exitlens"
    / "analysis"
    / "data"
    / "disclosures"
)


@pytest.mark.parametrize(
    "text",
    [
        "Er werden regelmatig seksistische grappen gemaakt en niemand greep in.",
        "Mijn chef maakte seksueel getinte opmerkingen tegen de stagiaires.",
        "He kept touching my arm and shoulders even after I asked him to stop.",
        "There were comments about my body every week and HR did nothing.",
        "My manager shouted at me and humiliated me in front of the team.",
        "We were pressured to backdate the figures before the audit.",
        "They told us to ignore the safety rules when the line was behind.",
    ],
)
def test_it_flags_what_was_reported_missing(text):
    assert mentions_misconduct(text)


@pytest.mark.parametrize(
    "text",
    [
        "I would like to work in a place where bullying is not tolerated.",
        "I worked in the fraud prevention team, nice people.",
        "We had a workshop on discrimination, which was useful.",
        "My manager took credit for my work in the quarterly review.",
        "No discrimination that I know of.",
        "I never felt unsafe and the safety training was good.",
        "We made lots of jokes, great atmosphere.",
    ],
)
def test_it_does_not_flag_what_was_reported_wrongly(text):
    assert not mentions_misconduct(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A colleague groped me at the Christmas party.", "sexual_harassment"),
        ("Een collega zat steeds aan me, ook toen ik nee zei.", "sexual_harassment"),
        ("Mi jefe hacía comentarios sobre mi cuerpo delante de los clientes.", "sexual_harassment"),
        (
            "Der Meister hat ständig anzügliche Sprüche über Kolleginnen gemacht.",
            "sexual_harassment",
        ),
        ("A customer kept harassing me and my manager said it was part of the job.", "harassment"),
        ("Ik werd door een collega maandenlang lastiggevallen.", "harassment"),
        ("Un compañero me estuvo acosando durante meses.", "harassment"),
        ("Ich wurde von einem Kollegen belästigt.", "harassment"),
        ("I was passed over because I'm a woman.", "discrimination"),
        ("Na mijn zwangerschap werd mijn contract niet verlengd.", "discrimination"),
        ("Por ser extranjera me pagaban menos que a los demás.", "discrimination"),
        (
            "Wegen meines Kopftuchs durfte ich nicht am Empfang arbeiten, hieß es.",
            "discrimination",
        ),
        ("I was bullied by my team for a year.", "bullying"),
        ("Ik ben jarenlang gepest door mijn teamleider.", "bullying"),
        ("Mi jefa me humillaba delante de todos.", "bullying"),
        ("Ich wurde vom Schichtleiter angebrüllt und gedemütigt.", "bullying"),
        ("My boss threatened to fire me if I went to HR.", "threats"),
        ("De eigenaar heeft me bedreigd toen ik mijn loon vroeg.", "threats"),
        ("El encargado me amenazó con despedirme.", "threats"),
        ("Der Chef hat mir mit Kündigung gedroht, falls ich zum Betriebsrat gehe.", "threats"),
        ("We had to work without gloves or masks with the solvents.", "safety"),
        ("We moesten zonder helm op de steigers werken.", "safety"),
        ("Trabajábamos sin arnés en el tejado.", "safety"),
        ("Wir mussten ohne Schutzausrüstung an der Maschine arbeiten.", "safety"),
        ("My manager falsified the expense claims every month.", "fraud"),
        ("Een collega heeft geld uit de kassa gestolen en dat werd afgedekt.", "fraud"),
        ("Inflaban las facturas a los clientes.", "fraud"),
        ("Die Zahlen wurden jeden Monat geschönt.", "fraud"),
        ("They told me to keep quiet about the incident.", "integrity"),
        ("HR heeft alles onder het tapijt geschoven.", "integrity"),
        ("Me pidieron que mintiera al auditor.", "integrity"),
        ("Der Unfall wurde vertuscht.", "integrity"),
    ],
)
def test_it_finds_each_category_in_each_language(text, category):
    found = find_disclosure(text)
    assert found is not None
    assert category in {disclosure.category for disclosure in find_disclosures(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Het zou fijn zijn als er meer aandacht was voor pesten op de werkvloer.",
        "Ojalá hubiera un protocolo contra el acoso, yo nunca lo sufrí.",
        "Eine Schulung zu Mobbing wäre schön gewesen, betroffen war ich nie.",
        "The anti-harassment policy was clear.",
        "Ik heb nooit discriminatie meegemaakt.",
        "Mobbing gab es bei uns nicht.",
        "Nunca me sentí insegura en el almacén.",
        "My colleague stole the show at the party.",
        "I'm leaving because I'm pregnant and we're moving.",
        "De veiligheidstraining was goed geregeld.",
        "Die drohende Insolvenz hat mir Sorgen gemacht.",
        "La amenaza de cierre siempre estaba ahí.",
        "Molesto, pero así funcionaba la empresa.",
        "Ik zat in het team dat fraudecontroles deed bij leveranciers.",
        "Ik voelde me vaak buitengesloten bij beslissingen over het project.",
        "Good people do not last long here because the pay is poor.",
    ],
)
def test_it_does_not_flag_near_misses(text):
    assert find_disclosure(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("My manager said I could forget about my bonus if I went to HR.", "threats"),
        ("Lastpakken houden het hier niet lang vol, zei mijn chef.", "threats"),
        ("He waited for me at my car and once followed me home.", "harassment"),
        ("Ein Kollege ist mir nach Feierabend bis nach Hause gefolgt.", "harassment"),
        ("Mi jefe cargaba sus cenas privadas a la tarjeta de la empresa.", "fraud"),
        ("We zetten uren op facturen die niemand gewerkt had.", "fraud"),
        ("Me dijeron que cerrara la boca y no pusiera nada por escrito.", "integrity"),
        ("Meine Teamleiterin hat mich in jedem Meeting kleingemacht.", "bullying"),
        ("The pay was fine and my manager was fair.", None),
    ],
)
def test_it_names_the_category(text, category):
    assert disclosure_category(text) == category


def test_it_tells_what_it_found():
    found = find_disclosure("Mijn leidinggevende maakte opmerkingen over mijn lichaam.")
    assert found == Disclosure("sexual_harassment", found.evidence, found.strength)
    assert found.category in CATEGORIES
    assert "lichaam" in found.evidence


def test_it_copes_with_empty_and_very_long_answers():
    assert find_disclosure("") is None
    assert not mentions_misconduct(None)
    assert not mentions_misconduct("The pay was low. " * 6_000)


def _dev_rows(language: str) -> list[tuple[bool, str]]:
    with (DATA / f"{language}.tsv").open(encoding="utf-8", newline="") as handle:
        return [
            (row["label"] != "none", row["text"])
            for row in csv.DictReader(handle, delimiter="\t")
            if row["split"] == "dev"
        ]


@pytest.mark.parametrize("language", ["en", "nl", "es", "de"])
def test_it_keeps_recall_and_precision_on_the_written_dev_set(language):
    rows = _dev_rows(language)
    flagged = [(truth, mentions_misconduct(text)) for truth, text in rows]
    found = sum(truth and flag for truth, flag in flagged)
    recall = found / sum(truth for truth, _ in flagged)
    precision = found / sum(flag for _, flag in flagged)
    assert len(rows) >= 50
    assert recall >= 0.95, recall
    assert precision >= 0.70, precision


def test_the_model_reads_what_no_rule_words():
    text = (
        "He kept finding reasons to stand right behind me at the copier, and laughed when I "
        "asked him to step back."
    )
    assert rule_disclosures(text) == []
    found = find_disclosure(text)
    assert found is not None and found.strength == "model"
    assert found.category in CATEGORIES


def test_many_answers_are_flagged_as_one_at_a_time():
    texts = [
        "He kept finding reasons to stand right behind me at the copier, and laughed when I "
        "asked him to step back.",
        "Er werden regelmatig seksistische grappen gemaakt en niemand greep in.",
        "The pay was fine and my colleagues were great.",
        "",
    ]
    assert (
        flag_many(texts)
        == [mentions_misconduct(text) for text in texts]
        == [
            True,
            True,
            False,
            False,
        ]
    )


def test_the_model_learns_from_the_dev_rows_only():
    rows = written_answers()
    assert {row.split for row in rows} == {"dev", "test"}
    assert {row.label for row in rows} == {*CATEGORIES, "none"}
    trained = []
    with mock.patch(
        "exitlens.analysis.encoder.encode",
        side_effect=lambda texts: (
            trained.extend(texts) or np.zeros((len(texts), 512), dtype=np.float32)
        ),
    ):
        train()
    held_out = {row.text for row in rows if row.split == "test"}
    assert trained and not held_out & set(trained)
