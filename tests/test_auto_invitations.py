"""Imported departures of the chosen types are invited automatically by `send-reminders`."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from exitlens.core.models import AuditEntry, Departure, Invitation

HEADER = "Personeelsnummer;Naam;Afdeling;Datum uit dienst;Reden vertrek;E-mail\n"


def import_rows(tmp_path, rows: list[str]) -> None:
    path = tmp_path / "leavers.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    call_command("import", "departures", str(path), stdout=StringIO())


def day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


@pytest.fixture
def auto(settings):
    settings.EXITLENS_AUTO_INVITE_TYPES = ["resignation", "retirement"]
    settings.EXITLENS_AUTO_INVITE_DAYS = -7
    return settings


def test_an_import_plans_invitations_for_the_chosen_types_only(tmp_path, department, auto):
    import_rows(
        tmp_path,
        [
            f"A1;Anna;{department.name};{day(30):%d-%m-%Y};ontslag genomen;anna@example.org",
            f"A2;Bram;{department.name};{day(30):%d-%m-%Y};ontslag;bram@example.org",
            f"A3;Cor;{department.name};{day(30):%d-%m-%Y};pensioen;",  # no address
        ],
    )

    planned = dict(Departure.objects.values_list("external_id", "invite_on"))
    assert planned == {"A1": day(23), "A2": None, "A3": None}


def test_no_types_means_no_automatic_invitations(tmp_path, department, settings):
    settings.EXITLENS_AUTO_INVITE_TYPES = []
    import_rows(
        tmp_path, [f"A1;Anna;{department.name};{day(3):%d-%m-%Y};ontslag genomen;a@example.org"]
    )

    assert Departure.objects.get().invite_on is None


def test_send_reminders_invites_on_the_planned_day_once(tmp_path, department, auto, mailoutbox):
    import_rows(
        tmp_path,
        [
            f"A1;Anna;{department.name};{day(5):%d-%m-%Y};ontslag genomen;anna@example.org",
            f"A2;Dirk;{department.name};{day(30):%d-%m-%Y};ontslag genomen;dirk@example.org",
        ],
    )
    out = StringIO()

    call_command("send_reminders", stdout=out)
    call_command("send_reminders", stdout=StringIO())

    assert "Sent 1 planned invitations" in out.getvalue()
    invitation = Invitation.objects.get()
    assert invitation.departure.external_id == "A1"
    assert invitation.sent_to == "anna@example.org" and invitation.sent_by is None
    assert [message.to for message in mailoutbox] == [["anna@example.org"]]
    assert AuditEntry.objects.filter(action="invitation.sent").count() == 1
    assert Departure.objects.get(external_id="A1").invite_on is None
    assert Departure.objects.get(external_id="A2").invite_on == day(23)  # not yet


def test_a_departure_invited_by_hand_in_the_meantime_is_not_invited_again(
    tmp_path, department, auto, mailoutbox, hr
):
    from exitlens.core.services.invitations import send_invitation

    import_rows(
        tmp_path, [f"A1;Anna;{department.name};{day(1):%d-%m-%Y};ontslag genomen;a@example.org"]
    )
    send_invitation(Departure.objects.get(), by=hr)
    mailoutbox.clear()

    call_command("send_reminders", stdout=StringIO())

    assert Invitation.objects.count() == 1
    assert mailoutbox == []
