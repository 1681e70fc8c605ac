"""The child process of `activities_xlsx_export` (elinvoima/bench/welfare_report.py): every
activity exported to the XLSX file named on the command line, as the report's workbook
writes its activity sheet; prints the export's own seconds (Django's start-up left out),
so that the parent reads them and the process's peak memory separately."""

import sys
import time

import django


def main(path: str) -> None:
    django.setup()
    from elinvoima.cards.activities.models import Activity
    from elinvoima.core.exports import xlsx_write
    from elinvoima.reports.welfare.workbook import activity_table

    started = time.perf_counter()
    with open(path, "wb") as target:
        xlsx_write([activity_table(Activity.objects.all(), "fi")], target)
    print(f"{time.perf_counter() - started:.6f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
