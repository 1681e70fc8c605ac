"""core.translation: the fallback of modeltranslation's settings, for plain values."""

from django.conf import settings
from django.utils import translation

from elinvoima.core.translation import (
    active_language,
    default_language,
    fallback_languages,
    languages,
    text_in,
    text_picker,
    translated_field_names,
)


def test_languages_and_default__from_the_settings():
    assert languages() == tuple(settings.MODELTRANSLATION_LANGUAGES) == ("fi", "sv", "en")
    assert default_language() == settings.MODELTRANSLATION_DEFAULT_LANGUAGE == "fi"


def test_fallback_languages__as_modeltranslation_resolves_them():
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for lang in languages():
        order = fallback_languages(lang)
        assert order[0] == lang
        expected = dict.fromkeys((lang, *fallbacks.get(lang, ()), *fallbacks["default"]))
        assert order == tuple(expected)
    assert fallback_languages("fi") == ("fi", "sv", "en")


def test_text_in__the_language_else_its_fallback():
    assert text_in({"fi": "Kunta", "sv": "Kommun", "en": "Municipality"}, "sv") == "Kommun"
    assert text_in({"fi": "Kunta", "sv": "", "en": "Municipality"}, "sv") == "Kunta"
    assert text_in(("", "Kommun", "Municipality"), "fi") == "Kommun"
    assert text_in(("", "", "Municipality"), "fi") == "Municipality"
    assert text_in({}, "fi") == ""
    assert text_in(None, "fi") == ""
    assert text_in("plain", "sv") == "plain"


def test_text_in__active_language_by_default():
    with translation.override("sv"):
        assert active_language() == "sv"
        assert text_in(("Kunta", "Kommun", None)) == "Kommun"
    with translation.override("de"):
        assert active_language() == "fi"


def test_text_picker__same_as_text_in_for_each_language():
    rows = [("Kunta", "Kommun", "Municipality"), ("Kunta", None, ""), ("", "", "x"), ()]
    for lang in languages():
        pick = text_picker(lang)
        assert [pick(row) for row in rows] == [text_in(row, lang) for row in rows]


def test_translated_field_names():
    assert translated_field_names("name") == ["name_fi", "name_sv", "name_en"]
