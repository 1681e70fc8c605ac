"""`python -m elinvoima.bench [names...]`: run the benchmarks against DATABASE_URL.

Prints one line each, `bench <name>: <value> <unit> (<ratio>x <baseline>)`, and merges all
figures into var/bench/results.json. A benchmark lives in its own module here and is
registered below with one line, as "module:function"; the function returns a
harness.Result or raises harness.Skipped.
"""

import argparse
import importlib
import os
import sys
import traceback

BENCHMARKS = {
    "scale_data_actors_pg": "elinvoima.bench.scale_data:scale_data_actors_pg",
    "scale_data_indicators_pg": "elinvoima.bench.scale_data:scale_data_indicators_pg",
    "scale_data_plans_pg": "elinvoima.bench.scale_data:scale_data_plans_pg",
    "directory_search_pg": "elinvoima.bench.directory_search:directory_search_pg",
    "sotkanet_import_pg": "elinvoima.bench.sotkanet_import:sotkanet_import_pg",
    "sotkanet_reimport_pg": "elinvoima.bench.sotkanet_reimport:sotkanet_reimport_pg",
    "sotkanet_import_sqlite": "elinvoima.bench.sotkanet_import:sotkanet_import_sqlite",
    "plan_page_pg": "elinvoima.bench.plan_page:plan_page_pg",
    "plan_page_coordinator_pg": "elinvoima.bench.coordinator_pages:plan_page_coordinator_pg",
    "goal_card_update_pg": "elinvoima.bench.coordinator_pages:goal_card_update_pg",
    "plan_page_gunicorn": "elinvoima.bench.plan_page_gunicorn:plan_page_gunicorn",
    "indicator_chart_page_pg": "elinvoima.bench.indicator_chart_page:warm_page_pg",
    "indicator_chart_page_cold_pg": "elinvoima.bench.indicator_chart_page:cold_page_pg",
    "council_goal_view_pg": "elinvoima.bench.council_goal_view:council_goal_view_pg",
    "activity_report_phone": "elinvoima.bench.council_goal_view:activity_report_phone",
    "budget_tally_pg": "elinvoima.bench.participatory_budget:budget_tally_pg",
    "ballot_cast_pg": "elinvoima.bench.participatory_budget:ballot_cast_pg",
    "annual_clock_pg": "elinvoima.bench.annual_clock:annual_clock_pg",
    "table_mixing": "elinvoima.bench.table_mixing:table_mixing",
    "county_report_pdf": "elinvoima.bench.welfare_report:county_report_pdf",
    "activities_xlsx_export": "elinvoima.bench.welfare_report:activities_xlsx_export",
    "practice_search_pg": "elinvoima.bench.practice_search:practice_search_pg",
    "counselling_record_read": "elinvoima.bench.counselling_record:counselling_record_read",
}


def _load(target: str):
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m elinvoima.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"default: all of {', '.join(BENCHMARKS)}")
    names = parser.parse_args(argv).names or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Measure what production runs: DEBUG would record every query and slow pages down.
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from .harness import Skipped, format_line, skipped_line, write_results

    call_command("migrate", interactive=False, verbosity=0)
    failed = False
    for name in names:
        try:
            result = _load(BENCHMARKS[name])()
        except Skipped as reason:
            print(skipped_line(name, str(reason)), flush=True)
            continue
        except Exception:
            traceback.print_exc()
            print(f"bench {name}: failed", flush=True)
            failed = True
            continue
        print(format_line(result), flush=True)
        # Written after each benchmark, so a later failure loses nothing.
        write_results([result], settings.VAR_DIR / "bench" / "results.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
