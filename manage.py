#!/usr/bin/env python
"""Django's command-line utility for Elinvoima."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except (ImproperlyConfigured, OperationalError) as error:
        # A wrong DATABASE_URL or a missing setting: one clear line, not a traceback.
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        sys.stderr.write(f"elinvoima: cannot start: {first_line}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
