"""Ids in Django templates are written without the thousands separator.

With USE_THOUSAND_SEPARATOR a Django template writes the number 9096 as "9 096" in Finnish
and Swedish: an id in a form value, an element id or a fragment then points nowhere once a
table passes a thousand rows. Such ids go through `|unlocalize` (or `stringformat`). Jinja2
templates do not localize and are not scanned. The test database's ids start above a thousand
(tests/conftest.py), so the pages' own tests see what production sees."""

import re
from pathlib import Path

import elinvoima

ROOT = Path(elinvoima.__file__).parent
# `{{ something.pk }}`, `{{ something.id }}`, `{{ something_id }}` with no filter after it.
BARE_ID = re.compile(r"\{\{\s*[\w.]*?(?:\.pk|\.id|_id)\s*\}\}")
# Text ids, not numbers.
TEXT_IDS = {"business_id", "auto_id"}


def _bare_ids(text: str) -> list[str]:
    found = []
    for match in BARE_ID.finditer(text):
        name = match.group(0).strip("{} ")
        if name.rsplit(".", 1)[-1] not in TEXT_IDS:
            found.append(match.group(0))
    return found


def test_django_templates__ids__written_without_thousands_separator():
    bare = {
        f"{path.relative_to(ROOT)}:{number}": ids
        for path in sorted(ROOT.rglob("templates/**/*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (ids := _bare_ids(line))
    }
    assert not bare, f"ids a Django template would write as 9 096: {bare}"


def test_bare_id_pattern__finds_ids_not_filtered_ones():
    assert _bare_ids('<input value="{{ goal.pk }}" id="x-{{ row.goal.id }}-{{ plan_id }}">') == [
        "{{ goal.pk }}",
        "{{ row.goal.id }}",
        "{{ plan_id }}",
    ]
    assert _bare_ids('value="{{ goal.pk|unlocalize }}" {{ organisation.business_id }}') == []
