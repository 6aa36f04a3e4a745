"""The import page: upload a spreadsheet, check the plan, change the columns, import."""

import os
import re
from datetime import date, datetime
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from exitlens.core.models import AuditEntry, Department, Departure, Manager
from tests.conftest import login

URL = reverse("departure_import")

# Made up for these tests: Dutch headers, semicolons, Windows-1252 as Excel saves it.
LEAVERS = (
    "Personeelsnummer;Naam;Afdeling;Leidinggevende;Functie;Datum uit dienst;Reden vertrek;"
    "Kostenplaats\n"
    "HR-7001;Fenna Visser;Customer Service;Ruud Roos;Agent;31-05-2026;Ontslag genomen;K7\n"
    "HR-7002;Bram Claes;customer service;;Teamleider;30.06.2026;pensioen;K7\n"
)
REJECTED_ROW = "HR-7003;Iris Mol;Customer Service;;Agent;31-02-2026;anders;K7\n"


def upload(client, text: str = LEAVERS, name: str = "vertrekkers.csv", **options):
    data = {"file": SimpleUploadedFile(name, text.encode("cp1252"), "text/csv")}
    data.update({option: "on" for option, on in options.items() if on})
    return client.post(URL, data)


def hidden(html: str, name: str) -> str:
    return re.search(rf'type="hidden" name="{name}" value="([^"]*)"', html).group(1)


def import_fields(html: str) -> dict:
    """What the Import button of the page sends."""
    form = html.split('id="import-check"')[1].split("</form>", 1)[1]
    return dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form))


def uploads() -> list:
    folder = settings.DATA_DIR / "imports"
    return sorted(folder.glob("*.csv")) + sorted(folder.glob("*.xlsx")) if folder.exists() else []


@pytest.fixture(autouse=True)
def _no_uploads_left():
    yield
    for path in uploads():
        path.unlink()


def test_it_sends_an_anonymous_visitor_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_hides_the_page_from_a_viewer(client, viewer, department):
    login(client, viewer)
    assert client.get(URL).status_code == 404
    assert upload(client).status_code == 404
    assert not Departure.objects.exists()
    assert uploads() == []


def test_it_shows_the_upload_form(client, hr):
    login(client, hr)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="file"' in html
    assert 'name="create_departments"' in html
    assert 'name="skip_bad_rows"' in html
    assert '<textarea name="value_maps"' in html
    assert "A row with an HR system id that is already known updates that departure" in html


def test_the_departure_list_links_to_it(client, hr):
    login(client, hr)
    assert f'href="{URL}"' in client.get(reverse("departure_list")).content.decode()


def test_it_shows_the_plan_and_the_columns_of_a_dutch_csv(client, hr, department):
    login(client, hr)
    response = upload(client)

    html = response.content.decode()
    assert response.status_code == 200
    assert "vertrekkers.csv: 2 rows read." in html
    figures = re.findall(
        r'<span class="figure">(\d+)</span><span class="figure-label">([^<]+)', html
    )
    assert figures == [
        ("2", "to create"),
        ("0", "to update"),
        ("0", "unchanged"),
        ("0", "rejected"),
    ]
    assert "<li>Ruud Roos</li>" in html  # a new manager
    assert re.search(r'<option value="full_name" selected>\s*Name', html)
    assert re.search(r'<option value="leave_date" selected>\s*Leave date', html)
    kostenplaats = re.search(
        r'<label for="id_column_7">Kostenplaats</label>.*?</select>', html, re.S
    )
    assert '<option value="" selected>(leave out)</option>' in kostenplaats.group()
    assert '<button class="button" type="submit" name="action" value="import">' in html
    assert len(uploads()) == 1
    assert hidden(html, "token") == uploads()[0].stem
    assert not Departure.objects.exists()  # only checked


def test_it_checks_again_with_a_column_left_out(client, hr, department):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())
    assert fields["column_4"] == "job_title"

    response = client.post(URL, {**fields, "column_4": "", "action": "check"})

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        r'<label for="id_column_4">Functie</label>.*?<option value="" selected>', html, re.S
    )
    assert import_fields(html)["column_4"] == ""
    client.post(URL, {**import_fields(html), "action": "import"})
    assert set(Departure.objects.values_list("job_title", flat=True)) == {""}


