"""Erase the personal data of workshop registrations past their retention date (run daily,
e.g. from cron: `manage.py erase_expired_registrations`)."""

from django.core.management.base import BaseCommand

from elinvoima.workshops.jobs import registrations_erase_expired


class Command(BaseCommand):
    help = "Erase the personal data of registrations past the date their people agreed to."

    def handle(self, *args, **options):
        count = registrations_erase_expired()
        self.stdout.write(f"Erased the personal data of {count} registrations.")
