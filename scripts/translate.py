"""Fill fi/sv catalogue entries from a table: `python scripts/translate.py table.py`.

The table module defines T = {msgid: (fi, sv)} and, for plurals,
P = {msgid: ((fi_one, fi_many), (sv_one, sv_many))}. Entries it fills lose their fuzzy flag;
what remains untranslated or fuzzy is listed."""

import runpy
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]


def main(table_path: str) -> int:
    table = runpy.run_path(table_path)
    singular, plural = table.get("T", {}), table.get("P", {})
    missing = 0
    for index, language in enumerate(["fi", "sv"]):
        path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.msgid_plural and entry.msgid in plural:
                one, many = plural[entry.msgid][index]
                entry.msgstr_plural = {0: one, 1: many}
            elif entry.msgid in singular:
                entry.msgstr = singular[entry.msgid][index]
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        catalogue.save(str(path))
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
            missing += 1
            print(f"{language}: still missing: {entry.msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
