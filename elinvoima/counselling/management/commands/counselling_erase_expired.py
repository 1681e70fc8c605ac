"""`manage.py counselling_erase_expired`: the clients whose records are past the retention
time (`COUNSELLING_RETENTION_YEARS` after their last period closed), counted by county —
a dry run that changes nothing. With `--commit --as USERNAME` (a scheduled job) each of
them is erased by `gdpr.client_erase` as that keeper of the register, who must keep the
register of the client's county: the same rule, the same audit entry as on the page."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from elinvoima.actors.models import User
from elinvoima.counselling.access_selectors import clients_past_retention, retention_years
from elinvoima.counselling.gdpr import client_erase
from elinvoima.counselling.models import Client
from elinvoima.counselling.permissions import keeps_register


class Command(BaseCommand):
    help = "List (or with --commit, erase) the counselling clients past the retention time."

    def add_arguments(self, parser):
        parser.add_argument("--commit", action="store_true", help="Erase them (else a dry run).")
        parser.add_argument(
            "--as",
            dest="username",
            help="The keeper of the register in whose name they are erased (with --commit).",
        )

    def handle(self, *args, commit: bool, username: str | None, **options):
        due = clients_past_retention()
        counts = (
            Client.objects.filter(pk__in=due.values("pk"))
            .values("wellbeing_county__code", "wellbeing_county__name")
            .annotate(clients=Count("pk"))
            .order_by("wellbeing_county__code")
        )
        years = retention_years()
        for row in counts:
            self.stdout.write(
                f"{row['wellbeing_county__name']} ({row['wellbeing_county__code']}): "
                f"{row['clients']} clients past {years} years"
            )
        if not commit:
            self.stdout.write("Dry run: nothing was erased (--commit --as USERNAME erases).")
            return
        if not username:
            raise CommandError("--commit needs --as USERNAME: the keeper of the register.")
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        erased = skipped = 0
        for client in Client.objects.filter(pk__in=due.values("pk")).select_related(
            "wellbeing_county"
        ):
            if not keeps_register(user, client.wellbeing_county):
                skipped += 1
                continue
            client_erase(user=user, client=client)
            erased += 1
        self.stdout.write(f"Erased {erased} clients.")
        if skipped:
            self.stdout.write(
                f"{skipped} clients of counties whose register {username} does not keep."
            )
