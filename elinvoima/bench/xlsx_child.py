"""The child process of `activities_xlsx_export` (elinvoima/bench/welfare_report.py): every
activity exported to the XLSX file named on the command line, as the report's workbook
writes its activity sheet; prints the export's own seconds (Django's start-up left out)
and the process's peak memory, Python and Django included."""

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
    seconds = time.perf_counter() - started
    print(f"{seconds:.6f} {peak_megabytes():.1f}", flush=True)


def peak_megabytes() -> float:
    """This process's peak resident memory since it started (VmHWM). Not `ru_maxrss`: on
    Linux that keeps the high-water mark of the parent's image forked before the exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    main(sys.argv[1])
