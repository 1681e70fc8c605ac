"""Bounds of a free-text search, the same for every page and the API. A search of hundreds of
words is no one's search: on SQLite it exceeds the expression depth (a 500), and on any
database it costs a scan per word. It is refused with a message, not cut silently."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

MAX_TERMS = 10
MAX_LENGTH = 200


def search_terms_validate(terms: list[str], text: str) -> None:
    """Refuse a search of more than MAX_TERMS words or MAX_LENGTH characters."""
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            ngettext_lazy(
                "Search with at most %(limit)d character.",
                "Search with at most %(limit)d characters.",
                MAX_LENGTH,
            )
            % {"limit": MAX_LENGTH},
            code="search_too_long",
        )
    if len(terms) > MAX_TERMS:
        raise ValidationError(
            ngettext_lazy(
                "Search with at most %(limit)d word.",
                "Search with at most %(limit)d words.",
                MAX_TERMS,
            )
            % {"limit": MAX_TERMS},
            code="search_too_many_terms",
        )


def search_terms(text: str) -> list[str]:
    """The words of a search, validated against the bounds above."""
    terms = text.split()
    search_terms_validate(terms, text)
    return terms


SEARCH_HELP = _("Words to look for; at most %(terms)d words and %(length)d characters.") % {
    "terms": MAX_TERMS,
    "length": MAX_LENGTH,
}
