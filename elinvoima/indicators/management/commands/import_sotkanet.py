"""`manage.py import_sotkanet`: import Sotkanet files, or fetch them from Sotkanet's REST
API first (`--fetch`). Files are imported in the order regions → indicator list →
metadata → values (values need their indicators and regions), each all or nothing; the
command stops at the first file that is refused. Each file is recorded as an import job,
so the import pages list these too.

    manage.py import_sotkanet --regions regions.json --metadata indicators_186_322.json \\
        --values values.json values.csv
    manage.py import_sotkanet --fetch --indicator 186 --indicator 322 \\
        --year 2022 --year 2023 --gender total
"""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob
from elinvoima.indicators.sotkanet.client import (
    SotkanetClient,
    SotkanetFetchError,
    values_params,
)
from elinvoima.indicators.sotkanet.jobs import import_job_run
from elinvoima.indicators.sotkanet.parsers import GENDERS
from elinvoima.indicators.sotkanet.problems import problem_text

Kind = ImportJob.Kind


class Command(BaseCommand):
    help = "Import Sotkanet regions, indicators and values from files or from Sotkanet's API."

    def add_arguments(self, parser):
        files = parser.add_argument_group("files")
        files.add_argument("--regions", metavar="FILE", help="a /regions JSON file")
        files.add_argument(
            "--indicators", metavar="FILE", help="an /indicators JSON file (the list)"
        )
        files.add_argument(
            "--metadata", metavar="FILE", nargs="+", default=[], help="/indicators/{id} files"
        )
        files.add_argument(
            "--values",
            metavar="FILE",
            nargs="+",
            default=[],
            help="/json or /csv values files (by the name's ending, .json or .csv)",
        )
        fetch = parser.add_argument_group("fetching from Sotkanet (--fetch)")
        fetch.add_argument("--fetch", action="store_true", help="fetch from Sotkanet's API")
        fetch.add_argument(
            "--indicator", type=int, action="append", default=[], help="an indicator id"
        )
        fetch.add_argument("--year", type=int, action="append", default=[], help="a year")
        fetch.add_argument(
            "--gender",
            action="append",
            choices=sorted(GENDERS),
            default=[],
            help="default: total, male and female",
        )
        fetch.add_argument(
            "--indicator-list", action="store_true", help="also fetch the list of all indicators"
        )
        fetch.add_argument("--no-regions", action="store_true", help="do not fetch /regions")
        fetch.add_argument("--base-url", help="default: settings.SOTKANET_BASE_URL")
        fetch.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
        fetch.add_argument(
            "--interval", type=float, default=0.5, help="seconds between requests (at least)"
        )
        fetch.add_argument("--retries", type=int, default=4)
        fetch.add_argument(
            "--backoff", type=float, default=1.0, help="first retry's wait; doubles each time"
        )

    def handle(self, *args, **options):
        if options["fetch"]:
            self._fetch(options)
            return
        planned = []
        if options["regions"]:
            planned.append((Kind.REGIONS, options["regions"]))
        if options["indicators"]:
            planned.append((Kind.INDICATOR_LIST, options["indicators"]))
        planned += [(Kind.INDICATOR_METADATA, name) for name in options["metadata"]]
        planned += [(_values_kind(name), name) for name in options["values"]]
        if not planned:
            raise CommandError("Give files to import (--regions, --metadata, --values) or --fetch.")
        for kind, name in planned:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            with path.open("rb") as source:
                self._import(kind, source, path.name, path.stat().st_size)

    def _fetch(self, options) -> None:
        if options["indicator"] and not options["year"]:
            raise CommandError("Fetching values needs at least one --year.")
        client = SotkanetClient(
            base_url=options["base_url"],
            timeout=options["timeout"],
            min_interval=options["interval"],
            retries=options["retries"],
            backoff=options["backoff"],
        )
        planned = []
        if not options["no_regions"]:
            planned.append((Kind.REGIONS, "regions", []))
        if options["indicator_list"]:
            planned.append((Kind.INDICATOR_LIST, "indicators", []))
        for indicator in options["indicator"]:
            planned.append((Kind.INDICATOR_METADATA, f"indicators/{indicator}", []))
        genders = options["gender"] or ["total", "male", "female"]
        for indicator in options["indicator"]:
            params = values_params(indicator=indicator, years=options["year"], genders=genders)
            planned.append((Kind.VALUES_JSON, "json", params))
        for kind, path, params in planned:
            with tempfile.TemporaryFile() as answer:
                try:
                    url = client.download(path, answer, params)
                except SotkanetFetchError as error:
                    raise CommandError(f"Sotkanet: {error}") from error
                size = answer.seek(0, 2)
                answer.seek(0)
                self._import(kind, answer, url[:255], size)
        self.stdout.write(f"{client.requests} requests to {client.base_url}")

    def _import(self, kind: str, source, name: str, size: int) -> None:
        job = ImportJob.objects.create(kind=kind, original_name=name, size=size)
        job = import_job_run(job=job, source=source)
        if job.status != ImportStatus.SUCCEEDED:
            for message in job.messages:
                self.stderr.write(f"{name}: {problem_text(message)}")
            raise CommandError(
                _("%(name)s was refused; nothing of it was written.") % {"name": name}
            )
        self.stdout.write(
            _(
                "%(name)s: %(total)s rows, %(added)s added, %(changed)s changed, "
                "%(unchanged)s unchanged."
            )
            % {
                "name": name,
                "total": job.total,
                "added": job.added,
                "changed": job.changed,
                "unchanged": job.unchanged,
            }
        )


def _values_kind(name: str) -> str:
    if name.lower().endswith(".csv"):
        return Kind.VALUES_CSV
    if name.lower().endswith(".json"):
        return Kind.VALUES_JSON
    raise CommandError(f"{name}: a values file ends in .json or .csv")