def test_it_imports_the_plan(client, hr, department):
    Departure.objects.create(
        full_name="Bram Claes", department=department, leave_date=date(2026, 1, 1),
        external_id="HR-7002", job_title="Agent",
    )  # fmt: skip
    login(client, hr)
    fields = import_fields(upload(client).content.decode())

    response = client.post(URL, {**fields, "action": "import"})

    assert response.status_code == 302
    assert response.url == reverse("departure_list")
    fenna = Departure.objects.get(external_id="HR-7001")
    assert (fenna.full_name, fenna.department, fenna.leave_date) == (
        "Fenna Visser", department, date(2026, 5, 31)
    )  # fmt: skip
    assert fenna.manager == Manager.objects.get(name="Ruud Roos")
    bram = Departure.objects.get(external_id="HR-7002")
    assert (bram.job_title, bram.leave_date) == ("Teamleider", date(2026, 6, 30))
    assert Departure.objects.count() == 2
    entry = AuditEntry.objects.get(action="departures.imported")
    assert entry.actor == hr
    assert entry.subject == "vertrekkers.csv"  # the name uploaded, not the name stored
    assert entry.data["created"] == 1
    assert entry.data["updated"] == 1
    assert uploads() == []  # the stored file is gone
    follow = client.get(response.url).content.decode()
    assert "Imported: 1 created, 1 updated, 0 rejected." in follow


def test_a_rejected_row_means_nothing_is_imported(client, hr, department):
    login(client, hr)
    html = upload(client, LEAVERS + REJECTED_ROW).content.decode()

    assert "<td>4</td><td>Datum uit dienst</td><td>31-02-2026</td>" in html
    assert "1 row is rejected, so nothing can be imported." in html
    assert 'value="import"' not in html
    token = hidden(html, "token")
    columns = dict(re.findall(r'name="(column_\d+)".*?<option value="(\w*)" selected', html, re.S))
    forced = client.post(URL, {"token": token, **columns, "action": "import"})
    assert forced.status_code == 200
    assert "1 row is rejected, so nothing can be imported." in forced.content.decode()
    assert not Departure.objects.exists()
    assert not AuditEntry.objects.filter(action="departures.imported").exists()


def test_it_creates_departments_only_when_asked(client, hr, department):
    text = LEAVERS.replace("Customer Service;Ruud", "Finance;Ruud")
    login(client, hr)
    html = upload(client, text).content.decode()
    assert "no department with this name" in html

    html = upload(client, text, create_departments=True).content.decode()
    assert "<li>Finance</li>" in html
    client.post(URL, {**import_fields(html), "action": "import"})
    assert Departure.objects.get(external_id="HR-7001").department.name == "Finance"
    assert Department.objects.count() == 2


def test_it_lets_the_user_settle_two_columns_for_one_field(client, hr, department):
    login(client, hr)
    html = upload(client, LEAVERS.replace("Kostenplaats", "Functienaam")).content.decode()
    assert "Both &quot;Functie&quot; and &quot;Functienaam&quot; would fill job_title." in html
    assert "Choose the field of each column below, then check again." in html
    assert 'value="import"' not in html

    fields = {"token": hidden(html, "token"), "name": "vertrekkers.csv", "action": "check"}
    fields.update({f"column_{i}": name for i, name in enumerate(
        ["external_id", "full_name", "department", "manager", "job_title", "leave_date",
         "departure_type", ""]
    )})  # fmt: skip
    html = client.post(URL, fields).content.decode()
    assert "Both" not in html
    assert 'value="import"' in html


def test_it_refuses_a_field_that_is_not_offered(client, hr, department):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())

    response = client.post(URL, {**fields, "column_0": "password", "action": "import"})

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not Departure.objects.exists()


def test_it_imports_an_excel_workbook(client, hr, department):
    workbook = Workbook()
    workbook.active.append(["Employee ID", "Full name", "Department", "Leave date"])
    workbook.active.append(["E-1", "Ann Smith", "Customer Service", datetime(2026, 5, 31)])
    content = BytesIO()
    workbook.save(content)
    login(client, hr)
    xlsx = SimpleUploadedFile("leavers.xlsx", content.getvalue())

    html = client.post(URL, {"file": xlsx}).content.decode()
    assert "leavers.xlsx: 1 row read." in html
    assert uploads()[0].suffix == ".xlsx"
    client.post(URL, {**import_fields(html), "action": "import"})

    assert Departure.objects.get(external_id="E-1").leave_date == date(2026, 5, 31)


def test_nothing_to_import_hides_the_import_button(client, hr, department):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())
    client.post(URL, {**fields, "action": "import"})

    html = upload(client).content.decode()
    assert re.search(r'<span class="figure">2</span><span class="figure-label">unchanged', html)
    assert "Nothing to import." in html
    assert 'value="import"' not in html


