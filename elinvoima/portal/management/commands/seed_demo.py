from django.conf import settings
from django.core.management.base import BaseCommand

from elinvoima.portal.demo import demo_data_load


class Command(BaseCommand):
    help = "Load the reference data and the demo organisations and accounts. Idempotent."

    def handle(self, *args, **options):
        result = demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)
        self.stdout.write(
            f"Reference data: {result.counties} wellbeing counties, "
            f"{result.municipalities} municipalities. "
            f"Demo: {result.organisations} organisations, {result.networks} networks, "
            f"{len(result.accounts)} accounts."
        )
        self.stdout.write("")
        self.stdout.write(
            "Demo accounts (password: $ELINVOIMA_DEMO_PASSWORD, default elinvoima-demo):"
        )
        for username, description in result.accounts:
            self.stdout.write(f"  {username:<28} {description}")
