"""`exitlens webhooks deliver [--loop]`: send the webhook deliveries that are due."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exitlens.webhooks import delivery


class Command(BaseCommand):
    help = (
        "Webhooks: `deliver` sends every delivery that is due (new ones the web server could not "
        "send, and retries) and deletes finished ones older than 30 days. Run it every minute "
        "from cron, or keep it running with --loop."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        deliver = commands.add_parser("deliver", help="Send the deliveries that are due.")
        deliver.add_argument("--loop", action="store_true", help="Keep running, every --interval.")
        deliver.add_argument(
            "--interval", type=int, default=30, help="Seconds between runs with --loop."
        )

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"_{action}")(**options)

    def _deliver(self, loop: bool = False, interval: int = 30, **_) -> None:
        if interval < 5:
            raise CommandError("--interval must be at least 5 seconds")
        while True:
            outcome = delivery.deliver_due()
            pruned = delivery.prune()
            if not loop or outcome.delivered or outcome.retrying or outcome.failed or pruned:
                self.stdout.write(
                    f"Delivered {outcome.delivered}; {outcome.retrying} to retry later; "
                    f"{outcome.failed} failed for good; {pruned} old deliveries deleted."
                )
            if not loop:
                return
            time.sleep(interval)
