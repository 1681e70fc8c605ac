"""Which language's text to show when a text is missing in the reader's language, read from
modeltranslation's settings (MODELTRANSLATION_FALLBACK_LANGUAGES), so that plain rows
(`values_list`), Sotkanet's `{"fi": …, "sv": …, "en": …}` texts and the models' own
translated fields fall back the same way."""

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.utils.translation import get_language
from modeltranslation import settings as mt_settings
from modeltranslation.utils import resolution_order


def languages() -> tuple[str, ...]:
    """The languages of the translated fields, in the order of their columns: fi, sv, en."""
    return tuple(mt_settings.AVAILABLE_LANGUAGES)


def default_language() -> str:
    """The language every translated text has (required in forms): Finnish."""
    return mt_settings.DEFAULT_LANGUAGE


def active_language() -> str:
    """The active language if it is one of `languages()`, else the default one."""
    code = (get_language() or "")[:2]
    return code if code in languages() else default_language()


@lru_cache(maxsize=16)
def fallback_languages(lang: str) -> tuple[str, ...]:
    """`lang` first, then the languages to fall back to, as modeltranslation reads them."""
    return resolution_order(lang)


def text_in(values: Mapping[str, Any] | Sequence[Any] | None, lang: str | None = None) -> str:
    """The text in `lang` (by default the active language), else in its fallback languages,
    else "". `values` is `{"fi": …, "sv": …, "en": …}` or the (fi, sv, en) columns."""
    if isinstance(values, list | tuple):
        values = dict(zip(languages(), values, strict=False))
    elif not isinstance(values, Mapping):
        return str(values or "")  # an untranslated text, or nothing
    for code in fallback_languages(lang or active_language()):
        if text := values.get(code):
            return str(text)
    return ""


def text_picker(lang: str | None = None) -> Callable[[Sequence[Any]], str]:
    """A function (fi, sv, en) columns → the text to show, for many rows: the positions to
    look at are worked out once, not per row."""
    positions = [languages().index(code) for code in fallback_languages(lang or active_language())]

    def pick(values: Sequence[Any]) -> str:
        for position in positions:
            if position < len(values) and (text := values[position]):
                return str(text)
        return ""

    return pick


def translated_field_names(name: str) -> list[str]:
    """The columns of the translated field `name`: name_fi, name_sv, name_en."""
    return [f"{name}_{code}" for code in languages()]
