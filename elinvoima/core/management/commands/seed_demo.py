from django.conf import settings
from django.core.management.base import BaseCommand

from elinvoima.core.demo import demo_data_load


class Command(BaseCommand):
    help = "Load the reference data and every app's demo data and accounts. Idempotent."

    def handle(self, *args, **options):
        context = demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)
        loaded = ", ".join(f"{number} {label}" for label, number in context.counts)
        self.stdout.write(f"Loaded: {loaded}.")
        self.stdout.write("")
        self.stdout.write(
            "Demo accounts (password: $ELINVOIMA_DEMO_PASSWORD, default elinvoima-demo):"
        )
        for username, description in context.accounts:
            self.stdout.write(f"  {username:<28} {description}")
