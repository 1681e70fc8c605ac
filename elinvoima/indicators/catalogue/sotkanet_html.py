"""Sotkanet's own texts (an indicator's description, interpretation, limitations,
legislation and notices, its sources' descriptions) as THL writes them: small HTML with
links, line breaks, lists, paragraphs and emphasis. They are shown as HTML, sanitised with
nh3 (the Rust library ammonia): only those tags, `href` only on links and only to http,
https or mailto (a relative link is Sotkanet's own, made absolute), every link
`rel="noopener noreferrer"`; scripts, styles, event handlers and every other attribute go.
The parser decodes each entity once and the result escapes only what must be escaped, so
`&#8594;` shows as → and `&amp;` as &.

Sanitised when shown, not when imported: the stored text stays as THL sent it (the
indicator's fields and `metadata`, which the API gives and a new import compares with), and
a change of what is allowed here takes effect without importing anything again. nh3 takes
microseconds a text, and each text's result is kept in memory (`lru_cache`), so a page
mostly costs a dictionary lookup per text."""

from functools import lru_cache

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

TAGS = {"a", "b", "br", "em", "i", "li", "ol", "p", "strong", "sub", "sup", "ul"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"
# A relative link in THL's text points into Sotkanet's site.
SOTKANET_SITE = "https://sotkanet.fi/"
CACHED_TEXTS = 2048

_cleaner = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=LINK_REL,
    url_relative=("rewrite_with_base", SOTKANET_SITE),
    strip_comments=True,
)


def sotkanet_html(text: str | None) -> SafeString:
    """THL's HTML text, sanitised, safe to put into a page as it is; "" when it shows
    nothing (empty, blank or only tags)."""
    return mark_safe(_sanitised(text or ""))  # noqa: S308 (nh3 has sanitised it)


@lru_cache(maxsize=CACHED_TEXTS)
def _sanitised(text: str) -> str:
    if not text.strip():
        return ""
    html = _cleaner.clean(text).strip()
    return html if strip_tags(html).strip() else ""
