"""Template helpers shared by every page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict[str, str | bool]]:
    """The current page in each language, for the language switcher."""
    request = context.get("request")
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    path = request.get_full_path() if request else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced, for pagination and sorting."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def audit_changes(entry) -> list[tuple[str, str, str]]:
    """An audit entry's changes as (field, before, after). Read in Python: in a template,
    `changes_dict.items` would look up a changed field called "items" first, and many-to-many
    changes are recorded as {type, operation, objects} instead of a pair."""
    rows = []
    for field, change in (entry.changes_dict or {}).items():
        if isinstance(change, dict) and change.get("type") == "m2m":
            objects = ", ".join(str(name) for name in change.get("objects", []))
            before, after = ("", objects) if change.get("operation") == "add" else (objects, "")
        elif isinstance(change, list | tuple) and len(change) == 2:
            before, after = change
        else:
            before, after = "", change
        rows.append(
            (field, "" if before is None else str(before), "" if after is None else str(after))
        )
    return rows


@register.simple_tag(takes_context=True)
def registered_tabs(context, page: str, obj) -> list:
    """The tabs the apps registered for this page (core.registry), those this user may see:
    `{% registered_tabs "municipality" municipality as tabs %}`."""
    from elinvoima.core.registry import registry

    return registry.tabs_for(page, context["request"].user, obj)
