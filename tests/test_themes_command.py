import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.core.models import AnswerTheme, Interview
from exitlens.core.services import interviews

# Tagging a file codes with the model in use, which the database holds.
pytestmark = [pytest.mark.real_analyser, pytest.mark.django_db]


def _tag(*args, **options):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("themes", "tag", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_it_tags_a_csv_file_into_jsonl(tmp_path):
    source = tmp_path / "answers.csv"
    source.write_text(
        "id,text\n7,Te weinig salaris en geen doorgroeimogelijkheden.\n8,\n", encoding="utf-8"
    )

    out, _ = _tag(str(source), question="reason")

    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["7", "8"]
    first = rows[0]
    assert first["language"] == "nl"
    assert {t["theme"]: t["polarity"] for t in first["themes"]} == {
        "pay": "negative",
        "career": "negative",
    }
    assert set(first["scores"]) == set(THEME_IDS)
    assert first["sensitive"] is False
    assert rows[1]["themes"] == []


def test_it_tags_jsonl_with_chosen_columns_into_a_file(tmp_path):
    source = tmp_path / "answers.jsonl"
    source.write_text(
        '{"key": "a", "answer": "Mi jefe me acosaba."}\n{"key": "b", "answer": "Buen ambiente."}\n',
        encoding="utf-8",
    )
    output = tmp_path / "coded.jsonl"

    _tag(str(source), text_column="answer", id_column="key", output=str(output))

    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["a", "b"]
    assert rows[0]["sensitive"] is True
    assert rows[1]["themes"][0]["theme"] == "culture"


def test_it_reports_malformed_rows_with_line_numbers_and_skips_them(tmp_path):
    source = tmp_path / "answers.jsonl"
    source.write_text(
        '{"id": 1, "text": "Goed salaris."}\nnot json\n{"id": 3, "text": 42}\n[1, 2]\n'
        '{"id": 5, "text": "Fijne collega\'s."}\n',
        encoding="utf-8",
    )

    out, err = _tag(str(source))

    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 5]
    assert "line 2: not JSON" in err
    assert "line 3: text is a int, not a string" in err
    assert "line 4: not a JSON object" in err
    assert "3 malformed rows skipped" in err


def test_it_rejects_the_whole_file_when_asked(tmp_path):
    source = tmp_path / "answers.csv"
    source.write_text('id,text\n1,"Good pay"\n2,"too",many,fields\n', encoding="utf-8")
    output = tmp_path / "out.jsonl"

    with pytest.raises(CommandError, match="1 malformed rows: nothing written"):
        _tag(str(source), output=str(output), on_error="reject")

    assert not output.exists()


def test_it_rejects_answers_over_100000_characters(tmp_path):
    source = tmp_path / "answers.csv"
    source.write_text("id,text\n1," + "x" * 100_001 + "\n", encoding="utf-8")

    out, err = _tag(str(source))

    assert out == ""
    assert "line 2: text longer than 100,000 characters" in err


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("id,answer\n1,x\n", {}, "no column 'text'; columns are: id, answer"),
        ("id,text\n1,x\n", {"language": "fr"}, "unknown language 'fr'"),
        ("", {}, "the file is empty"),
    ],
)
def test_it_explains_what_is_wrong_with_the_input(tmp_path, content, options, message):
    source = tmp_path / "answers.csv"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        _tag(str(source), **options)


def test_it_refuses_other_file_types(tmp_path):
    source = tmp_path / "answers.xlsx"
    source.write_bytes(b"PK\x03\x04")
    with pytest.raises(CommandError, match=r"use a \.csv, \.tsv or \.jsonl file"):
        _tag(str(source))


def test_it_evaluates_against_labels(tmp_path, capsys):
    labelled = tmp_path / "labelled.csv"
    labelled.write_text(
        "text,labels\n"
        '"Low pay and no way up.","pay-;career-"\n'
        '"Great colleagues.","culture+"\n'
        '"nothing",\n',
        encoding="utf-8",
    )

    call_command("themes", "evaluate", str(labelled))

    out = capsys.readouterr().out
    assert "micro" in out
    assert "polarity accuracy" in out
    assert "3 texts" in out


def test_it_evaluates_the_kununu_topic_format(tmp_path, capsys):
    labelled = tmp_path / "kununu.csv"
    labelled.write_text(
        "text,themes\nDas Gehalt ist zu niedrig.,pay\nGute Weiterbildung.,career|learning\n",
        encoding="utf-8",
    )

    call_command("themes", "evaluate", str(labelled), labels_column="themes")

    assert "2 texts" in capsys.readouterr().out


@pytest.mark.django_db
def test_it_recodes_stored_answers(departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(interview, {"reason": "Mijn leidinggevende luisterde nooit."})
    AnswerTheme.objects.all().delete()

    call_command("themes", "recode")

    assert list(AnswerTheme.objects.values_list("theme", "polarity", "source")) == [
        ("manager", "negative", "model")
    ]


def test_worker_processes_tag_exactly_as_one_process_does(tmp_path, monkeypatch):
    from exitlens.analysis import workers

    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    source = tmp_path / "answers.csv"
    texts = [
        "Te weinig salaris en geen doorgroeimogelijkheden.",
        "My manager never listened, and the commute was long.",
        "El ambiente con los compañeros era muy bueno.",
        "Die Arbeitszeiten waren flexibel.",
    ]
    source.write_text(
        "id,text\n" + "".join(f'{i},"{text}"\n' for i, text in enumerate(texts * 150)),
        encoding="utf-8",
    )
    monkeypatch.setattr(workers, "CHUNK", 50)  # several chunks per worker

    alone, _ = _tag(str(source), question="reason", workers=1)
    together, _ = _tag(str(source), question="reason", workers=2)

    assert len(together.splitlines()) == 600
    assert together == alone


@pytest.mark.parametrize("workers", [0, 65])
def test_it_refuses_a_senseless_number_of_workers(tmp_path, workers):
    source = tmp_path / "answers.csv"
    source.write_text("id,text\n1,Goed salaris\n", encoding="utf-8")

    with pytest.raises(CommandError, match="--workers must be between 1 and 64"):
        _tag(str(source), workers=workers)


@pytest.mark.django_db
def test_recode_in_worker_processes_stores_the_same_tags(departure, monkeypatch):
    from exitlens.analysis import workers

    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )
    interviews.save_answers(
        interview,
        {"reason": "Mijn leidinggevende luisterde nooit.", "attraction": "Het salaris."},
    )

    def tags():
        rows = AnswerTheme.objects.values_list("answer", "theme", "polarity", "score")
        return {(answer, theme, sign, round(score, 3)) for answer, theme, sign, score in rows}

    stored = tags()
    AnswerTheme.objects.all().delete()

    call_command("themes", "recode", workers=2)

    recoded = tags()
    assert recoded == stored
    assert {theme for _, theme, _, _ in recoded} >= {"manager", "pay"}
