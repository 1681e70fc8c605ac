"""`manage.py counselling_rotate_keys`: encrypt every counselling value again with the
newest key (put first in ELINVOIMA_COUNSELLING_KEYS); afterwards the old key can go."""

from django.core.management.base import BaseCommand

from elinvoima.counselling.rotation import keys_rotate


class Command(BaseCommand):
    help = "Encrypt the counselling data again with the newest key."

    def handle(self, *args, **options):
        count = keys_rotate()
        self.stdout.write(f"Rotated {count} rows.")
