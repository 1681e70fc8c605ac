"""The Jinja2 environment of the pages whose benchmark Django's template engine cannot
meet (docs/performance.md, "Pages"); every other page is a Django template.

Its templates live in the apps' `jinja2/` directories and read like the Django ones:
autoescape on, `url(name, *args, **kwargs)`, `static(path)`, and Django's translations
through the `jinja2.ext.i18n` extension. Write a translated text as `_("…")` with a
literal string, formatted with `%` after it (`_("Version %(number)s") % {"number": n}`),
either first in a `{{ }}` (not `{{-`) or anywhere in a one-line `{% %}` such as
`{% set label = _("…") %}` — `makemessages` reads `.html` files as Django templates and
finds exactly those.
`ngettext` is there too, but `makemessages` does not see it: use only msgids that a Django
template or Python module also uses, or the next `make messages` drops them."""

from html import escape as html_escape

import jinja2
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from markupsafe import Markup


def escape_output(value) -> str:
    """What a template's `{{ value }}` writes: `value` escaped as Django escapes it
    (`html.escape`: & < > " ' — the same entities as a Django template), or its `__html__()`
    when it is safe already (Markup, Django's SafeString). Jinja2's own escape returns a new
    Markup object per value, which costs twice as much on a page of thousands of values;
    what a template writes is only ever joined into its output, so a `str` does."""
    if value.__class__ is str:
        return html_escape(value)
    if value.__class__ is Markup:
        return value
    if value.__class__ is int:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html_escape(str(value))


class Template(jinja2.Template):
    """A Jinja2 template whose output escaping is `escape_output`: its compiled code calls
    `escape` from its module's namespace for each `{{ }}`, which is set here."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):  # noqa: A002 (Jinja2's name)
        namespace["escape"] = escape_output
        return super()._from_namespace(environment, namespace, globals)


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> jinja2.Environment:
    options["autoescape"] = True
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.i18n"]
    env = jinja2.Environment(**options)  # noqa: S701 (autoescape is on, above)
    env.template_class = Template
    # Django's gettext and ngettext, old style: `_()` returns the text, escaped on output
    env.install_gettext_translations(translation, newstyle=False)  # type: ignore[attr-defined]
    env.globals.update(url=url, static=static)
    return env