def test_a_file_that_is_no_spreadsheet_gives_an_error(client, hr, department):
    login(client, hr)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))
    response = client.post(URL, {"file": SimpleUploadedFile("leavers.csv", png, "image/png")})

    html = response.content.decode()
    assert response.status_code == 200
    assert "leavers.csv is not a CSV or Excel file: it holds binary data." in html
    assert str(settings.DATA_DIR) not in html
    assert 'type="file" name="file"' in html
    assert uploads() == []
    assert not Departure.objects.exists()


def test_a_file_without_known_columns_shows_them_to_choose(client, hr, department):
    login(client, hr)
    response = upload(client, "Wie;Wanneer\nFenna;31-05-2026\n")

    html = response.content.decode()
    assert response.status_code == 200
    assert "No column is recognised." in html
    assert '<label for="id_column_0">Wie</label>' in html
    assert 'value="import"' not in html


def test_it_refuses_a_file_that_is_too_large(client, hr, department, settings):
    settings.EXITLENS_IMPORT_MAX_FILE_MB = 1
    login(client, hr)
    response = upload(client, LEAVERS + REJECTED_ROW * 20_000)  # 1.3 MB

    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is larger than 1.0\xa0MB; files up to 1.0\xa0MB can be imported." in html
    assert uploads() == []
    assert not Departure.objects.exists()


