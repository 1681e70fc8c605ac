"""Every UI string is translated to Finnish and Swedish: the catalogues are regenerated
from the source into a scratch copy, and every message in them must be translated and not
fuzzy. A new string without a translation fails here."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["fi", "sv"]


@pytest.fixture(scope="module")
def regenerated_catalogues(tmp_path_factory) -> dict[str, polib.POFile]:
    """makemessages run on a scratch copy of the sources, so the tree is never touched."""
    from django.conf import settings

    scratch = tmp_path_factory.mktemp("sources")
    ignore = shutil.ignore_patterns("__pycache__", "*.mo")
    for part in ("config", "elinvoima", "locale"):
        shutil.copytree(ROOT / part, scratch / part, ignore=ignore)
    original_paths, settings.LOCALE_PATHS = settings.LOCALE_PATHS, [scratch / "locale"]
    original_cwd = Path.cwd()
    try:
        os.chdir(scratch)
        call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    finally:
        os.chdir(original_cwd)
        settings.LOCALE_PATHS = original_paths
    return {
        language: polib.pofile(str(scratch / "locale" / language / "LC_MESSAGES" / "django.po"))
        for language in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__every_message__translated_and_not_fuzzy(regenerated_catalogues, language):
    catalogue = regenerated_catalogues[language]
    assert len(catalogue) > 100, "the catalogue should hold the whole UI"
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated messages: {untranslated}"
    assert not fuzzy, f"{language}: fuzzy messages: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__committed_file__matches_the_source(regenerated_catalogues, language):
    committed = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    missing = {e.msgid for e in regenerated_catalogues[language]} - {e.msgid for e in committed}
    assert not missing, f"{language}: run `make messages` and translate: {sorted(missing)}"
