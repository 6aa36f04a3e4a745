from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from exitlens.core.models import Departure, User

DEMO_PASSWORD = "exitlens-demo"  # noqa: S105  (a local demo only; printed on start)
DEMO_USERS = [
    ("admin", User.Role.ADMIN, "Ada", "Admin"),
    ("hr", User.Role.HR, "Hanneke", "de Haan"),
    ("viewer", User.Role.VIEWER, "Victor", "Visser"),
]


def ensure_demo_users() -> None:
    with transaction.atomic():
        for username, role, first_name, last_name in DEMO_USERS:
            if not User.objects.filter(username=username).exists():
                User.objects.create_user(
                    username,
                    f"{username}@example.org",
                    DEMO_PASSWORD,
                    role=role,
                    first_name=first_name,
                    last_name=last_name,
                    handles_cases=role != User.Role.VIEWER,
                )


class Command(BaseCommand):
    help = (
        "Try Exitlens: migrate the database, load a fictional organisation (once), create demo "
        "users and start the server on 127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--departures", type=int, default=300, help="Demo departures to load.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the data, do not serve."
        )

    def handle(self, *args, departures: int, port: int, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        ensure_demo_users()
        if not Departure.objects.exists():
            self.stdout.write(f"Loading a fictional organisation with {departures} departures...")
            call_command("seed_demo", departures=departures, stdout=self.stdout)
            self.stdout.write("Coding the demo answers into themes...")
            call_command("themes", "recode", stdout=self.stdout)
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write(
            self.style.SUCCESS(f"\nExitlens demo: open {url}\n")
            + f"  HR:      user 'hr'      password '{DEMO_PASSWORD}'\n"
            + f"  Admin:   user 'admin'   password '{DEMO_PASSWORD}'\n"
            + f"  Viewer:  user 'viewer'  password '{DEMO_PASSWORD}'\n"
            + "  Invitation e-mails are printed here, links included.\n"
        )
        if not no_serve:
            call_command("serve", host="127.0.0.1", port=port, workers=2, no_deploy_checks=True)