def test_it_refuses_an_upload_without_a_file(client, hr):
    login(client, hr)
    response = client.post(URL, {"strict": "on"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize("token", ["../../etc/passwd", "0" * 31 + "/", "ab" * 16, "AB" * 16])
def test_it_refuses_a_tampered_or_unknown_token(client, hr, department, token):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())

    response = client.post(URL, {**fields, "token": token, "action": "import"}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert "The uploaded file is no longer here" in response.content.decode()
    assert 'type="file" name="file"' in response.content.decode()
    assert not Departure.objects.exists()


def test_an_upload_older_than_a_day_has_expired_and_is_deleted(client, hr, department):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())
    (path,) = uploads()
    day_ago = path.stat().st_mtime - 24 * 60 * 60 - 1
    os.utime(path, (day_ago, day_ago))

    response = client.post(URL, {**fields, "action": "import"}, follow=True)
    assert "The uploaded file is no longer here" in response.content.decode()
    assert not Departure.objects.exists()

    upload(client)
    assert not path.exists()


def test_a_second_click_on_import_imports_nothing_more(client, hr, department):
    login(client, hr)
    fields = import_fields(upload(client).content.decode())
    (path,) = uploads()
    lock = path.with_suffix(".lock")
    lock.touch()  # the first click is still importing

    response = client.post(URL, {**fields, "action": "import"}, follow=True)

    assert "This file is being imported already." in response.content.decode()
    assert not Departure.objects.exists()
    lock.unlink()


def test_an_admin_can_import_too(client, admin, department):
    login(client, admin)
    fields = import_fields(upload(client).content.decode())
    client.post(URL, {**fields, "action": "import"})
    assert Departure.objects.count() == 2


# Skipping the bad rows, and their file.


def rejected_files() -> list:
    return sorted((settings.DATA_DIR / "imports" / "rejected").glob("*/*.csv"))


@pytest.fixture(autouse=True)
def _no_rejected_files_left():
    yield
    for path in rejected_files():
        path.unlink()


def import_skipping_bad_rows(client):
    html = upload(client, LEAVERS + REJECTED_ROW, skip_bad_rows=True).content.decode()
    assert '<input type="checkbox" name="skip_bad_rows" id="id_skip_bad_rows" checked>' in html
    assert 'value="import"' in html
    response = client.post(URL, {**import_fields(html), "action": "import"}, follow=True)
    return re.search(r'href="(/departures/import/rejected/\w+/)"', response.content.decode())


def test_it_imports_the_valid_rows_when_asked_and_offers_the_rejected_ones_once(
    client, hr, department
):
    login(client, hr)
    link = import_skipping_bad_rows(client)

    assert set(Departure.objects.values_list("external_id", flat=True)) == {"HR-7001", "HR-7002"}
    entry = AuditEntry.objects.get(action="departures.imported")
    assert (entry.data["created"], entry.data["rejected"]) == (2, 1)
    (stored,) = rejected_files()
    assert oct(stored.stat().st_mode & 0o777) == "0o600"

    response = client.get(link.group(1))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="rejected-rows.csv"'
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.splitlines() == [
        "import_errors,Personeelsnummer,Naam,Afdeling,Leidinggevende,Functie,Datum uit dienst,"
        "Reden vertrek,Kostenplaats",
        '"row 4, Datum uit dienst: 31-02-2026 is not a valid date",HR-7003,Iris Mol,'
        "Customer Service,,Agent,31-02-2026,anders,K7",
    ]
    downloaded = AuditEntry.objects.get(action="departures.rejected_rows_downloaded")
    assert downloaded.actor == hr
    assert rejected_files() == []
    assert client.get(link.group(1)).status_code == 404  # once only


def test_the_rejected_rows_are_for_the_person_who_imported_them(
    client, hr, admin, viewer, department
):
    login(client, hr)
    link = import_skipping_bad_rows(client).group(1)

    for other in (admin, viewer):
        login(client, other)
        assert client.get(link).status_code == 404
    client.logout()
    assert client.get(link).status_code == 302
    assert len(rejected_files()) == 1
    assert not AuditEntry.objects.filter(action="departures.rejected_rows_downloaded").exists()


def test_the_rejected_rows_are_deleted_after_a_day(client, hr, department):
    login(client, hr)
    link = import_skipping_bad_rows(client).group(1)
    (stored,) = rejected_files()
    day_ago = stored.stat().st_mtime - 24 * 60 * 60 - 1
    os.utime(stored, (day_ago, day_ago))

    assert client.get(link).status_code == 404
    assert not stored.exists()


def test_without_rejected_rows_no_file_is_kept(client, hr, department):
    login(client, hr)
    html = upload(client, skip_bad_rows=True).content.decode()
    follow = client.post(URL, {**import_fields(html), "action": "import"}, follow=True)
    assert "Imported: 2 created, 0 updated, 0 rejected." in follow.content.decode()
    assert rejected_files() == []


# Values and columns the import does not know.

UNKNOWN_TYPE = "HR-7004;Kees Kok;Customer Service;;Agent;31-05-2026;Wederzijds goedvinden;K7\n"


def test_an_unknown_value_gets_a_choice_that_is_used_on_the_next_check(client, hr, department):
    login(client, hr)
    html = upload(client, LEAVERS + UNKNOWN_TYPE).content.decode()

    assert "Values not recognised" in html
    assert "Wederzijds goedvinden is not one of: resignation, dismissal" in html
    option = "Reden vertrek:Wederzijds goedvinden=dismissal"
    assert f'<option value="{option}">Dismissal</option>' in html
    assert 'value="import"' not in html

    fields = {"token": hidden(html, "token"), "name": "vertrekkers.csv", "action": "check"}
    fields.update(
        dict(re.findall(r'name="(column_\d+)".*?<option value="(\w*)" selected', html, re.S))
    )
    html = client.post(URL, {**fields, "map_value": [option, ""]}).content.decode()

    assert "Values not recognised" not in html
    assert f">\n{option}</textarea>" in html
    assert import_fields(html)["map_value"] == option
    client.post(URL, {**import_fields(html), "action": "import"})
    assert Departure.objects.get(external_id="HR-7004").departure_type == "dismissal"


def test_value_mappings_typed_on_the_upload_page_are_used(client, hr, department):
    login(client, hr)
    data = {
        "file": SimpleUploadedFile("v.csv", (LEAVERS + UNKNOWN_TYPE).encode("cp1252")),
        "value_maps": "Reden vertrek:wederzijds GOEDVINDEN=resignation\r\n\r\n",
    }
    html = client.post(URL, data).content.decode()

    assert "Values not recognised" not in html
    client.post(URL, {**import_fields(html), "action": "import"})
    assert Departure.objects.get(external_id="HR-7004").departure_type == "resignation"


def test_a_value_mapping_that_does_not_fit_is_shown(client, hr, department):
    login(client, hr)
    data = {
        "file": SimpleUploadedFile("v.csv", LEAVERS.encode("cp1252")),
        "value_maps": "Reden vertrek:Weg=gone",
    }
    html = client.post(URL, data).content.decode()

    assert "gone is not one of: resignation, dismissal" in html
    assert 'value="import"' not in html
    assert ">\nReden vertrek:Weg=gone</textarea>" in html


def test_unknown_columns_are_named_and_left_out(client, hr, department):
    login(client, hr)
    html = upload(client).content.decode()
    assert "These columns are not recognised and are left out: Kostenplaats." in html


def test_a_file_with_only_a_header_cannot_be_imported(client, hr, department):
    login(client, hr)
    html = upload(client, LEAVERS.splitlines()[0] + "\n").content.decode()
    assert "vertrekkers.csv has a header row but no data rows" in html
    assert 'value="import"' not in html


def test_a_row_with_too_many_columns_is_rejected_as_such(client, hr, department):
    login(client, hr)
    extra = "HR-7005;Lies;Customer Service;;Agent;Utrecht;31-05-2026;anders;K7\n"
    html = upload(client, LEAVERS + extra).content.decode()
    assert "<td>4</td><td>—</td><td></td><td>row 4 has 9 columns, the header has 8</td>" in html
    assert 'value="import"' not in html
