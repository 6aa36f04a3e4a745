"""A small organisation whose leavers answer anonymously through their real links, for the
attacks in this folder. Everything goes through the pages and services the product uses."""

from datetime import date

from django.test import Client

from exitlens.core.models import Department, Departure
from exitlens.core.services import invitations

# (department, leave date, hire date): spread over two departments, three quarters and three
# tenure bands, so that nearly every leaver is the only one of their kind.
LEAVERS = [
    ("Support", date(2026, 2, 10), date(2024, 1, 1)),
    ("Support", date(2026, 5, 12), date(2019, 1, 1)),
    ("Warehouse", date(2026, 5, 20), date(2025, 9, 1)),
    ("Support", date(2026, 8, 3), date(2024, 6, 1)),
    ("Warehouse", date(2026, 8, 14), date(2016, 1, 1)),
    ("Warehouse", date(2026, 2, 27), date(2022, 2, 1)),
    ("Support", date(2026, 5, 1), date(2025, 11, 1)),
    ("Warehouse", date(2026, 8, 30), date(2023, 3, 1)),
    ("Support", date(2026, 2, 2), date(2017, 5, 1)),
    ("Warehouse", date(2026, 5, 5), date(2024, 4, 1)),
    ("Support", date(2026, 8, 8), date(2025, 12, 1)),
]


def organisation() -> dict[str, Department]:
    operations = Department.objects.create(name="Operations")
    return {
        "Operations": operations,
        "Support": Department.objects.create(name="Support", parent=operations),
        "Warehouse": Department.objects.create(name="Warehouse", parent=operations),
    }


def invite_all(hr, mailoutbox, departments, level="anonymous") -> list[tuple[Departure, str]]:
    """Every leaver of LEAVERS invited at `level`; (departure, link token) each."""
    invited = []
    for number, (name, left, hired) in enumerate(LEAVERS):
        departure = Departure.objects.create(
            full_name=f"Leaver {number}",
            personal_email=f"leaver{number}@home.example.org",
            department=departments[name],
            leave_date=left,
            hire_date=hired,
            language="en",
        )
        invitations.send_invitation(departure, by=hr, confidentiality=level)
        token = mailoutbox[-1].body.split("/i/")[1].split("/")[0]
        invited.append((departure, token))
    return invited


def answer_and_submit(token: str, text: str) -> None:
    """The leaver opens their link, reads the promise and submits one answer, in a browser of
    their own."""
    leaver = Client()
    page = leaver.get(f"/i/{token}/")
    assert page.status_code == 200
    promise = page.context["form"]["promise"].value()
    response = leaver.post(f"/i/{token}/", {"reason": text, "promise": promise, "action": "submit"})
    assert response.status_code == 302, response.content.decode()[:500]
