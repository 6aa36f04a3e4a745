from django.core.management.base import BaseCommand

from exitlens.core.services import sealing


class Command(BaseCommand):
    help = (
        "Release sealed anonymous interviews in batches of at least EXITLENS_MIN_GROUP_SIZE that "
        "share their (generalised) department, tenure band and period. It runs by itself after "
        "every anonymous submission; run it by hand after a reorganisation of departments."
    )

    def handle(self, *args, **options):
        result = sealing.release_batches()
        self.stdout.write(
            f"Released {result.released} anonymous interviews in {result.batches} batches; "
            f"{result.still_sealed} stay sealed."
        )
        if result.unreadable:
            self.stderr.write(
                f"{result.unreadable} sealed interviews cannot be opened with the current secret "
                "key or EXITLENS_SECRET_KEY_FALLBACKS; they are kept."
            )
