"""Reading the words of HR systems: the built-in vocabularies of `imports.values`, the headers of
`imports.mapping`, and three made-up exports in the styles of real HR systems (Dutch AFAS/Visma,
English Workday/BambooHR, German SAP) that must import with nothing but the built-in words."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from exitlens.core.models import Departure
from exitlens.imports import values
from exitlens.imports.mapping import KNOWN, header_key

LANGUAGES = ["nl", "en", "es", "de"]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Voluntary resignation", "resignation"),
        ("Resigned", "resignation"),
        ("Ontslag op eigen verzoek", "resignation"),
        ("Ontslag werknemer", "resignation"),
        ("Vrijwillig vertrek", "resignation"),
        ("Dimisión", "resignation"),
        ("Baja voluntaria", "resignation"),
        ("Renuncia", "resignation"),
        ("Eigenkündigung", "resignation"),
        ("Kündigung durch Arbeitnehmer", "resignation"),
        ("Einde contract", "end_of_contract"),
        ("Contract niet verlengd", "end_of_contract"),
        ("Fixed-term contract ended", "end_of_contract"),
        ("Fin de contrato", "end_of_contract"),
        ("Befristung ausgelaufen", "end_of_contract"),
        ("Vertragsende", "end_of_contract"),
        ("Pensioen", "retirement"),
        ("Retired", "retirement"),
        ("Jubilación", "retirement"),
        ("Ruhestand", "retirement"),
        ("Rente", "retirement"),
        ("Ontslag werkgever", "dismissal"),
        ("Dismissed", "dismissal"),
        ("Involuntary", "dismissal"),
        ("Despido", "dismissal"),
        ("Kündigung durch Arbeitgeber", "dismissal"),
        ("Overig", "other"),
        ("Sonstige", "other"),
        ("end_of_contract", "end_of_contract"),
    ],
)
def test_the_departure_types_of_hr_systems_are_known(word, code):
    assert values.to_choice(word, values.DEPARTURE_TYPES) == code


@pytest.mark.parametrize(
    "word",
    [
        "ONTSLAG OP EIGEN VERZOEK",
        "ontslag op eigen-verzoek.",
        "  Ontslag  op eigen verzoek ",
        "Dimision",
        "Eigenkuendigung",
        "eigenkundigung",
        "Voluntary_Resignation",
    ],
)
def test_words_match_without_case_accents_punctuation_or_umlauts(word):
    assert values.to_choice(word, values.DEPARTURE_TYPES) == "resignation"


@pytest.mark.parametrize("word", ["Overlijden", "Deceased", "Mutual agreement", "-", "?"])
def test_a_word_not_known_is_an_error_never_a_default(word):
    with pytest.raises(values.UnknownValue) as error:
        values.to_choice(word, values.DEPARTURE_TYPES)
    assert error.value.value == word
    assert error.value.choices == list(values.DEPARTURE_TYPES)
    assert str(error.value).startswith(f"{word} is not one of: resignation, dismissal")


def test_the_users_words_come_first():
    extra = {"mutualagreement": "dismissal", "resigned": "other"}
    assert values.to_choice("Mutual Agreement", values.DEPARTURE_TYPES, extra) == "dismissal"
    assert values.to_choice("Resigned", values.DEPARTURE_TYPES, extra) == "other"


@pytest.mark.parametrize(
    ("word", "answer"),
    [
        ("ja", True), ("Nee", False), ("J", True), ("n", False),
        ("sí", True), ("Si", True), ("no", False),
        ("Ja", True), ("NEIN", False),
        ("true", True), ("FALSE", False), ("1", True), ("0", False), (1.0, True), (0, False),
        ("yes", True), ("y", True), ("N", False), ("x", True), ("X", True),
        (True, True), (False, False),
    ],
)  # fmt: skip
def test_yes_and_no_in_four_languages(word, answer):
    assert values.to_bool(word) is answer


def test_a_word_that_is_neither_yes_nor_no_is_an_error():
    with pytest.raises(values.UnknownValue, match="misschien is not yes or no"):
        values.to_bool("misschien")
    assert values.to_bool("misschien", {"misschien": "no"}) is False


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("nl", "nl"), ("NL", "nl"), ("nl-BE", "nl"), ("Nederlands", "nl"), ("Dutch", "nl"),
        ("Néerlandais", "nl"), ("Neerlandés", "nl"), ("Niederländisch", "nl"),
        ("en_GB", "en"), ("English", "en"), ("Engels", "en"), ("Inglés", "en"),
        ("English (United Kingdom)", "en"), ("Englisch", "en"),
        ("es", "es"), ("Español", "es"), ("Spaans", "es"), ("Spanish", "es"),
        ("Castellano", "es"),
        ("de", "de"), ("Deutsch", "de"), ("Duits", "de"), ("German", "de"), ("Alemán", "de"),
    ],
)  # fmt: skip
def test_languages_by_code_or_by_name(word, code):
    assert values.to_language(word, LANGUAGES) == code


def test_a_language_not_offered_is_an_error():
    with pytest.raises(values.UnknownValue, match="fr is not one of: nl, en, es, de"):
        values.to_language("fr", LANGUAGES)
    with pytest.raises(values.UnknownValue):
        values.to_language("Français (France)", LANGUAGES)


def test_outcomes_in_four_languages():
    assert values.to_choice("Behouden", values.OUTCOMES) == "retained"
    assert values.to_choice("Geblieben", values.OUTCOMES) == "retained"
    assert values.to_choice("Salida confirmada", values.OUTCOMES) == "exit_confirmed"


def test_a_value_mapping_reads_column_value_and_code():
    line = "Termination type:Mutual  agreement=resignation"
    assert values.parse_value_map(line) == ("Termination type", "Mutual agreement", "resignation")
    assert values.parse_value_map("Type: a=b =other") == ("Type", "a=b", "other")
    for bad in ["Type=other", "Type:=other", ":x=other", "Type:x=", "Type:x"]:
        with pytest.raises(ValueError, match="Column:Value in the file=code"):
            values.parse_value_map(bad)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("E-mail prive", "personal_email"), ("E-mail privé", "personal_email"),
        ("Privé e-mail", "personal_email"), ("Correo electrónico personal", "personal_email"),
        ("Private E-Mail", "personal_email"), ("E-Mail geschäftlich", "work_email"),
        ("Uitdiensttredingsdatum", "leave_date"), ("Datum uit dienst", "leave_date"),
        ("Fecha de baja", "leave_date"), ("Austrittsdatum", "leave_date"),
        ("Fecha de alta", "hire_date"), ("Eintrittsdatum", "hire_date"),
        ("Afdeling", "department"), ("Departamento", "department"), ("Abteilung", "department"),
        ("Leidinggevende", "manager"), ("Manager", "manager"), ("Jefe", "manager"),
        ("Vorgesetzte(r)", "manager"), ("Fuehrungskraft", "manager"),
        ("Personeelsnummer", "external_id"), ("Employee ID", "external_id"),
        ("Nº empleado", "external_id"), ("Personalnummer", "external_id"),
        ("Employee #", "external_id"), ("Pers.-Nr.", "external_id"),
        ("Voornaam", "first_name"), ("Achternaam", "last_name"), ("Tussenvoegsel", "name_prefix"),
        ("Nombre", "first_name"), ("Apellidos", "last_name"),
        ("Vorname", "first_name"), ("Nachname", "last_name"),
        ("Termination Type", "departure_type"), ("Motivo de baja", "departure_type"),
        ("Austrittsgrund", "departure_type"), ("Idioma", "language"), ("Sprache", "language"),
        ("  DATUM_UIT-DIENST ", "leave_date"),
    ],
)  # fmt: skip
def test_headers_in_four_languages(header, field):
    assert KNOWN[header_key(header)] == field


# Three exports as HR systems write them, made up for these tests.

AFAS = (
    "Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;Afdeling;Leidinggevende;Functie;"
    "Vestiging;Datum in dienst;Uitdiensttredingsdatum;Reden uit dienst;Spijtig verlies;"
    "E-mail werk;E-mail prive;Taal\n"
    "001042;Jan;de;Vries;Klantenservice;Petra Smit;Teamleider;Utrecht;01-02-2019;31-05-2026;"
    "Ontslag op eigen verzoek;Ja;j.devries@werk.example.nl;jan@thuis.example.nl;Nederlands\n"
    "001043;Fatima;;El Amrani;Financiën;Petra Smit;Controller;Zwolle;15-09-2021;30-06-2026;"
    "Einde contract;Nee;f.elamrani@werk.example.nl;;Engels\n"
    "001044;Kees;van;Dam;Logistiek;Rob Bos;Chauffeur;Utrecht;01-04-1985;31-07-2026;"
    "Pensioen;nee;;kees@thuis.example.nl;nederlands\n"
    "001045;Sanne;;Jansen;Logistiek;Rob Bos;Planner;Zwolle;01-03-2024;31-08-2026;"
    "Ontslag werkgever;;;;NL\n"
    "001046;Tim;;Peters;Klantenservice;Petra Smit;Medewerker;Utrecht;01-01-2025;31-12-2025;"
    "Contract niet verlengd;x;;;\n"
)

SAP = (
    "Personalnummer;Nachname;Vorname;Abteilung;Vorgesetzte(r);Stellenbezeichnung;Standort;"
    "Eintrittsdatum;Austrittsdatum;Austrittsgrund;Bedauerlicher Verlust;Private E-Mail;Sprache\n"
    "00012345;Müller;Hans;Vertrieb;Anna Schmidt;Vertriebsleiter;München;01.04.2015;30.06.2026;"
    "Eigenkündigung;ja;hans.mueller@privat.example.de;Deutsch\n"
    "00012346;Öztürk;Ayşe;Produktion;Jörg Weber;Schichtleiterin;Stuttgart;15.08.2020;31.07.2026;"
    "Kündigung durch Arbeitgeber;nein;;Englisch\n"
    "00012347;Schulz;Peter;Produktion;Jörg Weber;Maschinenführer;Stuttgart;01.09.1990;"
    "31.08.2026;Ruhestand;nein;;deutsch\n"
    "00012348;Wagner;Lena;Vertrieb;Anna Schmidt;Assistentin;München;01.03.2025;28.02.2026;"
    "Befristung ausgelaufen;Ja;lena.w@privat.example.de;\n"
    "00012349;Becker;Jonas;Vertrieb;Anna Schmidt;Werkstudent;München;01.10.2024;31.03.2026;"
    "Vertragsende;Nein;;Spanisch\n"
)


def run(path, *args) -> str:
    out = StringIO()
    call_command("import", "departures", str(path), "--create-departments", *args, stdout=out)
    return out.getvalue()


def test_a_dutch_afas_export_imports_with_the_built_in_words(tmp_path, db):
    path = tmp_path / "uitdiensttredingen.csv"
    path.write_bytes(AFAS.encode("cp1252"))

    out = run(path)

    assert "Imported: 5 created, 0 updated, 0 rejected." in out
    found = {
        d.external_id: (d.full_name, d.departure_type, d.regrettable, d.language)
        for d in Departure.objects.all()
    }
    assert found == {
        "001042": ("Jan de Vries", "resignation", True, "nl"),
        "001043": ("Fatima El Amrani", "end_of_contract", False, "en"),
        "001044": ("Kees van Dam", "retirement", False, "nl"),
        "001045": ("Sanne Jansen", "dismissal", False, "nl"),
        "001046": ("Tim Peters", "end_of_contract", True, "en"),  # no language: the site's
    }
    jan = Departure.objects.get(external_id="001042")
    assert (jan.hire_date, jan.leave_date) == (date(2019, 2, 1), date(2026, 5, 31))
    assert (jan.work_email, jan.personal_email) == (
        "j.devries@werk.example.nl", "jan@thuis.example.nl"
    )  # fmt: skip
    assert (jan.department.name, jan.manager.name, jan.location) == (
        "Klantenservice", "Petra Smit", "Utrecht"
    )  # fmt: skip
    assert Departure.objects.get(external_id="001043").department.name == "Financiën"


def test_an_english_workday_export_imports_with_the_built_in_words(tmp_path, db):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Terminations"
    sheet.append([
        "Employee ID", "First Name", "Last Name", "Department", "Manager", "Job Title",
        "Location", "Hire Date", "Termination Date", "Termination Type", "Regrettable",
        "Eligible for Rehire", "Work Email", "Personal Email", "Preferred Language",
    ])  # fmt: skip
    sheet.append([
        "W-1001", "Emma", "Clarke", "Engineering", "David Lee", "Software Engineer", "London",
        datetime(2021, 6, 1), datetime(2026, 5, 29), "Voluntary Resignation", "Yes", "Y",
        "emma.clarke@corp.example.com", "emma@home.example.com", "English",
    ])  # fmt: skip
    sheet.append([
        "W-1002", "Carlos", "Ruiz", "Sales", "Maria Lopez", "Account Executive", "Madrid",
        datetime(2023, 1, 9), datetime(2026, 6, 30), "Involuntary", False, "N",
        "carlos.ruiz@corp.example.com", None, "Spanish",
    ])  # fmt: skip
    sheet.append([
        "W-1003", "Grace", "O'Brien", "Engineering", "David Lee", "QA Contractor", "Dublin",
        datetime(2025, 7, 1), datetime(2026, 6, 30), "Fixed-Term Contract Ended", "No", "Y",
        None, "grace@home.example.com", "en-IE",
    ])  # fmt: skip
    sheet.append([
        "W-1004", "Robert", "Evans", "Finance", "Maria Lopez", "Controller", "London",
        datetime(1994, 3, 14), datetime(2026, 7, 31), "Retired", "No", None,
        "robert.evans@corp.example.com", None, "English (United Kingdom)",
    ])  # fmt: skip
    path = tmp_path / "Terminations_Report.xlsx"
    workbook.save(path)

    out = run(path)

    assert "Imported: 4 created, 0 updated, 0 rejected." in out
    found = {
        d.external_id: (
            d.full_name, d.departure_type, d.regrettable, d.eligible_for_rehire, d.language
        )
        for d in Departure.objects.all()
    }  # fmt: skip
    assert found == {
        "W-1001": ("Emma Clarke", "resignation", True, True, "en"),
        "W-1002": ("Carlos Ruiz", "dismissal", False, False, "es"),
        "W-1003": ("Grace O'Brien", "end_of_contract", False, True, "en"),
        "W-1004": ("Robert Evans", "retirement", False, None, "en"),
    }
    emma = Departure.objects.get(external_id="W-1001")
    assert (emma.hire_date, emma.leave_date) == (date(2021, 6, 1), date(2026, 5, 29))


def test_a_german_sap_export_imports_with_the_built_in_words(tmp_path, db):
    path = tmp_path / "austritte.csv"
    path.write_text(SAP, encoding="utf-8-sig")

    out = run(path)

    assert "Imported: 5 created, 0 updated, 0 rejected." in out
    found = {
        d.external_id: (d.full_name, d.departure_type, d.regrettable, d.language)
        for d in Departure.objects.all()
    }
    assert found == {
        "00012345": ("Hans Müller", "resignation", True, "de"),
        "00012346": ("Ayşe Öztürk", "dismissal", False, "en"),
        "00012347": ("Peter Schulz", "retirement", False, "de"),
        "00012348": ("Lena Wagner", "end_of_contract", True, "en"),
        "00012349": ("Jonas Becker", "end_of_contract", False, "es"),
    }
    hans = Departure.objects.get(external_id="00012345")
    assert (hans.hire_date, hans.leave_date) == (date(2015, 4, 1), date(2026, 6, 30))
    assert (hans.manager.name, hans.job_title, hans.location) == (
        "Anna Schmidt", "Vertriebsleiter", "München"
    )  # fmt: skip
