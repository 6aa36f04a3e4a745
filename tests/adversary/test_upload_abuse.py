"""Uploads that try to hurt the server: XML entity tricks, ZIP bombs, files far beyond the limits,
garbage. Each is refused with a message that names the problem, on the import page (the form
again, status 200) and by `exitlens import departures` (an error, so a non-zero exit), after
reading no more than a limit's worth, and leaves nothing in the imports folder."""

import os
from io import StringIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from exitlens.core.models import Departure
from exitlens.imports import departures
from tests.adversary import hostile
from tests.conftest import login

URL = reverse("departure_import")

# (file name, content, settings for the test, what the message says); the limits are set low
# where the default would need a large file.
ATTACKS = {
    "external entity (XXE)": (
        "leavers.xlsx",
        hostile.workbook(hostile.XXE),
        {},
        "leavers.xlsx contains XML features that are not allowed",
    ),
    "billion laughs": (
        "leavers.xlsx",
        hostile.workbook(hostile.sheet(hostile.HEADER_ROW), hostile.BILLION_LAUGHS),
        {},
        "leavers.xlsx contains XML features that are not allowed",
    ),
    "ZIP bomb over the unpacked size": (
        "leavers.xlsx",
        hostile.zip_bomb(3),
        {"EXITLENS_IMPORT_MAX_UNZIPPED_MB": 1},
        "leavers.xlsx unpacks to 3 MB; workbooks that unpack to at most 1 MB can be imported.",
    ),
    "ZIP bomb by its compression": (
        "leavers.xlsx",
        hostile.zip_bomb(3),
        {},
        "which only a ZIP bomb needs; more than 100 to 1 is refused.",
    ),
    "ZIP bomb that lies about its size": (
        "leavers.xlsx",
        hostile.lying_sizes(3),
        {},
        "leavers.xlsx is not a valid Excel workbook (.xlsx).",
    ),
    "rows beyond the limit": (
        "leavers.xlsx",
        hostile.many_rows(15_000, broken_after=True),
        {"EXITLENS_IMPORT_MAX_ROWS": 10},
        "leavers.xlsx has more than 10 rows of data; up to 10 can be imported at once.",
    ),
    "shared strings bomb": (
        "leavers.xlsx",
        hostile.shared_strings_bomb(50_000),
        {"EXITLENS_IMPORT_MAX_SHARED_STRINGS": 1000},
        "leavers.xlsx holds more than 1,000 different texts (shared strings)",
    ),
    "huge cell in a workbook": (
        "leavers.xlsx",
        hostile.long_cell(40_000),
        {},
        "leavers.xlsx has a cell of more than 32,767 characters (row 2)",
    ),
    "huge CSV field": (
        "leavers.csv",
        b'Name\n"' + b"x" * 40_000 + b'"\n',
        {},
        "leavers.csv has a cell of more than 32,767 characters (row 2)",
    ),
    "huge CSV line": (
        "leavers.csv",
        b"Name,Note\n" + b"x," * 1000 + b"\n",
        {"EXITLENS_IMPORT_MAX_LINE_CHARS": 1000},
        "leavers.csv has a line of more than 1,000 characters (line 2)",
    ),
    "CSV rows beyond the limit": (
        "leavers.csv",
        b"Name\n" + b"Someone\n" * 20_000 + b"x" * 2000 + b"\n",
        {"EXITLENS_IMPORT_MAX_ROWS": 10, "EXITLENS_IMPORT_MAX_LINE_CHARS": 1000},
        "leavers.csv has more than 10 rows of data",
    ),
    "ZIP archive renamed .xlsx that is none": (
        "leavers.xlsx",
        hostile.NOT_A_ZIP,
        {},
        "leavers.xlsx is not a valid Excel workbook (.xlsx).",
    ),
    "binary garbage named .xlsx": (
        "leavers.xlsx",
        hostile.GARBAGE,
        {},
        "leavers.xlsx is not a CSV or Excel file: it holds binary data.",
    ),
    "binary garbage named .csv": (
        "leavers.csv",
        hostile.GARBAGE,
        {},
        "leavers.csv is not a CSV or Excel file: it holds binary data.",
    ),
}


def left_behind() -> list:
    """Uploads in the imports folder (the rejected-rows folder under it is another matter)."""
    folder = settings.DATA_DIR / "imports"
    return [path for path in folder.iterdir() if path.is_file()] if folder.exists() else []


@pytest.fixture(autouse=True)
def _no_uploads_before():
    for path in left_behind():
        path.unlink()


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_page_refuses_it_and_keeps_nothing(client, hr, department, settings, attack):
    name, content, limits, message = ATTACKS[attack]
    for setting, value in limits.items():
        setattr(settings, setting, value)
    login(client, hr)

    response = client.post(URL, {"file": SimpleUploadedFile(name, content)})

    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert message in html
    assert 'type="file" name="file"' in html
    assert str(settings.DATA_DIR) not in html
    assert left_behind() == []
    assert not Departure.objects.exists()


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_command_refuses_it(tmp_path, department, settings, attack):
    name, content, limits, message = ATTACKS[attack]
    for setting, value in limits.items():
        setattr(settings, setting, value)
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(CommandError, match="^" + str(path).replace(".", r"\.")) as raised:
        call_command("import", "departures", str(path), stdout=StringIO())

    assert message.replace("leavers", str(tmp_path / "leavers"), 1) in str(raised.value)
    assert not Departure.objects.exists()
    assert left_behind() == []


def test_an_upload_over_the_size_limit_is_dropped_as_it_arrives(client, hr, settings):
    settings.EXITLENS_IMPORT_MAX_FILE_MB = 1
    login(client, hr)
    content = b"Name\n" + b"Someone\n" * 140_000  # 1.1 MB

    response = client.post(URL, {"file": SimpleUploadedFile("leavers.csv", content)})

    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is larger than 1.0\xa0MB; files up to 1.0\xa0MB can be imported." in html
    assert left_behind() == []


def test_the_command_refuses_a_file_over_the_size_limit(tmp_path, settings):
    settings.EXITLENS_IMPORT_MAX_FILE_MB = 1
    path = tmp_path / "leavers.csv"
    path.write_bytes(b"Name\n" + b"Someone\n" * 140_000)

    with pytest.raises(CommandError, match=r"leavers\.csv is 1\.1 MB; files up to 1 MB"):
        call_command("import", "departures", str(path), stdout=StringIO())


def test_an_upload_is_deleted_when_reading_it_fails_unexpectedly(
    client, hr, department, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(departures, "build_plan", broken)
    login(client, hr)
    content = b"Name;Department\nFenna Visser;Customer Service\n"

    with pytest.raises(RuntimeError):
        client.post(URL, {"file": SimpleUploadedFile("leavers.csv", content)})

    assert left_behind() == []


def test_a_stored_upload_that_turns_hostile_is_deleted_on_the_next_check(client, hr, department):
    login(client, hr)
    content = b"Name;Department\nFenna Visser;Customer Service\n"
    client.post(URL, {"file": SimpleUploadedFile("leavers.csv", content)})
    (path,) = left_behind()  # kept for the import
    kept = path.stat()
    path.write_bytes(hostile.GARBAGE)  # replaced on disk between the check and the import
    os.utime(path, (kept.st_atime, kept.st_mtime))
    token = path.stem

    response = client.post(URL, {"token": token, "name": "leavers.csv"}, follow=True)

    assert b"leavers.csv is not a CSV or Excel file" in response.content
    assert left_behind() == []
