"""Reads of the indicator catalogue: the indicators matching the list's filters, the
subjects to filter by, and one indicator's metadata shaped for its page."""

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from elinvoima.core.text_search import translated
from elinvoima.core.translation import active_language, text_in
from elinvoima.indicators.catalogue.sotkanet_html import sotkanet_html
from elinvoima.indicators.enums import Gender, IndicatorSource
from elinvoima.indicators.models import Indicator

# What the catalogue's search looks in: the titles above the descriptions.
SEARCHED = [
    *translated("title", weight=2, languages=("fi", "sv", "en")),
    *translated("description", weight=1, languages=("fi", "sv", "en")),
]
RELEVANCE = "relevance"

SORTS = {
    RELEVANCE: ("-search_rank", _("Best match")),
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
    """Indicators of the catalogue matching the list's filters (`q`, a core.text_search
    TextSearch, in the titles and descriptions; `source`, `subject`, `sort`), with what a
    row of the list shows. With search words the best match comes first unless another
    sort is chosen."""
    lang = active_language()
    queryset = Indicator.objects.all()
    search = filters.get("q")
    if search:
        queryset = queryset.filter(search.filter(SEARCHED)).annotate(
            search_rank=search.rank(SEARCHED)
        )
    if source := filters.get("source"):
        queryset = queryset.filter(source=source)
    if subject := filters.get("subject"):
        # The JSON list's text holds the URI in quotes; the same on SQLite and PostgreSQL.
        queryset = queryset.filter(subjects__icontains=f'"{subject}"')
    default = RELEVANCE if search else "title"
    sort = filters.get("sort", default)
    if sort == RELEVANCE and not search:
        sort = "title"
    order, _label = SORTS.get(sort, SORTS[default])
    title = f"title_{lang}"
    if order == "title":
        order = title
    tie_break = (title,) if sort == RELEVANCE else ()
    return queryset.select_related("owner_municipality").order_by(order, *tie_break, "id")


# Sotkanet's classifications besides region and sex (`classifications` of the metadata).
CLASSIFICATION_LABELS = {"age": _("Age group")}


def _text(value, lang: str) -> str:
    """A Sotkanet text, `{"fi": …, "sv": …, "en": …}` or a plain string, in `lang`."""
    if isinstance(value, str):
        return value
    return text_in(value, lang) if isinstance(value, dict) else ""


def _own_text(value: str) -> SafeString:
    """A municipality's own indicator's text: plain text as typed, escaped, line breaks
    kept."""
    if not (value or "").strip():
        return SafeString("")
    return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308 (escaped by linebreaks)


def _sources(indicator: Indicator, lang: str) -> list[dict]:
    sources = []
    for source in indicator.sources or []:
        if not isinstance(source, dict):
            continue
        organisation = source.get("organization")
        organisation = organisation if isinstance(organisation, dict) else {}
        sources.append(
            {
                "title": _text(source.get("title"), lang),
                "organisation": _text(organisation.get("title"), lang),
                "description": sotkanet_html(_text(source.get("description"), lang)),
            }
        )
    return sources


def _classifications(metadata: dict, lang: str) -> list[tuple[str, str]]:
    """(label, text) of each classification but sex (the genders, shown on their own):
    the regional levels the indicator has, then e.g. its age group."""
    found = metadata.get("classifications")
    shown = []
    for name, classification in (found if isinstance(found, dict) else {}).items():
        if name == "sex" or not isinstance(classification, dict):
            continue
        text = _text(classification.get("title"), lang)
        if text:
            label = _("Regional levels") if name == "region" else None
            shown.append((str(label or CLASSIFICATION_LABELS.get(name, name)), text))
    return shown


def _sotkanet_metadata(indicator: Indicator, lang: str) -> dict:
    """The metadata that Indicator keeps only in `metadata`, as THL sent it."""
    metadata = indicator.metadata if isinstance(indicator.metadata, dict) else {}
    groups = metadata.get("groups")
    return {
        "legislation": sotkanet_html(_text(metadata.get("legislation"), lang)),
        "classifications": _classifications(metadata, lang),
        "groups": [str(group) for group in groups if isinstance(group, int | str)]
        if isinstance(groups, list)
        else [],
    }


def indicator_metadata(*, indicator: Indicator) -> dict:
    """What an indicator's page shows of its metadata, in the user's language (falling back
    as modeltranslation does): every field of Sotkanet's metadata, THL's texts as their HTML
    sanitised (`sotkanet_html`), an own indicator's as plain text; with the link to
    Sotkanet's own page."""
    lang = active_language()
    is_sotkanet = indicator.source == IndicatorSource.SOTKANET
    shown = sotkanet_html if is_sotkanet else _own_text
    return {
        "description": shown(indicator.description),
        "interpretation": shown(indicator.interpretation),
        "limits": shown(indicator.limits),
        "notices": shown(indicator.notices),
        **(
            _sotkanet_metadata(indicator, lang)
            if is_sotkanet
            else {"legislation": "", "classifications": [], "groups": []}
        ),
        "genders": [
            Gender(value).label for value in Gender.values if value in (indicator.genders or [])
        ],
        "sources": _sources(indicator, lang),
        "subjects": [
            text_in(subject, lang)
            for subject in indicator.subjects or []
            if isinstance(subject, dict)
        ],
        "is_sotkanet": is_sotkanet,
        "sotkanet_url": (
            f"https://sotkanet.fi/sotkanet/{lang}/metadata/indicators/{indicator.sotkanet_id}"
            if indicator.sotkanet_id
            else ""
        ),
    }
