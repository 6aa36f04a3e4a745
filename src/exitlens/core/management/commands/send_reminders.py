import time

from django.core.management.base import BaseCommand, CommandError

from exitlens.core.services.invitations import send_reminders


class Command(BaseCommand):
    help = (
        "Send reminders for open interview invitations and expire old links. Safe to run as "
        "often as you like: each leaver gets at most EXITLENS_MAX_REMINDERS reminders, "
        "EXITLENS_REMINDER_AFTER_DAYS apart. Run it daily from cron, or keep it running "
        "with --loop."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, every --interval.")
        parser.add_argument(
            "--interval", type=int, default=3600, help="Seconds between runs with --loop."
        )

    def handle(self, *args, loop: bool, interval: int, **options):
        if interval < 60:
            raise CommandError("--interval must be at least 60 seconds")
        while True:
            run = send_reminders()
            self.stdout.write(
                f"Sent {run.invited} planned invitations ({run.not_invited} failed) and "
                f"{run.reminded} reminders; {run.expired} invitations expired."
            )
            if not loop:
                return
            time.sleep(interval)
