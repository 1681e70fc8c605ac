"""Reads of the indicator catalogue: the indicators matching the list's filters, the
subjects to filter by, and one indicator's metadata shaped for its page."""

import re

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from elinvoima.core.translation import active_language, text_in
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator

SORTS = {
    "title": ("title", _("Title A–Ö")),
    "-updated": ("-data_updated", _("Recently updated first")),
    "sotkanet": ("sotkanet_id", _("Sotkanet number")),
}
SUBJECTS_CACHE_KEY = "indicators:catalogue-subjects:{language}"
SUBJECTS_CACHE_SECONDS = 600


def subject_choices() -> list[tuple[str, str]]:
    """Every subject of the indicators (Sotkanet's YSO terms), in the user's language,
    by label; the key is the term's URI, or its Finnish label when it has none. Read once
    every ten minutes: it scans every indicator's subjects."""
    lang = active_language()
    key = SUBJECTS_CACHE_KEY.format(language=lang)
    choices = cache.get(key)
    if choices is None:
        found: dict[str, str] = {}
        for subjects in Indicator.objects.exclude(subjects=[]).values_list("subjects", flat=True):
            for subject in subjects or []:
                if isinstance(subject, dict) and (value := subject_key(subject)):
                    found.setdefault(value, text_in(subject, lang))
        choices = sorted(found.items(), key=lambda item: item[1].casefold())
        cache.set(key, choices, SUBJECTS_CACHE_SECONDS)
    return choices


def subject_key(subject: dict) -> str:
    return str(subject.get("uri") or subject.get("fi") or "")


def indicator_catalogue_filtered(*, filters: dict) -> QuerySet[Indicator]:
    """Indicators of the catalogue matching the list's filters (`q` in the title, `source`,
    `subject`, `sort`), with what a row of the list shows."""
    lang = active_language()
    queryset = Indicator.objects.all()
    if text := filters.get("q", "").strip():
        # The title in the user's language, and the Finnish one that it falls back to.
        queryset = queryset.filter(
            Q(**{f"title_{lang}__icontains": text}) | Q(title_fi__icontains=text)
        )
    if source := filters.get("source"):
        queryset = queryset.filter(source=source)
    if subject := filters.get("subject"):
        # The JSON list's text holds the URI in quotes; the same on SQLite and PostgreSQL.
        queryset = queryset.filter(subjects__icontains=f'"{subject}"')
    order, _label = SORTS.get(filters.get("sort", ""), SORTS["title"])
    if order == "title":
        order = f"title_{lang}"
    return queryset.select_related("owner_municipality").order_by(order, "id")


_BREAKS = re.compile(r"<\s*(br|/p|p)\b[^>]*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def plain_text(value: str) -> str:
    """Sotkanet's descriptions carry a little HTML (<br>, <p>): kept as line breaks, every
    other tag dropped; the template escapes the rest."""
    text = _BREAKS.sub("\n", value or "")
    return _BLANK_LINES.sub("\n\n", strip_tags(text)).strip()


def _sources(indicator: Indicator) -> list[dict[str, str]]:
    lang = active_language()
    sources = []
    for source in indicator.sources or []:
        if not isinstance(source, dict):
            continue
        organisation = source.get("organization") or {}
        sources.append(
            {
                "title": text_in(source.get("title") or {}, lang),
                "organisation": text_in(organisation.get("title") or {}, lang),
                "description": plain_text(text_in(source.get("description") or {}, lang)),
            }
        )
    return sources


def indicator_metadata(*, indicator: Indicator) -> dict:
    """What an indicator's page shows of its metadata, in the user's language (falling back
    as modeltranslation does), as plain text, with the link to Sotkanet's own page."""
    lang = active_language()
    return {
        "description": plain_text(indicator.description),
        "interpretation": plain_text(indicator.interpretation),
        "limits": plain_text(indicator.limits),
        "notices": plain_text(indicator.notices),
        "sources": _sources(indicator),
        "subjects": [
            text_in(subject, lang)
            for subject in indicator.subjects or []
            if isinstance(subject, dict)
        ],
        "is_sotkanet": indicator.source == IndicatorSource.SOTKANET,
        "sotkanet_url": (
            f"https://sotkanet.fi/sotkanet/{lang}/metadata/indicators/{indicator.sotkanet_id}"
            if indicator.sotkanet_id
            else ""
        ),
    }
